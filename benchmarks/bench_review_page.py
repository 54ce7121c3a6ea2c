"""Benchmark: the review page (/reviews/CHN/financing-1999/) for a state with 2,000 provisions.

    .venv/bin/python benchmarks/bench_review_page.py                  # SQLite, var/benchmark-review.sqlite3
    .venv/bin/python benchmarks/bench_review_page.py --postgres       # database ctassist_benchmark_review
    .venv/bin/python benchmarks/bench_review_page.py --old-path       # and the suggestions as computed before

The reference data and the shipped laws are loaded into a database of the benchmark's own;
China's 1,141 current provisions are topped up to --provisions with one generated law
(`Law.generated = True`, title "GENERATED — …", source "GENERATED BENCHMARK DATA — not a real
law") whose provisions are copies of China's real ones, cycled, so that they find concepts
as often as real ones do. A staff user opens the review of China against the Financing
Convention (38 obligations). Requests go through Django's test client in this process.

Two figures: the first view after the laws, the thesaurus or the checklist changed (the
suggestions are computed and cached: --cold runs, the cache emptied before each), and the
page as staff then read it (3 warm-up requests, then --requests measured: median and 95th
percentile, beside the limit of 1 s), also with one finding's edit form open and the state's
provisions searched by words (资助恐怖活动) and by number (第一百二十条). `--old-path` times,
once, the way the page computed its suggestions before (each obligation reading every
provision again) and checks that the page's suggestions are the same.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from database import configure  # noqa: E402  (benchmarks/database.py)
from timing import percentiles, time_get  # noqa: E402  (benchmarks/timing.py)

GENERATED_SOURCE = "GENERATED BENCHMARK DATA — not a real law"
PATH = "/reviews/CHN/financing-1999/"
LIMIT_MS = 1000


def prepare(provisions: int):
    """The reference data, China topped up to `provisions` current provisions, a staff user and the review."""
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import transaction

    from accounts.models import Profile, Role
    from assessments.services import open_review, state_provisions
    from instruments.models import Instrument
    from legislation.models import Law, LawVersion, Provision
    from states.models import State

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_reference", verbosity=0)
    china = State.objects.get(iso3="CHN")
    with transaction.atomic():
        Law.objects.filter(generated=True, state=china).delete()
        real = state_provisions(china)
        missing = provisions - len(real)
        if missing > 0:
            law = Law.objects.create(
                slug="generated-review-benchmark",
                state=china,
                kind="act",
                title="GENERATED — copies of China's provisions for the review benchmark",
                language="zh",
                source=GENERATED_SOURCE,
                generated=True,
            )
            version = LawVersion.objects.create(law=law, source=GENERATED_SOURCE)
            Provision.objects.bulk_create(
                [
                    Provision(
                        version=version,
                        position=index,
                        kind="article",
                        number=f"第{index + 1}条",
                        heading=real[index % len(real)].heading,
                        text=real[index % len(real)].text,
                        eid=f"art_{index + 1}",
                    )
                    for index in range(missing)
                ],
                batch_size=1000,
            )
        user, created = User.objects.get_or_create(username="benchmark-staff")
        if created:
            Profile.objects.create(user=user, role=Role.STAFF)
        review = open_review(china, Instrument.objects.get(slug="financing-1999"))
    return user, review, len(state_provisions(china))


def old_suggestions(review, top: int = 5) -> dict[int, list[tuple[int, float, list[str]]]]:
    """The suggestions as the page computed them before (assessments/services.py until December 2026)."""
    from collections import defaultdict

    from assessments import suggestions as engine
    from assessments.services import checklist, obligation_profiles, state_provisions, suggestion_inputs

    everything, thesaurus = suggestion_inputs()
    by_language = defaultdict(list)
    for provision in state_provisions(review.state):
        by_language[provision.version.law.language].append(provision)
    result = {}
    for obligation in checklist(review.instrument):
        target = obligation_profiles([obligation])[0]
        ranked = []
        for language, group in by_language.items():
            texts = [(p.number, p.heading, p.text) for p in group]
            found = engine.rank_provisions_for_obligation(
                target, texts, language, thesaurus, top, obligations=everything
            )
            ranked += [(group[index].id, score, why) for index, score, why in found]
        ranked.sort(key=lambda item: -item[1])
        result[obligation.id] = ranked[:top]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument(
        "--provisions", type=int, default=2000, help="China's current provisions (default 2000)"
    )
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--cold", type=int, default=3, help="first views, the cache emptied before each")
    parser.add_argument("--old-path", action="store_true", help="time the suggestions as computed before")
    args = parser.parse_args()
    url = configure("benchmark-review", "ctassist_benchmark_review", args.postgres)
    user, review, count = prepare(args.provisions)

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from assessments.services import suggestions_for_review

    client = Client()
    client.force_login(user)
    findings = review.findings.count()
    print(f"database: {url.split('@')[-1]}; China: {count} current provisions; {findings} obligations")

    cold = []
    for _ in range(args.cold):
        cache.clear()
        start = time.perf_counter()
        response = client.get(PATH)
        cold.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    print(
        f"first view (suggestions computed): median {statistics.median(cold):8.1f} ms   "
        f"max {max(cold):8.1f} ms"
    )

    timings, response = time_get(client, PATH, args.requests)
    median, p95 = percentiles(timings)
    verdict = "met" if p95 < LIMIT_MS else "NOT met"
    print(
        f"review page, as read:              median {median:8.1f} ms   p95 {p95:8.1f} ms   "
        f"(limit {LIMIT_MS} ms: {verdict})"
    )
    finding = review.findings.order_by("obligation__position").first()
    for label, q in (("words", "资助恐怖活动"), ("number", "第一百二十条")):
        timings, _response = time_get(client, PATH, args.requests, {"finding": finding.id, "q": q})
        median, p95 = percentiles(timings)
        print(f"one finding edited, search by {label:7s} median {median:8.1f} ms   p95 {p95:8.1f} ms")
    with CaptureQueriesContext(connection) as queries:
        client.get(PATH)
    print(f"queries per view: {len(queries)}; page size {len(response.content) // 1024} KB")

    if args.old_path:
        start = time.perf_counter()
        before = old_suggestions(review)
        elapsed = time.perf_counter() - start
        now = {
            obligation_id: [(s.provision.id, s.score, s.why) for s in found]
            for obligation_id, found in suggestions_for_review(review).items()
        }
        same = "the same" if now == before else "DIFFERENT"
        print(f"suggestions as computed before: {elapsed:.1f} s; the page's suggestions are {same}")


if __name__ == "__main__":
    main()
