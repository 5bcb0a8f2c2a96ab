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
//! most 24 tokens back), so the whole tagger is linear in the text length.
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
//!   "mid-2019", "between 2017 and 2019", "2016-2020" after such a word;
//!   a four-digit year range "2022 - 2025" (≤ 30 years) anywhere.
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
//!   ("will", "would", "shall", "'ll", "scheduled", "upcoming", "planned", "expected",
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

mod anchor;
mod lexer;
mod patterns;

use crate::model::{PartialDate, Precision};

use anchor::Anchor;
use lexer::tokenize;
use patterns::Scanner;

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
    let mut scanner = Scanner {
        text,
        toks: &toks,
        anchor: Anchor::new(reference),
        last: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match scanner.match_at(i) {
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
                scanner.last = Some((f.end, f.unit));
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
    fn ordinal_days_of_a_named_month() {
        assert_eq!(
            date_of("They met on the 20th of last month.", R),
            "2022-04-20"
        );
        assert_eq!(
            date_of("It opens on the 3rd of next month.", R),
            "2022-06-03"
        );
        let v = tag("visited on the 3rd and 4th of this month", R);
        assert_eq!(v.first().map(|m| m.1.as_str()), Some("2022-05-03"), "{v:?}");
    }

    #[test]
    fn hyphenated_ordinals_are_adjectives_not_days() {
        assert!(tag("the 11th-century temple on the cliff", R).is_empty());
        assert!(tag("Pakse, the 3rd-largest town of Laos", R).is_empty());
        assert_eq!(date_of("They met on the 3rd.", R), "2022-05-03");
    }

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
        // Reported speech looks forward too.
        assert_eq!(
            date_of("He said both sides would meet again on December 3", R),
            "2022-12-03"
        );
        assert_eq!(date_of("They would sign it on July 1", R), "2022-07-01");
        // A cue inside a quotation does not reach the report after it.
        assert_eq!(
            date_of("\"The road will help us,\" he told The Post on Saturday", R),
            "2022-05-28"
        );
        assert_eq!(
            date_of("“We will meet again,” the governor said on Friday", R),
            "2022-05-27"
        );
        // A cue far back in a long clause still counts.
        assert_eq!(
            date_of("The request will be discussed at a meeting of the two countries' national border committees in Vientiane in March", R),
            "2023-03"
        );
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
        let v = tag("for the 2022 - 2025 period", R);
        assert_eq!(v[0].0, "2022 - 2025");
        assert_eq!((v[0].1.as_str(), v[0].2.as_str()), ("2022", "2025"));
        assert!(tag("the 1950-2100 figure", R).is_empty());
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
