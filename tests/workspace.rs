//! Workspace files: round trip, corrections that survive a reload, moved
//! files, and files that must not be overwritten.

mod support;

use std::fs;
use std::path::Path;

use border_atlas::corrections::{apply, Correction, CorrectionLog, EventEdit, NewEvent};
use border_atlas::model::{Article, Event, EventKind, Evidence, ProvinceId};
use border_atlas::workspace::{Workspace, WorkspaceError, FORMAT, VERSION};
use chrono::NaiveDate;
use serde_json::json;

const TEXT: &str = "Stung Treng, 12 March 2024 - Police from Attapeu and Stung Treng began joint patrols on the Sekong on Monday.\n\
The two governors also discussed a new market at the Dong Kralor crossing.\n\
Residents welcomed the news.";
const PATROL: &str =
    "Police from Attapeu and Stung Treng began joint patrols on the Sekong on Monday.";
const MARKET: &str = "The two governors also discussed a new market at the Dong Kralor crossing.";

fn article(path: &str, text: &str) -> Article {
    Article {
        path: path.into(),
        published: NaiveDate::from_ymd_opt(2024, 3, 12),
        text: text.into(),
        ..Default::default()
    }
}

/// A stand-in extractor: the patrol sentence, wherever it is.
fn extracted(text: &str) -> Vec<Event> {
    text.find(PATROL)
        .map(|s| Event {
            id: format!("h-{s}"),
            date: "2024-03-11".parse().ok(),
            kind: EventKind::Operation,
            provinces: vec!["LA-AT".into()],
            location: None,
            summary: "Joint patrols began".into(),
            evidence: Evidence::from_span(text, s, s + PATROL.len()).unwrap(),
        })
        .into_iter()
        .collect()
}

fn corrections_for(a: &Article) -> CorrectionLog {
    let mut log = CorrectionLog::default();
    let e = &extracted(&a.text)[0];
    log.push(Correction::edit(
        a,
        e,
        EventEdit {
            provinces: Some(vec!["LA-AT".into(), "KH-19".into()]),
            location: Some(Some("Sekong river, Stung Treng".into())),
            ..Default::default()
        },
    ));
    let s = a.text.find(MARKET).unwrap();
    log.push(
        Correction::add(
            a,
            s,
            s + MARKET.len(),
            NewEvent {
                date: "2024-03-11".parse().ok(),
                kind: EventKind::Proposal,
                provinces: vec!["LA-CH".into(), "KH-13".into()],
                location: Some("Dong Kralor".into()),
                summary: "Market proposed at Dong Kralor".into(),
            },
        )
        .unwrap(),
    );
    log
}

fn sample_workspace(dir: &Path) -> Workspace {
    let a = article(&dir.join("a.txt").to_string_lossy(), TEXT);
    fs::write(&a.path, TEXT).unwrap();
    Workspace {
        files: vec![a.path.clone()],
        published_overrides: [(
            a.path.clone(),
            NaiveDate::from_ymd_opt(2024, 3, 13).unwrap(),
        )]
        .into_iter()
        .collect(),
        corrections: corrections_for(&a).into_corrections(),
        filters: json!({"kinds": ["operation", "proposal"], "cross_border_only": true, "range": ["2024-01", null]}),
        view: json!({"zoom": 2.5, "center": [106.1, 13.9], "selected": "KH-19"}),
        ..Workspace::default()
    }
}

#[test]
fn round_trip_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample_workspace(dir.path());
    let path = dir.path().join("project.atlas.json");
    ws.save(&path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], FORMAT);
    assert_eq!(v["version"], VERSION);
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert_eq!(v["published_overrides"][&ws.files[0]], "2024-03-13");
    assert_eq!(v["corrections"][0]["action"]["type"], "edit");
    assert_eq!(v["corrections"][1]["action"]["type"], "add");
    assert_eq!(v["view"]["selected"], "KH-19");

    let mut back = Workspace::load(&path).unwrap();
    assert_eq!(back.base_dir.as_deref(), Some(dir.path()));
    back.base_dir = None;
    assert_eq!(back, ws);
    // Saving the loaded workspace again gives the same bytes.
    back.save(&path).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn corrections_reapply_after_saving_and_reloading() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample_workspace(dir.path());
    let path = dir.path().join("w.json");
    ws.save(&path).unwrap();
    let loaded = Workspace::load(&path).unwrap();
    // The article is read again from disk; the extractor runs again.
    let text = fs::read_to_string(&loaded.files[0]).unwrap();
    let a = article(&loaded.files[0], &text);
    let (events, orphans) = apply(&a, extracted(&a.text), &loaded.corrections);
    assert!(orphans.is_empty());
    assert_eq!(events.len(), 2);
    let patrol = &events[0];
    assert!(patrol.edited && !patrol.added);
    assert_eq!(
        patrol.event.provinces,
        vec![ProvinceId::from("LA-AT"), ProvinceId::from("KH-19")]
    );
    assert_eq!(
        patrol.event.location.as_deref(),
        Some("Sekong river, Stung Treng")
    );
    let market = &events[1];
    assert!(market.added);
    assert_eq!(market.event.kind, EventKind::Proposal);
    assert_eq!(market.event.evidence.sentence, MARKET);

    // The article file is edited (a correction notice on top): the corrections follow the sentences.
    let changed = format!("Correction appended on 14 March.\n\n{text}");
    fs::write(&loaded.files[0], &changed).unwrap();
    let a2 = article(&loaded.files[0], &changed);
    let (events, orphans) = apply(&a2, extracted(&a2.text), &loaded.corrections);
    assert!(orphans.is_empty());
    assert!(events[0].edited);
    assert_eq!(
        &changed[events[1].event.evidence.start..events[1].event.evidence.end],
        MARKET
    );

    // The market sentence is removed: its added event is listed as orphaned, the edit still applies.
    let cut = changed.replace(MARKET, "");
    let a3 = article(&loaded.files[0], &cut);
    let (events, orphans) = apply(&a3, extracted(&a3.text), &loaded.corrections);
    assert_eq!(events.len(), 1);
    assert!(events[0].edited);
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].correction, loaded.corrections[1]);
}

#[test]
fn moved_files_are_reported_and_the_rest_kept() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("ws");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("local.txt"), "x").unwrap();
    let kept = dir.path().join("kept.txt");
    fs::write(&kept, "x").unwrap();
    let moved = dir.path().join("moved.txt");
    let ws = Workspace {
        files: vec![
            kept.to_string_lossy().into_owned(),
            moved.to_string_lossy().into_owned(),
            "local.txt".into(),
            "nowhere/else.txt".into(),
        ],
        ..Workspace::default()
    };
    let path = sub.join("w.json");
    ws.save(&path).unwrap();
    let loaded = Workspace::load(&path).unwrap();
    assert_eq!(
        loaded.missing_files(),
        vec![
            moved.to_string_lossy().into_owned(),
            "nowhere/else.txt".to_string()
        ]
    );
    assert_eq!(
        loaded.existing_files(),
        vec![kept.clone(), sub.join("local.txt")]
    );
    // Nothing is dropped from the workspace itself.
    assert_eq!(loaded.files.len(), 4);
}

#[test]
fn newer_version_is_refused_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.json");
    let future = r#"{"format": "border-atlas-workspace", "version": 3, "files": [], "layers": {"new": true}}"#;
    fs::write(&path, future).unwrap();
    let e = Workspace::load(&path).unwrap_err();
    assert!(matches!(e, WorkspaceError::NewerVersion { version: 3, .. }));
    assert_eq!(
        e.to_string(),
        format!(
            "workspace {}: version 3 is newer than this Border Atlas supports ({VERSION}); it was not changed",
            path.display()
        )
    );
    let e = Workspace::default().save(&path).unwrap_err();
    assert!(matches!(e, WorkspaceError::WouldReplace { .. }));
    assert!(e.to_string().contains("version 3"), "{e}");
    assert_eq!(fs::read_to_string(&path).unwrap(), future);
    // Only after the user confirms.
    Workspace::default().save_replacing(&path).unwrap();
    assert!(Workspace::load(&path).is_ok());
}

#[test]
fn damaged_or_foreign_files_give_clear_errors_and_stay_intact() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "trunc.json",
            br#"{"format": "border-atlas-workspace", "version": 1, "files": ["#,
            "not valid JSON",
        ),
        (
            "other.json",
            br#"{"type": "FeatureCollection", "features": []}"#,
            "not a Border Atlas workspace",
        ),
        ("bin.json", b"\x00\x01\xff\xfe", "not UTF-8"),
        ("empty.json", b"", "empty"),
        (
            "shape.json",
            br#"{"format": "border-atlas-workspace", "version": 1, "corrections": [{"id": "x"}]}"#,
            "damaged",
        ),
    ];
    for (name, bytes, expect) in cases {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let e = Workspace::load(&path).unwrap_err().to_string();
        assert!(e.contains(expect), "{name}: {e}");
        assert!(e.contains(name), "{name}: message names the file: {e}");
        assert!(
            Workspace::default().save(&path).is_err(),
            "{name} not overwritten"
        );
        assert_eq!(fs::read(&path).unwrap(), bytes, "{name} intact");
    }
    let missing = dir.path().join("missing.json");
    let e = Workspace::load(&missing).unwrap_err().to_string();
    assert!(
        e.contains("cannot read workspace") && e.contains("missing.json"),
        "{e}"
    );
    let e = Workspace::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("cannot read workspace"), "{e}");
}

#[test]
fn save_into_a_missing_folder_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-there").join("w.json");
    let e = Workspace::default().save(&path).unwrap_err().to_string();
    assert!(e.contains("not-there"), "{e}");
    assert!(!path.exists());
}

#[test]
fn undo_history_and_saved_ids_stay_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample_workspace(dir.path());
    let path = dir.path().join("w.json");
    ws.save(&path).unwrap();
    let loaded = Workspace::load(&path).unwrap();
    let mut log = CorrectionLog::from_corrections(loaded.corrections.clone());
    let a = article(&loaded.files[0], TEXT);
    let e = &extracted(TEXT)[0];
    let id = log.push(Correction::delete(&a, e));
    assert!(loaded.corrections.iter().all(|c| c.id < id));
    assert!(apply(&a, extracted(TEXT), log.corrections())
        .0
        .iter()
        .all(|c| c.added));
    log.undo();
    assert_eq!(log.corrections(), loaded.corrections.as_slice());
}

/// A named pipe is refused without being opened (opening it would wait for a
/// writer, and the window would freeze), both to read and to replace.
#[test]
fn a_named_pipe_is_refused_as_a_workspace_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.atlas.json");
    if !support::mkfifo(&fifo) {
        return;
    }
    let e = Workspace::load(&fifo).expect_err("a pipe is no workspace");
    assert!(e.to_string().contains("not a regular file"), "{e}");
    let e = sample_workspace(dir.path())
        .save(&fifo)
        .expect_err("a pipe is not replaced unasked");
    assert!(e.to_string().contains("not a regular file"), "{e}");
}
