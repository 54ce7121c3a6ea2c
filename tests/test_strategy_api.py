"""GET /api/v1/strategy/projects and /api/v1/strategy/summary."""

import pytest

from tests.test_strategy import AFRICA, ASIA, four_projects  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_projects_with_entity_name_in_the_language_asked(client, four_projects):  # noqa: F811
    rows = client.get("/api/v1/strategy/projects?language=zh").json()
    assert len(rows) == 4
    financing = next(row for row in rows if row["title"] == "Financing A")
    assert financing["entity"] == {
        "code": "unodc",
        "name": "联合国毒品和犯罪问题办公室",
        "name_language": "zh",
    }
    assert financing["counted_pillars"] == ["II"] and financing["thematic_areas"] == ["financing"]
    assert financing["regions"][0]["code"] == AFRICA and financing["status"] == "ongoing"
    assert financing["demonstration"] is False
    russian = client.get("/api/v1/strategy/projects?language=ru&entity=unodc").json()
    assert russian[0]["entity"]["name_language"] == "en"  # no cited Russian name: English, said so


def test_project_filters_and_refusals(client, four_projects):  # noqa: F811
    titles = lambda query: sorted(r["title"] for r in client.get("/api/v1/strategy/projects" + query).json())  # noqa: E731
    assert titles("?pillar=IV") == ["Laws C", "Victims B"]
    assert titles(f"?region={ASIA}&status=completed") == ["Victims B"]
    assert titles("?entity=cted") == ["Victims B"]
    response = client.get("/api/v1/strategy/projects?pillar=V")
    assert response.status_code == 400 and "I, II, III or IV" in response.json()["detail"]


def test_summary_table(client, four_projects):  # noqa: F811
    data = client.get("/api/v1/strategy/summary").json()
    assert data["projects"] == 4 and data["demonstration"] is True
    rows = {(row["pillar"], row["region"]): row for row in data["rows"]}
    assert rows[("IV", ASIA)]["by_status"] == {"planned": 1, "ongoing": 0, "completed": 1}
    assert rows[("II", None)]["total"] == 1  # the global project
    assert rows[("II", AFRICA)]["by_status"]["ongoing"] == 1
    only_completed = client.get("/api/v1/strategy/summary?status=completed").json()
    assert only_completed["projects"] == 1 and only_completed["demonstration"] is False
