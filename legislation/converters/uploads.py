"""read_upload: an uploaded law file as text to segment, or as a ParsedLaw when it is Akoma Ntoso."""

from legislation.converters.akn import akn_import
from legislation.converters.docx_reader import read_docx
from legislation.converters.limits import check_upload_size
from legislation.converters.pdf_reader import read_pdf
from legislation.converters.text import decode_text
from legislation.document import ConversionError, ParsedLaw

ACCEPTED_EXTENSIONS = (".txt", ".md", ".docx", ".pdf", ".xml")
_HINTS = {
    ".doc": "; an old Word .doc file must be saved as .docx first",
    ".rtf": "; save it as .docx first",
    ".odt": "; save it as .docx first",
    ".htm": "; save the page as text (.txt) first",
    ".html": "; save the page as text (.txt) first",
}


def extension_of(filename: str) -> str:
    """'.docx' for 'C:\\Laws\\Code.DOCX'; '' when the name has no extension."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    stem, dot, extension = name.rpartition(".")
    return f".{extension.lower()}" if dot and stem else ""


def read_upload(filename: str, data: bytes) -> tuple[str, str | ParsedLaw]:
    """("text", text) for .txt, .md, .docx and .pdf; ("akn", ParsedLaw) for Akoma Ntoso .xml.

    The size is checked first, then the extension; every failure is a ConversionError that
    says what is wrong (and where, when it can).
    """
    check_upload_size(data)
    extension = extension_of(filename)
    if extension not in ACCEPTED_EXTENSIONS:
        shown = f"extension {extension}" if extension else "no extension"
        raise ConversionError(
            f"{filename!r} has {shown}: accepted are {', '.join(ACCEPTED_EXTENSIONS)}"
            f"{_HINTS.get(extension, '')}"
        )
    data = bytes(data)
    if extension == ".xml":
        return "akn", akn_import(data)
    if not data:
        raise ConversionError("the file is empty")
    if extension == ".docx":
        return "text", read_docx(data)
    if extension == ".pdf":
        return "text", read_pdf(data)
    text = decode_text(data)
    if not text.strip():
        raise ConversionError("the file has no text")
    return "text", text
