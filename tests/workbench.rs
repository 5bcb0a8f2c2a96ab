//! The workbench without a window: loading files, corrections, publication dates,
//! splits, export and workspaces, as the window drives them.

mod support;

use std::path::PathBuf;

use border_atlas::corpus::EventKey;
use border_atlas::corrections::{EventEdit, NewEvent};
use border_atlas::model::{EventKind, PartialDate, ProvinceId};
use border_atlas::workbench::loader::{load_one, Pipeline};
use border_atlas::workbench::{ExportFormat, Origin, Workbench};
use support::Tree;

/// Two short reports of one meeting, in our own words, and a third story.
const MEETING_A: &str = "Title: Border governors meet\nPublished: 2023-03-10\n\n\
The governors of Stung Treng and Champasak met in Pakse on 8 March 2023 to discuss border trade.\n";
const MEETING_B: &str = "Title: Stung Treng and Champasak talk trade\nPublished: 2023-03-11\n\n\
Provincial leaders of Champasak and Stung Treng held talks in Pakse on 8 March 2023 on cross-border trade.\n";
const RELATIVE: &str = "Title: Vaccines handed over\n\n\
Cambodia handed over 200,000 vaccine doses to Attapeu province at the Phnom Penh airport yesterday, officials from Ratanakiri said.\n";

fn load(wb: &mut Workbench, paths: &[PathBuf]) {
    let pipeline = Pipeline::default();
    let results = paths.iter().map(|p| load_one(p, &pipeline)).collect();
    wb.insert_results(results);
}

fn only_event(wb: &Workbench, title: &str) -> EventKey {
    let corpus = wb.corpus();
    let article = corpus
        .articles()
        .find(|a| a.article.title.as_deref() == Some(title))
        .unwrap_or_else(|| panic!("article {title:?} is loaded"));
    assert_eq!(article.events.len(), 1, "{title:?} states one event");
    article.events[0]
}

fn kind_of(wb: &Workbench, key: EventKey) -> EventKind {
    wb.corpus().event(key).expect("event loaded").event.kind
}

#[test]
fn an_edit_changes_one_event_marks_it_and_undo_redo_walk_it_back_and_forth() {
    let tree = Tree::new();
    let a = tree.write("a.txt", MEETING_A);
    let b = tree.write("b.txt", MEETING_B);
    let mut wb = Workbench::default();
    load(&mut wb, &[a, b]);
    let key = only_event(&wb, "Border governors meet");
    let other = only_event(&wb, "Stung Treng and Champasak talk trade");
    assert_eq!(kind_of(&wb, key), EventKind::Meeting);

    let changes = EventEdit {
        kind: Some(EventKind::Agreement),
        ..EventEdit::default()
    };
    assert!(wb.edit(key, changes));
    let key = only_event(&wb, "Border governors meet");
    let id = wb.corpus().event(key).expect("loaded").event.id.clone();
    assert_eq!(kind_of(&wb, key), EventKind::Agreement);
    assert_eq!(wb.origin(&id), Origin::Edited);
    // The other file is untouched.
    assert_eq!(kind_of(&wb, other), EventKind::Meeting);

    assert!(wb.undo());
    let key = only_event(&wb, "Border governors meet");
    assert_eq!(kind_of(&wb, key), EventKind::Meeting);
    assert_eq!(wb.origin(&id), Origin::Extracted);
    assert!(wb.redo());
    let key = only_event(&wb, "Border governors meet");
    assert_eq!(kind_of(&wb, key), EventKind::Agreement);
    assert!(!wb.redo(), "nothing left to redo");
}

#[test]
fn a_deleted_event_is_gone_until_undone_and_an_added_one_is_marked_added() {
    let tree = Tree::new();
    let a = tree.write("a.txt", MEETING_A);
    let mut wb = Workbench::default();
    load(&mut wb, &[a]);
    let key = only_event(&wb, "Border governors meet");
    let (article, start, end) = {
        let e = wb.corpus().event(key).expect("loaded");
        (e.article, e.event.evidence.start, e.event.evidence.end)
    };
    assert!(wb.delete(key));
    assert_eq!(wb.corpus().event_count(), 0);
    // Re-inserting a file gives its article a new key.
    let article = wb
        .corpus()
        .articles()
        .next()
        .map(|a| a.key)
        .unwrap_or(article);

    let added = wb
        .add(
            article,
            start,
            end,
            NewEvent {
                date: PartialDate::ymd(2023, 3, 8),
                kind: EventKind::Proposal,
                provinces: vec![ProvinceId::new("LA-CH")],
                location: None,
                summary: String::new(),
            },
        )
        .expect("the sentence is still there");
    let e = &wb.corpus().event(added).expect("added event loaded").event;
    assert_eq!(e.kind, EventKind::Proposal);
    assert_eq!(wb.origin(&e.id), Origin::Added);
    assert!(wb.undo(), "undo the addition");
    assert!(wb.undo(), "undo the deletion");
    assert_eq!(wb.corpus().event_count(), 1);
    assert_eq!(
        kind_of(&wb, only_event(&wb, "Border governors meet")),
        EventKind::Meeting
    );
}

#[test]
fn a_publication_date_set_by_the_user_resolves_yesterday_and_can_be_cleared() {
    let tree = Tree::new();
    let path = tree.write("relative.txt", RELATIVE);
    let mut wb = Workbench::default();
    load(&mut wb, &[path]);
    let key = only_event(&wb, "Vaccines handed over");
    let article_path = wb
        .corpus()
        .article_of(key)
        .expect("loaded")
        .article
        .path
        .clone();
    assert_eq!(wb.corpus().event(key).expect("loaded").event.date, None);

    let published = chrono::NaiveDate::from_ymd_opt(2021, 8, 5).expect("valid date");
    wb.set_published(&article_path, Some(published));
    let key = only_event(&wb, "Vaccines handed over");
    assert_eq!(
        wb.corpus().event(key).expect("loaded").event.date,
        PartialDate::ymd(2021, 8, 4)
    );
    assert_eq!(
        wb.published_overrides().get(&article_path),
        Some(&published)
    );

    wb.set_published(&article_path, None);
    let key = only_event(&wb, "Vaccines handed over");
    assert_eq!(wb.corpus().event(key).expect("loaded").event.date, None);
}

#[test]
fn a_correction_whose_sentence_left_the_file_is_an_orphan_until_discarded() {
    let tree = Tree::new();
    let a = tree.write("a.txt", MEETING_A);
    let b = tree.write("b.txt", MEETING_B);
    let mut wb = Workbench::default();
    load(&mut wb, &[a.clone(), b]);
    let key = only_event(&wb, "Border governors meet");
    assert!(wb.delete(key));
    assert_eq!(
        wb.corpus().event_count(),
        1,
        "the other file keeps its event"
    );
    assert!(wb.orphans().is_empty());

    // The file is rewritten without the sentence and read again (twice: listed once).
    let rewritten =
        "Title: Border governors meet\nPublished: 2023-03-10\n\nNo meeting took place.\n";
    std::fs::write(&a, rewritten).expect("rewrite");
    load(&mut wb, std::slice::from_ref(&a));
    load(&mut wb, &[a]);
    assert_eq!(wb.orphans().len(), 1, "{:?}", wb.orphans());
    let id = wb.orphans()[0].correction.id;
    assert!(wb.discard(id).is_some());
    assert!(wb.orphans().is_empty());
}

#[test]
fn two_reports_of_one_meeting_merge_and_a_split_keeps_them_apart_until_undone() {
    let tree = Tree::new();
    let a = tree.write("a.txt", MEETING_A);
    let b = tree.write("b.txt", MEETING_B);
    let mut wb = Workbench::default();
    load(&mut wb, &[a, b]);
    assert_eq!(wb.merged().events().len(), 1, "one occasion, two reports");

    let key = only_event(&wb, "Border governors meet");
    assert_eq!(wb.split(key), Ok(2));
    assert_eq!(wb.merged().events().len(), 2);
    let id = wb.corpus().event(key).expect("loaded").event.id.clone();
    assert!(wb.last_merged().of_event(&id).is_some());
    assert!(wb.undo());
    assert_eq!(wb.merged().events().len(), 1);
}

#[test]
fn export_writes_the_given_events_with_their_marks_and_says_what_it_wrote() {
    let tree = Tree::new();
    let a = tree.write("a.txt", MEETING_A);
    let b = tree.write("b.txt", MEETING_B);
    let bad = tree.write("bad.txt", [0xffu8, 0xfe, 0x00, 0x00, 0x00]);
    let mut wb = Workbench::default();
    load(&mut wb, &[a, b, bad.clone()]);
    let key = only_event(&wb, "Border governors meet");
    wb.edit(
        key,
        EventEdit {
            kind: Some(EventKind::Agreement),
            ..EventEdit::default()
        },
    );
    let keys = wb.corpus().events_in_order().to_vec();
    let out = tree.path("events.csv");
    let message = wb
        .export(ExportFormat::Csv, &out, &keys)
        .expect("CSV written");
    assert!(message.contains("2 events as CSV"), "{message}");
    let csv = std::fs::read_to_string(&out).expect("read CSV");
    assert_eq!(csv.lines().count(), 3, "header and two rows:\n{csv}");
    assert!(
        csv.lines()
            .any(|l| l.contains("agreement") && l.contains("true")),
        "the edited event is marked:\n{csv}"
    );
    let message = wb
        .export(ExportFormat::Json, &tree.path("one.json"), &keys[..1])
        .expect("JSON written");
    assert!(message.contains("1 event of 1 article"), "{message}");
    // As the `extract` object, the JSON names the files that failed.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tree.path("one.json")).expect("read JSON"))
            .expect("valid JSON");
    let errors = json["errors"].as_array().expect("an errors array");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0]["path"].as_str(),
        Some(bad.to_string_lossy().as_ref())
    );
    assert!(errors[0]["error"].as_str().is_some_and(|e| !e.is_empty()));
    assert!(wb
        .export(ExportFormat::Csv, &tree.path("missing/dir/x.csv"), &keys)
        .is_err());
}

#[test]
fn a_workspace_carries_corrections_and_dates_to_a_new_workbench() {
    let tree = Tree::new();
    let a = tree.write("a.txt", MEETING_A);
    let r = tree.write("relative.txt", RELATIVE);
    let mut wb = Workbench::default();
    load(&mut wb, &[a.clone(), r.clone()]);
    let key = only_event(&wb, "Border governors meet");
    wb.delete(key);
    let rel_key = only_event(&wb, "Vaccines handed over");
    let rel_path = wb
        .corpus()
        .article_of(rel_key)
        .expect("loaded")
        .article
        .path
        .clone();
    wb.set_published(&rel_path, chrono::NaiveDate::from_ymd_opt(2021, 8, 5));
    let ws = wb.workspace(
        &[tree.root().to_path_buf()],
        serde_json::Value::Null,
        serde_json::Value::Null,
    );
    assert_eq!(ws.corrections.len(), 1);

    let mut again = Workbench::default();
    load(&mut again, std::slice::from_ref(&a));
    again.reset_to(&ws);
    assert_eq!(
        again.corpus().event_count(),
        0,
        "a workspace starts with nothing loaded"
    );
    load(&mut again, &[a, r]);
    assert_eq!(
        again.corpus().event_count(),
        1,
        "the deletion applies again"
    );
    let rel_key = only_event(&again, "Vaccines handed over");
    assert_eq!(
        again.corpus().event(rel_key).expect("loaded").event.date,
        PartialDate::ymd(2021, 8, 4)
    );
}

#[test]
fn a_failed_file_is_known_and_samples_give_way_to_real_files() {
    let tree = Tree::new();
    let bad = tree.write("bad.txt", [0xffu8, 0xfe, 0x00, 0x00, 0x00]);
    let good = tree.write("good.txt", MEETING_A);
    let mut wb = Workbench::default();
    wb.insert_results(border_atlas::workbench::loader::sample_results(
        &Pipeline::default(),
    ));
    let samples = wb.corpus().article_count();
    assert!(samples > 0);
    load(&mut wb, &[bad, good]);
    assert_eq!(wb.corpus().failure_count(), 1);
    wb.remove_samples();
    assert_eq!(wb.corpus().article_count(), 1, "only the real file stays");
    let known = wb.known_files();
    assert_eq!(
        known.len(),
        2,
        "the loaded file and the failed one: {known:?}"
    );
    wb.close_all();
    assert_eq!(wb.corpus().article_count(), 0);
}

#[test]
fn the_failed_elements_of_a_json_array_are_listed_beside_the_ones_that_load() {
    let tree = Tree::new();
    let json = tree.write(
        "feed.json",
        r#"[{"title": "Governors meet", "text": "The governors of Stung Treng and Champasak met in Pakse on 8 March 2023."},
            42,
            {"title": "No body here"}]"#,
    );
    let mut wb = Workbench::default();
    load(&mut wb, std::slice::from_ref(&json));
    assert_eq!(wb.corpus().article_count(), 1);
    let failures: Vec<(String, String)> = wb
        .corpus()
        .failures()
        .map(|(p, e)| (p.rsplit('/').next().unwrap_or(p).to_string(), e.to_string()))
        .collect();
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert_eq!(failures[0].0, "feed.json#2");
    assert_eq!(failures[0].1, "expected an article object; found a number");
    assert_eq!(failures[1].0, "feed.json#3");
    assert!(failures[1].1.starts_with("no article text"), "{failures:?}");

    // Mended and read again, the file's old element failures are gone.
    std::fs::write(
        &json,
        r#"[{"text": "The governors of Stung Treng and Champasak met in Pakse on 8 March 2023."},
            {"text": "Attapeu and Ratanakiri officials signed a trade memorandum on 9 March 2023."}]"#,
    )
    .expect("rewrite");
    load(&mut wb, std::slice::from_ref(&json));
    assert_eq!(wb.corpus().failure_count(), 0);
    assert_eq!(wb.corpus().article_count(), 2);
}

#[test]
fn a_json_array_none_of_whose_articles_loads_fails_as_a_whole_with_each_reason() {
    let tree = Tree::new();
    let single = tree.write("one.json", r#"[{"title": "No body"}]"#);
    let r = load_one(&single, &Pipeline::default());
    assert!(
        r.outcome
            .as_ref()
            .is_err_and(|e| e.to_string().starts_with("no article text")),
        "{:?}",
        r.outcome.err()
    );
    let two = tree.write("two.json", r#"[1, 2]"#);
    let r = load_one(&two, &Pipeline::default());
    let (articles, _) = r.outcome.as_ref().expect("the file is read");
    assert!(articles.is_empty());
    assert_eq!(r.element_failures.len(), 2);
}

/// The window reads a file whose name is not UTF-8 under its own path (it
/// was once looked up again by a lossy name and reported "file not found").
#[cfg(unix)]
#[test]
fn the_window_loads_files_whose_names_are_not_utf8() {
    use border_atlas::workbench::loader::{LoadJob, Loader};
    use std::os::unix::ffi::OsStrExt;
    let tree = Tree::new();
    let dir = tree.path("latin1");
    std::fs::create_dir_all(&dir).expect("dir");
    for name in [&b"caf\xe9.txt"[..], &b"caf\xe8.txt"[..]] {
        std::fs::write(dir.join(std::ffi::OsStr::from_bytes(name)), MEETING_A).expect("write");
    }
    let mut loader = Loader::start(
        LoadJob::Open {
            inputs: vec![dir],
            known: Default::default(),
        },
        Pipeline::default(),
        || {},
    );
    let mut wb = Workbench::default();
    let start = std::time::Instant::now();
    while !loader.finished && start.elapsed().as_secs() < 30 {
        wb.insert_results(loader.poll());
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    wb.insert_results(loader.poll());
    assert_eq!(
        wb.corpus().failure_count(),
        0,
        "{:?}",
        wb.corpus().failures().collect::<Vec<_>>()
    );
    assert_eq!(wb.corpus().article_count(), 2);
}
