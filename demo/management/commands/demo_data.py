import datetime
import time

from django.core.management.base import BaseCommand, CommandError

import demo.generate


def parse_day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today {value!r} is not a date in the form YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Generate demonstration records (labelled as such: donors, projects, experts, advisory groups, "
        "requests, activities with participants, plans with steps) from 2002 to this year across all "
        "states, and "
        "one demonstration account per role, whose log-ins it prints; "
        "or remove them with --clear. Reference data is never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--activities", type=int, default=2000, help="how many activities (default 2000)")
        parser.add_argument("--seed", type=int, default=2017, help="the same seed gives the same records")
        parser.add_argument(
            "--today",
            type=parse_day,
            help="the day statuses are computed from (default: today): before it completed, after it planned",
        )
        parser.add_argument(
            "--clear", action="store_true", help="delete the demonstration records, and only them"
        )

    def handle(self, *args, activities, seed, today, clear, **options):
        if clear:
            try:
                counts = demo.generate.clear()
            except demo.generate.DemonstrationExists as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"Deleted demonstration records: {counts or 'none'}")
            return
        if activities < 1:
            raise CommandError("--activities must be at least 1")
        started = time.perf_counter()
        try:
            counts = demo.generate.generate(activities=activities, seed=seed, today=today)
        except demo.generate.DemonstrationExists as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Generated demonstration records in {time.perf_counter() - started:.1f} s: {counts}"
        )
        self.stdout.write(
            "Demonstration accounts, one per role (log in at /accounts/login/; --clear removes them):\n"
            + "\n".join(f"  {login}" for login in counts.logins)
        )
