"""The obligations a provision may implement, as the provision page shows them.

The checklist of obligations and the suggestion engine belong to the legislative review
(assessments), which builds on legislation; so legislation does not import them: the review
registers its function here when it starts (assessments.apps), and the page shows nothing
when no app did."""

from collections.abc import Callable

# (text, heading, language, context) → suggestions, each with slug, article, score and why.
Suggest = Callable[[str, str, str, str], list]

_registered: list[Suggest] = []


def register(suggest: Suggest) -> None:
    _registered[:] = [suggest]


def suggestions_for(text: str, heading: str, language: str, context: str = "") -> list:
    return _registered[0](text, heading, language, context) if _registered else []
