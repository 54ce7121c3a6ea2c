"""legislation.converters.docx_reader: a DOCX upload read safely as lines of text. No database."""

import io
import zipfile

import docx
from lxml import etree

from legislation.converters import (
    MAX_UPLOAD_BYTES,
    read_upload,
)
from tests.converter_samples import refused

# DOCX


def make_docx(build) -> bytes:
    document = docx.Document()
    build(document)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def test_docx_paragraphs_and_tables_become_lines():
    def build(document):
        document.add_heading("Loi n° 2015-912", level=0)
        document.add_paragraph("Article 1")
        document.add_paragraph("1° Le premier alinéa\tavec une tabulation;")
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Infraction", "Peine"
        document.add_paragraph("Article 2")

    kind, text = read_upload("loi.docx", make_docx(build))
    assert kind == "text"
    assert text.split("\n") == [
        "Loi n° 2015-912",
        "Article 1",
        "1° Le premier alinéa\tavec une tabulation;",
        "Infraction\tPeine",
        "Article 2",
    ]


def test_docx_tracked_changes_hyperlinks_and_content_controls():
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph = etree.fromstring(
        f"<w:p {w}><w:r><w:t>Article </w:t></w:r><w:ins><w:r><w:t>3</w:t></w:r></w:ins>"
        f"<w:del><w:r><w:delText>2</w:delText></w:r></w:del>"
        f"<w:hyperlink><w:r><w:t xml:space='preserve'> (link)</w:t></w:r></w:hyperlink></w:p>"
    )
    control = etree.fromstring(
        f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Article 4</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )

    def build(document):
        body = document.element.body
        body.insert(0, control)
        body.insert(0, paragraph)

    assert read_upload("law.docx", make_docx(build))[1] == "Article 3 (link)\nArticle 4"


def test_docx_that_is_not_a_zip():
    assert "not a DOCX: it is not a zip archive" in refused("law.docx", b"plain text, not a zip")
    assert "old Word (.doc)" in refused("law.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "it is a PDF" in refused("law.docx", b"%PDF-1.7\n")


def test_zip_that_is_not_a_docx():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert "no [Content_Types].xml" in refused("law.docx", output.getvalue())


def zip_bomb(uncompressed_mb: int) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            zeros = bytes(1024 * 1024)
            for _ in range(uncompressed_mb):
                part.write(zeros)
    return output.getvalue()


def test_zip_bomb_is_refused_by_its_uncompressed_size(monkeypatch):
    data = zip_bomb(200)
    assert len(data) < MAX_UPLOAD_BYTES

    def never(*args, **kwargs):
        raise AssertionError("python-docx must not open a zip bomb")

    monkeypatch.setattr(docx, "Document", never)
    message = refused("bomb.docx", data)
    assert "would expand to 200.0 MB" in message and "100.0 MB" in message and "zip bomb" in message


def test_zip_bomb_is_refused_by_its_compression_ratio():
    message = refused("bomb.docx", zip_bomb(5))
    assert "word/document.xml expands " in message and " times, from " in message
    assert "to 5,242,880 bytes" in message
    assert "the limit is 100 times" in message


def test_docx_with_a_dtd_is_refused():
    original = make_docx(lambda document: document.add_paragraph("Article 1"))
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(
                    b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1
                )
            target.writestr(info, content)
    message = refused("law.docx", output.getvalue())
    assert "word/document.xml has a document type declaration" in message


def test_docx_with_a_broken_part_is_reported():
    original = make_docx(lambda document: document.add_paragraph("Article 1"))
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = b"<w:document"
            target.writestr(info, content)
    assert "the DOCX cannot be read" in refused("law.docx", output.getvalue())
