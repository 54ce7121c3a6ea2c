"""Benchmark: the country profile PDF (issue 16: under 2 s on the 2-core machine) on
world-sized generated data: a full history of treaty actions for 197 states × 19
instruments (bench_participation's generator) and the demonstration records of
`ctassist demo-data` (20,000 activities, their requests, competent authorities, plans).

    .venv/bin/python benchmarks/bench_profile.py                # SQLite, var/benchmark-profile.sqlite3
    .venv/bin/python benchmarks/bench_profile.py --postgres     # database ctassist_benchmark_profile
    .venv/bin/python benchmarks/bench_profile.py --reuse        # time again, without generating

The generated records are labelled (treaty actions "GENERATED BENCHMARK DATA", demonstration
records `demonstration=True`) and live only in the benchmark database. Each figure is the
whole of what `ctassist profile` does: gather the profile and print the PDF with WeasyPrint,
for the state with the most activities, as the public sees it and as the Secretariat does
(--internal, every request, activity and authority), in English, Arabic and Chinese.
"""

import datetime
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from database import configure, generated_data_arguments  # noqa: E402  (benchmarks/database.py)
from timing import percentiles  # noqa: E402  (benchmarks/timing.py)

LIMIT_MS = 2000  # issue 16: a country profile PDF in under 2 s


def generate(activities: int, seed: int, today: datetime.date) -> str:
    from bench_participation import generate as generate_participation
    from django.db import connection

    import demo.generate

    actions = generate_participation()  # migrates and loads the reference data first
    demo.generate.clear()
    counts = demo.generate.generate(activities=activities, seed=seed, today=today)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return f"{actions} treaty actions; {counts}"


def busiest_state():
    """The state with the most activities (hosted or taking part): the longest profile."""
    from django.db.models import Count

    from states.models import State

    return State.objects.annotate(n=Count("activities", distinct=True)).order_by("-n", "iso3").first()


def time_profile(state, reader, language: str, runs: int) -> tuple[float, float, int]:
    from reports.profile_documents import profile_pdf

    timings, size = [], 0
    for _ in range(runs + 1):  # the first run loads WeasyPrint and the fonts: not counted
        start = time.perf_counter()
        content = profile_pdf(state, reader, language)
        timings.append((time.perf_counter() - start) * 1000)
        size = len(content)
    return *percentiles(timings[1:]), size


def main() -> None:
    parser = generated_data_arguments(__doc__)
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each PDF")
    args = parser.parse_args()
    url = configure("benchmark-profile", "ctassist_benchmark_profile", args.postgres)
    if args.reuse:
        print(f"database: {url.split('@')[-1]}; the records of a previous run")
    else:
        start = time.perf_counter()
        counts = generate(args.activities, args.seed, args.today)
        print(f"database: {url.split('@')[-1]}; generated in {time.perf_counter() - start:.1f} s: {counts}")

    from reports.profile import build, internal_reader

    state = busiest_state()
    staff = internal_reader()
    internal = build(state, staff)
    print(
        f"{state.iso3}: {internal.activities_total} activities ({len(internal.activities or [])} listed), "
        f"{len(internal.requests)} requests, "
        f"{len(internal.authorities)} authorities, {len(internal.laws)} laws "
        f"(the Secretariat's view; the public sees {len(build(state).requests)} requests)"
    )
    worst = 0.0
    for label, reader in (("public", None), ("internal", staff)):
        for language in ("en", "ar", "zh"):
            median, p95, size = time_profile(state, reader, language, args.runs)
            worst = max(worst, p95)
            print(
                f"profile PDF {state.iso3} {label:8s} ({language}): median {median:7.1f} ms   "
                f"p95 {p95:7.1f} ms   limit {LIMIT_MS} ms   ({size // 1024} KiB)"
            )
    verdict = "within" if worst < LIMIT_MS else "OVER"
    print(f"slowest p95 {worst:.1f} ms: {verdict} the limit of {LIMIT_MS} ms")
    postgres = " --postgres" if args.postgres else ""
    print(f"reproduce: .venv/bin/python benchmarks/bench_profile.py{postgres}")


if __name__ == "__main__":
    main()
