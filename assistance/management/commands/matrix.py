import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from assistance.matrix import as_json, as_pdf, as_xlsx, monthly_matrix
from ctassist.languages import UN_LANGUAGES, django_language


def parse_month(value: str) -> tuple[int, int]:
    try:
        date = datetime.datetime.strptime(value, "%Y-%m")
    except ValueError:
        raise CommandError(f"--month {value!r} is not a month in the form YYYY-MM") from None
    return date.year, date.month


class Command(BaseCommand):
    help = "The matrix of ongoing and planned activities of a month, by region, subregion and state."

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="YYYY-MM")
        parser.add_argument("--format", choices=["json", "xlsx", "pdf"], required=True)
        parser.add_argument(
            "--language",
            choices=UN_LANGUAGES,
            default="en",
            help="of the names and labels: ar, zh, en, fr, ru or es (default en)",
        )
        parser.add_argument("--out", type=Path)

    def handle(self, *args, month, format, language, out, **options):
        year, number = parse_month(month)
        if format != "json" and out is None:
            raise CommandError(f"--format {format} needs --out FILE")
        # State and area names follow the active language, so the lines are built under it.
        with translation.override(django_language(language)):
            lines = monthly_matrix(year, number)
            if format == "json":
                text = json.dumps(as_json(lines), ensure_ascii=False, indent=1)
                if out:
                    out.write_text(text, encoding="utf-8")
                else:
                    self.stdout.write(text)
                return
            export = as_xlsx if format == "xlsx" else as_pdf
            content = export(lines, year, number, language)
        out.write_bytes(content)
        self.stdout.write(f"Wrote {out}")
