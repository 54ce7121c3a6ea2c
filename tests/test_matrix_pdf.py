"""The monthly matrix as a page, a PDF, an XLSX download, and the calendar of a month: what
each user sees, grouped under the right region and subregion. The six languages of the
files: tests/test_documents.py."""

import datetime
import io
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.models import Role
from assistance.models import AssistanceRequest
from states.models import State
from tests.conftest import make_activity as activity
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
D = datetime.date
SECRET = "Confidential needs of Kenya (test record)"


@pytest.fixture
def march():
    nairobi = activity("Workshop in Nairobi (test record)", D(2026, 3, 10), D(2026, 3, 12), host="KEN")
    request = AssistanceRequest.objects.create(
        state=State.objects.get(iso3="KEN"), received_on=D(2026, 1, 5), needs=SECRET, confidential=True
    )
    nairobi.requests.add(request)
    return {
        "nairobi": nairobi,
        "seminar": activity(
            "Regional seminar (test record)",
            D(2026, 2, 25),
            D(2026, 3, 2),
            status="ongoing",
            host="SEN",
            states=["MLI", "FRA"],
            demonstration=True,
        ),
        "cancelled": activity(
            "Cancelled mission (test record)", D(2026, 3, 5), D(2026, 3, 6), status="cancelled", host="FRA"
        ),
        "april": activity("April course (test record)", D(2026, 4, 1), D(2026, 4, 3), host="CHN"),
    }


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


@pytest.mark.parametrize(
    ("language", "django_code", "kenya", "africa"),
    [("en", "en", "Kenya", "Africa"), ("zh", "zh-hans", "肯尼亚", "非洲")],
)
def test_the_pdf_of_a_month_in_english_and_chinese(tmp_path, march, language, django_code, kenya, africa):
    target = tmp_path / f"m-{language}.pdf"
    out = StringIO()
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
        stdout=out,
    )
    assert f"Wrote {target}" in out.getvalue()
    text = pdf_text(target.read_bytes())
    title = in_language(django_code, "Matrix of ongoing and planned activities, %(month)s") % {
        "month": "2026-03"
    }
    assert title in text.replace("\n", " ")
    assert kenya in text and africa in text
    assert "Workshop in Nairobi (test record)" in text
    assert "Regional seminar (test record)" in text
    # The generated seminar carries the mark; the real workshop does not.
    mark = in_language(django_code, "demonstration data")
    assert f"Regional seminar (test record) [{mark}]" in text
    assert f"Workshop in Nairobi (test record) [{mark}]" not in text
    assert "Cancelled mission" not in text and "April course" not in text
    assert SECRET not in text


def test_the_pdf_repeats_the_header_on_every_page(tmp_path):
    for day in range(1, 29):
        activity(f"Workshop {day:02d} (test record)", D(2026, 3, day), D(2026, 3, day), host="KEN")
        activity(f"Seminar {day:02d} (test record)", D(2026, 3, day), D(2026, 3, day), host="PER")
    target = tmp_path / "long.pdf"
    call_command("matrix", "--month", "2026-03", "--format", "pdf", "--out", str(target), stdout=StringIO())
    pages = PdfReader(target).pages
    assert len(pages) >= 2
    for page in pages[1:]:
        assert page.extract_text().split("\n")[0] == "State Activity Kind Status From To"


def test_the_pdf_of_an_empty_month_says_so(tmp_path):
    target = tmp_path / "empty.pdf"
    call_command("matrix", "--month", "1990-01", "--format", "pdf", "--out", str(target), stdout=StringIO())
    assert "No activity is planned or ongoing in this month." in pdf_text(target.read_bytes())


def test_the_pdf_needs_a_file(march):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--format pdf needs --out FILE"):
        call_command("matrix", "--month", "2026-03", "--format", "pdf")


def sections(html: str) -> dict[str, str]:
    """The HTML of each subregion's section, by subregion name."""
    parts = re.split(r'<section class="matrix-subregion" data-subregion="', html)[1:]
    return {part.split('"', 1)[0]: part.split("</section>", 1)[0] for part in parts}


def test_the_matrix_page_groups_by_region_and_subregion(client, staff_user, march):
    client.force_login(staff_user)
    response = client.get("/matrix/?month=2026-03")
    html = response.content.decode()
    assert response.status_code == 200
    by_subregion = sections(html)
    assert set(by_subregion) == {"Eastern Africa", "Western Africa", "Western Europe"}
    assert "Kenya" in by_subregion["Eastern Africa"] and "Nairobi" in by_subregion["Eastern Africa"]
    western = by_subregion["Western Africa"]
    assert "Senegal" in western and "Mali" in western and "Regional seminar (test record)" in western
    assert "France" in by_subregion["Western Europe"]
    assert (
        html.index("<h2>Africa</h2>") < html.index("<h3>Eastern Africa</h3>") < html.index("<h2>Europe</h2>")
    )
    assert f'href="/activities/{march["nairobi"].id}/"' in html
    assert "Cancelled mission" not in html and "April course" not in html
    assert SECRET not in html
    # Month navigation and the downloads of the same month.
    assert 'href="?month=2026-02" rel="prev"' in html and 'href="?month=2026-04" rel="next"' in html
    assert (
        'href="/matrix/2026-03.xlsx?language=en"' in html and 'href="/matrix/2026-03.pdf?language=zh"' in html
    )
    april = client.get("/matrix/?month=2026-04").content.decode()
    assert "April course (test record)" in april and "Nairobi" not in april


def test_the_matrix_page_in_chinese_uses_chinese_names(client, staff_user, march):
    client.force_login(staff_user)
    html = client.get("/zh-hans/matrix/?month=2026-03").content.decode()
    assert "东非" in html and "肯尼亚" in html
    assert 'href="/zh-hans/matrix/2026-03.pdf?language=zh"' in html


def test_a_bad_month_is_refused_naming_the_field(client, staff_user):
    client.force_login(staff_user)
    for path in (
        "/matrix/?month=2026-13",
        "/matrix/calendar/?month=March",
        "/matrix/calendar/?month=9999-12",
        "/matrix/2026-00.pdf",
    ):
        response = client.get(path)
        assert response.status_code == 400, path
        assert "month:" in response.content.decode()


def test_what_each_user_sees_in_the_matrix(client, march):
    # The public is sent to log in, for the page and for the files.
    for path in ("/matrix/?month=2026-03", "/matrix/calendar/?month=2026-03", "/matrix/2026-03.xlsx"):
        assert client.get(path).status_code == 302
    client.force_login(make_user("focal-fra", Role.FOCAL_POINT, "FRA"))
    html = client.get("/matrix/?month=2026-03").content.decode()
    assert "Regional seminar (test record)" in html  # France takes part
    assert "Nairobi" not in html
    sheet = load_workbook(io.BytesIO(client.get("/matrix/2026-03.xlsx").content)).active
    assert {row[3] for row in sheet.iter_rows(min_row=3, values_only=True)} == {
        "Regional seminar (test record)"
    }
    client.force_login(make_user("focal-chn", Role.FOCAL_POINT, "CHN"))
    assert "Nairobi" not in pdf_text(client.get("/matrix/2026-03.pdf").content)
    assert "No activity you may see" in client.get("/matrix/?month=2026-03").content.decode()
    client.force_login(make_user("donor", Role.DONOR))
    assert "Nairobi" not in client.get("/matrix/?month=2026-03").content.decode()


def test_downloads_in_both_languages(client, staff_user, march):
    client.force_login(staff_user)
    response = client.get("/matrix/2026-03.xlsx?language=zh")
    assert response["Content-Disposition"] == 'attachment; filename="matrix-2026-03-zh.xlsx"'
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=3, values_only=True))
    assert ("非洲", "东非", "肯尼亚", "Workshop in Nairobi (test record)") in [row[:4] for row in rows]
    assert all(SECRET not in str(cell) for row in rows for cell in row)
    pdf = client.get("/matrix/2026-03.pdf?language=en")
    assert pdf["Content-Type"] == "application/pdf"
    assert "Kenya" in pdf_text(pdf.content)


def calendar_days(html: str, title: str) -> set[str]:
    """The dates of the calendar cells that list the activity."""
    cells = re.findall(r'<td[^>]*data-date="([\d-]+)">(.*?)</td>', html, flags=re.S)
    return {date for date, cell in cells if title in cell}


def test_the_calendar_lists_an_activity_on_each_day_it_runs(client, staff_user, march):
    client.force_login(staff_user)
    html = client.get("/matrix/calendar/?month=2026-03").content.decode()
    assert calendar_days(html, "Workshop in Nairobi (test record)") == {
        "2026-03-10",
        "2026-03-11",
        "2026-03-12",
    }
    # Begun in February: shown on the days of March only.
    assert calendar_days(html, "Regional seminar (test record)") == {"2026-03-01", "2026-03-02"}
    assert "Cancelled mission" not in html and "April course" not in html
    # A real table: a header per weekday, Monday first in English (CLDR's world default).
    assert html.count('<th scope="col">') == 7
    assert '<abbr title="Monday">' in html.split('<th scope="col">')[1]
    assert "2026-03-30" in html and 'data-date="2026-02-23"' in html  # whole weeks


def test_the_calendar_in_arabic_is_right_to_left(client, staff_user, march):
    client.force_login(staff_user)
    html = client.get("/ar/matrix/calendar/?month=2026-03").content.decode()
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    assert calendar_days(html, "Workshop in Nairobi (test record)") == {
        "2026-03-10",
        "2026-03-11",
        "2026-03-12",
    }


def test_the_banner_shows_only_with_demonstration_records(client, staff_user, march):
    banner = "This page shows demonstration records, generated for trying ctassist; they are not real."
    client.force_login(staff_user)
    march_html = client.get("/matrix/?month=2026-03").content.decode()
    assert banner in march_html  # the regional seminar is generated
    assert march_html.count("demonstration data</span>") == 3  # its three rows: SEN, MLI, FRA
    assert banner not in client.get("/matrix/?month=2026-04").content.decode()
    assert banner in client.get("/matrix/calendar/?month=2026-03").content.decode()
    assert banner not in client.get("/matrix/calendar/?month=2026-04").content.decode()
    # A focal point who does not see the generated record gets no banner.
    client.force_login(make_user("focal-ken", Role.FOCAL_POINT, "KEN"))
    assert banner not in client.get("/matrix/?month=2026-03").content.decode()


def test_user_text_is_escaped(client, staff_user):
    activity("<script>alert(1)</script> (test record)", D(2026, 3, 1), D(2026, 3, 2), host="KEN")
    client.force_login(staff_user)
    for path in ("/matrix/?month=2026-03", "/matrix/calendar/?month=2026-03"):
        html = client.get(path).content.decode()
        assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
