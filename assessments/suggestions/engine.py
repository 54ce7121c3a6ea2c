"""Which obligations a provision of a national law most likely implements, and why.

The law and the obligations need not share a language: both are read as concepts of the
thesaurus. The provision's concepts are found in its own language (its heading, its text,
and the headings of the parts and chapters around it); each obligation carries its concepts
(most specific first) and a category.

Gates, before any score:

- the category's cue: a provision implementing a jurisdiction obligation speaks of
  jurisdiction; the cues are the concepts jurisdiction, extradite-or-prosecute, extradition,
  mutual-legal-assistance, legal-person-liability (legal-persons), freezing-confiscation and
  penalties; an obligation whose first concept is procedural (attempt-complicity first for
  "make an attempt an offence") needs that concept too, and so does an obligation of
  cooperation, offender's rights or preventive measures its first procedural concept
  (hague-1970 9(1), seizure-of-aircraft then cooperation-information, needs cooperation);
- at least one of the obligation's subject concepts (those that are not procedural:
  financing, hostage-taking …). For the procedural categories (jurisdiction, extradition,
  assistance, freezing, legal persons, rights, cooperation) and for attempt and complicity,
  a provision about terrorist offences in general stands in for the instrument's offences at
  half strength (for attempt and complicity only when its heading or first paragraph is about
  them): "涉及恐怖活动犯罪的刑事司法协助、引渡" is a candidate for the mutual legal
  assistance article of every instrument.

Score of an obligation for a provision, in [0, 1]:

- weights: the obligation's first concept weighs 1, the second 0.6, the third 0.45, the
  others 0.35, a procedural concept that is neither first nor the cue 0.3 (attempt-complicity
  second in "seizure of aircraft, attempt, accomplice"), each times the concept's rarity over
  all obligations (inverse document frequency, the rarest concept 1); the category's cue is
  added at 0.8 when the obligation does not list it; an offence obligation also counts
  penalties at 0.3, not as a gate: a provision that punishes is more likely to make the offence;
- strength of a concept in the provision: 1 when it is in the heading or with three pieces
  of evidence, 0.75 with two, 0.5 with one, 0.35 with less (a place that matched a phrase
  counts twice, one inside a longer match of another concept half: "航空器" in "劫持航空器");
  0.5 when it is only in the headings of the enclosing parts and chapters (Code pénal 422-5
  on legal persons says "terrorism" only in its title's heading);
- cover: the weighted share of the obligation's concepts found in the provision;
- focus: the share of the provision's concepts (weighted by rarity — at least 0.6 for a
  procedural one — and strength, those of the heading twice, those of the first paragraph one
  and a half times) that the obligation accounts for: a jurisdiction clause about financing
  is better explained by the financing jurisdiction article than by the financing offence;
- an attempt or complicity obligation whose attempt the provision names only after its first
  paragraph ("or attempts to do so" in item (b) of a list of offences) counts it at half strength;
- subject: the strength of the obligation's first subject concept (or 0.6 × the best other;
  half the strength of terrorist-act when that is the only one found and the obligation has
  a more specific subject, as "penalties; terrorist-act; radioactive-material");
- score = cover × (0.5 + 0.5 × subject) × (0.7 + 0.3 × focus) + 0.1 × wording, where
  wording is the share of the words of the obligation's description (English for an English
  law, Chinese character pairs for a Chinese law; none for other languages) found in the
  provision: it orders sibling obligations with the same concepts (hostages 5(1)(a) … 5(2)).

Order: by score; but of the obligations of one instrument with the same category and concepts,
which the concepts cannot tell apart, only two (the best by concepts, then the first in the
checklist) come before the others.
Obligations without an article (rows "not yet entered") are not suggested. Obligations under
MIN_SCORE are not suggested, so a provision on marriage gets nothing.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from thesaurus.analysis import language_code
from thesaurus.matcher import ConceptMatch, Thesaurus

from .profiles import ObligationProfile
from .weights import (
    CATEGORY_CUES,
    CONTEXT_STRENGTH,
    CUE_WEIGHT,
    FOCUS_WEIGHT,
    GENERAL_CATEGORIES,
    GENERAL_CONCEPT,
    GENERAL_CREDIT,
    GENERAL_FIRST_CONCEPTS,
    HEADING_FOCUS,
    LEAD_FOCUS,
    LEAD_MAX,
    MAX_MATCHED_SHOWN,
    MIN_SCORE,
    OTHER_POSITION_WEIGHT,
    OTHER_SUBJECT_CREDIT,
    PASSING_CREDIT,
    POSITION_WEIGHTS,
    PROCEDURAL,
    PROCEDURAL_FOCUS_FLOOR,
    SAME_SIGNATURE_FIRST,
    SECONDARY_PROCEDURAL_WEIGHT,
    SOFT_CUE_WEIGHT,
    SOFT_CUES,
    WORDING_WEIGHT,
)
from .wording import description_tokens


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
    """1 in the heading or with three pieces of evidence, 0.75 with two, 0.5 with one, 0.35 with
    less: a place that matched a phrase counts twice ("劫持航空器", "prise d'otages" say more
    than "航空器"), one inside a longer match of another concept half ("航空器" in "劫持航空器")."""
    if match is None:
        return 0.0
    evidence = match.evidence
    if in_heading or evidence >= 3:
        return 1.0
    if evidence >= 2:
        return 0.75
    return 0.5 if evidence >= 1 else 0.35


@dataclass
class _Prepared:
    """An obligation prepared for scoring."""

    index: int
    obligation: ObligationProfile
    weights: dict[str, float]  # concept → weight (with the cues)
    total: float
    cue: str | None  # the category's cue concept, required
    soft_cue: str | None  # counted when found
    gates: frozenset[str]  # concepts the provision must show
    subjects: tuple[str, ...]  # non-procedural concepts, most specific first
    general: bool  # may a provision on terrorist offences in general stand in for the subjects?
    wording: dict[str, dict[str, str]] = field(default_factory=dict)  # language → {token: as written}


@dataclass
class ProvisionConcepts:
    """The concepts of one provision: strength and the words that matched."""

    strengths: dict[str, float]
    matched: dict[str, list[str]]
    in_heading: frozenset[str] = frozenset()
    lead: frozenset[str] = (
        frozenset()
    )  # found in the first paragraph, where a provision says what it is about
    language: str = ""
    tokens: frozenset[str] = frozenset()  # for the wording of the descriptions (en, zh)

    def __bool__(self) -> bool:
        return bool(self.strengths)


class Suggester:
    """Obligations and thesaurus prepared once; then any number of provisions."""

    def __init__(self, obligations: Sequence[ObligationProfile], thesaurus: Thesaurus):
        self.obligations = list(obligations)
        self.thesaurus = thesaurus
        usable = [obligation for obligation in self.obligations if obligation.article]
        frequency: dict[str, int] = {}
        for obligation in usable:
            for concept in set(obligation.concepts) | {CATEGORY_CUES.get(obligation.category)} - {None}:
                frequency[concept] = frequency.get(concept, 0) + 1
        count = max(1, len(usable))
        raw = {concept: math.log(1 + count / df) for concept, df in frequency.items()}
        top = max(raw.values(), default=1.0) or 1.0
        self.rarity = {concept: value / top for concept, value in raw.items()}
        self._rare_default = 0.5  # a concept no obligation lists
        self.profiles = [
            self._profile(index, obligation)
            for index, obligation in enumerate(self.obligations)
            if obligation.article
        ]
        self.by_concept: dict[str, list[_Prepared]] = {}
        self.general_profiles = [profile for profile in self.profiles if profile.general]
        for profile in self.profiles:
            for concept in profile.weights:
                self.by_concept.setdefault(concept, []).append(profile)

    def rarity_of(self, concept: str) -> float:
        return self.rarity.get(concept, self._rare_default)

    def _profile(self, index: int, obligation: ObligationProfile) -> _Prepared:
        weights: dict[str, float] = {}
        cue = CATEGORY_CUES.get(obligation.category)
        for position, concept in enumerate(obligation.concepts):
            if position and concept in PROCEDURAL and concept != cue:
                factor = SECONDARY_PROCEDURAL_WEIGHT
            else:
                factor = (
                    POSITION_WEIGHTS[position] if position < len(POSITION_WEIGHTS) else OTHER_POSITION_WEIGHT
                )
            weights[concept] = factor * self.rarity_of(concept)
        if cue and cue not in weights:
            weights[cue] = CUE_WEIGHT * self.rarity_of(cue)
        soft_cue = SOFT_CUES.get(obligation.category)
        if soft_cue in weights:
            soft_cue = None
        elif soft_cue:
            weights[soft_cue] = SOFT_CUE_WEIGHT * self.rarity_of(soft_cue)
        first = obligation.concepts[0] if obligation.concepts else None
        gates = {cue} if cue else set()
        if first in PROCEDURAL:
            gates.add(first)
        elif not cue and obligation.category != "offence":
            # cooperation, rights, preventive measures: the first procedural concept listed
            gates.update([concept for concept in obligation.concepts if concept in PROCEDURAL][:1])
        subjects = tuple(concept for concept in obligation.concepts if concept not in PROCEDURAL)
        general = (
            bool(subjects)
            and GENERAL_CONCEPT not in obligation.concepts
            and (obligation.category in GENERAL_CATEGORIES or first in GENERAL_FIRST_CONCEPTS)
        )
        wording = {
            "en": description_tokens(obligation.description_en, "en"),
            "zh": description_tokens(obligation.description_zh, "zh"),
        }
        total = sum(weights.values()) or 1.0
        return _Prepared(
            index, obligation, weights, total, cue, soft_cue, frozenset(gates), subjects, general, wording
        )

    # -- provisions --------------------------------------------------------------------

    def concepts_of(self, text: str, heading: str, language: str, context: str = "") -> ProvisionConcepts:
        """The concepts of a provision: its text, its heading (strength 1), and the headings of
        the parts and chapters around it (`context`, strength CONTEXT_STRENGTH at most)."""
        language = language_code(language)
        text, heading, context = text or "", heading or "", context or ""
        in_text = self.thesaurus.matches(text, language)
        in_heading = self.thesaurus.matches(heading, language) if heading else {}
        in_context = self.thesaurus.matches(context, language) if context else {}
        lead_end = _lead_end(text)
        strengths, matched, lead = {}, {}, set()
        for concept in in_text.keys() | in_heading.keys():
            strengths[concept] = strength(
                in_text.get(concept) or in_heading.get(concept), concept in in_heading
            )
            words = (in_heading[concept].matched if concept in in_heading else []) + (
                in_text[concept].matched if concept in in_text else []
            )
            matched[concept] = list(dict.fromkeys(words))
            if concept in in_text and in_text[concept].first < lead_end:
                lead.add(concept)
        for concept, match in in_context.items():
            if concept not in strengths:
                strengths[concept] = CONTEXT_STRENGTH
                matched[concept] = [f"{word} (enclosing heading)" for word in match.matched]
        tokens = frozenset()
        if strengths and language in ("en", "zh"):
            tokens = frozenset(description_tokens(f"{heading}\n{text}", language))
        return ProvisionConcepts(strengths, matched, frozenset(in_heading), frozenset(lead), language, tokens)

    def mass(self, found: ProvisionConcepts) -> float:
        """The provision's concepts, weighted by rarity and strength; a heading's count twice."""
        return sum(self._mass_of(concept, found) for concept in found.strengths)

    def _mass_of(self, concept: str, found: ProvisionConcepts) -> float:
        rarity = self.rarity_of(concept)
        if concept in PROCEDURAL:
            rarity = max(rarity, PROCEDURAL_FOCUS_FLOOR)
        weight = rarity * found.strengths[concept]
        if concept in found.in_heading:
            return weight * HEADING_FOCUS
        return weight * LEAD_FOCUS if concept in found.lead else weight

    @staticmethod
    def _general_allowed(profile: _Prepared, found: ProvisionConcepts) -> bool:
        """Attempt and complicity in general stand for an instrument's only when the provision is
        about them (its heading or first paragraph), not when it mentions an attempt in passing."""
        first = profile.obligation.concepts[0] if profile.obligation.concepts else None
        if profile.obligation.category == "offence" and first in GENERAL_FIRST_CONCEPTS:
            return first in found.lead or first in found.in_heading
        return True

    @staticmethod
    def _in_passing(profile: _Prepared, found: ProvisionConcepts) -> str | None:
        """The first concept of an attempt or complicity obligation when the provision names it
        only in passing, after its first paragraph ("or attempts to do so" in item (b) of a list
        of offences): such a provision makes the offences, its attempt is a detail."""
        first = profile.obligation.concepts[0] if profile.obligation.concepts else None
        if profile.obligation.category == "offence" and first in GENERAL_FIRST_CONCEPTS:
            if first in found.strengths and first not in found.lead and first not in found.in_heading:
                return first
        return None

    def _wording(self, profile: _Prepared, found: ProvisionConcepts) -> tuple[float, list[str]]:
        description = profile.wording.get(found.language)
        if not description or not found.tokens:
            return 0.0, []
        shared = [word for token, word in description.items() if token in found.tokens]
        return len(shared) / len(description), shared

    def score(self, profile: _Prepared, found: ProvisionConcepts, provision_mass: float) -> float:
        return self.scores(profile, found, provision_mass)[0]

    def scores(
        self, profile: _Prepared, found: ProvisionConcepts, provision_mass: float
    ) -> tuple[float, float]:
        """(score, score without the wording of the description)."""
        strengths = found.strengths
        if any(gate not in strengths for gate in profile.gates):
            return 0.0, 0.0
        general = 0.0
        subject = 1.0  # how clearly the provision is about the obligation's subject
        if profile.subjects:
            found_subjects = [strengths[concept] for concept in profile.subjects if concept in strengths]
            specific = [concept for concept in profile.subjects if concept != GENERAL_CONCEPT]
            if found_subjects and specific and not any(concept in strengths for concept in specific):
                # only "terrorism" found, not what the instrument is about (radioactive material …)
                subject = GENERAL_CREDIT * strengths[GENERAL_CONCEPT]
            elif found_subjects:
                first = strengths.get(profile.subjects[0], 0.0)
                subject = max(first, OTHER_SUBJECT_CREDIT * max(found_subjects))
            elif profile.general and GENERAL_CONCEPT in strengths and self._general_allowed(profile, found):
                general = subject = GENERAL_CREDIT * strengths[GENERAL_CONCEPT]
            else:
                return 0.0, 0.0
        covered = explained = 0.0
        passing = self._in_passing(profile, found)
        for concept, weight in profile.weights.items():
            value = strengths.get(concept, 0.0)
            if concept == passing:
                value *= PASSING_CREDIT
            if value:
                covered += weight * value
                explained += self._mass_of(concept, found)
            elif general and concept in profile.subjects:
                covered += weight * general
        if general:
            explained += self._mass_of(GENERAL_CONCEPT, found)
        cover = covered / profile.total
        focus = min(1.0, explained / provision_mass) if provision_mass else 0.0
        wording, _shared = self._wording(profile, found)
        concepts_only = cover * (0.5 + 0.5 * subject) * (1 - FOCUS_WEIGHT + FOCUS_WEIGHT * focus)
        return min(1.0, concepts_only + WORDING_WEIGHT * wording), concepts_only

    def _why(self, profile: _Prepared, found: ProvisionConcepts) -> list[str]:
        reasons = []
        obligation = profile.obligation
        general_used = False
        for concept in profile.weights:
            words = found.matched.get(concept)
            if concept in (profile.cue, profile.soft_cue):
                if words:
                    reasons.append(f"category cue '{obligation.category}' — matched: {_shown(words)}")
                continue
            if words:
                reasons.append(f"concept '{concept}' — matched: {_shown(words)}")
            elif concept in profile.subjects and profile.general and GENERAL_CONCEPT in found.matched:
                if not any(subject in found.strengths for subject in profile.subjects) and not general_used:
                    general_used = True
                    reasons.append(
                        f"concept '{GENERAL_CONCEPT}' stands for '{concept}' "
                        f"(terrorist offences in general) — matched: {_shown(found.matched[GENERAL_CONCEPT])}"
                    )
        wording, shared = self._wording(profile, found)
        if wording >= 0.15:
            reasons.append(f"wording close to the obligation's description — shared: {_shown(shared)}")
        missing = [concept for concept in obligation.concepts if concept not in found.strengths]
        if missing:
            reasons.append("not found: " + ", ".join(f"'{concept}'" for concept in missing))
        return reasons

    def _suggestion(self, profile: _Prepared, found: ProvisionConcepts, value: float) -> Suggestion:
        obligation = profile.obligation
        return Suggestion(obligation.slug, obligation.article, round(value, 3), self._why(profile, found))

    def suggest(
        self, text: str, heading: str, language: str, top: int = 5, context: str = ""
    ) -> list[Suggestion]:
        return self.suggest_found(self.concepts_of(text, heading, language, context), top)

    def suggest_found(self, found: ProvisionConcepts, top: int = 5) -> list[Suggestion]:
        if not found or top <= 0:
            return []
        mass = self.mass(found)
        candidates: dict[int, _Prepared] = {}
        for concept in found.strengths:
            for profile in self.by_concept.get(concept, ()):
                candidates[profile.index] = profile
        if GENERAL_CONCEPT in found.strengths:
            for profile in self.general_profiles:
                candidates[profile.index] = profile
        scored = []
        for profile in candidates.values():
            value, concepts_only = self.scores(profile, found, mass)
            if value >= MIN_SCORE:
                scored.append((value, concepts_only, profile))
        return [self._suggestion(profile, found, value) for value, profile in _diversified(scored)[:top]]

    def suggest_for_law(
        self, provisions: Iterable[Sequence[str]], language: str, top: int = 5
    ) -> list[tuple[str, str, list[Suggestion]]]:
        result = []
        for number, heading, text, context in map(_item, provisions):
            result.append((number, heading, self.suggest(text, heading, language, top, context)))
        return result

    def rank_provisions(
        self, obligation: ObligationProfile, provisions: Iterable[Sequence[str]], language: str, top: int = 5
    ) -> list["RankedProvision"]:
        """The provisions most likely implementing `obligation`, best first."""
        profile = next((known for known in self.profiles if known.obligation is obligation), None)
        if profile is None:
            profile = self._profile(-1, obligation)
        ranked = []
        for index, (_number, heading, text, context) in enumerate(map(_item, provisions)):
            found = self.concepts_of(text, heading, language, context)
            if not found:
                continue
            value = self.score(profile, found, self.mass(found))
            if value >= MIN_SCORE:
                ranked.append(RankedProvision(index, round(value, 3), self._why(profile, found)))
        ranked.sort(key=lambda item: (-item.score, item.index))
        return ranked[: max(0, top)]

    def rank_provisions_for_each(
        self,
        obligations: Sequence[ObligationProfile],
        provisions: Iterable[Sequence[str]],
        language: str,
        top: int = 5,
    ) -> list[list["RankedProvision"]]:
        """rank_provisions for each obligation, in their order, with the same results; but each
        provision is read once for all of them (reading the concepts is most of the work: a
        review of 38 obligations read every provision 38 times)."""
        profiles = []
        for obligation in obligations:
            known = next((known for known in self.profiles if known.obligation is obligation), None)
            profiles.append(known or self._profile(-1, obligation))
        candidates: list[list[tuple[float, int, ProvisionConcepts]]] = [[] for _ in profiles]
        for index, (_number, heading, text, context) in enumerate(map(_item, provisions)):
            found = self.concepts_of(text, heading, language, context)
            if not found:
                continue
            mass = self.mass(found)
            for slot, profile in enumerate(profiles):
                value = self.score(profile, found, mass)
                if value >= MIN_SCORE:
                    candidates[slot].append((round(value, 3), index, found))
        result = []
        for profile, scored in zip(profiles, candidates, strict=True):
            scored.sort(key=lambda item: (-item[0], item[1]))
            # The reasons only for the provisions shown.
            result.append(
                [
                    RankedProvision(index, value, self._why(profile, found))
                    for value, index, found in scored[: max(0, top)]
                ]
            )
        return result


class RankedProvision(NamedTuple):
    """A provision suggested for an obligation: its place in the list given, score and reasons."""

    index: int
    score: float
    why: list[str]


def _diversified(scored: list[tuple[float, float, _Prepared]]) -> list[tuple[float, _Prepared]]:
    """(score, score without wording, profile) → (score, profile) in the order of the suggestions.

    Of the obligations of one instrument with the same category and concepts, which the
    concepts cannot tell apart (financing 2(1)(a), 2(1)(b), 2(3), 6), the first
    SAME_SIGNATURE_FIRST by their concepts (then by the order of the checklist, not by the
    wording, which is too thin to choose among siblings) come first, by score; the others
    follow them, so that a different suggestion finds room among the first five."""
    groups: dict[tuple, list[tuple[float, float, _Prepared]]] = {}
    for item in scored:
        obligation = item[2].obligation
        groups.setdefault((obligation.slug, obligation.category, tuple(obligation.concepts)), []).append(item)
    first, later = [], []
    for members in groups.values():
        members.sort(key=lambda item: (-round(item[1], 6), item[2].index))
        first.extend(members[:SAME_SIGNATURE_FIRST])
        later.extend(members[SAME_SIGNATURE_FIRST:])
    order = lambda item: (-round(item[0], 6), item[2].index)  # noqa: E731
    return [(item[0], item[2]) for item in sorted(first, key=order) + sorted(later, key=order)]


def _item(provision: Sequence[str]) -> tuple[str, str, str, str]:
    """(number, heading, text) or (number, heading, text, context) → four strings."""
    number, heading, text, *rest = provision
    return number, heading or "", text or "", (rest[0] if rest else "") or ""


def _lead_end(text: str) -> int:
    """Where the first paragraph of `text` ends (a blank line), at most LEAD_MAX characters in."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n\n", start)
    return min(end if end > 0 else len(text), start + LEAD_MAX)


def _shown(words: list[str]) -> str:
    shown = ", ".join(words[:MAX_MATCHED_SHOWN])
    return shown + (", …" if len(words) > MAX_MATCHED_SHOWN else "")
