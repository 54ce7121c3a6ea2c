"""PostgreSQL's index rows are tsvectors made in Python (backends.postgres.encode) and queries
are tsquery literals; these tests hold them to what PostgreSQL's own to_tsvector makes of the
same terms, on the project's shipped laws. They run on PostgreSQL only (make test-postgres)."""

from pathlib import Path

import pytest
from django.db import connection

from legislation.search import tokenize
from legislation.search.backends import postgres

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index only"),
]

LEGISLATION = Path(__file__).resolve().parent.parent / "data" / "legislation"
SHIPPED = [
    ("cn/cn_criminal_law.zh.md", "zh"),
    ("fr/fr_code_penal_titre_ii_terrorisme.fr.md", "fr"),
    ("ca/ca_criminal_code_part_II.1_terrorism.en.md", "en"),
    ("ca/ca_code_criminel_partie_II.1_terrorisme.fr.md", "fr"),
]


def shipped_paragraphs(path: str, count: int = 300) -> list[str]:
    text = (LEGISLATION / path).read_text(encoding="utf-8")
    return [paragraph for paragraph in text.split("\n\n") if paragraph.strip()][:count]


def as_text(tsvector: bytes) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE IF NOT EXISTS encoded (id bigint, version_id bigint, tokens tsvector)"
        )
        cursor.execute("TRUNCATE encoded")
        rows = [postgres._COPY_ROW.pack(3, 8, 1, 8, 1, len(tsvector)) + tsvector]
        with cursor.cursor.copy("COPY encoded FROM STDIN (FORMAT BINARY)") as copy:
            copy.write(b"".join([postgres._COPY_HEADER, *rows, postgres._COPY_END]))
        cursor.execute("SELECT tokens::text FROM encoded")
        return cursor.fetchone()[0]


def to_tsvector(terms: list[str]) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('simple', %s)::text", [" ".join(terms)])
        return cursor.fetchone()[0]


@pytest.mark.parametrize("path, language", SHIPPED)
def test_encoded_terms_are_the_tsvector_postgresql_makes(path, language):
    paragraphs = shipped_paragraphs(path)
    assert len(paragraphs) > 20
    for paragraph in paragraphs:
        terms = tokenize(paragraph, language)
        if terms:
            assert as_text(postgres.encode(terms)) == to_tsvector(terms), paragraph[:80]


def test_long_texts_keep_postgresql_limits():
    # A word repeated past 256 positions, and a text past position 16,383.
    repeated = ["terror", "act"] * 400
    assert as_text(postgres.encode(repeated)) == to_tsvector(repeated)
    long_text = [f"w{n % 3000}" for n in range(20_000)]
    assert as_text(postgres.encode(long_text)) == to_tsvector(long_text)
    # A lexeme over 2,047 bytes is dropped, as to_tsvector drops it.
    assert as_text(postgres.encode(["a" * 3000, "b"])) == "'b':2"


def test_a_tsvector_stops_under_one_megabyte():
    terms = [f"{n:06d}" + "x" * 200 for n in range(10_000)]  # 2 MB of distinct lexemes
    encoded = postgres.encode(terms)
    assert len(encoded) < 1_048_576
    assert as_text(encoded).startswith("'000000")


def test_quoted_terms_and_overlong_query_words_are_literal(db):
    encoded = postgres.encode(["o'neil", "back\\slash", "plain"])
    text = as_text(encoded)
    with connection.cursor() as cursor:
        for group in ([{"o'neil"}], [{"back\\slash"}], [{"plain"}, {"o'neil"}]):
            cursor.execute("SELECT %s::tsvector @@ %s::tsquery", [text, postgres.expression(group)])
            assert cursor.fetchone()[0] is True, group
        cursor.execute("SELECT %s::tsvector @@ %s::tsquery", [text, postgres.expression([{"x" * 5000}])])
        assert cursor.fetchone()[0] is False


def published_flags(version_ids) -> set[bool]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT published FROM legislation_search WHERE version_id = ANY(%s)",
            [list(version_ids)],
        )
        return {published for (published,) in cursor.fetchall()}


def test_the_index_knows_which_laws_are_published_by_any_path():
    from legislation.models import Law, LawVersion, Provision
    from legislation.search import search

    law = Law.objects.filter(versions__provisions__isnull=False).distinct().first()
    other = Law.objects.exclude(pk=law.pk).filter(versions__provisions__isnull=False).distinct().first()
    version = law.versions.filter(provisions__isnull=False).first()
    Law.objects.filter(pk__in=[law.pk, other.pk]).update(published=False)
    added = Provision.objects.create(
        version=version, position=9_000, kind="article", number="X1", text="TEST TEXT okapi", eid="x1"
    )
    assert published_flags([version.id]) == {False}
    assert search("okapi") == (0, [])
    assert [hit.provision_id for hit in search("okapi", published_only=False)[1]] == [added.id]

    Law.objects.filter(pk=law.pk).update(published=True)  # no signal: the trigger follows
    assert published_flags([version.id]) == {True}
    assert [hit.provision_id for hit in search("okapi")[1]] == [added.id]
    law.refresh_from_db()
    law.published = False
    law.save()
    assert published_flags([version.id]) == {False}
    assert search("okapi") == (0, [])

    Law.objects.filter(pk=other.pk).update(published=True)
    LawVersion.objects.filter(pk=version.pk).update(law=other)  # the version moves to a published law
    assert published_flags([version.id]) == {True}
    LawVersion.objects.filter(pk=version.pk).update(law=law)
    assert published_flags([version.id]) == {False}
    other_version = other.versions.first()
    Provision.objects.filter(pk=added.pk).update(version=other_version)  # the provision moves
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT version_id, published FROM legislation_search WHERE provision_id = %s", [added.id]
        )
        assert cursor.fetchone() == (other_version.id, True)
    assert [hit.provision_id for hit in search("okapi")[1]] == [added.id]
