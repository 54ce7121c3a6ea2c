"""Projects and their activities in the IATI activity standard, version 2.03, validated
against IATI's own schema (funding/schemas/iati-2.03, read offline) before anything is written.

- A project is an IATI activity of hierarchy 1; each of its activities (a workshop, a
  mission) one of hierarchy 2 pointing to it (related-activity type 1, "parent").
- reporting-org: the publisher's IATI organisation identifier (given by whoever runs the
  export: ctassist does not invent one), type 40 (multilateral).
- participating-org: the donors, role 1 (funding; type 10 for a government); the
  reporting organisation, role 4 (implementing).
- recipient-region: a project's M49 regions (vocabulary 2, United Nations);
  recipient-country: an activity's host and participating states (ISO 3166-1 alpha-2), with
  equal percentages that add up to 100.
- sector: DAC 5-digit code 15130, legal and judicial development (the legislative
  assistance that is the work's core); documented as ctassist's classification.
- budget: the project's budget over its period.
- transaction: pledges earmarked for the project are incoming commitments (11), payments
  against them incoming funds (1); expenditure committed is an outgoing commitment (2) and
  expenditure spent is expenditure (4). A disbursement (3) is money passed on to another
  organization, which ctassist's records do not hold, so none is written.
- result: an activity's confirmed outcomes (ratifications and accessions, laws adopted), as
  outcome results (type 2) with a unit indicator counted over the 24 months after it.

Text is written only where the records have it; a missing text (a project without a title)
leaves its element empty and the schema refuses the document, naming the activity and field."""

import datetime
import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

from django.utils import translation
from lxml import etree

from assistance.models import Activity, ActivityStatus
from funding.models import Expenditure, ExpenditureKind, Payment, Pledge
from outcomes.models import Outcome, OutcomeKind
from projects.models import DonorKind, Project

SCHEMA = Path(__file__).parent / "schemas" / "iati-2.03" / "iati-activities-schema.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
REPORTING_ORG_NAME = "United Nations Office on Drugs and Crime, Terrorism Prevention Branch"
SECTOR_LEGAL_AND_JUDICIAL = "15130"
OUTCOME_WINDOW = datetime.timedelta(days=730)  # outcomes are proposed within 24 months
ACTIVITY_STATUS = {
    ActivityStatus.PLANNED: "1",
    ActivityStatus.ONGOING: "2",
    ActivityStatus.COMPLETED: "4",
    ActivityStatus.CANCELLED: "5",
}
RESULT_TITLES = {
    OutcomeKind.RATIFICATION: "Ratifications and accessions that followed the activity",
    OutcomeKind.LAW: "Laws adopted that followed the activity",
}


class InvalidIati(ValueError):
    """The document does not validate; the message names the activity and the field."""


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    # The schema's imports are local files (xml.xsd); lxml's parser reads no network.
    return etree.XMLSchema(etree.parse(str(SCHEMA), etree.XMLParser(no_network=True)))


def _narrative(parent, text: str, language: str | None = None):
    """A narrative with the text, or none where there is no text (the schema then says so)."""
    if text and text.strip():
        element = etree.SubElement(parent, "narrative")
        element.text = text.strip()
        if language:
            element.set(XML_LANG, language)
    return parent


def _sub(parent, tag: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): str(v) for k, v in attributes.items()})
    if text is not None:
        _narrative(element, text)
    return element


def _value(parent, tag: str, amount: Decimal, currency: str, day: datetime.date):
    element = etree.SubElement(parent, tag, {"currency": currency, "value-date": day.isoformat()})
    element.text = str(amount)
    return element


def _percentages(count: int) -> list[str]:
    """Equal shares of 100 to two decimals, the last taking the rounding."""
    if count <= 1:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return [str(share)] * (count - 1) + [str(Decimal(100) - share * (count - 1))]


class Builder:
    def __init__(self, reporting_org_ref: str, today: datetime.date):
        self.ref, self.today = reporting_org_ref, today

    def identifier(self, project: Project, activity: Activity | None = None) -> str:
        code = re.sub(r"\s+", "-", project.code)
        return f"{self.ref}-{code}" + (f"-A{activity.id}" if activity else "")

    def opening(self, root, identifier: str, hierarchy: int, title: str, description: str):
        item = _sub(root, "iati-activity", hierarchy=hierarchy, default_currency="USD")
        item.set(XML_LANG, "en")
        _sub(item, "iati-identifier").text = identifier
        _sub(item, "reporting-org", REPORTING_ORG_NAME, ref=self.ref, type="40")
        _narrative(_sub(item, "title"), title)
        _narrative(_sub(item, "description", type="1"), description)
        return item

    def project(self, root, project: Project) -> None:
        item = self.opening(
            root,
            self.identifier(project),
            1,
            project.title,
            f"Project {project.code} of technical assistance for the universal legal instruments "
            f"against terrorism, {project.starts_on.isoformat()} to {project.ends_on.isoformat()}.",
        )
        self.participants(item, project)
        status = "1" if self.today < project.starts_on else "2" if self.today <= project.ends_on else "4"
        _sub(item, "activity-status", code=status)
        _sub(item, "activity-date", iso_date=project.starts_on.isoformat(), type="1")
        _sub(item, "activity-date", iso_date=project.ends_on.isoformat(), type="3")
        regions = list(project.regions.all())
        for region, share in zip(regions, _percentages(len(regions)) or [None] * len(regions), strict=True):
            element = _sub(item, "recipient-region", region.name("en"), code=region.code, vocabulary="2")
            if share:
                element.set("percentage", share)
        _sub(item, "sector", code=SECTOR_LEGAL_AND_JUDICIAL, vocabulary="1")
        if project.budget is not None:
            budget = _sub(item, "budget", type="1", status="1")
            _sub(budget, "period-start", iso_date=project.starts_on.isoformat())
            _sub(budget, "period-end", iso_date=project.ends_on.isoformat())
            _value(budget, "value", project.budget, project.currency, project.starts_on)
        for pledge in Pledge.objects.filter(project=project).select_related("donor"):
            self.transaction(item, "11", pledge, provider=pledge.donor.name)
        for payment in Payment.objects.filter(pledge__project=project).select_related("donor"):
            self.transaction(item, "1", payment, provider=payment.donor.name)
        for spending in Expenditure.objects.filter(project=project, activity=None):
            self.expenditure(item, spending)

    def participants(self, item, project: Project) -> None:
        for donor in project.donors.all():
            kind = {DonorKind.STATE: "10", DonorKind.ORGANIZATION: "40"}.get(donor.kind)
            org = _sub(item, "participating-org", donor.name, role="1")
            if kind:
                org.set("type", kind)
        _sub(item, "participating-org", REPORTING_ORG_NAME, role="4", ref=self.ref, type="40")

    def transaction(self, item, code: str, record, provider: str) -> None:
        transaction = _sub(item, "transaction")
        _sub(transaction, "transaction-type", code=code)
        _sub(transaction, "transaction-date", iso_date=record.date.isoformat())
        _value(transaction, "value", record.amount, record.currency, record.date)
        _sub(transaction, "provider-org", provider)

    def expenditure(self, item, spending: Expenditure) -> None:
        transaction = _sub(item, "transaction")
        code = "4" if spending.kind == ExpenditureKind.SPENT else "2"
        _sub(transaction, "transaction-type", code=code)
        _sub(transaction, "transaction-date", iso_date=spending.date.isoformat())
        _value(transaction, "value", spending.amount, spending.currency, spending.date)
        if spending.note:
            _narrative(_sub(transaction, "description"), spending.note)

    def activity(self, root, project: Project, activity: Activity) -> None:
        item = self.opening(
            root,
            self.identifier(project, activity),
            2,
            activity.title,
            f"{activity.get_kind_display()}, {activity.starts_on.isoformat()} to "
            f"{activity.ends_on.isoformat()}.",
        )
        self.participants(item, project)
        _sub(item, "activity-status", code=ACTIVITY_STATUS.get(activity.status, "2"))
        started = activity.status in (ActivityStatus.ONGOING, ActivityStatus.COMPLETED)
        _sub(item, "activity-date", iso_date=activity.starts_on.isoformat(), type="2" if started else "1")
        done = activity.status == ActivityStatus.COMPLETED
        _sub(item, "activity-date", iso_date=activity.ends_on.isoformat(), type="4" if done else "3")
        states = list(
            dict.fromkeys([s for s in [activity.host_state, *activity.participating_states.all()] if s])
        )
        for state, share in zip(states, _percentages(len(states)) or [None] * len(states), strict=True):
            element = _sub(item, "recipient-country", state.name("en"), code=state.iso2)
            if share:
                element.set("percentage", share)
        _sub(item, "sector", code=SECTOR_LEGAL_AND_JUDICIAL, vocabulary="1")
        for spending in Expenditure.objects.filter(activity=activity):
            self.expenditure(item, spending)
        _sub(item, "related-activity", ref=self.identifier(project), type="1")  # its project, the parent
        self.results(item, activity)

    def results(self, item, activity: Activity) -> None:
        counts = Counter(Outcome.objects.confirmed().filter(activity=activity).values_list("kind", flat=True))
        for kind, count in sorted(counts.items()):
            result = _sub(item, "result", type="2", aggregation_status="1")
            _narrative(_sub(result, "title"), RESULT_TITLES[kind])
            indicator = _sub(result, "indicator", measure="1", ascending="1")
            _narrative(_sub(indicator, "title"), RESULT_TITLES[kind])
            period = _sub(indicator, "period")
            _sub(period, "period-start", iso_date=activity.starts_on.isoformat())
            _sub(period, "period-end", iso_date=(activity.ends_on + OUTCOME_WINDOW).isoformat())
            _sub(period, "actual", value=count)


def build(reporting_org_ref: str, projects=None, today: datetime.date | None = None) -> etree._ElementTree:
    builder = Builder(reporting_org_ref, today or datetime.date.today())
    root = etree.Element(
        "iati-activities",
        {
            "version": "2.03",
            "generated-datetime": datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
        },
    )
    projects = Project.objects.all() if projects is None else projects
    for project in projects.prefetch_related("regions", "donors").order_by("code"):
        builder.project(root, project)
        activities = (
            Activity.objects.filter(project=project).select_related("host_state").order_by("starts_on", "id")
        )
        for activity in activities.prefetch_related("participating_states"):
            builder.activity(root, project, activity)
    return etree.ElementTree(root)


def validate(document: etree._ElementTree) -> None:
    """Raise InvalidIati naming the first invalid activity and field (all errors are listed)."""
    checker = schema()
    if checker.validate(document):
        return
    problems = []
    for error in checker.error_log:
        problems.append(_describe(document, error))
    raise InvalidIati("The IATI document does not validate against the 2.03 schema:\n" + "\n".join(problems))


def _describe(document, error) -> str:
    path = error.path or ""
    match = re.match(r"^/iati-activities/iati-activity(\[\d+\])?(/.*)?$", path)
    if not match:
        return f"- {path or 'document'}: {error.message}"
    item = document.xpath(f"/iati-activities/iati-activity{match[1] or '[1]'}")[0]
    identifier = item.findtext("iati-identifier") or "(no identifier)"
    title = item.findtext("title/narrative") or ""
    field = re.sub(r"\[\d+\]", "", (match[2] or "").lstrip("/")) or "iati-activity"
    named = f" ({title})" if title else ""
    return f"- activity {identifier}{named}, field {field}: {error.message}"


def export(reporting_org_ref: str, projects=None) -> bytes:
    """The validated document as bytes; InvalidIati (nothing to write) if it is not valid.
    Its own texts (kinds of activity, descriptions) are in English, the language it declares."""
    with translation.override("en"):
        document = build(reporting_org_ref, projects)
    validate(document)
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)
