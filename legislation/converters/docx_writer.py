"""docx_export: a law as a Word document — title, metadata lines, then headings and text by depth."""

from ctassist.documents import word
from legislation.converters.text import xml_safe
from legislation.document import LawMeta, ParsedLaw, ParsedProvision

MAX_HEADING_LEVEL = 9  # Word's built-in styles stop at Heading 9


def metadata_lines(meta: LawMeta) -> list[str]:
    """The lines under the title, in English (the labels are not translated)."""
    values = [
        ("State", meta.state_iso3),
        ("Kind", meta.kind),
        ("Number", meta.number),
        ("Adopted", meta.adopted_on and meta.adopted_on.isoformat()),
        ("In force", meta.in_force_on and meta.in_force_on.isoformat()),
        ("Version of", meta.version_date and meta.version_date.isoformat()),
        ("Language", meta.language),
        ("FRBR work", meta.frbr_work),
    ]
    return [f"{label}: {value}" for label, value in values if value]


class _Writer:
    """A law written on the documents' common base (ctassist.documents.word): fonts and
    language of the law's own language, right to left where it is written so."""

    def __init__(self, meta: LawMeta):
        self.document = word.new_document(meta.language)

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(xml_safe(text), level=level)

    def paragraphs(self, text: str) -> None:
        for line in text.split("\n"):
            self.document.add_paragraph(xml_safe(line))

    def provision(self, provision: ParsedProvision, depth: int) -> None:
        title = " ".join(part for part in (provision.number, provision.heading) if part)
        if title:
            self.heading(title, min(depth + 1, MAX_HEADING_LEVEL))
        if provision.text:
            self.paragraphs(provision.text)
        for child in provision.children:
            self.provision(child, depth + 1)


def docx_export(meta: LawMeta, law: ParsedLaw) -> bytes:
    writer = _Writer(meta)
    title = meta.title or law.title
    properties = writer.document.core_properties
    properties.title = xml_safe(title)[:255]
    properties.language = meta.language  # the base knows six languages; a German law keeps "de"
    writer.heading(title, 0)
    for line in metadata_lines(meta):
        writer.paragraphs(line)
    if law.preamble:
        writer.paragraphs(law.preamble)
    for provision in law.provisions:
        writer.provision(provision, 0)
    return word.save(writer.document)
