//! Occasions → events: which sentences speak of one occasion.
//!
//! Read in text order, each sentence either
//! - **opens** events, one per occasion it dates ([`Builder::open_dated`]),
//!   unless an occasion is the one being told (a restatement or a closer
//!   date of it: [`Builder::joins_current`]) or one told earlier in the
//!   article, same kind, same day ([`Builder::coreferent`]);
//! - **continues** the events just opened ("During the meeting, …", "He also
//!   thanked …", a sentence right after naming places): [`Builder::continues`];
//! - belongs to the **lead**: the opening sentences before the first dated
//!   occasion summarise it when it follows closely ([`Builder::take_lead`]);
//! - opens an **undated** event when it states an occasion between the two
//!   sides without a time expression ([`strong_undated`]);
//! - or ends the current events (background, commentary, another date).
//!
//! One sentence may open several events: each occasion has its own time
//! expression (see `reading::assign`). "On the same day" and "the following
//! day" are dated from the occasion before and are occasions of their own.

use std::collections::HashMap;

use crate::model::{EventKind, PartialDate, Precision};

use super::reading::{Occasion, SentenceInfo};

/// An event being assembled: its anchor sentence and the sentences that add to it.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub anchor: usize,
    /// Which occasion of the anchor sentence this is (0 for the first).
    pub nth: usize,
    pub date: Option<PartialDate>,
    pub kind: EventKind,
    pub members: Vec<usize>,
    /// The event told just before, when this one is dated from it and its
    /// sentence refers back to the same parties ("Two days later, they
    /// signed …"): it has that event's participants.
    pub parties_of: Option<usize>,
    /// The next occasion of a series: it takes the parties of `parties_of`
    /// but not a national capital there, the venue the series moves from.
    pub next_of_series: bool,
    /// The last day, for an occasion told as a stretch of days.
    pub end: Option<PartialDate>,
    /// A sentence of it told its first day ("at the opening ceremony"): the
    /// day the next "following day" counts from.
    pub told_from_start: bool,
}

/// How many sentences after an event's last member may still continue it.
const CONTINUATION_GAP: usize = 3;

/// The lead (opening sentences) joins the first dated occasion only when that
/// occasion is stated within this many sentences of the start.
const LEAD_REACH: usize = 6;

/// The events the sentences just read belong to, and the last sentence added.
#[derive(Debug, Clone)]
struct Current {
    drafts: Vec<usize>,
    last: usize,
    /// The date as the last sentence that opened or joined them stated it.
    stated: Option<PartialDate>,
}

struct Builder<'a, 'g> {
    infos: &'a [SentenceInfo<'g>],
    drafts: Vec<Draft>,
    lead: Vec<usize>,
    seen_dated_event: bool,
    current: Option<Current>,
    /// The last dated event opened.
    last_dated: Option<usize>,
    /// Drafts by (kind, year, month) of a date they have held: where a
    /// coreferent occasion is looked for, so that assembly stays linear
    /// however many dated sentences an article has.
    by_month: HashMap<(EventKind, Option<i32>, Option<u32>), Vec<usize>>,
}

/// How many earlier events of one kind and month a new occasion is compared
/// with (the first ones told): bounds the work on pathological input.
const COREFERENCE_CANDIDATES: usize = 32;

/// How many sentences of an event are searched for a shared province.
const MEMBERS_SEARCHED: usize = 64;

pub(super) fn build_events(infos: &[SentenceInfo<'_>]) -> Vec<Draft> {
    let mut b = Builder {
        infos,
        drafts: Vec::new(),
        lead: Vec::new(),
        seen_dated_event: false,
        current: None,
        last_dated: None,
        by_month: HashMap::new(),
    };
    for (i, s) in infos.iter().enumerate() {
        if s.dateline {
            continue;
        }
        if s.can_open() && !s.occasions.is_empty() {
            b.open_dated(i);
        } else if b.refines_current(i) || b.continues(i) {
            b.join_current(i);
        } else if b.in_lead(i) {
            b.lead.push(i);
        } else if s.can_open() && !s.dated && strong_undated(s) {
            b.open(i, 0, None, s.kind.unwrap_or(EventKind::Other), vec![i]);
            b.current = Some(Current {
                drafts: vec![b.drafts.len() - 1],
                last: i,
                stated: None,
            });
        } else if (s.non_event || s.background || s.dated) && !s.anaphoric {
            // Background about the occasion itself ("The meeting reviewed progress
            // since 2014") neither joins nor ends it; other background, commentary
            // and dates end it.
            b.current = None;
        }
    }
    b.finish()
}

impl Builder<'_, '_> {
    fn open(
        &mut self,
        anchor: usize,
        nth: usize,
        date: Option<PartialDate>,
        kind: EventKind,
        members: Vec<usize>,
    ) {
        if date.is_some() {
            self.last_dated = Some(self.drafts.len());
        }
        self.index(self.drafts.len(), kind, date);
        self.drafts.push(Draft {
            anchor,
            nth,
            date,
            kind,
            members,
            parties_of: None,
            next_of_series: false,
            end: None,
            told_from_start: false,
        });
    }

    fn index(&mut self, draft: usize, kind: EventKind, date: Option<PartialDate>) {
        if let Some(d) = date {
            let list = self
                .by_month
                .entry((kind, d.year(), d.month()))
                .or_default();
            if list.len() < COREFERENCE_CANDIDATES && !list.contains(&draft) {
                list.push(draft);
            }
        }
    }

    /// Open (or join) one event per occasion of sentence `i`.
    fn open_dated(&mut self, i: usize) {
        let s = &self.infos[i];
        let mut touched: Vec<usize> = Vec::new();
        for (n, o) in s.occasions.iter().enumerate() {
            let previous = self.previous_draft(&touched);
            let previous = if o.from_last {
                self.latest_stretch().or(previous)
            } else if o.from_first {
                self.first_of_current().or(previous)
            } else if let Some(n) = o.named {
                self.latest_told(n, &touched).or(previous)
            } else {
                previous
            };
            // Days later count from the end of a stretch ("patrolled from 7 to
            // 11 February … Two days later"); numbered days, earlier days
            // and the same day from its start.
            let date = match o.after_previous {
                Some(days) => self
                    .day_anchor(i, previous)
                    .and_then(|p| {
                        let d = &self.drafts[p];
                        if o.from_last {
                            // The last day of a stretch told without its end is unknown.
                            d.end.or(d.date.filter(|_| d.kind != EventKind::Visit))
                        } else if days > 0 && !o.from_first && !d.told_from_start {
                            d.end.or(d.date)
                        } else {
                            d.date
                        }
                    })
                    .and_then(|d| plus_days(d, days)),
                None => o.date,
            };
            let own_occasion = o.after_previous.is_some();
            if n == 0 && !own_occasion {
                if let Some(ci) = self.joins_current(i, o.kind, date) {
                    touched.push(ci);
                    continue;
                }
            }
            if !own_occasion {
                if let Some(di) = self.coreferent(i, o, date) {
                    self.drafts[di].members.push(i);
                    touched.push(di);
                    continue;
                }
            }
            let mut members = if n == 0 {
                self.take_lead(i, date)
            } else {
                Vec::new()
            };
            members.push(i);
            if date.is_some() {
                self.seen_dated_event = true;
            }
            self.open(i, n, date, o.kind, members);
            if let Some(d) = self.drafts.last_mut() {
                d.end = o.end.filter(|_| o.after_previous.is_none());
            }
            // "At the end of the meeting on Tuesday, the two sides signed the
            // minutes": the parties of the occasion referred back to.
            // So does a plan referred back to, carried out by both sides
            // ("Under the plan, Cambodian river guards and Lao officers will
            // begin joint patrols in mid-July").
            let no_province = s.places.iter().all(|p| p.place.province.is_none());
            let named = |c: &str| s.places.iter().any(|p| p.place.country == c);
            let both_named = no_province && named("LA") && named("KH");
            let referred = s.anaphoric && ((s.two_sides && s.places.is_empty()) || both_named);
            // "On the second day of the visit, the governor paid a courtesy
            // call …": a numbered day of a stretch is the stretch's parties'.
            if (own_occasion && (s.same_parties || o.from_first || o.from_last))
                || s.framed
                || referred
                || s.next_of_series
            {
                if let Some(d) = self.drafts.last_mut() {
                    d.parties_of = previous;
                    d.next_of_series = s.next_of_series;
                }
            }
            touched.push(self.drafts.len() - 1);
        }
        touched.dedup();
        self.current = Some(Current {
            drafts: touched,
            last: i,
            stated: s.occasions.first().and_then(|o| o.date),
        });
    }

    /// The event told just before, with a date: the last event of this
    /// sentence, else of the current events, else the last dated event.
    fn previous_draft(&self, touched: &[usize]) -> Option<usize> {
        let dated = |d: &usize| self.drafts[*d].date.is_some();
        touched
            .last()
            .copied()
            .filter(dated)
            .or_else(|| {
                self.current
                    .as_ref()
                    .and_then(|c| c.drafts.iter().rev().copied().find(dated))
            })
            .or(self.last_dated)
    }

    /// The latest day-dated event opened before this sentence that is the
    /// occasion a count names ("two days after the handover"): of a kind
    /// that occasion may have, told with its words.
    fn latest_told(&self, n: usize, touched: &[usize]) -> Option<usize> {
        let (_, _, kinds) = super::triggers::TOLD.get(n)?;
        (0..self.drafts.len()).rev().find(|&d| {
            let draft = &self.drafts[d];
            !touched.contains(&d)
                && kinds.contains(&draft.kind)
                && draft.date.is_some_and(|x| x.precision() == Precision::Day)
                && self
                    .infos
                    .get(draft.anchor)
                    .is_some_and(|s| s.told & (1 << n) != 0)
        })
    }

    /// The first dated event of the current ones: where "on the second day"
    /// counts from when the sentence before told two days ("visited on the
    /// 3rd and 4th").
    fn first_of_current(&self) -> Option<usize> {
        let cur = self.current.as_ref()?;
        cur.drafts
            .iter()
            .copied()
            .filter(|d| self.drafts[*d].date.is_some())
            .min_by_key(|d| self.drafts[*d].date)
    }

    /// The latest occasion told as a stretch of days (a visit, or one told
    /// with its last day) among the last few: what "on the last day of the
    /// visit" counts from, though a day of it was told since.
    fn latest_stretch(&self) -> Option<usize> {
        (0..self.drafts.len()).rev().take(8).find(|&d| {
            let draft = &self.drafts[d];
            draft.date.is_some() && (draft.end.is_some() || draft.kind == EventKind::Visit)
        })
    }

    /// The occasion a day-counted expression ("the following day", "two
    /// days later") counts from: the previous one when it is dated to the
    /// day, else the latest one that is: after "met on Monday … Last month,
    /// they inspected cattle …", the following day is Tuesday, not a day of
    /// last month.
    ///
    /// A recalled occasion told in an earlier sentence (a flashback: dated
    /// more than a week before the first occasion told to the day) does not
    /// move the story's time: after "The commission met on 4 December. Both
    /// sides welcomed the signing of an accord on 10 October.", "On the same
    /// day" is 4 December.
    fn day_anchor(&self, i: usize, previous: Option<usize>) -> Option<usize> {
        let to_the_day = |d: &usize| {
            self.drafts[*d]
                .date
                .is_some_and(|x| x.precision() == Precision::Day)
        };
        let anchor = if previous.is_none_or(|p| to_the_day(&p)) {
            previous
        } else {
            (0..self.drafts.len()).rev().find(to_the_day).or(previous)
        };
        let story = (0..self.drafts.len())
            .find(to_the_day)
            .and_then(|d| self.drafts[d].date);
        let flashback = |d: &usize| {
            let draft = &self.drafts[*d];
            draft.anchor != i
                && match (draft.date, story) {
                    (Some(x), Some(s)) => days_between(x, s).is_some_and(|n| n > 7),
                    _ => false,
                }
        };
        match anchor {
            // The search looks back a bounded way (linear on pathological input).
            Some(a) if flashback(&a) => (0..self.drafts.len())
                .rev()
                .take(COREFERENCE_CANDIDATES)
                .find(|d| to_the_day(d) && !flashback(d))
                .or(anchor),
            a => a,
        }
    }

    /// The current event, when sentence `i` (dated `date`) tells of it again:
    /// a reference back with a compatible date ("The meeting on May 27 …"),
    /// two vague dates close together ("later this week" … "on Thursday"), or
    /// the very next sentence giving a closer date of it ("will meet next
    /// week" … "is expected to leave Tuesday").
    fn joins_current(
        &mut self,
        i: usize,
        kind: EventKind,
        date: Option<PartialDate>,
    ) -> Option<usize> {
        let cur = self.current.as_ref()?;
        let ci = *cur.drafts.first()?;
        if i - cur.last > CONTINUATION_GAP {
            return None;
        }
        let s = &self.infos[i];
        let d = &self.drafts[ci];
        let stated_closer = cur
            .stated
            .is_some_and(|a| date.is_some_and(|b| refines(a, b)));
        // "… concluded the meeting yesterday" then "The two-day meeting, which
        // opened on 27 November, …": the same meeting, from its first day.
        let opened_earlier = |a: PartialDate, b: PartialDate| {
            self.infos[d.anchor].concludes
                && d.kind == kind
                && days_between(b, a).is_some_and(|n| (1..=6).contains(&n))
        };
        let same = match (d.date, date) {
            (Some(a), Some(b)) => {
                // A reference back to an occasion of another kind ("Wednesday's
                // meeting" after a patrol planned for later this month) is
                // not this one told again.
                (s.anaphoric
                    && (a == b || related(d.kind, kind))
                    && (a.compatible(&b) || opened_earlier(a, b)))
                    || (i - cur.last == 1
                        && (refines(a, b) || (stated_closer && a == b))
                        && related(d.kind, kind))
            }
            (None, None) => true,
            (None, Some(_)) | (Some(_), None) => s.anaphoric,
        };
        if !same {
            return None;
        }
        let d = &mut self.drafts[ci];
        d.members.push(i);
        let closer = match (d.date, date) {
            (None, Some(_)) => true,
            (Some(a), Some(b)) => {
                refines(a, b) || days_between(b, a).is_some_and(|n| (1..=6).contains(&n))
            }
            _ => false,
        };
        if closer {
            d.date = date;
            d.anchor = i;
            d.nth = 0;
            let kind = d.kind;
            self.index(ci, kind, date);
        }
        Some(ci)
    }

    /// An earlier event of this article that is the same occasion as `o`:
    /// the same kind on the same day, or the same kind at compatible dates
    /// (month precision at least) with a province in common — a restatement
    /// further down ("A ceremony was held this week in Champasak" … "The
    /// launching ceremony took place on Sunday"). The closer date is kept.
    fn coreferent(&mut self, i: usize, o: &Occasion, date: Option<PartialDate>) -> Option<usize> {
        let date = date?;
        let s = &self.infos[i];
        let infos = self.infos;
        let kinds: &[EventKind] = if o.kind == EventKind::Other {
            &[
                EventKind::Other,
                EventKind::Meeting,
                EventKind::Visit,
                EventKind::Agreement,
                EventKind::Aid,
                EventKind::Proposal,
                EventKind::Operation,
            ]
        } else {
            &[o.kind, EventKind::Other]
        };
        // Candidates: events of those kinds told in this month (or year, for
        // a month-precise occasion: its days are indexed under the month).
        let mut candidates: Vec<usize> = kinds
            .iter()
            .filter_map(|k| self.by_month.get(&(*k, date.year(), date.month())))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let shares_province = |d: &Draft| {
            d.members.iter().take(MEMBERS_SEARCHED).any(|&m| {
                infos[m].places.iter().any(|p| {
                    p.place.province.is_some()
                        && s.places
                            .iter()
                            .any(|q| q.place.province == p.place.province)
                })
            })
        };
        let di = candidates.into_iter().find(|&di| {
            let d = &self.drafts[di];
            let Some(dd) = d.date else {
                return false;
            };
            let kinds =
                d.kind == o.kind || d.kind == EventKind::Other || o.kind == EventKind::Other;
            if d.anchor == i || !kinds {
                return false;
            }
            if dd == date && date.precision() == Precision::Day {
                return !s.later;
            }
            let fine = |p: Precision| p != Precision::Year;
            d.kind == o.kind
                && dd.compatible(&date)
                && fine(dd.precision())
                && fine(date.precision())
                && shares_province(d)
        })?;
        let d = &mut self.drafts[di];
        if d.date.is_some_and(|a| refines(a, date)) {
            d.date = Some(date);
            d.anchor = i;
            d.nth = 0;
            let kind = d.kind;
            self.index(di, kind, Some(date));
        }
        Some(di)
    }

    /// Whether sentence `i`, with a date but no trigger, right after the
    /// current event gives a closer date of it ("Officials will meet in
    /// Vientiane next week." "The delegation is expected to leave Tuesday.");
    /// the event takes that date.
    fn refines_current(&mut self, i: usize) -> bool {
        let s = &self.infos[i];
        let (Some(cur), Some(date)) = (&self.current, s.first_date) else {
            return false;
        };
        if s.kind.is_some() || i - cur.last != 1 || s.non_event {
            return false;
        }
        let all = cur.drafts.iter().all(|&d| {
            self.drafts[d]
                .date
                .is_some_and(|a| refines(a, date) && a.precision() == Precision::Month)
        });
        if !all || cur.drafts.is_empty() {
            return false;
        }
        let drafts = cur.drafts.clone();
        for d in drafts {
            self.drafts[d].date = Some(date);
            let kind = self.drafts[d].kind;
            self.index(d, kind, Some(date));
        }
        true
    }

    /// The lead sentences, when they summarise the occasion sentence `i`
    /// opens: it is the first dated one and follows them closely. A lead
    /// that does not reach it is kept where it states an occasion of its own.
    fn take_lead(&mut self, i: usize, date: Option<PartialDate>) -> Vec<usize> {
        if self.seen_dated_event || date.is_none() || self.lead.is_empty() {
            return Vec::new();
        }
        let close = self.lead.last().is_some_and(|&l| i - l <= CONTINUATION_GAP) && i <= LEAD_REACH;
        if close {
            return std::mem::take(&mut self.lead);
        }
        for l in std::mem::take(&mut self.lead) {
            if let Some(kind) = self.infos[l]
                .kind
                .filter(|_| strong_undated(&self.infos[l]))
            {
                self.open(l, 0, None, kind, vec![l]);
            }
        }
        Vec::new()
    }

    /// Whether sentence `i`, with no occasion of its own, continues the current events.
    fn continues(&self, i: usize) -> bool {
        let s = &self.infos[i];
        let Some(cur) = &self.current else {
            return false;
        };
        let near = i - cur.last <= CONTINUATION_GAP;
        // Names places but no trigger or reference back: only right after the event's last sentence.
        let adjacent_places = !s.places.is_empty() && i - cur.last == 1;
        near && !s.non_event
            && !s.background
            && !s.dated
            && (s.anaphoric || s.quote || s.kind.is_some() || adjacent_places)
    }

    fn join_current(&mut self, i: usize) {
        let opening = self.infos[i].at_opening;
        if let Some(cur) = &mut self.current {
            for &d in &cur.drafts {
                self.drafts[d].members.push(i);
                self.drafts[d].told_from_start |= opening;
            }
            cur.last = i;
        }
    }

    /// The lead: opening sentences with a trigger before any event, which
    /// summarise the main occasion dated further down.
    fn in_lead(&self, i: usize) -> bool {
        let s = &self.infos[i];
        !self.seen_dated_event
            && self.drafts.is_empty()
            && s.kind.is_some()
            && !s.non_event
            && !s.background
            && !s.earlier
            && i < LEAD_REACH
    }

    fn finish(mut self) -> Vec<Draft> {
        // A lead that never found its dated occasion stands on its own.
        if !self.lead.is_empty() && !self.seen_dated_event && self.drafts.is_empty() {
            let anchor = self.lead[0];
            if let Some(kind) = self.infos[anchor].kind {
                let lead = std::mem::take(&mut self.lead);
                self.open(anchor, 0, None, kind, lead);
            }
        }
        self.drafts.sort_by_key(|d| (d.anchor, d.nth));
        self.drafts
    }
}

/// Whether two kinds can be told of one occasion: a visit, the talks and
/// signings during it and what was proposed there; an incident, a handover or
/// an operation only as itself.
fn related(a: EventKind, b: EventKind) -> bool {
    use EventKind::*;
    let talks = |k| matches!(k, Meeting | Visit | Agreement | Proposal);
    a == b || (talks(a) && talks(b))
}

/// Whether `b` is a closer date of `a`: more precise, and within it.
fn refines(a: PartialDate, b: PartialDate) -> bool {
    let rank = |p: Precision| match p {
        Precision::Year => 0,
        Precision::Month => 1,
        Precision::Day => 2,
    };
    rank(b.precision()) > rank(a.precision())
        && a.compatible(&b)
        && (a.year_known() || !b.year_known())
}

/// `d` moved by `days`; a date coarser than a day stays as it is.
fn plus_days(d: PartialDate, days: i64) -> Option<PartialDate> {
    if days == 0 || d.precision() != Precision::Day {
        return Some(d);
    }
    match d.to_naive() {
        Some(n) => n
            .checked_add_signed(chrono::TimeDelta::days(days))
            .map(PartialDate::from_naive),
        // Year unknown: move within the calendar of a leap year.
        None => {
            let n = chrono::NaiveDate::from_ymd_opt(2000, d.month()?, d.day()?)?
                .checked_add_signed(chrono::TimeDelta::days(days))?;
            use chrono::Datelike;
            PartialDate::md(n.month(), n.day())
        }
    }
}

/// An undated sentence that still states an occasion between the two sides:
/// "Hun Sen and his Laotian counterpart agreed that ...".
pub(super) fn strong_undated(s: &SentenceInfo<'_>) -> bool {
    matches!(
        s.kind,
        Some(EventKind::Agreement | EventKind::Meeting | EventKind::Visit | EventKind::Aid)
    ) && (s.lao && s.khmer)
}

/// Days from `a` to `b` when both are days of a known year.
fn days_between(a: PartialDate, b: PartialDate) -> Option<i64> {
    Some((b.to_naive()? - a.to_naive()?).num_days())
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;
    use crate::model::{PartialDate, MONTH_NAMES};

    /// Many dated sentences naming both sides, each a distinct occasion:
    /// assembly looks each up in an index rather than scanning every earlier
    /// event (the time per sentence is measured in `benches/extract.rs`).
    #[test]
    fn many_dated_occasions_are_each_an_event() {
        let mut text = String::new();
        for i in 0..6_000usize {
            let (year, month, day) = (1960 + i / 336, MONTH_NAMES[(i / 28) % 12], i % 28 + 1);
            text.push_str(&format!(
                "On {day} {month} {year} the governors of Stung Treng and Champasak met in Pakse.\n\n"
            ));
        }
        let events = extract_text(&text, PartialDate::ymd(2022, 5, 30));
        assert_eq!(events.len(), 6_000);
        // The same occasion told again is one event.
        let again = "On 3 May 2022 the governors of Stung Treng and Champasak met in Pakse.\n\n"
            .repeat(500);
        assert_eq!(extract_text(&again, PartialDate::ymd(2022, 5, 30)).len(), 1);
    }
}
