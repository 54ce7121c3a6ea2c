"""The request writer: drafts of requests for mutual legal assistance and extradition.

A draft is its author's (and, where the author shares it, the users of the author's state's):
anyone else is told there is no such page (accounts.access.may_see_draft)."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import may_change_draft, may_draft_requests, may_see_draft, may_see_restricted_contacts
from cooperation.drafting import document
from cooperation.drafting.checklist import missing_items
from cooperation.drafting.form import DraftForm
from cooperation.drafting.sources import draft_answers, finder_text, requested_authority
from cooperation.models import ConventionAsLegalBasis, DraftKind, RequestDraft
from ctassist.languages import UN_LANGUAGES, data_language
from states.models import State

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _draft_for(user, draft_id) -> RequestDraft:
    draft = get_object_or_404(
        RequestDraft.objects.select_related("requesting_state", "requested_state", "author__profile"),
        id=draft_id,
    )
    if not may_see_draft(user, draft):
        raise Http404(_("No such record."))
    return draft


@login_required
def draft_list(request):
    drafts = RequestDraft.objects.visible_to(request.user).select_related(
        "requesting_state", "requested_state"
    )
    return render(request, "cooperation/draft_list.html", {"drafts": drafts})


def _initial_from_finder(query) -> dict:
    """What the legal-basis finder passes on: the two states, the offence, the date."""
    initial = {"kind": query.get("kind") or DraftKind.MLA, "language": data_language()}
    states = {
        state.iso3: state
        for state in State.objects.filter(iso3__in=[query.get("requesting"), query.get("requested")])
    }
    requesting, requested = states.get(query.get("requesting")), states.get(query.get("requested"))
    try:
        on = datetime.date.fromisoformat(query.get("on") or "")
    except ValueError:
        on = datetime.date.today()
    initial.update(
        requesting_state=requesting, requested_state=requested, offence=query.get("offence", ""), on=on
    )
    initial["legal_basis"] = finder_text(requesting, requested, query.get("offence"), on, data_language())
    return initial


@login_required
def draft_new(request):
    if not may_draft_requests(request.user):
        raise PermissionDenied
    form = DraftForm(request.POST or None, initial=_initial_from_finder(request.GET))
    if request.method == "POST" and form.is_valid():
        form.instance.author = request.user
        draft = form.save()
        return redirect("cooperation:draft", draft_id=draft.id)
    return render(request, "cooperation/draft_form.html", {"form": form}, status=400 if form.errors else 200)


def _warnings(draft, authority) -> list[str]:
    """What the requested state's recorded entry asks of this request."""
    if authority is None:
        return [
            _(
                "No competent authority of %(state)s for this kind of request is recorded in ctassist: "
                "the request has no address yet."
            )
            % {"state": draft.requested_state.name()}
        ]
    warnings = []
    if authority.languages_accepted and draft.language not in authority.languages_accepted:
        warnings.append(
            _("The requested authority accepts requests in: %(languages)s.")
            % {"languages": ", ".join(authority.languages_accepted)}
        )
    if draft.kind != DraftKind.MLA and authority.convention_as_legal_basis == ConventionAsLegalBasis.NO:
        warnings.append(
            _("The requested State does not accept a convention as the legal basis for extradition.")
        )
    if authority.is_stale(datetime.date.today()):
        warnings.append(_("The requested authority's entry has not been confirmed in the last 12 months."))
    return warnings


@login_required
def draft_detail(request, draft_id):
    draft = _draft_for(request.user, draft_id)
    is_author = may_change_draft(request.user, draft)
    form = DraftForm(request.POST or None, instance=draft)
    if request.method == "POST":
        if not is_author:
            raise PermissionDenied(_("Only the author changes a draft."))
        if form.is_valid():
            form.save()
            return redirect("cooperation:draft", draft_id=draft.id)
    if not is_author:
        for field in form.fields.values():
            field.disabled = True
    authority = requested_authority(draft)
    shows_requirements = authority is not None and (
        not authority.requirements_restricted or may_see_restricted_contacts(request.user)
    )
    return render(
        request,
        "cooperation/draft_form.html",
        {
            "form": form,
            "draft": draft,
            "is_author": is_author,
            "missing": missing_items(draft.kind, draft_answers(draft)),
            "authority": authority,
            "requirements": authority.requirements if shows_requirements else "",
            "time_limits": authority.time_limits if authority else "",
            "warnings": _warnings(draft, authority),
            "languages": UN_LANGUAGES,
        },
        status=400 if form.errors else 200,
    )


@login_required
def draft_document(request, draft_id, extension):
    draft = _draft_for(request.user, draft_id)
    language = request.GET.get("language") or draft.language
    if language not in UN_LANGUAGES:
        return HttpResponse(
            _("Unknown language: %(language)s. Use one of %(languages)s.")
            % {"language": language, "languages": ", ".join(UN_LANGUAGES)},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    composed = document.compose(draft, language)
    content = document.as_pdf(composed) if extension == "pdf" else document.as_docx(composed)
    response = HttpResponse(content, content_type=CONTENT_TYPES[extension])
    name = slugify(f"{draft.kind}-{draft.requesting_state.iso3}-{draft.requested_state.iso3}-{draft.id}")
    response["Content-Disposition"] = f'attachment; filename="{name}-{language}.{extension}"'
    return response


@login_required
@require_POST
def draft_delete(request, draft_id):
    draft = _draft_for(request.user, draft_id)
    if not may_change_draft(request.user, draft):
        raise PermissionDenied(_("Only the author deletes a draft."))
    draft.delete()
    return redirect("cooperation:drafts")
