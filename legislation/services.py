"""Saving a parsed law as Law / LawVersion / Provision rows, all or nothing."""

import contextlib
import datetime
import gc
import hashlib

from django.db import connections, router, transaction
from django.utils.text import slugify

from legislation.document import ParsedLaw, ParsedProvision
from legislation.models import Law, LawVersion, Provision
from legislation.search import document_text, index_new_provisions, term_encoder
from legislation.search.workers import Terms


def law_slug(state_iso3: str, title: str) -> str:
    base = slugify(title)[:80]
    if not base:  # titles in Chinese, Arabic, Russian … have no Latin letters to slugify
        base = hashlib.sha1(title.encode()).hexdigest()[:10]
    return f"{state_iso3.lower()}-{base}"


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _rows(version: LawVersion, provisions: list[ParsedProvision]):
    """Provisions in document order with their depth and the index of their parent."""
    rows: list[tuple[ParsedProvision, int, int | None]] = []

    def visit(provision, depth, parent_index):
        rows.append((provision, depth, parent_index))
        index = len(rows) - 1
        for child in provision.children:
            visit(child, depth + 1, index)

    for provision in provisions:
        visit(provision, 0, None)
    return rows


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

    rows = _rows(version, parsed.provisions)
    # The terms are made in worker processes while the provisions are written, and each
    # chunk of them is written as soon as it is made.
    texts = [(document_text(p.number, p.heading, p.text), law.language) for p, _depth, _parent in rows]
    with contextlib.closing(Terms(texts, term_encoder())) as terms:
        saved = [
            Provision(
                version=version,
                position=index,
                depth=depth,
                kind=provision.kind,
                number=provision.number,
                heading=provision.heading,
                text=provision.text,
                eid=provision.eid or f"p_{index}",
            )
            for index, (provision, depth, _parent) in enumerate(rows)
        ]
        write_provisions(saved, [parent for _provision, _depth, parent in rows])
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
