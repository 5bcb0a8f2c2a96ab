//! The bundled sample articles produce exactly their expected events.

use border_atlas::extract::extract;
use border_atlas::model::{Event, EventKind};
use border_atlas::sample::sample_articles;

fn events_of(name: &str) -> Vec<Event> {
    let articles = sample_articles().expect("samples load");
    let article = articles
        .iter()
        .find(|a| a.path.ends_with(name))
        .unwrap_or_else(|| panic!("no sample {name}"));
    let events = extract(article);
    for e in &events {
        assert_eq!(
            &article.text[e.evidence.start..e.evidence.end],
            e.evidence.sentence
        );
    }
    events
}

fn check(
    e: &Event,
    date: Option<&str>,
    kind: EventKind,
    provinces: &[&str],
    location: Option<&str>,
    evidence: &str,
) {
    assert_eq!(e.date.map(|d| d.to_string()).as_deref(), date, "{e:#?}");
    assert_eq!(e.kind, kind, "{e:#?}");
    let got: Vec<&str> = e.provinces.iter().map(|p| p.as_str()).collect();
    assert_eq!(got, provinces, "{e:#?}");
    assert_eq!(e.location.as_deref(), location, "{e:#?}");
    assert!(e.evidence.sentence.contains(evidence), "{e:#?}");
}

#[test]
fn khong_meeting_and_last_months_talks() {
    let ev = events_of("2022-05-khong-border-provinces-meeting.txt");
    assert_eq!(ev.len(), 2, "{ev:#?}");
    check(
        &ev[0],
        Some("2022-05-27"),
        EventKind::Meeting,
        &["KH-13", "KH-16", "KH-19", "LA-AT", "LA-CH"],
        Some("Khong district, Champasak"),
        "joint meeting on May 27 in Khong district",
    );
    // "Last month" from a 30 May publication, at month precision; Tokyo is in neither country.
    check(
        &ev[1],
        Some("2022-04"),
        EventKind::Meeting,
        &[],
        None,
        "Last month, Phankham held talks",
    );
}

#[test]
fn stung_treng_attapeu_accord_from_markdown() {
    let ev = events_of("2023-09-stung-treng-attapeu-accord.md");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    // "on Tuesday" before a Thursday 28 September publication; the Sekong River links nothing.
    check(
        &ev[0],
        Some("2023-09-26"),
        EventKind::Meeting,
        &["KH-19", "LA-AT"],
        Some("Samakkhixay, Attapeu"),
        "signed an accord",
    );
}

#[test]
fn checkpoint_opening_from_html() {
    let ev = events_of("2017-01-trapeang-kriel-checkpoint.html");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    check(
        &ev[0],
        Some("2017-01-10"),
        EventKind::Other,
        &["KH-13", "KH-19", "LA-CH"],
        Some("Trapeang Kriel, Stung Treng"),
        "inaugurated the Trapeang Kriel international border checkpoint yesterday",
    );
}

#[test]
fn truck_handover_without_publication_date_keeps_year_unknown() {
    let ev = events_of("2022-03-vaccine-trucks-handover.txt");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    // "thanked Phnom Penh for its support" names a government, not a place.
    check(
        &ev[0],
        Some("XXXX-03-12"),
        EventKind::Aid,
        &["KH-19", "LA-CH"],
        Some("Trapeang Kriel, Stung Treng"),
        "handed over ten refrigerated trucks",
    );
}

#[test]
fn siem_pang_talks_from_json() {
    let ev = events_of("2017-08-siem-pang-talks.json");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    check(
        &ev[0],
        Some("2017-08-24"),
        EventKind::Meeting,
        &["KH-19", "LA-VT"],
        Some("Vientiane"),
        "held talks with his Lao counterpart",
    );
}
