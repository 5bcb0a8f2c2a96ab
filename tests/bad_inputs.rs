//! Issue 7: every bad input is answered with a clear per-file message (or
//! loads with an explicit warning), the good file next to it still loads, and
//! nothing panics. Big inputs are generated here, never committed.

mod support;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use border_atlas::load::{
    collect_files, load_bytes, load_files, LoadOutcome, ARTICLE_EXTENSIONS, MAX_DEPTH,
    MAX_FIELD_CHARS, MAX_FILE_BYTES,
};
use proptest::prelude::*;
use support::{article, assert_good_loaded, failure, load, Tree};

/// Write a bad file and the good article in its own folder, load the folder.
fn load_beside(tree: &Tree, dir: &str, name: &str, bytes: &[u8]) -> LoadOutcome {
    tree.good(dir);
    tree.write(&format!("{dir}/{name}"), bytes);
    let out = load(&[tree.path(dir)]);
    assert_good_loaded(&out, tree, dir);
    out
}

fn error_of(tree: &Tree, out: &LoadOutcome, rel: &str) -> String {
    failure(out, &tree.shown(rel)).error.to_string()
}

#[test]
fn empty_file() {
    let tree = Tree::new();
    let out = load_beside(&tree, "d", "empty.txt", b"");
    assert_eq!(error_of(&tree, &out, "d/empty.txt"), "empty file");
    assert_eq!(out.articles.len(), 1);
}

#[test]
fn only_a_header() {
    let tree = Tree::new();
    let out = load_beside(
        &tree,
        "d",
        "header.txt",
        b"Title: Nothing follows\nPublished: 2022-01-01\n\n",
    );
    assert_eq!(
        error_of(&tree, &out, "d/header.txt"),
        "no article text (only a header)"
    );
}

#[test]
fn binary_data_with_a_txt_name() {
    let tree = Tree::new();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..2000u32).map(|i| (i * 7919 % 251) as u8));
    tree.write("d/photo.txt", &png);
    let noise: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    let out = load_beside(&tree, "d", "noise.txt", &noise);
    assert_eq!(
        error_of(&tree, &out, "d/photo.txt"),
        "binary file (looks like a PNG image)"
    );
    assert!(error_of(&tree, &out, "d/noise.txt").starts_with("binary file ("));
}

#[test]
fn images_and_pdfs_in_a_folder() {
    let tree = Tree::new();
    tree.write("d/scan.pdf", b"%PDF-1.7\n%binary\n");
    tree.write("d/map.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    tree.write("d/photo.JPG", b"\xff\xd8\xff\xe0\0\x10JFIF");
    tree.write("d/README", b"notes");
    let out = load_beside(
        &tree,
        "d",
        "story.html",
        b"<article><p>Good HTML.</p></article>",
    );
    assert_eq!(out.articles.len(), 2);
    assert_eq!(
        error_of(&tree, &out, "d/scan.pdf"),
        "not an article file (.pdf)"
    );
    assert_eq!(
        error_of(&tree, &out, "d/map.png"),
        "not an article file (.png)"
    );
    assert_eq!(
        error_of(&tree, &out, "d/photo.JPG"),
        "not an article file (.jpg)"
    );
    assert_eq!(
        error_of(&tree, &out, "d/README"),
        "not an article file (no extension)"
    );
    // Named explicitly, a PDF is sniffed and refused for what it is.
    let out = load(&[tree.path("d/scan.pdf")]);
    assert_eq!(
        error_of(&tree, &out, "d/scan.pdf"),
        "binary file (looks like a PDF document)"
    );
}

#[test]
fn windows_1252_text() {
    let tree = Tree::new();
    let out = load_beside(
        &tree,
        "d",
        "cp1252.txt",
        b"Title: Caf\xe9 talks\n\nThe delegation met at a caf\xe9 \x96 \x93friendly\x94.",
    );
    let a = article(&out, &tree.shown("d/cp1252.txt"));
    assert_eq!(a.title.as_deref(), Some("Café talks"));
    assert_eq!(a.text, "The delegation met at a café – “friendly”.");
    assert_eq!(a.warnings, ["not valid UTF-8; decoded as Windows-1252"]);
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_bom() {
    let tree = Tree::new();
    let body = "Title: Ratanakiri visit\r\n\r\nThe governor of Ratanakiri visited Attapeu. ລາວ ខ្មែរ";
    tree.write("d/be.txt", utf16(body, true));
    let out = load_beside(&tree, "d", "le.txt", &utf16(body, false));
    for (name, enc) in [("d/le.txt", "UTF-16LE"), ("d/be.txt", "UTF-16BE")] {
        let a = article(&out, &tree.shown(name));
        assert_eq!(a.title.as_deref(), Some("Ratanakiri visit"));
        assert_eq!(
            a.text,
            "The governor of Ratanakiri visited Attapeu. ລາວ ខ្មែរ"
        );
        assert_eq!(a.warnings, [format!("decoded as {enc} (byte-order mark)")]);
    }
}

#[test]
fn utf8_with_bom() {
    let tree = Tree::new();
    let out = load_beside(
        &tree,
        "d",
        "bom.md",
        "\u{feff}---\ntitle: With BOM\n---\nBody after a byte-order mark.".as_bytes(),
    );
    let a = article(&out, &tree.shown("d/bom.md"));
    assert_eq!(a.title.as_deref(), Some("With BOM"));
    assert_eq!(a.text, "Body after a byte-order mark.");
    assert!(a.warnings.is_empty());
}

#[test]
fn nul_bytes_inside_text() {
    let tree = Tree::new();
    let mut few = b"Title: Nul\0 title\n\nSome text".to_vec();
    few.extend(b" long enough to keep the ratio low. ".repeat(20));
    few.extend(b"\0end.");
    tree.write("d/many.txt", b"ab\0\0cd\0\0ef\0\0gh\0\0".repeat(50));
    let out = load_beside(&tree, "d", "few.txt", &few);
    let a = article(&out, &tree.shown("d/few.txt"));
    assert!(!a.text.contains('\0'));
    assert_eq!(a.title.as_deref(), Some("Nul title"));
    assert!(a.text.ends_with("end."));
    assert_eq!(a.warnings, ["removed 2 NUL bytes from the text"]);
    assert_eq!(
        error_of(&tree, &out, "d/many.txt"),
        "binary file (contains NUL bytes)"
    );
}

#[test]
fn ten_megabyte_line_without_newline() {
    let tree = Tree::new();
    let sentence = "Officials of Champasak and Stung Treng met again near the border crossing. ";
    let line = sentence.repeat(10 * 1024 * 1024 / sentence.len() + 1);
    assert!(line.len() > 10 * 1024 * 1024);
    let started = Instant::now();
    let out = load_beside(&tree, "d", "long.txt", line.as_bytes());
    let a = article(&out, &tree.shown("d/long.txt"));
    assert_eq!(a.text.len(), line.trim_end().len());
    assert!(!a.text.contains('\n'));
    // Generous bound: linear parsing takes well under a second even unoptimised.
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());

    // The same as a header line: the title is capped, not a 10 MB string.
    let header = format!("Title: {line}\n\nBody.");
    let a = &load_bytes("h.txt", header.as_bytes()).unwrap()[0];
    assert_eq!(
        a.title.as_ref().map(|t| t.chars().count()),
        Some(MAX_FIELD_CHARS + 1)
    );
    assert!(a.warnings.iter().any(|w| w.contains("title cut")));
}

#[test]
fn sixty_megabyte_article_is_refused_without_reading_it() {
    let tree = Tree::new();
    tree.good("d");
    let path = tree.write(
        "d/dump.txt",
        b"Title: Huge dump\n\nStart of a huge article.\n",
    );
    // Extend to 60 MB (a sparse file: cheap to make, refused from its size).
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(60_000_000).unwrap();
    drop(file);
    let out = load(&[tree.path("d")]);
    assert_good_loaded(&out, &tree, "d");
    assert_eq!(
        error_of(&tree, &out, "d/dump.txt"),
        "too large (60.0 MB; the limit is 32 MB)"
    );
    // The pure entry point enforces the same limit.
    let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
    assert_eq!(
        load_bytes("big.txt", &big).unwrap_err().to_string(),
        "too large (32.0 MB; the limit is 32 MB)"
    );
}

#[test]
fn malformed_json() {
    let tree = Tree::new();
    tree.write(
        "d/cut.json",
        br#"[{"title": "Cut off", "text": "The file ends in the mi"#,
    );
    let out = load_beside(
        &tree,
        "d",
        "bad.json",
        b"{\n  \"title\": \"x\",\n  \"text\": 'single quotes'\n}",
    );
    assert_eq!(
        error_of(&tree, &out, "d/bad.json"),
        "malformed JSON at line 3, column 11: expected value"
    );
    let cut = error_of(&tree, &out, "d/cut.json");
    assert!(
        cut.starts_with("malformed JSON at line 1, column "),
        "{cut}"
    );
    assert!(cut.contains("truncated"), "{cut}");
}

#[test]
fn json_of_the_wrong_shape() {
    let tree = Tree::new();
    tree.write("d/number.json", b"42");
    tree.write("d/strings.json", br#"["a", "b"]"#);
    tree.write("d/empty_array.json", b"[]");
    tree.write("d/text_number.json", br#"{"text": 12}"#);
    let out = load_beside(&tree, "d", "nested.json", br#"{"article": {"text": "x"}}"#);
    assert_eq!(
        error_of(&tree, &out, "d/number.json"),
        "expected an article object or an array of them; found a number"
    );
    assert_eq!(
        error_of(&tree, &out, "d/strings.json#1"),
        "expected an article object; found a string"
    );
    assert_eq!(
        error_of(&tree, &out, "d/empty_array.json"),
        "empty JSON array: no articles"
    );
    assert_eq!(
        error_of(&tree, &out, "d/text_number.json"),
        "field \"text\": expected a string, found a number"
    );
    assert_eq!(
        error_of(&tree, &out, "d/nested.json"),
        "not an article file (JSON without article fields: no \"text\", \"body\" or \"content\")"
    );
    // Objects that look like articles but lack a body fail as such.
    tree.write("d/no_body.json", br#"{"title": "Only a title"}"#);
    let out = load(&[tree.path("d/no_body.json")]);
    assert_eq!(
        error_of(&tree, &out, "d/no_body.json"),
        "no article text (no \"text\", \"body\" or \"content\" field)"
    );
}

#[test]
fn html_with_only_scripts() {
    let tree = Tree::new();
    let out = load_beside(
        &tree,
        "d",
        "scripts.html",
        b"<html><head><title>App</title><script src=a.js></script></head><body><noscript>Enable JS</noscript><script>render()</script><style>p{}</style></body></html>",
    );
    assert_eq!(error_of(&tree, &out, "d/scripts.html"), "no article text");
}

#[test]
fn half_downloaded_html_still_loads() {
    let tree = Tree::new();
    let out = load_beside(
        &tree,
        "d",
        "half.html",
        b"<html><head><title>Half</title></head><body><article><p>The first paragraph arrived.</p><p>The second was cut in the mid",
    );
    let a = article(&out, &tree.shown("d/half.html"));
    assert_eq!(a.title.as_deref(), Some("Half"));
    assert_eq!(
        a.text,
        "The first paragraph arrived.\n\nThe second was cut in the mid"
    );
}

#[test]
fn impossible_header_date() {
    let tree = Tree::new();
    let out = load_beside(
        &tree,
        "d",
        "date.txt",
        b"Title: Bad date\nPublished: 2024-13-45\n\nThe body is fine.",
    );
    let a = article(&out, &tree.shown("d/date.txt"));
    assert_eq!(a.published, None);
    assert_eq!(a.text, "The body is fine.");
    assert_eq!(a.warnings.len(), 1);
    assert!(a.warnings[0].contains("\"2024-13-45\""), "{:?}", a.warnings);
}

#[test]
fn control_characters_and_bidi_overrides_in_titles() {
    let tree = Tree::new();
    tree.write(
        "d/t.json",
        "{\"title\": \"Json\\u001b]0;pwned\\u0007 title\\u202e\", \"source\": \"A\\u2066B\", \"text\": \"Body \\u202e kept.\"}",
    );
    tree.write(
        "d/t.html",
        "<title>Html \u{202d}title\u{7f}</title><p>Body.</p>",
    );
    let out = load_beside(
        &tree,
        "d",
        "t.txt",
        "Title: Evil\u{1b}[2J \u{202e}txt.exe\u{2069} title\u{85}\nSource: Wire\u{200f}\nURL: https://example.org/\u{8}x\n\nBody with \u{202e} kept as written."
            .as_bytes(),
    );
    let t = article(&out, &tree.shown("d/t.txt"));
    assert_eq!(t.title.as_deref(), Some("Evil[2J txt.exe title"));
    assert_eq!(t.source.as_deref(), Some("Wire"));
    assert_eq!(t.url.as_deref(), Some("https://example.org/x"));
    assert_eq!(t.text, "Body with \u{202e} kept as written.");
    assert!(t.warnings.iter().all(|w| w.contains("removed control")));
    let j = article(&out, &tree.shown("d/t.json"));
    assert_eq!(j.title.as_deref(), Some("Json]0;pwned title"));
    assert_eq!(j.source.as_deref(), Some("AB"));
    let h = article(&out, &tree.shown("d/t.html"));
    assert_eq!(h.title.as_deref(), Some("Html title"));
    for a in &out.articles {
        for field in [&a.title, &a.source, &a.url].into_iter().flatten() {
            assert!(
                !field.chars().any(|c| c.is_control()
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)),
                "{field:?}"
            );
        }
    }
}

#[test]
fn deep_folders_thousands_of_non_article_files_and_a_symlink_loop() {
    let tree = Tree::new();
    // 3,000 images in one folder, 1,200 PDFs spread over 40 folders.
    for i in 0..3000 {
        tree.write(&format!("d/images/img{i:04}.png"), b"\x89PNG\r\n\x1a\n");
    }
    for i in 0..1200 {
        tree.write(&format!("d/docs/f{:02}/doc{i:04}.pdf", i % 40), b"%PDF-1.4");
    }
    tree.write("d/images/caption.txt", "A caption about Pakse.");
    // A chain deeper than the limit, with an article at level 5 and one below the limit.
    let deep: String = (0..MAX_DEPTH + 5).map(|i| format!("l{i}/")).collect();
    let shallow: String = (0..5).map(|i| format!("l{i}/")).collect();
    tree.write(&format!("d/{shallow}level5.txt"), "Found at level five.");
    tree.write(&format!("d/{deep}too_deep.txt"), "Never read.");
    // A symlink loop and a broken symlink.
    std::os::unix::fs::symlink(tree.path("d"), tree.path("d/docs/loop")).unwrap();
    std::os::unix::fs::symlink(tree.path("d/absent.txt"), tree.path("d/broken.txt")).unwrap();

    let started = Instant::now();
    let out = load_beside(&tree, "d", "x.txt", b"Another good article.");
    assert!(started.elapsed().as_secs() < 60);
    let paths: Vec<&str> = out.articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(out.articles.len(), 4, "{paths:?}");
    article(&out, &tree.shown("d/images/caption.txt"));
    article(&out, &tree.shown(&format!("d/{shallow}level5.txt")));

    // Aggregated, not thousands of entries.
    assert!(out.failures.len() < 60, "{} failures", out.failures.len());
    assert_eq!(
        error_of(&tree, &out, "d/images"),
        "3000 files skipped: not article files (.png)"
    );
    assert_eq!(
        error_of(&tree, &out, "d/docs/f07"),
        "30 files skipped: not article files (.pdf)"
    );
    let looped = failure(&out, &tree.shown("d/docs/loop"));
    assert!(
        looped.error.to_string().starts_with("symlink loop"),
        "{}",
        looped.error
    );
    assert_eq!(
        error_of(&tree, &out, "d/broken.txt"),
        "broken symlink (its target does not exist)"
    );
    let too_deep = out
        .failures
        .iter()
        .find(|f| {
            f.error
                .to_string()
                .starts_with("folder nested deeper than 32 levels")
        })
        .unwrap_or_else(|| panic!("{:#?}", out.failures));
    assert!(too_deep.path.starts_with(&tree.shown("d/l0/l1")));
}

#[test]
fn a_file_that_disappears_between_listing_and_reading() {
    let tree = Tree::new();
    tree.good("d");
    tree.write("d/gone.txt", "Here when listed.");
    std::fs::create_dir_all(tree.path("d/folder.txt")).unwrap();
    tree.write(
        "d/folder.txt/inner.md",
        "Inside a folder named like a file.",
    );
    let (files, failures) = collect_files(&[tree.path("d")]);
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(files.len(), 3);
    std::fs::remove_file(tree.path("d/gone.txt")).unwrap();
    // A listed file replaced by a folder of the same name.
    std::fs::remove_file(tree.path("d/folder.txt/inner.md")).unwrap();
    std::fs::remove_dir(tree.path("d/folder.txt")).unwrap();
    std::fs::create_dir(tree.path("d/folder.txt")).unwrap();
    let mut with_swapped: Vec<PathBuf> = files.clone();
    with_swapped.push(tree.path("d/folder.txt"));
    let cancel = AtomicBool::new(false);
    let out = load_files(&with_swapped, &|_, _| {}, &cancel);
    assert_good_loaded(&out, &tree, "d");
    assert_eq!(
        error_of(&tree, &out, "d/gone.txt"),
        "cannot read: file not found (it may have been moved or deleted)"
    );
    assert_eq!(
        error_of(&tree, &out, "d/folder.txt/inner.md"),
        "cannot read: file not found (it may have been moved or deleted)"
    );
    assert_eq!(
        error_of(&tree, &out, "d/folder.txt"),
        "not a regular file (a folder)"
    );
    assert_eq!(out.articles.len(), 1);
}

#[test]
fn a_named_pipe_does_not_block_the_load() {
    let tree = Tree::new();
    tree.good("d");
    let fifo = tree.path("d/pipe.txt");
    if !support::mkfifo(&fifo) {
        return;
    }
    let out = load(&[tree.path("d"), fifo]);
    assert_good_loaded(&out, &tree, "d");
    assert!(out
        .failures
        .iter()
        .all(|f| f.error.to_string() == "not a regular file (a device, pipe or socket)"));
    assert!(!out.failures.is_empty());
}

fn assert_valid(path: &str, articles: &[border_atlas::model::Article]) {
    for a in articles {
        assert!(a.path.starts_with(path));
        assert!(!a.text.trim().is_empty());
        assert_eq!(a.text.trim(), a.text);
        assert!(!a.text.contains('\0'));
        assert!(!a.text.contains('\r'));
        for field in [&a.title, &a.source, &a.url].into_iter().flatten() {
            assert!(!field.is_empty());
            assert!(!field.chars().any(char::is_control), "{field:?}");
            assert!(field.chars().count() <= MAX_FIELD_CHARS + 1);
        }
    }
}

/// Fragments that steer random inputs into the parsers' interesting paths.
fn fragment() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..64),
        Just(b"Title: ".to_vec()),
        Just(b"Published: 2024-13-45\n".to_vec()),
        Just(b"\n\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"---\n".to_vec()),
        Just(b"# ".to_vec()),
        Just(b"<article><p>".to_vec()),
        Just(b"</p><script>".to_vec()),
        Just(b"<meta property=\"og:title\" content=\"".to_vec()),
        Just(b"<time datetime=\"2022-05-30\">".to_vec()),
        Just(b"{\"text\": \"".to_vec()),
        Just(b"[{\"title\": 1, \"body\": \"x\"}, ".to_vec()),
        Just(b"\"}".to_vec()),
        Just(b"\xef\xbb\xbf".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"\0".to_vec()),
        Just("\u{202e}é ລາວ".as_bytes().to_vec()),
        "[ -~]{0,40}".prop_map(String::into_bytes),
    ]
}

fn structured_bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(fragment(), 0..24).prop_map(|parts| parts.concat())
}

/// 2,000 cases per property unless `PROPTEST_CASES` asks for more (or fewer).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn load_bytes_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for ext in ARTICLE_EXTENSIONS.iter().chain(&["bin"]) {
            let path = format!("fuzz.{ext}");
            if let Ok(articles) = load_bytes(&path, &bytes) {
                assert_valid(&path, &articles);
            }
        }
    }

    #[test]
    fn load_bytes_never_panics_on_structured_bytes(bytes in structured_bytes()) {
        for ext in ARTICLE_EXTENSIONS {
            let path = format!("fuzz.{ext}");
            if let Ok(articles) = load_bytes(&path, &bytes) {
                assert_valid(&path, &articles);
            }
        }
    }

    #[test]
    fn load_bytes_never_panics_on_arbitrary_text(text in "\\PC{0,400}") {
        for ext in ARTICLE_EXTENSIONS {
            let path = format!("fuzz.{ext}");
            if let Ok(articles) = load_bytes(&path, text.as_bytes()) {
                assert_valid(&path, &articles);
            }
        }
    }
}

#[test]
fn one_file_reached_by_several_paths_is_loaded_once() {
    let tree = Tree::new();
    tree.good("d");
    std::fs::create_dir_all(tree.path("e")).unwrap();
    // The same folder three ways, a symlinked sibling folder and a hard link.
    std::os::unix::fs::symlink(tree.path("d"), tree.path("e/linked")).unwrap();
    let good = std::fs::read_dir(tree.path("d"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.is_file())
        .expect("the good article");
    std::fs::hard_link(&good, tree.path("e/hard.txt")).unwrap();
    let d = tree.path("d");
    let inputs = vec![
        d.clone(),
        d.join("."),
        d.join("..").join("d"),
        tree.path("e"),
        good.clone(),
    ];
    let (files, failures) = collect_files(&inputs);
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(files.len(), 1, "{files:?}");
    let out = load(&inputs);
    assert_eq!(out.articles.len(), 1);
}

/// Text with no sentence boundaries or one place name glued to the next:
/// every stage reads it in linear time (the splitter once took 22 s on
/// 160 KB of "a.a.a."; these finish in well under a second in release).
#[test]
fn text_without_sentence_boundaries_is_read_in_linear_time() {
    let story = "The governors of Stung Treng and Champasak met in Pakse on May 27.\n\n";
    let reference = border_atlas::model::PartialDate::ymd(2022, 5, 30);
    for tail in [
        "a.".repeat(200_000),
        "/Vientiane".repeat(30_000),
        "192.168.0.1.".repeat(20_000),
        (0..20_000)
            .map(|i| {
                format!(
                    "On May {} Stung Treng and Champasak officials met.\n",
                    i % 28 + 1
                )
            })
            .collect::<String>(),
    ] {
        let text = format!("{story}{tail}");
        let events = border_atlas::extract::extract_text(&text, reference);
        assert!(!events.is_empty());
        assert!(events
            .iter()
            .all(|e| text.get(e.evidence.start..e.evidence.end).is_some()));
    }
}

/// HTML shapes that make a tree builder quadratic or its memory explode are
/// refused at once with the reason; the good article beside each still loads.
#[test]
fn html_that_would_make_the_tree_builder_quadratic_is_refused_with_the_reason() {
    let story = "<p>The governors of Stung Treng and Champasak met in Pakse on May 27, 2022.</p>";
    let attrs: String = (0..3_000).map(|i| format!(" a{i}=\"x\"")).collect();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "nested.html",
            format!(
                "<html><body>{}{story}{}</body></html>",
                "<div>".repeat(5_000),
                "</div>".repeat(5_000)
            ),
            "nested (or left open) deeper than 1024 levels",
        ),
        (
            "attributes.html",
            format!("<html><body><div{attrs}>{story}</div></body></html>"),
            "more than 2000 attributes",
        ),
        (
            "unclosed.html",
            format!("<html><body>{}{story}</body></html>", "<b>".repeat(3_000)),
            "deeper than 1024 levels",
        ),
        (
            "misnested.html",
            format!(
                "<html><body>{}{story}</body></html>",
                "<b><div></b>".repeat(3_000)
            ),
            "deeper than 1024 levels",
        ),
        (
            "paragraphs.html",
            format!("<html><body>{}</body></html>", "<p>".repeat(600_000)),
            "more than 500000 elements",
        ),
    ];
    for (name, html, reason) in cases {
        let tree = Tree::new();
        let out = load_beside(&tree, "d", name, html.as_bytes());
        let error = error_of(&tree, &out, &format!("d/{name}"));
        assert!(
            error.starts_with("HTML too complex to read: "),
            "{name}: {error}"
        );
        assert!(error.contains(reason), "{name}: {error}");
    }
    // Sloppy but ordinary HTML (unclosed <p>, <li>, <td>) still reads.
    let sloppy = format!(
        "<html><head><title>Market</title></head><body>{}<ul>{}</ul><table>{}</table>{story}</body></html>",
        "<p>Background text.".repeat(2_000),
        "<li>item".repeat(2_000),
        "<tr><td>cell".repeat(2_000),
    );
    let articles = load_bytes("sloppy.html", sloppy.as_bytes()).expect("ordinary HTML reads");
    assert!(articles[0].text.contains("met in Pakse"));
}

/// A JSON array of millions of tiny elements costs memory for what it keeps,
/// not for its length: the articles past the per-file limit and the failures
/// past the listed ones are counted in one line each, and the good article
/// beside the file still loads.
#[test]
fn a_json_array_of_millions_of_tiny_elements_is_read_with_bounded_memory() {
    use border_atlas::load::{MAX_ARTICLES_PER_FILE, MAX_ELEMENT_FAILURES};
    let tree = Tree::new();
    let zeros = format!("[{}]", vec!["0"; 1_000_000].join(","));
    let out = load_beside(&tree, "z", "zeros.json", zeros.as_bytes());
    let listed: Vec<&border_atlas::load::LoadFailure> = out
        .failures
        .iter()
        .filter(|f| f.path.starts_with(&tree.shown("z/zeros.json")))
        .collect();
    assert_eq!(listed.len(), MAX_ELEMENT_FAILURES + 1);
    assert_eq!(
        listed[MAX_ELEMENT_FAILURES].error.to_string(),
        "and 999,900 more elements that failed (only the first 100 are listed)"
    );

    let tree = Tree::new();
    let tiny = format!(
        "[{}]",
        vec![r#"{"text":"x"}"#; MAX_ARTICLES_PER_FILE + 5_000].join(",")
    );
    let out = load_beside(&tree, "t", "tiny.json", tiny.as_bytes());
    assert_eq!(out.articles.len(), MAX_ARTICLES_PER_FILE + 1);
    assert_eq!(
        error_of(&tree, &out, "t/tiny.json"),
        "more than 50,000 articles in one file: the first 50,000 were read, 5,000 more elements were not"
    );
}

/// Two Latin-1 file names that differ in one byte are two files with two
/// paths, and both load (a lossy conversion once made them one `caf�.txt`).
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_stay_two_files() {
    use std::os::unix::ffi::OsStrExt;
    let tree = Tree::new();
    tree.good("d");
    let story = "The governors of Stung Treng and Champasak met in Pakse on 27 May 2022.";
    for name in [&b"caf\xe9.txt"[..], &b"caf\xe8.txt"[..]] {
        let path = tree.path("d").join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(&path, story).expect("write");
    }
    let out = load(&[tree.path("d")]);
    assert_good_loaded(&out, &tree, "d");
    assert!(out.failures.is_empty(), "{:?}", out.failures);
    let mut cafe: Vec<&str> = out
        .articles
        .iter()
        .map(|a| a.path.as_str())
        .filter(|p| p.contains("caf"))
        .collect();
    cafe.sort();
    assert_eq!(cafe.len(), 2, "{cafe:?}");
    assert!(cafe[0].ends_with("caf\\xe8.txt") && cafe[1].ends_with("caf\\xe9.txt"));
}
