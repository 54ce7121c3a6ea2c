"""The one way a law comes in (`legislation.services.import_law`), and the one conversion
between a law's tree of provisions and the flat rows the database and the preview hold."""

import dataclasses
import datetime

import pytest
from django.db import transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from legislation.document import ParsedLaw, ParsedProvision
from legislation.exports import parsed_from_version
from legislation.models import Law, LawVersion, Provision
from legislation.services import checksum, import_law, law_slug
from states.models import State

pytestmark = pytest.mark.django_db

KINDS = ["part", "chapter", "section", "article", "paragraph", "item"]
# Any text a law may hold, but for the control characters the converters drop.
WORDS = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=20)

provision_trees = st.recursive(
    st.builds(
        ParsedProvision, kind=st.sampled_from(KINDS), number=WORDS, heading=WORDS, text=WORDS, eid=WORDS
    ),
    lambda children: st.builds(
        ParsedProvision,
        kind=st.sampled_from(KINDS),
        number=WORDS,
        heading=WORDS,
        text=WORDS,
        eid=WORDS,
        children=st.lists(children, max_size=4),
    ),
    max_leaves=25,
)
laws = st.builds(ParsedLaw, title=WORDS, preamble=WORDS, provisions=st.lists(provision_trees, max_size=4))


def without_eids(provisions: list[ParsedProvision]) -> list[ParsedProvision]:
    return [dataclasses.replace(p, eid="", children=without_eids(p.children)) for p in provisions]


@given(laws)
def test_any_tree_of_provisions_comes_back_from_its_rows(law):
    rows = law.rows()
    assert [row.provision for row in rows] == list(law.walk())
    for row in rows:  # each row's parent is the row of the provision that holds it
        if row.parent is None:
            assert row.depth == 0 and any(p is row.provision for p in law.provisions)
        else:
            parent = rows[row.parent]
            assert row.depth == parent.depth + 1 and any(
                p is row.provision for p in parent.provision.children
            )
    again = ParsedLaw.from_rows(
        ((row.depth, row.provision) for row in rows), title=law.title, preamble=law.preamble
    )
    assert again == law


def test_a_row_deeper_than_the_one_before_nests_under_it():
    rows = [
        (0, ParsedProvision("article", "1")),
        (3, ParsedProvision("item", "(a)")),
        (1, ParsedProvision("item", "(b)")),
    ]
    law = ParsedLaw.from_rows(rows)
    assert [(p.number, [c.number for c in p.children]) for p in law.provisions] == [("1", ["(a)", "(b)"])]


def law_values(title="Ley de prueba", **values):
    return {
        "state": State.objects.get(iso3="ESP"),
        "title": title,
        "language": "es",
        "source": "test",
        **values,
    }


@settings(max_examples=30, deadline=None)
@given(laws)
def test_any_law_is_stored_and_read_back_as_the_same_tree(law):
    law.provisions = without_eids(law.provisions)
    with transaction.atomic():
        imported = import_law(law_values(), law, valid_from=None, source="test")
        stored = parsed_from_version(imported.version)
        assert without_eids(stored.provisions) == law.provisions
        assert stored.preamble == law.preamble
        assert [p.eid for p in stored.walk()] == [f"p_{i}" for i in range(len(list(law.walk())))]
        transaction.set_rollback(True)


def article(number, text="Texto."):
    return ParsedProvision("article", number, text=text)


def test_a_new_law_then_a_second_version_then_the_same_date_again():
    first = import_law(
        law_values(), ParsedLaw(provisions=[article("1")]), valid_from=datetime.date(2020, 1, 1), source="a"
    )
    assert (first.law.slug, first.law_outcome, first.version_outcome) == (
        "esp-ley-de-prueba",
        "created",
        "created",
    )
    later = ParsedLaw(provisions=[article("1"), article("2")])
    second = import_law(
        law_values(title="Otro título"),
        later,
        valid_from=datetime.date(2022, 1, 1),
        source="b",
        slug=first.law.slug,
    )
    assert (second.law, second.law_outcome, second.version_outcome) == (first.law, "unchanged", "created")
    assert Law.objects.get(slug="esp-ley-de-prueba").title == "Ley de prueba"  # the law keeps its own title
    assert [str(v.valid_to) for v in first.law.versions.all()] == ["2022-01-01", "None"]
    again = import_law(law_values(), later, valid_from=datetime.date(2020, 1, 1), source="a")
    assert again.version_outcome == "updated"
    assert Provision.objects.filter(version=again.version).count() == 2
    assert LawVersion.objects.filter(law=first.law).count() == 2


def test_the_shipped_data_update_the_law_and_skip_an_unchanged_text():
    original = b"Articulo 1. Texto."
    import_law(
        law_values(), ParsedLaw(provisions=[article("1")]), valid_from=None, source="s", original=original
    )

    def not_read():
        raise AssertionError("an unchanged text is not segmented again")

    same = import_law(
        law_values(title="Ley corregida"),
        not_read,
        slug="esp-ley-de-prueba",
        valid_from=None,
        source="s",
        original=original,
        update_law=True,
        skip_unchanged=True,
    )
    assert (same.law_outcome, same.version_outcome) == ("updated", "unchanged")
    assert same.law.title == "Ley corregida" and same.version.checksum == checksum(original)
    noted = import_law(
        law_values(title="Ley corregida"),
        lambda: ParsedLaw(provisions=[article("1")]),
        slug="esp-ley-de-prueba",
        valid_from=None,
        source="s",
        note="a new note",
        original=original,
        update_law=True,
        skip_unchanged=True,
    )
    assert (noted.law_outcome, noted.version_outcome, noted.version.note) == (
        "unchanged",
        "updated",
        "a new note",
    )


def test_a_failed_import_leaves_no_law_version_or_provision(monkeypatch):
    laws, versions, provisions = Law.objects.count(), LawVersion.objects.count(), Provision.objects.count()

    def broken(*args, **kwargs):
        raise RuntimeError("the index could not be written")

    monkeypatch.setattr("legislation.services.index_new_provisions", broken)
    with pytest.raises(RuntimeError):
        import_law(law_values(), ParsedLaw(provisions=[article("1")]), valid_from=None, source="test")
    shipped = Law.objects.get(slug="cn-criminal-law")
    current = shipped.current_version()
    before = list(current.provisions.values_list("id", flat=True))
    with pytest.raises(RuntimeError):
        import_law(
            {},
            ParsedLaw(provisions=[article("1")]),
            slug=shipped.slug,
            valid_from=current.valid_from,
            source="x",
        )
    assert (Law.objects.count(), LawVersion.objects.count(), Provision.objects.count()) == (
        laws,
        versions,
        provisions,
    )
    assert list(current.provisions.values_list("id", flat=True)) == before


def test_one_slug_rule_for_latin_and_other_scripts():
    assert (
        law_slug("ESP", "Ley Orgánica 10/1995, del Código Penal")
        == "esp-ley-organica-101995-del-codigo-penal"
    )
    chinese = law_slug("CHN", "中华人民共和国反恐怖主义法")
    assert chinese.startswith("chn-") and len(chinese) == 14
    assert chinese != law_slug("CHN", "中华人民共和国刑法")
