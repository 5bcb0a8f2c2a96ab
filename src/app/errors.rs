//! The errors panel: every file that failed, with the reason, then the files
//! skipped because they are not articles (shown apart: a `gold.json` answer
//! key or a `.docx` in a folder is not a failure).

use super::{Command, ViewCtx};

/// Draw the list (Hide closes the panel).
pub fn ui(ui: &mut egui::Ui, vc: &mut ViewCtx<'_>) {
    let corpus = vc.corpus;
    ui.horizontal(|ui| {
        let (errors, skipped) = (corpus.error_count(), corpus.skipped_count());
        if errors > 0 {
            ui.strong(format!(
                "Errors ({} could not be loaded)",
                super::count(errors, "file or article", "files or articles")
            ));
        }
        if skipped > 0 {
            ui.label(format!(
                "{} skipped: not articles",
                super::count(skipped, "file", "files")
            ));
        }
        ui.label("— everything else stays loaded.");
        if ui.small_button("Hide").clicked() {
            vc.send(Command::ShowErrors(false));
        }
    });
    // Failures first, then skips; only the rows in view are laid out, so a
    // folder of a hundred thousand bad files costs no more per frame than ten.
    let rows: Vec<(&str, &crate::load::LoadError)> = corpus
        .failures()
        .filter(|(_, e)| !e.is_skip())
        .chain(corpus.failures().filter(|(_, e)| e.is_skip()))
        .collect();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let path_width = (ui.available_width() * 0.4).clamp(120.0, 520.0);
    egui::ScrollArea::vertical()
        .id_salt("errors_scroll")
        .auto_shrink([false, true])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for (path, error) in rows.get(range).unwrap_or_default() {
                ui.horizontal(|ui| {
                    let (label, reason) = if error.is_skip() {
                        (
                            egui::RichText::new(*path).weak(),
                            egui::RichText::new(format!("skipped: {error}")).weak(),
                        )
                    } else {
                        (
                            egui::RichText::new(*path),
                            egui::RichText::new(error.to_string())
                                .color(ui.visuals().warn_fg_color),
                        )
                    };
                    ui.allocate_ui_with_layout(
                        egui::vec2(path_width, row_height),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            ui.set_min_width(path_width);
                            ui.add(egui::Label::new(label).truncate())
                                .on_hover_text(*path);
                        },
                    );
                    ui.add(egui::Label::new(reason).truncate());
                });
            }
        });
}
