"""Search that crosses languages through the thesaurus.

A query such as "financing of terrorism" names a concept of the thesaurus; the same
concept's terms in the other languages (资助恐怖活动, financement du terrorisme …) are
searched too, so a Chinese provision answers an English query. Hits found this way say
through which concept and term."""

import re
from dataclasses import dataclass

from legislation import search as law_search
from thesaurus.services import current_thesaurus

# The analyzers a query's script calls for (as the search's own query parser does).
_SCRIPTS = [
    (re.compile(r"[\u3400-\u9fff]"), ("zh",)),
    (re.compile(r"[\u0400-\u04ff]"), ("ru",)),
    (re.compile(r"[\u0600-\u06ff]"), ("ar",)),
    (re.compile(r"[A-Za-zÀ-ÿ]"), ("en", "fr", "es", "de")),
]
TERMS_PER_LANGUAGE = 1
# The other-language terms are searched in one statement, each for its best hits among its
# newest TERM_WINDOW matches, with a quick score (legislation.search.search_any), so that a
# query naming a concept stays about as fast as one that does not.
TERM_WINDOW = 50


@dataclass(frozen=True)
class ConceptHit:
    hit: object  # legislation.search.SearchHit
    concept: str | None  # None: the words of the query itself matched
    term: str | None
    term_language: str | None = None  # the language of `term`, which a page marks with lang


def query_concepts(q: str) -> dict[str, set[str]]:
    """Concepts the query names, each with the query words that matched it."""
    thesaurus = current_thesaurus()
    found: dict[str, set[str]] = {}
    for pattern, languages in _SCRIPTS:
        if pattern.search(q):
            for language in languages:
                for concept, matched in thesaurus.find_concepts(q, language).items():
                    found.setdefault(concept, set()).update(matched)
    return found


def search_across_languages(
    q: str, *, limit: int = 50, own: tuple[int, list] | None = None, **filters
) -> tuple[int, list[ConceptHit], list[str]]:
    """The query's own hits (`own`: search(q, limit=limit, **filters) already made by the
    caller), then those found through the other languages' terms of the concepts it names;
    (total, hits, the concepts named)."""
    total, hits = own if own is not None else law_search.search(q, limit=limit, **filters)
    results = [ConceptHit(hit, None, None) for hit in hits]
    seen = {hit.provision_id for hit in hits}
    concepts = query_concepts(q)
    thesaurus = current_thesaurus()
    # The other languages' terms of the concepts, searched together in one statement.
    other_terms = []
    for concept, matched in concepts.items():
        for language in ("zh", "en", "fr", "es", "ru", "ar", "de"):
            for term in thesaurus.terms_of(concept, language)[:TERMS_PER_LANGUAGE]:
                if term not in matched:
                    other_terms.append((concept, term, language))
    found = law_search.search_any(
        [term for _concept, term, _language in other_terms],
        languages=[language for _concept, _term, language in other_terms],
        # A page shows a few of each term's hits (every snippet costs some work).
        limit=max(3, -(-limit // max(1, len(other_terms))) + 2),
        window=TERM_WINDOW,
        **filters,
    )
    streams = [
        [(hit, concept, term, language) for hit in hits]
        for (concept, term, language), hits in zip(other_terms, found, strict=True)
    ]
    # Each term's best hits taken in turn, so one page shows every language found.
    taken = []
    for rank in range(limit):
        for stream in streams:
            if rank < len(stream) and stream[rank][0].provision_id not in seen:
                seen.add(stream[rank][0].provision_id)
                taken.append(stream[rank])
    # The query's own hits first (half the page at least), then those found through the thesaurus.
    own = results[: max(limit // 2, limit - len(taken))]
    kept = taken[: limit - len(own)]
    hits = law_search.with_snippets(
        [hit for hit, *_rest in kept], [term for _h, _c, term, _l in kept], [lang for *_rest, lang in kept]
    )
    extras = [
        ConceptHit(hit, concept, term, language)
        for hit, (_h, concept, term, language) in zip(hits, kept, strict=True)
    ]
    combined = own + extras
    return max(total, len(results) + len(taken)), combined, sorted(concepts)
