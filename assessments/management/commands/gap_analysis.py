import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments import reports
from instruments.models import Instrument
from states.models import State


class Command(BaseCommand):
    help = "The country review report of a state (its findings, or 'not yet assessed'), as JSON, DOCX or PDF."

    def add_arguments(self, parser):
        parser.add_argument("iso3")
        parser.add_argument("--instrument", help="one instrument's slug (default: all 19)")
        parser.add_argument("--format", choices=["json", "docx", "pdf"], required=True)
        parser.add_argument("--language", choices=["zh", "en", "fr", "ru", "es", "ar"], default="en")
        parser.add_argument("--out", type=Path, help="file to write (default: standard output, JSON only)")

    def handle(self, *args, iso3, instrument, format, language, out, **options):
        state = State.objects.filter(iso3=iso3.upper()).first()
        if state is None:
            raise CommandError(f"{iso3!r} is not an ISO3 code of a state in ctassist")
        chosen = None
        if instrument:
            chosen = Instrument.objects.filter(slug=instrument).first()
            if chosen is None:
                raise CommandError(f"--instrument {instrument!r} is not an instrument slug")
        report = reports.build(state, language, chosen)
        if format == "json":
            text = json.dumps(reports.as_json(report), ensure_ascii=False, indent=1)
            if out:
                out.write_text(text, encoding="utf-8")
            else:
                self.stdout.write(text)
            return
        if out is None:
            raise CommandError(f"--format {format} needs --out FILE")
        out.write_bytes(reports.as_docx(report) if format == "docx" else reports.as_pdf(report))
        self.stdout.write(f"Wrote {out}")
