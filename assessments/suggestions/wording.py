"""The wording of an obligation's description compared with a provision's: English stems,
Chinese character pairs (the languages the checklist is written in)."""

import re

from thesaurus.analysis import WORD_RE, fold
from thesaurus.matcher import match_key

_HAN_RUN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")
# Words of the English descriptions that say nothing of the subject.
_DESCRIPTION_STOP = frozenset(
    match_key(word, "en")
    for word in (
        "make it an offence unlawfully intentionally establish take the measures needed state states party "
        "parties other its their this that which when where with without under article articles convention "
        "protocol offences offence shall such any all from been have being into also they them then than "
        "there these those were will would could should may must not nor only other person persons"
    ).split()
)
_ZH_STOP = frozenset(
    {"缔约", "约国", "本国", "确立", "罪行", "措施", "采取", "必要", "规定", "公约", "所列", "第条"}
)


def description_tokens(text: str, language: str) -> dict[str, str]:
    """Content tokens of a text for comparing wording: English stems, Chinese character pairs."""
    if language == "zh":
        tokens = {}
        for run in _HAN_RUN_RE.findall(fold(text)):
            for start in range(len(run) - 1):
                pair = run[start : start + 2]
                if pair not in _ZH_STOP:
                    tokens.setdefault(pair, pair)
        return tokens
    tokens = {}
    for word in WORD_RE.findall(text):
        folded = word.lower()
        if len(folded) < 4 or not folded.isalpha():
            continue
        key = match_key(folded, "en")
        if key not in _DESCRIPTION_STOP:
            tokens.setdefault(key, folded)
    return tokens
