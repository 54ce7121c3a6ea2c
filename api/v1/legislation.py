import datetime

from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from accounts.access import Action, can, visible
from legislation import search as law_search
from legislation.models import Law, LawKind, Provision
from legislation.search.across_languages import ConceptHit, search_across_languages

router = Router(tags=["legislation"])


class LawOut(Schema):
    id: int
    slug: str
    url: str
    state: str = Field(description="ISO3")
    kind: str
    title: str = Field(description="Title in the original language")
    title_translations: dict[str, str]
    number: str
    language: str
    adopted_on: datetime.date | None
    in_force_on: datetime.date | None
    last_amended_on: datetime.date | None
    repealed_on: datetime.date | None
    status: str
    source: str
    licence: str
    versions: list[datetime.date | None] = Field(description="Dates of the versions, oldest first")


class ProvisionOut(Schema):
    id: int
    url: str
    law: str = Field(description="Slug of the law")
    version: datetime.date | None
    eid: str = Field(description="Permanent identifier within the law (Akoma Ntoso eId)")
    kind: str
    number: str = Field(description="The number as written, e.g. 第一百二十条之一, 83.02, 421-2-2")
    heading: str
    text: str
    depth: int
    parent: int | None


class LawDetailOut(LawOut):
    provisions: list[ProvisionOut] = Field(description="Provisions of the current version, in order")


class SearchHitOut(Schema):
    score: float
    via_concept: str | None = Field(
        description="Set when the hit was found through the thesaurus: the concept the query named"
    )
    via_term: str | None = Field(
        description="The term of that concept, in the provision's language, that matched"
    )
    snippet_html: str = Field(description="Excerpt, HTML-escaped, matching words in <mark>")
    provision: ProvisionOut


class SearchOut(Schema):
    total: int = Field(description="Matching provisions; above the ranking window, the window + 1")
    total_is_exact: bool = Field(
        description="false when more provisions match than are ranked (1,000): the total then "
        "means 'more than 1,000', and only the newest 1,000 matches are ranked"
    )
    concepts: list[str] = Field(description="Concepts of the thesaurus that the query names")
    hits: list[SearchHitOut]


def law_out(law: Law) -> dict:
    return {
        "id": law.id,
        "slug": law.slug,
        "url": reverse("legislation:detail", args=[law.slug]),
        "state": law.state.iso3,
        "kind": law.kind,
        "title": law.title,
        "title_translations": law.title_translations,
        "number": law.number,
        "language": law.language,
        "adopted_on": law.adopted_on,
        "in_force_on": law.in_force_on,
        "last_amended_on": law.last_amended_on,
        "repealed_on": law.repealed_on,
        "status": law.status,
        "source": law.source,
        "licence": law.licence,
        "versions": [v.valid_from for v in law.versions.all()],
    }


def provision_out(provision: Provision) -> dict:
    law = provision.version.law
    return {
        "id": provision.id,
        "url": reverse("legislation:provision", args=[law.slug, provision.eid]),
        "law": law.slug,
        "version": provision.version.valid_from,
        "eid": provision.eid,
        "kind": provision.kind,
        "number": provision.number,
        "heading": provision.heading,
        "text": provision.text,
        "depth": provision.depth,
        "parent": provision.parent_id,
    }


@router.get("/laws", response=list[LawOut], summary="National laws")
def list_laws(request, state: str | None = None, language: str | None = None, kind: LawKind | None = None):
    laws = visible(request.user, Law.objects.select_related("state").prefetch_related("versions"))
    if state:
        laws = laws.filter(state__iso3=state.upper())
    if language:
        laws = laws.filter(language=language)
    if kind:
        laws = laws.filter(kind=kind)
    return [law_out(law) for law in laws]


@router.get("/laws/{law_id}", response=LawDetailOut, summary="One law with its provisions")
def get_law(request, law_id: int):
    law = Law.objects.select_related("state").filter(id=law_id).first()
    if law is None or not can(request.user, Action.VIEW, law):
        raise HttpError(404, f"No law with id {law_id}.")
    version = law.current_version()
    provisions = version.provisions.select_related("version__law") if version else []
    return {**law_out(law), "provisions": [provision_out(p) for p in provisions]}


@router.get("/provisions/{provision_id}", response=ProvisionOut, summary="One provision")
def get_provision(request, provision_id: int):
    provision = Provision.objects.select_related("version__law").filter(id=provision_id).first()
    if provision is None or not can(request.user, Action.VIEW, provision):
        raise HttpError(404, f"No provision with id {provision_id}.")
    return provision_out(provision)


@router.get("/search", response=SearchOut, summary="Search provisions in any language")
def search_provisions(
    request,
    q: str = Query(..., min_length=1, max_length=200, description="Words, in any of the six languages"),
    state: str | None = None,
    region: str | None = Query(None, description="M49 code of a region or subregion"),
    language: str | None = None,
    kind: LawKind | None = None,
    in_force_on: datetime.date | None = None,
    limit: int = Query(20, ge=1, le=100),
    offset: int = Query(0, ge=0),
    across_languages: bool = Query(
        True,
        description="Also search the other languages' terms of the thesaurus concepts the query names "
        "(first page only)",
    ),
):
    filters = {
        "state": state.upper() if state else None,
        "region": region,
        "language": language,
        "kind": kind,
        "in_force_on": in_force_on,
        "published_only": not can(request.user, Action.CHANGE),
    }
    concepts: list[str] = []
    if across_languages and offset == 0:
        total, found, concepts = search_across_languages(q, limit=limit, **filters)
    else:
        total, hits = law_search.search(q, limit=limit, offset=offset, **filters)
        found = [ConceptHit(hit, None, None) for hit in hits]
    provisions = Provision.objects.select_related("version__law").in_bulk(
        [item.hit.provision_id for item in found]
    )
    return {
        "total": total,
        "total_is_exact": law_search.total_is_exact(total),
        "concepts": concepts,
        "hits": [
            {
                "score": item.hit.score,
                "via_concept": item.concept,
                "via_term": item.term,
                "snippet_html": item.hit.snippet_html,
                "provision": provision_out(provisions[item.hit.provision_id]),
            }
            for item in found
            if item.hit.provision_id in provisions
        ],
    }
