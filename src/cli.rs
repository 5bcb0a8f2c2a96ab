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
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::Path).collect();
    let (articles, failures) = load_inputs(&inputs, options);
    report(articles, failures, options.merge)
}

/// Load `inputs` (paths and article objects), extract, and (optionally) merge.
pub fn extract_inputs(inputs: &[Input], options: &ExtractOptions) -> ExtractReport {
    let (articles, failures) = load_inputs(inputs, options);
    report(articles, failures, options.merge)
}

/// One input of `extract`: a file or folder, or an article JSON object given
/// on standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    /// An article object: its display path and its JSON text.
    Article {
        path: String,
        json: String,
    },
}

/// Read `extract -` input: one article path or one article JSON object per
/// line (blank lines skipped). An object's `"path"` field names it; otherwise
/// it is `stdin:LINE`.
pub fn parse_input_line(line: &str, number: usize) -> Option<Input> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    if t.starts_with('{') {
        let path = serde_json::from_str::<serde_json::Value>(t)
            .ok()
            .and_then(|v| v.get("path").and_then(|p| p.as_str()).map(str::to_string))
            .unwrap_or_else(|| format!("stdin:{number}"));
        return Some(Input::Article {
            path,
            json: t.to_string(),
        });
    }
    Some(Input::Path(PathBuf::from(t)))
}

/// Load a batch of inputs, with the publication-date fallback applied.
fn load_inputs(inputs: &[Input], options: &ExtractOptions) -> (Vec<Article>, Vec<LoadFailure>) {
    let cancel = AtomicBool::new(false);
    let paths: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::Path(p) => Some(p.clone()),
            Input::Article { .. } => None,
        })
        .collect();
    let outcome = load_paths(&paths, &|_, _| {}, &cancel);
    let mut articles = outcome.articles;
    let mut failures = outcome.failures;
    for input in inputs {
        if let Input::Article { path, json } = input {
            match crate::load::load_json_text(path, json) {
                Ok(parts) => {
                    for (p, r) in parts {
                        match r {
                            Ok(a) => articles.push(a),
                            Err(e) => failures.push(LoadFailure::new(p, &e)),
                        }
                    }
                }
                Err(e) => failures.push(LoadFailure::new(path.clone(), &e)),
            }
        }
    }
    if let Some(d) = options.reference_date {
        for a in articles.iter_mut().filter(|a| a.published.is_none()) {
            a.published = Some(d);
            a.warnings
                .push(format!("no publication date; using --reference-date {d}"));
        }
    }
    (articles, failures)
}

/// How many inputs `extract --jsonl` reads, extracts and writes at a time:
/// memory holds one batch, whatever the size of the corpus.
pub const JSONL_BATCH: usize = 256;

/// What `extract --jsonl` wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JsonlSummary {
    pub articles: usize,
    /// Failures that are not skips (a non-article file inside a folder).
    pub failed: usize,
}

/// `extract --jsonl`: one line per article (the objects of `"articles"`)
/// and one `{"path", "error"}` line per failure, written batch by batch as
/// each is done. Failures are also reported to `on_failure` (for stderr).
pub fn extract_jsonl(
    inputs: impl IntoIterator<Item = Input>,
    options: &ExtractOptions,
    out: &mut dyn std::io::Write,
    on_failure: &mut dyn FnMut(&LoadFailure),
) -> anyhow::Result<JsonlSummary> {
    let mut summary = JsonlSummary::default();
    let mut batch: Vec<Input> = Vec::with_capacity(JSONL_BATCH);
    let mut inputs = inputs.into_iter().peekable();
    while inputs.peek().is_some() {
        batch.clear();
        batch.extend(inputs.by_ref().take(JSONL_BATCH));
        // A folder may hold many files: load them in batches too.
        let mut expanded: Vec<Input> = Vec::new();
        let mut early: Vec<LoadFailure> = Vec::new();
        for input in batch.drain(..) {
            match input {
                Input::Path(p) => {
                    let (files, mut failures) = crate::load::collect_files(&[p]);
                    early.append(&mut failures);
                    expanded.extend(files.into_iter().map(Input::Path));
                }
                other => expanded.push(other),
            }
        }
        for f in &early {
            write_failure(out, f, &mut summary, on_failure)?;
        }
        for chunk in expanded.chunks(JSONL_BATCH) {
            let (articles, failures) = load_inputs(chunk, options);
            let rep = report(articles, Vec::new(), false);
            for a in &rep.articles {
                serde_json::to_writer(&mut *out, a)?;
                out.write_all(b"\n")?;
                summary.articles += 1;
            }
            for f in &failures {
                write_failure(out, f, &mut summary, on_failure)?;
            }
        }
        out.flush()?;
    }
    Ok(summary)
}

fn write_failure(
    out: &mut dyn std::io::Write,
    f: &LoadFailure,
    summary: &mut JsonlSummary,
    on_failure: &mut dyn FnMut(&LoadFailure),
) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, f)?;
    out.write_all(b"\n")?;
    if !f.is_skip() {
        summary.failed += 1;
    }
    on_failure(f);
    Ok(())
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
        out.push_str(&crate::extract::explain(
            &a.text,
            a.title.as_deref(),
            published,
        ));
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
