//! Loader tests, one or more per format, with fixtures written by each test.

mod support;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use border_atlas::load::{
    collect_files, load_bytes, load_bytes_each, load_file, load_paths, split_article_path,
    LoadError,
};
use chrono::NaiveDate;
use support::{article, failure, load, Tree};

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn txt_header_fields_and_body() {
    let text = "Title: Governors meet in Khong\nsource: Test Wire\nURL: https://example.org/khong\nAuthor: A. Writer\nPublished: 2022-05-30\n\nThe governors met on 27 May.\n\nA second paragraph.\n";
    let a = load_bytes("khong.txt", text.as_bytes()).unwrap();
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.path, "khong.txt");
    assert_eq!(a.title.as_deref(), Some("Governors meet in Khong"));
    assert_eq!(a.source.as_deref(), Some("Test Wire"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/khong"));
    assert_eq!(a.published, date(2022, 5, 30));
    assert_eq!(
        a.text,
        "The governors met on 27 May.\n\nA second paragraph."
    );
    assert!(a.warnings.is_empty());
}

#[test]
fn txt_date_key_and_any_order() {
    let a = &load_bytes("x.txt", b"DATE: 2017-01-10\nTITLE: Checkpoint\n\nBody.").unwrap()[0];
    assert_eq!(a.published, date(2017, 1, 10));
    assert_eq!(a.title.as_deref(), Some("Checkpoint"));
    assert_eq!(a.text, "Body.");
}

#[test]
fn txt_without_header_is_all_body() {
    let a = &load_bytes(
        "x.txt",
        b"Pakse hosted talks: both sides agreed.\nNext line.",
    )
    .unwrap()[0];
    assert_eq!(a.title, None);
    assert_eq!(a.published, None);
    assert_eq!(a.text, "Pakse hosted talks: both sides agreed.\nNext line.");
}

#[test]
fn txt_crlf_gives_the_same_text_and_offsets_as_lf() {
    let lf = "Title: T\n\nFirst sentence here.\nSecond sentence in Attapeu.\n";
    let crlf = lf.replace('\n', "\r\n");
    let a = &load_bytes("a.txt", lf.as_bytes()).unwrap()[0];
    let b = &load_bytes("b.txt", crlf.as_bytes()).unwrap()[0];
    assert_eq!(a.text, b.text);
    assert_eq!(b.title.as_deref(), Some("T"));
    let start = b.text.find("Second").unwrap();
    assert_eq!(&b.text[start..start + 6], "Second");
    assert!(!b.text.contains('\r'));
}

#[test]
fn md_front_matter_and_body() {
    let md = "---\ntitle: \"Trucks donated\"\nsource: 'Test Wire'\nurl: https://example.org/t\npublished: 2022-03-14\nauthor: someone\n---\n\n# Trucks donated\n\nCambodia handed over refrigerated trucks.\n\n## Background\n\nMore text.\n";
    let a = &load_bytes("t.md", md.as_bytes()).unwrap()[0];
    assert_eq!(a.title.as_deref(), Some("Trucks donated"));
    assert_eq!(a.source.as_deref(), Some("Test Wire"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/t"));
    assert_eq!(a.published, date(2022, 3, 14));
    assert_eq!(
        a.text,
        "Trucks donated\n\nCambodia handed over refrigerated trucks.\n\nBackground\n\nMore text."
    );
}

#[test]
fn markdown_extension_and_txt_style_header() {
    let a = &load_bytes(
        "n.markdown",
        b"Title: Plain header\nDate: 2020-02-02\n\nBody text.",
    )
    .unwrap()[0];
    assert_eq!(a.title.as_deref(), Some("Plain header"));
    assert_eq!(a.published, date(2020, 2, 2));
    assert_eq!(a.text, "Body text.");
}

#[test]
fn html_metadata_and_article_text() {
    let html = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Site | Old title</title>
<meta property="og:title" content="Checkpoint opens on the border">
<meta property="og:site_name" content="Test Times">
<meta property="og:url" content="https://example.org/checkpoint">
<meta property="article:published_time" content="2017-01-11T07:30:00+07:00">
<script>window.tracking = "not text";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><p>Breaking banner</p></header>
<article>
  <h1>Checkpoint opens on the border</h1>
  <p>The   Trapeang Kriel checkpoint
     opened on 10&nbsp;January.</p>
  <aside><p>Read also: something else</p></aside>
  <p>Officials from Stung Treng &amp; Champasak attended.</p>
  <form><input name="q"><p>Subscribe</p></form>
</article>
<footer><p>Copyright</p></footer>
</body></html>"#;
    let a = &load_bytes("c.html", html.as_bytes()).unwrap()[0];
    assert_eq!(a.title.as_deref(), Some("Checkpoint opens on the border"));
    assert_eq!(a.source.as_deref(), Some("Test Times"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/checkpoint"));
    assert_eq!(a.published, date(2017, 1, 11));
    assert_eq!(
        a.text,
        "Checkpoint opens on the border\n\nThe Trapeang Kriel checkpoint opened on 10 January.\n\nOfficials from Stung Treng & Champasak attended."
    );
}

#[test]
fn htm_without_article_uses_main_then_body() {
    let with_main = "<html><head><title>T1</title><meta name=\"date\" content=\"2019-06-01\"></head><body><p>Outside main.</p><main><p>Inside main.</p></main></body></html>";
    let a = &load_bytes("m.htm", with_main.as_bytes()).unwrap()[0];
    assert_eq!(a.title.as_deref(), Some("T1"));
    assert_eq!(a.published, date(2019, 6, 1));
    assert_eq!(a.text, "Inside main.");

    let body_only = "<p>One.</p><div>Two <em>words</em></div><ul><li>Three</li></ul>";
    let a = &load_bytes("b.html", body_only.as_bytes()).unwrap()[0];
    assert_eq!(a.title, None);
    assert_eq!(a.text, "One.\n\nTwo words\n\nThree");
}

#[test]
fn html_time_element_and_canonical_link() {
    let html = "<html><head><link rel=\"canonical\" href=\"https://example.org/c\"></head><body><h1>Heading title</h1><article><time datetime=\"2023-09-26T10:00\">26 Sept</time><p>Meeting held.</p></article></body></html>";
    let a = &load_bytes("t.html", html.as_bytes()).unwrap()[0];
    assert_eq!(a.title.as_deref(), Some("Heading title"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/c"));
    assert_eq!(a.published, date(2023, 9, 26));
}

#[test]
fn json_single_object() {
    let json = r#"{"title": "Dam support", "source": "Test Wire", "url": "https://example.org/d",
                   "date": "2014-02-20", "content": "Cambodia said it would support the dam.", "extra": [1,2]}"#;
    let got = load_bytes("d.json", json.as_bytes()).unwrap();
    assert_eq!(got.len(), 1);
    let a = &got[0];
    assert_eq!(a.path, "d.json");
    assert_eq!(a.title.as_deref(), Some("Dam support"));
    assert_eq!(a.published, date(2014, 2, 20));
    assert_eq!(a.text, "Cambodia said it would support the dam.");
}

#[test]
fn json_array_gives_numbered_paths() {
    let json = r#"[{"title": "One", "text": "First article."},
                   {"title": "Two", "body": "Second article.", "published": "2020-01-02"}]"#;
    let got = load_bytes("many.json", json.as_bytes()).unwrap();
    let paths: Vec<&str> = got.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(paths, ["many.json#1", "many.json#2"]);
    assert_eq!(got[1].published, date(2020, 1, 2));
    assert_eq!(split_article_path(&got[1].path), ("many.json", Some(2)));
    // A one-element array keeps the plain file path.
    let one = load_bytes("one.json", br#"[{"text": "Alone."}]"#).unwrap();
    assert_eq!(one[0].path, "one.json");
}

#[test]
fn json_array_bad_element_fails_alone() {
    let json = r#"[{"text": "Good one."}, {"title": "no text"}, "oops"]"#;
    let each = load_bytes_each("mix.json", json.as_bytes()).unwrap();
    assert_eq!(each.len(), 3);
    assert!(each[0].1.is_ok());
    assert_eq!(
        each[1].1.as_ref().unwrap_err().to_string(),
        "no article text (no \"text\", \"body\" or \"content\" field)"
    );
    assert_eq!(
        each[2].1.as_ref().unwrap_err().to_string(),
        "expected an article object; found a string"
    );
    assert_eq!(load_bytes("mix.json", json.as_bytes()).unwrap().len(), 1);

    let tree = Tree::new();
    tree.write("mix.json", json);
    let out = load(&[tree.root().to_path_buf()]);
    assert_eq!(out.articles.len(), 1);
    assert_eq!(out.articles[0].path, tree.shown("mix.json#1"));
    assert!(failure(&out, &tree.shown("mix.json#2"))
        .error
        .to_string()
        .starts_with("no article text"));
    assert!(failure(&out, &tree.shown("mix.json#3"))
        .error
        .to_string()
        .contains("found a string"));
}

#[test]
fn folder_recursion_sorted_with_progress() {
    let tree = Tree::new();
    tree.write("b/second.md", "---\ntitle: B\n---\nBody B.");
    tree.write("a/deeper/first.txt", "Body A.");
    tree.write("c.html", "<p>Body C.</p>");
    tree.write("d.json", r#"[{"text":"D1"},{"text":"D2"}]"#);
    tree.write(".git/config.txt", "hidden");
    tree.write("a/.hidden.txt", "hidden too");
    let calls = Mutex::new(Vec::new());
    let cancel = AtomicBool::new(false);
    let out = load_paths(
        &[tree.root().to_path_buf()],
        &|done, total| calls.lock().unwrap().push((done, total)),
        &cancel,
    );
    let paths: Vec<String> = out.articles.iter().map(|a| a.path.clone()).collect();
    assert_eq!(
        paths,
        [
            tree.shown("a/deeper/first.txt"),
            tree.shown("b/second.md"),
            tree.shown("c.html"),
            tree.shown("d.json#1"),
            tree.shown("d.json#2"),
        ]
    );
    assert!(out.failures.is_empty(), "{:?}", out.failures);
    let mut calls = calls.into_inner().unwrap();
    calls.sort();
    assert_eq!(calls, [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]);
}

#[test]
fn load_is_deterministic() {
    let tree = Tree::new();
    for i in 0..40 {
        tree.write(
            &format!("f{i:02}/a{}.txt", 40 - i),
            format!("Article number {i}."),
        );
    }
    let a = load(&[tree.root().to_path_buf()]);
    let b = load(&[tree.root().to_path_buf()]);
    assert_eq!(a.articles, b.articles);
    assert_eq!(a.articles.len(), 40);
    let mut sorted = a.articles.clone();
    sorted.sort_by(|x, y| x.path.cmp(&y.path));
    assert_eq!(sorted, a.articles);
}

#[test]
fn cancel_stops_early() {
    let tree = Tree::new();
    for i in 0..20 {
        tree.write(&format!("a{i}.txt"), "Some text.");
    }
    let cancel = AtomicBool::new(true);
    let seen_total = AtomicUsize::new(0);
    let out = load_paths(
        &[tree.root().to_path_buf()],
        &|_, total| seen_total.store(total, Ordering::Relaxed),
        &cancel,
    );
    assert!(out.articles.is_empty());
    assert_eq!(seen_total.load(Ordering::Relaxed), 20);

    // Cancelling from the progress callback stops the rest.
    let cancel = AtomicBool::new(false);
    let out = load_paths(
        &[tree.root().to_path_buf()],
        &|done, _| {
            if done >= 3 {
                cancel.store(true, Ordering::Relaxed)
            }
        },
        &cancel,
    );
    assert!(
        out.articles.len() >= 3 && out.articles.len() < 20,
        "{}",
        out.articles.len()
    );
}

#[test]
fn load_file_and_explicit_inputs() {
    let tree = Tree::new();
    let txt = tree.write("one.txt", "Title: One\n\nText one.");
    let got = load_file(&txt).unwrap();
    assert_eq!(got[0].path, txt.display().to_string());
    // A file given explicitly with another extension is read if it is text.
    let notes = tree.write("notes.text", "Plain notes about Attapeu.");
    let out = load(&[txt.clone(), notes.clone(), txt.clone()]);
    assert_eq!(out.articles.len(), 2, "the same input twice loads once");
    let n = article(&out, &notes.display().to_string());
    assert!(
        n.warnings[0].contains("unknown extension .text"),
        "{:?}",
        n.warnings
    );
    // A missing input is a failure, not a panic.
    let missing: PathBuf = tree.path("nope.txt");
    let out = load(&[missing.clone(), txt]);
    assert_eq!(
        failure(&out, &missing.display().to_string())
            .error
            .to_string(),
        "cannot read: not found"
    );
    assert_eq!(out.articles.len(), 1);
}

#[test]
fn collect_files_lists_article_files_only() {
    let tree = Tree::new();
    tree.write("x/a.txt", "a");
    tree.write("x/b.HTML", "<p>b</p>");
    tree.write("x/c.png", [0x89, b'P', b'N', b'G']);
    let (files, failures) = collect_files(&[tree.root().to_path_buf()]);
    assert_eq!(files, [tree.path("x/a.txt"), tree.path("x/b.HTML")]);
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].path, tree.shown("x/c.png"));
    assert_eq!(failures[0].error.to_string(), "not an article file (.png)");
    assert!(failures[0].is_skip());
    assert!(failures[0].is_skip());
    // The same folder given twice (or a file and its folder) lists each file once.
    let (again, failures) = collect_files(&[
        tree.root().to_path_buf(),
        tree.path("x/a.txt"),
        tree.root().to_path_buf(),
    ]);
    assert_eq!(again, files);
    assert_eq!(failures.len(), 1);
}

#[test]
fn errors_are_values_with_messages() {
    assert_eq!(load_bytes("e.txt", b"").unwrap_err(), LoadError::Empty);
    assert_eq!(
        load_bytes("e.txt", b"  \n\t\n").unwrap_err().to_string(),
        "no article text"
    );
}

#[test]
fn hugo_toml_front_matter_gives_title_and_date() {
    let md = "+++\ntitle = \"Governors meet in Pakse\"\ndate = 2024-03-15T10:00:00+07:00\ndraft = false\ntags = [\"border\"]\n+++\n\nThe governors met in Pakse on March 13.\n";
    let a = &load_bytes("hugo.md", md.as_bytes()).unwrap()[0];
    assert_eq!(a.title.as_deref(), Some("Governors meet in Pakse"));
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-15")
    );
    assert!(!a.text.contains("+++") && a.text.starts_with("The governors"));
    // The date as a string, and a key of the wrong type, warned about.
    let md = "+++\npublished = \"2023-09-28\"\ntitle = 7\n+++\nTalks in Pakse.\n";
    let a = &load_bytes("hugo.md", md.as_bytes()).unwrap()[0];
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2023-09-28")
    );
    assert!(
        a.warnings
            .iter()
            .any(|w| w.contains("\"title\" is not text (TOML integer)")),
        "{:?}",
        a.warnings
    );
    // TOML that does not parse: the body is still read, with a warning.
    let md = "+++\ntitle = \"unclosed\n+++\nTalks in Pakse.\n";
    let a = &load_bytes("hugo.md", md.as_bytes()).unwrap()[0];
    assert_eq!(a.title, None);
    assert!(a
        .warnings
        .iter()
        .any(|w| w.starts_with("TOML front matter could not be read")));
    assert_eq!(a.text, "Talks in Pakse.");
}
