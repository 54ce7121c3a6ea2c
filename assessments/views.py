from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.access import Action, can, check, visible
from assessments import reports
from assessments import suggestions as engine
from assessments.forms import CommentForm, FindingForm, QuickCheckForm
from assessments.models import Comment, Finding, Review, ReviewStatus, move
from assessments.services import open_review, suggestion_inputs, suggestions_for_review
from ctassist.languages import data_language
from instruments.models import Instrument
from legislation.document import ConversionError, SegmentationError
from legislation.importing import parse_upload
from legislation.models import Provision
from states.models import State


def obligation_list(request, slug):
    instrument = get_object_or_404(Instrument.objects.with_titles(), slug=slug)
    check(request.user, Action.VIEW, instrument)
    obligations = instrument.obligations.prefetch_related("concepts__labels", "texts")
    return render(
        request, "assessments/obligations.html", {"instrument": instrument, "obligations": obligations}
    )


@login_required
def review_list(request):
    reviews = visible(request.user, Review.objects.select_related("state", "instrument"))
    return render(request, "assessments/review_list.html", {"reviews": reviews})


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
            "provisions__version__law", "obligation__texts"
        )
    )
    suggested = suggestions_for_review(review) if may_edit else {}
    rows = [
        (
            finding,
            FindingForm(
                instance=finding,
                prefix=str(finding.id),
                initial={"provision_ids": ",".join(str(p.id) for p in finding.provisions.all())},
            )
            if may_edit
            else None,
            suggested.get(finding.obligation_id, []),
        )
        for finding in findings
    ]
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
        },
    )


@login_required
def finding_update(request, iso3, slug, finding_id):
    review = _review(request, iso3, slug)
    if request.method != "POST":
        return redirect("assessments:review", iso3=review.state.iso3, slug=slug)
    check(request.user, Action.CHANGE, review)
    finding = get_object_or_404(Finding, id=finding_id, review=review)
    form = FindingForm(request.POST, instance=finding, prefix=str(finding.id))
    if form.is_valid():
        ids = form.cleaned_data["provision_ids"]
        provisions = list(Provision.objects.filter(id__in=ids, version__law__state=review.state))
        if len(provisions) != len(set(ids)):
            form.add_error(
                "provision_ids",
                _("Some of these provisions are not laws of %(state)s.") % {"state": review.state.name()},
            )
        else:
            form.save()
            finding.provisions.set(provisions)
            return redirect(f"{request.path.rsplit('/findings/', 1)[0]}/#finding-{finding.id}")
    return render(
        request,
        "assessments/finding_error.html",
        {"review": review, "finding": finding, "form": form},
        status=400,
    )


@login_required
def review_move(request, iso3, slug):
    review = _review(request, iso3, slug)
    if request.method == "POST":
        try:
            move(review, request.POST.get("to", ""), request.user)
        except ValueError:
            raise Http404 from None
        except ValidationError as error:
            return render(
                request,
                "assessments/finding_error.html",
                {"review": review, "message": " ".join(error.messages)},
                status=400,
            )
    return redirect("assessments:review", iso3=review.state.iso3, slug=slug)


@login_required
def review_comment(request, iso3, slug):
    review = _review(request, iso3, slug)
    if not can(request.user, Action.COMMENT, review):
        raise PermissionDenied(_("You may not comment on this review."))
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        Comment.objects.create(review=review, author=request.user, text=form.cleaned_data["text"])
    return redirect("assessments:review", iso3=review.state.iso3, slug=slug)


@login_required
def review_open(request, iso3, slug):
    if request.method != "POST" or not can(request.user, Action.CHANGE):
        raise PermissionDenied(_("Only staff open a review."))
    state = get_object_or_404(State, iso3=iso3.upper())
    instrument = get_object_or_404(Instrument, slug=slug)
    open_review(state, instrument)
    return redirect("assessments:review", iso3=state.iso3, slug=slug)


@login_required
def country_report(request, iso3, format):
    state = get_object_or_404(State, iso3=iso3.upper())
    reviews = Review.objects.filter(state=state)
    if not can(request.user, Action.CHANGE) and not any(can(request.user, Action.VIEW, r) for r in reviews):
        raise Http404(_("No review of this state."))
    language = request.GET.get("language") or data_language()
    report = reports.build(state, language if language in ("zh", "en", "fr", "ru", "es", "ar") else "en")
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
