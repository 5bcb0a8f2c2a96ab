//! Adding an event the extractor missed (issue 5): the user picks a sentence of the shown
//! article, the form is pre-filled from that sentence (provinces named in it, its first
//! date, a kind from its trigger words), and "Add event" records a
//! [`crate::corrections::Correction::add`] through the same command path as edits.

use super::{Command, ViewCtx};
use crate::corpus::ArticleKey;
use crate::corrections::NewEvent;
use crate::gazetteer::{gazetteer, PlaceKind};
use crate::model::{Article, EventKind, PartialDate, ProvinceId};

/// The fields of an event being added from one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct AddForm {
    pub article: ArticleKey,
    /// Byte span of the sentence in the article text.
    pub start: usize,
    pub end: usize,
    pub sentence: String,
    pub kind: EventKind,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `XXXX-MM-DD`, or empty for "undated".
    pub date: String,
    /// Province ids, in the order they were first named (then the user's additions).
    pub provinces: Vec<String>,
    /// Empty: no location.
    pub location: String,
    /// Why the last "Add event" was refused.
    pub error: Option<String>,
}

impl AddForm {
    /// A form for `article.text[start..end]`, pre-filled from the sentence; `None` if the
    /// span does not slice the text.
    pub fn prefill(key: ArticleKey, article: &Article, start: usize, end: usize) -> Option<Self> {
        let sentence = article.text.get(start..end)?;
        let reference = article.published.map(PartialDate::from_naive);
        let date = crate::extract::dates::tag_dates(sentence, reference)
            .into_iter()
            .find_map(|m| m.date)
            .map(|d| d.to_string())
            .unwrap_or_default();
        let mut provinces: Vec<String> = Vec::new();
        let mut location = String::new();
        for m in gazetteer().find(sentence) {
            let place = m.place;
            if matches!(
                place.kind,
                PlaceKind::River | PlaceKind::Country | PlaceKind::Trap
            ) {
                continue;
            }
            if let Some(p) = &place.province {
                if !provinces.contains(&p.0) {
                    provinces.push(p.0.clone());
                }
            }
            // The first named town, district or landmark is a good guess for the location.
            if location.is_empty() && place.kind != PlaceKind::Province {
                location = place.name.clone();
            }
        }
        Some(AddForm {
            article: key,
            start,
            end,
            sentence: sentence.to_string(),
            kind: crate::extract::triggers::classify(&sentence.to_ascii_lowercase())
                .unwrap_or(EventKind::Other),
            date,
            provinces,
            location,
            error: None,
        })
    }

    /// The event to add; an error if the date does not parse.
    pub fn to_new_event(&self) -> Result<NewEvent, String> {
        Ok(NewEvent {
            date: super::edit::parse_date(&self.date)?,
            kind: self.kind,
            provinces: self
                .provinces
                .iter()
                .cloned()
                .map(ProvinceId::new)
                .collect(),
            location: super::edit::parse_location(&self.location),
            summary: String::new(),
        })
    }

    fn toggle(&mut self, id: &str, on: bool) {
        if on {
            if !self.provinces.iter().any(|p| p == id) {
                self.provinces.push(id.to_string());
            }
        } else {
            self.provinces.retain(|p| p != id);
        }
    }
}

/// The add form. Returns `true` when the form is closed (added or cancelled).
pub fn ui(ui: &mut egui::Ui, vc: &mut ViewCtx<'_>, form: &mut AddForm) -> bool {
    ui.strong("Add a missed event");
    ui.label(egui::RichText::new(format!("“{}”", form.sentence.trim())).italics());
    // Buttons first: they stay in view above the article text.
    if let Some(e) = &form.error {
        ui.colored_label(ui.visuals().warn_fg_color, e);
    }
    let mut closed = false;
    ui.horizontal(|ui| {
        if ui
            .button("Add event")
            .on_hover_text("Recorded as a correction in the workspace (Ctrl+Z undoes)")
            .clicked()
        {
            match form.to_new_event() {
                Ok(event) => {
                    vc.send(Command::AddEvent {
                        article: form.article,
                        start: form.start,
                        end: form.end,
                        event,
                    });
                    closed = true;
                }
                Err(e) => form.error = Some(e),
            }
        }
        if ui.button("Cancel").clicked() {
            closed = true;
        }
    });
    super::edit::fields(
        ui,
        "add",
        &mut form.date,
        &mut form.kind,
        &mut form.location,
    );
    let provinces = form.provinces.clone();
    super::edit::province_checkboxes(
        ui,
        "add",
        |id| provinces.iter().any(|p| p == id),
        |id, on| form.toggle(id, on),
    );
    closed
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Background first.\n\nOn 3 April officials of Attapeu met their \
        Stung Treng counterparts in Siem Pang district. Trade grew.";

    fn article() -> Article {
        Article {
            path: "a.txt".into(),
            text: TEXT.into(),
            published: chrono::NaiveDate::from_ymd_opt(2024, 4, 10),
            ..Default::default()
        }
    }

    fn span() -> (usize, usize) {
        let start = TEXT.find("On 3 April").unwrap();
        (start, TEXT.find("Trade").unwrap() - 1)
    }

    #[test]
    fn prefill_takes_provinces_date_and_place_from_the_sentence() {
        let (s, e) = span();
        let f = AddForm::prefill(ArticleKey(0), &article(), s, e).unwrap();
        assert!(f.sentence.starts_with("On 3 April") && f.sentence.ends_with("district."));
        assert_eq!(f.date, "2024-04-03");
        assert_eq!(f.provinces, ["LA-AT", "KH-19"]);
        assert_eq!(f.location, "Siem Pang");
        assert_eq!(f.kind, EventKind::Meeting);
        let ev = f.to_new_event().unwrap();
        assert_eq!(
            ev.date.map(|d| d.to_string()).as_deref(),
            Some("2024-04-03")
        );
        assert_eq!(
            ev.provinces,
            [ProvinceId::new("LA-AT"), ProvinceId::new("KH-19")]
        );
        assert_eq!(ev.location.as_deref(), Some("Siem Pang"));
        assert!(ev.summary.is_empty(), "the sentence is the summary");
    }

    #[test]
    fn prefill_of_a_plain_sentence_and_bad_input() {
        let a = article();
        let f = AddForm::prefill(ArticleKey(0), &a, 0, "Background first.".len()).unwrap();
        assert_eq!(f.date, "");
        assert!(f.provinces.is_empty() && f.location.is_empty());
        assert_eq!(f.kind, EventKind::Other);
        assert!(AddForm::prefill(ArticleKey(0), &a, 0, 10_000).is_none());
        let mut f = f;
        f.date = "3/4/2024".into();
        assert!(f.to_new_event().is_err());
        f.date.clear();
        f.toggle("KH-13", true);
        f.toggle("KH-13", true);
        assert_eq!(f.provinces, ["KH-13"]);
        f.toggle("KH-13", false);
        assert!(f.to_new_event().unwrap().provinces.is_empty());
    }
}
