"""Build participation/worldmap_data/world.json from the npm package world-atlas 2.0.2.

Run once by a developer, not at run time:

    cd /tmp && npm pack world-atlas@2.0.2 && mkdir world-atlas && tar xzf world-atlas-2.0.2.tgz -C world-atlas
    python participation/worldmap_build.py /tmp/world-atlas/package

Shapes come from countries-50m.json (Natural Earth 1:50m); a state that file lacks (Tuvalu,
798) comes from countries-10m.json. The TopoJSON arcs are decoded (quantized,
delta-encoded), projected with the Natural Earth projection (d3.geoNaturalEarth1) into a
1000×500 view box, simplified once per arc (so neighbours keep one common border), and
written as compact SVG path data keyed by the 3-digit UN M49 code. Antarctica (010) is
dropped. Every state whose drawn area is smaller than MARKER_AREA square pixels also gets a
marker point, the centroid of its largest piece of land, so that it can be drawn as a circle.

Only the Python standard library is used.
"""

import csv
import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATES_CSV = HERE.parent / "data" / "reference" / "states.csv"
OUTPUT = HERE / "worldmap_data" / "world.json"

WIDTH, HEIGHT = 1000, 500
SCALE = WIDTH / (2 * 0.8707 * math.pi)  # the full width of the projection at the equator
TOP = 262.0  # y of the equator; puts 84° N at about 9 px and 60° S at about 453 px
MIN_STEP = 0.4  # px: a point closer than this to the previous kept point is dropped
MARKER_AREA = 6.0  # square px: a state drawn smaller than this also gets a circle marker
DROPPED = {"010"}  # Antarctica

# Natural Earth draws some areas as features of their own that have no M49 code. Those
# listed here are drawn as part of the Member State that the United Nations counts them in
# (no Member State recognises either; Security Council resolutions 541 (1983) and 550
# (1984) for northern Cyprus). Ashmore and Cartier Islands already carry Australia's code.
# Every other feature without a code (Kosovo, Siachen Glacier, Indian Ocean Territories)
# and every territory that is not one of the 197 states is drawn neutral, under the key
# "x-" + its Natural Earth name; whether to merge more is a decision for the project.
MERGE_BY_NAME = {"Somaliland": "706", "N. Cyprus": "196"}


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """d3.geoNaturalEarth1 (Šavrič et al. 2015), scaled into the view box (y down)."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return WIDTH / 2 + x * SCALE, TOP - y * SCALE


class Topology:
    """One TopoJSON file: its decoded arcs, projected and simplified."""

    def __init__(self, path: Path):
        self.path = path
        data = json.loads(path.read_text(encoding="utf-8"))
        transform = data.get("transform")
        self.geometries = data["objects"]["countries"]["geometries"]
        self.raw: list[list[tuple[int, int]]] = []  # quantized, absolute: exact for joining
        self.lonlat: list[list[tuple[float, float]]] = []  # degrees, every point
        self.lonlat_simple: list[list[tuple[float, float]]] = []  # degrees, the points kept
        self.full: list[list[tuple[float, float]]] = []  # projected, every point
        self.simple: list[list[tuple[float, float]]] = []  # projected, simplified
        for arc in data["arcs"]:
            points = []
            x = y = 0
            for point in arc:
                if transform:
                    x, y = x + point[0], y + point[1]
                else:
                    x, y = point[0], point[1]
                points.append((x, y))
            self.raw.append(points)
            if transform:
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                lonlat = [(px * sx + tx, py * sy + ty) for px, py in points]
            else:
                lonlat = points
            projected = [natural_earth(lon, lat) for lon, lat in lonlat]
            kept = simplify(projected)
            self.lonlat.append(lonlat)
            self.lonlat_simple.append([lonlat[i] for i in kept])
            self.full.append(projected)
            self.simple.append([projected[i] for i in kept])

    def oriented(self, arcs: list[list[tuple]], index: int) -> list[tuple]:
        return arcs[index] if index >= 0 else arcs[~index][::-1]

    def key_of(self, geometry: dict) -> str | None:
        code = geometry.get("id")
        name = (geometry.get("properties") or {}).get("name", "")
        if code in DROPPED:
            return None
        if code:
            return code
        if name in MERGE_BY_NAME:
            return MERGE_BY_NAME[name]
        return "x-" + "-".join(name.lower().replace(".", "").split())

    def arc_refs_by_key(self) -> dict[str, list[int]]:
        """Every arc reference of every ring, grouped by output key."""
        found: dict[str, list[int]] = {}
        for geometry in self.geometries:
            key = self.key_of(geometry)
            if key is None or geometry.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
            refs = found.setdefault(key, [])
            for polygon in polygons:
                for ring in polygon:
                    refs.extend(ring)
        return found

    def rings(self, refs: list[int]) -> list[list[int]]:
        """Dissolve: drop arcs used in both directions (a border between two merged
        features), then join the remaining arcs end to start into closed rings."""
        used = set(refs)
        kept = [r for r in refs if ~r not in used]
        starts: dict[tuple[int, int], list[int]] = {}
        for ref in kept:
            starts.setdefault(self.oriented(self.raw, ref)[0], []).append(ref)
        rings, remaining = [], set(kept)
        for first in kept:
            if first not in remaining:
                continue
            remaining.discard(first)
            starts[self.oriented(self.raw, first)[0]].remove(first)
            ring = [first]
            origin = self.oriented(self.raw, first)[0]
            end = self.oriented(self.raw, first)[-1]
            while end != origin:
                candidates = starts.get(end)
                if not candidates:
                    raise ValueError(f"{self.path.name}: ring does not close at {end}")
                ref = candidates.pop()
                remaining.discard(ref)
                ring.append(ref)
                end = self.oriented(self.raw, ref)[-1]
            rings.append(ring)
        return rings

    def ring_points(self, ring: list[int], arcs: list[list[tuple]]) -> list[tuple]:
        points: list[tuple] = []
        for ref in ring:
            part = self.oriented(arcs, ref)
            points.extend(part if not points else part[1:])
        return points

    def projected_rings(self, ring: list[int], simplified: bool) -> list[list[tuple[float, float]]]:
        """The ring in the view box; a ring that crosses the antimeridian (world-atlas keeps
        spherical rings whole, e.g. eastern Russia, Fiji) is cut there into two."""
        lonlat = self.ring_points(ring, self.lonlat_simple if simplified else self.lonlat)
        if not crosses_antimeridian(lonlat):
            return [self.ring_points(ring, self.simple if simplified else self.full)]
        return [[natural_earth(lon, lat) for lon, lat in part] for part in cut_at_antimeridian(lonlat)]


def simplify(points: list[tuple[float, float]]) -> list[int]:
    """Radial distance: the indexes of the points to keep, each at least MIN_STEP from the
    previous kept one; the first and last points (shared with the neighbouring arcs) stay."""
    if len(points) <= 2:
        return list(range(len(points)))
    kept = [0]
    for index in range(1, len(points) - 1):
        if math.dist(points[index], points[kept[-1]]) >= MIN_STEP:
            kept.append(index)
    if len(kept) > 1 and math.dist(points[-1], points[kept[-1]]) < MIN_STEP:
        kept.pop()
    kept.append(len(points) - 1)
    return kept


def crosses_antimeridian(lonlat: list[tuple[float, float]]) -> bool:
    return any(abs(b[0] - a[0]) > 180 for a, b in zip(lonlat, lonlat[1:] + lonlat[:1], strict=True))


def cut_at_antimeridian(lonlat: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Unwrap the longitudes so the ring is continuous, then clip it (Sutherland–Hodgman)
    into the part west of 180° and the part east of it, moved back by 360°."""
    unwrapped = [lonlat[0]]
    for lon, lat in lonlat[1:]:
        previous = unwrapped[-1][0]
        lon += 360 * round((previous - lon) / 360)
        unwrapped.append((lon, lat))
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 180:
        raise ValueError("a ring around a pole; only Antarctica has one and it is dropped")
    if min(lon for lon, _ in unwrapped) < -180:
        unwrapped = [(lon + 360, lat) for lon, lat in unwrapped]
    parts = []
    for side, shift in ((1, 0), (-1, -360)):  # west: lon <= 180; east: lon >= 180
        clipped = []
        for a, b in zip(unwrapped, unwrapped[1:] + unwrapped[:1], strict=True):
            a_in, b_in = side * (180 - a[0]) >= 0, side * (180 - b[0]) >= 0
            if a_in:
                clipped.append(a)
            if a_in != b_in and a[0] != 180 and b[0] != 180:
                t = (180 - a[0]) / (b[0] - a[0])
                clipped.append((180, a[1] + t * (b[1] - a[1])))
        if len(clipped) >= 3:
            parts.append([(min(max(lon + shift, -180), 180), lat) for lon, lat in clipped])
    return parts


def rounded(points: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """In tenths of a pixel, consecutive duplicates and a closing duplicate removed."""
    out: list[tuple[int, int]] = []
    for x, y in points:
        point = (round(x * 10), round(y * 10))
        if not out or out[-1] != point:
            out.append(point)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def signed_area(points: list[tuple[float, float]]) -> float:
    total = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        total += x1 * y2 - x2 * y1
    return total / 2


def centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    area = signed_area(points)
    if abs(area) < 1e-9:
        xs, ys = zip(*points, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return cx / (6 * area), cy / (6 * area)


def number(tenths: int) -> str:
    """A coordinate in tenths of a pixel as short SVG text: 12.0 → 12, 0.5 → .5, -0.5 → -.5."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    text = str(whole) if whole else ""
    if tenth:
        text += f".{tenth}"
    return sign + (text or "0")


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Absolute moveto, then relative linetos; separators only where needed."""
    parts = []
    for ring in rings:
        items = [f"M{number(ring[0][0])} {number(ring[0][1])}l"]
        previous = ring[0]
        numbers = []
        for point in ring[1:]:
            numbers.extend((point[0] - previous[0], point[1] - previous[1]))
            previous = point
        text = last = ""
        for value in numbers:
            piece = number(value)
            # A separator is needed unless the number starts with "-", or it starts with "." and
            # the previous number already has a decimal point.
            if text and not (piece[0] == "-" or (piece[0] == "." and "." in last)):
                text += " "
            text += piece
            last = piece
        items.append(text + "z")
        parts.append("".join(items))
    return "".join(parts)


def outline() -> str:
    """The edge of the projected globe (the sea), as path data."""
    east = [natural_earth(180, lat) for lat in range(90, -91, -5)]
    west = [natural_earth(-180, lat) for lat in range(-90, 91, 5)]
    return path_data([rounded(east + west)])


def build(atlas: Path) -> dict:
    states = {row["m49"] for row in csv.DictReader(STATES_CSV.open(encoding="utf-8", newline=""))}
    shapes: dict[str, str] = {}
    markers: dict[str, list[float]] = {}
    areas: dict[str, float] = {}
    from_10m: list[str] = []

    def add(topology: Topology, key: str, refs: list[int]) -> None:
        drawn, best, best_area = [], None, -1.0
        drawn_area = 0.0
        for ring in topology.rings(refs):
            for full in topology.projected_rings(ring, simplified=False):
                full_area = abs(signed_area(full))
                if full_area > best_area:
                    best, best_area = full, full_area
            for simple in topology.projected_rings(ring, simplified=True):
                points = rounded(simple)
                if len(points) >= 3 and signed_area(points) != 0:
                    drawn.append(points)
                    drawn_area += signed_area(points) / 100
        areas[key] = abs(drawn_area)
        if drawn:
            shapes[key] = path_data(drawn)
        if key in states and (not drawn or areas[key] < MARKER_AREA) and best:
            x, y = centroid(best)
            markers[key] = [round(x, 1), round(y, 1)]

    topology = Topology(atlas / "countries-50m.json")
    for key, refs in sorted(topology.arc_refs_by_key().items()):
        add(topology, key, refs)
    missing = sorted(states - shapes.keys() - markers.keys())
    if missing:
        fine = Topology(atlas / "countries-10m.json")
        refs_10m = fine.arc_refs_by_key()
        for key in missing:
            if key in refs_10m:
                add(fine, key, refs_10m[key])
                from_10m.append(key)
    still_missing = sorted(states - shapes.keys() - markers.keys())
    if still_missing:
        print("No shape and no marker for: " + ", ".join(still_missing), file=sys.stderr)
    fine_note = f", 1:10m for {', '.join(from_10m)}" if from_10m else ""
    return {
        "source": f"npm world-atlas 2.0.2 (Natural Earth 1:50m{fine_note}), Natural Earth projection,"
        f" points closer than {MIN_STEP} px dropped; built by participation/worldmap_build.py",
        "licence": "ISC (world-atlas) / public domain (Natural Earth)",
        "view_box": f"0 0 {WIDTH} {HEIGHT}",
        "outline": outline(),
        "shapes": dict(sorted(shapes.items())),
        "markers": dict(sorted(markers.items())),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    result = build(Path(argv[1]))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    states = {row["m49"] for row in csv.DictReader(STATES_CSV.open(encoding="utf-8", newline=""))}
    print(
        f"{OUTPUT}: {OUTPUT.stat().st_size} bytes; {len(result['shapes'])} shapes"
        f" ({len(states & result['shapes'].keys())} of the {len(states)} states),"
        f" {len(result['markers'])} markers"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
