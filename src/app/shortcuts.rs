//! Every keyboard shortcut of the window, in one table: the key, what it is
//! called, the command it sends. The frame consumes them in one loop, the menu
//! shows them with egui's shortcut text (⌘ on macOS, Ctrl elsewhere), and
//! Help ▸ Keyboard shortcuts lists them.
//!
//! Keys the views handle themselves (Up/Down and Enter in the event list, the
//! map's arrow keys and +/-) are listed in [`VIEW_KEYS`] for the help only.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::dialog::DialogKind;
use super::Command;

/// One global shortcut.
pub struct Shortcut {
    pub keys: KeyboardShortcut,
    /// What it does, as the menu and the help say it.
    pub label: &'static str,
    /// The command it sends.
    pub command: fn() -> Command,
    /// Also while a text field has the keyboard (only for keys a text field
    /// never uses).
    pub while_typing: bool,
}

const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// The global shortcuts. Longer chords first: Ctrl+Shift+O must be consumed
/// before Ctrl+O sees the O.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: KeyboardShortcut::new(CMD_SHIFT, Key::O),
        label: "Open folder…",
        command: || Command::OpenDialog(DialogKind::Folder),
        while_typing: true,
    },
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
        label: "Open articles…",
        command: || Command::OpenDialog(DialogKind::Files),
        while_typing: true,
    },
    Shortcut {
        keys: KeyboardShortcut::new(CMD_SHIFT, Key::Z),
        label: "Redo",
        command: || Command::Redo,
        while_typing: false,
    },
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
        label: "Undo last correction",
        command: || Command::Undo,
        while_typing: false,
    },
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::F5),
        label: "Reload changed files",
        command: || Command::Reload,
        while_typing: true,
    },
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::Escape),
        label: "Clear the innermost selection",
        command: || Command::Escape,
        while_typing: false,
    },
];

/// Keys handled inside one view, for the help list: (keys, what they do).
pub const VIEW_KEYS: &[(&str, &str)] = &[
    ("Up / Down", "Previous / next event in the list"),
    ("Enter", "Show the selected event's article"),
    (
        "+ / -, arrow keys",
        "Zoom and pan the map (when it has focus)",
    ),
];

/// The shortcut with this label (the menu shows its keys).
pub fn find(label: &str) -> Option<&'static Shortcut> {
    SHORTCUTS.iter().find(|s| s.label == label)
}

/// A menu button that shows its shortcut's keys ("Open articles…  Ctrl+O").
pub fn button(ctx: &egui::Context, label: &'static str) -> egui::Button<'static> {
    let mut b = egui::Button::new(label);
    if let Some(s) = find(label) {
        b = b.shortcut_text(ctx.format_shortcut(&s.keys));
    }
    b
}

/// The commands of the shortcuts pressed this frame (each consumed once).
pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    SHORTCUTS
        .iter()
        .filter(|s| s.while_typing || !typing)
        .filter(|s| ctx.input_mut(|i| i.consume_shortcut(&s.keys)))
        .map(|s| (s.command)())
        .collect()
}

/// The help window's list: every shortcut with its keys, then the view keys.
pub fn help_ui(ui: &mut egui::Ui) {
    egui::Grid::new("shortcuts_help")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for s in SHORTCUTS {
                ui.strong(ui.ctx().format_shortcut(&s.keys));
                ui.label(s.label);
                ui.end_row();
            }
            for (keys, what) in VIEW_KEYS {
                ui.strong(*keys);
                ui.label(*what);
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_is_unique_and_named() {
        for (i, a) in SHORTCUTS.iter().enumerate() {
            assert!(!a.label.is_empty());
            for b in &SHORTCUTS[i + 1..] {
                assert_ne!(a.keys, b.keys, "{} and {} share keys", a.label, b.label);
                assert_ne!(a.label, b.label);
            }
        }
        // A chord is consumed before the shorter one it contains.
        let pos = |l: &str| SHORTCUTS.iter().position(|s| s.label == l);
        assert!(pos("Open folder…") < pos("Open articles…"));
        assert!(pos("Redo") < pos("Undo last correction"));
    }
}
