//! CPU time of one frame of the whole window (map + timeline + event list + details) with a
//! synthetic 10,000-article folder loaded through the real pipeline, run headlessly with
//! egui_kittest. Two states: nothing selected, and a province selected with a time brush.
//!
//! `cargo bench --bench frame [-- COUNT]`
//!
//! It first times the start of the app on its bundled samples: construction to the end of
//! the first frame, and to the first frame that shows the samples' events.
//!
//! A frame is one `Harness::step()`: the app's `ui`, egui layout and the AccessKit tree
//! update that kittest does (the real window builds that tree too); no tessellation or GPU
//! work. CPU time is this thread's on-CPU time (`CLOCK_THREAD_CPUTIME_ID`), so other
//! processes on the machine do not inflate it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use border_atlas::app::{AppConfig, BorderAtlasApp, Command};
use egui_kittest::Harness;

#[path = "support/synth.rs"]
mod synth;

const FRAMES: usize = 100;

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
}

/// `CLOCK_THREAD_CPUTIME_ID` on Linux.
const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

/// On-CPU time of the calling thread, in nanoseconds (nanosecond resolution, unlike
/// `/proc/thread-self/schedstat` which is tick-granular on some kernels).
fn thread_cpu_ns() -> Option<u64> {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec (x86_64 / aarch64 Linux layout).
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64)
}

struct Stats {
    cpu_median_ms: f64,
    cpu_p90_ms: f64,
    wall_median_ms: f64,
}

fn median_of(mut v: Vec<f64>, q: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let i = ((v.len() as f64 - 1.0) * q).round() as usize;
    v.get(i).copied().unwrap_or(f64::NAN)
}

fn measure(harness: &mut Harness<'static, BorderAtlasApp>) -> Stats {
    // Settle: apply queued commands, recompute derived data, fill caches.
    for _ in 0..5 {
        harness.step();
    }
    let mut cpu = Vec::with_capacity(FRAMES);
    let mut wall = Vec::with_capacity(FRAMES);
    for _ in 0..FRAMES {
        let c0 = thread_cpu_ns().unwrap_or(0);
        let t0 = Instant::now();
        harness.step();
        wall.push(t0.elapsed().as_secs_f64() * 1e3);
        cpu.push((thread_cpu_ns().unwrap_or(0).saturating_sub(c0)) as f64 / 1e6);
    }
    Stats {
        cpu_median_ms: median_of(cpu.clone(), 0.5),
        cpu_p90_ms: median_of(cpu, 0.9),
        wall_median_ms: median_of(wall, 0.5),
    }
}

/// Start to first frame on the bundled samples, in a fresh process (the gazetteer, map and
/// fonts are built on first use): the app's construction plus one frame, then the frame
/// that first shows every sample event.
fn first_frame() -> anyhow::Result<()> {
    let start = Instant::now();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| BorderAtlasApp::new(cc, AppConfig::for_test(Vec::new())));
    harness.step();
    let first = start.elapsed();
    while harness.state().is_loading() || harness.state().corpus().event_count() == 0 {
        anyhow::ensure!(
            start.elapsed() < Duration::from_secs(60),
            "the samples never loaded"
        );
        std::thread::sleep(Duration::from_millis(1));
        harness.step();
    }
    println!(
        "first frame: {:.0} ms after start; samples shown ({} events) after {:.0} ms (headless: no window or GL set-up)",
        first.as_secs_f64() * 1e3,
        harness.state().corpus().event_count(),
        start.elapsed().as_secs_f64() * 1e3
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    first_frame()?;
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir()?;
    for f in synth::generate(count, 42) {
        std::fs::write(dir.path().join(&f.name), &f.contents)?;
    }
    let paths: Vec<PathBuf> = vec![dir.path().to_path_buf()];
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| BorderAtlasApp::new(cc, AppConfig::for_test(paths)));
    let start = Instant::now();
    while harness.state().is_loading() {
        harness.step();
        anyhow::ensure!(
            start.elapsed() < Duration::from_secs(300),
            "loading never finished"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let (articles, events) = (
        harness.state().corpus().article_count(),
        harness.state().corpus().event_count(),
    );
    println!(
        "frame: {articles} articles, {events} events loaded by the window in {:.2} s (background load + indexing on the UI thread, frames stepped every 20 ms)",
        start.elapsed().as_secs_f64()
    );

    let idle = measure(&mut harness);
    println!(
        "frame, no selection: CPU median {:.2} ms, p90 {:.2} ms (wall median {:.2} ms) over {FRAMES} frames",
        idle.cpu_median_ms, idle.cpu_p90_ms, idle.wall_median_ms
    );

    let bounds = harness.state().corpus().date_bounds();
    let Some((first, last)) = bounds else {
        anyhow::bail!("the synthetic corpus has no dated events");
    };
    let span = (last - first).num_days();
    let from = first + chrono::Duration::days(span / 3);
    let to = first + chrono::Duration::days(2 * span / 3);
    harness
        .state_mut()
        .send(Command::SelectProvince(Some("KH-19".into())));
    harness
        .state_mut()
        .send(Command::SetRange(Some((from, to))));
    harness.step();
    let shown = harness.state_mut().filtered_events().len();
    anyhow::ensure!(
        harness.state().filter().province.is_some() && harness.state().filter().range.is_some(),
        "the selection did not apply"
    );
    let sel = measure(&mut harness);
    println!(
        "frame, KH-19 selected + brush {from}..{to} ({shown} events shown): CPU median {:.2} ms, p90 {:.2} ms (wall median {:.2} ms) over {FRAMES} frames",
        sel.cpu_median_ms, sel.cpu_p90_ms, sel.wall_median_ms
    );
    Ok(())
}
