"""Pages of funding (F8): the contributions table (public: the reports publish it; a donor
also sees its own unpublished records), the biennium (staff; a donor its own lines), and a
donor's page (staff and the donor's own representatives; anyone else gets a 404)."""

import datetime

from django.db.models import Min
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.access import may_see_donor, may_see_funding_details, visible
from assistance import participants
from assistance.models import Activity
from ctassist.demonstration import mark_demonstration
from ctassist.languages import data_language
from funding.contributions import contributions, donor_name
from funding.documents import biennium_xlsx, contributions_docx, contributions_xlsx
from funding.expenditure import BadBiennium, biennium, parse_biennium
from funding.models import Payment, Pledge
from outcomes.models import Outcome
from projects.models import Donor, Project

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(content: bytes, kind: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _period(request) -> tuple[datetime.date, datetime.date, list[str]]:
    """The period asked for, by default from the first recorded contribution to the end of this year."""
    errors = []
    first = Payment.objects.aggregate(first=Min("date"))["first"] or datetime.date.today()
    defaults = {
        "from": datetime.date(first.year, 1, 1),
        "to": datetime.date(datetime.date.today().year, 12, 31),
    }
    days = {}
    for name, default in defaults.items():
        text = request.GET.get(name, "").strip()
        try:
            days[name] = datetime.date.fromisoformat(text) if text else default
        except ValueError:
            errors.append(_("%(value)s is not a date (YYYY-MM-DD).") % {"value": text})
            days[name] = default
    if days["to"] < days["from"]:
        errors.append(_("The end of the period is before its start."))
    return days["from"], days["to"], errors


def contribution_table(request):
    start, end, errors = _period(request)
    table = None if errors else contributions(start, end, user=request.user)
    language = data_language(get_language())
    fmt = request.GET.get("format")
    if table is not None and fmt == "docx":
        return download(
            contributions_docx(table, language), DOCX, f"contributions-{start}-{end}-{language}.docx"
        )
    if table is not None and fmt == "xlsx":
        return download(
            contributions_xlsx(table, language), XLSX, f"contributions-{start}-{end}-{language}.xlsx"
        )
    if table is not None:
        mark_demonstration(request, table.rows)
        for row in table.rows:
            row.label, row.can_open = row.name(language), may_see_donor(request.user, row.donor)
    return render(
        request,
        "funding/contributions.html",
        {"table": table, "start": start, "end": end, "errors": errors, "language": language},
        status=400 if errors else 200,
    )


def biennium_page(request):
    if not may_see_funding_details(request.user):
        raise Http404(_("No such page."))
    text = request.GET.get("biennium") or f"{datetime.date.today().year - 1}-{datetime.date.today().year}"
    try:
        result = biennium(parse_biennium(text), user=request.user)
    except BadBiennium as error:
        return render(request, "funding/biennium.html", {"error": str(error), "text": text}, status=400)
    if request.GET.get("format") == "xlsx":
        language = data_language(get_language())
        return download(biennium_xlsx(result, language), XLSX, f"expenditure-{text}-{language}.xlsx")
    mark_demonstration(request, [line.record for line in result.donors + result.projects])
    for line in result.donors:
        line.record.label = donor_name(line.record)
    return render(request, "funding/biennium.html", {"result": result, "text": text})


def donor_page(request, donor_id):
    donor = get_object_or_404(Donor.objects.select_related("state"), id=donor_id)
    if not may_see_donor(request.user, donor):
        raise Http404(_("No such record."))
    projects = visible(request.user, Project.objects.filter(donors=donor)).order_by("code")
    activities = visible(request.user, Activity.objects.filter(project__in=projects)).select_related(
        "host_state"
    )
    context = {
        "donor": donor,
        "pledges": Pledge.objects.filter(donor=donor).select_related("project").prefetch_related("payments"),
        "payments": Payment.objects.filter(donor=donor).select_related("pledge"),
        "projects": projects,
        "activities": activities,
        "totals": participants.for_activities(activities),
        "outcomes": Outcome.objects.confirmed()
        .filter(activity__in=activities)
        .select_related("state", "activity"),
    }
    mark_demonstration(request, [donor]) or mark_demonstration(request, projects)
    context["name"] = donor_name(donor)
    return render(request, "funding/donor.html", context)
