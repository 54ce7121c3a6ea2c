from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ctassist.reference import LoadReport, ReferenceDataError
from instruments.reference import load_instruments
from states.reference import load_areas, load_states


class Command(BaseCommand):
    help = "Load the reference data (M49 areas, states, instruments) from data/reference/. " \
           "All or nothing; running it again changes nothing."

    def handle(self, *args, **options):
        report = LoadReport()
        try:
            with transaction.atomic():
                areas = load_areas(report)
                load_states(report, areas)
                load_instruments(report)
        except ReferenceDataError as exc:
            raise CommandError(f"Reference data not loaded, nothing changed. {exc}") from exc
        if options["verbosity"] == 0:
            return
        if not report.changed:
            total = sum(report.unchanged.values())
            self.stdout.write(
                f"Reference data already up to date: nothing changed ({total} records checked)."
            )
            return
        for outcome in ("created", "updated"):
            for kind, number in sorted(getattr(report, outcome).items()):
                self.stdout.write(f"{kind}: {number} {outcome}")
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
