"""The United Nations entities of the Global Counter-Terrorism Coordination Compact (strategy)."""

from ctassist.reference import LoadReport


def load_entities(report: LoadReport, sources) -> None:
    """Filled in by the work on issue 16; loads nothing yet."""
