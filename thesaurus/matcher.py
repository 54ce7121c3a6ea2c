"""The multilingual thesaurus of counter-terrorism legal concepts, and finding its terms in a text.

    thesaurus = Thesaurus.from_csv("data/reference/thesaurus.csv")
    thesaurus.find_concepts("资助恐怖活动组织的，处五年以下有期徒刑", "zh")
    # {"financing": ["资助"], "terrorist-act": ["恐怖活动", "恐怖活动组织"], "penalties": ["有期徒刑"]}

Matching works on normalised text, the same way for the terms and for the law:

- every language: NFKC, case folding;
- zh: a term matches where it occurs as a substring (Chinese statutes do not separate words);
- en, fr, es, de, ru, ar: words are stemmed with the Snowball stemmer of the language (so
  "financement" and "financer", "терроризма" and "терроризм" meet), then accents are dropped
  for the Latin-script languages; in Russian and German a stemmed term word of five letters
  or more also matches a longer word that starts with it, and in German one of six or more
  also matches inside a compound ("finanzier" in "Terrorismusfinanzierung");
- a term of several words matches those words in that order within one clause, with up to
  three other words between two of them, so "provides or collects property" also finds
  "provides, or collects, property"; the function words of a term ("of", "de", "der" …) are
  not required when it has two other words or more, and are required side by side otherwise
  ("à l'étranger", "on board").

`find_concepts` returns, for each concept found, the words of the text that matched (as
they are written in the text, so that a reader finds them again), first occurrence first.
Pure Python: no database, no Django. The words are those of the search index
(thesaurus.analysis), their keys a little looser (match_key).
"""

import csv
import functools
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from thesaurus.analysis import SNOWBALL, WORD_RE, fold, language_code, stemmer, strip_accents

LATIN = frozenset({"en", "fr", "es", "de"})
# Snowball leaves some Russian and German endings on the stem: a term word of five letters or
# more also matches a longer word that starts with it ("финансирова" → "финансирован"). Not
# in English, French or Spanish, where "financ" would find "financial" and "financier".
PREFIX_MIN = {"de": 6, "ru": 5}
INFIX_MIN = {"de": 6}  # German compounds: "finanzier" in "terrorismusfinanzier"
# A term's words are looked for within one clause: not across these.
CLAUSE_BREAK_RE = re.compile(r"[;:()\[\].!?。；：]")
MAX_GAP = 3  # other words allowed between two words of a term
ZH_PHRASE = 4  # a Chinese term of four characters or more is a phrase

# Words a term may contain without requiring them in the text.
FUNCTION_WORDS = {
    "en": {
        "a",
        "an",
        "the",
        "of",
        "or",
        "and",
        "to",
        "in",
        "on",
        "by",
        "for",
        "with",
        "its",
        "any",
        "that",
        "it",
    },
    "fr": {
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "d",
        "un",
        "une",
        "ou",
        "et",
        "à",
        "a",
        "en",
        "au",
        "aux",
        "s",
        "se",
        "sur",
        "par",
        "n",
        "pas",
        "ses",
        "son",
        "sa",
    },
    "es": {"de", "del", "la", "el", "los", "las", "un", "una", "o", "y", "a", "en", "se", "por", "al", "que"},
    "de": {
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "und",
        "oder",
        "zu",
        "zur",
        "zum",
        "von",
        "vom",
        "im",
        "in",
        "auf",
        "an",
        "über",
        "gegen",
        "mit",
    },
    "ru": {"и", "или", "в", "на", "с", "по", "к", "о", "от", "не", "бы", "то", "ни", "было"},
    "ar": {"في", "من", "على", "إلى", "أو", "و", "عن"},
}

_SPACES_RE = re.compile(r"\s+")
_TATWEEL = "\u0640"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@functools.lru_cache(maxsize=200_000)
def match_key(word: str, language: str) -> str:
    """The matching key of one folded word: its stem, without accents in Latin scripts (unlike
    the search index's analyze_word, English too, and Russian ё as е)."""
    if language == "ru":
        word = word.replace("ё", "е")
    elif language == "ar":
        word = word.translate(_DIGITS).replace(_TATWEEL, "")
        word = "".join(ch for ch in word if unicodedata.category(ch) != "Mn") or word
    if language in SNOWBALL:
        word = stemmer(language).stemWord(word)
    if language in LATIN and not word.isascii():
        word = strip_accents(word)
    return word


# German writes the shared end of coordinated compounds once: "Kernbrenn- oder sonstige radioaktive
# Stoffe" is "Kernbrennstoffe oder sonstige radioaktive Stoffe", "Spreng- oder Brandvorrichtungen".
_SUSPENDED_RE = re.compile(r"-\s*(?:und|oder|sowie|bzw\.?|,)\s", re.IGNORECASE)
_SUSPENDED_LOOKAHEAD = 4  # words after the conjunction in which the completing noun is looked for


def word_spans(text: str, language: str) -> list[tuple[str, int, int]]:
    """(key, start, end) of each word of `text`; offsets refer to `text` as given."""
    return [(key, start, end) for key, start, end, _completed in _word_spans(text, language)]


def _word_spans(text: str, language: str) -> list[tuple[str, int, int, bool]]:
    """(key, start, end, completed?) of each word of `text`.

    German: a first part of a compound left hanging ("Kernbrenn-") is completed with the next
    noun of its group ("Stoffen"), so that it is read as the compound ("kernbrennstoff"). The
    next noun may itself be a compound ("Luft- und Seeverkehr"), so a completed word is matched
    by its beginning only, never inside ("seeverkehr" is not looked for in "luftseeverkehr")."""
    spans = []
    matches = list(WORD_RE.finditer(text))
    for index, match in enumerate(matches):
        word, completed = match.group(), False
        if language == "de" and _SUSPENDED_RE.match(text, match.end()):
            noun = next(
                (
                    later.group()
                    for later in matches[index + 1 : index + 2 + _SUSPENDED_LOOKAHEAD]
                    if later.group()[:1].isupper() and _SUSPENDED_RE.match(text, later.end()) is None
                ),
                None,
            )
            if noun:
                word, completed = word + noun.lower(), True
        pieces = [word.lower()] if word.isascii() else WORD_RE.findall(fold(word))
        spans.extend((match_key(piece, language), match.start(), match.end(), completed) for piece in pieces)
    return spans


@dataclass(frozen=True)
class _Entry:
    concept: str
    term: str
    keys: tuple[str, ...]  # the analysed words of the term (zh: the folded term itself)
    gap: int = MAX_GAP  # other words allowed between two of them (none when function words count)


@dataclass
class _WordMatcher:
    """Finds the terms of one language written with words (every language but Chinese)."""

    language: str
    entries: list[_Entry]
    exact: dict[str, list[_Entry]] = field(default_factory=dict)
    prefix: dict[str, list[_Entry]] = field(default_factory=dict)
    infix: dict[str, list[_Entry]] = field(default_factory=dict)
    _candidates: dict[str, tuple[_Entry, ...]] = field(default_factory=dict)

    def __post_init__(self):
        prefix_min = PREFIX_MIN.get(self.language)
        infix_min = INFIX_MIN.get(self.language)
        for entry in self.entries:
            first = entry.keys[0]
            self.exact.setdefault(first, []).append(entry)
            if prefix_min and len(first) >= prefix_min:
                self.prefix.setdefault(first, []).append(entry)
            if infix_min and len(first) >= infix_min:
                self.infix.setdefault(first, []).append(entry)
        self._prefix_min = prefix_min
        self._infix_min = infix_min

    def word_matches(self, term_key: str, key: str) -> bool:
        if key == term_key:
            return True
        if self._prefix_min and len(term_key) >= self._prefix_min and key.startswith(term_key):
            return True
        return bool(self._infix_min and len(term_key) >= self._infix_min and term_key in key)

    def candidates(self, key: str, infix: bool = True) -> tuple[_Entry, ...]:
        """The terms whose first word matches the text word `key` (cached per word); with
        `infix` False, only those matching it whole or at its beginning."""
        found = self._candidates.get(key) if infix else None
        if found is not None:
            return found
        entries = list(self.exact.get(key, ()))
        if self._prefix_min:
            for end in range(self._prefix_min, len(key)):
                entries.extend(self.prefix.get(key[:end], ()))
        if not infix:
            return tuple(dict.fromkeys(entries))
        if self._infix_min and len(key) > self._infix_min:
            for start in range(1, len(key) - self._infix_min + 1):
                for end in range(start + self._infix_min, len(key) + 1):
                    entries.extend(self.infix.get(key[start:end], ()))
        found = tuple(dict.fromkeys(entries))
        if len(self._candidates) < 500_000:
            self._candidates[key] = found
        return found

    def _rest(
        self, text: str, words: list[tuple[str, int, int]], index: int, keys: tuple[str, ...], gap: int
    ) -> int | None:
        """Where the term ends when its first word is words[index] and `keys` follow, or None."""
        position, last_end = index, words[index][2]
        for term_key in keys:
            for next_index in range(position + 1, min(position + 2 + gap, len(words))):
                if CLAUSE_BREAK_RE.search(text, last_end, words[next_index][1]):
                    return None
                if self.word_matches(term_key, words[next_index][0]):
                    position, last_end = next_index, words[next_index][2]
                    break
            else:
                return None
        return last_end

    def find(self, text: str) -> dict[str, list[tuple[int, int, bool]]]:
        """Concept → (start, end, phrase?) of the places of `text` that matched one of its terms."""
        spans = _word_spans(text, self.language)
        words = [(key, start, end) for key, start, end, _completed in spans]
        found: dict[str, list[tuple[int, int, bool]]] = {}
        for index, (key, start, _end, completed) in enumerate(spans):
            for entry in self.candidates(key, infix=not completed):
                last_end = self._rest(text, words, index, entry.keys[1:], entry.gap)
                if last_end is not None:
                    found.setdefault(entry.concept, []).append((start, last_end, len(entry.keys) > 1))
        return found


@dataclass
class _SubstringMatcher:
    """Finds the terms of Chinese (and of any text without spaces between words)."""

    entries: list[_Entry]

    def find(self, text: str) -> dict[str, list[tuple[int, int, bool]]]:
        folded = fold(text)  # offsets refer to the folded text (the same as `text` unless NFKC changed it)
        found: dict[str, list[tuple[int, int, bool]]] = {}
        for entry in self.entries:
            needle = entry.keys[0]
            phrase = len(needle) >= ZH_PHRASE
            start = folded.find(needle)
            while start >= 0:
                found.setdefault(entry.concept, []).append((start, start + len(needle), phrase))
                start = folded.find(needle, start + 1)
        return found


@dataclass
class ConceptMatch:
    """A concept found in a text: how often, and the words that matched."""

    concept: str
    count: int  # separate places of the text (overlapping matches of two terms count once)
    matched: list[str]  # as written in the text, first occurrence first, without repeats
    phrases: int = 0  # how many of those places matched a phrase (a term of several words)
    first: int = 0  # where the first place starts in the text
    shadowed: int = 0  # places inside a longer match of another concept ("航空器" in "劫持航空器")

    @property
    def evidence(self) -> float:
        """Places, a phrase counting twice and a shadowed place half."""
        return self.count + self.phrases - 0.5 * self.shadowed


class Thesaurus:
    """Terms of each concept in each language: {concept: {language: [term, …]}}."""

    def __init__(self, terms: dict[str, dict[str, list[str]]]):
        self.terms = {
            concept: {language_code(lang): list(words) for lang, words in by_language.items()}
            for concept, by_language in terms.items()
        }
        self._matchers: dict[str, _WordMatcher | _SubstringMatcher | None] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_csv(cls, path: str | Path) -> "Thesaurus":
        """Reads a concept,language,term file (data/reference/thesaurus.csv)."""
        terms: dict[str, dict[str, list[str]]] = {}
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"concept", "language", "term"} - set(reader.fieldnames or ())
            if missing:
                raise ValueError(f"{path}: missing columns {', '.join(sorted(missing))}")
            for line, row in enumerate(reader, start=2):
                concept, language, term = (row[key].strip() for key in ("concept", "language", "term"))
                if not (concept and language and term):
                    raise ValueError(f"{path}, line {line}: concept, language and term are all required")
                words = terms.setdefault(concept, {}).setdefault(language_code(language), [])
                if term not in words:
                    words.append(term)
        return cls(terms)

    @property
    def concepts(self) -> list[str]:
        return list(self.terms)

    def languages(self, concept: str) -> set[str]:
        return {lang for lang, words in self.terms.get(concept, {}).items() if words}

    def terms_of(self, concept: str, language: str) -> list[str]:
        return list(self.terms.get(concept, {}).get(language_code(language), ()))

    def _matcher(self, language: str):
        if language not in self._matchers:
            with self._lock:
                if language not in self._matchers:
                    self._matchers[language] = self._build_matcher(language)
        return self._matchers[language]

    def _build_matcher(self, language: str):
        entries = []
        function_words = {match_key(word, language) for word in FUNCTION_WORDS.get(language, ())}
        for concept, by_language in self.terms.items():
            for term in by_language.get(language, ()):
                if language == "zh":
                    keys = (fold(term),)
                else:
                    keys = tuple(key for key, _start, _end in word_spans(term, language))
                    content = tuple(key for key in keys if key not in function_words)
                    if len(content) >= 2:
                        keys = content
                    elif len(keys) > 1:  # "à l'étranger", "on board": the words as written, side by side
                        entries.append(_Entry(concept, term, keys, gap=0))
                        continue
                if keys and all(keys):
                    entries.append(_Entry(concept, term, keys))
        if not entries:
            return None
        if language == "zh":
            return _SubstringMatcher(entries)
        return _WordMatcher(language, entries)  # without a stemmer: plain folded words

    def matches(self, text: str, language: str) -> dict[str, ConceptMatch]:
        """Concept → ConceptMatch for the concepts whose terms occur in `text`."""
        language = language_code(language)
        matcher = self._matcher(language)
        if matcher is None or not text:
            return {}
        source = text
        if language == "zh" and len(fold(text)) != len(text):
            source = fold(text)
        found = matcher.find(text)
        coverers = _coverers(found)
        result = {}
        for concept, spans in found.items():
            spans.sort(key=lambda span: (span[0], -span[1]))
            count, phrases, shadowed, reach, matched = 0, 0, 0, -1, {}
            for start, end, phrase in spans:
                if start >= reach:
                    count += 1
                    phrases += phrase
                    shadowed += _is_shadowed(coverers, concept, start, end)
                reach = max(reach, end)
                surface = _SPACES_RE.sub(" ", source[start:end]).strip()
                matched.setdefault(surface.casefold(), surface)
            result[concept] = ConceptMatch(
                concept, count, _drop_contained(list(matched.values())), phrases, spans[0][0], shadowed
            )
        return result

    def find_concepts(self, text: str, language: str) -> dict[str, list[str]]:
        """Concept id → the words of `text` that matched its terms, first occurrence first."""
        return {concept: match.matched for concept, match in self.matches(text, language).items()}


def _coverers(found: dict[str, list[tuple[int, int, bool]]]) -> list[tuple[int, int, str]]:
    """All matched spans of all concepts, by start: (start, end, concept)."""
    return sorted((start, end, concept) for concept, spans in found.items() for start, end, _phrase in spans)


def _is_shadowed(coverers: list[tuple[int, int, str]], concept: str, start: int, end: int) -> bool:
    """Is [start, end) strictly inside the span of a term of another concept?"""
    for other_start, other_end, other in coverers:
        if other_start > start:
            return False
        if other != concept and other_end >= end and (other_end - other_start) > (end - start):
            return True
    return False


def _drop_contained(surfaces: Iterable[str]) -> list[str]:
    """Leaves out a matched word that is part of a longer one also matched ("资助" in "资助恐怖活动")."""
    surfaces = list(surfaces)
    folded = [surface.casefold() for surface in surfaces]
    return [
        surface
        for index, surface in enumerate(surfaces)
        if not any(
            index != other and folded[index] in folded[other] and folded[index] != folded[other]
            for other in range(len(surfaces))
        )
    ]
