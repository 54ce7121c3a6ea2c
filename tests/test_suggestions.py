"""Suggestions of obligations for provisions (assessments.suggestions): pure Python, no database."""

import csv
from pathlib import Path

import pytest

from assessments.suggestions import (
    MIN_SCORE,
    ObligationProfile,
    Thesaurus,
    law_provisions,
    rank_provisions_for_obligation,
    read_obligation_profiles,
    suggest_for_law,
    suggest_for_provision,
)
from legislation.segmentation import segment

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "data" / "reference"
LEGISLATION = ROOT / "data" / "legislation"
UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")

# A small checklist written for these tests (descriptions in English only, as the law
# texts they are matched against are in other languages).
SAMPLE = [
    ObligationProfile(
        "hague-1970",
        "1",
        "offence",
        ["seizure-of-aircraft", "aircraft-safety", "attempt-complicity"],
        "Unlawful seizure of an aircraft in flight by force or threat.",
    ),
    ObligationProfile(
        "hague-1970",
        "4",
        "jurisdiction",
        ["seizure-of-aircraft", "jurisdiction"],
        "Jurisdiction over the seizure of aircraft.",
    ),
    ObligationProfile(
        "hostages-1979",
        "1",
        "offence",
        ["hostage-taking", "attempt-complicity"],
        "Seizing or detaining a person and threatening to kill him to compel a third party.",
    ),
    ObligationProfile(
        "hostages-1979",
        "5",
        "jurisdiction",
        ["hostage-taking", "jurisdiction"],
        "Jurisdiction over hostage-taking: territory, ships and aircraft, nationals, presence.",
    ),
    ObligationProfile(
        "financing-1999",
        "2(1)(a)",
        "offence",
        ["financing", "terrorist-act"],
        "Providing or collecting funds with the intention that they be used to carry out a treaty offence.",
    ),
    ObligationProfile(
        "financing-1999",
        "5",
        "legal-persons",
        ["legal-person-liability", "financing"],
        "Liability of legal entities for the financing offence.",
    ),
    ObligationProfile(
        "financing-1999",
        "7",
        "jurisdiction",
        ["financing", "jurisdiction"],
        "Jurisdiction over the financing offence.",
    ),
    ObligationProfile(
        "financing-1999",
        "8",
        "freezing-confiscation",
        ["freezing-confiscation", "financing"],
        "Identification, freezing, seizure and forfeiture of funds used for the offences.",
    ),
    ObligationProfile(
        "financing-1999",
        "12",
        "mutual-legal-assistance",
        ["mutual-legal-assistance", "financing"],
        "The greatest measure of assistance in investigations and proceedings.",
    ),
    ObligationProfile(
        "financing-1999",
        "18(1)",
        "preventive-measures",
        ["financial-institutions", "financing"],
        "Financial institutions identify their customers and report suspicious transactions.",
    ),
    ObligationProfile(
        "bombings-1997",
        "2(1)",
        "offence",
        ["public-place-bombing", "explosive-device"],
        "Delivering, placing or detonating an explosive in a place of public use or infrastructure.",
    ),
]

MARRIAGE_ZH = (  # test text written for this test, not a law
    "要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记。符合本法规定的，予以登记，发给结婚证。"
)
MARRIAGE_EN = (  # test text written for this test, not a law
    "A man and a woman who wish to marry shall apply in person to the marriage registration office. "
    "If the marriage conforms to this Act, it shall be registered and a marriage certificate issued."
)


@pytest.fixture(scope="module")
def thesaurus():
    return Thesaurus.from_csv(REFERENCE / "thesaurus.csv")


@pytest.fixture(scope="module")
def shipped():
    """law file → (language, provisions) of the shipped laws."""
    laws = {}
    with open(LEGISLATION / "laws.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = (LEGISLATION / row["file"]).read_text(encoding="utf-8")
            laws[row["file"]] = (row["language"], law_provisions(segment(text, row["language"])))
    return laws


def provision(shipped, law_file, number):
    language, provisions = shipped[law_file]
    matches = [item for item in provisions if item[0] == number]
    assert matches, f"{law_file} has no provision {number}"
    return language, matches[0]


def keys(suggestions):
    return [(suggestion.slug, suggestion.article) for suggestion in suggestions]


# -- the thesaurus ------------------------------------------------------------------------


def test_thesaurus_has_terms_in_the_six_un_languages_for_every_concept(thesaurus):
    with open(REFERENCE / "concepts.csv", encoding="utf-8", newline="") as handle:
        concepts = sorted({row["concept"] for row in csv.DictReader(handle)})
    assert len(concepts) >= 30
    for concept in concepts:
        for language in UN_LANGUAGES + ("de",):
            assert thesaurus.terms_of(concept, language), f"{concept} has no term in {language}"
    assert set(thesaurus.concepts) <= set(concepts)


def test_thesaurus_file_has_no_repeated_or_blank_rows():
    with open(REFERENCE / "thesaurus.csv", encoding="utf-8", newline="") as handle:
        rows = [(row["concept"], row["language"], row["term"]) for row in csv.DictReader(handle)]
    assert all(all(value.strip() == value and value for value in row) for row in rows)
    assert len(rows) == len(set(rows))


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "le fait de financer une entreprise terroriste", "financ"),
        ("fr", "le financement du terrorisme", "financement"),
        ("ru", "финансирование терроризма", "финансирование"),
        ("ru", "предоставление или сбор средств для совершения террористического акта", "предоставление"),
        ("zh", "资助恐怖活动组织的", "资助"),
        ("de", "Terrorismusfinanzierung", "Terrorismusfinanzierung"),
        ("en", "provides or collects property intending that it be used", "provides or collects property"),
        ("es", "el que provea o recolecte fondos", "recolecte fondos"),
        ("ar", "كل من قام بتمويل الإرهاب", "تمويل"),
    ],
)
def test_find_concepts_matches_inflected_forms(thesaurus, language, text, expected):
    found = thesaurus.find_concepts(text, language)
    assert "financing" in found
    assert any(expected.casefold() in word.casefold() for word in found["financing"]), found


def test_find_concepts_russian_cases_and_accents(thesaurus):
    assert "terrorist-act" in thesaurus.find_concepts("пособничество в совершении терроризма", "ru")
    assert "hostage-taking" in thesaurus.find_concepts("LA PRISE D’OTAGES", "fr")
    assert "extradition" in thesaurus.find_concepts("la extradicion", "es")  # accent left out


def test_common_words_do_not_make_concepts(thesaurus):
    assert thesaurus.find_concepts(MARRIAGE_ZH, "zh") == {}
    assert thesaurus.find_concepts(MARRIAGE_EN, "en") == {}
    # "financial" is not "financing"; "Straftaten" is not a penalty.
    assert "financing" not in thesaurus.find_concepts("the financial year of the company", "en")
    assert "penalties" not in thesaurus.find_concepts("Straftaten gegen die Umwelt", "de")


# -- suggestions for one provision ----------------------------------------------------------


def test_financing_provision_in_chinese_gets_the_financing_offence_first(thesaurus, shipped):
    language, item = provision(shipped, "cn/cn_criminal_law.zh.md", "第一百二十条之一")
    suggestions = suggest_for_provision(item.text, item.heading, language, SAMPLE, thesaurus)
    assert suggestions[0].key == ("financing-1999", "2(1)(a)")
    assert any("concept 'financing'" in reason and "资助" in reason for reason in suggestions[0].why)
    # 单位犯前两款罪的: the legal persons article is suggested too, with its cue.
    legal = next(s for s in suggestions if s.key == ("financing-1999", "5"))
    assert any(reason.startswith("category cue 'legal-persons'") for reason in legal.why)
    assert all(MIN_SCORE <= s.score <= 1 for s in suggestions)
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)


def test_marriage_registration_gets_no_suggestion(thesaurus):
    assert suggest_for_provision(MARRIAGE_ZH, "", "zh", SAMPLE, thesaurus) == []
    assert suggest_for_provision(MARRIAGE_EN, "Marriage registration", "en", SAMPLE, thesaurus) == []


def test_cross_language_french_and_chinese_match_the_same_english_obligation(thesaurus, shipped):
    fr_language, french_item = provision(shipped, "fr/fr_code_penal_titre_ii_terrorisme.fr.md", "421-2-2")
    zh_language, chinese_item = provision(shipped, "cn/cn_criminal_law.zh.md", "第一百二十条之一")
    french = suggest_for_provision(french_item.text, french_item.heading, fr_language, SAMPLE, thesaurus)
    chinese = suggest_for_provision(chinese_item.text, chinese_item.heading, zh_language, SAMPLE, thesaurus)
    assert french[0].key == chinese[0].key == ("financing-1999", "2(1)(a)")
    assert any("financer" in reason for reason in french[0].why)


def test_jurisdiction_clause_is_matched_by_its_cue(thesaurus, shipped):
    language, item = provision(shipped, "ca/ca_criminal_code_s7_jurisdiction.en.md", "7 (3.1)")
    suggestions = suggest_for_provision(item.text, item.heading, language, SAMPLE, thesaurus)
    assert suggestions[0].key == ("hostages-1979", "5")
    assert any(reason.startswith("category cue 'jurisdiction'") for reason in suggestions[0].why)
    assert any(reason.startswith("concept 'hostage-taking'") for reason in suggestions[0].why)


def test_top_limits_the_suggestions(thesaurus, shipped):
    language, item = provision(shipped, "cn/cn_criminal_law.zh.md", "第一百二十条之一")
    assert len(suggest_for_provision(item.text, item.heading, language, SAMPLE, thesaurus, top=1)) == 1
    assert suggest_for_provision(item.text, item.heading, language, SAMPLE, thesaurus, top=0) == []


# -- a whole law, and one obligation across a law --------------------------------------------


def test_suggest_for_law_keeps_the_order_of_the_law(thesaurus, shipped):
    language, provisions = shipped["fr/fr_code_penal_titre_ii_terrorisme.fr.md"]
    result = suggest_for_law(provisions, language, SAMPLE, thesaurus, top=3)
    assert [number for number, _heading, _suggestions in result] == [item.number for item in provisions]
    by_number = {number: suggestions for number, _heading, suggestions in result}
    assert keys(by_number["421-2-2"])[0] == ("financing-1999", "2(1)(a)")
    assert ("financing-1999", "5") in keys(by_number["422-5"])  # personnes morales


def test_rank_provisions_for_obligation(thesaurus, shipped):
    freezing = next(o for o in SAMPLE if o.key == ("financing-1999", "8"))
    language, provisions = shipped["ca/ca_criminal_code_part_II.1_terrorism.en.md"]
    ranked = rank_provisions_for_obligation(
        freezing, provisions, language, thesaurus, top=10, obligations=SAMPLE
    )
    numbers = [provisions[item.index].number for item in ranked]
    assert "83.08 (1)" in numbers  # Freezing of property
    assert all(item.why and 0 < item.score <= 1 for item in ranked)
    scores = [item.score for item in ranked]
    assert scores == sorted(scores, reverse=True)
    index, score, why = ranked[0]  # three items, as assessments.services reads them
    assert provisions[index].number == numbers[0] and score == scores[0] and why == ranked[0].why


def test_law_provisions_cite_subsections_with_their_section(shipped):
    _language, provisions = shipped["ca/ca_criminal_code_part_II.1_terrorism.en.md"]
    numbers = [item.number for item in provisions]
    assert "83.02" in numbers and "83.03 (1)" in numbers
    by_number = {item.number: item for item in provisions}
    assert by_number["83.03 (1)"].heading.startswith("Providing, making available")  # the section's heading
    assert by_number["83.02"].context == "Terrorism › Financing of Terrorism"  # the part, the cross-heading
    assert not any(item.text.lstrip().startswith("[Repealed") for item in provisions)
    _language, french = shipped["fr/fr_code_penal_titre_ii_terrorisme.fr.md"]
    assert {item.number: item.context for item in french}["422-5"].startswith("II Du terrorisme")


# -- the shipped checklist and the labelled pairs ---------------------------------------------

OBLIGATIONS = REFERENCE / "obligations.csv"
LABELS = REFERENCE / "suggestion_labels.csv"


@pytest.fixture(scope="module")
def obligations():
    if not OBLIGATIONS.exists():
        pytest.skip("data/reference/obligations.csv is not there yet")
    return read_obligation_profiles(OBLIGATIONS)


def test_labels_name_existing_provisions_and_obligations(shipped, obligations):
    known = {obligation.key for obligation in obligations}
    with open(LABELS, encoding="utf-8", newline="") as handle:
        labels = list(csv.DictReader(handle))
    assert len(labels) >= 40
    assert {shipped[label["law_file"]][0] for label in labels} >= {"zh", "en", "fr", "de"}
    for label in labels:
        provision(shipped, label["law_file"], label["provision_number"])
        assert (label["slug"], label["article"]) in known, label
        assert label["note"].strip()


# Pairs of suggestion_labels.csv checked by reading both texts, and the rank the engine must
# keep them at (the benchmark reports all pairs; these are the ones the suite holds fixed).
VERIFIED = [
    ("cn/cn_criminal_law.zh.md", "第一百二十条之一", ("financing-1999", "2(1)(a)"), 1),
    ("fr/fr_code_penal_titre_ii_terrorisme.fr.md", "421-2-2", ("financing-1999", "2(1)(a)"), 1),
    ("de/de_stgb_terrorism_extracts.de.md", "§ 89c (1)", ("financing-1999", "2(1)(a)"), 1),
    ("ca/ca_criminal_code_part_II.1_terrorism.en.md", "83.02", ("financing-1999", "2(1)(a)"), 3),
    ("ca/ca_code_criminel_partie_II.1_terrorisme.fr.md", "83.08 (1)", ("financing-1999", "8(1)"), 3),
    ("cn/cn_criminal_law.zh.md", "第二百三十九条", ("hostages-1979", "1(1)"), 1),
    ("ca/ca_criminal_code_s7_jurisdiction.en.md", "7 (3.1)", ("hostages-1979", "5(1)(a)"), 1),
    ("ca/ca_criminal_code_s7_jurisdiction.en.md", "7 (3.73)", ("financing-1999", "7(1)"), 3),
    ("de/de_stgb_terrorism_extracts.de.md", "§ 89c (3)", ("financing-1999", "7(1)"), 3),
    (
        "cn/cn_counter_terrorism_law_2015_amended_2018.zh.md",
        "第二十二条",
        ("plastic-explosives-1991", "II"),
        3,
    ),
    ("cn/cn_counter_terrorism_law_2015_amended_2018.zh.md", "第六十九条", ("financing-1999", "18(3)"), 3),
    ("cn/cn_anti_money_laundering_law_2006.zh.md", "第二十条", ("financing-1999", "18(1)(b)"), 3),
]


@pytest.mark.parametrize(("law_file", "number", "key", "within"), VERIFIED)
def test_verified_labelled_pairs_rank_high(thesaurus, shipped, obligations, law_file, number, key, within):
    language, item = provision(shipped, law_file, number)
    suggestions = suggest_for_provision(
        item.text, item.heading, language, obligations, thesaurus, 5, item.context
    )
    assert key in keys(suggestions)[:within], keys(suggestions)
    best = next(s for s in suggestions if s.key == key)
    concepts = next(o for o in obligations if o.key == key).concepts
    assert any(f"concept '{concept}'" in " ".join(best.why) for concept in concepts), best.why


def test_checklist_cross_language_and_marriage(thesaurus, shipped, obligations):
    """A French and a Chinese provision both find the financing offence, described in English
    and Chinese only; the marriage texts find nothing among the 19 instruments."""
    for law_file, number in (
        ("fr/fr_code_penal_titre_ii_terrorisme.fr.md", "421-2-2"),
        ("cn/cn_criminal_law.zh.md", "第一百二十条之一"),
    ):
        language, item = provision(shipped, law_file, number)
        assert suggest_for_provision(item.text, item.heading, language, obligations, thesaurus)[0].key == (
            "financing-1999",
            "2(1)(a)",
        )
    assert suggest_for_provision(MARRIAGE_ZH, "", "zh", obligations, thesaurus) == []
    assert suggest_for_provision(MARRIAGE_EN, "Marriage registration", "en", obligations, thesaurus) == []


def test_checklist_rank_provisions_for_the_freezing_article(thesaurus, shipped, obligations):
    freezing = next(o for o in obligations if o.key == ("financing-1999", "8(1)"))
    language, provisions = shipped["ca/ca_criminal_code_part_II.1_terrorism.en.md"]
    ranked = rank_provisions_for_obligation(freezing, provisions, language, thesaurus, 5, obligations)
    assert "83.08 (1)" in [provisions[item.index].number for item in ranked]


def test_german_suspended_compound_is_completed(thesaurus):
    """ "Kernbrenn- oder sonstige radioaktive Stoffe" names nuclear fuel (Kernbrennstoffe); a
    completed word is matched by its beginning only ("Luft- und Seeverkehr" is not "Seeverkehr" twice)."""
    found = thesaurus.find_concepts("Kernbrenn- oder sonstigen radioaktiven Stoffen", "de")
    assert "nuclear-material" in found and "radioactive-material" in found
    matches = thesaurus.matches("Angriffe auf den Luft- und Seeverkehr", "de")
    assert "ship-safety" not in matches or matches["ship-safety"].count == 1
