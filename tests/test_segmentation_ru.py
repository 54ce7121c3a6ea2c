"""legislation.segmentation.ru: a Russian sample. No database."""

from legislation.segmentation import segment
from tests.segmentation_helpers import find

RUSSIAN = """Уголовный кодекс Российской Федерации

Раздел IX. Преступления против общественной безопасности

Глава 24. Преступления против общественной безопасности

Статья 205. Террористический акт

1. Совершение взрыва.

Статья 205.1. Содействие террористической деятельности

1. Склонение, вербовка.
Статья 205 настоящего Кодекса применяется.
"""


def test_russian_sample():
    law = segment(RUSSIAN, "ru")
    assert [(p.kind, p.number, p.eid, p.heading) for p in law.walk()] == [
        ("part", "Раздел IX", "part_IX", "Преступления против общественной безопасности"),
        ("chapter", "Глава 24", "part_IX__chp_24", "Преступления против общественной безопасности"),
        ("article", "Статья 205", "part_IX__chp_24__art_205", "Террористический акт"),
        ("article", "Статья 205.1", "part_IX__chp_24__art_205.1", "Содействие террористической деятельности"),
    ]
    assert find(law, "part_IX__chp_24__art_205.1").text.endswith("Статья 205 настоящего Кодекса применяется.")
