"""The report on a resolution for a period:

ctassist report --resolution 58/136 --from 2002-10-01 --to 2004-07-31 --language zh --format pdf --out r.pdf
"""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ctassist.languages import UN_LANGUAGES, django_language
from reports import documents
from reports import figures as report_figures
from reports.models import Resolution
from reports.serialization import report_json


def parse_date(option: str, value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} {value!r} is not a date in the form YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "The Secretary-General's report on a resolution for a period, its figures computed from "
        "the records: DOCX, PDF or JSON. A public report (the default) counts no confidential record."
    )

    def add_arguments(self, parser):
        parser.add_argument("--resolution", required=True, help='its code, e.g. "58/136" or "2017/17"')
        parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
        parser.add_argument("--language", default="en", help="ar, zh, en, fr, ru or es (default en)")
        parser.add_argument("--format", choices=["docx", "pdf", "json"], required=True)
        parser.add_argument("--out", type=Path, help="the file to write (JSON goes to the output without it)")
        parser.add_argument(
            "--internal", action="store_true", help="count confidential records (not for publication)"
        )
        parser.add_argument(
            "--demonstration", action="store_true", help="count the generated demonstration records too"
        )

    def handle(
        self, *args, resolution, start, end, language, format, out, internal, demonstration, **options
    ):
        if language not in UN_LANGUAGES:
            raise CommandError(f"--language {language!r} is not one of {', '.join(UN_LANGUAGES)}")
        start, end = parse_date("--from", start), parse_date("--to", end)
        if start > end:
            raise CommandError(f"--from {start} is after --to {end}")
        record = Resolution.objects.filter(code=resolution).first()
        if record is None:
            known = ", ".join(Resolution.objects.values_list("code", flat=True)) or "none loaded"
            raise CommandError(
                f"No resolution {resolution!r} (known: {known}; see `ctassist load-reference`)"
            )
        if format != "json" and out is None:
            raise CommandError(f"--format {format} needs --out FILE")
        with translation.override(django_language(language)):
            figures = report_figures.compute(
                record.code, start, end, internal=internal, demonstration=demonstration, language=language
            )
            if format == "json":
                text = json.dumps(report_json(figures), ensure_ascii=False, indent=1)
                if out is None:
                    self.stdout.write(text)
                    return
                content = text.encode("utf-8")
            else:
                document = documents.for_resolution(record, figures)
                content = documents.as_docx(document) if format == "docx" else documents.as_pdf(document)
        out.write_bytes(content)
        self.stdout.write(f"Wrote {out}")
