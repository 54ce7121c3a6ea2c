"""Loading the thesaurus and the obligations checklist from data/reference/."""

from assessments.models import Concept, Obligation, ObligationCategory, Term
from ctassist.reference import LoadReport, read_rows, reference_path, save_if_changed
from instruments.models import Instrument
from instruments.reference import SLUGS

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es", "de")


def load_thesaurus(report: LoadReport) -> dict[str, Concept]:
    concepts = {}
    for row in read_rows(reference_path("concepts.csv"), ["id", "label_en"]):
        code = row.text("id", required=True)
        concepts[code] = save_if_changed(
            Concept, {"code": code}, {"label_en": row.text("label_en", required=True)}, report, "concepts"
        )
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
    return concepts


def load_obligations(report: LoadReport, concepts: dict[str, Concept]) -> None:
    instruments = {instrument.slug: instrument for instrument in Instrument.objects.all()}
    positions: dict[str, int] = {}
    columns = [
        "slug",
        "article",
        "category",
        "concepts",
        "description_en",
        "description_zh",
        "complete",
        "source",
    ]
    for row in read_rows(reference_path("obligations.csv"), columns):
        slug = row.choice("slug", SLUGS, required=True)
        positions[slug] = positions.get(slug, 0) + 1
        codes = [code.strip() for code in row.text("concepts").split(";") if code.strip()]
        unknown = [code for code in codes if code not in concepts]
        if unknown:
            raise row.error("concepts", f"not concepts of concepts.csv: {', '.join(unknown)}")
        complete = row.choice("complete", ["yes", "no"], required=True) == "yes"
        if complete and not row.text("source"):
            raise row.error("source", "an obligation written from the treaty text needs its source")
        obligation = save_if_changed(
            Obligation,
            {"instrument": instruments[slug], "position": positions[slug]},
            {
                "article": row.text("article"),
                "category": row.choice("category", ObligationCategory.values, required=True),
                "concept_order": codes,
                "description_en": row.text("description_en", required=True),
                "description_zh": row.text("description_zh", required=True),
                "complete": complete,
                "source": row.text("source"),
            },
            report,
            "obligations",
        )
        if set(obligation.concepts.values_list("code", flat=True)) != set(codes):
            obligation.concepts.set([concepts[code] for code in codes])
    # Items that left the checklist go too, unless a review already judged them.
    for instrument in instruments.values():
        stale = Obligation.objects.filter(
            instrument=instrument, position__gt=positions.get(instrument.slug, 0)
        )
        if not stale.filter(findings__isnull=False).exists():
            stale.delete()
