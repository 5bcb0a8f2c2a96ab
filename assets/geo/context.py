#!/usr/bin/env python3
"""Generate assets/geo/context.geojson: rivers, national capitals and country names.

What the map draws around the provinces so that people recognise it:

- rivers: the Mekong, the Sekong, the Srepok, the Tonle Sap river and the Mun,
  from Natural Earth 10m `ne_10m_rivers_lake_centerlines` (public domain), as
  clipped to the region in `../shared/data/natural-earth/rivers.geojson`
  (see the README beside it). Parts of one river are chained end to end,
  simplified (Douglas-Peucker, TOLERANCE degrees) and rounded;
- national capitals: public coordinates, rounded to 0.01 degree;
- country names: where each name is drawn, in order of preference (the map
  takes the first place in view that no province label covers). These points
  are a cartographic choice, inside each country's land, away from the
  Laos-Cambodia border provinces.

Plain Python 3, no dependencies.
Run:  python3 assets/geo/context.py [path/to/rivers.geojson]
"""

import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "context.geojson")
DEFAULT_SOURCE = os.path.join(HERE, "..", "..", "..", "shared", "data", "natural-earth", "rivers.geojson")

# Simplification tolerance (degrees, about 550 m) and output precision.
TOLERANCE = 0.005
DECIMALS = 4

# Natural Earth name (and feature class) -> the name the map shows, its rank
# (1 = the main river, drawn wider and labelled first).
RIVERS = {
    ("Mekong", "River"): ("Mekong", 1),
    ("Lancang", "River"): ("Mekong", 1),  # the upper Mekong, named in Chinese
    ("Kong", "River"): ("Sekong", 2),
    ("Srepok", "River"): ("Srepok", 2),
    ("Tonle Sap", "River"): ("Tonle Sap", 2),
    ("Mun", "River"): ("Mun", 3),
}

# (name, ISO 3166-1, lon, lat)
CAPITALS = [
    ("Vientiane", "LA", 102.61, 17.97),
    ("Phnom Penh", "KH", 104.92, 11.56),
    ("Bangkok", "TH", 100.50, 13.75),
    ("Hanoi", "VN", 105.85, 21.03),
]

# (name, ISO 3166-1, [(lon, lat), ...] in order of preference)
COUNTRY_LABELS = [
    ("LAOS", "LA", [(105.2, 16.35), (105.6, 15.85), (103.3, 19.6), (104.6, 17.8)]),
    ("CAMBODIA", "KH", [(104.3, 12.2), (103.6, 11.6), (105.2, 12.9)]),
    ("THAILAND", "TH", [(103.0, 15.5), (104.3, 15.2), (103.6, 14.9), (101.5, 16.5), (102.2, 14.3)]),
    ("VIETNAM", "VN", [(108.35, 14.1), (107.9, 13.3), (107.6, 12.0), (105.4, 20.4)]),
]


def chain(parts):
    """Join line parts whose ends meet (within 1e-3 degree) into longer lines."""
    parts = [list(p) for p in parts if len(p) >= 2]
    close = lambda a, b: abs(a[0] - b[0]) < 1e-3 and abs(a[1] - b[1]) < 1e-3
    merged = True
    while merged:
        merged = False
        for i in range(len(parts)):
            for j in range(len(parts)):
                if i == j:
                    continue
                a, b = parts[i], parts[j]
                if close(a[-1], b[0]):
                    joined = a + b[1:]
                elif close(a[-1], b[-1]):
                    joined = a + b[::-1][1:]
                else:
                    continue
                parts = [p for k, p in enumerate(parts) if k not in (i, j)] + [joined]
                merged = True
                break
            if merged:
                break
    return parts


def simplify(line, tol):
    """Douglas-Peucker on lon/lat (iterative)."""
    if len(line) < 3:
        return line
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        s, e = stack.pop()
        (x1, y1), (x2, y2) = line[s], line[e]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, idx = 0.0, None
        for k in range(s + 1, e):
            x, y = line[k]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else math.hypot(x - x1, y - y1)
            if d > best:
                best, idx = d, k
        if idx is not None and best > tol:
            keep[idx] = True
            stack += [(s, idx), (idx, e)]
    return [p for p, k in zip(line, keep) if k]


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE
    with open(source, encoding="utf-8") as f:
        src = json.load(f)
    by_name = {}
    for feat in src["features"]:
        p = feat["properties"]
        key = (p.get("name"), p.get("featurecla"))
        if key not in RIVERS:
            continue
        g = feat["geometry"]
        parts = g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]
        by_name.setdefault(RIVERS[key], []).extend(parts)

    features = []
    vertices = 0
    for (name, rank), parts in sorted(by_name.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        lines = [simplify(l, TOLERANCE) for l in chain(parts)]
        lines = [[[round(x, DECIMALS), round(y, DECIMALS)] for x, y in l] for l in lines if len(l) >= 2]
        vertices += sum(len(l) for l in lines)
        features.append({
            "type": "Feature",
            "properties": {"id": "river-" + name.lower().replace(" ", "-"), "name": name, "kind": "river", "rank": rank},
            "geometry": {"type": "MultiLineString", "coordinates": lines},
        })
        print(f"river {name}: {len(parts)} parts -> {len(lines)} lines, {sum(len(l) for l in lines)} vertices", file=sys.stderr)
    for name, country, lon, lat in CAPITALS:
        features.append({
            "type": "Feature",
            "properties": {"id": "capital-" + country, "name": name, "country": country, "kind": "capital"},
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
        })
    for name, country, points in COUNTRY_LABELS:
        features.append({
            "type": "Feature",
            "properties": {"id": "country-" + country, "name": name, "country": country, "kind": "country"},
            "geometry": {"type": "MultiPoint", "coordinates": [list(p) for p in points]},
        })
    missing = {v[0] for v in RIVERS.values()} - {f["properties"]["name"] for f in features}
    if missing:
        sys.exit(f"rivers not found in {source}: {sorted(missing)}")
    doc = {
        "type": "FeatureCollection",
        "properties": {
            "source": "Natural Earth 10m ne_10m_rivers_lake_centerlines (public domain); capitals and label points: see context.py",
        },
        "features": features,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{len(features)} features, {vertices} river vertices, {os.path.getsize(OUT):,} bytes -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
