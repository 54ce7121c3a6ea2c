"""Loading the obligations checklist from data/reference/ (the thesaurus it names is loaded
first, by thesaurus.reference).

Descriptions are kept one row per language (`ObligationText`):
- obligations.csv: the checklist, with ctassist's English summary and its Chinese translation;
- obligations.<language>.csv (ar, fr, ru, es): `slug,article,description_en,description`,
  ctassist's translation of the English summary, one row per row of obligations.csv. A row
  is matched by its English text (slug and article are not unique), so a translation of an
  English text that has since changed is left out: the page then shows the English, marked
  as such. A file may be absent or unfinished; a malformed one stops the load.
"""

import logging
from pathlib import Path

from simple_history.utils import bulk_create_with_history

from assessments.models import Obligation, ObligationCategory, ObligationText
from ctassist.reference import LoadReport, ReferenceDataError, read_rows, reference_path, save_if_changed
from instruments.models import Instrument
from instruments.reference import SLUGS
from thesaurus import edition
from thesaurus.models import Concept, TextSource

logger = logging.getLogger(__name__)

# Chinese sits beside the English in obligations.csv; the other four have a file each.
TRANSLATED_LANGUAGES = ("ar", "fr", "ru", "es")
TRANSLATION_COLUMNS = ["slug", "article", "description_en", "description"]


def translation_path(language: str) -> Path:
    return reference_path(f"obligations.{language}.csv")


def treaty_text_addresses() -> dict[str, str]:
    """The public address of each treaty text the editors worked from, by its file name."""
    return {
        row.text("file", required=True): row.text("address", required=True)
        for row in read_rows(reference_path("treaty_texts.csv"), ["file", "address", "publisher"])
    }


def treaty_text_of(source: str, addresses: dict[str, str]) -> str:
    # A source reads "shared/data/treaty_texts/12_terrorist_financing_1999.md art. 2(1)(a)".
    return addresses.get(Path(source.split(" art.")[0].strip()).name, "") if source else ""


# (instrument slug, article, English description) → (instrument slug, position)
EnglishIndex = dict[tuple[str, str, str], tuple[str, int]]


def read_translation(path: Path, english: EnglishIndex) -> dict[tuple[str, int], str]:
    """One language's descriptions from its file, by obligation; {} if there is no file.

    Rows left blank are not translated yet; rows whose English is no longer the checklist's
    are out of date: both are left out (and logged), so the English shows in their place."""
    if not path.exists():
        return {}
    found: dict[tuple[str, int], str] = {}
    stale, blank = [], 0
    for row in read_rows(path, TRANSLATION_COLUMNS):
        extra = sorted(set(row.values) - set(TRANSLATION_COLUMNS))
        if extra:
            raise ReferenceDataError(path, 1, None, f"unexpected column(s): {', '.join(extra)}")
        slug = row.choice("slug", SLUGS, required=True)
        key = (slug, row.text("article"), row.text("description_en", required=True))
        text = row.text("description")
        obligation = english.get(key)
        if obligation is None:
            stale.append(row.line)
            continue
        if obligation in found:
            raise row.error("description_en", "this obligation is already translated on an earlier line")
        if not text:
            blank += 1
            continue
        found[obligation] = text
    if stale:
        shown = ", ".join(str(line) for line in stale[:10]) + (" …" if len(stale) > 10 else "")
        logger.warning(
            "%s: %d row(s) translate an English description that is no longer the checklist's "
            "(lines %s); the English is shown instead.",
            path.name,
            len(stale),
            shown,
        )
    missing = len(set(english.values())) - len(found)
    if missing:
        logger.info("%s: %d obligations not translated yet (%d blank rows).", path.name, missing, blank)
    return found


def load_obligations(report: LoadReport, concepts: dict[str, Concept]) -> None:
    instruments = {instrument.slug: instrument for instrument in Instrument.objects.all()}
    addresses = treaty_text_addresses()
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
    english: EnglishIndex = {}
    texts: dict[tuple[str, int], dict[str, str]] = {}
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
        key = (slug, positions[slug])
        description_en = row.text("description_en", required=True)
        english[(slug, row.text("article"), description_en)] = key
        texts[key] = {"en": description_en, "zh": row.text("description_zh", required=True)}
        obligation = save_if_changed(
            Obligation,
            {"instrument": instruments[slug], "position": positions[slug]},
            {
                "article": row.text("article"),
                "category": row.choice("category", ObligationCategory.values, required=True),
                "concept_order": codes,
                "complete": complete,
                "source": row.text("source"),
                "treaty_text": treaty_text_of(row.text("source"), addresses),
            },
            report,
            "obligations",
        )
        if set(obligation.concepts.values_list("code", flat=True)) != set(codes):
            obligation.concepts.set([concepts[code] for code in codes])
    # Every translation file is read whole before any text is written.
    for language in TRANSLATED_LANGUAGES:
        for key, text in read_translation(translation_path(language), english).items():
            texts[key][language] = text
    save_texts(report, texts)
    edition.bump()  # texts are written in bulk, without signals
    # Items that left the checklist go too, unless a review already judged them.
    for instrument in instruments.values():
        stale = Obligation.objects.filter(
            instrument=instrument, position__gt=positions.get(instrument.slug, 0)
        )
        if not stale.filter(findings__isnull=False).exists():
            stale.delete()


def save_texts(report: LoadReport, texts: dict[tuple[str, int], dict[str, str]]) -> None:
    """Make the stored descriptions those of the files: create, update or remove each one."""
    obligations = {
        (o.instrument.slug, o.position): o for o in Obligation.objects.select_related("instrument")
    }
    stored = {(t.obligation_id, t.language): t for t in ObligationText.objects.all()}
    new, kept = [], set()
    for key, by_language in texts.items():
        obligation = obligations[key]
        for language, text in by_language.items():
            values = {
                "text": text,
                "translated_from": "" if language == "en" else by_language["en"],
                "source_kind": TextSource.CTASSIST,
                "source": "obligations.csv" if language in ("en", "zh") else f"obligations.{language}.csv",
            }
            kind = f"obligation descriptions ({language})"
            kept.add((obligation.id, language))
            current = stored.get((obligation.id, language))
            if current is None:
                new.append(ObligationText(obligation=obligation, language=language, **values))
                report.count(kind, "created")
            elif any(getattr(current, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(current, name, value)
                current.save()
                report.count(kind, "updated")
            else:
                report.count(kind, "unchanged")
    bulk_create_with_history(new, ObligationText)
    # Only the checklist's own items: one that left it but keeps a finding keeps its texts.
    listed = {obligations[key].id for key in texts}
    gone = [text.id for key, text in stored.items() if key not in kept and key[0] in listed]
    if gone:
        ObligationText.objects.filter(id__in=gone).delete()
