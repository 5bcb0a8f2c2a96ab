//! Editing an event in the details pane (issue 5): a draft of the event's provinces, kind,
//! date, location and summary; "Save edit" turns the differences into an [`EventEdit`] that the app
//! records as a [`crate::corrections::Correction`].

use std::collections::BTreeSet;

use super::{Command, ViewCtx};
use crate::corpus::EventKey;
use crate::corrections::EventEdit;
use crate::gazetteer::gazetteer;
use crate::model::BORDER_PROVINCES;
use crate::model::{Event, EventKind, PartialDate, ProvinceId};

/// The fields being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub key: EventKey,
    pub provinces: BTreeSet<String>,
    pub kind: EventKind,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `XXXX-MM-DD`, or empty for "undated".
    pub date: String,
    /// Where it took place; empty for "no location".
    pub location: String,
    pub summary: String,
    /// Why the last "Save edit" was refused.
    pub error: Option<String>,
}

impl Draft {
    pub fn of(key: EventKey, ev: &Event) -> Self {
        Draft {
            key,
            provinces: ev.provinces.iter().map(|p| p.0.clone()).collect(),
            kind: ev.kind,
            date: ev.date.map(|d| d.to_string()).unwrap_or_default(),
            location: ev.location.clone().unwrap_or_default(),
            summary: ev.summary.clone(),
            error: None,
        }
    }

    /// The edit turning `before` into this draft; an error if the date does not parse.
    pub fn to_edit(&self, before: &Event) -> Result<EventEdit, String> {
        let date = parse_date(&self.date)?;
        // Keep the original order of provinces that stay; new ones follow in id order.
        let mut provinces: Vec<ProvinceId> = before
            .provinces
            .iter()
            .filter(|p| self.provinces.contains(&p.0))
            .cloned()
            .collect();
        for p in &self.provinces {
            if !provinces.iter().any(|q| &q.0 == p) {
                provinces.push(ProvinceId::new(p.clone()));
            }
        }
        let after = Event {
            date,
            kind: self.kind,
            provinces,
            // An untouched field keeps the extracted text as it was (no spurious edit).
            location: if self.location.trim() == before.location.as_deref().unwrap_or("").trim() {
                before.location.clone()
            } else {
                parse_location(&self.location)
            },
            summary: self.summary.trim().to_string(),
            ..before.clone()
        };
        Ok(EventEdit::between(before, &after))
    }
}

/// The location field: trimmed, empty = no location.
pub fn parse_location(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Parse the date field: empty = no date.
pub fn parse_date(text: &str) -> Result<Option<PartialDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<PartialDate>()
        .map(Some)
        .map_err(|_| format!("“{t}” is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or XXXX-MM-DD"))
}

/// The edit form. Returns `true` when the form is closed (saved or cancelled).
pub fn ui(ui: &mut egui::Ui, vc: &mut ViewCtx<'_>, draft: &mut Draft) -> bool {
    let Some(entry) = vc.corpus.event(draft.key) else {
        return true;
    };
    let before = entry.event.clone();
    ui.heading("Edit event");
    // Buttons first: they stay in view in a short details pane.
    if let Some(e) = &draft.error {
        ui.colored_label(ui.visuals().warn_fg_color, e);
    }
    let mut closed = false;
    ui.horizontal(|ui| {
        if ui.button("Save edit").clicked() {
            match draft.to_edit(&before) {
                Ok(edit) => {
                    if !edit.is_empty() {
                        vc.send(Command::EditEvent {
                            key: draft.key,
                            changes: edit,
                        });
                    }
                    closed = true;
                }
                Err(e) => draft.error = Some(e),
            }
        }
        if ui.button("Cancel").clicked() {
            closed = true;
        }
    });
    fields(
        ui,
        "edit",
        &mut draft.date,
        &mut draft.kind,
        &mut draft.location,
    );
    let current = draft.provinces.clone();
    province_checkboxes(
        ui,
        "edit",
        |id| current.contains(id),
        |id, on| {
            if on {
                draft.provinces.insert(id.to_string());
            } else {
                draft.provinces.remove(id);
            }
        },
    );
    let label = ui.strong("Summary");
    ui.add(
        egui::TextEdit::multiline(&mut draft.summary)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .id_salt("edit_summary"),
    )
    .labelled_by(label.id);
    closed
}

/// The date, kind and location fields of an event form (`salt` keeps the forms' ids apart).
pub fn fields(
    ui: &mut egui::Ui,
    salt: &str,
    date: &mut String,
    kind: &mut EventKind,
    location: &mut String,
) {
    egui::Grid::new(format!("{salt}_event"))
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let label = ui.strong("Date");
            ui.add(
                egui::TextEdit::singleline(date)
                    .hint_text("YYYY-MM-DD, YYYY-MM, YYYY, XXXX-MM-DD")
                    .id_salt(format!("{salt}_date")),
            )
            .labelled_by(label.id)
            .on_hover_text("Empty: undated");
            ui.end_row();

            let label = ui.strong("Kind");
            egui::ComboBox::from_id_salt(format!("{salt}_kind"))
                .selected_text(kind.as_str())
                .show_ui(ui, |ui| {
                    for k in EventKind::ALL {
                        ui.selectable_value(kind, k, k.as_str());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.strong("Location");
            ui.add(
                egui::TextEdit::singleline(location)
                    .hint_text("e.g. Khong district, Champasak")
                    .id_salt(format!("{salt}_location")),
            )
            .labelled_by(label.id)
            .on_hover_text("Empty: no location");
            ui.end_row();
        });
}

/// A checkbox per province: the border provinces, then the others under a collapsed header.
pub fn province_checkboxes(
    ui: &mut egui::Ui,
    salt: &str,
    is_on: impl Fn(&str) -> bool,
    mut set: impl FnMut(&str, bool),
) {
    ui.strong("Provinces");
    let mut checkbox = |ui: &mut egui::Ui, id: &str, name: &str| {
        let mut on = is_on(id);
        if ui.checkbox(&mut on, format!("{name} ({id})")).changed() {
            set(id, on);
        }
    };
    ui.horizontal_wrapped(|ui| {
        for id in BORDER_PROVINCES {
            checkbox(ui, id, &super::province_name(id));
        }
    });
    egui::CollapsingHeader::new("Other provinces")
        .id_salt(format!("{salt}_other_provinces"))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for p in gazetteer().provinces() {
                    if !BORDER_PROVINCES.contains(&p.id.as_str()) {
                        checkbox(ui, p.id.as_str(), &p.name);
                    }
                }
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Evidence;

    fn event() -> Event {
        let text = "Attapeu and Stung Treng met on 26 September 2023.";
        Event {
            id: "a#0".into(),
            date: "2023-09-26".parse().ok(),
            kind: EventKind::Meeting,
            provinces: vec![ProvinceId::new("LA-AT"), ProvinceId::new("KH-19")],
            location: None,
            summary: "meeting".into(),
            evidence: Evidence::from_span(text, 0, text.len()).unwrap(),
        }
    }

    #[test]
    fn draft_turns_into_an_edit_of_the_changed_fields_only() {
        let ev = event();
        let mut d = Draft::of(EventKey(0), &ev);
        assert_eq!(d.to_edit(&ev).unwrap(), EventEdit::default());
        d.provinces.remove("KH-19");
        d.provinces.insert("KH-13".into());
        d.date = "XXXX-09-26".into();
        let edit = d.to_edit(&ev).unwrap();
        assert_eq!(
            edit.provinces,
            Some(vec![ProvinceId::new("LA-AT"), ProvinceId::new("KH-13")])
        );
        assert_eq!(edit.date, Some(Some("XXXX-09-26".parse().unwrap())));
        assert_eq!(edit.kind, None);
        assert_eq!(edit.summary, None);
        assert_eq!(edit.location, None);
    }

    #[test]
    fn location_is_edited_set_and_cleared() {
        let ev = event();
        let mut d = Draft::of(EventKey(0), &ev);
        assert_eq!(d.location, "");
        d.location = "  Stung Treng town ".into();
        let edit = d.to_edit(&ev).unwrap();
        assert_eq!(edit.location, Some(Some("Stung Treng town".to_string())));
        assert!(edit.date.is_none() && edit.provinces.is_none());
        let mut located = ev.clone();
        located.location = Some("Pakse".into());
        let mut d = Draft::of(EventKey(0), &located);
        assert_eq!(d.location, "Pakse");
        d.location = "   ".into();
        assert_eq!(d.to_edit(&located).unwrap().location, Some(None));
    }

    #[test]
    fn bad_dates_are_refused_and_empty_means_undated() {
        assert!(parse_date("26/09/2023").is_err());
        assert_eq!(parse_date("  "), Ok(None));
        assert_eq!(
            parse_date("2023-09").unwrap().map(|d| d.to_string()),
            Some("2023-09".to_string())
        );
    }
}
