"""Drafts of the Secretary-General's reports: staff only (accounts.access.may_write_reports).

A draft's page shows its prose (a form) and its figures computed from the records now, each
figure and each table row linking to the records behind it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import may_write_reports
from reports import documents
from reports.drafts import compute, create_draft, edit_prose, regenerate
from reports.forms import NewDraftForm, ProseForm
from reports.models import ReportDraft

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _staff_only(request):
    if not may_write_reports(request.user):
        raise PermissionDenied(_("Only staff prepare the Secretary-General's reports."))


def _draft(request, draft_id) -> ReportDraft:
    _staff_only(request)
    return get_object_or_404(ReportDraft.objects.select_related("resolution"), id=draft_id)


@login_required
def draft_list(request):
    _staff_only(request)
    drafts = ReportDraft.objects.select_related("resolution", "changed_by")
    return render(request, "reports/draft_list.html", {"drafts": drafts})


@login_required
def draft_new(request):
    _staff_only(request)
    form = NewDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        draft = create_draft(
            data["resolution"], data["start"], data["end"], data["language"], data["internal"], request.user
        )
        return redirect("reports:draft", draft_id=draft.id)
    return render(request, "reports/draft_new.html", {"form": form}, status=400 if form.errors else 200)


def _page(request, draft, form, status=200):
    figures = compute(draft)
    document = documents.for_draft(draft, figures)
    fields = {
        name.removeprefix("section-"): form[name] for name in form.fields if name.startswith("section-")
    }
    sections = [(section, fields.get(section.key)) for section in document.sections]
    return render(
        request,
        "reports/draft_detail.html",
        {
            "draft": draft,
            "report": document,
            "sections": sections,
            "form": form,
            "resolution_title": draft.resolution.title_or_english(draft.language),
        },
        status=status,
    )


@login_required
def draft_detail(request, draft_id):
    draft = _draft(request, draft_id)
    return _page(request, draft, ProseForm(draft=draft))


@login_required
@require_POST
def draft_prose(request, draft_id):
    draft = _draft(request, draft_id)
    form = ProseForm(request.POST, draft=draft)
    if not form.is_valid():
        return _page(request, draft, form, status=400)
    edit_prose(draft, form.texts(), request.user, title=form.cleaned_data["title"])
    return redirect("reports:draft", draft_id=draft.id)


@login_required
@require_POST
def draft_regenerate(request, draft_id):
    draft = _draft(request, draft_id)
    regenerate(draft, request.user)
    return redirect("reports:draft", draft_id=draft.id)


@login_required
def draft_figure(request, draft_id, key):
    """The records one figure counts, each linking to its page."""
    draft = _draft(request, draft_id)
    figures = compute(draft)
    figure = next((f for f in figures.figures if f.key == key), None)
    if figure is None:
        raise Http404(_("No such figure."))
    return render(request, "reports/draft_figure.html", {"draft": draft, "figure": figure})


@login_required
def draft_download(request, draft_id, file_format):
    draft = _draft(request, draft_id)
    if file_format not in CONTENT_TYPES:
        raise Http404(_("No such format."))
    document = documents.for_draft(draft, compute(draft))
    document.generated_at = None  # computed now, as the document says
    content = documents.as_docx(document) if file_format == "docx" else documents.as_pdf(document)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    name = slugify(f"report {draft.resolution.code} {draft.start} {draft.end} {draft.language}")
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response
