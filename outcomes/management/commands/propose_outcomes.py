import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from outcomes.proposals import propose


def parse_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since {value!r} is not a date in the form YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Propose outcomes: states involved in an activity that deposited consent to be bound to one of "
        "its instruments within 24 months after it ended. Staff confirm or reject them at /outcomes/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="show the proposals, record nothing")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--since", type=parse_date, help="only deposits on or after YYYY-MM-DD")

    def handle(self, *args, dry_run, format, since, **options):
        outcomes = propose(since=since, dry_run=dry_run)
        if format == "json":
            self.stdout.write(
                json.dumps(
                    {"dry_run": dry_run, "count": len(outcomes), "proposed": [as_json(o) for o in outcomes]},
                    ensure_ascii=False,
                    indent=1,
                )
            )
            return
        for outcome in outcomes:
            self.stdout.write(f"{outcome.activity.id}\t{outcome.state.iso3}\t{outcome.reason}")
        verb = "would be proposed (dry run: nothing recorded)" if dry_run else "proposed"
        self.stdout.write(f"{len(outcomes)} outcome(s) {verb}.")


def as_json(outcome) -> dict:
    action = outcome.treaty_action
    return {
        "id": outcome.id,
        "activity": outcome.activity.id,
        "activity_title": outcome.activity.title,
        "activity_ended_on": outcome.activity.ends_on.isoformat(),
        "state": outcome.state.iso3,
        "instrument": action.instrument.slug,
        "deposit_kind": action.kind,
        "deposited_on": action.date.isoformat(),
        "status": outcome.status,
        "reason": outcome.reason,
        "demonstration": outcome.activity.demonstration,
    }
