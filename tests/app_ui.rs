//! The window driven headlessly with egui_kittest: loading fixture articles, selecting a
//! province, selecting an event, brushing a time range, the errors panel.
//!
//! Persistence is off and the file dialog is a fixed test double, so no test opens a
//! dialog or touches the user's saved state.
//!
//! The fixture articles are written here (own words). Until the loader and gazetteer land on
//! this branch, the app runs with a small test pipeline: a UTF-8 reader of the `Title:` /
//! `Published:` header and an extractor double that recognizes the fixture sentences. The
//! UI behaviour under test does not depend on which extractor produced the events.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use border_atlas::app::dialog::{DialogOutcome, FixedDialog};
use border_atlas::app::event_list::row_text;
use border_atlas::app::loader::Pipeline;
use border_atlas::app::{AppConfig, BorderAtlasApp, Command};
use border_atlas::corpus::EventKey;
use border_atlas::load::{LoadError, LoadFailure};
use border_atlas::model::{Article, Event, EventKind, Evidence, PartialDate, ProvinceId};
use chrono::NaiveDate;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

const ARTICLE_A: &str = "Title: Stung Treng and Champasak governors meet on border trade
Published: 2022-05-30

The governors of Stung Treng and Champasak met in Stung Treng town on 27 May 2022 to talk about border trade.

Both sides said that they would run joint patrols on the Mekong during June 2022.
";

const ARTICLE_B: &str = "Title: Ratanakiri sends rice to Attapeu
Published: 2023-09-15

Officials of Ratanakiri handed 20 tonnes of rice to flood victims in Attapeu on 12 September 2023.

In March 2023 a delegation from Ratanakiri visited Attapeu to prepare a cooperation accord.
";

/// (sentence start, date, kind, provinces) recognized by the extractor double.
const KNOWN: &[(&str, &str, EventKind, &[&str])] = &[
    (
        "The governors of Stung Treng",
        "2022-05-27",
        EventKind::Meeting,
        &["KH-19", "LA-CH"],
    ),
    (
        "Both sides said",
        "2022-06",
        EventKind::Operation,
        &["KH-19", "LA-CH"],
    ),
    (
        "Officials of Ratanakiri",
        "2023-09-12",
        EventKind::Aid,
        &["KH-16", "LA-AT"],
    ),
    (
        "In March 2023",
        "2023-03",
        EventKind::Visit,
        &["KH-16", "LA-AT"],
    ),
];

fn collect_given(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadFailure>) {
    (inputs.to_vec(), Vec::new())
}

fn read_fixture(path: &Path) -> Result<Vec<Article>, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Io(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| LoadError::Io("not UTF-8 text".into()))?;
    let (header, body) = text.split_once("\n\n").unwrap_or(("", &text));
    let mut article = Article {
        path: path.to_string_lossy().into_owned(),
        text: body.to_string(),
        ..Article::default()
    };
    for line in header.lines() {
        if let Some(t) = line.strip_prefix("Title: ") {
            article.title = Some(t.to_string());
        } else if let Some(d) = line.strip_prefix("Published: ") {
            article.published = d.parse().ok();
        }
    }
    Ok(vec![article])
}

fn extract_double(article: &Article) -> Vec<Event> {
    let mut out = Vec::new();
    for (prefix, date, kind, provinces) in KNOWN {
        let Some(start) = article.text.find(prefix) else {
            continue;
        };
        let end = article.text[start..]
            .find('.')
            .map(|i| start + i + 1)
            .unwrap_or(article.text.len());
        out.push(Event {
            id: format!("{}#{start}", article.path),
            date: Some(date.parse::<PartialDate>().unwrap()),
            kind: *kind,
            provinces: provinces.iter().map(|p| ProvinceId::new(*p)).collect(),
            location: None,
            summary: format!("{kind} ({})", provinces.join(", ")),
            evidence: Evidence::from_span(&article.text, start, end).unwrap(),
        });
    }
    out
}

fn no_samples() -> Result<Vec<Article>, LoadError> {
    Ok(Vec::new())
}

const PIPELINE: Pipeline = Pipeline {
    collect: collect_given,
    load_file: read_fixture,
    extract: extract_double,
    samples: no_samples,
};

struct Fixture {
    _dir: tempfile::TempDir,
    a: PathBuf,
    b: PathBuf,
    broken: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("stung-treng-champasak.txt");
    let b = dir.path().join("ratanakiri-attapeu.txt");
    let broken = dir.path().join("broken.txt");
    std::fs::write(&a, ARTICLE_A).unwrap();
    std::fs::write(&b, ARTICLE_B).unwrap();
    std::fs::write(&broken, [0xff, 0xfe, 0x00, 0x9f, 0x80]).unwrap();
    Fixture {
        _dir: dir,
        a,
        b,
        broken,
    }
}

fn app_with(paths: Vec<PathBuf>) -> Harness<'static, BorderAtlasApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            let mut config = AppConfig::for_test(paths);
            config.pipeline = PIPELINE;
            config.dialog = Box::new(FixedDialog(DialogOutcome::Cancelled));
            BorderAtlasApp::new(cc, config)
        });
    wait_loaded(&mut harness);
    harness
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

    // The province list row for Ratanakiri (KH-16), with its event count.
    harness
        .get_by(|n| {
            n.label().is_some_and(|l| {
                (l.starts_with("Ratanakiri") || l.starts_with("KH-16")) && l.ends_with("(2)")
            })
        })
        .click();
    harness.run();

    let app = harness.state_mut();
    assert_eq!(app.filter().province, Some(ProvinceId::new("KH-16")));
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
                .contains(&ProvinceId::new("KH-16"))
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
    let label = row_text(harness.state().corpus(), target);
    harness.get_by_label(&label).click();
    harness.run();

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
    assert!(sentence.starts_with("Officials of Ratanakiri"));
    assert_eq!(app.article_highlight(), Some(sentence.as_str()));
    // The paragraph holding the evidence is on screen in the article pane, and the
    // details panel quotes the sentence.
    assert!(harness.query_all_by_label_contains(&sentence).count() >= 2);
    assert!(
        harness
            .query_all_by_label("Ratanakiri sends rice to Attapeu")
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
    let x0 = tl.x_for_date(d("2023-01-01")).unwrap();
    let x1 = tl.x_for_date(d("2023-09-20")).unwrap();
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
    assert!((from - d("2023-01-01")).num_days().abs() <= 2, "{from}");
    assert!((to - d("2023-09-20")).num_days().abs() <= 2, "{to}");
    let shown = app.filtered_events();
    assert_eq!(shown.len(), 2, "the two 2023 events");
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
        .send(Command::SetRange(Some((d("2022-06-10"), d("2023-03-05")))));
    harness.run();
    // The month-precision June 2022 and March 2023 events overlap the range; the day events do not.
    assert_eq!(harness.state_mut().filtered_events().len(), 2);
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "visit")
        .click(); // hide visits
    harness.run();
    let shown = harness.state_mut().filtered_events();
    assert_eq!(shown.len(), 1);
    assert_eq!(
        harness.state().corpus().event(shown[0]).unwrap().event.kind,
        EventKind::Operation
    );
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
    harness.get_by_label("cannot read: not UTF-8 text");
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
fn reload_rereads_a_changed_file_only() {
    let f = fixture();
    let mut harness = app_with(vec![f.a.clone(), f.b.clone()]);
    let before_b: Vec<EventKey> = harness
        .state()
        .corpus()
        .events_in_order()
        .iter()
        .copied()
        .filter(|k| harness.state().corpus().event(*k).unwrap().event.kind == EventKind::Aid)
        .collect();
    // Drop the second paragraph of article A.
    let short = ARTICLE_A
        .split("\n\nBoth sides")
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
        .filter(|k| app.corpus().event(*k).unwrap().event.kind == EventKind::Aid)
        .collect();
    assert_eq!(before_b, after_b, "the unchanged file was not re-read");
}

#[test]
fn open_dialog_without_backend_tells_the_user() {
    let f = fixture();
    let paths = vec![f.a.clone()];
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            let mut config = AppConfig::for_test(paths);
            config.pipeline = PIPELINE;
            BorderAtlasApp::new(cc, config)
        });
    wait_loaded(&mut harness);
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
