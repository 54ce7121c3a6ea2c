"""legislation.segmentation.ar: an Arabic sample. No database."""

from legislation.segmentation import segment
from tests.segmentation_helpers import find

ARABIC = """قانون مكافحة الإرهاب

الباب الأول: أحكام عامة

الفصل الثاني
تعريفات

المادة 3
يقصد بالإرهاب كل فعل.
المادة 3 من هذا القانون تسري على الجميع.

المادة (4): يعاقب كل من.

المادة الحادية عشرة
نص.

مادة ١٢ مكرر
نص.
"""


def test_arabic_sample():
    law = segment(ARABIC, "ar")
    assert law.title == "قانون مكافحة الإرهاب"
    assert [(p.kind, p.number, p.eid, p.heading) for p in law.walk()] == [
        ("part", "الباب الأول", "part_1", "أحكام عامة"),
        ("chapter", "الفصل الثاني", "part_1__chp_2", "تعريفات"),
        ("article", "المادة 3", "part_1__chp_2__art_3", ""),
        ("article", "المادة (4)", "part_1__chp_2__art_4", ""),
        ("article", "المادة الحادية عشرة", "part_1__chp_2__art_11", ""),
        ("article", "مادة ١٢ مكرر", "part_1__chp_2__art_12-bis", ""),
    ]
    assert find(law, "part_1__chp_2__art_3").text.splitlines() == ARABIC.splitlines()[8:10]
    assert find(law, "part_1__chp_2__art_4").text == "يعاقب كل من."
