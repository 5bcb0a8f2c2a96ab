//! The `border-atlas extract` command-line contract (DESIGN.md).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_border-atlas"))
        .args(args)
        .output()
        .expect("run border-atlas");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), json)
}

const MEETING: &str = "Title: Governors meet at the border\nSource: Test Wire\nPublished: 2023-09-28\n\n\
The governors of Stung Treng and Attapeu held a meeting in Attapeu on September 26 and signed an accord on drug control.\n";

#[test]
fn extract_prints_articles_events_and_errors_and_exits_2_on_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), MEETING).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let (code, json) = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{json:#}");
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1);
    let a = &articles[0];
    assert!(a["path"].as_str().unwrap().ends_with("good.txt"));
    assert_eq!(a["title"], "Governors meet at the border");
    assert_eq!(a["published"], "2023-09-28");
    let events = a["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(e["date"], "2023-09-26");
    let provinces: Vec<&str> = e["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(provinces, ["KH-19", "LA-AT"]);
    let ev = &e["evidence"];
    let (start, end) = (ev["start"].as_u64().unwrap(), ev["end"].as_u64().unwrap());
    assert!(start < end);
    assert!(ev["sentence"].as_str().unwrap().contains("September 26"));
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["path"].as_str().unwrap().ends_with("empty.txt"));
    assert!(errors[0]["error"].as_str().unwrap().contains("empty"));
}

#[test]
fn reference_date_supplies_the_missing_year() {
    let dir = tempfile::tempdir().unwrap();
    let body = MEETING.replace("Published: 2023-09-28\n", "");
    let file = dir.path().join("undated.txt");
    std::fs::write(&file, body).unwrap();
    let (code, json) = run(&["extract", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(json["articles"][0]["events"][0]["date"], "XXXX-09-26");
    let (_, json) = run(&[
        "extract",
        "--reference-date",
        "2023-10-01",
        file.to_str().unwrap(),
    ]);
    assert_eq!(json["articles"][0]["events"][0]["date"], "2023-09-26");
}

#[test]
fn merge_adds_top_level_events_with_sources_and_inferred_year() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), MEETING).unwrap();
    let other = "Title: Attapeu hosts Cambodian delegation\n\n\
Officials from Steung Treng met their counterparts from Attapue in Attapeu on 26 September, where both sides signed a security agreement.\n";
    std::fs::write(dir.path().join("b.txt"), other).unwrap();
    let (code, json) = run(&["extract", "--merge", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    let merged = json["events"].as_array().expect("top-level events");
    assert_eq!(merged.len(), 1, "{merged:#?}");
    let m = &merged[0];
    assert_eq!(m["date"], "2023-09-26");
    assert_eq!(m["sources"].as_array().unwrap().len(), 2);
    assert!(m["date_inferred_from"].as_str().unwrap().ends_with("a.txt"));
    let dates: Vec<&str> = m["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["date"].as_str())
        .collect();
    assert!(dates.contains(&"XXXX-09-26") && dates.contains(&"2023-09-26"));
}

#[test]
fn sample_articles_extract_cleanly() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    let (code, json) = run(&["extract", sample.to_str().unwrap()]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["articles"].as_array().unwrap().len(), 5);
    assert!(json["errors"].as_array().unwrap().is_empty());
}

#[test]
fn no_files_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_border-atlas"))
        .arg("extract")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FILES_OR_DIRS"));
}

#[test]
fn explain_shows_each_sentence_with_its_dates_places_and_the_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("good.txt");
    std::fs::write(&path, MEETING).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_border-atlas"))
        .args(["explain", path.to_str().unwrap()])
        .output()
        .expect("run border-atlas");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("reference date: 2023-09-28"), "{text}");
    assert!(text.contains("September 26=2023-09-26"), "{text}");
    assert!(text.contains("Attapeu→LA-AT"), "{text}");
    assert!(text.contains("event meeting 2023-09-26 from [0]"), "{text}");
    // A missing file is an error that names it.
    let out = Command::new(env!("CARGO_BIN_EXE_border-atlas"))
        .args(["explain", "no-such-file.txt"])
        .output()
        .expect("run border-atlas");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.txt"));
}

#[test]
fn extract_into_a_pipe_closed_early_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        std::fs::write(dir.path().join(format!("a{i}.txt")), MEETING).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_border-atlas"))
        .args(["extract", dir.path().to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run border-atlas");
    // Read a little, then hang up, as `| head` does.
    {
        use std::io::Read;
        let mut stdout = child.stdout.take().unwrap();
        let mut buf = [0u8; 100];
        let _ = stdout.read(&mut buf);
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_file_name_cannot_forge_a_line_of_the_error_listing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), MEETING).unwrap();
    std::fs::write(
        dir.path()
            .join("empty\nborder-atlas: every file loaded fine.txt"),
        "",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_border-atlas"))
        .args(["extract", dir.path().to_str().unwrap()])
        .output()
        .expect("run border-atlas");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("empty\\nborder-atlas"), "{stderr}");
}

#[test]
fn one_meeting_reached_through_a_symlinked_folder_has_one_source() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("good.txt"), MEETING).unwrap();
    std::os::unix::fs::symlink(&d, dir.path().join("sibling")).unwrap();
    let (code, json) = run(&["extract", "--merge", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["articles"].as_array().unwrap().len(), 1);
    let merged = json["events"].as_array().unwrap();
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0]["sources"].as_array().unwrap().len(), 1);
}

fn run_with_stdin(args: &[&str], stdin: &str) -> (i32, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_border-atlas"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run border-atlas");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// A folder of small articles, each about a different meeting day.
fn corpus(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let day = i % 28 + 1;
        std::fs::write(
            dir.path().join(format!("a{i:03}.txt")),
            format!(
                "Title: Meeting {i}\nPublished: 2023-09-30\n\nThe governors of Stung Treng and Attapeu met in Attapeu on September {day}.\n"
            ),
        )
        .unwrap();
    }
    dir
}

/// (path, date) of every event of JSON-lines output, sorted.
fn events_of_lines(out: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = out
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("each line is JSON"))
        .flat_map(|a| {
            let path = a["path"].as_str().unwrap_or("").to_string();
            a["events"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |e| (path.clone(), e["date"].to_string()))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn jsonl_writes_one_line_per_article_and_per_failure() {
    let dir = corpus(5);
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_border-atlas"))
        .args(["extract", "--jsonl", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert_eq!(
        lines.iter().filter(|l| l.get("events").is_some()).count(),
        5
    );
    let failure = lines.iter().find(|l| l.get("error").is_some()).unwrap();
    assert!(failure["path"].as_str().unwrap().ends_with("empty.txt"));
    // --merge needs every article at once: not with --jsonl.
    let out = Command::new(env!("CARGO_BIN_EXE_border-atlas"))
        .args([
            "extract",
            "--jsonl",
            "--merge",
            dir.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be used with"));
}

#[test]
fn stdin_takes_paths_and_article_objects() {
    let dir = corpus(2);
    let stdin = format!(
        "{}\n\n{{\"path\": \"wire-7\", \"published\": \"2023-09-30\", \"text\": \"Cambodian and Lao officials met in Pakse on September 12.\"}}\n{{\"text\": \"Lao and Cambodian police held joint patrols in Attapeu on 3 May 2021.\"}}\n",
        dir.path().join("a000.txt").display()
    );
    let (code, out) = run_with_stdin(&["extract", "--jsonl", "-"], &stdin);
    assert_eq!(code, 0, "{out}");
    let events = events_of_lines(&out);
    let paths: Vec<&str> = events.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(events.len(), 3, "{events:?}");
    assert!(paths.contains(&"wire-7"));
    assert!(paths.contains(&"stdin:4"));
    assert!(events.contains(&("wire-7".to_string(), "\"2023-09-12\"".to_string())));
    // Without --jsonl, the same input makes one report.
    let (code, out) = run_with_stdin(&["extract", "-"], &stdin);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 3);
}

#[test]
fn shards_extracted_apart_and_concatenated_equal_one_run() {
    let dir = corpus(40);
    let whole = Command::new(env!("CARGO_BIN_EXE_border-atlas"))
        .args(["extract", "--jsonl", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let whole = events_of_lines(&String::from_utf8_lossy(&whole.stdout));
    assert_eq!(whole.len(), 40);
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    let mut joined = String::new();
    for shard in files.chunks(7) {
        let (code, out) = run_with_stdin(&["extract", "--jsonl", "-"], &shard.join("\n"));
        assert_eq!(code, 0);
        joined.push_str(&out);
    }
    assert_eq!(events_of_lines(&joined), whole);
}
