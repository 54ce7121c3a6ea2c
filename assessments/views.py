from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import Action, can, check, may_start_review, visible
from assessments import reports
from assessments import suggestions as engine
from assessments.forms import (
    CommentForm,
    FindingForm,
    ProvisionSearchForm,
    QuickCheckForm,
    StartReviewForm,
)
from assessments.models import Comment, Finding, Review, ReviewStatus
from assessments.services import (
    ProvisionSuggestion,
    find_provisions,
    open_review,
    suggestion_inputs,
    suggestions_for_review,
)
from ctassist.languages import UN_LANGUAGES, data_language
from ctassist.lifecycle import move
from instruments.models import Instrument
from legislation.document import ConversionError, SegmentationError
from legislation.importing import parse_upload
from legislation.models import Provision
from states.models import State


@dataclass
class FindingRow:
    """A finding as the review page shows it."""

    finding: Finding
    form: FindingForm | None  # for those who may edit
    suggested: list[ProvisionSuggestion]
    found: list[Provision] | None  # the provisions found by this finding's search, if searched
    search_form: forms.Form

    def offered(self) -> list[tuple[Provision, bool]]:
        """(provision, ticked) for the boxes of the edit form: the linked provisions (ticked),
        then those suggested and found, each once."""
        linked = list(self.finding.provisions.all())
        offered = {provision.id: (provision, True) for provision in linked}
        for provision in [s.provision for s in self.suggested] + (self.found or []):
            offered.setdefault(provision.id, (provision, False))
        return list(offered.values())


def obligation_list(request, slug):
    instrument = get_object_or_404(Instrument.objects.with_titles(), slug=slug)
    check(request.user, Action.VIEW, instrument)
    obligations = instrument.obligations.prefetch_related("concepts__labels", "texts")
    return render(
        request, "assessments/obligations.html", {"instrument": instrument, "obligations": obligations}
    )


@login_required
def review_list(request, start_form=None, status=200):
    reviews = visible(
        request.user,
        Review.objects.select_related("state", "instrument").prefetch_related("instrument__titles"),
    )
    if start_form is None and may_start_review(request.user):
        start_form = StartReviewForm()
    return render(
        request,
        "assessments/review_list.html",
        {"reviews": reviews, "start_form": start_form},
        status=status,
    )


@login_required
@require_POST
def review_start(request):
    """Staff open a review from the list of reviews or a state's page (state × instrument posted)."""
    if not may_start_review(request.user):
        raise PermissionDenied(_("Only staff start a review."))
    form = StartReviewForm(request.POST)
    if not form.is_valid():
        return review_list(request, start_form=form, status=400)
    return _start(request, form.cleaned_data["state"], form.cleaned_data["instrument"])


def _start(request, state, instrument):
    existing = Review.objects.filter(state=state, instrument=instrument).exists()
    open_review(state, instrument)
    names = {"state": state.name(), "instrument": instrument.display_title()}
    if existing:
        messages.info(
            request, _("%(state)s already has a review against the %(instrument)s: here it is.") % names
        )
    else:
        messages.success(request, _("Review opened: %(state)s against the %(instrument)s.") % names)
    return redirect("assessments:review", iso3=state.iso3, slug=instrument.slug)


def _review(request, iso3, slug) -> Review:
    review = (
        Review.objects.select_related("state", "instrument")
        .filter(state__iso3=iso3.upper(), instrument__slug=slug)
        .first()
    )
    if review is None:
        raise Http404(_("No review of this state against this instrument."))
    check(request.user, Action.VIEW, review)
    return review


@login_required
def review_detail(request, iso3, slug):
    review = _review(request, iso3, slug)
    may_edit = can(request.user, Action.CHANGE, review)
    findings = list(
        review.findings.select_related("obligation").prefetch_related(
            "provisions__version__law", "provisions__parent__parent__parent", "obligation__texts"
        )
    )
    suggested = suggestions_for_review(review) if may_edit else {}
    # One finding is edited at a time (?finding=…, with its provisions searched by &q=…): the
    # page stays plain forms, and light with dozens of findings.
    editing = request.GET.get("finding", "") if may_edit else ""
    search_form = ProvisionSearchForm(request.GET if "q" in request.GET else None)
    found = None
    if editing and search_form.is_bound and search_form.is_valid():
        found = find_provisions(review.state, search_form.cleaned_data["q"])
    rows = []
    for finding in findings:
        edited = str(finding.id) == editing
        form = FindingForm(instance=finding, prefix=str(finding.id), state=review.state) if edited else None
        rows.append(
            FindingRow(
                finding,
                form,
                suggested.get(finding.obligation_id, []),
                found if edited else None,
                search_form,
            )
        )
    return render(
        request,
        "assessments/review.html",
        {
            "review": review,
            "rows": rows,
            "may_edit": may_edit,
            "coverage": review.coverage(),
            "may_comment": can(request.user, Action.COMMENT, review),
            "comment_form": CommentForm(),
            "comments": review.comments.select_related("author"),
            "statuses": ReviewStatus,
            "moves": [to for to, _label in review.lifecycle.moves_for(request.user, review)],
        },
    )


@login_required
@require_POST
def finding_update(request, iso3, slug, finding_id):
    review = _review(request, iso3, slug)
    check(request.user, Action.CHANGE, review)
    finding = get_object_or_404(Finding, id=finding_id, review=review)
    form = FindingForm(request.POST, instance=finding, prefix=str(finding.id), state=review.state)
    if form.is_valid():
        form.save()
        return redirect(f"{request.path.rsplit('/findings/', 1)[0]}/#finding-{finding.id}")
    return render(
        request,
        "assessments/finding_error.html",
        {"review": review, "finding": finding, "form": form},
        status=400,
    )


@login_required
@require_POST
def review_move(request, iso3, slug):
    review = _review(request, iso3, slug)
    try:
        move(review, request.POST.get("to", ""), by=request.user)
    except ValidationError as error:
        return render(
            request,
            "assessments/finding_error.html",
            {"review": review, "message": " ".join(error.messages)},
            status=400,
        )
    return redirect("assessments:review", iso3=review.state.iso3, slug=slug)


@login_required
@require_POST
def review_comment(request, iso3, slug):
    review = _review(request, iso3, slug)
    if not can(request.user, Action.COMMENT, review):
        raise PermissionDenied(_("You may not comment on this review."))
    form = CommentForm(request.POST)
    if form.is_valid():
        Comment.objects.create(review=review, author=request.user, text=form.cleaned_data["text"])
    return redirect("assessments:review", iso3=review.state.iso3, slug=slug)


@login_required
@require_POST
def review_open(request, iso3, slug):
    if not may_start_review(request.user):
        raise PermissionDenied(_("Only staff start a review."))
    state = get_object_or_404(State, iso3=iso3.upper())
    instrument = get_object_or_404(Instrument.objects.with_titles(), slug=slug)
    return _start(request, state, instrument)


@login_required
def country_report(request, iso3, format):
    state = get_object_or_404(State, iso3=iso3.upper())
    reviews = Review.objects.filter(state=state)
    if not can(request.user, Action.CHANGE) and not any(can(request.user, Action.VIEW, r) for r in reviews):
        raise Http404(_("No review of this state."))
    # The language asked for (?language=), else the page's.
    language = request.GET.get("language")
    language = language if language in UN_LANGUAGES else data_language()
    report = reports.build(state, language)
    if format == "pdf":
        response = HttpResponse(reports.as_pdf(report), content_type="application/pdf")
    else:
        response = HttpResponse(
            reports.as_docx(report),
            content_type=("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        )
    response["Content-Disposition"] = (
        f'attachment; filename="ctassist-review-{state.iso3}-{language}.{format}"'
    )
    return response


@login_required
def quick_check(request):
    """Suggestions for each provision of a draft law that is not in the database; nothing stored."""
    form = QuickCheckForm(request.POST or None, request.FILES or None)
    results = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        language = form.cleaned_data["language"]
        try:
            parsed, _text = parse_upload(upload.name, upload.read(), language)
        except (ConversionError, SegmentationError) as error:
            form.add_error("file", str(error))
        else:
            provisions = [(p.number, p.heading, p.text) for p in parsed.walk() if p.text or p.heading]
            results = engine.suggest_for_law(provisions, language, *suggestion_inputs(), 5)
    return render(request, "assessments/quick_check.html", {"form": form, "results": results})
