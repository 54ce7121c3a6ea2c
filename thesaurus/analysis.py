"""The analyzers of the six UN languages and German: one per language, the same for the
provisions and the queries of the search index (legislation.search), whose words the
thesaurus's matcher (thesaurus.matcher) also reads.

Every language: NFKC, then case folding, then words as runs of letters and digits (Unicode
word boundaries; combining marks stay inside their word and are then dropped).

- zh: jieba in search mode (``cut_for_search``: words, and the dictionary words of two and
  three characters inside longer ones), through rjieba (jieba-rs, the Rust port of jieba
  with its dictionary: the same words, checked on every shipped Chinese law, six times
  faster, which is most of a Chinese import's time), without the HMM guesser, so that an unknown name
  falls into single characters that a query of the same characters finds again. Runs
  without Han characters are plain words, as in the other languages.
- en, fr, es, ru, de, ar: the Snowball stemmer of the language (snowballstemmer).
- fr, es, de: accents stripped after stemming (a query typed without accents matches).
- ar: harakat and tatweel dropped before stemming; Arabic-Indic digits become ASCII digits
  (in every language).
- any other language code: plain folded words.

The search index stores the tokens separated by spaces for SQLite FTS5 (unicode61), which
only splits them again there; PostgreSQL stores them as tsvectors made in Python
(legislation.search.backends.postgres.encode).
"""

import functools
import re
import threading
import unicodedata

import snowballstemmer

SNOWBALL = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "de": "german", "ar": "arabic"}
ACCENTS_STRIPPED = frozenset({"fr", "es", "de"})
LATIN = ("en", "fr", "es", "de")

# Combining marks that Python's \w leaves out but that belong to a word: Latin accents
# written apart, Cyrillic titlo and stress, Arabic harakat and Quranic marks.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
WORD_RE = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_UNIFIED_HAN_RE = re.compile("[\u4e00-\u9fff]+")  # unchanged by NFKC and case folding
# jieba segments each of these blocks on its own (jieba.re_han_default); the rest of a
# Chinese text is plain words.
_JIEBA_BLOCK_RE = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+")
_TATWEEL = "\u0640"
# Arabic-Indic and Eastern Arabic-Indic digits, which NFKC leaves alone, as ASCII digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_local = threading.local()


def language_code(language: str | None) -> str:
    """The base code of a language tag: "zh-Hans" → "zh", "fr_CA" → "fr"."""
    return (language or "").strip().lower().replace("_", "-").split("-")[0]


def tokenize(text: str, language: str) -> list[str]:
    """The index terms of a text written in `language`: the terms of token_spans(), without
    their offsets, which indexing a whole law does not need (a quicker path for Chinese)."""
    language = language_code(language)
    if language != "zh":
        return [token for token, _start, _end in _plain_spans(text, 0, language)]
    terms: list[str] = []
    position = 0
    for block in _JIEBA_BLOCK_RE.finditer(text):
        if block.start() > position:
            terms.extend(_plain_terms(text[position : block.start()]))
        if HAN_RE.search(block.group()):
            terms.extend(_cut_terms(block.group()))
        else:
            terms.extend(_plain_terms(block.group()))
        position = block.end()
    if position < len(text):
        terms.extend(_plain_terms(text[position:]))
    return terms


def _plain_terms(text: str) -> list[str]:
    return [token for token, _start, _end in _plain_spans(text, 0, "zh")]


@functools.lru_cache(maxsize=100_000)
def _cut_terms(block: str) -> tuple[str, ...]:
    return tuple(token for token, _start, _end in _cut(block))


def token_spans(text: str, language: str) -> list[tuple[str, int, int]]:
    """Index terms with the span of `text` each comes from (for snippets).

    Offsets refer to `text` as given; NFKC and case folding apply word by word."""
    language = language_code(language)
    if language == "zh":
        return _zh_spans(text)
    return _plain_spans(text, 0, language)


def analyze_word(word: str, language: str) -> str:
    """The index term of one folded word (output of WORD_RE on NFKC, casefolded text)."""
    return _analyze(word, language_code(language) if language else "")


@functools.lru_cache(maxsize=200_000)
def _analyze(word: str, language: str) -> str:
    if not word.isascii():
        word = word.translate(_DIGITS)
        if language == "ar":
            word = word.replace(_TATWEEL, "")
        word = "".join(ch for ch in word if unicodedata.category(ch) != "Mn") or word
    if language in SNOWBALL:
        word = stemmer(language).stemWord(word)
    if language in ACCENTS_STRIPPED and not word.isascii():
        word = strip_accents(word)
    return word


def strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def stemmer(language: str):
    # Snowball stemmers keep state while they work: one per thread.
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(SNOWBALL[language])
    return stemmers[language]


def _plain_spans(text: str, offset: int, language: str) -> list[tuple[str, int, int]]:
    spans = []
    for match in WORD_RE.finditer(text):
        word = match.group()
        if word.isascii():
            folded = [word.lower()]
        else:
            folded = WORD_RE.findall(fold(word))
        start, end = match.start() + offset, match.end() + offset
        spans.extend((_analyze(piece, language), start, end) for piece in folded)
    return spans


def _zh_spans(text: str) -> list[tuple[str, int, int]]:
    spans = []
    position = 0
    for block in _JIEBA_BLOCK_RE.finditer(text):
        if block.start() > position:
            spans.extend(_plain_spans(text[position : block.start()], position, "zh"))
        if HAN_RE.search(block.group()):
            spans.extend(
                (token, start + block.start(), end + block.start())
                for token, start, end in _cut(block.group())
            )
        else:
            spans.extend(_plain_spans(block.group(), block.start(), "zh"))
        position = block.end()
    if position < len(text):
        spans.extend(_plain_spans(text[position:], position, "zh"))
    return spans


@functools.lru_cache(maxsize=100_000)
def _cut(block: str) -> tuple[tuple[str, int, int], ...]:
    """jieba's search-mode tokens of one block, folded, with their offsets in the block.

    Legal texts repeat their clauses, and jieba cuts each block on its own: caching the
    blocks is exact and saves most of the work in bulk."""
    tokens = []
    for word, start, _end in jieba_tokenizer().tokenize(block, "search", False):
        if _UNIFIED_HAN_RE.fullmatch(word):
            tokens.append((word, start, start + len(word)))
        elif word.isascii():
            tokens.extend(
                (m.group().lower(), start + m.start(), start + m.end()) for m in WORD_RE.finditer(word)
            )
        else:
            for match in WORD_RE.finditer(word):
                for piece in WORD_RE.findall(fold(match.group())):
                    tokens.append((piece, start + match.start(), start + match.end()))
    return tuple(tokens)


def jieba_tokenizer():
    """jieba's tokenizer (rjieba's, whose dictionary is built in), loaded on first use."""
    import rjieba  # loads its dictionary, about 0.1 s

    return rjieba
