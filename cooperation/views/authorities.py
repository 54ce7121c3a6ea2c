"""The directory of competent national authorities: the list, an entry, its export, the form a
state's focal point keeps it with, and staff's list of entries that may be out of date."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import is_staff_member, may_keep_authority, may_see_restricted_contacts
from cooperation import directory
from cooperation.forms import AuthorityForm
from cooperation.models import Authority, AuthorityKind
from ctassist.demonstration import mark_demonstration
from states.models import State

PAGE_SIZE = 100


def _filtered(request):
    """The entries the list's filters ask for, and the filters as the page shows them back."""
    iso3 = (request.GET.get("state") or "").strip().upper()
    kind = request.GET.get("kind") or ""
    authorities = Authority.objects.select_related("state")
    if iso3:
        authorities = authorities.filter(state__iso3=iso3)
    if kind in AuthorityKind.values:
        authorities = authorities.of_kind(kind)
    return authorities, iso3, kind if kind in AuthorityKind.values else ""


def authority_list(request):
    authorities, iso3, kind = _filtered(request)
    page = Paginator(authorities, PAGE_SIZE).get_page(request.GET.get("page"))
    mark_demonstration(request, page)
    today = timezone.localdate()
    context = {
        "page": page,
        "rows": [(authority, authority.is_stale(today)) for authority in page],
        "state": iso3,
        "kind": kind,
        "kinds": AuthorityKind.choices,
        "states": State.objects.order_by("iso3"),
        "recorded": Authority.objects.exists(),
        "no_entry_message": directory.no_entry_message(),
        "may_see_stale": is_staff_member(request.user),
    }
    return render(request, "cooperation/authority_list.html", context)


def authority_detail(request, authority_id):
    authority = get_object_or_404(Authority.objects.select_related("state"), id=authority_id)
    mark_demonstration(request, [authority])
    today = timezone.localdate()
    context = {
        "authority": authority,
        "restricted": may_see_restricted_contacts(request.user),
        "stale": authority.is_stale(today),
        "may_keep": may_keep_authority(request.user, authority),
        "languages": [directory.language_label(code) for code in authority.languages_accepted],
    }
    return render(request, "cooperation/authority_detail.html", context)


def authority_export(request):
    """The filtered directory as CSV; the restricted columns only for signed-in practitioners."""
    authorities, _iso3, _kind = _filtered(request)
    restricted = may_see_restricted_contacts(request.user)
    today = timezone.localdate()
    columns = directory.PUBLIC_COLUMNS + (directory.RESTRICTED_COLUMNS if restricted else ())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="competent-authorities.csv"'
    writer = csv.writer(response)
    writer.writerow(columns)
    for authority in authorities:
        data = directory.entry(authority, restricted, today)
        data["languages_accepted"] = " ".join(data["languages_accepted"])
        data["channels"] = " ".join(data["channels"])
        writer.writerow([data[column] if data[column] is not None else "" for column in columns])
    return response


def _kept(user, authority):
    """404 to whoever may not keep the entry: another state's entries are not theirs to see edited."""
    if not may_keep_authority(user, authority):
        raise Http404(_("No such record."))


def _save(request, form, state):
    authority = form.save(commit=False)
    authority.state = state
    if form.cleaned_data.get("confirm_now"):
        authority.last_confirmed = timezone.localdate()
    authority.save()
    return redirect("cooperation:authority", authority_id=authority.id)


@login_required
def authority_new(request, iso3):
    state = get_object_or_404(State, iso3=iso3.upper())
    _kept(request.user, Authority(state=state))
    form = AuthorityForm(request.POST or None, instance=Authority(state=state))
    if request.method == "POST" and form.is_valid():
        return _save(request, form, state)
    context = {"form": form, "state": state, "authority": None}
    return render(request, "cooperation/authority_form.html", context, status=400 if form.errors else 200)


@login_required
def authority_edit(request, authority_id):
    authority = get_object_or_404(Authority.objects.select_related("state"), id=authority_id)
    _kept(request.user, authority)
    form = AuthorityForm(request.POST or None, instance=authority)
    if request.method == "POST" and form.is_valid():
        return _save(request, form, authority.state)
    context = {"form": form, "state": authority.state, "authority": authority}
    return render(request, "cooperation/authority_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def authority_confirm(request, authority_id):
    authority = get_object_or_404(Authority, id=authority_id)
    _kept(request.user, authority)
    directory.confirm(authority, timezone.localdate())
    return redirect("cooperation:authority", authority_id=authority.id)


@login_required
def authority_stale(request):
    """Staff's list of entries unconfirmed for 12 months, to ask the states to confirm them."""
    if not is_staff_member(request.user):
        raise PermissionDenied(_("Only staff see the entries that may be out of date."))
    today = timezone.localdate()
    context = {"authorities": directory.stale_entries(today), "since": directory.stale_since(today)}
    return render(request, "cooperation/authority_stale.html", context)
