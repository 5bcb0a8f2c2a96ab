//! One frame: poll what runs in the background, read global input, lay out the panels
//! around the map, then run the commands the views sent.

use std::path::PathBuf;

use super::map::MapInput;
use super::{details, errors, orphans, shortcuts, BorderAtlasApp, Command, ViewCtx, STORAGE_KEY};

impl BorderAtlasApp {
    pub(super) fn refresh_derived(&mut self) {
        self.workbench.merged();
        let corpus = self.workbench.corpus();
        let key = (corpus.generation(), self.filter.clone());
        if self.derived.key.as_ref() == Some(&key) {
            return;
        }
        let filtered = corpus.filter(&self.filter);
        // The map shows counts for everything but the province/link selection itself,
        // so other provinces stay visible while one is selected.
        let mut map_filter = self.filter.clone();
        map_filter.province = None;
        map_filter.link = None;
        let map_events = if map_filter == self.filter {
            filtered.clone()
        } else {
            corpus.filter(&map_filter)
        };
        self.derived.counts = corpus.counts_by_province(&map_events);
        self.derived.links = corpus.links(&map_events);
        self.derived.hubs = corpus.hubs(&map_events);
        self.derived.filtered = filtered;
        self.derived.key = Some(key);
    }

    pub(super) fn handle_global_input(&mut self, ctx: &egui::Context) {
        self.commands.extend(shortcuts::pressed(ctx));
        // Dropped files and folders.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.push(Command::Open(dropped));
        }
    }
}

impl eframe::App for BorderAtlasApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_loader();
        self.poll_dialog();
        self.poll_png_export();
        self.handle_global_input(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.refresh_derived();
        self.menu_bar(ui);
        self.status_strip(ui);

        let Self {
            persisted,
            workbench,
            filter,
            selected_event,
            derived,
            commands,
            draft,
            event_list,
            article_pane,
            side,
            show_orphans,
            show_shortcuts,
            focus,
            ..
        } = self;
        let corpus = workbench.corpus();
        let focus = focus.take();
        let mut vc = ViewCtx {
            corpus,
            filter,
            filtered: &derived.filtered,
            selected_event: *selected_event,
            counts: &derived.counts,
            workbench,
            merged: selected_event
                .and_then(|k| corpus.event(k))
                .and_then(|e| workbench.last_merged().of_event(&e.event.id)),
            focus,
            commands,
        };

        if persisted.show_errors && corpus.failure_count() > 0 {
            egui::Panel::bottom("errors_panel")
                .resizable(true)
                .default_size(90.0)
                .show(ui, |ui| errors::ui(ui, &mut vc));
        }
        // The map is the central canvas: the panels around it take shares of
        // the window with bounds, so that at 1024×700 and up the map keeps
        // about half the width, and they give way before it does.
        let window = ui.available_rect_before_wrap();
        let (w, h) = (window.width(), window.height());
        egui::Panel::bottom("timeline_panel")
            .resizable(true)
            .default_size((h * 0.3).clamp(140.0, 320.0))
            .size_range(110.0..=(h * 0.45).max(110.0))
            .show(ui, |ui| persisted.timeline.ui(ui, &mut vc));
        if persisted.show_side {
            egui::Panel::left("side_panel")
                .resizable(true)
                .default_size((w * 0.17).clamp(160.0, 280.0))
                .size_range(140.0..=(w * 0.22).max(140.0))
                .show(ui, |ui| side.ui(ui, &mut vc));
        }
        // One column on the right: the events, the selected event's details,
        // and the article with its evidence.
        egui::Panel::right("events_panel")
            .resizable(true)
            .default_size((w * 0.33).clamp(300.0, 620.0))
            .size_range(240.0..=(w * 0.4).max(240.0))
            .show(ui, |ui| {
                let avail = ui.available_height();
                if persisted.show_article {
                    egui::Panel::bottom("article_panel")
                        .resizable(true)
                        .default_size(avail * 0.45)
                        .size_range((avail * 0.15)..=(avail * 0.7))
                        .show(ui, |ui| article_pane.ui(ui, &mut vc));
                }
                // Details only when there is something to show: with nothing
                // selected the event list takes the whole column.
                if vc.selected_event.is_some() || draft.is_some() {
                    egui::Panel::bottom("details_panel")
                        .resizable(true)
                        .default_size(avail * 0.3)
                        .size_range((avail * 0.1)..=(avail * 0.6))
                        .show(ui, |ui| {
                            egui::ScrollArea::vertical()
                                .id_salt("details_scroll")
                                .auto_shrink([false, false])
                                .show(ui, |ui| details::ui(ui, &mut vc, draft));
                        });
                }
                egui::CentralPanel::default().show(ui, |ui| event_list.ui(ui, &mut vc));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let mut highlighted: Vec<String> = Vec::new();
            if let Some(e) = vc.selected_event.and_then(|k| vc.corpus.event(k)) {
                highlighted = e.event.provinces.iter().map(|p| p.0.clone()).collect();
            }
            let input = MapInput {
                counts: derived.counts.clone(),
                selected: vc.filter.province.as_ref().map(|p| p.0.clone()),
                highlighted,
                links: derived.links.clone(),
                hubs: derived.hubs.clone(),
                selected_link: vc
                    .filter
                    .link
                    .as_ref()
                    .map(|(a, b)| (a.0.clone(), b.0.clone())),
            };
            let resp = persisted.map.ui(ui, &input);
            if let Some(sel) = resp.select_province {
                vc.send(Command::SelectProvince(sel));
            }
            if let Some(link) = resp.select_link {
                vc.send(Command::SelectLink(Some(link)));
            }
        });
        if *show_orphans {
            orphans::window(&ctx, &mut vc);
        }
        if *show_shortcuts {
            egui::Window::new("Keyboard shortcuts")
                .open(show_shortcuts)
                .resizable(false)
                .collapsible(false)
                .show(&ctx, shortcuts::help_ui);
        }

        self.run_commands();
        self.drive_screenshot(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, STORAGE_KEY, &self.persisted);
        }
    }

    fn persist_egui_memory(&self) -> bool {
        self.persist
    }
}
