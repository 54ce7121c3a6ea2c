"""legislation.segmentation.es: a Spanish sample. No database."""

from legislation.segmentation import segment
from tests.segmentation_helpers import find

SPANISH = """TÍTULO PRELIMINAR

CAPÍTULO II
De los delitos de terrorismo

Artículo 5. Objeto.

1. La presente ley tiene por objeto.

Artículo 5 bis. Definiciones.

A los efectos de esta ley.

Artículo 6

Texto del artículo seis.

Disposición final primera. Entrada en vigor.

Esta ley.
"""


def test_spanish_sample():
    law = segment(SPANISH, "es")
    assert [(p.kind, p.number, p.eid, p.heading) for p in law.walk()] == [
        ("title", "PRELIMINAR", "title_preliminar", ""),
        ("chapter", "II", "title_preliminar__chp_II", "De los delitos de terrorismo"),
        ("article", "5", "title_preliminar__chp_II__art_5", "Objeto."),
        ("article", "5 bis", "title_preliminar__chp_II__art_5-bis", "Definiciones."),
        ("article", "6", "title_preliminar__chp_II__art_6", ""),
        (
            "article",
            "Disposición final primera",
            "title_preliminar__chp_II__art_final-1",
            "Entrada en vigor.",
        ),
    ]
    assert find(law, "title_preliminar__chp_II__art_5-bis").text == "A los efectos de esta ley."
