"""What a reader sees of a page that is not in the page's language.

Text in another language is allowed only inside an element that says so with its own
`lang` (a law's title in Chinese on a French page, an English clause on an Arabic page);
code (`<code>`, `<kbd>`, `<samp>`) is not language. Everything else must be in the page's
language: no Latin words on an Arabic, Chinese or Russian page, no English on a French or
Spanish page, no Arabic, Chinese or Cyrillic on an English page.
"""

import re

from lxml import html

# <title> cannot carry markup: the page's <h1> marks a title in another language instead.
NOT_LANGUAGE = {"script", "style", "code", "kbd", "samp", "template", "noscript", "title"}
# Names that are the same in every language: the product, formats, acronyms and codes are
# written in capitals and pass the checks below; these are the lowercase exceptions.
SAME_IN_EVERY_LANGUAGE = {"ctassist", "OpenAPI"}
ENGLISH_WORDS = re.compile(r"\b(?:[Tt]he|and|of|with|shall|which|from|this|that|for|not|found|[Ss]tate)\b")
# Article references keep their letters in every language: 2(1)(a), 7 bis, (iv).
ARTICLE_LETTERS = re.compile(r"\((?:[a-z]{1,2}|[ivx]+)\)|\b(?:bis|ter|quater)\b")
LATIN_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")
OTHER_SCRIPTS = re.compile(r"[\u0600-\u06FF\u0400-\u04FF\u3400-\u9FFF]")


def _base(language: str) -> str:
    return language.lower().split("-")[0]


def unmarked_text(body: str) -> list[str]:
    """The visible text nodes whose nearest `lang` is the page's own."""
    root = html.fromstring(body)
    page_language = _base(root.get("lang", "en"))
    found = []

    def walk(element, language):
        if not isinstance(element.tag, str) or element.tag in NOT_LANGUAGE:
            return
        language = _base(element.get("lang", language))
        # Hidden elements are not seen; translate="no" marks what is no language (an address).
        if element.get("hidden") is not None or element.get("translate") == "no":
            return
        if language == page_language:
            for attribute in ("title", "placeholder", "aria-label", "alt"):
                if element.get(attribute):
                    found.append(element.get(attribute))
            if element.text and element.text.strip():
                found.append(element.text.strip())
        for child in element:
            walk(child, language)
            if language == page_language and child.tail and child.tail.strip():
                found.append(child.tail.strip())

    walk(root, page_language)
    return found


def foreign_text(body: str) -> list[str]:
    """The unmarked texts that are not in the page's language (empty when the page is clean)."""
    page_language = _base(html.fromstring(body).get("lang", "en"))
    leaks = []
    for text in unmarked_text(body):
        if page_language == "en":
            if OTHER_SCRIPTS.search(text):
                leaks.append(text)
        elif page_language in ("fr", "es"):
            if ENGLISH_WORDS.search(text):
                leaks.append(text)
        else:
            words = LATIN_WORD.findall(ARTICLE_LETTERS.sub("", text))
            words = [word for word in words if word not in SAME_IN_EVERY_LANGUAGE]
            if words:
                leaks.append(text)
    return leaks
