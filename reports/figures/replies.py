"""The replies to the questionnaires of the resolution received in the period.

A reply counts when it is submitted (a draft is not a reply yet) to a questionnaire of the
resolution, and received in the period; a reply without a date of receipt counts when its
questionnaire's replies are as at a date in the period (the published reports give the list
of replies as at a date, not the day each came). A public report counts published replies
only; demonstration replies and questionnaires only when asked."""

from django.db.models import Q
from django.utils.translation import gettext as _

from ctassist.collation import sort_key
from reports.figures.base import Figure, RecordRef, Table, TableRow
from reports.figures.refs import page_url
from reports.figures.scope import Scope
from surveys.models import Reply, ReplyStatus, RespondentKind

SECTION = "questionnaires"


def replies_in_period(scope: Scope):
    replies = Reply.objects.filter(
        questionnaire__resolution=scope.resolution, status=ReplyStatus.SUBMITTED
    ).filter(
        Q(received_on__range=(scope.start, scope.end))
        | Q(received_on__isnull=True, questionnaire__replies_as_at__range=(scope.start, scope.end))
    )
    if not scope.internal:
        replies = replies.published()
    if not scope.demonstration:
        replies = replies.filter(demonstration=False, questionnaire__demonstration=False)
    return replies.select_related("questionnaire", "state")


def reply_ref(reply, language: str) -> RecordRef:
    label = reply.respondent(language).text
    url = page_url("surveys:reply", reply.questionnaire.code, reply.pk)
    return RecordRef("surveys.reply", reply.pk, label, url)


def _figure(key: str, title: str, replies: list, language: str) -> Figure:
    kind_labels = {code: str(label) for code, label in RespondentKind.choices}
    key_of = sort_key(language)
    ordered = sorted(replies, key=lambda reply: key_of(reply.respondent(language).text))
    rows = [
        TableRow(
            [
                reply.respondent(language).text,
                kind_labels[reply.respondent_kind],
                reply.received_on.isoformat() if reply.received_on else "",
            ],
            [reply_ref(reply, language)],
        )
        for reply in ordered
    ]
    return Figure(
        key=key,
        section=SECTION,
        title=title,
        value=len(ordered),
        records=[row.records[0] for row in rows],
        table=Table([_("Respondent"), _("Respondent kind"), _("Received on")], rows),
        as_at=max(
            (reply.questionnaire.replies_as_at for reply in replies if reply.questionnaire.replies_as_at),
            default=None,
        ),
    )


def replies(scope: Scope) -> list[Figure]:
    """Two figures: the states and territories that replied, and the organizations."""
    found = list(replies_in_period(scope))
    states = [reply for reply in found if reply.respondent_kind != RespondentKind.ORGANIZATION]
    organizations = [reply for reply in found if reply.respondent_kind == RespondentKind.ORGANIZATION]
    return [
        _figure(
            "replies", _("States and territories that replied to the questionnaire"), states, scope.language
        ),
        _figure(
            "replies-organizations",
            _("Organizations that replied to the questionnaire"),
            organizations,
            scope.language,
        ),
    ]
