"""`ctassist import-participation`: three layouts, a dry run, and bad input that changes nothing."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from participation.models import Statement, StatusSource, TreatyAction

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parent / "samples"
DATA = Path(__file__).resolve().parent.parent / "data" / "participation"
HEADER = "state,instrument,kind,date,raw,notes,source,as_at\n"


def run(*args):
    out = StringIO()
    call_command("import_participation", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def snapshot():
    return (
        sorted(TreatyAction.objects.values_list("state__iso3", "instrument__slug", "kind", "date", "raw")),
        Statement.objects.count(),
        StatusSource.objects.count(),
    )


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_the_shipped_csv_imports_again_without_change():
    output = run(DATA / "untc_2014_financing-1999.csv")
    assert "0 to add, 0 to change, 0 to remove, 318 unchanged" in output
    assert "Nothing changed." in output


def untc_table_from_shipped_rows(slug):
    """The UN Treaty Collection page layout, rebuilt from the real raw entries of the shipped list."""
    import csv

    rows = {}
    for row in csv.DictReader((DATA / f"untc_2014_{slug}.csv").open(encoding="utf-8")):
        cells = rows.setdefault(row["state"], ["", ""])
        cells[0 if row["kind"] == "signature" else 1] = row["raw"]
    from states.models import State

    names = {s.iso3: s for s in State.objects.all()}
    lines = [
        "# SOURCE: UNTC XVIII-5 copied from the page | STATUS AS AT: 2014-03-19",
        "Participant\tSignature\tRatification, Accession(a), Succession(d)",
    ]
    for iso3, (signature, consent) in rows.items():
        lines.append(f"{names[iso3].names['en']}\t{signature}\t{consent}")
    return "\n".join(lines) + "\n", len(rows)


def test_a_untc_page_copy_with_footnotes_and_brackets(tmp_path):
    text, count = untc_table_from_shipped_rows("hostages-1979")
    text = text.replace("Germany\t", "Germany 2, 3\t").replace("Albania\t", "[Albania]\t")
    path = write(tmp_path, "hostages.txt", text)
    shipped = TreatyAction.objects.filter(instrument__slug="hostages-1979")
    expected = shipped.count()
    shipped.delete()  # as on a database that has not seen this list yet
    output = run(path, "--instrument", "hostages-1979", "--dry-run")
    assert "Dry run: nothing was written." in output
    assert f"{expected} to add, 0 to change, 0 to remove, 0 unchanged" in output
    assert "add     DEU hostages-1979 ratification 1980-12-15" in output
    assert "add     ALB hostages-1979 accession 2002-01-22" in output
    assert "add     MNE hostages-1979 succession" in output
    assert not TreatyAction.objects.filter(instrument__slug="hostages-1979").exists()
    run(path, "--instrument", "hostages-1979")
    assert TreatyAction.objects.filter(instrument__slug="hostages-1979").count() == expected


def test_a_untc_table_replaces_an_earlier_copy_of_the_same_list(tmp_path):
    text, _count = untc_table_from_shipped_rows("nuclear-terrorism-2005")
    source = (
        "UN Treaty Collection, status of treaties deposited with the Secretary-General, MTDSG XVIII-15, "
        "as scraped by github.com/zmjones/untreaties@a7f515a (shared/data/participation/"
        "untc_nuclear_terrorism_2005.csv)"
    )
    text = text.replace("UNTC XVIII-5 copied from the page", source).replace("2014-03-19", "2014-07-10")
    text = text.replace("Austria\t15 Sep 2005\t14 Sep 2006", "Austria\t15 Sep 2005\t15 Sep 2006")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("Albania")) + "\n"
    output = run(write(tmp_path, "icsant.txt", text), "--instrument", "nuclear-terrorism-2005")
    assert (
        "change  AUT nuclear-terrorism-2005 ratification 2006-09-15: date 2006-09-14 → 2006-09-15" in output
    )
    assert "remove  ALB nuclear-terrorism-2005" in output
    assert TreatyAction.objects.get(
        state__iso3="AUT", instrument__slug="nuclear-terrorism-2005", kind="ratification"
    ).date == datetime.date(2006, 9, 15)


def test_the_icao_list_layout_on_a_real_partial_list():
    output = run(
        SAMPLES / "icao_tokyo-1963_partial.txt", "--instrument", "tokyo-1963", "--as-at", "2024-01-01"
    )
    assert "40 to add" in output  # 35 deposits and the 5 signatures among them
    from participation.models import CONSENT_KINDS

    assert TreatyAction.objects.filter(instrument__slug="tokyo-1963", kind__in=CONSENT_KINDS).count() == 35
    afghanistan = TreatyAction.objects.get(state__iso3="AFG", instrument__slug="tokyo-1963")
    assert (afghanistan.kind, afghanistan.date) == ("accession", datetime.date(1977, 4, 15))
    assert "effective date on the list: 14 July 1977" in afghanistan.notes
    from participation.standing import ActionRow, entry_into_force_for

    row = ActionRow(
        afghanistan.id,
        afghanistan.state_id,
        afghanistan.instrument_id,
        "accession",
        afghanistan.date,
        "",
        afghanistan.source_id,
    )
    assert entry_into_force_for(afghanistan.instrument, row).date == datetime.date(1977, 7, 14)
    assert TreatyAction.objects.filter(
        state__iso3="DZA", instrument__slug="tokyo-1963"
    ).exists()  # "Algeria (1)"


def test_reservations_and_declarations_attach_to_the_consent(tmp_path):
    path = write(
        tmp_path,
        "statements.csv",
        HEADER.replace("as_at\n", "as_at,text,withdrawn_on\n")
        + "BRA,tokyo-1963,accession,1970-03-14,,,Test list,2020-01-01,,\n"
        "BRA,tokyo-1963,declaration,1970-03-14,,,Test list,2020-01-01,A test declaration,\n"
        "BRA,tokyo-1963,reservation,1970-03-14,,,Test list,2020-01-01,A test reservation,1980-01-02\n",
    )
    run(path)
    statements = Statement.objects.filter(action__state__iso3="BRA", action__instrument__slug="tokyo-1963")
    assert sorted(statements.values_list("kind", "withdrawn_on")) == [
        ("declaration", None),
        ("reservation", datetime.date(1980, 1, 2)),
    ]


@pytest.mark.parametrize(
    "name,text,message",
    [
        (
            "unknown.csv",
            HEADER + "Frnace,financing-1999,accession,2002-01-01,,,Test list,2020-01-01\n",
            "unknown.csv, line 2, field 'state': unknown state 'Frnace'; did you mean France (FRA)",
        ),
        (
            "date.csv",
            HEADER + "FRA,financing-1999,accession,31 Febr 2002,,,Test list,2020-01-01\n",
            "date.csv, line 2, field 'date': '31 Febr 2002' is not a date ctassist can read",
        ),
        (
            "order.csv",
            HEADER + "NER,bombings-1997,signature,2001-05-01,,,Test list,2020-01-01\n"
            "NER,bombings-1997,ratification,2000-01-01,,,Test list,2020-01-01\n",
            "order.csv, line 3, field 'date': ratification of NER dated 2000-01-01 "
            "is before its signature of 2001-05-01",
        ),
        (
            "twice.csv",
            HEADER + "NER,bombings-1997,accession,2001-05-01,,,Test list,2020-01-01\n"
            "NER,bombings-1997,accession,2002-05-01,,,Test list,2020-01-01\n",
            "twice.csv, line 3, field 'kind': duplicate action: "
            "NER bombings-1997 accession already on line 2",
        ),
        (
            "again.csv",
            HEADER + "FRA,financing-1999,ratification,2002-01-07,,,Another list,2020-01-01\n",
            "again.csv, line 2, field 'kind': duplicate action: "
            "FRA financing-1999 ratification 2002-01-07 is already recorded from",
        ),
        (
            "denounce.csv",
            HEADER + "SOM,financing-1999,denunciation,2010-01-01,,,Test list,2020-01-01\n",
            "denounce.csv, line 2, field 'kind': "
            "denunciation by SOM of financing-1999, which it is not a party to",
        ),
        (
            "slug.csv",
            HEADER + "FRA,no-such-treaty,accession,2002-01-01,,,Test list,2020-01-01\n",
            "slug.csv, line 2, field 'instrument': 'no-such-treaty' is not an instrument slug",
        ),
        ("layout.txt", "Country;Date\nFrance;2002\n", "layout.txt, line 1: unknown layout"),
        (
            "nosource.txt",
            "Participant\tSignature\tRatification\nFrance\t\t7 Jan 2002\n",
            "nosource.txt, field 'SOURCE': say where the list comes from",
        ),
    ],
)
def test_bad_input_is_named_and_changes_nothing(tmp_path, name, text, message):
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, name, text), "--instrument", "financing-1999")
    assert message in str(error.value)
    assert "Nothing imported" in str(error.value)
    assert snapshot() == before


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    before = snapshot()
    path = write(
        tmp_path,
        "latin1.csv",
        HEADER + "Côte d'Ivoire,financing-1999,accession,2002-03-13,,,T,2020-01-01\n",
        encoding="latin-1",
    )
    with pytest.raises(CommandError, match="latin1.csv: not UTF-8 text"):
        run(path)
    assert snapshot() == before


def test_one_bad_row_among_good_ones_writes_nothing(tmp_path):
    before = snapshot()
    path = write(
        tmp_path,
        "mixed.csv",
        HEADER + "BRA,tokyo-1963,accession,1970-03-14,,,Test list,2020-01-01\n"
        "XXY,tokyo-1963,accession,1971-03-14,,,Test list,2020-01-01\n",
    )
    with pytest.raises(CommandError, match="line 3"):
        run(path)
    assert snapshot() == before
