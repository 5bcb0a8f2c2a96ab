//! The article pane: the selected event's article with its evidence sentence highlighted
//! and scrolled into view. "Add a missed event…" turns the text into a list of its
//! sentences; clicking one opens the add form ([`super::add_event`]).

use egui::text::{LayoutJob, TextFormat};

use super::{Command, ViewCtx};
use crate::corpus::EventKey;

#[derive(Debug, Default)]
pub struct ArticlePane {
    /// Scroll the evidence into view on the next frame.
    scroll_to_evidence: bool,
    /// The text drawn highlighted on the last frame (for tests and screen readers).
    pub highlighted: Option<String>,
    /// Where the evidence sentence was drawn on the last frame, and the part
    /// of the pane in view (screen coordinates; for tests).
    pub evidence_rect: Option<egui::Rect>,
    pub visible_rect: Option<egui::Rect>,
    shown_event: Option<EventKey>,
    /// The publication date field, and the article path it was filled for.
    published_input: String,
    published_for: Option<String>,
    published_error: Option<String>,
    /// The article picked from the list while no event is selected.
    browsing: Option<crate::corpus::ArticleKey>,
    article_filter: String,
    /// (corpus generation, filter) → the articles the list shows.
    list_cache: Option<((u64, String), Vec<crate::corpus::ArticleKey>)>,
    /// Picking a sentence to add a missed event from (in this article).
    picking: Option<crate::corpus::ArticleKey>,
    /// The add form, once a sentence is picked.
    pub add_form: Option<super::add_event::AddForm>,
    /// Where the shown part of a very long article starts, and for which
    /// article and event it was chosen.
    part_start: usize,
    part_for: Option<(crate::corpus::ArticleKey, Option<EventKey>)>,
    /// The line that says which part is shown, for (article, part start, end).
    part_label: Option<((crate::corpus::ArticleKey, usize, usize), String)>,
}

use crate::extract::sentences::paragraphs;

/// The size of one part of a very long article (see [`ArticlePane::part_ui`]).
const PART_BYTES: usize = 100_000;

/// The part of `text` of about [`PART_BYTES`] from byte `start`, both ends
/// moved to the nearest space (within a few hundred bytes) so no word is cut.
fn part_bounds(text: &str, start: usize) -> (usize, usize) {
    let snap = |at: usize| -> usize {
        if at >= text.len() {
            return text.len();
        }
        let mut i = at;
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        if i == 0
            || text
                .get(..i)
                .is_some_and(|t| t.ends_with(char::is_whitespace))
        {
            return i;
        }
        let ahead = text.get(i..).unwrap_or_default();
        match ahead
            .char_indices()
            .take(400)
            .find(|(_, c)| c.is_whitespace())
        {
            Some((k, c)) => i + k + c.len_utf8(),
            None => i,
        }
    };
    let lo = snap(start);
    let hi = snap(lo + PART_BYTES).max(lo);
    (lo, hi)
}

impl ArticlePane {
    /// The publication date of the article, editable (relative dates resolve against it).
    fn published_ui(&mut self, ui: &mut egui::Ui, vc: &mut ViewCtx<'_>, a: &crate::model::Article) {
        let overridden = vc.workbench.published_overrides().get(&a.path).copied();
        if self.published_for.as_deref() != Some(a.path.as_str()) {
            self.published_for = Some(a.path.clone());
            self.published_input = a.published.map(|d| d.to_string()).unwrap_or_default();
            self.published_error = None;
        }
        ui.horizontal(|ui| {
            let label = ui.label("Published");
            ui.add(
                egui::TextEdit::singleline(&mut self.published_input)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(90.0)
                    .id_salt("published_input"),
            )
            .labelled_by(label.id);
            if ui
                .button("Set date")
                .on_hover_text("Resolve this article's relative dates against this date")
                .clicked()
            {
                match chrono::NaiveDate::parse_from_str(self.published_input.trim(), "%Y-%m-%d") {
                    Ok(d) => {
                        self.published_error = None;
                        vc.send(Command::SetPublished {
                            article: a.path.clone(),
                            date: Some(d),
                        });
                    }
                    Err(_) => {
                        self.published_error = Some(format!(
                            "“{}” is not a YYYY-MM-DD date",
                            self.published_input.trim()
                        ))
                    }
                }
            }
            if overridden.is_some() {
                ui.weak("(set by you)");
                if ui.button("Use the article's date").clicked() {
                    self.published_for = None;
                    vc.send(Command::SetPublished {
                        article: a.path.clone(),
                        date: None,
                    });
                }
            }
        });
        if let Some(e) = &self.published_error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
    }

    /// Draw the pane (its close button sends [`Command::ShowArticle`]`(false)`).
    pub fn ui(&mut self, ui: &mut egui::Ui, vc: &mut ViewCtx<'_>) {
        ui.horizontal(|ui| {
            ui.strong("Article");
            if ui.small_button("Hide").clicked() {
                vc.send(Command::ShowArticle(false));
            }
        });
        self.highlighted = None;
        self.evidence_rect = None;
        // The selected event's article with its evidence; else an article picked from the list.
        let (article, evidence) = match vc.selected_event {
            Some(key) => {
                let (Some(entry), Some(article)) =
                    (vc.corpus.event(key), vc.corpus.article_of(key))
                else {
                    ui.weak("The selected event is no longer loaded.");
                    return;
                };
                if self.shown_event != Some(key) {
                    self.shown_event = Some(key);
                    self.scroll_to_evidence = true;
                }
                let ev = &entry.event.evidence;
                (article, Some((ev.start, ev.end)))
            }
            None => {
                self.shown_event = None;
                let Some(article) = self.browsing.and_then(|k| vc.corpus.article(k)) else {
                    self.browsing = None;
                    self.article_list(ui, vc);
                    return;
                };
                if ui.small_button("Back to all articles").clicked() {
                    self.browsing = None;
                }
                (article, None)
            }
        };
        let akey = article.key;
        let a = &article.article;
        ui.label(egui::RichText::new(a.title.as_deref().unwrap_or("(untitled)")).heading());
        let mut meta = Vec::new();
        if let Some(s) = &a.source {
            meta.push(s.clone());
        }
        if let Some(d) = a.published {
            meta.push(format!("published {d}"));
        }
        if let Some(u) = &a.url {
            meta.push(u.clone());
        }
        meta.push(a.path.clone());
        ui.weak(meta.join(" · "));
        self.published_ui(ui, vc, a);
        if ui
            .small_button("Show this article's events only")
            .on_hover_text("Filter by the article title")
            .clicked()
        {
            if let Some(t) = &a.title {
                vc.send(Command::SetText(t.clone()));
            }
        }
        // Adding a missed event: pick a sentence, then fill the form.
        if let Some(form) = self.add_form.as_mut() {
            if form.article != akey {
                self.add_form = None;
            } else {
                ui.separator();
                if super::add_event::ui(ui, vc, form) {
                    self.add_form = None;
                }
            }
        }
        if self.picking.is_some_and(|k| k != akey) {
            self.picking = None;
        }
        ui.horizontal(|ui| {
            if self.picking.is_some() {
                ui.label("Click the sentence that states the missed event.");
                if ui.small_button("Cancel").clicked() {
                    self.picking = None;
                }
            } else if self.add_form.is_none()
                && ui
                    .small_button("Add a missed event…")
                    .on_hover_text("Pick a sentence of this article and add the event it states")
                    .clicked()
            {
                self.picking = Some(akey);
            }
        });
        ui.separator();
        if self.picking.is_some() {
            self.sentence_picker(ui, akey, a);
            return;
        }

        let text = &a.text;
        let (ev_start, ev_end) =
            evidence.map_or((0, 0), |(s, e)| (s.min(text.len()), e.min(text.len())));
        let body = ui.visuals().text_color();
        let hl_bg = if ui.visuals().dark_mode {
            egui::Color32::from_rgb(0x6b, 0x55, 0x00)
        } else {
            egui::Color32::from_rgb(0xff, 0xe5, 0x80)
        };
        let font = egui::TextStyle::Body.resolve(ui.style());
        let mut scroll = std::mem::take(&mut self.scroll_to_evidence)
            || matches!(vc.focus, Some(super::Focus::Event(k)) if self.shown_event == Some(k));
        let (lo, hi) = self.part_ui(ui, akey, text, ev_start, &mut scroll);
        let shown = text.get(lo..hi).unwrap_or_default();
        egui::ScrollArea::vertical()
            .id_salt("article_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (p0, p1) in paragraphs(shown).into_iter().map(|(a, b)| (a + lo, b + lo)) {
                    let Some(par) = text.get(p0..p1) else {
                        continue;
                    };
                    let overlaps = ev_start < p1 && ev_end > p0 && ev_start < ev_end;
                    if !overlaps {
                        ui.label(par);
                        ui.add_space(4.0);
                        continue;
                    }
                    let (h0, h1) = (ev_start.max(p0), ev_end.min(p1));
                    let (Some(before), Some(mid), Some(after)) =
                        (text.get(p0..h0), text.get(h0..h1), text.get(h1..p1))
                    else {
                        ui.label(par);
                        continue;
                    };
                    let mut job = LayoutJob::default();
                    job.wrap.max_width = ui.available_width();
                    let normal = TextFormat::simple(font.clone(), body);
                    let mut strong = TextFormat::simple(font.clone(), body);
                    strong.background = hl_bg;
                    job.append(before, 0.0, normal.clone());
                    job.append(mid, 0.0, strong);
                    job.append(after, 0.0, normal);
                    // Laid out a second time to find the sentence's rectangle
                    // (from egui's cache after the first frame; a paragraph is
                    // at most one part of a long article).
                    let galley = Some(ui.ctx().fonts_mut(|f| f.layout_job(job.clone())));
                    self.visible_rect = Some(ui.clip_rect());
                    let resp = ui.label(job);
                    self.highlighted = Some(mid.to_string());
                    if let Some(galley) = galley {
                        // Centre the sentence itself, not its paragraph: one
                        // paragraph of pasted news can be taller than the pane.
                        let from = egui::text::CCursor::new(before.chars().count());
                        let to =
                            egui::text::CCursor::new(before.chars().count() + mid.chars().count());
                        let top = galley.pos_from_cursor(from).min.y;
                        let bottom = galley.pos_from_cursor(to).max.y;
                        let sentence = egui::Rect::from_x_y_ranges(
                            resp.rect.x_range(),
                            (resp.rect.top() + top)..=(resp.rect.top() + bottom),
                        );
                        self.evidence_rect = Some(sentence);
                        if scroll {
                            ui.scroll_to_rect(sentence, Some(egui::Align::Center));
                            scroll = false;
                        }
                    }
                    ui.add_space(4.0);
                }
            });
    }

    /// Every loaded article (filtered by a text in its title or path), to read one that
    /// no event points to, e.g. to add an event the extractor missed.
    /// The part of the article to lay out: all of it, or for a very long
    /// article a part of [`PART_BYTES`] around the evidence (or from the start),
    /// with buttons to the parts before and after. Laying out ten megabytes of
    /// one paragraph as one label once took 2.3 GB.
    fn part_ui(
        &mut self,
        ui: &mut egui::Ui,
        akey: crate::corpus::ArticleKey,
        text: &str,
        evidence_start: usize,
        scroll: &mut bool,
    ) -> (usize, usize) {
        if text.len() <= 2 * PART_BYTES {
            return (0, text.len());
        }
        let want = (akey, self.shown_event);
        if self.part_for != Some(want) || *scroll {
            self.part_for = Some(want);
            self.part_start = match self.shown_event {
                Some(_) => evidence_start.saturating_sub(PART_BYTES / 2),
                None => 0,
            };
        }
        let (lo, hi) = part_bounds(text, self.part_start);
        // Counting the characters of megabytes is done once per part shown,
        // not every frame.
        if self.part_label.as_ref().map(|(k, _)| *k) != Some((akey, lo, hi)) {
            let count = |end: usize| text.get(..end).map_or(0, |t| t.chars().count());
            let label = format!(
                "A long article, shown in parts: characters {}–{} of {}.",
                crate::load::thousands(count(lo)),
                crate::load::thousands(count(hi)),
                crate::load::thousands(count(text.len()))
            );
            self.part_label = Some(((akey, lo, hi), label));
        }
        let label = self.part_label.as_ref().map_or("", |(_, l)| l.as_str());
        let mut moved = None;
        ui.horizontal(|ui| {
            ui.weak(label);
            if ui
                .add_enabled(lo > 0, egui::Button::new("Earlier part").small())
                .clicked()
            {
                moved = Some(lo.saturating_sub(PART_BYTES));
            }
            if ui
                .add_enabled(hi < text.len(), egui::Button::new("Later part").small())
                .clicked()
            {
                moved = Some(hi);
            }
        });
        if let Some(start) = moved {
            self.part_start = start;
            return part_bounds(text, start);
        }
        (lo, hi)
    }

    fn article_list(&mut self, ui: &mut egui::Ui, vc: &ViewCtx<'_>) {
        ui.weak("Select an event to read the article it comes from, or pick an article.");
        ui.add(
            egui::TextEdit::singleline(&mut self.article_filter)
                .hint_text("filter articles by title or path")
                .id_salt("article_filter"),
        );
        // The matching articles, recomputed only when the corpus or the filter changed
        // (the pane is drawn every frame; lowercasing 10,000 titles each time is not free).
        let key = (vc.corpus.generation(), self.article_filter.clone());
        if self.list_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let needle = self.article_filter.to_lowercase();
            let keys = vc
                .corpus
                .articles()
                .filter(|e| {
                    needle.is_empty()
                        || e.article.path.to_lowercase().contains(&needle)
                        || e.article
                            .title
                            .as_deref()
                            .is_some_and(|t| t.to_lowercase().contains(&needle))
                })
                .map(|e| e.key)
                .collect();
            self.list_cache = Some((key, keys));
        }
        let keys = self
            .list_cache
            .as_ref()
            .map_or(&[][..], |(_, k)| k.as_slice());
        let mut picked = None;
        ui.weak(super::count(keys.len(), "article", "articles"));
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        egui::ScrollArea::vertical()
            .id_salt("article_list")
            .auto_shrink([false, false])
            .show_rows(ui, row_h, keys.len(), |ui, rows| {
                // One line per row: the rows are laid out at a fixed height.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                let shown = keys.get(rows).unwrap_or_default();
                for e in shown.iter().filter_map(|k| vc.corpus.article(*k)) {
                    let title = e.article.title.as_deref().unwrap_or("(untitled)");
                    let n = e.events.len();
                    let label = format!("{n} event{} · {title}", if n == 1 { "" } else { "s" });
                    if ui
                        .selectable_label(false, label)
                        .on_hover_text(&e.article.path)
                        .clicked()
                    {
                        picked = Some(e.key);
                    }
                }
            });
        if picked.is_some() {
            self.browsing = picked;
        }
    }

    /// The article as a list of its sentences, one button each; a click opens the add form.
    fn sentence_picker(
        &mut self,
        ui: &mut egui::Ui,
        key: crate::corpus::ArticleKey,
        a: &crate::model::Article,
    ) {
        let sentences = crate::extract::sentences::split(&a.text);
        let mut picked = None;
        egui::ScrollArea::vertical()
            .id_salt("article_pick_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut para = None;
                for s in &sentences {
                    let Some(text) = a.text.get(s.start..s.end) else {
                        continue;
                    };
                    if para.is_some_and(|p| p != s.para) {
                        ui.add_space(6.0);
                    }
                    para = Some(s.para);
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if ui
                        .add(egui::Button::selectable(false, text).wrap())
                        .on_hover_text("Add an event stated by this sentence")
                        .clicked()
                    {
                        picked = Some((s.start, s.end));
                    }
                }
            });
        if let Some((start, end)) = picked {
            self.picking = None;
            self.add_form = super::add_event::AddForm::prefill(key, a, start, end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn a_long_text_is_cut_into_parts_at_spaces_that_cover_it() {
        let text = "Stung Treng and Champasak met. ".repeat(20_000);
        let (mut lo, mut covered) = (0, 0);
        while covered < text.len() {
            let (a, b) = super::part_bounds(&text, lo);
            assert_eq!(a, covered, "parts follow each other");
            assert!(b - a <= super::PART_BYTES + 400 && b > a);
            assert!(b == text.len() || text[..b].ends_with(' '));
            covered = b;
            lo = b;
        }
    }

    #[test]
    fn splits_on_blank_lines_with_byte_ranges() {
        let t = "First line\nstill first.\n\n  \nSecond é.\n\nThird";
        let p: Vec<&str> = paragraphs(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(p, ["First line\nstill first.", "Second é.", "Third"]);
        assert!(paragraphs("").is_empty());
    }
}
