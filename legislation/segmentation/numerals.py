"""Numbers as laws write them: Chinese numerals, Roman numerals, ordinal words, suffixes.

Each function returns None when the text is not a number of its kind, so callers can try
several readings.
"""

import re
import unicodedata

_CN_DIGITS = dict(zip("〇零一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "[〇零一二三四五六七八九十百千万两0-9０-９]+"

_WIDE_DIGITS = str.maketrans("０１２３４５６７８９٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 3)


def ascii_digits(text: str) -> str:
    """Full-width, Arabic-Indic and Persian digits as ASCII digits."""
    return text.translate(_WIDE_DIGITS)


def chinese_to_int(text: str) -> int | None:
    """一百二十 → 120, 二〇一五 → 2015, 十 → 10, 12 → 12."""
    text = ascii_digits(text)
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if any(ch not in _CN_DIGITS and ch not in _CN_UNITS and ch != "万" for ch in text):
        return None
    if all(ch in _CN_DIGITS for ch in text) and len(text) > 1:  # positional: 二〇一五
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total = section = digit = 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (digit or 1) * _CN_UNITS[ch]
            digit = 0
        else:  # 万
            total += (section + digit) * 10000
            section = digit = 0
    return total + section + digit


_ROMAN = re.compile(r"^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
ROMAN_NUMERAL = r"[IVXLCDM]+|[ivxlcdm]+"


def roman_to_int(text: str) -> int | None:
    upper = text.upper()
    if not upper or not _ROMAN.match(upper):
        return None
    values = [_ROMAN_VALUES[ch] for ch in upper]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


# Latin multiplicative suffixes used in French, Spanish, Italian and Belgian numbering.
LATIN_SUFFIXES = (
    "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies", "novies", "decies",
)  # fmt: skip
LATIN_SUFFIX = "|".join(LATIN_SUFFIXES)


def latin_suffix_rank(word: str) -> int | None:
    word = word.lower()
    if word not in LATIN_SUFFIXES:
        return None
    return 2 + LATIN_SUFFIXES.index(word) - (1 if LATIN_SUFFIXES.index(word) > 7 else 0)


_DE_UNITS = dict(zip("ein zwei drei vier fünf sechs sieben acht neun".split(), range(1, 10), strict=True))
_DE_ORDINAL_STEMS = {
    "erst": 1,
    "zweit": 2,
    "dritt": 3,
    "viert": 4,
    "fünft": 5,
    "sechst": 6,
    "siebent": 7,
    "siebt": 7,
    "acht": 8,
    "neunt": 9,
    "zehnt": 10,
    "elft": 11,
    "zwölft": 12,
    "dreizehnt": 13,
    "vierzehnt": 14,
    "fünfzehnt": 15,
    "sechzehnt": 16,
    "siebzehnt": 17,
    "achtzehnt": 18,
    "neunzehnt": 19,
}
_DE_TENS = {"zwanzigst": 20, "dreißigst": 30, "vierzigst": 40, "fünfzigst": 50, "sechzigst": 60}
GERMAN_ORDINAL = r"[A-ZÄÖÜ][a-zäöüß]*(?:ter|te|tes|ten|ster|ste|stes)"


def german_ordinal(word: str) -> int | None:
    """Erster → 1, Siebenter → 7, Einundzwanzigster → 21."""
    stem = re.sub(r"(?:er|es|en|em|e)$", "", word.lower())
    if stem in _DE_ORDINAL_STEMS:
        return _DE_ORDINAL_STEMS[stem]
    if stem in _DE_TENS:
        return _DE_TENS[stem]
    if "und" in stem:
        unit, _, tens = stem.partition("und")
        if unit in _DE_UNITS and tens in _DE_TENS:
            return _DE_UNITS[unit] + _DE_TENS[tens]
    return None


_ES_ORDINALS = {
    "primero": 1,
    "primera": 1,
    "primer": 1,
    "segundo": 2,
    "segunda": 2,
    "tercero": 3,
    "tercera": 3,
    "tercer": 3,
    "cuarto": 4,
    "cuarta": 4,
    "quinto": 5,
    "quinta": 5,
    "sexto": 6,
    "sexta": 6,
    "septimo": 7,
    "septima": 7,
    "setimo": 7,
    "setima": 7,
    "octavo": 8,
    "octava": 8,
    "noveno": 9,
    "novena": 9,
    "decimo": 10,
    "decima": 10,
    "undecimo": 11,
    "undecima": 11,
    "duodecimo": 12,
    "duodecima": 12,
    "decimotercero": 13,
    "decimotercera": 13,
    "decimocuarto": 14,
    "decimocuarta": 14,
    "decimoquinto": 15,
    "decimoquinta": 15,
}
SPANISH_ORDINAL = "|".join(sorted(_ES_ORDINALS, key=len, reverse=True))


def strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def spanish_ordinal(word: str) -> int | None:
    return _ES_ORDINALS.get(strip_accents(word.lower()))


# Arabic ordinal words, as used for parts, chapters and articles (both genders).
_AR_WORDS = {
    "اول": 1,
    "أول": 1,
    "اولى": 1,
    "أولى": 1,
    "حادي": 1,
    "حادية": 1,
    "ثاني": 2,
    "ثانية": 2,
    "ثالث": 3,
    "ثالثة": 3,
    "رابع": 4,
    "رابعة": 4,
    "خامس": 5,
    "خامسة": 5,
    "سادس": 6,
    "سادسة": 6,
    "سابع": 7,
    "سابعة": 7,
    "ثامن": 8,
    "ثامنة": 8,
    "تاسع": 9,
    "تاسعة": 9,
    "عاشر": 10,
    "عاشرة": 10,
    "عشر": 10,
    "عشرة": 10,
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "أربعون": 40,
    "اربعون": 40,
    "أربعين": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
    "مائة": 100,
    "مئة": 100,
    "المائة": 100,
    "المئة": 100,
}
_AR_JOINERS = {"بعد", "و"}


def _arabic_word_value(word: str) -> int | None:
    for candidate in (word, word.removeprefix("و")):
        for form in (candidate, candidate.removeprefix("ال")):
            if form in _AR_WORDS:
                return _AR_WORDS[form]
    return None


def arabic_ordinal_prefix(text: str) -> tuple[int, str, str] | None:
    """Reads an ordinal at the start of text: 'الحادية عشرة: نص' → (11, 'الحادية عشرة', ': نص')."""
    total, position = 0, 0
    for match in re.finditer(r"\S+", text):
        word = match.group().rstrip(":：.-–—،)")
        value = _arabic_word_value(word)
        if value is None and word not in _AR_JOINERS:
            break
        if value is not None:
            total += value
            position = match.start() + len(word)
        if word != match.group():
            break
    if not total:
        return None
    words = text[:position].strip()
    return total, words, text[position:]


_EID_UNSAFE = re.compile(r"[^A-Za-z0-9.\-]+")


def eid_part(text: str) -> str:
    """A number as it may appear in an eId: ASCII letters, digits, '.', '-' only."""
    text = strip_accents(ascii_digits(text))
    return _EID_UNSAFE.sub("-", text).strip("-.").replace("--", "-")


def order_key(text: str, decimal: bool = False) -> tuple[int, ...]:
    """A sort key for numbers like 83.0392, 2a, 421-2-6, 205.1. With decimal=True (Canada) a
    fraction compares digit by digit (83.04 > 83.0392 > 83.03); otherwise dotted parts are
    integers (205.10 > 205.9). Letters count from 1 (89a < 89b)."""
    key: list[int] = []
    text = ascii_digits(text)
    head = re.match(r"\d+", text)
    if not head:
        return ()
    key.append(int(head.group()))
    rest = text[head.end() :]
    for part in re.finditer(r"\.(\d+)|[-‑](\d+)|([a-zA-Z])", rest):
        if part.group(1) is not None:
            key.extend(int(d) for d in part.group(1)) if decimal else key.append(int(part.group(1)))
        elif part.group(2) is not None:
            key.append(int(part.group(2)))
        else:
            key.append(ord(part.group(3).lower()) - 96)
    return tuple(key)
