"""The difference between two versions of a law, provision by provision."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# One token per CJK character, else words, spaces and punctuation.
_TOKENS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|\w+|\s+|[^\w\s]")


def inline_diff(old: str, new: str) -> SafeString:
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    parts = []
    for operation, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # every piece of text is escaped above


@dataclass
class ProvisionChange:
    eid: str
    status: str  # added, removed, changed, unchanged
    old: object | None
    new: object | None

    @property
    def number(self) -> str:
        return (self.new or self.old).number

    @property
    def text_diff(self) -> SafeString:
        return inline_diff(self._full(self.old), self._full(self.new))

    @staticmethod
    def _full(provision) -> str:
        if provision is None:
            return ""
        return "\n".join(part for part in (provision.heading, provision.text) if part)


def compare(old_version, new_version) -> list[ProvisionChange]:
    old = {p.eid: p for p in old_version.provisions.all()}
    new = {p.eid: p for p in new_version.provisions.all()}
    changes = []
    for eid, provision in new.items():
        before = old.get(eid)
        if before is None:
            changes.append(ProvisionChange(eid, "added", None, provision))
        elif (before.number, before.heading, before.text) != (
            provision.number,
            provision.heading,
            provision.text,
        ):
            changes.append(ProvisionChange(eid, "changed", before, provision))
        else:
            changes.append(ProvisionChange(eid, "unchanged", before, provision))
    changes += [ProvisionChange(eid, "removed", p, None) for eid, p in old.items() if eid not in new]
    return changes
