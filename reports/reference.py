"""The resolutions that ask the Secretary-General to report (data/reference/resolutions.csv).

A title is loaded only in the languages a source gives it in; a language without one stays
missing (pages and documents show the gap), never translated by ctassist."""

from ctassist.languages import UN_LANGUAGES
from ctassist.reference import LoadReport, read_rows, reference_path, save_if_changed
from reports.models import Body, Resolution, ResolutionTitle
from sources.reference import check_citation

COLUMNS = [
    "code", "body", "adopted_on", "symbol", "draft", "reporting_paragraph", "report_symbol",
    "source", "locator", *(f"title_{code}" for code in UN_LANGUAGES), "title_source",
]  # fmt: skip


def load_resolutions(report: LoadReport, sources) -> None:
    codes = []
    for row in read_rows(reference_path("resolutions.csv"), COLUMNS):
        code = row.text("code", required=True)
        if code in codes:
            raise row.error("code", f"{code!r} appears twice")
        codes.append(code)
        source = check_citation(row, "source", sources, required=True)
        resolution = save_if_changed(
            Resolution,
            {"code": code},
            {
                "body": row.choice("body", Body.values, required=True),
                "adopted_on": row.date("adopted_on"),
                "symbol": row.text("symbol"),
                "draft": row.choice("draft", ["yes"]) == "yes",
                "reporting_paragraph": row.text("reporting_paragraph"),
                "report_symbol": row.text("report_symbol"),
                "source": f"{source} {row.text('locator')}".strip(),
            },
            report,
            "resolutions",
        )
        title_source = check_citation(row, "title_source", sources)
        languages = []
        for language in UN_LANGUAGES:
            title = row.text(f"title_{language}")
            if not title:
                continue
            if not title_source:
                raise row.error("title_source", "a title needs its source")
            languages.append(language)
            save_if_changed(
                ResolutionTitle,
                {"resolution": resolution, "language": language},
                {"title": title, "source": title_source},
                report,
                "titles of resolutions",
            )
        ResolutionTitle.objects.filter(resolution=resolution).exclude(language__in=languages).delete()
    # Drafts keep their resolution (PROTECT): a resolution with drafts stays when its row goes.
    Resolution.objects.exclude(code__in=codes).filter(drafts__isnull=True).delete()
