//! The province map widget: cached province meshes transformed per frame, outlines, borders,
//! choropleth, rivers, labels (provinces, capitals, countries, rivers), cross-border arcs, pan/zoom, hover, click and keyboard selection.
//!
//! Geometry comes from [`crate::geo::geography`] (parsed and triangulated once). The meshes are
//! projected once into map units (equirectangular scaled by cos of the mean latitude) and only
//! scaled/translated per frame.

use crate::model::BORDER_PROVINCES;
use std::collections::HashMap;
use std::sync::OnceLock;

use egui::{
    emath::TSTransform, Align2, Color32, CornerRadius, FontId, Key, Mesh, Pos2, Rect, Sense, Shape,
    Stroke, Ui, Vec2,
};

use crate::geo::{geography, Bounds, Place, PlaceKind, Projection, Region, River};

/// What the map shows this frame (computed by the app from the corpus and the selection).
#[derive(Debug, Default, Clone)]
pub struct MapInput {
    /// Number of events under the current filters, by province id.
    pub counts: HashMap<String, usize>,
    /// The selected province, if any.
    pub selected: Option<String>,
    /// Provinces to highlight (e.g. those of the selected event).
    pub highlighted: Vec<String>,
    /// Cross-border links: (Lao province, Cambodian province, number of events).
    pub links: Vec<(String, String, usize)>,
    /// The selected link, if any.
    pub selected_link: Option<(String, String)>,
    /// Multilateral events (three provinces or more): (province ids, number of events).
    pub hubs: Vec<(Vec<String>, usize)>,
}

/// What the user did on the map this frame.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct MapResponse {
    /// `Some(Some(id))`: a province was clicked (or chosen with the keyboard); `Some(None)`: selection cleared.
    pub select_province: Option<Option<String>>,
    /// A cross-border link was clicked.
    pub select_link: Option<(String, String)>,
}

/// Scale limits, pixels per map unit (one degree of latitude ≈ 111 km).
const MIN_SCALE: f64 = 20.0;
const MAX_SCALE: f64 = 6000.0;

/// Map view state (pan, zoom); persisted with the app.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct MapView {
    /// View centre (lon, lat); `None` until first framed (or after a reset).
    pub center: Option<[f64; 2]>,
    /// Pixels per map unit (degree of latitude).
    pub scale: f64,
    /// How many cross-border links are drawn.
    pub links: LinkLimit,
    /// The transform of the last frame (for tests and the app: lon/lat → screen).
    #[serde(skip)]
    last: Option<ScreenTransform>,
}

/// How many cross-border links the map draws: at a few hundred events every pair of
/// provinces is linked and the arcs become a solid web, so by default only the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LinkLimit {
    All,
    /// The `n` links with the most events (ties at the cut included).
    Strongest(usize),
    Hidden,
}

impl Default for LinkLimit {
    fn default() -> Self {
        LinkLimit::Strongest(10)
    }
}

impl LinkLimit {
    const CHOICES: [LinkLimit; 5] = [
        LinkLimit::Strongest(5),
        LinkLimit::Strongest(10),
        LinkLimit::Strongest(20),
        LinkLimit::All,
        LinkLimit::Hidden,
    ];

    fn label(self) -> String {
        match self {
            LinkLimit::All => "all links".into(),
            LinkLimit::Strongest(n) => format!("strongest {n} links"),
            LinkLimit::Hidden => "no links".into(),
        }
    }

    /// The links drawn: the strongest under the limit, and always those in `keep` (the
    /// selected link, the selected event's own), in their given order.
    pub fn apply(
        self,
        links: &[(String, String, usize)],
        keep: impl Fn(&(String, String, usize)) -> bool,
    ) -> Vec<&(String, String, usize)> {
        let cut = match self {
            LinkLimit::All => 0,
            LinkLimit::Hidden => usize::MAX,
            LinkLimit::Strongest(n) => {
                let mut counts: Vec<usize> = links.iter().map(|l| l.2).collect();
                counts.sort_unstable_by(|a, b| b.cmp(a));
                match n.checked_sub(1).and_then(|i| counts.get(i)) {
                    Some(&c) => c,
                    None => 0,
                }
            }
        };
        links
            .iter()
            .filter(|l| (l.2 > 0 && l.2 >= cut) || keep(l))
            .collect()
    }
}

/// Map units ↔ screen points for one frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenTransform {
    /// The map's screen rectangle.
    pub rect: Rect,
    /// Projected centre of the view.
    pub center: [f64; 2],
    /// Pixels per map unit.
    pub scale: f64,
}

impl ScreenTransform {
    fn proj() -> Projection {
        cache().projection
    }

    /// Screen position of projected map coordinates.
    fn xy_to_screen(&self, xy: [f64; 2]) -> Pos2 {
        let c = self.rect.center();
        Pos2::new(
            c.x + ((xy[0] - self.center[0]) * self.scale) as f32,
            c.y - ((xy[1] - self.center[1]) * self.scale) as f32,
        )
    }

    /// Screen position of (lon, lat).
    pub fn to_screen(&self, lon: f64, lat: f64) -> Pos2 {
        self.xy_to_screen(Self::proj().project(lon, lat))
    }

    /// (lon, lat) under a screen position.
    pub fn to_lon_lat(&self, p: Pos2) -> [f64; 2] {
        let c = self.rect.center();
        let x = self.center[0] + f64::from(p.x - c.x) / self.scale;
        let y = self.center[1] - f64::from(p.y - c.y) / self.scale;
        Self::proj().unproject(x, y)
    }

    /// The transform taking cached mesh coordinates (projected units, y up) to the screen.
    fn mesh_transform(&self) -> TSTransform {
        // Cached meshes store (x, -y) so a uniform scale + translation maps them.
        let c = self.rect.center();
        let s = self.scale as f32;
        TSTransform::new(
            Vec2::new(
                c.x - (self.center[0] * self.scale) as f32,
                c.y + (self.center[1] * self.scale) as f32,
            ),
            s,
        )
    }
}

/// Per-region data prepared once: the mesh in projected units (y flipped), outlines, label.
struct CachedRegion {
    region: &'static Region,
    mesh: Mesh,
    /// Outline rings in projected units (y flipped), outer rings and holes.
    rings: Vec<Vec<Pos2>>,
    /// Projected bounds (y flipped).
    bounds: Rect,
    /// Label point, projected (y flipped).
    label: Pos2,
    is_border_province: bool,
}

struct Cache {
    projection: Projection,
    regions: Vec<CachedRegion>,
    /// Large lakes, drawn as water over the provinces.
    lakes: Vec<CachedRegion>,
    /// Borders: (is Laos–Cambodia, polylines in projected units, y flipped).
    borders: Vec<(bool, Vec<Vec<Pos2>>)>,
    /// Rivers (main river first) as polylines in projected units (y flipped).
    rivers: Vec<(&'static River, Vec<Vec<Pos2>>)>,
    /// Capitals and country-name points, projected (y flipped).
    places: Vec<(&'static Place, Vec<Pos2>)>,
    /// Indices into `regions` of the provinces in label priority order.
    label_order: Vec<usize>,
    border_bounds: Bounds,
}

fn cache() -> &'static Cache {
    static C: OnceLock<Cache> = OnceLock::new();
    C.get_or_init(|| {
        let g = geography();
        let mean_lat = if g.bounds.is_empty() {
            15.0
        } else {
            g.bounds.center()[1]
        };
        let projection = Projection::new(mean_lat);
        let p = |q: [f64; 2]| {
            let xy = projection.project(q[0], q[1]);
            Pos2::new(xy[0] as f32, -xy[1] as f32)
        };
        let cached = |r: &'static Region| {
            let mut mesh = Mesh::default();
            mesh.vertices.reserve(r.mesh_vertices.len());
            for v in &r.mesh_vertices {
                mesh.colored_vertex(p(*v), Color32::WHITE);
            }
            mesh.indices.clone_from(&r.mesh_indices);
            let rings: Vec<Vec<Pos2>> = r
                .polygons
                .iter()
                .chain(r.holes.iter().flatten())
                .map(|ring| ring.iter().map(|q| p(*q)).collect())
                .collect();
            let bounds =
                Rect::from_points(&mesh.vertices.iter().map(|v| v.pos).collect::<Vec<_>>());
            CachedRegion {
                region: r,
                mesh,
                rings,
                bounds,
                label: p(r.label),
                is_border_province: BORDER_PROVINCES.contains(&r.id.as_str()),
            }
        };
        let regions: Vec<CachedRegion> = g.regions.iter().map(cached).collect();
        let lakes: Vec<CachedRegion> = g.lakes.iter().map(cached).collect();
        let borders = g
            .borders
            .iter()
            .map(|b| {
                (
                    b.separates("LA", "KH"),
                    b.lines
                        .iter()
                        .map(|l| l.iter().map(|q| p(*q)).collect())
                        .collect(),
                )
            })
            .collect();
        let line = |l: &Vec<[f64; 2]>| l.iter().map(|q| p(*q)).collect::<Vec<Pos2>>();
        let rivers = g
            .rivers
            .iter()
            .map(|r| (r, r.lines.iter().map(line).collect()))
            .collect();
        let places = g.places.iter().map(|pl| (pl, line(&pl.points))).collect();
        let mut label_order: Vec<usize> = (0..regions.len())
            .filter(|&i| regions[i].region.is_province())
            .collect();
        label_order.sort_by(|&a, &b| {
            let (ra, rb) = (&regions[a], &regions[b]);
            rb.is_border_province.cmp(&ra.is_border_province).then(
                rb.region
                    .area_km2()
                    .partial_cmp(&ra.region.area_km2())
                    .unwrap_or(std::cmp::Ordering::Equal),
            )
        });
        Cache {
            projection,
            regions,
            lakes,
            borders,
            rivers,
            places,
            label_order,
            border_bounds: g.bounds_of(BORDER_PROVINCES),
        }
    })
}

/// Colours for the current theme.
struct Palette {
    water: Color32,
    land_context: Color32,
    province: Color32,
    outline: Color32,
    context_outline: Color32,
    national: Color32,
    la_kh: Color32,
    text: Color32,
    halo: Color32,
    ramp_lo: Color32,
    ramp_hi: Color32,
    highlight: Color32,
    arc: Color32,
    arc_hover: Color32,
    river: Color32,
    /// Country names: quieter than province names.
    country_text: Color32,
}

impl Palette {
    fn new(v: &egui::Visuals) -> Self {
        let sel = v.selection.stroke.color;
        if v.dark_mode {
            Palette {
                water: Color32::from_rgb(24, 34, 44),
                land_context: Color32::from_rgb(44, 46, 48),
                province: Color32::from_rgb(70, 72, 74),
                outline: Color32::from_rgb(120, 122, 125),
                context_outline: Color32::from_rgb(70, 72, 74),
                national: Color32::from_rgb(175, 175, 175),
                la_kh: Color32::from_rgb(240, 90, 120),
                text: v.strong_text_color(),
                halo: Color32::from_black_alpha(170),
                ramp_lo: Color32::from_rgb(60, 90, 110),
                ramp_hi: Color32::from_rgb(90, 200, 230),
                highlight: sel,
                // Neutral, so that a link does not pass for an event kind
                // (orange is "visit").
                arc: Color32::from_rgba_unmultiplied(225, 225, 205, 170),
                arc_hover: Color32::from_rgb(255, 255, 235),
                river: Color32::from_rgb(95, 155, 210),
                country_text: Color32::from_rgba_unmultiplied(215, 215, 215, 150),
            }
        } else {
            Palette {
                water: Color32::from_rgb(204, 224, 238),
                land_context: Color32::from_rgb(236, 234, 228),
                province: Color32::from_rgb(250, 249, 245),
                outline: Color32::from_rgb(150, 150, 150),
                context_outline: Color32::from_rgb(205, 203, 198),
                national: Color32::from_rgb(90, 90, 90),
                la_kh: Color32::from_rgb(175, 20, 60),
                text: Color32::from_rgb(30, 30, 30),
                halo: Color32::from_white_alpha(190),
                ramp_lo: Color32::from_rgb(210, 232, 240),
                ramp_hi: Color32::from_rgb(20, 100, 150),
                highlight: sel,
                arc: Color32::from_rgba_unmultiplied(55, 60, 80, 170),
                arc_hover: Color32::from_rgb(10, 10, 30),
                river: Color32::from_rgb(85, 145, 200),
                country_text: Color32::from_rgba_unmultiplied(60, 60, 60, 150),
            }
        }
    }

    /// A province's fill while an event is selected: tinted when the event
    /// is linked to it, else faded toward the land around.
    fn emphasis(&self, fill: Color32, in_event: bool) -> Color32 {
        if in_event {
            lerp_color(fill, self.highlight, 0.3)
        } else {
            lerp_color(fill, self.land_context, 0.6)
        }
    }

    /// A link's colour: bright when selected, hovered or the selected
    /// event's own; faint beside a selected event; else the usual.
    fn arc_color(&self, bright: bool, event_selected: bool) -> Color32 {
        if bright {
            self.arc_hover
        } else if event_selected {
            self.arc.gamma_multiply(0.3)
        } else {
            self.arc
        }
    }

    /// Choropleth colour of `count`: its class's step on the ramp; neutral for 0.
    fn fill(&self, count: usize, classes: &Classes) -> Color32 {
        match classes.index(count) {
            None => self.province,
            Some(i) => lerp_color(self.ramp_lo, self.ramp_hi, classes.step(i)),
        }
    }
}

/// The choropleth's classes: ranges of event counts, ascending, each a colour step.
/// Quantile breaks over the provinces that have events, so that each class holds about
/// as many provinces whatever the corpus size (at 10 events or 100,000 the busiest
/// provinces stay apart from the rest); with few distinct counts each count is a class.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Classes(Vec<(usize, usize)>);

impl Classes {
    /// At most this many classes (besides "none").
    const MAX: usize = 5;

    pub fn of(counts: impl IntoIterator<Item = usize>) -> Self {
        let mut values: Vec<usize> = counts.into_iter().filter(|&c| c > 0).collect();
        values.sort_unstable();
        let mut distinct = values.clone();
        distinct.dedup();
        if distinct.len() <= Self::MAX {
            return Classes(distinct.into_iter().map(|v| (v, v)).collect());
        }
        let n = values.len();
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut lo = values[0];
        for i in 1..=Self::MAX {
            let hi = values[(i * n).div_ceil(Self::MAX) - 1];
            if hi >= lo {
                out.push((lo, hi));
                lo = hi + 1;
            }
        }
        Classes(out)
    }

    /// The class of `count`; `None` for no events.
    fn index(&self, count: usize) -> Option<usize> {
        if count == 0 {
            return None;
        }
        self.0
            .iter()
            .position(|&(_, hi)| count <= hi)
            .or(self.0.len().checked_sub(1))
    }

    /// Where class `i` sits on the colour ramp, 0 to 1 (one class: the strongest).
    fn step(&self, i: usize) -> f32 {
        match self.0.len() {
            0 | 1 => 1.0,
            n => i as f32 / (n - 1) as f32,
        }
    }

    pub fn ranges(&self) -> &[(usize, usize)] {
        &self.0
    }

    /// A class's range in words: "7" or "12–340".
    fn label(&self, i: usize) -> String {
        match self.0.get(i) {
            Some(&(lo, hi)) if lo == hi => crate::load::thousands(lo),
            Some(&(lo, hi)) => format!(
                "{}–{}",
                crate::load::thousands(lo),
                crate::load::thousands(hi)
            ),
            None => String::new(),
        }
    }
}

fn lerp_color(a: Color32, b: Color32, t: f32) -> Color32 {
    let l = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgba_unmultiplied(
        l(a.r(), b.r()),
        l(a.g(), b.g()),
        l(a.b(), b.b()),
        l(a.a(), b.a()),
    )
}

/// An arc between two label points, sampled.
struct Arc {
    la: String,
    kh: String,
    count: usize,
    points: Vec<Pos2>,
    width: f32,
}

/// Distance from `p` to a polyline.
fn polyline_distance(p: Pos2, pts: &[Pos2]) -> f32 {
    pts.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let ab = b - a;
            let len2 = ab.length_sq();
            let t = if len2 > 0.0 {
                ((p - a).dot(ab) / len2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (a + ab * t - p).length()
        })
        .fold(f32::INFINITY, f32::min)
}

impl MapView {
    /// Screen position of (lon, lat) in the last frame drawn (`None` before the first frame).
    pub fn screen_pos(&self, lon: f64, lat: f64) -> Option<Pos2> {
        self.last.map(|t| t.to_screen(lon, lat))
    }

    /// Screen position of the middle of the arc between two provinces' label points in the last
    /// frame drawn (where a click selects that link).
    pub fn link_point(&self, la: &str, kh: &str) -> Option<Pos2> {
        let t = self.last?;
        let g = geography();
        let (a, b) = (g.region_for(la)?.label, g.region_for(kh)?.label);
        let (p0, p2) = (t.to_screen(a[0], a[1]), t.to_screen(b[0], b[1]));
        let [_, p1, _] = arc_controls(p0, p2);
        // B(1/2) = (p0 + 2 p1 + p2) / 4
        Some(Pos2::new(
            (p0.x + 2.0 * p1.x + p2.x) / 4.0,
            (p0.y + 2.0 * p1.y + p2.y) / 4.0,
        ))
    }

    /// The screen point of the hub of these provinces on the last frame: the
    /// middle of their label points.
    pub fn hub_point(&self, ids: &[&str]) -> Option<Pos2> {
        let t = self.last?;
        let g = geography();
        let points: Vec<Pos2> = ids
            .iter()
            .filter_map(|id| g.region_for(id))
            .map(|r| t.to_screen(r.label[0], r.label[1]))
            .collect();
        let sum = points.iter().fold(Vec2::ZERO, |s, p| s + p.to_vec2());
        (!points.is_empty()).then(|| (sum / points.len() as f32).to_pos2())
    }

    /// The transform of the last frame drawn.
    pub fn last_transform(&self) -> Option<ScreenTransform> {
        self.last
    }

    /// Frame the five border provinces in `rect` (the start view).
    pub fn reset(&mut self, rect: Rect) {
        let c = cache();
        let b = if c.border_bounds.is_empty() {
            geography().bounds
        } else {
            c.border_bounds
        };
        if b.is_empty() {
            self.center = Some([104.0, 15.0]);
            self.scale = 100.0;
            return;
        }
        let p = c.projection;
        let (lo, hi) = (p.project(b.min[0], b.min[1]), p.project(b.max[0], b.max[1]));
        let w = (hi[0] - lo[0]).max(0.1);
        let h = (hi[1] - lo[1]).max(0.1);
        // The five provinces fill about 70% of the view, leaving their neighbours visible.
        let sx = f64::from(rect.width().max(50.0)) * 0.7 / w;
        let sy = f64::from(rect.height().max(50.0)) * 0.7 / h;
        self.scale = sx.min(sy).clamp(MIN_SCALE, MAX_SCALE);
        self.center = Some(b.center());
    }

    fn zoom_about(&mut self, t: &ScreenTransform, factor: f64, about: Pos2) {
        let new_scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let c = t.rect.center();
        let p = cache().projection;
        // Keep the map point under `about` fixed.
        let [lon, lat] = t.to_lon_lat(about);
        let xy = p.project(lon, lat);
        let cx = xy[0] - f64::from(about.x - c.x) / new_scale;
        let cy = xy[1] + f64::from(about.y - c.y) / new_scale;
        self.center = Some(p.unproject(cx, cy));
        self.scale = new_scale;
    }

    pub fn ui(&mut self, ui: &mut Ui, input: &MapInput) -> MapResponse {
        let mut out = MapResponse::default();
        let pal = Palette::new(ui.visuals());
        let size = ui.available_size().max(Vec2::new(200.0, 150.0));
        let (response, painter) =
            ui.allocate_painter(size, Sense::click_and_drag() | Sense::FOCUSABLE);
        let rect = response.rect;
        let painter = painter.with_clip_rect(rect.intersect(ui.clip_rect()));
        if self.center.is_none() || !(MIN_SCALE..=MAX_SCALE).contains(&self.scale) {
            self.reset(rect);
        }

        self.pan_and_zoom(ui, &response);
        self.keyboard(ui, &response, input, &mut out);
        let t = self.transform(rect);
        self.last = Some(t);

        let max_link = input.links.iter().map(|l| l.2).max().unwrap_or(0);
        let shown = self.links.apply(&input.links, |(la, kh, _)| {
            input.selected_link.as_ref() == Some(&(la.clone(), kh.clone()))
                || (input.highlighted.contains(la) && input.highlighted.contains(kh))
        });
        let max_link = max_link.max(input.hubs.iter().map(|h| h.1).max().unwrap_or(0));
        let arcs = build_arcs(&shown, &t, max_link);
        let hubs = build_hubs(&input.hubs, &input.highlighted, &t, max_link);
        let (hovered_arc, hovered_region) = hover(&arcs, &t, response.hover_pos());
        let selected_region = input
            .selected
            .as_deref()
            .and_then(|s| geography().region_for(s))
            .map(|r| r.id.as_str());
        let classes = Classes::of(input.counts.values().copied());

        let (view, visible) = Layers::in_view(&t);
        let layers = Layers {
            view,
            visible,
            painter: &painter,
            pal: &pal,
            t: &t,
            input,
            selected_region,
            hovered_region,
        };
        layers.regions(&classes);
        layers.rivers();
        layers.outlines();
        layers.arcs(&arcs, hovered_arc);
        let hovered_hub = response
            .hover_pos()
            .filter(|_| hovered_arc.is_none())
            .and_then(|p| hubs.iter().find(|h| h.center.distance(p) <= h.radius + 4.0));
        layers.hubs(&hubs, hovered_hub);
        // Labels never sit under the legend, the scale bar or the zoom buttons.
        let legend = Legend::layout(&painter, rect, &pal, &classes, !hubs.is_empty());
        let covered = [
            legend.rect,
            Rect::from_min_max(
                rect.right_bottom() - Vec2::new(140.0, 34.0),
                rect.right_bottom(),
            ),
            Rect::from_min_size(
                rect.right_top() + Vec2::new(-40.0, 0.0),
                Vec2::new(40.0, 100.0),
            ),
            Rect::from_min_size(rect.left_top(), LINK_MENU + Vec2::splat(16.0)),
        ];
        self.draw_labels(&painter, &t, &pal, input, selected_region, &covered);
        legend.paint(&painter, &pal, ui);
        draw_scale_bar(&painter, rect, &pal, t.scale, ui);
        self.zoom_buttons(ui, rect);
        self.link_menu(ui, rect, shown.len(), input.links.len());

        match hovered_hub {
            Some(h) => hub_tooltip(&response, h),
            None => tooltip(ui, &response, input, hovered_arc, hovered_region),
        }
        if response.clicked() {
            out.select_link = hovered_arc.map(|a| (a.la.clone(), a.kh.clone()));
            if out.select_link.is_none() {
                let hit = response.interact_pointer_pos().and_then(|p| {
                    let [lon, lat] = t.to_lon_lat(p);
                    geography().province_at(lon, lat)
                });
                out.select_province = Some(hit.map(|r| r.id.clone()));
            }
        }
        describe(ui, &response, &painter, selected_region);
        out
    }

    /// The screen transform of the current view in `rect`.
    fn transform(&self, rect: Rect) -> ScreenTransform {
        let c = self.center.unwrap_or([104.0, 15.0]);
        ScreenTransform {
            rect,
            center: cache().projection.project(c[0], c[1]),
            scale: self.scale,
        }
    }

    /// Drag pans; the wheel and pinch zoom about the pointer.
    fn pan_and_zoom(&mut self, ui: &Ui, response: &egui::Response) {
        let rect = response.rect;
        if response.dragged() {
            let d = response.drag_delta();
            let t = self.transform(rect);
            let c = t.rect.center();
            self.center = Some(t.to_lon_lat(c - d));
        }
        if let Some(hover) = response.hover_pos() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let mut factor = f64::from(zoom);
            if scroll != 0.0 {
                factor *= f64::from((scroll / 200.0).exp());
            }
            if (factor - 1.0).abs() > 1e-4 {
                let t = self.transform(rect);
                self.zoom_about(&t, factor, hover);
            }
        }
    }

    /// With the map focused: arrows move the selection to the neighbouring
    /// province, + / - / 0 zoom and reset, Escape clears.
    fn keyboard(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        input: &MapInput,
        out: &mut MapResponse,
    ) {
        let rect = response.rect;
        let id = response.id;
        if response.clicked() {
            response.request_focus();
        }
        if response.has_focus() {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    egui::EventFilter {
                        tab: false,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: true,
                    },
                );
            });
            let (left, right, up, down, plus, minus, zero) = ui.input(|i| {
                (
                    i.key_pressed(Key::ArrowLeft),
                    i.key_pressed(Key::ArrowRight),
                    i.key_pressed(Key::ArrowUp),
                    i.key_pressed(Key::ArrowDown),
                    i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals),
                    i.key_pressed(Key::Minus),
                    i.key_pressed(Key::Num0),
                )
            });
            let dir = if left {
                Some(Vec2::new(-1.0, 0.0))
            } else if right {
                Some(Vec2::new(1.0, 0.0))
            } else if up {
                Some(Vec2::new(0.0, -1.0))
            } else if down {
                Some(Vec2::new(0.0, 1.0))
            } else {
                None
            };
            if let Some(dir) = dir {
                let from = input
                    .selected
                    .as_deref()
                    .and_then(|s| geography().region_for(s))
                    .map(|r| r.id.clone());
                let next = match from {
                    None => Some("KH-19".to_string()),
                    Some(f) => neighbour_in_direction(&f, dir),
                };
                if let Some(n) = next {
                    out.select_province = Some(Some(n));
                }
            }
            let t = self.transform(rect);
            if plus {
                self.zoom_about(&t, 1.5, rect.center());
            }
            if minus {
                self.zoom_about(&t, 1.0 / 1.5, rect.center());
            }
            if zero {
                self.reset(rect);
            }
        }
        if (response.has_focus() || response.hovered()) && ui.input(|i| i.key_pressed(Key::Escape))
        {
            out.select_province = Some(None);
        }
    }

    /// Province names, each where it fits without covering another name or
    /// the map's furniture (`covered`). What matters is named first: the
    /// selected province, the selected event's, the border provinces, then
    /// by events shown and by area.
    fn draw_labels(
        &self,
        painter: &egui::Painter,
        t: &ScreenTransform,
        pal: &Palette,
        input: &MapInput,
        selected: Option<&str>,
        covered: &[Rect],
    ) {
        let rect = t.rect;
        let cache = cache();
        let mut placed: Vec<Rect> = covered.to_vec();
        let font = FontId::proportional(12.0);
        let bold = FontId::proportional(13.0);
        let xf = t.mesh_transform();
        let sel_idx = selected.and_then(|s| cache.regions.iter().position(|c| c.region.id == s));
        let order = label_priority(&cache.regions, &cache.label_order, input, sel_idx);
        for i in order {
            let Some(c) = cache.regions.get(i) else {
                continue;
            };
            let pos = xf * c.label;
            if !rect.shrink(4.0).contains(pos) {
                continue;
            }
            // Skip provinces too small on screen for their name.
            let screen_w = c.bounds.width() * xf.scaling;
            let f = if c.is_border_province {
                bold.clone()
            } else {
                font.clone()
            };
            let galley = painter.layout_no_wrap(c.region.name.clone(), f, pal.text);
            let size = galley.size();
            if screen_w < size.x * 0.6 && Some(i) != sel_idx {
                continue;
            }
            let r = Rect::from_center_size(pos, size).expand(2.0);
            if !rect.contains_rect(r) || placed.iter().any(|p| p.intersects(r)) {
                continue;
            }
            placed.push(r);
            painter.rect_filled(r, CornerRadius::same(3), pal.halo);
            painter.galley(r.min + Vec2::splat(2.0), galley, pal.text);
        }
        place_labels(painter, t, pal, &mut placed);
    }

    /// Top left: how many links are drawn, and the choice of how many.
    fn link_menu(&mut self, ui: &mut Ui, rect: Rect, shown: usize, total: usize) {
        if total == 0 {
            return;
        }
        let at = Rect::from_min_size(rect.left_top() + Vec2::splat(8.0), LINK_MENU);
        let text = if shown < total {
            format!("{shown} of {total} links")
        } else {
            self.links.label()
        };
        ui.scope_builder(egui::UiBuilder::new().max_rect(at), |ui| {
            egui::ComboBox::from_id_salt("map_links")
                .selected_text(text)
                .show_ui(ui, |ui| {
                    for choice in LinkLimit::CHOICES {
                        ui.selectable_value(&mut self.links, choice, choice.label());
                    }
                })
                .response
                .on_hover_text(
                    "Cross-border links drawn: the strongest (most events) first; the \
                     selected link and the selected event's are always drawn",
                );
        });
    }

    fn zoom_buttons(&mut self, ui: &mut Ui, rect: Rect) {
        let size = Vec2::new(26.0, 24.0);
        let mut y = rect.top() + 8.0;
        let x = rect.right() - size.x - 8.0;
        let t = self.last;
        for (label, hint) in [
            ("+", "Zoom in"),
            ("-", "Zoom out"),
            ("R", "Reset the view to the border provinces"),
        ] {
            let r = Rect::from_min_size(Pos2::new(x, y), size);
            let b = ui.put(r, egui::Button::new(label)).on_hover_text(hint);
            if b.clicked() {
                match (label, t) {
                    ("+", Some(t)) => self.zoom_about(&t, 1.5, rect.center()),
                    ("-", Some(t)) => self.zoom_about(&t, 1.0 / 1.5, rect.center()),
                    _ => self.reset(rect),
                }
            }
            y += size.y + 4.0;
        }
    }
}

/// The arc under the pointer (within half its width and a few pixels), else
/// the province under it.
fn hover<'a>(
    arcs: &'a [Arc],
    t: &ScreenTransform,
    pointer: Option<Pos2>,
) -> (Option<&'a Arc>, Option<&'static Region>) {
    let Some(p) = pointer else {
        return (None, None);
    };
    let arc = arcs
        .iter()
        .map(|a| (polyline_distance(p, &a.points), a))
        .filter(|(d, a)| *d <= a.width / 2.0 + 4.0)
        .min_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, a)| a);
    if arc.is_some() {
        return (arc, None);
    }
    let [lon, lat] = t.to_lon_lat(p);
    (None, geography().province_at(lon, lat))
}

/// Events of a region, with those of the provinces it stands for
/// (Natural Earth predates two splits).
/// The provinces in the order their names are placed: the selected one,
/// the selected event's, the border provinces, then by events shown, the
/// larger first among equals (`by_area` is the border-then-area order).
/// After the provinces' names, where room is left: the national capitals (a
/// ringed dot and the name beside it), the country names (spaced capitals,
/// quiet, at the first of their candidate points that is free) and the rivers'
/// names (italic, beside the middle of the river's longest stretch in view).
/// `placed` holds what is already drawn; nothing overlaps it.
fn place_labels(
    painter: &egui::Painter,
    t: &ScreenTransform,
    pal: &Palette,
    placed: &mut Vec<Rect>,
) {
    let rect = t.rect.shrink(4.0);
    let xf = t.mesh_transform();
    let free =
        |r: Rect, placed: &[Rect]| rect.contains_rect(r) && !placed.iter().any(|p| p.intersects(r));
    let places = &cache().places;
    for (place, points) in places.iter().filter(|(p, _)| p.kind == PlaceKind::Capital) {
        let Some(&at) = points.first() else { continue };
        let dot = xf * at;
        let galley =
            painter.layout_no_wrap(place.name.clone(), FontId::proportional(11.0), pal.text);
        let text = Rect::from_min_size(dot + Vec2::new(7.0, -galley.size().y / 2.0), galley.size())
            .expand(1.0);
        let r = text.union(Rect::from_center_size(dot, Vec2::splat(10.0)));
        if !free(r, placed) {
            continue;
        }
        placed.push(r);
        painter.rect_filled(text, CornerRadius::same(2), pal.halo);
        painter.circle(dot, 4.0, pal.halo, Stroke::new(1.2, pal.text));
        painter.circle_filled(dot, 1.8, pal.text);
        painter.galley(text.min + Vec2::splat(1.0), galley, pal.text);
    }
    for (place, points) in places.iter().filter(|(p, _)| p.kind == PlaceKind::Country) {
        let mut job = egui::text::LayoutJob::default();
        job.append(
            &place.name,
            0.0,
            egui::TextFormat {
                font_id: FontId::proportional(15.0),
                color: pal.country_text,
                extra_letter_spacing: 3.0,
                ..Default::default()
            },
        );
        let galley = painter.layout_job(job);
        let spot = points
            .iter()
            .map(|p| Rect::from_center_size(xf * *p, galley.size()))
            .find(|r| free(*r, placed));
        if let Some(r) = spot {
            placed.push(r);
            painter.galley(r.min, galley, pal.country_text);
        }
    }
    for (river, lines) in &cache().rivers {
        // The longest stretch in view, and the point halfway along it.
        let visible: Vec<Vec<Pos2>> = lines
            .iter()
            .flat_map(|l| {
                l.iter()
                    .map(|p| xf * *p)
                    .collect::<Vec<_>>()
                    .split(|p| !rect.contains(*p))
                    .map(<[Pos2]>::to_vec)
                    .collect::<Vec<_>>()
            })
            .collect();
        let length = |l: &[Pos2]| l.windows(2).map(|w| w[0].distance(w[1])).sum::<f32>();
        let Some(best) = visible
            .iter()
            .max_by(|a, b| length(a).total_cmp(&length(b)))
        else {
            continue;
        };
        let mut job = egui::text::LayoutJob::default();
        job.append(
            &river.name,
            0.0,
            egui::TextFormat {
                font_id: FontId::proportional(11.0),
                color: pal.river,
                italics: true,
                ..Default::default()
            },
        );
        let galley = painter.layout_job(job);
        if length(best) < galley.size().x * 3.0 {
            continue;
        }
        let mut walked = 0.0;
        let half = length(best) / 2.0;
        let Some(mid) = best.windows(2).find_map(|w| {
            walked += w[0].distance(w[1]);
            (walked >= half).then_some(w[1])
        }) else {
            continue;
        };
        // Beside the river, on whichever side is free.
        let size = galley.size();
        let spot = [
            Vec2::new(6.0, -size.y / 2.0),
            Vec2::new(-6.0 - size.x, -size.y / 2.0),
        ]
        .into_iter()
        .map(|d| Rect::from_min_size(mid + d, size))
        .find(|r| free(*r, placed));
        if let Some(r) = spot {
            placed.push(r);
            painter.rect_filled(r.expand(1.0), CornerRadius::same(2), pal.halo);
            painter.galley(r.min, galley, pal.river);
        }
    }
}

fn label_priority(
    regions: &[CachedRegion],
    by_area: &[usize],
    input: &MapInput,
    selected: Option<usize>,
) -> Vec<usize> {
    let mut order = by_area.to_vec();
    order.sort_by_key(|&i| {
        let c = &regions[i];
        let in_event = input.highlighted.iter().any(|h| {
            geography()
                .region_for(h)
                .is_some_and(|g| g.id == c.region.id)
        });
        (
            Some(i) != selected,
            !in_event,
            !c.is_border_province,
            std::cmp::Reverse(count_of(input, c.region)),
        )
    });
    order
}

fn count_of(input: &MapInput, r: &Region) -> usize {
    input.counts.get(&r.id).copied().unwrap_or(0)
        + r.covers
            .iter()
            .map(|c| input.counts.get(c).copied().unwrap_or(0))
            .sum::<usize>()
}

/// What one frame paints, layer by layer.
struct Layers<'a> {
    painter: &'a egui::Painter,
    pal: &'a Palette,
    t: &'a ScreenTransform,
    input: &'a MapInput,
    selected_region: Option<&'a str>,
    hovered_region: Option<&'static Region>,
    view: Rect,
    visible: Vec<&'static CachedRegion>,
}

impl Layers<'_> {
    /// The view in the cached meshes' coordinates, and the regions in it
    /// (found once a frame, for the fills and the outlines).
    fn in_view(t: &ScreenTransform) -> (Rect, Vec<&'static CachedRegion>) {
        let xf = t.mesh_transform();
        let view = Rect::from_min_max(xf.inverse() * t.rect.min, xf.inverse() * t.rect.max);
        let visible = cache()
            .regions
            .iter()
            .filter(|c| c.bounds.intersects(view))
            .collect();
        (view, visible)
    }

    /// Water, then land: provinces coloured by their events (selected and
    /// hovered tinted), neighbouring countries quiet, lakes on top.
    fn regions(&self, classes: &Classes) {
        let (pal, xf) = (self.pal, self.t.mesh_transform());
        let rect = self.t.rect;
        self.painter
            .rect_filled(rect, CornerRadius::ZERO, pal.water);
        let mut mesh = Mesh::default();
        for c in &self.visible {
            let r = c.region;
            let mut color = if r.is_province() {
                pal.fill(count_of(self.input, r), classes)
            } else {
                pal.land_context
            };
            if self.selected_region == Some(r.id.as_str()) {
                color = lerp_color(color, pal.highlight, 0.35);
            } else if self.hovered_region.is_some_and(|h| h.id == r.id) {
                color = lerp_color(color, pal.highlight, 0.18);
            }
            // A selected event stands out: its provinces tinted, the rest
            // faded toward the land around them.
            if !self.input.highlighted.is_empty() && r.is_province() {
                color = pal.emphasis(color, self.is_highlighted(r));
            }
            add_mesh(&mut mesh, &c.mesh, xf, color);
        }
        for c in cache()
            .lakes
            .iter()
            .filter(|c| c.bounds.intersects(self.view))
        {
            add_mesh(&mut mesh, &c.mesh, xf, pal.water);
        }
        self.painter.add(Shape::mesh(mesh));
    }

    /// Rivers over the land and under the borders (the Mekong is one for long
    /// stretches): the main river wider than its tributaries.
    fn rivers(&self) {
        let xf = self.t.mesh_transform();
        for (river, lines) in &cache().rivers {
            let width = match river.rank {
                0 | 1 => 2.0,
                2 => 1.4,
                _ => 1.0,
            };
            let stroke = Stroke::new(width, self.pal.river);
            for l in lines {
                self.painter
                    .add(Shape::line(l.iter().map(|p| xf * *p).collect(), stroke));
            }
        }
    }

    /// Multilateral events: spokes from a node to each province, the node
    /// ringed; emphasised like an arc when hovered or the selected event's.
    fn hubs(&self, hubs: &[Hub], hovered: Option<&Hub>) {
        let focused = !self.input.highlighted.is_empty();
        for h in hubs {
            let bright = h.selected || hovered.is_some_and(|x| std::ptr::eq(x, h));
            let color = self.pal.arc_color(bright, focused);
            for s in &h.spokes {
                self.painter
                    .line_segment([h.center, *s], Stroke::new(h.width, color));
                self.painter.circle_filled(*s, h.width * 0.6 + 1.0, color);
            }
            self.painter.circle_filled(h.center, h.radius, color);
            self.painter
                .circle_stroke(h.center, h.radius, Stroke::new(1.5, self.pal.text));
        }
    }

    /// Outlines (context land quiet, provinces 1 px), national borders (the
    /// Laos–Cambodia one distinct), then highlighted, hovered and selected
    /// provinces on top.
    fn outlines(&self) {
        let (pal, xf) = (self.pal, self.t.mesh_transform());
        let mut shapes: Vec<Shape> = Vec::new();
        for c in &self.visible {
            let stroke = if c.region.is_province() {
                Stroke::new(1.0, pal.outline)
            } else {
                Stroke::new(1.0, pal.context_outline)
            };
            for ring in &c.rings {
                shapes.push(Shape::closed_line(
                    ring.iter().map(|p| xf * *p).collect(),
                    stroke,
                ));
            }
        }
        for (is_la_kh, lines) in &cache().borders {
            let stroke = if *is_la_kh {
                Stroke::new(2.5, pal.la_kh)
            } else {
                Stroke::new(1.5, pal.national)
            };
            for l in lines {
                shapes.push(Shape::line(l.iter().map(|p| xf * *p).collect(), stroke));
            }
        }
        let outline_of = |id: &str, stroke: Stroke, shapes: &mut Vec<Shape>| {
            if let Some(c) = geography()
                .region_for(id)
                .and_then(|r| cache().regions.iter().find(|c| c.region.id == r.id))
            {
                for ring in &c.rings {
                    shapes.push(Shape::closed_line(
                        ring.iter().map(|p| xf * *p).collect(),
                        stroke,
                    ));
                }
            }
        };
        for h in &self.input.highlighted {
            outline_of(h, Stroke::new(2.0, pal.highlight), &mut shapes);
        }
        if let Some(h) = self.hovered_region {
            outline_of(&h.id, Stroke::new(1.5, pal.text), &mut shapes);
        }
        if let Some(s) = self.selected_region {
            outline_of(s, Stroke::new(2.5, pal.text), &mut shapes);
        }
        self.painter.extend(shapes);
    }

    /// Whether `r` is one of the selected event's provinces.
    fn is_highlighted(&self, r: &Region) -> bool {
        self.input
            .highlighted
            .iter()
            .any(|h| geography().region_for(h).is_some_and(|g| g.id == r.id))
    }

    /// The links across the border; the selected or hovered one bright, and
    /// while an event is selected, its own links bright and the others faint.
    fn arcs(&self, arcs: &[Arc], hovered: Option<&Arc>) {
        let event_links = |a: &Arc| {
            let has = |id: &str| self.input.highlighted.iter().any(|h| h == id);
            has(&a.la) && has(&a.kh)
        };
        for a in arcs {
            let is_sel = self
                .input
                .selected_link
                .as_ref()
                .is_some_and(|(x, y)| *x == a.la && *y == a.kh);
            let is_hover = hovered.is_some_and(|h| std::ptr::eq(h, a));
            let focused = !self.input.highlighted.is_empty();
            let color = self
                .pal
                .arc_color(is_sel || is_hover || (focused && event_links(a)), focused);
            self.painter
                .add(Shape::line(a.points.clone(), Stroke::new(a.width, color)));
            if let (Some(s), Some(e)) = (a.points.first(), a.points.last()) {
                self.painter.circle_filled(*s, a.width * 0.6 + 1.0, color);
                self.painter.circle_filled(*e, a.width * 0.6 + 1.0, color);
            }
        }
    }
}

/// Append a cached mesh, moved to the screen and filled with `color`.
fn add_mesh(into: &mut Mesh, from: &Mesh, xf: egui::emath::TSTransform, color: Color32) {
    let base = into.vertices.len() as u32;
    into.vertices
        .extend(from.vertices.iter().map(|v| egui::epaint::Vertex {
            pos: xf * v.pos,
            uv: v.uv,
            color,
        }));
    into.indices.extend(from.indices.iter().map(|i| i + base));
}

/// The tooltip of the hovered link or province: names, codes, counts.
fn tooltip(
    ui: &Ui,
    response: &egui::Response,
    input: &MapInput,
    hovered_arc: Option<&Arc>,
    hovered_region: Option<&Region>,
) {
    if let Some(a) = hovered_arc {
        let name = |id: &str| {
            geography()
                .region_for(id)
                .map(|r| r.name.clone())
                .unwrap_or_else(|| id.to_string())
        };
        let text = format!(
            "{} – {}: {} event{}",
            name(&a.la),
            name(&a.kh),
            a.count,
            if a.count == 1 { "" } else { "s" }
        );
        response.clone().on_hover_text_at_pointer(text);
    } else if let Some(r) = hovered_region {
        let n = count_of(input, r);
        let country = if r.country == "LA" {
            "Laos"
        } else {
            "Cambodia"
        };
        let native = crate::gazetteer::gazetteer()
            .province(&r.id)
            .map(|p| p.native_name.clone())
            .filter(|s| !s.is_empty())
            .filter(|s| {
                let font = FontId::proportional(14.0);
                ui.ctx().fonts_mut(|f| f.has_glyphs(&font, s))
            });
        let mut text = r.name.clone();
        if let Some(nat) = native {
            text.push_str(&format!(" ({nat})"));
        }
        text.push_str(&format!("\n{country} · {}", r.id));
        if !r.covers.is_empty() {
            text.push_str(&format!(" (includes {})", r.covers.join(", ")));
        }
        text.push_str(&format!("\n{n} event{}", if n == 1 { "" } else { "s" }));
        response.clone().on_hover_text_at_pointer(text);
    }
}

/// What a screen reader hears, and the focus ring.
fn describe(ui: &Ui, response: &egui::Response, painter: &egui::Painter, selected: Option<&str>) {
    let sel_name = selected
        .and_then(|s| geography().region(s))
        .map(|r| r.name.clone());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            match &sel_name {
                Some(n) => format!("Province map of Laos and Cambodia, {n} selected. Arrow keys change the province, Escape clears."),
                None => "Province map of Laos and Cambodia. Arrow keys select a province.".to_string(),
            },
        )
    });
    if response.has_focus() {
        painter.rect_stroke(
            response.rect.shrink(1.0),
            CornerRadius::ZERO,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
}

/// The province whose label lies nearest to `from`'s label in direction `dir` (screen
/// directions: y down), favouring provinces straight ahead.
fn neighbour_in_direction(from: &str, dir: Vec2) -> Option<String> {
    let cache = cache();
    let start = cache.regions.iter().find(|c| c.region.id == from)?.label;
    cache
        .regions
        .iter()
        .filter(|c| c.region.is_province() && c.region.id != from)
        .filter_map(|c| {
            let d = c.label - start;
            let along = d.dot(dir);
            if along <= 1e-6 {
                return None;
            }
            let across = (d - dir * along).length();
            Some((along + 2.0 * across, c))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.region.id.clone())
}

/// Control points of the quadratic Bézier arc from `p0` to `p2`: it bows to the left of the
/// direction of travel by a quarter of its length.
fn arc_controls(p0: Pos2, p2: Pos2) -> [Pos2; 3] {
    let d = p2 - p0;
    let mid = p0 + d * 0.5;
    [p0, mid + Vec2::new(d.y, -d.x) * 0.25, p2]
}

fn build_arcs(links: &[&(String, String, usize)], t: &ScreenTransform, max: usize) -> Vec<Arc> {
    let g = geography();
    links
        .iter()
        .filter(|l| l.2 > 0)
        .filter_map(|(la, kh, n)| {
            let a = g.region_for(la)?.label;
            let b = g.region_for(kh)?.label;
            let (p0, p2) = (t.to_screen(a[0], a[1]), t.to_screen(b[0], b[1]));
            let [p0, p1, p2] = arc_controls(p0, p2);
            let steps = 24;
            let points = (0..=steps)
                .map(|i| {
                    let s = i as f32 / steps as f32;
                    let u = 1.0 - s;
                    Pos2::new(
                        u * u * p0.x + 2.0 * u * s * p1.x + s * s * p2.x,
                        u * u * p0.y + 2.0 * u * s * p1.y + s * s * p2.y,
                    )
                })
                .collect();
            let width = 1.5 + 5.0 * (*n as f32 / max.max(1) as f32).sqrt();
            Some(Arc {
                la: la.clone(),
                kh: kh.clone(),
                count: *n,
                points,
                width,
            })
        })
        .collect()
}

/// A multilateral event set drawn as a hub: a node at the middle of its
/// provinces with a spoke to each.
struct Hub {
    provinces: Vec<String>,
    count: usize,
    center: Pos2,
    spokes: Vec<Pos2>,
    width: f32,
    radius: f32,
    /// Its provinces are the selected event's.
    selected: bool,
}

/// How many hubs are drawn at most: the strongest (and the selected event's).
const MAX_HUBS: usize = 12;

/// The hubs to draw: the strongest `MAX_HUBS` sets and the selected event's,
/// their spokes as wide as an arc of the same count.
fn build_hubs(
    hubs: &[(Vec<String>, usize)],
    highlighted: &[String],
    t: &ScreenTransform,
    max: usize,
) -> Vec<Hub> {
    let g = geography();
    let is_selected =
        |ids: &[String]| !highlighted.is_empty() && ids.iter().all(|id| highlighted.contains(id));
    let mut order: Vec<&(Vec<String>, usize)> = hubs.iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    order
        .into_iter()
        .enumerate()
        .filter(|(i, h)| *i < MAX_HUBS || is_selected(&h.0))
        .filter_map(|(_, (ids, n))| {
            let spokes: Vec<Pos2> = ids
                .iter()
                .filter_map(|id| g.region_for(id))
                .map(|r| t.to_screen(r.label[0], r.label[1]))
                .collect();
            if spokes.len() < 2 {
                return None;
            }
            let sum = spokes.iter().fold(Vec2::ZERO, |s, p| s + p.to_vec2());
            let center = (sum / spokes.len() as f32).to_pos2();
            let width = 1.5 + 5.0 * (*n as f32 / max.max(1) as f32).sqrt();
            Some(Hub {
                provinces: ids.clone(),
                count: *n,
                center,
                spokes,
                width,
                radius: width + 3.0,
                selected: is_selected(ids),
            })
        })
        .collect()
}

/// What a hub stands for, on hover.
fn hub_tooltip(response: &egui::Response, hub: &Hub) {
    let names: Vec<String> = hub
        .provinces
        .iter()
        .map(|p| super::province_name(p))
        .collect();
    let text = format!(
        "{} of {} provinces: {}",
        super::count(hub.count, "event", "events"),
        names.len(),
        names.join(", ")
    );
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.label(text);
    });
}

/// Size of the links menu at the map's top left.
const LINK_MENU: Vec2 = Vec2::new(150.0, 20.0);

/// Legend swatch size.
const SWATCH: Vec2 = Vec2::new(18.0, 12.0);

/// What a legend entry shows before its words.
#[derive(Clone, Copy)]
enum LegendKey {
    Swatch(Color32),
    Line(Stroke),
    /// A hub: a ringed node with two spokes.
    Hub(Stroke),
}

/// The legend laid out for this frame: its background and its entries (key, words,
/// top-left corner of the key).
struct Legend {
    rect: Rect,
    entries: Vec<(LegendKey, std::sync::Arc<egui::Galley>, Pos2)>,
}

impl Legend {
    /// Bottom left of the map `rect`: a title, then the classes ("none", then each
    /// range) flowing in rows, then what the lines mean; at most about 420 px wide.
    fn layout(
        painter: &egui::Painter,
        rect: Rect,
        pal: &Palette,
        classes: &Classes,
        hubs: bool,
    ) -> Self {
        let font = FontId::proportional(11.0);
        let (pad, gap, row_h) = (6.0, 10.0, SWATCH.y + 4.0);
        // Beside the scale bar (bottom right, 140 px), never under it.
        let max_w = (rect.width() - 170.0).clamp(120.0, 420.0) - 2.0 * pad;
        let swatches = std::iter::once((LegendKey::Swatch(pal.province), "none".to_string()))
            .chain((0..classes.ranges().len()).map(|i| {
                let color = lerp_color(pal.ramp_lo, pal.ramp_hi, classes.step(i));
                (LegendKey::Swatch(color), classes.label(i))
            }));
        let mut lines: Vec<(LegendKey, String)> = vec![(
            LegendKey::Line(Stroke::new(3.0, pal.arc)),
            "events linking both".to_string(),
        )];
        if hubs {
            lines.push((
                LegendKey::Hub(Stroke::new(2.0, pal.arc)),
                "events of 3+ provinces".to_string(),
            ));
        }
        lines.push((
            LegendKey::Line(Stroke::new(2.0, pal.la_kh)),
            "Laos–Cambodia border".to_string(),
        ));
        // Positions relative to the legend's top-left corner, laid out in rows.
        let mut entries = Vec::new();
        let (mut x, mut y, mut width) = (0.0f32, 18.0f32, 40.0f32);
        let groups: [Vec<(LegendKey, String)>; 2] = [swatches.collect(), lines];
        for group in groups {
            for (key, text) in group {
                let galley = painter.layout_no_wrap(text, font.clone(), pal.text);
                let w = SWATCH.x + 4.0 + galley.size().x;
                if x > 0.0 && x + w > max_w {
                    (x, y) = (0.0, y + row_h);
                }
                entries.push((key, galley, Pos2::new(x, y)));
                width = width.max(x + w);
                x += w + gap;
            }
            (x, y) = (0.0, y + row_h);
        }
        let size = Vec2::new(width + 2.0 * pad, y + pad - 2.0);
        let min = Pos2::new(rect.left() + 8.0, rect.bottom() - size.y - 8.0);
        let offset = min.to_vec2() + Vec2::new(pad, 0.0);
        Legend {
            rect: Rect::from_min_size(min, size),
            entries: entries
                .into_iter()
                .map(|(k, g, p)| (k, g, p + offset))
                .collect(),
        }
    }

    fn paint(&self, painter: &egui::Painter, pal: &Palette, ui: &Ui) {
        painter.rect_filled(
            self.rect,
            CornerRadius::same(4),
            ui.visuals().extreme_bg_color.gamma_multiply(0.9),
        );
        painter.text(
            self.rect.min + Vec2::new(6.0, 3.0),
            Align2::LEFT_TOP,
            "Events",
            FontId::proportional(11.0),
            pal.text,
        );
        for (key, galley, at) in &self.entries {
            let r = Rect::from_min_size(*at, SWATCH);
            match *key {
                LegendKey::Swatch(color) => {
                    painter.rect_filled(r, CornerRadius::ZERO, color);
                    painter.rect_stroke(
                        r,
                        CornerRadius::ZERO,
                        Stroke::new(1.0, pal.outline),
                        egui::StrokeKind::Inside,
                    );
                }
                LegendKey::Line(stroke) => {
                    painter.line_segment([r.left_center(), r.right_center()], stroke);
                }
                LegendKey::Hub(stroke) => {
                    painter.line_segment([r.left_bottom(), r.center()], stroke);
                    painter.line_segment([r.right_bottom(), r.center()], stroke);
                    painter.line_segment([r.center_top(), r.center()], stroke);
                    painter.circle_filled(r.center(), 3.5, stroke.color);
                    painter.circle_stroke(r.center(), 3.5, Stroke::new(1.0, pal.text));
                }
            }
            let text_at = Pos2::new(r.right() + 4.0, r.center().y - galley.size().y / 2.0);
            painter.galley(text_at, galley.clone(), pal.text);
        }
    }
}

fn draw_scale_bar(painter: &egui::Painter, rect: Rect, pal: &Palette, scale: f64, _ui: &Ui) {
    let px_per_km = scale / Projection::KM_PER_UNIT;
    if px_per_km <= 0.0 {
        return;
    }
    let target_km = 110.0 / px_per_km;
    let mag = 10f64.powf(target_km.log10().floor());
    // The round length (1, 2 or 5 × 10ⁿ km) nearest to ~110 px.
    let km = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .min_by(|a, b| {
            (a / target_km)
                .ln()
                .abs()
                .total_cmp(&(b / target_km).ln().abs())
        })
        .unwrap_or(mag);
    let w = (km * px_per_km) as f32;
    let y = rect.bottom() - 14.0;
    let x1 = rect.right() - 14.0;
    let x0 = x1 - w;
    let stroke = Stroke::new(2.0, pal.text);
    painter.rect_filled(
        Rect::from_min_max(Pos2::new(x0 - 6.0, y - 18.0), Pos2::new(x1 + 6.0, y + 6.0)),
        CornerRadius::same(3),
        pal.halo,
    );
    painter.line_segment([Pos2::new(x0, y), Pos2::new(x1, y)], stroke);
    painter.line_segment([Pos2::new(x0, y - 5.0), Pos2::new(x0, y)], stroke);
    painter.line_segment([Pos2::new(x1, y - 5.0), Pos2::new(x1, y)], stroke);
    let label = if km >= 1.0 {
        format!("{km:.0} km")
    } else {
        format!("{:.0} m", km * 1000.0)
    };
    painter.text(
        Pos2::new((x0 + x1) / 2.0, y - 4.0),
        Align2::CENTER_BOTTOM,
        label,
        FontId::proportional(11.0),
        pal.text,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link across the border is drawn in a colour no event kind uses, in
    /// either theme, so that it never reads as "a visit".
    #[test]
    fn links_do_not_wear_an_event_kinds_colour() {
        use crate::model::EventKind;
        for visuals in [egui::Visuals::dark(), egui::Visuals::light()] {
            let pal = Palette::new(&visuals);
            for kind in EventKind::ALL {
                let k = super::super::kind_color(kind);
                let (a, b) = (pal.arc.to_srgba_unmultiplied(), k.to_srgba_unmultiplied());
                let distance: i32 = (0..3)
                    .map(|i| (i32::from(a[i]) - i32::from(b[i])).abs())
                    .sum();
                assert!(distance > 100, "{kind:?} {b:?} vs link {a:?}");
            }
        }
    }

    #[test]
    fn labels_go_to_the_selected_then_the_event_then_the_busiest_border_provinces() {
        let c = cache();
        let idx = |id: &str| {
            c.regions
                .iter()
                .position(|r| r.region.id == id)
                .unwrap_or_else(|| panic!("{id} on the map"))
        };
        let rank = |order: &[usize], id: &str| order.iter().position(|&i| i == idx(id));
        let mut input = MapInput::default();
        input.counts.insert("KH-19".into(), 20);
        input.counts.insert("KH-13".into(), 2);
        let order = label_priority(&c.regions, &c.label_order, &input, None);
        // Stung Treng, busier, before the larger Preah Vihear.
        assert!(rank(&order, "KH-19") < rank(&order, "KH-13"));
        // Border provinces before a busier inland one.
        input.counts.insert("KH-10".into(), 50);
        let order = label_priority(&c.regions, &c.label_order, &input, None);
        assert!(rank(&order, "KH-13") < rank(&order, "KH-10"));
        // The selected event's provinces, and above all the selected one.
        input.highlighted = vec!["KH-16".into()];
        let order = label_priority(&c.regions, &c.label_order, &input, Some(idx("LA-AT")));
        assert_eq!(rank(&order, "LA-AT"), Some(0));
        assert_eq!(rank(&order, "KH-16"), Some(1));
    }

    #[test]
    fn a_selected_event_stands_out_and_the_rest_fades() {
        for dark in [true, false] {
            let visuals = if dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            let pal = Palette::new(&visuals);
            let fill = pal.fill(5, &Classes::of([1, 5, 10]));
            let distance = |a: Color32, b: Color32| {
                (i32::from(a.r()) - i32::from(b.r())).abs()
                    + (i32::from(a.g()) - i32::from(b.g())).abs()
                    + (i32::from(a.b()) - i32::from(b.b())).abs()
            };
            let faded = pal.emphasis(fill, false);
            assert!(distance(faded, pal.land_context) < distance(fill, pal.land_context));
            let tinted = pal.emphasis(fill, true);
            assert!(distance(tinted, pal.highlight) < distance(fill, pal.highlight));
            // The event's own links are bright, the others fainter than usual.
            assert_eq!(pal.arc_color(true, true), pal.arc_hover);
            assert!(pal.arc_color(false, true).a() < pal.arc_color(false, false).a());
        }
    }

    #[test]
    fn keyboard_neighbours_go_the_right_way() {
        // From Stung Treng, north is Laos (Champasak or Attapeu), east is Ratanakiri.
        let north = neighbour_in_direction("KH-19", Vec2::new(0.0, -1.0)).unwrap();
        assert!(north.starts_with("LA-"), "{north}");
        assert_eq!(
            neighbour_in_direction("KH-19", Vec2::new(1.0, 0.0)).as_deref(),
            Some("KH-16")
        );
    }

    #[test]
    fn transform_round_trips() {
        let t = ScreenTransform {
            rect: Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0)),
            center: cache().projection.project(105.5, 14.0),
            scale: 300.0,
        };
        let p = t.to_screen(106.0, 13.5);
        let back = t.to_lon_lat(p);
        assert!(
            (back[0] - 106.0).abs() < 1e-4 && (back[1] - 13.5).abs() < 1e-4,
            "{back:?}"
        );
        // The mesh transform agrees with to_screen.
        let xy = cache().projection.project(106.0, 13.5);
        let m = t.mesh_transform() * Pos2::new(xy[0] as f32, -xy[1] as f32);
        assert!((m - p).length() < 0.05, "{m:?} vs {p:?}");
    }

    #[test]
    fn choropleth_is_neutral_at_zero_and_monotonic() {
        let pal = Palette::new(&egui::Visuals::light());
        let classes = Classes::of([1, 10]);
        assert_eq!(pal.fill(0, &classes), pal.province);
        let lum = |c: Color32| u32::from(c.r()) + u32::from(c.g()) + u32::from(c.b());
        assert!(
            lum(pal.fill(1, &classes)) > lum(pal.fill(10, &classes)),
            "darker with more events (light theme)"
        );
        let dark = Palette::new(&egui::Visuals::dark());
        assert_eq!(dark.fill(0, &classes), dark.province);
        assert_ne!(dark.province, pal.province);
    }

    #[test]
    fn only_the_strongest_links_are_drawn_but_the_selected_ones_always() {
        let link = |la: &str, kh: &str, n| (la.to_string(), kh.to_string(), n);
        let links = vec![
            link("LA-CH", "KH-19", 9),
            link("LA-CH", "KH-13", 1),
            link("LA-AT", "KH-16", 4),
            link("LA-AT", "KH-19", 4),
            link("LA-SL", "KH-13", 2),
        ];
        let names =
            |v: Vec<&(String, String, usize)>| -> Vec<usize> { v.iter().map(|l| l.2).collect() };
        let none = |_: &(String, String, usize)| false;
        assert_eq!(names(LinkLimit::All.apply(&links, none)), [9, 1, 4, 4, 2]);
        assert!(LinkLimit::Hidden.apply(&links, none).is_empty());
        // The cut falls inside a tie: both fours stay, in their order.
        assert_eq!(
            names(LinkLimit::Strongest(2).apply(&links, none)),
            [9, 4, 4]
        );
        assert_eq!(names(LinkLimit::Strongest(1).apply(&links, none)), [9]);
        assert_eq!(
            names(LinkLimit::Strongest(20).apply(&links, none)),
            [9, 1, 4, 4, 2]
        );
        // The selected link is drawn whatever the limit.
        let selected = |l: &(String, String, usize)| l.1 == "KH-13" && l.0 == "LA-CH";
        assert_eq!(
            names(LinkLimit::Strongest(1).apply(&links, selected)),
            [9, 1]
        );
        assert_eq!(names(LinkLimit::Hidden.apply(&links, selected)), [1]);
    }

    #[test]
    fn few_distinct_counts_are_each_a_class() {
        let c = Classes::of([0, 3, 1, 3, 7, 0]);
        assert_eq!(c.ranges(), [(1, 1), (3, 3), (7, 7)]);
        assert_eq!(c.index(0), None);
        assert_eq!(c.index(3), Some(1));
        assert_eq!(c.label(2), "7");
    }

    #[test]
    fn class_breaks_keep_the_busiest_provinces_apart_at_any_corpus_size() {
        // Five border provinces with thousands of events, many others with a few: a
        // linear or log ramp puts the border provinces in one colour.
        for scale in [1, 10, 1_000] {
            let mut counts = vec![1, 1, 2, 2, 3, 4, 5, 6, 8, 9];
            counts.extend([120, 180, 260, 900, 1400].map(|c| c * scale));
            let c = Classes::of(counts.iter().copied());
            assert_eq!(c.ranges().len(), 5, "{:?}", c.ranges());
            // Contiguous, ascending, covering every count.
            for w in c.ranges().windows(2) {
                assert_eq!(w[0].1 + 1, w[1].0, "{:?}", c.ranges());
            }
            assert_eq!(c.ranges()[0].0, 1);
            assert_eq!(c.ranges()[4].1, 1400 * scale);
            // The two busiest provinces never share the class of the quiet ones.
            let quiet = c.index(9).unwrap_or(0);
            assert!(c.index(900 * scale).unwrap_or(0) > quiet);
            assert!(c.index(1400 * scale) > c.index(120 * scale));
        }
        assert_eq!(Classes::of([12_000, 340]).label(1), "12,000");
    }
}
