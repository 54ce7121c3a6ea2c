"""The staff dashboard and the balance of effort per pillar of the Strategy (68/276 op. 7).

Both count records that are not public (activities, participants, pledges not printed by a
report, requests for assistance), so both are for staff only: anonymous readers are sent to
log in, any other role gets a 403 (docs/dashboard.md)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from accounts.access import may_see_dashboard
from ctassist.demonstration import mark_demonstration
from reports import balance, dashboard


def _staff_only(user) -> None:
    if not may_see_dashboard(user):
        raise PermissionDenied(_("The dashboard is for staff."))


def _include_demonstration(request) -> bool:
    # Counted unless the reader leaves them out with ?demonstration=0 (the page's toggle).
    return request.GET.get("demonstration", "1") != "0"


@login_required
def dashboard_page(request):
    _staff_only(request.user)
    include = _include_demonstration(request)
    existing = dashboard.demonstration_records()
    mark_demonstration(request, include and existing > 0)
    return render(
        request,
        "reports/dashboard.html",
        {
            "charts": dashboard.charts(include),
            "include_demonstration": include,
            "demonstration_records": existing,
        },
    )


@login_required
def balance_page(request):
    _staff_only(request.user)
    include = _include_demonstration(request)
    result = balance.balance(include)
    mark_demonstration(request, include and result.demonstration > 0)
    return render(
        request,
        "reports/balance.html",
        {"result": result, "include_demonstration": include, "demonstration_records": result.demonstration},
    )
