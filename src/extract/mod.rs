//! Pure text → events. No I/O, no UI types, deterministic.

pub mod dates;

use crate::model::{Article, Event};

/// Extract the cooperation events an article reports.
pub fn extract(_article: &Article) -> Vec<Event> {
    Vec::new()
}
