//! Temporal tagger: finds date expressions in English news text and resolves
//! them against the article's publication date (the *reference*), at the
//! precision the text supports. It never looks at the clock.
//!
//! # How it works
//!
//! One linear pass splits the text into tokens (ASCII words, digit runs,
//! dashes, slashes, dots, commas, other punctuation, paragraph breaks), then
//! one left-to-right pass tries a fixed set of patterns at each token. Every
//! pattern looks at most a dozen tokens ahead (and the future-tense check at
//! most 15 tokens back), so the whole tagger is linear in the text length.
//! Mentions come back in text order, never overlap, and their byte offsets
//! slice the text exactly (any Unicode is fine: curly quotes, Khmer script,
//! en dashes, non-breaking spaces, which count as spaces).
//!
//! # Supported forms (→ `DateForm`)
//!
//! Month and weekday names must be capitalised ("May", "MAY"), so the modal
//! "may" and the noun "march" are never months. Abbreviations: Jan Feb Mar
//! Apr Jun Jul Aug Sep Sept Oct Nov Dec, with or without a dot.
//!
//! * **Absolute** (day precision):
//!   "27 May 2022", "27th May", "the 27th of May", "May 27", "May 27th, 2022",
//!   "Feb. 6", "Sept 12"; ranges "May 27-28", "27–28 May 2022", "May 27 to 28",
//!   "27 and 28 May", "between May 27 and 28", "from May 27 to June 2",
//!   "27 May - 2 June" (`end_date` is the last day); a leading weekday is part
//!   of the mention ("Wednesday, 11 January 2017"); ISO "2022-05-27",
//!   "2022/05/27"; day-first numeric "27/05/2022" and "27.05.2022"; a year tail
//!   "May 27 last year", "May 27 of this year".
//! * **Period** (month or year precision): "May 2022", "Dec. 2021",
//!   "November last year", "May this year", "in May" / "since May" / "until
//!   May" / "by May" / "during May" / "for May" / "from April to May" (a full month name
//!   alone needs such a preposition before it, or "and"/"or"/"," right after
//!   another month mention), "early/mid/late May" ("mid-May"), "in early
//!   December last year", "the end/beginning/middle of May", "this/last/next
//!   May"; years "in 2019", "since 2017", "of 2022", "by 2030", "early 2019",
//!   "mid-2019", "between 2017 and 2019", "2016-2020" after such a word.
//! * **Weekday**: "Tuesday", "on Tuesday", "last Monday", "next Tuesday",
//!   "this coming Friday", "this Friday".
//! * **Relative**: "yesterday", "today", "tomorrow", "tonight", "last night",
//!   "this morning/afternoon/evening", "the day before yesterday", "the
//!   previous day", "the day before" (not when followed by a noun phrase:
//!   "the day before the summit"), "last/this/next week|month|year",
//!   "last weekend", "the previous week|month|year", "earlier/later/early/late
//!   this|last|next week|month|year", "the end of last year", "N days / weeks
//!   / months / years ago" (N in digits, "one".."twelve", "a", "an").
//!
//! # Resolution rules
//!
//! * A year in the expression always wins over the reference ("May 27,
//!   2021", "May 27 last year" → reference year − 1).
//! * Day/month without a year ("May 27", "in May"): the reference year,
//!   except that a month after the reference month means the previous year
//!   (news reports the past). With a future cue before it in the same sentence
//!   ("will", "shall", "'ll", "scheduled", "upcoming", "planned", "expected",
//!   "due", "is/are to", "to be") the rule flips: a month before the reference
//!   month means the next year. With a year-only reference: that year. With
//!   no reference (or a reference of unknown year): `XXXX-MM-DD` / `XXXX-MM`.
//! * "this May" → reference year; "last May" → the latest May strictly before
//!   the reference month; "next May" → the first May strictly after it
//!   (`XXXX-05` when the reference month is unknown).
//! * "November last year" → (reference year − 1)-11; without a reference
//!   year, `XXXX-11`.
//! * Weekdays: the latest such day on or before the reference; with a future
//!   cue, the first on or after it; "last Monday" strictly before, "next
//!   Monday" / "this coming Monday" strictly after. Needs a day-precise
//!   reference, else `date: None`.
//! * "yesterday", "today", "tomorrow", "the previous day", "N days ago":
//!   day arithmetic on a day-precise reference, else `None`.
//! * Weeks ("last week", "this week", "next week", "N weeks ago", "last
//!   weekend"): the Monday–Sunday week containing reference ± 7·N days,
//!   reported at month precision as the month holding most of its days (the
//!   month of its Thursday). Needs a day-precise reference.
//! * "last/this/next month", "N months ago", "earlier this month": month
//!   arithmetic; needs the reference month. "last/this/next year", "earlier
//!   this year", "late last year", "N years ago": year precision; needs the
//!   reference year.
//! * Relative forms that cannot be resolved are still reported, with
//!   `date: None`. Impossible dates ("February 30", "31/04/2022") are not
//!   mentions; 29 February resolved into a common year gives `date: None`.
//! * Bare four-digit years are taken only after one of: in, for, since, of, by,
//!   until, till, from, during, before, after, between, through, around,
//!   year, early, mid, late (or after "to"/"and"/"or"/"-" right after another
//!   year mention), only in 1950–2100, never when glued to other digits
//!   ("2,019", "2019.5") or followed by a count noun ("in 2019 people").
//!
//! Spans cover the expression with its modifiers ("early May", "last week",
//! "between May 27 and 28") but not a bare leading preposition ("in", "on").

use chrono::{Datelike, NaiveDate, TimeDelta};

use crate::model::{PartialDate, Precision};

/// Which form of expression a date mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// A calendar date with or without year: "27 May 2022", "May 27", "May 27-28", "2022-05-27".
    Absolute,
    /// A month or year alone: "in 2019", "November last year", "in May".
    Period,
    /// A weekday: "on Tuesday", "next Monday".
    Weekday,
    /// Relative to the reference: "yesterday", "last week", "earlier this year".
    Relative,
}

/// A date expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    /// `None` when the expression cannot be resolved (e.g. "yesterday" with no reference).
    pub date: Option<PartialDate>,
    /// Last day of a range ("May 27-28" → 28 May), if any.
    pub end_date: Option<PartialDate>,
    pub form: DateForm,
}

/// All date expressions in `text`, in order, resolved against `reference`
/// (the publication date, possibly only month- or year-precise).
pub fn tag_dates(text: &str, reference: Option<PartialDate>) -> Vec<DateMention> {
    let toks = tokenize(text);
    let mut sc = Scanner {
        toks: &toks,
        a: Anchor::new(reference),
        last: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match sc.match_at(i) {
            Some(f) if f.end > f.start && f.start >= i => {
                if let (true, Some(s), Some(e)) = (f.emit, toks.get(f.start), toks.get(f.end - 1)) {
                    if text.get(s.start..e.end).is_some() {
                        out.push(DateMention {
                            start: s.start,
                            end: e.end,
                            date: f.date,
                            end_date: f.end_date,
                            form: f.form,
                        });
                    }
                }
                sc.last = Some((f.end, f.unit));
                i = f.end;
            }
            _ => i += 1,
        }
    }
    out
}

/// A reference date stated in the opening lines of an article (a dateline
/// such as "Vientiane, 11 January 2017" or "Lao News Agency | Feb. 2014").
///
/// Looks at the first 300 bytes only. Takes the first date with a known year
/// at month or day precision that stands like a dateline or byline: on a
/// short line (≤ 100 bytes), or at the start of its line / after a place name
/// and a comma, "|", ":" or dash, or followed by "(", "--", a dash, "|" or the
/// end of the line; and not right after a preposition ("on", "in", ...),
/// which marks a date inside a sentence.
pub fn find_reference(text: &str) -> Option<PartialDate> {
    let mut cut = text.len().min(300);
    while cut > 0 && !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(..cut)?;
    tag_dates(head, None).into_iter().find_map(|m| {
        let d = m.date?;
        (d.year_known() && d.precision() != Precision::Year && dateline_like(head, m.start, m.end))
            .then_some(d)
    })
}

fn dateline_like(text: &str, s: usize, e: usize) -> bool {
    let (Some(pre), Some(post)) = (text.get(..s), text.get(e..)) else {
        return false;
    };
    let line_start = pre.rfind('\n').map_or(0, |p| p + 1);
    let line_end = post.find('\n').map_or(text.len(), |p| e + p);
    let before = pre.get(line_start..).unwrap_or("").trim();
    let after = text.get(e..line_end).unwrap_or("").trim();
    let last_word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    const PREPS: [&str; 14] = [
        "on", "in", "since", "of", "from", "by", "until", "till", "at", "during", "before",
        "after", "between", "to",
    ];
    // `last_word` is the word right before the date ("on", "in": inside a sentence).
    if PREPS.contains(&last_word.as_str()) {
        return false;
    }
    if line_end.saturating_sub(line_start) <= 100 {
        return true;
    }
    let before_ok = before.is_empty()
        || (before.len() <= 60 && before.ends_with([',', '|', ':', '-', '–', '—']));
    let after_ok = after.is_empty() || after.starts_with(['(', '|', '-', '–', '—']);
    before_ok || after_ok
}

// ---------------------------------------------------------------- tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kw {
    In,
    On,
    Of,
    Since,
    Until,
    Till,
    By,
    During,
    From,
    Before,
    After,
    Through,
    To,
    And,
    Or,
    Between,
    Around,
    At,
    For,
    Early,
    Earlier,
    Mid,
    Middle,
    Late,
    Later,
    End,
    Beginning,
    Start,
    The,
    A,
    An,
    Last,
    Next,
    This,
    Coming,
    Previous,
    Ago,
    Yesterday,
    Today,
    Tomorrow,
    Tonight,
    Night,
    Morning,
    Afternoon,
    Evening,
    Day,
    Days,
    Week,
    Weeks,
    Weekend,
    Month,
    Months,
    Year,
    Years,
    Will,
    Shall,
    Ll,
    Is,
    Are,
    Be,
    Scheduled,
    Expected,
    Planned,
    Upcoming,
    Due,
    Its,
    His,
    Her,
    Their,
    NumWord(u8),
    CountNoun,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    /// Month number and whether the word is an abbreviation.
    Month(u8, bool),
    /// 0 = Monday.
    Weekday(u8),
    Kw(Kw),
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Word {
        lex: Lex,
        cap: bool,
    },
    Num {
        val: u32,
        len: u8,
        ord: bool,
    },
    Dash,
    Slash,
    Dot,
    Comma,
    /// Other punctuation; `stop` for '!' and '?'.
    Punct {
        stop: bool,
    },
    /// A paragraph break (blank line); zero width.
    Break,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: K,
    /// Whitespace (or the text start) right before this token.
    gap: bool,
}

fn classify(w: &[u8]) -> Lex {
    if w.len() > 11 {
        return Lex::Other;
    }
    let mut buf = [0u8; 11];
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    let l = &buf[..w.len()];
    use Kw::*;
    let kw = match l {
        b"january" => return Lex::Month(1, false),
        b"jan" => return Lex::Month(1, true),
        b"february" => return Lex::Month(2, false),
        b"feb" => return Lex::Month(2, true),
        b"march" => return Lex::Month(3, false),
        b"mar" => return Lex::Month(3, true),
        b"april" => return Lex::Month(4, false),
        b"apr" => return Lex::Month(4, true),
        b"may" => return Lex::Month(5, false),
        b"june" => return Lex::Month(6, false),
        b"jun" => return Lex::Month(6, true),
        b"july" => return Lex::Month(7, false),
        b"jul" => return Lex::Month(7, true),
        b"august" => return Lex::Month(8, false),
        b"aug" => return Lex::Month(8, true),
        b"september" => return Lex::Month(9, false),
        b"sept" | b"sep" => return Lex::Month(9, true),
        b"october" => return Lex::Month(10, false),
        b"oct" => return Lex::Month(10, true),
        b"november" => return Lex::Month(11, false),
        b"nov" => return Lex::Month(11, true),
        b"december" => return Lex::Month(12, false),
        b"dec" => return Lex::Month(12, true),
        b"monday" => return Lex::Weekday(0),
        b"tuesday" => return Lex::Weekday(1),
        b"wednesday" => return Lex::Weekday(2),
        b"thursday" => return Lex::Weekday(3),
        b"friday" => return Lex::Weekday(4),
        b"saturday" => return Lex::Weekday(5),
        b"sunday" => return Lex::Weekday(6),
        b"in" => In,
        b"on" => On,
        b"of" => Of,
        b"since" => Since,
        b"until" => Until,
        b"till" => Till,
        b"by" => By,
        b"during" => During,
        b"from" => From,
        b"before" => Before,
        b"after" => After,
        b"through" => Through,
        b"to" => To,
        b"and" => And,
        b"or" => Or,
        b"between" => Between,
        b"around" => Around,
        b"at" => At,
        b"for" => For,
        b"early" => Early,
        b"earlier" => Earlier,
        b"mid" => Mid,
        b"middle" => Middle,
        b"late" => Late,
        b"later" => Later,
        b"end" => End,
        b"beginning" => Beginning,
        b"start" => Start,
        b"the" => The,
        b"a" => A,
        b"an" => An,
        b"last" => Last,
        b"next" => Next,
        b"this" => This,
        b"coming" => Coming,
        b"previous" => Previous,
        b"ago" => Ago,
        b"yesterday" => Yesterday,
        b"today" => Today,
        b"tomorrow" => Tomorrow,
        b"tonight" => Tonight,
        b"night" => Night,
        b"morning" => Morning,
        b"afternoon" => Afternoon,
        b"evening" => Evening,
        b"day" => Day,
        b"days" => Days,
        b"week" => Week,
        b"weeks" => Weeks,
        b"weekend" => Weekend,
        b"month" => Month,
        b"months" => Months,
        b"year" => Year,
        b"years" => Years,
        b"will" => Will,
        b"shall" => Shall,
        b"ll" => Ll,
        b"is" => Is,
        b"are" => Are,
        b"be" => Be,
        b"scheduled" => Scheduled,
        b"expected" => Expected,
        b"planned" => Planned,
        b"upcoming" => Upcoming,
        b"due" => Due,
        b"its" => Its,
        b"his" => His,
        b"her" => Her,
        b"their" => Their,
        b"one" => NumWord(1),
        b"two" => NumWord(2),
        b"three" => NumWord(3),
        b"four" => NumWord(4),
        b"five" => NumWord(5),
        b"six" => NumWord(6),
        b"seven" => NumWord(7),
        b"eight" => NumWord(8),
        b"nine" => NumWord(9),
        b"ten" => NumWord(10),
        b"eleven" => NumWord(11),
        b"twelve" => NumWord(12),
        b"people" | b"persons" | b"residents" | b"villagers" | b"households" | b"families"
        | b"students" | b"officials" | b"soldiers" | b"troops" | b"workers" | b"cases" | b"km"
        | b"kilometres" | b"kilometers" | b"metres" | b"meters" | b"hectares" | b"ha" | b"tons"
        | b"tonnes" | b"units" | b"dollars" | b"usd" | b"riel" | b"kip" | b"baht" | b"mw"
        | b"megawatts" | b"trucks" | b"vehicles" | b"houses" => CountNoun,
        _ => return Lex::Other,
    };
    Lex::Kw(kw)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Split `text` into tokens in one pass. Whitespace (any Unicode space) only
/// sets the `gap` flag of the next token; a blank line becomes a `Break`.
fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(b.len() / 6 + 1);
    let mut i = 0;
    let mut gap = true;
    let mut newlines = 0u32;
    while i < b.len() {
        let c = b[i];
        // Whitespace.
        let (ch, clen) = if c < 0x80 {
            (c as char, 1)
        } else {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(ch) => (ch, ch.len_utf8()),
                None => break,
            }
        };
        if ch.is_whitespace() {
            if ch == '\n' || ch == '\u{2029}' {
                newlines += 1;
            }
            gap = true;
            i += clen;
            continue;
        }
        if newlines >= 2 {
            toks.push(Tok {
                start: i,
                end: i,
                kind: K::Break,
                gap: true,
            });
        }
        newlines = 0;
        let start = i;
        let kind = if c.is_ascii_digit() {
            let mut val: u64 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                val = (val * 10 + u64::from(b[i] - b'0')).min(u64::from(u32::MAX));
                i += 1;
            }
            let len = (i - start).min(255) as u8;
            // Ordinal suffix glued to the number: 1st 2nd 3rd 27th.
            let mut ord = false;
            if i + 2 <= b.len() {
                let s = [b[i].to_ascii_lowercase(), b[i + 1].to_ascii_lowercase()];
                let after_is_letter = b.get(i + 2).is_some_and(|x| x.is_ascii_alphanumeric());
                if matches!(&s, b"st" | b"nd" | b"rd" | b"th") && !after_is_letter {
                    ord = true;
                    i += 2;
                }
            }
            K::Num {
                val: val as u32,
                len,
                ord,
            }
        } else if ch.is_alphabetic() {
            // A word: a run of letters (ASCII or not). Only all-ASCII words
            // are classified; others never match a pattern.
            let mut ascii = true;
            while i < b.len() {
                if b[i].is_ascii_alphabetic() {
                    i += 1;
                } else if b[i] >= 0x80 {
                    match text.get(i..).and_then(|s| s.chars().next()) {
                        Some(ch) if ch.is_alphabetic() => {
                            ascii = false;
                            i += ch.len_utf8();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            let w = &b[start..i];
            let lex = if ascii { classify(w) } else { Lex::Other };
            let cap = w.first().is_some_and(u8::is_ascii_uppercase);
            K::Word { lex, cap }
        } else {
            i += clen;
            match ch {
                '.' => K::Dot,
                ',' => K::Comma,
                '/' => K::Slash,
                '!' | '?' => K::Punct { stop: true },
                c if is_dash(c) => K::Dash,
                _ => K::Punct { stop: false },
            }
        };
        toks.push(Tok {
            start,
            end: i,
            kind,
            gap,
        });
        gap = false;
    }
    toks
}

// ---------------------------------------------------------------- matching

/// The reference, split into what is known.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    y: Option<i32>,
    m: Option<u32>,
    day: Option<NaiveDate>,
}

impl Anchor {
    fn new(r: Option<PartialDate>) -> Self {
        match r {
            None => Anchor {
                y: None,
                m: None,
                day: None,
            },
            Some(r) => Anchor {
                y: r.year(),
                m: r.month(),
                day: r.to_naive(),
            },
        }
    }

    fn days(&self, k: i64) -> Option<PartialDate> {
        let d = self.day?.checked_add_signed(TimeDelta::try_days(k)?)?;
        Some(PartialDate::from_naive(d))
    }

    /// The month holding most days of the Monday–Sunday week around reference + k days.
    fn week(&self, k: i64) -> Option<PartialDate> {
        let d = self.day?.checked_add_signed(TimeDelta::try_days(k)?)?;
        let thu = 3 - i64::from(d.weekday().num_days_from_monday());
        let t = d.checked_add_signed(TimeDelta::try_days(thu)?)?;
        PartialDate::ym(t.year(), t.month())
    }

    fn months(&self, k: i64) -> Option<PartialDate> {
        let total = i64::from(self.y?) * 12 + i64::from(self.m?) - 1 + k;
        let y = i32::try_from(total.div_euclid(12)).ok()?;
        PartialDate::ym(y, (total.rem_euclid(12) + 1) as u32)
    }

    fn years(&self, k: i32) -> Option<PartialDate> {
        Some(PartialDate::y(self.y?.checked_add(k)?))
    }

    /// Weekday `wd` (0 = Monday) relative to the reference.
    fn weekday(&self, wd: u8, mode: WdMode) -> Option<PartialDate> {
        let r = self.day?;
        let rw = i64::from(r.weekday().num_days_from_monday());
        let wd = i64::from(wd);
        let back = (rw - wd).rem_euclid(7);
        let fwd = (wd - rw).rem_euclid(7);
        let k = match mode {
            WdMode::OnOrBefore => -back,
            WdMode::Before => -(if back == 0 { 7 } else { back }),
            WdMode::OnOrAfter => fwd,
            WdMode::After => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
        };
        self.days(k)
    }

    /// Month `m` (with day `d`) given the year spec of the expression.
    fn resolve(&self, m: u32, d: Option<u32>, ys: YearSpec, future: bool) -> Option<PartialDate> {
        let y = match ys {
            YearSpec::Explicit(y) => Some(y),
            YearSpec::Rel(k) => self.y.and_then(|y| y.checked_add(k)),
            YearSpec::Unstated => match (self.y, self.m) {
                (Some(y), Some(rm)) if future && m < rm => y.checked_add(1),
                (Some(y), Some(rm)) if !future && m > rm => y.checked_sub(1),
                (y, _) => y,
            },
        };
        PartialDate::from_parts(y, Some(m), d)
    }

    /// "last May" / "next May": strictly before / after the reference month.
    fn month_around(&self, m: u32, next: bool) -> Option<PartialDate> {
        match (self.y, self.m) {
            (Some(y), Some(rm)) => {
                let y = if next {
                    if m > rm {
                        y
                    } else {
                        y.checked_add(1)?
                    }
                } else if m < rm {
                    y
                } else {
                    y.checked_sub(1)?
                };
                PartialDate::ym(y, m)
            }
            _ => PartialDate::m(m),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WdMode {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearSpec {
    Unstated,
    Explicit(i32),
    /// Reference year + k ("last year", "this year", "next year").
    Rel(i32),
}

/// What a finished match was, for chaining ("from April to May", "2017 and 2019").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Month,
    Year,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    /// Exclusive token index.
    end: usize,
    date: Option<PartialDate>,
    end_date: Option<PartialDate>,
    form: DateForm,
    unit: Unit,
    /// False for an impossible date ("30 February 2022"): its tokens are
    /// consumed (so "February 2022" is not taken from it) but not reported.
    emit: bool,
}

fn found(start: usize, end: usize, date: Option<PartialDate>, form: DateForm) -> Found {
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

fn impossible(start: usize, end: usize) -> Found {
    Found {
        emit: false,
        ..found(start, end, None, DateForm::Absolute)
    }
}

struct Scanner<'a> {
    toks: &'a [Tok],
    a: Anchor,
    /// End token and unit of the previous mention.
    last: Option<(usize, Unit)>,
}

/// A range connector between two days/months: a dash, "to", "through", "until", "till", "and".
fn connector_kw(k: Kw) -> bool {
    matches!(k, Kw::To | Kw::Through | Kw::Until | Kw::Till | Kw::And)
}

impl Scanner<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn kw(&self, i: usize) -> Option<Kw> {
        match self.tok(i)?.kind {
            K::Word {
                lex: Lex::Kw(k), ..
            } => Some(k),
            _ => None,
        }
    }

    fn is_kw(&self, i: usize, k: Kw) -> bool {
        self.kw(i) == Some(k)
    }

    fn prev_kw(&self, i: usize) -> Option<Kw> {
        i.checked_sub(1).and_then(|p| self.kw(p))
    }

    fn adjacent(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.gap)
    }

    /// A capitalised month name at `i`; returns (month, abbreviated, next index).
    /// An abbreviation's dot is taken when a number follows ("Feb. 6").
    fn month(&self, i: usize) -> Option<(u32, bool, usize)> {
        let t = self.tok(i)?;
        let K::Word {
            lex: Lex::Month(m, abbr),
            cap: true,
        } = t.kind
        else {
            return None;
        };
        let mut j = i + 1;
        if abbr
            && matches!(self.tok(j).map(|t| t.kind), Some(K::Dot))
            && self.adjacent(j)
            && matches!(self.tok(j + 1).map(|t| t.kind), Some(K::Num { .. }))
        {
            j += 1;
        }
        // A month glued to a following letter run is not a month ("Mayor" is one word anyway).
        Some((u32::from(m), abbr, j))
    }

    /// A full (unabbreviated) month name.
    fn full_month(&self, i: usize) -> Option<(u32, usize)> {
        match self.month(i)? {
            (m, false, j) => Some((m, j)),
            _ => None,
        }
    }

    /// Whether the number at `j - 1` continues into more digits ("1,000", "2019.5").
    fn num_continues(&self, j: usize) -> bool {
        matches!(self.tok(j).map(|t| t.kind), Some(K::Comma | K::Dot))
            && self.adjacent(j)
            && matches!(self.tok(j + 1).map(|t| t.kind), Some(K::Num { .. }))
            && self.adjacent(j + 1)
    }

    /// Whether the number at `i` is glued to digits before it ("1,27", "3.27", "12/27").
    fn num_glued_before(&self, i: usize) -> bool {
        if !self.adjacent(i) || i == 0 {
            return false;
        }
        match self.tok(i - 1).map(|t| t.kind) {
            Some(K::Num { .. }) | Some(K::Slash) => true,
            Some(K::Comma | K::Dot) => {
                self.adjacent(i - 1)
                    && i >= 2
                    && matches!(self.tok(i - 2).map(|t| t.kind), Some(K::Num { .. }))
            }
            _ => false,
        }
    }

    fn num(&self, i: usize) -> Option<(u32, u8, bool)> {
        match self.tok(i)?.kind {
            K::Num { val, len, ord } => Some((val, len, ord)),
            _ => None,
        }
    }

    /// A day number 1–31 ("27", "27th"); returns (day, next index).
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let (v, len, ord) = self.num(i)?;
        if len > 2 || !(1..=31).contains(&v) || self.num_continues(i + 1) {
            return None;
        }
        // "27km": a number glued to a word is a quantity (ordinals are merged already).
        if !ord
            && matches!(self.tok(i + 1).map(|t| t.kind), Some(K::Word { .. }))
            && self.adjacent(i + 1)
        {
            return None;
        }
        Some((v, i + 1))
    }

    /// A four-digit year 1950–2100 at `i`.
    fn year4(&self, i: usize) -> Option<(i32, usize)> {
        let (v, len, ord) = self.num(i)?;
        if len != 4 || ord || !(1950..=2100).contains(&v) || self.num_continues(i + 1) {
            return None;
        }
        if matches!(self.tok(i + 1).map(|t| t.kind), Some(K::Word { .. })) && self.adjacent(i + 1) {
            return None;
        }
        Some((v as i32, i + 1))
    }

    /// A range connector at `i`; returns the index after it.
    fn connector(&self, i: usize) -> Option<usize> {
        match self.tok(i)?.kind {
            K::Dash => Some(i + 1),
            K::Word {
                lex: Lex::Kw(k), ..
            } if connector_kw(k) => Some(i + 1),
            _ => None,
        }
    }

    /// An optional year after a date: ", 2022", "2022", "last year", "of this year".
    fn year_tail(&self, j: usize) -> (YearSpec, usize) {
        let k = if matches!(self.tok(j).map(|t| t.kind), Some(K::Comma)) {
            j + 1
        } else {
            j
        };
        if let Some((y, n)) = self.year4(k) {
            return (YearSpec::Explicit(y), n);
        }
        let k = if self.is_kw(j, Kw::Of) { j + 1 } else { j };
        if let Some(rel) = self.rel_year(k) {
            return (YearSpec::Rel(rel), k + 2);
        }
        (YearSpec::Unstated, j)
    }

    /// "last year" / "this year" / "next year" at `i`.
    fn rel_year(&self, i: usize) -> Option<i32> {
        if !self.is_kw(i + 1, Kw::Year) {
            return None;
        }
        match self.kw(i)? {
            Kw::Last => Some(-1),
            Kw::This => Some(0),
            Kw::Next => Some(1),
            _ => None,
        }
    }

    /// A future-tense cue earlier in the same sentence (at most 15 tokens back).
    fn future(&self, i: usize) -> bool {
        let lo = i.saturating_sub(15);
        let mut j = i;
        while j > lo {
            j -= 1;
            let Some(t) = self.tok(j) else { break };
            match t.kind {
                K::Break | K::Punct { stop: true } => break,
                K::Dot if self.tok(j + 1).is_some_and(|n| n.gap) => break,
                K::Word {
                    lex: Lex::Kw(k), ..
                } => match k {
                    Kw::Will
                    | Kw::Shall
                    | Kw::Ll
                    | Kw::Scheduled
                    | Kw::Upcoming
                    | Kw::Planned
                    | Kw::Expected
                    | Kw::Due => return true,
                    Kw::To => {
                        if matches!(self.prev_kw(j), Some(Kw::Is | Kw::Are))
                            || self.is_kw(j + 1, Kw::Be)
                        {
                            return true;
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        false
    }

    fn match_at(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        match t.kind {
            K::Num { .. } => {
                if self.num_glued_before(i) {
                    return None;
                }
                self.numeric(i)
                    .or_else(|| self.absolute(i))
                    .or_else(|| self.ago(i))
                    .or_else(|| self.year_alone(i))
            }
            K::Word { lex, cap } => match lex {
                Lex::Month(..) if cap => self.absolute(i).or_else(|| self.month_period(i)),
                Lex::Weekday(wd) if cap => self.weekday_led(i, wd),
                Lex::Kw(k) => self.keyword(i, k),
                _ => None,
            },
            _ => None,
        }
    }

    /// "2022-05-27", "2022/05/27", "27/05/2022", "27.05.2022".
    fn numeric(&self, i: usize) -> Option<Found> {
        let (a, alen, aord) = self.num(i)?;
        let sep = self.tok(i + 1)?.kind;
        if aord || !matches!(sep, K::Dash | K::Slash | K::Dot) {
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
            Some(K::Num { .. } | K::Slash)
        ) && self.adjacent(i + 5)
        {
            return None;
        }
        let date = if alen == 4 && blen <= 2 && clen <= 2 && sep != K::Dot {
            PartialDate::ymd(a as i32, b, c)
        } else if alen <= 2 && blen <= 2 && clen == 4 && sep != K::Dash {
            PartialDate::ymd(c as i32, b, a)
        } else {
            None
        }?;
        Some(found(i, i + 5, Some(date), DateForm::Absolute))
    }

    /// Day-precise dates, month-first or day-first, with optional range and year.
    fn absolute(&self, i: usize) -> Option<Found> {
        let fut = self.future(i);
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
                        if m2 != m && PartialDate::md(m2, d2).is_some() {
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
            return self.day_found(i, j, m, d1, end, ys, fut);
        }
        // Day-first: "27 May", "27th of May", "27-28 May", "27 May - 2 June".
        let (d1, j) = self.day(i)?;
        let of = |k: usize| if self.is_kw(k, Kw::Of) { k + 1 } else { k };
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
                        if m2 != m && PartialDate::md(m2, d2).is_some() {
                            end = Some((m2, d2));
                            j = k3;
                        }
                    }
                }
            }
        }
        let (ys, j) = self.year_tail(j);
        self.day_found(i, j, m, d1, end, ys, fut)
    }

    #[allow(clippy::too_many_arguments)]
    fn day_found(
        &self,
        i: usize,
        j: usize,
        m: u32,
        d: u32,
        end: Option<(u32, u32)>,
        ys: YearSpec,
        fut: bool,
    ) -> Option<Found> {
        if let YearSpec::Explicit(y) = ys {
            // "30 February 2022" is no date; "29 February 2023" neither.
            if PartialDate::ymd(y, m, d).is_none() {
                return Some(impossible(i, j));
            }
        }
        let date = self.a.resolve(m, Some(d), ys, fut);
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
    fn period_context(&self, i: usize, unit: Unit, ctx: &[Kw]) -> bool {
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
            Some(K::Comma | K::Dash)
                | Some(K::Word {
                    lex: Lex::Kw(Kw::And | Kw::Or | Kw::To | Kw::Until | Kw::Through),
                    ..
                })
        );
        chain && self.last == Some((p, unit))
    }

    /// "May 2022", "Dec. 2021", "November last year", "in May".
    fn month_period(&self, i: usize) -> Option<Found> {
        let (m, abbr, j) = self.month(i)?;
        let j2 = if matches!(self.tok(j).map(|t| t.kind), Some(K::Comma)) || self.is_kw(j, Kw::Of) {
            j + 1
        } else {
            j
        };
        let (date, end) = if let Some((y, n)) = self.year4(j2) {
            (PartialDate::ym(y, m), n)
        } else {
            let (ys, n) = self.year_tail(j);
            match ys {
                YearSpec::Rel(_) => (self.a.resolve(m, None, ys, false), n),
                _ => {
                    const CTX: [Kw; 12] = [
                        Kw::For,
                        Kw::In,
                        Kw::Since,
                        Kw::Until,
                        Kw::Till,
                        Kw::By,
                        Kw::During,
                        Kw::From,
                        Kw::Before,
                        Kw::After,
                        Kw::Through,
                        Kw::Of,
                    ];
                    if abbr || !self.period_context(i, Unit::Month, &CTX) {
                        return None;
                    }
                    (
                        self.a.resolve(m, None, YearSpec::Unstated, self.future(i)),
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
    fn weekday_led(&self, i: usize, wd: u8) -> Option<Found> {
        let k = if matches!(self.tok(i + 1).map(|t| t.kind), Some(K::Comma)) {
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
        Some(found(i, i + 1, self.a.weekday(wd, mode), DateForm::Weekday))
    }

    /// A capitalised weekday at `i`.
    fn weekday_at(&self, i: usize) -> Option<u8> {
        match self.tok(i)?.kind {
            K::Word {
                lex: Lex::Weekday(w),
                cap: true,
            } => Some(w),
            _ => None,
        }
    }

    /// "N days/weeks/months/years ago".
    fn ago(&self, i: usize) -> Option<Found> {
        let n: i64 = match self.tok(i)?.kind {
            K::Num {
                val,
                len,
                ord: false,
            } if len <= 3 => i64::from(val),
            K::Word {
                lex: Lex::Kw(Kw::NumWord(n)),
                ..
            } => i64::from(n),
            K::Word {
                lex: Lex::Kw(Kw::A | Kw::An),
                ..
            } => 1,
            _ => return None,
        };
        if !self.is_kw(i + 2, Kw::Ago) {
            return None;
        }
        let date = match self.kw(i + 1)? {
            Kw::Day | Kw::Days => self.a.days(-n),
            Kw::Week | Kw::Weeks => self.a.week(n.checked_mul(-7)?),
            Kw::Month | Kw::Months => self.a.months(-n),
            Kw::Year | Kw::Years => self.a.years(i32::try_from(-n).ok()?),
            _ => return None,
        };
        Some(found(i, i + 3, date, DateForm::Relative))
    }

    /// "in 2019", "since 2017", "between 2017 and 2019", "2016-2020".
    fn year_alone(&self, i: usize) -> Option<Found> {
        let (y, j) = self.year4(i)?;
        const CTX: [Kw; 18] = [
            Kw::For,
            Kw::In,
            Kw::Since,
            Kw::Of,
            Kw::By,
            Kw::Until,
            Kw::Till,
            Kw::From,
            Kw::During,
            Kw::Before,
            Kw::After,
            Kw::Between,
            Kw::Through,
            Kw::Around,
            Kw::Year,
            Kw::Early,
            Kw::Mid,
            Kw::Late,
        ];
        if !self.period_context(i, Unit::Year, &CTX) {
            return None;
        }
        self.year_found(i, y, j)
    }

    /// A year at `i` (already accepted) with an optional "-2020" / "–19" range.
    fn year_found(&self, i: usize, y: i32, j: usize) -> Option<Found> {
        let mut end = j;
        let mut end_date = None;
        if matches!(self.tok(j).map(|t| t.kind), Some(K::Dash)) {
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

    fn is_count_noun(&self, i: usize) -> bool {
        self.is_kw(i, Kw::CountNoun)
    }

    /// Relative expressions introduced by a keyword.
    fn keyword(&self, i: usize, k: Kw) -> Option<Found> {
        let rel =
            |end: usize, date: Option<PartialDate>| Some(found(i, end, date, DateForm::Relative));
        match k {
            Kw::Yesterday => rel(i + 1, self.a.days(-1)),
            Kw::Today | Kw::Tonight => rel(i + 1, self.a.days(0)),
            Kw::Tomorrow => rel(i + 1, self.a.days(1)),
            Kw::Last | Kw::This | Kw::Next | Kw::Coming => self.last_this_next(i, k),
            Kw::Early | Kw::Earlier | Kw::Mid | Kw::Late | Kw::Later => self.part_of(i, i + 1),
            Kw::End | Kw::Beginning | Kw::Start | Kw::Middle => {
                if self.is_kw(i + 1, Kw::Of) {
                    self.part_of(i, i + 2)
                } else {
                    None
                }
            }
            Kw::The => self.the(i),
            Kw::Between | Kw::From => {
                if let Some(f) = self.absolute(i + 1) {
                    if f.end_date.is_some() {
                        return Some(Found { start: i, ..f });
                    }
                }
                // "between 2017 and 2019", "from 2017 to 2019".
                let (y, j) = self.year4(i + 1)?;
                let want = if k == Kw::Between { Kw::And } else { Kw::To };
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
            Kw::NumWord(_) | Kw::A | Kw::An => self.ago(i),
            _ => None,
        }
    }

    /// "last/this/next/coming" + weekday | month | week | month | year | weekend | night | morning.
    fn last_this_next(&self, i: usize, k: Kw) -> Option<Found> {
        // "this coming Friday" behaves like "next Friday".
        let (k, j) = if k == Kw::This && self.is_kw(i + 1, Kw::Coming) {
            (Kw::Coming, i + 2)
        } else {
            (k, i + 1)
        };
        if let Some(wd) = self.weekday_at(j) {
            let mode = match k {
                Kw::Last => WdMode::Before,
                Kw::Next | Kw::Coming => WdMode::After,
                _ if self.future(i) => WdMode::OnOrAfter,
                _ => WdMode::OnOrBefore,
            };
            return Some(found(i, j + 1, self.a.weekday(wd, mode), DateForm::Weekday));
        }
        if let Some((m, n)) = self.full_month(j) {
            let date = match k {
                Kw::This => self.a.resolve(m, None, YearSpec::Rel(0), false),
                Kw::Last => self.a.month_around(m, false),
                _ => self.a.month_around(m, true),
            };
            return Some(Found {
                unit: Unit::Month,
                ..found(i, n, date, DateForm::Period)
            });
        }
        let off: i32 = match k {
            Kw::Last => -1,
            Kw::This => 0,
            _ => 1,
        };
        let date = match self.kw(j)? {
            Kw::Week => self.a.week(i64::from(off) * 7),
            Kw::Weekend if k == Kw::Last => self.a.weekday(5, WdMode::Before).and_then(|d| {
                d.year()
                    .zip(d.month())
                    .and_then(|(y, m)| PartialDate::ym(y, m))
            }),
            Kw::Month => self.a.months(i64::from(off)),
            Kw::Year => self.a.years(off),
            Kw::Night if k == Kw::Last => self.a.days(-1),
            Kw::Morning | Kw::Afternoon | Kw::Evening if k == Kw::This => self.a.days(0),
            _ => return None,
        };
        Some(found(i, j + 1, date, DateForm::Relative))
    }

    /// After "early/mid/late/earlier/later" (or "end of", ...) at `i`, the part
    /// starting at `j`: a month ("early May"), a year ("mid-2019") or a
    /// relative period ("earlier this year").
    fn part_of(&self, i: usize, j: usize) -> Option<Found> {
        let j = if matches!(self.tok(j).map(|t| t.kind), Some(K::Dash)) && self.adjacent(j) {
            j + 1
        } else {
            j
        };
        if let Some((m, n)) = self.full_month(j) {
            let fut = self.future(i);
            let j2 = if matches!(self.tok(n).map(|t| t.kind), Some(K::Comma)) {
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
                ..found(i, n, self.a.resolve(m, None, ys, fut), DateForm::Period)
            });
        }
        if let Some((y, n)) = self.year4(j) {
            let f = self.year_found(j, y, n)?;
            return Some(Found { start: i, ..f });
        }
        let k = self.kw(j)?;
        if !matches!(k, Kw::Last | Kw::This | Kw::Next) {
            return None;
        }
        let off: i32 = match k {
            Kw::Last => -1,
            Kw::This => 0,
            _ => 1,
        };
        let date = match self.kw(j + 1)? {
            Kw::Week => self.a.week(i64::from(off) * 7),
            Kw::Month => self.a.months(i64::from(off)),
            Kw::Year => self.a.years(off),
            _ => return None,
        };
        Some(found(i, j + 2, date, DateForm::Relative))
    }

    /// "the day before yesterday", "the previous day/week/month/year",
    /// "the day before", "the end of May", "the 27th of May".
    fn the(&self, i: usize) -> Option<Found> {
        let rel =
            |end: usize, date: Option<PartialDate>| Some(found(i, end, date, DateForm::Relative));
        match self.kw(i + 1) {
            Some(Kw::Previous) => match self.kw(i + 2)? {
                Kw::Day => rel(i + 3, self.a.days(-1)),
                Kw::Week => rel(i + 3, self.a.week(-7)),
                Kw::Month => rel(i + 3, self.a.months(-1)),
                Kw::Year => rel(i + 3, self.a.years(-1)),
                _ => None,
            },
            Some(Kw::Day) if self.is_kw(i + 2, Kw::Before) => {
                if self.is_kw(i + 3, Kw::Yesterday) {
                    return rel(i + 4, self.a.days(-2));
                }
                // "the day before the summit" is relative to the summit, not the reference.
                let followed_by_noun = match self.tok(i + 3).map(|t| t.kind) {
                    Some(K::Word { lex, .. }) => {
                        !matches!(lex, Lex::Kw(Kw::And | Kw::Or | Kw::In | Kw::At | Kw::On))
                    }
                    Some(K::Num { .. }) => true,
                    _ => false,
                };
                if followed_by_noun {
                    None
                } else {
                    rel(i + 3, self.a.days(-1))
                }
            }
            Some(Kw::End | Kw::Beginning | Kw::Start | Kw::Middle) if self.is_kw(i + 2, Kw::Of) => {
                let f = self.part_of(i + 1, i + 3)?;
                Some(Found { start: i, ..f })
            }
            _ => {
                // "the 27th of May" (not "the May 27 session": "the" is not part of that).
                self.num(i + 1)?;
                let f = self.absolute(i + 1)?;
                Some(Found { start: i, ..f })
            }
        }
    }
}

// Silence an unused-variant lint for keywords kept for readability of the table.
#[allow(dead_code)]
const _KW_USED: [Kw; 6] = [Kw::On, Kw::Its, Kw::His, Kw::Her, Kw::Their, Kw::Or];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    /// (mention text, date string or "-", end date or "", form) for each mention.
    fn tag(text: &str, reference: Option<&str>) -> Vec<(String, String, String, DateForm)> {
        tag_dates(text, reference.map(d))
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    m.date.map_or("-".to_string(), |x| x.to_string()),
                    m.end_date.map_or(String::new(), |x| x.to_string()),
                    m.form,
                )
            })
            .collect()
    }

    /// The single mention's (text, date) or panics with the whole list.
    fn one(text: &str, reference: Option<&str>) -> (String, String) {
        let v = tag(text, reference);
        assert_eq!(v.len(), 1, "{text:?} → {v:?}");
        (v[0].0.clone(), v[0].1.clone())
    }

    fn date_of(text: &str, reference: Option<&str>) -> String {
        one(text, reference).1
    }

    // Reference used throughout: Monday 30 May 2022.
    const R: Option<&str> = Some("2022-05-30");

    #[test]
    fn day_month_year_forms() {
        assert_eq!(
            one("Talks opened on 27 May 2022 in Pakse.", R),
            ("27 May 2022".into(), "2022-05-27".into())
        );
        assert_eq!(
            one("It ended May 27, 2021.", R),
            ("May 27, 2021".into(), "2021-05-27".into())
        );
        assert_eq!(date_of("signed on 3rd June 2019", R), "2019-06-03");
        assert_eq!(
            one("on the 4th of July, 2020", R),
            ("the 4th of July, 2020".into(), "2020-07-04".into())
        );
        assert_eq!(date_of("MAY 27, 2022", None), "2022-05-27");
    }

    #[test]
    fn day_month_without_year_uses_reference() {
        assert_eq!(
            one("a May 27 joint meeting", R),
            ("May 27".into(), "2022-05-27".into())
        );
        assert_eq!(date_of("held on 27 May", R), "2022-05-27");
        assert_eq!(date_of("held on 27th May", R), "2022-05-27");
        // A month after the reference month is last year's.
        assert_eq!(date_of("met on December 12", R), "2021-12-12");
        // ... unless the sentence speaks of the future.
        assert_eq!(date_of("They will meet on June 9", R), "2022-06-09");
        assert_eq!(
            date_of("The talks are to resume on January 4", R),
            "2023-01-04"
        );
    }

    #[test]
    fn without_reference_year_is_unknown() {
        assert_eq!(date_of("on May 27", None), "XXXX-05-27");
        assert_eq!(date_of("since early May", None), "XXXX-05");
        assert_eq!(date_of("on 29 February", None), "XXXX-02-29");
    }

    #[test]
    fn year_only_and_year_month_references() {
        assert_eq!(date_of("on May 27", Some("2022")), "2022-05-27");
        assert_eq!(date_of("in December", Some("2022")), "2022-12");
        assert_eq!(date_of("on May 27", Some("2022-03")), "2021-05-27");
        assert_eq!(date_of("(February 6-7)", Some("2014-02")), "2014-02-06");
        assert_eq!(date_of("yesterday", Some("2022-05")), "-");
        assert_eq!(date_of("on Tuesday", Some("2022-05")), "-");
        assert_eq!(date_of("last week", Some("2022-05")), "-");
        assert_eq!(date_of("last month", Some("2022-05")), "2022-04");
        assert_eq!(date_of("last month", Some("2022")), "-");
        assert_eq!(date_of("last year", Some("2022")), "2021");
        assert_eq!(date_of("November last year", Some("2022")), "2021-11");
    }

    #[test]
    fn ranges() {
        let v = tag("held May 27-28 in Khong", R);
        assert_eq!(
            v,
            vec![(
                "May 27-28".into(),
                "2022-05-27".into(),
                "2022-05-28".into(),
                DateForm::Absolute
            )]
        );
        let v = tag("on 27–28 May 2022", R);
        assert_eq!(v[0].0, "27–28 May 2022");
        assert_eq!(
            (v[0].1.as_str(), v[0].2.as_str()),
            ("2022-05-27", "2022-05-28")
        );
        let v = tag("talks between May 27 and 28", R);
        assert_eq!(v[0].0, "between May 27 and 28");
        assert_eq!(v[0].2, "2022-05-28");
        let v = tag("from 30 December - 2 January", Some("2023-02-01"));
        assert_eq!(
            (v[0].1.as_str(), v[0].2.as_str()),
            ("2022-12-30", "2023-01-02")
        );
        let v = tag("May 27 to June 2, 2021", R);
        assert_eq!(
            (v[0].1.as_str(), v[0].2.as_str()),
            ("2021-05-27", "2021-06-02")
        );
        let v = tag("on 27 and 28 May", R);
        assert_eq!(
            (v[0].0.as_str(), v[0].2.as_str()),
            ("27 and 28 May", "2022-05-28")
        );
        // A descending "range" is not taken as one.
        let v = tag("on May 28-27", R);
        assert_eq!(v[0].2, "");
    }

    #[test]
    fn abbreviated_months() {
        assert_eq!(
            one("on Feb. 6 the", Some("2014-02")),
            ("Feb. 6".into(), "2014-02-06".into())
        );
        assert_eq!(date_of("by Sept 12", R), "2021-09-12");
        assert_eq!(one("in Dec 2021", R), ("Dec 2021".into(), "2021-12".into()));
        assert_eq!(
            one("Agency | Feb. 2014", None),
            ("Feb. 2014".into(), "2014-02".into())
        );
        // An abbreviation alone is not a month ("Jan" is also a name).
        assert!(tag("in Jan the", R).is_empty());
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(
            one("Published: 2022-05-30", None),
            ("2022-05-30".into(), "2022-05-30".into())
        );
        assert_eq!(date_of("on 27/05/2022", None), "2022-05-27");
        assert_eq!(date_of("on 27.05.2022", None), "2022-05-27");
        assert_eq!(date_of("on 2022/05/27", None), "2022-05-27");
        assert!(tag("on 31/04/2022", None).is_empty());
        assert!(tag("code 12/34/5678", None).is_empty());
    }

    #[test]
    fn datelines() {
        assert_eq!(
            one("Khmer Times Wednesday, 11 January 2017\n\nThe", None),
            ("Wednesday, 11 January 2017".into(), "2017-01-11".into())
        );
        assert_eq!(
            one("VIENTIANE, Jan 11 (Xinhua) --", None),
            ("Jan 11".into(), "XXXX-01-11".into())
        );
        assert_eq!(
            date_of("VIENTIANE, Jan 11 (Xinhua) --", Some("2017-01-12")),
            "2017-01-11"
        );
    }

    #[test]
    fn month_periods() {
        assert_eq!(one("in May the", R), ("May".into(), "2022-05".into()));
        assert_eq!(date_of("in November", R), "2021-11");
        assert_eq!(date_of("will be held in November", R), "2022-11");
        assert_eq!(
            one("in early May", R),
            ("early May".into(), "2022-05".into())
        );
        assert_eq!(one("by mid-May", R), ("mid-May".into(), "2022-05".into()));
        assert_eq!(date_of("late March", R), "2022-03");
        assert_eq!(
            one("May 2022 saw", None),
            ("May 2022".into(), "2022-05".into())
        );
        assert_eq!(
            one("in November last year", R),
            ("November last year".into(), "2021-11".into())
        );
        assert_eq!(
            one("in early December last year", R),
            ("early December last year".into(), "2021-12".into())
        );
        assert_eq!(date_of("November last year", None), "XXXX-11");
        assert_eq!(one("this May", R), ("this May".into(), "2022-05".into()));
        assert_eq!(date_of("last June", R), "2021-06");
        assert_eq!(date_of("last April", R), "2022-04");
        assert_eq!(date_of("next April", R), "2023-04");
        assert_eq!(date_of("at the end of May", R), "2022-05");
        let v = tag("from April to May", R);
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].1.as_str(), v[1].1.as_str()), ("2022-04", "2022-05"));
    }

    #[test]
    fn modal_may_and_march_are_not_months() {
        assert!(tag("It may rain. Prices may 2 fall.", R).is_empty());
        assert!(tag("May the talks succeed.", R).is_empty());
        assert!(tag("They held a march to the border and marched back.", R).is_empty());
        assert!(tag("the March of progress", R).is_empty());
        assert_eq!(tag("The March 3 rally", R).len(), 1);
    }

    #[test]
    fn impossible_dates_are_not_mentions() {
        assert!(tag("on February 30 the", R).is_empty());
        assert!(tag("on 31 April", None).is_empty());
        assert!(tag("on 29 February 2023", None).is_empty());
        // 29 February resolved into a common year: a mention without a date.
        assert_eq!(date_of("on February 29", Some("2023-03-01")), "-");
    }

    #[test]
    fn years() {
        assert_eq!(one("in 2019, the", R), ("2019".into(), "2019".into()));
        assert_eq!(date_of("since 2017", R), "2017");
        assert_eq!(date_of("the end of 2022", R), "2022");
        assert_eq!(one("by mid-2019", R), ("mid-2019".into(), "2019".into()));
        assert!(tag("some 2019 people came", R).is_empty());
        assert!(tag("in 2019 people came", R).is_empty());
        assert!(tag("a total of 2,019 and 2019.5", R).is_empty());
        assert!(tag("in 1850 and in 2300", R).is_empty());
        let v = tag("between 2017 and 2019", R);
        assert_eq!(
            v,
            vec![(
                "between 2017 and 2019".into(),
                "2017".into(),
                "2019".into(),
                DateForm::Period
            )]
        );
        let v = tag("during 2016-2020", R);
        assert_eq!((v[0].0.as_str(), v[0].2.as_str()), ("2016-2020", "2020"));
        let v = tag("in 2017 and 2018", R);
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn day_relatives() {
        assert_eq!(date_of("yesterday", R), "2022-05-29");
        assert_eq!(date_of("Today", R), "2022-05-30");
        assert_eq!(date_of("tomorrow", R), "2022-05-31");
        assert_eq!(date_of("the day before yesterday", R), "2022-05-28");
        assert_eq!(date_of("the previous day", R), "2022-05-29");
        assert_eq!(date_of("arrived the day before.", R), "2022-05-29");
        assert!(tag("the day before the summit", R).is_empty());
        assert_eq!(date_of("two days ago", R), "2022-05-28");
        assert_eq!(date_of("3 days ago", R), "2022-05-27");
        assert_eq!(date_of("last night", R), "2022-05-29");
        assert_eq!(date_of("yesterday", None), "-");
        assert_eq!(one("yesterday", None).0, "yesterday");
    }

    #[test]
    fn weekdays() {
        // 30 May 2022 is a Monday.
        assert_eq!(
            one("met on Tuesday", R),
            ("Tuesday".into(), "2022-05-24".into())
        );
        assert_eq!(date_of("Monday", R), "2022-05-30");
        assert_eq!(date_of("Sunday", R), "2022-05-29");
        assert_eq!(date_of("last Monday", R), "2022-05-23");
        assert_eq!(
            one("next Tuesday", R),
            ("next Tuesday".into(), "2022-05-31".into())
        );
        assert_eq!(date_of("next Monday", R), "2022-06-06");
        assert_eq!(date_of("this coming Friday", R), "2022-06-03");
        assert_eq!(
            date_of("The ministers will sign the deal on Thursday", R),
            "2022-06-02"
        );
        assert_eq!(
            date_of("The deal is to be signed on Thursday", R),
            "2022-06-02"
        );
        assert_eq!(date_of("signed on Thursday. They will", R), "2022-05-26");
        assert_eq!(tag("on Tuesday", None)[0].3, DateForm::Weekday);
        assert_eq!(date_of("on Tuesday", None), "-");
        assert!(tag("on tuesday", R).is_empty());
    }

    #[test]
    fn weeks_months_years() {
        // Week of 23–29 May 2022 → May; the week of 30 May–5 June has 2 May days → June.
        assert_eq!(date_of("last week", R), "2022-05");
        assert_eq!(date_of("this week", R), "2022-06");
        assert_eq!(date_of("next week", R), "2022-06");
        assert_eq!(date_of("three weeks ago", R), "2022-05");
        assert_eq!(date_of("last week", Some("2022-01-03")), "2021-12");
        assert_eq!(date_of("last weekend", R), "2022-05");
        assert_eq!(date_of("last month", R), "2022-04");
        assert_eq!(date_of("last month", Some("2022-01-10")), "2021-12");
        assert_eq!(date_of("this month", R), "2022-05");
        assert_eq!(date_of("next month", Some("2022-12-10")), "2023-01");
        assert_eq!(date_of("two months ago", R), "2022-03");
        assert_eq!(date_of("last year", R), "2021");
        assert_eq!(date_of("this year", R), "2022");
        assert_eq!(date_of("next year", R), "2023");
        assert_eq!(
            one("earlier this year", R),
            ("earlier this year".into(), "2022".into())
        );
        assert_eq!(date_of("later this year", R), "2022");
        assert_eq!(date_of("late last year", R), "2021");
        assert_eq!(date_of("earlier this month", R), "2022-05");
        assert_eq!(date_of("the previous year", R), "2021");
        assert_eq!(date_of("a year ago", R), "2021");
        assert_eq!(date_of("this year", None), "-");
    }

    #[test]
    fn stated_year_wins_over_reference() {
        assert_eq!(
            one("on May 27 last year", R),
            ("May 27 last year".into(), "2021-05-27".into())
        );
        assert_eq!(
            date_of("on 2 June of this year", Some("2023-01-05")),
            "2023-06-02"
        );
        assert_eq!(date_of("on December 1, 2019", R), "2019-12-01");
    }

    #[test]
    fn forms_are_reported() {
        let v = tag("On May 27, in 2019, on Tuesday and last week", R);
        let forms: Vec<DateForm> = v.iter().map(|x| x.3).collect();
        assert_eq!(
            forms,
            [
                DateForm::Absolute,
                DateForm::Period,
                DateForm::Weekday,
                DateForm::Relative
            ]
        );
    }

    #[test]
    fn unicode_text_spans_slice() {
        let text = "“On 27\u{a0}May” ស្ទឹងត្រែង — Attapeu, 26–27 September 2023…";
        let v = tag_dates(text, None);
        assert_eq!(v.len(), 2);
        assert_eq!(&text[v[0].start..v[0].end], "27\u{a0}May");
        assert_eq!(&text[v[1].start..v[1].end], "26–27 September 2023");
        assert!(tag("Pakséday May", R).is_empty());
    }

    #[test]
    fn reference_from_dateline() {
        assert_eq!(
            find_reference("Vientiane, 11 January 2017\nThe leaders met."),
            Some(d("2017-01-11"))
        );
        assert_eq!(
            find_reference("Lao News Agency | Feb. 2014\n(KPL)\nThe visit"),
            Some(d("2014-02"))
        );
        assert_eq!(
            find_reference("Phnom Penh, May 30, 2022 (AKP) -- The governors of the border provinces met in Khong district to review their cooperation over the past year and to plan the next steps."),
            Some(d("2022-05-30"))
        );
        assert_eq!(find_reference("Jan 11, 2017"), Some(d("2017-01-11")));
        assert_eq!(
            find_reference("Khmer Times/Reporter Wednesday, 11 January 2017\n\nBody"),
            Some(d("2017-01-11"))
        );
    }

    #[test]
    fn no_reference_without_dateline() {
        assert_eq!(
            find_reference("The two governors met on May 27, 2022 in Pakse."),
            None
        );
        assert_eq!(find_reference("VIENTIANE, Jan 11 (Xinhua) -- talks"), None);
        assert_eq!(find_reference("Cooperation began in 2019."), None);
        assert_eq!(find_reference(""), None);
        let long = format!("{}Vientiane, 11 January 2017", "x ".repeat(200));
        assert_eq!(find_reference(&long), None);
    }
}
