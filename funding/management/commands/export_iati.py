import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from funding.iati import InvalidIati, export


class Command(BaseCommand):
    help = (
        "Projects and their activities as IATI activity standard 2.03 XML, validated against IATI's "
        "schema before anything is written; an invalid document is refused, naming the activity and field."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reporting-org",
            default=os.environ.get("CTASSIST_IATI_REPORTING_ORG", ""),
            help="the publisher's IATI organisation identifier (or the CTASSIST_IATI_REPORTING_ORG variable)",
        )
        parser.add_argument("--out", help="file to write (default: standard output)")

    def handle(self, *args, reporting_org, out, **options):
        if not reporting_org.strip():
            raise CommandError(
                "Name the publisher's IATI organisation identifier (the one its IATI Registry account "
                "gives) with --reporting-org or CTASSIST_IATI_REPORTING_ORG; ctassist does not invent one."
            )
        try:
            content = export(reporting_org.strip())
        except InvalidIati as error:
            raise CommandError(f"Nothing written. {error}") from None
        if not out:
            self.stdout.write(content.decode(), ending="")
            return
        try:
            Path(out).write_bytes(content)
        except OSError as error:
            raise CommandError(f"--out {out}: {error.strerror}") from None
