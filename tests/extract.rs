//! Extractor behaviour on small articles written for these tests: traps,
//! date forms, report dates, background, articles that are not about
//! Cambodia–Laos relations.

use border_atlas::extract::extract;
use border_atlas::load::load_bytes;
use border_atlas::model::Event;

fn run(name: &str, text: &str) -> Vec<(Option<String>, String, Vec<String>)> {
    let articles = load_bytes(&format!("{name}.txt"), text.as_bytes()).expect("fixture loads");
    let events: Vec<Event> = articles.iter().flat_map(extract).collect();
    for (a, e) in articles
        .iter()
        .flat_map(|a| extract(a).into_iter().map(move |e| (a, e)))
    {
        assert_eq!(
            &a.text[e.evidence.start..e.evidence.end],
            e.evidence.sentence
        );
    }
    events
        .into_iter()
        .map(|e| {
            (
                e.date.map(|d| d.to_string()),
                e.kind.to_string(),
                e.provinces.iter().map(|p| p.to_string()).collect(),
            )
        })
        .collect()
}

fn ev(date: Option<&str>, kind: &str, provinces: &[&str]) -> (Option<String>, String, Vec<String>) {
    (
        date.map(str::to_string),
        kind.to_string(),
        provinces.iter().map(|p| p.to_string()).collect(),
    )
}

#[test]
fn thai_cambodian_temple_clash_is_not_a_cambodia_laos_event() {
    let text = r#"Title: Troops gather near hilltop temple
Published: 2011-02-08

Thai and Cambodian soldiers exchanged fire on Monday near the Preah Vihear temple, the third clash this year. Cambodia's foreign minister said on Tuesday that he would ask the United Nations to send observers.
"#;
    let expected: Vec<(Option<String>, String, Vec<String>)> = vec![];
    assert_eq!(run("a_temple", text), expected);
}

#[test]
fn vietnam_laos_article_yields_no_cambodia_laos_events() {
    let text = r#"Title: Quang Nam and Sekong sign friendship plan
Published: 2019-04-12

Leaders of Vietnam's Quang Nam province and Laos' Sekong province signed a cooperation plan on April 10 in Tam Ky. The two sides also agreed to build a road to the border.
"#;
    let expected: Vec<(Option<String>, String, Vec<String>)> = vec![];
    assert_eq!(run("b_vietnam", text), expected);
}

#[test]
fn sekong_river_is_not_sekong_province() {
    let text = r#"Title: Joint survey of the Sekong River
Published: 2021-06-07

Officials from Stung Treng and their Lao counterparts surveyed fish stocks along the Sekong River on 4 June. The survey team travelled by boat for three days.

The river has long been a source of food for villages on both banks.
"#;
    let expected: Vec<(Option<String>, String, Vec<String>)> =
        vec![ev(Some("2021-06-04"), "operation", &["KH-19"])];
    assert_eq!(run("c_river", text), expected);
}

#[test]
fn vientiane_province_report_dates_and_earlier_this_year() {
    let text = r#"Title: Ministers meet in Vientiane province
Published: 2019-03-15

Cambodian and Lao agriculture ministers met in Vientiane province on Wednesday to discuss rice seed exchanges, a ministry spokesman told reporters on Thursday.

Earlier this year, the two ministries signed a memorandum on animal disease control in Phnom Penh.
"#;
    let expected: Vec<(Option<String>, String, Vec<String>)> = vec![
        ev(Some("2019-03-13"), "meeting", &["LA-VI"]),
        ev(Some("2019"), "agreement", &["KH-12"]),
    ];
    assert_eq!(run("d_vientiane", text), expected);
}

#[test]
fn date_ranges_last_year_next_week_and_background() {
    let text = r#"Title: A busy season on the border
Published: 2018-12-03

Governors from Ratanakiri and Attapeu held talks in Banlung on 27-28 November 2018.

In November last year, Preah Vihear and Champasak police launched a joint patrol against wildlife smuggling.

Stung Treng will host a trade fair with Lao exhibitors from Champasak next week.

The Cambodia-Laos friendship has been strong since the 1950s, analysts said.
"#;
    let expected: Vec<(Option<String>, String, Vec<String>)> = vec![
        ev(Some("2018-11-27"), "meeting", &["KH-16", "LA-AT"]),
        ev(Some("2017-11"), "operation", &["KH-13", "LA-CH"]),
        ev(Some("2018-12"), "other", &["KH-19", "LA-CH"]),
    ];
    assert_eq!(run("e_forms", text), expected);
}

#[test]
fn weekday_without_publication_date_stays_undated() {
    let text = r#"Title: Governors agree on border market

The governors of Preah Vihear and Champasak agreed on Friday to open a border market. Attapeu officials could not be reached for comment.
"#;
    let expected: Vec<(Option<String>, String, Vec<String>)> =
        vec![ev(None, "agreement", &["KH-13", "LA-CH"])];
    assert_eq!(run("f_nodate", text), expected);
}
