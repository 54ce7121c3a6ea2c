"""The <meta> of an Akoma Ntoso export: FRBR work, expression and manifestation built from LawMeta."""

import datetime
import hashlib
import re
import unicodedata

import pycountry
from lxml import etree

from legislation.converters.text import xml_safe
from legislation.document import ConversionError, LawMeta

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

# ISO 639-1 → ISO 639-2/T, as Akoma Ntoso writes languages.
LANGUAGES_639_2 = {"zh": "zho", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa", "ar": "ara", "de": "deu"}


def akn(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, akn(tag), {k: xml_safe(v) for k, v in attributes.items()})
    if text is not None:
        element.text = xml_safe(text)
    return element


def language_639_2(language: str) -> str:
    code = language.strip().lower().replace("_", "-").split("-")[0]
    if code in LANGUAGES_639_2:
        return LANGUAGES_639_2[code]
    if len(code) == 3 and code.isalpha():
        return code
    if len(code) == 2 and code.isalpha():
        # pycountry only for languages beyond the seven above
        found = pycountry.languages.get(alpha_2=code)
        if found is not None:
            return found.alpha_3
    raise ConversionError(f"unknown language {language!r}: expected an ISO 639-1 code such as zh, en or fr")


def _slug(value: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def work_uri(meta: LawMeta, year: int) -> str:
    """meta.frbr_work, or /akn/{iso2}/act/{year}/{slug} with a slug from the number or title."""
    if meta.frbr_work:
        uri = meta.frbr_work.strip().rstrip("/")
        if not uri.startswith("/akn/") or re.search(r"\s", uri):
            raise ConversionError(
                f"the FRBR work URI {meta.frbr_work!r} must start with /akn/ and have no spaces"
            )
        return uri
    country = meta.state_iso2.strip().lower()
    if not re.fullmatch(r"[a-z]{2}", country):
        raise ConversionError(f"the state's ISO 3166 alpha-2 code {meta.state_iso2!r} is not two letters")
    # Titles and numbers in Chinese, Arabic or Russian have no ASCII slug: a stable hash of the title.
    slug = _slug(meta.number) or _slug(meta.title)
    if not slug:
        slug = "law-" + hashlib.sha1(meta.title.encode()).hexdigest()[:10]
    return f"/akn/{country}/act/{year}/{slug}"


def _work_dates(meta: LawMeta) -> list[tuple[datetime.date, str]]:
    dates = [(meta.adopted_on, "adoption"), (meta.in_force_on, "entry-into-force")]
    return [(date, name) for date, name in dates if date]


def build_meta(meta: LawMeta, today: datetime.date | None = None) -> etree._Element:
    work_dates = _work_dates(meta)
    expression_date = meta.version_date or meta.in_force_on or meta.adopted_on
    if not work_dates and not expression_date:
        raise ConversionError(
            "the Akoma Ntoso identification needs a date: the law has no adoption, entry into force "
            "or version date"
        )
    work_dates = work_dates or [(expression_date, "version")]
    work = work_uri(meta, work_dates[0][0].year)
    language = language_639_2(meta.language)
    expression = f"{work}/{language}@{expression_date.isoformat()}"
    manifestation_date = (today or datetime.date.today()).isoformat()

    element = etree.Element(akn("meta"))
    identification = sub(element, "identification", source="#ctassist")

    frbr = sub(identification, "FRBRWork")
    sub(frbr, "FRBRthis", value=f"{work}/!main")
    sub(frbr, "FRBRuri", value=work)
    if meta.title:
        sub(frbr, "FRBRalias", value=meta.title, name="title")
    for date, name in work_dates:
        sub(frbr, "FRBRdate", date=date.isoformat(), name=name)
    sub(frbr, "FRBRauthor", href="#legislator")
    sub(frbr, "FRBRcountry", value=meta.state_iso2.strip().lower())
    if meta.kind and meta.kind != "act":
        sub(frbr, "FRBRsubtype", value=meta.kind)
    if meta.number:
        sub(frbr, "FRBRnumber", value=meta.number)

    frbr = sub(identification, "FRBRExpression")
    sub(frbr, "FRBRthis", value=f"{expression}/!main")
    sub(frbr, "FRBRuri", value=expression)
    sub(frbr, "FRBRdate", date=expression_date.isoformat(), name="version")
    sub(frbr, "FRBRauthor", href="#ctassist")
    sub(frbr, "FRBRlanguage", language=language)

    frbr = sub(identification, "FRBRManifestation")
    sub(frbr, "FRBRthis", value=f"{expression}/!main.xml")
    sub(frbr, "FRBRuri", value=f"{expression}.akn")
    sub(frbr, "FRBRdate", date=manifestation_date, name="generation")
    sub(frbr, "FRBRauthor", href="#ctassist")

    references = sub(element, "references", source="#ctassist")
    ctassist = {"eId": "ctassist", "href": "/ontology/organization/ctassist", "showAs": "ctassist"}
    sub(references, "TLCOrganization", **ctassist)
    sub(
        references,
        "TLCOrganization",
        eId="legislator",
        href=f"/ontology/organization/{meta.state_iso2.strip().lower()}/legislator",
        showAs=f"Legislator of {meta.state_iso3.strip().upper() or meta.state_iso2.strip().upper()}",
    )
    return element
