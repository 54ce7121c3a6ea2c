"""Projects and donors (F6): staff see all; a donor's representatives what the donor funds."""

import datetime
from decimal import Decimal

from django.db.models import Count
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from accounts.access import visible
from api.v1.assistance import MatrixActivityOut, ParticipantTotalsOut
from assistance import participants
from assistance.models import Activity
from projects.models import Donor, Project

router = Router(tags=["projects"])


class AreaOut(Schema):
    code: str = Field(description="M49 code")
    name: str


class ProjectOut(Schema):
    id: int
    code: str
    title: str
    starts_on: datetime.date
    ends_on: datetime.date
    budget: Decimal | None = Field(description="amount in `currency`, two decimals, as a string")
    currency: str = Field(description="ISO 4217 code")
    regions: list[AreaOut]
    donors: list[str] = Field(description="names of the donors")
    activity_count: int
    demonstration: bool = Field(description="true for generated demonstration records")


class ProjectDetailOut(ProjectOut):
    activities: list[MatrixActivityOut]
    participant_totals: ParticipantTotalsOut


class DonorOut(Schema):
    id: int
    name: str
    kind: str = Field(description="state, organization or other")
    state: str | None = Field(description="ISO3 of a donor that is a state")
    projects: list[str] = Field(description="codes of the projects it funds")
    demonstration: bool


def project_out(project: Project) -> dict:
    return {
        "id": project.id,
        "code": project.code,
        "title": project.title,
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "budget": project.budget,
        "currency": project.currency,
        "regions": [{"code": area.code, "name": area.name()} for area in project.regions.all()],
        "donors": [donor.name for donor in project.donors.all()],
        "activity_count": project.activity_count,
        "demonstration": project.demonstration,
    }


def projects_for(user):
    return (
        visible(user, Project.objects.all())
        .prefetch_related("regions", "donors")
        .annotate(activity_count=Count("activities", distinct=True))
        .order_by("code")  # an aggregate query ignores Meta.ordering
    )


@router.get("/projects", response=list[ProjectOut], summary="Projects you may see")
def list_projects(request):
    return [project_out(project) for project in projects_for(request.user)]


@router.get("/projects/{project_id}", response=ProjectDetailOut, summary="One project with its activities")
def get_project(request, project_id: int):
    project = projects_for(request.user).filter(id=project_id).first()
    if project is None:
        raise HttpError(404, f"No project with id {project_id} that you may see.")
    activities = visible(request.user, Activity.objects.filter(project=project))
    return {
        **project_out(project),
        "activities": list(activities),
        "participant_totals": participants.for_activities(activities).as_json(),
    }


@router.get("/donors", response=list[DonorOut], summary="Donors: all for staff, its own for a donor")
def list_donors(request):
    donors = visible(request.user, Donor.objects.select_related("state").prefetch_related("projects"))
    return [
        {
            "id": donor.id,
            "name": donor.name,
            "kind": donor.kind,
            "state": donor.state.iso3 if donor.state else None,
            "projects": [project.code for project in donor.projects.all()],
            "demonstration": donor.demonstration,
        }
        for donor in donors
    ]
