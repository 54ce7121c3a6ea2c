from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import Action, can, check, visible
from ctassist.demonstration import mark_demonstration
from ctassist.lifecycle import move
from outcomes.models import Outcome, OutcomeStatus

PAGE_SIZE = 100
# The buttons of the list: each decision is a move of the outcome's lifecycle.
DECISIONS = {"confirm": OutcomeStatus.CONFIRMED, "reject": OutcomeStatus.REJECTED}


@login_required
def outcome_list(request, error=None, status_code=200):
    may_decide = can(request.user, Action.PUBLISH)
    # Staff come here to review proposals; everyone else may only ever see confirmed outcomes.
    status = request.GET.get("status") or (OutcomeStatus.PROPOSED if may_decide else OutcomeStatus.CONFIRMED)
    if status not in OutcomeStatus.values:
        status = OutcomeStatus.CONFIRMED
    outcomes = visible(
        request.user,
        Outcome.objects.select_related("activity", "state", "treaty_action__instrument", "law", "decided_by"),
    ).filter(status=status)
    state = (request.GET.get("state") or "").upper()
    if state:
        outcomes = outcomes.filter(state__iso3=state)
    page = Paginator(outcomes.order_by("-activity__ends_on", "state__iso3", "id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    # An outcome reported by a source may have no activity (Outcome.activity is then None).
    mark_demonstration(request, [outcome.activity for outcome in page if outcome.activity])
    context = {
        "page": page,
        "status": status,
        "state": state,
        "statuses": OutcomeStatus.choices,
        "may_decide": may_decide and status == OutcomeStatus.PROPOSED,
        "error": error,
    }
    return render(request, "outcomes/list.html", context, status=status_code)


@login_required
@require_POST
def outcome_decide(request, outcome_id):
    # A focal point sees its state's outcomes once confirmed (Outcome.scope_state_id).
    outcome = get_object_or_404(Outcome, id=outcome_id)
    check(request.user, Action.VIEW, outcome)
    to = DECISIONS.get(request.POST.get("decision"))
    try:
        if to is None:
            raise ValidationError(_("Choose to confirm or to reject the proposed outcome."))
        move(outcome, to, by=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        return outcome_list(request, error=" ".join(exc.messages), status_code=400)
    query = {key: request.POST[key] for key in ("status", "state", "page") if request.POST.get(key)}
    return redirect(reverse("outcomes:list") + ("?" + urlencode(query) if query else ""))
