//! Screenshots: `--screenshot OUT.png` (render once the data is loaded, write, exit) and
//! File ▸ Export ▸ View as PNG.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::{BorderAtlasApp, Command, Notice};

pub(super) type ImageSlot = Arc<Mutex<Option<Arc<egui::ColorImage>>>>;

#[derive(Default)]
pub(super) enum ScreenshotState {
    #[default]
    Off,
    /// Waiting for the data, then for a few settled frames.
    Waiting {
        path: PathBuf,
        settled_frames: u32,
    },
    Requested {
        path: PathBuf,
        image: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
    },
    Done,
}

impl BorderAtlasApp {
    pub(super) fn drive_screenshot(&mut self, ctx: &egui::Context) {
        let loading = self.is_loading();
        match std::mem::take(&mut self.screenshot) {
            ScreenshotState::Off => {}
            ScreenshotState::Done => self.screenshot = ScreenshotState::Done,
            ScreenshotState::Waiting {
                path,
                settled_frames,
            } => {
                let settled = if loading { 0 } else { settled_frames + 1 };
                if settled == 1 && self.selected_event.is_none() {
                    // Show a populated window: select the latest event linked to provinces.
                    let corpus = self.workbench.corpus();
                    let latest = corpus.events_in_order().iter().rev().find(|k| {
                        corpus.event(**k).is_some_and(|e| {
                            e.event.date.is_some() && !e.event.provinces.is_empty()
                        })
                    });
                    if let Some(k) = latest {
                        self.commands.push(Command::SelectEvent(Some(*k)));
                    }
                }
                if settled >= 5 {
                    let image = Arc::new(Mutex::new(None));
                    let slot = image.clone();
                    let ctx2 = ctx.clone();
                    ctx.request_screenshot(move |img| {
                        if let Ok(mut s) = slot.lock() {
                            *s = Some(img);
                        }
                        ctx2.request_repaint();
                    });
                    self.screenshot = ScreenshotState::Requested { path, image };
                } else {
                    self.screenshot = ScreenshotState::Waiting {
                        path,
                        settled_frames: settled,
                    };
                }
                ctx.request_repaint();
            }
            ScreenshotState::Requested { path, image } => {
                let taken = image.lock().ok().and_then(|mut s| s.take());
                match taken {
                    Some(img) => {
                        if let Err(e) = write_png(&path, &img) {
                            eprintln!("border-atlas: cannot write screenshot: {e:#}");
                        } else {
                            eprintln!("border-atlas: screenshot written to {}", path.display());
                        }
                        self.screenshot = ScreenshotState::Done;
                        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                    None => {
                        self.screenshot = ScreenshotState::Requested { path, image };
                        ctx.request_repaint_after(std::time::Duration::from_millis(30));
                    }
                }
            }
        }
    }

    pub(super) fn poll_png_export(&mut self) {
        let Some((path, slot)) = &self.png_export else {
            return;
        };
        let taken = slot.lock().ok().and_then(|mut s| s.take());
        let Some(img) = taken else {
            self.ctx
                .request_repaint_after(std::time::Duration::from_millis(30));
            return;
        };
        let path = path.clone();
        self.png_export = None;
        self.notice = Some(match write_png(&path, &img) {
            Ok(()) => Notice {
                text: format!(
                    "Exported the view ({}×{} PNG) to {}.",
                    img.size[0],
                    img.size[1],
                    path.display()
                ),
                is_error: false,
            },
            Err(e) => Notice {
                text: format!("PNG export failed: {e:#}"),
                is_error: true,
            },
        });
    }
}

pub(super) fn write_png(path: &std::path::Path, image: &egui::ColorImage) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let [w, h] = image.size;
    let mut bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut bytes, w as u32, h as u32);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().context("writing PNG header")?;
        let pixels: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
        writer
            .write_image_data(&pixels)
            .context("writing PNG data")?;
        writer.finish().context("finishing PNG")?;
    }
    crate::atomic::write_atomic(path, &bytes)?;
    Ok(())
}
