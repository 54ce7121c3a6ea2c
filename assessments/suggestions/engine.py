"""Which obligations a provision of a national law most likely implements, and why.

The law and the obligations need not share a language: both are read as concepts of the
thesaurus. The provision's concepts are found in its own language (its heading and text);
each obligation carries its concepts (most specific first) and a category.

Score of an obligation for a provision, in [0, 1]:

- weights: the obligation's first concept weighs 1, the second 0.6, the third 0.45, the
  others 0.35, each times the concept's rarity over all obligations (inverse document
  frequency, the rarest concept 1); the cue concept of the category (jurisdiction →
  jurisdiction, legal-persons → legal-person-liability, preventive-measures →
  financial-institutions …) is added at 0.8 when the obligation does not list it;
- strength of a concept in the provision: 1 when it is in the heading or with three pieces
  of evidence, 0.75 with two, 0.5 with one (a place that matched a phrase counts twice);
- cover: the weighted share of the obligation's concepts found in the provision;
- focus: the share of the provision's concepts (weighted by rarity and strength, those of
  the heading twice) that the obligation accounts for — a provision about financing explains a financing offence better
  than a financing jurisdiction clause;
- subject: the strength of the obligation's first subject concept (or 0.8 × the best other);
- score = cover × (0.5 + 0.5 × subject) × (0.7 + 0.3 × focus): focus orders the obligations
  of one provision more than it decides whether to suggest them, so that a provision listing
  many offences (Code pénal 421-1) still gets its suggestions.

Gates, before any score: a provision must show the category's cue (a jurisdiction clause
speaks of jurisdiction) and at least one of the obligation's subject concepts (the concepts
that are not procedural: financing, hostage-taking …). For the procedural categories
(jurisdiction, extradition, assistance, freezing, rights, cooperation) a provision about
terrorist offences in general stands in for the instrument's offences, at half strength: “涉及恐怖活动犯罪的刑事司法协助、引渡”
is a candidate for the mutual legal assistance article of every instrument.
Obligations under MIN_SCORE are not suggested, so a provision on marriage gets nothing.
"""

import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .obligations import Obligation
from .thesaurus import ConceptMatch, Thesaurus

CATEGORY_CUES = {
    "penalties": "penalties",
    "jurisdiction": "jurisdiction",
    "extradite-or-prosecute": "extradite-or-prosecute",
    "extradition": "extradition",
    "mutual-legal-assistance": "mutual-legal-assistance",
    "legal-persons": "legal-person-liability",
    "freezing-confiscation": "freezing-confiscation",
    "preventive-measures": "financial-institutions",
    "offender-rights": "offender-rights",
    "cooperation": "cooperation-information",
}
# Concepts that say how (punish, prosecute, cooperate …), not what: they never suffice alone.
PROCEDURAL = frozenset(
    {
        "penalties",
        "attempt-complicity",
        "jurisdiction",
        "extradite-or-prosecute",
        "extradition",
        "mutual-legal-assistance",
        "legal-person-liability",
        "freezing-confiscation",
        "offender-rights",
        "cooperation-information",
        "political-offence-exception",
    }
)
GENERAL_CONCEPT = "terrorist-act"  # terrorist offences in general
GENERAL_CREDIT = 0.5
GENERAL_CATEGORIES = frozenset(
    {
        "jurisdiction",
        "extradite-or-prosecute",
        "extradition",
        "mutual-legal-assistance",
        "freezing-confiscation",
        "offender-rights",
        "cooperation",
    }
)
POSITION_WEIGHTS = (1.0, 0.6, 0.45)
OTHER_POSITION_WEIGHT = 0.35
CUE_WEIGHT = 0.8
FOCUS_WEIGHT = 0.3
HEADING_FOCUS = 2.0  # a concept of the heading says more of what the provision is about
MIN_SCORE = 0.35
MAX_MATCHED_SHOWN = 5


@dataclass
class Suggestion:
    slug: str
    article: str
    score: float  # in [0, 1]
    why: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.slug, self.article)


def strength(match: ConceptMatch | None, in_heading: bool = False) -> float:
    """1 in the heading or with three pieces of evidence, 0.75 with two, 0.5 with one; a place
    that matched a phrase counts twice ("劫持航空器", "prise d'otages" say more than "航空器")."""
    if match is None:
        return 0.0
    evidence = match.count + match.phrases
    if in_heading or evidence >= 3:
        return 1.0
    return 0.75 if evidence == 2 else 0.5


@dataclass
class _Profile:
    """An obligation prepared for scoring."""

    index: int
    obligation: Obligation
    weights: dict[str, float]  # concept → weight (with the cue)
    total: float
    cue: str | None
    subjects: tuple[str, ...]  # non-procedural concepts, most specific first
    general: bool  # may a provision on terrorist offences in general stand in for the subjects?


@dataclass
class ProvisionConcepts:
    """The concepts of one provision: strength and the words that matched."""

    strengths: dict[str, float]
    matched: dict[str, list[str]]
    in_heading: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.strengths)


class Suggester:
    """Obligations and thesaurus prepared once; then any number of provisions."""

    def __init__(self, obligations: Sequence[Obligation], thesaurus: Thesaurus):
        self.obligations = list(obligations)
        self.thesaurus = thesaurus
        frequency: dict[str, int] = {}
        for obligation in self.obligations:
            for concept in set(obligation.concepts) | {CATEGORY_CUES.get(obligation.category)} - {None}:
                frequency[concept] = frequency.get(concept, 0) + 1
        count = max(1, len(self.obligations))
        raw = {concept: math.log(1 + count / df) for concept, df in frequency.items()}
        top = max(raw.values(), default=1.0) or 1.0
        self.rarity = {concept: value / top for concept, value in raw.items()}
        self._rare_default = math.log(1 + count) / top  # a concept no obligation lists
        self.profiles = [self._profile(index, obligation) for index, obligation in enumerate(self.obligations)]
        self.by_concept: dict[str, list[_Profile]] = {}
        self.general_profiles = [profile for profile in self.profiles if profile.general]
        for profile in self.profiles:
            for concept in profile.weights:
                self.by_concept.setdefault(concept, []).append(profile)

    def rarity_of(self, concept: str) -> float:
        return self.rarity.get(concept, self._rare_default)

    def _profile(self, index: int, obligation: Obligation) -> _Profile:
        weights: dict[str, float] = {}
        for position, concept in enumerate(obligation.concepts):
            factor = POSITION_WEIGHTS[position] if position < len(POSITION_WEIGHTS) else OTHER_POSITION_WEIGHT
            weights[concept] = factor * self.rarity_of(concept)
        cue = CATEGORY_CUES.get(obligation.category)
        if cue and cue not in weights:
            weights[cue] = CUE_WEIGHT * self.rarity_of(cue)
        subjects = tuple(concept for concept in obligation.concepts if concept not in PROCEDURAL)
        general = (
            obligation.category in GENERAL_CATEGORIES and bool(subjects) and GENERAL_CONCEPT not in obligation.concepts
        )
        return _Profile(index, obligation, weights, sum(weights.values()) or 1.0, cue, subjects, general)

    # -- provisions --------------------------------------------------------------------

    def concepts_of(self, text: str, heading: str, language: str) -> ProvisionConcepts:
        in_text = self.thesaurus.matches(text or "", language)
        in_heading = self.thesaurus.matches(heading or "", language) if heading else {}
        strengths, matched = {}, {}
        for concept in in_text.keys() | in_heading.keys():
            strengths[concept] = strength(in_text.get(concept) or in_heading.get(concept), concept in in_heading)
            words = (in_heading[concept].matched if concept in in_heading else []) + (
                in_text[concept].matched if concept in in_text else []
            )
            matched[concept] = list(dict.fromkeys(words))
        return ProvisionConcepts(strengths, matched, frozenset(in_heading))

    def mass(self, found: ProvisionConcepts) -> float:
        """The provision's concepts, weighted by rarity and strength; a heading's count twice."""
        return sum(self._mass_of(concept, found) for concept in found.strengths)

    def _mass_of(self, concept: str, found: ProvisionConcepts) -> float:
        weight = self.rarity_of(concept) * found.strengths[concept]
        return weight * HEADING_FOCUS if concept in found.in_heading else weight

    def score(self, profile: _Profile, found: ProvisionConcepts, provision_mass: float) -> float:
        strengths = found.strengths
        if profile.cue and profile.cue not in strengths:
            return 0.0
        general = 0.0
        subject = 1.0  # how clearly the provision is about the obligation's subject
        if profile.subjects:
            found_subjects = [strengths[concept] for concept in profile.subjects if concept in strengths]
            if found_subjects:
                first = strengths.get(profile.subjects[0], 0.0)
                subject = max(first, 0.8 * max(found_subjects))
            elif profile.general and GENERAL_CONCEPT in strengths:
                general = subject = GENERAL_CREDIT * strengths[GENERAL_CONCEPT]
            else:
                return 0.0
        covered = explained = 0.0
        for concept, weight in profile.weights.items():
            value = strengths.get(concept, 0.0)
            if value:
                covered += weight * value
                explained += self._mass_of(concept, found)
            elif general and concept in profile.subjects:
                covered += weight * general
        if general:
            explained += self._mass_of(GENERAL_CONCEPT, found)
        cover = covered / profile.total
        focus = explained / provision_mass if provision_mass else 0.0
        return min(1.0, cover * (0.5 + 0.5 * subject) * (1 - FOCUS_WEIGHT + FOCUS_WEIGHT * min(1.0, focus)))

    def _why(self, profile: _Profile, found: ProvisionConcepts) -> list[str]:
        reasons = []
        obligation = profile.obligation
        general_used = False
        for concept in profile.weights:
            words = found.matched.get(concept)
            if concept == profile.cue:
                if words:
                    reasons.append(f"category cue '{obligation.category}' — matched: {_shown(words)}")
                continue
            if words:
                reasons.append(f"concept '{concept}' — matched: {_shown(words)}")
            elif concept in profile.subjects and profile.general and GENERAL_CONCEPT in found.matched:
                if not any(subject in found.strengths for subject in profile.subjects) and not general_used:
                    general_used = True
                    reasons.append(
                        f"concept '{GENERAL_CONCEPT}' stands for '{concept}' (terrorist offences in general) — "
                        f"matched: {_shown(found.matched[GENERAL_CONCEPT])}"
                    )
        missing = [concept for concept in obligation.concepts if concept not in found.strengths]
        if missing:
            reasons.append("not found: " + ", ".join(f"'{concept}'" for concept in missing))
        return reasons

    def suggest(self, text: str, heading: str, language: str, top: int = 5) -> list[Suggestion]:
        found = self.concepts_of(text, heading, language)
        return self.suggest_found(found, top)

    def suggest_found(self, found: ProvisionConcepts, top: int = 5) -> list[Suggestion]:
        if not found:
            return []
        mass = self.mass(found)
        candidates: dict[int, _Profile] = {}
        for concept in found.strengths:
            for profile in self.by_concept.get(concept, ()):
                candidates[profile.index] = profile
        if GENERAL_CONCEPT in found.strengths:
            for profile in self.general_profiles:
                candidates[profile.index] = profile
        scored = []
        for profile in candidates.values():
            value = self.score(profile, found, mass)
            if value >= MIN_SCORE:
                scored.append((value, profile))
        scored.sort(key=lambda item: (-item[0], item[1].index))
        return [
            Suggestion(profile.obligation.slug, profile.obligation.article, round(value, 3), self._why(profile, found))
            for value, profile in scored[: max(0, top)]
        ]

    def suggest_for_law(self, provisions: Iterable[tuple[str, str, str]], language: str, top: int = 5):
        return [(number, heading, self.suggest(text, heading, language, top)) for number, heading, text in provisions]

    def rank_provisions(
        self, obligation: Obligation, provisions: Iterable[tuple[str, str, str]], language: str, top: int = 5
    ) -> list[tuple[str, str, Suggestion]]:
        """The provisions that most likely implement `obligation`, best first: (number, heading, Suggestion)."""
        profile = self._profile(-1, obligation)
        for known in self.profiles:
            if known.obligation is obligation:
                profile = known
                break
        ranked = []
        for order, (number, heading, text) in enumerate(provisions):
            found = self.concepts_of(text, heading, language)
            if not found:
                continue
            mass = self.mass(found)
            value = self.score(profile, found, mass)
            if value >= MIN_SCORE:
                suggestion = Suggestion(obligation.slug, obligation.article, round(value, 3), self._why(profile, found))
                ranked.append((-value, order, number, heading, suggestion))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [(number, heading, suggestion) for _value, _order, number, heading, suggestion in ranked[: max(0, top)]]


def _shown(words: list[str]) -> str:
    shown = ", ".join(words[:MAX_MATCHED_SHOWN])
    return shown + (", …" if len(words) > MAX_MATCHED_SHOWN else "")


# -- the functions of the package: a Suggester per (obligations, thesaurus), kept for reuse --

_cache: dict[tuple, tuple[Suggester, object, object]] = {}
_cache_lock = threading.Lock()


def suggester(obligations: Sequence[Obligation], thesaurus: Thesaurus) -> Suggester:
    key = (id(thesaurus), id(obligations), len(obligations), tuple(id(obligation) for obligation in obligations))
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            return hit[0]
        prepared = Suggester(obligations, thesaurus)
        if len(_cache) >= 8:
            _cache.pop(next(iter(_cache)))
        _cache[key] = (prepared, obligations, thesaurus)  # the references keep the ids valid
        return prepared


def suggest_for_provision(
    provision_text: str,
    heading: str,
    language: str,
    obligations: Sequence[Obligation],
    thesaurus: Thesaurus,
    top: int = 5,
) -> list[Suggestion]:
    """The obligations `provision_text` most likely implements, best first (none under MIN_SCORE)."""
    return suggester(obligations, thesaurus).suggest(provision_text, heading, language, top)


def suggest_for_law(
    provisions: Iterable[tuple[str, str, str]],
    language: str,
    obligations: Sequence[Obligation],
    thesaurus: Thesaurus,
    top: int = 5,
) -> list[tuple[str, str, list[Suggestion]]]:
    """(number, heading, suggestions) for each (number, heading, text), in the order of the law."""
    return suggester(obligations, thesaurus).suggest_for_law(provisions, language, top)


def rank_provisions_for_obligation(
    obligation: Obligation,
    provisions: Iterable[tuple[str, str, str]],
    language: str,
    thesaurus: Thesaurus,
    top: int = 5,
    obligations: Sequence[Obligation] | None = None,
) -> list[tuple[str, str, Suggestion]]:
    """The provisions most likely to implement `obligation`, best first: (number, heading, Suggestion).

    Concept rarity is computed over `obligations` (all obligations of the 19 instruments) when
    given, otherwise over this one obligation alone."""
    return suggester(obligations if obligations is not None else [obligation], thesaurus).rank_provisions(
        obligation, provisions, language, top
    )
