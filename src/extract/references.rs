//! Words that stand for provinces named elsewhere in the article.
//!
//! - **Officials named once with their office, then by name alone.** News
//!   introduces an official with the province they serve ("Stung Treng
//!   provincial governor Mom Saroeun", "the Preah Vihear Provincial
//!   Administration led by Provincial Governor H.E. Prak Sovann") and later
//!   names only the person ("On 6 May, H.E. Prak Sovann held talks with …").
//!   An occasion that official takes part in involves their province, so each
//!   later mention of the name counts as a mention of the province.
//! - **"The two provinces", "both provinces"**: the Lao and the Cambodian
//!   province named last before it ("… from Champasak on May 20. On Thursday,
//!   the governors of the two provinces held a video conference").
//!
//! One pass over the places found in the text; names are then looked up
//! with one automaton, so the work stays linear in the text length.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasickBuilder, MatchKind};

use crate::gazetteer::{gazetteer, Place, PlaceKind, PlaceMatch};

/// At most this many officials are remembered per article.
const MAX_OFFICIALS: usize = 32;
/// Bytes between a province and the office that belongs to it
/// ("Preah Vihear Provincial Administration led by Provincial Governor").
const OFFICE_REACH: usize = 60;

/// Office words, lowercase, longest first where one contains another.
const OFFICES: &[&str] = &[
    "deputy provincial governor",
    "vice provincial governor",
    "provincial governor",
    "deputy governor",
    "vice-governor",
    "vice governor",
    "governor",
    "deputy police chief",
    "police chief",
    "police commissioner",
    "provincial police chief",
    "military commander",
    "party secretary",
    "chief of police",
];

/// A word every office above contains: the cheap test before the others.
const OFFICE_HINTS: [&str; 5] = [
    "governor",
    "chief",
    "commander",
    "secretary",
    "commissioner",
];

/// Honorifics and ranks that may stand between an office and the name.
const TITLES: &[&str] = &[
    "H.E.",
    "HE",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Madam",
    "Dr.",
    "Dr",
    "Lt.",
    "Lt",
    "Gen.",
    "Gen",
    "Col.",
    "Col",
    "Maj.",
    "Maj",
    "Pol.",
    "Pol",
    "Brig.",
    "Brig",
    "Samdech",
    "Lok",
    "Chumteav",
    "Oknha",
    "Excellency",
    "His",
    "Her",
    "General",
    "Colonel",
    "Major",
];

/// Words that are capitalised but never part of a person's name here.
const NOT_NAMES: &[&str] = &[
    "Province",
    "Provincial",
    "Administration",
    "Office",
    "Department",
    "Governor",
    "Deputy",
    "Vice",
    "Police",
    "Chief",
    "The",
    "And",
    "Of",
    "On",
    "In",
    "At",
    "Said",
];

/// Mentions of "the two provinces" and the like, each as a mention of the
/// Lao province and of the Cambodian province named last before its sentence (none
/// when one side has no province named before; the national capitals do
/// not count). Sorted by start.
pub(super) fn pair_mentions<'g>(lower: &str, places: &[PlaceMatch<'g>]) -> Vec<PlaceMatch<'g>> {
    const PHRASES: [&str; 10] = [
        "the two provinces",
        "both provinces",
        "the two border provinces",
        "the two neighbouring provinces",
        "the two neighboring provinces",
        "the two sister provinces",
        // The governors of the two provinces are the provinces' parties.
        "the two governors",
        "the two provincial governors",
        "both governors",
        "both provincial governors",
    ];
    // Cheap test first: most articles never say it.
    if !lower.contains("provinces") && !lower.contains("governors") {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize)> = PHRASES
        .iter()
        .flat_map(|p| lower.match_indices(p).map(|(at, m)| (at, at + m.len())))
        .collect();
    found.sort_unstable();
    let mut out = Vec::new();
    let (mut lao, mut khmer): (Option<&'g Place>, Option<&'g Place>) = (None, None);
    let mut next = 0;
    for (start, end) in found {
        // Provinces named before the phrase's own sentence: in "Preah Vihear,
        // which meets both provinces", the sentence's own province is not
        // one of the two.
        let window = floor_char(lower, start.saturating_sub(600));
        let sentence_start = lower
            .get(window..start)
            .and_then(|w| w.rfind(['.', '\n']))
            .map_or(window, |i| window + i);
        while let Some(p) = places.get(next).filter(|p| p.end <= sentence_start) {
            // The national capitals are named for the nations, not as one of
            // "the two provinces".
            let capital = p
                .place
                .province
                .as_ref()
                .is_some_and(|id| matches!(id.as_str(), "LA-VT" | "KH-12"));
            // Named as a neighbour ("Ratanakiri, which also borders Laos'
            // Attapeu province"), not as one of the parties.
            let from = floor_char(lower, p.start.saturating_sub(40));
            let neighbour = lower.get(from..p.start).is_some_and(|before| {
                [
                    "borders ",
                    "border with ",
                    "bordered by ",
                    "adjoins ",
                    "adjacent to ",
                ]
                .iter()
                .any(|cue| before.contains(cue))
            });
            if let Some(province) = province_place(p.place).filter(|_| !capital && !neighbour) {
                match province.province.as_ref() {
                    Some(id) if id.is_lao() => lao = Some(province),
                    Some(_) => khmer = Some(province),
                    None => {}
                }
            }
            next += 1;
        }
        if let (Some(l), Some(k)) = (lao, khmer) {
            out.push(PlaceMatch {
                start,
                end,
                place: l,
            });
            out.push(PlaceMatch {
                start,
                end,
                place: k,
            });
        }
    }
    out
}

/// A person and the province whose office they hold.
struct Official<'g> {
    name: String,
    province: &'g Place,
}

/// Extra place mentions: every occurrence of the name of an official
/// introduced with their province, as a mention of that province. Sorted by
/// start.
/// `lower` is `text` ASCII-lowercased.
pub(super) fn name_mentions<'g>(
    text: &str,
    lower: &str,
    places: &[PlaceMatch<'g>],
) -> Vec<PlaceMatch<'g>> {
    // Cheap test first: most articles name no office.
    if !OFFICE_HINTS.iter().any(|h| lower.contains(h)) {
        return Vec::new();
    }
    let officials = introduced(text, lower, places);
    if officials.is_empty() {
        return Vec::new();
    }
    let Ok(ac) = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(officials.iter().map(|o| o.name.as_str()))
    else {
        return Vec::new();
    };
    let bytes = text.as_bytes();
    ac.find_iter(text)
        .filter(|m| {
            (m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric())
                && bytes
                    .get(m.end())
                    .is_none_or(|c| !c.is_ascii_alphanumeric())
        })
        .map(|m| PlaceMatch {
            start: m.start(),
            end: m.end(),
            place: officials[m.pattern().as_usize()].province,
        })
        .collect()
}

/// Officials introduced with their province: the province, then (within a
/// short reach, no other place between) an office, titles and a name.
fn introduced<'g>(text: &str, lower: &str, places: &[PlaceMatch<'g>]) -> Vec<Official<'g>> {
    let mut out: Vec<Official<'g>> = Vec::new();
    for (i, p) in places.iter().enumerate() {
        if out.len() >= MAX_OFFICIALS {
            break;
        }
        let next_place = places.get(i + 1).map_or(text.len(), |n| n.start);
        let reach_end = floor_char(text, (p.end + OFFICE_REACH).min(next_place));
        let Some(window) = lower.get(p.end..reach_end) else {
            continue;
        };
        // Stay within the sentence.
        let lower = window.split(['.', ';', '\n']).next().unwrap_or("");
        if !OFFICE_HINTS.iter().any(|h| lower.contains(h)) {
            continue;
        }
        let Some(province) = province_place(p.place) else {
            continue;
        };
        let Some((at, office)) = OFFICES
            .iter()
            .filter_map(|o| lower.find(o).map(|at| (at, *o)))
            .min_by_key(|(at, o)| (*at, std::cmp::Reverse(o.len())))
        else {
            continue;
        };
        let after = p.end + at + office.len();
        let Some(name) = name_after(text, after) else {
            continue;
        };
        if !out.iter().any(|o| o.name == name) {
            out.push(Official { name, province });
        }
    }
    out
}

/// The gazetteer's province place of a Lao or Cambodian province mention.
fn province_place(place: &Place) -> Option<&'static Place> {
    let id = place.province.as_ref()?;
    if !(id.is_lao() || id.is_cambodian())
        || !matches!(place.kind, PlaceKind::Province | PlaceKind::Capital)
    {
        return None;
    }
    static BY_ID: OnceLock<HashMap<String, &'static Place>> = OnceLock::new();
    BY_ID
        .get_or_init(|| {
            gazetteer()
                .places()
                .iter()
                .filter(|q| q.kind == PlaceKind::Province)
                .filter_map(|q| Some((q.province.as_ref()?.as_str().to_string(), q)))
                .collect()
        })
        .get(id.as_str())
        .copied()
}

/// The person's name after an office: titles skipped, then two or three
/// capitalised words ("H.E. Prak Sovann", "Mr Bounmy Phommasane").
fn name_after(text: &str, from: usize) -> Option<String> {
    let rest = text.get(from..)?;
    let rest = rest.trim_start_matches([' ', ',']);
    let mut words = rest.split(' ').filter(|w| !w.is_empty()).peekable();
    while words.peek().is_some_and(|w| TITLES.contains(w)) {
        words.next();
    }
    let mut name: Vec<&str> = Vec::new();
    for w in words.take(3) {
        let clean = w.trim_end_matches([',', '.', ';', ':', ')', '\'', '’']);
        let capitalised = clean.chars().next().is_some_and(char::is_uppercase)
            && clean.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && clean.len() >= 2;
        if !capitalised || NOT_NAMES.contains(&clean) {
            break;
        }
        name.push(clean);
        if clean.len() != w.len() {
            break;
        }
    }
    (name.len() >= 2).then(|| name.join(" "))
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provinces_named(text: &str) -> Vec<(String, String)> {
        let places = gazetteer().find(text);
        name_mentions(text, &text.to_ascii_lowercase(), &places)
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    m.place
                        .province
                        .as_ref()
                        .map(|p| p.as_str().to_string())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn an_official_introduced_with_a_province_stands_for_it_later() {
        let text = "The Stung Treng provincial governor Mom Kolap opened the fair. \
                    Later, Mom Kolap met traders from Pakse.";
        assert_eq!(
            provinces_named(text),
            [
                ("Mom Kolap".to_string(), "KH-19".to_string()),
                ("Mom Kolap".to_string(), "KH-19".to_string())
            ]
        );
        let text = "A delegation of the Attapeu Provincial Administration led by Governor \
                    H.E. Somphone Keola arrived. On Monday Somphone Keola held talks.";
        assert_eq!(provinces_named(text).len(), 2);
    }

    #[test]
    fn the_two_provinces_are_the_lao_and_the_cambodian_one_named_last() {
        let text = "Kits came from Champasak to Stung Treng in May. Then the two provinces met.";
        let places = gazetteer().find(text);
        let got: Vec<&str> = pair_mentions(&text.to_ascii_lowercase(), &places)
            .iter()
            .filter_map(|m| m.place.province.as_ref().map(|p| p.as_str()))
            .collect();
        assert_eq!(got, ["LA-CH", "KH-19"]);
        let text = "Talks in Vientiane and Phnom Penh. The two provinces agreed.";
        let places = gazetteer().find(text);
        assert!(
            pair_mentions(&text.to_ascii_lowercase(), &places).is_empty(),
            "capitals are not provinces here"
        );
        let text = "Attapeu and Sekong officials talked. Both provinces agreed.";
        let places = gazetteer().find(text);
        assert!(
            pair_mentions(&text.to_ascii_lowercase(), &places).is_empty(),
            "no Cambodian province named"
        );
    }

    #[test]
    fn no_office_or_no_name_is_no_official() {
        assert!(provinces_named("Champasak governor said the road is open.").is_empty());
        assert!(provinces_named("Officials from Champasak and Attapeu met.").is_empty());
        assert!(provinces_named("The Preah Vihear governor, who took office in 2019.").is_empty());
    }
}
