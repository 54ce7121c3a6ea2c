"""Funding (F8): the 2004 contributions table, conversion at the rate of the day, rounding,
missing rates, the contributions and expenditure documents, and what a donor may see."""

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from funding.contributions import contributions
from funding.documents import contributions_docx, contributions_xlsx
from funding.models import ExchangeRate, Expenditure, Payment, Pledge
from funding.money import MissingRate, to_dollars
from projects.models import Donor, Project
from states.models import State

pytestmark = pytest.mark.django_db
D = datetime.date
REPORT_2004 = [
    ("AUS", "1025674", False),
    ("GBR", "478000", True),
    ("ITA", "469366", False),
    ("ITA", "306272", True),
    ("FRA", "247578", False),
    ("USA", "230000", False),
    ("DEU", "162690", False),
    ("ESP", "156576", False),
    ("DEU", "50000", True),
    ("CAN", "47071", False),
    ("TUR", "25000", False),
    ("NLD", "4720", False),
]


def table_2004(**kwargs):
    return contributions(D(2004, 1, 1), D(2004, 12, 31), **kwargs)


def test_the_2004_table_reproduces_the_reports_rows_and_pledge_markers():
    table = table_2004()
    rows = [(row.donor.state.iso3, str(row.total), row.pledged_only) for row in table.rows]
    assert rows == REPORT_2004
    assert all(row.citations == [f"a-59-187 para. 19, row {n}"] for n, row in enumerate(table.rows, 1))


def test_the_2004_total_is_the_sum_of_the_records_and_the_printed_total_is_a_note():
    table = table_2004()
    assert table.total == Decimal("3202947")
    assert len(table.notes) == 1
    assert "3,203,048" in table.notes[0] and "3,202,947" in table.notes[0] and "101" in table.notes[0]


def test_the_2004_table_in_chinese_names_the_donors_as_the_report_does():
    with translation.override("zh-hans"):
        names = [row.name() for row in table_2004().rows]
    assert names[:3] == ["澳大利亚", "大不列颠及北爱尔兰联合王国", "意大利"]


def test_a_table_holding_part_of_a_source_carries_no_note_on_its_total():
    table = contributions(D(2004, 1, 1), D(2004, 12, 31), donor_id=Donor.objects.get(state__iso3="ITA").id)
    assert [str(row.total) for row in table.rows] == ["469366", "306272"]
    assert table.total == Decimal("775638") and table.notes == []


@pytest.fixture
def norway():
    return Donor.objects.create(
        name="Norway (test record)", kind="state", state=State.objects.get(iso3="NOR")
    )


def test_a_payment_in_another_currency_is_converted_at_the_rate_of_its_day(norway):
    ExchangeRate.objects.create(
        currency="NOK", date=D(2025, 1, 1), units_per_usd=Decimal("11.20"), source="test"
    )
    ExchangeRate.objects.create(
        currency="NOK", date=D(2025, 2, 1), units_per_usd=Decimal("10.00"), source="test"
    )
    ExchangeRate.objects.create(
        currency="NOK", date=D(2025, 3, 1), units_per_usd=Decimal("12.50"), source="test"
    )
    payment = Payment.objects.create(
        donor=norway, date=D(2025, 2, 14), amount=Decimal("1000000"), currency="NOK"
    )
    # The February rate, not January's before it nor March's after it.
    assert payment.amount_usd == Decimal("100000.00")
    assert payment.rate.date == D(2025, 2, 1)
    row = contributions(D(2025, 1, 1), D(2025, 12, 31), donor_id=norway.id).rows[0]
    assert row.total == Decimal("100000")


def test_reports_round_to_the_dollar_half_up_and_the_total_is_the_sum_of_rounded_rows(norway):
    assert to_dollars(Decimal("2.50")) == 3 and to_dollars(Decimal("3.50")) == 4  # not banker's rounding
    assert to_dollars(Decimal("2.49")) == 2
    ExchangeRate.objects.create(
        currency="EUR", date=D(2025, 1, 1), units_per_usd=Decimal("0.8"), source="test"
    )
    Payment.objects.create(
        donor=norway, date=D(2025, 5, 1), amount=Decimal("2.00"), currency="EUR"
    )  # 2.50 USD
    japan = Donor.objects.create(
        name="Japan (test record)", kind="state", state=State.objects.get(iso3="JPN")
    )
    Payment.objects.create(
        donor=japan, date=D(2025, 5, 1), amount=Decimal("1.20"), currency="EUR"
    )  # 1.50 USD
    table = contributions(D(2025, 1, 1), D(2025, 12, 31))
    assert [row.total for row in table.rows] == [3, 2]
    assert table.total == 5  # 2.50 + 1.50 = 4.00 unrounded: the table adds up as printed


def test_a_missing_rate_is_refused_naming_the_currency_and_day_and_nothing_is_written(norway):
    ExchangeRate.objects.create(
        currency="CHF", date=D(2025, 6, 1), units_per_usd=Decimal("0.9"), source="test"
    )
    before = (Payment.objects.count(), Pledge.objects.count(), Payment.history.count())
    with pytest.raises(MissingRate) as refused:
        Payment.objects.create(donor=norway, date=D(2025, 5, 31), amount=Decimal("10"), currency="CHF")
    assert "CHF" in str(refused.value) and "2025-05-31" in str(refused.value)
    with pytest.raises(MissingRate):
        Pledge.objects.create(donor=norway, date=D(2025, 5, 1), amount=Decimal("10"), currency="JPY")
    assert (Payment.objects.count(), Pledge.objects.count(), Payment.history.count()) == before
    pledge = Pledge(donor=norway, date=D(2025, 5, 1), amount=Decimal("10"), currency="JPY")
    with pytest.raises(ValidationError) as invalid:
        pledge.full_clean()
    assert "JPY" in str(invalid.value.message_dict["currency"])


def test_a_currency_must_be_an_iso_4217_code(norway):
    with pytest.raises(ValidationError) as invalid:
        Pledge(donor=norway, date=D(2025, 5, 1), amount=Decimal("10"), currency="XYZ").full_clean()
    assert "currency" in invalid.value.message_dict


def test_an_expenditure_in_another_currency_is_kept_with_its_rate():
    project = Project.objects.create(
        code="T-F01", title="Test project", starts_on=D(2025, 1, 1), ends_on=D(2026, 12, 31)
    )
    ExchangeRate.objects.create(
        currency="EUR", date=D(2025, 1, 1), units_per_usd=Decimal("0.925"), source="test"
    )
    spent = Expenditure.objects.create(
        project=project, date=D(2025, 3, 3), amount=Decimal("1000"), currency="EUR", kind="spent"
    )
    assert spent.amount_usd == Decimal("1081.08")  # 1000 / 0.925 = 1081.081…


# The contributions table as a page, DOCX, XLSX, command and API.

PAGE_2004 = "/funding/contributions/?from=2004-01-01&to=2004-12-31"


def test_the_public_page_prints_the_2004_table_with_markers_total_note_and_source(client):
    page = client.get(PAGE_2004).content.decode()
    assert page.index("1,025,674") < page.index("478,000") < page.index("4,720")
    assert page.count('class="pledge-mark"') == 3
    assert "3,202,947" in page and "prints a total of US$ 3,203,048" in page
    assert "combating terrorism: report of the Secretary-General (A/59/187)" in page
    assert "contributions_2004.csv" not in page and "seeds" not in page


def test_the_page_in_arabic_is_right_to_left_and_names_donors_in_arabic(client):
    page = client.get("/ar" + PAGE_2004).content.decode()
    assert 'dir="rtl"' in page and "أستراليا" in page


def test_a_bad_period_is_refused_with_a_clear_message(client):
    response = client.get("/funding/contributions/?from=2004-13-01&to=2004-12-31")
    assert response.status_code == 400 and "2004-13-01 is not a date" in response.content.decode()


def docx_text(content: bytes) -> tuple[str, object]:
    document = Document(io.BytesIO(content))
    table = document.tables[0]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    return "\n".join(p.text for p in document.paragraphs), cells, document


@pytest.mark.parametrize(
    "language, australia, donor_label",
    [("en", "Australia", "Donor"), ("zh", "澳大利亚", "捐助方"), ("ar", "أستراليا", "جهة مانحة")],
)
def test_the_docx_reads_back_in_each_language(language, australia, donor_label):
    text, cells, document = docx_text(contributions_docx(table_2004(), language))
    assert (cells[1][0], cells[1][1]) == (australia, "1,025,674")
    assert cells[2][0].endswith(" a")  # the United Kingdom's pledge carries the marker
    assert cells[0][0] == donor_label
    assert cells[-1][1] == "3,202,947"
    assert len(cells) == 14  # header, twelve rows, total
    assert "3,203,048" in text and "3,202,947" in text
    if language == "ar":
        assert document.tables[0]._tbl.tblPr.find(qn("w:bidiVisual")) is not None


@pytest.mark.parametrize("language, australia", [("en", "Australia"), ("zh", "澳大利亚"), ("ar", "أستراليا")])
def test_the_xlsx_reads_back_in_each_language(language, australia):
    sheet = load_workbook(io.BytesIO(contributions_xlsx(table_2004(), language))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][:3] == (australia, 1025674, None) or rows[2][:3] == (australia, 1025674, "")
    assert [row[2] for row in rows[2:14]].count("a") == 3
    assert rows[14][1] == 3202947
    assert sheet.sheet_view.rightToLeft is (language == "ar")


def test_the_contributions_command_writes_json_and_files(tmp_path):
    out = io.StringIO()
    call_command("contributions", "--from", "2004-01-01", "--to", "2004-12-31", stdout=out)
    data = json.loads(out.getvalue())
    assert data["total_usd"] == "3202947" and len(data["rows"]) == 12
    assert [row["pledged_only"] for row in data["rows"]].count(True) == 3
    target = tmp_path / "c.xlsx"
    call_command(
        "contributions",
        "--from",
        "2004-01-01",
        "--to",
        "2004-12-31",
        "--format",
        "xlsx",
        "--language",
        "zh",
        "--out",
        str(target),
    )
    assert load_workbook(target).active.cell(3, 1).value == "澳大利亚"
    with pytest.raises(CommandError, match="is before"):
        call_command("contributions", "--from", "2005-01-01", "--to", "2004-12-31")


def test_the_api_gives_the_2004_table(client):
    data = client.get("/api/v1/contributions?from=2004-01-01&to=2004-12-31").json()
    assert data["from"] == "2004-01-01" and data["total_usd"] == "3202947"
    assert [(row["state"], row["total_usd"], row["pledged_only"]) for row in data["rows"]] == [
        (iso3, amount, pledged) for iso3, amount, pledged in REPORT_2004
    ]
    assert "3,203,048" in data["notes"][0]


# What a donor sees: its own contributions, projects, activities, participants and outcomes.


@pytest.fixture
def two_donors():
    from accounts.models import Role
    from assistance.models import Activity
    from tests.conftest import make_user

    japan = Donor.objects.create(
        name="Japan (test record)", kind="state", state=State.objects.get(iso3="JPN")
    )
    norway = Donor.objects.create(
        name="Norway (test record)", kind="state", state=State.objects.get(iso3="NOR")
    )
    japan_user, norway_user = make_user("donor-jpn", Role.DONOR), make_user("donor-nor", Role.DONOR)
    japan.representatives.add(japan_user)
    norway.representatives.add(norway_user)
    projects = {}
    for donor, code in ((japan, "JPN-T1"), (norway, "NOR-T1")):
        project = Project.objects.create(
            code=code, title=f"{code} project (test record)", starts_on=D(2024, 1, 1), ends_on=D(2025, 12, 31)
        )
        project.donors.add(donor)
        pledge = Pledge.objects.create(
            donor=donor, date=D(2024, 3, 1), amount=Decimal("700000"), project=project
        )
        Payment.objects.create(donor=donor, pledge=pledge, date=D(2024, 6, 1), amount=Decimal("400000"))
        Expenditure.objects.create(
            project=project, date=D(2024, 9, 1), amount=Decimal("100000"), kind="spent"
        )
        Expenditure.objects.create(
            project=project, date=D(2025, 2, 1), amount=Decimal("50000"), kind="committed"
        )
        Activity.objects.create(
            title=f"{code} workshop (test record)",
            kind="national-workshop",
            starts_on=D(2024, 10, 1),
            ends_on=D(2024, 10, 3),
            project=project,
        )
        projects[code] = project
    return {
        "japan": japan,
        "norway": norway,
        "japan_user": japan_user,
        "norway_user": norway_user,
        **projects,
    }


def test_a_donor_sees_its_own_contributions_and_not_another_donors(client, two_donors):
    client.force_login(two_donors["japan_user"])
    page = client.get("/funding/contributions/?from=2024-01-01&to=2024-12-31").content.decode()
    assert "Japan" in page and "Norway" not in page
    data = client.get("/api/v1/contributions?from=2024-01-01&to=2024-12-31").json()
    assert [row["state"] for row in data["rows"]] == ["JPN", "JPN"]  # paid 400,000; pledged, not paid 300,000
    assert [row["total_usd"] for row in data["rows"]] == ["400000", "300000"]
    norway = two_donors["norway"].id
    assert (
        client.get(f"/api/v1/contributions?from=2024-01-01&to=2024-12-31&donor={norway}").status_code == 404
    )
    assert client.get(f"/funding/donors/{norway}/").status_code == 404
    assert client.get(f"/projects/{two_donors['NOR-T1'].id}/").status_code == 404
    own = client.get(f"/funding/donors/{two_donors['japan'].id}/").content.decode()
    assert "JPN-T1 workshop (test record)" in own and "NOR-T1" not in own


def test_the_public_sees_published_contributions_only(client, two_donors):
    data = client.get("/api/v1/contributions?from=2024-01-01&to=2024-12-31").json()
    assert data["rows"] == [] and data["total_usd"] == "0"
    assert client.get(f"/funding/donors/{two_donors['japan'].id}/").status_code == 404
    assert client.get("/funding/expenditure/?biennium=2024-2025").status_code == 404
    assert client.get("/api/v1/expenditure?biennium=2024-2025").status_code == 404


def test_the_biennium_for_staff_and_for_a_donor(client, staff_user, two_donors):
    client.force_login(staff_user)
    data = client.get("/api/v1/expenditure?biennium=2024-2025").json()
    by_project = {line["project"]: line for line in data["projects"]}
    assert by_project["NOR-T1"] == {
        "project": "NOR-T1",
        "title": "NOR-T1 project (test record)",
        "received_usd": "400000",
        "spent_usd": "100000",
        "committed_usd": "50000",
        "left_usd": "250000",
    }
    assert client.get("/api/v1/expenditure?biennium=2024-2026").status_code == 400
    sheet = load_workbook(
        io.BytesIO(client.get("/funding/expenditure/?biennium=2024-2025&format=xlsx").content)
    ).worksheets[1]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["JPN-T1", "NOR-T1"]
    client.force_login(two_donors["norway_user"])
    data = client.get("/api/v1/expenditure?biennium=2024-2025").json()
    assert [line["project"] for line in data["projects"]] == ["NOR-T1"]
    assert [line["donor_id"] for line in data["donors"]] == [two_donors["norway"].id]
    page = client.get("/funding/expenditure/?biennium=2024-2025").content.decode()
    assert "NOR-T1" in page and "JPN-T1" not in page


def test_the_expenditure_command(two_donors):
    out = io.StringIO()
    call_command("expenditure", "--biennium", "2024-2025", stdout=out)
    data = json.loads(out.getvalue())
    assert {line["donor_id"]: line["left_usd"] for line in data["donors"]} == {
        two_donors["japan"].id: "250000",
        two_donors["norway"].id: "250000",
    }
    with pytest.raises(CommandError, match="not a biennium"):
        call_command("expenditure", "--biennium", "2004")


def test_demo_data_generates_labelled_funding_records_and_clear_removes_them():
    call_command("demo_data", "--activities", "80", "--today", "2026-03-15", stdout=io.StringIO())
    for model in (Pledge, Payment, Expenditure, ExchangeRate):
        assert model.objects.filter(demonstration=True).exists(), model
    assert not Payment.objects.filter(demonstration=True).exclude(note__contains="(demonstration)").exists()
    # Generated rates convert generated records only; the public table never shows them.
    assert not Payment.objects.filter(demonstration=True, source__gt="").exists()
    assert contributions(D(2002, 1, 1), D(2030, 12, 31), user=None).rows  # staff's view has them
    call_command("demo_data", "--clear", stdout=io.StringIO())
    for model in (Pledge, Payment, Expenditure, ExchangeRate):
        assert not model.objects.filter(demonstration=True).exists(), model
    assert table_2004().total == Decimal("3202947")  # the shipped records stay


def test_staff_keep_the_records_in_the_admin_and_a_missing_rate_is_refused_there(client, staff_user, norway):
    client.force_login(staff_user)
    for model in ("pledge", "payment", "exchangerate", "expenditure", "printedtotal"):
        assert client.get(f"/admin/funding/{model}/").status_code == 200, model
    response = client.post(
        "/admin/funding/payment/add/",
        {
            "donor": norway.id,
            "date": "2025-05-31",
            "date_precision": "day",
            "amount": "10",
            "currency": "CHF",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "No exchange rate to US dollars for CHF on or before 2025-05-31" in response.content.decode()
    assert not Payment.objects.filter(donor=norway).exists()
    history = client.get(f"/admin/funding/payment/{Payment.objects.first().id}/history/")
    assert history.status_code == 200


def test_the_menu_leads_everyone_to_the_contributions_and_staff_and_donors_to_the_biennium(
    client, two_donors
):
    public = client.get("/").content.decode()
    assert 'href="/funding/contributions/"' in public and 'href="/funding/expenditure/"' not in public
    client.force_login(two_donors["japan_user"])
    assert 'href="/funding/expenditure/"' in client.get("/").content.decode()
