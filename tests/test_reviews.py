"""Legislative review: the checklist, the workflow, who may see and change what, the reports."""

import io
import json
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from accounts.models import Role
from assessments.models import FindingStatus, Obligation, Review, ReviewStatus
from assessments.services import open_review, suggestion_inputs
from ctassist.lifecycle import move
from instruments.models import Instrument
from legislation.models import Law, Provision
from states.models import State
from tests.conftest import make_user
from thesaurus.models import Term

pytestmark = pytest.mark.django_db
URL = "/reviews/FRA/financing-1999/"


@pytest.fixture
def review():
    return open_review(State.objects.get(iso3="FRA"), Instrument.objects.get(slug="financing-1999"))


@pytest.fixture
def expert(review):
    user = make_user("expert", Role.EXPERT)
    review.experts.add(user)
    return user


def test_every_instrument_with_a_text_has_its_core_obligations():
    # No English text in ctassist (or, for the Beijing Protocol, only its final clauses).
    missing = [
        "cppnm-amendment-2005",
        "fixed-platforms-protocol-2005",
        "montreal-protocol-2014",
        "beijing-protocol-2010",
    ]
    texts = Instrument.objects.exclude(slug__in=missing)
    for instrument in texts:
        categories = set(instrument.obligations.filter(complete=True).values_list("category", flat=True))
        assert "jurisdiction" in categories or instrument.slug == "plastic-explosives-1991", instrument.slug
        if instrument.slug not in ("plastic-explosives-1991", "tokyo-1963", "cppnm-1980"):
            for category in ("offence", "extradite-or-prosecute", "extradition", "mutual-legal-assistance"):
                assert category in categories, (instrument.slug, category)
    for slug in missing:
        assert Obligation.objects.filter(instrument__slug=slug, complete=False).exists()


def test_opening_a_review_lists_every_obligation_as_not_yet_assessed(client, staff_user):
    client.force_login(staff_user)
    response = client.post(f"{URL}open/")
    assert response.status_code == 302
    review = Review.objects.get(state__iso3="FRA", instrument__slug="financing-1999")
    expected = Obligation.objects.filter(instrument__slug="financing-1999", complete=True).count()
    assert review.findings.filter(status=FindingStatus.NOT_ASSESSED).count() == expected > 5
    body = client.get(URL).content.decode()
    assert "Suggested provisions" in body and "421-2-2" in body


def test_every_allowed_transition_and_the_forbidden_ones(review, staff_user):
    assert move(review, ReviewStatus.IN_REVIEW, by=staff_user).status == "in-review"
    assert move(review, ReviewStatus.DRAFT, by=staff_user).status == "draft"
    with pytest.raises(ValidationError, match="cannot go from draft to final"):
        move(review, ReviewStatus.FINAL, by=staff_user)
    move(review, ReviewStatus.IN_REVIEW, by=staff_user)
    assert move(review, ReviewStatus.FINAL, by=staff_user).status == "final"
    with pytest.raises(ValidationError, match="cannot go from final to in review"):
        move(review, ReviewStatus.IN_REVIEW, by=staff_user)
    assert move(review, ReviewStatus.DRAFT, by=staff_user).status == "draft"
    assert review.history.count() >= 6  # every move is kept


def test_an_assigned_expert_edits_but_does_not_make_final(client, review, expert):
    move(review, ReviewStatus.IN_REVIEW, by=expert)
    with pytest.raises(PermissionDenied):
        move(review, ReviewStatus.FINAL, by=expert)
    finding = (
        review.findings.get(obligation__article="2(1)(a)")
        if review.findings.filter(obligation__article="2(1)(a)").exists()
        else review.findings.first()
    )
    provision = Provision.objects.get(version__law__slug="fr-code-penal-titre-ii", number="421-2-2")
    client.force_login(expert)
    response = client.post(
        f"{URL}findings/{finding.id}/",
        {
            f"{finding.id}-status": "fully",
            f"{finding.id}-reasoning": "421-2-2 covers it",
            f"{finding.id}-recommendation": "",
            f"{finding.id}-suggested_wording": "",
            f"{finding.id}-provisions": str(provision.id),
        },
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.status == "fully" and list(finding.provisions.all()) == [provision]
    assert finding.history.first().history_user == expert


def test_a_provision_of_another_state_is_refused(client, review, staff_user):
    finding = review.findings.first()
    german = Provision.objects.filter(version__law__state__iso3="DEU").first()
    client.force_login(staff_user)
    response = client.post(
        f"{URL}findings/{finding.id}/",
        {f"{finding.id}-status": "fully", f"{finding.id}-provisions": str(german.id)},
    )
    assert response.status_code == 400
    assert "not laws of France" in response.content.decode()
    assert not finding.provisions.exists()


def test_the_focal_point_sees_and_comments_on_its_own_review_only(
    client, review, focal_point_fra, focal_point_chn
):
    client.force_login(focal_point_fra)
    assert client.get(URL).status_code == 200
    client.post(f"{URL}comments/", {"text": "Notre loi de 2016 couvre cet article."})
    assert review.comments.get().author == focal_point_fra
    finding = review.findings.first()
    assert client.post(f"{URL}findings/{finding.id}/", {f"{finding.id}-status": "fully"}).status_code == 403
    assert client.get("/api/v1/states/FRA/review?instrument=financing-1999").status_code == 200
    client.force_login(focal_point_chn)
    assert client.get(URL).status_code == 404
    assert client.get("/api/v1/states/FRA/review?instrument=financing-1999").status_code == 404
    assert client.get("/reviews/FRA/report.docx").status_code == 404
    assert client.post(f"{URL}comments/", {"text": "x"}).status_code == 404


def test_an_unassigned_expert_and_the_public_do_not_see_it(client, review):
    other = make_user("other-expert", Role.EXPERT)
    client.force_login(other)
    assert client.get(URL).status_code == 404
    client.logout()
    assert client.get(URL).status_code == 302  # to the login page
    assert client.get("/api/v1/states/FRA/review?instrument=financing-1999").status_code == 404


def test_reports_open_and_contain_the_table(client, review, staff_user):
    from docx import Document
    from pypdf import PdfReader

    finding = review.findings.first()
    finding.status = FindingStatus.FULLY
    finding.reasoning = "Article 421-2-2 du Code pénal."
    finding.save()
    client.force_login(staff_user)
    for language, heading in (("en", "Coverage of the instruments"), ("zh", "文书覆盖情况")):
        document = Document(io.BytesIO(client.get(f"/reviews/FRA/report.docx?language={language}").content))
        text = "\n".join(p.text for p in document.paragraphs)
        assert heading in text and "Article 421-2-2 du Code pénal." in text
        table = document.tables[0]
        assert len(table.rows) == 20  # header and the 19 instruments
        cells = [row.cells[0].text for row in table.rows]
        assert any("Financing of Terrorism" in c or "资助" in c for c in cells)
        pdf = PdfReader(io.BytesIO(client.get(f"/reviews/FRA/report.pdf?language={language}").content))
        pdf_text = "".join(page.extract_text() for page in pdf.pages)
        assert len(pdf.pages) >= 2
        assert "421-2-2" in pdf_text


def test_gap_analysis_command(tmp_path, review):
    out = StringIO()
    call_command("gap_analysis", "FRA", "--instrument", "financing-1999", "--format", "json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["iso3"] == "FRA" and len(report["sections"]) == 1
    assert report["sections"][0]["lines"][0]["status"] == "not yet assessed"
    target = tmp_path / "fra.pdf"
    call_command(
        "gap_analysis", "FRA", "--format", "pdf", "--language", "zh", "--out", str(target), stdout=out
    )
    assert target.read_bytes().startswith(b"%PDF")


def test_suggest_command_and_quick_check_store_nothing(client, tmp_path, focal_point_fra):
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# 反恐怖主义法（草案，测试文本）\n\n第一条 资助恐怖活动组织的，处五年以下有期徒刑。\n\n"
        "第二条 婚姻登记机关办理结婚登记。\n",
        encoding="utf-8",
    )
    laws = Law.objects.count()
    out = StringIO()
    call_command("suggest", str(draft), "--language", "zh", "--top", "3", stdout=out)
    result = json.loads(out.getvalue())
    first, second = result["provisions"]
    assert first["obligations"][0]["instrument"] == "financing-1999"
    assert any("financing" in why for why in first["obligations"][0]["why"])
    assert second["obligations"] == []  # marriage registration: no confident match
    client.force_login(focal_point_fra)
    with draft.open("rb") as handle:
        body = client.post("/reviews/quick-check/", {"file": handle, "language": "zh"}).content.decode()
    assert "financing-1999" in body and "No confident match." in body
    assert Law.objects.count() == laws


def test_obligations_api_and_checklist_page(client):
    rows = client.get("/api/v1/obligations?instrument=financing-1999").json()
    assert all(r["instrument"] == "financing-1999" for r in rows) and len(rows) > 5
    assert {"article", "category", "concepts", "descriptions"} <= set(rows[0])
    assert {"en", "zh"} <= set(rows[0]["descriptions"])
    assert client.get("/api/v1/obligations?instrument=nope").status_code == 404
    body = client.get("/instruments/financing-1999/obligations/").content.decode()
    assert rows[0]["descriptions"]["en"][:40] in body
    assert client.get("/zh-hans/instruments/financing-1999/obligations/").status_code == 200


def test_an_edit_of_the_thesaurus_reaches_the_suggestions_at_once():
    first = suggestion_inputs()
    assert suggestion_inputs() is first  # unchanged thesaurus and checklist: prepared once
    term = Term.objects.filter(concept__code="financing", language="zh").first()
    term.term = term.term + "（编辑）"
    term.save()
    again = suggestion_inputs()
    assert again is not first
    assert term.term in again[1].terms_of("financing", "zh")
