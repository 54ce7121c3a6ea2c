"""legislation.segmentation.fr: a French sample. No database."""

from legislation.segmentation import segment

FRENCH = """Code pénal

Livre IV : Des crimes et délits contre la nation

Titre II : Du terrorisme

Chapitre Ier : Des actes de terrorisme

Article 421-1

Constituent des actes de terrorisme :
1° Les atteintes volontaires à la vie ;

Art. 421-2-2. - Constitue également un acte de terrorisme.

Section 2 : Dispositions diverses

Article 421-3 bis

Texte.
"""


def test_french_sample():
    law = segment(FRENCH, "fr")
    assert law.title == "Code pénal"
    assert [(p.kind, p.number, p.eid) for p in law.walk()] == [
        ("book", "IV", "book_IV"),
        ("title", "II", "book_IV__title_II"),
        ("chapter", "Ier", "book_IV__title_II__chp_I"),
        ("article", "421-1", "book_IV__title_II__chp_I__art_421-1"),
        ("article", "421-2-2", "book_IV__title_II__chp_I__art_421-2-2"),
        ("section", "2", "book_IV__title_II__chp_I__sec_2"),
        ("article", "421-3 bis", "book_IV__title_II__chp_I__sec_2__art_421-3-bis"),
    ]
    articles = {p.number: p for p in law.walk()}
    assert articles["421-2-2"].text == "Constitue également un acte de terrorisme."
    assert (
        articles["421-1"].text
        == "Constituent des actes de terrorisme :\n1° Les atteintes volontaires à la vie ;"
    )
