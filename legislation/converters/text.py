"""Decoding uploaded text files and cleaning extracted text."""

import codecs
import re

from legislation.document import ConversionError

# Byte order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# Characters XML 1.0 cannot hold (and databases dislike): C0 controls but tab, newline and CR,
# lone surrogates, U+FFFE and U+FFFF. Form feeds and vertical tabs become line breaks.
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Newlines as \\n, no byte order mark, no character that XML or a database would refuse."""
    text = _LINE_BREAKS.sub("\n", text.replace("\ufeff", ""))
    return _NOT_XML.sub("", text)


def xml_safe(text: str) -> str:
    """Text that lxml and python-docx accept (they refuse control characters)."""
    return _NOT_XML.sub("", text)


def _line_of(data: bytes, skip: int, offset: int, encoding: str) -> int:
    return data[skip:offset].decode(encoding, errors="replace").count("\n") + 1


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte order mark), or UTF-16 / UTF-32 with one; anything else is refused."""
    encoding, name, skip = "utf-8", "UTF-8", 0
    for bom, bom_encoding, bom_name in _BOMS:
        if data.startswith(bom):
            encoding, name, skip = bom_encoding, bom_name, len(bom)
            break
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        offset = skip + error.start
        bad = data[offset : offset + min(4, error.end - error.start)].hex(" ").upper()
        hint = (
            "; it may be in a legacy encoding such as Latin-1, Windows-1252 or GB18030: save it as UTF-8"
            if name == "UTF-8"
            else f"; the file starts with a {name} byte order mark but is not {name}"
        )
        raise ConversionError(
            f"not {name} text: invalid byte(s) {bad} at byte offset {offset} "
            f"(line {_line_of(data, skip, offset, encoding)}){hint}"
        ) from None
    if "\x00" in text:
        offset = skip + len(text[: text.index("\x00")].encode(encoding))
        hint = "UTF-16 without a byte order mark, or " if name == "UTF-8" else ""
        raise ConversionError(
            f"not {name} text: a NUL character at byte offset {offset} "
            f"(line {_line_of(data, skip, offset, encoding)}); it may be {hint}not a text file at all"
        )
    return clean_text(text)
