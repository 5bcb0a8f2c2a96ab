//! The errors panel: every file that failed, with the reason.

use super::{Command, ViewCtx};

/// Draw the list (Hide closes the panel).
pub fn ui(ui: &mut egui::Ui, vc: &mut ViewCtx<'_>) {
    let corpus = vc.corpus;
    ui.horizontal(|ui| {
        let n = corpus.failure_count();
        ui.strong(format!(
            "Errors ({} could not be loaded)",
            super::count(n, "file", "files")
        ));
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
                    for (path, error) in corpus.failures() {
                        ui.label(path);
                        ui.colored_label(ui.visuals().warn_fg_color, error);
                        ui.end_row();
                    }
                });
        });
}
