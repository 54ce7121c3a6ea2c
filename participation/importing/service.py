"""Checking a parsed status list against the database, planning the change, applying it."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from instruments.models import Instrument
from participation.importing.dates import parse_date
from participation.importing.errors import ImportFailed, Problem
from participation.importing.layouts import STATEMENT_KINDS, ParsedAction, parse_file, read_text
from participation.importing.names import StateResolver
from participation.models import CONSENT_KINDS, ActionKind, Statement, StatusSource, TreatyAction

SIGNATURE_BOUND = {ActionKind.RATIFICATION, ActionKind.ACCEPTANCE, ActionKind.APPROVAL}


@dataclass
class Desired:
    """One action the file asks for, resolved to database objects."""

    parsed: ParsedAction
    state: object
    instrument: Instrument
    statements: set = field(default_factory=set)

    @property
    def key(self):
        return (self.state.id, self.instrument.id, self.parsed.kind)

    def label(self) -> str:
        return f"{self.state.iso3} {self.instrument.slug} {self.parsed.kind} {self.parsed.date.isoformat()}"


@dataclass
class ImportPlan:
    file: str
    layout: str
    sources: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    statements_changed: int = 0
    applied: bool = False

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.statements_changed)

    def lines(self) -> list[str]:
        out = [f"{self.file} ({self.layout} layout), from: {'; '.join(self.sources)}"]
        out += [f"  add     {entry}" for entry in self.added]
        out += [f"  change  {entry}" for entry in self.changed]
        out += [f"  remove  {entry}" for entry in self.removed]
        out.append(
            f"  {len(self.added)} to add, {len(self.changed)} to change, {len(self.removed)} to remove, "
            f"{self.unchanged} unchanged, {self.statements_changed} actions with changed reservations "
            "or declarations"
        )
        return out


def import_participation(
    path: Path,
    instrument_slug: str | None = None,
    dry_run: bool = False,
    source: str | None = None,
    as_at: datetime.date | None = None,
    resolver: StateResolver | None = None,
    layout: str | None = None,
) -> ImportPlan:
    path = Path(path)
    try:
        text = read_text(path)
    except (OSError, ValueError) as exc:
        raise ImportFailed([Problem(path.name, None, None, str(exc))]) from None
    parsed = parse_file(path, text, layout)
    if parsed.problems:
        raise ImportFailed(parsed.problems)

    resolver = resolver or StateResolver()
    instruments = {instrument.slug: instrument for instrument in Instrument.objects.all()}
    problems: list[Problem] = []

    def problem(line, field_name, message):
        problems.append(Problem(path.name, line, field_name, message))

    header_instrument = parsed.header.get("INSTRUMENT")
    header_source = source or parsed.header.get("SOURCE")
    header_as_at = as_at
    if header_as_at is None and parsed.header.get("STATUS AS AT"):
        try:
            header_as_at = parse_date(parsed.header["STATUS AS AT"])
        except ValueError as exc:
            problem(None, "STATUS AS AT", str(exc))
    if parsed.layout != "csv":
        if not header_source:
            problem(
                None,
                "SOURCE",
                "say where the list comes from: a first line "
                "'# SOURCE: … | STATUS AS AT: YYYY-MM-DD' or --source",
            )
        if not header_as_at:
            problem(
                None,
                "STATUS AS AT",
                "say the date of the status: '# … | STATUS AS AT: YYYY-MM-DD' in the first line or --as-at",
            )

    desired_by_group: dict[tuple[str, int], dict] = defaultdict(dict)
    source_meta: dict[str, tuple[datetime.date, str]] = {}
    field_state = {"csv": "state", "untc": "Participant", "icao": "State"}[parsed.layout]
    statements_pending = []
    for action in parsed.actions:
        slug = action.instrument or instrument_slug or header_instrument
        instrument = instruments.get(slug or "")
        if instrument is None:
            problem(
                action.line,
                "instrument",
                f"{slug!r} is not an instrument slug" if slug else "give --instrument SLUG",
            )
            continue
        state = resolver.resolve(action.state_text)
        if state is None:
            suggestions = resolver.suggestions(action.state_text)
            hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
            problem(action.line, field_state, f"unknown state {action.state_text!r}{hint}")
            continue
        source_name = action.source or header_source or ""
        source_as_at = action.as_at or header_as_at
        if source_name:
            known = source_meta.setdefault(source_name, (source_as_at, parsed.header.get("LICENCE", "")))
            if known[0] != source_as_at:
                problem(action.line, "as_at", f"{source_name!r} has two status dates in this file")
        if action.kind in STATEMENT_KINDS:
            statements_pending.append((action, state, instrument, source_name))
            continue
        if action.date > datetime.date.today():
            problem(action.line, "date", f"{action.date} is in the future")
        if action.date < instrument.adoption_date:
            problem(
                action.line,
                "date",
                f"{action.date} is before the instrument was adopted ({instrument.adoption_date})",
            )
        item = Desired(action, state, instrument)
        group = desired_by_group[(source_name, instrument.id)]
        if item.key in group:
            problem(
                action.line,
                "kind",
                f"duplicate action: {state.iso3} {instrument.slug} {action.kind} "
                f"already on line {group[item.key].parsed.line}",
            )
            continue
        group[item.key] = item

    for action, state, instrument, source_name in statements_pending:
        group = desired_by_group[(source_name, instrument.id)]
        candidates = [
            d
            for d in group.values()
            if d.state.id == state.id
            and d.parsed.kind != ActionKind.DENUNCIATION
            and d.parsed.date <= action.date
        ]
        if not candidates:
            problem(
                action.line,
                "kind",
                f"a {action.kind} of {state.iso3} needs its signature or "
                f"consent to {instrument.slug} on or before {action.date}",
            )
            continue
        target = max(candidates, key=lambda d: (d.parsed.kind in CONSENT_KINDS, d.parsed.date))
        statement = action.statements[0]
        target.statements.add((statement.kind, statement.text, statement.date, statement.withdrawn_on))

    _check_consistency(desired_by_group, problem)
    if problems:
        raise ImportFailed(problems)

    plan = ImportPlan(path.name, parsed.layout, sources=sorted(source_meta))
    operations = _plan(desired_by_group, plan, problem)
    if problems:
        raise ImportFailed(problems)
    if not dry_run and plan.has_changes:
        with transaction.atomic():
            _apply(operations, source_meta)
        plan.applied = True
    elif not dry_run:
        # The status date of a source may move on even when no action changed.
        with transaction.atomic():
            for name, (source_as_at, _licence) in source_meta.items():
                StatusSource.objects.filter(name=name).exclude(as_at=source_as_at).update(as_at=source_as_at)
    return plan


def _check_consistency(desired_by_group, problem) -> None:
    existing_consents = defaultdict(list)
    for state_id, instrument_id, date in TreatyAction.objects.consents().values_list(
        "state_id", "instrument_id", "date"
    ):
        existing_consents[(state_id, instrument_id)].append(date)
    for group in desired_by_group.values():
        by_state = defaultdict(dict)
        for item in group.values():
            by_state[item.state.id][item.parsed.kind] = item
        for kinds in by_state.values():
            signature = kinds.get(ActionKind.SIGNATURE)
            for kind in SIGNATURE_BOUND:
                consent = kinds.get(kind)
                if consent and signature and consent.parsed.date < signature.parsed.date:
                    problem(
                        consent.parsed.line,
                        "date",
                        f"{consent.parsed.kind} of {consent.state.iso3} dated {consent.parsed.date} "
                        f"is before its signature of {signature.parsed.date}",
                    )
            denunciation = kinds.get(ActionKind.DENUNCIATION)
            if denunciation:
                consents = [item.parsed.date for item in kinds.values() if item.parsed.kind in CONSENT_KINDS]
                consents += existing_consents[(denunciation.state.id, denunciation.instrument.id)]
                if not any(date <= denunciation.parsed.date for date in consents):
                    problem(
                        denunciation.parsed.line,
                        "kind",
                        f"denunciation by {denunciation.state.iso3} of {denunciation.instrument.slug}, "
                        "which it is not a party to on that date",
                    )


def _plan(desired_by_group, plan: ImportPlan, problem):
    operations = []
    for (source_name, instrument_id), group in desired_by_group.items():
        existing = {
            (action.state_id, action.instrument_id, action.kind): action
            for action in TreatyAction.objects.filter(source__name=source_name, instrument_id=instrument_id)
            .select_related("state", "instrument")
            .prefetch_related("statements")
        }
        others = {
            (state_id, kind, date): name
            for state_id, kind, date, name in TreatyAction.objects.filter(instrument_id=instrument_id)
            .exclude(source__name=source_name)
            .values_list("state_id", "kind", "date", "source__name")
        }
        for key, item in group.items():
            clash = others.get((item.state.id, item.parsed.kind, item.parsed.date))
            if clash:
                problem(
                    item.parsed.line,
                    "kind",
                    f"duplicate action: {item.label()} is already recorded from {clash!r}",
                )
                continue
            current = existing.pop(key, None)
            if current is None:
                plan.added.append(item.label())
                operations.append(("add", item, None, source_name))
                continue
            differences = [
                f"{name} {getattr(current, name)} → {value}"
                for name, value in (
                    ("date", item.parsed.date),
                    ("raw", item.parsed.raw),
                    ("notes", item.parsed.notes),
                )
                if getattr(current, name) != value
            ]
            current_statements = {(s.kind, s.text, s.date, s.withdrawn_on) for s in current.statements.all()}
            if differences:
                plan.changed.append(f"{item.label()}: {'; '.join(differences)}")
            elif current_statements != item.statements:
                plan.statements_changed += 1
            else:
                plan.unchanged += 1
                continue
            operations.append(("change", item, current, source_name))
        for action in existing.values():
            plan.removed.append(f"{action.state.iso3} {action.instrument.slug} {action.kind} {action.date}")
            operations.append(("remove", None, action, source_name))
    return operations


def _apply(operations, source_meta) -> None:
    sources = {}
    for name, (as_at, licence) in source_meta.items():
        source, _created = StatusSource.objects.get_or_create(
            name=name, defaults={"citation": name, "as_at": as_at, "licence": licence}
        )
        if source.as_at != as_at or (licence and source.licence != licence):
            source.as_at, source.licence = as_at, licence or source.licence
            source.save()
        sources[name] = source
    for verb, item, current, source_name in operations:
        if verb == "remove":
            current.delete()
            continue
        if verb == "add":
            current = TreatyAction(
                state=item.state,
                instrument=item.instrument,
                kind=item.parsed.kind,
                source=sources[source_name],
            )
        current.date, current.raw, current.notes = item.parsed.date, item.parsed.raw, item.parsed.notes
        current.save()
        current.statements.all().delete()
        for kind, text, date, withdrawn_on in sorted(item.statements, key=str):
            Statement.objects.create(
                action=current, kind=kind, text=text, date=date, withdrawn_on=withdrawn_on, source=source_name
            )
