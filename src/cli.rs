//! The `extract` command's report: what `border-atlas extract` prints.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::extract::extract;
use crate::load::{load_paths, LoadFailure};
use crate::merge::{merge_events, MergedEvent};
use crate::model::{Article, Event};

/// Options of `border-atlas extract`.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Publication date for articles whose header gives none.
    pub reference_date: Option<NaiveDate>,
    /// Add the cross-article merged events.
    pub merge: bool,
}

/// One article and its events, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleReport {
    pub path: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    pub events: Vec<Event>,
}

/// The whole JSON object printed by `extract`.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractReport {
    pub articles: Vec<ArticleReport>,
    pub errors: Vec<LoadFailure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<MergedEvent>>,
}

/// Load `paths`, extract every article's events, and (optionally) merge them.
pub fn extract_paths(paths: &[PathBuf], options: &ExtractOptions) -> ExtractReport {
    let cancel = AtomicBool::new(false);
    let outcome = load_paths(paths, &|_, _| {}, &cancel);
    let mut articles = outcome.articles;
    if let Some(d) = options.reference_date {
        for a in articles.iter_mut().filter(|a| a.published.is_none()) {
            a.published = Some(d);
            a.warnings
                .push(format!("no publication date; using --reference-date {d}"));
        }
    }
    report(articles, outcome.failures, options.merge)
}

/// Extract (in parallel) and assemble the report for loaded articles.
pub fn report(articles: Vec<Article>, errors: Vec<LoadFailure>, merge: bool) -> ExtractReport {
    let events: Vec<Vec<Event>> = articles.par_iter().map(extract).collect();
    let merged = merge.then(|| {
        let pairs: Vec<(&Article, &[Event])> = articles
            .iter()
            .zip(events.iter())
            .map(|(a, e)| (a, e.as_slice()))
            .collect();
        merge_events(&pairs)
    });
    let articles = articles
        .into_iter()
        .zip(events)
        .map(|(a, events)| ArticleReport {
            path: a.path,
            title: a.title,
            source: a.source,
            url: a.url,
            published: a.published,
            warnings: a.warnings,
            events,
        })
        .collect();
    ExtractReport {
        articles,
        errors,
        events: merged,
    }
}

/// What `border-atlas explain FILE` prints: for each article in the file, the
/// extractor's reading of every sentence and the events it assembled.
pub fn explain_file(
    path: &std::path::Path,
    reference: Option<NaiveDate>,
) -> anyhow::Result<String> {
    use anyhow::Context;
    let articles = crate::load::load_file(path)
        .with_context(|| format!("{}: could not be read as an article", path.display()))?;
    let mut out = String::new();
    for a in articles {
        let published = a
            .published
            .or(reference)
            .map(crate::model::PartialDate::from_naive);
        out.push_str(&format!("== {}\n", a.path));
        if let Some(t) = &a.title {
            out.push_str(&format!("title: {}\n", terminal_safe(t)));
        }
        out.push_str(&crate::extract::explain(&a.text, published));
        out.push('\n');
    }
    Ok(out)
}

/// Text safe to print on a terminal: control characters (escape sequences
/// included) and bidi overrides from file names or contents are shown as
/// `\u{..}` instead of being interpreted.
pub fn terminal_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if (c.is_control() && c != '\n' && c != '\t')
                || ('\u{202A}'..='\u{202E}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
            {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// [`terminal_safe`] on one line: newlines and tabs too are shown escaped
/// (carriage returns already are), so a file name cannot start a line of its own (a forged
/// "border-atlas: … everything fine" line).
pub fn one_line(s: &str) -> String {
    terminal_safe(s).replace('\n', "\\n").replace('\t', "\\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_never_reach_the_terminal() {
        let s = terminal_safe("bad\u{1b}[31mred\u{202E}txt.exe\nnext");
        assert!(!s.contains('\u{1b}') && !s.contains('\u{202E}'));
        assert!(s.contains("\\u{1b}[31mred") && s.ends_with("\nnext"));
        let forged = "a.txt\nborder-atlas: all files loaded fine\r\t";
        assert_eq!(
            one_line(forged),
            "a.txt\\nborder-atlas: all files loaded fine\\u{d}\\t"
        );
    }
}
