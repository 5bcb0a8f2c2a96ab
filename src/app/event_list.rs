//! The event list: virtualized (`ScrollArea::show_rows`), ↑/↓ to move, Enter to open the article.

use super::{kind_color, Command, ViewCtx};
use crate::corpus::{Corpus, EventKey, SortBy};
use crate::workbench::Origin;

/// What identifies the list's order: corpus generation, the filtered list (its length and
/// ends, as the timeline guards it) and the sort.
type OrderKey = (u64, usize, Option<EventKey>, Option<EventKey>, SortBy, bool);

#[derive(Debug, Default)]
pub struct EventList {
    /// The column the rows are sorted by, and whether in reverse.
    sort: SortBy,
    descending: bool,
    /// The filtered events in display order, rebuilt when [`OrderKey`] changes.
    order: Vec<EventKey>,
    order_key: Option<OrderKey>,
}

/// The sort columns with their header labels.
const COLUMNS: [(SortBy, &str); 4] = [
    (SortBy::Date, "Date"),
    (SortBy::Province, "Province"),
    (SortBy::Kind, "Kind"),
    (SortBy::Sources, "Sources"),
];

/// One-line text of an event row (also its accessible label).
pub fn row_text(corpus: &Corpus, key: EventKey) -> String {
    let Some(e) = corpus.event(key) else {
        return String::new();
    };
    // Words, not codes: "26 September, year unknown · meeting · Stung Treng,
    // Attapeu · …" (ISO codes stay in tooltips, exports and the CLI).
    let date = e
        .event
        .date
        .map(|d| d.display_long())
        .unwrap_or_else(|| "undated".into());
    let provs: Vec<String> = e
        .event
        .provinces
        .iter()
        .map(|p| super::province_name(p.as_str()))
        .collect();
    format!(
        "{date} · {} · {} · {}",
        e.event.kind,
        if provs.is_empty() {
            "no province".to_string()
        } else {
            provs.join(", ")
        },
        e.event.summary
    )
}

/// The order a column is in, in words ("oldest first", "A–Z").
fn direction(by: SortBy, descending: bool) -> &'static str {
    match (by, descending) {
        (SortBy::Date, false) => "oldest first",
        (SortBy::Date, true) => "newest first",
        (SortBy::Sources, false) => "fewest first",
        (SortBy::Sources, true) => "most first",
        (_, false) => "A–Z",
        (_, true) => "Z–A",
    }
}

impl EventList {
    /// The filtered events in display order.
    fn refresh_order(&mut self, vc: &ViewCtx<'_>) {
        let key = (
            vc.corpus.generation(),
            vc.filtered.len(),
            vc.filtered.first().copied(),
            vc.filtered.last().copied(),
            self.sort,
            self.descending,
        );
        if self.order_key == Some(key) {
            return;
        }
        self.order = if self.sort == SortBy::Date && !self.descending {
            vc.filtered.to_vec()
        } else {
            let merged = vc.workbench.last_merged();
            vc.corpus
                .sorted(vc.filtered, self.sort, self.descending, |e| {
                    merged.of_event(&e.event.id).map_or(1, |m| m.sources.len())
                })
        };
        self.order_key = Some(key);
    }

    /// The sort choice, at the right of the header line: each column in each direction.
    fn sort_menu(&mut self, ui: &mut egui::Ui) {
        let label = |by: SortBy, desc: bool| {
            let name = COLUMNS.iter().find(|c| c.0 == by).map_or("", |c| c.1);
            format!("{name}, {}", direction(by, desc))
        };
        // Laid out right to left: the box at the right edge, its caption before it.
        let combo = egui::ComboBox::from_id_salt("event_sort")
            .selected_text(label(self.sort, self.descending))
            .show_ui(ui, |ui| {
                for (by, _) in COLUMNS {
                    for desc in [by == SortBy::Sources, by != SortBy::Sources] {
                        let chosen = (self.sort, self.descending) == (by, desc);
                        if ui.selectable_label(chosen, label(by, desc)).clicked() {
                            (self.sort, self.descending) = (by, desc);
                        }
                    }
                }
            })
            .response;
        let caption = ui.label("Sort");
        combo
            .labelled_by(caption.id)
            .on_hover_text("Order of the rows; events without a date stay at the end");
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, vc: &mut ViewCtx<'_>) {
        let total = vc.corpus.event_count();
        let n = vc.filtered.len();
        ui.horizontal(|ui| {
            ui.strong(format!("Events ({n} of {total})"));
            if let Some(p) = &vc.filter.province {
                ui.weak(format!("in {}", super::province_name(p.as_str())));
            }
            if n > 1 {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    self.sort_menu(ui)
                });
            }
        });
        if n > 0 && vc.selected_event.is_none() {
            ui.weak("Select an event to see its details and its sentence.");
        }
        self.refresh_order(vc);
        let order = &self.order;
        let selected_idx = vc
            .selected_event
            .and_then(|k| order.iter().position(|x| *x == k));

        // Keyboard: ↑/↓ move the selection, Enter opens its article.
        if !ui.ctx().egui_wants_keyboard_input() && n > 0 {
            let (up, down, enter) = ui.input_mut(|i| {
                (
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                    i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
                )
            });
            let next = match (up, down, selected_idx) {
                (true, _, Some(i)) => Some(i.saturating_sub(1)),
                (_, true, Some(i)) => Some((i + 1).min(n - 1)),
                (true, _, None) | (_, true, None) => Some(0),
                _ => None,
            };
            if let Some(i) = next {
                if let Some(k) = order.get(i) {
                    vc.send(Command::SelectEvent(Some(*k)));
                }
            }
            if enter && selected_idx.is_some() {
                vc.send(Command::ShowArticle(true));
                vc.send(Command::SelectEvent(vc.selected_event));
            }
        }

        if n == 0 {
            ui.weak(if total == 0 {
                "No events loaded. Open articles with File > Open (Ctrl+O) or drop files here."
            } else {
                "No event matches the filters."
            });
            return;
        }
        let row_h = ui.spacing().interact_size.y;
        let mut area = egui::ScrollArea::vertical()
            .id_salt("event_list")
            .auto_shrink([false, false]);
        if matches!(vc.focus, Some(super::Focus::Event(k)) if vc.selected_event == Some(k)) {
            if let Some(i) = selected_idx {
                let step = row_h + ui.spacing().item_spacing.y;
                let offset = (i as f32 * step - ui.available_height() * 0.4).max(0.0);
                area = area.vertical_scroll_offset(offset);
            }
        }
        area.show_rows(ui, row_h, n, |ui, rows| {
            for i in rows {
                let Some(&key) = order.get(i) else {
                    continue;
                };
                let Some(e) = vc.corpus.event(key) else {
                    continue;
                };
                let selected = vc.selected_event == Some(key);
                let mut text = row_text(vc.corpus, key);
                match vc.workbench.origin(&e.event.id) {
                    Origin::Added => text.push_str(" · added"),
                    Origin::Edited => text.push_str(" · edited"),
                    Origin::Extracted => {}
                }
                ui.horizontal(|ui| {
                    let (r, painter) =
                        ui.allocate_painter(egui::vec2(6.0, row_h), egui::Sense::hover());
                    painter.circle_filled(r.rect.center(), 3.5, kind_color(e.event.kind));
                    let resp = ui.add(
                        egui::Button::selectable(selected, egui::RichText::new(text)).truncate(),
                    );
                    if resp.clicked() {
                        vc.send(Command::SelectEvent(Some(key)));
                    }
                });
            }
        });
    }
}
