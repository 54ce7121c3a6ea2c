"""The matrix, the status of an instrument and a state's participation, as a visitor sees them."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.participation_oracle import parties_on

pytestmark = pytest.mark.django_db
ON = "2014-07-10"


def test_the_matrix_filtered_to_a_subregion_with_totals(client):
    response = client.get(f"/participation/?on={ON}&subregion=143")
    body = response.content.decode()
    assert response.status_code == 200
    assert "5 states" in body
    for name in ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"):
        assert name in body
    assert "France" not in body
    table = response.context["matrix"]
    totals = dict(zip([i.slug for i in table.instruments], table.column_totals(), strict=True))
    assert totals["financing-1999"] == 5
    assert "tokyo-1963" not in totals  # no status list: no column of "?", named once instead
    assert "ctassist has no status list for 14 instruments" in body


def test_the_matrix_exports_as_csv(client):
    response = client.get(f"/participation/?on={ON}&group=eastern-european&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0].startswith(f"Status on {ON}, or as at the date of an instrument's status list")
    assert "MTDSG XVIII-11" in rows[0][1] and "2014-07-10" in rows[0][1]
    header, body, totals = rows[1], rows[2:-1], rows[-1]
    assert len(body) == 23
    financing = header.index("financing-1999")
    expected = parties_on("financing-1999", __import__("datetime").date(2014, 7, 10))
    assert int(totals[financing]) == len([r for r in body if r[0] in expected])


def test_the_matrix_exports_as_xlsx_grouped_by_the_filter(client):
    response = client.get(f"/participation/?on={ON}&region=009&format=xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet["A1"].value.startswith(f"Status on {ON}, or as at")
    header = [cell.value for cell in sheet[3]]
    assert header[:2] == ["ISO3", "State"] and header[-1] == "Parties"
    states = [sheet.cell(row=r, column=1).value for r in range(4, sheet.max_row)]
    assert "AUS" in states and "FJI" in states and len(states) == 16
    australia = next(r for r in range(4, sheet.max_row) if sheet.cell(row=r, column=1).value == "AUS")
    assert (
        sheet.cell(row=australia, column=header.index("financing-1999") + 1).value
        == "ratification 2002-09-26"
    )


def test_a_bad_date_is_named(client):
    response = client.get("/participation/?on=2014-13-01")
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()


def test_instrument_status_page(client):
    body = client.get(f"/instruments/financing-1999/status/?on={ON}").content.decode()
    expected = len(parties_on("financing-1999", __import__("datetime").date(2014, 7, 10)))
    assert f"<strong>{expected}</strong>" in body
    assert "<svg" in body and 'class="chart"' in body
    assert 'data-m49="250"' in body  # France on the map
    assert "Somalia" in body.split("Signatories that have not ratified")[1].split("</ul>")[0]
    assert "status as at 2014-07-10" in body
    assert "2002-04-10" in body  # the general entry into force, computed


def test_an_instrument_without_data_shows_no_count(client):
    body = client.get(f"/instruments/tokyo-1963/status/?on={ON}").content.decode()
    assert "the number of parties is not known" in body
    assert "<strong>0</strong>" not in body


def test_state_page_lists_actions_and_missing_instruments(client):
    body = client.get(f"/states/SOM/?on={ON}").content.decode()
    section = body.split('id="participation-heading"')[1]
    assert "signatory" in section
    missing = section.split("Instruments it still lacks")[1].split("</ul>")[0]
    assert "Financing of Terrorism" in missing
    assert "ctassist has no status list" in section


def test_state_page_shows_each_entry_into_force_with_its_reasoning(client):
    body = client.get(f"/states/CHN/?on={ON}").content.decode()
    assert "deposited 2006-04-19; 30 days after the deposit → 2006-05-19" in body


def test_the_matrix_is_compressed_for_slow_connections(client):
    plain = client.get(f"/participation/?on={ON}")
    compressed = client.get(f"/participation/?on={ON}", headers={"accept-encoding": "gzip"})
    assert compressed["Content-Encoding"] == "gzip"
    assert len(compressed.content) * 5 < len(plain.content)


def test_an_export_names_the_instruments_without_a_status_list_by_their_titles(client):
    body = client.get("/fr/participation/?format=csv").content.decode()
    tokyo = "Convention relative aux infractions et à certains autres actes survenant à bord des aéronefs"
    assert tokyo in body
    assert "tokyo-1963" not in body
