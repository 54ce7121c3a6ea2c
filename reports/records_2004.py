"""The facts of the Secretary-General's 2004 report (A/59/187) as records marked as from it."""

from ctassist.reference import LoadReport


def load_records_2004(report: LoadReport, sources) -> None:
    """Filled in by the work on issue 16; loads nothing yet."""
