//! The menu bar and the status strip under it.

use super::dialog::DialogKind;
use super::{count, shortcuts, BorderAtlasApp, Command};
use crate::workbench::ExportFormat;

impl BorderAtlasApp {
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
                    if ui
                        .add(shortcuts::button(ui.ctx(), "Open articles…"))
                        .on_hover_text("Show the articles picked in place of those open")
                        .clicked()
                    {
                        self.commands.push(Command::OpenDialog(DialogKind::Files));
                    }
                    if ui
                        .add(shortcuts::button(ui.ctx(), "Open folder…"))
                        .on_hover_text("Show the folder's articles in place of those open")
                        .clicked()
                    {
                        self.commands.push(Command::OpenDialog(DialogKind::Folder));
                    }
                    if ui
                        .button("Add articles…")
                        .on_hover_text("Load more articles beside those already open")
                        .clicked()
                    {
                        self.commands.push(Command::AddDialog(DialogKind::Files));
                    }
                    if ui
                        .button("Add folder…")
                        .on_hover_text("Load a folder beside the articles already open")
                        .clicked()
                    {
                        self.commands.push(Command::AddDialog(DialogKind::Folder));
                    }
                    ui.menu_button("Recent", |ui| {
                        if self.persisted.recent.is_empty() {
                            ui.label("No recent files");
                        }
                        for p in self.persisted.recent.clone() {
                            if ui.button(p.display().to_string()).clicked() {
                                self.commands.push(Command::Open(vec![p]));
                            }
                        }
                        ui.separator();
                        if ui.button("Clear recent").clicked() {
                            self.commands.push(Command::ClearRecent);
                        }
                    });
                    if ui
                        .add(shortcuts::button(ui.ctx(), "Reload changed files"))
                        .clicked()
                    {
                        self.commands.push(Command::Reload);
                    }
                    if ui.button("Close all").clicked() {
                        self.commands.push(Command::CloseAll);
                    }
                    ui.separator();
                    if ui.button("Open workspace…").clicked() {
                        self.commands
                            .push(Command::OpenDialog(DialogKind::Workspace));
                    }
                    if ui.button("Save workspace…").clicked() {
                        self.commands.push(Command::SaveWorkspaceDialog);
                    }
                    ui.menu_button("Export", |ui| {
                        ui.weak("Events under the current filters");
                        for format in ExportFormat::ALL {
                            if ui.button(format.menu_label()).clicked() {
                                self.commands.push(Command::ExportDialog(format));
                            }
                        }
                    });
                    ui.separator();
                    if ui.button("Quit").clicked() {
                        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                });
                ui.menu_button("Edit", |ui| {
                    let corrections = self.workbench.corrections();
                    let n = corrections.corrections().len();
                    let (can_undo, can_redo) = (corrections.can_undo(), corrections.can_redo());
                    if ui
                        .add_enabled(
                            can_undo,
                            shortcuts::button(ui.ctx(), "Undo last correction"),
                        )
                        .clicked()
                    {
                        self.commands.push(Command::Undo);
                    }
                    if ui
                        .add_enabled(can_redo, shortcuts::button(ui.ctx(), "Redo"))
                        .clicked()
                    {
                        self.commands.push(Command::Redo);
                    }
                    ui.weak(format!("{n} corrections in this workspace"));
                    let orphans = self.orphans().len();
                    if ui
                        .button(format!("Corrections that no longer apply ({orphans})…"))
                        .clicked()
                    {
                        self.commands.push(Command::ShowOrphans(true));
                    }
                });
                ui.menu_button("View", |ui| {
                    ui.checkbox(&mut self.persisted.show_article, "Article pane");
                    ui.checkbox(&mut self.persisted.show_side, "Filters and provinces");
                    ui.checkbox(&mut self.persisted.show_errors, "Errors panel");
                    ui.separator();
                    ui.label("Theme");
                    egui::widgets::global_theme_preference_buttons(ui);
                });
                ui.menu_button("Help", |ui| {
                    if ui.button("Keyboard shortcuts…").clicked() {
                        self.show_shortcuts = true;
                    }
                    ui.weak(concat!("Border Atlas ", env!("CARGO_PKG_VERSION")));
                });
                ui.separator();
                let corpus = self.workbench.corpus();
                ui.label(format!(
                    "{} · {}",
                    count(corpus.article_count(), "article", "articles"),
                    count(corpus.event_count(), "event", "events")
                ));
                let errors = corpus.error_count();
                if errors > 0
                    && ui
                        .button(count(errors, "error", "errors"))
                        .on_hover_text("Show the files that could not be loaded")
                        .clicked()
                {
                    self.persisted.show_errors = true;
                }
                // Not articles (a gold.json, a .docx): no error, but say so.
                let skipped = corpus.skipped_count();
                if skipped > 0
                    && ui
                        .button(egui::RichText::new(format!("{skipped} skipped")).weak())
                        .on_hover_text("Files in the folder that are not articles: show them")
                        .clicked()
                {
                    self.persisted.show_errors = true;
                }
                let orphans = self.orphans().len();
                if orphans > 0
                    && ui
                        .button(format!("{orphans} corrections no longer apply"))
                        .on_hover_text("Their article changed: see and discard them")
                        .clicked()
                {
                    self.commands.push(Command::ShowOrphans(true));
                }
                if !self.filter.is_empty() && ui.button("Clear filters").clicked() {
                    self.commands.push(Command::ClearFilters);
                }
            });
        });
    }

    pub(super) fn status_strip(&mut self, ui: &mut egui::Ui) {
        let loading = self.loader.as_ref().filter(|l| !l.finished);
        if loading.is_none() && self.notice.is_none() {
            return;
        }
        egui::Panel::top("status_strip").show(ui, |ui| {
            if let Some(l) = loading {
                ui.horizontal(|ui| {
                    let frac = if l.total == 0 {
                        0.0
                    } else {
                        l.done as f32 / l.total as f32
                    };
                    ui.label("Loading");
                    ui.add(
                        egui::ProgressBar::new(frac)
                            .desired_width(300.0)
                            .text(format!("{} / {} files", l.done, l.total)),
                    );
                    if ui.button("Cancel").clicked() {
                        self.commands.push(Command::CancelLoad);
                    }
                });
            }
            if let Some(n) = &self.notice {
                ui.horizontal(|ui| {
                    let color = if n.is_error {
                        ui.visuals().warn_fg_color
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.colored_label(color, &n.text);
                    if ui.small_button("Dismiss").clicked() {
                        self.commands.push(Command::DismissNotice);
                    }
                });
            }
        });
    }
}
