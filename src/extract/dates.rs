//! Temporal tagger. INTERFACE STUB: the dates helper replaces the bodies.

use crate::model::PartialDate;

/// Which form of expression a date mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// A calendar date with or without year: "27 May 2022", "May 27", "May 27-28", "2022-05-27".
    Absolute,
    /// A month or year alone: "in 2019", "November last year", "in May".
    Period,
    /// A weekday: "on Tuesday", "next Monday".
    Weekday,
    /// Relative to the reference: "yesterday", "last week", "earlier this year".
    Relative,
}

/// A date expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    /// `None` when the expression cannot be resolved (e.g. "yesterday" with no reference).
    pub date: Option<PartialDate>,
    /// Last day of a range ("May 27-28" → 28 May), if any.
    pub end_date: Option<PartialDate>,
    pub form: DateForm,
}

/// All date expressions in `text`, in order, resolved against `reference`
/// (the publication date, possibly only month- or year-precise).
pub fn tag_dates(_text: &str, _reference: Option<PartialDate>) -> Vec<DateMention> {
    Vec::new()
}

/// A reference date stated in the opening lines of an article (a dateline
/// such as "Vientiane, 11 January 2017" or "Lao News Agency | Feb. 2014").
pub fn find_reference(_text: &str) -> Option<PartialDate> {
    None
}
