"""Segmentation of laws into trees of provisions (legislation.segmentation): every shipped law against
its golden file, and the eIds. No database. (Each language's rules on a short sample are in
test_segmentation_<language>.py, the shared reading and the errors in test_segmentation_core.py.)

The golden files (tests/golden/segmentation/<file stem>.json) hold the counts per kind, a few
(eid, number, heading prefix) triples checked by hand against the source, and a digest of the
whole tree. After an intended change, refresh counts and digests (the triples are kept, and
still checked) with `python -m tests.test_segmentation_golden --update`, then review the diff.
"""

import hashlib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from legislation.document import ParsedLaw
from legislation.segmentation import segment
from tests.segmentation_helpers import find

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "segmentation"
EID = re.compile(r"^[A-Za-z0-9_.-]+$")


SHIPPED = REPO / "data" / "legislation"


def law_directory() -> Path | None:
    """The shipped laws (data/legislation), else $CTASSIST_LEGISLATION_DIR or the research folder
    they were copied from."""
    candidates = [
        SHIPPED,
        os.environ.get("CTASSIST_LEGISLATION_DIR", ""),
        REPO.parent / "shared/data/legislation",
    ]
    return next((Path(c) for c in candidates if c and Path(c).is_dir()), None)


LAWS = law_directory()
GOLDEN_FILES = sorted(GOLDEN.glob("*.json"))
needs_laws = pytest.mark.skipif(LAWS is None, reason="the shipped law files are not on this machine")


def load_golden(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def segment_file(golden: dict) -> ParsedLaw:
    return segment((LAWS / golden["source"]).read_text(encoding="utf-8"), golden["language"])


def counts(law: ParsedLaw) -> dict[str, int]:
    return dict(sorted(Counter(provision.kind for provision in law.walk()).items()))


def digest(law: ParsedLaw) -> str:
    rows = [[law.title, law.preamble]]
    rows += [[p.eid, p.kind, p.number, p.heading, p.line, p.text] for p in law.walk()]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


# --- every shipped law against its golden file ------------------------------------------------


def test_a_golden_file_for_every_shipped_law():
    assert len(GOLDEN_FILES) == 20  # cn 12, ca 4, de, fr, in, uk
    sources = {load_golden(path)["source"] for path in GOLDEN_FILES}
    if LAWS is not None:
        files = {path.relative_to(LAWS).as_posix() for path in LAWS.rglob("*.md") if path.name != "README.md"}
        assert sources <= files
        if LAWS == SHIPPED:
            assert sources == files


@needs_laws
@pytest.mark.parametrize("golden_path", GOLDEN_FILES, ids=lambda path: path.stem)
def test_shipped_law_matches_its_golden_file(golden_path):
    golden = load_golden(golden_path)
    law = segment_file(golden)
    assert law.title == golden["title"]
    assert counts(law) == golden["counts"]
    for eid, number, heading in golden["provisions"]:
        provision = find(law, eid)
        assert provision is not None, f"{eid} is missing"
        assert provision.number == number
        assert provision.heading.startswith(heading), (eid, provision.heading)
    assert digest(law) == golden["digest"], "the tree or a text changed: see the module docstring"


@needs_laws
@pytest.mark.parametrize("golden_path", GOLDEN_FILES, ids=lambda path: path.stem)
def test_eids_are_unique_and_well_formed(golden_path):
    law = segment_file(load_golden(golden_path))
    eids = [provision.eid for provision in law.walk()]
    assert len(eids) == len(set(eids))
    assert all(EID.match(eid) for eid in eids)
    for provision in law.walk():  # an eId is its parent's path plus its own part
        for child in provision.children:
            assert child.eid.startswith(provision.eid + "__")


@needs_laws
def test_the_labels_named_in_the_specification():
    def labels(source, language):
        law = segment((LAWS / source).read_text(encoding="utf-8"), language)
        return {provision.number: provision for provision in law.walk()}

    criminal_law = labels("cn/cn_criminal_law.zh.md", "zh")
    assert criminal_law["第一百二十条之一"].eid == "part_2__chp_2__art_120-1"
    assert criminal_law["第一百二十条之一"].text.startswith("资助恐怖活动组织")
    code_penal = labels("fr/fr_code_penal_titre_ii_terrorisme.fr.md", "fr")
    assert code_penal["421-2-2"].eid == "title_II__chp_I__art_421-2-2"
    stgb = labels("de/de_stgb_terrorism_extracts.de.md", "de")
    assert stgb["§ 89a"].heading == "Vorbereitung einer schweren staatsgefährdenden Gewalttat"
    assert stgb["§ 129a"].heading == "Bildung terroristischer Vereinigungen"
    canada = labels("ca/ca_criminal_code_part_II.1_terrorism.en.md", "en")
    assert canada["83.02"].heading == "Providing or collecting property for certain activities"
    assert canada["83.03"].eid.endswith("sec_83.03")
    assert [child.number for child in canada["83.03"].children] == ["(1)", "(2)", "(3)", "(4)"]


@needs_laws
def test_article_text_keeps_its_line_breaks_and_items():
    law = segment((LAWS / "cn/cn_counter_terrorism_law_2015_amended_2018.zh.md").read_text(), "zh")
    article = find(law, "chp_1__art_3")
    assert article.text.startswith("本法所称恐怖主义，是指")
    assert "\n\n（一）组织、策划、准备实施" in article.text
    assert article.text.endswith("造成重大社会危害的恐怖活动。")
    assert law.preamble.startswith("2015年12月27日")
    assert "INFO END" not in law.preamble


# --- refreshing the golden files --------------------------------------------------------------


def dump_golden(golden: dict) -> str:
    """JSON with one (eid, number, heading) triple a line, for readable diffs."""
    triples = ",\n".join(f"    {json.dumps(triple, ensure_ascii=False)}" for triple in golden["provisions"])
    head = {key: golden[key] for key in ("source", "language", "title", "counts")}
    body = json.dumps(head, ensure_ascii=False, indent=2)[:-2]
    return f'{body},\n  "provisions": [\n{triples}\n  ],\n  "digest": "{golden["digest"]}"\n}}\n'


def update_golden_files() -> None:
    """Counts, title and digest from the segmenter; the hand-checked triples are kept."""
    for path in GOLDEN_FILES:
        golden = load_golden(path)
        law = segment_file(golden)
        golden.update(title=law.title, counts=counts(law), digest=digest(law))
        path.write_text(dump_golden(golden), encoding="utf-8")
        print(path.name, golden["counts"])


if __name__ == "__main__":
    if "--update" not in sys.argv or LAWS is None:
        sys.exit("usage: python -m tests.test_segmentation_golden --update (needs the shipped law files)")
    update_golden_files()
