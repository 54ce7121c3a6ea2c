"""The Global Counter-Terrorism Strategy: the mapping of thematic areas to pillars, the
validation of pillars and areas, the UN entities and their projects' summary table (68/276
op. 4), the pages, and ctassist's projects tagged with pillars and areas."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Role
from assistance.models import Activity, AssistanceRequest
from projects.models import Project
from states.models import Area, State
from strategy.models import EntityProject, UNEntity
from strategy.themes import check_pillars, check_thematic_areas, pillars_of
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
D = datetime.date
AFRICA, ASIA = "002", "142"


def make_project(
    title, entity="unodc", pillars=(), areas=(), regions=(), states=(), status="ongoing", **extra
):
    project = EntityProject.objects.create(
        entity=UNEntity.objects.get(code=entity),
        title=title,
        pillars=list(pillars),
        thematic_areas=list(areas),
        status=status,
        **extra,
    )
    project.regions.set(Area.objects.filter(code__in=regions))
    project.states.set(State.objects.filter(iso3__in=states))
    return project


@pytest.fixture
def four_projects():
    """Known counts: financing (II) in Africa ongoing; victims (I, IV) in Asia through China,
    completed; legislation (III, IV) named pillar I too, in Africa and Asia, planned; one
    global project of the internet (II), ongoing."""
    return [
        make_project("Financing A", areas=["financing"], regions=[AFRICA], status="ongoing"),
        make_project("Victims B", entity="cted", areas=["victims"], states=["CHN"], status="completed"),
        make_project(
            "Laws C", pillars=["I"], areas=["legislation"], regions=[AFRICA, ASIA], status="planned"
        ),
        make_project("Internet D", areas=["internet"], status="ongoing", demonstration=True),
    ]


# The mapping and the validation


def test_pillars_of_areas_in_the_strategys_order():
    assert pillars_of(["financing"]) == ["II"]
    assert pillars_of(["victims", "financing"]) == ["I", "II", "IV"]
    assert pillars_of(["legislation", "international-cooperation"]) == ["III", "IV"]
    assert pillars_of([]) == []


def test_unknown_pillar_and_area_are_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as refused:
        check_pillars(["II", "V"])
    assert "V" in str(refused.value.message_dict["pillars"])
    assert "I, II, III and IV" in str(refused.value.message_dict["pillars"])
    with pytest.raises(ValidationError) as refused:
        check_thematic_areas(["financing", "piracy"])
    assert refused.value.message_dict["thematic_areas"] == ["Unknown thematic areas: piracy"]
    check_pillars(["I", "IV"])  # known ones pass
    check_thematic_areas(["nuclear"])


def test_an_entity_project_with_an_unknown_pillar_does_not_validate():
    project = EntityProject(entity=UNEntity.objects.get(code="unodc"), title="x", pillars=["V"])
    with pytest.raises(ValidationError) as refused:
        project.full_clean()
    assert "pillars" in refused.value.message_dict


# The entities


def test_entities_are_loaded_with_cited_names_and_gaps_left_empty():
    unodc = UNEntity.objects.get(code="unodc")
    assert unodc.name("zh").text == "联合国毒品和犯罪问题办公室"
    assert unodc.name("en").text == "United Nations Office on Drugs and Crime"
    # The Arabic name comes from UNODC's Arabic page, with its source.
    assert unodc.name("ar") == ("مكتب الأمم المتحدة المعني بالمخدرات والجريمة", "ar")
    assert unodc.names.get(language="ar").source == "unodc-romena-about-ar"
    # No source read gives the Russian name: the English one is shown, marked as English.
    assert unodc.name("ru") == ("United Nations Office on Drugs and Crime", "en")
    assert "ru" in unodc.missing_languages() and "ar" not in unodc.missing_languages()
    assert all(row.source for row in unodc.names.all())
    assert set(UNEntity.objects.values_list("code", flat=True)) >= {"ctitf", "uncct", "cted", "unodc"}


# The summary table


def test_summary_counts_by_pillar_region_and_status(four_projects):
    summary = EntityProject.objects.summary()
    assert summary.projects == 4
    assert summary.count("II", AFRICA, "ongoing") == 1  # Financing A
    assert summary.count("II", "", "ongoing") == 1  # Internet D, global
    assert summary.count("I", ASIA, "completed") == 1  # Victims B, through China
    assert summary.count("IV", ASIA, "completed") == 1
    assert summary.count("I", AFRICA, "planned") == 1  # Laws C: pillar I named
    assert summary.count("III", AFRICA, "planned") == 1
    assert summary.count("III", ASIA, "planned") == 1
    assert summary.count("IV", ASIA, "planned") == 1
    assert summary.count("II", ASIA, "ongoing") == 0
    rows = {(row["pillar"].value, row["region"].code if row["region"] else ""): row for row in summary.rows()}
    assert rows[("IV", ASIA)]["total"] == 2  # Victims B and Laws C
    assert rows[("IV", ASIA)]["by_status"] == {"planned": 1, "ongoing": 0, "completed": 1}
    assert [area.code if area else None for area in summary.regions] == [AFRICA, ASIA, None]


def test_filters_by_pillar_region_status_and_entity(four_projects):
    titles = lambda qs: sorted(p.title for p in qs)  # noqa: E731
    assert titles(EntityProject.objects.filtered(pillar="IV")) == ["Laws C", "Victims B"]
    assert titles(EntityProject.objects.filtered(region=ASIA)) == ["Laws C", "Victims B"]
    assert titles(EntityProject.objects.filtered(status="ongoing")) == ["Financing A", "Internet D"]
    assert titles(EntityProject.objects.filtered(entity="cted")) == ["Victims B"]
    assert titles(EntityProject.objects.filtered(pillar="II", region=AFRICA)) == ["Financing A"]


def test_a_project_moves_planned_ongoing_completed_by_staff_only(four_projects):
    from ctassist.lifecycle import MoveRefused, move

    laws = four_projects[2]
    with pytest.raises(MoveRefused):
        move(laws, "ongoing", by=make_user("fp", Role.FOCAL_POINT, "FRA"))
    staff = make_user("staff", Role.STAFF)
    with pytest.raises(MoveRefused):
        move(laws, "completed", by=staff)
    move(laws, "ongoing", by=staff)
    laws.refresh_from_db()
    assert laws.status == "ongoing"


# Pages


def test_strategy_page_shows_pillars_mapping_as_ctassists_reading_and_entities(client):
    body = client.get("/strategy/").content.decode()
    assert "II. Preventing and combating terrorism" in body
    assert "ctassist&#x27;s reading" in body or "ctassist's reading" in body
    assert "United Nations Office on Drugs and Crime" in body
    assert "A/RES/60/288" in body  # the Strategy is cited


def test_strategy_page_in_chinese_shows_the_chinese_names(client):
    body = client.get("/zh-hans/strategy/").content.decode()
    assert 'lang="zh-hans"' in body
    assert "联合国毒品和犯罪问题办公室" in body
    assert "反恐怖主义执行工作队" in body
    # UNOCT has no cited Chinese name: its English name is marked as English.
    assert '<span lang="en" dir="ltr">United Nations Office of Counter-Terrorism</span>' in body


def test_arabic_strategy_pages_are_right_to_left(client, four_projects):
    for page in ("/ar/strategy/", "/ar/strategy/projects/"):
        response = client.get(page)
        assert response.status_code == 200
        assert 'dir="rtl"' in response.content.decode()


def test_projects_page_summary_filters_and_demonstration_label(client, four_projects):
    body = client.get("/strategy/projects/").content.decode()
    assert "Financing A" in body and "Internet D" in body
    assert "demonstration data" in body  # Internet D is labelled
    assert 'data-pillar="II" data-region="none"' in body  # the global row
    filtered = client.get("/strategy/projects/?pillar=IV&region=142").content.decode()
    assert "Victims B" in filtered and "Laws C" in filtered and "Financing A" not in filtered
    assert "demonstration data" not in filtered
    assert client.get("/strategy/projects/?pillar=V").status_code == 400


def test_projects_page_in_chinese(client, four_projects):
    body = client.get("/zh-hans/strategy/projects/").content.decode()
    assert 'lang="zh-hans"' in body
    assert "反恐执行局" not in body  # CTED has no cited Chinese short name: its acronym is shown
    assert "CTED" in body


def test_anonymous_users_cannot_reach_the_staff_admin_of_entity_projects(client, four_projects):
    response = client.get(f"/admin/strategy/entityproject/{four_projects[0].id}/change/")
    assert response.status_code == 302 and "/login/" in response["Location"]


# ctassist's own records tagged with pillars and areas


def test_a_project_saves_and_shows_its_pillars_and_areas(client):
    staff = make_user("staff", Role.STAFF)
    project = Project(
        code="T-1",
        title="Tagged",
        starts_on=D(2020, 1, 1),
        ends_on=D(2021, 1, 1),
        pillars=["III"],
        thematic_areas=["financing"],
    )
    project.full_clean()
    project.save()
    project.refresh_from_db()
    assert project.pillars == ["III"] and project.thematic_areas == ["financing"]
    assert project.counted_pillars() == ["II", "III"]
    client.force_login(staff)
    body = client.get(f"/projects/{project.id}/").content.decode()
    assert "financing of terrorism" in body
    assert "III. Building States&#x27; capacity" in body or "III. Building States' capacity" in body
    assert "II. Preventing and combating terrorism" in body
    assert "ctassist&#x27;s reading" in body or "ctassist's reading" in body


def test_a_project_with_an_unknown_area_is_refused():
    project = Project(
        code="T-2", title="x", starts_on=D(2020, 1, 1), ends_on=D(2021, 1, 1), thematic_areas=["x"]
    )
    with pytest.raises(ValidationError) as refused:
        project.full_clean()
    assert "thematic_areas" in refused.value.message_dict


def test_staff_tag_a_project_in_the_admin(client):
    client.force_login(make_user("admin", Role.ADMINISTRATOR))
    response = client.post(
        "/admin/projects/project/add/",
        {
            "code": "T-3",
            "title": "From the admin",
            "starts_on": "2020-01-01",
            "ends_on": "2021-01-01",
            "currency": "USD",
            "pillars": ["IV"],
            "thematic_areas": ["victims", "gender"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    project = Project.objects.get(code="T-3")
    assert project.pillars == ["IV"] and project.thematic_areas == ["victims", "gender"]


def test_activity_and_request_pages_show_the_pillars_they_count_under(client):
    staff = make_user("staff", Role.STAFF)
    client.force_login(staff)
    activity = Activity.objects.create(
        title="Workshop",
        kind="national-workshop",
        starts_on=D(2020, 1, 1),
        ends_on=D(2020, 1, 2),
        thematic_areas=["nuclear"],
    )
    body = client.get(f"/activities/{activity.id}/").content.decode()
    assert 'data-field="counted-pillars">II. Preventing and combating terrorism' in body
    request = AssistanceRequest.objects.create(
        state=State.objects.get(iso3="FRA"), received_on=D(2020, 1, 1), needs="n", thematic_areas=["children"]
    )
    body = client.get(f"/requests/{request.id}/").content.decode()
    assert "I. Conditions conducive to the spread of terrorism" in body
    assert "IV. Human rights and the rule of law" in body
