"""ctassist report: writes the report's DOCX, PDF or JSON; a wrong option says what is wrong,
and nothing is written."""

import datetime
import io
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from reports.models import ReportDraft
from tests.conftest import make_activity

pytestmark = pytest.mark.django_db
D = datetime.date
PERIOD = ["--resolution", "62/172", "--from", "2026-01-01", "--to", "2026-12-31"]


@pytest.fixture
def workshop():
    return make_activity("Workshop in Nairobi (test record)", D(2026, 3, 10), D(2026, 3, 12), host="KEN")


def test_json_goes_to_the_output(workshop):
    out = StringIO()
    call_command("report", *PERIOD, "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["resolution"] == "62/172" and data["internal"] is False
    assisted = next(f for f in data["figures"] if f["key"] == "states-assisted")
    assert assisted["value"] == 1
    assert assisted["records"][0] == {
        "model": "states.state",
        "id": "KEN",
        "label": "Kenya",
        "url": "/states/KEN/",
    }


@pytest.mark.parametrize("file_format, start", [("docx", b"PK"), ("pdf", b"%PDF")])
def test_documents_are_written_to_the_file(workshop, tmp_path, file_format, start):
    target = tmp_path / f"report.{file_format}"
    out = StringIO()
    call_command(
        "report", *PERIOD, "--language", "ru", "--format", file_format, "--out", str(target), stdout=out
    )
    assert target.read_bytes().startswith(start)
    assert str(target) in out.getvalue()
    if file_format == "docx":
        text = "\n".join(p.text for p in Document(io.BytesIO(target.read_bytes())).paragraphs)
        assert "62/172" in text


@pytest.mark.parametrize(
    "options, message",
    [
        (["--resolution", "99/999", "--from", "2026-01-01", "--to", "2026-12-31"], "No resolution '99/999'"),
        (["--resolution", "62/172", "--from", "2026-12-31", "--to", "2026-01-01"], "is after --to"),
        (["--resolution", "62/172", "--from", "2026-13-01", "--to", "2026-12-31"], "is not a date"),
        ([*PERIOD, "--language", "de"], "--language 'de' is not one of"),
    ],
)
def test_a_wrong_option_changes_nothing(tmp_path, options, message):
    target = tmp_path / "report.pdf"
    with pytest.raises(CommandError, match=message):
        call_command("report", *options, "--format", "pdf", "--out", str(target))
    assert not target.exists()
    assert not ReportDraft.objects.exists()


def test_a_document_needs_a_file(tmp_path):
    with pytest.raises(CommandError, match="needs --out"):
        call_command("report", *PERIOD, "--format", "docx")
