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
                super::count(errors, "file", "files")
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
    egui::ScrollArea::vertical()
        .id_salt("errors_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("errors_grid")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    let failures = corpus.failures().filter(|(_, e)| !e.is_skip());
                    let skips = corpus.failures().filter(|(_, e)| e.is_skip());
                    for (path, error) in failures {
                        ui.label(path);
                        ui.colored_label(ui.visuals().warn_fg_color, error.to_string());
                        ui.end_row();
                    }
                    for (path, why) in skips {
                        ui.weak(path);
                        ui.weak(format!("skipped: {why}"));
                        ui.end_row();
                    }
                });
        });
}
