"""From an uploaded file to a parsed law: the step shared by `ctassist import-law` and the
staff's import page."""

from legislation.converters import read_upload
from legislation.document import ParsedLaw
from legislation.segmentation import segment


def parse_upload(filename: str, data: bytes, language: str) -> tuple[ParsedLaw, str]:
    """The parsed law and the text it came from (empty for Akoma Ntoso, already structured).

    Raises ConversionError (a file that cannot be read) or SegmentationError (a text
    that cannot be split into provisions), each saying what and where."""
    kind, content = read_upload(filename, data)
    if kind == "akn":
        return content, ""
    return segment(content, language), content


def first_words(text: str, count: int = 12) -> str:
    words = text.split()
    if len(words) <= 1:  # Chinese has no spaces between words
        return text[:40] + ("…" if len(text) > 40 else "")
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
