"""Sources a lawyer can read: numbered notes with title, publisher and address on every
public page; the provenance as gathered (paths, commits, notes) for staff only."""

import re

import pytest
from django.test import Client, override_settings

from ctassist.reference import LoadReport, ReferenceDataError, Row
from instruments.models import Instrument, InstrumentTitle
from sources.citations import Citation, Register
from sources.models import Source
from sources.reference import check_citation, load_sources
from sources.templatetags.citations import reference

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/{prefix}instruments/",
    "/{prefix}instruments/financing-1999/",
    "/{prefix}instruments/financing-1999/status/",
    "/{prefix}states/FRA/",
    "/{prefix}laws/fr-code-penal-titre-ii/",
]
INTERNAL = [
    re.compile(r"shared/data"),
    re.compile(r"\.csv\b"),
    re.compile(r"\.md\b"),
    # a commit hash: seven or more hex digits with at least one digit and one letter
    re.compile(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b"),
]


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def notes(html: str) -> list[str]:
    return re.findall(r'<li id="source-note-(\d+)"', html)


@pytest.mark.parametrize("prefix", ["", "zh-hans/"])
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_pages_cite_sources_without_paths_or_commits(prefix, page):
    response = Client().get(page.format(prefix=prefix))
    assert response.status_code == 200
    html = response.content.decode()
    text = visible_text(html)
    for pattern in INTERNAL:
        assert not pattern.search(text), (page, pattern.pattern, pattern.search(text).group())
    if "/status/" in page:
        # The status list behind the figures, as a full reference in place.
        assert "Status of Treaties, chapter XVIII, 11" in text
        assert "United Nations, Office of Legal Affairs, Treaty Section" in text
        assert "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&amp;mtdsg_no=XVIII-11" in html
    else:
        assert notes(html), f"{page}: no numbered notes"
        assert re.search(r'<sup class="cite">\[<a href="#source-note-1"', html)
        assert "<cite>" in html


def test_the_instrument_page_names_title_publisher_address_and_kind():
    html = Client().get("/instruments/financing-1999/").content.decode()
    text = visible_text(html)
    assert (
        "International Convention for the Suppression of the Financing of Terrorism, English authentic text"
        in text
    )
    assert "Government of the Netherlands, treaty database (wetten.overheid.nl)" in text
    assert 'href="https://wetten.overheid.nl/BWBV0001518"' in html
    assert "(official)" in text


def test_the_same_source_cited_twice_on_a_page_keeps_one_number():
    html = Client().get("/instruments/financing-1999/").content.decode()
    numbers = notes(html)
    assert len(numbers) == len(set(numbers))
    # The treaty text backs the adoption, the depositary and the clause: one note, cited three times or more.
    dutch = [n for n in numbers if f'id="source-note-{n}"' in html]
    note_of_text = re.search(
        r'<li id="source-note-(\d+)"[^>]*><cite>International Convention for the Suppression', html
    )
    assert note_of_text, "the treaty text is not among the notes"
    number = note_of_text.group(1)
    assert html.count(f'href="#source-note-{number}"') >= 3
    assert visible_text(html).count("English authentic text") == 1
    assert dutch


def test_staff_see_the_provenance_as_gathered_and_the_public_does_not(client, staff_user):
    anonymous = Client().get("/instruments/financing-1999/").content.decode()
    assert "statengeneraal/laws-markdown" not in anonymous
    assert "Provenance as recorded" not in anonymous
    client.force_login(staff_user)
    staff = client.get("/instruments/financing-1999/").content.decode()
    assert "Provenance as recorded (shown to staff only)" in staff
    assert "statengeneraal/laws-markdown BWBV0001518" in staff
    law = client.get("/laws/fr-code-penal-titre-ii/").content.decode()
    assert "github.com/etalab/codes-juridiques-francais" in law


def test_no_depositary_is_repeated():
    for instrument in Instrument.objects.all():
        html = Client().get(f"/instruments/{instrument.slug}/").content.decode()
        depositary = re.search(r'<dd data-fact="depositary">(.*?)<sup', html, re.S).group(1)
        label = str(instrument.get_depositary_display())
        named, _dash, detail = depositary.partition(" — ")
        assert named.strip() == label
        assert re.sub(r"<[^>]+>", "", detail).strip().casefold() != label.casefold(), instrument.slug
    un = Client().get("/instruments/financing-1999/").content.decode()
    depositary = re.search(r'<dd data-fact="depositary">(.*?)<sup', un, re.S).group(1)
    assert depositary == "Secretary-General of the United Nations"


def test_no_official_title_is_written_in_capitals():
    for title in InstrumentTitle.objects.all():
        letters = [c for c in title.title if c.isalpha() and c.lower() != c.upper()]
        if letters:
            assert sum(c.isupper() for c in letters) < len(letters) / 2, (title.instrument.slug, title.title)
    body = Client().get("/es/instruments/tokyo-1963/").content.decode()
    assert "Convenio sobre las infracciones y ciertos otros actos cometidos a bordo de las aeronaves" in body
    assert "CONVENIO SOBRE" not in body


def test_the_arabic_page_marks_the_english_clause():
    html = Client().get("/ar/instruments/financing-1999/").content.decode()
    assert '<blockquote lang="en" dir="ltr">Art. 26(1)' in html
    assert 'class="text-language-note"' in html
    # The depositary is the translated name, and the place ctassist's Arabic translation.
    assert "الأمين العام للأمم المتحدة" in html
    assert "نيويورك" in html


def test_a_clause_found_only_in_german_is_marked_as_german_and_not_authentic():
    html = Client().get("/instruments/sua-protocol-2005/").content.decode()
    assert '<blockquote lang="de" dir="ltr">(1) Dieses Protokoll' in html
    assert "not an authentic text of the treaty" in html


def test_a_missing_title_shows_the_english_title_marked_with_the_gap():
    html = Client().get("/zh-hans/instruments/sua-protocol-2005/").content.decode()
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert '<span lang="en" dir="ltr">Protocol of 2005 to the Convention' in h1
    assert 'class="gap title-gap"' in h1


def test_places_are_in_the_readers_language_and_cited_as_ctassists_translation():
    html = Client().get("/fr/instruments/hague-1970/").content.decode()
    assert "La Haye" in html
    assert (
        "ctassist&#x27;s translations of the places" in html
        or "ctassist's translations of the places" in html
    )


def test_every_shipped_provenance_reads_as_registered_sources():
    from assessments.models import Obligation
    from legislation.models import Law, LawVersion
    from participation.models import StatusSource
    from states.models import State

    register = Register()
    texts = [value for i in Instrument.objects.all() for value in i.citations.values()]
    texts += [i.sources["denunciation"] for i in Instrument.objects.all() if "denunciation" in i.sources]
    texts += [t.citation for t in InstrumentTitle.objects.all()]
    for state in State.objects.all():
        texts += [
            state.sources[fact]
            for fact in ("codes", "regional_group", "admission")
            if state.sources.get(fact)
        ]
    texts += [s.name for s in StatusSource.objects.all()]
    texts += [law.source for law in Law.objects.all()] + [v.source for v in LawVersion.objects.all()]
    texts += [o.source for o in Obligation.objects.exclude(source="")]
    unregistered = {text[:80] for text in texts for c in register.read(text) if c.source is None}
    assert not unregistered


def test_a_citation_with_an_unknown_key_is_refused_with_file_and_line(tmp_path):
    row = Row(
        tmp_path / "instruments.csv", 7, {"cite_adoption": "nl-treaty-bwbv0001518 art. 26; no-such-source"}
    )
    with pytest.raises(
        ReferenceDataError, match=r"instruments.csv, line 7, field 'cite_adoption': .*no-such-source"
    ):
        check_citation(row, "cite_adoption", {"nl-treaty-bwbv0001518"})


def test_a_latin_script_title_in_another_language_is_marked_with_its_language():
    # The script of "Office des Nations Unies contre la drogue et le crime" does not say it is
    # French; the register's language column does, so a reader's browser reads it as French.
    french = Source.objects.get(key="unov-unodc-fr")
    assert french.language == "fr"
    assert '<cite><span lang="fr" dir="ltr">Office des Nations Unies' in str(reference(Citation(french)))
    english = Source.objects.get(key="a-59-187")
    assert english.language == ""
    assert "<cite>Strengthening" in str(reference(Citation(english)))


def test_a_language_that_is_not_a_code_is_refused_with_file_and_line(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "x.csv").write_text(
        "key,title,publisher,date,url,kind,licence,note,language\n"
        "a-source,Titre,Éditeur,2020,,official,,,French\n",
        encoding="utf-8",
    )
    with override_settings(REFERENCE_DIR=tmp_path), pytest.raises(ReferenceDataError) as error:
        load_sources(LoadReport())
    assert "x.csv, line 2, field 'language'" in str(error.value)
