//! End-to-end load of a synthetic 10,000-article folder: read + parse + extract
//! + merge, on all cores (rayon), reporting wall time and peak memory (VmHWM).
//!
//! `cargo bench --bench load [-- COUNT]`

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use border_atlas::cli::report;
use border_atlas::load::load_paths;

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
    let loaded = start.elapsed();
    let n_articles = outcome.articles.len();
    let rep = report(outcome.articles, outcome.failures, true);
    let total = start.elapsed();
    let events: usize = rep.articles.iter().map(|a| a.events.len()).sum();
    let merged = rep.events.as_ref().map_or(0, Vec::len);
    println!(
        "load: {count} files, {:.1} MB, {} threads: read+parse {:.2} s, +extract+merge {:.2} s total; {n_articles} articles, {events} events, {merged} merged; peak RSS {:.0} MB (before load {:.0} MB)",
        bytes as f64 / 1e6,
        rayon::current_num_threads(),
        loaded.as_secs_f64(),
        total.as_secs_f64(),
        peak_rss_mb().unwrap_or(0.0),
        rss_before,
    );
    Ok(())
}
