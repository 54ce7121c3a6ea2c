"""`ctassist profile ISO3 --language L --format pdf [--out FILE] [--internal]`: a state's
country profile as a PDF. A command has no signed-in user: it prints what the public sees,
or with --internal what the Secretariat sees (confidential requests, reviews, activities,
focal points and restricted contacts). Bad arguments are refused before anything is
written."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ctassist.languages import UN_LANGUAGES
from reports.profile import internal_reader
from reports.profile_documents import profile_pdf
from states.models import State

FORMATS = ("pdf",)


class Command(BaseCommand):
    help = "A state's country profile as a PDF (public content; --internal for the Secretariat's view)."

    def add_arguments(self, parser):
        parser.add_argument("iso3", help="the state's ISO 3166-1 alpha-3 code, e.g. FRA")
        parser.add_argument("--language", default="en", help="ar, zh, en, fr, ru or es (default en)")
        parser.add_argument("--format", default="pdf", help="pdf (the only format)")
        parser.add_argument("--out", type=Path, help="the file to write (default profile-ISO3-L.pdf)")
        parser.add_argument(
            "--internal",
            action="store_true",
            help="the Secretariat's view, with confidential and restricted records (not for publication)",
        )

    def handle(self, *args, iso3, language, format, out, internal, **options):
        state = State.objects.filter(iso3=iso3.upper()).first()
        if state is None:
            raise CommandError(
                f"unknown state {iso3!r}: give an ISO 3166-1 alpha-3 code that ctassist knows, e.g. FRA"
            )
        if language not in UN_LANGUAGES:
            raise CommandError(f"unknown language {language!r}: one of {', '.join(UN_LANGUAGES)}")
        if format not in FORMATS:
            raise CommandError(f"unknown format {format!r}: one of {', '.join(FORMATS)}")
        out = out or Path(f"profile-{state.iso3}-{language}{'-internal' if internal else ''}.pdf")
        if out.parent and not out.parent.is_dir():
            raise CommandError(f"--out {out}: the folder {out.parent} does not exist")
        content = profile_pdf(state, internal_reader() if internal else None, language)
        out.write_bytes(content)
        self.stdout.write(
            f"Wrote {out} ({'internal: not for publication' if internal else 'public content'})"
        )
