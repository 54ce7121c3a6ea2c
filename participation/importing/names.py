"""Finding the state that a status list names, whatever the spelling."""

import difflib
import unicodedata

import pycountry

from ctassist.reference import read_rows, reference_path
from states.models import State


def normalize(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = "".join(c if c.isalnum() else " " for c in letters.casefold())
    words = [word for word in cleaned.split() if word != "the"]
    return " ".join(words)


class StateResolver:
    """Every name ctassist knows for each state: its names in the six languages,
    ISO codes, pycountry's names and the names the UN status tables use."""

    def __init__(self):
        self.states = {state.iso3: state for state in State.objects.all()}
        self.index: dict[str, State] = {}
        for state in self.states.values():
            self._add(state.iso3, state)
            self._add(state.iso2, state)
            for name in state.names.values():
                self._add(name, state)
            country = pycountry.countries.get(alpha_3=state.iso3)
            for attribute in ("name", "official_name", "common_name"):
                if country is not None and getattr(country, attribute, None):
                    self._add(getattr(country, attribute), state)
        for row in read_rows(reference_path("state_aliases.csv"), ["iso3", "alias", "source"]):
            state = self.states.get(row.text("iso3", required=True))
            if state is None:
                raise row.error("iso3", f"{row.text('iso3')!r} is not a state of states.csv")
            self._add(row.text("alias", required=True), state)

    def _add(self, name: str, state: State) -> None:
        self.index.setdefault(normalize(name), state)

    def resolve(self, name: str) -> State | None:
        return self.index.get(normalize(name))

    def suggestions(self, name: str, limit: int = 3) -> list[str]:
        close = difflib.get_close_matches(normalize(name), self.index.keys(), n=10, cutoff=0.6)
        found: list[str] = []
        for key in close:
            state = self.index[key]
            label = f"{state.names.get('en')} ({state.iso3})"
            if label not in found:
                found.append(label)
        return found[:limit]
