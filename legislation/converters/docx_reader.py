"""Text from an uploaded DOCX, after the archive has been checked for zip bombs."""

import io
import zipfile

import docx
from lxml import etree

from legislation.converters import limits
from legislation.converters.text import clean_text
from legislation.document import ConversionError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_DOCTYPES = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _not_a_zip(data: bytes) -> ConversionError:
    if data.startswith(_OLE_MAGIC):
        why = "it is an old Word (.doc) file or a password-protected one; save it as an unprotected .docx"
    elif data.lstrip()[:5] == b"%PDF-":
        why = "it is a PDF; upload it with the .pdf extension"
    else:
        why = "it is not a zip archive"
    return ConversionError(f"the file is not a DOCX: {why}")


def _has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether an XML part declares a DTD (Word never writes one); reads the part in 1 MB chunks."""
    overlap = b""
    with archive.open(info) as part:
        while chunk := part.read(1024 * 1024):
            window = overlap + chunk
            if any(doctype in window for doctype in _DOCTYPES):
                return True
            overlap = window[-32:]
    return False


def check_docx_archive(data: bytes) -> None:
    """Refuse what is not a zip, zip bombs (by total size and by ratio), encrypted entries and DTDs.

    Python's zipfile never inflates an entry beyond the size its directory declares (a lie
    ends in a CRC error), so checking the declared sizes bounds what python-docx will read.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise _not_a_zip(data) from error
    with archive:
        entries = archive.infolist()
        if len(entries) > limits.MAX_DOCX_ENTRIES:
            raise ConversionError(
                f"the DOCX holds {len(entries):,} files; the limit is {limits.MAX_DOCX_ENTRIES:,} "
                "(a zip bomb?)"
            )
        total = sum(info.file_size for info in entries)
        if total > limits.MAX_DOCX_UNCOMPRESSED_BYTES:
            raise ConversionError(
                f"the DOCX would expand to {limits.describe_size(total)}; the limit is "
                f"{limits.describe_size(limits.MAX_DOCX_UNCOMPRESSED_BYTES)} uncompressed (a zip bomb?)"
            )
        for info in entries:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > limits.DOCX_RATIO_MIN_BYTES and ratio > limits.MAX_DOCX_RATIO:
                raise ConversionError(
                    f"the DOCX part {info.filename} expands {ratio:,.0f} times, from {info.compress_size:,} "
                    f"to {info.file_size:,} bytes; the limit is {limits.MAX_DOCX_RATIO} times (a zip bomb?)"
                )
            if info.flag_bits & 0x1:
                raise ConversionError(f"the DOCX part {info.filename} is encrypted")
        names = {info.filename for info in entries}
        if "[Content_Types].xml" not in names:
            raise ConversionError("the file is a zip archive but not a DOCX: it has no [Content_Types].xml")
        try:
            for info in entries:
                if info.filename.endswith((".xml", ".rels")) and _has_doctype(archive, info):
                    raise ConversionError(
                        f"the DOCX part {info.filename} has a document type declaration (DTD); refused: "
                        "entities can expand into a huge document or read local files"
                    )
        except (zipfile.BadZipFile, NotImplementedError, EOFError, OSError, RuntimeError) as error:
            raise ConversionError(f"the DOCX archive is broken: {error}") from None


def _run_text(paragraph: etree._Element) -> str:
    """A paragraph's text as Word shows it: runs in hyperlinks, insertions, fields and content
    controls included; deleted text, field codes, the fallback copy of drawings and text
    boxes left out."""
    parts: list[str] = []
    for element in paragraph.iter(_w("t"), _w("tab"), _w("ptab"), _w("br"), _w("cr"), _w("noBreakHyphen")):
        ancestor = element.getparent()
        skip = False
        while ancestor is not None and ancestor is not paragraph:
            if ancestor.tag in (_w("p"), _w("del"), _w("moveFrom"), f"{{{MC}}}Fallback"):
                skip = True
                break
            ancestor = ancestor.getparent()
        if skip:
            continue
        if element.tag == _w("t"):
            parts.append(element.text or "")
        elif element.tag in (_w("tab"), _w("ptab")):
            parts.append("\t")
        elif element.tag == _w("noBreakHyphen"):
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _block_lines(container: etree._Element) -> list[str]:
    """Paragraphs in order, one line each; a table row is one line of tab-separated cells."""
    lines: list[str] = []
    for block in container:
        if block.tag == _w("p"):
            lines.append(_run_text(block))
        elif block.tag == _w("tbl"):
            for row in block.iterchildren(_w("tr")):
                cells = [" ".join(_block_lines(cell)).strip() for cell in row.iterchildren(_w("tc"))]
                lines.append("\t".join(cells))
        elif block.tag in (_w("sdt"), _w("customXml"), _w("sdtContent"), _w("ins")):
            lines.extend(_block_lines(block))
    return lines


def read_docx(data: bytes) -> str:
    check_docx_archive(data)
    # python-docx opens the package only after the archive has passed the checks.
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as error:  # python-docx raises anything from KeyError to lxml errors
        raise ConversionError(f"the DOCX cannot be read: {type(error).__name__}: {error}") from None
    text = clean_text("\n".join(_block_lines(body))).strip("\n")
    if not text.strip():
        raise ConversionError("the DOCX has no text")
    return text
