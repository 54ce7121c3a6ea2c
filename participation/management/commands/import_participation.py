import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from participation.importing import ImportFailed, import_participation
from participation.importing.layouts import LAYOUTS


class Command(BaseCommand):
    help = (
        "Import a status list of treaty actions: the documented CSV layout, a UN Treaty "
        "Collection table as copied from its page, or an ICAO list of parties "
        "(see docs/participation.md). All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--instrument", help="slug of the instrument, for layouts that do not name it")
        parser.add_argument("--dry-run", action="store_true", help="print what would change, write nothing")
        parser.add_argument("--source", help="where the list comes from (else its '# SOURCE:' line)")
        parser.add_argument(
            "--as-at",
            type=datetime.date.fromisoformat,
            help="date of the status, YYYY-MM-DD (else its '# … | STATUS AS AT:' line)",
        )

        parser.add_argument(
            "--layout",
            choices=LAYOUTS,
            help="the layout the file must be in (else recognised from its first row)",
        )

    def handle(self, *args, file, instrument, dry_run, source, as_at, layout, **options):
        try:
            plan = import_participation(
                file, instrument_slug=instrument, dry_run=dry_run, source=source, as_at=as_at, layout=layout
            )
        except ImportFailed as exc:
            raise CommandError(f"Nothing imported from {file}:\n{exc}") from exc
        for line in plan.lines():
            self.stdout.write(line)
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        elif plan.applied:
            self.stdout.write(self.style.SUCCESS("Imported."))
        else:
            self.stdout.write("Nothing changed.")
