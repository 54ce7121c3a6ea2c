"""Loading M49 areas and states from data/reference/.

Names are the United Nations' own: short names and M49 area names from the UN Statistics
Division's M49 list, formal names from UNTERM, in the six languages
(`state_names.csv`, `m49_areas.csv`, sources in `sources/state-names.csv`)."""

from dataclasses import dataclass, field

import pycountry

from ctassist.languages import UN_LANGUAGES
from ctassist.reference import LoadReport, ReferenceDataError, read_rows, reference_path, save_if_changed
from sources.models import Source
from states.models import Area, RegionalGroup, State

NAMES_FILE = "state_names.csv"


def registered_sources() -> set[str]:
    """The keys of the register of sources, which load-reference loads first."""
    return set(Source.objects.values_list("key", flat=True))


def _source_key(row, column: str, sources: set[str], required: bool = True) -> str:
    key = row.text(column, required=required)
    if key and key not in sources:
        raise row.error(column, f"{key!r} is not a registered source (see data/reference/sources/)")
    return key


def load_areas(report: LoadReport) -> dict[str, Area]:
    sources = registered_sources()
    name_columns = [f"name_{language}" for language in UN_LANGUAGES]
    columns = ["code", "level", "parent", *name_columns, "source"]
    rows = list(read_rows(reference_path("m49_areas.csv"), columns))
    areas: dict[str, Area] = {}
    for row in rows:  # parents come before children in the file
        code = row.text("code", required=True)
        if len(code) != 3 or not code.isdigit():
            raise row.error("code", f"{code!r} is not a three-digit M49 code")
        parent_code = row.text("parent")
        if parent_code and parent_code not in areas:
            raise row.error("parent", f"{parent_code!r} is not an area defined above this line")
        row.text("name_en", required=True)
        names = {language: row.text(f"name_{language}") for language in UN_LANGUAGES}
        areas[code] = save_if_changed(
            Area,
            {"code": code},
            {
                "level": row.choice("level", Area.Level.values, required=True),
                "parent": areas.get(parent_code),
                "names": {language: name for language, name in names.items() if name},
                "source": _source_key(row, "source", sources),
            },
            report,
            "M49 areas",
        )
    return areas


@dataclass
class UNNames:
    """A state's UN names and the key of the source of each, per language."""

    short: dict[str, str] = field(default_factory=dict)
    formal: dict[str, str] = field(default_factory=dict)
    short_sources: dict[str, str] = field(default_factory=dict)
    formal_sources: dict[str, str] = field(default_factory=dict)


def read_state_names(sources: set[str]) -> dict[str, UNNames]:
    """The UN names of every state in state_names.csv, checked row by row."""
    columns = ["iso3", "language", "short_name", "formal_name", "source", "formal_source"]
    found: dict[str, UNNames] = {}
    for row in read_rows(reference_path(NAMES_FILE), columns):
        iso3 = row.text("iso3", required=True)
        language = row.choice("language", UN_LANGUAGES, required=True)
        names = found.setdefault(iso3, UNNames())
        if language in names.short:
            raise row.error("language", f"{iso3} has a second {language} row")
        names.short[language] = row.text("short_name", required=True)
        names.short_sources[language] = _source_key(row, "source", sources)
        formal = row.text("formal_name")
        if formal:
            names.formal[language] = formal
            names.formal_sources[language] = _source_key(row, "formal_source", sources)
        elif row.text("formal_source"):
            raise row.error("formal_source", "a source is given for a formal name that is missing")
    return found


def _unnamed_state_error(iso3: str) -> ReferenceDataError:
    return ReferenceDataError(
        reference_path(NAMES_FILE),
        None,
        None,
        f"{iso3} has no English UN short name; every state needs one (the other languages fall back to it)",
    )


def _admission_dates() -> dict[str, tuple]:
    path = reference_path("un_membership_dates.csv")
    if not path.exists():
        return {}
    dates = {}
    for row in read_rows(path, ["iso3", "admission_date", "source"]):
        dates[row.text("iso3", required=True)] = (
            row.date("admission_date", required=True),
            row.text("source", required=True),
            row,
        )
    return dates


def load_states(report: LoadReport, areas: dict[str, Area]) -> None:
    columns = [
        "iso3",
        "iso2",
        "m49",
        "status",
        "area",
        "un_admission_year",
        "regional_group",
        "regional_group_note",
        "source_codes",
        "source_admission",
        "source_regional_group",
    ]
    un_names = read_state_names(registered_sources())
    admissions = _admission_dates()
    seen: set[str] = set()
    for row in read_rows(reference_path("states.csv"), columns):
        iso3 = row.text("iso3", required=True)
        if len(iso3) != 3 or not iso3.isalpha() or not iso3.isupper():
            raise row.error("iso3", f"{iso3!r} is not an ISO 3166-1 alpha-3 code")
        if iso3 in seen:
            raise row.error("iso3", f"{iso3} appears twice")
        seen.add(iso3)
        iso2 = row.text("iso2", required=True)
        country = pycountry.countries.get(alpha_3=iso3)
        if country is None or country.alpha_2 != iso2:
            raise row.error("iso2", f"{iso2!r} is not the ISO 3166-1 alpha-2 code of {iso3}")
        if int(country.numeric) != row.integer("m49", required=True):
            raise row.error("m49", f"{row.text('m49')!r} is not the numeric code of {iso3}")
        area = areas.get(row.text("area", required=True))
        if area is None:
            raise row.error("area", f"{row.text('area')!r} is not an M49 area of m49_areas.csv")
        chain = [area]
        while chain[-1].parent_id:
            chain.append(chain[-1].parent)
        chain.reverse()  # region, subregion[, intermediate region]
        if len(chain) < 2:
            raise row.error("area", f"{area.code} is a region; give the subregion or intermediate region")
        status = row.choice("status", State.Status.values, required=True)
        group = row.choice("regional_group", RegionalGroup.values)
        if status == State.Status.MEMBER and not group:
            raise row.error("regional_group", f"Member State {iso3} has no regional group")
        names = un_names.pop(iso3, None)
        if names is None or "en" not in names.short:
            raise _unnamed_state_error(iso3)
        year = row.integer("un_admission_year")
        admission_date, admission_source = None, row.text("source_admission")
        if iso3 in admissions:
            admission_date, admission_source, date_row = admissions[iso3]
            if year and admission_date.year != year:
                raise date_row.error(
                    "admission_date",
                    f"{admission_date} disagrees with the year {year} in states.csv line {row.line}",
                )
            year = admission_date.year
        sources = {
            "codes": row.text("source_codes", required=True),
            "names": names.short_sources,
            "formal_names": names.formal_sources,
            "regional_group": row.text("source_regional_group"),
            "admission": admission_source,
            "areas": areas[chain[0].code].source,
        }
        save_if_changed(
            State,
            {"iso3": iso3},
            {
                "iso2": iso2,
                "m49": row.text("m49", required=True),
                "names": names.short,
                "formal_names": names.formal,
                "status": status,
                "region": chain[0],
                "subregion": chain[1],
                "intermediate_region": chain[2] if len(chain) > 2 else None,
                "regional_group": group,
                "regional_group_note": row.text("regional_group_note"),
                "un_admission_date": admission_date,
                "un_admission_year": year,
                "sources": sources,
            },
            report,
            "states",
        )
    if un_names:
        raise ReferenceDataError(
            reference_path(NAMES_FILE),
            None,
            "iso3",
            f"{', '.join(sorted(un_names))}: not a state of states.csv",
        )
