"""A query as the index sees it: groups of alternative terms, every group required.

The user need not say the language of a query: each word is analysed by every language
whose script it is written in (Han → zh; Cyrillic → ru; Arabic → ar; Latin → en, fr, es
and de, whose stems are alternatives, with the plain folded word), also when the search is
limited to one language: a filter limits the provisions, not the analyzers.

Chinese: the jieba tokens of the query (search mode) are all required, except a token
whose characters are all covered by smaller tokens of the query ("恐怖活动" when "恐怖" and
"活动" are there): a text segmented differently around it still has the smaller ones.
"""

from dataclasses import dataclass

from thesaurus.analysis import HAN_RE, LATIN, WORD_RE, analyze_word, fold, token_spans
from thesaurus.stopwords import STOPWORDS

MAX_GROUPS = 32  # words of a query beyond these are ignored
SCRIPT_LANGUAGES = {"latin": LATIN, "cyrillic": ("ru",), "arabic": ("ar",)}


@dataclass(frozen=True)
class Query:
    groups: tuple[frozenset[str], ...]  # all must match; a group matches when one of its terms does
    terms: frozenset[str]  # every term a matching word may have (for snippets)

    def __bool__(self) -> bool:
        return bool(self.groups)


def parse_query(q: str, language: str | None = None) -> Query:
    """`language`, when known (a thesaurus term), narrows the analyzers of its script to it."""
    groups: list[tuple[frozenset[str], bool]] = []  # (terms, is a function word)
    highlight: set[str] = set()
    for raw in WORD_RE.findall(q or ""):
        if HAN_RE.search(raw):
            # As in texts, jieba sees the word before folding.
            required, every = _chinese_tokens(raw)
            highlight.update(every - STOPWORDS["zh"])
            groups.extend((frozenset({token}), token in STOPWORDS["zh"]) for token in required)
            continue
        for word in WORD_RE.findall(fold(raw)):
            languages = SCRIPT_LANGUAGES.get(script(word), ())
            if language in languages:
                languages = (language,)
            terms = frozenset({analyze_word(word, "")} | {analyze_word(word, code) for code in languages})
            stop = any(analyze_word(word, "") in STOPWORDS[code] for code in languages)
            groups.append((terms, stop))
    meaningful = [terms for terms, stop in groups if not stop] or [terms for terms, _stop in groups]
    unique = tuple(dict.fromkeys(meaningful))[:MAX_GROUPS]
    for terms in unique:
        highlight.update(terms)
    return Query(groups=unique, terms=frozenset(highlight))


def script(word: str) -> str:
    """The script of a word's first letter; digits alone are "other"."""
    for char in word:
        if char.isdigit():
            continue
        code = ord(char)
        if 0x0400 <= code <= 0x052F or 0x1C80 <= code <= 0x1C8F:
            return "cyrillic"
        if (
            0x0600 <= code <= 0x06FF
            or 0x0750 <= code <= 0x077F
            or 0x08A0 <= code <= 0x08FF
            or 0xFB50 <= code <= 0xFDFF
            or 0xFE70 <= code <= 0xFEFF
        ):
            return "arabic"
        if char.isalpha() and (code < 0x0250 or 0x1E00 <= code <= 0x1EFF):
            return "latin"
        return "other"
    return "other"


def _chinese_tokens(word: str) -> tuple[list[str], set[str]]:
    spans = token_spans(word, "zh")
    required = []
    for token, start, end in spans:
        covered: set[int] = set()
        for _other, other_start, other_end in spans:
            if start <= other_start and other_end <= end and other_end - other_start < end - start:
                covered.update(range(other_start, other_end))
        if len(covered) < end - start and token not in required:
            required.append(token)
    return required, {token for token, _start, _end in spans}
