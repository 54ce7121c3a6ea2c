"""The checklist in the reader's language: obligations, concept names and categories in the
six UN languages, a missing or out-of-date translation shown as a gap (the English, marked
with its language), and a malformed translation file refused whole."""

import csv
import shutil

import lxml.html
import pytest
from django.core.management import CommandError, call_command

from assessments.models import Obligation, ObligationText
from assessments.reference import load_obligations
from ctassist.reference import LoadReport
from thesaurus.models import Concept, ConceptLabel
from thesaurus.reference import load_thesaurus

pytestmark = pytest.mark.django_db

PREFIX = {"ar": "/ar", "zh": "/zh-hans", "en": "", "fr": "/fr", "ru": "/ru", "es": "/es"}
PAGE = "/instruments/financing-1999/obligations/"
GAP_NOTE = {
    "ar": "لم تترجم بعد",
    "zh": "尚未译成",
    "fr": "pas encore traduit",
    "ru": "еще не переведено",
    "es": "aún no traducido",
}
# A test's own wording of the first obligation of the Financing Convention, one per language
# that has a translation file (zh comes from obligations.csv itself).
FIXTURE_TEXT = {
    "ar": "[اختبار] تجريم تقديم الأموال أو جمعها لأغراض الإرهاب.",
    "fr": "[essai] Ériger en infraction le fait de fournir ou de réunir des fonds.",
    "ru": "[тест] Признать преступлением предоставление или сбор средств.",
    "es": "[prueba] Tipificar como delito el suministro o la recolección de fondos.",
}


@pytest.fixture
def reference(settings, tmp_path):
    """A copy of data/reference/ without translation files, read from now on."""
    copy = tmp_path / "reference"
    shutil.copytree(settings.REFERENCE_DIR, copy)
    for path in copy.glob("obligations.*.csv"):
        path.unlink()
    settings.REFERENCE_DIR = copy
    return copy


def checklist_rows(reference):
    with (reference / "obligations.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_translation(reference, language, rows):
    with (reference / f"obligations.{language}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["slug", "article", "description_en", "description"])
        writer.writerows(rows)


def financing(reference, index):
    row = [r for r in checklist_rows(reference) if r["slug"] == "financing-1999"][index]
    return row


def load(reference):
    load_obligations(LoadReport(), load_thesaurus(LoadReport()))


def page_rows(client, language):
    response = client.get(PREFIX[language] + PAGE)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode()).xpath("//tbody/tr")


def summary_cell(row):
    return row.xpath("./td")[1]


@pytest.fixture
def translated(reference):
    """Translation files with the Financing Convention's first obligation only."""
    first = financing(reference, 0)
    for language, text in FIXTURE_TEXT.items():
        write_translation(
            reference, language, [["financing-1999", first["article"], first["description_en"], text]]
        )
    load(reference)
    return reference


@pytest.mark.parametrize("language", ["ar", "zh", "en", "fr", "ru", "es"])
def test_the_checklist_shows_each_language_s_translation_and_marks_the_gaps(client, translated, language):
    first, second = financing(translated, 0), financing(translated, 1)
    expected = {"zh": first["description_zh"], "en": first["description_en"], **FIXTURE_TEXT}[language]
    rows = page_rows(client, language)
    cell = summary_cell(rows[0])
    assert expected in cell.text_content()
    assert not cell.xpath(".//*[@lang='en']")  # in the page's own language, not marked
    assert "ctassist" in cell.xpath(".//*[@class='summary-mark']")[0].text_content()
    assert cell.xpath(".//a[starts-with(@href, 'https://wetten.overheid.nl/BWBV0001518')]")

    cell = summary_cell(rows[1])
    if language in ("zh", "en"):
        expected = second["description_zh"] if language == "zh" else second["description_en"]
        assert expected in cell.text_content()
        return
    # No translation of the second item: the English, marked as English, with a note.
    marked = cell.xpath(".//*[@lang='en']")
    assert marked and marked[0].text_content() == second["description_en"]
    assert marked[0].get("dir") == "ltr"
    assert GAP_NOTE[language] in cell.xpath(".//*[@class='gap']")[0].text_content()


def test_a_chinese_description_removed_shows_the_english_marked(client, translated):
    obligation = Obligation.objects.get(instrument__slug="financing-1999", position=1)
    obligation.texts.filter(language="zh").delete()
    cell = summary_cell(page_rows(client, "zh")[0])
    assert cell.xpath(".//*[@lang='en']")[0].text_content() == obligation.text_in("en")
    assert GAP_NOTE["zh"] in cell.text_content()


def test_a_translation_of_an_english_text_since_changed_counts_as_missing(client, reference):
    first = financing(reference, 0)
    write_translation(
        reference,
        "fr",
        [["financing-1999", first["article"], first["description_en"] + " (old)", "Texte ancien."]],
    )
    load(reference)
    obligation = Obligation.objects.get(instrument__slug="financing-1999", position=1)
    assert not obligation.texts.filter(language="fr").exists()
    cell = summary_cell(page_rows(client, "fr")[0])
    assert "Texte ancien." not in cell.text_content()
    assert cell.xpath(".//*[@lang='en']")[0].text_content() == first["description_en"]


def test_an_english_edit_after_the_load_puts_the_translation_out_of_date(client, translated):
    obligation = Obligation.objects.get(instrument__slug="financing-1999", position=1)
    assert obligation.description("fr") == (FIXTURE_TEXT["fr"], "fr")
    english = obligation.texts.get(language="en")
    english.text = "Criminalize the provision or collection of funds (edited)."
    english.save()
    obligation = Obligation.objects.prefetch_related("texts").get(id=obligation.id)
    assert obligation.description("fr") == (english.text, "en")
    assert obligation.description("zh") == (english.text, "en")
    assert obligation.descriptions() == {"en": english.text}


def test_the_duplicate_article_keys_are_told_apart_by_their_english(reference):
    # airports-1988 has several items with article "I"; each gets its own translation.
    rows = [r for r in checklist_rows(reference) if r["slug"] == "airports-1988" and r["article"] == "I"]
    assert len(rows) > 1
    write_translation(
        reference, "es", [[r["slug"], "I", r["description_en"], f"[prueba] {i}"] for i, r in enumerate(rows)]
    )
    load(reference)
    texts = ObligationText.objects.filter(obligation__instrument__slug="airports-1988", language="es")
    by_english = {t.translated_from: t.text for t in texts}
    assert by_english == {r["description_en"]: f"[prueba] {i}" for i, r in enumerate(rows)}


def test_an_unfinished_file_loads_what_it_has(reference):
    first, second = financing(reference, 0), financing(reference, 1)
    write_translation(
        reference,
        "ru",
        [
            ["financing-1999", first["article"], first["description_en"], FIXTURE_TEXT["ru"]],
            ["financing-1999", second["article"], second["description_en"], ""],
        ],
    )
    load(reference)
    assert ObligationText.objects.filter(language="ru").count() == 1


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('financing-1999,"2(1)","x","y","extra field"\n', "expected 4 fields"),
        ("no-such-treaty-1900,1,Some English,Un texte\n", "'no-such-treaty-1900' is not one of"),
        ('financing-1999,"2(1)"x,"a","b"\n', "not valid CSV"),
    ],
)
def test_a_malformed_translation_file_stops_the_load_and_changes_nothing(translated, line, problem):
    path = translated / "obligations.fr.csv"
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write(line)
    # The same load would also rename a concept and change the French text: neither happens.
    concepts = translated / "concepts.csv"
    french_name = "fournir ou réunir des fonds aux fins du terrorisme"
    concepts.write_text(
        concepts.read_text(encoding="utf-8").replace(french_name, "RENAMED"), encoding="utf-8"
    )
    with path.open(encoding="utf-8") as handle:
        text = handle.read().replace(FIXTURE_TEXT["fr"], "Nouveau texte.")
    path.write_text(text, encoding="utf-8")
    before = sorted(ObligationText.objects.values_list("obligation_id", "language", "text"))
    with pytest.raises(CommandError) as error:
        call_command("load_reference", verbosity=0)
    assert "obligations.fr.csv, line 3" in str(error.value) and problem in str(error.value)
    assert "nothing changed" in str(error.value)
    assert sorted(ObligationText.objects.values_list("obligation_id", "language", "text")) == before
    assert (
        Obligation.objects.get(instrument__slug="financing-1999", position=1).description("fr").text
        == FIXTURE_TEXT["fr"]
    )
    assert ConceptLabel.objects.get(concept__code="financing", language="fr").label == french_name


def test_a_file_with_other_columns_is_refused(reference):
    (reference / "obligations.ar.csv").write_text(
        "slug,article,text\nfinancing-1999,2,نص\n", encoding="utf-8"
    )
    with pytest.raises(CommandError) as error:
        call_command("load_reference", verbosity=0)
    assert "obligations.ar.csv, line 1" in str(error.value) and "description_en" in str(error.value)


def test_every_concept_has_a_name_in_the_six_languages():
    assert Concept.objects.count() == 30
    for concept in Concept.objects.prefetch_related("labels"):
        languages = set(concept.labels.values_list("language", flat=True))
        assert languages == {"ar", "zh", "en", "fr", "ru", "es"}, concept.code
        assert concept.label("ru").language == "ru"
    # Names read as names, not identifiers.
    assert not ConceptLabel.objects.filter(label__regex=r"^[a-z]+(-[a-z]+)+$").exists()


CATEGORY_OFFENCE = {
    "ar": "التجريم",
    "zh": "应确立的罪行",
    "en": "offence to establish",
    "fr": "incrimination",
    "ru": "криминализация",
    "es": "tipificación de delitos",
}


@pytest.mark.parametrize("language", ["ar", "zh", "en", "fr", "ru", "es"])
def test_concept_names_and_categories_in_the_reader_s_language(client, language):
    financing_concept = Concept.objects.get(code="financing")
    expected = financing_concept.labels.get(language=language).label
    rows = page_rows(client, language)
    first = rows[0]
    assert first.xpath("./td")[0].text_content() == CATEGORY_OFFENCE[language]
    concepts = first.xpath("./td")[2].text_content()
    assert expected in concepts
    assert "financing" not in concepts
    page = "".join(row.text_content() for row in rows)
    assert "terrorist-act" not in page and "attempt-complicity" not in page


def test_the_api_gives_the_current_descriptions_by_language(client, translated):
    rows = client.get("/api/v1/obligations?instrument=financing-1999").json()
    assert set(rows[0]["descriptions"]) == {"ar", "zh", "en", "fr", "ru", "es"}
    assert rows[0]["descriptions"]["fr"] == FIXTURE_TEXT["fr"]
    assert set(rows[1]["descriptions"]) == {"zh", "en"}
    assert rows[0]["treaty_text"] == "https://wetten.overheid.nl/BWBV0001518"


def test_the_review_page_marks_the_summary_as_ctassist_s_and_shows_gaps(client, staff_user, translated):
    from assessments.services import open_review
    from instruments.models import Instrument
    from states.models import State

    open_review(State.objects.get(iso3="FRA"), Instrument.objects.get(slug="financing-1999"))
    client.force_login(staff_user)
    body = client.get("/fr/reviews/FRA/financing-1999/").content.decode()
    page = lxml.html.fromstring(body)
    sections = page.xpath("//section[contains(@class, 'finding')]")
    assert FIXTURE_TEXT["fr"] in sections[0].text_content()
    assert "Résumé établi par ctassist, et non texte du traité" in sections[0].text_content()
    assert sections[0].xpath(".//a[@href='https://wetten.overheid.nl/BWBV0001518']")
    # The second item has no French: its English is marked as such, with the note.
    second = financing(translated, 1)["description_en"]
    assert sections[1].xpath(".//*[@lang='en']")[0].text_content() == second
    assert GAP_NOTE["fr"] in sections[1].text_content()


@pytest.mark.parametrize("language", ["ar", "zh", "en", "fr", "ru", "es"])
def test_no_unmarked_text_in_another_language_on_the_checklist(client, translated, language):
    from tests.page_language import foreign_text

    body = client.get(PREFIX[language] + PAGE).content.decode()
    assert foreign_text(body) == []
