"""Saving a parsed law as Law / LawVersion / Provision rows, all or nothing."""

import datetime
import hashlib

from django.db import transaction
from django.utils.text import slugify

from legislation.document import ParsedLaw, ParsedProvision
from legislation.models import Law, LawVersion, Provision
from legislation.search import document_text, index_new_provisions
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
    # The terms are made in worker processes while the provisions are written.
    terms = Terms([(document_text(p.number, p.heading, p.text), law.language) for p, _depth, _parent in rows])
    saved: list[Provision | None] = [None] * len(rows)
    by_depth: dict[int, list[int]] = {}
    for index, (_provision, depth, _parent) in enumerate(rows):
        by_depth.setdefault(depth, []).append(index)
    for depth in sorted(by_depth):  # parents are written before their children, to have their ids
        batch = []
        for index in by_depth[depth]:
            provision, _depth, parent_index = rows[index]
            saved[index] = Provision(
                version=version,
                parent=saved[parent_index] if parent_index is not None else None,
                position=index,
                depth=depth,
                kind=provision.kind,
                number=provision.number,
                heading=provision.heading,
                text=provision.text,
                eid=provision.eid or f"p_{index}",
            )
            batch.append(saved[index])
        Provision.objects.bulk_create(batch, batch_size=2000)
    index_new_provisions(saved, terms.result())
    return version


def _chain_versions(law: Law) -> None:
    """Each dated version runs until the next one; the last is current (valid_to empty)."""
    dated = list(law.versions.exclude(valid_from__isnull=True).order_by("valid_from"))
    for current, following in zip(dated, [*dated[1:], None], strict=False):
        valid_to = following.valid_from if following else None
        if current.valid_to != valid_to:
            current.valid_to = valid_to
            current.save(update_fields=["valid_to"])
