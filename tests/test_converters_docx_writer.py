"""legislation.converters.docx_writer: a law exported as a Word document. No database."""

import io

import docx

from legislation.converters import (
    docx_export,
    read_upload,
)
from legislation.document import ParsedLaw
from tests.converter_samples import P, counter_terrorism_law, meta

# DOCX export


def test_docx_export_reads_back_with_python_docx():
    data = docx_export(meta(), counter_terrorism_law())
    document = docx.Document(io.BytesIO(data))
    rows = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    assert rows[0] == ("Title", "中华人民共和国反恐怖主义法")
    assert ("Normal", "State: CHN") in rows and ("Normal", "Adopted: 2015-12-27") in rows
    assert ("Normal", "FRBR work: /akn/cn/act/2015/counter-terrorism-law") in rows
    assert ("Heading 1", "第一章 总则") in rows and ("Heading 2", "第一条") in rows
    assert ("Heading 3", "（二）") in rows
    start = rows.index(("Heading 2", "第三条"))
    assert rows[start + 1 : start + 4] == [
        ("Normal", "本法所称恐怖主义，是指……的主张和行为。"),
        ("Normal", "本法所称恐怖活动，是指……行为："),
        ("Heading 3", "（一）"),
    ]
    assert document.core_properties.title == "中华人民共和国反恐怖主义法"


def test_docx_export_can_be_uploaded_again():
    kind, text = read_upload("export.docx", docx_export(meta(), counter_terrorism_law()))
    assert kind == "text" and text.endswith("\n第一百二十条之一") and "本法自2016年1月1日起施行。" in text


def test_docx_export_sets_right_to_left_for_arabic():
    law = ParsedLaw(provisions=[P("article", "المادة 1", text="نص المادة", eid="art_1")])
    data = docx_export(meta(title="قانون", language="ar"), law)
    body = docx.Document(io.BytesIO(data)).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    paragraph = body.findall(f"{w}p")[-1]
    assert paragraph.find(f"{w}pPr/{w}bidi") is not None
    assert paragraph.find(f"{w}r/{w}rPr/{w}rtl") is not None
