"""Benchmark: the suggestions of obligations for the provisions of national laws.

    .venv/bin/python benchmarks/bench_suggestions.py
    .venv/bin/python benchmarks/bench_suggestions.py --runs 5 --provisions 2000 --misses

Quality: for each labelled pair of data/reference/suggestion_labels.csv (a provision of a
shipped law and the obligation it implements, decided by reading both texts), the rank of
the labelled obligation among the suggestions for that provision. Reported per language of
the law and overall: recall at 5 (the labelled obligation is among the first five) and the
mean reciprocal rank (1/rank; 0 when the obligation is not suggested at all).

Speed: the provisions of all shipped laws, cycled to --provisions items, each against all
the obligations of data/reference/obligations.csv; each run starts cold (thesaurus read
again, stem cache emptied) and includes preparing the obligations. The median of --runs.
No database, no Django: the engine is pure Python.
"""

import argparse
import csv
import itertools
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The thesaurus's matcher shares the search's analyzer, which lives in a Django app
# (thesaurus.analysis): load the settings (no database is used).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctassist.settings")
django.setup()

from assessments.suggestions import (  # noqa: E402
    LawProvision,
    Suggester,
    Thesaurus,
    law_provisions,
    read_obligation_profiles,
)
from legislation.segmentation import segment  # noqa: E402
from thesaurus.matcher import match_key  # noqa: E402

REFERENCE = ROOT / "data" / "reference"
LEGISLATION = ROOT / "data" / "legislation"


def shipped_laws() -> dict[str, tuple[str, list[LawProvision]]]:
    """law file → (language, [LawProvision(number, heading, text, context), …]) for every law of laws.csv."""
    laws = {}
    with open(LEGISLATION / "laws.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = (LEGISLATION / row["file"]).read_text(encoding="utf-8")
            laws[row["file"]] = (row["language"], law_provisions(segment(text, row["language"])))
    return laws


def read_labels(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def halves(labels) -> dict[str, str]:
    """law file → "A" or "B": the labelled law files in alphabetical order, alternately, so that a
    change can be checked on two halves of the labels that share no law (a guard against tuning
    the engine to the pairs it is measured on)."""
    files = sorted({label["law_file"] for label in labels})
    return {name: "AB"[index % 2] for index, name in enumerate(files)}


def evaluate(labels, laws, suggester: Suggester, show_misses: bool):
    by_language: dict[str, list[float]] = defaultdict(list)
    hits: dict[str, list[bool]] = defaultdict(list)
    half_of = halves(labels)
    known = {(obligation.slug, obligation.article) for obligation in suggester.obligations}
    problems = []
    for label in labels:
        law, number = label["law_file"], label["provision_number"]
        key = (label["slug"], label["article"])
        if law not in laws:
            problems.append(f"unknown law file {law}")
            continue
        if key not in known:
            problems.append(f"{law} {number}: no obligation {key[0]} {key[1]} in the obligations file")
            continue
        language, provisions = laws[law]
        found = [item for item in provisions if item.number == number]
        if not found:
            problems.append(f"{law}: no provision numbered {number!r} in the segmenter's output")
            continue
        item = found[0]
        suggestions = suggester.suggest(
            item.text, item.heading, language, len(suggester.obligations), item.context
        )
        ranks = [index for index, suggestion in enumerate(suggestions, start=1) if suggestion.key == key]
        rank = ranks[0] if ranks else None
        for group in (language, f"half {half_of[law]}"):
            by_language[group].append(1 / rank if rank else 0.0)
            hits[group].append(bool(rank and rank <= 5))
        if show_misses and not (rank and rank <= 5):
            shown = "; ".join(f"{s.slug} {s.article} ({s.score:.2f})" for s in suggestions[:5]) or "nothing"
            print(f"  miss: {law} {number} → {key[0]} {key[1]}: rank {rank or '—'}; first five: {shown}")
    return by_language, hits, problems


def timing(cycled, thesaurus_path: Path, obligations_path: Path, runs: int) -> list[float]:
    times = []
    for _run in range(runs):
        match_key.cache_clear()
        start = time.perf_counter()
        thesaurus = Thesaurus.from_csv(thesaurus_path)
        suggester = Suggester(read_obligation_profiles(obligations_path), thesaurus)
        for language, item in cycled:
            suggester.suggest(item.text, item.heading, language, context=item.context)
        times.append(time.perf_counter() - start)
    return times


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--thesaurus", type=Path, default=REFERENCE / "thesaurus.csv")
    parser.add_argument("--obligations", type=Path, default=REFERENCE / "obligations.csv")
    parser.add_argument("--labels", type=Path, default=REFERENCE / "suggestion_labels.csv")
    parser.add_argument("--provisions", type=int, default=2000, help="provisions suggested for in the timing")
    parser.add_argument("--runs", type=int, default=5, help="timing runs (the median is reported)")
    parser.add_argument(
        "--misses", action="store_true", help="print each labelled pair not in the first five"
    )
    args = parser.parse_args(argv)

    thesaurus = Thesaurus.from_csv(args.thesaurus)
    obligations = read_obligation_profiles(args.obligations)
    laws = shipped_laws()
    labels = read_labels(args.labels)
    suggester = Suggester(obligations, thesaurus)
    instruments = len({obligation.slug for obligation in obligations})
    print(f"{len(obligations)} obligations of {instruments} instruments; {len(labels)} labelled pairs")

    by_language, hits, problems = evaluate(labels, laws, suggester, args.misses)
    for problem in problems:
        print(f"  label problem: {problem}")
    print()
    print("| language | pairs | recall@5 | MRR |")
    print("|---|---|---|---|")
    row = lambda name, ranks, found: print(  # noqa: E731
        f"| {name} | {len(ranks)} | {sum(found) / len(found):.2f} | {statistics.fmean(ranks):.2f} |"
    )
    languages = sorted(group for group in by_language if not group.startswith("half"))
    for language in languages:
        row(language, by_language[language], hits[language])
    if languages:
        row(
            "all",
            [rank for language in languages for rank in by_language[language]],
            [hit for language in languages for hit in hits[language]],
        )
    for half in sorted(group for group in by_language if group.startswith("half")):
        row(half, by_language[half], hits[half])

    every_provision = [
        (language, provision) for language, provisions in laws.values() for provision in provisions
    ]
    cycled = list(itertools.islice(itertools.cycle(every_provision), args.provisions))
    with_suggestions = sum(
        1
        for language, item in every_provision
        if suggester.suggest(item.text, item.heading, language, context=item.context)
    )
    times = timing(cycled, args.thesaurus, args.obligations, args.runs)
    print()
    print(
        f"{len(every_provision)} shipped provisions, {with_suggestions} with at least one suggestion "
        f"({with_suggestions / len(every_provision):.0%})"
    )
    print(
        f"time for {len(cycled)} provisions × {len(obligations)} obligations, cold, median of {args.runs}: "
        f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f})"
    )


if __name__ == "__main__":
    main()
