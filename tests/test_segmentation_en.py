"""legislation.segmentation.en: Canadian Markdown, UK and Indian plain text on short samples. No database."""

from legislation.segmentation import segment

CANADA = """# Criminal Code

## PART II.1 Terrorism

### Interpretation

### 83.01 Definitions

(1) The following definitions apply in this Part.

**entity** means a person, group, trust. (**entité**)

**For greater certainty**

(1.1) For greater certainty, the expression of a thought is not terrorist activity.

<details>
<summary>Historical Note</summary>

- 2001, c. 41, s. 4

</details>

### 83.02 Providing or collecting property for certain activities

Every person is guilty of an indictable offence who

- (a) an act or omission, or
  - (i) an offence
"""


HEADING_83_02 = "Providing or collecting property for certain activities"


def test_english_canadian_markdown():
    law = segment(CANADA, "en")
    assert law.title == "Criminal Code"
    rows = [(p.kind, p.number, p.eid, p.heading) for p in law.walk()]
    assert rows == [
        ("part", "II.1", "part_II.1", "Terrorism"),
        ("subdivision", "", "part_II.1__subdvs_nn_1", "Interpretation"),
        ("section", "83.01", "part_II.1__subdvs_nn_1__sec_83.01", "Definitions"),
        ("subsection", "(1)", "part_II.1__subdvs_nn_1__sec_83.01__subsec_1", ""),
        ("subsection", "(1.1)", "part_II.1__subdvs_nn_1__sec_83.01__subsec_1.1", "For greater certainty"),
        ("section", "83.02", "part_II.1__subdvs_nn_1__sec_83.02", HEADING_83_02),
    ]
    texts = {p.number: p.text for p in law.walk()}
    assert (
        texts["(1)"]
        == "The following definitions apply in this Part.\n\nentity means a person, group, trust. (entité)"
    )
    assert texts["(1.1)"].endswith("is not terrorist activity.")  # the historical note is left out
    assert texts["83.02"].endswith("(a) an act or omission, or\n  (i) an offence")  # bullets go, indents stay


UK = """Terrorism Act 2000

PART I
INTRODUCTORY

1 Terrorism: interpretation
(1) In this Act “terrorism” means—
(a) the action falls within subsection (2), and
(b) the use or threat is designed to influence the government.
(2) Action falls within this subsection.
2 Temporary legislation
The Acts shall cease to have effect.
"""

INDIA = """113. Terrorist act.—(1) Whoever does any act,—
(a) by using bombs;
commits a terrorist act.
(2) Whoever commits a terrorist act shall be punished.
"""


def test_english_uk_and_india_plain_text():
    uk = segment(UK, "en")
    assert [(p.number, p.eid, p.heading) for p in uk.walk()] == [
        ("I", "part_I", "INTRODUCTORY"),
        ("1", "part_I__sec_1", "Terrorism: interpretation"),
        ("(1)", "part_I__sec_1__subsec_1", ""),
        ("(2)", "part_I__sec_1__subsec_2", ""),
        ("2", "part_I__sec_2", "Temporary legislation"),
    ]
    india = segment(INDIA, "en")
    assert [(p.number, p.eid, p.heading) for p in india.walk()] == [
        ("113", "sec_113", "Terrorist act"),
        ("(1)", "sec_113__subsec_1", ""),
        ("(2)", "sec_113__subsec_2", ""),
    ]
    assert india.provisions[0].children[0].text.splitlines() == [
        "Whoever does any act,—",
        *INDIA.splitlines()[1:3],
    ]
