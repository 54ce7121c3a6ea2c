"""Reviews, findings and suggestions: the database side of the suggestion engine."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max

from assessments import suggestions as engine
from assessments.models import Concept, Finding, FindingStatus, Obligation, Review, Term
from legislation.models import Provision


def thesaurus() -> "engine.Thesaurus":
    terms: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    # In the order of thesaurus.csv, where each language lists its most telling terms first.
    for code, language, term in Term.objects.order_by("id").values_list("concept__code", "language", "term"):
        terms[code][language].append(term)
    return engine.Thesaurus({code: dict(by_language) for code, by_language in terms.items()})


def engine_obligations(obligations) -> list:
    return [
        engine.Obligation(
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


def _edition() -> tuple:
    """Changes whenever the thesaurus or the checklist changes (loads, admin edits, deletions)."""
    return (
        tuple(Term.objects.aggregate(n=Count("id"), last=Max("id")).values()),
        Term.history.aggregate(last=Max("history_date"))["last"],
        Concept.history.aggregate(last=Max("history_date"))["last"],
        tuple(Obligation.objects.aggregate(n=Count("id"), last=Max("id")).values()),
        Obligation.history.aggregate(last=Max("history_date"))["last"],
    )


def suggestion_inputs() -> tuple[list, "engine.Thesaurus"]:
    """The obligations of the checklist and the thesaurus, as the engine takes them.

    Kept between requests while they do not change, so that the engine's own cache of the
    prepared suggester (keyed by these objects) serves every request."""
    edition = _edition()
    if _prepared.get("edition") != edition:
        _prepared["inputs"] = (engine_obligations(checklist()), thesaurus())
        _prepared["edition"] = edition
    return _prepared["inputs"]


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


def suggestions_for_review(review: Review, top: int = 5) -> dict[int, list[ProvisionSuggestion]]:
    """For each obligation of the review's instrument, the state's provisions most likely to implement it."""
    everything, words = suggestion_inputs()  # concept rarity is judged over all instruments
    provisions = state_provisions(review.state)
    by_language: dict[str, list[Provision]] = defaultdict(list)
    for provision in provisions:
        by_language[provision.version.law.language].append(provision)
    texts_by_language = {
        language: [(p.number, p.heading, p.text) for p in group] for language, group in by_language.items()
    }
    result: dict[int, list[ProvisionSuggestion]] = {}
    for obligation in checklist(review.instrument):
        target = engine_obligations([obligation])[0]
        ranked: list[ProvisionSuggestion] = []
        for language, group in by_language.items():
            found = engine.rank_provisions_for_obligation(
                target, texts_by_language[language], language, words, top, obligations=everything
            )
            for index, score, why in found:
                ranked.append(ProvisionSuggestion(group[index], score, why))
        ranked.sort(key=lambda s: -s.score)
        result[obligation.id] = ranked[:top]
    return result


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
