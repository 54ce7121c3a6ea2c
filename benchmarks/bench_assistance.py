"""Benchmark: the monthly matrix in XLSX and PDF and the activity list API on generated
assistance (`ctassist demo-data`, 20,000 activities across the 197 states, 2002 to the year of --today).

    .venv/bin/python benchmarks/bench_assistance.py                # SQLite, var/benchmark-assistance.sqlite3
    .venv/bin/python benchmarks/bench_assistance.py --postgres     # database ctassist_benchmark_assistance

The records are the demonstration records of `ctassist demo-data` (every one marked
`demonstration=True`, titles ending "(demonstration)"), in a separate database, never in
the one `make run` uses. Statuses are computed as of a fixed day (--today, default
2026-06-15), so the run is the same whatever the date. Requests go through Django's test
client in this process (no network): the figures are the server's own time.
"""

import argparse
import datetime
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from database import configure  # noqa: E402  (benchmarks/database.py)
from timing import percentiles, time_get  # noqa: E402  (benchmarks/timing.py)


def generate(activities: int, seed: int, today: datetime.date) -> tuple[str, float]:
    from django.core.management import call_command
    from django.db import connection

    import demo.generate

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_reference", verbosity=0)
    demo.generate.clear()
    start = time.perf_counter()
    counts = demo.generate.generate(activities=activities, seed=seed, today=today)
    seconds = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return str(counts), seconds


def time_matrix(year: int, month: int, runs: int) -> tuple[float, float, int]:
    """Query and XLSX of the whole matrix (what staff get), as `ctassist matrix` makes it."""
    from assistance.matrix import as_xlsx, monthly_matrix

    timings, rows = [], 0
    for _ in range(runs + 1):
        start = time.perf_counter()
        lines = monthly_matrix(year, month)
        as_xlsx(lines, year, month)
        timings.append((time.perf_counter() - start) * 1000)
        rows = sum(len(line.activities) for line in lines)
    return *percentiles(timings[1:]), rows


def time_matrix_pdf(year: int, month: int, runs: int, language: str) -> tuple[float, float, int]:
    """Query and PDF of the whole matrix (WeasyPrint), as `ctassist matrix --format pdf` makes it."""
    from django.utils import translation

    from assistance.matrix import as_pdf, monthly_matrix
    from ctassist.languages import django_language

    timings, pages = [], 0
    for _ in range(runs + 1):
        start = time.perf_counter()
        with translation.override(django_language(language)):
            content = as_pdf(monthly_matrix(year, month), year, month, language)
        timings.append((time.perf_counter() - start) * 1000)
        pages = content.count(b"/Type /Page\n") or content.count(b"/Type /Page")
    return *percentiles(timings[1:]), pages


def measure(client, path: str, requests: int) -> tuple[float, float, int]:
    timings, response = time_get(client, path, requests)
    size = len(response.json()) if response["Content-Type"].startswith("application/json") else 0
    return *percentiles(timings), size


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--activities", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date(2026, 6, 15))
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--pdf-runs", type=int, default=5, help="measured runs of each matrix PDF")
    args = parser.parse_args()
    url = configure("benchmark-assistance", "ctassist_benchmark_assistance", args.postgres)
    counts, seconds = generate(args.activities, args.seed, args.today)
    print(f"database: {url.split('@')[-1]}; generated in {seconds:.1f} s: {counts}")

    from django.contrib.auth.models import User
    from django.test import Client

    from accounts.models import Profile, Role

    staff, created = User.objects.get_or_create(username="benchmark-staff")
    if created:
        Profile.objects.create(user=staff, role=Role.STAFF)
    client = Client()
    client.force_login(staff)

    today = args.today
    following = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    for label, (year, month) in (
        ("this month", (today.year, today.month)),
        ("next month", (following.year, following.month)),
    ):
        median, p95, rows = time_matrix(year, month, 20)
        print(
            f"matrix XLSX, {label} {year}-{month:02d} ({rows} rows): "
            f"median {median:6.1f} ms   p95 {p95:6.1f} ms"
        )
        path = f"/matrix/{year}-{month:02d}.xlsx"
        median, p95, _size = measure(client, path, 20)
        print(f"  {path} download: median {median:6.1f} ms   p95 {p95:6.1f} ms")
        for language in ("en", "ar", "zh"):
            median, p95, _pages = time_matrix_pdf(year, month, args.pdf_runs, language)
            print(
                f"matrix PDF ({language}), {label} {year}-{month:02d} ({rows} rows): "
                f"median {median:6.1f} ms   p95 {p95:6.1f} ms"
            )

    for label, path in (
        ("first page, no filter", "/api/v1/activities"),
        ("one state", "/api/v1/activities?state=KEN"),
        ("one quarter", "/api/v1/activities?from=2024-01-01&to=2024-03-31"),
        ("state and year", "/api/v1/activities?state=FRA&from=2023-01-01&to=2023-12-31"),
        ("kind and status", "/api/v1/activities?kind=national-workshop&status=planned"),
        ("a later page", "/api/v1/activities?offset=10000"),
    ):
        median, p95, size = measure(client, path, args.requests)
        print(
            f"{label:24s} {path:62s} median {median:6.1f} ms   p95 {p95:6.1f} ms   "
            f"({size} activities, {args.requests} requests)"
        )


if __name__ == "__main__":
    main()
