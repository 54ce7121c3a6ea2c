"""The apps form layers: no two domain apps import each other (docs/architecture.md).

Read with `ast`, not by importing: every import statement of every module counts, at the top
of a module or inside a function, so a cycle cannot hide in a function body."""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project package is wiring at the top and shared helpers at the bottom; the API is the
# top layer. Both may import any app; the layers are between the others.
NOT_DOMAIN = {"ctassist", "api"}


def domain_apps() -> set[str]:
    return {path.parent.name for path in ROOT.glob("*/apps.py")} - NOT_DOMAIN


def imported_modules(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def app_imports(apps: set[str]) -> dict[tuple[str, str], set[str]]:
    """(app, imported app) → the modules of the first that import the second."""
    edges = defaultdict(set)
    for app in apps:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for module in imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
                top = module.split(".")[0]
                if top in apps and top != app:
                    edges[app, top].add(str(path.relative_to(ROOT)))
    return edges


def test_the_domain_apps_are_found():
    # A walk that found nothing would pass the test below without looking.
    assert {"accounts", "states", "instruments", "participation", "assistance", "projects"} <= domain_apps()


def test_no_two_domain_apps_import_each_other():
    edges = app_imports(domain_apps())
    cycles = sorted({tuple(sorted(pair)) for pair in edges if pair[::-1] in edges})
    assert not cycles, "Apps that import each other:\n" + "\n".join(
        f"  {a} ⇄ {b}: {a} in {sorted(edges[a, b])}; {b} in {sorted(edges[b, a])}" for a, b in cycles
    )
