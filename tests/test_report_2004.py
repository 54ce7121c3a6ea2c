"""The report on resolution 58/136 for the period the 2004 report covers (A/59/187),
computed from the 2004 records that load-reference loads: the same figures and lists as
the report printed, and where a figure differs (the contributions total), both with a note."""

from datetime import date as D
from decimal import Decimal

import pytest

from reports.figures import compute

pytestmark = pytest.mark.django_db

# A/59/187, note 3: the 43 states that received country-specific direct assistance.
NOTE_3 = {
    "AFG", "AGO", "ARM", "AZE", "BLR", "BEN", "BRA", "BDI", "KHM", "CPV", "CAF", "TCD", "COM",
    "HRV", "COD", "GEO", "GIN", "GNB", "HTI", "HUN", "JAM", "JOR", "KGZ", "LAO", "MDG", "MLI",
    "MUS", "MNG", "MOZ", "NER", "PRY", "PER", "COG", "ROU", "STP", "SVK", "SDN", "SUR", "TJK",
    "UKR", "TLS", "ARE", "VNM",
}  # fmt: skip
# Note 2: the 11 states that ratified after drafting assistance.
NOTE_2 = {"AZE", "BEN", "BFA", "COM", "HRV", "GEO", "JOR", "KGZ", "MDG", "MUS", "MOZ"}


@pytest.fixture(scope="module")
def report(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return compute("58/136", D(2002, 10, 1), D(2004, 7, 31), language="en")


def test_43_states_received_direct_assistance_the_states_of_note_3(report):
    found = report.get("states-assisted")
    assert len(NOTE_3) == 43
    assert found.value == 43 and not found.differs_from_printed
    assert {ref.pk for ref in found.records} == NOTE_3
    assert found.printed.source == "a-59-187" and "note 3" in found.printed.locator
    assert all(row.records for row in found.table.rows)  # each state links to its activities


def test_11_states_ratified_after_drafting_assistance_the_states_of_note_2(report):
    found = report.get("ratified-after-drafting")
    assert found.value == 11 and not found.differs_from_printed
    assert {ref.pk for ref in found.records} == NOTE_2


def test_56_states_and_territories_and_3_organizations_replied(report):
    replies, organizations = report.get("replies"), report.get("replies-organizations")
    assert (replies.value, organizations.value) == (56, 3)
    assert {"Algeria", "Yemen", "Uzbekistan"} <= {ref.label for ref in replies.records}
    assert {ref.label for ref in organizations.records} == {
        "International Bar Association",
        "League of Arab States",
        "Offshore Group of Banking Supervisors",
    }


def test_more_than_500_officials_counted_under_state_not_recorded(report):
    found = report.get("officials-trained")
    assert found.value == 500
    assert ["Region", "state not recorded", 500] in [row.cells for row in found.table.rows]


def test_the_contributions_total_is_computed_and_the_printed_one_shown_with_the_difference(report):
    found = report.get("contributions")
    assert found.value == Decimal("3202947")
    assert found.printed.value == 3203048 and found.differs_from_printed
    assert "3,203,048" in found.note and "3,202,947" in found.note and "101" in found.note
    assert len(found.table.rows) == 12
    assert sum(1 for row in found.table.rows if row.cells[2]) == 3  # the pledges of note a


def test_the_seminars_of_paragraph_11_with_their_states(report):
    found = report.get("workshops")
    costa_rica = next(row for row in found.table.rows if "Costa Rica" in row.cells[0])
    assert costa_rica.cells[5] == "Costa Rica, El Salvador, Mexico, Nicaragua, Panama, Peru"  # note 4


def test_the_report_in_chinese_names_the_states_in_chinese(django_db_blocker):
    with django_db_blocker.unblock():
        found = compute("58/136", D(2002, 10, 1), D(2004, 7, 31), language="zh").get("states-assisted")
    names = [row.cells[0] for row in found.table.rows]
    assert "阿富汗" in names and "越南" in names
