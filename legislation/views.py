import datetime

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.access import Action, can, check, visible
from instruments.models import Instrument
from legislation import provision_suggestions
from legislation import search as law_search
from legislation.diff import compare
from legislation.document import ConversionError, SegmentationError
from legislation.exports import export_akn, export_docx
from legislation.forms import (
    LawDetailsForm,
    LawFilterForm,
    ProvisionFormSet,
    SearchForm,
    UploadForm,
    preview_rows,
    previewed_law,
)
from legislation.importing import parse_upload
from legislation.models import Law, Provision
from legislation.search.across_languages import search_across_languages
from legislation.services import import_law


def _law(request, slug) -> Law:
    law = get_object_or_404(Law.objects.select_related("state"), slug=slug)
    check(request.user, Action.VIEW, law)
    return law


def _version(law: Law, request):
    wanted = request.GET.get("version")
    if not wanted:
        return law.current_version()
    try:
        date = datetime.date.fromisoformat(wanted)
    except ValueError:
        raise Http404(_("No version of this law on %(date)s.") % {"date": wanted}) from None
    version = law.versions.filter(valid_from=date).first()
    if version is None:
        raise Http404(_("No version of this law on %(date)s.") % {"date": wanted})
    return version


def law_list(request):
    form = LawFilterForm(request.GET or None)
    laws = form.filter(visible(request.user, Law.objects.select_related("state")))
    return render(request, "legislation/list.html", {"form": form, "laws": laws})


def law_detail(request, slug):
    law = _law(request, slug)
    version = _version(law, request)
    provisions = list(version.provisions.all()) if version else []
    return render(
        request,
        "legislation/detail.html",
        {
            "law": law,
            "version": version,
            "provisions": provisions,
            "versions": law.versions.all(),
        },
    )


def provision_detail(request, slug, eid):
    law = _law(request, slug)
    version = _version(law, request)
    provision = get_object_or_404(Provision, version=version, eid=eid)
    children = list(
        Provision.objects.filter(version=version, position__gt=provision.position).order_by("position")[:200]
    )
    descendants = []
    for candidate in children:  # the provisions nested under this one, in order
        if candidate.depth <= provision.depth:
            break
        descendants.append(candidate)
    text = "\n".join([provision.text, *(d.text for d in descendants)])
    headings, parent = [], provision.parent
    while parent is not None:  # the headings of the chapter, title … around it weigh in weakly
        headings.append(parent.heading)
        parent = parent.parent
    suggested = provision_suggestions.suggestions_for(
        text, provision.heading, law.language, context=" ".join(headings)
    )
    by_slug = Instrument.objects.with_titles().in_bulk({s.slug for s in suggested}, field_name="slug")
    context = {
        "law": law,
        "version": version,
        "provision": provision,
        "descendants": descendants,
        "suggested": [(s, by_slug[s.slug]) for s in suggested if s.slug in by_slug],
    }
    return render(request, "legislation/provision.html", context)


def law_diff(request, slug):
    law = _law(request, slug)
    versions = list(law.versions.exclude(valid_from__isnull=True).order_by("valid_from"))
    if len(versions) < 2:
        raise Http404(_("This law has only one dated version."))
    by_date = {v.valid_from.isoformat(): v for v in versions}
    old = by_date.get(request.GET.get("from", ""), versions[-2])
    new = by_date.get(request.GET.get("to", ""), versions[-1])
    changes = compare(old, new)
    shown = [c for c in changes if c.status != "unchanged"]
    return render(
        request,
        "legislation/diff.html",
        {
            "law": law,
            "old": old,
            "new": new,
            "changes": shown,
            "versions": versions,
            "unchanged": len(changes) - len(shown),
        },
    )


def law_export(request, slug, format):
    law = _law(request, slug)
    version = _version(law, request)
    if format == "akn":
        response = HttpResponse(export_akn(law, version), content_type="application/akn+xml; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{law.slug}.xml"'
        return response
    response = HttpResponse(
        export_docx(law, version),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{law.slug}.docx"'
    return response


SEARCH_PAGE_SIZE = 50


def search(request):
    form = SearchForm(request.GET or None)
    page = _page_number(request)
    total, hits, through_concepts, concepts = 0, [], [], []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "state": data["state"].upper() or None,
            "region": data["subregion"] or data["region"] or None,
            "language": data["language"] or None,
            "kind": data["kind"] or None,
            "in_force_on": data["in_force_on"],
            "published_only": not can(request.user, Action.CHANGE),
        }
        # The query's own matches are counted and paged; those found only through the
        # thesaurus (other languages' terms of the concepts it names) follow on the first page.
        total, own = law_search.search(
            data["q"], limit=SEARCH_PAGE_SIZE, offset=(page - 1) * SEARCH_PAGE_SIZE, **filters
        )
        found = []
        if page == 1:
            _total, combined, concepts = search_across_languages(
                data["q"], limit=SEARCH_PAGE_SIZE, own=(total, own), **filters
            )
            found = [item for item in combined if item.concept]
        provisions = Provision.objects.select_related(
            "version__law__state", "parent__parent__parent"
        ).in_bulk([hit.provision_id for hit in own] + [item.hit.provision_id for item in found])
        hits = [(hit, provisions[hit.provision_id]) for hit in own if hit.provision_id in provisions]
        through_concepts = [
            (item, provisions[item.hit.provision_id]) for item in found if item.hit.provision_id in provisions
        ]
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {
        "form": form,
        "hits": hits,
        "through_concepts": through_concepts,
        "total": total,
        "total_is_exact": law_search.total_is_exact(total),
        "rank_window": law_search.RANK_WINDOW,
        "concepts": concepts,
        "pages": _result_pages(request, page, total),
        "first_rank": (page - 1) * SEARCH_PAGE_SIZE + 1,
    }
    return render(request, "legislation/search.html", context, status=status)


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def _result_pages(request, page: int, total: int) -> dict | None:
    """Links to the pages of results; a bounded count ("more than 1,000") pages up to its window."""
    shown = min(total, law_search.RANK_WINDOW)
    count = max(1, -(-shown // SEARCH_PAGE_SIZE))
    if count == 1 and page == 1:
        return None
    query = request.GET.copy()

    def link(number):
        query["page"] = str(number)
        return "?" + query.urlencode()

    return {
        "number": page,
        "count": count,
        "previous": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if page < count else None,
        "links": [(number, link(number)) for number in range(1, count + 1)],
    }


def _require_staff(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can(request.user, Action.CHANGE):
        raise PermissionDenied(_("Only staff import laws."))
    return None


def law_import(request):
    denied = _require_staff(request)
    if denied:
        return denied
    if request.method == "POST" and "save" in request.POST:
        upload_form = UploadForm(request.POST)
        upload_form.fields["file"].required = False
        details = LawDetailsForm(request.POST)
        formset = ProvisionFormSet(request.POST)
        if upload_form.is_valid() and details.is_valid() and formset.is_valid():
            data = details.cleaned_data
            law_values = {
                "state": upload_form.cleaned_data["state"],
                "kind": upload_form.cleaned_data["kind"],
                "title": data["title"],
                "number": data["number"],
                "language": upload_form.cleaned_data["language"],
                "source": data["source"],
                "published": data["publish"],
            }
            # No checksum: what is saved is the text as corrected in the preview, not the file.
            imported = import_law(
                law_values, previewed_law(formset), valid_from=data["version_date"], source=data["source"]
            )
            return redirect("legislation:detail", slug=imported.law.slug)
        return render(
            request,
            "legislation/import_preview.html",
            {"upload_form": upload_form, "details": details, "formset": formset},
        )
    if request.method == "POST":
        upload_form = UploadForm(request.POST, request.FILES)
        if upload_form.is_valid():
            upload = upload_form.cleaned_data["file"]
            try:
                parsed, _text = parse_upload(upload.name, upload.read(), upload_form.cleaned_data["language"])
            except (ConversionError, SegmentationError) as exc:
                upload_form.add_error("file", str(exc))
            else:
                details = LawDetailsForm(
                    initial={"title": parsed.title or upload.name, "source": upload.name}
                )
                return render(
                    request,
                    "legislation/import_preview.html",
                    {
                        "upload_form": upload_form,
                        "details": details,
                        "formset": ProvisionFormSet(initial=preview_rows(parsed)),
                    },
                )
    else:
        upload_form = UploadForm()
    return render(request, "legislation/import.html", {"upload_form": upload_form})
