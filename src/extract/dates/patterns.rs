//! The pattern grammar: at each token, [`Scanner::match_at`] tries the
//! absolute, period, weekday and relative patterns (each a method that looks
//! at most a dozen tokens ahead) and resolves what it finds with the
//! [`Anchor`].

use crate::model::PartialDate;

use super::anchor::{Anchor, WdMode, YearSpec};
use super::lexer::{Keyword, Lexeme, TokKind, Token};
use super::DateForm;

/// What a finished match was, for chaining ("from April to May", "2017 and 2019").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Month,
    Year,
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub(super) start: usize,
    /// Exclusive token index.
    pub(super) end: usize,
    pub(super) date: Option<PartialDate>,
    pub(super) end_date: Option<PartialDate>,
    pub(super) form: DateForm,
    pub(super) unit: Unit,
    /// False for an impossible date ("30 February 2022"): its tokens are
    /// consumed (so "February 2022" is not taken from it) but not reported.
    pub(super) emit: bool,
}

pub(super) fn found(start: usize, end: usize, date: Option<PartialDate>, form: DateForm) -> Found {
    Found {
        start,
        end,
        date,
        end_date: None,
        form,
        unit: Unit::Other,
        emit: true,
    }
}

pub(super) fn impossible(start: usize, end: usize) -> Found {
    Found {
        emit: false,
        ..found(start, end, None, DateForm::Absolute)
    }
}

pub(super) struct Scanner<'a> {
    /// The text the tokens were read from.
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token],
    pub(super) anchor: Anchor,
    /// End token and unit of the previous mention.
    pub(super) last: Option<(usize, Unit)>,
}

/// A range connector between two days/months: a dash, "to", "through", "until", "till", "and".
pub(super) fn connector_kw(k: Keyword) -> bool {
    matches!(
        k,
        Keyword::To | Keyword::Through | Keyword::Until | Keyword::Till | Keyword::And
    )
}

impl Scanner<'_> {
    pub(super) fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    pub(super) fn kw(&self, i: usize) -> Option<Keyword> {
        match self.tok(i)?.kind {
            TokKind::Word {
                lex: Lexeme::Keyword(k),
                ..
            } => Some(k),
            _ => None,
        }
    }

    pub(super) fn is_kw(&self, i: usize, k: Keyword) -> bool {
        self.kw(i) == Some(k)
    }

    pub(super) fn prev_kw(&self, i: usize) -> Option<Keyword> {
        i.checked_sub(1).and_then(|p| self.kw(p))
    }

    pub(super) fn adjacent(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.gap)
    }

    /// A capitalised month name at `i`; returns (month, abbreviated, next index).
    /// An abbreviation's dot is taken when a number follows ("Feb. 6").
    pub(super) fn month(&self, i: usize) -> Option<(u32, bool, usize)> {
        let t = self.tok(i)?;
        let TokKind::Word {
            lex: Lexeme::Month(m, abbr),
            cap: true,
        } = t.kind
        else {
            return None;
        };
        let mut j = i + 1;
        if abbr
            && matches!(self.tok(j).map(|t| t.kind), Some(TokKind::Dot))
            && self.adjacent(j)
            && matches!(self.tok(j + 1).map(|t| t.kind), Some(TokKind::Num { .. }))
        {
            j += 1;
        }
        // A month glued to a following letter run is not a month ("Mayor" is one word anyway).
        Some((u32::from(m), abbr, j))
    }

    /// A full (unabbreviated) month name.
    pub(super) fn full_month(&self, i: usize) -> Option<(u32, usize)> {
        match self.month(i)? {
            (m, false, j) => Some((m, j)),
            _ => None,
        }
    }

    /// Whether the number at `j - 1` continues into more digits ("1,000", "2019.5").
    pub(super) fn num_continues(&self, j: usize) -> bool {
        matches!(
            self.tok(j).map(|t| t.kind),
            Some(TokKind::Comma | TokKind::Dot)
        ) && self.adjacent(j)
            && matches!(self.tok(j + 1).map(|t| t.kind), Some(TokKind::Num { .. }))
            && self.adjacent(j + 1)
    }

    /// Whether the number at `i` is glued to digits before it ("1,27", "3.27", "12/27").
    pub(super) fn num_glued_before(&self, i: usize) -> bool {
        if !self.adjacent(i) || i == 0 {
            return false;
        }
        match self.tok(i - 1).map(|t| t.kind) {
            Some(TokKind::Num { .. }) | Some(TokKind::Slash) => true,
            Some(TokKind::Comma | TokKind::Dot) => {
                self.adjacent(i - 1)
                    && i >= 2
                    && matches!(self.tok(i - 2).map(|t| t.kind), Some(TokKind::Num { .. }))
            }
            _ => false,
        }
    }

    pub(super) fn num(&self, i: usize) -> Option<(u32, u8, bool)> {
        match self.tok(i)?.kind {
            TokKind::Num { val, len, ord } => Some((val, len, ord)),
            _ => None,
        }
    }

    /// A day number 1–31 ("27", "27th"); returns (day, next index).
    pub(super) fn day(&self, i: usize) -> Option<(u32, usize)> {
        let (v, len, ord) = self.num(i)?;
        if len > 2 || !(1..=31).contains(&v) || self.num_continues(i + 1) {
            return None;
        }
        // "27km": a number glued to a word is a quantity (ordinals are merged already).
        if !ord
            && matches!(self.tok(i + 1).map(|t| t.kind), Some(TokKind::Word { .. }))
            && self.adjacent(i + 1)
        {
            return None;
        }
        Some((v, i + 1))
    }

    /// A four-digit year 1950–2100 at `i`.
    pub(super) fn year4(&self, i: usize) -> Option<(i32, usize)> {
        let (v, len, ord) = self.num(i)?;
        if len != 4 || ord || !(1950..=2100).contains(&v) || self.num_continues(i + 1) {
            return None;
        }
        if matches!(self.tok(i + 1).map(|t| t.kind), Some(TokKind::Word { .. }))
            && self.adjacent(i + 1)
        {
            return None;
        }
        Some((v as i32, i + 1))
    }

    /// A range connector at `i`; returns the index after it.
    /// Whether the connector at `j` joins two dates of different months into
    /// one range: a dash, "to", "until" do ("27 May - 2 June"); "and" only
    /// after "between" ("between May 20 and June 3"), for "on May 20 and June
    /// 3" are two days.
    pub(super) fn spans_months(&self, start: usize, j: usize) -> bool {
        !self.is_kw(j, Keyword::And)
            || start
                .checked_sub(1)
                .is_some_and(|p| self.is_kw(p, Keyword::Between))
    }

    pub(super) fn connector(&self, i: usize) -> Option<usize> {
        match self.tok(i)?.kind {
            TokKind::Dash => Some(i + 1),
            TokKind::Word {
                lex: Lexeme::Keyword(k),
                ..
            } if connector_kw(k) => Some(i + 1),
            _ => None,
        }
    }

    /// An optional year after a date: ", 2022", "2022", "last year", "of this year".
    pub(super) fn year_tail(&self, j: usize) -> (YearSpec, usize) {
        let k = if matches!(self.tok(j).map(|t| t.kind), Some(TokKind::Comma)) {
            j + 1
        } else {
            j
        };
        if let Some((y, n)) = self.year4(k) {
            return (YearSpec::Explicit(y), n);
        }
        let k = if self.is_kw(j, Keyword::Of) { j + 1 } else { j };
        if let Some(rel) = self.rel_year(k) {
            return (YearSpec::Rel(rel), k + 2);
        }
        (YearSpec::Unstated, j)
    }

    /// "last year" / "this year" / "next year" at `i`.
    pub(super) fn rel_year(&self, i: usize) -> Option<i32> {
        if !self.is_kw(i + 1, Keyword::Year) {
            return None;
        }
        self.kw(i)?.offset()
    }

    /// A future-tense cue earlier in the same sentence (at most 24 tokens
    /// back: "will be discussed at a meeting of the two countries' national
    /// border committees in Vientiane in August").
    pub(super) fn future(&self, i: usize) -> bool {
        let lo = i.saturating_sub(24);
        let mut j = i;
        while j > lo {
            j -= 1;
            let Some(t) = self.tok(j) else { break };
            match t.kind {
                TokKind::Break | TokKind::Punct { stop: true } => break,
                TokKind::Dot if self.tok(j + 1).is_some_and(|n| n.gap) => break,
                // A quotation ends before the report of it: in "… will make
                // life easier," he told The Post on Saturday, the "will" is
                // the speaker's.
                TokKind::Punct { stop: false }
                    if matches!(self.text.get(t.start..t.end), Some("\"" | "”" | "“")) =>
                {
                    break
                }
                TokKind::Word {
                    lex: Lexeme::Keyword(k),
                    ..
                } => match k {
                    Keyword::Will
                    | Keyword::Would
                    | Keyword::Shall
                    | Keyword::Ll
                    | Keyword::Scheduled
                    | Keyword::Upcoming
                    | Keyword::Planned
                    | Keyword::Expected
                    | Keyword::Due => return true,
                    Keyword::To
                        if matches!(self.prev_kw(j), Some(Keyword::Is | Keyword::Are))
                            || self.is_kw(j + 1, Keyword::Be)
                            || self.resolves_to_act(j) =>
                    {
                        return true
                    }
                    // "the next meeting of the commission in August": the
                    // occasion named next is to come ("next month" is its own
                    // expression; "the next day" counts from an occasion told).
                    Keyword::Next
                        if self.word_is(
                            j + 1,
                            &[
                                "meeting",
                                "meetings",
                                "session",
                                "round",
                                "visit",
                                "talks",
                                "summit",
                                "conference",
                                "gathering",
                                "review",
                                "edition",
                            ],
                        ) =>
                    {
                        return true
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        false
    }

    /// Whether the word at `i` is one of `words` (ASCII case-insensitive).
    fn word_is(&self, i: usize, words: &[&str]) -> bool {
        self.tok(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    }

    /// "agreed to hold", "decided to convene", "plan to sign": the `to` at `j`
    /// follows a resolve and leads a verb of holding an occasion, so what it
    /// dates is to come.
    fn resolves_to_act(&self, j: usize) -> bool {
        const RESOLVE: [&str; 10] = [
            "agreed", "agree", "agrees", "decided", "plan", "plans", "planning", "intend",
            "intends", "aim",
        ];
        const ACT: [&str; 9] = [
            "hold", "host", "meet", "convene", "organise", "organize", "visit", "sign", "conduct",
        ];
        j > 0 && self.word_is(j - 1, &RESOLVE) && self.word_is(j + 1, &ACT)
    }

    /// "21 to 23 of last month", "from 3-5 of this month": days of a month
    /// named relative to the report; its first day, with the last.
    fn days_of_relative_month(&self, i: usize) -> Option<Found> {
        let (d1, j) = self.day(i)?;
        let k = self.connector(j)?;
        let (d2, k2) = self.day(k)?;
        if d2 <= d1 || !self.is_kw(k2, Keyword::Of) || !self.is_kw(k2 + 2, Keyword::Month) {
            return None;
        }
        let shift = match self.kw(k2 + 1)? {
            Keyword::This => 0,
            Keyword::Last => -1,
            Keyword::Next => 1,
            _ => return None,
        };
        Some(Found {
            end_date: self.anchor.day_of_month(d2, shift),
            ..found(
                i,
                k2 + 3,
                self.anchor.day_of_month(d1, shift),
                DateForm::Relative,
            )
        })
    }

    pub(super) fn match_at(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        match t.kind {
            TokKind::Num { .. } => {
                if self.num_glued_before(i) {
                    return None;
                }
                self.numeric(i)
                    .or_else(|| self.numeric_short(i))
                    .or_else(|| self.absolute(i))
                    .or_else(|| self.days_of_relative_month(i))
                    .or_else(|| self.ago(i))
                    .or_else(|| self.year_alone(i))
                    .or_else(|| self.year_range(i))
                    .or_else(|| self.coordinated_bare_day(i))
                    // "took place on 4th at the headquarters": an ordinal day
                    // after "on" without "the" (common in translated news).
                    .or_else(|| {
                        (self.prev_kw(i) == Some(Keyword::On))
                            .then(|| self.bare_day(i, i))
                            .flatten()
                    })
            }
            TokKind::Word { lex, cap } => match lex {
                Lexeme::Month(..) if cap => self.absolute(i).or_else(|| self.month_period(i)),
                Lexeme::Weekday(wd) if cap => self.weekday_led(i, wd),
                Lexeme::Keyword(k) => self.keyword(i, k),
                _ => None,
            },
            _ => None,
        }
    }

    /// "2022-05-27", "2022/05/27", "27/05/2022", "27.05.2022".
    pub(super) fn numeric(&self, i: usize) -> Option<Found> {
        let (a, alen, aord) = self.num(i)?;
        let sep = self.tok(i + 1)?.kind;
        if aord || !matches!(sep, TokKind::Dash | TokKind::Slash | TokKind::Dot) {
            return None;
        }
        let (b, blen, bord) = self.num(i + 2)?;
        if self.tok(i + 3)?.kind != sep {
            return None;
        }
        let (c, clen, cord) = self.num(i + 4)?;
        if bord || cord || !(1..=4).all(|k| self.adjacent(i + k)) || self.num_continues(i + 5) {
            return None;
        }
        if matches!(
            self.tok(i + 5).map(|t| t.kind),
            Some(TokKind::Num { .. } | TokKind::Slash)
        ) && self.adjacent(i + 5)
        {
            return None;
        }
        let date = if alen == 4 && blen <= 2 && clen <= 2 && sep != TokKind::Dot {
            PartialDate::ymd(a as i32, b, c)
        } else if alen <= 2 && blen <= 2 && clen == 4 && sep != TokKind::Dash {
            PartialDate::ymd(c as i32, b, a)
        } else {
            None
        }?;
        Some(found(i, i + 5, Some(date), DateForm::Absolute))
    }

    /// Day-first numeric dates as the Cambodian and Lao press writes them,
    /// with a range or without a year: "12-14/06/2024", "20-21/05", "on
    /// 15/03", "(08/05)". Without a year only where a date is expected (after
    /// "on", in parentheses, or as a range), so that "3/4 of the budget" is
    /// no date.
    pub(super) fn numeric_short(&self, i: usize) -> Option<Found> {
        let (d1, len1, ord1) = self.num(i)?;
        if ord1 || len1 > 2 || !(1..=31).contains(&d1) {
            return None;
        }
        let glued = |k: usize, kind: TokKind| {
            self.tok(k).is_some_and(|t| t.kind == kind) && self.adjacent(k) && self.adjacent(k + 1)
        };
        let mut j = i + 1;
        let mut d2 = None;
        if glued(j, TokKind::Dash) {
            let (v, len, ord) = self.num(j + 1)?;
            if ord || len > 2 || v <= d1 || v > 31 {
                return None;
            }
            d2 = Some(v);
            j += 2;
        }
        if !glued(j, TokKind::Slash) {
            return None;
        }
        let (m, mlen, mord) = self.num(j + 1)?;
        if mord || mlen > 2 || !(1..=12).contains(&m) {
            return None;
        }
        let mut k = j + 2;
        let ys = if glued(k, TokKind::Slash) {
            let (y, ylen, yord) = self.num(k + 1)?;
            // "27/05/2022" alone is `numeric`'s.
            if ylen != 4 || yord || d2.is_none() {
                return None;
            }
            k += 2;
            YearSpec::Explicit(i32::try_from(y).ok()?)
        } else {
            let expected = d2.is_some()
                || self.prev_kw(i) == Some(Keyword::On)
                || i.checked_sub(1)
                    .and_then(|p| self.tok(p))
                    .is_some_and(|t| self.text.get(t.start..t.end) == Some("("));
            if !expected {
                return None;
            }
            YearSpec::Unstated
        };
        if matches!(
            self.tok(k).map(|t| t.kind),
            Some(TokKind::Num { .. } | TokKind::Slash | TokKind::Dash)
        ) && self.adjacent(k)
        {
            return None;
        }
        if PartialDate::md(m, d1).is_none() {
            return Some(impossible(i, k));
        }
        self.day_found(i, k, m, d1, d2.map(|d| (m, d)), ys)
    }

    /// Day-precise dates, month-first or day-first, with optional range and year.
    pub(super) fn absolute(&self, i: usize) -> Option<Found> {
        // Month-first: "May 27", "May 27-28", "May 27 - June 2", "May 27, 2022".
        if let Some((m, _, j)) = self.month(i) {
            let (d1, mut j) = self.day(j)?;
            if PartialDate::md(m, d1).is_none() {
                return Some(impossible(i, j));
            }
            let mut end: Option<(u32, u32)> = None;
            if let Some(k) = self.connector(j) {
                if let Some((m2, _, k2)) = self.month(k) {
                    if let Some((d2, k3)) = self.day(k2) {
                        if m2 != m && PartialDate::md(m2, d2).is_some() && self.spans_months(i, j) {
                            end = Some((m2, d2));
                            j = k3;
                        }
                    }
                } else if let Some((d2, k2)) = self.day(k) {
                    // Not "May 27 - 28 June" (a day-first date follows).
                    if d2 > d1 && PartialDate::md(m, d2).is_some() && self.month(k2).is_none() {
                        end = Some((m, d2));
                        j = k2;
                    }
                }
            }
            let (ys, j) = self.year_tail(j);
            return self.day_found(i, j, m, d1, end, ys);
        }
        // Day-first: "27 May", "27th of May", "27-28 May", "27 May - 2 June".
        let (d1, j) = self.day(i)?;
        let of = |k: usize| if self.is_kw(k, Keyword::Of) { k + 1 } else { k };
        let (m, mut j, mut end) = if let Some((m, _, j)) = self.month(of(j)) {
            (m, j, None)
        } else {
            let k = self.connector(j)?;
            let (d2, k2) = self.day(k)?;
            let (m, _, k3) = self.month(of(k2))?;
            if d2 <= d1 || PartialDate::md(m, d2).is_none() {
                return None;
            }
            (m, k3, Some((m, d2)))
        };
        if PartialDate::md(m, d1).is_none() {
            return Some(impossible(i, j));
        }
        if end.is_none() {
            if let Some(k) = self.connector(j) {
                if let Some((d2, k2)) = self.day(k) {
                    if let Some((m2, _, k3)) = self.month(of(k2)) {
                        if m2 != m && PartialDate::md(m2, d2).is_some() && self.spans_months(i, j) {
                            end = Some((m2, d2));
                            j = k3;
                        }
                    }
                }
            }
        }
        let (ys, j) = self.year_tail(j);
        self.day_found(i, j, m, d1, end, ys)
    }

    pub(super) fn day_found(
        &self,
        i: usize,
        j: usize,
        m: u32,
        d: u32,
        end: Option<(u32, u32)>,
        ys: YearSpec,
    ) -> Option<Found> {
        if let YearSpec::Explicit(y) = ys {
            // "30 February 2022" is no date; "29 February 2023" neither.
            if PartialDate::ymd(y, m, d).is_none() {
                return Some(impossible(i, j));
            }
        }
        // The future check only when it matters (it looks back up to 24 tokens).
        let fut = ys == YearSpec::Unstated && self.future(i);
        let date = self.anchor.resolve(m, Some(d), ys, fut);
        let end_date = end.and_then(|(m2, d2)| {
            let y = date.and_then(|s| s.year());
            let y = match y {
                Some(y) if m2 < m => y.checked_add(1),
                y => y,
            };
            PartialDate::from_parts(y, Some(m2), Some(d2))
        });
        Some(Found {
            start: i,
            end: j,
            date,
            end_date,
            form: DateForm::Absolute,
            unit: Unit::Other,
            emit: true,
        })
    }

    /// Whether a month or year alone at `i` stands in date context.
    pub(super) fn period_context(&self, i: usize, unit: Unit, ctx: &[Keyword]) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        if let Some(k) = self.kw(p) {
            if ctx.contains(&k) {
                return true;
            }
        }
        // Chained after another mention of the same unit: "April and May", "2017 to 2019".
        let chain = matches!(
            self.tok(p).map(|t| t.kind),
            Some(TokKind::Comma | TokKind::Dash)
                | Some(TokKind::Word {
                    lex: Lexeme::Keyword(
                        Keyword::And
                            | Keyword::Or
                            | Keyword::To
                            | Keyword::Until
                            | Keyword::Through
                    ),
                    ..
                })
        );
        chain && self.last == Some((p, unit))
    }

    /// "May 2022", "Dec. 2021", "November last year", "in May".
    pub(super) fn month_period(&self, i: usize) -> Option<Found> {
        let (m, abbr, j) = self.month(i)?;
        let j2 = if matches!(self.tok(j).map(|t| t.kind), Some(TokKind::Comma))
            || self.is_kw(j, Keyword::Of)
        {
            j + 1
        } else {
            j
        };
        let (date, end) = if let Some((y, n)) = self.year4(j2) {
            (PartialDate::ym(y, m), n)
        } else {
            let (ys, n) = self.year_tail(j);
            match ys {
                YearSpec::Rel(_) => (self.anchor.resolve(m, None, ys, false), n),
                _ => {
                    const CTX: [Keyword; 12] = [
                        Keyword::For,
                        Keyword::In,
                        Keyword::Since,
                        Keyword::Until,
                        Keyword::Till,
                        Keyword::By,
                        Keyword::During,
                        Keyword::From,
                        Keyword::Before,
                        Keyword::After,
                        Keyword::Through,
                        Keyword::Of,
                    ];
                    if abbr || !self.period_context(i, Unit::Month, &CTX) {
                        return None;
                    }
                    (
                        self.anchor
                            .resolve(m, None, YearSpec::Unstated, self.future(i)),
                        j,
                    )
                }
            }
        };
        Some(Found {
            unit: Unit::Month,
            ..found(i, end, date, DateForm::Period)
        })
    }

    /// "Wednesday, 11 January 2017" (weekday absorbed), else a weekday.
    pub(super) fn weekday_led(&self, i: usize, wd: u8) -> Option<Found> {
        let k = if matches!(self.tok(i + 1).map(|t| t.kind), Some(TokKind::Comma)) {
            i + 2
        } else {
            i + 1
        };
        if let Some(f) = self.absolute(k).or_else(|| self.numeric(k)) {
            return Some(Found { start: i, ..f });
        }
        let mode = if self.future(i) {
            WdMode::OnOrAfter
        } else {
            WdMode::OnOrBefore
        };
        Some(found(
            i,
            i + 1,
            self.anchor.weekday(wd, mode),
            DateForm::Weekday,
        ))
    }

    /// A capitalised weekday at `i`.
    pub(super) fn weekday_at(&self, i: usize) -> Option<u8> {
        match self.tok(i)?.kind {
            TokKind::Word {
                lex: Lexeme::Weekday(w),
                cap: true,
            } => Some(w),
            _ => None,
        }
    }

    /// "N days/weeks/months/years ago".
    pub(super) fn ago(&self, i: usize) -> Option<Found> {
        let n: i64 = match self.tok(i)?.kind {
            TokKind::Num {
                val,
                len,
                ord: false,
            } if len <= 3 => i64::from(val),
            TokKind::Word {
                lex: Lexeme::Keyword(Keyword::NumWord(n)),
                ..
            } => i64::from(n),
            TokKind::Word {
                lex: Lexeme::Keyword(Keyword::A | Keyword::An),
                ..
            } => 1,
            _ => return None,
        };
        if !self.is_kw(i + 2, Keyword::Ago) {
            return None;
        }
        let date = match self.kw(i + 1)? {
            Keyword::Day | Keyword::Days => self.anchor.days(-n),
            Keyword::Week | Keyword::Weeks => self.anchor.week(n.checked_mul(-7)?),
            Keyword::Month | Keyword::Months => self.anchor.months(-n),
            Keyword::Year | Keyword::Years => self.anchor.years(i32::try_from(-n).ok()?),
            _ => return None,
        };
        Some(found(i, i + 3, date, DateForm::Relative))
    }

    /// "in 2019", "since 2017", "between 2017 and 2019", "2016-2020".
    pub(super) fn year_alone(&self, i: usize) -> Option<Found> {
        let (y, j) = self.year4(i)?;
        const CTX: [Keyword; 18] = [
            Keyword::For,
            Keyword::In,
            Keyword::Since,
            Keyword::Of,
            Keyword::By,
            Keyword::Until,
            Keyword::Till,
            Keyword::From,
            Keyword::During,
            Keyword::Before,
            Keyword::After,
            Keyword::Between,
            Keyword::Through,
            Keyword::Around,
            Keyword::Year,
            Keyword::Early,
            Keyword::Mid,
            Keyword::Late,
        ];
        if !self.period_context(i, Unit::Year, &CTX) {
            return None;
        }
        self.year_found(i, y, j)
    }

    /// A year at `i` (already accepted) with an optional "-2020" / "–19" range.
    pub(super) fn year_found(&self, i: usize, y: i32, j: usize) -> Option<Found> {
        let mut end = j;
        let mut end_date = None;
        if matches!(self.tok(j).map(|t| t.kind), Some(TokKind::Dash)) {
            if let Some((y2, n)) = self.year4(j + 1) {
                if y2 > y {
                    end_date = Some(PartialDate::y(y2));
                    end = n;
                }
            } else if let Some((v, 2, false)) = self.num(j + 1) {
                let y2 = y - y % 100 + v as i32;
                if y2 > y && self.adjacent(j + 1) && !self.num_continues(j + 2) {
                    end_date = Some(PartialDate::y(y2));
                    end = j + 2;
                }
            }
        }
        if end == j && self.is_count_noun(j) {
            return None;
        }
        Some(Found {
            start: i,
            end,
            date: Some(PartialDate::y(y)),
            end_date,
            form: DateForm::Period,
            unit: Unit::Year,
            emit: true,
        })
    }

    /// "2022 - 2025" / "2016–2020" without a preceding preposition: a span of
    /// at most 30 years reads as a period ("the 2022 - 2025 plan").
    pub(super) fn year_range(&self, i: usize) -> Option<Found> {
        let (y, j) = self.year4(i)?;
        matches!(self.tok(j)?.kind, TokKind::Dash).then_some(())?;
        let (y2, _) = self.year4(j + 1)?;
        if y2 <= y || y2 - y > 30 {
            return None;
        }
        self.year_found(i, y, j)
    }

    pub(super) fn is_count_noun(&self, i: usize) -> bool {
        self.is_kw(i, Keyword::CountNoun)
    }

    /// Relative expressions introduced by a keyword.
    pub(super) fn keyword(&self, i: usize, k: Keyword) -> Option<Found> {
        let rel =
            |end: usize, date: Option<PartialDate>| Some(found(i, end, date, DateForm::Relative));
        match k {
            Keyword::Yesterday => rel(i + 1, self.anchor.days(-1)),
            Keyword::Today | Keyword::Tonight => rel(i + 1, self.anchor.days(0)),
            Keyword::Tomorrow => rel(i + 1, self.anchor.days(1)),
            Keyword::Last | Keyword::This | Keyword::Next | Keyword::Coming => {
                self.last_this_next(i, k)
            }
            Keyword::Early | Keyword::Earlier | Keyword::Mid | Keyword::Late | Keyword::Later => {
                self.part_of(i, i + 1)
            }
            Keyword::End | Keyword::Beginning | Keyword::Start | Keyword::Middle => {
                if self.is_kw(i + 1, Keyword::Of) {
                    self.part_of(i, i + 2)
                } else {
                    None
                }
            }
            Keyword::The => self.the(i),
            Keyword::Between | Keyword::From => {
                if let Some(f) = self.absolute(i + 1) {
                    if f.end_date.is_some() {
                        return Some(Found { start: i, ..f });
                    }
                }
                // "between 2017 and 2019", "from 2017 to 2019".
                let (y, j) = self.year4(i + 1)?;
                let want = if k == Keyword::Between {
                    Keyword::And
                } else {
                    Keyword::To
                };
                let (y2, n) = self.year4(j + 1)?;
                if !self.is_kw(j, want) || y2 <= y {
                    return None;
                }
                Some(Found {
                    start: i,
                    end: n,
                    date: Some(PartialDate::y(y)),
                    end_date: Some(PartialDate::y(y2)),
                    form: DateForm::Period,
                    unit: Unit::Year,
                    emit: true,
                })
            }
            Keyword::NumWord(_) | Keyword::A | Keyword::An => self.ago(i),
            _ => None,
        }
    }

    /// "last/this/next/coming" + weekday | month | week | month | year | weekend | night | morning.
    pub(super) fn last_this_next(&self, i: usize, k: Keyword) -> Option<Found> {
        // "this coming Friday" behaves like "next Friday".
        let (k, j) = if k == Keyword::This && self.is_kw(i + 1, Keyword::Coming) {
            (Keyword::Coming, i + 2)
        } else {
            (k, i + 1)
        };
        if let Some(wd) = self.weekday_at(j) {
            let mode = match k {
                Keyword::Last => WdMode::Before,
                Keyword::Next | Keyword::Coming => WdMode::After,
                _ if self.future(i) => WdMode::OnOrAfter,
                _ => WdMode::OnOrBefore,
            };
            return Some(found(
                i,
                j + 1,
                self.anchor.weekday(wd, mode),
                DateForm::Weekday,
            ));
        }
        if let Some((m, n)) = self.full_month(j) {
            let date = match k {
                Keyword::This => self.anchor.resolve(m, None, YearSpec::Rel(0), false),
                Keyword::Last => self.anchor.month_around(m, false),
                _ => self.anchor.month_around(m, true),
            };
            return Some(Found {
                unit: Unit::Month,
                ..found(i, n, date, DateForm::Period)
            });
        }
        // "the last week of August", "the last month of the season": a part of
        // what follows, not the week or month before the report.
        if i.checked_sub(1)
            .is_some_and(|p| self.is_kw(p, Keyword::The))
            && self.is_kw(j + 1, Keyword::Of)
        {
            return None;
        }
        let off: i32 = k.offset().unwrap_or(1);
        let date = match self.kw(j)? {
            Keyword::Week => self.anchor.week(i64::from(off) * 7),
            Keyword::Weekend if k == Keyword::Last => {
                self.anchor.weekday(5, WdMode::Before).and_then(|d| {
                    d.year()
                        .zip(d.month())
                        .and_then(|(y, m)| PartialDate::ym(y, m))
                })
            }
            Keyword::Month => self.anchor.months(i64::from(off)),
            Keyword::Year => self.anchor.years(off),
            Keyword::Night if k == Keyword::Last => self.anchor.days(-1),
            Keyword::Morning | Keyword::Afternoon | Keyword::Evening if k == Keyword::This => {
                self.anchor.days(0)
            }
            _ => return None,
        };
        Some(found(i, j + 1, date, DateForm::Relative))
    }

    /// After "early/mid/late/earlier/later" (or "end of", ...) at `i`, the part
    /// starting at `j`: a month ("early May"), a year ("mid-2019") or a
    /// relative period ("earlier this year").
    pub(super) fn part_of(&self, i: usize, j: usize) -> Option<Found> {
        let j = if matches!(self.tok(j).map(|t| t.kind), Some(TokKind::Dash)) && self.adjacent(j) {
            j + 1
        } else {
            j
        };
        if let Some((m, n)) = self.full_month(j) {
            let j2 = if matches!(self.tok(n).map(|t| t.kind), Some(TokKind::Comma)) {
                n + 1
            } else {
                n
            };
            let (ys, n) = match self.year4(j2) {
                Some((y, n)) => (YearSpec::Explicit(y), n),
                None => self.year_tail(n),
            };
            return Some(Found {
                unit: Unit::Month,
                ..found(
                    i,
                    n,
                    self.anchor
                        .resolve(m, None, ys, ys == YearSpec::Unstated && self.future(i)),
                    DateForm::Period,
                )
            });
        }
        if let Some((y, n)) = self.year4(j) {
            let f = self.year_found(j, y, n)?;
            return Some(Found { start: i, ..f });
        }
        let k = self.kw(j)?;
        if !matches!(k, Keyword::Last | Keyword::This | Keyword::Next) {
            return None;
        }
        let off: i32 = k.offset().unwrap_or(1);
        let date = match self.kw(j + 1)? {
            Keyword::Week => self.anchor.week(i64::from(off) * 7),
            Keyword::Month => self.anchor.months(i64::from(off)),
            Keyword::Year => self.anchor.years(off),
            _ => return None,
        };
        Some(found(i, j + 2, date, DateForm::Relative))
    }

    /// An ordinal day with no month ("the 3rd", "the 3rd and 4th"), at
    /// token `day` (`start` is where the expression starts): the reference
    /// month's day. Not a count ("the 3rd meeting", "the 4th of the group").
    pub(super) fn bare_day(&self, start: usize, day: usize) -> Option<Found> {
        let (d, _, ord) = self.num(day)?;
        if !ord || !(1..=31).contains(&d) {
            return None;
        }
        // Counted nouns follow at once: "the 13th ASEAN meeting", "the 4th
        // session"; a preposition or adverb does not ("the 28th against …",
        // "the 3rd and 4th respectively").
        // ("the 13th of its kind" counts too).
        const NOT_COUNTED: [&str; 15] = [
            "and",
            "or",
            "in",
            "at",
            "on",
            "against",
            "with",
            "when",
            "as",
            "for",
            "to",
            "from",
            "by",
            "during",
            "respectively",
        ];
        let noun_at = |k: usize| match self.tok(k) {
            Some(t) if matches!(t.kind, TokKind::Word { .. }) => {
                let w = self.text.get(t.start..t.end).unwrap_or("");
                !NOT_COUNTED.iter().any(|n| w.eq_ignore_ascii_case(n))
            }
            _ => false,
        };
        // "the 11th and 12th centuries": the noun after the second counts both.
        let coordinated_count = (self.is_kw(day + 1, Keyword::And)
            || self.is_kw(day + 1, Keyword::Or))
            && self.num(day + 2).is_some_and(|(_, _, ord)| ord)
            && noun_at(day + 3);
        // "the 11th-century temple", "the 3rd-largest": a compound adjective.
        let hyphenated = self.tok(day + 1).is_some_and(|t| {
            !t.gap && self.text.get(t.start..t.end) == Some("-") && noun_at(day + 2)
        });
        // "the 3rd of this month", "the 20th of last month", and the first
        // of "the 3rd and 4th of this month": the month is named after it.
        let of_month = |k: usize| {
            (self.is_kw(k, Keyword::Of) && self.is_kw(k + 2, Keyword::Month))
                .then(|| match self.kw(k + 1) {
                    Some(Keyword::This) => Some(0),
                    Some(Keyword::Last) => Some(-1),
                    Some(Keyword::Next) => Some(1),
                    _ => None,
                })
                .flatten()
        };
        if let Some(shift) = of_month(day + 1) {
            return Some(found(
                start,
                day + 4,
                self.anchor.day_of_month(d, shift),
                DateForm::Relative,
            ));
        }
        let second_of_month = (self.is_kw(day + 1, Keyword::And)
            && self.num(day + 2).is_some_and(|(_, _, ord)| ord))
        .then(|| of_month(day + 3))
        .flatten();
        if let Some(shift) = second_of_month {
            return Some(found(
                start,
                day + 1,
                self.anchor.day_of_month(d, shift),
                DateForm::Relative,
            ));
        }
        if noun_at(day + 1) || coordinated_count || hyphenated {
            return None;
        }
        let fut = self.future(start);
        Some(found(
            start,
            day + 1,
            self.anchor.bare_day(d, fut),
            DateForm::Relative,
        ))
    }

    /// The second of two coordinated bare days: "the 3rd and 4th".
    pub(super) fn coordinated_bare_day(&self, i: usize) -> Option<Found> {
        let and = i.checked_sub(1)?;
        let first = i.checked_sub(2)?;
        if !self.is_kw(and, Keyword::And) || !self.is_kw(first.checked_sub(1)?, Keyword::The) {
            return None;
        }
        self.bare_day(first.checked_sub(1)?, first)?;
        self.bare_day(i, i)
    }

    /// "the day before yesterday", "the previous day/week/month/year",
    /// "the day before", "the end of May", "the 27th of May".
    pub(super) fn the(&self, i: usize) -> Option<Found> {
        let rel =
            |end: usize, date: Option<PartialDate>| Some(found(i, end, date, DateForm::Relative));
        match self.kw(i + 1) {
            Some(Keyword::Previous) => match self.kw(i + 2)? {
                Keyword::Day => rel(i + 3, self.anchor.days(-1)),
                Keyword::Week => rel(i + 3, self.anchor.week(-7)),
                Keyword::Month => rel(i + 3, self.anchor.months(-1)),
                Keyword::Year => rel(i + 3, self.anchor.years(-1)),
                _ => None,
            },
            Some(Keyword::Day) if self.is_kw(i + 2, Keyword::Before) => {
                if self.is_kw(i + 3, Keyword::Yesterday) {
                    return rel(i + 4, self.anchor.days(-2));
                }
                // "the day before the summit" is relative to the summit, not the reference.
                let followed_by_noun = match self.tok(i + 3).map(|t| t.kind) {
                    Some(TokKind::Word { lex, .. }) => !matches!(
                        lex,
                        Lexeme::Keyword(
                            Keyword::And | Keyword::Or | Keyword::In | Keyword::At | Keyword::On
                        )
                    ),
                    Some(TokKind::Num { .. }) => true,
                    _ => false,
                };
                if followed_by_noun {
                    None
                } else {
                    rel(i + 3, self.anchor.days(-1))
                }
            }
            Some(Keyword::End | Keyword::Beginning | Keyword::Start | Keyword::Middle)
                if self.is_kw(i + 2, Keyword::Of) =>
            {
                let f = self.part_of(i + 1, i + 3)?;
                Some(Found { start: i, ..f })
            }
            _ => {
                // "the 27th of May" (not "the May 27 session": "the" is not part of that).
                self.num(i + 1)?;
                if let Some(f) = self.absolute(i + 1) {
                    return Some(Found { start: i, ..f });
                }
                // "on the 3rd": a day of the month in context.
                self.bare_day(i, i + 1)
            }
        }
    }
}
