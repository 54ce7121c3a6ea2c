"""Suggestions for legislative review: which obligations of the 19 universal instruments a
provision of a national law most likely implements, with the reasons, across languages.

    from assessments.suggestions import read_obligation_profiles, suggest_for_provision
    from thesaurus.matcher import Thesaurus
    thesaurus = Thesaurus.from_csv("data/reference/thesaurus.csv")
    obligations = read_obligation_profiles("data/reference/obligations.csv")
    suggest_for_provision(text, heading, "zh", obligations, thesaurus)
    # [Suggestion(slug="financing-1999", article="2(1)(a)", score=0.91,
    #             why=["concept 'financing' — matched: 资助", …]), …]

Pure Python (no database): the thesaurus's matcher (thesaurus.matcher) finds concepts in any
of the seven languages, the engine (engine.py, its tuned numbers in weights.py) scores the
obligations (profiles.py) by their concepts and their wording (wording.py); prepared.py
keeps a prepared engine per checklist and thesaurus. See engine.py for the score and
reference/thesaurus.README.md for how the terms were chosen.
"""

from thesaurus.matcher import ConceptMatch, Thesaurus

from .engine import RankedProvision, Suggester, Suggestion
from .prepared import (
    rank_provisions_for_obligation,
    rank_provisions_for_obligations,
    suggest_for_law,
    suggest_for_provision,
    suggester,
)
from .profiles import CATEGORIES, ObligationProfile, read_obligation_profiles
from .provisions import LawProvision, law_provisions
from .weights import MIN_SCORE

__all__ = [
    "CATEGORIES",
    "MIN_SCORE",
    "ConceptMatch",
    "LawProvision",
    "ObligationProfile",
    "RankedProvision",
    "Suggester",
    "Suggestion",
    "Thesaurus",
    "law_provisions",
    "rank_provisions_for_obligation",
    "rank_provisions_for_obligations",
    "read_obligation_profiles",
    "suggest_for_law",
    "suggest_for_provision",
    "suggester",
]
