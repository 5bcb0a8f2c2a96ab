//! Render the province map alone in a window and save a PNG (for looking at it).
//!
//! `xvfb-run -s "-screen 0 1280x900x24" cargo run --example map_preview -- OUT.png [--dark] [--zoom F]`

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use border_atlas::app::map::{MapInput, MapView};

struct Preview {
    view: MapView,
    input: MapInput,
    frames: u32,
    out: String,
    zoom: f64,
    done: Arc<Mutex<bool>>,
}

impl eframe::App for Preview {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            let r = self.view.ui(ui, &self.input);
            if let Some(sel) = r.select_province {
                self.input.selected = sel;
            }
        });
        self.frames += 1;
        if self.frames == 2 && (self.zoom - 1.0).abs() > 1e-6 {
            self.view.scale *= self.zoom;
        }
        if self.frames == 6 {
            let out = self.out.clone();
            let done = self.done.clone();
            ui.ctx().request_screenshot(move |img| {
                let (w, h) = (img.size[0] as u32, img.size[1] as u32);
                let bytes: Vec<u8> = img.pixels.iter().flat_map(|c| c.to_array()).collect();
                let res = std::fs::File::create(&out)
                    .map_err(|e| e.to_string())
                    .and_then(|f| {
                        let mut enc = png::Encoder::new(std::io::BufWriter::new(f), w, h);
                        enc.set_color(png::ColorType::Rgba);
                        enc.set_depth(png::BitDepth::Eight);
                        let mut wr = enc.write_header().map_err(|e| e.to_string())?;
                        wr.write_image_data(&bytes).map_err(|e| e.to_string())
                    });
                match res {
                    Ok(()) => eprintln!("wrote {out} ({w}×{h})"),
                    Err(e) => eprintln!("cannot write {out}: {e}"),
                }
                if let Ok(mut d) = done.lock() {
                    *d = true;
                }
            });
        }
        if self.done.lock().map(|d| *d).unwrap_or(false) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ui.ctx().request_repaint();
    }
}

fn main() -> eframe::Result {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = args
        .iter()
        .find(|a| a.ends_with(".png"))
        .cloned()
        .unwrap_or_else(|| "map_preview.png".into());
    let dark = args.iter().any(|a| a == "--dark");
    let zoom = args
        .iter()
        .position(|a| a == "--zoom")
        .and_then(|i| args.get(i + 1))
        .and_then(|z| z.parse().ok())
        .unwrap_or(1.0);
    // Illustrative counts and links (not real data) to show the choropleth and the arcs.
    let counts: HashMap<String, usize> = [
        ("LA-CH", 14),
        ("LA-AT", 9),
        ("KH-19", 12),
        ("KH-16", 6),
        ("KH-13", 3),
        ("KH-12", 4),
        ("LA-VT", 2),
        ("LA-SL", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let input = MapInput {
        counts,
        selected: Some("KH-19".into()),
        highlighted: vec![],
        links: vec![
            ("LA-CH".into(), "KH-19".into(), 8),
            ("LA-AT".into(), "KH-16".into(), 4),
            ("LA-CH".into(), "KH-13".into(), 2),
        ],
        selected_link: None,
        hubs: vec![(
            ["KH-13", "KH-16", "KH-19", "LA-AT", "LA-CH"]
                .map(String::from)
                .to_vec(),
            3,
        )],
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1000.0, 720.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Border Atlas map preview",
        options,
        Box::new(move |cc| {
            cc.egui_ctx.set_theme(if dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            Ok(Box::new(Preview {
                view: MapView::default(),
                input,
                frames: 0,
                out,
                zoom,
                done: Arc::new(Mutex::new(false)),
            }))
        }),
    )
}
