"""Lists sorted as each language sorts them: Unicode collation through ICU.

Python's `sorted` orders by code point, which puts "Côte d’Ivoire" after "Cuba" and
"Türkiye" after "Tuvalu". ICU's collation for each language (its CLDR tailoring) puts
them where a reader looks for them, and sorts Chinese by pinyin.

    sorted_by_name(states)                      # in the page's language
    sorted(names, key=sort_key("fr"))
    field.iterator = ByName                     # a form's select of states or areas
"""

import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

import icu
from django.forms.models import ModelChoiceIterator

from ctassist.languages import data_language

# ICU's root locale for Chinese is "zh", whose default collation is pinyin.
_ICU_LOCALES = {"zh": "zh"}
_local = threading.local()
T = TypeVar("T")


def _collator(language: str) -> icu.Collator:
    # One collator per thread and language: creating one costs far more than using it.
    collators = _local.__dict__.setdefault("collators", {})
    if language not in collators:
        collators[language] = icu.Collator.createInstance(icu.Locale(_ICU_LOCALES.get(language, language)))
    return collators[language]


def sort_key(language: str | None = None) -> Callable[[str], bytes]:
    """A key function that sorts text as `language` (a UN language code; default: the
    page's) sorts it."""
    return _collator(data_language(language)).getSortKey


def sorted_by_name(records: Iterable[T], language: str | None = None) -> list[T]:
    """States or areas (anything with `name(language)`) in the order of their names."""
    language = data_language(language)
    key = sort_key(language)
    return sorted(records, key=lambda record: key(record.name(language)))


class ByName(ModelChoiceIterator):
    """The choices of a ModelChoiceField of states or areas in the order of their names in
    the page's language, instead of the table's order (ISO code): `field.iterator = ByName`."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for record in sorted_by_name(self.queryset):
            yield self.choice(record)
