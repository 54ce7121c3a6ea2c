"""The staff dashboard (docs/dashboard.md): each chart's numbers against records built here,
in its drawing and in its table; well-formed SVG with a title; labels in the reader's
language; user text escaped; staff only."""

import datetime
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from assessments.models import Finding, FindingStatus, Obligation, Review
from assistance.models import Activity, ParticipantCount
from funding.models import Payment, Pledge
from instruments.models import Instrument
from outcomes.models import Outcome
from participation.models import StatusSource, TreatyAction
from projects.models import Donor
from reports import dashboard
from reports.charts import Series, bar_chart
from states.models import State
from tests.conftest import make_activity, make_user

SVG = "{http://www.w3.org/2000/svg}"


def clean_slate():
    """Only the records a test builds: the shipped ones are set aside inside the test's transaction."""
    Outcome.objects.all().delete()
    Activity.objects.all().delete()
    Payment.objects.all().delete()
    Pledge.objects.all().delete()


def parsed(chart) -> ET.Element:
    return ET.fromstring(str(chart.svg()))


def texts(root: ET.Element) -> list[str]:
    """The words written on the drawing (each <text>'s own words, not its tooltip)."""
    return [(element.text or "").strip() for element in root.iter(f"{SVG}text")]


def table_row(chart, category: str) -> list[str]:
    return dict((row[0], row[1]) for row in chart.table())[category]


@pytest.fixture
def gendered(db):
    clean_slate()
    activity = make_activity("Workshop", datetime.date(2024, 3, 1), datetime.date(2024, 3, 2), host="FRA")
    france = State.objects.get(iso3="FRA")
    ParticipantCount.objects.create(activity=activity, state=france, role="judge", gender="women", count=3)
    ParticipantCount.objects.create(activity=activity, state=None, role="police", gender="men", count=2)
    return activity


def test_participants_by_gender_drawn_and_tabled(gendered):
    chart = dashboard.participants_by_gender()
    root = parsed(chart)
    assert root.find(f"{SVG}title").text == "Participants by gender"
    assert root.find(f"{SVG}desc").text.endswith("Total: 5.")
    assert table_row(chart, "women") == ["3"]
    assert table_row(chart, "men") == ["2"]
    assert table_row(chart, "not stated") == ["0"]
    # The values are written on the bars, as text.
    written = texts(root)
    assert "3" in written and "2" in written
    assert {"women", "men", "Gender", "Participants"} <= set(written)
    # The two counted without their state are said to be.
    assert any("2 of them are counted without the state" in note for note in chart.notes)


def test_a_cancelled_activity_is_not_counted(gendered):
    gendered.status = "cancelled"
    gendered.save()
    assert table_row(dashboard.participants_by_gender(), "women") == ["0"]


def test_activities_by_region_by_status(db):
    clean_slate()
    day = datetime.date(2024, 5, 1)
    make_activity("A", day, day, host="FRA")
    make_activity("B", day, day, host="DEU", status="completed")
    make_activity("C", day, day, host="KEN")
    make_activity("D", day, day, states=["KEN", "NGA"])
    chart = dashboard.activities_by_region()
    assert [series.label for series in chart.series] == ["planned", "ongoing", "completed"]
    assert table_row(chart, "Europe") == ["1", "0", "1"]
    assert table_row(chart, "Africa") == ["1", "0", "0"]
    assert table_row(chart, "No host state (held for several states)") == ["1", "0", "0"]
    totals = {row[0]: row[2] for row in chart.table()}
    assert totals["Europe"] == "2"
    assert "2" in texts(parsed(chart))


def test_adherences_per_year_up_to_the_lists_date(db):
    TreatyAction.objects.all().delete()
    source = StatusSource.objects.create(
        name="Test list, status", citation="test", as_at=datetime.date(2003, 12, 31)
    )
    instrument = Instrument.objects.get(slug="financing-1999")
    for iso3, kind, day in [
        ("FRA", "ratification", datetime.date(2001, 1, 7)),
        ("DEU", "accession", datetime.date(2001, 6, 1)),
        ("KEN", "signature", datetime.date(2002, 3, 1)),  # not a consent
        ("NGA", "ratification", datetime.date(2003, 3, 1)),
    ]:
        TreatyAction.objects.create(
            state=State.objects.get(iso3=iso3), instrument=instrument, kind=kind, date=day, source=source
        )
    chart = dashboard.adherences_by_year()
    assert chart.categories == ["2001", "2002", "2003"]
    assert [row[1] for row in chart.table()] == [["2"], ["0"], ["1"]]
    assert "Dec. 31, 2003" in chart.notes[0] and chart.sources == ["Test list, status"]
    assert "Test list" not in chart.notes[0]  # the list is cited, not named with its provenance
    root = parsed(chart)
    assert {"2001", "2003", "Year of deposit"} <= set(texts(root))


def test_contributions_per_year_in_dollars(db):
    clean_slate()
    donor = Donor.objects.create(name="Test donor")
    pledge = Pledge.objects.create(
        donor=donor, date=datetime.date(2030, 2, 1), amount=Decimal("12500"), currency="USD"
    )
    Payment.objects.create(
        donor=donor, pledge=pledge, date=datetime.date(2030, 6, 1), amount=Decimal("10000.40"), currency="USD"
    )
    Payment.objects.create(
        donor=donor, pledge=pledge, date=datetime.date(2031, 1, 5), amount=Decimal("2499.60"), currency="USD"
    )
    chart = dashboard.contributions_by_year()
    assert chart.categories == ["2030", "2031"]
    assert table_row(chart, "2030") == ["12,500", "10,000"]
    assert table_row(chart, "2031") == ["0", "2,500"]
    assert {"12,500", "10,000", "2,500"} <= set(texts(parsed(chart)))
    with translation.override("fr"):
        assert table_row(dashboard.contributions_by_year(), "2030")[0] == "12\u202f500"


def test_review_coverage_per_instrument(db):
    instrument = Instrument.objects.get(slug="financing-1999")
    obligations = list(Obligation.objects.filter(instrument=instrument)[:4])
    review = Review.objects.create(state=State.objects.get(iso3="FRA"), instrument=instrument)
    for obligation, status in zip(
        obligations,
        [FindingStatus.FULLY, FindingStatus.NOT, FindingStatus.NOT_ASSESSED, FindingStatus.NOT_ASSESSED],
        strict=True,
    ):
        Finding.objects.create(review=review, obligation=obligation, status=status)
    chart = dashboard.review_coverage()
    (row,) = chart.table()
    assert row[0].endswith("(1 review)")
    assert row[1] == ["50%", "25%"]


def test_labels_in_chinese(gendered):
    with translation.override("zh-hans"):
        chart = dashboard.participants_by_gender()
        written = texts(parsed(chart))
    assert "女性" in written and "男性" in written


def test_arabic_is_mirrored(gendered):
    with translation.override("ar"):
        root = parsed(dashboard.participants_by_gender())
    assert root.get("direction") == "rtl"
    labels = {e.text: float(e.get("x")) for e in root.iter(f"{SVG}text")}
    # The category labels stand on the right of the drawing.
    assert labels["نساء"] > 320


def test_a_hostile_label_is_escaped():
    name = 'Donor <script>alert("x")</script> & Co'
    chart = bar_chart("c", "Money", "Money by donor", [name], [Series("paid", [5])], "Donor", "US dollars")
    markup = str(chart.svg())
    assert "<script>" not in markup
    root = ET.fromstring(markup)  # well-formed
    assert any(e.text == name for e in root.iter())


def test_page_shows_every_chart_with_its_table(client, gendered):
    client.force_login(make_user("staff-d", Role.STAFF))
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    for title in [
        "New adherences per year",
        "Activities by region",
        "Participants by gender",
        "Coverage of the legislative reviews",
        "Contributions by year",
    ]:
        assert title in html
    assert html.count("<svg") >= 3 and html.count("<details>") >= 3
    for svg in re.findall(r"<svg .*?</svg>", html, re.S):
        assert ET.fromstring(svg).find(f"{SVG}title") is not None
    assert reverse("reports:dashboard") in html  # the menu links to it


def test_demonstration_records_said_and_left_out(client, db):
    clean_slate()
    day = datetime.date(2024, 5, 1)
    activity = make_activity("Demo", day, day, host="FRA", demonstration=True)
    ParticipantCount.objects.create(activity=activity, state=None, role="judge", gender="women", count=4)
    client.force_login(make_user("staff-d", Role.STAFF))
    html = client.get(reverse("reports:dashboard")).content.decode()
    assert "The figures include 1 demonstration record" in html
    assert "demonstration-banner" in html
    left_out = client.get(reverse("reports:dashboard") + "?demonstration=0").content.decode()
    assert "Demonstration records are left out." in left_out
    assert "No participant recorded." in left_out


def test_anonymous_readers_are_sent_to_log_in(client, db):
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("role,state", [(Role.FOCAL_POINT, "FRA"), (Role.DONOR, None), (Role.EXPERT, None)])
def test_other_roles_are_refused(client, db, role, state):
    client.force_login(make_user("someone", role, state))
    assert client.get(reverse("reports:dashboard")).status_code == 403
    assert reverse("reports:dashboard") not in client.get(reverse("home")).content.decode()
