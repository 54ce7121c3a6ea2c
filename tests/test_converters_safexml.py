"""legislation.converters.safexml: hostile and broken XML refused before it is read. No database."""

from tests.converter_samples import refused

# XML: hostile or broken

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
