//! "Corrections that no longer apply": corrections kept in the workspace whose sentence
//! could not be found again in their article (or where no event is stated any more). They
//! are listed with the article, the sentence and the reason, and can be discarded.

use super::{Command, ViewCtx};
use crate::corrections::{Action, Orphan};

/// What a correction did, in a few words.
pub fn action_label(action: &Action) -> &'static str {
    match action {
        Action::Edit { .. } => "Edit",
        Action::Delete => "Deletion",
        Action::Add { .. } => "Added event",
        Action::Split { .. } => "Split",
    }
}

/// One line describing an orphaned correction (also its accessible label).
pub fn describe(o: &Orphan) -> String {
    format!(
        "{} in {}: {}",
        action_label(&o.correction.action),
        o.correction.article,
        o.reason
    )
}

/// The list, in a window (closing it sends [`Command::ShowOrphans`]`(false)`).
pub fn window(ctx: &egui::Context, vc: &mut ViewCtx<'_>) {
    let orphans = vc.workbench.orphans();
    let mut open = true;
    let title = format!("Corrections that no longer apply ({})", orphans.len());
    egui::Window::new(title)
        .id(egui::Id::unique("orphans_window"))
        .open(&mut open)
        .default_width(460.0)
        .vscroll(true)
        .show(ctx, |ui| {
            if orphans.is_empty() {
                ui.weak("Every correction applies to the loaded articles.");
                return;
            }
            ui.label(
                "These corrections are kept in the workspace but not applied, because their \
                 article changed. Discard the ones you no longer need.",
            );
            for o in &orphans {
                ui.separator();
                ui.strong(describe(o));
                ui.label(
                    egui::RichText::new(format!("“{}”", o.correction.key.sentence.trim()))
                        .italics(),
                );
                if ui
                    .button(format!("Discard correction {}", o.correction.id))
                    .on_hover_text("Remove it from the workspace")
                    .clicked()
                {
                    vc.send(Command::DiscardCorrection(o.correction.id));
                }
            }
        });
    if !open {
        vc.send(Command::ShowOrphans(false));
    }
}
