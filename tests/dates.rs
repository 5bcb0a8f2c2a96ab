//! Temporal tagger on realistic news sentences (written for these tests),
//! plus a property test (no panic, spans slice the text, order) and a
//! throughput measurement (run with `--ignored`, printed, not asserted).

use border_atlas::extract::dates::{find_reference, tag_dates, DateForm, DateMention};
use border_atlas::model::PartialDate;
use proptest::prelude::*;

fn d(s: &str) -> PartialDate {
    s.parse().expect("test date")
}

/// (text of the mention, resolved date or "-") for every mention.
fn mentions(text: &str, reference: Option<&str>) -> Vec<(String, String)> {
    tag_dates(text, reference.map(d))
        .iter()
        .map(|m| {
            (
                text[m.start..m.end].to_string(),
                m.date.map_or("-".into(), |x| x.to_string()),
            )
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn governors_meeting_article() {
    let text = "Lao and Cambodian provincial leaders gathered in Khong district of \
        Champasak on Friday for a joint meeting. The May 27 session followed talks held \
        in early March. The next round will take place in Stung Treng next month, and \
        a trade fair is planned for October.";
    // Published Monday 30 May 2022: Friday = 27 May.
    assert_eq!(
        mentions(text, Some("2022-05-30")),
        pairs(&[
            ("Friday", "2022-05-27"),
            ("May 27", "2022-05-27"),
            ("early March", "2022-03"),
            ("next month", "2022-06"),
            ("October", "2022-10"),
        ])
    );
}

#[test]
fn checkpoint_opening_with_dateline() {
    let text = "Reporter Name Wednesday, 11 January 2017\n\n\
        The prime ministers of both countries met yesterday to open the new \
        international checkpoint between Stung Treng and Champasak. Work on the \
        crossing started in 2014 and was delayed in November last year.";
    let reference = find_reference(text);
    assert_eq!(reference, Some(d("2017-01-11")));
    let v = tag_dates(text, reference);
    let got: Vec<(&str, String)> = v
        .iter()
        .map(|m| {
            (
                &text[m.start..m.end],
                m.date.map_or("-".into(), |x| x.to_string()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Wednesday, 11 January 2017", "2017-01-11".to_string()),
            ("yesterday", "2017-01-10".to_string()),
            ("2014", "2014".to_string()),
            ("November last year", "2016-11".to_string()),
        ]
    );
}

#[test]
fn visit_with_month_precision_reference() {
    let text = "Lao News Agency | Feb. 2014\n(KPL)\nThe Cambodian premier ended his \
        official visit to Laos (February 6-7) at the invitation of his counterpart. \
        On Thursday the two sides signed three agreements.";
    let reference = find_reference(text);
    assert_eq!(reference, Some(d("2014-02")));
    let v = tag_dates(text, reference);
    assert_eq!(v.len(), 3, "{v:?}");
    assert_eq!(v[0].date, Some(d("2014-02")));
    assert_eq!(v[1].date, Some(d("2014-02-06")));
    assert_eq!(v[1].end_date, Some(d("2014-02-07")));
    assert_eq!(v[1].form, DateForm::Absolute);
    // A weekday cannot be resolved from a month-precise reference.
    assert_eq!(&text[v[2].start..v[2].end], "Thursday");
    assert_eq!((v[2].date, v[2].form), (None, DateForm::Weekday));
}

#[test]
fn article_without_any_reference() {
    let text = "Border officials from Attapeu and Ratanakiri met on September 26 \
        and agreed to meet again next week. The previous meeting was held in 2021.";
    assert_eq!(find_reference(text), None);
    assert_eq!(
        mentions(text, None),
        pairs(&[
            ("September 26", "XXXX-09-26"),
            ("next week", "-"),
            ("2021", "2021"),
        ])
    );
}

#[test]
fn future_plans_resolve_forward() {
    let text = "The two governors will sign the memorandum on Tuesday, and a joint patrol \
        is scheduled for January 15. Officials said the road would open in 2025.";
    // Reference: Thursday 15 December 2022.
    assert_eq!(
        mentions(text, Some("2022-12-15")),
        pairs(&[
            ("Tuesday", "2022-12-20"),
            ("January 15", "2023-01-15"),
            ("2025", "2025"),
        ])
    );
}

#[test]
fn report_dates_are_still_tagged() {
    // The extractor decides what is an event date; the tagger reports every date.
    let text = "Ministry spokesman said in a May 28 press release and told reporters \
        on May 29 that the talks of May 26–27 went well.";
    let v = tag_dates(text, Some(d("2022-05-30")));
    let got: Vec<&str> = v.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(got, ["May 28", "May 29", "May 26–27"]);
    assert_eq!(v[2].end_date, Some(d("2022-05-27")));
}

#[test]
fn modal_verbs_and_numbers_are_not_dates() {
    let text = "Villagers may march to the checkpoint. Officials said 2019 families \
        may benefit, and the 535-km border may be demarcated. Phone 012/345/678.";
    assert_eq!(mentions(text, Some("2022-05-30")), pairs(&[]));
}

#[test]
fn unicode_and_no_break_spaces() {
    let text = "‘On 26\u{a0}September’ — ខេត្តស្ទឹងត្រែង — meeting, 26–27\u{202f}Sept. 2023 …";
    let v = tag_dates(text, Some(d("2023-09-30")));
    let got: Vec<&str> = v.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(got, ["26\u{a0}September", "26–27\u{202f}Sept. 2023"]);
    assert_eq!(v[0].date, Some(d("2023-09-26")));
    assert_eq!(v[1].end_date, Some(d("2023-09-27")));
}

#[test]
fn reference_forms() {
    assert_eq!(
        find_reference("PHNOM PENH, May 30, 2022 (AKP) -- The border governors met again."),
        Some(d("2022-05-30"))
    );
    assert_eq!(
        find_reference("The Border Herald, Dec. 16, 2013\n\nPHNOM PENH -- Officials met."),
        Some(d("2013-12-16"))
    );
    assert_eq!(
        find_reference("Officials met on 16 December 2013 to discuss the border."),
        None
    );
}

fn check_mentions(text: &str, v: &[DateMention]) {
    let mut prev_end = 0;
    for m in v {
        assert!(m.start < m.end, "{m:?}");
        assert!(m.start >= prev_end, "overlap or disorder: {v:?}");
        assert!(text.get(m.start..m.end).is_some(), "{m:?} does not slice");
        prev_end = m.end;
    }
}

const PIECES: &[&str] = &[
    "May",
    "may",
    "27",
    "27th",
    "2022",
    "-",
    "–",
    " ",
    "\u{a0}",
    ",",
    ".",
    "/",
    "Feb.",
    "Sept",
    "last",
    "next",
    "this",
    "coming",
    "year",
    "week",
    "month",
    "ago",
    "two",
    "a",
    "in",
    "early",
    "mid",
    "the",
    "day",
    "before",
    "yesterday",
    "Tuesday",
    "between",
    "and",
    "to",
    "from",
    "of",
    "will",
    "\n\n",
    "ស្ទឹង",
    "é",
    "31",
    "29",
    "February",
    "2019",
    "05",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_arbitrary_text(text in ".{0,400}", y in 1i32..3000, m in 1u32..=12, day in 1u32..=28) {
        for reference in [None, Some(PartialDate::y(y)), PartialDate::ym(y, m), PartialDate::ymd(y, m, day)] {
            let v = tag_dates(&text, reference);
            check_mentions(&text, &v);
        }
        let _ = find_reference(&text);
    }

    #[test]
    fn never_panics_on_date_like_text(parts in prop::collection::vec(prop::sample::select(PIECES), 0..60), gap in prop::collection::vec(any::<bool>(), 60)) {
        let mut text = String::new();
        for (i, p) in parts.iter().enumerate() {
            text.push_str(p);
            if gap.get(i).copied().unwrap_or(false) {
                text.push(' ');
            }
        }
        for reference in [None, Some(d("2022")), Some(d("2022-05")), Some(d("2022-05-30")), Some(d("XXXX-05"))] {
            let v = tag_dates(&text, reference);
            check_mentions(&text, &v);
        }
        let _ = find_reference(&text);
    }
}

/// Throughput on ~10 MB of generated news-like text. Run with
/// `cargo test --release --test dates -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput_10mb() {
    let para = "Stung Treng governor led a delegation to Attapeu on Tuesday, where the two \
        sides signed an agreement on May 27, 2022 covering security and drug control. \
        Officials said 1,200 people crossed the checkpoint last week and that talks may \
        resume in early June or next month; the previous round was held in 2019. ";
    let mut text = String::with_capacity(10_500_000);
    while text.len() < 10_000_000 {
        text.push_str(para);
    }
    let t = std::time::Instant::now();
    let v = tag_dates(&text, Some(d("2022-05-30")));
    let secs = t.elapsed().as_secs_f64();
    let mb = text.len() as f64 / 1e6;
    println!(
        "tag_dates: {mb:.1} MB, {} mentions in {secs:.3} s = {:.1} MB/s",
        v.len(),
        mb / secs
    );
    assert!(!v.is_empty());
}

/// Day-first numeric dates of Cambodian and Lao provincial pages: a range
/// before the month ("12-14/06/2024", "20-21/05"), and a day and month with
/// no year where a date is expected ("on 15/03", "(08/05)"); a fraction is
/// no date.
#[test]
fn numeric_day_ranges_and_dates_without_a_year() {
    assert_eq!(
        mentions(
            "From 12-14/06/2024, villagers from Attopeu made an exchange visit to Siem Pang.",
            Some("2024-07-01")
        ),
        pairs(&[("12-14/06/2024", "2024-06-12")])
    );
    let m = tag_dates(
        "Teams of both districts will play on 20-21/05 at the stadium.",
        Some(d("2024-05-09")),
    );
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].date, Some(d("2024-05-20")));
    assert_eq!(m[0].end_date, Some(d("2024-05-21")));
    assert_eq!(
        mentions(
            "On Wednesday (08/05), the governor received the delegation; on 15/03 they met before.",
            Some("2024-05-09")
        ),
        pairs(&[
            ("Wednesday", "2024-05-08"),
            ("08/05", "2024-05-08"),
            ("15/03", "2024-03-15")
        ])
    );
    assert!(mentions(
        "About 3/4 of the budget and 24/7 patrols.",
        Some("2024-05-09")
    )
    .is_empty());
}

#[test]
fn a_resolve_to_hold_or_the_next_meeting_dates_forward() {
    // Published in February 2024: "in August" is to come.
    assert_eq!(
        mentions(
            "The two sides agreed to hold the next session in Phnom Penh in August.",
            Some("2024-02-14")
        ),
        pairs(&[("August", "2024-08")])
    );
    assert_eq!(
        mentions(
            "Their next meeting, in Pakse in September, should settle the matter.",
            Some("2024-10-02")
        ),
        pairs(&[("September", "2025-09")])
    );
    // Without such a cue the month is the last one past.
    assert_eq!(
        mentions("They met in Pakse in August.", Some("2024-02-14")),
        pairs(&[("August", "2023-08")])
    );
    // "next to" is a place, not a time to come.
    assert_eq!(
        mentions(
            "They met next to the checkpoint in August.",
            Some("2024-02-14")
        ),
        pairs(&[("August", "2023-08")])
    );
}

#[test]
fn days_of_a_month_named_relative_to_the_report() {
    let v = tag_dates(
        "From 21 to 23 of last month, rangers of both sides met in Stung Treng.",
        Some(d("2023-05-15")),
    );
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].date, Some(d("2023-04-21")));
    assert_eq!(
        mentions(
            "The fair runs 4-6 of next month in Pakse.",
            Some("2023-05-15")
        ),
        pairs(&[("4-6 of next month", "2023-06-04")])
    );
}

#[test]
fn the_last_week_of_a_month_is_that_month_not_last_week() {
    assert_eq!(
        mentions(
            "In the last week of August, villagers from Siem Pang visited Sanamxay.",
            Some("2019-09-30")
        ),
        pairs(&[("August", "2019-08")])
    );
    assert_eq!(
        mentions(
            "The patrols ran through the last month of the dry season and ended last week.",
            Some("2021-06-10")
        ),
        pairs(&[("last week", "2021-06")])
    );
}

#[test]
fn an_ordinal_day_after_on_without_the_is_a_day_of_the_month() {
    assert_eq!(
        mentions(
            "The meeting took place on 4th at the provincial police headquarters.",
            Some("2022-11-08")
        ),
        pairs(&[("4th", "2022-11-04")])
    );
    assert_eq!(
        mentions(
            "The two teams met on 12th and agreed on a hotline.",
            Some("2021-03-20")
        ),
        pairs(&[("12th", "2021-03-12")])
    );
    // A count stays a count.
    assert_eq!(
        mentions(
            "They met on 4th anniversary of the accord.",
            Some("2021-03-20")
        ),
        pairs(&[])
    );
}
