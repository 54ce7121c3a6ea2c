"""Reading the reference data files under data/reference/.

Every file is read whole and checked before anything is written; a bad row raises
`ReferenceDataError` naming the file, the line and the field, and the caller's
transaction leaves the database as it was.
"""

import csv
import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings


class ReferenceDataError(Exception):
    def __init__(self, path: Path, line: int | None, field_name: str | None, message: str):
        self.path, self.line, self.field_name = path, line, field_name
        where = str(path.name)
        if line is not None:
            where += f", line {line}"
        if field_name:
            where += f", field {field_name!r}"
        super().__init__(f"{where}: {message}")


@dataclass
class Row:
    path: Path
    line: int
    values: dict[str, str]

    def error(self, field_name: str | None, message: str) -> ReferenceDataError:
        return ReferenceDataError(self.path, self.line, field_name, message)

    def text(self, name: str, required: bool = False) -> str:
        value = (self.values.get(name) or "").strip()
        if required and not value:
            raise self.error(name, "a value is required")
        return value

    def date(self, name: str, required: bool = False) -> datetime.date | None:
        value = self.text(name, required)
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise self.error(name, f"{value!r} is not a date in the form YYYY-MM-DD") from None

    def integer(self, name: str, required: bool = False) -> int | None:
        value = self.text(name, required)
        if not value:
            return None
        try:
            number = int(value)
        except ValueError:
            raise self.error(name, f"{value!r} is not a whole number") from None
        if number < 0:
            raise self.error(name, f"{value!r} is negative")
        return number

    def choice(self, name: str, choices, required: bool = False) -> str:
        value = self.text(name, required)
        allowed = {str(c) for c in choices}
        if value and value not in allowed:
            raise self.error(name, f"{value!r} is not one of {', '.join(sorted(allowed))}")
        return value

    def states(self, name: str, states: dict, required: bool = False) -> list:
        """The states a column names by ISO3 code, separated by spaces (`states`: ISO3 → state)."""
        codes = self.text(name, required).split()
        unknown = [code for code in codes if code not in states]
        if unknown:
            raise self.error(name, f"{unknown[0]!r} is not the ISO3 code of a state in states.csv")
        return [states[code] for code in codes]

    def state(self, name: str, states: dict, required: bool = False):
        """The state a column names by its ISO3 code, or None where the column is empty."""
        found = self.states(name, states, required)
        if len(found) > 1:
            raise self.error(name, "give one ISO3 code")
        return found[0] if found else None


def reference_path(name: str) -> Path:
    return Path(settings.REFERENCE_DIR) / name


def read_rows(path: Path, required_columns: list[str]) -> Iterator[Row]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        raise ReferenceDataError(path, None, None, "file not found") from None
    with handle:
        try:
            reader = csv.DictReader(handle, strict=True)
            missing = [c for c in required_columns if c not in (reader.fieldnames or [])]
            if missing:
                raise ReferenceDataError(path, 1, None, f"missing column(s): {', '.join(missing)}")
            for values in reader:
                if None in values or any(v is None for v in values.values()):
                    raise ReferenceDataError(
                        path,
                        reader.line_num,
                        None,
                        f"expected {len(reader.fieldnames)} fields, found a different number",
                    )
                yield Row(path, reader.line_num, values)
        except csv.Error as exc:
            # The line being read (DictReader's own count stops at the last good row).
            raise ReferenceDataError(path, reader.reader.line_num, None, f"not valid CSV: {exc}") from None
        except UnicodeDecodeError as exc:
            raise ReferenceDataError(path, None, None, f"not UTF-8 text: {exc}") from None


@dataclass
class LoadReport:
    """What a load did, per kind of record."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, outcome: str) -> None:
        bucket = getattr(self, outcome)
        bucket[kind] = bucket.get(kind, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def save_if_changed(model, lookup: dict, values: dict, report: LoadReport, kind: str):
    """Create or update one record, touching the database (and its history) only on change."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model.objects.create(**lookup, **values)
        report.count(kind, "created")
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save()
        report.count(kind, "updated")
    else:
        report.count(kind, "unchanged")
    return instance
