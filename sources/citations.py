"""Reading citations ("key locator; key locator") and provenance strings into sources.

A citation names registered sources by key, each with an optional locator:

    nl-treaty-bwbv0001518 art. 26(1); untc-xviii-11 status as at 2014-07-10

A provenance string as gathered ("shared/data/treaty_texts/01_tokyo_1963.md art. 3(2)")
is read through the register's aliases: the longest alias it begins with names the source.
"""

import re
from dataclasses import dataclass

from sources.models import ProvenanceAlias, Source

KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# What must never reach a public page: file names, paths, commit hashes.
INTERNAL = re.compile(r"\.(csv|md|txt|json|py|xml)\b|[\w-]+/[\w.-]+/|@\s*[0-9a-f]{7}|\b[0-9a-f]{12,40}\b")


@dataclass(frozen=True)
class Citation:
    source: Source | None
    locator: str = ""
    # The provenance as recorded, kept for staff; and, when no source is registered, what
    # the public may read of it.
    provenance: str = ""

    @property
    def key(self) -> str:
        return self.source.key if self.source else f"unregistered:{self.provenance}"


class Register:
    """The sources and aliases, read once per page."""

    def __init__(self):
        self.sources = {source.key: source for source in Source.objects.all()}
        # Longest prefix first, so that a more precise alias wins.
        self.aliases = sorted(
            ProvenanceAlias.objects.values_list("prefix", "citation"), key=lambda alias: -len(alias[0])
        )

    def read(self, text: str, locator: str = "", provenance: str = "") -> list[Citation]:
        """The citations a value stands for: a key (with `locator`), a citation string, or
        a provenance string; an empty value stands for none."""
        text = (text or "").strip()
        if not text:
            return []
        if locator or text in self.sources:
            source = self.sources.get(text)
            return [Citation(source, locator, provenance or ("" if source else text))]
        explicit = parse(text, self.sources)
        if explicit is not None:
            return [Citation(source, where, provenance) for source, where in explicit]
        for prefix, citation in self.aliases:
            if text.startswith(prefix):
                rest = text[len(prefix) :].strip(" ,;:")
                found = parse(citation, self.sources) or []
                return [
                    Citation(source, where.replace("*", rest).strip(), provenance or text)
                    for source, where in found
                ]
        return [Citation(None, "", provenance or text)]


def parse(text: str, sources: dict[str, Source]) -> list[tuple[Source, str]] | None:
    """`key locator; key locator` read against the register; None if any key is unknown."""
    found = []
    for part in text.split(";"):
        key, _space, locator = part.strip().partition(" ")
        if not KEY.match(key) or key not in sources:
            return None
        found.append((sources[key], locator.strip()))
    return found


def unknown_keys(text: str, keys) -> list[str]:
    """The keys of a citation string that the register lacks (for the loaders' checks)."""
    missing = []
    for part in (text or "").split(";"):
        key = part.strip().partition(" ")[0]
        if key and key not in keys:
            missing.append(key)
    return missing


def looks_internal(text: str) -> bool:
    return bool(INTERNAL.search(text or ""))


def as_data(register: Register, text: str) -> list[dict]:
    """Citations as the API gives them: the source's fields with the locator."""
    return [
        {
            "key": c.source.key if c.source else None,
            "locator": c.locator,
            "title": c.source.title if c.source else "",
            "publisher": c.source.publisher if c.source else "",
            "date": c.source.date if c.source else "",
            "url": c.source.url if c.source else "",
            "kind": c.source.kind if c.source else "",
        }
        for c in register.read(text)
    ]
