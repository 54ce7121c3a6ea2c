"""Loading the thesaurus from data/reference/.

- concepts.csv: `concept,language,label,source_kind`, a concept's name in each UN language
  (one `ConceptLabel` per language, English required);
- thesaurus.csv: `concept,language,term`, the terms of each concept in the six languages and
  German, each language's most telling terms first (reference/thesaurus.README.md).
"""

from ctassist.languages import UN_LANGUAGES
from ctassist.reference import LoadReport, read_rows, reference_path, save_if_changed
from thesaurus import edition
from thesaurus.models import Concept, ConceptLabel, Term, TextSource

# The languages of the terms: the six of the UN and German, whose laws are in the corpus.
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es", "de")


def load_thesaurus(report: LoadReport) -> dict[str, Concept]:
    labels: dict[str, dict[str, tuple[str, str]]] = {}
    first_line = {}
    for row in read_rows(reference_path("concepts.csv"), ["concept", "language", "label", "source_kind"]):
        code = row.text("concept", required=True)
        language = row.choice("language", UN_LANGUAGES, required=True)
        if language in labels.get(code, {}):
            raise row.error("language", f"{code!r} already has a name in {language}")
        first_line.setdefault(code, row)
        labels.setdefault(code, {})[language] = (
            row.text("label", required=True),
            row.choice("source_kind", TextSource.values, required=True),
        )
    for code, by_language in labels.items():
        if "en" not in by_language:
            raise first_line[code].error("language", f"{code!r} has no English name")
    concepts = {}
    for code, by_language in labels.items():
        concept = concepts[code] = save_if_changed(Concept, {"code": code}, {}, report, "concepts")
        for language, (label, kind) in by_language.items():
            save_if_changed(
                ConceptLabel,
                {"concept": concept, "language": language},
                {"label": label, "source_kind": kind, "source": "concepts.csv"},
                report,
                "concept names",
            )
        ConceptLabel.objects.filter(concept=concept).exclude(language__in=by_language).delete()
    existing = set(Term.objects.values_list("concept__code", "language", "term"))
    new_terms = []
    for row in read_rows(reference_path("thesaurus.csv"), ["concept", "language", "term"]):
        code = row.text("concept", required=True)
        if code not in concepts:
            raise row.error("concept", f"{code!r} is not a concept of concepts.csv")
        key = (code, row.choice("language", LANGUAGES, required=True), row.text("term", required=True))
        if key in existing:
            report.count("thesaurus terms", "unchanged")
            continue
        existing.add(key)
        new_terms.append(Term(concept=concepts[code], language=key[1], term=key[2]))
        report.count("thesaurus terms", "created")
    Term.objects.bulk_create(new_terms)
    edition.bump()  # terms are written in bulk, without signals
    return concepts
