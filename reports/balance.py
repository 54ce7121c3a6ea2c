"""The balance of effort per pillar of the Global Counter-Terrorism Strategy (68/276 op. 7:
"the importance of the integrated and balanced implementation of all pillars").

For each of the four pillars: the activities, their participants, the projects, the requests
for assistance, and the money pledged and paid, as ctassist counts them (docs/dashboard.md):

- An activity or a request counts under the pillars of its thematic areas
  (strategy.themes.pillars_of); a project under its `counted_pillars()` (the pillars staff
  name and those of its thematic areas).
- A pledge counts under the pillar it is earmarked for and the pillars of the thematic area it
  is earmarked for; with neither, under those of the project it is earmarked for. A payment
  counts under its pledge's pillars; a payment against no pledge under none.
- A record under two pillars is counted in each: the pillars' figures do not add up to the
  total, which counts each record once. Records under no pillar have a line of their own.
- Cancelled activities are not counted; a request that was withdrawn or declined still is
  (it was asked for)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db.models import Sum
from django.utils.translation import gettext as _

from assistance.models import Activity, ActivityStatus, AssistanceRequest
from funding.contributions import dollars
from funding.models import Payment, Pledge
from projects.models import Project
from reports.charts import Chart, Series, bar_chart, number
from strategy.themes import StrategyPillar, pillars_of

ZERO = Decimal("0")
NONE = ""  # the key of the line of records under no pillar


@dataclass
class Line:
    key: str  # a pillar's code, NONE for records under no pillar, "total" for each record once
    label: str
    activities: int = 0
    participants: int = 0
    projects: int = 0
    requests: int = 0
    pledged: Decimal = ZERO
    paid: Decimal = ZERO
    entity_projects: int = 0

    def add(self, name: str, amount) -> None:
        setattr(self, name, getattr(self, name) + amount)

    @property
    def shown(self) -> dict[str, str]:
        """The figures as the reader's language writes them (counts grouped, whole dollars)."""
        counts = ("activities", "participants", "projects", "requests", "entity_projects")
        return {
            **{name: number(getattr(self, name)) for name in counts},
            "pledged": dollars(self.pledged),
            "paid": dollars(self.paid),
        }


@dataclass
class Balance:
    lines: list[Line]  # the four pillars, then the records under no pillar
    total: Line  # every record once
    demonstration: int = 0
    has_entity_projects: bool = False
    charts: list[Chart] = field(default_factory=list)

    @property
    def pillars(self) -> list[Line]:
        return self.lines[: len(StrategyPillar.values)]


def pledge_pillars(pledge, project_pillars: dict[int, list[str]]) -> list[str]:
    found = set(pillars_of([pledge.thematic_area] if pledge.thematic_area else []))
    if pledge.pillar:
        found.add(pledge.pillar)
    if not found and pledge.project_id:
        found = set(project_pillars.get(pledge.project_id, ()))
    return [pillar for pillar in StrategyPillar.values if pillar in found]


def _counted(pillars) -> list[str]:
    return list(pillars) or [NONE]


def _entity_projects():
    """The UN entities' projects (strategy.models.EntityProject), where that model exists."""
    try:
        model = apps.get_model("strategy", "EntityProject")
    except LookupError:
        return None
    return model


def _entity_project_pillars(project) -> list[str]:
    if hasattr(project, "counted_pillars"):
        return project.counted_pillars()
    named = set(getattr(project, "pillars", None) or [])
    pillar = getattr(project, "pillar", "")
    if pillar:
        named.add(pillar)
    named |= set(pillars_of(getattr(project, "thematic_areas", None) or []))
    return [p for p in StrategyPillar.values if p in named]


def balance(include_demonstration: bool = True) -> Balance:
    lines = {code: Line(code, label) for code, label in StrategyPillar.choices}
    lines[NONE] = Line(NONE, _("Under no pillar (no thematic area or pillar recorded)"))
    total = Line("total", _("All records, each counted once"))
    demonstration = 0

    def real(queryset):
        return queryset if include_demonstration else queryset.filter(demonstration=False)

    activities = real(Activity.objects.exclude(status=ActivityStatus.CANCELLED)).annotate(
        people=Sum("participant_counts__count")
    )
    for activity in activities:
        people = activity.people or 0
        demonstration += activity.demonstration
        total.add("activities", 1)
        total.add("participants", people)
        for pillar in _counted(pillars_of(activity.thematic_areas)):
            lines[pillar].add("activities", 1)
            lines[pillar].add("participants", people)

    for request in real(AssistanceRequest.objects.all()):
        demonstration += request.demonstration
        total.add("requests", 1)
        for pillar in _counted(pillars_of(request.thematic_areas)):
            lines[pillar].add("requests", 1)

    project_pillars: dict[int, list[str]] = {}
    for project in real(Project.objects.all()):
        project_pillars[project.id] = project.counted_pillars()
        demonstration += project.demonstration
        total.add("projects", 1)
        for pillar in _counted(project_pillars[project.id]):
            lines[pillar].add("projects", 1)

    pledges = {pledge.id: pledge for pledge in real(Pledge.objects.all())}
    of_pledge = {pledge_id: pledge_pillars(pledge, project_pillars) for pledge_id, pledge in pledges.items()}
    for pledge in pledges.values():
        demonstration += pledge.demonstration
        total.add("pledged", pledge.amount_usd)
        for pillar in _counted(of_pledge[pledge.id]):
            lines[pillar].add("pledged", pledge.amount_usd)
    for payment in real(Payment.objects.all()):
        demonstration += payment.demonstration
        total.add("paid", payment.amount_usd)
        for pillar in _counted(of_pledge.get(payment.pledge_id, ())):
            lines[pillar].add("paid", payment.amount_usd)

    model = _entity_projects()
    if model is not None:
        for project in real(model.objects.all()):
            demonstration += project.demonstration
            total.add("entity_projects", 1)
            for pillar in _counted(_entity_project_pillars(project)):
                lines[pillar].add("entity_projects", 1)

    result = Balance([*lines.values()], total, demonstration, model is not None)
    result.charts = _charts(result)
    return result


def _charts(result: Balance) -> list[Chart]:
    labels = [line.label for line in result.pillars]
    effort = [
        Series(_("activities"), [line.activities for line in result.pillars]),
        Series(_("projects"), [line.projects for line in result.pillars]),
        Series(_("requests for assistance"), [line.requests for line in result.pillars]),
    ]
    if result.has_entity_projects:
        effort.append(Series(_("UN entities' projects"), [line.entity_projects for line in result.pillars]))
    return [
        bar_chart(
            "balance-records",
            _("Activities, projects and requests per pillar"),
            _(
                "The activities, projects and requests for assistance counted under each pillar "
                "of the Strategy."
            ),
            labels,
            effort,
            _("Pillar of the Strategy"),
            _("Records"),
        ),
        bar_chart(
            "balance-participants",
            _("Participants per pillar"),
            _("The participants in the activities counted under each pillar of the Strategy."),
            labels,
            [Series(_("participants"), [line.participants for line in result.pillars])],
            _("Pillar of the Strategy"),
            _("Participants"),
        ),
        bar_chart(
            "balance-money",
            _("Money pledged and paid per pillar"),
            _("Pledges and payments counted under each pillar of the Strategy, in US dollars."),
            labels,
            [
                Series(_("pledged"), [line.pledged for line in result.pillars]),
                Series(_("paid"), [line.paid for line in result.pillars]),
            ],
            _("Pillar of the Strategy"),
            _("US dollars"),
            formatter=dollars,
        ),
    ]
