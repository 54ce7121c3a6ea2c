"""Suggestions for legislative review: which obligations of the 19 universal instruments a
provision of a national law most likely implements, with the reasons, across languages.

    from assessments.suggestions import Thesaurus, load_obligations, suggest_for_provision
    thesaurus = Thesaurus.from_csv("data/reference/thesaurus.csv")
    obligations = load_obligations("data/reference/obligations.csv")
    suggest_for_provision(text, heading, "zh", obligations, thesaurus)
    # [Suggestion(slug="financing-1999", article="2(1)(a)", score=0.91,
    #             why=["concept 'financing' — matched: 资助", …]), …]

Pure Python (no database): the thesaurus (thesaurus.py) finds concepts in any of the seven
languages, the engine (engine.py) scores the obligations by their concepts. See engine.py for
the score and reference/thesaurus.README.md for how the terms were chosen.
"""

from .engine import (
    MIN_SCORE,
    RankedProvision,
    Suggester,
    Suggestion,
    rank_provisions_for_obligation,
    rank_provisions_for_obligations,
    suggest_for_law,
    suggest_for_provision,
    suggester,
)
from .obligations import CATEGORIES, Obligation, load_obligations
from .provisions import LawProvision, law_provisions
from .thesaurus import ConceptMatch, Thesaurus

__all__ = [
    "CATEGORIES",
    "MIN_SCORE",
    "ConceptMatch",
    "LawProvision",
    "RankedProvision",
    "Obligation",
    "Suggester",
    "Suggestion",
    "Thesaurus",
    "law_provisions",
    "load_obligations",
    "rank_provisions_for_obligation",
    "rank_provisions_for_obligations",
    "suggest_for_law",
    "suggest_for_provision",
    "suggester",
]
