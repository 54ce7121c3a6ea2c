"""Reviews, findings and suggestions: the database side of the suggestion engine."""

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max

from assessments import suggestions as engine
from assessments.models import Finding, FindingStatus, Obligation, Review
from legislation.models import Law, Provision
from legislation.search import search as legislation_search
from thesaurus import edition
from thesaurus.matcher import Thesaurus
from thesaurus.services import current_thesaurus


def obligation_profiles(obligations) -> list[engine.ObligationProfile]:
    """The stored obligations as the suggestion engine reads them."""
    return [
        engine.ObligationProfile(
            slug=o.instrument.slug,
            article=o.article,
            category=o.category,
            concepts=list(o.concept_order),
            # The engine weighs the wording of the English summary and its Chinese translation.
            description_en=o.text_in("en"),
            description_zh=o.text_in("zh"),
        )
        for o in obligations
    ]


def checklist(instrument=None):
    obligations = (
        Obligation.objects.select_related("instrument").prefetch_related("texts").filter(complete=True)
    )
    if instrument is not None:
        obligations = obligations.filter(instrument=instrument)
    return list(obligations)


_prepared: dict = {}


def suggestion_inputs() -> tuple[list[engine.ObligationProfile], Thesaurus]:
    """The obligations of the checklist and the thesaurus, as the engine takes them.

    Kept between requests while neither changes (thesaurus.edition, raised by the signals of
    assessments.signals and the thesaurus), so that the engine's own cache of the prepared
    suggester (keyed by these objects) serves every request."""
    now = edition.current()
    if _prepared.get("edition") != now:
        _prepared["inputs"] = (obligation_profiles(checklist()), current_thesaurus())
        _prepared["edition"] = now
    return _prepared["inputs"]


def suggest_for_provision_page(text: str, heading: str, language: str, context: str) -> list:
    """The obligations a provision most likely implements, for the provision page of
    legislation (registered in legislation.provision_suggestions by assessments.apps)."""
    return engine.suggest_for_provision(text, heading, language, *suggestion_inputs(), top=5, context=context)


@dataclass
class ProvisionSuggestion:
    provision: Provision
    score: float
    why: list[str]


def state_provisions(state) -> list[Provision]:
    """The current text of every law of the state, published or not (reviews are confidential)."""
    return list(
        Provision.objects.filter(version__law__state=state, version__valid_to__isnull=True)
        .select_related("version__law")
        .order_by("version__law_id", "position")
    )


# A number cites a provision: digits, or the numerals of a Chinese article (第一百二十条).
_NUMBER_RE = re.compile(r"[0-9零〇一二三四五六七八九十百千]")
FOUND_AT_MOST = 20


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def find_provisions(state, q: str, limit: int = FOUND_AT_MOST) -> list[Provision]:
    """The state's current provisions that a reviewer looks for: by number in full ("83.02(1)",
    "第一百二十条 第二款", "421-2-2": those whose number starts so, the exact one first), then
    by words (the legislation search, best first). Published or not: reviews are confidential."""
    q = q.strip()
    if not q:
        return []
    current = Provision.objects.filter(version__law__state=state, version__valid_to__isnull=True)
    found: list[int] = []
    if _NUMBER_RE.search(q):
        wanted = _squeezed(q)
        # A state has a few thousand provisions: their numbers in full are read in Python.
        numbered = [
            (
                _squeezed(provision.full_number) != wanted,
                provision.version_id,
                provision.position,
                provision.id,
            )
            for provision in current.select_related("parent__parent__parent")
            if _squeezed(provision.full_number).startswith(wanted)
        ]
        found = [provision_id for *_order, provision_id in sorted(numbered)[:limit]]
    if len(found) < limit:
        _total, hits = legislation_search(q, state=state.iso3, published_only=False, limit=limit)
        found += [hit.provision_id for hit in hits if hit.provision_id not in found]
    shown = current.select_related("version__law", "parent__parent__parent").in_bulk(found[:limit])
    return [shown[provision_id] for provision_id in found[:limit] if provision_id in shown]


def suggestions_for_review(review: Review, top: int = 5) -> dict[int, list[ProvisionSuggestion]]:
    """For each obligation of the review's instrument, the state's provisions most likely to implement it.

    Computed once for a state's current laws and the thesaurus and checklist as they are (a
    state of 2,000 provisions takes seconds), then kept in the cache until one of them
    changes; the page then reads only the provisions it shows."""
    key = _suggestions_key(review, top)
    ranked = cache.get(key)
    if ranked is None:
        ranked = _rank_for_review(review, top)
        cache.set(key, ranked, timeout=None)
    shown = Provision.objects.select_related("version__law", "parent__parent__parent").in_bulk(
        {provision_id for found in ranked.values() for provision_id, _score, _why in found}
    )
    return {
        obligation_id: [
            ProvisionSuggestion(shown[provision_id], score, why)
            for provision_id, score, why in found
            if provision_id in shown
        ]
        for obligation_id, found in ranked.items()
    }


def _suggestions_key(review: Review, top: int) -> str:
    """Changes whenever what the suggestions are computed from changes: the thesaurus and the
    checklist, the state's current provisions (a new version, an import, an edit in the admin,
    a deletion), or a law's language."""
    current = Provision.objects.filter(version__law__state=review.state_id, version__valid_to__isnull=True)
    fingerprint = (
        # The database's edition only: the key is shared by every process.
        edition.number(),
        tuple(current.aggregate(n=Count("id"), last=Max("id"), version=Max("version_id")).values()),
        Provision.history.aggregate(last=Max("history_date"))["last"],
        Law.history.filter(state_id=review.state_id).aggregate(last=Max("history_date"))["last"],
    )
    digest = hashlib.sha256(repr(fingerprint).encode()).hexdigest()[:32]
    return f"review-suggestions:{review.state_id}:{review.instrument_id}:{top}:{digest}"


def _rank_for_review(review: Review, top: int) -> dict[int, list[tuple[int, float, list[str]]]]:
    """{obligation id: [(provision id, score, reasons), …]}, best first."""
    everything, thesaurus = suggestion_inputs()  # concept rarity is judged over all instruments
    by_language: dict[str, list[Provision]] = defaultdict(list)
    for provision in state_provisions(review.state):
        by_language[provision.version.law.language].append(provision)
    obligations = checklist(review.instrument)
    targets = obligation_profiles(obligations)
    found: dict[int, list[tuple[int, float, list[str]]]] = {obligation.id: [] for obligation in obligations}
    for language, group in by_language.items():
        texts = [(p.number, p.heading, p.text) for p in group]
        ranked = engine.rank_provisions_for_obligations(
            targets, texts, language, thesaurus, top, obligations=everything
        )
        for obligation, best in zip(obligations, ranked, strict=True):
            found[obligation.id] += [(group[index].id, score, why) for index, score, why in best]
    for obligation_id, items in found.items():
        # Stable: of equal scores, the language read first keeps its place, as before.
        items.sort(key=lambda item: -item[1])
        found[obligation_id] = items[:top]
    return found


@transaction.atomic
def open_review(state, instrument) -> Review:
    """The review of a state against an instrument, with a finding for every obligation."""
    review, _created = Review.objects.get_or_create(state=state, instrument=instrument)
    have = set(review.findings.values_list("obligation_id", flat=True))
    Finding.objects.bulk_create(
        [
            Finding(review=review, obligation=obligation, status=FindingStatus.NOT_ASSESSED)
            for obligation in checklist(instrument)
            if obligation.id not in have
        ]
    )
    return review
