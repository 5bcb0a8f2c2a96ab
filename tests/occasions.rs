//! Occasions, not sentences: each rule of the mention-based extractor on
//! small articles written for these tests, every phenomenon in at least two
//! wordings. (None of these sentences comes from a real article.)

use border_atlas::extract::extract;
use border_atlas::load::load_bytes;

/// (date, kind, provinces) of every event of an article.
fn events(text: &str) -> Vec<(Option<String>, String, Vec<String>)> {
    let articles = load_bytes("fixture.txt", text.as_bytes()).expect("fixture loads");
    articles
        .iter()
        .flat_map(extract)
        .map(|e| {
            (
                e.date.map(|d| d.to_string()),
                e.kind.to_string(),
                e.provinces.iter().map(|p| p.to_string()).collect(),
            )
        })
        .collect()
}

fn dates(text: &str) -> Vec<Option<String>> {
    events(text).into_iter().map(|e| e.0).collect()
}

fn article(published: &str, body: &str) -> String {
    format!("Title: Fixture\nPublished: {published}\n\n{body}\n")
}

#[test]
fn a_dateline_dates_the_report_not_the_occasion_it_tells() {
    // The dash sticks to the next word.
    let a = article(
        "2019-06-14",
        "KPL Vientiane, June 14, 2019 -Cambodian Deputy Prime Minister Sar Kheng held talks with Lao officials in Pakse yesterday morning.",
    );
    assert_eq!(dates(&a), [Some("2019-06-13".to_string())]);
    // The dash starts the next line, and the occasion has its own dates.
    let b = article(
        "2015-05-20",
        "Stung Treng (Cambodia)/Pakse (Laos), 20 May 2015\n- From 4 to 6 May 2015, a border liaison meeting was held for officers of Stung Treng and Champasak.",
    );
    assert_eq!(
        events(&b),
        [(
            Some("2015-05-04".to_string()),
            "meeting".to_string(),
            vec!["KH-19".to_string(), "LA-CH".to_string()]
        )]
    );
}

#[test]
fn coordinated_dates_of_one_trigger_are_two_occasions() {
    let a = article(
        "2021-12-01",
        "Cambodia handed over medical supplies to Laos at the Stung Treng checkpoint this week. The earlier two donations from Cambodia to Laos were on Jan. 12, 2021 and on Sept. 3, 2021.",
    );
    let d = dates(&a);
    assert!(d.contains(&Some("2021-01-12".to_string())), "{d:?}");
    assert!(d.contains(&Some("2021-09-03".to_string())), "{d:?}");
    let b = article(
        "2019-03-01",
        "Lao and Cambodian police from Attapeu and Ratanakiri held joint patrols on Feb. 5, 2019 and again on Feb. 19, 2019.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2019-02-05".to_string()),
            Some("2019-02-19".to_string())
        ]
    );
}

#[test]
fn a_passive_handover_is_aid() {
    let a = article(
        "2021-09-28",
        "Some 100,000 vaccine doses from Cambodia were delivered today to Laos at the Champasak border.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2021-09-28".to_string()),
            "aid".to_string(),
            vec!["LA-CH".to_string()]
        )]
    );
    let b = article(
        "2020-04-10",
        "Two ambulances were handed over yesterday by Stung Treng province to Lao health officials.",
    );
    assert_eq!(
        events(&b),
        [(
            Some("2020-04-09".to_string()),
            "aid".to_string(),
            vec!["KH-19".to_string()]
        )]
    );
}

#[test]
fn an_occasion_going_on_as_the_report_is_written_takes_its_month() {
    let a = article(
        "2017-02-27",
        "Lao President Bounnhang Vorachith is visiting Cambodia despite tension along the border.",
    );
    assert_eq!(dates(&a), [Some("2017-02".to_string())]);
    let b = article(
        "2018-10-09",
        "A Cambodian delegation is on a three-day working visit to Attapeu province of Laos.",
    );
    assert_eq!(
        events(&b),
        [(
            Some("2018-10".to_string()),
            "visit".to_string(),
            vec!["LA-AT".to_string()]
        )]
    );
}

#[test]
fn background_does_not_hide_a_date_written_out() {
    let a = article(
        "2010-01-04",
        "Several accords had been signed during the visit to Cambodia of the Lao Prime Minister on 25th November, 2009.",
    );
    assert_eq!(dates(&a), [Some("2009-11-25".to_string())]);
    let b = article(
        "2016-01-04",
        "The friendship bridge between Stung Treng and Champasak had been inaugurated on 3 March 2015 by both governors.",
    );
    assert_eq!(dates(&b), [Some("2015-03-03".to_string())]);
    // Background without such a date is still not an occasion.
    let c = article(
        "2016-01-04",
        "Cambodia and Laos have been close partners since 1954 and have signed many accords.",
    );
    assert!(events(&c).is_empty());
}

#[test]
fn the_same_day_and_the_following_day_are_occasions_of_their_own() {
    let a = article(
        "2018-12-06",
        "Cambodian Prime Minister Hun Sen met Lao President Bounnhang Vorachith in Vientiane yesterday.\n\nOn the same day, Hun Sen also met with the President of the Lao National Assembly.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2018-12-05".to_string()),
            Some("2018-12-05".to_string())
        ]
    );
    let b = article(
        "2019-03-12",
        "The governors of Champasak and Stung Treng held talks in Pakse on March 10. The following day, the Cambodian delegation toured the Khone Phapheng falls.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2019-03-10".to_string()),
            Some("2019-03-11".to_string())
        ]
    );
}

#[test]
fn a_visit_and_the_talks_during_it_each_with_its_own_time_are_two_events() {
    let a = article(
        "2018-12-06",
        "Prime Minister Hun Sen paid a courtesy call on the Lao President in Vientiane yesterday afternoon, as part of his official visit to Laos from Dec. 5 to 6, 2018.",
    );
    let kinds: Vec<String> = events(&a).into_iter().map(|e| e.1).collect();
    assert_eq!(kinds, ["meeting", "visit"]);
    let b = article(
        "2022-05-30",
        "The Lao minister held talks with the Stung Treng governor on Friday during a working visit to Cambodia from May 25 to 28.",
    );
    assert_eq!(events(&b).len(), 2, "{:?}", events(&b));
    // One trigger, one time expression in apposition: one event.
    let c = article(
        "2020-03-07",
        "Friday morning, March 6, 2020, a Cambodian delegation returned from a visit to Attapeu province of Laos.",
    );
    assert_eq!(dates(&c), [Some("2020-03-06".to_string())]);
}

#[test]
fn a_restatement_further_down_is_the_same_event_with_the_closer_date() {
    let a = article(
        "2020-11-05",
        "A ceremony was held this week to mark the opening of a power line linking Laos and Cambodia in Champasak province.\n\nThe line is 18 km long.\n\nEngineers worked on it for two years.\n\nThe opening ceremony took place on Sunday in Champasak, with the Cambodian ambassador present.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2020-11-01".to_string()),
            "other".to_string(),
            vec!["LA-CH".to_string()]
        )]
    );
    // The same meeting told twice (a wire story pasted twice).
    let story =
        "Officials from Cambodia and Laos will meet in Pakse next week to discuss the border.";
    let b = article("2010-01-01", &format!("{story}\n\nMore later.\n\n{story}"));
    assert_eq!(events(&b).len(), 1, "{:?}", events(&b));
}

#[test]
fn a_closer_date_in_the_next_sentence_dates_the_occasion() {
    let a = article(
        "2010-01-01",
        "Officials from Cambodia and Laos will meet in Vientiane next week to discuss border markers. The Cambodian delegation is expected to leave on Tuesday.",
    );
    assert_eq!(dates(&a), [Some("2010-01-05".to_string())]);
    let b = article(
        "2023-06-16",
        "Governors of Attapeu and Ratanakiri will hold talks later this month. They are due to arrive in Banlung on June 27.",
    );
    assert_eq!(dates(&b), [Some("2023-06-27".to_string())]);
}

#[test]
fn where_a_person_lives_is_not_where_the_occasion_was() {
    let a = article(
        "2021-03-31",
        "Stung Treng police arrested a Laotian drug suspect on March 30. The man, a resident of Hat village, Champasak province, Laos, was carrying 3 kg of drugs.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2021-03-30".to_string()),
            "operation".to_string(),
            vec!["KH-19".to_string()]
        )]
    );
    let b = article(
        "2019-08-02",
        "Ratanakiri border police detained two Lao men, natives of Attapeu, on Thursday.",
    );
    assert_eq!(
        events(&b),
        [(
            Some("2019-08-01".to_string()),
            "operation".to_string(),
            vec!["KH-16".to_string()]
        )]
    );
}

#[test]
fn a_border_incident_is_an_occasion_too() {
    let a = article(
        "2017-02-27",
        "Troops of Laos and Cambodia are massing over a dispute that began on 8 February when Lao soldiers crossed into Siem Pang district.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2017-02-08".to_string()),
            "other".to_string(),
            vec!["KH-19".to_string()]
        )]
    );
    let b = article(
        "2017-08-20",
        "Cambodia said Lao troops trespassed into Stung Treng province on August 11.",
    );
    assert_eq!(dates(&b), [Some("2017-08-11".to_string())]);
}

#[test]
fn meeting_a_demand_is_not_a_meeting() {
    let a = article(
        "2024-01-19",
        "Cambodia buys power from Laos to meet electricity demand in Stung Treng.",
    );
    assert!(events(&a).is_empty(), "{:?}", events(&a));
    let b = article(
        "2024-01-19",
        "Laos is building dams in Attapeu to meet the growing needs of Cambodia.",
    );
    assert!(events(&b).is_empty(), "{:?}", events(&b));
}

#[test]
fn a_release_made_public_dates_the_report() {
    let a = article(
        "2017-08-11",
        "According to a statement made public this afternoon, Cambodia will ask Laos to withdraw its troops from Stung Treng.",
    );
    assert!(
        dates(&a).iter().all(|d| d.as_deref() != Some("2017-08-11")),
        "{:?}",
        events(&a)
    );
    let b = article(
        "2017-08-11",
        "In a letter published on Monday, Cambodia asked Laos to withdraw troops from Siem Pang.",
    );
    assert!(
        dates(&b).iter().all(|d| d.as_deref() != Some("2017-08-07")),
        "{:?}",
        events(&b)
    );
}

#[test]
fn the_year_of_a_document_or_plan_is_not_an_occasion() {
    let a = article(
        "2020-03-07",
        "The Cambodian and Lao ministers reviewed the minutes of cooperation in 2019 and signed a memorandum of cooperation for 2020 in Vientiane on Friday.",
    );
    assert_eq!(dates(&a), [Some("2020-03-06".to_string())]);
    let b = article(
        "2016-05-02",
        "Champasak and Stung Treng agreed on a joint plan for 2017 at their meeting on April 29.",
    );
    assert_eq!(dates(&b), [Some("2016-04-29".to_string())]);
    // So is "the agreement of the previous year" (the year it belongs to).
    let e = article(
        "2022-11-08",
        "Attapeu and Ratanakiri police met in Samakhixay on 4 November. At the meeting, both sides reviewed the implementation of the agreement of the previous year.",
    );
    assert_eq!(dates(&e), [Some("2022-11-04".to_string())]);
    let f = article(
        "2020-06-02",
        "Stung Treng and Champasak officials met in Pakse on 29 May and assessed the results of last year.",
    );
    assert_eq!(dates(&f), [Some("2020-05-29".to_string())]);
    // "for the coming year" is the plan's year too.
    let c = article(
        "2023-01-17",
        "Attapeu and Ratanakiri officials met in Samakhixay on 13 January. Participants reviewed the plan for 2022 and agreed on priorities for the coming year.",
    );
    assert_eq!(dates(&c), [Some("2023-01-13".to_string())]);
    let d = article(
        "2021-12-20",
        "Stung Treng and Champasak signed a cooperation plan for the next year at their meeting on December 18.",
    );
    assert_eq!(dates(&d), [Some("2021-12-18".to_string())]);
}

#[test]
fn vientiane_capital_is_the_venue_but_its_airport_is_not() {
    let a = article(
        "2020-03-06",
        "The Cambodian minister ended a three-day visit to Vientiane capital on Friday.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2020-03-06".to_string()),
            "visit".to_string(),
            vec!["LA-VT".to_string()]
        )]
    );
    let b = article(
        "2020-03-06",
        "The Lao delegation landed at Phnom Penh International Airport on Friday for a visit to Stung Treng.",
    );
    assert_eq!(
        events(&b),
        [(
            Some("2020-03-06".to_string()),
            "visit".to_string(),
            vec!["KH-19".to_string()]
        )]
    );
}

#[test]
fn an_occasion_of_one_side_alone_is_not_an_event_between_the_two() {
    let a = article(
        "2024-01-19",
        "Laos and Cambodia agreed on 13 January to raise power trade through Stung Treng.\n\nOn 9 November 2023, the Lao Prime Minister inaugurated a wind farm in Sekong province.",
    );
    assert_eq!(dates(&a), [Some("2024-01-13".to_string())]);
    let b = article(
        "2019-05-02",
        "Cambodian and Lao officials met in Pakse on April 30.\n\nOn May 1, Cambodia opened a new hospital in Kratie.",
    );
    assert_eq!(dates(&b), [Some("2019-04-30".to_string())]);
    // Both sides spoken of together still count.
    let c = article(
        "2019-03-15",
        "Cambodian and Lao ministers met in Pakse on Wednesday.\n\nEarlier this year, the two ministries signed a memorandum in Phnom Penh.",
    );
    assert_eq!(dates(&c).len(), 2, "{:?}", events(&c));
}

#[test]
fn people_handed_over_are_repatriated_not_donated() {
    let a = article(
        "2023-03-10",
        "The Lao side handed over 20 Cambodian workers to Stung Treng authorities on Monday.",
    );
    assert_eq!(events(&a)[0].1, "operation");
    let b = article(
        "2023-03-10",
        "Champasak police handed over two Cambodian suspects to their counterparts at the border on Tuesday.",
    );
    assert_eq!(events(&b)[0].1, "operation");
    // Goods handed over are still aid.
    let c = article(
        "2023-03-10",
        "Cambodia handed over ten trucks to Attapeu province of Laos on Monday.",
    );
    assert_eq!(events(&c)[0].1, "aid");
}

#[test]
fn the_place_a_delegation_goes_back_to_is_not_the_venue() {
    let a = article(
        "2022-11-15",
        "On Tuesday, the Lao Prime Minister is scheduled to visit Siem Reap before flying back to Vientiane.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2022-11-15".to_string()),
            "visit".to_string(),
            vec!["KH-17".to_string()]
        )]
    );
    let b = article(
        "2019-06-01",
        "The Cambodian delegation toured Pakse on Friday and returned to Phnom Penh the next evening.",
    );
    assert_eq!(
        events(&b)[0].2,
        vec!["LA-CH".to_string()],
        "{:?}",
        events(&b)
    );
    // Nor the crossing it goes home through.
    let c = article(
        "2009-11-27",
        "On Thursday the Champasak delegation held talks with Ratanakiri officials in Ban Lung.\n\nThe delegation then returned to Champasak via the Stung Treng border crossing.",
    );
    assert_eq!(events(&c)[0].2, ["KH-16", "LA-CH"], "{:?}", events(&c));
    let d = article(
        "2016-05-10",
        "Yesterday Attapeu officials visited Siem Pang and flew back home via Phnom Penh.",
    );
    assert_eq!(events(&d)[0].2, ["KH-19", "LA-AT"], "{:?}", events(&d));
}

#[test]
fn a_visit_is_between_the_two_sides_even_when_the_visitor_is_not_named_as_such() {
    let a = article(
        "2022-11-15",
        "Cambodia and Laos signed five accords yesterday.\n\nPhankham arrived in Phnom Penh on Sunday for a three-day official visit.",
    );
    assert!(
        dates(&a).contains(&Some("2022-11-13".to_string())),
        "{:?}",
        events(&a)
    );
    let b = article(
        "2022-11-15",
        "Laos and Cambodia agreed on new border gates yesterday.\n\nThe minister toured Stung Treng on Saturday.",
    );
    assert!(
        dates(&b).contains(&Some("2022-11-12".to_string())),
        "{:?}",
        events(&b)
    );
}

#[test]
fn a_time_expression_inside_a_relative_clause_dates_nothing_new() {
    // The handover is dated "this morning"; "last year" belongs to the crops.
    let a = article(
        "2024-02-20",
        "This morning, officials from Champasak handed over rice to 80 families in Stung Treng whose fields flooded last year.",
    );
    assert_eq!(dates(&a), [Some("2024-02-20".to_string())]);
    let b = article(
        "2019-05-10",
        "On Thursday the Attapeu governor donated seed to Ratanakiri farmers who had lost their harvest in 2018.",
    );
    assert_eq!(dates(&b), [Some("2019-05-09".to_string())]);
}

#[test]
fn each_date_dates_its_own_trigger_before_or_after_it() {
    let a = article(
        "2022-06-01",
        "Officials of Stung Treng and Champasak met in Pakse on May 27, and on May 28 they signed a memorandum on border trade.",
    );
    assert_eq!(
        events(&a)
            .into_iter()
            .map(|e| (e.0, e.1))
            .collect::<Vec<_>>(),
        [
            (Some("2022-05-27".to_string()), "meeting".to_string()),
            (Some("2022-05-28".to_string()), "agreement".to_string())
        ]
    );
    let b = article(
        "2018-03-10",
        "On 5 March the governors of Attapeu and Ratanakiri held talks, and on 6 March they toured the new checkpoint together.",
    );
    let got = dates(&b);
    assert_eq!(
        got.first(),
        Some(&Some("2018-03-05".to_string())),
        "{got:?}"
    );
}

#[test]
fn a_sentence_of_geography_links_no_province_to_the_event_before_it() {
    let a = article(
        "2024-02-20",
        "Yesterday Champasak officials handed over water jars to families in Siem Pang district of Stung Treng.\n\nStung Treng borders Laos to the north and Ratanakiri to the east.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2024-02-19".to_string()),
            "aid".to_string(),
            vec!["KH-19".to_string(), "LA-CH".to_string()]
        )]
    );
    let b = article(
        "2020-11-03",
        "On Monday, Ratanakiri police handed over rice to Lao villagers from Attapeu in Ban Lung.\n\nThe province is bordered by Mondulkiri to the south and by Vietnam to the east.",
    );
    assert!(
        events(&b)
            .iter()
            .all(|e| !e.2.contains(&"KH-11".to_string())),
        "{:?}",
        events(&b)
    );
}

#[test]
fn an_official_named_with_a_province_brings_it_to_a_later_occasion() {
    let a = article(
        "2017-05-09",
        "A delegation of the Preah Vihear Provincial Administration led by Provincial Governor H.E. Sok Nara visited Laos from 5 to 7 May.\n\nOn 6 May, H.E. Sok Nara held talks with officials in Pakse.",
    );
    let got = events(&a);
    let talks = got
        .iter()
        .find(|e| e.0.as_deref() == Some("2017-05-06"))
        .unwrap_or_else(|| panic!("the talks are an event: {got:?}"));
    assert_eq!(talks.2, ["KH-13", "LA-CH"]);
    let b = article(
        "2021-03-02",
        "Attapeu deputy governor Khamphet Vongsa welcomed the Cambodian visitors.\n\nYesterday Khamphet Vongsa and Ratanakiri officials signed a memorandum on malaria control.",
    );
    let got = events(&b);
    assert!(
        got.iter()
            .any(|e| e.0.as_deref() == Some("2021-03-01") && e.2 == ["KH-16", "LA-AT"]),
        "{got:?}"
    );
}

#[test]
fn a_date_inside_a_relative_clause_belongs_to_its_verb() {
    let a = article(
        "2018-07-30",
        "A Cambodian delegation on Sunday handed over cash to the authorities of Attapeu, where hundreds were left homeless by a flood last week.",
    );
    assert_eq!(dates(&a), [Some("2018-07-29".to_string())]);
    let b = article(
        "2016-03-15",
        "Champasak officials on Monday donated school kits to Stung Treng pupils, whose school burned down in 2015.",
    );
    assert_eq!(dates(&b), [Some("2016-03-14".to_string())]);
}

#[test]
fn a_counted_day_before_or_after_is_dated_from_the_previous_occasion() {
    let a = article(
        "2018-07-30",
        "On Saturday, Stung Treng trucks delivered rice to families in Attapeu.\n\nA day earlier, Lao and Cambodian rescuers carried out a joint search along the river in Siem Pang.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2018-07-28".to_string()),
            Some("2018-07-27".to_string())
        ]
    );
    let b = article(
        "2019-04-10",
        "On 2 April, the governors of Champasak and Preah Vihear met in Pakse.\n\nTwo days later, they signed a memorandum on border trade in Khong district.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2019-04-02".to_string()),
            Some("2019-04-04".to_string())
        ]
    );
    // The occasion dated from the one before, told of the same parties, is
    // between the same two sides, with their provinces, though its sentence
    // names one province.
    let c = article(
        "2020-09-20",
        "On 14 September the Stung Treng governor held talks with the Attapeu governor in Samakkhixay.\n\nThe following day the governors signed a memorandum on timber checks at a ceremony in Attapeu.",
    );
    assert_eq!(
        events(&c)
            .into_iter()
            .map(|e| (e.0, e.2))
            .collect::<Vec<_>>(),
        [
            (
                Some("2020-09-14".to_string()),
                vec!["KH-19".to_string(), "LA-AT".to_string()]
            ),
            (
                Some("2020-09-15".to_string()),
                vec!["KH-19".to_string(), "LA-AT".to_string()]
            )
        ]
    );
    // And its parties' provinces: the visitors are the delegation told before.
    let d = article(
        "2015-02-06",
        "A delegation of monks from Preah Vihear joined the Vat Phou festival in Champassak district on February 3.\n\nThe following day, the visitors presented robes and rice to a temple in Pakse.",
    );
    assert_eq!(
        events(&d)
            .into_iter()
            .map(|e| (e.0, e.2))
            .collect::<Vec<_>>(),
        [
            (
                Some("2015-02-03".to_string()),
                vec!["KH-13".to_string(), "LA-CH".to_string()]
            ),
            (
                Some("2015-02-04".to_string()),
                vec!["KH-13".to_string(), "LA-CH".to_string()]
            )
        ]
    );
}

#[test]
fn days_written_alone_take_the_month_in_context_and_respectively_splits_them() {
    let a = article(
        "2014-02-12",
        "Fisheries officers from Stung Treng and Champasak carried out joint patrols earlier this month near Don Det and Anlong Chheuteal, on the 3rd and 4th respectively.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2014-02-03".to_string()),
            Some("2014-02-04".to_string())
        ]
    );
    // A day still to come this month is last month's.
    let b = article(
        "2019-06-05",
        "Police of Attapeu and Ratanakiri held a joint operation on the 28th against timber smugglers.",
    );
    assert_eq!(dates(&b), [Some("2019-05-28".to_string())]);
    // An ordinal before a noun counts, it does not date.
    let c = article(
        "2013-12-14",
        "Lao and Cambodian delegates met on Wednesday in Siem Reap at the 13th ASEAN drug meeting.",
    );
    assert_eq!(dates(&c), [Some("2013-12-11".to_string())]);
}

#[test]
fn a_closer_date_in_the_same_sentence_dates_the_occasion() {
    let a = article(
        "2020-11-20",
        "Officials of Champasak and Preah Vihear met earlier this month in Pakse, on 6 November, to review border trade.",
    );
    assert_eq!(dates(&a), [Some("2020-11-06".to_string())]);
    let b = article(
        "2017-09-02",
        "Late last month Lao and Cambodian commanders held talks in Stung Treng, on August 29, to end the standoff near Champasak.",
    );
    assert_eq!(dates(&b), [Some("2017-08-29".to_string())]);
}

#[test]
fn two_days_joined_by_and_across_months_are_two_occasions() {
    let a = article(
        "2021-06-12",
        "Stung Treng received 5,000 face masks and 2,000 test kits from Champasak on May 20 and June 3 respectively.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2021-05-20".to_string()),
            Some("2021-06-03".to_string())
        ]
    );
    // "between … and …" is one span.
    let b = article(
        "2019-07-01",
        "Joint patrols of Attapeu and Ratanakiri police ran between May 20 and June 3 along the border.",
    );
    assert_eq!(dates(&b), [Some("2019-05-20".to_string())]);
}

#[test]
fn the_two_provinces_are_the_two_named_before() {
    let a = article(
        "2021-06-12",
        "Champasak sent oxygen concentrators to Stung Treng this morning.\n\nOn Thursday, the governors of the two provinces held a video conference on border control.",
    );
    let got = events(&a);
    assert!(
        got.iter()
            .any(|e| e.0.as_deref() == Some("2021-06-10") && e.2 == ["KH-19", "LA-CH"]),
        "{got:?}"
    );
    let b = article(
        "2018-04-20",
        "Ratanakiri and Attapeu officials opened a trade fair last month.\n\nYesterday both provinces signed a memorandum on cattle quarantine.",
    );
    let got = events(&b);
    assert!(
        got.iter()
            .any(|e| e.0.as_deref() == Some("2018-04-19") && e.2 == ["KH-16", "LA-AT"]),
        "{got:?}"
    );
}

#[test]
fn background_in_a_relative_clause_does_not_hide_the_occasion() {
    let a = article(
        "2019-03-20",
        "Health officials from Ratanakiri and Attapeu met in Ban Lung last week on malaria along their shared border, where loggers remain at high risk.",
    );
    assert_eq!(dates(&a), [Some("2019-03".to_string())]);
    let b = article(
        "2020-01-10",
        "Yesterday Champasak and Stung Treng officials met at the Dong Kralor checkpoint, which has been open since 2008.",
    );
    assert_eq!(dates(&b), [Some("2020-01-09".to_string())]);
}

#[test]
fn a_capital_in_a_venue_name_or_address_is_the_venue() {
    let a = article(
        "2019-07-23",
        "The meeting of the Cambodia-Laos boundary commission was held from 19 to 21 July 2019 at the Sokha Hotel, Phnom Penh.",
    );
    assert_eq!(events(&a)[0].2, ["KH-12"], "{:?}", events(&a));
    let b = article(
        "2015-03-02",
        "Lao and Cambodian trade officials met on Friday at the Lao Plaza Hotel, Vientiane.",
    );
    assert_eq!(events(&b)[0].2, ["LA-VT"], "{:?}", events(&b));
    // A capital as the voice of its government is not a venue.
    let c = article(
        "2017-08-15",
        "Phnom Penh accused Lao troops of crossing into Stung Treng on Monday, and talks were held in Champasak.",
    );
    assert!(
        events(&c)
            .iter()
            .all(|e| !e.2.contains(&"KH-12".to_string())),
        "{:?}",
        events(&c)
    );
}

#[test]
fn a_span_of_years_dates_a_plan_or_season_not_an_occasion() {
    let a = article(
        "2019-07-23",
        "The two sides agreed to carry out field surveys near Stung Treng and Champasak during the 2019-2020 dry season.",
    );
    assert_eq!(dates(&a), [None::<String>], "{:?}", events(&a));
    let b = article(
        "2019-10-24",
        "Yesterday the Lao and Cambodian ministers signed an education plan for 2020-2025 in Phnom Penh.",
    );
    assert_eq!(dates(&b), [Some("2019-10-23".to_string())]);
}

#[test]
fn talks_on_a_later_day_of_a_visit_take_place_where_the_visit_is() {
    let a = article(
        "2023-09-29",
        "The Cambodian Prime Minister arrived in Vientiane on Tuesday for a four-day official visit to Laos.\n\nThe two prime ministers held official talks at the Prime Minister's Office on Wednesday morning.",
    );
    let got = events(&a);
    assert!(
        got.iter()
            .any(|e| e.0.as_deref() == Some("2023-09-27") && e.2 == ["LA-VT"]),
        "{got:?}"
    );
    let b = article(
        "2019-05-10",
        "A Stung Treng delegation began a working visit to Champasak province on 6 May.\n\nOn 8 May the Lao and Cambodian officials signed a memorandum on fisheries.",
    );
    let got = events(&b);
    assert!(
        got.iter()
            .any(|e| e.0.as_deref() == Some("2019-05-08") && e.2 == ["KH-19", "LA-CH"]),
        "{got:?}"
    );
}

#[test]
fn a_date_after_since_and_a_gerund_dates_that_verb() {
    let a = article(
        "2023-09-27",
        "The Cambodian Prime Minister arrived in Vientiane on Tuesday for an official visit, his first trip to Laos since taking office in August.",
    );
    assert_eq!(dates(&a), [Some("2023-09-26".to_string())]);
    let b = article(
        "2016-04-02",
        "Yesterday the new Attapeu governor paid his first visit to Ratanakiri after being appointed in January.",
    );
    assert_eq!(dates(&b), [Some("2016-04-01".to_string())]);
}

#[test]
fn membership_and_hopes_are_not_occasions() {
    let a = article(
        "2021-04-08",
        "On Tuesday leaders of Attapeu and Vietnam's Kon Tum signed a cooperation plan.\n\nBoth provinces are members of the development triangle, which also includes Cambodia's Ratanakiri and Stung Treng provinces.",
    );
    assert!(
        events(&a)
            .iter()
            .all(|e| !e.2.iter().any(|p| p.starts_with("KH"))),
        "{:?}",
        events(&a)
    );
    let b = article(
        "2021-04-08",
        "On Tuesday Attapeu officials met Kon Tum officials in Samakkhixay.\n\nThey said they hoped a meeting with the Cambodian provinces of Stung Treng and Ratanakiri could be arranged next year.",
    );
    assert!(
        events(&b)
            .iter()
            .all(|e| !e.2.iter().any(|p| p.starts_with("KH"))),
        "{:?}",
        events(&b)
    );
}

#[test]
fn people_handed_back_are_an_operation_even_after_a_restrictive_relative_clause() {
    let a = article(
        "2022-03-10",
        "Fourteen Cambodian women who had been lured to jobs in Champasak were handed back to Stung Treng police yesterday at the Trapeang Kriel checkpoint.",
    );
    assert_eq!(
        events(&a)
            .into_iter()
            .map(|e| (e.0, e.1))
            .collect::<Vec<_>>(),
        [(Some("2022-03-09".to_string()), "operation".to_string())]
    );
    let b = article(
        "2020-03-12",
        "On Sunday, officers from Champasak's Khong district handed over to the Stung Treng cantonment two Cambodian fishermen caught with illegal gear.",
    );
    assert_eq!(
        events(&b)
            .into_iter()
            .map(|e| (e.0, e.1))
            .collect::<Vec<_>>(),
        [(Some("2020-03-08".to_string()), "operation".to_string())]
    );
}

#[test]
fn a_river_written_with_the_links_no_province() {
    let a = article(
        "2018-07-27",
        "On Tuesday the Stung Treng and Attapeu governors agreed by telephone to share water levels of the Sekong every hour.",
    );
    assert_eq!(events(&a)[0].2, ["KH-19", "LA-AT"], "{:?}", events(&a));
    let b = article(
        "2019-02-02",
        "Yesterday Ratanakiri and Attapeu fishery officers patrolled along the Sesan near Ban Lung.",
    );
    assert_eq!(events(&b)[0].2, ["KH-16", "LA-AT"], "{:?}", events(&b));
}

#[test]
fn coordinated_ordinals_before_a_noun_count_centuries_not_days() {
    let a = article(
        "2015-02-06",
        "On February 5 Stung Treng monks met Champasak officials at Vat Phou, which was expanded in the 11th and 12th centuries.",
    );
    assert_eq!(dates(&a), [Some("2015-02-05".to_string())]);
    let b = article(
        "2015-02-06",
        "Yesterday Preah Vihear and Champasak officials held talks on the 9th or 10th century temple sites.",
    );
    assert_eq!(dates(&b), [Some("2015-02-05".to_string())]);
}

#[test]
fn an_understanding_reached_on_a_day_is_dated_by_it() {
    let a = article(
        "2017-08-18",
        "The deal built on an understanding reached on Wednesday by commanders from Stung Treng and Attapeu, who met in Siem Pang district.",
    );
    assert_eq!(dates(&a), [Some("2017-08-16".to_string())]);
    // Reaching a person for comment still dates nothing.
    let b = article(
        "2017-08-18",
        "Officials of Stung Treng and Attapeu met last week, a spokesman said when reached on Friday.",
    );
    assert_eq!(dates(&b), [Some("2017-08".to_string())]);
}

#[test]
fn the_occasion_on_the_sidelines_is_the_signing_not_the_meeting() {
    let a = article(
        "2019-11-29",
        "On the sidelines of the meeting, the Attapeu and Ratanakiri governors signed a memorandum on border trade on Wednesday evening.",
    );
    assert_eq!(
        events(&a).into_iter().map(|e| e.1).collect::<Vec<_>>(),
        ["agreement"]
    );
    let b = article(
        "2019-11-29",
        "The visitors presented robes, rice and 20 million kip in cash to a temple in Pakse on Thursday, Stung Treng officials said.",
    );
    assert_eq!(
        events(&b).into_iter().map(|e| e.1).collect::<Vec<_>>(),
        ["aid"]
    );
}

#[test]
fn places_in_a_relative_clause_of_background_take_no_part() {
    let a = article(
        "2022-12-06",
        "Ratanakiri and Vietnam's Gia Lai officials met in Ban Lung on Saturday.\n\nRatanakiri, which shares borders with both Vietnam and Laos' Attapeu province, is known for its rubber.",
    );
    assert!(
        events(&a).is_empty(),
        "no Lao side takes part: {:?}",
        events(&a)
    );
    let b = article(
        "2019-03-02",
        "On Friday Champasak officials handed over rice to Stung Treng.\n\nStung Treng, which shares a border with Ratanakiri and Preah Vihear, received the rice at the provincial hall.",
    );
    assert!(
        events(&b)
            .iter()
            .all(|e| !e.2.contains(&"KH-16".to_string()) && !e.2.contains(&"KH-13".to_string())),
        "{:?}",
        events(&b)
    );
}

#[test]
fn a_fair_or_a_line_switched_on_is_an_occasion() {
    let a = article(
        "2019-03-18",
        "The first Cambodia-Laos Border Trade and Tourism Fair, held in Stung Treng town on March 12-14, drew traders from Champasak and Attapeu.",
    );
    assert_eq!(dates(&a), [Some("2019-03-12".to_string())]);
    let b = article(
        "2016-09-21",
        "The Cambodian power utility on Monday energised a new transmission line that brings electricity from Champasak to Stung Treng.",
    );
    assert_eq!(dates(&b), [Some("2016-09-19".to_string())]);
}

#[test]
fn a_quotation_telling_a_dated_day_states_that_occasion() {
    let a = article(
        "2022-03-10",
        "Stung Treng police received 14 women from Champasak yesterday.\n\n\"On Monday the Lao police also handed over two suspected brokers to us at the checkpoint,\" a Stung Treng officer said.",
    );
    let got = dates(&a);
    assert!(got.contains(&Some("2022-03-07".to_string())), "{got:?}");
    // A quotation about what will be, with no day, still opens nothing.
    let b = article(
        "2022-03-10",
        "Stung Treng police met Champasak police yesterday.\n\n\"We will sign an agreement with Laos soon,\" the officer said.",
    );
    assert_eq!(dates(&b), [Some("2022-03-09".to_string())]);
}

#[test]
fn flying_to_a_place_is_a_visit_and_a_phone_call_a_meeting() {
    let a = article(
        "2023-09-29",
        "This morning, the Cambodian Prime Minister flew to Pakse, where he was received by the Champasak governor.",
    );
    assert_eq!(
        events(&a).into_iter().map(|e| e.1).collect::<Vec<_>>(),
        ["visit"]
    );
    let b = article(
        "2018-07-27",
        "On Tuesday the Stung Treng governor spoke by telephone with the Attapeu governor about the flood.",
    );
    assert_eq!(
        events(&b).into_iter().map(|e| e.1).collect::<Vec<_>>(),
        ["meeting"]
    );
}

#[test]
fn both_provinces_are_the_two_named_before_its_own_sentence() {
    let a = article(
        "2019-03-20",
        "Champasak and Thailand's Ubon Ratchathani officials met at the checkpoint on March 14.\n\nCambodia's Preah Vihear province, which meets both provinces at the Emerald Triangle, is not part of the arrangement.",
    );
    assert!(
        events(&a)
            .iter()
            .all(|e| !e.2.contains(&"KH-13".to_string())),
        "{:?}",
        events(&a)
    );
    let b = article(
        "2021-06-12",
        "Champasak sent masks to Stung Treng on June 3.\n\nOn Thursday, the governors of both provinces held a video conference on border control.",
    );
    let got = events(&b);
    assert!(
        got.iter()
            .any(|e| e.0.as_deref() == Some("2021-06-10") && e.2.contains(&"KH-19".to_string())),
        "{got:?}"
    );
}

#[test]
fn a_week_later_is_dated_from_the_previous_occasion() {
    let a = article(
        "2016-10-25",
        "On Oct. 4 Lao police and Ratanakiri officials raided a logging camp in Attapeu.\n\nA week later, the suspects were handed over to Ratanakiri police at the border.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2016-10-04".to_string()),
            Some("2016-10-11".to_string())
        ]
    );
    let b = article(
        "2019-05-30",
        "On 20 May Champasak and Stung Treng officials met in Pakse.\n\nTwo weeks earlier, the two sides had held a joint patrol along the Mekong near Khong district.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2019-05-20".to_string()),
            Some("2019-05-06".to_string())
        ]
    );
}

#[test]
fn a_meeting_concluded_yesterday_and_opened_earlier_is_one_from_its_first_day() {
    let a = article(
        "2019-11-29",
        "Provincial leaders from Cambodia and Laos yesterday concluded the 12th coordination meeting in Samakkhixay, Attapeu province.\n\nThe two-day meeting, which opened on 27 November, was attended by the Ratanakiri governor.",
    );
    assert_eq!(dates(&a), [Some("2019-11-27".to_string())]);
    let b = article(
        "2015-05-08",
        "The Stung Treng and Champasak delegations wrapped up their border talks in Pakse on Thursday.\n\nThe talks, which began on Tuesday, reviewed fishing rules.",
    );
    assert_eq!(dates(&b), [Some("2015-05-05".to_string())]);
}

#[test]
fn hard_wrapped_lines_read_as_one_line() {
    let a = article(
        "2022-03-10",
        "In February, the Attapeu agriculture office handed\nover 5,000 coffee seedlings to farmers of Ratanakiri province.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2022-02".to_string()),
            "aid".to_string(),
            vec!["KH-16".to_string(), "LA-AT".to_string()]
        )]
    );
    let b = article(
        "2020-07-02",
        "Police from Stung Treng and Champasak carried out a\r\njoint patrol on the Mekong on Tuesday.",
    );
    assert_eq!(dates(&b), [Some("2020-06-30".to_string())]);
}

#[test]
fn a_following_day_counts_from_the_last_occasion_dated_to_the_day() {
    let a = article(
        "2019-11-20",
        "Officials of Attapeu and Ratanakiri met in Phouvong on Monday. Last month, officers of the two provinces jointly inspected cattle at the border. The following day, the Ratanakiri delegation toured a market in Attapeu town.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2019-11-18".to_string()),
            Some("2019-10".to_string()),
            Some("2019-11-19".to_string())
        ]
    );
    let b = article(
        "2021-05-30",
        "Stung Treng and Champasak governors held talks in Pakse on May 25. In April, the two provinces had carried out a joint patrol on the Mekong. Two days later, the governors signed the minutes in Pakse.",
    );
    assert_eq!(dates(&b).last(), Some(&Some("2021-05-27".to_string())));
}

#[test]
fn came_days_after_dates_the_occasion_it_tells_before_the_one_told() {
    let a = article(
        "2024-10-11",
        "The prime ministers of Laos and Cambodia held talks in Vientiane on October 9. The talks came two days after transport officials from Champasak and Stung Treng met in Stung Treng town.",
    );
    assert_eq!(
        events(&a).last(),
        Some(&(
            Some("2024-10-07".to_string()),
            "meeting".to_string(),
            vec!["KH-19".to_string(), "LA-CH".to_string()]
        ))
    );
    let b = article(
        "2022-10-12",
        "Champasak University handed over 20 scholarships to students from Stung Treng province on October 12. The ceremony came a day after the Champasak rector and the Stung Treng education director signed a memorandum on exchanges.",
    );
    let got = events(&b);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].0.as_deref(), Some("2022-10-11"));
    assert_eq!(got[1].1, "agreement");
    // With its own date, the told occasion keeps it.
    let c = article(
        "2021-08-19",
        "Stung Treng donated medical supplies to Champasak on Tuesday. The handover came a day after the two governors held a video conference on Monday.",
    );
    assert_eq!(
        dates(&c),
        [
            Some("2021-08-17".to_string()),
            Some("2021-08-16".to_string())
        ]
    );
}

#[test]
fn a_later_part_of_the_same_day_is_a_further_occasion_on_that_day() {
    let a = article(
        "2023-06-20",
        "Phnom Penh, June 20 (AKP) -- This morning, the Lao speaker held talks with his Cambodian counterpart at the National Assembly in Phnom Penh, and in the afternoon he paid a courtesy call on the Prime Minister at the Peace Palace.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2023-06-20".to_string()),
            Some("2023-06-20".to_string())
        ]
    );
    let b = article(
        "2018-03-02",
        "Governors of Champasak and Preah Vihear met in Pakse on March 1; later that day they visited the Nong Nokkhien checkpoint.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2018-03-01".to_string()),
            Some("2018-03-01".to_string())
        ]
    );
    // Alone, a part of the day is the day already told.
    let c = article(
        "2024-04-18",
        "A Stung Treng troupe visited Pakse on April 14. The performers joined a ceremony at the temple, and in the evening they danced at the Champasak cultural hall.",
    );
    assert_eq!(dates(&c), [Some("2024-04-14".to_string())]);
}

#[test]
fn a_total_over_a_year_is_no_occasion_but_still_another_time() {
    // The count of a year is no operation of that year.
    let a = article(
        "2019-03-14",
        "Police of Ratanakiri and Attapeu seized 40,000 pills in a joint operation on Sunday. Cambodian authorities seized more than four tonnes of drugs in 2018, according to officials.",
    );
    assert_eq!(dates(&a), [Some("2019-03-10".to_string())]);
    let b = article(
        "2018-07-24",
        "Officials of Preah Vihear and Champasak met in Tbaeng Meanchey yesterday. Some 1,200 cubic metres of rosewood were seized in Preah Vihear in 2017.",
    );
    assert_eq!(dates(&b), [Some("2018-07-23".to_string())]);
    // And the sentence after it is not drawn into the occasion before.
    let c = article(
        "2023-05-26",
        "Officials of Champasak and Stung Treng inspected the Trapeang Kriel checkpoint on Wednesday. Trade across the checkpoint was worth about 90 million dollars in 2022. Ratanakiri hopes to open a crossing of its own with Attapeu.",
    );
    assert_eq!(
        events(&c),
        [(
            Some("2023-05-24".to_string()),
            "operation".to_string(),
            vec!["KH-19".to_string(), "LA-CH".to_string()]
        )]
    );
}

#[test]
fn what_someone_said_would_happen_is_dated_forward() {
    let a = article(
        "2019-03-14",
        "Ratanakiri police chief Kimsan said officers of Ratanakiri and Attapeu would meet again in Samakkhixay district on April 5.",
    );
    assert_eq!(dates(&a), [Some("2019-04-05".to_string())]);
    let b = article(
        "2020-11-20",
        "The Champasak governor said the two provinces would sign the plan with Stung Treng on January 12.",
    );
    assert_eq!(dates(&b), [Some("2021-01-12".to_string())]);
}

#[test]
fn days_of_a_weekly_schedule_date_nothing() {
    let a = article(
        "2022-11-15",
        "Officials of Champasak and Stung Treng met at the Trapeang Kriel checkpoint on October 20. At that meeting, both sides agreed that market days would be limited to Saturday and Sunday.",
    );
    assert_eq!(dates(&a), [Some("2022-10-20".to_string())]);
    let b = article(
        "2021-06-10",
        "Ratanakiri and Attapeu health officers met in Ban Lung on Monday and agreed to exchange case data every Friday.",
    );
    assert_eq!(dates(&b), [Some("2021-06-07".to_string())]);
}

#[test]
fn a_restrictive_relative_clause_is_not_the_main_clause() {
    // "that had been shut since …" is background about the market, not
    // about the reopening.
    let a = article(
        "2022-11-15",
        "Lao and Cambodian officials reopened the Nong Nokkhien border market in Champasak on Sunday, a market that had been shut since the pandemic began.",
    );
    assert_eq!(dates(&a), [Some("2022-11-13".to_string())]);
    let b = article(
        "2019-04-03",
        "Stung Treng and Champasak officials on Monday reopened a river crossing that has been closed since floods in 2018.",
    );
    assert_eq!(dates(&b), [Some("2019-04-01".to_string())]);
}

#[test]
fn a_day_that_owns_a_noun_dates_that_noun() {
    // "today's decisions" dates the decisions, not next week's meeting.
    let a = article(
        "2020-03-18",
        "Ratanakiri and Attapeu border officials will meet at the Ta Veaeng border post on March 25 to put today's decisions into practice.",
    );
    assert_eq!(dates(&a), [Some("2020-03-25".to_string())]);
    let b = article(
        "2020-03-18",
        "Officials of Stung Treng and Champasak will meet next week to carry out yesterday's plan.",
    );
    assert_eq!(dates(&b), [Some("2020-03".to_string())]);
    // Yet "Monday's meeting" is the meeting of Monday.
    let c = article(
        "2020-03-18",
        "Monday's meeting of Stung Treng and Champasak officials in Pakse agreed on joint patrols.",
    );
    assert_eq!(dates(&c), [Some("2020-03-16".to_string())]);
}

#[test]
fn a_day_before_the_occasion_just_told_counts_from_it() {
    let a = article(
        "2019-11-26",
        "A power line between Champasak and Stung Treng was inaugurated at Ban Hat on Saturday. The two ministers held talks in Pakse the day before the inauguration.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2019-11-23".to_string()),
            Some("2019-11-22".to_string())
        ]
    );
    let b = article(
        "2021-04-10",
        "Governors of Attapeu and Ratanakiri held talks in Ban Lung on April 6. The day after the talks, officials of the two provinces signed a trade plan.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2021-04-06".to_string()),
            Some("2021-04-07".to_string())
        ]
    );
}

#[test]
fn a_span_of_two_months_is_one_occasion() {
    let a = article(
        "2019-10-03",
        "Joint survey teams of Preah Vihear and Champasak checked the border markers in March and April this year.",
    );
    assert_eq!(dates(&a), [Some("2019-03".to_string())]);
    let b = article(
        "2021-07-01",
        "Joint medical teams from Laos and Cambodia screened villagers in Attapeu and Ratanakiri in May and June.",
    );
    assert_eq!(dates(&b), [Some("2021-05".to_string())]);
}

#[test]
fn a_sentence_that_follows_the_occasion_tells_the_one_before_it() {
    let a = article(
        "2018-07-24",
        "Forestry officials from Preah Vihear and Champasak met in Tbaeng Meanchey yesterday. The talks came after a joint search last week in Choam Ksant district by Cambodian rangers and Lao forestry officers.",
    );
    assert_eq!(
        events(&a),
        [
            (
                Some("2018-07-23".to_string()),
                "meeting".to_string(),
                vec!["KH-13".to_string(), "LA-CH".to_string()]
            ),
            (
                Some("2018-07".to_string()),
                "operation".to_string(),
                vec!["KH-13".to_string()]
            )
        ]
    );
    let b = article(
        "2021-09-24",
        "Stung Treng handed over vaccines to Champasak on Thursday. The donation followed a request by the Champasak governor during a video conference with Stung Treng officials on September 3.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2021-09-23".to_string()),
            Some("2021-09-03".to_string())
        ]
    );
}

#[test]
fn border_provinces_listed_to_describe_the_border_take_no_part() {
    let a = article(
        "2023-06-20",
        "Phnom Penh, June 20 (AKP) -- The Lao and Cambodian parliament speakers held talks at the National Assembly in Phnom Penh this morning. They also encouraged the border provinces of both countries - Stung Treng, Ratanakiri and Preah Vihear on the Cambodian side and Champasak and Attapeu on the Lao side - to cooperate more closely.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2023-06-20".to_string()),
            "meeting".to_string(),
            vec!["KH-12".to_string()]
        )]
    );
    let b = article(
        "2023-02-16",
        "The Lao and Cambodian foreign ministers held talks in Phnom Penh on Wednesday. Both welcomed progress in demarcating the common border, which stretches some 540 km through Stung Treng, Ratanakiri and Preah Vihear in Cambodia and Champasak and Attapeu in Laos.",
    );
    assert_eq!(
        events(&b),
        [(
            Some("2023-02-15".to_string()),
            "meeting".to_string(),
            vec!["KH-12".to_string()]
        )]
    );
}

#[test]
fn when_a_measure_takes_effect_is_no_occasion() {
    let a = article(
        "2019-05-27",
        "Khong and Thala Barivat district officials met at the Nong Nokkhien checkpoint on Saturday. Under the minutes signed at the meeting, the crossing will open until 8pm, starting next month.",
    );
    assert_eq!(dates(&a), [Some("2019-05-25".to_string())]);
    let b = article(
        "2021-03-02",
        "Attapeu and Ratanakiri agreed on Monday to share case data daily, effective from March 15.",
    );
    assert_eq!(dates(&b), [Some("2021-03-01".to_string())]);
}

#[test]
fn numbered_days_and_what_follows_count_from_the_occasion_told() {
    let a = article(
        "2017-05-06",
        "A Ratanakiri delegation visited Attapeu province from May 3 to 4. On the first day, the two sides held talks in Samakhixay. On the second day, the two sides signed the minutes of the meeting.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2017-05-03".to_string()),
            Some("2017-05-03".to_string()),
            Some("2017-05-04".to_string())
        ]
    );
    // Counted from the first of two days told (one stretch).
    let c = article(
        "2017-05-06",
        "A Ratanakiri delegation visited Attapeu province on the 3rd and 4th of this month. On the first day, the two sides held talks in Samakhixay.",
    );
    assert_eq!(
        dates(&c),
        [
            Some("2017-05-03".to_string()),
            Some("2017-05-03".to_string())
        ]
    );
    // A signing on the second day is its own occasion, by another wording.
    let b = article(
        "2018-03-10",
        "Stung Treng officials visited Champasak from March 6 to 8. On the third day, the two provinces signed a plan for joint patrols.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2018-03-06".to_string()),
            Some("2018-03-08".to_string())
        ]
    );
}

#[test]
fn a_first_signing_years_ago_is_an_occasion_of_that_year() {
    let a = article(
        "2019-12-10",
        "Champasak and Stung Treng officials met in Pakse on Sunday. Champasak and Stung Treng signed their first memorandum of understanding on cooperation in 2008 and have held meetings every year since.",
    );
    assert_eq!(
        dates(&a),
        [Some("2019-12-08".to_string()), Some("2008".to_string())]
    );
    let b = article(
        "2022-07-23",
        "Preah Vihear and Champasak signed their first cooperation agreement in 2014, and their officials meet regularly.",
    );
    assert_eq!(
        events(&b).first().map(|e| e.0.clone()),
        Some(Some("2014".to_string()))
    );
}

#[test]
fn a_visit_told_by_its_end_began_its_length_before() {
    let a = article(
        "2024-05-25",
        "The Lao National Assembly president returned home on Friday after a four-day official visit to Cambodia. He had arrived in Phnom Penh on Tuesday.",
    );
    assert_eq!(dates(&a), [Some("2024-05-21".to_string())]);
    let b = article(
        "2019-03-09",
        "The Attapeu governor left Ban Lung on March 8 after a three-day working visit to Ratanakiri.",
    );
    assert_eq!(dates(&b), [Some("2019-03-06".to_string())]);
}

#[test]
fn the_border_told_by_the_provinces_that_share_it_links_none_of_them() {
    let a = article(
        "2024-05-25",
        "On Thursday, the Lao delegation travelled to Stung Treng and met the governor of Champasak at the Trapeang Kriel checkpoint. The Laos-Cambodia border, about 540 km long, is shared by Champasak and Attapeu provinces in Laos and Stung Treng, Ratanakiri and Preah Vihear provinces in Cambodia.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2024-05-23".to_string()),
            "visit".to_string(),
            vec!["KH-19".to_string(), "LA-CH".to_string()]
        )]
    );
    let b = article(
        "2024-03-07",
        "Officials of Attapeu and Ratanakiri held talks in Ban Lung on Thursday. On the Lao side it runs through Champasak and Attapeu provinces, and on the Cambodian side through Preah Vihear, Stung Treng and Ratanakiri.",
    );
    assert_eq!(
        events(&b),
        [(
            Some("2024-03-07".to_string()),
            "meeting".to_string(),
            vec!["KH-16".to_string(), "LA-AT".to_string()]
        )]
    );
}

#[test]
fn a_clause_counted_from_the_occasion_of_its_sentence_is_another_occasion() {
    let a = article(
        "2024-01-23",
        "PHNOM PENH, Jan. 23 (Xinhua) -- Cambodian Prime Minister Hun Manet on Tuesday received a courtesy call from the Lao foreign minister in Phnom Penh, a day after the minister co-chaired a meeting of the Cambodia-Laos joint commission.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2024-01-23".to_string()),
            Some("2024-01-22".to_string())
        ]
    );
    let b = article(
        "2021-05-12",
        "Stung Treng police handed over two Lao suspects to Champasak police on May 9, two days before the two provinces signed a new plan against trafficking.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2021-05-09".to_string()),
            Some("2021-05-11".to_string())
        ]
    );
}

#[test]
fn the_main_clause_names_the_kind() {
    let a = article(
        "2023-11-15",
        "Ratanakiri and Attapeu officials signed the minutes in Ban Lung on Tuesday, which include a plan to organise a joint trade fair next year.",
    );
    assert_eq!(
        events(&a).first().map(|e| e.1.clone()),
        Some("agreement".to_string())
    );
    let b = article(
        "2022-08-03",
        "Champasak and Stung Treng police carried out a joint patrol on the Mekong on Monday, which the governors had agreed on at a ceremony in June.",
    );
    assert_eq!(
        events(&b).first().map(|e| e.1.clone()),
        Some("operation".to_string())
    );
}

#[test]
fn the_two_sides_of_an_occasion_referred_back_to_are_its_parties() {
    let a = article(
        "2023-11-15",
        "Officials of Ratanakiri and Attapeu held their annual meeting in Ban Lung from 13 to 14 November. At the end of the meeting on Tuesday, the two sides signed the minutes.",
    );
    assert_eq!(
        events(&a).last(),
        Some(&(
            Some("2023-11-14".to_string()),
            "agreement".to_string(),
            vec!["KH-16".to_string(), "LA-AT".to_string()]
        ))
    );
    let b = article(
        "2019-12-13",
        "Governors of Preah Vihear and Champasak opened talks in Pakse on Wednesday. At the close of the talks on Thursday, both sides agreed to open a temporary crossing.",
    );
    assert_eq!(
        events(&b).last().map(|e| e.2.clone()),
        Some(vec!["KH-13".to_string(), "LA-CH".to_string()])
    );
}

#[test]
fn a_headline_dates_the_opening_that_has_no_date_of_its_own() {
    let titled = |title: &str, published: &str, body: &str| {
        format!("Title: {title}\nPublished: {published}\n\n{body}\n")
    };
    let a = titled(
        "Champasak, Stung Treng agree to extend checkpoint hours at May 25 meeting",
        "2019-05-27",
        "Officials of Champasak province's Khong district and Stung Treng province's Thala Barivat district have agreed to extend the opening hours of the Nong Nokkhien checkpoint.",
    );
    assert_eq!(dates(&a), [Some("2019-05-25".to_string())]);
    let b = titled(
        "Preah Vihear, Champasak officials survey border road on Sept. 26",
        "2019-10-07",
        "Officials from Preah Vihear province and Champasak province have carried out a joint survey of a planned road across the border. On Oct. 2, officials of both sides met in Tbaeng Meanchey to discuss the findings.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2019-09-26".to_string()),
            Some("2019-10-02".to_string())
        ]
    );
    // A headline date never overrides the opening's own date.
    let c = titled(
        "Governors meet on May 2",
        "2019-05-10",
        "The governors of Attapeu and Ratanakiri met in Ban Lung on May 8.",
    );
    assert_eq!(dates(&c), [Some("2019-05-08".to_string())]);
}

#[test]
fn days_later_count_from_the_end_of_a_stretch_unless_its_first_day_was_told() {
    // Two coordinated days are one stretch; the following day is after it.
    let a = article(
        "2022-04-08",
        "Health officials from Ratanakiri and Attapeu met in Banlung on the 5th and 6th. The following day, the Ratanakiri health department handed over 5,000 bed nets to Attapeu.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2022-04-05".to_string()),
            Some("2022-04-07".to_string())
        ]
    );
    let b = article(
        "2022-02-15",
        "Soldiers of Champasak and Preah Vihear conducted a joint patrol from 7 to 11 February. Two days later, the Lao side handed the suspects over to Preah Vihear police.",
    );
    assert_eq!(dates(&b).last(), Some(&Some("2022-02-13".to_string())));
    // After the opening ceremony has been told, the following day is the
    // second day of the stretch.
    let c = article(
        "2023-11-21",
        "Traders from Stung Treng and Champasak took part in a border trade fair that ran from Nov. 16 to 20 in Stung Treng. Speaking at the opening ceremony, the Champasak deputy governor praised the traders. The following day, the chambers of commerce of Stung Treng and Champasak signed a memorandum.",
    );
    assert_eq!(dates(&c).last(), Some(&Some("2023-11-17".to_string())));
}

/// A frame named after the enclosing occasion ("on the second day of the
/// visit", "during the trip") is its setting: the main clause names the kind.
#[test]
fn the_occasion_a_time_frame_names_is_a_setting_not_the_kind() {
    let a = article(
        "2023-06-21",
        "A Cambodian delegation led by the governor of Stung Treng made an official visit to Champasak from 18 to 20 June.\n\n\
On the second day of the visit, the governor paid a courtesy call on the Champasak governor in Pakse.",
    );
    let kinds: Vec<String> = events(&a).into_iter().map(|e| e.1).collect();
    assert_eq!(kinds, ["visit", "meeting"], "{:?}", events(&a));
    let b = article(
        "2024-02-10",
        "Attapeu's vice governor visited Ratanakiri on Wednesday.\n\n\
During the trip on Thursday, she held talks with Ratanakiri officials in Banlung on malaria control.",
    );
    let kinds: Vec<String> = events(&b).into_iter().map(|e| e.1).collect();
    assert_eq!(kinds, ["visit", "meeting"], "{:?}", events(&b));
}

/// An occasion that "concluded with the signing of" documents is told by the
/// signing: an agreement.
#[test]
fn an_occasion_that_ends_with_a_signing_is_an_agreement() {
    let a = article(
        "2023-06-21",
        "The visit of the Stung Treng governor to Champasak concluded on 20 June with the signing of three cooperation documents in Pakse.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2023-06-20".to_string()),
            "agreement".to_string(),
            vec!["KH-19".to_string(), "LA-CH".to_string()]
        )]
    );
    let b = article(
        "2022-03-05",
        "Talks between Attapeu and Ratanakiri officials in Samakhixay ended on Thursday with the signing of a memorandum on timber controls.",
    );
    assert_eq!(
        events(&b),
        [(
            Some("2022-03-03".to_string()),
            "agreement".to_string(),
            vec!["KH-16".to_string(), "LA-AT".to_string()]
        )]
    );
}

/// "returned home yesterday after leading a visit to … from 18 to 20 June":
/// the return ends the visit the sentence dates itself; one occasion.
#[test]
fn a_return_from_a_visit_with_its_own_dates_is_not_another_occasion() {
    let a = article(
        "2023-06-21",
        "The governor of Stung Treng returned home yesterday evening after leading a delegation on a working visit to Champasak from 18 to 20 June.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2023-06-18".to_string()),
            "visit".to_string(),
            vec!["KH-19".to_string(), "LA-CH".to_string()]
        )]
    );
    let b = article(
        "2019-11-30",
        "Attapeu's governor came back to Samakhixay on Friday after a visit to Ratanakiri on 26-28 November.",
    );
    assert_eq!(
        events(&b),
        [(
            Some("2019-11-26".to_string()),
            "visit".to_string(),
            vec!["KH-16".to_string(), "LA-AT".to_string()]
        )]
    );
}

/// What happens on a later day of a meeting held over several days in one
/// place, told with no place of its own, happens there.
#[test]
fn an_occasion_within_a_stretch_of_days_happens_where_the_stretch_is() {
    let a = article(
        "2022-08-26",
        "The joint boundary commission of Cambodia and Laos met from 24 to 25 August 2022 in Stung Treng.\n\n\
On 25 August 2022, the Lao delegation paid a courtesy call on the Cambodian deputy prime minister.",
    );
    assert_eq!(
        events(&a),
        [
            (
                Some("2022-08-24".to_string()),
                "meeting".to_string(),
                vec!["KH-19".to_string()]
            ),
            (
                Some("2022-08-25".to_string()),
                "meeting".to_string(),
                vec!["KH-19".to_string()]
            ),
        ]
    );
    let b = article(
        "2021-03-13",
        "A workshop of Lao and Cambodian health officers took place in Pakse from 9 to 12 March.\n\n\
On March 11, the Cambodian officers signed a malaria surveillance plan with their Lao hosts.",
    );
    let linked: Vec<Vec<String>> = events(&b).into_iter().map(|e| e.2).collect();
    assert_eq!(
        linked,
        [vec!["LA-CH".to_string()], vec!["LA-CH".to_string()]]
    );
}

/// "were followed the next day by the signing of …", "followed a similar
/// delivery on 28 April": the sequel told after "followed" is an occasion of
/// its own, of the kind it names (or of the first one's, when "similar").
#[test]
fn what_an_occasion_was_followed_by_is_another_occasion() {
    let a = article(
        "2023-03-16",
        "The talks of the Champasak and Stung Treng governors, held on Tuesday in Pakse, were followed the next day by the signing of a memorandum of understanding.",
    );
    assert_eq!(
        events(&a),
        [
            (
                Some("2023-03-14".to_string()),
                "meeting".to_string(),
                vec!["KH-19".to_string(), "LA-CH".to_string()]
            ),
            (
                Some("2023-03-15".to_string()),
                "agreement".to_string(),
                vec!["KH-19".to_string(), "LA-CH".to_string()]
            ),
        ]
    );
    let b = article(
        "2020-05-06",
        "The handover of masks by Champasak to Preah Vihear yesterday followed a similar delivery to Stung Treng on 28 April.",
    );
    let got: Vec<(Option<String>, String)> = events(&b).into_iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(
        got,
        [
            (Some("2020-05-05".to_string()), "aid".to_string()),
            (Some("2020-04-28".to_string()), "aid".to_string()),
        ]
    );
}

/// Two expressions counted from occasions told before, in one sentence, are
/// two occasions; "two days after the meeting" counts from the meeting it
/// names, not from the occasion told just before, and "the meeting" is no
/// trigger of its own.
#[test]
fn a_count_of_days_from_a_named_occasion_counts_from_that_occasion() {
    let a = article(
        "2019-10-18",
        "Health officers of Attapeu and Ratanakiri met in Samakhixay on Monday.\n\n\
A joint field visit to border villages took place the following day, and two days after the meeting the Ratanakiri officers handed over bed nets to Phouvong district.",
    );
    let got: Vec<(Option<String>, String)> = events(&a).into_iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(
        got,
        [
            (Some("2019-10-14".to_string()), "meeting".to_string()),
            (Some("2019-10-15".to_string()), "visit".to_string()),
            (Some("2019-10-16".to_string()), "aid".to_string()),
        ]
    );
    let b = article(
        "2021-06-25",
        "Stung Treng police handed over two Lao suspects to Champasak police at the Dong Kralor checkpoint on June 21.\n\n\
The handover followed talks in Pakse on June 15 between the police chiefs of Stung Treng and Champasak.\n\n\
Three days after the handover, joint teams of Lao and Cambodian police patrolled the Mekong near Veun Kham.",
    );
    let got: Vec<(Option<String>, String)> = events(&b).into_iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(
        got,
        [
            (Some("2021-06-21".to_string()), "operation".to_string()),
            (Some("2021-06-15".to_string()), "meeting".to_string()),
            (Some("2021-06-24".to_string()), "operation".to_string()),
        ]
    );
}

/// "Ratanakiri is part of the development triangle, which also includes
/// Attapeu …": a description of a region; the provinces it lists take no
/// part in the occasion told beside it.
#[test]
fn provinces_listed_as_parts_of_a_region_take_no_part() {
    let a = article(
        "2022-05-18",
        "Officials of Ratanakiri and Vietnam's Gia Lai province met at the O Yadav checkpoint on Wednesday to discuss border trade.\n\n\
Ratanakiri is part of the Cambodia-Laos-Vietnam Development Triangle Area, which also includes Stung Treng and Laos' Attapeu and Champasak provinces.",
    );
    assert!(
        events(&a)
            .iter()
            .all(|e| !e.2.iter().any(|p| p.starts_with("LA-"))),
        "{:?}",
        events(&a)
    );
    let b = article(
        "2023-09-02",
        "Stung Treng and Kratie officials held talks on river transport in Kratie on Friday.\n\n\
Stung Treng forms part of the Mekong tourism corridor that also covers Laos' Champasak province.",
    );
    assert!(
        events(&b)
            .iter()
            .all(|e| !e.2.iter().any(|p| p.starts_with("LA-"))),
        "{:?}",
        events(&b)
    );
}

/// "Wednesday's meeting was the second of its kind …" after a patrol planned
/// for later this month refers back to the meeting, not to the patrol: the
/// patrol keeps its own (month) date.
#[test]
fn a_reference_back_to_another_kind_of_occasion_does_not_redate_this_one() {
    let a = article(
        "2023-08-03",
        "Military commanders of Preah Vihear and Champasak met on Wednesday in Tbeng Meanchey.\n\n\
The first coordinated patrol under the new plan will take place later this month along the border of Choam Ksant and Mounlapamok districts.\n\n\
Wednesday's meeting was the second of its kind after the two sides held their first session in Pakse in October last year.",
    );
    let got: Vec<(Option<String>, String)> = events(&a).into_iter().map(|e| (e.0, e.1)).collect();
    assert!(
        got.contains(&(Some("2023-08".to_string()), "operation".to_string())),
        "{got:?}"
    );
    assert!(
        got.contains(&(Some("2023-08-02".to_string()), "meeting".to_string())),
        "{got:?}"
    );
    let b = article(
        "2022-02-12",
        "Officials of Attapeu and Ratanakiri held talks in Samakhixay on Thursday.\n\n\
A joint search by Lao and Cambodian rangers for illegal loggers is planned for later this month in Phouvong district.\n\n\
Thursday's talks were the first since the border reopened.",
    );
    let got: Vec<(Option<String>, String)> = events(&b).into_iter().map(|e| (e.0, e.1)).collect();
    assert!(
        got.contains(&(Some("2022-02".to_string()), "operation".to_string())),
        "{got:?}"
    );
}

/// A working dinner or an official banquet of the two sides is a meeting.
#[test]
fn a_working_dinner_of_the_two_sides_is_a_meeting() {
    let a = article(
        "2023-12-05",
        "A joint technical team of Attapeu and Ratanakiri inspected the new checkpoint terminal on Friday, and the governors of Attapeu and Ratanakiri held a working dinner in Samakhixay on Sunday evening.",
    );
    let got: Vec<(Option<String>, String)> = events(&a).into_iter().map(|e| (e.0, e.1)).collect();
    assert!(
        got.contains(&(Some("2023-12-03".to_string()), "meeting".to_string())),
        "{got:?}"
    );
    let b = article(
        "2019-04-20",
        "The Champasak governor gave an official banquet for the Stung Treng delegation in Pakse on 18 April.",
    );
    let got: Vec<(Option<String>, String)> = events(&b).into_iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(
        got,
        [(Some("2019-04-18".to_string()), "meeting".to_string())]
    );
}

/// "visiting" naming the visitors ("talks with the visiting delegation") is
/// not the trigger: the talks, the banquet, the call are the occasion.
#[test]
fn visiting_as_the_word_for_the_visitors_is_not_a_visit() {
    let a = article(
        "2024-03-08",
        "Lao Prime Minister Sonexay Siphandone and visiting Cambodian Prime Minister Hun Manet held talks in Vientiane on Thursday on the Attapeu-Ratanakiri checkpoint.",
    );
    let kinds: Vec<String> = events(&a).into_iter().map(|e| e.1).collect();
    assert_eq!(kinds, ["meeting"]);
    let b = article(
        "2022-07-02",
        "The Stung Treng governor hosted a dinner for the visiting Champasak delegation in Stung Treng town on Friday.",
    );
    let kinds: Vec<String> = events(&b).into_iter().map(|e| e.1).collect();
    assert_eq!(kinds, ["meeting"]);
}

/// "Later on Thursday, he paid a courtesy call …" is another occasion than
/// the talks told for Thursday, though both are meetings on one day.
#[test]
fn later_on_a_day_already_told_is_another_occasion() {
    let a = article(
        "2024-03-08",
        "The governors of Attapeu and Ratanakiri held talks in Samakhixay on Thursday.\n\n\
Later on Thursday, the Ratanakiri governor paid a courtesy call on the Attapeu party secretary.",
    );
    let got: Vec<(Option<String>, String)> = events(&a).into_iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(got.len(), 2, "{got:?}");
    let b = article(
        "2021-11-20",
        "Champasak and Stung Treng officials met in Pakse on 18 November.\n\n\
Later that day, the Stung Treng officials held a second meeting with Champasak traders in Pakse.",
    );
    let got: Vec<(Option<String>, String)> = events(&b).into_iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(got.len(), 2, "{got:?}");
}

/// A delegation received, or taken somewhere, is a visit.
#[test]
fn a_delegation_received_or_taken_somewhere_is_a_visit() {
    let a = article(
        "2023-03-15",
        "On the afternoon of Tuesday, 14/03/2023, the Governor of Stueng Traeng Province warmly received a delegation from Champassak Province, Lao PDR, at the Provincial Hall.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2023-03-14".to_string()),
            "visit".to_string(),
            vec!["KH-19".to_string(), "LA-CH".to_string()]
        )]
    );
    let b = article(
        "2023-07-10",
        "Attapeu and Ratanakiri officials met in Samakhixay last Thursday.\n\n\
The following day, the Cambodian delegation was taken to the Phouvong border crossing, where Lao officers briefed them.",
    );
    let got: Vec<(Option<String>, String)> = events(&b).into_iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(
        got,
        [
            (Some("2023-07-06".to_string()), "meeting".to_string()),
            (Some("2023-07-07".to_string()), "visit".to_string()),
        ]
    );
}

/// The first time of something held since, told with a day and month only
/// ("was first staged on 3 November"), is of a year the text does not know.
#[test]
fn the_first_time_of_a_tradition_told_without_its_year_is_of_an_unknown_year() {
    let a = article(
        "2024-11-18",
        "Champassak and Stueng Traeng teams raced on the Mekong in Stueng Traeng on Saturday 16/11/2024.\n\n\
The friendship race of Champassak and Stueng Traeng was first staged at Stueng Traeng on 3 November, organisers said.",
    );
    assert!(
        dates(&a).contains(&Some("XXXX-11-03".to_string())),
        "{:?}",
        events(&a)
    );
    let b = article(
        "2019-10-18",
        "Health officers of Attapeu and Ratanakiri met in Samakhixay on Monday.\n\n\
Their cooperation dates back to a first joint meeting of Attapeu and Ratanakiri officers held in Banlung on November 22.",
    );
    assert!(
        dates(&b).contains(&Some("XXXX-11-22".to_string())),
        "{:?}",
        events(&b)
    );
}

/// A town's name right after a personal title is a person's name: "Dr.
/// Phonesavanh Inthavong" is no place in Xieng Khouang.
#[test]
fn a_place_name_after_a_personal_title_is_a_person() {
    let a = article(
        "2024-01-17",
        "Attapeu and Ratanakiri hospitals signed a malaria memorandum on Monday in Samakhixay. The document was signed by Dr. Phonesavanh Inthavong of Attapeu and Dr. Chhay Sokunthea of Ratanakiri.",
    );
    let linked: Vec<Vec<String>> = events(&a).into_iter().map(|e| e.2).collect();
    assert_eq!(linked, [vec!["KH-16".to_string(), "LA-AT".to_string()]]);
    let b = article(
        "2022-03-02",
        "Champasak and Stung Treng police met in Pakse on Monday, said Mr. Khong Vanna, a Stung Treng officer.",
    );
    let linked: Vec<Vec<String>> = events(&b).into_iter().map(|e| e.2).collect();
    assert_eq!(linked, [vec!["KH-19".to_string(), "LA-CH".to_string()]]);
}

/// "who is on an official visit" tells who a speaker is: no occasion of its own.
#[test]
fn a_visit_going_on_told_in_a_relative_clause_is_no_occasion() {
    let a = article(
        "2023-11-28",
        "Lao and Cambodian defence ministers held talks in Vientiane yesterday.\n\n\
Gen. Tea Seiha, who is on an official visit to the Lao PDR, said the border would stay peaceful.",
    );
    assert_eq!(dates(&a), [Some("2023-11-27".to_string())]);
    let b = article(
        "2024-03-05",
        "Attapeu and Ratanakiri governors met in Banlung on Monday.\n\n\
The Attapeu governor, who is visiting Ratanakiri, praised the new road.",
    );
    assert_eq!(dates(&b), [Some("2024-03-04".to_string())]);
}

/// A time in a clause of "since" dates that clause ("his first trip since he
/// took office last month"), not the occasion.
#[test]
fn a_time_in_a_since_clause_dates_that_clause() {
    let a = article(
        "2023-09-28",
        "Cambodian Prime Minister Hun Manet arrived in Vientiane yesterday for a two-day official visit to the Lao PDR, his first trip to Laos since he took office last month.",
    );
    assert_eq!(dates(&a), [Some("2023-09-27".to_string())]);
    let b = article(
        "2022-06-10",
        "The Attapeu governor visited Ratanakiri on Thursday, her first visit since she took office in April.",
    );
    assert_eq!(dates(&b), [Some("2022-06-09".to_string())]);
}

/// Talks told with no place on the day a visitor arrived somewhere happen
/// where the visitor arrived.
#[test]
fn talks_on_the_day_of_an_arrival_happen_where_the_visitor_arrived() {
    let a = article(
        "2023-09-28",
        "Cambodian Prime Minister Hun Manet arrived in Vientiane yesterday for a two-day official visit.\n\n\
Yesterday afternoon, Mr Hun Manet held official talks with Lao Prime Minister Sonexay Siphandone at the Prime Minister's Office.",
    );
    let linked: Vec<Vec<String>> = events(&a).into_iter().map(|e| e.2).collect();
    assert_eq!(
        linked,
        [vec!["LA-VT".to_string()], vec!["LA-VT".to_string()]]
    );
    let b = article(
        "2021-04-07",
        "A Champasak delegation arrived in Stung Treng town on Tuesday for a three-day working visit.\n\n\
On Tuesday evening, the Lao and Cambodian delegates discussed the border market at a working dinner.",
    );
    let linked: Vec<Vec<String>> = events(&b).into_iter().map(|e| e.2).collect();
    assert_eq!(linked.len(), 2, "{:?}", events(&b));
    assert!(linked[1].contains(&"KH-19".to_string()), "{:?}", events(&b));
}

/// "The fair was formally opened on …": an opening, told in the passive.
#[test]
fn an_opening_told_in_the_passive_is_an_occasion() {
    let a = article(
        "2023-03-16",
        "The Champasack–Steung Treng fair was formally opened on Mar. 14, 2023 by the two vice governors at the Nong Nok Khiene checkpoint.",
    );
    assert_eq!(dates(&a), [Some("2023-03-14".to_string())]);
    let b = article(
        "2019-12-02",
        "The new Stung Treng market for Lao traders was officially inaugurated on Saturday by the governors of Stung Treng and Champasak.",
    );
    assert_eq!(dates(&b), [Some("2019-11-30".to_string())]);
}

/// "progress since the previous meeting, held in Phnom Penh in June 2022":
/// the background cue does not swallow the dated occasion the participle
/// states.
#[test]
fn an_occasion_held_with_its_own_date_inside_background_is_an_occasion() {
    let a = article(
        "2023-04-06",
        "The Cambodia-Laos boundary commission met in Vientiane from 3 to 5 April 2023.\n\n\
Both sides reviewed the work carried out since the previous meeting, held in Phnom Penh in June 2022, by the Lao and Cambodian teams.",
    );
    assert!(
        dates(&a).contains(&Some("2022-06".to_string())),
        "{:?}",
        events(&a)
    );
    let b = article(
        "2021-03-12",
        "Attapeu and Ratanakiri officials met in Banlung on Thursday.\n\n\
The two provinces have cooperated on forest patrols since the first agreement, signed in Samakhixay in May 2016 by the Lao and Cambodian governors.",
    );
    assert!(
        dates(&b).contains(&Some("2016-05".to_string())),
        "{:?}",
        events(&b)
    );
}

/// "A day after he was received by the King, Thongloun held talks … on
/// Wednesday": the clause put first tells another occasion, a day before.
#[test]
fn a_counted_clause_put_first_tells_an_occasion_of_its_own() {
    let a = article(
        "2024-12-12",
        "A day after he was received by the King in Phnom Penh, the Lao President held talks with the Cambodian Prime Minister at the Peace Palace on Wednesday.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2024-12-11".to_string()),
            Some("2024-12-10".to_string())
        ]
    );
    let b = article(
        "2022-05-14",
        "Two days after Attapeu and Ratanakiri officials signed a timber agreement in Banlung, their police held a joint patrol on Friday.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2022-05-13".to_string()),
            Some("2022-05-11".to_string())
        ]
    );
}

/// "…, and three years later, in January 2017, a joint survey team spent
/// nine days …": a coordinated clause opened by a count of years is an
/// occasion of its own, with the trigger after its date.
#[test]
fn a_clause_opened_by_years_later_tells_an_occasion_of_its_own() {
    let a = article(
        "2023-08-14",
        "The crossing was first proposed in 2014 at a meeting of the Attapeu and Ratanakkiri governors in Banlung, and three years later, in January 2017, a joint survey team spent nine days walking the route.",
    );
    assert_eq!(
        dates(&a),
        [Some("2014".to_string()), Some("2017-01".to_string())]
    );
    let b = article(
        "2022-02-01",
        "Champasak and Stung Treng signed a trade memorandum in 2015, and two years later, in May 2017, the two provinces held joint talks in Pakse.",
    );
    assert_eq!(
        dates(&b),
        [Some("2015".to_string()), Some("2017-05".to_string())]
    );
}

/// "first agreed … on 12 February": an origin told with a day and month only
/// is of an unknown year.
#[test]
fn what_was_first_agreed_on_a_day_and_month_is_of_an_unknown_year() {
    let a = article(
        "2023-05-02",
        "Fishing leaders from Champasak and Stung Treng first agreed to protect the dolphin pool at a meeting in Veun Kham on 12 February.",
    );
    assert_eq!(dates(&a), [Some("XXXX-02-12".to_string())]);
    let b = article(
        "2023-05-02",
        "Attapeu and Ratanakiri rangers first met at the Phouvong border post on 3 March to plan patrols.",
    );
    assert_eq!(dates(&b), [Some("XXXX-03-03".to_string())]);
}

#[test]
fn each_occasion_of_a_sentence_is_placed_by_its_own_clause() {
    // A signing in the capital years ago, and a meeting in a border province.
    let a = article(
        "2024-06-20",
        "Laos and Cambodia signed a power purchase deal in Phnom Penh yesterday. The deal builds on a memorandum of understanding signed by the two energy ministries in Vientiane in 2018 and on a study discussed at a technical meeting in Samakhixay, Attapeu, on 4 April 2024, attended by officials from Stung Treng.",
    );
    let ev = events(&a);
    assert!(
        ev.contains(&(
            Some("2018".into()),
            "agreement".into(),
            vec!["LA-VT".into()]
        )),
        "{ev:?}"
    );
    assert!(
        ev.contains(&(
            Some("2024-04-04".into()),
            "meeting".into(),
            vec!["KH-19".into(), "LA-AT".into()]
        )),
        "{ev:?}"
    );
    // A line inaugurated between two provinces, then a memorandum in the capital.
    let b = article(
        "2023-03-02",
        "Lao power first reached Cambodia through a line from Champasak to Stung Treng town, opened in 2009, and in May 2020 the two governments signed a memorandum of understanding in Vientiane on further imports. Officials of Stung Treng and Champasak met in Pakse yesterday to discuss the next line.",
    );
    let ev = events(&b);
    assert!(
        ev.contains(&(
            Some("2020-05".into()),
            "agreement".into(),
            vec!["LA-VT".into()]
        )),
        "{ev:?}"
    );
}

#[test]
fn a_clause_without_a_place_of_its_own_shares_the_sentence_s() {
    let a = article(
        "2022-04-01",
        "Officials of Ratanakiri and Attapeu met in Banlung on 3 March 2022 and signed a memorandum on border trade on 5 March 2022.",
    );
    let ev = events(&a);
    assert_eq!(ev.len(), 2, "{ev:?}");
    assert!(ev.iter().all(|e| e.2 == ["KH-16", "LA-AT"]), "{ev:?}");
    // A joint occasion placed on one side has both sides' parties.
    let b = article(
        "2019-10-20",
        "Health officers of Attapeu and Ratanakiri met in Samakhixay on Monday, 14 October 2019. A joint inspection of two villages in Phouvong district took place on 15 October, and on 16 October the Ratanakiri team handed over bed nets to Sanamxay district.",
    );
    let ev = events(&b);
    assert!(
        ev.iter()
            .any(|e| e.0.as_deref() == Some("2019-10-15") && e.2 == ["KH-16", "LA-AT"]),
        "{ev:?}"
    );
}

#[test]
fn the_two_governors_are_the_two_provinces_named_before() {
    let a = article(
        "2024-03-25",
        "Officials of Attapeu and Ratanakiri inspected the Phouvong crossing on Friday. The upgrade was first proposed at a meeting of the two provincial governors in Banlung in November 2022.",
    );
    let ev = events(&a);
    assert!(
        ev.contains(&(
            Some("2022-11".into()),
            "meeting".into(),
            vec!["KH-16".into(), "LA-AT".into()]
        )),
        "{ev:?}"
    );
    let b = article(
        "2023-03-16",
        "Stung Treng and Champasak reviewed their cooperation yesterday. The review came a year after the two governors held talks in Pakse in March 2022, and both governors are due to meet again in June.",
    );
    let ev = events(&b);
    assert!(
        ev.contains(&(
            Some("2022-03".into()),
            "meeting".into(),
            vec!["KH-19".into(), "LA-CH".into()]
        )),
        "{ev:?}"
    );
}

#[test]
fn a_day_told_as_long_ago_or_as_an_origin_is_of_an_unknown_year() {
    let a = article(
        "2023-06-16",
        "Police of Phouvong and Ta Veaeng patrolled the border from 12 to 14 June 2023. The patrols follow minutes that the police of Attapeu and Ratanakiri signed in Banlung on the 2nd of February some years ago.",
    );
    assert!(
        dates(&a).contains(&Some("XXXX-02-02".to_string())),
        "{:?}",
        dates(&a)
    );
    let b = article(
        "2022-09-01",
        "Officials of Stung Treng and Champasak met in Pakse yesterday. Their friendship is traced to a first meeting of the two governors at the Dong Kralor crossing on 26 August, which both sides still celebrate.",
    );
    assert!(
        dates(&b).contains(&Some("XXXX-08-26".to_string())),
        "{:?}",
        dates(&b)
    );
    // A day told with its year stays dated.
    let c = article(
        "2022-09-01",
        "Officials of Stung Treng and Champasak first met at the Dong Kralor crossing on 26 August 2001.",
    );
    assert_eq!(dates(&c), [Some("2001-08-26".to_string())]);
}

#[test]
fn a_joint_drill_or_exercise_with_words_between_is_an_operation() {
    let a = article(
        "2023-10-02",
        "Attapeu and Stung Treng held a flood warning workshop in Sanamxay last week. A joint flood evacuation drill involving Sanamxay and Siem Pang is planned to be held in Siem Pang in March next year.",
    );
    let ev = events(&a);
    assert!(
        ev.iter()
            .any(|e| e.0.as_deref() == Some("2024-03") && e.1 == "operation"),
        "{ev:?}"
    );
    let b = article(
        "2022-05-20",
        "Rescue teams of Champasak and Stung Treng staged a joint river rescue exercise on the Mekong at Khong on 18 May 2022.",
    );
    let ev = events(&b);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].1, "operation", "{ev:?}");
}

#[test]
fn the_last_day_of_a_visit_is_the_day_its_stretch_ends() {
    let a = article(
        "2024-10-08",
        "A Stung Treng delegation visited Champasak from the 3rd to the 5th of this month. On the 4th, the two governors held talks in Pakse. On the last day of the visit, the delegation handed over rice to Khong district for families hit by floods last month.",
    );
    let ev = events(&a);
    assert!(
        ev.iter()
            .any(|e| e.0.as_deref() == Some("2024-10-05") && e.1 == "aid"),
        "{ev:?}"
    );
    assert!(
        !ev.iter().any(|e| e.0.as_deref() == Some("2024-09")),
        "{ev:?}"
    );
    let b = article(
        "2023-03-10",
        "Attapeu officials visited Ratanakiri from 6 to 8 March 2023. On the final day of the trip, the two sides signed a memorandum on malaria control in Banlung.",
    );
    let ev = events(&b);
    assert!(
        ev.iter()
            .any(|e| e.0.as_deref() == Some("2023-03-08") && e.1 == "agreement"),
        "{ev:?}"
    );
}

#[test]
fn a_day_named_beside_a_counted_day_is_its_date() {
    let a = article(
        "2023-10-02",
        "Attapeu and Stung Treng held a flood warning workshop in Sanamxay last week. On the final day of the workshop, Wednesday, two water level stations were handed over to Sanamxay district.",
    );
    assert!(
        dates(&a).contains(&Some("2023-09-27".to_string())),
        "{:?}",
        dates(&a)
    );
    let b = article(
        "2022-06-20",
        "Ratanakiri and Attapeu officers held a three-day meeting in Banlung last week. On the second day, Wednesday, officers of both provinces carried out a joint patrol near Ta Veaeng.",
    );
    assert!(
        dates(&b).contains(&Some("2022-06-15".to_string())),
        "{:?}",
        dates(&b)
    );
}

#[test]
fn a_recalled_occasion_does_not_move_the_day_the_same_day_counts_from() {
    let a = article(
        "2023-12-05",
        "The joint commission of Laos and Cambodia met in Phnom Penh on 4 December 2023. Both sides welcomed the signing of a tax accord between Laos and Cambodia in Vientiane on 10 October 2023. On the same day, the Lao minister paid a courtesy call on the Cambodian prime minister, and both sides pledged closer ties.",
    );
    let d = dates(&a);
    assert_eq!(
        d.iter()
            .filter(|x| x.as_deref() == Some("2023-12-04"))
            .count(),
        2,
        "{d:?}"
    );
    let b = article(
        "2022-05-30",
        "Officials of Stung Treng and Champasak met in Khong on 27 May 2022. They recalled the first memorandum between Stung Treng and Champasak, signed in Pakse on 9 February 2009. The following day, the two delegations of Stung Treng and Champasak toured the Khone falls together.",
    );
    let d = dates(&b);
    assert!(d.contains(&Some("2022-05-28".to_string())), "{d:?}");
    assert!(!d.contains(&Some("2009-02-10".to_string())), "{d:?}");
}

#[test]
fn a_habit_told_in_a_when_clause_does_not_make_the_occasion_background() {
    let a = article(
        "2024-11-27",
        "Police of Stung Treng and Champasak seized drugs at Trapeang Kriel on Monday. A police colonel said officers from Stung Treng and Champasak would meet in Pakse next month to plan further operations ahead of the festive season, when trafficking usually increases.",
    );
    assert!(
        dates(&a).contains(&Some("2024-12".to_string())),
        "{:?}",
        dates(&a)
    );
    let b = article(
        "2023-04-03",
        "Rangers of Attapeu and Ratanakiri will patrol the border forest together in May, when poachers have often been active.",
    );
    assert_eq!(dates(&b), [Some("2023-05".to_string())]);
}

#[test]
fn joint_testing_a_census_or_what_is_carried_out_jointly_is_an_operation() {
    let a = article(
        "2024-10-10",
        "Malaria teams of Attapeu and Ratanakiri reviewed their work in Samakhixay last month. Teams from Attapeu and Ratanakiri will carry out joint mobile testing in border villages from 1 to 15 November.",
    );
    let ev = events(&a);
    assert!(
        ev.iter()
            .any(|e| e.0.as_deref() == Some("2024-11-01") && e.1 == "operation"),
        "{ev:?}"
    );
    let b = article(
        "2024-02-20",
        "A joint dolphin census by boats from Khong and Thala Barivat will be held next month.",
    );
    let ev = events(&b);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(
        (ev[0].0.as_deref(), ev[0].1.as_str()),
        (Some("2024-03"), "operation")
    );
}

#[test]
fn a_day_told_years_before_another_time_is_of_an_unknown_year() {
    let a = article(
        "2024-10-10",
        "The network grew out of a meeting of Attapeu and Ratanakiri malaria chiefs held in Banlung on 15 November, several years before the pandemic.",
    );
    assert_eq!(dates(&a), [Some("XXXX-11-15".to_string())]);
    let b = article(
        "2021-05-01",
        "Stung Treng and Champasak officials first signed minutes on fisheries in Khong on 2 March, a few years before the dam was built.",
    );
    assert_eq!(dates(&b), [Some("XXXX-03-02".to_string())]);
}

#[test]
fn the_next_session_of_what_both_hold_is_an_occasion_of_both() {
    let a = article(
        "2023-08-23",
        "The Lao-Cambodian joint commission met in Vientiane from 21 to 22 August. Cambodia will host the next session in Phnom Penh in 2025, the minutes said.",
    );
    let ev = events(&a);
    assert!(
        ev.contains(&(Some("2025".into()), "meeting".into(), vec!["KH-12".into()])),
        "{ev:?}"
    );
    let b = article(
        "2024-07-22",
        "Teams from Preah Vihear and Champasak played a friendship tournament in Tbeng Meanchey on Saturday. Champasak will host next year's edition in Pakse in July 2025.",
    );
    let ev = events(&b);
    assert!(
        ev.iter().any(|e| e.0.as_deref() == Some("2025-07")),
        "{ev:?}"
    );
}

#[test]
fn a_province_named_as_a_neighbour_is_not_one_of_the_two_provinces() {
    let a = article(
        "2023-11-20",
        "Cambodia's Ratanakiri province and Vietnam's Gia Lai province held their annual review in Banlung last Friday. Ratanakiri, which also borders Laos' Attapeu province to the north, is a gateway to Vietnam. The two provinces agreed to hold their next review in Pleiku next year.",
    );
    let ev = events(&a);
    assert!(
        ev.iter().all(|e| !e.2.contains(&"LA-AT".to_string())),
        "{ev:?}"
    );
    let b = article(
        "2023-10-21",
        "Officials of Stung Treng and Vietnam's Kon Tum province met in Stung Treng town on Wednesday. The governor noted that Stung Treng, which also shares a border with Champasak province of Laos, must keep its roads safe. Both provinces agreed to meet again in 2024.",
    );
    let ev = events(&b);
    assert!(
        ev.iter().all(|e| !e.2.contains(&"LA-CH".to_string())),
        "{ev:?}"
    );
}

#[test]
fn here_after_an_agency_dateline_is_the_datelines_city() {
    let a = article(
        "2023-02-10",
        "PHNOM PENH, Feb. 9 (Xinhua) -- The foreign ministers of Cambodia and Laos held talks here on Thursday on border demarcation.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2023-02-09".to_string()),
            "meeting".to_string(),
            vec!["KH-12".to_string()]
        )]
    );
    let b = article(
        "2022-06-07",
        "VIENTIANE, June 6 (Xinhua) -- Laos and Cambodia signed an agreement on electricity trade here on Monday.",
    );
    assert_eq!(events(&b)[0].2, ["LA-VT"]);
    // The dateline's city stays out when the occasion is placed elsewhere, or
    // when "here" only tells where something was said.
    let c = article(
        "2023-02-10",
        "PHNOM PENH, Feb. 9 (Xinhua) -- The governors of Stung Treng and Champasak met in Pakse on Thursday, an official said here on Friday.",
    );
    assert_eq!(events(&c)[0].2, ["KH-19", "LA-CH"]);
    let d = article(
        "2022-06-07",
        "VIENTIANE, June 6 (Xinhua) -- Lao and Cambodian border police held a joint patrol along the Attapeu-Ratanakiri border last week.",
    );
    assert_eq!(events(&d)[0].2, ["KH-16", "LA-AT"]);
}

#[test]
fn two_days_of_one_month_paired_respectively_are_two_occasions() {
    let a = article(
        "2021-05-20",
        "The talks and a joint inspection of the new market were held in Pakse and at the checkpoint on 4 and 5 May respectively, officials from Champasak and Stung Treng said.",
    );
    let d = dates(&a);
    assert!(d.contains(&Some("2021-05-04".to_string())), "{d:?}");
    assert!(d.contains(&Some("2021-05-05".to_string())), "{d:?}");
    let b = article(
        "2020-09-30",
        "Attapeu and Ratanakiri officials held a working meeting and signed a memorandum on September 14 and 15 respectively.",
    );
    let d = dates(&b);
    assert!(d.contains(&Some("2020-09-14".to_string())), "{d:?}");
    assert!(d.contains(&Some("2020-09-15".to_string())), "{d:?}");
    // Without "respectively" the two days are one stretch: one occasion.
    let c = article(
        "2020-09-30",
        "Attapeu and Ratanakiri officials held a working meeting on September 14 and 15.",
    );
    assert_eq!(dates(&c), [Some("2020-09-14".to_string())]);
}

#[test]
fn a_whole_told_vaguely_and_its_parts_told_exactly_are_the_parts() {
    let a = article(
        "2024-02-23",
        "Laos and Cambodia held their joint commission meeting in Phnom Penh this week, with the senior officials' meeting and the ministerial meeting taking place on 21 and 22 February respectively.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2024-02-21".to_string()),
            Some("2024-02-22".to_string())
        ]
    );
    let b = article(
        "2019-11-30",
        "Border officials of Stung Treng and Champasak met twice in November, with a technical meeting on 5 November and a plenary meeting on 19 November.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2019-11-05".to_string()),
            Some("2019-11-19".to_string())
        ]
    );
}

#[test]
fn a_clause_describing_a_place_is_not_background_of_the_occasion() {
    let a = article(
        "2023-03-15",
        "Cambodian and Lao river police on Tuesday launched a joint patrol of Stung Treng and Champasak along a stretch of the Mekong that forms part of the border.",
    );
    assert_eq!(dates(&a), [Some("2023-03-14".to_string())]);
    let b = article(
        "2022-01-20",
        "Officials from Attapeu and Ratanakiri inspected the road that links the two provinces on 18 January, a section that has long been a smuggling route.",
    );
    assert_eq!(dates(&b), [Some("2022-01-18".to_string())]);
}

#[test]
fn an_operation_told_as_carried_out_or_conducted_is_one() {
    let a = article(
        "2024-05-10",
        "Lao and Cambodian officers seized rosewood and snares in a joint operation along the border between Champasak and Stung Treng, officials said this week. The operation, which was carried out from 3 to 5 May in Khong district and in Thala Barivat, was the largest this year.",
    );
    assert_eq!(
        events(&a),
        [(
            Some("2024-05-03".to_string()),
            "operation".to_string(),
            vec!["KH-19".to_string(), "LA-CH".to_string()]
        )]
    );
    let b = article(
        "2021-06-12",
        "Forest rangers of Attapeu and Ratanakiri conducted an operation against illegal logging on 9 June.",
    );
    assert_eq!(
        events(&b),
        [(
            Some("2021-06-09".to_string()),
            "operation".to_string(),
            vec!["KH-16".to_string(), "LA-AT".to_string()]
        )]
    );
}

#[test]
fn a_province_named_in_a_list_of_rivers_is_the_river() {
    let a = article(
        "2024-02-07",
        "Stung Treng and Champasak fisheries officers carried out a joint patrol along the Mekong and Sekong rivers on Monday.",
    );
    assert_eq!(events(&a)[0].2, ["KH-19", "LA-CH"]);
    let b = article(
        "2023-05-02",
        "Officers from Ratanakiri and Attapeu met on 3 April to compare catch data from the Sesan, Sekong and Srepok rivers.",
    );
    assert_eq!(events(&b)[0].2, ["KH-16", "LA-AT"]);
    // The province itself, named beside a river, stays.
    let c = article(
        "2023-05-02",
        "Officials of Sekong province and Stung Treng met on 3 April to discuss the Sekong river.",
    );
    assert_eq!(events(&c)[0].2, ["KH-19", "LA-XE"]);
}

#[test]
fn earlier_in_the_day_and_the_same_afternoon_are_occasions_of_the_day_told() {
    let a = article(
        "2024-01-17",
        "The Lao and Cambodian foreign ministers held talks in Vientiane yesterday on trade between Champasak and Stung Treng. Earlier in the day, the visiting Cambodian minister paid a courtesy call on the Lao Prime Minister.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2024-01-16".to_string()),
            Some("2024-01-16".to_string())
        ]
    );
    let b = article(
        "2022-03-10",
        "Governors of Attapeu and Ratanakiri signed a memorandum in Banlung on 8 March. The same afternoon, they visited a border school in Ta Veaeng.",
    );
    let e = events(&b);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[1].0.as_deref(), Some("2022-03-08"));
}

#[test]
fn places_of_what_might_be_done_are_not_where_it_happened() {
    let a = article(
        "2024-01-17",
        "Officials of Champasak and Stung Treng held talks in Pakse yesterday and agreed to study the possibility of opening a new crossing between Attapeu and Ratanakiri.",
    );
    assert_eq!(events(&a)[0].2, ["KH-19", "LA-CH"]);
    let b = article(
        "2023-07-06",
        "Governors of Attapeu and Ratanakiri met in Banlung on 4 July to discuss the feasibility of a bridge linking Stung Treng and Champasak.",
    );
    assert_eq!(events(&b)[0].2, ["KH-16", "LA-AT"]);
}

#[test]
fn a_delegation_going_home_through_a_checkpoint_is_not_there_for_the_occasion() {
    let a = article(
        "2024-05-09",
        "A Preah Vihear delegation will visit the Veun Kham checkpoint in Champasak on Friday before returning home through Dong Kralor.",
    );
    assert_eq!(events(&a)[0].2, ["KH-13", "LA-CH"]);
    let b = article(
        "2024-05-09",
        "Attapeu officials toured a market in Banlung, Ratanakiri, on 3 May and went back home through the Phouvong crossing.",
    );
    assert_eq!(events(&b)[0].2, ["KH-16", "LA-AT"]);
}

#[test]
fn the_course_of_a_border_told_after_a_relative_clause_is_geography() {
    let a = article(
        "2023-03-03",
        "Cambodian and Lao officials met in Vientiane on Thursday to review border demarcation. The frontier, which stretches for about 540 km, runs through Stung Treng, Ratanakiri and Preah Vihear and through Champasak and Attapeu.",
    );
    assert_eq!(events(&a)[0].2, ["LA-VT"]);
    let b = article(
        "2023-03-03",
        "Lao and Cambodian fisheries officers held talks in Phnom Penh on 1 March. The river, which is the region's lifeline, passes through Khong district before it enters Stung Treng.",
    );
    assert_eq!(events(&b)[0].2, ["KH-12"]);
}

#[test]
fn a_sentence_opening_with_in_the_afternoon_tells_another_occasion_of_the_day() {
    let a = article(
        "2021-11-09",
        "This morning the Stung Treng governor received a courtesy call from the Lao consul general at the provincial hall. In the afternoon, the consul handed over 50,000 masks donated by Champasak to the Stung Treng provincial hospital.",
    );
    let e = events(&a);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[1].0.as_deref(), Some("2021-11-09"));
    assert_eq!(e[1].1, "aid");
    let b = article(
        "2020-03-05",
        "Attapeu and Ratanakiri officials met in Banlung on 3 March. That evening, the two delegations signed a memorandum on cattle trade.",
    );
    let e = events(&b);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[1].0.as_deref(), Some("2020-03-03"));
}

#[test]
fn an_operation_that_ran_over_days_is_dated_by_them() {
    let a = article(
        "2022-08-19",
        "Rangers from Ratanakiri and Attapeu have completed a joint patrol along the frontier, an official said yesterday. The operation, which ran from Aug. 8 to 14, covered 60 km of forest.",
    );
    assert_eq!(dates(&a), [Some("2022-08-08".to_string())]);
    let b = article(
        "2023-04-20",
        "Champasak and Stung Treng police dismantled a smuggling ring in a joint crackdown, officials said on Tuesday. The operation took place on 11 April near the Dong Kralor checkpoint.",
    );
    assert_eq!(dates(&b), [Some("2023-04-11".to_string())]);
}

#[test]
fn a_plan_referred_back_to_and_carried_out_by_both_sides_is_its_parties() {
    let a = article(
        "2020-06-30",
        "Fisheries officials from Stung Treng and Champasak met in Stung Treng town on Friday and agreed to launch joint patrols. Under the plan, mixed teams of Cambodian river guards and Lao fisheries officers will begin joint boat patrols in mid-July.",
    );
    let e = events(&a);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[1].0.as_deref(), Some("2020-07"));
    assert_eq!(e[1].2, ["KH-19", "LA-CH"]);
    let b = article(
        "2022-02-11",
        "Attapeu and Ratanakiri signed a memorandum on cattle vaccination in Banlung on 9 February. Under the agreement, Lao and Cambodian veterinary teams will hold a joint vaccination campaign in March.",
    );
    let e = events(&b);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[1].2, ["KH-16", "LA-AT"]);
}

#[test]
fn the_next_meeting_of_a_series_is_held_by_the_same_parties() {
    let a = article(
        "2024-03-25",
        "The military commands of Attapeu and Ratanakiri held their annual meeting in Samakhixay on March 21. The meeting agreed that the next annual meeting will be held in Banlung next year.",
    );
    let e = events(&a);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[1].0.as_deref(), Some("2025"));
    assert_eq!(e[1].2, ["KH-16", "LA-AT"]);
    let b = article(
        "2023-07-10",
        "Border officers of Champasak and Stung Treng met in Pakse on Thursday. They agreed that the next meeting would take place in Stung Treng town in October.",
    );
    let e = events(&b);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[1].2, ["KH-19", "LA-CH"]);
}

#[test]
fn a_contrast_after_while_is_not_the_occasions_background() {
    let a = article(
        "2022-07-12",
        "Stung Treng and Champasak police arrested three smugglers in a joint operation on 5 July. Two days later, the Lao side handed over two of the suspects to the Cambodian side at the Trapeang Kriel checkpoint, while the third suspect remains in custody in Champasak.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2022-07-05".to_string()),
            Some("2022-07-07".to_string())
        ]
    );
    let b = article(
        "2021-03-20",
        "Attapeu and Ratanakiri officials signed a memorandum on cattle trade in Banlung on 17 March, while border markets have remained closed since 2020.",
    );
    assert_eq!(dates(&b), [Some("2021-03-17".to_string())]);
}

#[test]
fn a_province_named_as_what_another_borders_takes_no_part() {
    let a = article(
        "2023-08-24",
        "Ratanakiri and Vietnam's Gia Lai province signed a trade agreement in Banlung on August 22. Ratanakiri, in Cambodia's far northeast, borders both Vietnam and Laos' Attapeu province.",
    );
    assert!(
        events(&a)
            .iter()
            .all(|e| !e.2.contains(&"LA-AT".to_string())),
        "{:?}",
        events(&a)
    );
    let b = article(
        "2022-03-02",
        "Champasak and Thailand's Ubon Ratchathani held border talks in Pakse on 28 February. Champasak, which borders Cambodia's Preah Vihear and Stung Treng, hosts the annual fair.",
    );
    assert!(
        events(&b)
            .iter()
            .all(|e| !e.2.iter().any(|p| p.starts_with("KH-"))),
        "{:?}",
        events(&b)
    );
}

#[test]
fn the_day_before_counts_from_the_occasion_told_not_from_the_report() {
    let a = article(
        "2024-07-03",
        "On 1st July, rescue teams of Attapeu and Stung Treng held a joint flood drill in Sanamxay. The day before, a coordination meeting of the two provinces was held in Samakhixay.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2024-07-01".to_string()),
            Some("2024-06-30".to_string())
        ]
    );
    let b = article(
        "2021-05-20",
        "Champasak and Stung Treng officials signed a fisheries accord in Pakse on 12 May. The previous day, the two delegations had toured the dolphin pools near Veun Kham.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2021-05-12".to_string()),
            Some("2021-05-11".to_string())
        ]
    );
}

#[test]
fn days_after_the_operation_count_from_its_end() {
    let a = article(
        "2023-10-27",
        "From 21 to 23 October 2023, Stung Treng and Champasak anti-drug police carried out a joint operation along the Mekong. Two days after the operation ended, the two sides held a meeting in Pakse to review the results.",
    );
    assert_eq!(
        dates(&a),
        [
            Some("2023-10-21".to_string()),
            Some("2023-10-25".to_string())
        ]
    );
    let b = article(
        "2022-02-20",
        "Attapeu and Ratanakiri rangers ran a joint operation against snares from 7 to 9 February. A day after the operation, the two provinces handed over the seized guns at the Phouvong checkpoint.",
    );
    assert_eq!(
        dates(&b),
        [
            Some("2022-02-07".to_string()),
            Some("2022-02-10".to_string())
        ]
    );
}

#[test]
fn the_joint_commission_is_held_by_both_sides() {
    let a = article(
        "2024-03-07",
        "Lao and Cambodian foreign ministers held talks in Vientiane on Wednesday. The previous meeting of the joint commission was held in Phnom Penh in 2022.",
    );
    assert_eq!(
        events(&a)
            .iter()
            .map(|e| (e.0.clone(), e.2.clone()))
            .collect::<Vec<_>>(),
        [
            (Some("2024-03-06".to_string()), vec!["LA-VT".to_string()]),
            (Some("2022".to_string()), vec!["KH-12".to_string()])
        ]
    );
    let b = article(
        "2019-09-12",
        "Champasak and Stung Treng officials met in Pakse on 10 September. The joint committee will meet next in Stung Treng in March.",
    );
    let e = events(&b);
    assert_eq!(e.len(), 2, "{e:?}");
}

#[test]
fn a_return_event_is_held_by_the_same_parties_elsewhere() {
    let a = article(
        "2023-02-27",
        "Athletes from Attapeu and Ratanakiri met for a friendship festival in Banlung from Feb 24 to 26. A return event is planned to be held in Attapeu in December.",
    );
    let e = events(&a);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[1].0.as_deref(), Some("2023-12"));
    assert_eq!(e[1].2, ["KH-16", "LA-AT"]);
    let b = article(
        "2019-04-02",
        "Champasak and Stung Treng held a friendship football tournament in Stung Treng town on 30 March. The return match will take place in Pakse in May.",
    );
    let e = events(&b);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[1].2, ["KH-19", "LA-CH"]);
}

#[test]
fn the_minutes_of_a_meeting_held_elsewhere_tell_that_meeting() {
    // "the minutes of the meeting" is a document; with a place and time of
    // its own, the meeting it records is an occasion too.
    let a = article(
        "2012-03-09",
        "Officials of Champasak and Stung Treng met in Pakse on Wednesday.\n\nThe Champasak vice governor went over the minutes of the last meeting, held in Stung Treng town in May 2011, and found most points carried out.",
    );
    assert!(
        dates(&a).contains(&Some("2011-05".to_string())),
        "{:?}",
        events(&a)
    );
    let b = article(
        "2016-10-21",
        "Attapeu and Ratanakiri police chiefs held talks in Banlung on Thursday.\n\nBoth sides reviewed the minutes of their previous session, which was held in Samakkhixay district in October 2015.",
    );
    assert!(
        dates(&b).contains(&Some("2015-10".to_string())),
        "{:?}",
        events(&b)
    );
    // Without a place and time of its own it is the document alone.
    let c = article(
        "2016-10-21",
        "Attapeu and Ratanakiri police chiefs held talks in Banlung on Thursday. At the end, they signed the minutes of the meeting.",
    );
    assert_eq!(events(&c).len(), 1, "{:?}", events(&c));
}

#[test]
fn a_place_named_as_a_neighbour_takes_no_part() {
    let a = article(
        "2021-03-13",
        "On Thursday, the Champasak vice governor visited Ban Hat village, which lies next to the border with Cambodia's Stung Treng province, to check the quarantine station.",
    );
    let khmer = |e: &(Option<String>, String, Vec<String>)| e.2.iter().any(|p| p.starts_with("KH"));
    assert!(!events(&a).iter().any(khmer), "{:?}", events(&a));
    let b = article(
        "2019-07-06",
        "Attapeu health officers inspected a clinic in Phouvong district, close to the border with Ratanakiri, on Friday.",
    );
    assert!(!events(&b).iter().any(khmer), "{:?}", events(&b));
}

#[test]
fn a_habit_told_by_the_opening_is_no_occasion() {
    for body in [
        "Every few months, the governors of Champasak and Stung Treng meet to go over the same list of border problems.",
        "Once a year, police officers from Attapeu and Ratanakiri hold talks on drug smuggling along the forest tracks.",
        "Critics say the minutes of these meetings between Attapeu and Ratanakiri seldom reach the district offices.",
    ] {
        let a = article("2022-04-18", body);
        assert_eq!(events(&a), [], "{body}");
    }
    // A frequency inside what is agreed is no habit of the sentence.
    let b = article(
        "2022-04-18",
        "On Friday, Champasak and Stung Treng agreed to hold a joint patrol every month during the dry season.",
    );
    assert_eq!(dates(&b), [Some("2022-04-15".to_string())]);
}

#[test]
fn the_members_a_partitive_clause_lists_take_no_part() {
    for body in [
        "On Monday, Attapeu and Kon Tum agreed to promote tourism in the Development Triangle area, of which Ratanakiri, Stung Treng and Mondulkiri are also members.",
        "Champasak police met Thai counterparts from Ubon Ratchathani on Tuesday to discuss the Emerald Triangle, of which Preah Vihear, in Cambodia, is a member.",
    ] {
        let a = article("2016-04-22", body);
        let found = events(&a);
        assert!(
            !found.iter().any(|e| e.2.iter().any(|p| p.starts_with("KH"))),
            "{body}: {found:?}"
        );
    }
}
