"""Replies listed as readers look for them: states, territories and organizations, each by
name in the reader's language (ICU collation)."""

from ctassist.collation import sort_key
from surveys.models import RespondentKind

KIND_ORDER = {RespondentKind.STATE: 0, RespondentKind.TERRITORY: 1, RespondentKind.ORGANIZATION: 2}


def respondents_sorted(replies, language: str) -> list:
    key = sort_key(language)
    return sorted(
        replies, key=lambda reply: (KIND_ORDER[reply.respondent_kind], key(reply.respondent(language).text))
    )
