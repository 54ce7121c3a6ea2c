"""The monthly matrix as a page, its XLSX and PDF downloads, and the calendar of a month."""

import datetime
import re

from babel import Locale
from babel.dates import format_date
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.access import visible
from assistance.matrix import as_pdf, as_xlsx, month_calendar, monthly_matrix, summary, title
from assistance.models import Activity
from ctassist.demonstration import mark_demonstration
from ctassist.languages import UN_LANGUAGES, babel_locale, data_language, django_language

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# Whole weeks around the month must stay within the dates Python can hold.
FIRST_YEAR, LAST_YEAR = 1900, 2999


class BadMonth(ValueError):
    pass


def parse_month(value: str | None) -> tuple[int, int]:
    """The month asked for (YYYY-MM), this month when none is given."""
    if not value:
        today = datetime.date.today()
        return today.year, today.month
    match = MONTH.match(value)
    if not match or not 1 <= int(match[2]) <= 12:
        raise BadMonth(
            _("month: %(value)s is not a month in the form YYYY-MM, such as 2026-03.") % {"value": value}
        )
    if not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
        raise BadMonth(
            _("month: %(value)s is outside the years %(first)s to %(last)s.")
            % {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return int(match[1]), int(match[2])


def neighbours(year: int, month: int) -> tuple[str, str]:
    previous = (year, month - 1) if month > 1 else (year - 1, 12)
    following = (year, month + 1) if month < 12 else (year + 1, 1)
    return f"{previous[0]}-{previous[1]:02d}", f"{following[0]}-{following[1]:02d}"


def activity_url(activity_id: int) -> str:
    try:
        return reverse("activities:detail", args=[activity_id])
    except NoReverseMatch:
        return f"/activities/{activity_id}/"


def bad_month(request, error: BadMonth):
    return render(request, "assistance/matrix_bad_month.html", {"error": str(error)}, status=400)


def month_context(year: int, month: int) -> dict:
    previous, following = neighbours(year, month)
    locale = Locale.parse(babel_locale(data_language()))
    return {
        "month": f"{year}-{month:02d}",
        "month_name": format_date(datetime.date(year, month, 1), "LLLL y", locale=locale),
        "previous": previous,
        "following": following,
    }


@login_required
def matrix_page(request):
    try:
        year, month = parse_month(request.GET.get("month"))
    except BadMonth as error:
        return bad_month(request, error)
    lines = monthly_matrix(year, month, visible(request.user, Activity.objects.all()))
    for line in lines:
        for activity in line.activities:
            activity.url = activity_url(activity.id)
    mark_demonstration(request, [a for line in lines for a in line.activities])
    return render(
        request,
        "assistance/matrix.html",
        {
            **month_context(year, month),
            "title": title(year, month),
            "lines": lines,
            "summary": summary(lines),
        },
    )


def export_language(request) -> str:
    language = request.GET.get("language") or data_language()
    return language if language in UN_LANGUAGES else data_language()


@login_required
def matrix_download(request, month: str, format: str):
    try:
        year, number = parse_month(month)
    except BadMonth as error:
        return bad_month(request, error)
    language = export_language(request)
    activities = visible(request.user, Activity.objects.all())
    # The names of states and areas follow the language of the file, not of the page.
    with translation.override(django_language(language)):
        lines = monthly_matrix(year, number, activities)
        if format == "pdf":
            content, content_type = as_pdf(lines, year, number, language), "application/pdf"
        else:
            content = as_xlsx(lines, year, number, language)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="matrix-{month}-{language}.{format}"'
    return response


@login_required
def calendar_page(request):
    try:
        year, month = parse_month(request.GET.get("month"))
    except BadMonth as error:
        return bad_month(request, error)
    locale = Locale.parse(babel_locale(data_language()))
    first_weekday = locale.first_week_day
    weeks = month_calendar(year, month, visible(request.user, Activity.objects.all()), first_weekday)
    shown = {a.id: a for week in weeks for day in week for a in day.activities}
    for activity in shown.values():
        activity.url = activity_url(activity.id)
    mark_demonstration(request, shown.values())
    days = [(first_weekday + offset) % 7 for offset in range(7)]
    return render(
        request,
        "assistance/calendar.html",
        {
            **month_context(year, month),
            "weeks": weeks,
            "weekdays": [
                (locale.days["format"]["wide"][d], locale.days["format"]["abbreviated"][d]) for d in days
            ],
            "count": len(shown),
        },
    )
