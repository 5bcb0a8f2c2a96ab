//! End-to-end load of a synthetic 10,000-article folder: read + parse + extract + merge +
//! index (the corpus the window uses), on all cores (rayon), reporting wall time per stage
//! and peak memory (VmHWM).
//!
//! `cargo bench --bench load [-- COUNT]`

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use border_atlas::corpus::{Corpus, LoadedArticle};
use border_atlas::extract::extract;
use border_atlas::load::load_paths;
use border_atlas::merge::merge_events;
use border_atlas::model::{Article, Event};
use rayon::prelude::*;

#[path = "support/synth.rs"]
mod synth;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() -> anyhow::Result<()> {
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir()?;
    let mut bytes = 0usize;
    for f in synth::generate(count, 42) {
        bytes += f.contents.len();
        std::fs::write(dir.path().join(&f.name), &f.contents)?;
    }
    let rss_before = peak_rss_mb().unwrap_or(0.0);
    let start = Instant::now();
    let cancel = AtomicBool::new(false);
    let outcome = load_paths(&[dir.path().to_path_buf()], &|_, _| {}, &cancel);
    let t_read = start.elapsed();
    let articles: Vec<Article> = outcome.articles;
    let events: Vec<Vec<Event>> = articles.par_iter().map(extract).collect();
    let t_extract = start.elapsed();
    let pairs: Vec<(&Article, &[Event])> = articles
        .iter()
        .zip(events.iter())
        .map(|(a, e)| (a, e.as_slice()))
        .collect();
    let merged = merge_events(&pairs).len();
    drop(pairs);
    let t_merge = start.elapsed();
    let n_events: usize = events.iter().map(Vec::len).sum();
    let n_articles = articles.len();
    let mut corpus = Corpus::new();
    corpus.insert_files(articles.into_iter().zip(events).map(|(article, events)| {
        (
            article.path.clone(),
            vec![LoadedArticle { article, events }],
            None,
        )
    }));
    let total = start.elapsed();
    anyhow::ensure!(corpus.event_count() == n_events, "the corpus lost events");
    println!(
        "load: {count} files, {:.1} MB, {} threads: read+parse {:.2} s, extract {:.2} s, merge {:.2} s, index {:.2} s, total {:.2} s; {n_articles} articles, {n_events} events, {merged} merged, {} provinces indexed; peak RSS {:.0} MB (before load {:.0} MB)",
        bytes as f64 / 1e6,
        rayon::current_num_threads(),
        t_read.as_secs_f64(),
        (t_extract - t_read).as_secs_f64(),
        (t_merge - t_extract).as_secs_f64(),
        (total - t_merge).as_secs_f64(),
        total.as_secs_f64(),
        corpus.provinces().count(),
        peak_rss_mb().unwrap_or(0.0),
        rss_before,
    );
    Ok(())
}
