"""A world map as server-rendered SVG, one shape per state coloured by its status.

The shapes are in worldmap_data/world.json, built once by worldmap_build.py from the npm
package world-atlas 2.0.2 (Natural Earth). States are keyed by their 3-digit UN M49 code.
A state too small to see (Tuvalu, Nauru, Monaco, the Holy See, ...) also gets a circle.
Territories that are not among the 197 states of data/reference/states.csv are drawn in
the neutral class "status-none".

Colours are SVG presentation attributes (the n-th legend entry gets the n-th colour of
PALETTE), so the map is readable with no stylesheet, no JavaScript and under a strict
Content-Security-Policy; a stylesheet may override them through the classes
"status-<status>". Every state carries a <title> (its label) for the pointer; a screen
reader, which treats role="img" as one image, reads the title and the legend in <desc>.
"""

import csv
import hashlib
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "worldmap_data" / "world.json"
STATES_CSV = HERE.parent / "data" / "reference" / "states.csv"

# Colour-blind safe (Okabe–Ito and ColorBrewer blues), strongest first.
PALETTE = ["#08519c", "#6baed6", "#e69f00", "#d55e00", "#bdbdbd", "#009e73", "#cc79a7", "#f0e442"]
UNKNOWN_FILL = "#e4e4e4"  # a state whose status is not in the legend
NONE_FILL = "#f5f5f5"  # a territory that is not one of the states
SEA_FILL = "#eaf2f8"
BORDER = "#ffffff"
MARKER_RADIUS = 3

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CLASS_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@lru_cache(maxsize=1)
def load_world() -> dict:
    with DATA.open(encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def state_codes() -> frozenset[str]:
    """The M49 codes of the 197 states (193 Members, 2 observers, Cook Islands, Niue)."""
    with STATES_CSV.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["m49"].strip().zfill(3) for row in csv.DictReader(handle))


def missing_states(m49_codes: Iterable[str]) -> list[str]:
    """The codes among m49_codes that have neither a shape nor a marker on the map."""
    world = load_world()
    return sorted(code for code in m49_codes if code not in world["shapes"] and code not in world["markers"])


def _text(value: object) -> str:
    return escape(_INVALID_XML.sub("", str(value)), quote=True)


def _class(status: str) -> str:
    return "status-" + (_CLASS_UNSAFE.sub("-", status).strip("-") or "unknown")


def world_map_svg(
    status_by_m49: dict[str, str], labels: dict[str, str], legend: list[tuple[str, str]], title: str
) -> str:
    """The map as an SVG element to put in a page as it is (every text is escaped).

    status_by_m49: M49 code -> status (the class "status-<status>"); a state without one
    is drawn as "status-unknown". labels: M49 code -> text of the state's <title>, e.g.
    "Tuvalu: party"; the code itself when missing. legend: (status, label) in order.
    """
    world = load_world()
    states = state_codes() | set(status_by_m49)
    fills = {status: PALETTE[index % len(PALETTE)] for index, (status, _label) in enumerate(legend)}
    ident = "worldmap-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]

    def state_attributes(code: str) -> str:
        status = status_by_m49.get(code, "unknown")
        return (
            f'class="state {_text(_class(status))}" data-m49="{_text(code)}"'
            f' data-status="{_text(status)}" fill="{fills.get(status, UNKNOWN_FILL)}"'
        )

    def state_title(code: str) -> str:
        return f"<title>{_text(labels.get(code, code))}</title>"

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="world-map" viewBox="{_text(world["view_box"])}"'
        f' role="img" aria-labelledby="{ident}-title" aria-describedby="{ident}-desc"'
        ' font-family="system-ui, sans-serif">',
        f'<title id="{ident}-title">{_text(title)}</title>',
        f'<desc id="{ident}-desc">' + _text("; ".join(str(label) for _status, label in legend)) + "</desc>",
    ]
    if world.get("outline"):
        out.append(f'<path class="sea" d="{world["outline"]}" fill="{SEA_FILL}"/>')
    out.append(
        f'<g class="shapes" fill-rule="evenodd" stroke="{BORDER}" stroke-width="0.4" stroke-linejoin="round">'
    )
    for code, data in world["shapes"].items():
        if code not in states:
            out.append(
                f'<path class="status-none" data-area="{_text(code)}" fill="{NONE_FILL}"'
                f' stroke="#cccccc" d="{data}"/>'
            )
    for code, data in world["shapes"].items():
        if code in states:
            out.append(f'<path {state_attributes(code)} d="{data}">{state_title(code)}</path>')
    out.append("</g>")
    out.append('<g class="markers" stroke="#333333" stroke-width="0.6">')
    for code, (x, y) in world["markers"].items():
        if code in states:
            out.append(
                f'<circle {state_attributes(code)} cx="{x}" cy="{y}" r="{MARKER_RADIUS}">'
                f"{state_title(code)}</circle>"
            )
    out.append("</g>")
    out.append(_legend(legend, fills))
    out.append("</svg>")
    return "\n".join(out)


def _legend(legend: list[tuple[str, str]], fills: dict[str, str]) -> str:
    """Bottom left, in the empty South Pacific: a swatch and the label of each status."""
    if not legend:
        return ""
    step, left, bottom = 18, 12, 490
    width = 36 + 6.5 * max(len(label) for _status, label in legend)
    top = bottom - step * len(legend) - 8
    out = [
        '<g class="legend" font-size="12">',
        f'<rect x="{left - 6}" y="{top}" width="{width:.0f}" height="{bottom - top}" fill="#ffffff"'
        ' fill-opacity="0.85" stroke="#cccccc" stroke-width="0.5" rx="3"/>',
    ]
    for index, (status, label) in enumerate(legend):
        y = top + 6 + index * step
        out.append(
            f'<rect class="{_text(_class(status))}" x="{left}" y="{y}" width="12" height="12"'
            f' fill="{fills[status]}" stroke="#333333" stroke-width="0.5"/>'
            f'<text x="{left + 20}" y="{y + 10}" fill="#222222">{_text(label)}</text>'
        )
    out.append("</g>")
    return "".join(out)
