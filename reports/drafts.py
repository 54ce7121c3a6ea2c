"""Drafts of the Secretary-General's report on a resolution: staff write the prose, the
figures are computed from the records (reports.figures.compute) each time they are shown.

Regenerating a draft computes the figures again and keeps every word of the prose; it stores
the figures it computed, with the time, as the draft's snapshot (what a document printed),
never as the figures' truth."""

import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ctassist.languages import UN_LANGUAGES, data_language, django_language
from reports import figures as report_figures
from reports.figures.base import ReportFigures
from reports.models import ProseSection, ReportDraft, Resolution
from reports.serialization import report_json

# The sections of a report, in order, as the 2004 report has them; figures print in the
# section their `section` names (reports/figures), after the prose.
DEFAULT_SECTIONS = (
    ("introduction", gettext_lazy("Introduction")),
    ("assistance", gettext_lazy("Technical assistance")),
    ("participation", gettext_lazy("Ratification of the universal instruments")),
    ("funding", gettext_lazy("Voluntary contributions")),
    ("questionnaires", gettext_lazy("Replies of Member States")),
    ("conclusions", gettext_lazy("Conclusions and recommendations")),
)


class BadPeriod(ValueError):
    pass


def check_period(start: datetime.date, end: datetime.date) -> None:
    if start > end:
        raise BadPeriod(_("The period begins (%(start)s) after it ends (%(end)s).") % {
            "start": start.isoformat(), "end": end.isoformat()})  # fmt: skip


def default_title(resolution: Resolution, start, end, language: str) -> str:
    with translation.override(django_language(data_language(language))):
        return _("Report of the Secretary-General on resolution %(code)s, %(start)s to %(end)s") % {
            "code": resolution.code,
            "start": date_format(start),
            "end": date_format(end),
        }


def default_sections(language: str) -> list[tuple[str, str]]:
    with translation.override(django_language(data_language(language))):
        return [(key, str(heading)) for key, heading in DEFAULT_SECTIONS]


@transaction.atomic
def create_draft(
    resolution: Resolution, start, end, language: str, internal: bool, by, demonstration: bool = False
) -> ReportDraft:
    """A new draft with the default sections (headings in its language, no prose yet) and
    its figures computed once."""
    check_period(start, end)
    language = data_language(language) if language in UN_LANGUAGES else "en"
    draft = ReportDraft.objects.create(
        resolution=resolution,
        start=start,
        end=end,
        language=language,
        internal=internal,
        demonstration=demonstration,
        title=default_title(resolution, start, end, language),
        created_by=by,
        changed_by=by,
    )
    ProseSection.objects.bulk_create(
        ProseSection(draft=draft, key=key, position=position, heading=heading)
        for position, (key, heading) in enumerate(default_sections(language), start=1)
    )
    regenerate(draft, by)
    return draft


def compute(draft: ReportDraft) -> ReportFigures:
    """The draft's figures as the records give them now."""
    with translation.override(django_language(draft.language)):
        return report_figures.compute(
            draft.resolution.code,
            draft.start,
            draft.end,
            internal=draft.internal,
            demonstration=draft.demonstration,
            language=draft.language,
        )


def regenerate(draft: ReportDraft, by) -> ReportFigures:
    """Compute the figures again and keep them as the draft's snapshot; the prose is not touched."""
    figures = compute(draft)
    draft.snapshot = report_json(figures)
    draft.generated_at = timezone.now()
    draft.changed_by = by
    draft.save(update_fields=["snapshot", "generated_at", "changed_by", "changed_at"])
    return figures


@transaction.atomic
def edit_prose(draft: ReportDraft, texts: dict[str, str], by, title: str | None = None) -> None:
    """Save the prose of the sections named in `texts` (key → text); others stay as they are."""
    for section in draft.sections.filter(key__in=texts):
        if section.text != texts[section.key]:
            section.text = texts[section.key]
            section.save(update_fields=["text"])
    if title is not None and title.strip() and title != draft.title:
        draft.title = title.strip()
    draft.changed_by = by
    draft.save()
