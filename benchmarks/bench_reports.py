"""Benchmark: the Secretary-General's report for one year (every figure computed from the
records, then the DOCX and the PDF) on generated world-sized data (`ctassist demo-data`,
20,000 activities across the 197 states, 2002 to the year of --today). Issue 16's limit: 5 s.

    .venv/bin/python benchmarks/bench_reports.py                # SQLite, var/benchmark-reports.sqlite3
    .venv/bin/python benchmarks/bench_reports.py --postgres     # database ctassist_benchmark_reports
    .venv/bin/python benchmarks/bench_reports.py --reuse        # time again, without generating

The report counts the demonstration records (--demonstration of `ctassist report`), since
every generated record is one; a real report never does. It is an internal report (it counts
confidential records too, the larger of the two). The time is the median of --runs runs after
one warm-up, each run computing the figures again and printing both documents.
"""

import datetime
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_assistance import generate  # noqa: E402  (the same generated data)
from database import configure, generated_data_arguments  # noqa: E402
from timing import percentiles  # noqa: E402

LIMIT_SECONDS = 5.0


def time_report(year: int, language: str, runs: int) -> tuple[float, float, dict]:
    from django.utils import translation

    from ctassist.languages import django_language
    from reports import documents, figures
    from reports.models import Resolution

    resolution = Resolution.objects.get(code="66/178")
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    timings, sizes = [], {}
    for _ in range(runs + 1):
        began = time.perf_counter()
        with translation.override(django_language(language)):
            computed = figures.compute(
                resolution.code, start, end, internal=True, demonstration=True, language=language
            )
        document = documents.for_resolution(resolution, computed)
        docx = documents.as_docx(document)
        pdf = documents.as_pdf(document)
        timings.append((time.perf_counter() - began) * 1000)
        sizes = {
            "figures": len(computed.figures),
            "states assisted": computed.get("states-assisted").value,
            "docx KB": len(docx) // 1024,
            "pdf KB": len(pdf) // 1024,
        }
    return *percentiles(timings[1:]), sizes


def main() -> None:
    parser = generated_data_arguments(__doc__)
    parser.add_argument("--year", type=int, default=2025, help="the year the report covers")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--languages", default="en,ar,zh", help="comma-separated, of ar zh en fr ru es")
    args = parser.parse_args()
    url = configure("benchmark-reports", "ctassist_benchmark_reports", args.postgres)
    if args.reuse:
        print(f"database: {url.split('@')[-1]}; the records of a previous run")
    else:
        counts, seconds = generate(args.activities, args.seed, args.today)
        print(f"database: {url.split('@')[-1]}; generated in {seconds:.1f} s: {counts}")
    command = "  .venv/bin/python benchmarks/bench_reports.py" + (" --postgres" if args.postgres else "")
    command += (" --reuse" if args.reuse else "") + f" --runs {args.runs}"
    failed = False
    for language in args.languages.split(","):
        median, p95, sizes = time_report(args.year, language, args.runs)
        verdict = "within" if median / 1000 <= LIMIT_SECONDS else "OVER"
        failed = failed or verdict == "OVER"
        print(
            f"report for {args.year} ({language}): compute + DOCX + PDF median {median / 1000:5.2f} s "
            f"p95 {p95 / 1000:5.2f} s — limit {LIMIT_SECONDS:.0f} s ({verdict}); {sizes}"
        )
    print(f"reproduce with:\n{command}")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
