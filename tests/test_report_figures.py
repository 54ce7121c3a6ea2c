"""The figures of a report, each against records built here where the right number is known.

The reference data (loaded for every test) holds the 2004 records; the fixtures here are
dated in 2031–2033 so that nothing else falls in their periods."""

from datetime import date as D
from decimal import Decimal

import pytest

from assistance.models import Activity, AssistanceRequest, ParticipantCount
from funding.models import Payment, Pledge
from projects.models import Donor
from reports.figures import compute
from states.models import State

pytestmark = pytest.mark.django_db

START, END = D(2032, 1, 1), D(2032, 12, 31)


def state(iso3):
    return State.objects.get(iso3=iso3)


def activity(title, starts, ends, kind="legislative-advice", host=None, states=(), **fields):
    item = Activity.objects.create(
        title=title,
        kind=kind,
        starts_on=starts,
        ends_on=ends,
        host_state=state(host) if host else None,
        status=fields.pop("status", "completed"),
        **fields,
    )
    item.participating_states.set(State.objects.filter(iso3__in=states))
    return item


def request_of(iso3, confidential):
    return AssistanceRequest.objects.create(
        state=state(iso3), received_on=D(2031, 6, 1), needs="test record", confidential=confidential
    )


def figure(key, start=START, end=END, **options):
    return compute("99/999", start, end, **options).get(key)


def keys(refs):
    return [ref.pk for ref in refs]


# States that received direct assistance ---------------------------------------------


def test_states_assisted_counts_distinct_host_states_of_direct_assistance_in_the_period():
    a = activity("advice to Kenya", D(2032, 3, 1), D(2032, 3, 5), host="KEN")
    b = activity(
        "drafting workshop in Kenya", D(2032, 5, 1), D(2032, 5, 2), kind="drafting-workshop", host="KEN"
    )
    c = activity("mission to Peru", D(2031, 12, 20), D(2032, 1, 1), kind="expert-mission", host="PER")
    activity(
        "mission to Chad, the day before", D(2031, 12, 1), D(2031, 12, 31), kind="expert-mission", host="TCD"
    )
    activity(
        "mission to Mali, the day after", D(2033, 1, 1), D(2033, 1, 3), kind="expert-mission", host="MLI"
    )
    activity("cancelled advice to Niger", D(2032, 3, 1), D(2032, 3, 5), host="NER", status="cancelled")
    activity("regional seminar in Fiji", D(2032, 3, 1), D(2032, 3, 5), kind="regional-seminar", host="FJI")
    activity("training course in Togo", D(2032, 3, 1), D(2032, 3, 5), kind="training-course", host="TGO")
    activity("advice, demonstration", D(2032, 3, 1), D(2032, 3, 5), host="BEN", demonstration=True)
    found = figure("states-assisted", language="en")
    assert found.value == 2
    assert keys(found.records) == ["KEN", "PER"]
    assert [row.cells for row in found.table.rows] == [["Kenya", 2], ["Peru", 1]]
    assert keys(found.table.rows[0].records) == [a.pk, b.pk]
    assert keys(found.table.rows[1].records) == [c.pk]
    assert found.records[0].url == "/states/KEN/" or found.records[0].url.endswith("/states/KEN/")


def test_states_assisted_names_and_sorts_states_in_the_readers_language():
    activity("advice to Chad", D(2032, 3, 1), D(2032, 3, 5), host="TCD")
    activity("advice to Algeria", D(2032, 3, 1), D(2032, 3, 5), host="DZA")
    found = figure("states-assisted", language="fr")
    assert [row.cells[0] for row in found.table.rows] == ["Algérie", "Tchad"]


def test_demonstration_activities_count_only_when_asked():
    activity("advice, demonstration", D(2032, 3, 1), D(2032, 3, 5), host="BEN", demonstration=True)
    assert figure("states-assisted").value == 0
    assert figure("states-assisted", demonstration=True).value == 1


def test_an_activity_answering_only_confidential_requests_is_left_out_of_a_public_report():
    secret = activity("advice to Ghana", D(2032, 3, 1), D(2032, 3, 5), host="GHA")
    secret.requests.set([request_of("GHA", confidential=True)])
    public = activity("advice to Nepal", D(2032, 3, 1), D(2032, 3, 5), host="NPL")
    public.requests.set([request_of("NPL", confidential=False), request_of("NPL", confidential=True)])
    assert keys(figure("states-assisted").records) == ["NPL"]
    assert keys(figure("states-assisted", internal=True).records) == ["GHA", "NPL"]


# Contributions ----------------------------------------------------------------------


@pytest.fixture
def donors():
    japan = Donor.objects.create(name="Japan (test record)", kind="state", state=state("JPN"))
    fund = Donor.objects.create(name="A fund (test record)", kind="other")
    return japan, fund


def test_contributions_are_the_funding_table_with_pledges_marked_and_the_records_behind_each_row(donors):
    japan, fund = donors
    paid = Payment.objects.create(
        donor=japan, date=D(2032, 2, 1), amount=Decimal("1000.40"), source="test-source p. 1"
    )
    pledge = Pledge.objects.create(
        donor=japan, date=D(2032, 4, 1), amount=Decimal("500"), source="test-source p. 1"
    )
    Payment.objects.create(donor=japan, date=D(2031, 12, 31), amount=Decimal("7"), source="test-source p. 1")
    unpublished = Payment.objects.create(donor=fund, date=D(2032, 2, 1), amount=Decimal("300"))
    found = figure("contributions", language="en")
    assert found.unit == "USD"
    assert found.value == Decimal("1500")
    assert [row.cells for row in found.table.rows] == [
        ["Japan", Decimal("1000"), ""],
        ["Japan", Decimal("500"), "pledged, not yet paid"],
    ]
    assert [(r.model, r.pk) for r in found.table.rows[0].records] == [("funding.payment", paid.pk)]
    assert [(r.model, r.pk) for r in found.table.rows[1].records] == [("funding.pledge", pledge.pk)]
    internal = figure("contributions", internal=True)
    assert internal.value == Decimal("1800")
    assert unpublished.pk in keys(internal.records)


# Officials trained -------------------------------------------------------------------


def test_officials_trained_sums_the_counts_by_region_role_and_gender_with_states_not_recorded():
    seminar = activity(
        "seminar", D(2032, 5, 1), D(2032, 5, 3), kind="regional-seminar", states=["KEN", "PER"]
    )
    ParticipantCount.objects.create(
        activity=seminar, state=state("KEN"), role="judge", gender="women", count=7
    )
    ParticipantCount.objects.create(activity=seminar, state=state("PER"), role="judge", gender="men", count=5)
    ParticipantCount.objects.create(
        activity=seminar, state=None, role="police", gender="not-stated", count=20
    )
    before = activity("before", D(2031, 12, 1), D(2031, 12, 31), host="KEN")
    ParticipantCount.objects.create(
        activity=before, state=state("KEN"), role="judge", gender="women", count=100
    )
    demo = activity("demo", D(2032, 5, 1), D(2032, 5, 3), host="KEN", demonstration=True)
    ParticipantCount.objects.create(
        activity=demo, state=state("KEN"), role="judge", gender="women", count=1000
    )
    found = figure("officials-trained", language="en")
    assert found.value == 32
    cells = [row.cells for row in found.table.rows]
    assert ["Region", "Africa", 7] in cells
    assert ["Region", "Americas", 5] in cells
    assert cells.index(["Region", "state not recorded", 20]) == 2  # after the named regions
    assert ["Professional role", "judge", 12] in cells and ["Professional role", "police", 20] in cells
    assert ["Gender", "women", 7] in cells and ["Gender", "not stated", 20] in cells
    assert keys(found.records) == [seminar.pk]
    assert figure("officials-trained", demonstration=True).value == 1032


# Activities by kind and region, workshops ------------------------------------------------


def test_activities_by_kind_and_region_place_activities_without_host_by_their_states():
    activity("advice to Kenya", D(2032, 3, 1), D(2032, 3, 5), host="KEN")
    activity("African seminar", D(2032, 3, 1), D(2032, 3, 5), kind="regional-seminar", states=["GHA", "TGO"])
    activity(
        "interregional seminar", D(2032, 3, 1), D(2032, 3, 5), kind="regional-seminar", states=["GHA", "PER"]
    )
    found = figure("activities", language="en")
    assert found.value == 3
    cells = [row.cells for row in found.table.rows]
    assert ["Kind", "legislative advice", 1] in cells
    assert ["Kind", "regional seminar", 2] in cells
    assert ["Region", "Africa", 2] in cells
    assert cells[-1] == ["Region", "several regions", 1]


def test_workshops_list_regional_and_subregional_activities_with_their_states():
    seminar = activity(
        "seminar in Mali",
        D(2032, 3, 1),
        D(2032, 3, 5),
        kind="subregional-seminar",
        host="MLI",
        states=["TGO", "BEN", "MLI"],
        place="Bamako",
    )
    activity("advice to Kenya", D(2032, 3, 1), D(2032, 3, 5), host="KEN")
    found = figure("workshops", language="en")
    assert found.value == 1
    (row,) = found.table.rows
    assert row.cells[0] == "seminar in Mali" and row.cells[2] == "Bamako" and row.cells[4] == 3
    assert row.cells[5] == "Benin, Mali, Togo"
    assert [r.pk for r in row.records] == [seminar.pk, "BEN", "MLI", "TGO"]


# New adherences and the 24 months before ----------------------------------------------


@pytest.fixture
def status_list():
    from participation.models import StatusSource

    return StatusSource.objects.create(
        name="Test status list (test record)", citation="test", as_at=D(2033, 6, 30)
    )


def deposit(iso3, instrument, on, source, kind="ratification"):
    from participation.models import TreatyAction

    return TreatyAction.objects.create(
        state=state(iso3), instrument=instrument, kind=kind, date=on, source=source
    )


def test_adherences_count_consents_in_the_period_and_those_assisted_within_24_months_at_both_edges(
    status_list,
):
    from instruments.models import Instrument

    instrument = Instrument.objects.get(slug="nuclear-terrorism-2005")
    adhered = D(2032, 6, 15)
    # Ends exactly 24 months before: inside. Ends the day before that: outside.
    activity("advice, ends on the edge", D(2030, 1, 1), D(2030, 6, 15), host="KIR")
    activity("advice, ends the day before", D(2030, 1, 1), D(2030, 6, 14), host="TUV")
    # Starts on the adherence date: inside. Starts the day after: outside.
    activity("advice, starts that day", D(2032, 6, 15), D(2032, 6, 20), host="NRU")
    activity("advice, starts the day after", D(2032, 6, 16), D(2032, 6, 20), host="PLW")
    # A seminar is not direct assistance.
    activity("seminar", D(2032, 1, 1), D(2032, 1, 2), kind="regional-seminar", host="TON", states=["TON"])
    for iso3 in ("KIR", "TUV", "NRU", "PLW", "TON"):
        deposit(iso3, instrument, adhered, status_list)
    deposit("FJI", instrument, D(2031, 12, 31), status_list, kind="accession")  # the day before the period
    deposit("WSM", instrument, D(2032, 2, 1), status_list, kind="signature")  # not a consent
    overall = figure("adherences")
    row = next(row for row in overall.table.rows if row.records[0].pk == "nuclear-terrorism-2005")
    assert row.cells[1:3] == [5, 2]
    assert row.cells[3] == "status list as at 2033-06-30"
    after = figure("adherences-after-assistance")
    assert sorted(ref.label.split(":")[0] for ref in after.records) == ["Kiribati", "Nauru"]


def test_adherences_after_the_status_lists_date_are_not_counted_and_the_row_says_so(status_list):
    from instruments.models import Instrument
    from participation.models import StatusSource

    instrument = Instrument.objects.get(slug="nuclear-terrorism-2005")
    older = StatusSource.objects.create(
        name="Older list (test record)", citation="test", as_at=D(2032, 6, 30)
    )
    status_list.delete()
    deposit("KIR", instrument, D(2032, 3, 1), older)
    deposit("TUV", instrument, D(2032, 8, 1), older)  # after the list's date
    found = figure("adherences")
    row = next(row for row in found.table.rows if row.records[0].pk == "nuclear-terrorism-2005")
    assert row.cells[1] == 1
    assert row.cells[3] == "status list as at 2032-06-30: later actions are not recorded"
    assert "not recorded" in found.note


def test_outstanding_counts_states_not_party_per_region_as_at_the_end(status_list):
    from instruments.models import Instrument

    instrument = Instrument.objects.get(slug="nuclear-terrorism-2005")
    deposit("KIR", instrument, D(2031, 1, 1), status_list)  # the list's newest date moves to 2033

    def row_of(found):
        return next(row for row in found.table.rows if row.records[0].pk == "nuclear-terrorism-2005")

    found = figure("outstanding", language="en")
    oceania = found.table.columns.index("Oceania")
    before = row_of(found)
    assert before.cells[-1] == "2032-12-31"
    assert "TUV" in [ref.pk for ref in before.records]
    deposit("TUV", instrument, D(2032, 12, 31), status_list)
    after = row_of(figure("outstanding", language="en"))
    assert after.cells[oceania] == before.cells[oceania] - 1
    assert "TUV" not in [ref.pk for ref in after.records]
    deposit("WSM", instrument, D(2033, 1, 1), status_list)  # after the end: still outstanding
    assert row_of(figure("outstanding", language="en")).cells[oceania] == after.cells[oceania]


# Ratified after drafting assistance ---------------------------------------------------------


def test_ratified_after_drafting_counts_confirmed_ratification_outcomes_dated_in_the_period(status_list):
    from instruments.models import Instrument
    from outcomes.models import Outcome

    instrument = Instrument.objects.get(slug="nuclear-terrorism-2005")
    advice = activity("advice to Kiribati", D(2031, 1, 1), D(2031, 2, 1), host="KIR")
    seminar = activity("seminar", D(2031, 1, 1), D(2031, 2, 1), kind="regional-seminar", states=["NRU"])
    demo = activity("demo advice", D(2031, 1, 1), D(2031, 2, 1), host="PLW", demonstration=True)

    def outcome(iso3, on, activity=None, status="confirmed", reported=False):
        action = None if reported else deposit(iso3, instrument, on, status_list)
        return Outcome.objects.create(
            activity=activity,
            state=state(iso3),
            kind="ratification",
            treaty_action=action,
            status=status,
            reported_on=on if reported else None,
            source="test" if reported else "",
        )

    counted = outcome("KIR", D(2032, 1, 1), advice)  # the first day of the period
    outcome("NRU", D(2032, 3, 1), seminar)  # a seminar is not drafting assistance
    outcome("PLW", D(2032, 3, 1), demo)  # demonstration
    outcome("TUV", D(2032, 3, 1), advice, status="proposed")
    outcome("TON", D(2031, 12, 31), advice)  # the day before the period
    reported = outcome("FJI", D(2032, 7, 22), reported=True)  # a source reports it, no deposit named
    found = figure("ratified-after-drafting", language="en")
    assert found.value == 2
    assert keys(found.records) == ["FJI", "KIR"]
    assert [r.pk for row in found.table.rows for r in row.records] == [reported.pk, counted.pk]
    assert figure("ratified-after-drafting", demonstration=True).value == 3


# Questionnaire replies ------------------------------------------------------------------------


def test_replies_count_states_and_territories_apart_from_organizations_published_only_in_public():
    from surveys.models import Questionnaire, Reply

    asked = Questionnaire.objects.create(
        code="test-99-999", resolution="99/999", replies_as_at=D(2032, 7, 29)
    )
    other = Questionnaire.objects.create(code="test-other", resolution="98/998", replies_as_at=D(2032, 7, 29))

    def reply(questionnaire=asked, kind="state", iso3=None, name="", on=None, **fields):
        return Reply.objects.create(
            questionnaire=questionnaire,
            respondent_kind=kind,
            state=state(iso3) if iso3 else None,
            respondent_name=name,
            received_on=on,
            status=fields.pop("status", "submitted"),
            published=fields.pop("published", True),
            **fields,
        )

    reply(iso3="KEN", on=D(2032, 1, 1))
    reply(iso3="PER")  # no date of receipt: counted as at the questionnaire's date
    reply(kind="territory", iso3="GBR", name="Guernsey")
    reply(kind="organization", name="League of Arab States", on=D(2032, 12, 31))
    reply(iso3="GHA", on=D(2032, 2, 1), published=False)
    reply(iso3="TGO", on=D(2032, 2, 1), status="draft")
    reply(iso3="MLI", on=D(2031, 12, 31))  # the day before the period
    reply(iso3="BEN", on=D(2032, 2, 1), demonstration=True)
    reply(questionnaire=other, iso3="NER", on=D(2032, 2, 1))
    found = figure("replies", language="en")
    assert found.value == 3
    assert [row.cells[0] for row in found.table.rows] == ["Guernsey", "Kenya", "Peru"]
    assert figure("replies-organizations").value == 1
    assert figure("replies", internal=True).value == 4
    assert figure("replies", internal=True, demonstration=True).value == 5


# Printed figures -----------------------------------------------------------------------------


def test_printed_figures_are_set_only_for_the_reports_own_resolution_and_period():
    from reports.figures.printed import printed_figures
    from sources.models import Source

    registered = set(Source.objects.values_list("key", flat=True))
    assert {item.printed.source for item in printed_figures()} <= registered
    exact = compute("58/136", D(2002, 10, 1), D(2004, 7, 31)).get("states-assisted")
    assert exact.printed.value == 43 and "note 3" in exact.printed.locator
    assert compute("58/136", D(2002, 10, 1), D(2004, 7, 30)).get("states-assisted").printed is None


def test_a_figure_that_differs_from_the_printed_one_says_both_in_its_note():
    from reports.figures import compare_with_printed
    from reports.figures.base import Figure, Printed

    found = Figure("states-assisted", "assistance", "States", value=42)
    compare_with_printed(found, Printed(43, "para. 10", "a-59-187"))
    assert found.differs_from_printed
    assert "43" in found.note and "42" in found.note
