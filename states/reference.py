"""Loading M49 areas and states from data/reference/."""

import babel
import pycountry
from babel import Locale

from ctassist.languages import UN_LANGUAGES, babel_locale
from ctassist.reference import LoadReport, Row, read_rows, reference_path, save_if_changed
from states.models import Area, RegionalGroup, State

CLDR_SOURCE = f"Unicode CLDR, through Babel {babel.__version__}"


def _cldr_name(code: str, language: str) -> str | None:
    return Locale.parse(babel_locale(language)).territories.get(code)


def load_areas(report: LoadReport) -> dict[str, Area]:
    rows = list(read_rows(reference_path("m49_areas.csv"), ["code", "level", "parent", "name_en", "source"]))
    areas: dict[str, Area] = {}
    for row in rows:  # parents come before children in the file
        code = row.text("code", required=True)
        if len(code) != 3 or not code.isdigit():
            raise row.error("code", f"{code!r} is not a three-digit M49 code")
        parent_code = row.text("parent")
        if parent_code and parent_code not in areas:
            raise row.error("parent", f"{parent_code!r} is not an area defined above this line")
        names = {"en": row.text("name_en", required=True)}
        for language in UN_LANGUAGES:
            if language != "en":
                names[language] = _cldr_name(code, language) or names["en"]
        areas[code] = save_if_changed(
            Area,
            {"code": code},
            {
                "level": row.choice("level", Area.Level.values, required=True),
                "parent": areas.get(parent_code),
                "names": names,
                "source": row.text("source", required=True) + f"; names other than English: {CLDR_SOURCE}",
            },
            report,
            "M49 areas",
        )
    return areas


def _name_overrides() -> dict[str, dict[str, tuple[str, str]]]:
    overrides: dict[str, dict[str, tuple[str, str]]] = {}
    for row in read_rows(reference_path("state_name_overrides.csv"), ["iso3", "language", "name", "source"]):
        language = row.choice("language", UN_LANGUAGES, required=True)
        overrides.setdefault(row.text("iso3", required=True), {})[language] = (
            row.text("name", required=True),
            row.text("source", required=True),
        )
    return overrides


def _names(row: Row, iso2: str, overrides: dict[str, tuple[str, str]]) -> tuple[dict, dict]:
    names, name_sources = {}, {}
    for language in UN_LANGUAGES:
        if language in overrides:
            names[language], name_sources[language] = overrides[language]
            continue
        name = _cldr_name(iso2, language)
        if not name:
            raise row.error("iso2", f"CLDR has no {language} name for {iso2!r}")
        names[language], name_sources[language] = name, CLDR_SOURCE
    return names, name_sources


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
    overrides = _name_overrides()
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
        names, name_sources = _names(row, iso2, overrides.get(iso3, {}))
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
            "names": name_sources,
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
                "names": names,
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
