"""Paragraphs and items of a fragment that has no headings at all: (a), (i), (A) …"""

import re

from .numerals import roman_to_int
from .rules import ARTICLE, Context, Rules, Token


class EnumerationRules(Rules):
    """For a fragment without headings: (a), (i), (A) … as paragraphs and nested items. A label
    continues the innermost level whose next label it is; a first label ((a), (i), (A), (1))
    opens a deeper level."""

    _LABEL = re.compile(r"^\((?P<label>[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\)\s+(?P<rest>.*)$")

    def __init__(self):
        self.levels: list[tuple[str, int]] = []  # (style, last value)

    @staticmethod
    def _readings(label: str) -> dict[str, int]:
        readings: dict[str, int] = {}
        if label.isdigit():
            readings["digit"] = int(label)
        elif label.islower():
            if len(label) == 1:
                readings["lower"] = ord(label) - 96
            if roman_to_int(label):
                readings["roman"] = roman_to_int(label)
        else:
            if len(label) == 1:
                readings["upper"] = ord(label) - 64
            if roman_to_int(label):
                readings["ROMAN"] = roman_to_int(label)
        return readings

    def match(self, text: str, heading: bool, ctx: Context) -> list[Token]:
        found = self._LABEL.match(text)
        if not found:
            return []
        label = found.group("label")
        readings = self._readings(label)
        depth = None
        for level in range(len(self.levels) - 1, -1, -1):
            style, last = self.levels[level]
            if readings.get(style) == last + 1:
                depth = level
                del self.levels[level:]
                self.levels.append((style, last + 1))
                break
        if depth is None:
            styles = ("roman", "ROMAN", "lower", "upper", "digit")
            firsts = [style for style in styles if readings.get(style) == 1]
            if firsts:
                style = firsts[0]
            elif not self.levels and readings:  # a fragment may start anywhere: (b)
                style = next(s for s in ("lower", "upper", "digit", "roman", "ROMAN") if s in readings)
            else:
                return []
            depth = len(self.levels)
            self.levels.append((style, readings[style]))
        kind = "paragraph" if depth == 0 else "item"
        return [Token(kind, f"({label})", ARTICLE + 10 + 2 * depth, label, text=found.group("rest"))]
