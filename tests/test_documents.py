"""Every document ctassist makes, in the six UN languages: the review report (PDF, DOCX), the
monthly matrix (PDF, XLSX) and the participation table (PDF, XLSX).

What a reader would notice: the words are in the document's language and script, no glyph
comes out as an empty box, the fonts travel with the PDF, and Arabic runs right to left."""

import datetime
import io
import logging
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from pypdf import PdfReader

from assessments import reports
from assessments.models import FindingStatus
from assessments.services import open_review
from assistance.matrix import as_pdf, monthly_matrix
from ctassist.languages import django_language
from instruments.models import Instrument
from participation.matrix import build_matrix, matrix_pdf, matrix_xlsx
from participation.models import ActionKind
from states.models import State
from tests.conftest import make_activity

pytestmark = pytest.mark.django_db
D = datetime.date
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
SCRIPT = {
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
}

# Words of the monthly matrix for March 2026 (below), as each language writes them: the
# column heads, and the names of Kenya, Peru and Africa from the UN's M49 list.
MATRIX_WORDS = {
    "ar": ["الدولة", "النشاط", "كينيا", "بيرو", "أفريقيا"],
    "zh": ["国家", "活动", "肯尼亚", "秘鲁", "非洲"],
    "en": ["State", "Activity", "Kenya", "Peru", "Africa"],
    "fr": ["État", "Activité", "Pérou", "Afrique"],
    "ru": ["Государство", "Мероприятие", "Кения", "Перу", "Африка"],
    "es": ["Estado", "Actividad", "Perú", "África"],
}
# The review report of France: its title, the heading of the coverage table, the state.
REPORT_WORDS = {
    "ar": ["استعراض تشريعات", "تغطية الصكوك", "فرنسا"],
    "zh": ["立法审查", "文书覆盖情况", "法国"],
    "en": ["Legislative review of France", "Coverage of the instruments"],
    "fr": ["Examen de la législation", "Couverture des instruments", "France"],
    "ru": ["Обзор законодательства", "Охват документов", "Франция"],
    "es": ["Examen de la legislación", "Cobertura de los instrumentos", "Francia"],
}


def _fonts(resources):
    for font in (resources.get("/Font") or {}).values():
        yield font.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if "/Resources" in xobject:
            yield from _fonts(xobject["/Resources"])


def well_printed(content: bytes) -> str:
    """The text of a PDF, after checking that it shows no replacement glyph and embeds
    every font it uses."""
    assert content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for replacement in ("■", "\ufffd", ".notdef"):
        assert replacement not in text
    fonts = {str(font["/BaseFont"]): font for page in reader.pages for font in _fonts(page["/Resources"])}
    assert fonts
    for name, font in fonts.items():
        described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = described["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"{name} is not embedded"
        # WeasyPrint gives a font an encoding of its own only when a character had no glyph
        # in any font and it printed the font's empty box (.notdef) in its place.
        assert font.get("/Encoding") == "/Identity-H", f"{name} prints a character as an empty box"
    return text.replace("\n", " ")


def assert_in_script(text: str, language: str, words: list[str]) -> None:
    for word in words:
        assert word in text, (language, word)
    if language in SCRIPT:
        assert len(SCRIPT[language].findall(text)) > 20, language
    if language in ("en", "fr", "es"):
        assert not SCRIPT["ar"].search(text) and not SCRIPT["zh"].search(text), language


@pytest.fixture
def march():
    return [
        make_activity("Workshop in Nairobi (test record)", D(2026, 3, 10), D(2026, 3, 12), host="KEN"),
        make_activity(
            "Regional seminar in Lima (test record)",
            D(2026, 3, 16),
            D(2026, 3, 18),
            status="ongoing",
            host="PER",
            states=["CHL"],
            demonstration=True,
        ),
    ]


def matrix_in(language: str, year=2026, month=3) -> bytes:
    with translation.override(django_language(language)):
        return as_pdf(monthly_matrix(year, month), year, month, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_monthly_matrix_pdf_in_each_language(march, language):
    text = well_printed(matrix_in(language))
    assert_in_script(text, language, MATRIX_WORDS[language])
    assert State.objects.get(iso3="KEN").name(language) in text
    assert "Workshop in Nairobi (test record)" in text  # titles stay as written


def first_line_starts_at(content: bytes) -> float:
    """Where on the first page (0: left edge, 1: right edge) the first line of text begins."""
    page = PdfReader(io.BytesIO(content)).pages[0]
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip() and not found:
            found.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    page.extract_text(visitor_text=visit)
    return found[0] / float(page.mediabox.width)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_arabic_runs_right_to_left(march, tmp_path, language):
    target = tmp_path / "matrix.pdf"
    call_command(
        "matrix",
        "--month",
        "2026-03",
        "--format",
        "pdf",
        "--language",
        language,
        "--out",
        str(target),
        stdout=StringIO(),
    )
    content = target.read_bytes()
    well_printed(content)
    # The PDF says its language, and its title starts at the right edge in Arabic.
    assert PdfReader(io.BytesIO(content)).trailer["/Root"]["/Lang"] == language
    if language == "ar":
        assert first_line_starts_at(content) > 0.5
    else:
        assert first_line_starts_at(content) < 0.1


def test_a_character_no_font_has_is_caught(caplog):
    make_activity("Workshop \u0d80 (test record)", D(2026, 3, 10), D(2026, 3, 12), host="KEN")
    with caplog.at_level(logging.ERROR, logger="ctassist.documents.pdf"):
        content = matrix_in("en")
    assert "U+0D80" in caplog.text and "fonts-noto-core" in caplog.text
    with pytest.raises(AssertionError, match="empty box"):
        well_printed(content)


@pytest.mark.parametrize("language", ["ar", "zh", "ru"])
def test_an_empty_month_says_so_in_its_language(language):
    text = well_printed(matrix_in(language, 1990, 1))
    expected = {"ar": "لا يوجد نشاط", "zh": "该月没有", "ru": "В этом месяце нет"}[language]
    assert expected in text


@pytest.mark.parametrize("language", ["ar", "zh", "fr"])
def test_the_matrix_xlsx_in_each_language(march, language, tmp_path):
    target = tmp_path / "m.xlsx"
    call_command(
        "matrix",
        "--month",
        "2026-03",
        "--format",
        "xlsx",
        "--language",
        language,
        "--out",
        str(target),
        stdout=StringIO(),
    )
    sheet = load_workbook(target).active
    assert bool(sheet.sheet_view.rightToLeft) is (language == "ar")
    header = [cell.value for cell in sheet[2]]
    values = [cell for row in sheet.iter_rows(min_row=3, values_only=True) for cell in row]
    state, _activity, peru, _africa = MATRIX_WORDS[language][:2] + MATRIX_WORDS[language][-2:]
    assert header[2] == state and peru in values


def test_the_web_page_offers_the_files_in_six_languages(client, staff_user, march):
    client.force_login(staff_user)
    html = client.get("/fr/matrix/?month=2026-03").content.decode()
    for language in LANGUAGES:
        for format in ("xlsx", "pdf"):
            assert f'href="/fr/matrix/2026-03.{format}?language={language}"' in html
    assert 'lang="ar" dir="rtl" hreflang="ar">العربية</a>' in html
    response = client.get("/matrix/2026-03.pdf?language=ru")
    assert response["Content-Disposition"] == 'attachment; filename="matrix-2026-03-ru.pdf"'
    assert "Кения" in well_printed(response.content)
    # An unknown language gets the page's language, not a file named after the input.
    response = client.get('/es/matrix/2026-03.xlsx?language=xx"')
    assert response["Content-Disposition"] == 'attachment; filename="matrix-2026-03-es.xlsx"'


@pytest.fixture
def review():
    review = open_review(State.objects.get(iso3="FRA"), Instrument.objects.get(slug="financing-1999"))
    finding = review.findings.first()
    finding.status = FindingStatus.FULLY
    finding.reasoning = "Article 421-2-2 du Code pénal."
    finding.save()
    return review


def report_in(language: str):
    return reports.build(
        State.objects.get(iso3="FRA"), language, Instrument.objects.get(slug="financing-1999")
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_review_report_pdf_in_each_language(review, language):
    text = well_printed(reports.as_pdf(report_in(language)))
    assert_in_script(text, language, REPORT_WORDS[language])
    assert "Article 421-2-2 du Code pénal." in text


def test_an_instrument_title_missing_in_a_language_is_marked(review):
    instrument = Instrument.objects.get(slug="financing-1999")
    instrument.titles.filter(language="ru").delete()
    report = report_in("ru")
    assert report.sections[0].title.language == "en" and not report.sections[0].title_in_language
    text = well_printed(reports.as_pdf(report))
    assert instrument.title_in("en").title in text
    with translation.override("ru"):
        assert gettext("No official title in this language in ctassist; the English title is shown.") in text


def test_the_review_report_in_the_language_asked(client, staff_user, review):
    client.force_login(staff_user)
    response = client.get("/reviews/FRA/report.pdf?language=ar")
    assert response["Content-Disposition"] == 'attachment; filename="ctassist-review-FRA-ar.pdf"'
    assert_in_script(well_printed(response.content), "ar", REPORT_WORDS["ar"])
    # Without ?language=, the page's language; a language ctassist does not have is not used.
    response = client.get("/zh-hans/reviews/FRA/report.docx?language=de")
    assert response["Content-Disposition"] == 'attachment; filename="ctassist-review-FRA-zh.docx"'
    html = client.get("/reviews/FRA/financing-1999/").content.decode()
    for language in LANGUAGES:
        assert f'/reviews/FRA/report.pdf?language={language}"' in html
        assert f'/reviews/FRA/report.docx?language={language}"' in html


def _text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_the_arabic_docx_is_right_to_left(review):
    document = Document(io.BytesIO(reports.as_docx(report_in("ar"))))
    text = _text(document)
    for word in REPORT_WORDS["ar"]:
        assert word in text
    assert len(SCRIPT["ar"].findall(text)) > 100
    body = document.element.body

    def bidi(paragraph) -> bool:
        properties = paragraph.find(qn("w:pPr"))
        return properties is not None and properties.find(qn("w:bidi")) is not None

    paragraphs = list(body.iter(qn("w:p")))
    arabic = [p for p in paragraphs if SCRIPT["ar"].match("".join(t.text or "" for t in p.iter(qn("w:t"))))]
    assert len(arabic) > 20 and all(bidi(p) for p in arabic)
    assert all(t.find(qn("w:tblPr")).find(qn("w:bidiVisual")) is not None for t in body.iter(qn("w:tbl")))
    arabic_runs = [r for r in body.iter(qn("w:r")) if SCRIPT["ar"].search(r.text or "")]
    assert arabic_runs and all(r.find(qn("w:rPr")).find(qn("w:rtl")) is not None for r in arabic_runs)
    # The reasoning, written in French, keeps its own direction: a left-to-right paragraph.
    french = next(p for p in paragraphs if "421-2-2" in "".join(t.text or "" for t in p.iter(qn("w:t"))))
    assert not bidi(french)
    assert "".join(t.text for t in french.iter(qn("w:t"))) == "Article 421-2-2 du Code pénal."
    fonts = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "Noto Naskh Arabic"
    assert document.core_properties.language == "ar"


def test_the_chinese_docx_names_its_east_asian_fonts(review):
    document = Document(io.BytesIO(reports.as_docx(report_in("zh"))))
    text = _text(document)
    for word in REPORT_WORDS["zh"]:
        assert word in text
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(".//" + qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "Noto Sans CJK SC"
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    # The headings too: python-docx's theme fonts, which would win over the named one, are gone.
    heading = document.styles["Heading 1"].element.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert heading.get(qn("w:eastAsia")) == "Noto Sans CJK SC" and heading.get(qn("w:eastAsiaTheme")) is None
    assert all(
        p.find(qn("w:pPr")) is None or p.find(qn("w:pPr")).find(qn("w:bidi")) is None
        for p in document.element.body.iter(qn("w:p"))
    )


@pytest.mark.parametrize("language", ["fr", "ru", "es"])
def test_the_docx_in_other_languages(review, language):
    text = _text(Document(io.BytesIO(reports.as_docx(report_in(language)))))
    for word in REPORT_WORDS[language]:
        assert word in text


def participation_matrix(language: str):
    with translation.override(django_language(language)):
        states = [State.objects.get(iso3=code) for code in ("KEN", "PER", "FRA", "CHN")]
        return build_matrix(D(2014, 7, 10), states)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_participation_pdf_in_each_language(language):
    matrix = participation_matrix(language)
    with translation.override(django_language(language)):
        text = well_printed(matrix_pdf(matrix, "UN Treaty Collection"))
        kenya = State.objects.get(iso3="KEN").name(language)
        peru = State.objects.get(iso3="PER").name(language)
        # Peru's first consent, named in this language ("ratification", "ratificación" …).
        consent = next(cell.consent for cell in matrix.rows[1].cells if cell.consent)
        act = str(ActionKind(consent.kind).label)
    # (The act and its date share a cell; their order read back depends on the direction.)
    assert_in_script(text, language, [kenya, peru, act, consent.date.isoformat()])
    assert matrix.instruments[0].display_title(language) in text


@pytest.mark.parametrize("language", ["ar", "ru"])
def test_the_participation_xlsx_in_each_language(language):
    matrix = participation_matrix(language)
    with translation.override(django_language(language)):
        sheet = load_workbook(io.BytesIO(matrix_xlsx(matrix, "UN Treaty Collection"))).active
    assert bool(sheet.sheet_view.rightToLeft) is (language == "ar")
    header = [cell.value for cell in sheet[3]]
    assert header[1] == {"ar": "الدولة", "ru": "Государство"}[language]
    cells = [str(cell) for row in sheet.iter_rows(min_row=4, values_only=True) for cell in row]
    assert {"ar": "التصديق", "ru": "ратификация"}[language] in " ".join(cells)


def test_the_participation_page_offers_its_pdf_in_the_page_language(client):
    html = client.get("/ru/participation/").content.decode()
    assert "format=pdf" in html
    response = client.get("/ru/participation/?on=2014-07-10&format=pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="ctassist-participation-2014-07-10.pdf"'
    text = well_printed(response.content)
    assert_in_script(text, "ru", ["Кения", "Перу", "Участники"])
    assert len(PdfReader(io.BytesIO(response.content)).pages) >= 4  # the 197 states
