//! Event trigger words → kinds, and the cue words that tell an occasion from
//! background, speech about it, or the reporting of it.
//!
//! Every function here reads an ASCII-lowercased sentence
//! (`str::to_ascii_lowercase`, which keeps byte offsets): the patterns are
//! plain lowercase, so regex can skip ahead with a literal prefilter instead
//! of running its automaton over every byte, as it must for `(?i)` patterns.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::EventKind;

/// Trigger lexicon, in priority order when one sentence holds several: the kind
/// listed first wins ("met at the inauguration" is an opening, "handed over at a
/// meeting" is aid).
const LEXICON: &[(EventKind, &str)] = &[
    (
        EventKind::Aid,
        r"donat(?:e|ed|es|ing|ion|ions)|hand(?:ed|s|ing)? over|handover|hand-over|(?:provided|providing|offered|delivered|extended) (?:\w+ ){0,4}?(?:aid|assistance|support|funds?|vaccines?|doses|equipment|trucks?|supplies|relief)|grant(?:ed)? (?:\w+ ){0,3}?to|gave (?:\w+ ){0,4}?(?:aid|assistance)|humanitarian aid|relief supplies",
    ),
    (
        EventKind::Other,
        r"inaugurat(?:e|ed|es|ing|ion)|open(?:ed|s|ing) (?:of )?(?:the |a |an |its )?(?:new )?(?:\w+ ){0,4}?(?:checkpoint|border gate|gate|crossing|bridge|road|office|consulate|market|port|school|hospital|centre|center)|(?:opening|groundbreaking|ground-breaking|handover|closing) ceremony|began (?:marking|demarcating|building|construction|digging|work)|broke ground|launch(?:ed|es|ing)? (?:a |the |an )?(?:joint )?(?:\w+ ){0,3}?(?:project|campaign|programme|program|initiative|service|route|flight)|ceremony|(?:trade|border|friendship|cultural) (?:fair|festival|exhibition)|celebrat(?:ed|ion|ions)|commemorat(?:ed|ion)|anniversary",
    ),
    (
        EventKind::Visit,
        r"(?:official|state|working|courtesy|study|two-day|three-day|one-day|field|first|historic) visit|visit(?:ed|ing|s)?|paid a (?:\w+ ){0,2}?visit|trip to|toured|arrived in|led a (?:\w+ ){0,2}?delegation|delegation (?:led|headed) by",
    ),
    (
        EventKind::Meeting,
        r"met|meet(?:s|ing|ings)?|talks|host(?:ed|s|ing)?|collaborated with|cooperated with|worked together|held (?:\w+ ){0,2}?discussions?|discuss(?:ed|es|ing|ion|ions)?|conference|summit|session|co-chair(?:ed|s|ing)?|chair(?:ed|s)|presid(?:ed|ing) over|consultations?|forum|courtesy call|audience with|gathering|dialogue|working session",
    ),
    (
        EventKind::Agreement,
        r"sign(?:ed|s|ing)|agreement|agreed|agree|accord|memorandum|mou|pact|treaty|deal|protocol|committed to|pledged",
    ),
    (
        EventKind::Operation,
        r"joint (?:patrols?|operations?|exercises?|drills?|inspections?|crackdowns?|raids?|search)|patroll?(?:ed|ing|s)?|crackdown|raid(?:ed|s)?|arrest(?:ed|s)?|seiz(?:ed|ure)|rescu(?:ed|e)|repatriat(?:ed|ion)|hand(?:ed|s|ing)? (?:\w+ ){0,4}?back|deport(?:ed|ation)|extradit(?:ed|ion)|demining|clearance operation|(?:joint )?survey(?:ed|s)?|inspect(?:ed|ion|ions)|search(?:ed)? for",
    ),
    (
        EventKind::Proposal,
        r"propos(?:ed|al|als|es)|suggest(?:ed|ion)|call(?:ed|s)? (?:on|for)|urg(?:ed|es)|request(?:ed|s)?|appeal(?:ed|s)? (?:to|for)|letter|invited|asked",
    ),
];

/// Compiled trigger patterns, one per lexicon entry. ASCII word boundaries let
/// regex use its lazy DFA even when a sentence holds curly quotes, dashes or
/// Khmer script (a Unicode `\b` falls back to a slower engine there).
fn patterns() -> &'static [(EventKind, Regex)] {
    static P: OnceLock<Vec<(EventKind, Regex)>> = OnceLock::new();
    P.get_or_init(|| {
        LEXICON
            .iter()
            .filter_map(|(k, re)| {
                Regex::new(&format!(r"(?-u:\b)(?:{re})(?-u:\b)"))
                    .ok()
                    .map(|r| (*k, r))
            })
            .collect()
    })
}

/// Whether `s` is ASCII-lowercased, as every function here expects.
fn folded(s: &str) -> bool {
    !s.bytes().any(|b| b.is_ascii_uppercase())
}

/// The kind of the occasion a lowercased sentence states, if it has any
/// trigger: when several match, the first kind of the lexicon wins.
pub fn classify(sentence: &str) -> Option<EventKind> {
    debug_assert!(folded(sentence));
    patterns()
        .iter()
        .find(|(_, re)| re.is_match(sentence))
        .map(|(k, _)| *k)
}

macro_rules! cue {
    ($name:ident, $re:expr) => {
        pub fn $name(s: &str) -> bool {
            debug_assert!(folded(s));
            static R: OnceLock<Option<Regex>> = OnceLock::new();
            R.get_or_init(|| Regex::new($re).ok())
                .as_ref()
                .is_some_and(|r| r.is_match(s))
        }
    };
}

// A sentence about not being able to speak, or about commentary, never states an occasion.
cue!(
    non_event,
    r"(?-u:\b)(?:could not be reached|couldn't be reached|declined to comment|did not respond|not available for comment|no comment|in an interview|analysts?|researchers?|professor|experts?|observers?|royal academy|think tank|in general|tend to|it is (?:unclear|not clear))(?-u:\b)"
);

// Background: states, habits and history rather than an occasion.
cue!(
    background,
    r"(?-u:\b)(?:has been|have been|had been|is a |are a |has long|for decades|for years|since (?:the|\d{4})|traditionally|historically|usually|often|as of now|so far|to date|remain(?:s|ed)?|became|until gaining|share a|shares a)(?-u:\b)"
);

// Refers back to an occasion already introduced.
cue!(
    anaphoric,
    r"(?-u:\b)(?:during (?:the|his|her|their|this) (?:meeting|talks|visit|stay|ceremony|session|event|trip|discussion)|at the (?:meeting|talks|ceremony|event|session)|after the (?:talks|meeting|ceremony)|the (?:meeting|talks|visit|ceremony|accord|agreement|event|session|discussions?|trip|signing|inauguration|announcement|call|occasion) (?:was|were|also|touched|came|comes|is|will|had|took)|for (?:his|her|their) part|on the sidelines|both (?:sides|parties)|the two sides|on the occasion|in the meeting|also (?:agreed|discussed|signed|met|thanked|witnessed|touched)|they also|he also|she also|made the call|(?:attended|joined|addressed|opened|closed) the (?:meeting|talks|ceremony|event|session|conference|forum)|the (?:meeting|talks|visit|ceremony|session) (?:reviewed|discussed|agreed|focused|covered|heard|approved|adopted|noted))(?-u:\b)"
);

// Direct speech: a sentence that opens with a quotation mark.
pub fn is_quote(s: &str) -> bool {
    s.trim_start().starts_with(['"', '“', '‘', '«'])
}

/// Whether the date mention at `text[start..end]` (inside `sentence`, offsets
/// relative to it) dates the reporting of something rather than the occasion:
/// "in a May 28 press release", "told The Post on May 29", "said on Friday",
/// "a post on his Facebook page on November 27".
pub fn is_report_date(sentence: &str, start: usize, end: usize) -> bool {
    debug_assert!(folded(sentence));
    static BEFORE: OnceLock<Option<Regex>> = OnceLock::new();
    static AFTER: OnceLock<Option<Regex>> = OnceLock::new();
    let before = BEFORE.get_or_init(|| {
        Regex::new(
            r"(?:(?-u:\b)(?:said|says|told [^,.;]{0,40}?|reached|wrote|stated|announced|reported|posted|tweeted|confirmed|speaking to [^,.;]{0,30}?|according to [^,;]{0,80}?|published|issued|released)\s+(?:on|in|at|late|early|last|this)?\s*(?:the )?$)|(?:(?-u:\b)(?:in|on) (?:a|an|the|its|his|her) (?:statement|release|press release|post|report|interview|announcement)\s+(?:on|dated)\s*$)",
        )
        .ok()
    });
    let after = AFTER.get_or_init(|| {
        Regex::new(r"^[\s,]*(?:press (?:release|statement|conference|briefing)|statement|announcement|post|interview|report|news release|bulletin|notice)(?-u:\b)").ok()
    });
    let pre = sentence.get(..start).unwrap_or("");
    let pre_tail = pre
        .char_indices()
        .rev()
        .nth(100)
        .map_or(pre, |(i, _)| &pre[i..]);
    let post = sentence.get(end..).unwrap_or("");
    before.as_ref().is_some_and(|r| r.is_match(pre_tail))
        || after.as_ref().is_some_and(|r| r.is_match(post))
}

/// Whether a year mention is a figure's reference year or a target rather than
/// an occasion: "US$10 million in 2000", "drug-free by 2015", "until 2030".
pub fn is_non_occasion_year(sentence: &str, start: usize) -> bool {
    debug_assert!(folded(sentence));
    static R: OnceLock<Option<Regex>> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?:(?:\d|million|billion|percent|per cent|%|tonnes|tons|people|km)\s+(?:in|by)\s+$|(?-u:\b)(?:by|until|till|through|before|after|from|to|since|up to|plan|period|vision|target|strategy)\s+$|(?-u:\b)(?:\d{4})\s*(?:-|–|to|and|or)\s*$)").ok()
    });
    let pre = sentence.get(..start).unwrap_or("");
    let tail = pre
        .char_indices()
        .rev()
        .nth(30)
        .map_or(pre, |(i, _)| &pre[i..]);
    r.as_ref().is_some_and(|r| r.is_match(tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_priority() {
        let k = |s: &str| classify(&s.to_ascii_lowercase());
        assert_eq!(
            k("The two governors met in Pakse."),
            Some(EventKind::Meeting)
        );
        assert_eq!(
            k("They met at the inauguration of the checkpoint."),
            Some(EventKind::Other)
        );
        assert_eq!(
            k("The minister handed over ten trucks at a meeting."),
            Some(EventKind::Aid)
        );
        assert_eq!(
            k("Both sides signed a memorandum."),
            Some(EventKind::Agreement)
        );
        assert_eq!(
            k("He paid an official visit to Vientiane."),
            Some(EventKind::Visit)
        );
        assert_eq!(
            k("Troops carried out joint patrols."),
            Some(EventKind::Operation)
        );
        assert_eq!(
            k("The governor proposed a new bridge."),
            Some(EventKind::Proposal)
        );
        assert_eq!(k("The river is wide and slow."), None);
        // Words inside other words do not trigger.
        assert_eq!(k("A metal gateway."), None);
    }

    #[test]
    fn report_dates_are_recognised() {
        let s = "said the provincial hall in a may 28 press release";
        let i = s.find("may 28").unwrap();
        assert!(is_report_date(s, i, i + 6));
        let s = "he told the post on may 29.";
        let i = s.find("may 29").unwrap();
        assert!(is_report_date(s, i, i + 6));
        let s = "the governors met on may 27 in khong.";
        let i = s.find("may 27").unwrap();
        assert!(!is_report_date(s, i, i + 6));
    }

    #[test]
    fn figure_years_are_not_occasions() {
        let s = "trade rose from us$10 million in 2000 to more";
        assert!(is_non_occasion_year(s, s.find("2000").unwrap()));
        let s = "a drug-free region by 2015";
        assert!(is_non_occasion_year(s, s.find("2015").unwrap()));
        let s = "in 2019, the governors met";
        assert!(!is_non_occasion_year(s, s.find("2019").unwrap()));
    }

    #[test]
    fn cues() {
        assert!(non_event("the spokesman could not be reached for comment."));
        assert!(anaphoric("during the meeting, he thanked cambodia."));
        assert!(background(
            "the two countries have been close friends since 1954."
        ));
        assert!(is_quote("“We agree,” he said."));
    }
}
