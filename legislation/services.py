"""Saving a parsed law as Law / LawVersion / Provision rows, all or nothing.

`import_law` is the one way in: `ctassist import-law`, the staff's import page and the
loader of the shipped laws all call it.
"""

import contextlib
import datetime
import gc
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connections, router, transaction
from django.utils.text import slugify

from legislation.document import ParsedLaw
from legislation.models import Law, LawVersion, Provision
from legislation.search import document_text, index_new_provisions, term_encoder
from legislation.search.workers import Terms


def law_slug(state_iso3: str, title: str) -> str:
    """The identifier of a law in its addresses, from its state and title: "esp-ley-de-prueba"."""
    base = slugify(title)[:80]
    if not base:  # titles in Chinese, Arabic, Russian … have no Latin letters to slugify
        base = hashlib.sha1(title.encode()).hexdigest()[:10]
    return f"{state_iso3.lower()}-{base}"


def checksum(original: bytes) -> str:
    """The checksum a version keeps of the text it was imported from, to know it again."""
    return hashlib.sha256(original).hexdigest()


@dataclass
class Imported:
    """What an import did: each outcome is "created", "updated" or "unchanged"."""

    law: Law
    version: LawVersion
    law_outcome: str
    version_outcome: str


@transaction.atomic
def import_law(
    law_values: dict,
    parsed: ParsedLaw | Callable[[], ParsedLaw],
    *,
    valid_from: datetime.date | None,
    source: str,
    note: str = "",
    original: bytes | None = None,
    slug: str = "",
    update_law: bool = False,
    skip_unchanged: bool = False,
) -> Imported:
    """Find or create the law and store one version of it, all or nothing.

    law_values: the Law's fields (state and title at least), used to create it; an existing
    law keeps its own unless update_law (the shipped data are the authority on theirs).
    slug: the law's identifier, by default `law_slug` of its state and title.
    original: the bytes the text was read from, kept as the version's checksum.
    skip_unchanged: a version of that date with the same checksum, source and note is left
    as it is, and `parsed` (which may then be a function, to spare the segmentation) not read.
    """
    slug = slug or law_slug(law_values["state"].iso3, law_values["title"])
    law, law_outcome = _find_or_create(slug, law_values, update_law)
    digest = checksum(original) if original is not None else ""
    existing = law.versions.filter(valid_from=valid_from).first()
    if (
        skip_unchanged
        and existing is not None
        and digest
        and (existing.checksum, existing.source, existing.note) == (digest, source, note)
    ):
        return Imported(law, existing, law_outcome, "unchanged")
    version = save_version(
        law,
        parsed() if callable(parsed) else parsed,
        valid_from=valid_from,
        source=source,
        note=note,
        text_checksum=digest,
    )
    return Imported(law, version, law_outcome, "created" if existing is None else "updated")


def _find_or_create(slug: str, values: dict, update: bool) -> tuple[Law, str]:
    law = Law.objects.filter(slug=slug).first()
    if law is None:
        law = Law(slug=slug, **values)
        law.save()
        return law, "created"
    changed = [name for name, value in values.items() if getattr(law, name) != value] if update else []
    if not changed:
        return law, "unchanged"
    for name in changed:
        setattr(law, name, values[name])
    law.save()
    return law, "updated"


@contextlib.contextmanager
def collector_paused():
    """Python's cycle collector paused while a law's thousands of objects are made (they are
    freed by reference counting). Left on, it walked the whole heap every few thousand
    allocations: a fifth of the time of a large import. Worker processes forked meanwhile
    inherit the pause."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@collector_paused()
@transaction.atomic
def save_version(
    law: Law,
    parsed: ParsedLaw,
    *,
    valid_from: datetime.date | None,
    source: str,
    note: str = "",
    text_checksum: str = "",
) -> LawVersion:
    """Store one version of a law (replacing a version of the same date) and index its provisions."""
    if law.pk is None:
        law.save()
    version = LawVersion.objects.filter(law=law, valid_from=valid_from).first()
    if version is not None:
        version.provisions.all().delete()
    else:
        version = LawVersion(law=law, valid_from=valid_from)
    version.preamble, version.source, version.note, version.checksum = (
        parsed.preamble,
        source,
        note,
        text_checksum,
    )
    version.save()
    _chain_versions(law)

    rows = parsed.rows()
    # The terms are made in worker processes while the provisions are written, and each
    # chunk of them is written as soon as it is made.
    texts = [
        (document_text(r.provision.number, r.provision.heading, r.provision.text), law.language) for r in rows
    ]
    with contextlib.closing(Terms(texts, term_encoder())) as terms:
        saved = [
            Provision(
                version=version,
                position=index,
                depth=row.depth,
                kind=row.provision.kind,
                number=row.provision.number,
                heading=row.provision.heading,
                text=row.provision.text,
                eid=row.provision.eid or f"p_{index}",
            )
            for index, row in enumerate(rows)
        ]
        write_provisions(saved, [row.parent for row in rows])
        index_new_provisions(saved, terms)
    return version


def write_provisions(provisions: list[Provision], parents: list[int | None]) -> None:
    """Insert new provisions (parents[i]: the index of provision i's parent, written before
    it). PostgreSQL: ids taken from the sequence and one COPY, a third of the time of
    bulk_create's INSERTs, which a large law spends waiting; elsewhere bulk_create, a depth
    at a time so that parents have their ids."""
    connection = connections[router.db_for_write(Provision)]
    if connection.vendor == "postgresql" and provisions:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('legislation_provision', 'id')) "
                "FROM generate_series(1, %s)",
                [len(provisions)],
            )
            for provision, (new_id,) in zip(provisions, cursor.fetchall(), strict=True):
                provision.id = new_id
            for provision, parent in zip(provisions, parents, strict=True):
                provision.parent_id = provisions[parent].id if parent is not None else None
            columns = (
                "id",
                "version_id",
                "parent_id",
                "position",
                "depth",
                "kind",
                "number",
                "heading",
                "text",
                "eid",
            )
            with cursor.cursor.copy(f"COPY legislation_provision ({', '.join(columns)}) FROM STDIN") as copy:
                for p in provisions:
                    copy.write_row([getattr(p, column) for column in columns])
        return
    depths: dict[int, list[Provision]] = {}
    for provision, parent in zip(provisions, parents, strict=True):
        provision.parent = provisions[parent] if parent is not None else None
        depths.setdefault(provision.depth, []).append(provision)
    for depth in sorted(depths):
        Provision.objects.bulk_create(depths[depth], batch_size=2000)


def _chain_versions(law: Law) -> None:
    """Each dated version runs until the next one; the last is current (valid_to empty)."""
    dated = list(law.versions.exclude(valid_from__isnull=True).order_by("valid_from"))
    for current, following in zip(dated, [*dated[1:], None], strict=False):
        valid_to = following.valid_from if following else None
        if current.valid_to != valid_to:
            current.valid_to = valid_to
            current.save(update_fields=["valid_to"])
