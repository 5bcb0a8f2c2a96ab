//! CPU time of one map frame in a headless egui context (all provinces, labels, arcs, and the
//! counts of 10,000 events spread over the provinces), excluding tessellation by the renderer.
//!
//! `cargo run --release --example map_bench`

use std::collections::HashMap;
use std::time::Instant;

use border_atlas::app::map::{MapInput, MapView};
use border_atlas::geo::geography;

fn main() {
    let g = geography();
    let ids: Vec<String> = g.provinces().map(|r| r.id.clone()).collect();
    // 10,000 events spread deterministically over the provinces.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for i in 0..10_000usize {
        let id = &ids[(i * 7 + i / 13) % ids.len()];
        *counts.entry(id.clone()).or_default() += 1;
    }
    let lao: Vec<&String> = ids.iter().filter(|i| i.starts_with("LA-")).collect();
    let khm: Vec<&String> = ids.iter().filter(|i| i.starts_with("KH-")).collect();
    let links: Vec<(String, String, usize)> = (0..20)
        .map(|i| {
            (
                lao[i % lao.len()].clone(),
                khm[(i * 3) % khm.len()].clone(),
                10 + i * 5,
            )
        })
        .collect();
    let input = MapInput {
        counts,
        selected: Some("KH-19".into()),
        highlighted: vec!["LA-CH".into(), "KH-16".into()],
        links,
        selected_link: None,
        hubs: vec![(
            ["KH-13", "KH-16", "KH-19", "LA-AT", "LA-CH"]
                .map(String::from)
                .to_vec(),
            3,
        )],
    };
    let ctx = egui::Context::default();
    let mut view = MapView::default();
    let raw = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1200.0, 800.0),
        )),
        events: vec![egui::Event::PointerMoved(egui::pos2(600.0, 400.0))],
        ..Default::default()
    };
    // Warm up (parse + triangulate + font atlas).
    let t0 = Instant::now();
    let mut _o = ctx.run_ui(raw(), |ui| {
        view.ui(ui, &input);
    });
    _o.textures_delta.clear();
    println!(
        "first frame (parse, triangulate, fonts): {:.1} ms",
        t0.elapsed().as_secs_f64() * 1e3
    );
    for _ in 0..20 {
        let mut _o = ctx.run_ui(raw(), |ui| {
            view.ui(ui, &input);
        });
        _o.textures_delta.clear();
    }
    let n = 500;
    let mut map_only = 0.0;
    let t = Instant::now();
    for _ in 0..n {
        let mut _o = ctx.run_ui(raw(), |ui| {
            let s = Instant::now();
            view.ui(ui, &input);
            map_only += s.elapsed().as_secs_f64();
        });
        _o.textures_delta.clear();
    }
    let total = t.elapsed().as_secs_f64();
    println!(
        "map widget: {:.3} ms/frame; whole egui frame incl. map: {:.3} ms/frame ({n} frames)",
        map_only / n as f64 * 1e3,
        total / n as f64 * 1e3
    );
}
