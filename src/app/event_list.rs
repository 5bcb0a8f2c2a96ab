//! The event list: virtualized (`ScrollArea::show_rows`), ↑/↓ to move, Enter to open the article.

use super::{kind_color, Command, ViewCtx};
use crate::corpus::{Corpus, EventKey};
use crate::workbench::Origin;

#[derive(Debug, Default)]
pub struct EventList {}

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

impl EventList {
    pub fn ui(&mut self, ui: &mut egui::Ui, vc: &mut ViewCtx<'_>) {
        let total = vc.corpus.event_count();
        let n = vc.filtered.len();
        ui.horizontal(|ui| {
            ui.strong(format!("Events ({n} of {total})"));
            if let Some(p) = &vc.filter.province {
                ui.weak(format!("in {}", super::province_name(p.as_str())));
            }
        });
        let selected_idx = vc
            .selected_event
            .and_then(|k| vc.filtered.iter().position(|x| *x == k));

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
                if let Some(k) = vc.filtered.get(i) {
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
                let Some(&key) = vc.filtered.get(i) else {
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
