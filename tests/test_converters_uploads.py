"""legislation.converters: what an upload is (size, extension) and its text files' encodings. No database."""

import codecs

import pytest

from legislation.converters import (
    MAX_UPLOAD_BYTES,
    read_upload,
)
from tests.converter_samples import refused

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
