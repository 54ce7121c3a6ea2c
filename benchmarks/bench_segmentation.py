"""Benchmark: splitting a long law into provisions (legislation.segmentation.segment).

    .venv/bin/python benchmarks/bench_segmentation.py
    .venv/bin/python benchmarks/bench_segmentation.py --sections 2500 --runs 5

A generated English act of --sections sections, each with a heading, two subsections and a
bold note between them (2,500 sections: 7,500 provisions, of which 5,000 subsections), split
--runs times; the fastest and the median run are reported beside the limit of 0.5 s for the
default size. Pure Python, no database. This measurement was a timed test in
the segmentation tests, which failed on a loaded machine: speed belongs here.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctassist.settings")
django.setup()

from legislation.segmentation import segment  # noqa: E402

LIMIT_SECONDS = 0.5


def generated_act(sections: int) -> str:
    parts = ["# Test Act", ""]
    for number in range(1, sections + 1):
        parts += [f"### {number} Heading {number}", "", "(1) First.", "", "**Note**", "", "(2) Second."]
    return "\n".join(parts)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sections", type=int, default=2500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    text = generated_act(args.sections)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        law = segment(text, "en")
        times.append(time.perf_counter() - start)
    sections, subsections = law.count("section"), law.count("subsection")
    if (sections, subsections) != (args.sections, 2 * args.sections):
        raise SystemExit(f"wrong split: {sections} sections, {subsections} subsections")
    print(
        f"{sections} sections, {subsections} subsections: fastest {min(times):.3f} s, "
        f"median {statistics.median(times):.3f} s of {args.runs} (limit {LIMIT_SECONDS} s for 2,500 sections)"
    )


if __name__ == "__main__":
    main()
