"""An independent reading of the shipped status files, to check the computed figures against."""

import csv
import datetime
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "participation"
CONSENTS = {"ratification", "accession", "acceptance", "approval", "succession"}


def parties_on(slug: str, on: datetime.date) -> set[str]:
    states = set()
    for path in DATA.glob(f"*{slug}*.csv"):
        for row in csv.DictReader(path.open(encoding="utf-8")):
            if row["kind"] in CONSENTS and datetime.date.fromisoformat(row["date"]) <= on:
                states.add(row["state"])
    return states
