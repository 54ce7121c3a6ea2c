"""The server-rendered world map (participation/worldmap.py); no database needed."""

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from participation import worldmap, worldmap_build

SVG = "{http://www.w3.org/2000/svg}"
STATES_CSV = Path(__file__).resolve().parent.parent / "data" / "reference" / "states.csv"
LEGEND = [("in-force", "party, in force"), ("party", "party"), ("not-party", "not a party")]


def state_codes() -> list[str]:
    with STATES_CSV.open(encoding="utf-8", newline="") as handle:
        return [row["m49"] for row in csv.DictReader(handle)]


def drawn(svg: str) -> dict[str, set[str]]:
    """M49 code -> the kinds of element ("path", "circle") that carry it."""
    found: dict[str, set[str]] = {}
    for element in ET.fromstring(svg).iter():
        if "data-m49" in element.attrib:
            found.setdefault(element.attrib["data-m49"], set()).add(element.tag.removeprefix(SVG))
    return found


def test_every_state_is_drawn():
    codes = state_codes()
    assert len(codes) == 197 and len(set(codes)) == 197
    assert worldmap.missing_states(codes) == []
    svg = worldmap.world_map_svg({code: "party" for code in codes}, {}, LEGEND, "All states")
    assert set(drawn(svg)) == set(codes)


def test_small_states_have_a_marker():
    svg = worldmap.world_map_svg({}, {}, LEGEND, "Small states")
    elements = drawn(svg)
    for code in ("798", "520", "492", "336", "674", "438", "184", "570"):  # TUV NRU MCO VAT SMR LIE COK NIU
        assert "circle" in elements[code], code
    assert "circle" not in elements["156"] and "path" in elements["156"]  # China is big enough


def test_status_label_and_title():
    svg = worldmap.world_map_svg({"404": "in-force"}, {"404": "Kenya: party, in force"}, LEGEND, "A map")
    root = ET.fromstring(svg)
    assert root.attrib["role"] == "img"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "A map"
    assert root.attrib["aria-labelledby"] == title.attrib["id"]
    kenya = [e for e in root.iter(f"{SVG}path") if e.attrib.get("data-m49") == "404"]
    assert len(kenya) == 1
    assert "status-in-force" in kenya[0].attrib["class"].split()
    assert kenya[0].find(f"{SVG}title").text == "Kenya: party, in force"
    legend_texts = [e.text for e in root.iter(f"{SVG}text")]
    assert legend_texts == ["party, in force", "party", "not a party"]


def test_unknown_statuses_still_render():
    svg = worldmap.world_map_svg({"004": "no such status", "999": "x"}, {}, [], "Unknown")
    root = ET.fromstring(svg)
    afghanistan = [e for e in root.iter(f"{SVG}path") if e.attrib.get("data-m49") == "004"][0]
    assert "status-no-such-status" in afghanistan.attrib["class"].split()
    assert afghanistan.attrib["fill"] == worldmap.UNKNOWN_FILL
    assert ET.fromstring(worldmap.world_map_svg({}, {}, [], "Empty")) is not None


def test_territories_that_are_not_states_are_neutral():
    root = ET.fromstring(worldmap.world_map_svg({}, {}, LEGEND, "Neutral"))
    paths = list(root.iter(f"{SVG}path"))
    neutral = {e.attrib["data-area"] for e in paths if e.attrib.get("class") == "status-none"}
    assert "304" in neutral  # Greenland
    assert not neutral & set(state_codes())
    states = [e for e in paths if "data-m49" in e.attrib]
    assert all("status-unknown" in e.attrib["class"].split() for e in states)


def test_text_is_escaped():
    evil = '<script>alert("x")</script> & \x00'
    svg = worldmap.world_map_svg(
        {"798": 'party" onload="x'}, {"798": evil}, [('party" onload="x', evil)], evil
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == '<script>alert("x")</script> & '
    tuvalu = [e for e in root.iter() if e.attrib.get("data-m49") == "798"]
    assert tuvalu and all("onload" not in e.attrib for e in tuvalu)
    assert all(e.find(f"{SVG}title").text == '<script>alert("x")</script> & ' for e in tuvalu)


def test_world_json():
    world = json.loads(worldmap.DATA.read_text(encoding="utf-8"))
    assert world["view_box"] == "0 0 1000 500"
    assert "world-atlas 2.0.2" in world["source"] and "ISC" in world["licence"]
    assert "010" not in world["shapes"]  # Antarctica is dropped
    for x, y in world["markers"].values():
        assert 0 <= x <= 1000 and 0 <= y <= 500
    assert worldmap.DATA.stat().st_size < 400_000
    licence = (worldmap.DATA.parent / "LICENSE-world-atlas.txt").read_text(encoding="utf-8")
    assert licence.startswith("Copyright 2013-2019 Michael Bostock")


def test_rings_across_the_antimeridian_are_cut():
    ring = [(170.0, 60.0), (-170.0, 60.0), (-170.0, 70.0), (170.0, 70.0)]
    assert worldmap_build.crosses_antimeridian(ring)
    west, east = worldmap_build.cut_at_antimeridian(ring)
    assert max(lon for lon, _ in west) == 180 and min(lon for lon, _ in west) == 170
    assert min(lon for lon, _ in east) == -180 and max(lon for lon, _ in east) == -170


def test_path_data_is_compact_and_relative():
    assert worldmap_build.path_data([[(0, 0), (15, -5), (10, 20)]]) == "M0 0l1.5-.5-.5 2.5z"
    assert worldmap_build.number(-5) == "-.5" and worldmap_build.number(120) == "12"
