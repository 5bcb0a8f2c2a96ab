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
    // A joint action carried out is an operation, whatever else its sentence
    // mentions ("carried out a joint campaign …, giving talks to villagers").
    (
        EventKind::Operation,
        r"(?:carried out|carry out|conducted|conduct|launched|staged|mounted) (?:a |an |their |the )?(?:first |second |new )?joint (?:[\w-]+ )?(?:patrols?|operations?|campaigns?|search|searches|raids?|exercises?|drills?|inspections?|crackdowns?)",
    ),
    // People handed over are repatriated, not donated.
    (
        EventKind::Operation,
        r"hand(?:ed|s|ing)? (?:them |him |her )?(?:back |over )(?:to (?:the |their )?(?:[\w-]+ ){1,4}?)?(?:[\w-]+ ){0,3}?(?:workers|nationals|migrants|suspects|prisoners|citizens|victims|fishermen|people|men|women|brokers|traffickers|smugglers|loggers|poachers)|(?:brought|escorted) (?:[\w-]+ ){0,4}?(?:suspects?|brokers|traffickers|smugglers|fishermen|nationals|migrants|workers|victims|loggers|poachers)|jointly (?:search|patrol|inspect|monitor|rescu|investigat)\w*|hand(?:ed|s|ing)? (?:the |two |three |four |five |six |\d+ )?(?:[\w-]+ ){0,3}?(?:suspects|men|women|nationals|workers|migrants|fishermen|people|prisoners|victims|brokers|traffickers|smugglers|loggers|poachers)(?: [\w-]+){0,6}? (?:over|back) to|hand(?:ed|s|ing)? (?:over |back )?(?:the |a |two |both )?(?:body|bodies|remains)|hand(?:ed|s|ing)? it (?:over|back) to (?:the |their )?(?:[\w-]+ ){0,2}?(?:officials|authorities|police|counterparts|side)|transferred (?:[\w-]+ ){0,4}?across the (?:[\w-]+ )?border|sent (?:him |her |them )?back (?:home )?to|(?:suspects|nationals|migrants|workers|victims|fishermen|brokers|traffickers|smugglers|loggers|men|women|people|citizens) (?:[\w-]+ ){0,2}?(?:were|was|have been|had been) (?:handed (?:over|back)|repatriated|returned|deported|extradited)|returned (?:[\w-]+ ){1,5}?to (?:the |their )?(?:[\w-]+ ){0,2}?(?:officials|authorities|police|counterparts|side|rangers|officers)",
    ),
    (
        EventKind::Aid,
        r"donat(?:e|ed|es|ing|ion|ions)|hand(?:ed|s|ing)? (?:it |them )?over|hand(?:ed|s|ing)? (?:[\w,-]+ ){1,6}?over to|handover|hand-over|(?:provided|providing|offered|delivered|extended|distributed|sent|presented) (?:[\w,-]+ ){0,4}?(?:aid|assistance|support|funds?|vaccines?|doses|equipment|trucks?|supplies|relief|rice|food|foodstuffs?|medicines?|medical|blankets|tents|goods|items|materials|cash|kits|masks|kip|riels|dollars)|receiv(?:ed|es|ing) (?:[\w,-]+ ){0,6}?(?:aid|assistance|donations?|supplies|equipment|vaccines?|doses|masks|kits|rice|food|medicines?|relief)|grant(?:ed)? (?:[\w-]+ ){0,3}?to|gave (?:[\w-]+ ){0,4}?(?:aid|assistance)|humanitarian aid|relief supplies|(?:was|were|been|being) (?:delivered|donated|handed over|presented)",
    ),
    (
        EventKind::Other,
        r"inaugurat(?:e|ed|es|ing|ion)|(?:a|the) return (?:event|festival|match|game|tournament|exchange|leg)|(?:re-?)?open(?:ed|s|ing) (?:of )?(?:the |a |an |its )?(?:new )?(?:[\w-]+ ){0,4}?(?:checkpoint|border gate|gate|crossing|bridge|road|office|consulate|market|port|school|hospital|centre|center)|(?:opening|groundbreaking|ground-breaking|handover|closing) ceremony|began (?:marking|demarcating|building|construction|digging|work)|broke ground|launch(?:ed|es|ing)? (?:a |the |an )?(?:joint )?(?:[\w-]+ ){0,3}?(?:project|campaign|programme|program|initiative|service|route|flight)|ceremony|(?:trade|border|friendship|cultural|tourism|business|investment|agricultural|food|art|photo) (?:fairs?|exhibitions?|expos?)|festivals?|(?:football|volleyball|friendship|sports?|petanque|boat) (?:match|matches|tournaments?|games|races?)|energi[sz](?:ed|es|ing)|switch(?:ed|es|ing) on|commission(?:ed|ing) (?:the |a |an )?(?:new )?(?:[\w-]+ ){0,3}?(?:line|plant|dam|substation|bridge|road|checkpoint)|celebrat(?:ed|ion|ions)|commemorat(?:ed|ion)|anniversary|(?:was|were) (?:formally |officially |jointly )?(?:opened|inaugurated)",
    ),
    (
        EventKind::Visit,
        r"(?:official|state|working|courtesy|study|two-day|three-day|one-day|field|first|historic) visit|visit(?:ed|ing|s)?|paid a (?:[\w-]+ ){0,2}?visit|trips?|toured|spent (?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+) (?:days?|weeks?|nights?)|arrived in|fl(?:ew|ies|y) (?:on )?to|travell?ed to|(?:led|leads?|leading|head(?:ed|s|ing)?) (?:a |an |the |his |her )?(?:[\w-]+ ){0,3}?delegation|delegation,? (?:led|headed) by|(?:received|welcomed|greeted|hosted) (?:a |an |the )?(?:[\w-]+ ){0,3}?delegation|(?:delegation|delegates|visitors|guests) (?:was |were )?(?:taken|escorted|led|shown) (?:to|around|on a tour)",
    ),
    (
        EventKind::Meeting,
        r"met|meet(?:s|ing|ings)?|talks|gathered (?:in|at|for)|host(?:ed|s|ing)?|collaborated with|cooperated with|worked together|held (?:[\w-]+ ){0,2}?discussions?|discuss(?:ed|es|ing|ion|ions)?|conference|summit|session|co-chair(?:ed|s|ing)?|chair(?:ed|s)|presid(?:ed|ing) over|consultations?|forum|courtesy call|audience with|(?:was|were) received (?:in audience )?by (?:the |his |her |their )?(?:[\w-]+ ){0,3}?(?:king|queen|prime minister|president|governor|minister|chairman|chairwoman|secretary|ambassador|speaker|samdech)|gathering|dialogue|working session|spoke (?:by telephone |by phone |on the (?:tele)?phone )?with|(?:tele)?phone (?:call|conversation)|video (?:call|conference)|workshops?|seminars?|training courses?|attended (?:a |an |the )(?:[\w-]+ ){0,3}?(?:course|training|camp)|(?:working|official|welcome|welcoming|farewell|gala|state) (?:dinner|lunch|luncheon|banquet|reception)",
    ),
    (
        EventKind::Agreement,
        r"sign(?:ed|s|ing)|(?:will|would|to|shall|can|could|may|must) sign|agreement|agreed|agree|accord|memorandum|mou|pact|treaty|deal|protocol|committed to|pledged",
    ),
    (
        EventKind::Operation,
        r"joint (?:[a-z-]+ ){0,2}?(?:patrols?|operations?|exercises?|drills?|inspections?|crackdowns?|raids?|search|census|testing|monitoring)|carr(?:y|ies|ied|ying) out (?:a |an |the )?joint|carr(?:y|ies|ied|ying) out together|(?:together|jointly) carr(?:y|ies|ied|ying) out|operations?,? (?:which |that )?(?:was |were |had been )?(?:carried out|conducted|launched|staged|mounted|ran from|took place|lasted)|(?:carried out|conducted|launched|staged|mounted) (?:a |an |the )?(?:[\w-]+ ){0,2}?operations?|joint (?:[\w-]+ )?(?:teams?|task force)|patroll?(?:ed|ing|s)?|crackdown|raid(?:ed|s)?|arrest(?:ed|s)?|detain(?:ed|s)?|seiz(?:ed|ure)|rescu(?:ed|e)|repatriat(?:ed|ion)|hand(?:ed|s|ing)? (?:[\w-]+ ){0,4}?back|deport(?:ed|ation)|extradit(?:ed|ion)|demining|clearance operation|(?:joint )?survey(?:ed|s)?|inspect(?:ed|ion|ions)|search(?:ed)? for",
    ),
    (
        EventKind::Proposal,
        r"propos(?:ed|al|als|es)|suggest(?:ed|ion)|call(?:ed|s)? (?:on|for)|urg(?:ed|es)|request(?:ed|s)?|appeal(?:ed|s)? (?:to|for)|letter|invited|asked",
    ),
    // A planned opening ("to open a border crossing") and border incidents:
    // occasions too, though weaker; last, so that any cooperation word in the
    // same sentence names the kind ("agreed to open a market" is an agreement).
    (
        EventKind::Other,
        r"(?:re-?)?open (?:a |the |an |new )?(?:[\w-]+ ){0,4}?(?:checkpoint|border gate|crossing|bridge|market)|(?:troops|soldiers|forces|units|army) (?:[\w-]+ ){0,6}?crossed (?:[\w-]+ ){0,2}?into|trespass(?:ed|es|ing)?|incursions?|intru(?:ded|sion|sions)|stand-?offs?|blocked|exchanged fire|clash(?:ed|es)?|(?:was|were) held (?:in|at|on)",
    ),
];

/// Phrases in which a trigger word does not name an occasion: "meet the
/// demand", "meeting the needs of", "a deal of", documents named after one
/// ("signed the minutes of the meeting" is a signing), and "visiting" as
/// the word for the visitors ("a banquet for the visiting delegation",
/// "talks with visiting Lao ministers": the banquet, the talks).
const FALSE_FRIENDS: &str = r"(?-u:\b)(?:meet(?:s|ing)? (?:[\w-]+ ){0,2}?(?:demands?|needs?|challenges?|targets?|requirements?|standards?|criteria|expectations?|goals?|deadlines?|conditions?)|a (?:great|good) deal|minutes of (?:the |their |its |a |these |those )?(?:[\w-]+ ){0,2}?(?:meetings?|talks|sessions?|conferences?)|(?:road|route|highway|river|railway|line)(?: no\.)? ?\d* meets|(?:which|that) meets|where (?:[\w'-]+ ){1,6}?(?:meets|borders meet)|(?:the|a|an|for|from|by|with|to|of|and|our|their|his|her) visiting)(?-u:\b)";

fn false_friends() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| compile(FALSE_FRIENDS))
}

/// Compile one of this module's own patterns. They are constants checked by
/// the tests (`every_pattern_compiles`), so a failure is a programming error,
/// reported loudly with the pattern rather than silently dropping a rule.
pub(super) fn compile(re: &str) -> Regex {
    match Regex::new(re) {
        Ok(r) => r,
        Err(e) => panic!("extractor pattern does not compile: {e}\n{re}"),
    }
}

/// Compiled trigger patterns, one per lexicon entry. ASCII word boundaries let
/// regex use its lazy DFA even when a sentence holds curly quotes, dashes or
/// Khmer script (a Unicode `\b` falls back to a slower engine there).
fn patterns() -> &'static [(EventKind, Regex)] {
    static P: OnceLock<Vec<(EventKind, Regex)>> = OnceLock::new();
    P.get_or_init(|| {
        LEXICON
            .iter()
            .map(|(k, re)| (*k, compile(&format!(r"(?-u:\b)(?:{re})(?-u:\b)"))))
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
    // Only matches outside a false friend count.
    let spans = false_friend_spans(sentence);
    patterns()
        .iter()
        .find(|(_, re)| {
            if spans.is_empty() {
                return re.is_match(sentence);
            }
            re.find_iter(sentence).any(|m| {
                !spans
                    .iter()
                    .any(|s| s.start <= m.start() && m.end() <= s.end)
            })
        })
        .map(|(k, _)| *k)
}

/// The spans of the false friends in a sentence, inside which no trigger
/// counts. "The minutes of the previous meeting, held in Stung Treng in
/// December 2008" is no false friend: the meeting has a place and time of its
/// own, so it is told.
fn false_friend_spans(sentence: &str) -> Vec<std::ops::Range<usize>> {
    static HELD: OnceLock<Regex> = OnceLock::new();
    let held = HELD.get_or_init(|| {
        compile(r"^,? (?:which was |that was )?(?:held|convened|organi[sz]ed) (?:in|at|on) ")
    });
    false_friends()
        .find_iter(sentence)
        .filter(|m| !(m.as_str().starts_with("minutes") && held.is_match(&sentence[m.end()..])))
        .map(|m| m.range())
        .collect()
}

/// A trigger word or phrase found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    pub kind: EventKind,
    /// Place of its lexicon entry: lower is stronger when kinds compete.
    pub rank: usize,
    pub start: usize,
    pub end: usize,
}

/// Every trigger in a lowercased sentence, in text order (false friends
/// left out; of two that overlap, the one listed first in the lexicon).
pub fn find_all(sentence: &str) -> Vec<Trigger> {
    debug_assert!(folded(sentence));
    let spans = false_friend_spans(sentence);
    let mut out: Vec<Trigger> = Vec::new();
    for (rank, (kind, re)) in patterns().iter().enumerate() {
        for m in re.find_iter(sentence) {
            if spans
                .iter()
                .any(|s| s.start <= m.start() && m.end() <= s.end)
            {
                continue;
            }
            out.push(Trigger {
                kind: *kind,
                rank,
                start: m.start(),
                end: m.end(),
            });
        }
    }
    // Where two overlap ("courtesy call on": a meeting, not a call on
    // someone to act), the stronger kind alone is kept.
    let all = out.clone();
    out.retain(|t| {
        !all.iter()
            .any(|u| u.rank < t.rank && u.start < t.end && t.start < u.end)
    });
    out.sort_by_key(|t| (t.start, t.rank));
    out
}

macro_rules! cue {
    ($name:ident, $re:expr) => {
        pub fn $name(s: &str) -> bool {
            debug_assert!(folded(s));
            static R: OnceLock<Regex> = OnceLock::new();
            R.get_or_init(|| compile($re)).is_match(s)
        }
    };
}

// A sentence about not being able to speak, about commentary, about an
// occasion only hoped for ("hoped a tripartite gathering could be arranged"),
// or about who takes no part ("is not part of the arrangement"), never
// states an occasion.
cue!(
    non_event_cue,
    r"(?-u:\b)(?:could not be reached|couldn't be reached|declined to comment|did not respond|not available for comment|no comment|in an interview|royal academy|think tank|in general|tend to|it is (?:unclear|not clear)|hop(?:e|es|ed|ing) (?:that )?(?:[\w-]+ ){0,8}?(?:could|would|might) be|hop(?:e|es|ed|ing) to|(?:is|are|was|were) not (?:part of|a party to|involved|included))(?-u:\b)"
);

// Commentary: what analysts, researchers or experts say ("analysts said",
// "according to regional experts", "…, a researcher on Mekong governance"),
// not a meeting of experts.
cue!(
    commentary,
    r"(?-u:\b)(?:(?:analysts?|researchers?|professors?|experts?|observers?|academics?)(?: [a-z.-]+){0,4}? (?:said|say|says|believe[sd]?|warn(?:s|ed)?|note[sd]?|argue[sd]?|suggest(?:s|ed)?|told|added|expect(?:s|ed)?|point(?:s|ed)? out)|according to (?:[a-z-]+ ){0,3}?(?:analysts?|researchers?|experts?|observers?|academics?)|(?:political|independent|security) (?:analyst|observer|commentator)|, (?:an?|the) (?:[a-z-]+ ){0,2}?(?:analyst|researcher|expert|academic|observer|professor|commentator))(?-u:\b)"
);

/// A sentence about not being able to speak, about commentary, about an
/// occasion only hoped for, or about who takes no part: it states no occasion.
pub fn non_event(s: &str) -> bool {
    non_event_cue(s) || (names_profession(s) && commentary(s))
}

// The people whose words are commentary; one pass gates the costlier reading.
cue!(
    names_profession,
    r"analyst|research|expert|observer|academic|professor|commentator"
);

// Background: states, habits and history rather than an occasion; among
// them geography ("Stung Treng borders Laos' Champasak province", "is
// bordered by", "adjoins"), which names provinces that take no part.
cue!(
    background,
    r"(?-u:\b)(?:has been|have been|had been|is a |are a |has long|for decades|for years|since (?:the|\d{4})|traditionally|historically|usually|often|rarely|seldom|as of now|so far|to date|remain(?:s|ed)?|became|until gaining|share a|shares a|currently|at present|is located|are located|lies|covering (?:an area|some \d|about \d|\d)|borders (?:on |with )?(?:laos|cambodia|thailand|vietnam|china|myanmar|the (?:lao|cambodian|thai|vietnamese) )|(?:is|are) bordered by|adjoins|(?:runs|passes|stretches|winds) (?:for|through|along|across)|(?:is|are) adjacent to|(?:is|are|was|were) (?:also )?(?:a |both )?members?|(?:is|are) (?:also )?(?:a )?part of|forms? part of|shares? (?:its |their )?borders?|has a population|is known for|is home to)(?-u:\b)"
);

// A habit told by the sentence's opening ("Every few months, a photograph
// of yet another meeting appears", "Once a year, the governors meet"), not
// by a frequency inside what is agreed ("agreed to patrol every month").
cue!(
    habitual_opening,
    r"^(?:every (?:few |two |three |four |six |other )?(?:days|weeks|months|years|week|month|year)|once a (?:week|month|year)|from time to time),"
);

// Refers back to an occasion already introduced.
cue!(
    anaphoric,
    r"(?-u:\b)(?:during (?:the|his|her|their|this) (?:meeting|talks|visit|stay|ceremony|session|event|trip|discussion)|at the (?:meeting|talks|ceremony|event|session)|after the (?:talks|meeting|ceremony)|the (?:meeting|talks|visit|ceremony|accord|agreement|event|session|discussions?|trip|signing|inauguration|announcement|call|occasion) (?:was|were|also|touched|came|comes|is|will|had|took)|for (?:his|her|their) part|on the sidelines|under the (?:plan|agreement|deal|arrangement|memorandum|mou|accord)|both (?:sides|parties)|the two sides|on the occasion|in the meeting|also (?:agreed|discussed|signed|met|thanked|witnessed|touched)|they also|he also|she also|made the call|(?:attended|joined|addressed|opened|closed) the (?:meeting|talks|ceremony|event|session|conference|forum)|the (?:meeting|talks|visit|ceremony|session) (?:reviewed|discussed|agreed|focused|covered|heard|approved|adopted|noted))(?-u:\b)|^the (?:[\w-]+ )?(?:meeting|talks|visit|trip|ceremony|donation|handover|agreement|accord|event|session|signing|summit|conference|forum|inauguration|patrol|operation|assistance)(?-u:\b)"
);

// Both sides named together without naming either: "the two ministries
// signed", "both countries agreed", "with his counterpart"; or the next
// session of what both hold ("will host the next session in 2025").
cue!(
    both_sides,
    r"(?-u:\b)(?:(?:the two|both) (?:sides|countries|nations|governments|ministries|ministers|leaders|parties|delegations|prime ministers|premiers|neighbours|neighbors|armies|forces)|counterparts?|the next (?:session|meeting|round|edition) of the (?:joint|bilateral)|the joint (?:commission|committee|working group|boundary commission)|(?:the next|next year's) (?:session|round|edition))(?-u:\b)"
);

// The next occasion of a series told ("the next annual meeting will be held
// in Banlung next year"): held by the same parties, wherever it goes.
cue!(
    next_of_series,
    r"(?-u:\b)(?:the next (?:annual |regular |joint |bilateral |ministerial )?(?:meeting|session|round|edition|talks|gathering)|(?:a|the) return (?:event|visit|festival|match|game|tournament|exchange|leg))(?-u:\b)"
);

// People already named, referred back to: "Two days later, they signed …",
// "the following day the delegation toured …", "a week later, the suspects
// were handed over".
cue!(
    same_parties,
    r"(?-u:\b)(?:they|he|she|the (?:delegation|delegations|visitors|governors|ministers|officials|two sides|two leaders|guests|suspects|men|women|victims|workers|migrants|fishermen|loggers|smugglers|traffickers)|both (?:sides|leaders|delegations))(?-u:\b)"
);

// The first day of an occasion told as a stretch: "Speaking at the opening
// ceremony, …" (what follows "the following day" counts from it).
cue!(
    at_opening,
    r"(?-u:\b)(?:opening (?:ceremony|session|day)|first day)(?-u:\b)"
);

// The end of an occasion told: "concluded the 12th meeting yesterday",
// "wrapped up a three-day visit".
cue!(
    concludes,
    r"(?-u:\b)(?:concluded|wrapped up|wraps up|came to a close|closed|ended)(?-u:\b)"
);

// A sentence that opens on an earlier occasion than the one just told
// ("Previously, the two prime ministers agreed …"): never the lead of the
// main occasion.
cue!(
    earlier_occasion,
    r"^(?:previously|earlier|before that|in the past|formerly)(?-u:\b)"
);

// The first time of something held since: "was first staged on 3
// November", "dates back to a first joint meeting held in Banlung on
// November 22", "the first fair was held on 5 May"; or a day told as long
// ago without its year ("signed on the 2nd of February some years ago").
cue!(
    origin,
    r"(?-u:\b)(?:(?:was|were) first (?:held|staged|organi[sz]ed|launched|signed|opened|played)|first (?:agreed|met|signed)|dates? back to|(?:is |are )?traced (?:back )?to|(?:some|many|several|a few) years (?:ago|back|earlier|before)|(?:the|a|its|their) (?:very )?first (?:[\w-]+ ){0,3}?(?:meeting|race|fair|festival|session|exchange|edition|match|tournament)(?: [\w-]+){0,4}? (?:was |were )?(?:held|staged|organi[sz]ed|took place))(?-u:\b)"
);

// An occasion named by its noun and a participle with its own place or
// date: "the previous meeting, held in Phnom Penh in June 2022", "an
// agreement signed in Banlung in 2021".
cue!(
    held_participle,
    r"(?-u:\b)(?:meeting|talks|session|conference|visit|agreement|memorandum|mou|fair)s?,? (?:which was |that was )?(?:held|signed|organi[sz]ed|staged|concluded) (?:in|at|on) "
);

// A sentence that opens on a later time of a day already told ("Later on
// Thursday, he paid a courtesy call …", "Later that day, …"): another
// occasion than the one told for that day, even of the same kind.
cue!(
    later_occasion,
    r"^(?:later (?:on |that |the same |in the )|afterwards,|after that,|subsequently,)"
);

// An occasion going on at the time of writing: "is visiting", "are on a
// working visit", "is paying an official visit". Dated by the report itself.
cue!(
    progressive,
    r"(?-u:\b)(?:is|are) (?:now |currently |still )?(?:visiting|touring|paying (?:a|an|his|her|their) |on (?:a|an|his|her|their) (?:[\w-]+ ){0,2}?(?:visit|trip|tour)|attending|holding (?:talks|a meeting|meetings))"
);

/// A time expression anchored on the occasion just told rather than on the
/// report: "on the same day" (0), "the following day", "the next day", "a day
/// later" (+1), "two days later" (+2), "a day earlier", "the day before",
/// "the previous day" (−1). Returns its span in the sentence and the day offset.
pub fn after_previous(s: &str) -> Option<(usize, usize, i64)> {
    debug_assert!(folded(s));
    static R: OnceLock<Regex> = OnceLock::new();
    static COUNTED: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        compile(r"(?-u:\b)(?:on |during |later |on that |that )?(?:the )?(same day|same morning|same afternoon|same evening|following day|next day|following morning|next morning|day after|previous day|day before)(?-u:\b)|(?-u:\b)((?:later|earlier) (?:that|the same|in the) (?:day|morning|afternoon|evening))(?-u:\b)")
    });
    let counted = COUNTED.get_or_init(|| {
        compile(
            r"(?-u:\b)(a|one|two|three|four|five) (days?|weeks?) (later|earlier|afterwards|before|after)(?-u:\b)",
        )
    });
    // The first of the two kinds of expression in the sentence.
    let counted = (s.contains(" day") || s.contains(" week"))
        .then(|| counted_from_previous(s, counted))
        .flatten();
    let named = r.captures(s).and_then(|c| named_from_previous(s, &c));
    match (counted, named) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// "two days later", "a week earlier", "two days after the meeting" (see
/// [`after_previous`]).
fn counted_from_previous(s: &str, counted: &Regex) -> Option<(usize, usize, i64)> {
    let c = counted.captures(s)?;
    {
        let whole = c.get(0)?;
        let days = counted_days(&c)?;
        let which = c.get(3)?.as_str();
        let sign = if matches!(which, "later" | "afterwards" | "after") {
            1
        } else {
            -1
        };
        // "two days before the summit": dated by the noun phrase; "two days
        // after the meeting" only when the meeting is the one just told.
        let rest_at = whole.end() + (s.len() - whole.end() - s[whole.end()..].trim_start().len());
        let rest = &s[rest_at..];
        let bare = rest.is_empty() || rest.starts_with([',', '.', ';']);
        let told = (which == "after")
            .then(|| told_occasion_len(rest))
            .flatten();
        if (which == "after" && told.is_none()) || (which == "before" && !bare) {
            return None;
        }
        // The occasion named is part of the expression, not a trigger of it.
        let end = told.map_or(whole.end(), |n| rest_at + n);
        Some((whole.start(), end, sign * days))
    }
}

/// "the same day", "the following day", "the day before the inauguration"
/// (see [`after_previous`]).
fn named_from_previous(s: &str, c: &regex::Captures<'_>) -> Option<(usize, usize, i64)> {
    let whole = c.get(0)?;
    let which = c.get(1).or_else(|| c.get(2))?.as_str();
    // "the day after the summit": dated by the noun phrase, not by the
    // previous occasion, unless the phrase names an occasion just told ("held
    // talks in Pakse the day before the inauguration").
    let mut end = whole.end();
    if matches!(which, "day after" | "day before") {
        let rest_at = end + (s.len() - end - s[end..].trim_start().len());
        let rest = &s[rest_at..];
        match told_occasion_len(rest) {
            Some(n) => end = rest_at + n,
            None if rest.is_empty() || rest.starts_with([',', '.', ';']) => {}
            None => return None,
        }
    }
    let offset = match which {
        // "The same afternoon", "Later that day", "Earlier in the day":
        // another occasion of the day told.
        w if w.starts_with("same") || w.starts_with("later") || w.starts_with("earlier") => 0,
        "previous day" | "day before" => -1,
        _ => 1,
    };
    Some((whole.start(), end, offset))
}

/// "The talks came two days after officials met …": the occasion the rest
/// of the sentence tells is that many days before (or after) the one its
/// subject refers back to. Returns the span of the count and the offset.
pub fn came_after(s: &str) -> Option<(usize, usize, i64)> {
    debug_assert!(folded(s));
    static CAME: OnceLock<Regex> = OnceLock::new();
    if !(s.contains(" after") || s.contains(" before")) {
        return None;
    }
    let came = CAME.get_or_init(|| {
        compile(r"^(?:the|this|that|these|those|it|they) (?:[\w'-]+ ){0,4}?(?:came|comes|followed|took place|were held|was held) (a|one|two|three|four|five) (days?|weeks?) (after|before)(?-u:\b)")
    });
    let c = came.captures(s)?;
    let days = counted_days(&c)?;
    let sign = if c.get(3)?.as_str() == "after" { -1 } else { 1 };
    Some((c.get(1)?.start(), c.get(0)?.end(), sign * days))
}

/// Where a sentence whose subject refers back to the occasion told tells of
/// another one before or after it ("The talks came after a joint search last
/// week", "The donation followed a request by the governor on September 3",
/// "The ceremony came a day after they signed"): the end of that verb, from
/// which the other occasion is read.
pub fn follows(s: &str) -> Option<usize> {
    debug_assert!(folded(s));
    static R: OnceLock<Regex> = OnceLock::new();
    if !(s.contains("after")
        || s.contains("before")
        || s.contains("follow")
        || s.contains("preced"))
    {
        return None;
    }
    let r = R.get_or_init(|| {
        compile(r"^(?:(?:the|this|that|these|those) (?:[\w'-]+ ){0,3}?(?:meetings?|talks|visits?|trip|ceremony|donations?|handover|signing|agreement|operations?|patrols?|raids?|arrests?|inauguration|event|conference|summit|exchanges?|opening|reopening|announcement|move|decision|transfer)|it|this) (?:(?:came|comes|took place|were held|was held) (?:(?:just|shortly|soon|a|one|two|three|four|five) (?:days? |weeks? )?)?(?:after|before)|followed|follows|(?:was|were) (?:followed|preceded) by)(?-u:\b)")
    });
    r.find(s).map(|m| m.end())
}

/// Where a sentence starts listing the border provinces as a description
/// of the border rather than as parties: "the border provinces of both
/// countries - Stung Treng, Ratanakiri and …", "the common border, which
/// stretches some 540 km through …". Returns the end of that phrase.
pub fn border_listing(s: &str) -> Option<usize> {
    debug_assert!(folded(s));
    static R: OnceLock<Regex> = OnceLock::new();
    if !(s.contains("border") || s.contains(" side")) {
        return None;
    }
    let r = R.get_or_init(|| {
        compile(r"(?-u:\b)(?:border provinces(?: of (?:both|the two) (?:countries|sides|nations))? ?(?:-|–|—|:|\(|, (?:namely|including))|border,? (?:which|that) (?:stretches|runs|extends|passes)|border (?:stretches|runs|extends|passes) |border,? (?:[\w ,-]{0,30}?,? )?is shared by|^on the (?:lao|cambodian|thai|vietnamese) side,? it (?:runs|passes|stretches) (?:through|along))")
    });
    r.find(s).map(|m| m.end())
}

/// A visit told by the return from it: "returned home on Friday after a
/// four-day official visit", "left Pakse on May 24 after a three-day visit".
/// Returns the visit's length in days and where the phrase starts. (A visit
/// that "ended on Friday" is dated by its end, as the news reports it.)
pub fn visit_told_by_its_end(s: &str) -> Option<(i64, usize)> {
    debug_assert!(folded(s));
    static R: OnceLock<Regex> = OnceLock::new();
    if !s.contains("-day") {
        return None;
    }
    let r = R.get_or_init(|| {
        compile(r"(?-u:\b)(?:returned home|returned to|flew home|flew back|left)(?-u:\b)[^.;]{0,80}?(?-u:\b)(?:after |of )?(?:a|an|his|her|their|the) (two|three|four|five|six|seven)-day (?:[\w-]+ )?visit")
    });
    let c = r.captures(s)?;
    Some((count_word(c.get(1)?.as_str()), c.get(0)?.start()))
}

/// "…returned home yesterday evening after leading a delegation on a visit
/// to …", "came back on Friday after a visit to …": the return is the end of
/// the visit told after it. Returns the span from the return to "after".
pub fn return_from_visit(s: &str) -> Option<(usize, usize)> {
    debug_assert!(folded(s));
    static R: OnceLock<Regex> = OnceLock::new();
    if !(s.contains("back") || s.contains("return") || s.contains("home")) || !s.contains(" after ")
    {
        return None;
    }
    let r = R.get_or_init(|| {
        compile(r"(?-u:\b)(?:returned|came back|arrived back|flew (?:home|back)|went home)(?-u:\b)[^.;]{0,60}? after (?:leading|heading|making|paying|concluding|completing|wrapping up|an?|his|her|their|the)(?-u:\b)")
    });
    let m = r.find(s)?;
    let rest = &s[m.end()..];
    (classify(rest) == Some(EventKind::Visit)).then_some((m.start(), m.end()))
}

/// Whether what follows a trigger tells that its occasion ended with a
/// signing: "[The visit] concluded on 20 June with the signing of three
/// documents", "[Talks between the two sides] ended on Thursday with the
/// signature of …".
pub fn ends_with_signing(after: &str) -> bool {
    debug_assert!(folded(after));
    static R: OnceLock<Regex> = OnceLock::new();
    if !after.contains(" with ") {
        return false;
    }
    R.get_or_init(|| {
        compile(r"^(?: [\w,'-]+){0,8}? (?:concluded|ended|closed|wrapped up|culminated)(?: [\w,-]+){0,6}? with (?:the |a )?(?:signing|signature)(?-u:\b)")
    })
    .is_match(after)
}

/// A clause counted from the sentence's own occasion: "received a courtesy
/// call on Tuesday, a day after he co-chaired the joint commission", "…,
/// two days before the governors signed", or put first: "A day after he was
/// received by the King, Thongloun held talks … on Wednesday". Returns the
/// span of the clause that tells the other occasion and the days from the
/// sentence's occasion to it.
pub fn counted_clause(s: &str) -> Option<(usize, usize, i64)> {
    debug_assert!(folded(s));
    static R: OnceLock<Regex> = OnceLock::new();
    if !(s.contains(" after ") || s.contains(" before ")) {
        return None;
    }
    let r = R.get_or_init(|| {
        compile(r"(?:^|, )(a|one|two|three|four|five) (days?|weeks?) (after|before) ")
    });
    let c = r.captures(s)?;
    let days = counted_days(&c)?;
    let sign = if c.get(3)?.as_str() == "after" { -1 } else { 1 };
    let (start, end) = (c.get(0)?.start(), c.get(0)?.end());
    // Put first, the clause ends at its comma, and the main clause follows;
    // a noun phrase there ("Two days after the flood, …") tells no occasion.
    let until = if start == 0 {
        let rest = &s[end..];
        if ["the ", "a ", "an ", "his ", "her ", "their ", "its "]
            .iter()
            .any(|w| rest.starts_with(w))
        {
            return None;
        }
        end + rest.find(", ")?
    } else {
        s.len()
    };
    Some((end, until, sign * days))
}

/// A later part of the day just told: "…, and in the afternoon he called
/// on the Prime Minister", "later that day". Returns its span.
pub fn part_of_day(s: &str) -> Option<(usize, usize)> {
    debug_assert!(folded(s));
    static PART: OnceLock<Regex> = OnceLock::new();
    if !(s.contains("afternoon") || s.contains("evening") || s.contains(" day")) {
        return None;
    }
    let part = PART.get_or_init(|| {
        compile(r"(?-u:\b)(?:and |; )?(?:in the|that|later that) (?:afternoon|evening)(?-u:\b)|(?-u:\b)later (?:that|the same) day(?-u:\b)")
    });
    let m = part.find(s)?;
    let lead = m.as_str().len()
        - m.as_str()
            .trim_start_matches("and ")
            .trim_start_matches("; ")
            .len();
    Some((m.start() + lead, m.end()))
}

/// Nouns that name an occasion, for "the day before the …".
/// Occasions a count of days can name ("two days after the meeting", "the
/// day before the inauguration"): the noun, the words that tell such an
/// occasion in a sentence, and the kinds it may have been read as.
pub const TOLD: [(&str, &[&str], &[EventKind]); 13] = [
    ("talks", &["talks"], &[EventKind::Meeting]),
    ("meeting", &["meet", "met "], &[EventKind::Meeting]),
    ("inauguration", &["inaugurat"], &[EventKind::Other]),
    (
        "ceremony",
        &["ceremony"],
        &[EventKind::Other, EventKind::Aid, EventKind::Agreement],
    ),
    ("signing", &["sign"], &[EventKind::Agreement]),
    ("visit", &["visit"], &[EventKind::Visit]),
    (
        "handover",
        &["hand"],
        &[EventKind::Aid, EventKind::Operation],
    ),
    ("opening", &["open"], &[EventKind::Other]),
    ("reopening", &["reopen"], &[EventKind::Other]),
    (
        "launch",
        &["launch"],
        &[EventKind::Other, EventKind::Operation],
    ),
    ("donation", &["donat"], &[EventKind::Aid]),
    ("patrol", &["patrol"], &[EventKind::Operation]),
    ("operation", &["operation"], &[EventKind::Operation]),
];

/// The length of "the <occasion>" that `rest` opens with, for an occasion of
/// [`TOLD`] ("the meeting", "the talks").
fn told_occasion_len(rest: &str) -> Option<usize> {
    let r = rest.strip_prefix("the ")?;
    TOLD.iter()
        .map(|(n, _, _)| *n)
        .find(|n| r.starts_with(n) && !r[n.len()..].starts_with(|c: char| c.is_alphanumeric()))
        .map(|n| 4 + n.len())
}

/// Which occasion of [`TOLD`] a counted expression ends by naming ("two days
/// after the meeting" → the meeting), by its index.
pub fn told_named(expression: &str) -> Option<usize> {
    TOLD.iter()
        .position(|(n, _, _)| expression.ends_with(&format!("the {n}")))
}

/// The occasions of [`TOLD`] whose words a lowercased sentence holds, one bit
/// each by index: what a later "two days after the handover" may count from.
pub fn told_mask(s: &str) -> u16 {
    debug_assert!(folded(s));
    TOLD.iter()
        .enumerate()
        .filter(|(_, (_, stems, _))| stems.iter().any(|w| s.contains(w)))
        .fold(0, |m, (i, _)| m | (1 << i))
}

/// A numbered day of the occasion told ("On the second day, the two sides
/// signed the minutes"): its span and the days after that occasion's first;
/// or its last day ("on the final day of the visit": `true`, no offset).
pub fn nth_day(s: &str) -> Option<(usize, usize, i64, bool)> {
    debug_assert!(folded(s));
    static NTH: OnceLock<Regex> = OnceLock::new();
    if !s.contains(" day") {
        return None;
    }
    let nth = NTH.get_or_init(|| {
        compile(r"(?-u:\b)on (?:its |the |their )(first|opening|second|third|fourth|last|final|closing) day(?-u:\b)")
    });
    let c = nth.captures(s)?;
    let (offset, last) = match c.get(1)?.as_str() {
        "first" | "opening" => (0, false),
        "second" => (1, false),
        "third" => (2, false),
        "fourth" => (3, false),
        _ => (0, true),
    };
    let whole = c.get(0)?;
    Some((whole.start(), whole.end(), offset, last))
}

/// The number a small count word names ("a", "one" … "seven"; each pattern
/// that calls this captures only these words).
fn count_word(w: &str) -> i64 {
    match w {
        "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        _ => 7,
    }
}

/// The days a counted span names: its count (capture 1) times its unit
/// (capture 2, "day(s)" or "week(s)").
fn counted_days(c: &regex::Captures<'_>) -> Option<i64> {
    let n = count_word(c.get(1)?.as_str());
    let unit = if c.get(2)?.as_str().starts_with("week") {
        7
    } else {
        1
    };
    Some(n * unit)
}

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
    static BEFORE: OnceLock<Regex> = OnceLock::new();
    static AFTER: OnceLock<Regex> = OnceLock::new();
    let before = BEFORE.get_or_init(|| {
        compile(
            r"(?:(?-u:\b)(?:said|says|told [^,.;]{0,40}?|(?:when|was|were|be|been) reached|wrote|stated|announced|reported|posted|tweeted|confirmed|speaking to [^,.;]{0,30}?|according to [^,;]{0,80}?|published|issued|released|made public)\s+(?:on|in|at|late|early|last|this)?\s*(?:the )?$)|(?:(?-u:\b)(?:in|on) (?:a|an|the|its|his|her) (?:statement|release|press release|post|report|interview|announcement)\s+(?:on|dated)\s*$)",
        )
    });
    let after = AFTER.get_or_init(|| {
        compile(r"^[\s,]*(?:press (?:release|statement|conference|briefing)|statement|announcement|post|interview|report|news release|bulletin|notice)(?-u:\b)")
    });
    let pre = sentence.get(..start).unwrap_or("");
    let pre_tail = pre
        .char_indices()
        .rev()
        .nth(100)
        .map_or(pre, |(i, _)| &pre[i..]);
    let post = sentence.get(end..).unwrap_or("");
    before.is_match(pre_tail) || after.is_match(post)
}

/// Whether a year mention dates a total rather than an occasion: "seized more
/// than four tonnes of drugs in 2018", "treated some 1,200 patients in
/// 2019" (a count over the year, not one occasion in it).
pub fn is_aggregate_year(sentence: &str, start: usize) -> bool {
    debug_assert!(folded(sentence));
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        compile(r"(?-u:\b)(?:more than|over|nearly|almost|a total of|at least|some|about|around) (?:[\d,.]+|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands) (?:[\w,.$-]+ ){0,14}?in\s+$")
    });
    let pre = sentence.get(..start).unwrap_or("");
    let tail = pre
        .char_indices()
        .rev()
        .nth(140)
        .map_or(pre, |(i, _)| &pre[i..]);
    r.is_match(tail)
}

/// Whether a year mention is a figure's reference year or a target rather than
/// an occasion: "US$10 million in 2000", "drug-free by 2015", "until 2030".
pub fn is_non_occasion_year(sentence: &str, start: usize) -> bool {
    debug_assert!(folded(sentence));
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        compile(r"(?:(?:\d|million|billion|percent|per cent|%|tonnes|tons|people|km)\s+(?:in|by)\s+$|(?-u:\b)(?:minutes|plan|programme|program|report|budget|memorandum|strategy|roadmap|framework|cooperation) (?:[\w-]+ ){0,3}?(?:in|for|of)\s+$|(?-u:\b)(?:by|until|till|through|before|after|from|to|since|up to|for|plan|period|vision|target|strategy|budget)\s+(?:the\s+)?$|(?-u:\b)(?:agreements?|accords?|commitments?|decisions?|results?) of\s+$|(?-u:\b)(?:\d{4})\s*(?:-|–|to|and|or)\s*$|(?-u:\b)(?:expected|due|scheduled|set|planned|likely) to (?:[\w-]+ ){0,3}?(?:in|by)\s+$)")
    });
    let pre = sentence.get(..start).unwrap_or("");
    let tail = pre
        .char_indices()
        .rev()
        .nth(30)
        .map_or(pre, |(i, _)| &pre[i..]);
    // "signed their first memorandum of understanding in 2008": the year of
    // the signing, not of a document named.
    let clause = pre
        .char_indices()
        .rev()
        .nth(90)
        .map_or(pre, |(i, _)| &pre[i..]);
    let signed = clause
        .rsplit([',', ';'])
        .next()
        .is_some_and(|c| c.contains("signed "));
    r.is_match(tail) && !(signed && tail.trim_end().ends_with(" in"))
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

    /// Wordings news uses for occasions that have no classic trigger verb:
    /// two of each, none from a real article.
    #[test]
    fn occasions_without_a_classic_trigger_verb() {
        let k = |s: &str| classify(&s.to_ascii_lowercase());
        // Gathering is meeting.
        let meeting = Some(EventKind::Meeting);
        assert_eq!(
            k("Border police of both provinces gathered in Pakse on Monday."),
            meeting
        );
        assert_eq!(
            k("Some 60 officials gathered at the provincial hall for two days."),
            meeting
        );
        // Days spent somewhere are a visit.
        let visit = Some(EventKind::Visit);
        assert_eq!(
            k("Twelve nurses spent two weeks at the Ban Lung hospital."),
            visit
        );
        assert_eq!(
            k("The students spent three days, from May 2 to 4, in Pakse."),
            visit
        );
        // A joint team at work is an operation.
        let operation = Some(EventKind::Operation);
        assert_eq!(
            k("A joint team of surveyors began checking the markers."),
            operation
        );
        assert_eq!(k("Joint medical teams screened 800 villagers."), operation);
        // Seized goods or animals returned to the other side's officials.
        assert_eq!(
            k("Lao rangers on Friday returned 30 turtles to Cambodian officials."),
            operation
        );
        assert_eq!(
            k("The police returned the stolen tractor to their Lao counterparts."),
            operation
        );
        assert_eq!(k("The delegation returned to Vientiane."), None);
        // Reopening is opening.
        assert_eq!(
            k("Officials of both sides reopened the border market on Sunday."),
            Some(EventKind::Other)
        );
        assert_eq!(
            k("The re-opening of the Dong Kralor crossing drew crowds."),
            Some(EventKind::Other)
        );
        // Bodies, patients and people sent back across the border.
        assert_eq!(
            k("Lao police handed it over to Cambodian officials at the border."),
            operation
        );
        assert_eq!(
            k("Rescuers handed over the bodies to their families' village chief."),
            operation
        );
        assert_eq!(
            k("The patient was transferred by ambulance across the Lao-Cambodian border."),
            operation
        );
        assert_eq!(
            k("An injured driver was sent back to Champasak after treatment."),
            operation
        );
        // A signing to come, in the base form.
        assert_eq!(
            k("They said they would sign the plan in May."),
            Some(EventKind::Agreement)
        );
        assert_eq!(
            k("Both sides are to sign a memorandum."),
            Some(EventKind::Agreement)
        );
        assert_eq!(k("It is a sign of trust."), None);
        // Particles moved past the object: "handed the two men over to …".
        assert_eq!(
            k("Stung Treng police handed two Lao men wanted for theft over to Champasak police."),
            operation
        );
        assert_eq!(
            k("The Lao side handed the suspects over to Preah Vihear police."),
            operation
        );
        assert_eq!(
            k("They handed 10 tonnes of rice over to the villagers."),
            Some(EventKind::Aid)
        );
        // Attending a course; an occasion held somewhere.
        assert_eq!(
            k("Twelve teachers attended a month-long Lao language course in Pakse."),
            meeting
        );
        assert_eq!(
            k("The first edition of the fair was held in Pakse in 2015."),
            Some(EventKind::Other)
        );
        // Sport between the two sides is an occasion.
        let other = Some(EventKind::Other);
        assert_eq!(
            k("The two teams played a friendship football match."),
            other
        );
        assert_eq!(
            k("A volleyball tournament was held for border troops."),
            other
        );
    }

    #[test]
    fn totals_over_a_year_are_no_occasion() {
        let agg = |s: &str, year: &str| {
            let l = s.to_ascii_lowercase();
            l.find(year).is_some_and(|at| is_aggregate_year(&l, at))
        };
        assert!(agg(
            "Police seized more than four tonnes of drugs in 2018.",
            "2018"
        ));
        assert!(agg(
            "Some 1,200 cubic metres of rosewood were seized in the province in 2017.",
            "2017"
        ));
        assert!(!agg(
            "The two provinces signed a memorandum in 2018.",
            "2018"
        ));
        assert!(!agg(
            "In 2018, police of both provinces seized 40 kg of heroin.",
            "2018"
        ));
        // The year something is expected to start is a target.
        let target = |s: &str, year: &str| {
            let l = s.to_ascii_lowercase();
            l.find(year).is_some_and(|at| is_non_occasion_year(&l, at))
        };
        assert!(target("Supply is expected to start in 2023.", "2023"));
        assert!(target("The road is due to be completed by 2021.", "2021"));
        assert!(!target(
            "The two sides signed a memorandum of understanding in 2008.",
            "2008"
        ));
        assert!(target(
            "They reviewed the minutes of cooperation in 2019.",
            "2019"
        ));
    }

    #[test]
    fn the_border_described_by_its_provinces() {
        let at = |s: &str| {
            let l = s.to_ascii_lowercase();
            border_listing(&l).map(|e| l[e..].trim().to_string())
        };
        assert_eq!(
            at("They encouraged the border provinces of both countries - Stung Treng and Champasak - to cooperate."),
            Some("stung treng and champasak - to cooperate.".to_string())
        );
        assert_eq!(
            at("They noted the common border, which stretches 540 km through Attapeu and Ratanakiri."),
            Some("540 km through attapeu and ratanakiri.".to_string())
        );
        assert_eq!(
            at("The Laos-Cambodia border, about 540 km long, is shared by Champasak and Attapeu."),
            Some("champasak and attapeu.".to_string())
        );
        assert_eq!(
            at("On the Lao side it runs through Champasak and Attapeu provinces."),
            Some("champasak and attapeu provinces.".to_string())
        );
        assert_eq!(
            at("Officials from the two border provinces met in Pakse."),
            None
        );
    }

    #[test]
    fn a_clause_counted_from_the_sentences_occasion() {
        let at = |s: &str| counted_clause(&s.to_ascii_lowercase()).map(|t| t.2);
        assert_eq!(
            at("He paid a courtesy call on Tuesday, a day after he co-chaired the joint commission."),
            Some(-1)
        );
        assert_eq!(
            at("Police handed over the men on May 9, two days before the governors met in Pakse."),
            Some(2)
        );
        assert_eq!(at("Two days after the flood, officials met."), None);
        assert_eq!(
            at("A day after he was received by the King, Thongloun held talks on Wednesday."),
            Some(-1)
        );
    }

    #[test]
    fn a_visit_told_by_its_end() {
        let end = |s: &str| visit_told_by_its_end(&s.to_ascii_lowercase()).map(|t| t.0);
        assert_eq!(
            end("The speaker returned home on Friday after a four-day official visit to Cambodia."),
            Some(4)
        );
        assert_eq!(
            end("He left Pakse on May 24 after his three-day working visit."),
            Some(3)
        );
        assert_eq!(
            end("The minister ended a three-day visit to Vientiane on Friday."),
            None
        );
        assert_eq!(
            end("He arrived on Friday for a four-day official visit."),
            None
        );
    }

    #[test]
    fn anchors_on_the_occasion_before() {
        let lower = |s: &str| s.to_ascii_lowercase();
        let came = |s: &str| came_after(&lower(s)).map(|t| t.2);
        assert_eq!(
            came("The talks came two days after officials met in Pakse."),
            Some(-2)
        );
        assert_eq!(
            came("The signing took place a week before the governors toured the site."),
            Some(7)
        );
        // Only when its subject refers back to what was told.
        assert_eq!(came("Officials arrived two days after the flood."), None);
        let rest = |s: &str| {
            let l = lower(s);
            follows(&l).map(|at| l[at..].trim().to_string())
        };
        assert_eq!(
            rest("The talks came after a joint search last week."),
            Some("a joint search last week.".to_string())
        );
        assert_eq!(
            rest("The donation followed a request by the governor on May 3."),
            Some("a request by the governor on may 3.".to_string())
        );
        assert_eq!(rest("Police followed the suspects to the border."), None);
        assert_eq!(
            rest("The police followed the suspects to the border."),
            None
        );
        let part = |s: &str| {
            let l = lower(s);
            part_of_day(&l).map(|(a, b)| l[a..b].to_string())
        };
        assert_eq!(
            part("He met the speaker this morning, and in the afternoon he called on the prime minister."),
            Some("in the afternoon".to_string())
        );
        assert_eq!(
            part("Talks were held on May 3; later that day the two sides signed."),
            Some("later that day".to_string())
        );
        assert_eq!(part("The afternoon session was long."), None);
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
    fn every_pattern_compiles() {
        // `compile` panics on a bad pattern: touch every one.
        assert_eq!(patterns().len(), LEXICON.len());
        let _ = false_friends();
        let s = "x";
        let _ = (
            non_event(s),
            background(s),
            anaphoric(s),
            progressive(s),
            earlier_occasion(s),
        );
        let _ = (
            after_previous(s),
            is_report_date(s, 0, 1),
            is_non_occasion_year(s, 0),
        );
    }

    #[test]
    fn triggers_are_found_with_their_positions() {
        let s = "he paid a courtesy call on the president, as part of his official visit.";
        let t = find_all(s);
        let kinds: Vec<EventKind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [EventKind::Meeting, EventKind::Visit]);
        assert_eq!(&s[t[0].start..t[0].end], "courtesy call");
        // A false friend is no trigger.
        assert!(find_all("power to meet electricity demand").is_empty());
        assert_eq!(classify("power to meet the needs of the region"), None);
        assert_eq!(
            classify("they will meet to discuss the needs of the region"),
            Some(EventKind::Meeting)
        );
        // People handed over to someone, or brought over, are an operation.
        assert_eq!(
            classify("officers handed over to the stung treng cantonment two cambodian fishermen."),
            Some(EventKind::Operation)
        );
        assert_eq!(
            classify("the lao police brought two suspected brokers to the checkpoint."),
            Some(EventKind::Operation)
        );
        assert_eq!(
            classify("rescue teams from both provinces jointly searched the river."),
            Some(EventKind::Operation)
        );
        // "Together" marks a joint operation as "joint" does.
        assert_eq!(
            classify("health staff of both districts have carried out together the vaccination."),
            Some(EventKind::Operation)
        );
        assert_eq!(
            classify("the two teams together carried out a search for the missing boat."),
            Some(EventKind::Operation)
        );
        // A road meeting another is no meeting; a workshop is one.
        assert_eq!(
            classify("the crossing sits where national road 7 meets route 13."),
            None
        );
        assert_eq!(
            classify("a two-day workshop was held in stung treng town."),
            Some(EventKind::Meeting)
        );
        // People crossing a border are no incident; troops crossing are.
        assert_eq!(
            classify("most had crossed into laos on border passes."),
            None
        );
        assert_eq!(
            classify("lao troops crossed the line into stung treng."),
            Some(EventKind::Other)
        );
        // Fairs of many kinds, and infrastructure switched on, are occasions.
        assert_eq!(
            classify("the first border trade and tourism fair was held in stung treng town."),
            Some(EventKind::Other)
        );
        assert_eq!(
            classify("edc on monday energised a new transmission line from champasak."),
            Some(EventKind::Other)
        );
        // A joint action carried out is an operation.
        assert_eq!(
            classify("health teams carried out a joint campaign, giving talks to villagers."),
            Some(EventKind::Operation)
        );
        assert_eq!(
            classify("police of the two provinces conducted a joint search at the meeting point."),
            Some(EventKind::Operation)
        );
        // Relief goods delivered, or received, are aid.
        assert_eq!(
            classify("stung treng received 5,000 face masks from champasak."),
            Some(EventKind::Aid)
        );
        assert_eq!(
            classify("the lao province received a first batch of vaccines from cambodia."),
            Some(EventKind::Aid)
        );
        assert_eq!(classify("the governor received the visitors."), None);
        assert_eq!(
            classify("the trucks delivered 15 tonnes of rice to displaced families."),
            Some(EventKind::Aid)
        );
        assert_eq!(
            classify("red cross volunteers distributed blankets and tents in the camps."),
            Some(EventKind::Aid)
        );
        // A document named after a meeting: the signing decides.
        assert_eq!(
            classify("the two governors signed the minutes of their meeting on 7 may."),
            Some(EventKind::Agreement)
        );
        assert_eq!(
            classify("both sides signed the minutes of the annual border session."),
            Some(EventKind::Agreement)
        );
    }

    #[test]
    fn passive_handovers_and_delegations() {
        assert_eq!(
            classify("vaccines from cambodia were delivered today to laos."),
            Some(EventKind::Aid)
        );
        assert_eq!(
            classify("two trucks were handed over to the province."),
            Some(EventKind::Aid)
        );
        assert_eq!(
            classify("hun sen will lead a high-level delegation to vientiane."),
            Some(EventKind::Visit)
        );
        assert_eq!(
            classify("cambodia's delegation, led by the minister, leaves tuesday."),
            Some(EventKind::Visit)
        );
    }

    #[test]
    fn same_day_expressions_point_back() {
        assert_eq!(
            after_previous("on the same day, he also met the speaker.").map(|t| t.2),
            Some(0)
        );
        assert_eq!(
            after_previous("the following day, they toured pakse.").map(|t| t.2),
            Some(1)
        );
        // "the day after the summit" is dated by the summit, not by what came before.
        assert_eq!(after_previous("the day after the summit they left."), None);
        // The numbered days of the occasion told.
        assert_eq!(
            nth_day("on the second day, the two sides signed the minutes.").map(|t| t.2),
            Some(1)
        );
        assert_eq!(
            nth_day("on the opening day, the governor proposed joint patrols.").map(|t| t.2),
            Some(0)
        );
        assert_eq!(nth_day("on the day of the vote, they met."), None);
        // ... but "the talks", "the inauguration" just told are the previous one.
        assert_eq!(
            after_previous("the ministers held talks in pakse the day before the inauguration.")
                .map(|t| t.2),
            Some(-1)
        );
        assert_eq!(
            after_previous("the day after the talks, the two sides signed.").map(|t| t.2),
            Some(1)
        );
        // Counted days, either way.
        assert_eq!(
            after_previous("a day earlier, rescuers searched the river.").map(|t| t.2),
            Some(-1)
        );
        assert_eq!(
            after_previous("two days later the governors signed the minutes.").map(|t| t.2),
            Some(2)
        );
        assert_eq!(
            after_previous("on the previous day the delegation toured khong.").map(|t| t.2),
            Some(-1)
        );
        assert_eq!(
            after_previous("two days before the summit, they met."),
            None
        );
        assert!(progressive("lao president bounnhang is visiting cambodia."));
        assert!(progressive(
            "a delegation is on a three-day working visit to attapeu."
        ));
        assert!(!progressive("the president visited cambodia."));
    }

    #[test]
    fn cues() {
        assert!(non_event("the spokesman could not be reached for comment."));
        assert!(anaphoric("during the meeting, he thanked cambodia."));
        assert!(background(
            "the two countries have been close friends since 1954."
        ));
        assert!(background(
            "the province borders laos' champasak and attapeu provinces to the north."
        ));
        assert!(background(
            "attapeu is bordered by sekong and by cambodia's ratanakiri."
        ));
        assert!(!background(
            "police patrolled the borders of the two provinces."
        ));
        // The course of a border or a river is geography.
        assert!(background(
            "the frontier, which stretches for roughly 540 km, runs through stung treng and champasak."
        ));
        assert!(background(
            "the mekong passes through khong district before it enters cambodia's stung treng."
        ));
        assert!(is_quote("“We agree,” he said."));
        assert!(background(
            "both provinces are members of the development triangle area."
        ));
        assert!(non_event(
            "officials said they hoped a tripartite gathering could be arranged soon."
        ));
        assert!(non_event(
            "officials said they hoped to include it in future."
        ));
        assert!(non_event("preah vihear is not part of the arrangement."));
        // Commentary is what analysts and experts say, not a meeting of experts.
        assert!(non_event(
            "analysts said the talks on monday were unlikely to settle the matter."
        ));
        assert!(non_event(
            "according to regional experts, trade will double by 2030."
        ));
        assert!(non_event(
            "political analyst em sovan said the visit last week mattered."
        ));
        assert!(non_event(
            "\"the plans look good,\" said chea sok, a researcher on mekong governance in phnom penh."
        ));
        assert!(non_event(
            "the talks helped little, said bounmy, an independent trade analyst based in pakse."
        ));
        assert!(!non_event(
            "a preparatory meeting of experts was held in phnom penh on december 12."
        ));
        assert!(!non_event(
            "technical experts from attapeu and stung treng met in siem pang on 3 may."
        ));
        assert_eq!(
            classify("preah vihear, which meets both provinces at the emerald triangle."),
            None
        );
        // "Where one place meets another" tells where a border runs.
        assert_eq!(
            classify(
                "the stretch of the river where cambodia's stung treng meets laos' champasak."
            ),
            None
        );
        assert_eq!(
            classify("dolphins gather at the point where the three borders meet near attapeu."),
            None
        );
        assert_eq!(
            classify("officials from both provinces meet where the road crosses the border."),
            Some(EventKind::Meeting)
        );
    }

    #[test]
    fn weeks_count_from_the_previous_occasion_and_people_handed_over_are_an_operation() {
        assert_eq!(
            after_previous("a week later, the suspects were handed over.").map(|t| t.2),
            Some(7)
        );
        assert_eq!(
            after_previous("two weeks earlier, the governors met.").map(|t| t.2),
            Some(-14)
        );
        assert_eq!(
            classify("the suspects were handed over to ratanakiri police."),
            Some(EventKind::Operation)
        );
        assert_eq!(
            classify("twelve lao workers were repatriated through the checkpoint."),
            Some(EventKind::Operation)
        );
    }
}
#[cfg(test)]
mod setting_tests {
    #[test]
    fn an_occasion_told_by_its_signing() {
        assert!(super::ends_with_signing(" of the stung treng governor to champasak concluded on 20 june with the signing of three cooperation documents in pakse."));
        assert!(super::ends_with_signing(" between attapeu and ratanakiri officials in samakhixay ended on thursday with the signing of a memorandum."));
        assert!(!super::ends_with_signing(" ended on thursday."));
        assert!(super::return_from_visit("the governor of stung treng returned home yesterday evening after leading a delegation on a working visit to champasak from 18 to 20 june.").is_some());
    }
}
