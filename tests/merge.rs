//! Cross-article merging on fixture articles written for these tests.

use border_atlas::extract::extract;
use border_atlas::load::load_bytes;
use border_atlas::merge::merge_events;
use border_atlas::model::{Article, Event};

fn article(name: &str, text: &str) -> Article {
    load_bytes(name, text.as_bytes())
        .expect("fixture loads")
        .remove(0)
}

fn merged(articles: &[Article]) -> Vec<border_atlas::merge::MergedEvent> {
    let events: Vec<Vec<Event>> = articles.iter().map(extract).collect();
    let pairs: Vec<(&Article, &[Event])> = articles
        .iter()
        .zip(&events)
        .map(|(a, e)| (a, e.as_slice()))
        .collect();
    merge_events(&pairs)
}

#[test]
fn same_meeting_in_two_papers_with_different_spellings_merges_and_infers_the_year() {
    let a = article(
        "post.txt",
        "Title: Border governors meet\nPublished: 2023-09-28\n\n\
         The governors of Stung Treng and Attapeu met in Attapeu on Tuesday and signed an accord on drug control.\n",
    );
    let b = article(
        "times.md",
        "---\ntitle: Attapue hosts Steung Treng delegation\n---\n\n\
         Officials from Steung Treng held talks with their hosts in Attapue on September 26, where both sides signed a security agreement.\n",
    );
    let m = merged(&[a, b]);
    assert_eq!(m.len(), 1, "{m:#?}");
    let e = &m[0];
    assert_eq!(e.date.map(|d| d.to_string()).as_deref(), Some("2023-09-26"));
    assert_eq!(e.sources.len(), 2);
    assert_eq!(e.date_inferred_from.as_deref(), Some("post.txt"));
    let provinces: Vec<&str> = e.provinces.iter().map(|p| p.as_str()).collect();
    assert_eq!(provinces, ["KH-19", "LA-AT"]);
    let stated: Vec<String> = e
        .sources
        .iter()
        .map(|s| s.date.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(stated, ["2023-09-26", "XXXX-09-26"]);
}

#[test]
fn two_meetings_on_the_same_day_in_different_provinces_stay_two() {
    let a = article(
        "a.txt",
        "Title: North\nPublished: 2023-09-28\n\n\
         Officials of Preah Vihear and Champasak met in Champasak on September 26 to discuss a new road.\n",
    );
    let b = article(
        "b.txt",
        "Title: East\nPublished: 2023-09-27\n\n\
         Officials of Ratanakiri and Attapeu met in Banlung on September 26 to discuss forest fires.\n",
    );
    let m = merged(&[a, b]);
    assert_eq!(m.len(), 2, "{m:#?}");
    assert!(m.iter().all(|e| e.sources.len() == 1));
}
