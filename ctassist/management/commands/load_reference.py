from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from assessments.reference import load_obligations
from ctassist.reference import LoadReport, ReferenceDataError
from funding.reference import load_contributions
from instruments.reference import load_instruments
from legislation.reference import load_laws
from participation.importing import ImportFailed, import_participation
from participation.importing.names import StateResolver
from reports.records_2004 import load_records_2004
from reports.reference import load_resolutions
from sources.reference import load_sources
from states.reference import load_areas, load_states
from strategy.reference import load_entities
from surveys.reference import load_questionnaires
from thesaurus.reference import load_thesaurus


def participation_files() -> list[Path]:
    folder = Path(settings.PARTICIPATION_DIR)
    return sorted(path for path in folder.iterdir() if path.suffix in (".csv", ".txt"))


class Command(BaseCommand):
    help = (
        "Load the reference data (M49 areas, states, instruments, and the shipped status "
        "lists of treaty actions) from data/. All or nothing; running it again changes nothing."
    )

    def handle(self, *args, **options):
        report = LoadReport()
        plans = []
        try:
            with transaction.atomic():
                sources = load_sources(report)
                areas = load_areas(report)
                load_states(report, areas)
                load_instruments(report)
                resolver = StateResolver()
                for path in participation_files():
                    plans.append(import_participation(path, resolver=resolver))
                load_laws(report)
                load_obligations(report, load_thesaurus(report))
                load_contributions(report, sources)
                load_resolutions(report, sources)
                load_entities(report, sources)
                load_questionnaires(report, sources)
                load_records_2004(report, sources)
        except ReferenceDataError as exc:
            raise CommandError(f"Reference data not loaded, nothing changed. {exc}") from exc
        except ImportFailed as exc:
            raise CommandError(f"Reference data not loaded, nothing changed. {exc}") from exc
        if options["verbosity"] == 0:
            return
        changed_plans = [plan for plan in plans if plan.has_changes]
        if not report.changed and not changed_plans:
            total = sum(report.unchanged.values()) + sum(plan.unchanged for plan in plans)
            self.stdout.write(
                f"Reference data already up to date: nothing changed ({total} records checked)."
            )
            return
        for outcome in ("created", "updated"):
            for kind, number in sorted(getattr(report, outcome).items()):
                self.stdout.write(f"{kind}: {number} {outcome}")
        for plan in changed_plans:
            self.stdout.write(
                f"{plan.file}: {len(plan.added)} treaty actions added, {len(plan.changed)} changed, "
                f"{len(plan.removed)} removed"
            )
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
