"""The United Nations entities of the Counter-Terrorism Implementation Task Force and the
Global Counter-Terrorism Coordination Compact (data/reference/un_entities.csv).

One row per entity and language, with the source of that name: a language the sources do not
give is left out, and pages show the gap. An entity needs its English row (its acronym and
source come from it)."""

from ctassist.languages import UN_LANGUAGES
from ctassist.reference import LoadReport, read_rows, reference_path, save_if_changed
from sources.reference import check_citation
from strategy.models import EntityName, UNEntity

COLUMNS = ["code", "language", "name", "short_name", "source"]


def load_entities(report: LoadReport, sources) -> None:
    rows = {}
    path = reference_path("un_entities.csv")
    for row in read_rows(path, COLUMNS):
        code = row.text("code", required=True)
        language = row.choice("language", UN_LANGUAGES, required=True)
        if (code, language) in rows:
            raise row.error("language", f"{code!r} has two names in {language!r}")
        check_citation(row, "source", sources, required=True)
        rows[(code, language)] = row
    codes = sorted({code for code, _language in rows})
    for code in codes:
        english = rows.get((code, "en"))
        if english is None:
            first = next(row for (c, _l), row in rows.items() if c == code)
            raise first.error("code", f"{code!r} has no English row")
        entity = save_if_changed(
            UNEntity,
            {"code": code},
            {"acronym": english.text("short_name"), "source": english.text("source")},
            report,
            "UN entities",
        )
        languages = []
        for (row_code, language), row in rows.items():
            if row_code != code:
                continue
            languages.append(language)
            save_if_changed(
                EntityName,
                {"entity": entity, "language": language},
                {
                    "name": row.text("name", required=True),
                    "short_name": row.text("short_name"),
                    "source": row.text("source"),
                },
                report,
                "UN entity names",
            )
        EntityName.objects.filter(entity=entity).exclude(language__in=languages).delete()
    # An entity gone from the file goes, unless projects still name it (PROTECT says so).
    UNEntity.objects.exclude(code__in=codes).filter(projects__isnull=True).delete()
