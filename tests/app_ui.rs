//! The window driven headlessly with egui_kittest: loading fixture articles, selecting a
//! province (in the list and on the map), selecting an event, brushing a time range, the
//! errors panel.
//!
//! The app runs the real pipeline (`Pipeline::default()`: the crate's loader, gazetteer,
//! temporal tagger and extractor). Persistence is off and the file dialog is a fixed test
//! double, so no test opens a dialog or touches the user's saved state. The fixture articles
//! are written here (own words).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use border_atlas::app::dialog::{DialogOutcome, FixedDialog};
use border_atlas::app::event_list::row_text;
use border_atlas::app::{AppConfig, BorderAtlasApp, Command};
use border_atlas::corpus::EventKey;
use border_atlas::geo::geography;
use border_atlas::model::{EventKind, ProvinceId};
use chrono::NaiveDate;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

/// Stung Treng (KH-19) and Attapeu (LA-AT): a meeting with a yearless date resolved by the
/// publication date (2023-09-26), and a month-precision aid event (2023-06).
const ARTICLE_A: &str = "Title: Stung Treng and Attapeu officials meet on border security
Published: 2023-09-28

Provincial officials of Stung Treng and Attapeu met in Stung Treng town on September 26 to discuss border security and the fight against drug trafficking.

In June 2023, Stung Treng authorities donated medical supplies to a hospital in Attapeu.
";

/// Preah Vihear (KH-13) and Champasak (LA-CH): an agreement (2024-03-12) and a
/// month-precision visit (2024-01).
const ARTICLE_B: &str = "Title: Preah Vihear and Champasak sign a trade memorandum
Published: 2024-03-15

The governors of Preah Vihear and Champasak signed a memorandum of understanding on cross-border trade in Pakse on 12 March 2024.

In January 2024, a delegation from Champasak visited Preah Vihear to prepare the memorandum.
";

struct Fixture {
    /// Keeps the files alive.
    dir: tempfile::TempDir,
    a: PathBuf,
    b: PathBuf,
    broken: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("stung-treng-attapeu.txt");
    let b = dir.path().join("preah-vihear-champasak.txt");
    let broken = dir.path().join("broken.txt");
    std::fs::write(&a, ARTICLE_A).unwrap();
    std::fs::write(&b, ARTICLE_B).unwrap();
    // A PNG image saved with a .txt name: the loader refuses it as binary.
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    std::fs::write(&broken, png).unwrap();
    Fixture { dir, a, b, broken }
}

fn build(config: impl FnOnce() -> AppConfig + 'static) -> Harness<'static, BorderAtlasApp> {
    let mut config = Some(config);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            let config = config.take().expect("built once")();
            BorderAtlasApp::new(cc, config)
        });
    wait_loaded(&mut harness);
    harness
}

fn app_with(paths: Vec<PathBuf>) -> Harness<'static, BorderAtlasApp> {
    build(move || {
        let mut config = AppConfig::for_test(paths);
        config.dialog = Box::new(FixedDialog(DialogOutcome::Cancelled));
        config
    })
}

/// Step frames until the background load is over.
fn wait_loaded(harness: &mut Harness<'static, BorderAtlasApp>) {
    let start = Instant::now();
    loop {
        harness.step();
        if !harness.state().is_loading() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "loading never finished"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run();
}

/// Click the event list's row of `key` and let the app react; the row's label.
fn click_row(harness: &mut Harness<'static, BorderAtlasApp>, key: EventKey) -> String {
    let label = row_text(harness.state().corpus(), key);
    harness.get_by_label(&label).click();
    harness.run();
    label
}

fn row_labels(harness: &mut Harness<'static, BorderAtlasApp>, keys: &[EventKey]) -> Vec<String> {
    keys.iter()
        .map(|k| row_text(harness.state().corpus(), *k))
        .collect()
}

#[test]
fn loads_two_articles_and_lists_every_event() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.b.clone()]);
    let app = harness.state();
    assert_eq!(app.corpus().article_count(), 2);
    assert_eq!(app.corpus().event_count(), 4);
    assert_eq!(app.corpus().failure_count(), 0);
    harness.get_by_label("Events (4 of 4)");
    let all = harness.state_mut().filtered_events();
    for label in row_labels(&mut harness, &all) {
        harness.get_by_label(&label);
    }
}

#[test]
fn selecting_a_province_in_the_list_shows_exactly_its_events() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.b.clone()]);
    let all = harness.state_mut().filtered_events();
    let all_labels = row_labels(&mut harness, &all);

    // The province list row for Preah Vihear (KH-13), with its event count.
    harness
        .get_by(|n| {
            n.label().is_some_and(|l| {
                (l.starts_with("Preah Vihear") || l.starts_with("KH-13")) && l.ends_with("(2)")
            })
        })
        .click();
    harness.run();

    let app = harness.state_mut();
    assert_eq!(app.filter().province, Some(ProvinceId::new("KH-13")));
    let shown = app.filtered_events();
    let expected: Vec<EventKey> = app
        .corpus()
        .events_in_order()
        .iter()
        .copied()
        .filter(|k| {
            app.corpus()
                .event(*k)
                .unwrap()
                .event
                .provinces
                .contains(&ProvinceId::new("KH-13"))
        })
        .collect();
    assert_eq!(shown, expected);
    assert_eq!(shown.len(), 2);
    harness.get_by_label("Events (2 of 4)");
    let shown_labels = row_labels(&mut harness, &shown);
    for label in &all_labels {
        let visible = harness.query_by_label(label).is_some();
        assert_eq!(visible, shown_labels.contains(label), "row {label:?}");
    }

    // Esc clears the province selection.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().filter().province, None);
    harness.get_by_label("Events (4 of 4)");
}

#[test]
fn clicking_an_event_shows_its_evidence_in_the_article_pane() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.b.clone()]);
    let all = harness.state_mut().filtered_events();
    let target = *all
        .iter()
        .find(|k| harness.state().corpus().event(**k).unwrap().event.kind == EventKind::Aid)
        .unwrap();
    click_row(&mut harness, target);

    let app = harness.state();
    assert_eq!(app.selected_event(), Some(target));
    let sentence = app
        .corpus()
        .event(target)
        .unwrap()
        .event
        .evidence
        .sentence
        .clone();
    assert!(sentence.starts_with("In June 2023, Stung Treng authorities"));
    assert_eq!(app.article_highlight(), Some(sentence.as_str()));
    // The paragraph holding the evidence is on screen in the article pane, and the
    // details panel quotes the sentence.
    assert!(harness.query_all_by_label_contains(&sentence).count() >= 2);
    assert!(
        harness
            .query_all_by_label("Stung Treng and Attapeu officials meet on border security")
            .count()
            >= 1
    );

    // ↓ moves the selection to the next event in the list.
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    let idx = all.iter().position(|k| *k == target).unwrap();
    let expected = all.get(idx + 1).copied().or(Some(target));
    assert_eq!(harness.state().selected_event(), expected);
}

#[test]
fn shift_drag_on_the_timeline_brushes_a_time_range() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.b.clone()]);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let tl = harness.state().timeline();
    let plot = tl.plot_rect().expect("timeline drawn");
    let x0 = tl.x_for_date(d("2023-12-01")).unwrap();
    let x1 = tl.x_for_date(d("2024-03-20")).unwrap();
    assert!(
        plot.left() <= x0 && x1 <= plot.right(),
        "the brushed dates are on screen after fit"
    );
    let y = plot.center().y;
    let shift = egui::Modifiers::SHIFT;
    harness.event_modifiers(egui::Event::PointerMoved(egui::pos2(x0, y)), shift);
    harness.step();
    harness.event_modifiers(
        egui::Event::PointerButton {
            pos: egui::pos2(x0, y),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: shift,
        },
        shift,
    );
    harness.step();
    for i in 1..=5 {
        let x = x0 + (x1 - x0) * i as f32 / 5.0;
        harness.event_modifiers(egui::Event::PointerMoved(egui::pos2(x, y)), shift);
        harness.step();
    }
    harness.event_modifiers(
        egui::Event::PointerButton {
            pos: egui::pos2(x1, y),
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: shift,
        },
        shift,
    );
    harness.run();

    let app = harness.state_mut();
    let (from, to) = app.filter().range.expect("a range was brushed");
    // Pixel rounding: within two days of the dragged dates.
    assert!((from - d("2023-12-01")).num_days().abs() <= 2, "{from}");
    assert!((to - d("2024-03-20")).num_days().abs() <= 2, "{to}");
    let shown = app.filtered_events();
    assert_eq!(shown.len(), 2, "the two 2024 events");
    harness.get_by_label("Events (2 of 4)");

    // The range fields show it; "Clear filters" brings everything back.
    harness
        .get_all_by_label("Clear filters")
        .next()
        .expect("a Clear filters button")
        .click();
    harness.run();
    assert_eq!(harness.state().filter().range, None);
    harness.get_by_label("Events (4 of 4)");
}

#[test]
fn a_typed_range_and_a_kind_filter_combine() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.b.clone()]);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    harness
        .state_mut()
        .send(Command::SetRange(Some((d("2023-06-25"), d("2024-01-03")))));
    harness.run();
    // The month-precision June 2023 and January 2024 events overlap the range, the 26 September
    // meeting lies in it, the March 2024 agreement does not.
    assert_eq!(harness.state_mut().filtered_events().len(), 3);
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "visit")
        .click(); // hide visits
    harness.run();
    let shown = harness.state_mut().filtered_events();
    let kinds: Vec<EventKind> = shown
        .iter()
        .map(|k| harness.state().corpus().event(*k).unwrap().event.kind)
        .collect();
    assert_eq!(kinds, [EventKind::Aid, EventKind::Meeting]);
}

#[test]
fn an_unreadable_file_is_listed_in_the_errors_panel_and_the_other_stays_loaded() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.broken.clone()]);
    let app = harness.state();
    assert_eq!(app.corpus().article_count(), 1);
    assert_eq!(app.corpus().event_count(), 2);
    assert_eq!(app.corpus().failure_count(), 1);
    let broken = std::fs::canonicalize(&f.broken).unwrap();
    harness.get_by_label(&broken.to_string_lossy());
    assert!(harness.query_all_by_label_contains("binary file").count() >= 1);
    harness.get_by_label("Events (2 of 2)");

    // Opening more files later keeps what is loaded and does not load a file twice.
    harness
        .state_mut()
        .send(Command::Open(vec![f.b.clone(), f.a.clone()]));
    wait_loaded(&mut harness);
    let app = harness.state();
    assert_eq!(app.corpus().article_count(), 2);
    assert_eq!(app.corpus().event_count(), 4);
    assert_eq!(app.corpus().failure_count(), 1);
}

#[test]
fn files_that_are_not_articles_are_skipped_not_counted_as_errors() {
    // A folder as analysts keep it: an article, an answer key and a picture.
    let f = fixture();
    std::fs::write(
        f.dir.path().join("gold.json"),
        r#"[{"file": "x.txt", "events": []}]"#,
    )
    .unwrap();
    std::fs::write(f.dir.path().join("map.png"), b"\x89PNG\r\n").unwrap();
    std::fs::remove_file(&f.broken).unwrap();
    std::fs::remove_file(&f.b).unwrap();
    let mut harness = app_with(vec![f.dir.path().to_path_buf()]);
    let corpus = harness.state().corpus();
    assert_eq!(corpus.article_count(), 1);
    assert_eq!((corpus.error_count(), corpus.skipped_count()), (0, 2));
    // The top bar says "2 skipped", never "errors".
    harness.get_by_label("2 skipped");
    assert_eq!(harness.query_all_by_label_contains("error").count(), 0);
    // Its button opens the panel, which lists both as skipped.
    harness.get_by_label("2 skipped").click();
    harness.run();
    harness.get_by_label("2 files skipped: not articles");
    assert_eq!(
        harness
            .query_all_by_label_contains("skipped: not an article file")
            .count(),
        2
    );
}

#[test]
fn reload_rereads_a_changed_file_only() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.b.clone()]);
    let before_b: Vec<EventKey> = harness
        .state()
        .corpus()
        .events_in_order()
        .iter()
        .copied()
        .filter(|k| harness.state().corpus().event(*k).unwrap().event.kind == EventKind::Agreement)
        .collect();
    assert_eq!(before_b.len(), 1);
    // Drop the second paragraph of article A.
    let short = ARTICLE_A
        .split("\n\nIn June 2023")
        .next()
        .unwrap()
        .to_string()
        + "\n";
    std::fs::write(&f.a, short).unwrap();
    harness.key_press(egui::Key::F5);
    wait_loaded(&mut harness);
    let app = harness.state();
    assert_eq!(app.corpus().event_count(), 3);
    let after_b: Vec<EventKey> = app
        .corpus()
        .events_in_order()
        .iter()
        .copied()
        .filter(|k| app.corpus().event(*k).unwrap().event.kind == EventKind::Agreement)
        .collect();
    assert_eq!(before_b, after_b, "the unchanged file was not re-read");
}

#[test]
fn open_dialog_without_backend_tells_the_user() {
    let f = fixture();
    let paths = vec![f.a.clone()];
    let mut harness = build(move || AppConfig::for_test(paths));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    harness.run();
    let notice = harness.state().notice().expect("a notice").text.clone();
    assert!(
        notice.contains("drag") || notice.contains("Drag"),
        "{notice}"
    );
    assert!(notice.contains("command line"), "{notice}");
    harness.get_by_label(&notice);
}

fn click_at(harness: &mut Harness<'static, BorderAtlasApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    harness.step();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
}

/// A screen point inside province `id` on the last map frame, a little away from its label
/// point on the side opposite `partner` (the label point is where the cross-border arc to
/// `partner` starts, and a click on an arc selects the link instead).
fn map_point_in(harness: &Harness<'static, BorderAtlasApp>, id: &str, partner: &str) -> egui::Pos2 {
    let g = geography();
    let map = &harness.state().persisted().map;
    let (r, p) = (g.region(id).unwrap(), g.region(partner).unwrap());
    let here = map
        .screen_pos(r.label[0], r.label[1])
        .expect("the map was drawn");
    let there = map.screen_pos(p.label[0], p.label[1]).unwrap();
    let away = (here - there).normalized();
    let t = map.last_transform().unwrap();
    (14..60)
        .map(|d| here + away * d as f32)
        .find(|pos| {
            let [lon, lat] = t.to_lon_lat(*pos);
            g.province_at(lon, lat).map(|x| x.id.as_str()) == Some(id)
        })
        .expect("a point of the province away from the arc")
}

#[test]
fn clicking_a_province_on_the_map_lists_exactly_its_events() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.b.clone()]);
    let all = harness.state_mut().filtered_events();
    assert_eq!(all.len(), 4);
    let all_labels = row_labels(&mut harness, &all);

    for (id, partner, expected_kinds) in [
        ("LA-AT", "KH-19", [EventKind::Aid, EventKind::Meeting]),
        ("KH-13", "LA-CH", [EventKind::Visit, EventKind::Agreement]),
    ] {
        let pos = map_point_in(&harness, id, partner);
        click_at(&mut harness, pos);
        let app = harness.state_mut();
        assert_eq!(app.filter().province, Some(ProvinceId::new(id)), "{id}");
        let shown = app.filtered_events();
        let kinds: Vec<EventKind> = shown
            .iter()
            .map(|k| app.corpus().event(*k).unwrap().event.kind)
            .collect();
        assert_eq!(kinds, expected_kinds, "{id}");
        for k in &shown {
            assert!(app
                .corpus()
                .event(*k)
                .unwrap()
                .event
                .provinces
                .contains(&ProvinceId::new(id)));
        }
        harness.get_by_label("Events (2 of 4)");
        let shown_labels = row_labels(&mut harness, &shown);
        for label in &all_labels {
            let visible = harness.query_by_label(label).is_some();
            assert_eq!(visible, shown_labels.contains(label), "{id}: row {label:?}");
        }
    }
}

fn event_of_kind(harness: &Harness<'static, BorderAtlasApp>, kind: EventKind) -> EventKey {
    let app = harness.state();
    *app.corpus()
        .events_in_order()
        .iter()
        .find(|k| app.corpus().event(**k).unwrap().event.kind == kind)
        .expect("an event of that kind")
}

fn provinces_of(harness: &Harness<'static, BorderAtlasApp>, key: EventKey) -> Vec<String> {
    harness
        .state()
        .corpus()
        .event(key)
        .unwrap()
        .event
        .provinces
        .iter()
        .map(|p| p.0.clone())
        .collect()
}

#[test]
fn an_edit_made_in_the_ui_survives_saving_and_reopening_the_workspace() {
    let f = fixture();
    let ws = f.dir.path().join("analysis.workspace.json");
    let (a, b, ws2) = (f.a.clone(), f.b.clone(), ws.clone());
    let mut harness = build(move || {
        let mut config = AppConfig::for_test(vec![a, b]);
        config.dialog = Box::new(FixedDialog(DialogOutcome::Picked(vec![ws2])));
        config
    });
    let meeting = event_of_kind(&harness, EventKind::Meeting);
    assert_eq!(provinces_of(&harness, meeting), ["KH-19", "LA-AT"]);
    click_row(&mut harness, meeting);

    // Edit: Stung Treng off, Preah Vihear on.
    harness.get_by_label("Edit event").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "Stung Treng (KH-19)")
        .click();
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "Preah Vihear (KH-13)")
        .click();
    harness.run();
    harness.get_by_label("Save edit").click();
    harness.run();
    let edited = harness.state().selected_event().expect("still selected");
    assert_eq!(provinces_of(&harness, edited), ["LA-AT", "KH-13"]);
    harness.get_by_label("edited");
    assert!(row_text(harness.state().corpus(), edited).contains("Preah Vihear"));

    // Ctrl+Z takes the edit back, Ctrl+Shift+Z re-does it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let k = event_of_kind(&harness, EventKind::Meeting);
    assert_eq!(provinces_of(&harness, k), ["KH-19", "LA-AT"]);
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    let k = event_of_kind(&harness, EventKind::Meeting);
    assert_eq!(provinces_of(&harness, k), ["LA-AT", "KH-13"]);

    // File ▸ Save workspace… (the fixed dialog answers with `ws`).
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Save workspace…").click();
    harness.run();
    harness.run();
    let notice = harness.state().notice().expect("a notice").clone();
    assert!(!notice.is_error, "{}", notice.text);
    assert!(notice.text.contains("1 corrections"), "{}", notice.text);
    assert!(ws.is_file());

    // A new window opened on that workspace reloads the articles and re-applies the edit.
    drop(harness);
    let ws3 = ws.clone();
    let mut reopened = build(move || {
        let mut config = AppConfig::for_test(Vec::new());
        config.workspace = Some(ws3);
        config
    });
    let app = reopened.state();
    assert_eq!(app.corpus().article_count(), 2);
    assert_eq!(app.corpus().event_count(), 4);
    let k = event_of_kind(&reopened, EventKind::Meeting);
    assert_eq!(provinces_of(&reopened, k), ["LA-AT", "KH-13"]);
    let label = row_text(reopened.state().corpus(), k) + " · edited";
    reopened.get_by_label(&label);
    // Preah Vihear now has three events, Stung Treng one.
    reopened
        .state_mut()
        .send(Command::SelectProvince(Some("KH-13".into())));
    reopened.run();
    assert_eq!(reopened.state_mut().filtered_events().len(), 3);
}

#[test]
fn deleting_an_event_removes_it_until_undone() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.b.clone()]);
    let visit = event_of_kind(&harness, EventKind::Visit);
    let label = click_row(&mut harness, visit);
    harness.get_by_label("Delete event").click();
    harness.run();
    assert_eq!(harness.state().corpus().event_count(), 3);
    assert!(harness.query_by_label(&label).is_none());
    harness.get_by_label("Events (3 of 3)");
    // Deleting asks nothing; it says what went and how to have it back.
    harness.get_by_label_contains("Deleted the event");
    harness.get_by_label_contains("Ctrl+Z to undo");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().corpus().event_count(), 4);
    harness.get_by_label(&label);
    assert!(harness.query_by_label_contains("Ctrl+Z to undo").is_none());
}

#[test]
fn exporting_csv_writes_the_filtered_events_through_the_dialog() {
    let f = fixture();
    let out = f.dir.path().join("events.csv");
    let (a, b, out2) = (f.a.clone(), f.b.clone(), out.clone());
    let mut harness = build(move || {
        let mut config = AppConfig::for_test(vec![a, b]);
        config.dialog = Box::new(FixedDialog(DialogOutcome::Picked(vec![out2])));
        config
    });
    harness
        .state_mut()
        .send(Command::SelectProvince(Some("KH-13".into())));
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("Events as CSV…").click();
    harness.run();
    harness.run();

    let notice = harness.state().notice().expect("a notice").clone();
    assert!(!notice.is_error, "{}", notice.text);
    assert!(notice.text.contains("2 events as CSV"), "{}", notice.text);
    assert!(notice.text.contains("events.csv"), "{}", notice.text);
    harness.get_by_label(&notice.text);

    let bytes = std::fs::read(&out).unwrap();
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut reader = csv::Reader::from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    let mut dates: Vec<&str> = rows.iter().map(|r| &r[col("date")]).collect();
    dates.sort();
    assert_eq!(dates, ["2024-01", "2024-03-12"]);
    for r in &rows {
        assert!(r[col("provinces")].contains("KH-13"), "{r:?}");
        assert!(
            r[col("sources")].contains("preah-vihear-champasak.txt"),
            "{r:?}"
        );
    }
}

/// The Stung Treng–Attapeu meeting of article A reported again, without a publication
/// date, in other words ("26 September" has no year here).
const ARTICLE_C: &str = "Title: Attapeu and Stung Treng talk about drugs at the border

Officials from Attapeu province and Stung Treng province held talks in Stung Treng on 26 September about the fight against drug smuggling across the border.
";

#[test]
fn details_list_the_sources_of_a_merged_event_and_the_inferred_year() {
    let f = fixture();
    let c = f.dir.path().join("attapeu-stung-treng.txt");
    std::fs::write(&c, ARTICLE_C).unwrap();
    let mut harness = app_with(vec![f.a.clone(), c.clone()]);
    let app = harness.state();
    let yearless = *app
        .corpus()
        .events_in_order()
        .iter()
        .find(|k| {
            let e = &app.corpus().event(**k).unwrap().event;
            e.date.map(|d| d.to_string()) == Some("XXXX-09-26".into())
        })
        .expect("the yearless report");
    click_row(&mut harness, yearless);
    harness.get_by_label("Reported by 2 sources");
    let a = std::fs::canonicalize(&f.a).unwrap();
    let inferred = format!(
        "Merged date 26 September 2023 (day): year inferred from {}",
        a.display()
    );
    assert!(
        harness.query_by_label(&inferred).is_some(),
        "no label {inferred:?}"
    );
    assert!(harness
        .query_all_by_label_contains("· 2023-09-26 · KH-19, LA-AT")
        .next()
        .is_some());
    assert!(harness
        .query_all_by_label_contains("· XXXX-09-26 · KH-19, LA-AT")
        .next()
        .is_some());
}

#[test]
fn setting_an_articles_publication_date_resolves_its_yearless_dates() {
    let f = fixture();
    let c = f.dir.path().join("attapeu-stung-treng.txt");
    std::fs::write(&c, ARTICLE_C).unwrap();
    let mut harness = app_with(vec![c.clone()]);
    let dates = |h: &Harness<'static, BorderAtlasApp>| -> Vec<String> {
        let app = h.state();
        app.corpus()
            .events_in_order()
            .iter()
            .filter_map(|k| app.corpus().event(*k)?.event.date.map(|d| d.to_string()))
            .collect()
    };
    assert_eq!(dates(&harness), ["XXXX-09-26"]);
    let k = harness.state().corpus().events_in_order()[0];
    click_row(&mut harness, k);

    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Published");
    field.focus();
    field.type_text("2024-10-01");
    harness.run();
    harness.get_by_label("Set date").click();
    harness.run();
    assert_eq!(dates(&harness), ["2024-09-26"]);
    harness.get_by_label("(set by you)");
    let ws = harness.state().workspace();
    let path = harness
        .state()
        .corpus()
        .articles()
        .next()
        .unwrap()
        .article
        .path
        .clone();
    assert_eq!(
        ws.published_overrides.get(&path).map(|d| d.to_string()),
        Some("2024-10-01".to_string())
    );

    harness.get_by_label("Use the article's date").click();
    harness.run();
    assert_eq!(dates(&harness), ["XXXX-09-26"]);
}

#[test]
fn opening_a_workspace_with_moved_files_reports_them_and_keeps_the_rest() {
    let f = fixture();
    let ws = f.dir.path().join("moved.json");
    let gone = f.dir.path().join("moved-away.txt");
    let text = serde_json::json!({
        "format": "border-atlas-workspace",
        "version": 1,
        "files": [f.a.to_string_lossy(), gone.to_string_lossy()],
    });
    std::fs::write(&ws, text.to_string()).unwrap();
    let ws2 = ws.clone();
    let harness = build(move || {
        let mut config = AppConfig::for_test(Vec::new());
        config.workspace = Some(ws2);
        config
    });
    assert_eq!(harness.state().corpus().article_count(), 1);
    assert_eq!(harness.state().corpus().event_count(), 2);
    let notice = harness.state().notice().expect("a notice").clone();
    assert!(notice.is_error);
    assert!(notice.text.contains("1 file not found"), "{}", notice.text);
    assert!(notice.text.contains("moved-away.txt"), "{}", notice.text);
    harness.get_by_label(&notice.text);
}

/// A meeting the extractor finds, and a sentence about Siem Pang district (Stung Treng,
/// KH-19) that states no event it can see: the user adds that one.
const ARTICLE_D: &str = "Title: Champasak and Stung Treng review checkpoint hours
Published: 2024-05-20

Provincial officials of Champasak and Stung Treng met in Pakse on 14 May 2024 to review checkpoint hours.

Traders in Siem Pang district have long asked for a second crossing.
";

const MISSED: &str = "Traders in Siem Pang district have long asked for a second crossing.";

#[test]
fn an_event_added_from_a_sentence_is_saved_marked_and_undoable() {
    let f = fixture();
    let d = f.dir.path().join("checkpoint-hours.txt");
    std::fs::write(&d, ARTICLE_D).unwrap();
    let mut harness = app_with(vec![d.clone()]);
    assert_eq!(harness.state().corpus().event_count(), 1);
    let k = harness.state().corpus().events_in_order()[0];
    click_row(&mut harness, k);

    // Pick the sentence in the article pane: the form is pre-filled from it.
    harness.get_by_label("Add a missed event…").click();
    harness.run();
    harness.get_by_label(MISSED).click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Stung Treng (KH-19)");
    let date = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Date");
    date.focus();
    date.type_text("2024-05");
    harness.run();
    harness.get_by_label("Add event").click();
    harness.run();

    let app = harness.state();
    assert_eq!(app.corpus().event_count(), 2);
    let added = app.selected_event().expect("the added event is selected");
    let e = &app.corpus().event(added).unwrap().event;
    assert!(e.id.starts_with("added-"), "{}", e.id);
    assert_eq!(e.evidence.sentence.trim(), MISSED);
    assert_eq!(e.summary, MISSED);
    assert_eq!(e.date.map(|d| d.to_string()).as_deref(), Some("2024-05"));
    assert_eq!(provinces_of(&harness, added), ["KH-19"]);
    assert!(
        e.location
            .as_deref()
            .is_some_and(|l| l.contains("Siem Pang")),
        "{:?}",
        e.location
    );
    let row = row_text(harness.state().corpus(), added) + " · added";
    harness.get_by_label(&row);
    harness.get_by_label("added");

    // In the workspace, and back after reopening it.
    let ws = f.dir.path().join("added.json");
    let workspace = harness.state().workspace();
    assert_eq!(workspace.corrections.len(), 1);
    assert!(matches!(
        workspace.corrections[0].action,
        border_atlas::corrections::Action::Add { .. }
    ));
    workspace.save(&ws).unwrap();

    // Ctrl+Z takes it back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().corpus().event_count(), 1);
    assert!(harness.query_by_label(&row).is_none());
    drop(harness);

    let mut reopened = build(move || {
        let mut config = AppConfig::for_test(Vec::new());
        config.workspace = Some(ws);
        config
    });
    assert_eq!(reopened.state().corpus().event_count(), 2);
    let again = reopened.state().corpus().events_in_order().to_vec();
    let labels = row_labels(&mut reopened, &again);
    let added_row = labels
        .iter()
        .find(|l| l.contains(MISSED))
        .expect("the added event")
        .clone();
    reopened.get_by_label(&(added_row + " · added"));
}

#[test]
fn the_location_of_an_event_is_edited_in_the_form() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone()]);
    let meeting = event_of_kind(&harness, EventKind::Meeting);
    click_row(&mut harness, meeting);
    harness.get_by_label("Edit event").click();
    harness.run();
    // Replace whatever the extractor found: focus, select all, type.
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Location")
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Location")
        .type_text("Stung Treng town hall");
    harness.run();
    harness.get_by_label("Save edit").click();
    harness.run();
    let k = harness.state().selected_event().expect("still selected");
    let app = harness.state();
    assert_eq!(
        app.corpus().event(k).unwrap().event.location.as_deref(),
        Some("Stung Treng town hall")
    );
    let ws = app.workspace();
    let border_atlas::corrections::Action::Edit { changes } = &ws.corrections[0].action else {
        panic!("an edit: {:?}", ws.corrections[0].action);
    };
    assert_eq!(
        changes.location,
        Some(Some("Stung Treng town hall".to_string()))
    );
    assert!(changes.provinces.is_none() && changes.kind.is_none());
    harness.get_by_label("Stung Treng town hall");
}

#[test]
fn a_correction_whose_sentence_left_the_article_is_listed_and_can_be_discarded() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.b.clone()]);
    let visit = event_of_kind(&harness, EventKind::Visit);
    click_row(&mut harness, visit);
    harness.get_by_label("Delete event").click();
    harness.run();
    assert_eq!(harness.state().corpus().event_count(), 3);
    assert!(harness.state().orphans().is_empty());

    // The article loses the visit's sentence; the deletion no longer anchors.
    let changed = ARTICLE_B.replace(
        "In January 2024, a delegation from Champasak visited Preah Vihear to prepare the memorandum.\n",
        "",
    );
    assert_ne!(changed, ARTICLE_B);
    std::fs::write(&f.b, changed).unwrap();
    harness.state_mut().send(Command::Reload);
    wait_loaded(&mut harness);
    let orphans = harness.state().orphans();
    assert_eq!(orphans.len(), 1);
    assert_eq!(
        orphans[0].reason,
        border_atlas::corrections::OrphanReason::SentenceNotFound
    );
    assert_eq!(harness.state().corpus().event_count(), 3);

    harness
        .get_by_label("1 corrections no longer apply")
        .click();
    harness.run();
    harness.get_by_label("Corrections that no longer apply (1)");
    let text = border_atlas::app::orphans::describe(&orphans[0]);
    assert!(text.contains("preah-vihear-champasak.txt"), "{text}");
    assert!(text.contains("no longer in the article"), "{text}");
    harness.get_by_label(&text);
    assert!(harness
        .query_all_by_label_contains("delegation from Champasak visited Preah Vihear")
        .next()
        .is_some());
    let id = orphans[0].correction.id;
    harness
        .get_by_label(&format!("Discard correction {id}"))
        .click();
    harness.run();
    assert!(harness.state().orphans().is_empty());
    assert!(harness.state().workspace().corrections.is_empty());
    assert!(harness
        .query_by_label("1 corrections no longer apply")
        .is_none());
    harness.get_by_label("Corrections that no longer apply (0)");
}

#[test]
fn a_merged_event_is_split_into_its_sources_for_good() {
    let f = fixture();
    let c = f.dir.path().join("attapeu-stung-treng.txt");
    std::fs::write(&c, ARTICLE_C).unwrap();
    let ws = f.dir.path().join("split.json");
    let (a, c2, ws2) = (f.a.clone(), c.clone(), ws.clone());
    let mut harness = build(move || {
        let mut config = AppConfig::for_test(vec![a, c2]);
        config.dialog = Box::new(FixedDialog(DialogOutcome::Picked(vec![ws2])));
        config
    });
    let yearless = |h: &Harness<'static, BorderAtlasApp>| -> EventKey {
        let app = h.state();
        *app.corpus()
            .events_in_order()
            .iter()
            .find(|k| {
                let e = &app.corpus().event(**k).unwrap().event;
                e.date.map(|d| d.to_string()) == Some("XXXX-09-26".into())
            })
            .expect("the yearless report")
    };
    let label = row_text(harness.state().corpus(), yearless(&harness));
    harness.get_by_label(&label).click();
    harness.run();
    harness.get_by_label("Reported by 2 sources");
    harness.get_by_label("Split into sources").click();
    harness.run();
    assert!(harness.query_by_label("Reported by 2 sources").is_none());
    assert!(harness.query_by_label("Split into sources").is_none());
    let corrections = harness.state().workspace().corrections;
    assert_eq!(corrections.len(), 1);
    let border_atlas::corrections::Action::Split { sources } = &corrections[0].action else {
        panic!("a split: {:?}", corrections[0].action);
    };
    assert_eq!(sources.len(), 2);

    // Undo merges them again; redo splits them.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.get_by_label("Reported by 2 sources");
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    assert!(harness.query_by_label("Reported by 2 sources").is_none());

    // Saved in the workspace (version 2) and honoured after reopening it.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Save workspace…").click();
    harness.run();
    harness.run();
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&ws).unwrap()).unwrap();
    assert_eq!(v["version"], 2);
    assert_eq!(v["corrections"][0]["action"]["type"], "split");
    drop(harness);
    let mut reopened = build(move || {
        let mut config = AppConfig::for_test(Vec::new());
        config.workspace = Some(ws);
        config
    });
    let label = row_text(reopened.state().corpus(), yearless(&reopened));
    reopened.get_by_label(&label).click();
    reopened.run();
    assert!(reopened.query_by_label("Reported by 2 sources").is_none());
    assert!(reopened.query_by_label("Split into sources").is_none());
}

const QUIET_SENTENCE: &str = "Border guards from Stung Treng and Champasak exchanged New Year greetings at the Dong Kralor crossing.";

#[test]
fn an_event_is_added_to_an_article_in_which_none_was_found() {
    let f = fixture();
    let p = f.dir.path().join("greetings.txt");
    let text = format!(
        "Title: Greetings at the crossing\n\n{QUIET_SENTENCE} The crossing stayed open all day.\n"
    );
    std::fs::write(&p, text).unwrap();
    let mut harness = app_with(vec![p]);
    assert_eq!(harness.state().corpus().article_count(), 1);
    assert_eq!(harness.state().corpus().event_count(), 0);

    // No event to select: the article pane lists the articles; open this one.
    harness
        .get_by_label("0 events · Greetings at the crossing")
        .click();
    harness.run();
    harness.get_by_label("Back to all articles");
    harness.get_by_label("Add a missed event…").click();
    harness.run();
    harness.get_by_label(QUIET_SENTENCE).click();
    harness.run();
    harness.get_by_label("Add event").click();
    harness.run();

    let app = harness.state();
    assert_eq!(app.corpus().event_count(), 1);
    let added = app.selected_event().expect("the added event is selected");
    let e = &app.corpus().event(added).unwrap().event;
    assert_eq!(e.evidence.sentence.trim(), QUIET_SENTENCE);
    assert_eq!(provinces_of(&harness, added), ["KH-19", "LA-CH"]);
}

/// A parser that panics on one file ("boom.txt") and reads the rest as usual.
fn panicking_load(
    path: &std::path::Path,
) -> Result<border_atlas::load::Elements, border_atlas::load::LoadError> {
    if path.file_name().is_some_and(|n| n == "boom.txt") {
        panic!("parser exploded on purpose");
    }
    border_atlas::load::load_file_each(path)
}

#[test]
fn a_parser_that_panics_fails_its_file_and_the_next_open_still_works() {
    let f = fixture();
    let boom = f.dir.path().join("boom.txt");
    std::fs::write(&boom, ARTICLE_A).unwrap();
    let (a, b) = (f.a.clone(), f.b.clone());
    let mut harness = build(move || {
        let mut config = AppConfig::for_test(vec![a, boom]);
        config.dialog = Box::new(FixedDialog(DialogOutcome::Cancelled));
        config.pipeline.load_file = panicking_load;
        config
    });
    // The load finished: the good file is shown, the panicking one is an error.
    assert_eq!(harness.state().corpus().article_count(), 1);
    let failures: Vec<(String, String)> = harness
        .state()
        .corpus()
        .failures()
        .map(|(p, e)| (p.to_string(), e.to_string()))
        .collect();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].0.ends_with("boom.txt"));
    assert!(
        failures[0].1.contains("parser exploded on purpose"),
        "{failures:?}"
    );
    // A later open is not queued behind a dead load.
    harness.state_mut().send(Command::Open(vec![b]));
    wait_loaded(&mut harness);
    assert_eq!(harness.state().corpus().article_count(), 2);
}

#[test]
fn the_event_list_speaks_in_words_not_codes() {
    let f = fixture();
    let c = f.dir.path().join("attapeu-stung-treng.txt");
    std::fs::write(&c, ARTICLE_C).unwrap();
    let mut harness = app_with(vec![c, f.a.clone()]);
    let keys = harness.state_mut().filtered_events();
    let rows = row_labels(&mut harness, &keys);
    assert!(
        rows.iter()
            .any(|r| r.starts_with("26 September, year unknown · ")),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .all(|r| !r.contains("KH-") && !r.contains("LA-") && !r.contains("XXXX")),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r.contains("Stung Treng")), "{rows:?}");
    // Counts in the right number.
    harness.get_by_label("2 articles · 3 events");
}

/// The map's rectangle on screen after the samples are loaded at `size`.
fn map_rect_at(size: egui::Vec2) -> (egui::Rect, egui::Rect) {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(|cc| BorderAtlasApp::new(cc, AppConfig::for_test(Vec::new())));
    wait_loaded(&mut harness);
    let map = harness
        .state()
        .persisted()
        .map
        .last_transform()
        .expect("map drawn")
        .rect;
    // The article pane and the event list stay usable beside it.
    harness.get_by_label_contains("Events (");
    (map, egui::Rect::from_min_size(egui::Pos2::ZERO, size))
}

#[test]
fn the_map_is_the_central_canvas_at_common_window_sizes() {
    for size in [
        egui::vec2(1024.0, 700.0),
        egui::vec2(1400.0, 900.0),
        egui::vec2(1920.0, 1080.0),
    ] {
        let (map, window) = map_rect_at(size);
        assert!(
            map.width() >= 0.45 * window.width(),
            "at {size:?} the map is {} px wide",
            map.width()
        );
        assert!(
            map.height() >= 0.4 * window.height(),
            "at {size:?} the map is {} px high",
            map.height()
        );
        assert!(window.contains_rect(map));
    }
}

/// A long report pasted with single newlines only: one paragraph taller than
/// the pane, each event's sentence somewhere inside it.
fn long_pasted_article() -> String {
    let mut s = String::from("Title: Border provinces meet again\nPublished: 2024-05-20\n\n");
    for i in 0..60 {
        s.push_str(&format!(
            "Officials of both provinces discussed item {i} of the agenda, which covers trade, roads and schools along the frontier.\n"
        ));
    }
    s.push_str("The governors of Stung Treng and Champasak met in Pakse on May 17 to sign a trade accord.\n");
    for i in 0..60 {
        s.push_str(&format!(
            "Item {i} of the annex lists the goods that may cross the border at the checkpoint.\n"
        ));
    }
    s.push_str("On May 18, Attapeu and Ratanakiri police held a joint patrol along the border.\n");
    s
}

/// Click the event's row; its evidence sentence must be drawn inside the
/// visible part of the article pane (`context` says where, on failure).
fn click_and_see_the_evidence(
    harness: &mut Harness<'static, BorderAtlasApp>,
    key: EventKey,
    context: &str,
) {
    click_row(harness, key);
    harness.run();
    let (evidence, visible) = harness
        .state()
        .article_evidence_geometry()
        .expect("the evidence is drawn");
    assert!(
        visible.contains(evidence.center()),
        "{context}: the sentence at {evidence:?} is outside the pane's view {visible:?}"
    );
}

#[test]
fn the_evidence_sentence_is_in_view_even_inside_a_very_long_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pasted.txt");
    std::fs::write(&path, long_pasted_article()).unwrap();
    for size in [egui::vec2(1024.0, 700.0), egui::vec2(1400.0, 900.0)] {
        let p = path.clone();
        let mut harness = Harness::builder()
            .with_size(size)
            .build_eframe(move |cc| BorderAtlasApp::new(cc, AppConfig::for_test(vec![p])));
        wait_loaded(&mut harness);
        let keys = harness.state_mut().filtered_events();
        assert_eq!(keys.len(), 2);
        for key in keys {
            click_and_see_the_evidence(&mut harness, key, &format!("at {size:?}"));
        }
    }
}

/// An article of more than half a megabyte in one paragraph is shown in
/// parts (one label for all of it once took gigabytes); clicking an event
/// shows the part that holds its sentence, with the sentence in view.
#[test]
fn a_very_long_article_is_shown_in_parts_around_the_evidence() {
    let filler = "Residents of the village said the road was dusty and the market busy again. ";
    let text = format!(
        "Title: Long report\nPublished: 2024-05-20\n\nThe governors of Stung Treng and Champasak met in Pakse on May 17. {}Attapeu and Ratanakiri police held a joint patrol along the border on May 18. {}",
        filler.repeat(4_000),
        filler.repeat(4_000)
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    std::fs::write(&path, &text).unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| BorderAtlasApp::new(cc, AppConfig::for_test(vec![path])));
    wait_loaded(&mut harness);
    let keys = harness.state_mut().filtered_events();
    assert_eq!(keys.len(), 2);
    for key in keys {
        click_and_see_the_evidence(&mut harness, key, "in a long article");
        let chars = border_atlas::load::load_bytes("x.txt", text.as_bytes()).expect("reads")[0]
            .text
            .chars()
            .count();
        let total = format!("of {}.", border_atlas::load::thousands(chars));
        let said = harness
            .query_all_by(|n| {
                n.value().is_some_and(|l| {
                    l.starts_with("A long article, shown in parts") && l.ends_with(&total)
                })
            })
            .count();
        assert!(said > 0, "the pane says it shows a part of the article");
    }
}

#[test]
fn help_lists_every_keyboard_shortcut_from_the_one_table() {
    let fx = fixture();
    let mut harness = app_with(vec![fx.dir.path().to_path_buf()]);
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Keyboard shortcuts…").click();
    harness.run();
    harness.run();
    for s in border_atlas::app::shortcuts::SHORTCUTS {
        // The label is shown, and so are its keys as egui writes them.
        harness.get_by_label(s.label);
        let keys = harness.ctx.format_shortcut(&s.keys);
        harness.get_by_label(&keys);
    }
    // The menu item shows its keys next to it, from the same table.
    let open = border_atlas::app::shortcuts::find("Open articles…").expect("in the table");
    let keys = harness.ctx.format_shortcut(&open.keys);
    let before = harness.query_all_by_label_contains(&keys).count();
    harness.get_by_label("File").click();
    harness.run();
    assert!(
        harness.query_all_by_label_contains(&keys).count() > before,
        "the File menu shows {keys}"
    );
}

/// The rows of `keys`, top to bottom as the event list shows them.
fn rows_top_to_bottom(
    harness: &mut Harness<'static, BorderAtlasApp>,
    keys: &[EventKey],
) -> Vec<String> {
    let mut rows: Vec<(f32, String)> = row_labels(harness, keys)
        .into_iter()
        .map(|label| (harness.get_by_label(&label).rect().top(), label))
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, l)| l).collect()
}

#[test]
fn the_event_list_sorts_by_the_column_chosen_in_either_direction() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.b.clone()]);
    let keys = harness.state_mut().filtered_events();
    let kinds = |rows: &[String]| -> Vec<String> {
        rows.iter()
            .map(|r| r.split(" · ").nth(1).unwrap_or_default().to_string())
            .collect()
    };
    // Chronological by default.
    let rows = rows_top_to_bottom(&mut harness, &keys);
    assert_eq!(kinds(&rows), ["aid", "meeting", "visit", "agreement"]);
    let mut choose = |label: &str| {
        harness
            .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Sort")
            .click();
        harness.run();
        harness.get_by_label(label).click();
        harness.run();
        rows_top_to_bottom(&mut harness, &keys)
    };
    let rows = choose("Kind, A–Z");
    assert_eq!(kinds(&rows), ["agreement", "aid", "meeting", "visit"]);
    let rows = choose("Kind, Z–A");
    assert_eq!(kinds(&rows), ["visit", "meeting", "aid", "agreement"]);
    let rows = choose("Date, newest first");
    assert_eq!(kinds(&rows), ["agreement", "visit", "meeting", "aid"]);
    // ↓ follows the order shown: from the top row to the second.
    click_row(&mut harness, keys[3]);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    let second = harness.state().selected_event().expect("a selection");
    assert_eq!(row_text(harness.state().corpus(), second), rows[1]);
}

/// The timeline's legend wraps between its entries, never inside one: at
/// 1024 px "month / year" once stood on two lines, apart from its swatch.
#[test]
fn timeline_legend_entries_stay_on_one_line_at_1024() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .build_eframe(|cc| BorderAtlasApp::new(cc, AppConfig::for_test(Vec::new())));
    wait_loaded(&mut harness);
    let one_line = harness.get_by_label("Lanes:").rect().height();
    for label in ["month / year", "day"] {
        let r = harness.get_by_label(label).rect();
        assert!(
            r.height() <= one_line + 1.0,
            "{label:?} is {} px high, one line is {one_line}",
            r.height()
        );
        assert!(
            r.width() > 20.0,
            "{label:?} has its swatch and words: {r:?}"
        );
    }
}

/// Hundreds of day-dated events in one lane: a histogram stacked by kind
/// instead of overlapping dots; clicking a bar zooms into its days, where
/// the events are dots again.
#[test]
fn a_dense_timeline_is_a_histogram_and_a_click_zooms_into_a_bar() {
    let dir = tempfile::tempdir().unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    for i in 0..400u32 {
        // Two events a week or so, over two years, in one country-pair lane.
        let day = start + chrono::Days::new(u64::from(i * 73 % 730));
        let text = format!(
            "Title: Item {i}\nPublished: {}\n\nOfficials of Stung Treng and Champasak met in Pakse on {}.\n",
            day + chrono::Days::new(2),
            day.format("%d %B %Y")
        );
        std::fs::write(dir.path().join(format!("a{i:03}.txt")), text).unwrap();
    }
    let p = dir.path().to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .build_eframe(move |cc| BorderAtlasApp::new(cc, AppConfig::for_test(vec![p])));
    wait_loaded(&mut harness);
    harness.run();
    assert_eq!(harness.state().timeline().histogram_lanes(), 1);
    let (t0, t1) = harness.state().timeline().view.expect("fitted");
    // Click the bar of a day that has an event.
    let day = start + chrono::Days::new(73 * 5);
    let x = harness
        .state()
        .timeline()
        .x_for_date(day)
        .expect("on the axis");
    let plot = harness.state().timeline().plot_rect().expect("drawn");
    click_at(&mut harness, egui::pos2(x, plot.top() + 20.0));
    let (z0, z1) = harness.state().timeline().view.expect("view");
    assert!(
        z1 - z0 < (t1 - t0) / 20.0,
        "zoomed from {t0}..{t1} to {z0}..{z1}"
    );
    assert!(z0 <= chrono::Datelike::num_days_from_ce(&day) as f64 + 1.0);
    assert_eq!(harness.state().timeline().histogram_lanes(), 0);
}

/// File ▸ Open articles… replaces what is open; File ▸ Add articles… keeps it.
#[test]
fn open_replaces_the_articles_shown_and_add_keeps_them() {
    let paths = |h: &Harness<'static, BorderAtlasApp>| -> Vec<String> {
        let mut v: Vec<String> = h
            .state()
            .corpus()
            .articles()
            .map(|a| a.article.path.clone())
            .collect();
        v.sort();
        v
    };
    for (menu_item, expected) in [("Open articles…", 1), ("Add articles…", 2)] {
        let f = fixture();
        let (a, b) = (f.a.clone(), f.b.clone());
        let mut harness = build(move || {
            let mut config = AppConfig::for_test(vec![a]);
            config.dialog = Box::new(FixedDialog(DialogOutcome::Picked(vec![b])));
            config
        });
        assert_eq!(paths(&harness).len(), 1);
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label_contains(menu_item).click();
        // Loading repaints until it is done: step, not run.
        harness.step();
        harness.step();
        wait_loaded(&mut harness);
        harness.run();
        let now = paths(&harness);
        assert_eq!(now.len(), expected, "{menu_item}: {now:?}");
        assert!(
            now.iter()
                .any(|p| p.ends_with("preah-vihear-champasak.txt")),
            "{menu_item}: {now:?}"
        );
    }
}
