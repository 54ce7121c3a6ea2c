"""The thesaurus as stored, for the matcher and for the names of its concepts: read once per
edition (thesaurus.edition) and kept between requests."""

from collections import defaultdict

from thesaurus import edition
from thesaurus.matcher import Thesaurus
from thesaurus.models import ConceptLabel, Term

_kept: dict = {}


def read_thesaurus() -> Thesaurus:
    """Every term of every concept, from the database."""
    terms: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    # In the order of thesaurus.csv, where each language lists its most telling terms first.
    for code, language, term in Term.objects.order_by("id").values_list("concept__code", "language", "term"):
        terms[code][language].append(term)
    return Thesaurus({code: dict(by_language) for code, by_language in terms.items()})


def current_thesaurus() -> Thesaurus:
    """The stored thesaurus, the same object while it does not change (its matchers, built on
    first use of each language, are then built once)."""
    now = edition.current()
    if _kept.get("edition") != now:
        _kept["thesaurus"] = read_thesaurus()
        _kept["edition"] = now
    return _kept["thesaurus"]


def concept_labels() -> dict[str, dict[str, str]]:
    """{concept code: {language: name}}: a search page names a concept beside many of its hits."""
    now = edition.current()
    if _kept.get("labels edition") != now:
        labels: dict[str, dict[str, str]] = {}
        for code, language, label in ConceptLabel.objects.values_list("concept__code", "language", "label"):
            labels.setdefault(code, {})[language] = label
        _kept["labels"], _kept["labels edition"] = labels, now
    return _kept["labels"]
