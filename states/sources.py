"""The published sources that the names of states and areas come from.

Each source is one row of a file under data/reference/sources/ (key, title, publisher,
date, url, kind, licence, note). Records keep the key; pages show the citation."""

import functools
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ctassist.reference import ReferenceDataError, read_rows, reference_path

COLUMNS = ["key", "title", "publisher", "date", "url", "kind", "licence", "note"]
KINDS = {
    "official": _("official"),
    "third-party": _("third-party copy"),
    "ctassist": _("ctassist's own summary or translation"),
}
NAMES_FILE = "sources/state-names.csv"


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    publisher: str
    date: str
    url: str
    kind: str
    licence: str
    note: str

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


def read_sources(name: str = NAMES_FILE) -> dict[str, Source]:
    """Every source of the file, checked: a bad row raises `ReferenceDataError`."""
    sources: dict[str, Source] = {}
    for row in read_rows(reference_path(name), COLUMNS):
        key = row.text("key", required=True)
        if key in sources:
            raise row.error("key", f"{key!r} appears twice")
        for column in ("title", "publisher", "date", "url"):
            row.text(column, required=True)
        row.choice("kind", KINDS, required=True)
        sources[key] = Source(**{column: row.text(column) for column in COLUMNS})
    return sources


@functools.cache
def _shipped_sources() -> dict[str, Source]:
    return read_sources()


def cited(key: str) -> Source | None:
    """The source with this key, for a page to cite; None for a key of no source file here."""
    try:
        return _shipped_sources().get(key)
    except ReferenceDataError:
        return None
