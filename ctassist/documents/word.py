"""DOCX documents (python-docx) that carry their language and its fonts, right to left in Arabic.

Word picks a run's font by the script of its characters: w:ascii/w:hAnsi for Latin and
Cyrillic, w:eastAsia for Chinese, w:cs ("complex script") for Arabic. The defaults and
every style get all three, without the theme fonts of python-docx's template (a theme
font wins over a named one). In Arabic documents paragraphs are marked w:bidi, runs of
Arabic text w:rtl, and tables w:bidiVisual, so that Word lays them out right to left; a
paragraph that begins in a left-to-right script (an English title, a reasoning written in
French) stays left to right, as HTML's dir="auto" would have it.

Elements are inserted in the order of the schema (ECMA-376), which Word enforces."""

import io
import re

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from ctassist.documents.fonts import ARABIC, CHINESE, LATIN, WORD_LANGUAGE, direction_of, is_right_to_left
from ctassist.languages import data_language

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
FONT_ATTRIBUTES = (("w:ascii", LATIN), ("w:hAnsi", LATIN), ("w:eastAsia", CHINESE), ("w:cs", ARABIC))
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# What follows w:lang in w:rPr, and w:bidi in w:pPr (ECMA-376 order).
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _lang(run_properties):
    tag = run_properties.find(qn("w:lang"))
    if tag is None:
        tag = OxmlElement("w:lang")
        run_properties.insert_element_before(tag, *_AFTER_LANG)
    return tag


def _set_fonts(run_properties, language: str) -> None:
    fonts = run_properties.get_or_add_rFonts()
    for attribute in _THEME_FONTS:
        fonts.attrib.pop(qn(attribute), None)
    for attribute, font in FONT_ATTRIBUTES:
        fonts.set(qn(attribute), font)
    tag = _lang(run_properties)
    # w:val is the language of Latin and Cyrillic text; in an Arabic or Chinese document
    # that is most likely English (a name or a title quoted as it is).
    tag.set(qn("w:val"), WORD_LANGUAGE[language] if language not in ("ar", "zh") else WORD_LANGUAGE["en"])
    tag.set(qn("w:eastAsia"), WORD_LANGUAGE["zh"])
    tag.set(qn("w:bidi"), WORD_LANGUAGE["ar"])


def new_document(language: str) -> Document:
    """An empty A4 document whose defaults and styles use the fonts and language of `language`."""
    language = data_language(language)
    document = Document()
    document.core_properties.language = language
    section = document.sections[0]  # python-docx's template is US Letter; the UN writes on A4
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    styles = document.styles.element
    _set_fonts(styles.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"), language)
    for style in styles.findall(qn("w:style")):
        if style.find(qn("w:rPr")) is not None:
            _set_fonts(style.find(qn("w:rPr")), language)
    return document


def mark_language(run, language: str) -> None:
    """Mark a run as written in `language` (a title in English inside a French report)."""
    language = data_language(language)
    attribute = {"ar": "w:bidi", "zh": "w:eastAsia"}.get(language, "w:val")
    _lang(run._r.get_or_add_rPr()).set(qn(attribute), WORD_LANGUAGE[language])


def mark_right_to_left(paragraph) -> None:
    """Lay one paragraph out right to left (Arabic typed by a user in a French document)."""
    properties = paragraph._p.get_or_add_pPr()
    if properties.find(qn("w:bidi")) is None:
        properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
    for run in paragraph._p.iter(qn("w:r")):
        if ARABIC_SCRIPT.search("".join(node.text or "" for node in run.iter(qn("w:t")))):
            run.get_or_add_rPr().get_or_add_rtl()


def language_of(document) -> str:
    return data_language(document.core_properties.language or "en")


def _right_to_left(document) -> None:
    body = document.element.body
    for paragraph in body.iter(qn("w:p")):
        text = "".join(node.text or "" for node in paragraph.iter(qn("w:t")))
        properties = paragraph.get_or_add_pPr()
        if direction_of(text, default="rtl") == "rtl" and properties.find(qn("w:bidi")) is None:
            properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
    for run in body.iter(qn("w:r")):
        if ARABIC_SCRIPT.search("".join(node.text or "" for node in run.iter(qn("w:t")))):
            run.get_or_add_rPr().get_or_add_rtl()
    for table in body.iter(qn("w:tbl")):
        table.tblPr.get_or_add_bidiVisual()


def save(document) -> bytes:
    """The document as DOCX bytes, right to left if its language is written so."""
    if is_right_to_left(language_of(document)):
        _right_to_left(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
