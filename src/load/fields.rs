//! Metadata helpers shared by the format parsers: cleaning untrusted header
//! values (titles, sources, URLs) and reading publication dates.

use chrono::{Datelike, NaiveDate};

use crate::model::Article;

use super::{LoadError, MAX_FIELD_CHARS};

/// Bidirectional formatting characters that can make a title display in a
/// misleading order: embeddings/overrides (U+202A–U+202E), isolates
/// (U+2066–U+2069), and the invisible marks LRM, RLM and ALM.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// Clean one metadata value: control characters (C0, DEL, C1) and bidi
/// controls removed, whitespace runs (including newlines and tabs) collapsed
/// to one space, trimmed, and cut to [`MAX_FIELD_CHARS`] characters.
/// Returns `None` for a value that is empty once cleaned.
pub(crate) fn clean_field(name: &str, raw: &str, warnings: &mut Vec<String>) -> Option<String> {
    let mut out = String::with_capacity(raw.len().min(MAX_FIELD_CHARS * 4));
    let mut removed = false;
    let mut pending_space = false;
    let mut chars = 0usize;
    let mut truncated = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if c.is_control() || is_bidi_control(c) || c == '\u{feff}' {
            removed = true;
            continue;
        }
        if chars >= MAX_FIELD_CHARS {
            truncated = true;
            break;
        }
        if pending_space {
            out.push(' ');
            chars += 1;
            pending_space = false;
        }
        out.push(c);
        chars += 1;
    }
    if removed {
        warnings.push(format!(
            "removed control or bidirectional-override characters from the {name}"
        ));
    }
    if truncated {
        out.push('…');
        warnings.push(format!(
            "{name} cut to {MAX_FIELD_CHARS} characters (it was longer)"
        ));
    }
    (!out.is_empty()).then_some(out)
}

/// Parse a publication date as metadata gives it: `YYYY-MM-DD`, the date part
/// of an ISO 8601 timestamp (`2022-05-30T08:00:00+07:00`), `YYYY/MM/DD`,
/// `30 May 2022`, `May 30, 2022` (optionally after a weekday).
pub(crate) fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    // ISO date, possibly the start of a timestamp.
    if let Some(head) = s.get(..10) {
        let rest = s.get(10..).unwrap_or("");
        if (rest.is_empty() || rest.starts_with(['T', 't', ' ', '_']))
            && head.as_bytes().get(4) == Some(&b'-')
        {
            return NaiveDate::parse_from_str(head, "%Y-%m-%d").ok();
        }
    }
    if s.len() > 40 {
        return None;
    }
    // Drop a leading weekday ("Monday, 30 May 2022").
    let s = match s.split_once(',') {
        Some((first, rest))
            if first.len() >= 3
                && first.chars().all(|c| c.is_ascii_alphabetic())
                && is_weekday(first) =>
        {
            rest.trim()
        }
        _ => s,
    };
    for fmt in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%d %B %Y",
        "%B %d, %Y",
        "%B %d %Y",
        "%d %b %Y",
        "%b %d, %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    None
}

fn is_weekday(s: &str) -> bool {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let lower = s.to_ascii_lowercase();
    DAYS.iter().any(|d| lower.starts_with(d))
}

/// Set `article.published` from a raw metadata value, or warn naming the value.
pub(crate) fn set_published(article: &mut Article, origin: &str, raw: &str) {
    let cleaned = clean_field("date", raw, &mut Vec::new()).unwrap_or_default();
    if cleaned.is_empty() {
        return;
    }
    match parse_date(&cleaned).map(|d| plausible(d, chrono::Utc::now().date_naive().year())) {
        Some(Ok((d, note))) => {
            article.published = Some(d);
            if let Some(note) = note {
                article.warnings.push(format!("{origin} date {cleaned:?}: {note}"));
            }
        }
        Some(Err(why)) => article.warnings.push(format!(
            "{origin} date {cleaned:?}: {why}; publication date left empty"
        )),
        None => article.warnings.push(format!(
            "{origin} date {cleaned:?} is not a valid date (expected YYYY-MM-DD); publication date left empty"
        )),
    }
}

/// Years of the Buddhist Era that news from Laos and Cambodia may carry
/// (BE 2443–2700 is 1900–2157).
const BUDDHIST_ERA: std::ops::RangeInclusive<i32> = 2443..=2700;

/// A publication date as the calendar the text used it: a Buddhist Era year
/// (Laos and Cambodia use it) becomes the Gregorian year BE − 543, with a
/// note; a year before 1900 or after next year is refused.
fn plausible(d: NaiveDate, this_year: i32) -> Result<(NaiveDate, Option<String>), String> {
    let y = d.year();
    if BUDDHIST_ERA.contains(&y) && y - 543 <= this_year + 1 {
        let g = d
            .with_year(y - 543)
            .ok_or_else(|| format!("Buddhist Era year {y} has no such day in {}", y - 543))?;
        return Ok((
            g,
            Some(format!(
                "read as Buddhist Era {y} = {} (BE − 543; in Cambodia a date after Visak Bochea is BE − 544)",
                y - 543
            )),
        ));
    }
    if y < 1900 || y > this_year + 1 {
        return Err(format!("year {y} is not plausible for a news article"));
    }
    Ok((d, None))
}

/// Final checks shared by every format: the body must hold text.
pub(crate) fn finish(mut article: Article, had_header: bool) -> Result<Article, LoadError> {
    let trimmed = article.text.trim();
    if trimmed.is_empty() {
        return Err(LoadError::NoText(if had_header {
            Some("only a header".to_string())
        } else {
            None
        }));
    }
    if trimmed.len() != article.text.len() {
        article.text = trimmed.to_string();
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buddhist_era_and_implausible_years() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let (g, note) = plausible(d("2567-03-15"), 2026).unwrap();
        assert_eq!(g, d("2024-03-15"));
        assert!(note.unwrap().contains("Buddhist Era 2567 = 2024"));
        assert_eq!(
            plausible(d("2022-05-30"), 2026).unwrap(),
            (d("2022-05-30"), None)
        );
        assert!(plausible(d("0001-03-12"), 2026).is_err());
        assert!(plausible(d("1850-01-01"), 2026).is_err());
        assert!(plausible(d("2031-01-01"), 2026).is_err());
        let mut a = Article::default();
        set_published(&mut a, "header", "0000-03-12");
        assert_eq!(a.published, None);
        assert!(
            a.warnings[0].contains("not plausible") || a.warnings[0].contains("not a valid"),
            "{:?}",
            a.warnings
        );
    }

    #[test]
    fn clean_field_removes_controls_and_bidi() {
        let mut w = Vec::new();
        let got = clean_field(
            "title",
            "  Pakse\u{202e}evil\u{1b}[31m \n\t talks\u{2066} ",
            &mut w,
        );
        assert_eq!(got.as_deref(), Some("Pakseevil[31m talks"));
        assert_eq!(w.len(), 1);
        assert_eq!(clean_field("title", " \u{202d} ", &mut Vec::new()), None);
    }

    #[test]
    fn clean_field_truncates_long_values() {
        let mut w = Vec::new();
        let long = "x".repeat(MAX_FIELD_CHARS + 10);
        let got = clean_field("title", &long, &mut w).unwrap();
        assert_eq!(got.chars().count(), MAX_FIELD_CHARS + 1);
        assert!(w[0].contains("cut"));
    }

    #[test]
    fn dates_in_common_forms() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date("2022-05-30"), d(2022, 5, 30));
        assert_eq!(parse_date("2022-05-30T08:15:00+07:00"), d(2022, 5, 30));
        assert_eq!(parse_date("2022/05/30"), d(2022, 5, 30));
        assert_eq!(parse_date("30 May 2022"), d(2022, 5, 30));
        assert_eq!(parse_date("May 30, 2022"), d(2022, 5, 30));
        assert_eq!(parse_date("Monday, 30 May 2022"), d(2022, 5, 30));
        assert_eq!(parse_date("2024-13-45"), None);
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("soon"), None);
    }
}
