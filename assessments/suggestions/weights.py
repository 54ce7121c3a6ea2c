"""The tuned numbers of the suggestion engine (engine.py explains what each one does).

Set by hand while reading the suggestions for the provisions of the shipped laws (data/legislation:
Chinese, English, French and German) and checked against the labelled pairs of
data/reference/suggestion_labels.csv (a provision and the obligation it implements, decided by
reading both texts) with benchmarks/bench_suggestions.py: recall at 5 and mean reciprocal rank,
per language and on two halves of the labels that share no law. Change one only with that
benchmark run before and after.
"""

CATEGORY_CUES = {
    "penalties": "penalties",
    "jurisdiction": "jurisdiction",
    "extradite-or-prosecute": "extradite-or-prosecute",
    "extradition": "extradition",
    "mutual-legal-assistance": "mutual-legal-assistance",
    "legal-persons": "legal-person-liability",
    "freezing-confiscation": "freezing-confiscation",
}
SOFT_CUES = {"offence": "penalties"}  # counted when found, never required
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
        "legal-persons",
        "offender-rights",
        "cooperation",
    }
)
GENERAL_FIRST_CONCEPTS = frozenset(
    {"attempt-complicity"}
)  # attempt, complicity: usually written once for all
POSITION_WEIGHTS = (1.0, 0.6, 0.45)
OTHER_POSITION_WEIGHT = 0.35
SECONDARY_PROCEDURAL_WEIGHT = 0.3
CUE_WEIGHT = 0.8
SOFT_CUE_WEIGHT = 0.3
FOCUS_WEIGHT = 0.3
PROCEDURAL_FOCUS_FLOOR = 0.6
HEADING_FOCUS = 2.0  # a concept of the heading says more of what the provision is about
LEAD_FOCUS = 1.5  # … and one of its first paragraph more than one of a later paragraph
CONTEXT_STRENGTH = 0.5  # a concept found only in the headings of the enclosing parts
LEAD_MAX = 600  # characters of the first paragraph looked at
OTHER_SUBJECT_CREDIT = 0.6  # the obligation's first subject missing, another found
PASSING_CREDIT = 0.5  # attempt and complicity mentioned only after the first paragraph
WORDING_WEIGHT = 0.1
MIN_SCORE = 0.3
SAME_SIGNATURE_FIRST = 2
MAX_MATCHED_SHOWN = 5
