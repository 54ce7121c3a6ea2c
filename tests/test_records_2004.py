"""The facts of the Secretary-General's 2004 report (A/59/187, on resolution 58/136) as records:
what the shipped reference data hold after `ctassist load-reference`, read back as a user of
the pages and the API would see them."""

import datetime
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import Role
from assistance.models import Activity, ActivityKind, ParticipantCount
from outcomes.models import Outcome, OutcomeKind, OutcomeStatus
from reports.records_2004 import SOURCE_KEY
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

# Note 3, as printed (Chinese text), read to ISO3.
NOTE_3 = set(
    "AFG AGO ARM AZE BLR BEN BRA BDI KHM CPV CAF TCD COM HRV COD GEO GIN GNB HTI HUN JAM JOR KGZ LAO MDG MLI "
    "MUS MNG MOZ NER PRY PER COG ROU STP SVK SDN SUR TJK UKR TLS ARE VNM".split()
)
NOTE_2 = set("AZE BEN BFA COM HRV GEO JOR KGZ MDG MUS MOZ".split())


def from_report():
    return Activity.objects.filter(source=SOURCE_KEY)


def seminar(host: str) -> Activity:
    seminars = [ActivityKind.REGIONAL_SEMINAR, ActivityKind.SUBREGIONAL_SEMINAR]
    return from_report().get(host_state__iso3=host, kind__in=seminars)


def states_of(activity: Activity) -> set[str]:
    return set(activity.participating_states.values_list("iso3", flat=True))


def test_the_43_states_of_note_3_received_direct_legislative_assistance():
    advice = from_report().filter(kind=ActivityKind.LEGISLATIVE_ADVICE)
    assert advice.count() == 43
    assert set(advice.values_list("host_state__iso3", flat=True)) == NOTE_3
    for activity in advice:
        assert activity.source_locator == "para. 10, note 3"
        assert not activity.demonstration
        assert (activity.starts_on, activity.ends_on) == (
            datetime.date(2002, 10, 1),
            datetime.date(2004, 7, 23),
        )
        assert "gives no dates" in activity.source_note


def test_the_11_states_of_note_2_are_confirmed_ratifications_reported_by_the_secretariat():
    outcomes = Outcome.objects.filter(source=SOURCE_KEY)
    assert outcomes.count() == 11
    assert set(outcomes.values_list("state__iso3", flat=True)) == NOTE_2
    for outcome in outcomes.select_related("activity__host_state", "state"):
        assert outcome.kind == OutcomeKind.RATIFICATION
        assert outcome.status == OutcomeStatus.CONFIRMED
        assert outcome.treaty_action is None  # the report names no instrument: none is guessed
        assert outcome.reported_on == datetime.date(2004, 7, 22)
        assert outcome.source_locator == "para. 7, note 2"
        assert "2004 report" in outcome.reason
        if outcome.state.iso3 == "BFA":
            # Not among note 3's states: no activity is invented for it.
            assert outcome.activity is None
        else:
            assert outcome.activity.host_state == outcome.state
            assert outcome.activity.kind == ActivityKind.LEGISLATIVE_ADVICE


def test_the_seminars_of_para_11_with_their_participating_states():
    assert states_of(seminar("LTU")) == {"EST", "LVA", "LTU", "BLR", "RUS", "UKR"}
    costa_rica = seminar("CRI")
    assert states_of(costa_rica) == {"CRI", "SLV", "MEX", "NIC", "PAN", "PER"}
    assert "OAS/CICTE" in costa_rica.partners and "ILANUD" in costa_rica.partners
    mali = seminar("MLI")
    # Note 5 as printed, Cambodia included, with the reading flagged on the record.
    assert states_of(mali) == {
        "BEN",
        "COD",
        "GAB",
        "KHM",
        "GHA",
        "NER",
        "NGA",
        "COG",
        "RWA",
        "STP",
        "SEN",
        "SLE",
        "TGO",
    }
    assert "Cambodia" in mali.source_note and "Gambia" in mali.source_note
    united_kingdom = seminar("GBR")
    assert states_of(united_kingdom) == {"KAZ", "KGZ", "TJK", "TKM", "UZB", "BIH", "HRV", "SRB", "MKD"}
    assert "OSCE/ODIHR" in united_kingdom.partners
    assert "Serbia and Montenegro" in united_kingdom.source_note
    sudan = seminar("SDN")
    assert sudan.kind == ActivityKind.SUBREGIONAL_SEMINAR
    assert states_of(sudan) == {"DJI", "ERI", "ETH", "KEN", "SOM", "SDN", "UGA"}
    assert states_of(seminar("TUR")) == {"KAZ", "KGZ", "TJK", "TKM", "UZB", "ARM", "AZE", "GEO"}
    roving = from_report().get(kind=ActivityKind.ROVING_MISSION)
    assert roving.host_state is None
    assert states_of(roving) == {"AGO", "BRA", "CPV", "GNB", "MOZ", "PRT", "STP", "TLS"}
    assert "Macao" in roving.source_note  # a territory: named in the note, not a participating state
    for activity in (costa_rica, mali, sudan, roving):
        assert activity.held_without_request_reason


def test_the_500_officials_of_para_9_are_counted_with_no_state():
    officials = from_report().get(source_locator="para. 9")
    assert officials.kind == ActivityKind.TRAINING_COURSE
    (count,) = ParticipantCount.objects.filter(activity=officials)
    assert (count.state, count.role, count.gender, count.count) == (None, "other", "not-stated", 500)
    totals = from_report().participant_totals()
    assert totals.total == 500
    assert totals.state_not_recorded == 500
    assert not totals.by_state


def test_the_api_gives_the_count_without_a_state_and_the_source(client):
    client.force_login(make_user("staff-api", Role.STAFF))
    officials = from_report().get(source_locator="para. 9")
    response = client.get(
        "/api/v1/activities", {"kind": "training-course", "from": "2003-01-01", "to": "2004-07-31"}
    )
    assert response.status_code == 200
    (item,) = [a for a in response.json() if a["id"] == officials.id]
    assert item["participants"] == [{"state": None, "role": "other", "gender": "not-stated", "count": 500}]
    assert item["participant_totals"]["state_not_recorded"] == 500
    assert (item["source"], item["source_locator"]) == (SOURCE_KEY, "para. 9")
    outcomes = client.get("/api/v1/outcomes", {"state": "BFA"}).json()
    (burkina,) = [o for o in outcomes if o["source"] == SOURCE_KEY]
    assert burkina["activity"] is None and burkina["deposit"] is None
    assert burkina["reported_on"] == "2004-07-22"


def test_a_second_load_changes_nothing():
    before = Activity.history.count() + Outcome.history.count() + ParticipantCount.history.count()
    out = StringIO()
    call_command("load_reference", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert Activity.history.count() + Outcome.history.count() + ParticipantCount.history.count() == before


def corrupt(settings, tmp_path, name, transform):
    copy = tmp_path / "reference"
    shutil.copytree(settings.REFERENCE_DIR, copy)
    target = copy / "report_2004" / name
    target.write_text(transform(target.read_text(encoding="utf-8")), encoding="utf-8")
    settings.REFERENCE_DIR = copy


def test_a_bad_row_names_file_line_and_field_and_loads_nothing(settings, tmp_path):
    # An early row edited (it would load), a later one naming a state that does not exist.
    corrupt(
        settings,
        tmp_path,
        "activities.csv",
        lambda text: text.replace(
            "to Afghanistan (as reported", "to Afghanistan (edited) (as reported"
        ).replace("KAZ KGZ TJK TKM UZB BIH", "KAZ KGZ TJK TKM UZB XXX"),
    )
    with pytest.raises(CommandError) as error:
        call_command("load_reference")
    message = str(error.value)
    assert "activities.csv, line 49, field 'participating_states'" in message
    assert "'XXX' is not the ISO3 code of a state" in message
    assert not from_report().filter(title__contains="(edited)").exists()
    assert (
        from_report()
        .filter(title__startswith="Country-specific direct legislative assistance to Afghanistan")
        .exists()
    )


def test_an_outcome_for_an_activity_of_another_state_is_refused(settings, tmp_path):
    corrupt(
        settings,
        tmp_path,
        "outcomes.csv",
        lambda text: text.replace(
            "AZE,阿塞拜疆,ratification,confirmed,note3-aze", "AZE,阿塞拜疆,ratification,confirmed,note3-ben"
        ),
    )
    with pytest.raises(
        CommandError,
        match=r"outcomes.csv, line 2, field 'activity': 'note3-ben' is not an activity hosted by AZE",
    ):
        call_command("load_reference")
    assert Outcome.objects.get(source=SOURCE_KEY, state__iso3="AZE").activity.host_state.iso3 == "AZE"


def test_the_activity_page_cites_the_report_without_a_file_path(client):
    afghanistan = from_report().get(host_state__iso3="AFG")
    client.force_login(make_user("focal-afg", Role.FOCAL_POINT, "AFG"))
    page = client.get(reverse("activities:detail", args=[afghanistan.id])).content.decode()
    assert "Recorded from a published source" in page
    title = "Strengthening international cooperation and technical assistance in preventing and combating"
    assert title + " terrorism: report of the Secretary-General" in page
    assert "United Nations, General Assembly" in page
    assert "para. 10, note 3" in page
    assert "demonstration data" not in page
    for internal in (".csv", "report_2004", "seeds/", "shared/"):
        assert internal not in page


def test_the_activities_list_marks_the_records_as_cited(client):
    client.force_login(make_user("staff-list", Role.STAFF))
    page = client.get(reverse("activities:list"), {"kind": "roving-mission"}).content.decode()
    assert "Roving mission for Portuguese-speaking states" in page
    assert "recorded from a published source" in page
    assert "Strengthening international cooperation" in page  # the note under the table


def test_the_page_of_the_500_says_state_not_recorded(client):
    client.force_login(make_user("staff-page", Role.STAFF))
    officials = from_report().get(source_locator="para. 9")
    response = client.get(reverse("activities:detail", args=[officials.id]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "state not recorded" in page
    assert "500 participants" in page


def test_another_states_focal_point_and_anonymous_users_cannot_see_a_states_record(client):
    afghanistan = from_report().get(host_state__iso3="AFG")
    url = reverse("activities:detail", args=[afghanistan.id])
    assert client.get(url).status_code in (302, 404)
    client.force_login(make_user("focal-fra-2004", Role.FOCAL_POINT, "FRA"))
    assert client.get(url).status_code == 404
    page = client.get(reverse("outcomes:list"), {"state": "BEN"}).content.decode()
    assert "note 2" not in page


def test_outcomes_page_shows_a_reported_outcome_without_an_activity(client):
    client.force_login(make_user("focal-bfa", Role.FOCAL_POINT, "BFA"))
    response = client.get(reverse("outcomes:list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "no activity recorded: the source names none" in page
    assert "reported as at 2004-07-22" in page
    assert "Strengthening international cooperation" in page
