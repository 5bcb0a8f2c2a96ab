//! The timeline: a horizontal time axis over the filtered events, painted by hand.
//!
//! Wheel zooms about the pointer, drag pans, shift-drag brushes a time range (which filters
//! everything), "Fit" frames the filtered events. Ticks adapt (years → months → days).
//! Day-precision events are dots; month/year-precision events are bars over their span.
//! Events with an unknown year or no date are never placed: they are counted and listed
//! apart. Lanes by country pair or by province; dots closer than a few pixels aggregate
//! into one marker with a count, bars over the same pixels into one bar; off-screen
//! markers are culled.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use super::{date_label, kind_color, province_name, Command, ViewCtx};
use crate::corpus::EventKey;
use crate::model::{EventKind, Precision};

/// How events are split into lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum LaneMode {
    #[default]
    CountryPair,
    Province,
}

/// Timeline state. The lane mode persists; the visible window is runtime.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Timeline {
    pub lanes: LaneMode,
    /// Visible window in days from the common era (fractional).
    #[serde(skip)]
    pub view: Option<(f64, f64)>,
    /// The user zoomed or panned: do not refit automatically.
    #[serde(skip)]
    user_moved: bool,
    /// The generation/filter length the view was fitted to.
    #[serde(skip)]
    fitted_for: Option<(u64, usize)>,
    /// Shift-drag in progress: start and current day.
    #[serde(skip)]
    brush: Option<(f64, f64)>,
    /// The plot area on the last frame (for tests and keyboard helpers).
    #[serde(skip)]
    last_plot: Option<Rect>,
    /// Lanes and the unplaceable events of the current filtered set, rebuilt only when the
    /// corpus, the filter or the lane mode changes (not every frame).
    #[serde(skip)]
    cache: Option<LaneCache>,
    /// How many lanes were drawn as histograms on the last frame.
    #[serde(skip)]
    histogram_lanes: usize,
}

/// What identifies a filtered event set: corpus generation, filter, lane mode, and the
/// length and ends of the filtered list (a cheap guard for callers that pass their own list).
type CacheKey = (
    u64,
    crate::corpus::Filter,
    LaneMode,
    usize,
    Option<EventKey>,
    Option<EventKey>,
);

/// One lane, ready to draw.
#[derive(Debug, Clone)]
struct Lane {
    label: String,
    /// Month/year-precision events, sorted by start.
    spans: Vec<LaneItem>,
    /// Day-precision events, in filtered (chronological) order.
    points: Vec<LaneItem>,
}

#[derive(Debug, Clone)]
struct LaneCache {
    key: CacheKey,
    lanes: Vec<Lane>,
    unknown_year: Vec<EventKey>,
    undated: Vec<EventKey>,
}

/// Day number of a date (days from the common era).
pub fn day_of(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

/// The date containing day number `t`.
pub fn date_of(t: f64) -> Option<NaiveDate> {
    let t = t.floor();
    if !(f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&t) {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(t as i32)
}

const MIN_SPAN_DAYS: f64 = 3.0;
const MAX_SPAN_DAYS: f64 = 365.25 * 300.0;

/// A tick step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Days(u32),
    Months(u32),
    Years(i32),
}

/// The finest step whose ticks are at least `min_px` apart at `px_per_day`.
pub fn choose_step(px_per_day: f64, min_px: f64) -> Step {
    let candidates = [
        (Step::Days(1), 1.0),
        (Step::Days(2), 2.0),
        (Step::Days(7), 7.0),
        (Step::Days(14), 14.0),
        (Step::Months(1), 30.44),
        (Step::Months(2), 60.9),
        (Step::Months(3), 91.3),
        (Step::Months(6), 182.6),
        (Step::Years(1), 365.25),
        (Step::Years(2), 730.5),
        (Step::Years(5), 1826.0),
        (Step::Years(10), 3652.5),
        (Step::Years(20), 7305.0),
        (Step::Years(50), 18262.0),
    ];
    for (step, days) in candidates {
        if days * px_per_day >= min_px {
            return step;
        }
    }
    Step::Years(100)
}

/// Ticks (day number, label) within `[t0, t1]`.
pub fn ticks(t0: f64, t1: f64, step: Step) -> Vec<(f64, String)> {
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut out = Vec::new();
    let (Some(start), Some(_)) = (date_of(t0), date_of(t1)) else {
        return out;
    };
    match step {
        Step::Days(n) => {
            let mut t = t0.floor();
            if n == 7 || n == 14 {
                // Align weeks on Mondays.
                t -= f64::from(start.weekday().num_days_from_monday());
            }
            while t <= t1 && out.len() < 500 {
                if t >= t0 {
                    if let Some(d) = date_of(t) {
                        let m = MON.get(d.month0() as usize).copied().unwrap_or("");
                        let label = if d.day() == 1 && d.month() == 1 {
                            format!("{} {m} {}", d.day(), d.year())
                        } else {
                            format!("{} {m}", d.day())
                        };
                        out.push((t, label));
                    }
                }
                t += f64::from(n);
            }
        }
        Step::Months(n) => {
            let mut y = start.year();
            let mut m = start.month0() / n * n; // 0-based, aligned
            while out.len() < 500 {
                let Some(d) = NaiveDate::from_ymd_opt(y, m + 1, 1) else {
                    break;
                };
                let t = day_of(d);
                if t > t1 {
                    break;
                }
                if t >= t0 {
                    let name = MON.get(m as usize).copied().unwrap_or("");
                    let label = if m == 0 || out.is_empty() {
                        format!("{name} {y}")
                    } else {
                        name.to_string()
                    };
                    out.push((t, label));
                }
                m += n;
                if m >= 12 {
                    m -= 12;
                    y += 1;
                }
            }
        }
        Step::Years(n) => {
            let mut y = start.year().div_euclid(n) * n;
            while out.len() < 500 {
                let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) else {
                    break;
                };
                let t = day_of(d);
                if t > t1 {
                    break;
                }
                if t >= t0 {
                    out.push((t, y.to_string()));
                }
                y += n;
            }
        }
    }
    out
}

/// An event in a lane: the days it covers, and whether it is dated to the day.
#[derive(Debug, Clone, Copy)]
struct LaneItem {
    start: f64,
    end: f64,
    key: EventKey,
    kind: EventKind,
    point: bool,
}

/// One drawn marker (maybe several aggregated events), or a histogram bin.
struct Marker {
    rect: Rect,
    keys: Vec<EventKey>,
    bin: Option<Bin>,
}

/// A histogram bin: the days it covers and its events by kind.
struct Bin {
    t0: f64,
    t1: f64,
    counts: Vec<(EventKind, usize)>,
}

/// Day-dated events closer than this many pixels apart on average turn a lane
/// into a histogram: dots and their counts would overlap.
const HISTOGRAM_PX_PER_EVENT: f32 = 6.0;
/// Width of a histogram bin, pixels.
const BIN_PX: f32 = 6.0;

/// A bar on the timeline: its left and right x, and the events it stands for.
struct Bar {
    left: f32,
    right: f32,
    events: Vec<(EventKey, EventKind)>,
}

/// The colour of the events' kind when they all have the same one.
fn same_kind_color(evs: &[(EventKey, EventKind)]) -> Option<Color32> {
    let (_, first) = evs.first()?;
    evs.iter()
        .all(|(_, k)| k == first)
        .then(|| kind_color(*first))
}

fn lane_label(mode: LaneMode, key: &str) -> String {
    match mode {
        LaneMode::CountryPair => match key {
            "KH–LA" => "Laos–Cambodia".into(),
            "LA" => "Laos".into(),
            "KH" => "Cambodia".into(),
            "—" => "no province".into(),
            other => other.into(),
        },
        LaneMode::Province => {
            if key == "—" {
                "no province".into()
            } else {
                province_name(key)
            }
        }
    }
}

impl Timeline {
    /// Screen x of the start of `date` on the last frame, if the timeline was drawn.
    pub fn x_for_date(&self, date: NaiveDate) -> Option<f32> {
        let (t0, t1) = self.view?;
        let axis = TimeAxis {
            plot: self.last_plot?,
            t0,
            t1,
        };
        Some(axis.x_of(day_of(date)))
    }
    /// The plot area on the last frame.
    pub fn plot_rect(&self) -> Option<Rect> {
        self.last_plot
    }

    /// Fit the view to the dated events among `keys`.
    fn fit(&mut self, vc: &ViewCtx<'_>, keys: &[EventKey]) {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for k in keys {
            if let Some((a, b)) = vc
                .corpus
                .event(*k)
                .and_then(|e| e.event.date)
                .and_then(|d| d.span())
            {
                lo = lo.min(day_of(a));
                hi = hi.max(day_of(b) + 1.0);
            }
        }
        if lo > hi {
            let today = day_of(chrono::Utc::now().date_naive());
            (lo, hi) = (today - 365.0, today + 1.0);
        }
        let span = (hi - lo).max(30.0);
        let pad = span * 0.05;
        let mid = (lo + hi) / 2.0;
        self.view = Some((mid - span / 2.0 - pad, mid + span / 2.0 + pad));
    }

    /// Rebuild the lanes when the filtered set or the lane mode changed.
    fn refresh_cache(&mut self, vc: &ViewCtx<'_>) {
        let key: CacheKey = (
            vc.corpus.generation(),
            vc.filter.clone(),
            self.lanes,
            vc.filtered.len(),
            vc.filtered.first().copied(),
            vc.filtered.last().copied(),
        );
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        // Partition the filtered events: dated (placed) vs. unknown year vs. undated.
        let mut unknown_year = Vec::new();
        let mut undated = Vec::new();
        let mut lanes: BTreeMap<String, Vec<LaneItem>> = BTreeMap::new();
        for &k in vc.filtered {
            let Some(e) = vc.corpus.event(k) else {
                continue;
            };
            let Some(date) = e.event.date else {
                undated.push(k);
                continue;
            };
            if !date.year_known() {
                unknown_year.push(k);
            }
            let Some((a, b)) = date.span() else { continue };
            let (x0, x1) = (day_of(a), day_of(b) + 1.0);
            let point = date.precision() == Precision::Day;
            let lane_keys: Vec<String> = match self.lanes {
                LaneMode::CountryPair => vec![e.country_pair.clone()],
                LaneMode::Province if e.event.provinces.is_empty() => vec!["—".into()],
                LaneMode::Province => {
                    let mut v: Vec<String> =
                        e.event.provinces.iter().map(|p| p.0.clone()).collect();
                    v.sort();
                    v.dedup();
                    v
                }
            };
            for lk in lane_keys {
                lanes.entry(lk).or_default().push(LaneItem {
                    start: x0,
                    end: x1,
                    key: k,
                    kind: e.event.kind,
                    point,
                });
            }
        }
        // Cross-border lane first, then by label.
        let mut lane_list: Vec<(String, Vec<LaneItem>)> = lanes.into_iter().collect();
        lane_list.sort_by_key(|(k, _)| (k != "KH–LA", lane_label(self.lanes, k)));
        let lanes = lane_list
            .into_iter()
            .map(|(lane_key, items)| {
                let (mut spans, points): (Vec<LaneItem>, Vec<LaneItem>) =
                    items.into_iter().partition(|it| !it.point);
                // By start, then end: spans over the same period lie side by side.
                spans.sort_by(|a, b| a.start.total_cmp(&b.start).then(a.end.total_cmp(&b.end)));
                Lane {
                    label: lane_label(self.lanes, &lane_key),
                    spans,
                    points,
                }
            })
            .collect();
        self.cache = Some(LaneCache {
            key,
            lanes,
            unknown_year,
            undated,
        });
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, vc: &mut ViewCtx<'_>) {
        // Fit automatically until the user moves the view.
        let fit_key = (vc.corpus.generation(), vc.filtered.len());
        if self.view.is_none() || (!self.user_moved && self.fitted_for != Some(fit_key)) {
            self.fit(vc, vc.filtered);
            self.fitted_for = Some(fit_key);
        }

        self.refresh_cache(vc);
        let (unknown_year, undated) = match &self.cache {
            Some(c) => (c.unknown_year.clone(), c.undated.clone()),
            None => (Vec::new(), Vec::new()),
        };

        self.toolbar(ui, vc, &unknown_year, &undated);
        self.plot(ui, vc);
    }

    fn toolbar(
        &mut self,
        ui: &mut egui::Ui,
        vc: &mut ViewCtx<'_>,
        unknown_year: &[EventKey],
        undated: &[EventKey],
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Timeline");
            if ui
                .button("Fit")
                .on_hover_text("Frame the filtered events")
                .clicked()
            {
                self.user_moved = false;
                self.fit(vc, vc.filtered);
            }
            if ui
                .button("Reset")
                .on_hover_text("Frame every loaded event and clear the time range")
                .clicked()
            {
                self.user_moved = false;
                self.fit(vc, vc.corpus.events_in_order());
                vc.send(Command::SetRange(None));
            }
            ui.separator();
            ui.label("Lanes:");
            ui.selectable_value(&mut self.lanes, LaneMode::CountryPair, "countries");
            ui.selectable_value(&mut self.lanes, LaneMode::Province, "provinces");
            ui.separator();
            for kind in EventKind::ALL {
                legend_item(ui, 10.0, kind.as_str().into(), |p, r| {
                    p.circle_filled(r.center(), 4.0, kind_color(kind));
                });
            }
            ui.separator();
            let text = ui.visuals().text_color();
            legend_item(ui, 10.0, egui::RichText::new("day").weak(), |p, r| {
                p.circle_filled(r.center(), 4.0, text);
            });
            let weak = ui.visuals().weak_text_color();
            legend_item(
                ui,
                18.0,
                egui::RichText::new("month / year").weak(),
                |p, r| {
                    p.rect_filled(r.shrink2(Vec2::new(0.0, 2.0)), 1.5, weak);
                },
            );
            ui.separator();
            list_menu(ui, vc, "Unknown year", unknown_year);
            list_menu(ui, vc, "Undated", undated);
        });
    }

    /// The plot, step by step: where it goes, what the pointer does to the
    /// view, the background and ticks, the lanes and their markers, the
    /// brush, and what is under the pointer.
    fn plot(&mut self, ui: &mut egui::Ui, vc: &mut ViewCtx<'_>) {
        let avail = ui.available_rect_before_wrap();
        let full = Rect::from_min_size(
            avail.min,
            Vec2::new(avail.width(), avail.height().max(60.0)),
        );
        let response = ui.allocate_rect(full, Sense::click_and_drag());
        let response = response.on_hover_cursor(egui::CursorIcon::Crosshair);
        let painter = ui.painter_at(full);
        let visuals = ui.visuals().clone();
        let gutter = 110.0_f32.min(full.width() * 0.3);
        let axis_h = 18.0;
        let plot = Rect::from_min_max(
            Pos2::new(full.left() + gutter, full.top()),
            Pos2::new(full.right() - 4.0, full.bottom() - axis_h),
        );
        if plot.width() < 10.0 || plot.height() < 10.0 {
            return;
        }
        let shift = ui.input(|i| i.modifiers.shift);
        let axis = self.interact(ui, &response, plot, shift, vc);
        self.view = Some((axis.t0, axis.t1));
        self.last_plot = Some(plot);

        paint_background(&painter, &axis, &visuals, vc.filter.range);
        let markers = self.paint_lanes(&painter, &axis, full.left(), &visuals, vc);
        if vc.filtered.is_empty() {
            painter.text(
                plot.center(),
                Align2::CENTER_CENTER,
                "No events to show",
                FontId::proportional(13.0),
                visuals.weak_text_color(),
            );
        }
        if let Some((a, b)) = self.brush {
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            let r = Rect::from_x_y_ranges(axis.x_of(a)..=axis.x_of(b), plot.y_range());
            painter.rect_filled(r, 0.0, visuals.selection.bg_fill.gamma_multiply(0.5));
        }
        if let Some((t0, t1)) = hover(response, &markers, shift, vc) {
            // Into the bin clicked: its days fill the axis (ten days at least).
            let mid = (t0 + t1) / 2.0;
            let half = ((t1 - t0) / 2.0).max(5.0);
            self.view = Some((mid - half, mid + half));
            self.user_moved = true;
        }
    }

    /// How many lanes were drawn as histograms on the last frame (for tests).
    pub fn histogram_lanes(&self) -> usize {
        self.histogram_lanes
    }

    /// Zoom about the pointer (wheel), pan (drag or horizontal wheel), and
    /// brush a time range (shift-drag, sent as a range filter on release):
    /// the axis as it is after this frame's input.
    fn interact(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        plot: Rect,
        shift: bool,
        vc: &mut ViewCtx<'_>,
    ) -> TimeAxis {
        let (t0, t1) = self.view.unwrap_or((0.0, 1.0));
        let mut axis = TimeAxis { plot, t0, t1 };
        if response.hovered() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
            let factor = f64::from(zoom) * (f64::from(scroll.y) * 0.003).exp();
            if let Some(ptr) = response.hover_pos() {
                if (factor - 1.0).abs() > 1e-6 {
                    axis.zoom_about(axis.t_of(ptr.x), factor);
                    self.user_moved = true;
                }
            }
            if scroll.x.abs() > 0.0 {
                axis.pan_pixels(scroll.x);
                self.user_moved = true;
            }
        }
        if response.drag_started() && shift {
            // Start where the button went down, not where the drag was recognized.
            let origin = ui.input(|i| i.pointer.press_origin());
            if let Some(p) = origin.or(response.interact_pointer_pos()) {
                let t = axis.t_of(p.x);
                self.brush = Some((t, t));
            }
        }
        if response.dragged() {
            if let Some((a, _)) = self.brush {
                if let Some(p) = response.interact_pointer_pos() {
                    self.brush = Some((a, axis.t_of(p.x)));
                }
            } else {
                let dx = response.drag_delta().x;
                axis.pan_pixels(dx);
                if dx != 0.0 {
                    self.user_moved = true;
                }
            }
        }
        if response.drag_stopped() {
            if let Some((a, b)) = self.brush.take() {
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                if let (Some(da), Some(db)) = (date_of(a), date_of(b)) {
                    vc.send(Command::SetRange(Some((da, db))));
                }
            }
        }
        axis
    }

    /// Every lane: its band and label, its bars and its dots; the markers
    /// drawn, for hovering and clicking.
    fn paint_lanes(
        &mut self,
        painter: &egui::Painter,
        axis: &TimeAxis,
        label_x: f32,
        visuals: &egui::Visuals,
        vc: &ViewCtx<'_>,
    ) -> Vec<Marker> {
        let plot = axis.plot;
        let empty = Vec::new();
        let lane_list = self.cache.as_ref().map_or(&empty, |c| &c.lanes);
        let lane_h = (plot.height() / lane_list.len().max(1) as f32).clamp(14.0, 48.0);
        let mut markers: Vec<Marker> = Vec::new();
        let mut histograms = 0;
        for (i, lane) in lane_list.iter().enumerate() {
            let top = plot.top() + i as f32 * lane_h;
            if top > plot.bottom() {
                break;
            }
            let band =
                Rect::from_min_size(Pos2::new(plot.left(), top), Vec2::new(plot.width(), lane_h));
            if i % 2 == 1 {
                painter.rect_filled(band, 0.0, visuals.faint_bg_color);
            }
            painter.text(
                Pos2::new(label_x + 4.0, top + lane_h / 2.0),
                Align2::LEFT_CENTER,
                &lane.label,
                FontId::proportional(12.0),
                visuals.text_color(),
            );
            let selected = vc.selected_event;
            paint_spans(
                painter,
                axis,
                band,
                &lane.spans,
                visuals,
                selected,
                &mut markers,
            );
            let in_view: Vec<&LaneItem> = lane
                .points
                .iter()
                .filter(|it| it.end >= axis.t0 && it.start <= axis.t1)
                .collect();
            if in_view.len() as f32 * HISTOGRAM_PX_PER_EVENT > plot.width() {
                histograms += 1;
                paint_histogram(
                    painter,
                    axis,
                    band,
                    &in_view,
                    visuals,
                    selected,
                    &mut markers,
                );
            } else {
                paint_points(
                    painter,
                    axis,
                    band,
                    &in_view,
                    visuals,
                    selected,
                    &mut markers,
                );
            }
        }
        self.histogram_lanes = histograms;
        markers
    }
}

/// The visible window of the time axis on the plot: days from the common era
/// (fractional) at its left and right edges, as the map's `ScreenTransform`
/// is for the map.
#[derive(Debug, Clone, Copy)]
struct TimeAxis {
    plot: Rect,
    t0: f64,
    t1: f64,
}

impl TimeAxis {
    /// Screen x of day `t`.
    fn x_of(&self, t: f64) -> f32 {
        self.plot.left() + ((t - self.t0) / (self.t1 - self.t0)) as f32 * self.plot.width()
    }

    /// Day at screen x.
    fn t_of(&self, x: f32) -> f64 {
        self.t0 + f64::from((x - self.plot.left()) / self.plot.width()) * (self.t1 - self.t0)
    }

    fn px_per_day(&self) -> f64 {
        f64::from(self.plot.width()) / (self.t1 - self.t0)
    }

    /// Zoom by `factor` keeping day `about` where it is on screen, within
    /// the allowed spans.
    fn zoom_about(&mut self, about: f64, factor: f64) {
        let span = ((self.t1 - self.t0) / factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let ratio = (about - self.t0) / (self.t1 - self.t0);
        self.t0 = about - ratio * span;
        self.t1 = self.t0 + span;
    }

    /// Move the window as the content follows a drag of `dx` pixels.
    fn pan_pixels(&mut self, dx: f32) {
        let d = -f64::from(dx / self.plot.width()) * (self.t1 - self.t0);
        self.t0 += d;
        self.t1 += d;
    }
}

/// The plot's background, the range filter's band, and the ticks with their
/// labels.
fn paint_background(
    painter: &egui::Painter,
    axis: &TimeAxis,
    visuals: &egui::Visuals,
    range: Option<(NaiveDate, NaiveDate)>,
) {
    let plot = axis.plot;
    painter.rect_filled(plot, 2.0, visuals.extreme_bg_color);
    if let Some((a, b)) = range {
        let r = Rect::from_x_y_ranges(
            axis.x_of(day_of(a))..=axis.x_of(day_of(b) + 1.0),
            plot.y_range(),
        );
        painter.rect_filled(
            r.intersect(plot),
            0.0,
            visuals.selection.bg_fill.gamma_multiply(0.35),
        );
    }
    let step = choose_step(axis.px_per_day(), 80.0);
    let tick_color = visuals.weak_text_color();
    for (t, label) in ticks(axis.t0, axis.t1, step) {
        let x = axis.x_of(t);
        painter.line_segment(
            [Pos2::new(x, plot.top()), Pos2::new(x, plot.bottom())],
            Stroke::new(1.0, visuals.faint_bg_color.gamma_multiply(2.0)),
        );
        painter.line_segment(
            [
                Pos2::new(x, plot.bottom()),
                Pos2::new(x, plot.bottom() + 4.0),
            ],
            Stroke::new(1.0, tick_color),
        );
        painter.text(
            Pos2::new(x + 2.0, plot.bottom() + 3.0),
            Align2::LEFT_TOP,
            label,
            FontId::proportional(11.0),
            tick_color,
        );
    }
}

/// Month- and year-precision events as bars in greedy rows in the upper part
/// of a lane; bars over the same pixels are one bar.
fn paint_spans(
    painter: &egui::Painter,
    axis: &TimeAxis,
    band: Rect,
    spans: &[LaneItem],
    visuals: &egui::Visuals,
    selected: Option<EventKey>,
    markers: &mut Vec<Marker>,
) {
    let plot = axis.plot;
    let mut bars: Vec<Bar> = Vec::new();
    for it in spans {
        if it.end < axis.t0 || it.start > axis.t1 {
            continue; // culled
        }
        let left = axis.x_of(it.start).max(plot.left());
        let right = axis.x_of(it.end).min(plot.right()).max(left + 3.0);
        match bars.last_mut() {
            Some(bar) if (bar.left - left).abs() < 1.0 && (bar.right - right).abs() < 1.0 => {
                bar.events.push((it.key, it.kind));
            }
            _ => bars.push(Bar {
                left,
                right,
                events: vec![(it.key, it.kind)],
            }),
        }
    }
    const ROWS: usize = 3;
    let row_h = ((band.height() * 0.5) / ROWS as f32).clamp(3.0, 7.0);
    let mut row_end = [f32::NEG_INFINITY; ROWS];
    for bar in bars {
        let row = row_end
            .iter()
            .position(|e| *e < bar.left)
            .unwrap_or(ROWS - 1);
        if let Some(e) = row_end.get_mut(row) {
            *e = bar.right + 1.0;
        }
        let y = band.top() + 2.0 + row as f32 * (row_h + 1.0);
        let r = Rect::from_min_max(Pos2::new(bar.left, y), Pos2::new(bar.right, y + row_h));
        let c = same_kind_color(&bar.events).unwrap_or(visuals.text_color());
        painter.rect_filled(r, 1.5, c.gamma_multiply(0.45));
        painter.rect_stroke(r, 1.5, Stroke::new(1.0, c), egui::StrokeKind::Inside);
        let keys: Vec<EventKey> = bar.events.iter().map(|e| e.0).collect();
        if selected.is_some_and(|s| keys.contains(&s)) {
            painter.rect_stroke(
                r.expand(2.0),
                2.0,
                Stroke::new(2.0, visuals.strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
        markers.push(Marker {
            rect: r,
            keys,
            bin: None,
        });
    }
}

/// The events of `points` by pixel column: column `n` covers x from
/// `origin + n * width` to the next, an event falling where its middle day is.
fn columns(
    axis: &TimeAxis,
    points: &[&LaneItem],
    origin: f32,
    width: f32,
) -> BTreeMap<i64, Vec<(EventKey, EventKind)>> {
    let mut out: BTreeMap<i64, Vec<(EventKey, EventKind)>> = BTreeMap::new();
    for it in points {
        let x = axis.x_of((it.start + it.end) / 2.0);
        out.entry(((x - origin) / width).floor() as i64)
            .or_default()
            .push((it.key, it.kind));
    }
    out
}

/// Day-precision events as dots in the lower part of a lane, those within
/// 8 px of each other one dot with a count.
fn paint_points(
    painter: &egui::Painter,
    axis: &TimeAxis,
    band: Rect,
    points: &[&LaneItem],
    visuals: &egui::Visuals,
    selected: Option<EventKey>,
    markers: &mut Vec<Marker>,
) {
    let cy = band.top() + band.height() * 0.72;
    for (b, evs) in columns(axis, points, 0.0, 8.0) {
        let x = b as f32 * 8.0 + 4.0;
        let color = same_kind_color(&evs).unwrap_or(visuals.text_color());
        let center = Pos2::new(x, cy);
        let radius = if evs.len() > 1 { 6.5 } else { 4.0 };
        painter.circle_filled(center, radius, color);
        if evs.len() > 1 {
            painter.text(
                center,
                Align2::CENTER_CENTER,
                evs.len().to_string(),
                FontId::proportional(9.0),
                visuals.extreme_bg_color,
            );
        }
        let keys: Vec<EventKey> = evs.iter().map(|e| e.0).collect();
        if selected.is_some_and(|s| keys.contains(&s)) {
            painter.circle_stroke(
                center,
                radius + 2.5,
                Stroke::new(2.0, visuals.strong_text_color()),
            );
        }
        markers.push(Marker {
            rect: Rect::from_center_size(center, Vec2::splat(radius * 2.0 + 2.0)),
            keys,
            bin: None,
        });
    }
}

/// Day-dated events too dense for dots: a histogram of the lane, one bar per
/// `BIN_PX` pixels stacked by kind (in the legend's order), its height the
/// bin's count against the lane's fullest bin. Hovering a bar tells its days
/// and counts; clicking it zooms into it.
fn paint_histogram(
    painter: &egui::Painter,
    axis: &TimeAxis,
    band: Rect,
    points: &[&LaneItem],
    visuals: &egui::Visuals,
    selected: Option<EventKey>,
    markers: &mut Vec<Marker>,
) {
    let bins = columns(axis, points, axis.plot.left(), BIN_PX);
    let fullest = bins.values().map(Vec::len).max().unwrap_or(1).max(1) as f32;
    let (bottom, room) = (band.bottom() - 2.0, band.height() - 4.0);
    for (b, evs) in bins {
        let left = axis.plot.left() + b as f32 * BIN_PX;
        let right = left + BIN_PX - 1.0;
        let counts: Vec<(EventKind, usize)> = EventKind::ALL
            .iter()
            .map(|&k| (k, evs.iter().filter(|e| e.1 == k).count()))
            .filter(|&(_, n)| n > 0)
            .collect();
        let height = (evs.len() as f32 / fullest * room).max(2.0);
        let mut y = bottom;
        for &(kind, n) in &counts {
            let h = height * n as f32 / evs.len() as f32;
            painter.rect_filled(
                Rect::from_x_y_ranges(left..=right, (y - h)..=y),
                0.0,
                kind_color(kind),
            );
            y -= h;
        }
        let keys: Vec<EventKey> = evs.iter().map(|e| e.0).collect();
        let column = Rect::from_x_y_ranges(left..=right, band.y_range());
        if selected.is_some_and(|s| keys.contains(&s)) {
            painter.rect_stroke(
                Rect::from_x_y_ranges(left..=right, (bottom - height)..=bottom).expand(1.5),
                0.0,
                Stroke::new(1.5, visuals.strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
        markers.push(Marker {
            rect: column,
            keys,
            bin: Some(Bin {
                t0: axis.t_of(left),
                t1: axis.t_of(left + BIN_PX),
                counts,
            }),
        });
    }
}

/// What is under the pointer: a marker's events in a tooltip (a click
/// selects the first), a histogram bin's days and counts (a click returns
/// its days, to zoom into), else how to use the timeline.
fn hover(
    response: egui::Response,
    markers: &[Marker],
    shift: bool,
    vc: &mut ViewCtx<'_>,
) -> Option<(f64, f64)> {
    let hovered = response.hover_pos().and_then(|p| {
        markers
            .iter()
            .rev()
            .find(|m| m.rect.expand(2.0).contains(p))
    });
    let Some(m) = hovered else {
        if response.hovered() && !shift {
            response.on_hover_text_at_pointer(
                "Wheel: zoom · drag: pan · shift-drag: select a time range · Esc: clear",
            );
        }
        return None;
    };
    if let Some(bin) = &m.bin {
        let clicked = response.clicked();
        let span = match (date_of(bin.t0), date_of(bin.t1 - 1.0)) {
            (Some(a), Some(b)) if a < b => {
                format!("{} – {}", a.format("%-d %b %Y"), b.format("%-d %b %Y"))
            }
            (Some(a), _) => a.format("%-d %b %Y").to_string(),
            _ => String::new(),
        };
        response.on_hover_ui_at_pointer(|ui| {
            ui.strong(format!(
                "{} · {span}",
                super::count(m.keys.len(), "event", "events")
            ));
            for (kind, n) in &bin.counts {
                ui.label(format!("{kind}: {n}"));
            }
            ui.weak("Click to zoom in");
        });
        return clicked.then_some((bin.t0, bin.t1));
    }
    let keys = m.keys.clone();
    if response.clicked() {
        if let Some(k) = keys.first() {
            vc.send(Command::SelectEvent(Some(*k)));
        }
    }
    let corpus = vc.corpus;
    response.on_hover_ui_at_pointer(|ui| {
        if keys.len() > 1 {
            ui.strong(super::count(keys.len(), "event", "events"));
        }
        for k in keys.iter().take(6) {
            let Some(e) = corpus.event(*k) else { continue };
            let provs: Vec<String> = e
                .event
                .provinces
                .iter()
                .map(|p| province_name(p.as_str()))
                .collect();
            ui.label(format!("{} · {}", date_label(e.event.date), e.event.kind));
            if !provs.is_empty() {
                ui.label(provs.join(", "));
            }
            ui.label(egui::RichText::new(&e.event.summary).weak());
            ui.separator();
        }
        if keys.len() > 6 {
            ui.weak(format!("… and {} more", keys.len() - 6));
        }
    });
    None
}

/// A button listing events that cannot be placed on the axis.
fn list_menu(ui: &mut egui::Ui, vc: &mut ViewCtx<'_>, title: &str, keys: &[EventKey]) {
    let label = format!("{title}: {}", keys.len());
    if keys.is_empty() {
        ui.add_enabled(false, egui::Button::new(label));
        return;
    }
    ui.menu_button(label, |ui| {
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                for k in keys.iter().take(500) {
                    let Some(e) = vc.corpus.event(*k) else {
                        continue;
                    };
                    let text = format!(
                        "{} · {} · {}",
                        date_label(e.event.date),
                        e.event.kind,
                        e.event.summary
                    );
                    if ui.button(text).clicked() {
                        vc.send(Command::SelectEvent(Some(*k)));
                        ui.close();
                    }
                }
            });
    });
}

/// One legend entry, its swatch and its words as one item: a wrapping row
/// breaks between entries, never inside one ("month / year" stays whole).
fn legend_item(
    ui: &mut egui::Ui,
    swatch_width: f32,
    text: egui::RichText,
    paint: impl FnOnce(&egui::Painter, Rect),
) {
    let words = text.text().to_string();
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let gap = ui.spacing().item_spacing.x;
    let size = Vec2::new(
        swatch_width + gap + galley.size().x,
        galley.size().y.max(10.0),
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), &words));
    let swatch = Rect::from_min_size(
        egui::pos2(rect.left(), rect.center().y - 5.0),
        Vec2::new(swatch_width, 10.0),
    );
    paint(ui.painter(), swatch);
    let at = egui::pos2(
        swatch.right() + gap,
        rect.center().y - galley.size().y / 2.0,
    );
    ui.painter().galley(at, galley, ui.visuals().text_color());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_axis_maps_days_to_pixels_and_zooms_about_the_pointer() {
        let plot = Rect::from_min_size(Pos2::new(100.0, 0.0), Vec2::new(800.0, 50.0));
        let mut axis = TimeAxis {
            plot,
            t0: 1000.0,
            t1: 1100.0,
        };
        assert_eq!(axis.x_of(1000.0), 100.0);
        assert_eq!(axis.x_of(1100.0), 900.0);
        assert!((axis.t_of(500.0) - 1050.0).abs() < 1e-9);
        assert!((axis.px_per_day() - 8.0).abs() < 1e-9);
        // The day under the pointer stays under it; the span halves.
        let under = axis.t_of(300.0);
        axis.zoom_about(under, 2.0);
        assert!((axis.x_of(under) - 300.0).abs() < 1e-3);
        assert!((axis.t1 - axis.t0 - 50.0).abs() < 1e-9);
        // Dragging the content 80 px right shows earlier days.
        axis.pan_pixels(80.0);
        assert!((axis.x_of(under) - 380.0).abs() < 1e-3);
    }

    #[test]
    fn day_numbers_round_trip() {
        let x = d("2022-05-27");
        assert_eq!(date_of(day_of(x)), Some(x));
        assert_eq!(date_of(day_of(x) + 0.7), Some(x));
        assert_eq!(date_of(f64::MAX), None);
    }

    #[test]
    fn steps_adapt_from_days_to_years() {
        // 10 px per day: daily ticks are too close, weekly ones fit.
        assert_eq!(choose_step(10.0, 60.0), Step::Days(7));
        assert_eq!(choose_step(100.0, 80.0), Step::Days(1));
        assert_eq!(choose_step(1.0, 80.0), Step::Months(3));
        assert_eq!(choose_step(0.1, 80.0), Step::Years(5));
    }

    #[test]
    fn month_ticks_start_on_first_days_with_year_labels() {
        let t = ticks(
            day_of(d("2021-11-15")),
            day_of(d("2022-03-02")),
            Step::Months(1),
        );
        let labels: Vec<&str> = t.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["Dec 2021", "Jan 2022", "Feb", "Mar"]);
        assert_eq!(date_of(t[1].0), Some(d("2022-01-01")));
    }

    #[test]
    fn year_ticks_align_on_multiples() {
        let t = ticks(
            day_of(d("2013-06-01")),
            day_of(d("2031-01-01")),
            Step::Years(5),
        );
        let labels: Vec<&str> = t.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["2015", "2020", "2025", "2030"]);
    }

    #[test]
    fn week_ticks_fall_on_mondays() {
        let t = ticks(
            day_of(d("2024-01-03")),
            day_of(d("2024-01-31")),
            Step::Days(7),
        );
        for (day, _) in &t {
            assert_eq!(date_of(*day).unwrap().weekday(), chrono::Weekday::Mon);
        }
        assert_eq!(t.len(), 4);
    }
}
