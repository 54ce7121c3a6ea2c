"""The offences the universal instruments define, and the articles of each instrument that
serve cooperation (extradition, mutual legal assistance, the exceptions they exclude).

Offence codes are ctassist's own short names for groups of offences; which instruments cover
each was read from the offence articles of the treaty texts (obligations.csv, category
"offence"). The cooperation articles are in data/reference/cooperation_articles.csv, with the
treaty text each was read in; an instrument whose text is not in ctassist has a
`text-not-in-ctassist` row there, so the gap shows instead of an empty list.
"""

from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext_lazy as _

from ctassist.reference import read_rows, reference_path
from instruments.reference import SLUGS


@dataclass(frozen=True)
class Offence:
    code: str
    label: str  # lazy: shown in the interface language
    covers: str  # what the code covers, with the articles that define it
    instruments: tuple[str, ...]  # slugs, oldest first


OFFENCES = (
    Offence(
        "hijacking",
        _("Unlawful seizure of aircraft (hijacking)"),
        _("Seizing or exercising control of an aircraft in flight by force, threat or intimidation"),
        ("hague-1970", "beijing-protocol-2010"),
    ),
    Offence(
        "aviation-safety",
        _("Unlawful acts against the safety of civil aviation"),
        _(
            "Violence on board, destroying or damaging an aircraft in service or air navigation "
            "facilities, false information endangering safety"
        ),
        ("montreal-1971", "beijing-2010"),
    ),
    Offence(
        "on-board-aircraft",
        _("Offences committed on board aircraft"),
        _("Offences and acts jeopardizing safety or good order and discipline on board aircraft"),
        ("tokyo-1963", "montreal-protocol-2014"),
    ),
    Offence(
        "protected-persons",
        _("Attacks on internationally protected persons"),
        _(
            "Murder, kidnapping or other attack upon an internationally protected person, or upon "
            "official premises, private accommodation or means of transport"
        ),
        ("diplomatic-agents-1973",),
    ),
    Offence(
        "hostage-taking",
        _("Hostage-taking"),
        _(
            "Seizing or detaining a person and threatening to kill, injure or continue to detain them "
            "in order to compel a third party"
        ),
        ("hostages-1979",),
    ),
    Offence(
        "nuclear-material",
        _("Offences relating to nuclear material"),
        _(
            "Unlawful receipt, possession, use, theft, embezzlement or demand of nuclear material, and "
            "threats to use it"
        ),
        ("cppnm-1980", "cppnm-amendment-2005"),
    ),
    Offence(
        "airport-violence",
        _("Violence at airports serving international civil aviation"),
        _(
            "Violence against a person at an airport, or destroying or damaging its facilities or "
            "aircraft not in service there"
        ),
        ("airports-1988", "beijing-2010"),
    ),
    Offence(
        "maritime-navigation",
        _("Unlawful acts against the safety of maritime navigation"),
        _(
            "Seizing or exercising control of a ship, violence on board, destroying or damaging a ship "
            "or its cargo or navigational facilities"
        ),
        ("sua-1988", "sua-protocol-2005"),
    ),
    Offence(
        "fixed-platforms",
        _("Unlawful acts against the safety of fixed platforms"),
        _(
            "Seizing, exercising control of, destroying or damaging a fixed platform on the continental "
            "shelf, or violence on board"
        ),
        ("fixed-platforms-1988", "fixed-platforms-protocol-2005"),
    ),
    Offence(
        "plastic-explosives",
        _("Unmarked plastic explosives"),
        _(
            "Manufacture, movement and possession of plastic explosives not marked for detection "
            "(obligations of States, not offences)"
        ),
        ("plastic-explosives-1991",),
    ),
    Offence(
        "terrorist-bombing",
        _("Terrorist bombing"),
        _(
            "Delivering, placing, discharging or detonating an explosive or other lethal device in a "
            "public place, a State facility, public transport or infrastructure"
        ),
        ("bombings-1997",),
    ),
    Offence(
        "terrorist-financing",
        _("Financing of terrorism"),
        _(
            "Providing or collecting funds with the intention or knowledge that they are to be used to "
            "carry out a terrorist act"
        ),
        ("financing-1999",),
    ),
    Offence(
        "nuclear-terrorism",
        _("Acts of nuclear terrorism"),
        _(
            "Possessing or using radioactive material or a device, or damaging a nuclear facility, with "
            "intent to cause death, injury or damage"
        ),
        ("nuclear-terrorism-2005",),
    ),
    Offence(
        "maritime-terrorist-use",
        _("Using a ship, or acts against a ship, to intimidate a population or compel a government (2005)"),
        _(
            "Using explosives, radioactive material or BCN weapons against or on a ship, discharging "
            "oil or noxious substances, or using a ship to cause death or injury (SUA art. 3bis(1)(a))"
        ),
        ("sua-protocol-2005",),
    ),
    Offence(
        "maritime-bcn-transport",
        _("Transport by sea of BCN weapons, explosives or nuclear material (2005)"),
        _(
            "Transporting on board a ship explosive or radioactive material, BCN weapons, nuclear "
            "source material or related items (SUA art. 3bis(1)(b))"
        ),
        ("sua-protocol-2005",),
    ),
    Offence(
        "maritime-fugitive-transport",
        _("Transport by sea of a person who has committed an offence (2005)"),
        _(
            "Transporting on board a ship a person knowing that the person has committed an offence "
            "under the Convention or a treaty in its annex (SUA art. 3ter)"
        ),
        ("sua-protocol-2005",),
    ),
    Offence(
        "aircraft-as-weapon",
        _("Using a civil aircraft as a weapon (2010)"),
        _(
            "Using an aircraft in service to cause death, serious bodily injury or serious damage "
            "(Beijing Convention art. 1(1)(f))"
        ),
        ("beijing-2010",),
    ),
    Offence(
        "aviation-bcn",
        _("BCN weapons and civil aviation (2010)"),
        _(
            "Releasing BCN weapons or explosive or radioactive material from an aircraft, using them "
            "against or on board an aircraft, or transporting them by air (Beijing Convention art. "
            "1(1)(g) to (i))"
        ),
        ("beijing-2010",),
    ),
)

OFFENCE_CODES = tuple(offence.code for offence in OFFENCES)
_BY_CODE = {offence.code: offence for offence in OFFENCES}


def offence(code: str) -> Offence | None:
    return _BY_CODE.get((code or "").strip().lower())


class Role:
    """What an article does for cooperation; the values are those of the data file."""

    EXTRADITE_OR_PROSECUTE = "extradite-or-prosecute"
    EXTRADITABLE = "extraditable-offence"
    LEGAL_BASIS = "legal-basis-for-extradition"
    MLA = "mutual-legal-assistance"
    POLITICAL_EXCLUDED = "political-offence-excluded"
    FISCAL_EXCLUDED = "fiscal-offence-excluded"
    BANK_SECRECY_EXCLUDED = "bank-secrecy-excluded"
    TRANSFER = "transfer-of-detained-persons"
    PLACE_OF_OFFENCE = "place-of-offence"
    NO_OBLIGATION = "no-obligation-to-extradite"
    NO_ARTICLE = "no-cooperation-article"
    TEXT_MISSING = "text-not-in-ctassist"


ROLE_LABELS = {
    Role.EXTRADITABLE: _("offence deemed extraditable, included in extradition treaties"),
    Role.LEGAL_BASIS: _("the convention as legal basis for extradition"),
    Role.MLA: _("mutual legal assistance"),
    Role.POLITICAL_EXCLUDED: _("political-offence exception excluded"),
    Role.FISCAL_EXCLUDED: _("fiscal-offence exception excluded"),
    Role.BANK_SECRECY_EXCLUDED: _("bank secrecy no ground for refusal"),
    Role.TRANSFER: _("transfer of detained persons to give evidence"),
    Role.EXTRADITE_OR_PROSECUTE: _("extradite or prosecute"),
    Role.PLACE_OF_OFFENCE: _("place of the offence for extradition"),
    Role.NO_OBLIGATION: _("no obligation to extradite"),
    Role.NO_ARTICLE: _("no article on extradition or mutual legal assistance"),
    Role.TEXT_MISSING: _("text not in ctassist: articles not recorded"),
}
# The roles that are an article's content, not a gap; listed in this order.
ROLE_ORDER = list(ROLE_LABELS)
GAP_ROLES = frozenset({Role.NO_ARTICLE, Role.TEXT_MISSING})


@dataclass(frozen=True)
class CooperationArticle:
    instrument: str  # slug
    role: str
    article: str  # "" for a gap row
    source: str  # citation: "key locator" (sources register)
    note: str  # English note from the data file (what the article applies, or why it is missing)

    @property
    def role_label(self) -> str:
        return str(ROLE_LABELS[self.role])

    @property
    def is_gap(self) -> bool:
        return self.role in GAP_ROLES


@cache
def cooperation_articles() -> dict[str, tuple[CooperationArticle, ...]]:
    """The cooperation articles of each instrument, by slug, in ROLE_ORDER."""
    found: dict[str, list[CooperationArticle]] = {}
    path = reference_path("cooperation_articles.csv")
    for row in read_rows(path, ["instrument", "role", "article", "source", "note"]):
        item = CooperationArticle(
            row.choice("instrument", SLUGS, required=True),
            row.choice("role", ROLE_ORDER, required=True),
            row.text("article"),
            row.text("source"),
            row.text("note"),
        )
        if not item.is_gap and not item.article:
            raise row.error("article", "an article is needed unless the row records a gap")
        found.setdefault(item.instrument, []).append(item)
    return {
        slug: tuple(sorted(items, key=lambda a: ROLE_ORDER.index(a.role))) for slug, items in found.items()
    }


def articles_of(slug: str) -> tuple[CooperationArticle, ...]:
    return cooperation_articles().get(slug, ())
