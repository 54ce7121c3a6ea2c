"""Parsing untrusted XML: no DTD, no entity, no external reference, no network."""

from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ErrorString

import defusedxml.ElementTree as defused_etree
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from lxml import etree

from legislation.document import ConversionError

_WHY_ENTITIES = "entities can expand into a huge document (the 'billion laughs' attack)"
_WHY_EXTERNAL = "external references would make the server read local files or fetch URLs"


def _refuse(error: DefusedXmlException) -> ConversionError:
    if isinstance(error, EntitiesForbidden):
        if error.sysid or error.pubid:
            return ConversionError(
                f"the XML declares an external entity {error.name!r} "
                f"(SYSTEM {error.sysid or error.pubid!r}); refused: {_WHY_EXTERNAL}"
            )
        return ConversionError(f"the XML declares an entity {error.name!r}; refused: {_WHY_ENTITIES}")
    if isinstance(error, ExternalReferenceForbidden):
        return ConversionError(
            f"the XML refers to an external resource ({error.sysid or error.pubid!r}); "
            f"refused: {_WHY_EXTERNAL}"
        )
    if isinstance(error, DTDForbidden):
        return ConversionError(f"the XML has a document type declaration (DTD); refused: {_WHY_ENTITIES}")
    return ConversionError(f"the XML was refused: {error}")


def _hardened_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False, remove_pis=True
    )


def parse_untrusted_xml(data: bytes) -> etree._Element:
    """The root element of `data`, or ConversionError saying why the XML is refused or where it is broken.

    First defusedxml (expat) reads the whole document and refuses any entity declaration or
    external reference before anything is expanded; then lxml parses it (with entities,
    DTD loading and network access off) for the schema and the element tree, and any
    document type declaration is refused.
    """
    if not data.strip():
        raise ConversionError("the XML file is empty")
    try:
        defused_etree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise _refuse(error) from None
    except ParseError as error:
        line, column = error.position
        raise ConversionError(
            f"the XML is malformed at line {line}, column {column}: {ErrorString(error.code)}"
        ) from None
    try:
        root = etree.fromstring(data, parser=_hardened_parser())
    except etree.XMLSyntaxError as error:
        line = error.lineno or "?"
        raise ConversionError(f"the XML is malformed at line {line}: {error.msg}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise ConversionError(
            f"the XML has a document type declaration ({docinfo.doctype or 'DTD'}); refused: {_WHY_ENTITIES}"
        )
    return root
