"""The report on a resolution as DOCX and PDF: they open, hold the same figures as the JSON,
each number written as the document's language writes it (ctassist/numbers.py), in Chinese,
Arabic and Russian too with no replacement glyph, and say whether they are public or internal."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.utils import translation
from docx import Document

from assistance.models import AssistanceRequest
from ctassist.languages import django_language
from ctassist.numbers import number
from reports import documents
from reports import figures as report_figures
from reports.models import Resolution
from reports.serialization import report_json
from states.models import State
from tests.conftest import make_activity
from tests.test_documents import well_printed

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def records():
    make_activity(
        "Workshop in Nairobi (test record)", D(2026, 3, 10), D(2026, 3, 12), status="completed", host="KEN"
    )
    make_activity(
        "Workshop in Lima (test record)", D(2026, 5, 4), D(2026, 5, 6), status="completed", host="PER"
    )
    secret = AssistanceRequest.objects.create(
        state=State.objects.get(iso3="NER"), received_on=D(2026, 1, 5), needs="Secret needs (test record)"
    )
    make_activity("Mission to Niamey (test record)", D(2026, 2, 2), D(2026, 2, 4), host="NER").requests.add(
        secret
    )


YEAR = (D(2026, 1, 1), D(2026, 12, 31))


def report(language: str, internal=False, code="62/172", period=YEAR):
    start, end = period
    with translation.override(django_language(language)):
        figures = report_figures.compute(code, start, end, internal=internal, language=language)
    document = documents.for_resolution(Resolution.objects.get(code=code), figures)
    return figures, document


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def spaced(text: str) -> str:
    """Every kind of space (no-break, narrow no-break: French and Russian group thousands
    with them, and pypdf may give them back as plain spaces) as one plain space."""
    return re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text)


DECIMAL = re.compile(r"-?\d+(\.\d+)?")


def formatted(value, language: str) -> str:
    """A value of the JSON (raw: a number, or a decimal amount as a string) as the document
    of that language must print it, through the helper every document uses."""
    if isinstance(value, str) and DECIMAL.fullmatch(value):
        value = Decimal(value)
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return number(value, language)
    return str(value)


def expected_words(figures, language: str) -> list[str]:
    """What the JSON says each figure is: its value, and the cells of its table, formatted."""
    words = []
    for figure in report_json(figures)["figures"]:
        if figure["value"] is not None:
            words.append(formatted(figure["value"], language))
        for row in (figure["table"] or {}).get("rows", []):
            words.extend(formatted(cell, language) for cell in row["cells"] if cell not in (None, ""))
    return words


@pytest.mark.parametrize("language", ["en", "zh", "ar", "ru", "fr", "es"])
def test_docx_and_pdf_hold_the_figures_of_the_json(records, language):
    figures, document = report(language)
    kenya, peru = (State.objects.get(iso3=iso3).name(language) for iso3 in ("KEN", "PER"))
    assert figures.get("states-assisted").value == 2
    docx = docx_text(documents.as_docx(document))
    pdf = well_printed(documents.as_pdf(document))  # no empty box, no U+FFFD, fonts embedded
    for word in expected_words(figures, language):
        assert spaced(word) in spaced(docx), (language, word)
        # A PDF gives its text back in the order it is laid out: a cell in another direction
        # than the page's may come back with its words and punctuation moved, never changed.
        for token in word.split():
            assert token.strip(":;,.()") in pdf.replace(" ", "") or token in pdf, (language, token)
    for name in (kenya, peru):
        assert name in docx and name.replace(" ", "") in pdf.replace(" ", "")
    assert "\ufffd" not in docx


def test_an_arabic_docx_runs_right_to_left(records):
    _, document = report("ar")
    content = Document(io.BytesIO(documents.as_docx(document)))
    assert content.core_properties.language == "ar"
    assert content.element.body.xpath(".//w:bidiVisual")  # tables laid out right to left


def test_a_public_report_says_it_counts_no_confidential_record(records):
    figures, document = report("en")
    niger = State.objects.get(iso3="NER").name("en")
    docx = docx_text(documents.as_docx(document))
    pdf = well_printed(documents.as_pdf(document))
    for text in (docx, pdf):
        assert "This public report counts no confidential records." in text
        assert "Internal" not in text
        assert niger not in text


def test_an_internal_report_is_marked_not_for_publication(records):
    figures, document = report("en", internal=True)
    assert figures.get("states-assisted").value == 3
    niger = State.objects.get(iso3="NER").name("en")
    docx = docx_text(documents.as_docx(document))
    pdf = well_printed(documents.as_pdf(document))
    for text in (docx, pdf):
        assert "Internal — not for publication" in text
        assert "This internal report counts confidential records." in text
        assert niger in text


def test_a_printed_value_that_differs_is_shown_beside_the_computed_one():
    # The 2004 report prints a contributions total US$ 101 above the sum of its rows (§19).
    figures, document = report("en", code="58/136", period=(D(2002, 10, 1), D(2004, 7, 31)))
    contributions = figures.get("contributions")
    assert contributions.differs_from_printed
    text = docx_text(documents.as_docx(document))
    assert number(contributions.value, "en") in text and number(contributions.printed.value, "en") in text
    assert "3202947" not in text  # every amount grouped as English writes it
    assert f"Printed in {contributions.printed.locator}" in text


LANGUAGES = ["en", "zh", "ar", "ru", "fr", "es"]


def test_numbers_are_grouped_as_each_language_writes_them():
    # CLDR through Babel: the readers' own way of grouping thousands, Latin digits in Arabic too.
    assert [number(3202947, language) for language in LANGUAGES] == [
        "3,202,947",
        "3,202,947",
        "3,202,947",
        "3\u00a0202\u00a0947",
        "3\u202f202\u202f947",
        "3.202.947",
    ]
    assert number(Decimal("1234.50"), "fr") == "1\u202f234,50"  # an amount keeps its cents
    assert number(Decimal("3202947.00"), "en") == "3,202,947"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_amounts_of_the_2004_report_print_as_the_language_writes_them(language):
    # 58/136: contributions computed 3202947, printed 3203048 (para. 19); donors above 1,000.
    figures, document = report(language, code="58/136", period=(D(2002, 10, 1), D(2004, 7, 31)))
    contributions = report_json(figures)["figures"]
    contributions = next(figure for figure in contributions if figure["key"] == "contributions")
    computed = formatted(contributions["value"], language)
    printed = formatted(contributions["printed"]["value"], language)
    cells = [formatted(row["cells"][1], language) for row in contributions["table"]["rows"]]
    assert computed != contributions["value"] and printed != str(contributions["printed"]["value"])
    docx = spaced(docx_text(documents.as_docx(document)))
    pdf = spaced(well_printed(documents.as_pdf(document)))  # no empty box in Arabic or Chinese
    for text in (docx, pdf):
        for value in (computed, printed, *cells):
            assert spaced(value) in text, (language, value)
        # The amounts with their unit are the formatted ones, not the JSON's bare digits.
        assert f"{contributions['value']} USD" not in text, language
        assert f"{contributions['printed']['value']} USD" not in text, language
    assert f"{spaced(computed)} USD" in docx and f"{spaced(printed)} USD" in docx


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_long_table_prints_every_row_in_the_pdf_and_stays_a_table_in_the_docx(language):
    # More rows than the PDF prints as a table: each row becomes a line with its headings.
    states = list(State.objects.order_by("iso3")[: documents.LONG_TABLE_ROWS + 1])
    for state in states:
        make_activity(
            f"Mission {state.iso3} (test record)", D(2026, 4, 1), D(2026, 4, 2), "completed", state.iso3
        )
    figures, document = report(language)
    assert figures.get("states-assisted").value == len(states)
    docx = Document(io.BytesIO(documents.as_docx(document)))
    assert len(docx.tables[0].rows) == len(states) + 1  # the heading row, then every state
    pdf = spaced(well_printed(documents.as_pdf(document))).replace("\u200e", "")
    for state in states:
        # pypdf gives right-to-left lines back in pieces (words, brackets moved): word by word.
        for word in state.name(language).split():
            assert word.strip("()-,") in pdf, (language, state.iso3, word)
    if language == "en":
        for state in states:
            assert f"{state.name('en')}; Activities: 1" in pdf


def test_the_draft_page_writes_the_numbers_as_the_draft_language_does(client, staff_user):
    from django.urls import reverse

    from reports.drafts import create_draft

    # A French draft of the 2004 report: contributions 3 202 947 USD, printed 3 203 048.
    draft = create_draft(
        Resolution.objects.get(code="58/136"), D(2002, 10, 1), D(2004, 7, 31), "fr", False, staff_user
    )
    client.force_login(staff_user)
    page = client.get(reverse("reports:draft", args=[draft.id])).content.decode()
    figure = client.get(reverse("reports:draft-figure", args=[draft.id, "contributions"])).content.decode()
    assert number(3202947, "fr") == "3\u202f202\u202f947"
    for text in (page, figure):
        assert "3\u202f202\u202f947" in text and ">3202947<" not in text
    assert "3\u202f203\u202f048" in page  # the printed value beside it
