//! What views send the app, and what they read each frame.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::dialog::DialogKind;
use crate::corpus::{Corpus, EventKey, Filter};
use crate::corrections::{EventEdit, NewEvent};
use crate::model::EventKind;
use crate::workbench::{ExportFormat, Workbench};

/// Something a view asks the app to do; run at the end of the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Ask for files, a folder or a workspace; articles picked replace what is loaded.
    OpenDialog(DialogKind),
    /// Ask for files or a folder; the articles picked join what is loaded.
    AddDialog(DialogKind),
    Open(Vec<PathBuf>),
    Reload,
    CancelLoad,
    CloseAll,
    ClearRecent,
    SelectProvince(Option<String>),
    SelectLink(Option<(String, String)>),
    SelectEvent(Option<EventKey>),
    SetRange(Option<(NaiveDate, NaiveDate)>),
    SetCountryPair(Option<String>),
    ToggleKind(EventKind),
    SetText(String),
    ClearFilters,
    /// Esc: clear the innermost selection (event, then range/province/link).
    Escape,
    ShowArticle(bool),
    ShowErrors(bool),
    DismissNotice,
    /// Record an edit of this event as a correction.
    EditEvent {
        key: EventKey,
        changes: EventEdit,
    },
    /// Record this event as false (a deletion correction).
    DeleteEvent(EventKey),
    /// Record an event the extractor missed, stated by `text[start..end]` of this article.
    AddEvent {
        article: crate::corpus::ArticleKey,
        start: usize,
        end: usize,
        event: NewEvent,
    },
    /// Split the merged event this event belongs to back into its reports (a correction).
    SplitMerged(EventKey),
    /// Remove this correction from the workspace (an orphaned one, typically).
    DiscardCorrection(u64),
    /// Show or hide the list of corrections that no longer apply.
    ShowOrphans(bool),
    Undo,
    Redo,
    /// Ask where to save the workspace, then save it.
    SaveWorkspaceDialog,
    SaveWorkspace(PathBuf),
    OpenWorkspace(PathBuf),
    /// Set (or clear) the publication date of the article with this path; its relative
    /// dates are resolved again.
    SetPublished {
        article: String,
        date: Option<NaiveDate>,
    },
    /// Ask where to export, then export.
    ExportDialog(ExportFormat),
    /// Export the events under the current filters (or the view, for PNG) to this file.
    Export {
        format: ExportFormat,
        path: PathBuf,
    },
}

/// What a command asks the views to bring into view. It lasts one frame: each view that
/// shows the thing scrolls to it on that frame, and nobody clears a view's own state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The event just selected: its row in the list, its sentence in the article.
    Event(EventKey),
}

/// What views read each frame.
pub struct ViewCtx<'a> {
    pub corpus: &'a Corpus,
    pub filter: &'a Filter,
    /// Events passing the filter, chronological.
    pub filtered: &'a [EventKey],
    pub selected_event: Option<EventKey>,
    /// Events per province under the filters other than the province/link selection.
    pub counts: &'a HashMap<String, usize>,
    /// The open files, corrections and publication dates (origins of events).
    pub workbench: &'a Workbench,
    /// The selected event merged with the same occasion in other articles (if any).
    pub merged: Option<&'a crate::merge::MergedEvent>,
    /// What to bring into view on this frame (set by the command that asked for it).
    pub focus: Option<Focus>,
    pub commands: &'a mut Vec<Command>,
}

impl ViewCtx<'_> {
    pub fn send(&mut self, c: Command) {
        self.commands.push(c);
    }
}
