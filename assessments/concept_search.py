"""Search that crosses languages through the thesaurus.

A query such as "financing of terrorism" names a concept of the thesaurus; the same
concept's terms in the other languages (资助恐怖活动, financement du terrorisme …) are
searched too, so a Chinese provision answers an English query. Hits found this way say
through which concept and term."""

import re
from dataclasses import dataclass

from assessments.services import suggestion_inputs
from legislation import search as law_search

# The analyzers a query's script calls for (as the search's own query parser does).
_SCRIPTS = [
    (re.compile(r"[\u3400-\u9fff]"), ("zh",)),
    (re.compile(r"[\u0400-\u04ff]"), ("ru",)),
    (re.compile(r"[\u0600-\u06ff]"), ("ar",)),
    (re.compile(r"[A-Za-zÀ-ÿ]"), ("en", "fr", "es", "de")),
]
TERMS_PER_LANGUAGE = 2
# A page shows a few hits of each other-language term: its best among the newest 1,000
# matches are enough, and keep a query that names a concept about as fast as one that does not.
TERM_WINDOW = 1_000


@dataclass(frozen=True)
class ConceptHit:
    hit: object  # legislation.search.SearchHit
    concept: str | None  # None: the words of the query itself matched
    term: str | None


def query_concepts(q: str) -> dict[str, set[str]]:
    """Concepts the query names, each with the query words that matched it."""
    _obligations, words = suggestion_inputs()
    found: dict[str, set[str]] = {}
    for pattern, languages in _SCRIPTS:
        if pattern.search(q):
            for language in languages:
                for concept, matched in words.find_concepts(q, language).items():
                    found.setdefault(concept, set()).update(matched)
    return found


def search_across_languages(q: str, *, limit: int = 50, **filters) -> tuple[int, list[ConceptHit], list[str]]:
    total, hits = law_search.search(q, limit=limit, **filters)
    results = [ConceptHit(hit, None, None) for hit in hits]
    seen = {hit.provision_id for hit in hits}
    concepts = query_concepts(q)
    _obligations, words = suggestion_inputs()
    # Each other-language term's own best hits, taken in turn, so one page shows every language.
    streams = []
    for concept, matched in concepts.items():
        for language in ("zh", "en", "fr", "es", "ru", "ar", "de"):
            for term in words.terms_of(concept, language)[:TERMS_PER_LANGUAGE]:
                if term not in matched:
                    _more, extra = law_search.search(term, limit=limit, window=TERM_WINDOW, **filters)
                    streams.append([ConceptHit(hit, concept, term) for hit in extra])
    extras: list[ConceptHit] = []
    for rank in range(limit):
        for stream in streams:
            if rank < len(stream) and stream[rank].hit.provision_id not in seen:
                seen.add(stream[rank].hit.provision_id)
                extras.append(stream[rank])
    # The query's own hits first (half the page at least), then those found through the thesaurus.
    own = results[: max(limit // 2, limit - len(extras))]
    combined = own + extras[: limit - len(own)]
    return max(total, len(results) + len(extras)), combined, sorted(concepts)
