//! Round trips of every export format, and failed writes that change nothing.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use border_atlas::corrections::{apply, CorrectedEvent, Correction, EventEdit};
use border_atlas::export::{
    event_counts, geojson_counts, to_csv_with, to_ics, write_csv, write_geojson, write_ics,
    write_json, ExportEvent, JsonExport, CSV_HEADER,
};
use border_atlas::geo::Region;
use border_atlas::merge::{merge_events, MergedEvent};
use border_atlas::model::{Article, Event, EventKind, Evidence, ProvinceId};
use chrono::{TimeZone, Utc};

/// Two reports of one meeting (one without a year), a month-precision aid
/// delivery, a year-precision agreement, an undated visit and a yearless one.
const A_TEXT: &str = "The governors of Attapeu and Stung Treng met in Siem Pang on 26 September 2023. \
They agreed on \"joint patrols\", a hotline, and shared clinics.\n\
In March 2022, Champasak delivered 20,000 vaccine doses to Preah Vihear; officials called it a gift \\ a duty. \
During 2021 the two sides signed a forestry accord.";
const B_TEXT: &str =
    "ការប្រជុំ: On 26 September, Attapeu and Stung Treng officials held talks on border trade. \
A delegation from Pakse visited Banlung. \
On 3 June, police of both sides met.";

fn article(path: &str, text: &str) -> Article {
    Article {
        path: path.into(),
        title: Some(format!("Report {path}")),
        source: Some("Fixture Times".into()),
        published: None,
        text: text.into(),
        ..Default::default()
    }
}

fn event(
    a: &Article,
    id: &str,
    sentence: &str,
    date: Option<&str>,
    kind: EventKind,
    provs: &[&str],
) -> Event {
    let start = a.text.find(sentence).expect("fixture sentence");
    Event {
        id: id.into(),
        date: date.map(|d| d.parse().expect("fixture date")),
        kind,
        provinces: provs.iter().map(|p| ProvinceId::from(*p)).collect(),
        location: None,
        summary: sentence.into(),
        evidence: Evidence::from_span(&a.text, start, start + sentence.len()).expect("span"),
    }
}

struct Fixture {
    articles: Vec<Article>,
    corrected: Vec<Vec<CorrectedEvent>>,
    events: Vec<ExportEvent>,
}

fn fixture() -> Fixture {
    let a = article("news/a.txt", A_TEXT);
    let b = article("news/b.md", B_TEXT);
    let ea = vec![
        event(&a, "a-0", "The governors of Attapeu and Stung Treng met in Siem Pang on 26 September 2023.", Some("2023-09-26"), EventKind::Meeting, &["LA-AT", "KH-19"]),
        event(&a, "a-1", "In March 2022, Champasak delivered 20,000 vaccine doses to Preah Vihear; officials called it a gift \\ a duty.", Some("2022-03"), EventKind::Aid, &["LA-CH", "KH-13"]),
        event(&a, "a-2", "During 2021 the two sides signed a forestry accord.", Some("2021"), EventKind::Agreement, &[]),
    ];
    let eb = vec![
        event(&b, "b-0", "ការប្រជុំ: On 26 September, Attapeu and Stung Treng officials held talks on border trade.", Some("XXXX-09-26"), EventKind::Meeting, &["LA-AT", "KH-19"]),
        event(&b, "b-1", "A delegation from Pakse visited Banlung.", None, EventKind::Visit, &["LA-CH", "KH-16"]),
        event(&b, "b-2", "On 3 June, police of both sides met.", Some("XXXX-06-03"), EventKind::Operation, &[]),
    ];
    // The user fixes the summary and location of the aid delivery.
    let summary = "Vaccine handover, \"20,000 doses\"\nfrom Champasak; ការផ្តល់ជំនួយ";
    let corrections = vec![Correction::edit(
        &a,
        &ea[1],
        EventEdit {
            summary: Some(summary.into()),
            location: Some(Some("Trapeang Kriel, Preah Vihear".into())),
            ..Default::default()
        },
    )];
    let (ca, oa) = apply(&a, ea, &corrections);
    let (cb, ob) = apply(&b, eb, &corrections);
    assert!(oa.is_empty() && ob.is_empty());
    let plain_a: Vec<Event> = ca.iter().map(|c| c.event.clone()).collect();
    let plain_b: Vec<Event> = cb.iter().map(|c| c.event.clone()).collect();
    let merged = merge_events(&[(&a, plain_a.as_slice()), (&b, plain_b.as_slice())]);
    let events = ExportEvent::mark(merged, ca.iter().chain(cb.iter()));
    Fixture {
        articles: vec![a, b],
        corrected: vec![ca, cb],
        events,
    }
}

fn names(p: &ProvinceId) -> String {
    match p.as_str() {
        "LA-AT" => "Attapeu".into(),
        "KH-19" => "Stung Treng".into(),
        "LA-CH" => "Champasak".into(),
        "KH-13" => "Preah Vihear".into(),
        "KH-16" => "Ratanakiri".into(),
        other => other.into(),
    }
}

#[test]
fn fixture_merges_the_two_reports_of_one_meeting() {
    let f = fixture();
    assert_eq!(f.events.len(), 5);
    let m = &f.events[0].event;
    assert_eq!(m.sources.len(), 2);
    assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2023-09-26"));
    assert_eq!(m.date_inferred_from.as_deref(), Some("news/a.txt"));
    assert!(f.events[1].edited && !f.events[0].edited);
}

#[test]
fn csv_round_trip_with_commas_quotes_newlines_and_khmer() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.csv");
    fs::write(&path, to_csv_with(&f.events, &names).unwrap()).unwrap();
    // The public writer produces the same CSV, bar the province names (gazetteer-dependent).
    let p2 = dir.path().join("events2.csv");
    write_csv(&p2, &f.events).unwrap();
    let mut r2 = csv::Reader::from_path(&p2).unwrap();
    assert_eq!(r2.records().count(), f.events.len());

    let bytes = fs::read(&path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 BOM for spreadsheets"
    );
    let mut r = csv::Reader::from_path(&path).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, CSV_HEADER);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), f.events.len());
    for (row, e) in rows.iter().zip(&f.events) {
        let m = &e.event;
        let get = |name: &str| {
            row.get(CSV_HEADER.iter().position(|h| *h == name).unwrap())
                .unwrap()
                .to_string()
        };
        assert_eq!(get("id"), m.id);
        assert_eq!(
            get("date"),
            m.date.map(|d| d.to_string()).unwrap_or_default()
        );
        assert_eq!(
            get("precision"),
            m.date
                .map(|d| d.precision().to_string())
                .unwrap_or_default()
        );
        assert_eq!(get("kind"), m.kind.as_str());
        assert_eq!(
            get("provinces"),
            m.provinces
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(";")
        );
        assert_eq!(
            get("province_names"),
            m.provinces.iter().map(names).collect::<Vec<_>>().join(";")
        );
        assert_eq!(get("location"), m.location.clone().unwrap_or_default());
        assert_eq!(get("summary"), m.summary);
        assert_eq!(
            get("sources"),
            m.sources
                .iter()
                .map(|s| s.path.as_str())
                .collect::<Vec<_>>()
                .join(";")
        );
        assert_eq!(get("source_count"), m.sources.len().to_string());
        assert_eq!(get("edited"), e.edited.to_string());
    }
    // Spot-check the hard cases literally.
    assert_eq!(&rows[0][1], "2023-09-26");
    assert_eq!(&rows[0][4], "KH-19;LA-AT");
    assert_eq!(&rows[0][8], "news/a.txt;news/b.md");
    assert_eq!(&rows[0][9], "2");
    assert_eq!(
        &rows[1][7],
        "Vaccine handover, \"20,000 doses\"\nfrom Champasak; ការផ្តល់ជំនួយ"
    );
    assert_eq!(&rows[1][2], "month");
    assert_eq!(&rows[1][10], "true");
    assert_eq!(&rows[3][1], "");
    assert!(rows[0][7].starts_with("The governors"));
}

#[test]
fn json_round_trip_keeps_extract_schema_and_marks() {
    let f = fixture();
    let pairs: Vec<(&Article, &[CorrectedEvent])> = f
        .articles
        .iter()
        .zip(&f.corrected)
        .map(|(a, c)| (a, c.as_slice()))
        .collect();
    let export = JsonExport::new(&pairs, f.events.clone());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.json");
    write_json(&path, &export).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let back: JsonExport = serde_json::from_str(&text).unwrap();
    assert_eq!(back, export);

    // The extract schema, field by field.
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let art = &v["articles"][0];
    assert_eq!(art["path"], "news/a.txt");
    assert_eq!(art["title"], "Report news/a.txt");
    assert!(art["published"].is_null());
    let ev = &art["events"][1];
    assert_eq!(ev["id"], "a-1");
    assert_eq!(ev["date"], "2022-03");
    assert_eq!(ev["kind"], "aid");
    assert_eq!(ev["provinces"], serde_json::json!(["LA-CH", "KH-13"]));
    assert_eq!(ev["location"], "Trapeang Kriel, Preah Vihear");
    assert_eq!(ev["edited"], true);
    assert_eq!(ev["added"], false);
    let start = ev["evidence"]["start"].as_u64().unwrap() as usize;
    let end = ev["evidence"]["end"].as_u64().unwrap() as usize;
    assert_eq!(
        ev["evidence"]["sentence"].as_str().unwrap(),
        &A_TEXT[start..end]
    );
    assert!(v["errors"].as_array().unwrap().is_empty());
    let merged = &v["events"][0];
    assert_eq!(merged["sources"].as_array().unwrap().len(), 2);
    assert_eq!(merged["sources"][1]["path"], "news/b.md");
    assert_eq!(merged["sources"][1]["date"], "XXXX-09-26");
    assert_eq!(merged["date_inferred_from"], "news/a.txt");
    assert_eq!(merged["edited"], false);
    assert!(merged["evidence"]["sentence"].is_string());
}

fn square(x: f64, y: f64, clockwise: bool) -> Vec<[f64; 2]> {
    let mut r = vec![[x, y], [x + 1.0, y], [x + 1.0, y + 1.0], [x, y + 1.0]];
    if clockwise {
        r.reverse();
    }
    r
}

fn region(id: &str, name: &str, country: &str, polygons: Vec<Vec<[f64; 2]>>) -> Region {
    Region {
        id: id.into(),
        name: name.into(),
        country: country.into(),
        polygons,
        label: [0.0, 0.0],
        mesh_vertices: Vec::new(),
        mesh_indices: Vec::new(),
        holes: Vec::new(),
        covers: Vec::new(),
        notes: None,
        bounds: Default::default(),
    }
}

#[test]
fn geojson_counts_and_closed_rings() {
    let f = fixture();
    let counts = event_counts(&f.events);
    assert_eq!(counts.get("LA-AT"), Some(&1));
    assert_eq!(counts.get("LA-CH"), Some(&2));
    let regions = vec![
        region("LA-AT", "Attapeu", "LA", vec![square(106.0, 14.0, true)]),
        region(
            "LA-CH",
            "Champasak",
            "LA",
            vec![square(105.0, 14.0, false), square(105.5, 13.5, true)],
        ),
        region(
            "KH-19",
            "Stung Treng",
            "KH",
            vec![square(106.0, 13.0, false)],
        ),
        region(
            "KH-1",
            "Banteay Meanchey",
            "KH",
            vec![square(103.0, 13.0, false)],
        ),
        region("TH", "Thailand", "TH", vec![square(100.0, 15.0, false)]),
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("provinces.geojson");
    let value = geojson_counts(&regions, &counts);
    fs::write(&path, serde_json::to_string(&value).unwrap()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    let by_id: HashMap<&str, &serde_json::Value> = features
        .iter()
        .map(|f| (f["properties"]["id"].as_str().unwrap(), f))
        .collect();
    assert!(!by_id.contains_key("TH"), "context land is not a province");
    assert_eq!(by_id["LA-CH"]["properties"]["events"], 2);
    assert_eq!(by_id["LA-AT"]["properties"]["events"], 1);
    assert_eq!(by_id["KH-19"]["properties"]["events"], 1);
    assert_eq!(by_id["KH-1"]["properties"]["events"], 0);
    assert_eq!(by_id["LA-CH"]["properties"]["name"], "Champasak");
    // Counted provinces without geometry keep their count.
    assert_eq!(by_id["KH-13"]["properties"]["events"], 1);
    assert!(by_id["KH-13"]["geometry"].is_null());
    assert_eq!(by_id["KH-16"]["properties"]["events"], 1);
    assert_eq!(features.len(), 6);
    for id in ["LA-AT", "LA-CH", "KH-19", "KH-1"] {
        let g = &by_id[id]["geometry"];
        assert_eq!(g["type"], "MultiPolygon");
        for poly in g["coordinates"].as_array().unwrap() {
            let ring = poly[0].as_array().unwrap();
            assert_eq!(ring.len(), 5);
            assert_eq!(ring.first(), ring.last(), "ring of {id} closed");
            let pts: Vec<(f64, f64)> = ring
                .iter()
                .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
                .collect();
            let area2: f64 = pts
                .windows(2)
                .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
                .sum();
            assert!(
                (area2 - 2.0).abs() < 1e-9,
                "{id}: counter-clockwise unit square, got {area2}"
            );
        }
    }
    assert_eq!(
        by_id["LA-CH"]["geometry"]["coordinates"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // The writer over the built-in map: every counted province is present.
    let p2 = dir.path().join("map.geojson");
    write_geojson(&p2, &f.events).unwrap();
    let v2: serde_json::Value = serde_json::from_str(&fs::read_to_string(&p2).unwrap()).unwrap();
    let total: u64 = v2["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["events"].as_u64().unwrap())
        .sum();
    assert_eq!(total, counts.values().sum::<usize>() as u64);
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn ics_parses_with_ical_and_every_field_is_right() {
    let f = fixture();
    let stamp = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.ics");
    let summary = write_ics(&path, &f.events, stamp).unwrap();
    assert_eq!(summary.written, 3);
    assert_eq!(summary.skipped_undated, 1);
    assert_eq!(summary.skipped_unknown_year, 1);

    let file = std::io::BufReader::new(fs::File::open(&path).unwrap());
    let cals: Vec<_> = ical::IcalParser::new(file).map(|c| c.unwrap()).collect();
    assert_eq!(cals.len(), 1);
    let cal = &cals[0];
    let prop = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .cloned()
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert_eq!(
        prop(&cal.properties, "VERSION").value.as_deref(),
        Some("2.0")
    );
    assert!(prop(&cal.properties, "PRODID")
        .value
        .unwrap()
        .contains("Border Atlas"));
    assert_eq!(cal.events.len(), 3);
    let expect = [
        ("2023-09-26", "20230926", "20230927"),
        ("2022-03", "20220301", "20220401"),
        ("2021", "20210101", "20220101"),
    ];
    let dated: Vec<&ExportEvent> = f
        .events
        .iter()
        .filter(|e| e.event.date.is_some_and(|d| d.year_known()))
        .collect();
    for ((ve, e), (_, start, end)) in cal.events.iter().zip(&dated).zip(expect) {
        let m = &e.event;
        let p = |n: &str| prop(&ve.properties, n);
        assert_eq!(p("UID").value.unwrap(), format!("{}@border-atlas", m.id));
        assert_eq!(p("DTSTAMP").value.as_deref(), Some("20260102T030405Z"));
        let ds = p("DTSTART");
        assert_eq!(ds.value.as_deref(), Some(start));
        assert_eq!(
            ds.params,
            Some(vec![("VALUE".to_string(), vec!["DATE".to_string()])])
        );
        let de = p("DTEND");
        assert_eq!(de.value.as_deref(), Some(end));
        assert_eq!(
            de.params,
            Some(vec![("VALUE".to_string(), vec!["DATE".to_string()])])
        );
        assert_eq!(unescape(&p("SUMMARY").value.unwrap()), m.summary);
        assert_eq!(unescape(&p("CATEGORIES").value.unwrap()), m.kind.as_str());
        let desc = unescape(&p("DESCRIPTION").value.unwrap());
        assert!(desc.starts_with(&m.summary), "{desc}");
        for s in &m.sources {
            assert!(desc.contains(&s.path), "{desc}");
        }
        if m.evidence.sentence != m.summary {
            assert!(desc.contains(&m.evidence.sentence), "{desc}");
        }
    }
    // The merged meeting names both sources and says where its year came from.
    let d0 = unescape(
        &prop(&cal.events[0].properties, "DESCRIPTION")
            .value
            .unwrap(),
    );
    assert!(
        d0.contains("news/a.txt")
            && d0.contains("news/b.md")
            && d0.contains("Year inferred from news/a.txt")
    );
    // The edited aid event: corrected summary (commas, quotes, newline, Khmer) and location.
    let e1 = &cal.events[1].properties;
    assert_eq!(
        unescape(&prop(e1, "SUMMARY").value.unwrap()),
        "Vaccine handover, \"20,000 doses\"\nfrom Champasak; ការផ្តល់ជំនួយ"
    );
    assert_eq!(
        unescape(&prop(e1, "LOCATION").value.unwrap()),
        "Trapeang Kriel, Preah Vihear"
    );
    let d1 = unescape(&prop(e1, "DESCRIPTION").value.unwrap());
    assert!(d1.contains("a gift \\ a duty"), "backslash survives: {d1}");
    assert!(d1.contains("edited by the user"));
    // No location and no provinces: no LOCATION line.
    assert!(cal.events[2]
        .properties
        .iter()
        .all(|p| p.name != "LOCATION"));
}

#[test]
fn ics_strict_lines_crlf_and_folding() {
    let f = fixture();
    let mut events = f.events.clone();
    // A very long summary of multi-byte text forces folding inside Khmer words.
    events[0].event.summary = format!("{} end", "ការប្រជុំថ្នាក់ខេត្ត ".repeat(30));
    let stamp = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
    let (text, _) = to_ics(&events, stamp);
    let (again, _) = to_ics(&events, stamp);
    assert_eq!(text, again, "deterministic");
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at {i}");
        }
        if b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
        }
    }
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let lines: Vec<&str> = text.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    let mut folded = 0;
    for l in &lines {
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        if l.starts_with(' ') {
            folded += 1;
        }
        assert!(!l.is_empty());
    }
    assert!(folded > 10);
    // Unfolding restores the escaped summary exactly.
    let mut unfolded: Vec<String> = Vec::new();
    for l in &lines {
        match l.strip_prefix(' ') {
            Some(rest) => unfolded.last_mut().unwrap().push_str(rest),
            None => unfolded.push(l.to_string()),
        }
    }
    let summary = unfolded.iter().find(|l| l.starts_with("SUMMARY:")).unwrap();
    assert_eq!(
        unescape(&summary["SUMMARY:".len()..]),
        events[0].event.summary
    );
    assert_eq!(unfolded.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 3);
}

#[test]
fn single_source_events_export_like_merged_ones() {
    let a = article("one.txt", A_TEXT);
    let e = event(
        &a,
        "x-1",
        "During 2021 the two sides signed a forestry accord.",
        Some("2021"),
        EventKind::Agreement,
        &["LA-CH"],
    );
    let m = MergedEvent::from_single(&a.path, &e);
    assert_eq!(m.sources.len(), 1);
    assert_eq!(m.sources[0].path, "one.txt");
    assert_eq!(m.sources[0].evidence, e.evidence);
    assert_eq!((m.id.as_str(), m.kind, m.date), ("x-1", e.kind, e.date));
    let ce = CorrectedEvent {
        event: e,
        edited: true,
        added: false,
    };
    let x = ExportEvent::single(&a.path, &ce);
    assert!(x.edited && !x.added);
    let csv = String::from_utf8(to_csv_with(&[x], &names).unwrap()).unwrap();
    assert!(
        csv.contains("x-1,2021,year,agreement,LA-CH,Champasak,"),
        "{csv}"
    );
}

#[test]
fn bundled_samples_round_trip_through_every_format() {
    // Whatever the extractor currently finds in the samples (possibly nothing).
    let articles = border_atlas::sample::sample_articles().unwrap_or_default();
    let mut events = Vec::new();
    for a in &articles {
        for e in border_atlas::extract::extract(a) {
            events.push(ExportEvent::single(
                &a.path,
                &CorrectedEvent {
                    event: e,
                    edited: false,
                    added: false,
                },
            ));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("s.csv");
    write_csv(&csv_path, &events).unwrap();
    assert_eq!(
        csv::Reader::from_path(&csv_path).unwrap().records().count(),
        events.len()
    );
    let json_path = dir.path().join("s.json");
    let export = JsonExport::new(&[], events.clone());
    write_json(&json_path, &export).unwrap();
    let back: JsonExport = serde_json::from_str(&fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(back, export);
    let ics_path = dir.path().join("s.ics");
    let stamp = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let s = write_ics(&ics_path, &events, stamp).unwrap();
    assert_eq!(
        s.written + s.skipped_undated + s.skipped_unknown_year,
        events.len()
    );
    let file = std::io::BufReader::new(fs::File::open(&ics_path).unwrap());
    let cal = ical::IcalParser::new(file).next().unwrap().unwrap();
    assert_eq!(cal.events.len(), s.written);
}

fn assert_failed_and_intact(err: &dyn std::fmt::Display, target: &Path, before: Option<&[u8]>) {
    let msg = err.to_string();
    assert!(
        msg.contains(&target.display().to_string()),
        "message names the path: {msg}"
    );
    match before {
        Some(b) => assert_eq!(fs::read(target).unwrap(), b, "existing file intact"),
        None => assert!(!target.exists()),
    }
    if let Some(dir) = target.parent().filter(|d| d.is_dir()) {
        let tmp: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(tmp.is_empty(), "no temporary file left");
    }
}

#[test]
fn writing_into_a_missing_folder_fails_clearly() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("gone").join("events.csv");
    let e = write_csv(&target, &f.events).unwrap_err();
    assert_failed_and_intact(&e, &target, None);
    assert!(e.to_string().contains("No such file"), "{e}");
    // A path through a file, not a folder.
    let file = dir.path().join("plain.txt");
    fs::write(&file, "x").unwrap();
    let through = file.join("events.ics");
    let e = write_ics(&through, &f.events, Utc::now()).unwrap_err();
    assert_failed_and_intact(&e, &through, None);
}

#[cfg(unix)]
#[test]
fn writing_into_a_read_only_folder_fails_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).unwrap();
    let target = ro.join("events.json");
    fs::write(&target, b"old export").unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores folder permissions: then use a folder the kernel refuses to everyone.
    let probe = ro.join("probe");
    let enforced = fs::write(&probe, b"").is_err();
    let _ = fs::remove_file(&probe);
    let export = JsonExport::new(&[], f.events.clone());
    if enforced {
        let e = write_json(&target, &export).unwrap_err();
        assert_failed_and_intact(&e, &target, Some(b"old export"));
        assert!(e.to_string().contains("ermission denied"), "{e}");
    } else {
        assert!(write_json(&target, &export).is_ok(), "root may write");
        let sys = Path::new("/sys/border-atlas-export.json");
        if Path::new("/sys").is_dir() {
            let e = write_json(sys, &export).unwrap_err();
            assert_failed_and_intact(&e, sys, None);
        }
    }
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn replacing_an_export_keeps_nothing_of_the_old_one() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("e.csv");
    fs::write(&p, "x".repeat(100_000)).unwrap();
    write_csv(&p, &f.events[..1]).unwrap();
    let text = fs::read_to_string(&p).unwrap();
    assert!(!text.contains("xxx"));
    assert_eq!(csv::Reader::from_path(&p).unwrap().records().count(), 1);
}

/// What a TEXT value becomes after escaping and unescaping: line breaks are
/// `\n`, other control characters (but tab) are dropped.
fn ics_normalised(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

fn one_event(summary: &str, location: &str) -> ExportEvent {
    let a = article("p.txt", A_TEXT);
    let mut e = event(
        &a,
        "p-1",
        "During 2021 the two sides signed a forestry accord.",
        Some("2021-06-15"),
        EventKind::Aid,
        &["LA-CH"],
    );
    e.summary = summary.to_string();
    e.location = Some(location.to_string());
    ExportEvent::single(
        &a.path,
        &CorrectedEvent {
            event: e,
            edited: false,
            added: false,
        },
    )
}

#[test]
fn ics_never_writes_a_date_of_other_than_eight_digits() {
    let stamp = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let mut events = Vec::new();
    for (y, m, d) in [
        (-1, 3, 12),
        (0, 3, 12),
        (10_000, 1, 1),
        (2021, 6, 15),
        (9999, 12, 31),
    ] {
        let mut ev = one_event("Talks", "Pakse");
        ev.event.date = border_atlas::model::PartialDate::ymd(y, m, d);
        assert!(ev.event.date.is_some());
        events.push(ev);
    }
    let (text, s) = to_ics(&events, stamp);
    for line in text
        .lines()
        .filter(|l| l.starts_with("DTSTART") || l.starts_with("DTEND"))
    {
        let digits = line.rsplit(':').next().unwrap_or("");
        assert!(
            digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()),
            "{line}"
        );
    }
    // 2021-06-15 only: 9999-12-31 ends (DTEND, exclusive) in year 10000.
    assert_eq!(s.written, 1, "{s:?}");
    assert_eq!(s.skipped_out_of_range, 4, "{s:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn ics_any_text_folds_and_unfolds_exactly(
        summary in "(\\PC|[ \\t\\r\\n\\\\;,\\x00-\\x1f]|ក|ລາວ){0,300}",
        location in "\\PC{0,120}",
    ) {
        let ev = one_event(&summary, &location);
        let (text, s) = to_ics(std::slice::from_ref(&ev), Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        proptest::prop_assert_eq!(s.written, 1);
        let body = text.strip_suffix("\r\n").unwrap();
        let mut unfolded: Vec<String> = Vec::new();
        for l in body.split("\r\n") {
            proptest::prop_assert!(l.len() <= 75);
            proptest::prop_assert!(!l.contains('\n') && !l.contains('\r'));
            match l.strip_prefix(' ') {
                Some(rest) => unfolded.last_mut().unwrap().push_str(rest),
                None => unfolded.push(l.to_string()),
            }
        }
        let get = |name: &str| unfolded.iter().find_map(|l| l.strip_prefix(name)).map(unescape);
        proptest::prop_assert_eq!(get("SUMMARY:"), Some(ics_normalised(&summary)));
        // A blank location falls back to the province names.
        let expect_location = if location.trim().is_empty() {
            Some(ProvinceId::from("LA-CH").name())
        } else {
            Some(ics_normalised(&location))
        };
        proptest::prop_assert_eq!(get("LOCATION:"), expect_location);
        // And the ical crate reads one event with the right UID.
        let cal = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes())).next().unwrap().unwrap();
        proptest::prop_assert_eq!(cal.events.len(), 1);
        let uid = cal.events[0].properties.iter().find(|p| p.name == "UID").and_then(|p| p.value.clone());
        proptest::prop_assert_eq!(uid.as_deref(), Some("p-1@border-atlas"));
    }

    #[test]
    fn csv_any_text_round_trips(summary in "(\\PC|[\\t\\r\\n\",;]|ក){0,200}", location in "(\\PC|[\\r\\n\",]){0,60}") {
        let ev = one_event(&summary, &location);
        let bytes = to_csv_with(std::slice::from_ref(&ev), &names).unwrap();
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        proptest::prop_assert_eq!(rows.len(), 1);
        proptest::prop_assert_eq!(&rows[0][7], summary.as_str());
        proptest::prop_assert_eq!(&rows[0][6], location.as_str());
    }
}
