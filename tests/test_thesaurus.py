"""The thesaurus app: its edition (what tells every process that the thesaurus or the checklist
changed), what a warm search across languages costs, and its place below legislation and
the review."""

import ast
from pathlib import Path

import pytest
from django.db.models import F

from assessments.models import Obligation, ObligationText
from assessments.services import suggestion_inputs
from legislation.search.across_languages import query_concepts
from thesaurus import edition
from thesaurus.models import Concept, Edition, Term
from thesaurus.services import current_thesaurus

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
QUERY = {"q": "financing of terrorism"}


def edition_reads(captured) -> int:
    return sum('"thesaurus_edition"' in query["sql"] for query in captured.captured_queries)


def test_a_warm_search_page_across_languages_runs_at_most_eleven_statements(
    client, django_assert_max_num_queries
):
    client.get("/laws/search/", QUERY)
    with django_assert_max_num_queries(11) as captured:
        body = client.get("/laws/search/", QUERY).content.decode()
    # The Chinese article found through the concept, and the edition asked once, not each table.
    assert "第一百二十条之一" in body and 'found through the concept <span class="concept">' in body
    assert edition_reads(captured) == 1
    assert not [query for query in captured.captured_queries if '"assessments_term"' in query["sql"]]


def test_a_warm_search_through_the_api_runs_at_most_eleven_statements(client, django_assert_max_num_queries):
    client.get("/api/v1/search", QUERY)
    with django_assert_max_num_queries(11) as captured:
        results = client.get("/api/v1/search", QUERY).json()
    assert "financing" in results["concepts"]
    assert any(hit["via_concept"] == "financing" for hit in results["hits"])
    assert edition_reads(captured) == 1


def test_a_term_saved_or_deleted_raises_the_edition_in_the_database():
    before = Edition.objects.get().number
    term = Term.objects.create(concept=Concept.objects.get(code="financing"), language="fr", term="bailleur")
    assert Edition.objects.get().number == before + 1
    term.delete()
    assert Edition.objects.get().number == before + 2


def test_a_change_of_the_checklist_raises_the_edition_too():
    before = Edition.objects.get().number
    text = ObligationText.objects.filter(language="fr").first()
    text.text += " (révisé)"
    text.save()
    obligation = Obligation.objects.filter(concepts__code="financing").first()
    obligation.concepts.remove(Concept.objects.get(code="financing"))
    assert Edition.objects.get().number == before + 2  # the text, then the concepts


def test_the_thesaurus_is_read_again_when_another_process_raised_the_edition():
    kept = current_thesaurus()
    assert current_thesaurus() is kept  # nothing changed: read once
    # Another web process adds a term in bulk (no signal here) and raises the edition.
    Term.objects.bulk_create(
        [Term(concept=Concept.objects.get(code="financing"), language="en", term="zorblax")]
    )
    assert current_thesaurus() is kept
    Edition.objects.update(number=F("number") + 1)
    assert "zorblax" in current_thesaurus().terms_of("financing", "en")
    assert query_concepts("zorblax money") == {"financing": {"zorblax"}}


def test_the_suggestions_are_prepared_again_when_an_obligation_changes():
    first = suggestion_inputs()
    assert suggestion_inputs() is first
    obligation = Obligation.objects.filter(complete=True).first()
    obligation.article = obligation.article + "bis"
    obligation.save()
    profiles, _thesaurus = suggestion_inputs()
    assert obligation.article in [profile.article for profile in profiles]


def test_a_change_in_this_process_is_seen_without_asking_the_database_again():
    now = edition.current()
    edition.bump()
    assert edition.current() != now


def imported_modules(folder: str) -> dict[str, set[str]]:
    """{file: the top-level packages it imports}, imports inside functions included."""
    found = {}
    for path in (ROOT / folder).rglob("*.py"):
        modules = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = modules
    return found


def test_the_layers_thesaurus_under_legislation_under_the_review():
    for path, modules in imported_modules("thesaurus").items():
        assert not modules & {"legislation", "assessments"}, path
    for path, modules in imported_modules("legislation").items():
        assert "assessments" not in modules, path
