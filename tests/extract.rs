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

#[test]
fn agency_dateline_date_is_when_the_story_was_filed() {
    let text = r#"Title: Laos, Cambodia pledge to boost trade at border
Source: Xinhua
Published: 2019-06-21

VIENTIANE, June 21 (Xinhua) -- Lao and Cambodian officials have agreed to boost trade through the Nong Nok Khiene-Trapeang Kriel border gate, Lao media reported on Friday.

The agreement was reached at a meeting held on Wednesday in Pakse, the capital of Champasak province, between provincial authorities of Champasak and Stung Treng.

Both sides agreed to simplify customs procedures and to set up a joint committee to monitor cross-border trade, according to the Vientiane Times.

Trade between Laos and Cambodia reached 200 million U.S. dollars in 2018.
"#;
    let expected: Vec<(Option<String>, String, Vec<String>)> =
        vec![ev(Some("2019-06-19"), "meeting", &["KH-19", "LA-CH"])];
    assert_eq!(run("x1", text), expected);
}

#[test]
fn kpl_dateline_and_a_family_name_that_looks_like_a_place() {
    let text = r#"Title: Lao deputy PM visits Cambodia
Source: KPL
URL: https://kpl.gov.la/En/detail.aspx?id=40000

Vientiane, March 5 (KPL) - Lao Deputy Prime Minister Sonexay Siphandone led a delegation on a three-day working visit to Cambodia from March 1-3, at the invitation of his Cambodian counterpart.

During the visit, the Lao delegation met with Cambodian Prime Minister Hun Sen in Phnom Penh and discussed cooperation in energy, transport and tourism.

The two sides also visited the Ratanakiri provincial hall in Banlung, where they were briefed on cross-border cooperation with Attapeu province.

Laos and Cambodia established diplomatic relations on June 15, 1956.
"#;
    let expected: Vec<(Option<String>, String, Vec<String>)> = vec![ev(
        Some("XXXX-03-01"),
        "visit",
        &["KH-12", "KH-16", "LA-AT"],
    )];
    assert_eq!(run("x2", text), expected);
}

#[test]
fn seizure_and_last_months_joint_patrol() {
    let text = r#"Title: Police seize timber near Lao border
Source: Khmer Times
Published: 2020-10-14

Police in Preah Vihear province seized 30 cubic metres of rosewood on Monday in Choam Ksant district near the border with Laos, a provincial police official said yesterday.

The official said the timber was destined for buyers in Laos and Thailand.

Last month, Cambodian and Lao border police held a joint patrol along the border in Stung Treng province's Thala Barivat district, arresting five people for illegal logging.
"#;
    let expected: Vec<(Option<String>, String, Vec<String>)> = vec![
        ev(Some("2020-10-12"), "operation", &["KH-13"]),
        ev(Some("2020-09"), "operation", &["KH-19"]),
    ];
    assert_eq!(run("x3", text), expected);
}

#[test]
fn heading_dateline_and_attendees_of_the_same_meeting() {
    let text = r#"Title: Cambodia-Laos border meeting held in Stung Treng
Source: AKP
Published: 2015-12-12

Phnom Penh, December 12, 2015 AKP -- The 9th meeting of the Cambodia-Laos border provinces was held in Stung Treng province on December 10-11, 2015 under the co-chairmanship of Stung Treng governor and Champasak vice governor.

The meeting reviewed progress since the 8th meeting in Champasak in 2014 and set out plans for 2016.

Representatives from Ratanakiri, Preah Vihear and Attapeu also attended the meeting.
"#;
    let expected: Vec<(Option<String>, String, Vec<String>)> = vec![ev(
        Some("2015-12-10"),
        "meeting",
        &["KH-13", "KH-16", "KH-19", "LA-AT", "LA-CH"],
    )];
    assert_eq!(run("y2", text), expected);
}

#[test]
fn workers_handed_back_and_a_separate_case() {
    let text = r#"Title: Laos returns trafficking victims to Cambodia
Published: 2021-07-30

Lao authorities on Thursday handed 14 Cambodian workers back to Cambodian officials at the Dong Kralor international border checkpoint in Stung Treng province.

The workers had been lured to work on farms in Laos' Bolikhamxay province, a police official said.

In a separate case last month, police in Attapeu arrested two Cambodian nationals for carrying drugs across the border.
"#;
    let expected: Vec<(Option<String>, String, Vec<String>)> = vec![
        ev(Some("2021-07-29"), "operation", &["KH-19"]),
        ev(Some("2021-06"), "operation", &["LA-AT"]),
    ];
    assert_eq!(run("y3", text), expected);
}
