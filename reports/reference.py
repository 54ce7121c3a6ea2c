"""The resolutions that ask the Secretary-General to report (reports)."""

from ctassist.reference import LoadReport


def load_resolutions(report: LoadReport, sources) -> None:
    """Filled in by the work on issue 16; loads nothing yet."""
