"""The questionnaires whose replies are known from published reports (surveys)."""

from ctassist.reference import LoadReport


def load_questionnaires(report: LoadReport, sources) -> None:
    """Filled in by the work on issue 16; loads nothing yet."""
