"""The functions of the package: a Suggester per (obligations, thesaurus), kept for reuse."""

import threading
from collections.abc import Iterable, Sequence

from thesaurus.matcher import Thesaurus

from .engine import RankedProvision, Suggester, Suggestion
from .profiles import ObligationProfile

_cache: dict[tuple, tuple[Suggester, object, object]] = {}
_cache_lock = threading.Lock()


def suggester(obligations: Sequence[ObligationProfile], thesaurus: Thesaurus) -> Suggester:
    """The prepared Suggester for these obligations and this thesaurus (the last 8 are kept)."""
    key = (
        id(thesaurus),
        id(obligations),
        len(obligations),
        tuple(id(obligation) for obligation in obligations),
    )
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            return hit[0]
        prepared = Suggester(obligations, thesaurus)
        if len(_cache) >= 8:
            _cache.pop(next(iter(_cache)))
        _cache[key] = (prepared, obligations, thesaurus)  # the references keep the ids valid
        return prepared


def suggest_for_provision(
    provision_text: str,
    heading: str,
    language: str,
    obligations: Sequence[ObligationProfile],
    thesaurus: Thesaurus,
    top: int = 5,
    context: str = "",
) -> list[Suggestion]:
    """The obligations `provision_text` most likely implements, best first (none under MIN_SCORE).

    `context`: the headings of the parts and chapters around the provision, if known."""
    return suggester(obligations, thesaurus).suggest(provision_text, heading, language, top, context)


def suggest_for_law(
    provisions: Iterable[Sequence[str]],
    language: str,
    obligations: Sequence[ObligationProfile],
    thesaurus: Thesaurus,
    top: int = 5,
) -> list[tuple[str, str, list[Suggestion]]]:
    """(number, heading, suggestions) for each (number, heading, text[, context]), in the order of the law."""
    return suggester(obligations, thesaurus).suggest_for_law(provisions, language, top)


def rank_provisions_for_obligations(
    targets: Sequence[ObligationProfile],
    provisions: Iterable[Sequence[str]],
    language: str,
    thesaurus: Thesaurus,
    top: int = 5,
    obligations: Sequence[ObligationProfile] | None = None,
) -> list[list[RankedProvision]]:
    """rank_provisions_for_obligation for each of `targets`, in their order, each provision read once."""
    return suggester(obligations if obligations is not None else targets, thesaurus).rank_provisions_for_each(
        targets, provisions, language, top
    )


def rank_provisions_for_obligation(
    obligation: ObligationProfile,
    provisions: Iterable[Sequence[str]],
    language: str,
    thesaurus: Thesaurus,
    top: int = 5,
    obligations: Sequence[ObligationProfile] | None = None,
) -> list[RankedProvision]:
    """The provisions most likely to implement `obligation`, best first: RankedProvision(index, score,
    why), index being the provision's place in `provisions` (numbers such as "(1)" repeat in a law).

    Concept rarity is computed over `obligations` (all obligations of the 19 instruments) when
    given, otherwise over this one obligation alone."""
    return suggester(obligations if obligations is not None else [obligation], thesaurus).rank_provisions(
        obligation, provisions, language, top
    )
