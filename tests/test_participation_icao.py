"""The ICAO layout of `ctassist import-participation` on real rows of an ICAO status list.

The rows below are copied from the ICAO list of parties to the Convention for the Suppression
of Unlawful Seizure of Aircraft (The Hague, 16 December 1970), "Status: 185 Parties", as
reproduced at https://docslib.org/doc/10924803 (text of the ICAO PDF, seen through the
project's search tool). Its deposit column is headed "Date of deposit of instrument of
ratification, accession (a) or succession (s)"; the list has no effective-date column and
the part seen prints no status date, so the tests give one with --as-at, as staff would.
"""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from participation.models import Statement, StatusSource, TreatyAction

pytestmark = pytest.mark.django_db

SOURCE = "ICAO, status of the Hague Convention 1970 (185 Parties), as copied at docslib.org/doc/10924803"
HEADING = (
    "State\tDate of signature\tDate of deposit of instrument of ratification, accession (a) or succession (s)"
)
# Real rows, as the list prints them (footnote numbers after names kept).
ROWS = [
    "Afghanistan\t16 December 1970\t29 August 1979",
    "Albania\t-\t21 October 1997 (a)",
    "Algeria (1)\t-\t6 October 1995 (a)",
    "Bahamas\t-\t11 August 1976 (s)",
    "Bosnia and Herzegovina (4)\t-\t15 August 1994 (s)",
    "Bulgaria (5)\t16 December 1970\t19 May 1971",
]


def run(*args):
    out = StringIO()
    call_command("import_participation", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def snapshot():
    return (
        sorted(TreatyAction.objects.values_list("state__iso3", "instrument__slug", "kind", "date", "raw")),
        Statement.objects.count(),
        sorted(StatusSource.objects.values_list("name", "as_at")),
    )


def hague_list(tmp_path, rows=ROWS, first_line=f"# SOURCE: {SOURCE}"):
    path = tmp_path / "hague-1970-icao.txt"
    path.write_text("\n".join([first_line, HEADING, *rows]) + "\n", encoding="utf-8")
    return path


def hague(iso3):
    return {
        action.kind: action
        for action in TreatyAction.objects.filter(state__iso3=iso3, instrument__slug="hague-1970")
    }


def test_real_rows_come_in_with_the_states_dates_and_types_the_list_gives(tmp_path):
    output = run(
        hague_list(tmp_path), "--layout", "icao", "--instrument", "hague-1970", "--as-at", "2019-05-01"
    )
    assert "(icao layout)" in output
    assert "8 to add" in output  # six deposits and the two signatures among them
    afghanistan = hague("AFG")
    assert afghanistan["signature"].date == datetime.date(1970, 12, 16)
    # No mark: the heading's legend makes an unmarked date a ratification; nothing inferred.
    assert afghanistan["ratification"].date == datetime.date(1979, 8, 29)
    assert afghanistan["ratification"].notes == ""
    assert set(hague("ALB")) == {"accession"}
    assert hague("ALB")["accession"].raw == "21 October 1997 (a)"
    assert hague("DZA")["accession"].date == datetime.date(1995, 10, 6)  # "Algeria (1)"
    assert hague("BHS")["succession"].date == datetime.date(1976, 8, 11)
    assert hague("BIH")["succession"].date == datetime.date(1994, 8, 15)
    assert hague("BGR")["ratification"].date == datetime.date(1971, 5, 19)
    source = StatusSource.objects.get(name=SOURCE)
    assert source.as_at == datetime.date(2019, 5, 1)
    assert afghanistan["ratification"].source == source


def test_the_heading_line_gives_the_lists_own_status_date(tmp_path):
    path = hague_list(tmp_path, first_line=f"# SOURCE: {SOURCE} | STATUS AS AT: 2019-05-01")
    run(path, "--instrument", "hague-1970")
    assert StatusSource.objects.get(name=SOURCE).as_at == datetime.date(2019, 5, 1)


def test_a_dry_run_shows_the_changes_and_writes_nothing(tmp_path):
    before = snapshot()
    output = run(hague_list(tmp_path), "--instrument", "hague-1970", "--as-at", "2019-05-01", "--dry-run")
    assert "add     ALB hague-1970 accession 1997-10-21" in output
    assert "add     BHS hague-1970 succession 1976-08-11" in output
    assert "add     AFG hague-1970 ratification 1979-08-29" in output
    assert "Dry run: nothing was written." in output
    assert snapshot() == before


def test_a_row_with_a_bad_date_is_refused_naming_file_line_and_field(tmp_path):
    rows = [*ROWS]
    rows[1] = "Albania\t-\t31 September 1997 (a)"
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run(hague_list(tmp_path, rows), "--instrument", "hague-1970", "--as-at", "2019-05-01")
    # line 1 is the SOURCE line, line 2 the heading, Albania the second row: line 4
    assert "hague-1970-icao.txt, line 4, field 'Date of deposit'" in str(error.value)
    assert "'31 September 1997'" in str(error.value)
    assert snapshot() == before


def test_a_mark_the_legend_does_not_define_is_refused(tmp_path):
    rows = [*ROWS]
    rows[2] = "Algeria (1)\t-\t6 October 1995 (x)"
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run(hague_list(tmp_path, rows), "--instrument", "hague-1970", "--as-at", "2019-05-01")
    assert "hague-1970-icao.txt, line 5, field 'Date of deposit'" in str(error.value)
    assert snapshot() == before


def test_layout_icao_refuses_a_file_in_another_layout(tmp_path):
    path = tmp_path / "untc.txt"
    path.write_text(
        f"# SOURCE: {SOURCE}\nParticipant\tSignature\tRatification, Accession(a)\nAlbania\t\t21 Oct 1997 a\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as error:
        run(path, "--layout", "icao", "--instrument", "hague-1970", "--as-at", "2019-05-01")
    assert "untc.txt, line 2: the first row is not the heading of the icao layout" in str(error.value)
