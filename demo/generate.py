"""Demonstration records for trying ctassist: generated assistance from 2002 (when the global
programme began) to the end of this year, written across five apps (projects and donors,
experts, requests and activities, plans, and one account per role through demo/accounts.py).

Every record written here has `demonstration=True` and says so in its title or text, so
that pages and exports can label it; reference data (states, instruments, treaty actions,
laws) is only read. Writing goes through bulk_create: a decade of 20,000 activities takes
seconds, and generated records get no history (they were never edited by anyone).

Every single-state activity answers a generated request of its state (or a Committee referral);
a regional or subregional one names requests of the states taking part or the reason it is held
without one. Some activities are placed on purpose in the 24 months before real deposits in the
shipped status lists (2002–2014), on the instrument deposited, so that `ctassist
propose-outcomes` has real ratifications to propose as their outcomes."""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import translation

from assistance.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    AssistanceRequest,
    Gender,
    Origin,
    ParticipantCount,
    ProfessionalRole,
    RequestStatus,
)
from cooperation.models import Authority
from demo import accounts as demo_accounts
from demo import authorities as demo_authorities
from demo import funding as demo_funding
from demo import strategy as demo_strategy
from demo import surveys as demo_surveys
from experts.models import AdvisoryGroup, Expert, LegalSystem
from instruments.models import Instrument
from participation.models import TreatyAction
from plans.models import Plan, PlanKind, PlanStatus, Step
from projects.models import Donor, DonorKind, Project
from states.models import Area, State
from strategy.themes import ThematicArea

MARK = "(demonstration)"
FIRST_DAY = datetime.date(2002, 1, 1)  # the global programme of the Terrorism Prevention Branch began
# One activity in this many is placed before a real deposit (see `before_deposits`).
BEFORE_DEPOSIT_SHARE = 10
WITHOUT_REQUEST = f"{MARK} Held under the programme's regional work plan, not in answer to a request."
# Order of deletion: what refers to a record goes before it.
MODELS = (Activity, Plan, AssistanceRequest, AdvisoryGroup, Expert, Project, Donor, Authority)

# Days an activity of each kind lasts (shortest, longest), and how often it occurs.
DURATION = {
    ActivityKind.LEGISLATIVE_ADVICE: (1, 5, 14),
    ActivityKind.DRAFTING_WORKSHOP: (2, 4, 10),
    ActivityKind.NATIONAL_WORKSHOP: (2, 4, 22),
    ActivityKind.REGIONAL_SEMINAR: (2, 5, 6),
    ActivityKind.SUBREGIONAL_SEMINAR: (2, 4, 8),
    ActivityKind.TRAINING_COURSE: (3, 10, 16),
    ActivityKind.MENTORING: (20, 120, 4),
    ActivityKind.EXPERT_MISSION: (2, 5, 10),
    ActivityKind.ROVING_MISSION: (5, 14, 4),
    ActivityKind.STUDY_VISIT: (3, 7, 6),
}
PARTNERS = (
    "UNODC",
    "CTED",
    "OSCE",
    "Council of Europe",
    "African Union",
    "IMO",
    "ICAO",
    "IAEA",
    "INTERPOL",
    "UNICRI",
    "Commonwealth Secretariat",
    "Organization of American States",
)
STEPS = (
    "Gap analysis of the criminal code",
    "Consultation of ministries and the judiciary",
    "First draft of the amendments",
    "Review of the draft by international experts",
    "Submission to parliament",
    "Adoption",
    "Training of prosecutors and judges on the new law",
)


class DemonstrationExists(Exception):
    pass


@dataclass
class Counts:
    counts: dict = field(default_factory=dict)
    logins: list = field(default_factory=list)  # the demonstration accounts and their passwords

    def add(self, label: str, number: int) -> None:
        self.counts[label] = self.counts.get(label, 0) + number

    def __bool__(self) -> bool:
        return any(self.counts.values())

    def __str__(self) -> str:
        return ", ".join(f"{number} {label}" for label, number in self.counts.items())


def exists() -> bool:
    return (
        demo_accounts.exist()
        or demo_strategy.exist()
        or demo_surveys.exist()
        or any(model.objects.filter(demonstration=True).exists() for model in MODELS)
    )


def generate(activities: int = 2000, seed: int = 2017, today: datetime.date | None = None) -> Counts:
    """Generate the demonstration records; the same seed and day give the same records.

    Statuses follow `today`: what ended before it is completed (or cancelled), what runs
    on it is ongoing, what starts after it is planned."""
    if exists():
        raise DemonstrationExists("Demonstration records exist already; remove them first with --clear.")
    with translation.override("en"), transaction.atomic():
        counts = _Generator(random.Random(seed), today or datetime.date.today()).run(activities)
        try:
            counts.logins = demo_accounts.create()  # one account per role, attached to the records above
        except demo_accounts.AccountsExist as error:
            raise DemonstrationExists(str(error)) from None
        counts.add("accounts", len(counts.logins))
        return counts


class _Generator:
    def __init__(self, rng: random.Random, today: datetime.date):
        self.rng = rng
        self.today = today
        self.last_day = datetime.date(today.year, 12, 31)
        self.counts = Counts()
        self.states = list(State.objects.order_by("iso3"))
        self.instruments = list(Instrument.objects.order_by("slug").values_list("id", flat=True))
        self.regions = list(Area.objects.filter(level=Area.Level.REGION).order_by("code"))
        self.by_area = defaultdict(list)
        for state in self.states:
            self.by_area[state.intermediate_region_id or state.subregion_id].append(state)
            self.by_area[state.region_id].append(state)

    def run(self, activities: int) -> Counts:
        donors = self.donors()
        projects = self.projects(max(5, activities // 400), donors)
        experts = self.experts(min(400, max(20, activities // 50)))
        self.advisory_groups(experts)
        requests = self.requests(max(20, activities // 8))
        self.activities(activities, projects, experts, requests)
        demo_funding.create(self.rng, projects, self.today, self.counts)  # pledges, payments, expenditure
        self.plans(min(len(self.states), max(10, activities // 20)), requests)
        self.counts.add("competent authorities", demo_authorities.create(self.rng, self.states, self.today))
        demo_strategy.create(self.rng, projects, self.regions, self.states, self.today, self.counts)
        demo_surveys.create(self.rng, self.states, self.counts)  # a questionnaire and replies
        return self.counts

    def bulk(self, model, records: list, label: str | None = None) -> list:
        created = model.objects.bulk_create(records, batch_size=2000)
        if label:
            self.counts.add(label, len(created))
        return created

    def date_between(self, first: datetime.date, last: datetime.date) -> datetime.date:
        return first + datetime.timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def m2m(self, field, pairs) -> None:
        """Write the rows of a many-to-many field from (record id, related id) pairs."""
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        self.bulk(through, [through(**{source: a, target: b}) for a, b in pairs])

    def donors(self) -> list[Donor]:
        donor_states = self.rng.sample(self.states, 8)
        records = [
            Donor(name=f"{state.name('en')} {MARK}", kind=DonorKind.STATE, state=state, demonstration=True)
            for state in donor_states
        ]
        records += [
            Donor(name=f"Fund {letter} {MARK}", kind=kind, demonstration=True)
            for letter, kind in (
                ("A", DonorKind.ORGANIZATION),
                ("B", DonorKind.ORGANIZATION),
                ("C", DonorKind.OTHER),
            )
        ]
        return self.bulk(Donor, records, "donors")

    def projects(self, number: int, donors: list[Donor]) -> list[Project]:
        records = []
        for index in range(number):
            starts = self.date_between(
                FIRST_DAY - datetime.timedelta(days=365), self.last_day - datetime.timedelta(days=365)
            )
            project = Project(
                code=f"DEMO-{index + 1:03d}",
                title="",
                starts_on=starts,
                ends_on=starts + datetime.timedelta(days=self.rng.randint(2, 4) * 365),
                budget=self.rng.randrange(200, 5000) * 1000,
                demonstration=True,
            )
            # A project serves one region here; its activities are hosted there.
            project.demo_region = self.rng.choice(self.regions)
            project.title = f"Assistance to {project.demo_region.name('en')}, {starts.year} {MARK}"
            records.append(project)
        created = self.bulk(Project, records, "projects")
        self.m2m(Project._meta.get_field("regions"), [(p.id, p.demo_region.id) for p in created])
        self.m2m(
            Project._meta.get_field("donors"),
            [(p.id, d.id) for p in created for d in self.rng.sample(donors, self.rng.randint(1, 3))],
        )
        return created

    def experts(self, number: int) -> list[Expert]:
        languages = ("en", "fr", "ar", "es", "ru", "zh")
        records = []
        for index in range(number):
            records.append(
                Expert(
                    name=f"Expert {index + 1:03d} {MARK}",
                    nationality=self.rng.choice(self.states),
                    legal_systems=sorted(self.rng.sample(LegalSystem.values, self.rng.choice((1, 1, 2)))),
                    languages=sorted(self.rng.sample(languages, self.rng.randint(1, 3))),
                    expertise="Generated demonstration record: not a real person.",
                    active=self.rng.random() < 0.9,
                    demonstration=True,
                )
            )
        created = self.bulk(Expert, records, "experts")
        regions, instruments = [], []
        for expert in created:
            expert.region_ids = {r.id for r in self.rng.sample(self.regions, self.rng.randint(1, 2))}
            regions += [(expert.id, region) for region in sorted(expert.region_ids)]
            instruments += [(expert.id, i) for i in self.rng.sample(self.instruments, self.rng.randint(2, 6))]
        self.m2m(Expert._meta.get_field("regions"), regions)
        self.m2m(Expert._meta.get_field("instruments"), instruments)
        return created

    def advisory_groups(self, experts: list[Expert]) -> None:
        groups, members = [], []
        for region in self.regions:
            for system in LegalSystem:
                fitting = [
                    e for e in experts if region.id in e.region_ids and system.value in e.legal_systems
                ]
                if len(fitting) < 2:
                    continue
                groups.append(
                    AdvisoryGroup(
                        name=f"Advisory group for {region.name('en')}, {system.label} {MARK}",
                        region=region,
                        legal_system=system.value,
                        demonstration=True,
                    )
                )
                members.append(fitting[:8])
        created = self.bulk(AdvisoryGroup, groups, "advisory groups")
        self.m2m(
            AdvisoryGroup._meta.get_field("members"),
            [
                (group.id, expert.id)
                for group, chosen in zip(created, members, strict=True)
                for expert in chosen
            ],
        )

    def requests(self, number: int) -> list[AssistanceRequest]:
        records = []
        for _ in range(number):
            state = self.rng.choice(self.states)
            areas = self.rng.sample(ThematicArea.values, self.rng.randint(1, 3))
            records.append(
                AssistanceRequest(
                    state=state,
                    origin=Origin.CTC_REFERRAL if self.rng.random() < 0.2 else Origin.STATE,
                    received_on=self.date_between(FIRST_DAY - datetime.timedelta(days=180), self.today),
                    needs=f"{MARK} Assistance with {', '.join(str(ThematicArea(a).label) for a in areas)}.",
                    priorities=f"{MARK} Generated for trying ctassist; not a real request.",
                    thematic_areas=areas,
                    confidential=self.rng.random() < 0.7,
                    status=RequestStatus.RECEIVED,
                    demonstration=True,
                )
            )
        created = self.bulk(AssistanceRequest, records, "requests")
        self.m2m(
            AssistanceRequest._meta.get_field("instruments"),
            [(r.id, i) for r in created for i in self.rng.sample(self.instruments, self.rng.randint(1, 3))],
        )
        return created

    def status(self, starts: datetime.date, ends: datetime.date) -> str:
        cancelled = self.rng.random() < 0.06
        if ends < self.today:
            return ActivityStatus.CANCELLED if cancelled else ActivityStatus.COMPLETED
        if starts > self.today:
            return ActivityStatus.CANCELLED if cancelled else ActivityStatus.PLANNED
        return ActivityStatus.ONGOING

    def before_deposits(self, number: int) -> list[tuple]:
        """Activities placed in the 24 months before real deposits of the shipped status lists:
        (kind, starts, ends, host, instrument id), one national activity on the instrument
        deposited, ending 20 to 700 days before the deposit (within outcomes' 24-month window)."""
        deposits = list(
            TreatyAction.objects.consents()
            .filter(date__gt=FIRST_DAY, date__lte=self.today, instrument_id__in=self.instruments)
            .order_by("date", "state__iso3", "instrument__slug", "id")
            .values_list("state_id", "instrument_id", "date")
        )
        states = {state.id: state for state in self.states}
        kinds = (
            ActivityKind.LEGISLATIVE_ADVICE,
            ActivityKind.DRAFTING_WORKSHOP,
            ActivityKind.NATIONAL_WORKSHOP,
            ActivityKind.EXPERT_MISSION,
        )
        placed = []
        for state_id, instrument_id, deposit in self.rng.sample(deposits, min(number, len(deposits))):
            kind = self.rng.choice(kinds)
            shortest, longest, _weight = DURATION[kind]
            days = self.rng.randint(shortest, longest)
            ends = deposit - datetime.timedelta(days=self.rng.randint(20, 700))
            starts = ends - datetime.timedelta(days=days - 1)
            if starts >= FIRST_DAY and state_id in states:
                placed.append((kind, starts, ends, states[state_id], instrument_id))
        return placed

    def new_request(self, state, starts: datetime.date, areas: list[str], instruments: list[int]):
        """A request of the state received before the activity that answers it (unsaved)."""
        earliest = FIRST_DAY - datetime.timedelta(days=180)
        request = AssistanceRequest(
            state=state,
            origin=Origin.CTC_REFERRAL if self.rng.random() < 0.2 else Origin.STATE,
            received_on=max(earliest, starts - datetime.timedelta(days=self.rng.randint(30, 300))),
            needs=f"{MARK} Assistance with {', '.join(str(ThematicArea(a).label) for a in areas)}.",
            priorities=f"{MARK} Generated for trying ctassist; not a real request.",
            thematic_areas=areas,
            confidential=self.rng.random() < 0.7,
            status=RequestStatus.RECEIVED,
            demonstration=True,
        )
        request.demo_instruments = instruments
        return request

    def activities(self, number, projects, experts, requests) -> None:
        kinds = list(DURATION)
        weights = [DURATION[kind][2] for kind in kinds]
        requests_of = defaultdict(list)
        for request in requests:
            requests_of[request.state_id].append(request)
        placed = self.before_deposits(number // BEFORE_DEPOSIT_SHARE)
        records, specs, added = [], [], []
        for index in range(number):
            if index < len(placed):
                kind, starts, ends, host, deposited = placed[index]
            else:
                kind = self.rng.choices(kinds, weights)[0]
                shortest, longest, _weight = DURATION[kind]
                days = self.rng.randint(shortest, longest)
                starts = self.date_between(FIRST_DAY, self.last_day - datetime.timedelta(days=days))
                ends = starts + datetime.timedelta(days=days - 1)
                host, deposited = self.rng.choice(self.states), None
            others = []
            if kind in (
                ActivityKind.REGIONAL_SEMINAR,
                ActivityKind.SUBREGIONAL_SEMINAR,
                ActivityKind.ROVING_MISSION,
            ):
                area = (
                    host.region_id
                    if kind == ActivityKind.REGIONAL_SEMINAR
                    else (host.intermediate_region_id or host.subregion_id)
                )
                pool = [s for s in self.by_area[area] if s.id != host.id]
                others = self.rng.sample(pool, min(len(pool), self.rng.randint(2, 6)))
            area = ThematicArea.LEGISLATION if deposited else self.rng.choice(ThematicArea.values)
            instruments = self.rng.sample(self.instruments, self.rng.randint(1, 3))
            if deposited and deposited not in instruments:
                instruments[0] = deposited
            # Every activity answers a request: a national one its state's (a new request when
            # the state has none yet), a regional one some of its states' or it says why not.
            answers, reason = [], ""
            if not others:
                earlier = [r for r in requests_of[host.id] if r.received_on <= starts]
                if earlier and not deposited:
                    answers = [max(earlier, key=lambda r: r.received_on)]
                else:
                    answers = [self.new_request(host, starts, [area], instruments)]
                    requests_of[host.id].append(answers[0])
                    added.append(answers[0])
            else:
                earlier = [
                    r for state in [host, *others] for r in requests_of[state.id] if r.received_on <= starts
                ]
                if earlier and self.rng.random() < 0.6:
                    answers = self.rng.sample(earlier, min(len(earlier), self.rng.randint(1, 2)))
                else:
                    reason = WITHOUT_REQUEST
            status = self.status(starts, ends)
            if deposited and status == ActivityStatus.CANCELLED:
                status = ActivityStatus.COMPLETED  # placed to precede the deposit: it took place
            fitting = [
                p
                for p in projects
                if p.starts_on <= starts <= p.ends_on and p.demo_region.id == host.region_id
            ]
            records.append(
                Activity(
                    title=f"{str(ActivityKind(kind).label).capitalize()} on {ThematicArea(area).label}, "
                    f"{host.name('en')} {MARK}",
                    kind=kind,
                    starts_on=starts,
                    ends_on=ends,
                    place=host.name("en"),
                    host_state=host,
                    partners=", ".join(self.rng.sample(PARTNERS, self.rng.randint(0, 2))),
                    thematic_areas=[area],
                    project=self.rng.choice(fitting) if fitting else None,
                    status=status,
                    held_without_request_reason=reason,
                    demonstration=True,
                )
            )
            specs.append((others, instruments, answers))
        self.bulk(AssistanceRequest, added, "requests")
        self.m2m(
            AssistanceRequest._meta.get_field("instruments"),
            [(r.id, i) for r in added for i in r.demo_instruments],
        )
        requests += added
        created = self.bulk(Activity, records, "activities")
        participating, instruments, assigned, answered, counts = [], [], [], [], []
        roles, genders = ProfessionalRole.values, Gender.values
        combinations = [(role, gender) for role in roles for gender in genders]
        for activity, (others, chosen, answers) in zip(created, specs, strict=True):
            participating += [(activity.id, state.id) for state in others]
            instruments += [(activity.id, i) for i in chosen]
            assigned += [(activity.id, e.id) for e in self.rng.sample(experts, self.rng.randint(0, 2))]
            for request in answers:
                answered.append((activity.id, request.id))
                request.answered_by = getattr(request, "answered_by", []) + [activity]
            if activity.status in (ActivityStatus.COMPLETED, ActivityStatus.ONGOING):
                for state in [activity.host_state, *others]:
                    for role, gender in self.rng.sample(combinations, self.rng.randint(2, 4)):
                        counts.append(
                            ParticipantCount(
                                activity=activity,
                                state=state,
                                role=role,
                                gender=gender,
                                count=self.rng.randint(1, 8),
                            )
                        )
        self.m2m(Activity._meta.get_field("participating_states"), participating)
        self.m2m(Activity._meta.get_field("instruments"), instruments)
        self.m2m(Activity._meta.get_field("experts"), assigned)
        self.m2m(Activity._meta.get_field("requests"), sorted(set(answered)))
        self.bulk(ParticipantCount, counts, "participant counts")
        self.request_statuses(requests)

    def request_statuses(self, requests) -> None:
        """A request's place in its lifecycle follows the activities that answer it."""
        for request in requests:
            answers = getattr(request, "answered_by", [])
            if answers:
                statuses = {a.status for a in answers}
                if statuses <= {ActivityStatus.COMPLETED, ActivityStatus.CANCELLED}:
                    request.status = RequestStatus.COMPLETED
                elif ActivityStatus.ONGOING in statuses or ActivityStatus.COMPLETED in statuses:
                    request.status = RequestStatus.IN_PROGRESS
                else:
                    request.status = RequestStatus.PLANNED
            elif self.rng.random() < 0.15:
                request.status = RequestStatus.DECLINED
                request.decline_reason = f"{MARK} Covered by another provider."
            else:
                request.status = self.rng.choice((RequestStatus.RECEIVED, RequestStatus.ASSESSED))
        AssistanceRequest.objects.bulk_update(requests, ["status", "decline_reason"], batch_size=1000)

    def plans(self, number: int, requests) -> None:
        requests_of = defaultdict(list)
        for request in requests:
            requests_of[request.state_id].append(request.id)
        records = []
        for state in self.rng.sample(self.states, number):
            kind = self.rng.choice(PlanKind.values)
            established = self.date_between(FIRST_DAY, self.today)
            name = (
                "National action plan" if kind == PlanKind.ACTION_PLAN else "Legislative drafting committee"
            )
            records.append(
                Plan(
                    state=state,
                    kind=kind,
                    title=f"{name}, {state.name('en')} {MARK}",
                    status=self.rng.choice((PlanStatus.ADOPTED, PlanStatus.UNDER_WAY, PlanStatus.COMPLETED)),
                    established_on=established,
                    notes="Generated demonstration record: not a real plan.",
                    demonstration=True,
                )
            )
        created = self.bulk(Plan, records, "plans")
        steps, instruments, linked = [], [], []
        for plan in created:
            due = plan.established_on
            for position, title in enumerate(STEPS[: self.rng.randint(3, len(STEPS))]):
                due += datetime.timedelta(days=self.rng.randint(30, 240))
                done = due + datetime.timedelta(days=self.rng.randint(-20, 60))
                steps.append(
                    Step(
                        plan=plan,
                        position=position,
                        title=title,
                        due_on=due,
                        done_on=done if done < self.today else None,
                    )
                )
            instruments += [(plan.id, i) for i in self.rng.sample(self.instruments, self.rng.randint(1, 4))]
            linked += [(plan.id, r) for r in requests_of[plan.state_id][:2]]
        self.bulk(Step, steps, "steps")
        self.m2m(Plan._meta.get_field("instruments"), instruments)
        self.m2m(Plan._meta.get_field("requests"), linked)


def clear() -> Counts:
    """Delete the demonstration records, and only them, with what belongs to them.

    Rows are deleted in bulk, without the per-record signals that would write a history
    entry for each of a hundred thousand generated rows. Real records that point to a
    demonstration record lose only that link; a real record that a demonstration record
    may not be deleted from under (PROTECT) stops everything."""
    counts = Counts()
    with transaction.atomic():
        try:
            counts.add("accounts", demo_accounts.clear())
        except demo_accounts.AccountsExist as error:
            raise DemonstrationExists(str(error)) from None
        counts.add("funding records", demo_funding.clear())  # they refer to projects and activities
        counts.add("questionnaire records", demo_surveys.clear())
        counts.add("entities' counter-terrorism projects", demo_strategy.clear())
        for model in MODELS:
            doomed = model.objects.filter(demonstration=True)
            ids = list(doomed.values_list("id", flat=True))
            if not ids:
                continue
            for start in range(0, len(ids), 5000):
                _clear_links(model, ids[start : start + 5000])
            counts.add(str(model._meta.verbose_name_plural), doomed._raw_delete(doomed.db))
    return counts


def _clear_links(model, ids: list[int]) -> None:
    for field_ in model._meta.local_many_to_many:
        through = field_.remote_field.through
        _raw(through.objects.filter(**{f"{field_.m2m_field_name()}__in": ids}))
    for relation in model._meta.related_objects:
        if relation.many_to_many:
            through = relation.through
            _raw(through.objects.filter(**{f"{relation.field.m2m_reverse_field_name()}__in": ids}))
            continue
        # Demonstration records that refer to this model are gone already (MODELS is in
        # order): what is left here is what belongs to them, or real records.
        related = relation.related_model
        pointing = related._base_manager.filter(**{f"{relation.field.name}__in": ids})
        on_delete = relation.on_delete
        if on_delete is models.CASCADE:
            for sub in related._meta.related_objects:
                if sub.many_to_many:
                    continue
                _raw(
                    sub.related_model._base_manager.filter(**{f"{sub.field.name}__in": pointing.values("id")})
                )
            _raw(pointing)
        elif on_delete is models.SET_NULL:
            pointing.update(**{relation.field.name: None})
        elif pointing.exists():
            raise DemonstrationExists(
                f"{pointing.count()} {related._meta.verbose_name_plural} that are not demonstration records "
                f"refer to demonstration {model._meta.verbose_name_plural}; nothing was deleted."
            )


def _raw(queryset) -> int:
    return queryset._raw_delete(queryset.db)
