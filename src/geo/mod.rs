//! Province geometry: embedded outlines, projection, cached triangulation, hit testing.
//!
//! The outlines come from `assets/geo/provinces.geojson` (Natural Earth 10m, public domain,
//! rebuilt by `assets/geo/generate.py`; see `assets/geo/README.md`). The file is embedded in
//! the binary, parsed and triangulated once ([`geography`]). Rivers, national capitals and
//! where the country names go come from `assets/geo/context.geojson` (`assets/geo/context.py`).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// The embedded GeoJSON.
pub const PROVINCES_GEOJSON: &str = include_str!("../../assets/geo/provinces.geojson");
/// The embedded rivers, capitals and country-name points.
pub const CONTEXT_GEOJSON: &str = include_str!("../../assets/geo/context.geojson");

/// Mean Earth radius of the authalic sphere, km (equal-area computations).
const AUTHALIC_RADIUS_KM: f64 = 6371.0072;

/// One area on the map: a province (`id` ISO 3166-2) or a neighbouring country's land (`id` ISO 3166-1).
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub id: String,
    pub name: String,
    /// `LA` or `KH` for provinces; the country's own code for context land.
    pub country: String,
    /// Outer rings (lon, lat), one per polygon part (not closed: the last point is not repeated).
    pub polygons: Vec<Vec<[f64; 2]>>,
    /// Holes of each part: `holes[i]` are the holes of `polygons[i]` (e.g. Kandal around Phnom Penh).
    pub holes: Vec<Vec<Vec<[f64; 2]>>>,
    /// Interior label point (lon, lat): pole of inaccessibility of the largest part.
    pub label: [f64; 2],
    /// Triangulation of `polygons` in (lon, lat): vertices and triangle indices, computed once.
    pub mesh_vertices: Vec<[f64; 2]>,
    pub mesh_indices: Vec<u32>,
    /// Province ids whose territory lies inside this face because the source data predates
    /// their creation (e.g. `LA-VI` covers `LA-XS`, `KH-3` covers `KH-25`).
    pub covers: Vec<String>,
    /// Data notes (e.g. on those splits).
    pub notes: Option<String>,
    /// Bounding box of all parts.
    pub bounds: Bounds,
}

impl Region {
    pub fn is_province(&self) -> bool {
        self.country == "LA" || self.country == "KH"
    }

    /// Whether (lon, lat) lies inside one of the parts (and not in one of its holes).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        if !self.bounds.contains(lon, lat) {
            return false;
        }
        self.polygons.iter().enumerate().any(|(i, outer)| {
            point_in_ring(outer, lon, lat)
                && !self
                    .holes
                    .get(i)
                    .is_some_and(|hs| hs.iter().any(|h| point_in_ring(h, lon, lat)))
        })
    }

    /// Area in km² on the authalic sphere (equal-area), holes subtracted.
    pub fn area_km2(&self) -> f64 {
        self.polygons
            .iter()
            .enumerate()
            .map(|(i, outer)| {
                let holes: f64 = self
                    .holes
                    .get(i)
                    .map(|hs| hs.iter().map(|h| ring_area_km2(h)).sum())
                    .unwrap_or(0.0);
                ring_area_km2(outer) - holes
            })
            .sum()
    }

    /// Area in km² of the triangulation (sum of its triangles, same equal-area measure).
    pub fn mesh_area_km2(&self) -> f64 {
        self.mesh_indices
            .chunks_exact(3)
            .filter_map(|t| {
                let a = *self.mesh_vertices.get(t[0] as usize)?;
                let b = *self.mesh_vertices.get(t[1] as usize)?;
                let c = *self.mesh_vertices.get(t[2] as usize)?;
                Some(ring_area_km2(&[a, b, c]))
            })
            .sum()
    }

    /// Distance in degrees (lon scaled by cos(lat)) from (lon, lat) to the region's outline,
    /// 0 when inside.
    pub fn distance_deg(&self, lon: f64, lat: f64) -> f64 {
        if self.contains(lon, lat) {
            return 0.0;
        }
        let k = lat.to_radians().cos();
        let mut best = f64::INFINITY;
        for ring in self.polygons.iter().chain(self.holes.iter().flatten()) {
            for (a, b) in ring_segments(ring) {
                let d = segment_distance([lon * k, lat], [a[0] * k, a[1]], [b[0] * k, b[1]]);
                best = best.min(d);
            }
        }
        best
    }
}

/// A national border as lines (e.g. the Laos–Cambodia border, `id` `LA-KH`).
#[derive(Debug, Clone, PartialEq)]
pub struct Border {
    pub id: String,
    /// The two ISO 3166-1 codes the border separates.
    pub countries: [String; 2],
    /// Polylines (lon, lat).
    pub lines: Vec<Vec<[f64; 2]>>,
}

impl Border {
    /// Whether this border separates `a` and `b` (in either order).
    pub fn separates(&self, a: &str, b: &str) -> bool {
        (self.countries[0] == a && self.countries[1] == b)
            || (self.countries[0] == b && self.countries[1] == a)
    }
}

/// A river drawn for orientation (the Mekong, the Sekong...).
#[derive(Debug, Clone, PartialEq)]
pub struct River {
    pub name: String,
    /// 1 for the main river (drawn wider, labelled first), larger for tributaries.
    pub rank: u8,
    /// Polylines (lon, lat).
    pub lines: Vec<Vec<[f64; 2]>>,
}

/// What a named point on the map is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A national capital (one point).
    Capital,
    /// Where a country's name is drawn: candidate points in order of preference.
    Country,
}

/// A named point (or points) on the map that is not a province.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    /// ISO 3166-1.
    pub country: String,
    pub kind: PlaceKind,
    /// (lon, lat); a capital has one, a country name its candidate positions.
    pub points: Vec<[f64; 2]>,
}

/// An axis-aligned box in (lon, lat).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: [f64; 2],
    pub max: [f64; 2],
}

impl Default for Bounds {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl Bounds {
    pub const EMPTY: Bounds = Bounds {
        min: [f64::INFINITY, f64::INFINITY],
        max: [f64::NEG_INFINITY, f64::NEG_INFINITY],
    };

    pub fn is_empty(&self) -> bool {
        self.min[0] > self.max[0] || self.min[1] > self.max[1]
    }

    pub fn extend(&mut self, p: [f64; 2]) {
        self.min[0] = self.min[0].min(p[0]);
        self.min[1] = self.min[1].min(p[1]);
        self.max[0] = self.max[0].max(p[0]);
        self.max[1] = self.max[1].max(p[1]);
    }

    pub fn union(mut self, other: &Bounds) -> Bounds {
        if !other.is_empty() {
            self.extend(other.min);
            self.extend(other.max);
        }
        self
    }

    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        lon >= self.min[0] && lon <= self.max[0] && lat >= self.min[1] && lat <= self.max[1]
    }

    pub fn center(&self) -> [f64; 2] {
        [
            (self.min[0] + self.max[0]) / 2.0,
            (self.min[1] + self.max[1]) / 2.0,
        ]
    }
}

/// Error reading a geography file.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("province geometry is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("province geometry: feature {index}: {reason}")]
    Feature { index: usize, reason: String },
}

#[derive(Debug, Default)]
pub struct Geography {
    /// Provinces and context land, in file order (provinces first).
    pub regions: Vec<Region>,
    /// National borders as lines.
    pub borders: Vec<Border>,
    /// Large lakes (Tonle Sap...), drawn as water over the provinces sharing them; not part
    /// of `regions` (they do not take part in hit testing).
    pub lakes: Vec<Region>,
    /// Rivers, main river first.
    pub rivers: Vec<River>,
    /// National capitals and country-name points.
    pub places: Vec<Place>,
    /// Bounds of all regions.
    pub bounds: Bounds,
}

/// The built-in geography (parsed and triangulated once).
///
/// The embedded file is checked by tests; should it ever fail to parse, the error is
/// reported on stderr and the map is empty rather than the app crashing.
pub fn geography() -> &'static Geography {
    static G: std::sync::OnceLock<Geography> = std::sync::OnceLock::new();
    G.get_or_init(|| {
        let parse = |what: &str, text: &str| {
            Geography::from_geojson(text).unwrap_or_else(|e| {
                eprintln!("border-atlas: {what}: {e}");
                Geography::default()
            })
        };
        let mut g = parse("province outlines", PROVINCES_GEOJSON);
        let context = parse("rivers and places", CONTEXT_GEOJSON);
        g.rivers = context.rivers;
        g.places = context.places;
        g.rivers.sort_by_key(|r| r.rank);
        g
    })
}

impl Geography {
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// The region drawn for province `id`: its own face, or the face that covers it
    /// (`LA-XS` → `LA-VI`, `KH-25` → `KH-3`).
    pub fn region_for(&self, id: &str) -> Option<&Region> {
        self.region(id).or_else(|| {
            self.regions
                .iter()
                .find(|r| r.covers.iter().any(|c| c == id))
        })
    }

    /// Provinces (not context land).
    pub fn provinces(&self) -> impl Iterator<Item = &Region> {
        self.regions.iter().filter(|r| r.is_province())
    }

    /// The border between two countries, if any.
    pub fn border(&self, a: &str, b: &str) -> Option<&Border> {
        self.borders.iter().find(|x| x.separates(a, b))
    }

    /// The province (not context land) containing (lon, lat).
    pub fn province_at(&self, lon: f64, lat: f64) -> Option<&Region> {
        self.provinces().find(|r| r.contains(lon, lat))
    }

    /// Any region (province or context land) containing (lon, lat).
    pub fn region_at(&self, lon: f64, lat: f64) -> Option<&Region> {
        self.regions.iter().find(|r| r.contains(lon, lat))
    }

    /// Bounds of the given regions (ids that are unknown are skipped).
    pub fn bounds_of<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Bounds {
        ids.into_iter()
            .filter_map(|id| self.region_for(id))
            .fold(Bounds::EMPTY, |b, r| b.union(&r.bounds))
    }

    /// Parse a GeoJSON FeatureCollection as written by `assets/geo/generate.py`:
    /// (Multi)Polygon features with `id`, `name`, `country` (and optional `covers`, `notes`),
    /// (Multi)LineString features with `kind: "border"` and `countries` or `kind: "river"`,
    /// `name` and `rank`, and (Multi)Point features with `kind` `"capital"` or `"country"`,
    /// `name` and `country` (as written by `assets/geo/context.py`).
    pub fn from_geojson(text: &str) -> Result<Geography, GeoError> {
        let doc: serde_json::Value = serde_json::from_str(text)?;
        let features = doc
            .get("features")
            .and_then(|f| f.as_array())
            .ok_or_else(|| GeoError::Feature {
                index: 0,
                reason: "no \"features\" array".into(),
            })?;
        let mut g = Geography::default();
        for (index, f) in features.iter().enumerate() {
            let err = |reason: &str| GeoError::Feature {
                index,
                reason: reason.to_string(),
            };
            let props = f.get("properties").ok_or_else(|| err("no properties"))?;
            let prop = |k: &str| props.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let strings = |k: &str| -> Vec<String> {
                props
                    .get(k)
                    .and_then(|c| c.as_array())
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let geom = f.get("geometry").ok_or_else(|| err("no geometry"))?;
            let gtype = geom.get("type").and_then(|t| t.as_str()).unwrap_or("");
            let coords = geom
                .get("coordinates")
                .ok_or_else(|| err("no coordinates"))?;
            let id = prop("id").ok_or_else(|| err("no id"))?;
            match gtype {
                "Polygon" | "MultiPolygon" => {
                    let polys = one_or_many(coords, gtype == "MultiPolygon", parse_rings)
                        .ok_or_else(|| err("bad polygon"))?;
                    let covers = strings("covers");
                    let region = Region::build(
                        id.clone(),
                        prop("name").unwrap_or_else(|| id.clone()),
                        prop("country").unwrap_or_default(),
                        polys,
                        covers,
                        prop("notes"),
                    )
                    .ok_or_else(|| err("empty or untriangulable polygon"))?;
                    if props.get("kind").and_then(|k| k.as_str()) == Some("lake") {
                        g.lakes.push(region);
                    } else {
                        g.bounds = g.bounds.union(&region.bounds);
                        g.regions.push(region);
                    }
                }
                "LineString" | "MultiLineString" if prop("kind").as_deref() == Some("river") => {
                    let lines = one_or_many(coords, gtype == "MultiLineString", parse_line)
                        .ok_or_else(|| err("bad line"))?;
                    let rank = props.get("rank").and_then(|r| r.as_u64()).unwrap_or(9);
                    g.rivers.push(River {
                        name: prop("name").unwrap_or_else(|| id.clone()),
                        rank: u8::try_from(rank).unwrap_or(u8::MAX),
                        lines,
                    });
                }
                "Point" | "MultiPoint" => {
                    let kind = match prop("kind").as_deref() {
                        Some("capital") => PlaceKind::Capital,
                        Some("country") => PlaceKind::Country,
                        _ => return Err(err("a point needs kind \"capital\" or \"country\"")),
                    };
                    let points = one_or_many(coords, gtype == "MultiPoint", parse_point)
                        .filter(|p| !p.is_empty())
                        .ok_or_else(|| err("bad point"))?;
                    g.places.push(Place {
                        name: prop("name").unwrap_or_else(|| id.clone()),
                        country: prop("country").unwrap_or_default(),
                        kind,
                        points,
                    });
                }
                "LineString" | "MultiLineString" => {
                    let [a, b] = <[String; 2]>::try_from(strings("countries"))
                        .map_err(|_| err("a border needs two countries"))?;
                    let lines = one_or_many(coords, gtype == "MultiLineString", parse_line)
                        .ok_or_else(|| err("bad line"))?;
                    g.borders.push(Border {
                        id,
                        countries: [a, b],
                        lines,
                    });
                }
                other => return Err(err(&format!("unsupported geometry type {other:?}"))),
            }
        }
        Ok(g)
    }
}

impl Region {
    /// Build a region from polygons (each: outer ring then holes), triangulating and labelling it.
    fn build(
        id: String,
        name: String,
        country: String,
        polys: Vec<Vec<Vec<[f64; 2]>>>,
        covers: Vec<String>,
        notes: Option<String>,
    ) -> Option<Region> {
        let mut polygons = Vec::new();
        let mut holes = Vec::new();
        let mut bounds = Bounds::EMPTY;
        let mut mesh_vertices = Vec::new();
        let mut mesh_indices = Vec::new();
        for rings in polys {
            let mut rings = rings.into_iter().map(open_ring);
            let Some(outer) = rings.next() else { continue };
            if outer.len() < 3 {
                continue;
            }
            let hs: Vec<Vec<[f64; 2]>> = rings.filter(|h| h.len() >= 3).collect();
            for p in &outer {
                bounds.extend(*p);
            }
            let (v, i) = triangulate(&outer, &hs)?;
            let base = u32::try_from(mesh_vertices.len()).ok()?;
            mesh_vertices.extend(v);
            mesh_indices.extend(i.into_iter().map(|i| i + base));
            polygons.push(outer);
            holes.push(hs);
        }
        if polygons.is_empty() {
            return None;
        }
        // Label in the largest part.
        let largest = (0..polygons.len())
            .max_by(|&a, &b| {
                ring_area_km2(&polygons[a])
                    .partial_cmp(&ring_area_km2(&polygons[b]))
                    .unwrap_or(Ordering::Equal)
            })
            .unwrap_or(0);
        let label = pole_of_inaccessibility(
            polygons.get(largest)?,
            holes.get(largest).map(Vec::as_slice).unwrap_or(&[]),
            0.005,
        );
        Some(Region {
            id,
            name,
            country,
            polygons,
            holes,
            label,
            mesh_vertices,
            mesh_indices,
            covers,
            notes,
            bounds,
        })
    }
}

fn parse_line(v: &serde_json::Value) -> Option<Vec<[f64; 2]>> {
    v.as_array()?.iter().map(parse_point).collect()
}

fn parse_point(p: &serde_json::Value) -> Option<[f64; 2]> {
    let a = p.as_array()?;
    Some([a.first()?.as_f64()?, a.get(1)?.as_f64()?])
}

/// The geometries of a `Multi*` coordinate array, or the one geometry of a single one.
fn one_or_many<T>(
    coords: &serde_json::Value,
    multi: bool,
    parse: fn(&serde_json::Value) -> Option<T>,
) -> Option<Vec<T>> {
    if multi {
        coords.as_array()?.iter().map(parse).collect()
    } else {
        parse(coords).map(|one| vec![one])
    }
}

fn parse_rings(v: &serde_json::Value) -> Option<Vec<Vec<[f64; 2]>>> {
    v.as_array()?.iter().map(parse_line).collect()
}

/// Drop the closing point of a GeoJSON ring.
fn open_ring(mut ring: Vec<[f64; 2]>) -> Vec<[f64; 2]> {
    if ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    ring
}

/// Segments of a ring (closed implicitly).
fn ring_segments(ring: &[[f64; 2]]) -> impl Iterator<Item = ([f64; 2], [f64; 2])> + '_ {
    let n = ring.len();
    (0..n).map(move |i| (ring[i], ring[(i + 1) % n]))
}

/// Even-odd point-in-ring test.
pub fn point_in_ring(ring: &[[f64; 2]], x: f64, y: f64) -> bool {
    let mut inside = false;
    for (a, b) in ring_segments(ring) {
        if (a[1] > y) != (b[1] > y) {
            let t = (y - a[1]) / (b[1] - a[1]);
            if x < a[0] + t * (b[0] - a[0]) {
                inside = !inside;
            }
        }
    }
    inside
}

/// Area of a (lon, lat) ring in km² on the authalic sphere: exact for the ring whose edges are
/// straight in a cylindrical equal-area projection (Lambert), which at this scale is the
/// geodesic area to well under 0.1%.
pub fn ring_area_km2(ring: &[[f64; 2]]) -> f64 {
    let s: f64 = ring_segments(ring)
        .map(|(a, b)| {
            (b[0] - a[0]).to_radians() * (a[1].to_radians().sin() + b[1].to_radians().sin()) / 2.0
        })
        .sum();
    s.abs() * AUTHALIC_RADIUS_KM * AUTHALIC_RADIUS_KM
}

/// Triangulate one polygon (outer ring + holes) with earcut. Returns the vertices (outer ring
/// then holes) and triangle indices into them.
pub fn triangulate(
    outer: &[[f64; 2]],
    holes: &[Vec<[f64; 2]>],
) -> Option<(Vec<[f64; 2]>, Vec<u32>)> {
    let mut verts: Vec<[f64; 2]> = outer.to_vec();
    let mut hole_idx = Vec::with_capacity(holes.len());
    for h in holes {
        hole_idx.push(verts.len());
        verts.extend_from_slice(h);
    }
    let flat: Vec<f64> = verts.iter().flat_map(|p| [p[0], p[1]]).collect();
    let tris = earcutr::earcut(&flat, &hole_idx, 2).ok()?;
    let idx = tris
        .into_iter()
        .map(u32::try_from)
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    Some((verts, idx))
}

fn segment_distance(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (x, y) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    (x * x + y * y).sqrt()
}

/// Signed distance (positive inside) from `p` to a polygon with holes, in the same units.
fn signed_distance(p: [f64; 2], outer: &[[f64; 2]], holes: &[Vec<[f64; 2]>]) -> f64 {
    let inside =
        point_in_ring(outer, p[0], p[1]) && !holes.iter().any(|h| point_in_ring(h, p[0], p[1]));
    let d = std::iter::once(outer)
        .chain(holes.iter().map(Vec::as_slice))
        .flat_map(ring_segments)
        .map(|(a, b)| segment_distance(p, a, b))
        .fold(f64::INFINITY, f64::min);
    if inside {
        d
    } else {
        -d
    }
}

struct Cell {
    c: [f64; 2],
    h: f64,
    d: f64,
    max: f64,
}

impl PartialEq for Cell {
    fn eq(&self, o: &Self) -> bool {
        self.max == o.max
    }
}
impl Eq for Cell {}
impl PartialOrd for Cell {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Cell {
    fn cmp(&self, o: &Self) -> Ordering {
        self.max.partial_cmp(&o.max).unwrap_or(Ordering::Equal)
    }
}

/// Pole of inaccessibility (the interior point farthest from the outline, "polylabel"),
/// computed in an equirectangular frame scaled by cos(latitude) and returned in (lon, lat).
/// `precision` is in degrees of latitude.
pub fn pole_of_inaccessibility(
    outer: &[[f64; 2]],
    holes: &[Vec<[f64; 2]>],
    precision: f64,
) -> [f64; 2] {
    let mut b = Bounds::EMPTY;
    for p in outer {
        b.extend(*p);
    }
    if b.is_empty() {
        return [0.0, 0.0];
    }
    let k = b.center()[1].to_radians().cos().max(1e-6);
    let scale = |r: &[[f64; 2]]| r.iter().map(|p| [p[0] * k, p[1]]).collect::<Vec<_>>();
    let so = scale(outer);
    let sh: Vec<Vec<[f64; 2]>> = holes.iter().map(|h| scale(h)).collect();
    let (minx, miny, maxx, maxy) = (b.min[0] * k, b.min[1], b.max[0] * k, b.max[1]);
    let size = (maxx - minx).min(maxy - miny);
    let cell = |c: [f64; 2], h: f64| {
        let d = signed_distance(c, &so, &sh);
        Cell {
            c,
            h,
            d,
            max: d + h * std::f64::consts::SQRT_2,
        }
    };
    // Start from the centroid of the outer ring (or the box centre).
    let centroid = {
        let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
        for (p, q) in ring_segments(&so) {
            let f = p[0] * q[1] - q[0] * p[1];
            a += f;
            cx += (p[0] + q[0]) * f;
            cy += (p[1] + q[1]) * f;
        }
        if a.abs() > 1e-12 {
            [cx / (3.0 * a), cy / (3.0 * a)]
        } else {
            [(minx + maxx) / 2.0, (miny + maxy) / 2.0]
        }
    };
    let mut best = cell(centroid, 0.0);
    let bbox_center = cell([(minx + maxx) / 2.0, (miny + maxy) / 2.0], 0.0);
    if bbox_center.d > best.d {
        best = bbox_center;
    }
    if size <= 0.0 {
        return [best.c[0] / k, best.c[1]];
    }
    let mut heap = BinaryHeap::new();
    let h = size / 2.0;
    let mut x = minx;
    while x < maxx {
        let mut y = miny;
        while y < maxy {
            heap.push(cell([x + h, y + h], h));
            y += size;
        }
        x += size;
    }
    let mut iterations = 0;
    while let Some(c) = heap.pop() {
        iterations += 1;
        if c.d > best.d {
            best = Cell { ..c };
        }
        if c.max - best.d <= precision || iterations > 20_000 {
            continue;
        }
        let h = c.h / 2.0;
        for (dx, dy) in [(-h, -h), (h, -h), (-h, h), (h, h)] {
            heap.push(cell([c.c[0] + dx, c.c[1] + dy], h));
        }
    }
    [best.c[0] / k, best.c[1]]
}

/// Equirectangular projection scaled by cos(reference latitude): (lon, lat) → (x, y) in
/// "degrees of latitude", y growing northwards. Adequate for Laos and Cambodia (8°–23° N).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    pub cos_lat: f64,
}

impl Projection {
    pub fn new(reference_lat: f64) -> Self {
        Self {
            cos_lat: reference_lat.to_radians().cos(),
        }
    }

    pub fn project(&self, lon: f64, lat: f64) -> [f64; 2] {
        [lon * self.cos_lat, lat]
    }

    pub fn unproject(&self, x: f64, y: f64) -> [f64; 2] {
        [x / self.cos_lat, y]
    }

    /// Kilometres per projected unit (one degree of latitude).
    pub const KM_PER_UNIT: f64 = 111.195;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_in_ring_square_and_concave() {
        let sq = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
        assert!(point_in_ring(&sq, 1.0, 1.0));
        assert!(!point_in_ring(&sq, 3.0, 1.0));
        // A "U" shape: the notch is outside.
        let u = [
            [0.0, 0.0],
            [3.0, 0.0],
            [3.0, 3.0],
            [2.0, 3.0],
            [2.0, 1.0],
            [1.0, 1.0],
            [1.0, 3.0],
            [0.0, 3.0],
        ];
        assert!(point_in_ring(&u, 0.5, 2.5));
        assert!(!point_in_ring(&u, 1.5, 2.5));
    }

    #[test]
    fn one_degree_square_at_equator_area() {
        let sq = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
        let a = ring_area_km2(&sq);
        // 1° × 1° at the equator ≈ 12,364 km².
        assert!((a - 12_364.0).abs() < 20.0, "{a}");
    }

    #[test]
    fn triangulation_with_hole_covers_area() {
        let outer = vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0]];
        let hole = vec![[1.0, 1.0], [1.0, 3.0], [3.0, 3.0], [3.0, 1.0]];
        let r = Region::build(
            "X".into(),
            "X".into(),
            "LA".into(),
            vec![vec![outer, hole]],
            vec![],
            None,
        )
        .unwrap();
        let ratio = r.mesh_area_km2() / r.area_km2();
        assert!((ratio - 1.0).abs() < 1e-9, "{ratio}");
        assert!(!r.contains(2.0, 2.0), "the hole is outside");
        assert!(r.contains(0.5, 2.0));
        // The label avoids the hole.
        assert!(r.contains(r.label[0], r.label[1]));
    }

    #[test]
    fn polylabel_of_u_shape_is_inside_an_arm() {
        let u = vec![
            [0.0, 0.0],
            [3.0, 0.0],
            [3.0, 3.0],
            [2.0, 3.0],
            [2.0, 1.0],
            [1.0, 1.0],
            [1.0, 3.0],
            [0.0, 3.0],
        ];
        let p = pole_of_inaccessibility(&u, &[], 0.001);
        assert!(point_in_ring(&u, p[0], p[1]), "{p:?}");
    }

    #[test]
    fn bad_geojson_is_an_error_not_a_panic() {
        assert!(Geography::from_geojson("{").is_err());
        assert!(Geography::from_geojson("{\"features\": [{}]}").is_err());
        let g = Geography::from_geojson("{\"features\": []}").unwrap();
        assert!(g.regions.is_empty());
    }

    #[test]
    fn the_mekong_sekong_and_srepok_are_drawn_with_the_capitals_and_country_names() {
        let g = geography();
        let river = |n: &str| g.rivers.iter().find(|r| r.name == n);
        let mekong = river("Mekong").expect("the Mekong");
        assert_eq!(g.rivers.first().map(|r| r.name.as_str()), Some("Mekong"));
        // The Mekong crosses Champasak and Stung Treng; the Sekong runs through
        // Attapeu into Stung Treng.
        let crosses = |r: &River, id: &str| {
            let p = g.region(id).expect("province");
            r.lines.iter().flatten().any(|q| p.contains(q[0], q[1]))
        };
        assert!(crosses(mekong, "LA-CH") && crosses(mekong, "KH-19"));
        let sekong = river("Sekong").expect("the Sekong");
        assert!(crosses(sekong, "LA-AT") && crosses(sekong, "KH-19"));
        assert!(crosses(river("Srepok").expect("the Srepok"), "KH-16"));
        let place = |n: &str| g.places.iter().find(|p| p.name == n);
        let vientiane = place("Vientiane").expect("Vientiane");
        assert_eq!(vientiane.kind, PlaceKind::Capital);
        let [lon, lat] = vientiane.points[0];
        assert_eq!(
            g.province_at(lon, lat).map(|r| r.id.as_str()),
            Some("LA-VT")
        );
        let [lon, lat] = place("Phnom Penh").expect("Phnom Penh").points[0];
        assert_eq!(
            g.province_at(lon, lat).map(|r| r.id.as_str()),
            Some("KH-12")
        );
        // Every candidate point of a country's name lies in that country.
        for c in g.places.iter().filter(|p| p.kind == PlaceKind::Country) {
            for q in &c.points {
                let at = g.region_at(q[0], q[1]).map(|r| r.country.as_str());
                assert_eq!(at, Some(c.country.as_str()), "{} at {q:?}", c.name);
            }
        }
    }

    #[test]
    fn a_point_of_unknown_kind_is_an_error() {
        let doc = r#"{"features": [{"properties": {"id": "x"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]}"#;
        assert!(Geography::from_geojson(doc).is_err());
    }

    #[test]
    fn embedded_geography_parses() {
        let g = Geography::from_geojson(PROVINCES_GEOJSON).unwrap();
        assert!(g.provinces().count() >= 41);
        assert!(g.border("LA", "KH").is_some());
    }
}
