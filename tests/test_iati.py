"""The IATI activity standard 2.03 export: validated against IATI's own schema, offline;
a broken activity is refused, naming the activity and the field, and nothing is written."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from assistance.models import Activity
from funding.iati import InvalidIati, build, export, schema
from funding.models import ExchangeRate, Expenditure, Payment, Pledge
from projects.models import Donor, Project
from states.models import Area, State

pytestmark = pytest.mark.django_db
D = datetime.date
REF = "XM-TEST-1"


@pytest.fixture
def sahel():
    norway = Donor.objects.create(
        name="Norway (test record)", kind="state", state=State.objects.get(iso3="NOR")
    )
    project = Project.objects.create(
        code="SAH-T01",
        title="Sahel criminal justice (test record)",
        starts_on=D(2025, 1, 1),
        ends_on=D(2027, 6, 30),
        budget=Decimal("1250000.00"),
        currency="EUR",
    )
    project.donors.add(norway)
    project.regions.add(Area.objects.get(code="011"), Area.objects.get(code="014"))
    workshop = Activity.objects.create(
        title="Training of prosecutors in Bamako (test record)",
        kind="training-course",
        starts_on=D(2026, 3, 2),
        ends_on=D(2026, 3, 6),
        status="completed",
        host_state=State.objects.get(iso3="MLI"),
        project=project,
    )
    workshop.participating_states.add(State.objects.get(iso3="NER"), State.objects.get(iso3="BFA"))
    ExchangeRate.objects.create(
        currency="EUR", date=D(2025, 1, 1), units_per_usd=Decimal("0.95"), source="test"
    )
    pledge = Pledge.objects.create(
        donor=norway, date=D(2025, 2, 1), amount=Decimal("500000"), currency="EUR", project=project
    )
    Payment.objects.create(
        donor=norway, pledge=pledge, date=D(2025, 4, 1), amount=Decimal("250000"), currency="EUR"
    )
    Expenditure.objects.create(
        project=project,
        activity=workshop,
        date=D(2026, 3, 6),
        amount=Decimal("42000"),
        currency="EUR",
        kind="spent",
    )
    Expenditure.objects.create(
        project=project, date=D(2026, 5, 1), amount=Decimal("80000"), currency="EUR", kind="committed"
    )
    return project


def test_the_export_validates_against_iatis_schema_and_carries_the_records(sahel):
    document = etree.fromstring(export(REF, Project.objects.filter(id=sahel.id)))
    assert schema().validate(etree.ElementTree(document))
    project, workshop = document.findall("iati-activity")
    assert project.findtext("iati-identifier") == "XM-TEST-1-SAH-T01"
    assert project.find("reporting-org").get("ref") == REF
    assert [r.get("code") for r in project.findall("recipient-region")] == ["011", "014"]
    assert [r.get("percentage") for r in project.findall("recipient-region")] == ["50.00", "50.00"]
    assert project.find("budget/value").text == "1250000.00"
    assert [t.get("code") for t in project.findall("transaction/transaction-type")] == ["11", "1", "2"]
    assert workshop.find("related-activity").get("ref") == "XM-TEST-1-SAH-T01"
    assert sorted(c.get("code") for c in workshop.findall("recipient-country")) == ["BF", "ML", "NE"]
    assert [t.get("code") for t in workshop.findall("transaction/transaction-type")] == ["4"]
    assert workshop.find("participating-org[@role='1']/narrative").text == "Norway (test record)"


def test_the_schema_is_read_offline_from_the_repository():
    # The shipped schema compiles with the network refused (no_network) and is IATI's: it
    # asks an activities file for at least one activity.
    checker = schema()
    assert not checker.validate(etree.ElementTree(etree.fromstring(b'<iati-activities version="2.03"/>')))
    assert "iati-activity" in str(checker.error_log.last_error.message)


def test_a_broken_activity_is_refused_naming_the_activity_and_the_field(sahel, tmp_path):
    Activity.objects.filter(project=sahel).update(title="")  # a workshop without a title
    with pytest.raises(InvalidIati) as refused:
        export(REF, Project.objects.filter(id=sahel.id))
    message = str(refused.value)
    assert f"activity XM-TEST-1-SAH-T01-A{sahel.activities.get().id}" in message
    assert "field title" in message and "narrative" in message
    target = tmp_path / "iati.xml"
    with pytest.raises(CommandError, match="Nothing written"):
        call_command("export_iati", "--reporting-org", REF, "--out", str(target))
    assert not target.exists()


def test_the_command_writes_the_document_and_refuses_without_a_reporting_organisation(
    sahel, tmp_path, monkeypatch
):
    monkeypatch.delenv("CTASSIST_IATI_REPORTING_ORG", raising=False)
    target = tmp_path / "iati.xml"
    call_command("export_iati", "--reporting-org", REF, "--out", str(target))
    assert etree.parse(str(target)).getroot().get("version") == "2.03"
    with pytest.raises(CommandError, match="does not invent one"):
        call_command("export_iati", "--reporting-org", " ", stdout=io.StringIO())


def test_an_activity_with_outcomes_reports_them_as_results(sahel):
    from outcomes.models import Outcome
    from participation.models import TreatyAction

    workshop = sahel.activities.get()
    action = TreatyAction.objects.filter(state__iso3="MLI").first()
    if action is None:
        pytest.skip("no treaty action of Mali in the shipped status lists")
    Outcome.objects.create(
        activity=workshop, state=action.state, kind="ratification", treaty_action=action, status="confirmed"
    )
    document = build(REF, Project.objects.filter(id=sahel.id))
    assert schema().validate(document)
    result = document.getroot().findall("iati-activity")[1].find("result")
    assert result.get("type") == "2" and result.find("indicator/period/actual").get("value") == "1"
