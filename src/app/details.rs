//! Details of the selected event: date with precision, kind, provinces (clickable),
//! location, summary, source article and evidence sentence.

use super::{date_label, kind_color, province_name, Command, ViewCtx};
use crate::gazetteer::gazetteer;
use crate::workbench::Origin;

pub fn ui(ui: &mut egui::Ui, vc: &mut ViewCtx<'_>, draft: &mut Option<super::edit::Draft>) {
    if let Some(d) = draft.as_mut() {
        if vc.selected_event == Some(d.key) {
            if super::edit::ui(ui, vc, d) {
                *draft = None;
            }
            return;
        }
        *draft = None;
    }
    let Some(key) = vc.selected_event else {
        ui.weak("Select an event in the list, on the timeline, or with the arrow keys to see its details.");
        return;
    };
    let Some(entry) = vc.corpus.event(key) else {
        ui.weak("The selected event is no longer loaded.");
        return;
    };
    let ev = &entry.event;
    ui.horizontal(|ui| {
        ui.heading("Event");
        match vc.workbench.origin(&ev.id) {
            Origin::Added => {
                ui.label(egui::RichText::new("added").italics().strong())
                    .on_hover_text("Added by you from a sentence of the article (Ctrl+Z undoes)");
            }
            Origin::Edited => {
                ui.label(egui::RichText::new("edited").italics().strong())
                    .on_hover_text("Changed by a correction (Ctrl+Z undoes the last one)");
            }
            Origin::Extracted => {}
        }
    });
    ui.horizontal(|ui| {
        if ui.button("Edit event").clicked() {
            *draft = Some(super::edit::Draft::of(key, ev));
        }
        if ui
            .button("Delete event")
            .on_hover_text("Remove this false event (recorded as a correction; Ctrl+Z undoes)")
            .clicked()
        {
            vc.send(Command::DeleteEvent(key));
        }
        // With the other actions, at the top, so it stays in view.
        if vc.merged.is_some_and(|m| m.sources.len() > 1)
            && ui
                .button("Split into sources")
                .on_hover_text(
                    "These reports are not the same occasion: keep them as separate events \
                     (recorded in the workspace; Ctrl+Z undoes)",
                )
                .clicked()
        {
            vc.send(Command::SplitMerged(key));
        }
    });
    egui::Grid::new("event_details")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            ui.strong("Date");
            ui.label(date_label(ev.date));
            ui.end_row();

            ui.strong("Kind");
            ui.colored_label(kind_color(ev.kind), ev.kind.as_str());
            ui.end_row();

            ui.strong("Provinces");
            ui.vertical(|ui| {
                if ev.provinces.is_empty() {
                    ui.weak("none linked");
                }
                for p in &ev.provinces {
                    let native = gazetteer()
                        .province(p.as_str())
                        .map(|i| i.native_name.clone())
                        .filter(|n| !n.is_empty());
                    let text = match native {
                        Some(n) => format!("{} · {} ({})", province_name(p.as_str()), n, p),
                        None => format!("{} ({})", province_name(p.as_str()), p),
                    };
                    if ui
                        .link(text)
                        .on_hover_text("Show this province's events")
                        .clicked()
                    {
                        vc.send(Command::SelectProvince(Some(p.0.clone())));
                    }
                }
            });
            ui.end_row();

            ui.strong("Location");
            ui.label(ev.location.as_deref().unwrap_or("—"));
            ui.end_row();
        });
    // Outside the grid so that long text wraps to the panel width.
    ui.strong("Summary");
    ui.label(&ev.summary);
    if let Some(m) = vc.merged.filter(|m| m.sources.len() > 1) {
        ui.separator();
        ui.strong(format!("Reported by {} sources", m.sources.len()));
        if m.disagreement {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The sources disagree on the date or the provinces:",
            );
        }
        if let Some(from) = &m.date_inferred_from {
            ui.label(format!(
                "Merged date {}: year inferred from {from}",
                date_label(m.date)
            ));
        }
        for src in &m.sources {
            let provs: Vec<&str> = src.provinces.iter().map(|p| p.as_str()).collect();
            ui.label(format!(
                "• {} · {} · {}",
                src.path,
                src.date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into()),
                provs.join(", ")
            ));
            ui.weak(format!("  “{}”", src.evidence.sentence));
        }
    }
    ui.separator();
    ui.strong("Source");
    if let Some(article) = vc.corpus.article(entry.article) {
        let a = &article.article;
        ui.label(a.title.as_deref().unwrap_or("(untitled)"));
        let mut meta = Vec::new();
        if let Some(s) = &a.source {
            meta.push(s.clone());
        }
        if let Some(d) = a.published {
            meta.push(format!("published {d}"));
        }
        meta.push(a.path.clone());
        ui.weak(meta.join(" · "));
    }
    ui.label(egui::RichText::new(format!("“{}”", ev.evidence.sentence)).italics());
    if ui.button("Show in article").clicked() {
        vc.send(Command::ShowArticle(true));
        vc.send(Command::SelectEvent(Some(key)));
    }
}
