"""Laws, provisions, versions and exports, as a visitor and as staff see them."""

import io
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from legislation.converters import akn_import, validate_akn
from legislation.models import Law, Provision

pytestmark = pytest.mark.django_db


def provision(slug, number):
    return Provision.objects.get(version__law__slug=slug, version__valid_to__isnull=True, number=number)


def test_the_shipped_laws_are_listed_with_their_state_and_kind(client):
    body = client.get("/laws/").content.decode()
    assert "中华人民共和国刑法" in body and "Code pénal" in body and "Strafgesetzbuch" in body
    body = client.get("/laws/?state=FRA").content.decode()
    assert "1 law" in body
    assert "5 laws" in client.get("/laws/?language=en").content.decode()


def test_a_law_page_has_metadata_contents_and_permanent_addresses(client):
    article = provision("cn-criminal-law", "第一百二十条之一")
    body = client.get("/laws/cn-criminal-law/").content.decode()
    assert "1979-07-01" in body and "1997-10-01" in body and "2023-12-29" in body
    assert "LawRefBook" in body  # source
    assert f'id="{article.eid}"' in body
    assert f'href="/laws/cn-criminal-law/{article.eid}/"' in body
    page = client.get(f"/laws/cn-criminal-law/{article.eid}/").content.decode()
    assert "资助恐怖活动" in page


def test_versions_and_their_difference_provision_by_provision(client):
    law = Law.objects.get(slug="cn-anti-money-laundering-law")
    assert [str(v.valid_from) for v in law.versions.all()] == ["2006-10-31", "2024-11-08"]
    body = client.get("/laws/cn-anti-money-laundering-law/changes/").content.decode()
    assert "Changes from 2006-10-31 to 2024-11-08" in body
    assert "<ins>" in body and "<del>" in body
    assert 'class="change change-added"' in body
    old = client.get("/laws/cn-anti-money-laundering-law/?version=2006-10-31").content.decode()
    assert "text as from 2006-10-31" in old
    assert client.get("/laws/cn-anti-money-laundering-law/?version=1999-01-01").status_code == 404


def test_akoma_ntoso_export_validates_and_reads_back_to_the_same_provisions(client):
    response = client.get("/laws/fr-code-penal-titre-ii/akn.xml")
    validate_akn(response.content)
    again = [(p.eid, p.number, p.heading, p.text) for p in akn_import(response.content).walk()]
    stored = [
        (p.eid, p.number, p.heading, p.text)
        for p in Provision.objects.filter(version__law__slug="fr-code-penal-titre-ii").order_by("position")
    ]
    assert again == stored
    assert any(number == "421-2-2" for _eid, number, _h, _t in again)


def test_docx_export(client):
    from docx import Document

    response = client.get("/laws/de-stgb-extracts/law.docx")
    text = "\n".join(paragraph.text for paragraph in Document(io.BytesIO(response.content)).paragraphs)
    assert "Strafgesetzbuch" in text and "§ 89a" in text


def test_import_law_dry_run_prints_json_and_stores_nothing(tmp_path):
    law_file = tmp_path / "ley.md"
    law_file.write_text(
        "Ley de prueba (texto de prueba)\n\nArtículo 1. Objeto\nEsta ley castiga la financiación "
        "del terrorismo.\n\nArtículo 1 bis. Definiciones\nA efectos de esta ley.\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command(
        "import_law",
        str(law_file),
        "--state",
        "ESP",
        "--language",
        "es",
        "--dry-run",
        "--format",
        "json",
        stdout=out,
    )
    result = json.loads(out.getvalue())
    assert [p["number"] for p in result["provisions"]] == ["1", "1 bis"]
    assert result["provisions"][0]["heading"] == "Objeto"
    assert result["provisions"][0]["first_words"].startswith("Esta ley castiga")
    assert not Law.objects.filter(slug=result["law"]).exists()
    call_command("import_law", str(law_file), "--state", "ESP", "--language", "es", stdout=StringIO())
    assert Provision.objects.filter(version__law__slug=result["law"]).count() == 2


def test_import_law_refuses_bad_files_and_stores_nothing(tmp_path):
    before = Provision.objects.count()
    latin1 = tmp_path / "loi.txt"
    latin1.write_bytes("Article 1\nLe délit de financement du terrorisme est puni.".encode("latin-1"))
    with pytest.raises(CommandError, match="loi.txt: nothing imported.*not UTF-8"):
        call_command("import_law", str(latin1), "--state", "FRA", "--language", "fr")
    empty = tmp_path / "empty.md"
    empty.write_text("No provisions in this text at all.\n", encoding="utf-8")
    with pytest.raises(CommandError, match="empty.md: nothing imported.*line"):
        call_command("import_law", str(empty), "--state", "FRA", "--language", "fr")
    with pytest.raises(CommandError, match="'XXX' is not an ISO3 code"):
        call_command("import_law", str(empty), "--state", "XXX", "--language", "fr")
    assert Provision.objects.count() == before


def test_staff_upload_check_correct_and_save(client, staff_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff_user)
    text = "Закон (тестовый текст)\n\nСтатья 1. Предмет\nНастоящий закон.\n\nСтатья 2. Термины\nТермины.\n"
    upload = SimpleUploadedFile("zakon.txt", text.encode("utf-8"), content_type="text/plain")
    preview = client.post("/laws/import/", {"file": upload, "state": "RUS", "language": "ru", "kind": "act"})
    body = preview.content.decode()
    assert "2 provisions found" in body and "Предмет" in body
    formset = preview.context["formset"]
    data = {
        "save": "1",
        "state": "RUS",
        "language": "ru",
        "kind": "act",
        "title": "Закон (тестовый текст)",
        "number": "",
        "version_date": "2024-01-01",
        "source": "test",
        "publish": "on",
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "20000",
    }
    for index, form in enumerate(formset.forms):
        for name in ("depth", "kind", "eid", "number", "heading", "text"):
            data[f"form-{index}-{name}"] = form.initial[name]
    data["form-1-heading"] = "Термины и определения"  # the correction
    response = client.post("/laws/import/", data)
    assert response.status_code == 302
    law = Law.objects.get(title="Закон (тестовый текст)")
    assert list(Provision.objects.filter(version__law=law).values_list("number", "heading")) == [
        ("Статья 1", "Предмет"),
        ("Статья 2", "Термины и определения"),
    ]


def test_only_staff_import(client, focal_point_fra):
    assert client.get("/laws/import/").status_code == 302  # to the login page
    client.force_login(focal_point_fra)
    assert client.get("/laws/import/").status_code == 403


def test_an_unpublished_law_is_seen_by_staff_only(client, staff_user, focal_point_fra):
    law = Law.objects.get(slug="uk-terrorism-act-2000-s1")
    law.published = False
    law.save()
    first = law.current_version().provisions.first()
    assert client.get("/laws/uk-terrorism-act-2000-s1/").status_code == 404
    assert client.get(f"/api/v1/laws/{law.id}").status_code == 404
    assert client.get(f"/api/v1/provisions/{first.id}").status_code == 404
    # Nor in the lists (visible() once took the per-law `public_reference` property for True).
    assert law.id not in {item["id"] for item in client.get("/api/v1/laws?state=GBR").json()}
    assert "/laws/uk-terrorism-act-2000-s1/" not in client.get("/laws/?state=GBR").content.decode()
    client.force_login(focal_point_fra)
    assert client.get("/laws/uk-terrorism-act-2000-s1/").status_code == 404
    client.force_login(staff_user)
    assert client.get("/laws/uk-terrorism-act-2000-s1/").status_code == 200


def test_legislation_api(client):
    laws = client.get("/api/v1/laws?state=CHN&kind=regulation").json()
    assert len(laws) == 3 and {law["language"] for law in laws} == {"zh"}
    criminal = Law.objects.get(slug="cn-criminal-law")
    detail = client.get(f"/api/v1/laws/{criminal.id}").json()
    assert detail["adopted_on"] == "1979-07-01"
    numbers = [p["number"] for p in detail["provisions"]]
    assert "第一百二十条之一" in numbers
    article = provision("cn-criminal-law", "第一百二十条之一")
    assert client.get(f"/api/v1/provisions/{article.id}").json()["eid"] == article.eid
    results = client.get("/api/v1/search?q=资助恐怖活动").json()
    assert results["hits"][0]["provision"]["number"] == "第一百二十条之一"
    assert "<mark>" in results["hits"][0]["snippet_html"]
    french = client.get("/api/v1/search?q=financement du terrorisme&state=FRA").json()
    assert "421-2-2" in [hit["provision"]["number"] for hit in french["hits"][:3]]
    assert client.get("/api/v1/laws/999999").status_code == 404


def test_search_page(client):
    body = client.get("/laws/search/?q=资助恐怖活动").content.decode()
    assert "第一百二十条之一" in body and "<mark>" in body
    body = client.get("/laws/search/?q=资助恐怖活动&language=fr&state=DEU").content.decode()
    assert "0 provisions found" in body  # no French law of Germany


def test_the_thesaurus_carries_a_query_across_languages(client):
    results = client.get("/api/v1/search?q=financing of terrorism").json()
    assert "financing" in results["concepts"]
    chinese = [hit for hit in results["hits"] if hit["provision"]["law"] == "cn-criminal-law"]
    assert any(hit["provision"]["number"] == "第一百二十条之一" for hit in chinese)
    assert all(hit["via_concept"] == "financing" for hit in chinese)
    plain = client.get("/api/v1/search?q=financing of terrorism&across_languages=false").json()
    assert not any(hit["provision"]["law"] == "cn-criminal-law" for hit in plain["hits"])
    body = client.get("/laws/search/?q=financing+of+terrorism").content.decode()
    # The concept by its name in the reader's language, not its identifier.
    assert "第一百二十条之一" in body
    assert (
        'found through the concept <span class="concept">providing or collecting funds for terrorism</span>'
        in body
    )
    body = client.get("/fr/laws/search/?q=financing+of+terrorism").content.decode()
    assert "fournir ou réunir des fonds aux fins du terrorisme" in body


def test_a_provision_page_suggests_the_obligations_it_may_implement(client):
    article = provision("fr-code-penal-titre-ii", "421-2-2")
    body = client.get(f"/laws/fr-code-penal-titre-ii/{article.eid}/").content.decode()
    section = body.split('id="suggested-heading"')[1].split("</section>")[0]
    assert "financing-1999" in section and "concept &#x27;financing&#x27;" in section
