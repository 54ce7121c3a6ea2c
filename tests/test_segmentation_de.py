"""legislation.segmentation.de: a German sample. No database."""

from legislation.segmentation import segment
from tests.segmentation_helpers import find

GERMAN = """# Strafgesetzbuch

#### Siebenter Abschnitt - Straftaten gegen die öffentliche Ordnung

##### § 129a Bildung terroristischer Vereinigungen

(1) Wer eine Vereinigung gründet,
(§ 129 Absatz 2) wird bestraft.

1.  Mord oder

(2) Ebenso wird bestraft.

(2a) Eingefügter Absatz.

[...]

##### § 129b Kriminelle Vereinigungen im Ausland

Die §§ 129 und 129a gelten auch.
"""


def test_german_sample():
    law = segment(GERMAN, "de")
    assert [(p.kind, p.number, p.eid, p.heading) for p in law.walk()] == [
        ("section", "Siebenter Abschnitt", "sec_7", "Straftaten gegen die öffentliche Ordnung"),
        ("article", "§ 129a", "sec_7__art_129a", "Bildung terroristischer Vereinigungen"),
        ("paragraph", "(1)", "sec_7__art_129a__para_1", ""),
        ("paragraph", "(2)", "sec_7__art_129a__para_2", ""),
        ("paragraph", "(2a)", "sec_7__art_129a__para_2a", ""),
        # after an omission ([...]) the extract does not say where § 129b sits: not inside § 7
        ("article", "§ 129b", "art_129b", "Kriminelle Vereinigungen im Ausland"),
    ]
    assert find(law, "sec_7__art_129a__para_1").text.splitlines() == [
        "Wer eine Vereinigung gründet,",
        *GERMAN.splitlines()[7:10],
    ]
    assert find(law, "art_129b").text == "Die §§ 129 und 129a gelten auch."
