//! Reading one sentence: the occasions it states (each trigger with its own
//! time expression), the places it names, and the cues that tell an
//! occasion from background, speech about it, or the reporting of it.

use crate::gazetteer::{PlaceKind, PlaceMatch};
use crate::model::{EventKind, PartialDate, Precision, ProvinceId};

use super::dates::{DateForm, DateMention};
use super::sentences::Sentence;
use super::{actors, triggers};

/// What one sentence says, as far as events are concerned.
#[derive(Debug, Clone)]
pub(super) struct SentenceInfo<'g> {
    pub span: Sentence,
    /// The occasions stated here that carry their own time expression, in
    /// text order. Empty when the sentence has no trigger or no such date.
    pub occasions: Vec<Occasion>,
    /// The kind of the occasion a sentence without a date of its own states.
    pub kind: Option<EventKind>,
    /// The sentence holds a time expression of an occasion (dated or not).
    pub dated: bool,
    /// The date of the first such expression, whether or not a trigger owns it.
    pub first_date: Option<PartialDate>,
    /// That date is written out (not relative to the report).
    pub explicit: bool,
    pub places: Vec<PlaceMatch<'g>>,
    pub quote: bool,
    pub non_event: bool,
    pub background: bool,
    pub anaphoric: bool,
    /// Opens on an earlier occasion ("Previously, …").
    pub earlier: bool,
    /// Opens on a later time of a day already told ("Later on Thursday, …").
    pub later: bool,
    /// Names Laos/Lao places or parties, and Cambodia/Cambodian ones (not traps).
    pub lao: bool,
    pub khmer: bool,
    /// Speaks of both sides together ("the two ministries", "his counterpart").
    pub two_sides: bool,
    /// Its subject refers back to people already named ("they", "the delegation").
    pub same_parties: bool,
    /// Tells the next occasion of a series ("the next annual meeting"): its
    /// parties are those of the one told.
    pub next_of_series: bool,
    /// The occasions of [`triggers::TOLD`] the sentence tells of, as bits.
    pub told: u16,
    /// Tells an arrival somewhere ("arrived in Vientiane yesterday").
    pub arrival: bool,
    /// Names an occasion by a participle with its own place and date ("the
    /// previous meeting, held in Phnom Penh in June 2022"): an occasion even
    /// inside background ("progress since the previous meeting, held …").
    pub held_with_date: bool,
    /// Happens within an occasion told before ("During the trip, she held
    /// talks …", "On the second day of the visit, …"): its parties are that
    /// occasion's.
    pub framed: bool,
    /// Tells the end of an occasion ("concluded the meeting yesterday").
    pub concludes: bool,
    /// Tells the first day of an occasion ("at the opening ceremony").
    pub at_opening: bool,
    /// A dateline or byline ("PHNOM PENH (Xinhua) --", "Khmer Times/Reporter Wednesday, 11 January 2017").
    pub dateline: bool,
}

impl SentenceInfo<'_> {
    /// Whether this sentence may open an event: it states an occasion, is
    /// not commentary, and background or quotation does not hide it. A date
    /// written out still dates an occasion in a quotation ("“…which was
    /// signed in February 2023”"), and a calendar day does in background ("had
    /// been signed on 25 November 2009"); a year under background is part of
    /// it ("progress since the 8th meeting in 2014").
    pub fn can_open(&self) -> bool {
        let written = self.dated && self.explicit;
        let day = written
            && self
                .first_date
                .is_some_and(|d| d.precision() == Precision::Day);
        // A quotation that tells what happened on a given day ("On Monday the
        // Lao police handed them over to us") states that occasion too.
        let told_day = self.dated
            && self
                .first_date
                .is_some_and(|d| d.precision() == Precision::Day);
        self.kind.is_some()
            && !self.non_event
            && (!self.quote || written || told_day)
            && (!self.background || day || (written && self.held_with_date))
    }
}

/// One occasion a sentence states: a trigger and the time expression that
/// dates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Occasion {
    pub kind: EventKind,
    /// `None` for an expression that cannot be resolved ("on Sunday" with no
    /// publication date).
    pub date: Option<PartialDate>,
    /// Dated relative to the occasion told just before ("on the same day" → 0,
    /// "the following day" → 1): its own occasion, never merged by date.
    pub after_previous: Option<i64>,
    /// Counted from the first day of the occasion told ("on the second day"),
    /// not from the last one.
    pub from_first: bool,
    /// Counted from the last day of the occasion told ("on the last day of
    /// the visit").
    pub from_last: bool,
    /// Counted from an occasion the expression names ("two days after the
    /// meeting"), by its index in [`triggers::TOLD`], rather than from the
    /// one told just before.
    pub named: Option<usize>,
    /// The last day of an occasion told as a stretch ("from 7 to 11
    /// February", "on the 5th and 6th"): what "two days later" counts from.
    pub end: Option<PartialDate>,
    /// Where its trigger and time expression are in the sentence (byte
    /// offsets): the clause that places it, when a sentence tells several.
    pub at: (usize, usize),
}

impl Occasion {
    /// An occasion dated by a date of its own, told at the start of its
    /// sentence (a headline's date, the report's month).
    fn dated(kind: EventKind, date: PartialDate) -> Self {
        Occasion {
            kind,
            date: Some(date),
            after_previous: None,
            from_first: false,
            from_last: false,
            named: None,
            end: None,
            at: (0, 0),
        }
    }
}

/// The most time expressions read in one sentence.
const MAX_TIMES: usize = 16;

/// A time expression that may date an occasion, with its span in the sentence.
#[derive(Debug, Clone, Copy)]
struct When {
    start: usize,
    end: usize,
    date: Option<PartialDate>,
    /// Written out (a calendar day, or a month or year with its year digits),
    /// not relative to the report.
    explicit: bool,
    after_previous: Option<i64>,
    from_first: bool,
    from_last: bool,
    named: Option<usize>,
    /// The last day of a stretch ("from 7 to 11 February").
    last_day: Option<PartialDate>,
}

/// `lower` is `text` ASCII-lowercased (same byte offsets), for the trigger and cue patterns.
/// A headline's date for the occasion the opening tells with no time of its
/// own: "Champasak, Stung Treng agree to extend checkpoint hours at May 25
/// meeting" over "Authorities … have agreed to extend …". Only a day or a
/// month, only when the headline names an occasion and has one such date, and
/// only for a first or second sentence that has a trigger and no date.
pub(super) fn date_lead_by_headline(
    infos: &mut [SentenceInfo<'_>],
    title: &str,
    reference: Option<PartialDate>,
) {
    // The cheap tests first: most openings have a date or no trigger.
    let Some(lead) = infos
        .iter_mut()
        .filter(|s| !s.dateline)
        .take(2)
        .find(|s| s.kind.is_some())
    else {
        return;
    };
    if lead.dated || !lead.occasions.is_empty() || lead.non_event || lead.quote {
        return;
    }
    let Some(kind) = lead.kind else {
        return;
    };
    let lower = title.to_ascii_lowercase();
    let mut told = super::dates::tag_dates(title, reference)
        .into_iter()
        .filter(|m| !triggers::is_report_date(&lower, m.start, m.end))
        .filter_map(|m| m.date)
        .filter(|d| matches!(d.precision(), Precision::Day | Precision::Month));
    let (Some(date), None) = (told.next(), told.next()) else {
        return;
    };
    if triggers::classify(&lower).is_none() {
        return;
    }
    lead.occasions = vec![Occasion::dated(kind, date)];
    lead.dated = true;
    lead.first_date = Some(date);
    lead.explicit = true;
}

pub(super) fn read_sentences<'g>(
    text: &str,
    lower: &str,
    sents: &[Sentence],
    all_dates: &[DateMention],
    all_places: &[PlaceMatch<'g>],
    reference: Option<PartialDate>,
) -> Vec<SentenceInfo<'g>> {
    let mut di = 0usize;
    let mut pi = 0usize;
    let mut out = Vec::with_capacity(sents.len());
    for s in sents {
        let st = &text[s.start..s.end];
        let lst = &lower[s.start..s.end];
        while di < all_dates.len() && all_dates[di].start < s.start {
            di += 1;
        }
        let mut dj = di;
        while dj < all_dates.len() && all_dates[dj].end <= s.end {
            dj += 1;
        }
        while pi < all_places.len() && all_places[pi].start < s.start {
            pi += 1;
        }
        let mut pj = pi;
        while pj < all_places.len() && all_places[pj].end <= s.end {
            pj += 1;
        }
        let agency_dateline = agency_dateline_end(st);
        // A relative clause of background ("Ratanakiri, which shares borders
        // with Vietnam and Laos' Attapeu province, has …") describes a place;
        // the places it names take no part.
        let main = main_clause(lst);
        let described =
            background_relative(lst, main.len()).map(|(a, b)| (s.start + a, s.start + b));
        // The border provinces listed to describe the border, in a sentence
        // with no time of its own, take no part ("They encouraged the border
        // provinces of both countries - Stung Treng, … - to cooperate").
        let listing = (di == dj)
            .then(|| triggers::border_listing(lst))
            .flatten()
            .map(|a| s.start + a);
        // "held talks here on Tuesday": the dateline's place is where it happened.
        let here = agency_dateline > 0 && says_here(&lst[agency_dateline..]);
        let in_dateline = |p: &PlaceMatch<'_>| p.start - s.start < agency_dateline;
        let places: Vec<PlaceMatch<'g>> = all_places[pi..pj]
            .iter()
            .filter(|p| here || !in_dateline(p))
            .filter(|p| !described.is_some_and(|(a, b)| a <= p.start && p.end <= b))
            .filter(|p| (here && in_dateline(p)) || !is_metonym(lower, p))
            .filter(|p| !is_residence(lower, p) && !is_way_home(lower, p))
            .filter(|p| !is_hypothetical(lower, p) && !is_neighbour(lower, p))
            .filter(|p| !is_river_by_article(lower, p))
            .filter(|p| listing.is_none_or(|a| p.start < a))
            .copied()
            .collect();
        // The main clause names the kind when it has a trigger: in "signed the
        // minutes, which include commitments to organise a joint trade fair",
        // a signing, not a fair.
        let mut kind = triggers::classify(main).or_else(|| {
            (main.len() < lst.len())
                .then(|| triggers::classify(lst))
                .flatten()
        });
        // The setting of another occasion does not name this one's kind
        // (unless it is the only trigger there is).
        let mut framed = false;
        if kind.is_some() && SETTING_HINTS.iter().any(|w| lst.contains(w)) {
            let trigs = triggers::find_all(lst);
            framed = trigs.iter().any(|t| frames_earlier(lst, t));
            if trigs.iter().any(|t| is_setting(lst, t)) {
                kind = trigs
                    .iter()
                    .filter(|t| !is_setting(lst, t))
                    .min_by_key(|t| t.rank)
                    .map(|t| t.kind)
                    .or(kind);
            }
        }
        let mut whens = occasion_times(st, lst, s.start, &all_dates[di..dj], agency_dateline);
        // "Two days after the handover, joint teams searched …": the occasion
        // a count names is part of the time expression, not a trigger.
        if whens.iter().any(|w| w.named.is_some()) {
            let outside = |t: &triggers::Trigger| {
                !whens
                    .iter()
                    .any(|w| w.named.is_some() && w.start <= t.start && t.end <= w.end)
            };
            kind = triggers::find_all(lst)
                .into_iter()
                .filter(outside)
                .min_by_key(|t| t.rank)
                .map(|t| t.kind)
                .or(kind);
        }
        // "returned home yesterday after leading a visit to Champasak from 18
        // to 20 June": the return ends the visit the sentence dates itself.
        if let Some((from, to)) = triggers::return_from_visit(lst) {
            if whens.iter().any(|w| w.start >= to) {
                whens.retain(|w| !(from <= w.start && w.end <= to));
            }
        }
        // A short line that is a dateline and little else; a short story told
        // after the dateline ("VIENTIANE, June 6 (Xinhua) -- Laos and Cambodia
        // signed …") is a sentence like any other.
        let dateline = st.len() < 120
            && ((agency_dateline > 0 && (kind.is_none() || st.len() - agency_dateline < 40))
                || (!st.ends_with('.') && !all_dates[di..dj].is_empty() && kind.is_none()));
        // "The ceremony came a day after they signed an MoU": a signing, not
        // the ceremony told again.
        let follows = triggers::follows(lst);
        if let Some(b) = follows {
            kind = triggers::classify(&lst[b..]).or(kind);
        }
        let occasions = match kind {
            Some(kind) if !whens.is_empty() => assign(lst, kind, &whens),
            // "Lao President Bounnhang is visiting Cambodia": going on as the
            // report is written, so dated by it, at month precision.
            // Not in a relative clause ("Gen. Tea Seiha, who is on an official
            // visit to the Lao PDR, said …"): there it tells who the speaker is.
            Some(kind) if triggers::progressive(main) => reference
                .and_then(|r| {
                    r.month()
                        .and_then(|m| PartialDate::from_parts(r.year(), Some(m), None))
                })
                .map(|date| vec![Occasion::dated(kind, date)])
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        // "held the 19th meeting this week, with the senior officials' meeting
        // and the ministerial meeting on 21 and 22 February respectively": the
        // whole told vaguely is its parts told exactly, not one more occasion.
        let mut occasions = occasions;
        let parts: Vec<Occasion> = occasions.clone();
        occasions.retain(|o| {
            !parts.iter().any(|p| {
                p.kind == o.kind
                    && o.after_previous.is_none()
                    && p.at.0 > o.at.0
                    && match (o.date, p.date) {
                        (Some(whole), Some(part)) => {
                            part.precision() > whole.precision() && part.compatible(&whole)
                        }
                        _ => false,
                    }
            })
        });
        // "returned home on Friday after a four-day visit": the visit began
        // three days before Friday.
        if let Some((days, _)) = triggers::visit_told_by_its_end(lst) {
            if let [o] = occasions.as_mut_slice() {
                if o.kind == EventKind::Visit && o.after_previous.is_none() {
                    o.date = o
                        .date
                        .filter(|d| d.precision() == Precision::Day)
                        .and_then(|d| d.to_naive())
                        .and_then(|d| d.checked_sub_signed(chrono::TimeDelta::days(days - 1)))
                        .map(PartialDate::from_naive)
                        .or(o.date);
                }
            }
        }
        // "…on Tuesday, a day after Saleumxay co-chaired a meeting of the
        // joint commission": that meeting too, on Monday.
        if let Some((at, until, days)) = triggers::counted_clause(lst) {
            let first = occasions.first().copied();
            let told = first.filter(|o| o.after_previous.is_none()).and_then(|o| {
                let day = o
                    .date
                    .filter(|d| d.precision() == Precision::Day)?
                    .to_naive()?;
                let day = day.checked_add_signed(chrono::TimeDelta::days(days))?;
                Some((
                    triggers::classify(&lst[at..until])?,
                    PartialDate::from_naive(day),
                ))
            });
            if let (Some((kind, date)), true) = (told, occasions.len() == 1) {
                occasions.push(Occasion {
                    kind,
                    date: Some(date),
                    after_previous: None,
                    from_first: false,
                    from_last: false,
                    named: None,
                    end: None,
                    at: (at, until),
                });
            }
        }
        let (lao, khmer) = sides(actors::sides(st), &places);
        let anchored = occasions.iter().any(|o| o.after_previous.is_some());

        // A span of years dates no occasion but is still a time of its own:
        // the sentence ("erecting 121 markers between 2000 and 2005") tells
        // of another time than the occasion before it.
        // So does the year of a total ("worth 12.6 billion baht in 2022").
        let spans_years = all_dates[di..dj].iter().any(|m| {
            m.date.is_some_and(|d| d.precision() == Precision::Year)
                && (digit_groups(&text[m.start..m.end]) >= 2
                    || triggers::is_aggregate_year(lst, m.start - s.start))
        });
        out.push(SentenceInfo {
            span: *s,
            dated: !whens.is_empty() || !occasions.is_empty() || spans_years,
            first_date: whens.first().and_then(|w| w.date),
            explicit: whens.first().is_some_and(|w| w.explicit),
            occasions,
            kind,
            places,
            quote: triggers::is_quote(st),
            non_event: triggers::non_event(lst),
            // "The frontier, which stretches for 540 km, runs through …": the
            // main clause resumes after the relative clause.
            background: triggers::background(main)
                || resumed_main(lst, main.len()).is_some_and(triggers::background)
                || triggers::habitual_opening(lst),
            anaphoric: follows.is_none() && triggers::anaphoric(lst),
            earlier: kind.is_some() && triggers::earlier_occasion(lst),
            later: triggers::later_occasion(lst),
            lao,
            khmer,
            two_sides: triggers::both_sides(lst),
            // Read only where used: occasions dated from the one before, and
            // the sentences that open events.
            same_parties: anchored && triggers::same_parties(lst),
            next_of_series: (lst.contains("the next ") || lst.contains(" return "))
                && triggers::next_of_series(lst),
            told: triggers::told_mask(lst),
            arrival: ["arrived in", "arrives in", "landed in", "arrived at"]
                .iter()
                .any(|w| lst.contains(w)),
            held_with_date: triggers::held_participle(lst),
            framed,
            concludes: kind.is_some() && triggers::concludes(lst),
            at_opening: triggers::at_opening(lst),
            dateline,
        });
    }
    out
}

/// The time expressions of a sentence that may date an occasion: neither
/// the dateline's filing date, nor a report date ("said on Friday", "in a
/// May 28 press release"), nor a figure or target year ("US$10 million in
/// 2000", "by the end of this year"); plus "on the same day" and the like.
/// Offsets are relative to the sentence.
fn occasion_times(
    st: &str,
    lst: &str,
    base: usize,
    dates: &[DateMention],
    dateline_end: usize,
) -> Vec<When> {
    let mut out: Vec<When> = Vec::new();
    for m in dates {
        let (a, b) = (m.start - base, m.end - base);
        if a < dateline_end || triggers::is_report_date(lst, a, b) {
            continue;
        }
        let year_only = m.date.is_some_and(|d| d.precision() == Precision::Year);
        if year_only
            && matches!(m.form, DateForm::Period | DateForm::Relative)
            && triggers::is_non_occasion_year(lst, a)
        {
            continue;
        }
        if year_only && triggers::is_aggregate_year(lst, a) {
            continue;
        }
        // "today's decisions": dates the noun it owns, an occasion only when
        // that noun names one ("Monday's meeting").
        if let Some(owned) = lst[b..]
            .strip_prefix("'s ")
            .or_else(|| lst[b..].strip_prefix("’s "))
        {
            let phrase = owned
                .split(|c: char| !c.is_alphanumeric() && c != ' ' && c != '-')
                .next()
                .unwrap_or("");
            let noun: String = phrase
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            if triggers::classify(&noun).is_none() {
                continue;
            }
        }
        // When a measure takes effect ("will open from 6am to 8pm, starting
        // next month") is no occasion.
        let lead = text_before(lst, a, 24).trim_end();
        if [
            "starting",
            "effective",
            "beginning",
            "starting from",
            "effective from",
            "with effect from",
        ]
        .iter()
        .any(|w| lead.ends_with(w))
        {
            continue;
        }
        // A day of the week in a schedule ("market days limited to Saturday
        // and Sunday", "every Friday") is no day in particular.
        if m.form == DateForm::Weekday && is_schedule_day(lst, a) {
            continue;
        }
        let written = &st[a..b];
        // A span of years ("the 2019-2020 dry season", "for 2020-2025") is a
        // plan's or a season's, never one occasion's.
        if year_only && digit_groups(written) >= 2 {
            continue;
        }
        let explicit = m.form == DateForm::Absolute || has_year_digits(written);
        // "The race was first staged on 3 November": the first time of
        // something held since is of an unknown year, not the latest 3 November.
        let date = match m.date {
            Some(d)
                if m.form == DateForm::Absolute
                    && d.year_known()
                    && !has_year_digits(written)
                    && triggers::origin(lst) =>
            {
                d.month()
                    .and_then(|mo| d.day().and_then(|day| PartialDate::md(mo, day)))
                    .or(Some(d))
            }
            d => d,
        };
        let when = When {
            start: a,
            end: b,
            date,
            explicit,
            after_previous: None,
            from_first: false,
            from_last: false,
            named: None,
            last_day: m.end_date,
        };
        // "… and … on 10 and 11 August respectively": two days, one for each
        // thing named, not a stretch.
        let split = m
            .end_date
            .filter(|_| lst[b..].contains("respectively"))
            .and_then(|last| {
                let and = lst[a..b].find(" and ")? + a;
                Some([
                    When {
                        end: and,
                        last_day: None,
                        ..when
                    },
                    When {
                        start: and + 5,
                        date: Some(last),
                        last_day: None,
                        ..when
                    },
                ])
            });
        match split {
            Some(two) => out.extend(two),
            None => out.push(when),
        }
    }
    // A sentence is a clause or a few: more time expressions than this is a
    // table or a list, whose further dates are not read (keeps `assign`,
    // which pairs dates with triggers, bounded).
    out.truncate(MAX_TIMES);
    // Anchored on the occasion before: "came a day after …" unless the rest
    // has its own date ("… held a video conference on Monday"); a later part
    // of the day only after a time of this sentence ("This morning … met,
    // and in the afternoon …"), since alone it is the day already told.
    let anchored = triggers::came_after(lst)
        .filter(|&(_, b, _)| !out.iter().any(|w| w.start >= b))
        .or_else(|| {
            // … or opening the sentence ("In the afternoon, the consul handed
            // over …"): a time of its own, the day told before.
            triggers::part_of_day(lst)
                .filter(|&(a, _)| a == 0 || out.iter().any(|w| w.end <= a && w.date.is_some()))
                .map(|(a, b)| (a, b, 0))
        })
        .map(|(a, b, offset)| (a, b, offset, false, false))
        .or_else(|| triggers::nth_day(lst).map(|(a, b, offset, last)| (a, b, offset, !last, last)))
        .or_else(|| {
            triggers::after_previous(lst).map(|(a, b, offset)| (a, b, offset, false, false))
        });
    // "A joint field visit took place the following day, and two days after
    // the meeting the delegation handed over …": each counted from the
    // occasion told before, each its own.
    let mut next = anchored.map(|(_, b, _, _, _)| b);
    let further = std::iter::from_fn(|| {
        let from = next?;
        let (a, b, offset) = triggers::after_previous(lst.get(from..)?)?;
        next = Some(from + b);
        Some((from + a, from + b, offset, false, false))
    });
    for (a, b, offset, from_first, from_last) in anchored.into_iter().chain(further).take(MAX_TIMES)
    {
        // "On the final day of the workshop, Wednesday, …": the day named
        // beside it is the date.
        let named_beside = |out: &[When]| {
            out.iter().any(|w| {
                w.start >= b
                    && lst.get(b..w.start).is_some_and(|g| {
                        // "… day of the workshop, Wednesday".
                        let g = g.trim_matches([' ', ',']);
                        g.is_empty() || (g.starts_with("of ") && g.split(' ').count() <= 3)
                    })
            })
        };
        // "The day before, a meeting was held": the day before the occasion
        // just told, not before the report (as the date tagger reads it alone).
        let overlaps = |w: &When| w.start < b && a < w.end;
        if out.iter().any(overlaps) && out.iter().filter(|w| overlaps(w)).all(|w| !w.explicit) {
            out.retain(|w| !overlaps(w));
        }
        if !out.iter().any(overlaps) && !named_beside(&out) {
            let at = out.partition_point(|w| w.start < a);
            out.insert(
                at,
                When {
                    start: a,
                    end: b,
                    date: None,
                    explicit: false,
                    after_previous: Some(offset),
                    from_first,
                    from_last,
                    named: triggers::told_named(&lst[a..b]),
                    last_day: None,
                },
            );
        }
    }
    out.truncate(MAX_TIMES);
    out
}

/// Whether the words between two time expressions tell that the second
/// occasion followed the first ("were followed the next day by the signing",
/// "followed a similar delivery on 28 April"): two occasions.
fn sequel(between: &str) -> bool {
    [
        " followed",
        " follows",
        " preceded",
        " came after",
        " came before",
    ]
    .iter()
    .any(|w| between.contains(w))
}

/// Whether the words between two dates are a bare "and" (commas allowed).
fn bare_and(between: &str) -> bool {
    between.trim_matches(|c: char| c.is_whitespace() || c == ',') == "and"
}

/// Whether two month dates joined by a bare "and" are one stretch of time
/// ("field work in March and April this year", dated by its first month),
/// not two occasions.
fn month_span(a: Option<PartialDate>, b: Option<PartialDate>, between: &str) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let month = |d: PartialDate| {
        (d.precision() == Precision::Month)
            .then(|| {
                d.month()
                    .map(|m| i64::from(d.year().unwrap_or(0)) * 12 + i64::from(m))
            })
            .flatten()
    };
    bare_and(between) && matches!((month(a), month(b)), (Some(x), Some(y)) if y == x + 1)
}

/// Whether two days joined by a bare "and" are consecutive ("met on the 5th
/// and 6th"): one stretch of two days, unless the sentence pairs them with
/// two things ("… respectively").
fn day_span(a: Option<PartialDate>, b: Option<PartialDate>, between: &str) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let next = a
        .to_naive()
        .and_then(|d| d.succ_opt())
        .map(PartialDate::from_naive);
    bare_and(between) && a.precision() == Precision::Day && next == Some(b)
}

/// "from the 3rd to the 5th (of this month)": two days of one month joined as
/// the ends of a stretch.
fn day_range(a: Option<PartialDate>, b: Option<PartialDate>, between: &str) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let t = between.trim();
    let t = t.strip_suffix(" the").unwrap_or(t);
    matches!(t, "to" | "until" | "till" | "through" | "-" | "–")
        && a.precision() == Precision::Day
        && b.precision() == Precision::Day
        && (a.year(), a.month()) == (b.year(), b.month())
        && a.day() < b.day()
}

/// Whether the weekday at `start` names a day of a weekly schedule: after
/// "every", "each", "limited to", "open on", or coordinated with such a one
/// ("limited to Saturday and Sunday").
fn is_schedule_day(lst: &str, start: usize) -> bool {
    let before = text_before(lst, start, 40).trim_end();
    const SCHEDULE: [&str; 6] = [
        "every",
        "each",
        "limited to",
        "restricted to",
        "open on",
        "weekly on",
    ];
    // "Saturday and Sunday": the second day takes the first one's reading.
    let first = before
        .strip_suffix(" and")
        .and_then(|b| b.rsplit_once(' '))
        .filter(|(_, day)| day.ends_with("day"))
        .map_or(before, |(head, _)| head.trim_end());
    SCHEDULE.iter().any(|w| first.ends_with(w))
}

/// How many runs of digits `s` holds ("2019-2020": 2).
fn digit_groups(s: &str) -> usize {
    s.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .count()
}

fn has_year_digits(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// Give each time expression of a sentence to the trigger it dates, and
/// return the occasions so found, in text order.
///
/// Each expression dates one trigger, and each trigger is dated once: the
/// trigger it premodifies ("his April 23 meeting", "the August 2017
/// standoff"), else the strongest one written since the expression before
/// ("paid a courtesy call … yesterday afternoon, as part of his official
/// visit …, from Dec. 5 to 6" is a call dated yesterday and a visit dated
/// 5–6 December), else the first one after it, before the next expression
/// ("On May 27, the governors met"; "… met on May 27, and on May 28 they
/// signed"). An expression left with no trigger of its own is a further
/// occasion only when coordinated with the one before ("were on Nov. 16,
/// 2020 and on Sept. 28, 2021"); a closer date of that occasion is its date
/// ("earlier this month …, on the 3rd"); otherwise it restates that date
/// ("Friday, March 6") or belongs to something that is not an occasion
/// ("handed over rice this morning to families whose crops failed last
/// year").
fn assign(lst: &str, kind: EventKind, whens: &[When]) -> Vec<Occasion> {
    let occasion = |k: EventKind, w: &When| Occasion {
        kind: k,
        date: w.date,
        after_previous: w.after_previous,
        from_first: w.from_first,
        from_last: w.from_last,
        named: w.named,
        end: w.last_day,
        at: (w.start, w.end),
    };
    if whens.len() == 1 {
        return vec![occasion(kind, &whens[0])];
    }
    let trigs = triggers::find_all(lst);
    let mut claimed = vec![false; trigs.len()];
    let mut out: Vec<Occasion> = Vec::new();
    let mut from = 0usize;
    for (wi, w) in whens.iter().enumerate() {
        let until = whens.get(wi + 1).map_or(lst.len(), |n| n.start);
        let free = |i: &usize| !claimed[*i];
        let premodified = (0..trigs.len())
            .filter(free)
            .filter(|&i| trigs[i].start >= w.end && premodifies(&lst[w.end..trigs[i].start]))
            .min_by_key(|&i| trigs[i].rank);
        // Not across a relative clause: in "handed over aid to Attapeu, where
        // thousands were left homeless by the collapse of a dam last week",
        // "last week" dates the collapse.
        let before = || {
            (0..trigs.len())
                .filter(free)
                .filter(|&i| trigs[i].start >= from && trigs[i].end <= w.start)
                .filter(|&i| !opens_relative_clause(&lst[trigs[i].end..w.start]))
                .filter(|&i| !is_setting(lst, &trigs[i]))
                .min_by_key(|&i| trigs[i].rank)
        };
        // After it only when it opens its clause: the sentence's first
        // expression, or one coordinated in ("…, and on May 28 they signed").
        let opens_clause = wi == 0 || {
            let lead = lst[from..w.start].trim_end();
            let lead = lead
                .strip_suffix(" on")
                .or_else(|| lead.strip_suffix(" in"))
                .unwrap_or(lead)
                .trim_end_matches(',');
            lead.ends_with(" and")
                || lead.ends_with(" then")
                || lead.ends_with(';')
                || lead.ends_with(" followed")
                // "…, and three years later, in January 2017, a joint team …"
                || (lead.ends_with(" later") && lead.contains(" and "))
        };
        let after = || {
            (0..trigs.len())
                .filter(free)
                .filter(|_| opens_clause)
                .filter(|&i| !is_setting(lst, &trigs[i]))
                .find(|&i| trigs[i].start >= w.end && trigs[i].end <= until)
        };
        let own = premodified.or_else(before).or_else(after);
        if let Some(i) = own {
            claimed[i] = true;
        }
        let next = match (own.map(|i| trigs[i].kind), out.last_mut()) {
            (Some(k), _) => Some(k),
            (None, None) => Some(kind),
            (None, Some(prev)) => {
                let p = &whens[wi - 1];
                if (w.date != p.date || w.after_previous != p.after_previous)
                    && (coordinated(&lst[p.end..w.start]) || sequel(&lst[p.end..w.start]))
                    && !month_span(p.date, w.date, &lst[p.end..w.start])
                    && (!day_span(p.date, w.date, &lst[p.end..w.start])
                        || lst.contains("respectively"))
                {
                    Some(prev.kind)
                } else {
                    // "met on the 5th and 6th": one stretch of two days.
                    let between = &lst[p.end..w.start];
                    if (day_span(p.date, w.date, between) || day_range(p.date, w.date, between))
                        && prev.end.is_none()
                    {
                        prev.end = w.date;
                    }
                    // A closer date of the same occasion ("earlier this month
                    // …, on the 3rd") is its date.
                    if let (Some(closer), Some(vague)) = (w.date, prev.date) {
                        if closer.precision() > vague.precision()
                            && closer.compatible(&vague)
                            && prev.after_previous.is_none()
                        {
                            prev.date = Some(closer);
                        }
                    }
                    None
                }
            }
        };
        if let Some(k) = next {
            let mut o = occasion(k, w);
            if let Some(t) = own.map(|i| &trigs[i]) {
                o.at = (t.start.min(w.start), t.end.max(w.end));
            }
            // Two triggers dated the same day in one sentence are one
            // occasion ("his April 23 meeting … on the sidelines of the
            // summit, held on April 23-24"), unless one is a visit and the
            // other what happened during it.
            let same_day = out
                .iter_mut()
                .find(|p| p.date == o.date && p.after_previous == o.after_previous);
            match same_day {
                Some(p) if p.kind == o.kind => p.at.1 = p.at.1.max(o.at.1),
                Some(p) if p.kind != EventKind::Visit && o.kind != EventKind::Visit => {
                    p.at.1 = p.at.1.max(o.at.1);
                    if rank_of(o.kind, &trigs) < rank_of(p.kind, &trigs) {
                        p.kind = o.kind;
                    }
                }
                _ => out.push(o),
            }
        }
        from = w.end;
    }
    out
}

/// The places of occasion `nth` of sentence `s`. A sentence that tells several occasions
/// places each in its own clause ("signed an MoU in Vientiane in 2019 and … a technical
/// meeting in Samakhixay, Attapeu, on 5 March 2024"): the clause runs from the break
/// (", and", ";", " and", …) before its trigger or date to the break before the next
/// occasion's. A clause that names no Lao or Cambodian province ("and signed a
/// memorandum on 9 March") shares the whole sentence's places.
pub(super) fn occasion_places<'a, 'g>(
    text: &str,
    s: &'a SentenceInfo<'g>,
    nth: usize,
) -> Vec<&'a PlaceMatch<'g>> {
    let all: Vec<&PlaceMatch<'g>> = s.places.iter().collect();
    let occ = &s.occasions;
    let in_order = occ
        .windows(2)
        .all(|w| w[0].at.1 <= w[1].at.0 && w[1].at.0 > 0);
    if occ.len() < 2 || nth >= occ.len() || !in_order {
        return all;
    }
    let Some(sentence) = text.get(s.span.start..s.span.end) else {
        return all;
    };
    let lst = sentence.to_ascii_lowercase();
    // Where the clause of occasion `k` (k ≥ 1) begins.
    let boundary = |k: usize| -> usize {
        let (from, to) = (occ[k - 1].at.1, occ[k].at.0);
        let gap = lst.get(from..to).unwrap_or("");
        const BREAKS: [&str; 6] = [
            ", and ",
            "; ",
            ", while ",
            ", after ",
            ", before ",
            ", following ",
        ];
        BREAKS
            .iter()
            .filter_map(|b| gap.rfind(b))
            .max()
            .or_else(|| gap.rfind(" and "))
            .map_or(to, |i| from + i)
    };
    let start = if nth == 0 { 0 } else { boundary(nth) };
    let end = if nth + 1 < occ.len() {
        boundary(nth + 1)
    } else {
        lst.len()
    };
    let own: Vec<&PlaceMatch<'g>> = all
        .iter()
        .copied()
        .filter(|p| {
            let at = p.start.saturating_sub(s.span.start);
            (start..end).contains(&at)
        })
        .collect();
    let linked: Vec<ProvinceId> = own
        .iter()
        .filter_map(|p| super::linked_province(p))
        .collect();
    let (lao, khmer) = (
        linked.iter().any(ProvinceId::is_lao),
        linked.iter().any(ProvinceId::is_cambodian),
    );
    // A joint occasion placed on one side ("a joint field visit to villages in
    // Phouvong district the following day") has both sides' parties.
    let joint = lst.get(start..end).is_some_and(|c| c.contains("joint"));
    if !(lao || khmer) || (joint && !(lao && khmer)) {
        all
    } else {
        own
    }
}

/// Whether the words between a date and a trigger make the date a
/// premodifier of it: at most two words, no punctuation, adjectives rather
/// than function words ("the August 2017 standoff", "a May 27 joint
/// meeting", "Manet's March 25-26 trip"; not "on Friday during a visit").
fn premodifies(between: &str) -> bool {
    const FUNCTION_WORDS: [&str; 18] = [
        "a", "an", "the", "during", "of", "in", "on", "at", "for", "to", "with", "by", "from",
        "and", "his", "her", "their", "its",
    ];
    between.len() <= 24
        && between.split_whitespace().count() <= 2
        && between
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
        && between.starts_with(' ')
        && !between
            .split_whitespace()
            .any(|w| FUNCTION_WORDS.contains(&w))
}

/// A sentence up to its first relative clause: what a background cue in
/// "… met in Ban Lung last week to coordinate efforts along their shared
/// border, where migrant workers remain at risk" says of the border, not of
/// the meeting; so in "women who had been lured … were handed back
/// yesterday".
fn main_clause(lst: &str) -> &str {
    // The earliest relative opener: "who"/"whose" anywhere, "where"/"which"
    // after a comma, a restrictive "that had been" ("the market that had been
    // shut since …"). Each is one substring search, not a test at every space.
    const OPENERS: [(&str, usize); 10] = [
        (" who ", 0),
        (" whose ", 0),
        (" that had been ", 0),
        (" that has been ", 0),
        (" that have been ", 0),
        (", where ", 1),
        (", which ", 1),
        // "… the Development Triangle, of which both provinces, with
        // Ratanakiri and Stung Treng, are members": what a place includes.
        (", of which ", 1),
        // "… next month to plan operations ahead of the festive season, when
        // trafficking usually increases": the season's habit, not the meeting's.
        (", when ", 1),
        // "… handed over two suspects, while the third remains in custody":
        // a contrast about something else.
        (", while ", 1),
    ];
    // A restrictive clause describing a place: "a stretch of the Mekong that
    // forms part of the border", "the road that links the two checkpoints".
    const DESCRIBING: [&str; 12] = [
        "forms ",
        "form ",
        "runs ",
        "lies ",
        "marks ",
        "separates ",
        "links ",
        "connects ",
        "divides ",
        "flows ",
        "stretches ",
        "borders ",
    ];
    let describing = lst.match_indices(" that ").find_map(|(i, w)| {
        let rest = &lst[i + w.len()..];
        DESCRIBING.iter().any(|d| rest.starts_with(d)).then_some(i)
    });
    let at = OPENERS
        .iter()
        .filter_map(|(w, skip)| lst.find(w).map(|i| i + skip))
        .chain(describing)
        .min();
    at.map_or(lst, |at| &lst[..at])
}

/// The span of the first relative clause of a sentence when it is
/// background: from ", which"/", where"/", who" (where the main clause of
/// `main_clause` ends, at `start`) to the next comma (or the end).
fn background_relative(lst: &str, start: usize) -> Option<(usize, usize)> {
    // Only a clause set off by commas has a known end.
    if start >= lst.len() || !lst[..start].ends_with(',') {
        return None;
    }
    let rest = &lst[start + 1..];
    // A partitive clause ("of which Attapeu, Stung Treng and Ratanakiri are
    // members") holds lists: it runs to the end of the sentence.
    let end = if rest.starts_with("of which ") {
        lst.len()
    } else {
        rest.find(", ").map_or(lst.len(), |e| start + 1 + e)
    };
    triggers::background(&lst[start..end]).then_some((start, end))
}

/// The rest of the main clause after a relative clause set off by commas
/// ("The frontier, which stretches for 540 km, runs through …" → "runs
/// through …"), when `start` (where `main_clause` ended) opens one.
fn resumed_main(lst: &str, start: usize) -> Option<&str> {
    // Only a relative clause is set off inside the main one; after ", when"
    // or ", while" the main clause is over.
    if start >= lst.len()
        || !lst[..start].ends_with(',')
        || !(lst[start..].starts_with(" which ") || lst[start..].starts_with(" who "))
    {
        return None;
    }
    let rest = &lst[start + 1..];
    rest.find(", ").map(|e| &rest[e + 2..])
}

/// Words without which no trigger of a sentence can be a setting (see
/// [`is_setting`]): a cheap test before the triggers are listed.
const SETTING_HINTS: [&str; 10] = [
    "sideline",
    "margins of",
    "end of the",
    "close of the",
    "conclusion of the",
    " of the ",
    "during ",
    "concluded",
    "ended",
    "closed",
];

/// Whether a trigger names, as the frame of a sentence's occasion, an
/// occasion told before: "during the trip", "on the second day of the
/// visit", "during his visit" (not "during a visit", a new one).
fn frames_earlier(lst: &str, t: &triggers::Trigger) -> bool {
    let before = text_before(lst, t.start, 24);
    [
        "during the ",
        "during his ",
        "during her ",
        "during their ",
        "day of the ",
        "day of his ",
        "day of her ",
        "day of their ",
        "days of the ",
    ]
    .iter()
    .any(|m| before.ends_with(m))
}

/// Whether a trigger names the setting of another occasion: the frame the
/// occasion happens in ("On the sidelines of the meeting, the two governors
/// signed …", "At the end of the talks, …", "On the second day of the visit,
/// he paid a courtesy call …", "During the trip, she held talks …"), or an
/// occasion told by how it ended ("The visit concluded on 20 June with the
/// signing of …"): the signing, the call, the talks are the occasion.
fn is_setting(lst: &str, t: &triggers::Trigger) -> bool {
    let before = text_before(lst, t.start, 24);
    let framed = [
        "sidelines of the ",
        "sidelines of a ",
        "sideline of the ",
        "margins of the ",
        // "At the end of the meeting, the two sides signed …": a signing.
        "end of the ",
        "close of the ",
        "conclusion of the ",
        "course of the ",
    ]
    .iter()
    .any(|m| before.ends_with(m));
    framed || frames_earlier(lst, t) || triggers::ends_with_signing(&lst[t.end.min(lst.len())..])
}

/// Whether a stretch of a sentence opens a relative clause, whose time
/// expressions date its own verb: ", where …", "… which …", "… whose …", ", who …",
/// a clause of "since" ("his first trip since he took office last month"), or
/// a gerund clause ("since taking office").
fn opens_relative_clause(between: &str) -> bool {
    [
        ", where ", " which ", " whose ", ", who ", " whom ", " since ",
    ]
    .iter()
    .any(|m| between.contains(m))
        || opens_gerund_clause(between)
}

/// Whether a stretch opens a clause of a verb in -ing after "since", "after",
/// "before" or "upon" ("his first trip since taking office in August"):
/// its time expression dates that verb.
fn opens_gerund_clause(between: &str) -> bool {
    ["since ", "after ", "before ", "upon "].iter().any(|m| {
        between.match_indices(m).any(|(at, _)| {
            let word_start = at == 0 || between.as_bytes()[at - 1] == b' ';
            let next = between[at + m.len()..].split(' ').next().unwrap_or("");
            word_start && next.len() > 4 && next.ends_with("ing")
        })
    })
}

/// The strongest lexicon rank of `kind` among the sentence's triggers.
fn rank_of(kind: EventKind, trigs: &[triggers::Trigger]) -> usize {
    trigs
        .iter()
        .filter(|t| t.kind == kind)
        .map(|t| t.rank)
        .min()
        .unwrap_or(usize::MAX)
}

/// Whether the words between two time expressions coordinate them as two
/// dates of the same predicate: "…, 2020 and on Sept. 28", "May 3, and then June 9".
fn coordinated(between: &str) -> bool {
    let t = between.trim_matches(|c: char| c.is_whitespace() || c == ',');
    let t = t
        .strip_suffix(" on")
        .or_else(|| t.strip_suffix(" in"))
        .unwrap_or(t);
    matches!(
        t,
        "and" | "and again" | "and then" | "as well as" | "and later" | "and also"
    )
}

/// The at most `n` bytes of `text` before byte `end` (from a character
/// boundary): the context checks look back this far only, which keeps them
/// linear on text without spaces ("/Vientiane/Vientiane/…").
fn text_before(text: &str, end: usize, n: usize) -> &str {
    let mut from = end.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..end]
}

/// A place named as where a person lives or comes from ("a 29-year-old man,
/// a resident of Hat Say village, Champasak province", "a native of
/// Attapeu"): not where the occasion happened nor whose officials take part.
fn is_residence(lower: &str, p: &PlaceMatch<'_>) -> bool {
    static CUES: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let before = text_before(lower, p.start, 80);
    // One pass over the window for all the cues (a search per cue was a
    // tenth of extraction time).
    let cues = CUES.get_or_init(|| {
        triggers::compile(r"residents? of|natives? of|born in|who lives in|living in|hometown")
    });
    // The cue must be in the same phrase: no clause break after it. A word
    // of its own: "President of" is no "resident of".
    let cue = cues
        .find_iter(before)
        .filter(|m| m.start() == 0 || !before.as_bytes()[m.start() - 1].is_ascii_alphabetic())
        .map(|m| m.end())
        .last();
    cue.is_some_and(|i| !before[i..].contains([';', '(', ')']) && !before[i..].contains(". "))
}

/// A province or district that bears a river's name, written with "the" and
/// not as the province ("water-level readings from the Sekong", "along the
/// Sesan"): the river, which links no province.
fn is_river_by_article(lower: &str, p: &PlaceMatch<'_>) -> bool {
    if !matches!(p.place.kind, PlaceKind::Province | PlaceKind::District) {
        return false;
    }
    let named: String = lower[p.start..p.end].split_whitespace().collect();
    if !river_stems().contains(&named) {
        return false;
    }
    // One of a list of rivers ("the Mekong and Sekong rivers", "the Sesan,
    // Sekong and Srepok rivers"): only river names, commas and "and" up to
    // "rivers".
    let rest = lower.get(p.end..).unwrap_or("");
    let window = rest
        .char_indices()
        .nth(60)
        .map_or(rest, |(i, _)| &rest[..i]);
    if let Some(at) = window.find(" rivers") {
        let listed = window[..at]
            .split([' ', ','])
            .all(|w| w.is_empty() || w == "and" || w == "or" || river_stems().contains(w));
        if listed {
            return true;
        }
    }
    let before = text_before(lower, p.start, 8);
    if !before.ends_with("the ") {
        return false;
    }
    let after = lower[p.end..].trim_start();
    if [
        "province",
        "provincial",
        "district",
        "governor",
        "authorit",
        "side",
        "officials",
    ]
    .iter()
    .any(|w| after.starts_with(w))
    {
        return false;
    }
    true
}

/// The names of the gazetteer's rivers without " river", lowercase, no spaces
/// ("sekong", "sesan", "srepok", "mekong").
fn river_stems() -> &'static std::collections::HashSet<String> {
    static STEMS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    STEMS.get_or_init(|| {
        crate::gazetteer::gazetteer()
            .places()
            .iter()
            .filter(|q| q.kind == PlaceKind::River)
            .filter_map(|q| {
                let n = q.name.to_ascii_lowercase();
                let stem = n.strip_suffix(" river")?;
                Some(stem.split_whitespace().collect())
            })
            .collect()
    })
}

/// A place a delegation goes back to ("before flying back to Vientiane",
/// "returned home to Phnom Penh") or goes back through ("returned to
/// Champassak via the Stung Treng border crossing"): the way home, not the
/// venue.
/// Whether a place name is a person's name: right after a personal title
/// ("Dr. Phonesavanh Inthavong", "said Mr. Khong"), as Lao and Khmer given
/// names often are the names of towns.
pub(super) fn is_titled_name(text: &str, p: &PlaceMatch<'_>) -> bool {
    const TITLES: [&str; 16] = [
        "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Madam", "H.E.", "Gen.", "Col.",
        "Lt.", "Maj.", "Pol.", "Samdech",
    ];
    if matches!(
        p.place.kind,
        PlaceKind::Province | PlaceKind::Country | PlaceKind::River
    ) {
        return false;
    }
    let before = text
        .get(..p.start)
        .unwrap_or_default()
        .trim_end_matches(' ');
    let word = before.rsplit([' ', '\n', '(']).next().unwrap_or("");
    before.len() < p.start && TITLES.contains(&word)
}

fn is_way_home(lower: &str, p: &PlaceMatch<'_>) -> bool {
    let before = text_before(lower, p.start, 24).trim_end();
    let home = [
        "back to",
        "home to",
        "returned to",
        "returning to",
        "return to",
        "returns to",
        "back in",
    ]
    .iter()
    .any(|w| before.ends_with(w));
    let via = [
        "via",
        "via the",
        "by way of",
        "by way of the",
        "through",
        "through the",
    ]
    .iter()
    .any(|w| before.ends_with(w))
        && {
            let journey = text_before(lower, p.start, 100);
            ["return", "back to", "back home", "home via"]
                .iter()
                .any(|w| journey.contains(w))
        };
    home || via
}

/// A place named as what another borders ("Ratanakiri borders both Vietnam
/// and Laos' Attapeu province", "a village next to the border with Stung
/// Treng", "the district adjacent to Ratanakiri"): a neighbour described, not
/// a party. (A bare "bordering" is not enough: "the provinces bordering
/// Champasak took part" names parties.)
fn is_neighbour(lower: &str, p: &PlaceMatch<'_>) -> bool {
    clause_before_holds(
        lower,
        p,
        60,
        &['.', ';', ','],
        &[
            "borders both ",
            "bordering both ",
            "which borders ",
            "that borders ",
            "next to the border with ",
            "near the border with ",
            "close to the border with ",
            "adjacent to ",
        ],
    )
}

/// A place of what might be done, not of what was: "to study the possibility
/// of opening new crossing points between Attapeu and Ratanakiri", "the
/// feasibility of a bridge linking Stung Treng and Champasak".
fn is_hypothetical(lower: &str, p: &PlaceMatch<'_>) -> bool {
    clause_before_holds(
        lower,
        p,
        90,
        &['.', ';', ':'],
        &[
            "possibility of",
            "feasibility of",
            "prospect of",
            "possibility to",
        ],
    )
}

/// Whether the text before place `p` (up to `reach` characters, back to the
/// last of `breaks`) holds one of `cues`.
fn clause_before_holds(
    lower: &str,
    p: &PlaceMatch<'_>,
    reach: usize,
    breaks: &[char],
    cues: &[&str],
) -> bool {
    let before = text_before(lower, p.start, reach);
    let clause = before.rsplit(breaks).next().unwrap_or(before);
    cues.iter().any(|w| clause.contains(w))
}

/// Whether Laos and Cambodia are named: the actors' sides, plus the countries
/// of `places` (traps and rivers aside).
pub(super) fn sides((mut lao, mut khmer): (bool, bool), places: &[PlaceMatch<'_>]) -> (bool, bool) {
    for p in places {
        if p.place.kind == PlaceKind::Trap || p.place.kind == PlaceKind::River {
            continue;
        }
        match p.place.country.as_str() {
            "LA" => lao = true,
            "KH" => khmer = true,
            _ => {}
        }
    }
    (lao, khmer)
}

/// Length of an agency dateline prefix such as "PHNOM PENH (Viet Nam News/ ANN) --",
/// "VIENTIANE, Jan 11 (Xinhua) --" or "AKP Phnom Penh, December 06, 2018 -":
/// the place there is where the story was filed, not where the occasion
/// happened, and the date there is when it was filed.
fn agency_dateline_end(s: &str) -> usize {
    let head = s.char_indices().nth(120).map_or(s, |(i, _)| &s[..i]);
    // Every separator holds '-' or a dash whose UTF-8 starts with 0xE2.
    if !head.bytes().any(|b| b == b'-' || b == 0xE2) {
        return 0;
    }
    let Some((i, end)) = dateline_separator(head) else {
        return 0;
    };
    let prefix = head[..i].trim_end();
    // "PLACE (Agency)" or a short "Place, Month D, YYYY AGENCY" heading
    // (starts with a capital, holds a digit, no sentence inside).
    let agency = prefix.contains('(') && prefix.contains(')');
    let heading = prefix.len() <= 60
        && prefix.chars().next().is_some_and(char::is_uppercase)
        && prefix.chars().any(|c| c.is_ascii_digit())
        && !prefix.contains(". ");
    if agency || heading {
        end
    } else {
        0
    }
}

/// Whether the story after a dateline places its occasion with the deictic
/// "here" ("held talks here on Tuesday", "signed here today", "met here."),
/// which points at the dateline's city. Not a report ("said here", "told
/// reporters here"), nor "here is", "here and there".
fn says_here(story: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?-u:\b)here(?: on | today| yesterday| this | last |[,.;]|$)")
            .expect("static regex")
    });
    re.find_iter(story).any(|m| {
        let before = story[..m.start()].trim_end();
        !(before.ends_with("said")
            || before.ends_with("says")
            || before.ends_with("reporters")
            || before.ends_with("press")
            || before.ends_with("announced")
            || before.ends_with("told"))
    })
}

/// The first dash that separates a dateline from the story: a run of '-',
/// '–' or '—' with white space on at least one side ("2018 -Cambodian",
/// "2010\n- From", " -- "), never a hyphen inside a word ("cross-border",
/// "Stung Treng-Champasak"). Returns the byte range of the dash run and the
/// white space after it.
fn dateline_separator(head: &str) -> Option<(usize, usize)> {
    let is_dash = |c: char| matches!(c, '-' | '–' | '—');
    let mut chars = head.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        if !is_dash(c) {
            prev = Some(c);
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if !is_dash(d) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        let space_before = prev.is_some_and(char::is_whitespace);
        let after = head[end..].chars().next();
        let space_after = after.is_some_and(char::is_whitespace);
        let long = c != '-' || end - i > 1;
        if space_before || space_after || (long && after.is_some_and(char::is_uppercase)) {
            let ws = head[end..].len() - head[end..].trim_start().len();
            return Some((i, end + ws));
        }
        prev = head[..end].chars().next_back();
    }
    None
}

/// A national capital standing for its government ("thanked Phnom Penh for its
/// support", "Vientiane's terms of reference") rather than a place where
/// something happens: a capital-city name not preceded by a locative word.
/// `lower` is the ASCII-lowercased article text.
fn is_metonym(lower: &str, p: &PlaceMatch<'_>) -> bool {
    let id = p.place.province.as_ref().map(ProvinceId::as_str);
    if !matches!(id, Some("KH-12" | "LA-VT")) || p.place.kind == PlaceKind::Landmark {
        return false;
    }
    // "Vientiane Capital", "Phnom Penh capital": the place itself. An airport
    // named after the capital is where a delegation lands, not the venue.
    let after = lower[p.end..].trim_start();
    let named = &lower[p.start..p.end];
    if ["capital", "municipality", "prefecture"]
        .iter()
        .any(|w| after.starts_with(w) || named.contains(w))
    {
        return false;
    }
    if after.starts_with("international airport") || after.starts_with("airport") {
        return true;
    }
    // Part of a venue's name ("the Sokha Phnom Penh Hotel") or its address
    // after it ("at the Sokha Hotel, Phnom Penh."): where it took place.
    if [
        "hotel",
        "convention",
        "conference centre",
        "conference center",
    ]
    .iter()
    .any(|w| after.starts_with(w))
    {
        return false;
    }
    let before = text_before(lower, p.start, 40).trim_end();
    if before.ends_with(',') && (after.is_empty() || after.starts_with(['.', ',', ';', ')'])) {
        return false;
    }
    // The word before, looked for in the last 40 bytes only.
    let word_start = before
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |i| i + 1);
    let prev = &before[word_start..];
    let locative = [
        "in", "at", "to", "from", "near", "outside", "around", "capital", "city", "visited",
        "visit", "via", "into", "across", "towards", "toward", "of",
    ];
    !locative.contains(&prev)
}

pub(super) fn concerns_laos_and_cambodia(infos: &[SentenceInfo<'_>]) -> bool {
    infos.iter().any(|s| s.lao) && infos.iter().any(|s| s.khmer)
}
