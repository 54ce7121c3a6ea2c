"""Every "may they?" question goes through accounts/access.py: no view, endpoint or template
compares roles itself, and every view that only takes a POST says so (405 to a GET)."""

import ast
import re
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.conftest import make_user

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", ".git", "tests", "benchmarks", "node_modules", "var", "accounts"}


def project_files(pattern: str) -> list[Path]:
    return sorted(
        path for path in ROOT.rglob(pattern) if not SKIPPED.intersection(path.relative_to(ROOT).parts)
    )


def view_modules() -> list[Path]:
    """Every module that answers requests: views.py, views/ packages and the API's routers."""
    found = [*project_files("views.py"), *project_files("views/*.py"), *project_files("api/v1/*.py")]
    return sorted(set(found))


def role_checks(source: str) -> list[str]:
    """The role questions a module asks itself: `.profile.role`, `is_staff`/`is_superuser`,
    the `Role` choices, `role_of(...)` compared with something, `request.method != "POST"`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            if node.attr in ("is_staff", "is_superuser"):
                found.append(f"line {node.lineno}: .{node.attr}")
            elif node.attr == "role" and getattr(node.value, "attr", None) == "profile":
                found.append(f"line {node.lineno}: .profile.role")
        elif isinstance(node, ast.Name) and node.id == "Role":
            found.append(f"line {node.lineno}: Role")
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(isinstance(o, ast.Call) and getattr(o.func, "id", "") == "role_of" for o in operands):
                found.append(f"line {node.lineno}: role_of(...) compared")
    return found


def method_refusals(source: str) -> list[str]:
    """Views that turn a GET away by hand (`if request.method != "POST"`) instead of @require_POST."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Compare)
            and isinstance(node.left, ast.Attribute)
            and node.left.attr == "method"
            and isinstance(node.ops[0], ast.NotEq)
        ):
            found.append(f"line {node.lineno}")
    return found


def test_the_detector_finds_role_checks_written_in_a_view():
    # The walk below would pass on anything if it found nothing here.
    source = (
        "def page(request):\n"
        "    if request.user.profile.role == 'donor' or request.user.is_staff:\n"
        "        pass\n"
        "    if role_of(request.user) in (Role.STAFF,):\n"
        "        pass\n"
        "    if request.method != 'POST':\n"
        "        pass\n"
    )
    assert len(role_checks(source)) == 4
    assert method_refusals(source) == ["line 6"]
    assert role_checks("def page(request):\n    return may_see_projects(request.user)\n") == []


def test_no_view_or_endpoint_compares_roles_itself():
    modules = view_modules()
    names = {str(path.relative_to(ROOT)) for path in modules}
    expected = {"experts/views.py", "plans/views.py", "assistance/views/requests.py", "api/v1/assistance.py"}
    assert expected <= names
    offenders = {
        str(path.relative_to(ROOT)): checks
        for path in modules
        if (checks := role_checks(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


HAND_REFUSALS_KEPT = {}


def test_post_only_views_say_so_with_a_decorator():
    counts = {
        str(path.relative_to(ROOT)): len(found)
        for path in view_modules()
        if (found := method_refusals(path.read_text(encoding="utf-8")))
    }
    assert counts == HAND_REFUSALS_KEPT


def test_no_template_compares_roles_itself():
    offenders = [
        str(path.relative_to(ROOT))
        for path in project_files("templates/**/*.html")
        if re.search(r"profile\.role|user\.is_staff|user\.is_superuser", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


POST_ONLY = [
    ("set_language", {}),
    ("activities:move", {"activity_id": 1}),
    ("outcomes:decide", {"outcome_id": 1}),
    ("plans:move", {"plan_id": 1}),
    ("plans:step-new", {"plan_id": 1}),
    ("assessments:move", {"iso3": "FRA", "slug": "financing-1999"}),
    ("assessments:start", {}),
    ("assessments:open", {"iso3": "FRA", "slug": "financing-1999"}),
    ("assessments:comment", {"iso3": "FRA", "slug": "financing-1999"}),
    ("assessments:finding", {"iso3": "FRA", "slug": "financing-1999", "finding_id": 1}),
    ("accounts:logout", {}),
    ("surveys:reply-move", {"code": "q", "reply_id": 1}),
    ("surveys:reply-publish", {"code": "q", "reply_id": 1}),
    ("surveys:answer-codes", {"code": "q", "reply_id": 1, "answer_id": 1}),
]


@pytest.mark.parametrize("name, kwargs", POST_ONLY, ids=[name for name, _ in POST_ONLY])
def test_each_post_only_view_answers_405_to_a_get(client, staff_user, name, kwargs):
    client.force_login(staff_user)
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 405
    assert "POST" in response["Allow"] and "GET" not in response["Allow"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, state, shown, hidden",
    [
        (None, None, [], ["/projects/", "/plans/", "/outcomes/", "/experts/"]),
        (Role.DONOR, None, ["/projects/"], ["/plans/", "/outcomes/", "/experts/"]),
        (Role.FOCAL_POINT, "FRA", ["/plans/", "/outcomes/"], ["/projects/", "/experts/"]),
        (Role.EXPERT, None, ["/experts/"], ["/projects/", "/plans/", "/outcomes/"]),
        (Role.STAFF, None, ["/projects/", "/plans/", "/outcomes/", "/experts/"], []),
    ],
)
def test_the_menu_asks_the_predicates(client, role, state, shown, hidden):
    if role:
        client.force_login(make_user(f"user-{role}", role, state))
    menu = client.get("/").content.decode().split('aria-label="Main"')[1].split("</nav>")[0]
    for address in shown:
        assert f'href="{address}"' in menu, address
    for address in hidden:
        assert f'href="{address}"' not in menu, address


@pytest.mark.django_db
def test_the_import_link_of_the_laws_page_is_for_staff(client, focal_point_fra, staff_user):
    client.force_login(focal_point_fra)
    assert 'href="/laws/import/"' not in client.get("/laws/").content.decode()
    client.force_login(staff_user)
    assert 'href="/laws/import/"' in client.get("/laws/").content.decode()
