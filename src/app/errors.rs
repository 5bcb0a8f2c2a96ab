//! The errors panel: every file that failed, with the reason.

use crate::corpus::Corpus;

/// Draw the list; returns true when the user closes the panel.
pub fn ui(ui: &mut egui::Ui, corpus: &Corpus) -> bool {
    let mut close = false;
    ui.horizontal(|ui| {
        let n = corpus.failure_count();
        ui.strong(format!(
            "Errors ({} could not be loaded)",
            super::count(n, "file", "files")
        ));
        ui.label("— everything else stays loaded.");
        if ui.small_button("Hide").clicked() {
            close = true;
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
    close
}
