"""Benchmark: the participation matrix page and the parties endpoint on a world-sized,
generated data set (197 states × 19 instruments × a full history of actions).

    .venv/bin/python benchmarks/bench_participation.py                      # SQLite, var/benchmark.sqlite3
    .venv/bin/python benchmarks/bench_participation.py --postgres   # database ctassist_benchmark

The generated actions are labelled "GENERATED BENCHMARK DATA" and live only in the
benchmark database, never in the one `make run` uses. Requests go through Django's test
client in this process (no network), so the figures are the server's own time.
"""

import argparse
import datetime
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from database import configure  # noqa: E402  (benchmarks/database.py)
from timing import percentiles, time_get  # noqa: E402  (benchmarks/timing.py)

GENERATED_SOURCE = "GENERATED BENCHMARK DATA — not real treaty actions"


def generate(seed: int = 2014) -> int:
    """A full history for every state and instrument: signatures, consents, some denunciations."""
    from django.core.management import call_command
    from django.db import transaction

    from instruments.models import Instrument
    from participation.models import ActionKind, StatusSource, TreatyAction
    from states.models import State

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_reference", verbosity=0)
    rng = random.Random(seed)
    today = datetime.date(2026, 1, 1)
    with transaction.atomic():
        TreatyAction.objects.all().delete()
        StatusSource.objects.all().delete()
        source = StatusSource.objects.create(name=GENERATED_SOURCE, citation=GENERATED_SOURCE, as_at=today)
        actions = []
        for instrument in Instrument.objects.all():
            span = (today - instrument.adoption_date).days
            for state in State.objects.all():
                signed = instrument.adoption_date + datetime.timedelta(days=rng.randint(0, min(span, 700)))
                if rng.random() < 0.6:
                    actions.append(
                        TreatyAction(
                            state=state,
                            instrument=instrument,
                            kind=ActionKind.SIGNATURE,
                            date=signed,
                            raw="generated",
                            source=source,
                        )
                    )
                if rng.random() < 0.85:
                    consent = signed + datetime.timedelta(days=rng.randint(30, max(span - 700, 31)))
                    if consent < today:
                        kind = rng.choice(
                            [ActionKind.RATIFICATION, ActionKind.ACCESSION, ActionKind.ACCEPTANCE]
                        )
                        actions.append(
                            TreatyAction(
                                state=state,
                                instrument=instrument,
                                kind=kind,
                                date=consent,
                                raw="generated",
                                source=source,
                            )
                        )
                        if rng.random() < 0.03:
                            out = consent + datetime.timedelta(days=rng.randint(365, 3000))
                            if out < today:
                                actions.append(
                                    TreatyAction(
                                        state=state,
                                        instrument=instrument,
                                        kind=ActionKind.DENUNCIATION,
                                        date=out,
                                        raw="generated",
                                        source=source,
                                    )
                                )
        TreatyAction.objects.bulk_create(actions, batch_size=2000)
    return len(actions)


def measure(client, path: str, requests: int) -> tuple[float, float]:
    timings, _response = time_get(client, path, requests)
    return percentiles(timings)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    url = configure("benchmark", "ctassist_benchmark", args.postgres)
    count = generate()
    from django.test import Client

    client = Client()
    print(f"database: {url.split('@')[-1]}; generated treaty actions: {count}")
    for label, path in (
        ("matrix page, 197 × 19, one date", "/participation/?on=2015-06-30"),
        ("matrix page, one subregion", "/participation/?on=2015-06-30&subregion=145"),
        ("parties endpoint, one instrument", "/api/v1/instruments/financing-1999/parties?on=2015-06-30"),
    ):
        median, p95 = measure(client, path, args.requests)
        print(f"{label:40s} median {median:7.1f} ms   p95 {p95:7.1f} ms   ({args.requests} requests)")


if __name__ == "__main__":
    main()
