"""legislation.converters.pdf_reader: the text layer of an uploaded PDF. No database."""

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from legislation.converters import (
    read_upload,
)
from tests.converter_samples import refused

# PDF


def pdf_with_text(*pages: list[str]) -> bytes:
    writer = PdfWriter()
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        shown = b" 0 -14 Td ".join(b"(" + line.encode("latin-1") + b") Tj" for line in lines)
        stream = DecodedStreamObject()
        stream.set_data(b"BT /F1 12 Tf 72 720 Td " + shown + b" ET")
        page[NameObject("/Contents")] = writer._add_object(stream)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def test_pdf_text_page_by_page():
    kind, text = read_upload("law.pdf", pdf_with_text(["Article 1", "Text one."], ["Article 2"]))
    assert kind == "text"
    assert [line.strip() for line in text.split("\n")] == ["Article 1", "Text one.", "Article 2"]


def test_pdf_without_text_layer():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    output = io.BytesIO()
    writer.write(output)
    message = refused("scan.pdf", output.getvalue())
    assert message == "the PDF has no text layer; it is probably a scan: OCR it first"


def test_broken_pdfs():
    assert "the PDF is broken" in refused("law.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog\nnonsense")
    assert "not a PDF" in refused("law.pdf", b"<html>not a pdf</html>")


def test_password_protected_pdf():
    writer = PdfWriter(clone_from=io.BytesIO(pdf_with_text(["Secret"])))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    assert "password-protected" in refused("law.pdf", output.getvalue())


def test_pdf_helper_writes_real_pdfs():
    assert len(PdfReader(io.BytesIO(pdf_with_text(["a"], ["b"]))).pages) == 2
