//! The left panel: filters (text, kinds, country pair, time range, clear) and the
//! province list — the accessible, keyboard-usable equivalent of clicking the map.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{kind_color, province_name, Command, ViewCtx};
use crate::gazetteer::gazetteer;
use crate::model::{EventKind, PartialDate};

use crate::model::BORDER_PROVINCES;

#[derive(Debug, Default)]
pub struct SidePanel {
    text: String,
    from: String,
    to: String,
    range_error: Option<String>,
    /// The range last shown in the fields (to follow changes made elsewhere, e.g. a brush).
    shown_range: Option<(NaiveDate, NaiveDate)>,
}

/// Parse the start or end of a range typed as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_range_bound(s: &str, end: bool) -> Option<NaiveDate> {
    let d: PartialDate = s.trim().parse().ok()?;
    let (a, b) = d.span()?;
    Some(if end { b } else { a })
}

impl SidePanel {
    pub fn clear_inputs(&mut self) {
        *self = SidePanel::default();
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, vc: &mut ViewCtx<'_>) {
        egui::ScrollArea::vertical()
            .id_salt("side_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.filters_ui(ui, vc);
                ui.separator();
                provinces_ui(ui, vc);
            });
    }

    fn filters_ui(&mut self, ui: &mut egui::Ui, vc: &mut ViewCtx<'_>) {
        ui.horizontal(|ui| {
            ui.strong("Filters");
            let enabled = !vc.filter.is_empty();
            if ui
                .add_enabled(enabled, egui::Button::new("Clear filters"))
                .clicked()
            {
                self.clear_inputs();
                vc.send(Command::ClearFilters);
            }
        });
        // Text.
        if vc.filter.text != self.text && !vc.filter.text.is_empty() {
            self.text = vc.filter.text.clone();
        }
        ui.label("Search text");
        let resp = ui.add(
            egui::TextEdit::singleline(&mut self.text)
                .hint_text("summary, sentence, title")
                .desired_width(f32::INFINITY),
        );
        if resp.changed() {
            vc.send(Command::SetText(self.text.clone()));
        }

        // Kinds.
        ui.label("Kinds");
        ui.horizontal_wrapped(|ui| {
            for kind in EventKind::ALL {
                let mut on = vc.filter.kind_enabled(kind);
                let text = egui::RichText::new(kind.as_str()).color(kind_color(kind));
                if ui.checkbox(&mut on, text).changed() {
                    vc.send(Command::ToggleKind(kind));
                }
            }
        });

        // Country pair.
        let current = vc.filter.country_pair.clone();
        egui::ComboBox::new("country_pair", "Countries")
            .selected_text(current.clone().unwrap_or_else(|| "all".into()))
            .show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), "all").clicked() {
                    vc.send(Command::SetCountryPair(None));
                }
                for pair in vc.corpus.country_pairs() {
                    let sel = current.as_deref() == Some(pair);
                    if ui.selectable_label(sel, pair).clicked() {
                        vc.send(Command::SetCountryPair(Some(pair.to_string())));
                    }
                }
            });

        // Time range (also set by shift-dragging on the timeline).
        if vc.filter.range != self.shown_range {
            self.shown_range = vc.filter.range;
            match vc.filter.range {
                Some((a, b)) => {
                    self.from = a.to_string();
                    self.to = b.to_string();
                }
                None => {
                    self.from.clear();
                    self.to.clear();
                }
            }
            self.range_error = None;
        }
        ui.label("Time range (YYYY, YYYY-MM or YYYY-MM-DD)");
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.from)
                    .hint_text("from")
                    .desired_width(80.0),
            )
            .on_hover_text("From");
            ui.label("–");
            ui.add(
                egui::TextEdit::singleline(&mut self.to)
                    .hint_text("to")
                    .desired_width(80.0),
            )
            .on_hover_text("To");
        });
        ui.horizontal(|ui| {
            if ui.button("Apply range").clicked() {
                match (
                    parse_range_bound(&self.from, false),
                    parse_range_bound(&self.to, true),
                ) {
                    (Some(a), Some(b)) => {
                        self.range_error = None;
                        vc.send(Command::SetRange(Some((a, b))));
                    }
                    _ => {
                        self.range_error =
                            Some("Not a date: use 2022, 2022-05 or 2022-05-27.".into())
                    }
                }
            }
            if ui
                .add_enabled(vc.filter.range.is_some(), egui::Button::new("Clear range"))
                .clicked()
            {
                vc.send(Command::SetRange(None));
            }
        });
        if let Some(e) = &self.range_error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
        if let Some((a, b)) = &vc.filter.link {
            ui.horizontal(|ui| {
                ui.label(format!(
                    "Link: {} – {}",
                    province_name(a.as_str()),
                    province_name(b.as_str())
                ));
                if ui
                    .small_button("x")
                    .on_hover_text("Clear the link")
                    .clicked()
                {
                    vc.send(Command::SelectLink(None));
                }
            });
        }
    }
}

/// The province list: every province (of the gazetteer, and any seen in events), by country,
/// with its number of events under the current filters. Click (or Space/Enter) selects.
fn provinces_ui(ui: &mut egui::Ui, vc: &mut ViewCtx<'_>) {
    ui.strong("Provinces");
    // (country, name, id, native name)
    let mut rows: BTreeMap<(String, String), (String, String)> = BTreeMap::new();
    for p in gazetteer().provinces() {
        rows.insert(
            (p.country.clone(), p.name.clone()),
            (p.id.0.clone(), p.native_name.clone()),
        );
    }
    for id in vc.corpus.provinces() {
        if gazetteer().province(id.as_str()).is_none() {
            rows.insert(
                (id.country().to_string(), province_name(id.as_str())),
                (id.0.clone(), String::new()),
            );
        }
    }
    // The five border provinces first, then each country's provinces by name.
    let rows: Vec<((String, String), (String, String))> = {
        let (mut border, mut rest): (Vec<_>, Vec<_>) = rows
            .into_iter()
            .partition(|(_, (id, _))| BORDER_PROVINCES.contains(&id.as_str()));
        border.sort_by_key(|(_, (id, _))| BORDER_PROVINCES.iter().position(|b| b == id));
        for ((country, _), _) in border.iter_mut() {
            *country = "border".to_string();
        }
        border.append(&mut rest);
        border
    };
    let selected = vc.filter.province.as_ref().map(|p| p.0.clone());
    if let Some(sel) = &selected {
        if ui.button("Show all provinces' events").clicked() {
            let _ = sel;
            vc.send(Command::SelectProvince(None));
        }
    }
    let mut current_country = String::new();
    for ((country, name), (id, native)) in rows {
        if country != current_country {
            current_country = country.clone();
            ui.add_space(4.0);
            ui.weak(match country.as_str() {
                "border" => "Border provinces",
                "LA" => "Laos",
                "KH" => "Cambodia",
                other => other,
            });
        }
        let count = vc.counts.get(&id).copied().unwrap_or(0);
        let is_sel = selected.as_deref() == Some(id.as_str());
        let label = if native.is_empty() {
            format!("{name} ({count})")
        } else {
            format!("{name} · {native} ({count})")
        };
        let text = if count == 0 {
            egui::RichText::new(label).weak()
        } else {
            egui::RichText::new(label)
        };
        let resp = ui
            .selectable_label(is_sel, text)
            .on_hover_text(format!("{id}: show this province's events"));
        if resp.clicked() {
            vc.send(Command::SelectProvince(if is_sel {
                None
            } else {
                Some(id)
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_range_bound;

    #[test]
    fn range_bounds_expand_to_their_precision() {
        assert_eq!(
            parse_range_bound("2022", false).unwrap().to_string(),
            "2022-01-01"
        );
        assert_eq!(
            parse_range_bound("2022-02", true).unwrap().to_string(),
            "2022-02-28"
        );
        assert_eq!(
            parse_range_bound(" 2022-05-27 ", true).unwrap().to_string(),
            "2022-05-27"
        );
        assert!(parse_range_bound("May", false).is_none());
        assert!(parse_range_bound("XXXX-05", false).is_none());
    }
}
