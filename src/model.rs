//! Plain data shared by every layer: articles, events, dates, provinces.
//!
//! Everything here is serde-serializable and knows nothing of files or UI.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A province (first-level division) by its ISO 3166-2 code, e.g. `LA-CH`, `KH-19`.
/// Neighbouring countries on the map use their ISO 3166-1 code (`TH`, `VN`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProvinceId(pub String);

/// The five provinces along the Laos–Cambodia border: Champasak, Attapeu
/// (Laos); Stung Treng, Ratanakiri, Preah Vihear (Cambodia). One list for
/// the map, the province list and the event forms.
pub const BORDER_PROVINCES: [&str; 5] = ["LA-CH", "LA-AT", "KH-19", "KH-16", "KH-13"];

impl ProvinceId {
    pub fn new(code: impl Into<String>) -> Self {
        ProvinceId(code.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The country of the province: `LA`, `KH`, or the code itself for a country.
    pub fn country(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }
    pub fn is_lao(&self) -> bool {
        self.0.starts_with("LA-")
    }
    pub fn is_cambodian(&self) -> bool {
        self.0.starts_with("KH-")
    }
}

impl fmt::Display for ProvinceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for ProvinceId {
    fn from(s: &str) -> Self {
        ProvinceId(s.to_string())
    }
}

/// How precisely a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        })
    }
}

/// A date known to day, month or year precision, whose year may be unknown
/// (`XXXX-05-27`, `XXXX-05`). Serialized as that string.
///
/// Invariants (enforced by the constructors): a day implies a month; a date
/// with no year has a month; day/month values are valid for the calendar
/// (29 February with an unknown year is allowed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// A full date.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(PartialDate {
            year: Some(year),
            month: Some(month as u8),
            day: Some(day as u8),
        })
    }
    pub fn ym(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            year: Some(year),
            month: Some(month as u8),
            day: None,
        })
    }
    pub fn y(year: i32) -> Self {
        PartialDate {
            year: Some(year),
            month: None,
            day: None,
        }
    }
    /// Month and day with unknown year (`XXXX-MM-DD`).
    pub fn md(month: u32, day: u32) -> Option<Self> {
        // 2000 is a leap year, so 29 February is accepted.
        NaiveDate::from_ymd_opt(2000, month, day)?;
        Some(PartialDate {
            year: None,
            month: Some(month as u8),
            day: Some(day as u8),
        })
    }
    /// Month with unknown year (`XXXX-MM`).
    pub fn m(month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            year: None,
            month: Some(month as u8),
            day: None,
        })
    }
    /// Build from optional parts, validating the invariants.
    pub fn from_parts(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Option<Self> {
        match (year, month, day) {
            (Some(y), Some(m), Some(d)) => Self::ymd(y, m, d),
            (Some(y), Some(m), None) => Self::ym(y, m),
            (Some(y), None, None) => Some(Self::y(y)),
            (None, Some(m), Some(d)) => Self::md(m, d),
            (None, Some(m), None) => Self::m(m),
            _ => None,
        }
    }
    pub fn from_naive(d: NaiveDate) -> Self {
        PartialDate {
            year: Some(d.year()),
            month: Some(d.month() as u8),
            day: Some(d.day() as u8),
        }
    }

    pub fn year(&self) -> Option<i32> {
        self.year
    }
    pub fn month(&self) -> Option<u32> {
        self.month.map(u32::from)
    }
    pub fn day(&self) -> Option<u32> {
        self.day.map(u32::from)
    }
    pub fn precision(&self) -> Precision {
        if self.day.is_some() {
            Precision::Day
        } else if self.month.is_some() {
            Precision::Month
        } else {
            Precision::Year
        }
    }
    pub fn year_known(&self) -> bool {
        self.year.is_some()
    }

    /// The same date with the year filled in (used for year inference);
    /// `None` if the day does not exist in that year (29 February).
    pub fn with_year(&self, year: i32) -> Option<Self> {
        Self::from_parts(Some(year), self.month(), self.day())
    }

    /// The full date when day-precise with a known year.
    pub fn to_naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month()?, self.day()?)
    }

    /// First and last calendar day covered, when the year is known.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let y = self.year?;
        match (self.month(), self.day()) {
            (Some(m), Some(d)) => {
                let day = NaiveDate::from_ymd_opt(y, m, d)?;
                Some((day, day))
            }
            (Some(m), None) => {
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)?
                };
                Some((first, next.pred_opt()?))
            }
            _ => Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )),
        }
    }

    /// Whether two dates can denote the same day: every part known on both
    /// sides is equal (2022-05-27 ~ 2022-05 ~ XXXX-05-27 ~ 2022).
    pub fn compatible(&self, other: &PartialDate) -> bool {
        fn eq<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        eq(self.year, other.year) && eq(self.month, other.month) && eq(self.day, other.day)
    }

    /// A human-readable form: "27 May 2022", "May 2022", "2022", "27 May, year unknown".
    pub fn display_long(&self) -> String {
        let month = self
            .month()
            .and_then(|m| MONTH_NAMES.get(m as usize - 1))
            .copied();
        let mut out = match (self.day, month) {
            (Some(d), Some(m)) => format!("{d} {m}"),
            (None, Some(m)) => m.to_string(),
            _ => String::new(),
        };
        match self.year {
            Some(y) if out.is_empty() => out = y.to_string(),
            Some(y) => out = format!("{out} {y}"),
            None => out.push_str(", year unknown"),
        }
        out
    }

    fn sort_key(&self) -> (bool, i32, u8, u8) {
        (
            self.year.is_some(),
            self.year.unwrap_or(0),
            self.month.unwrap_or(0),
            self.day.unwrap_or(0),
        )
    }
}

/// Ordering: dates with an unknown year sort before all dated ones (by month
/// and day); otherwise chronological, and a coarser date sorts before the finer
/// dates it contains (2022 < 2022-01 < 2022-01-01 < 2022-01-02 < 2022-02).
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}")?,
            None => f.write_str("XXXX")?,
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Error parsing a [`PartialDate`] string.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date (expected YYYY-MM-DD, YYYY-MM, YYYY, XXXX-MM-DD or XXXX-MM): {0:?}")]
pub struct DateParseError(pub String);

impl FromStr for PartialDate {
    type Err = DateParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError(s.to_string());
        let mut parts = s.trim().split('-');
        let y = parts.next().ok_or_else(err)?;
        let year = if y.eq_ignore_ascii_case("xxxx") {
            None
        } else if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
            Some(y.parse::<i32>().map_err(|_| err())?)
        } else {
            return Err(err());
        };
        let mut num = |len: usize| -> Result<Option<u32>, DateParseError> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(p.parse().map_err(|_| err())?))
                }
                Some(_) => Err(err()),
            }
        };
        let month = num(2)?;
        let day = num(2)?;
        if parts.next().is_some() {
            return Err(err());
        }
        PartialDate::from_parts(year, month, day).ok_or_else(err)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What sort of cooperation an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Meeting,
    Agreement,
    Visit,
    Aid,
    Proposal,
    Operation,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 7] = [
        EventKind::Meeting,
        EventKind::Agreement,
        EventKind::Visit,
        EventKind::Aid,
        EventKind::Proposal,
        EventKind::Operation,
        EventKind::Other,
    ];
    pub fn as_str(&self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Agreement => "agreement",
            EventKind::Visit => "visit",
            EventKind::Aid => "aid",
            EventKind::Proposal => "proposal",
            EventKind::Operation => "operation",
            EventKind::Other => "other",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EventKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown event kind {s:?}"))
    }
}

/// The sentence of an article that states an event: `text[start..end] == sentence`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub sentence: String,
    pub start: usize,
    pub end: usize,
}

impl Evidence {
    /// Evidence for `text[start..end]`; `None` if the range does not slice `text`.
    pub fn from_span(text: &str, start: usize, end: usize) -> Option<Self> {
        text.get(start..end).map(|s| Evidence {
            sentence: s.to_string(),
            start,
            end,
        })
    }
}

/// One dated cooperation event as stated by one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable within an article text: derived from the article's content hash and the evidence span.
    pub id: String,
    pub date: Option<PartialDate>,
    pub kind: EventKind,
    pub provinces: Vec<ProvinceId>,
    pub location: Option<String>,
    pub summary: String,
    pub evidence: Evidence,
}

impl Event {
    /// Links a Lao and a Cambodian province.
    pub fn is_cross_border(&self) -> bool {
        self.provinces.iter().any(ProvinceId::is_lao)
            && self.provinces.iter().any(ProvinceId::is_cambodian)
    }
}

/// A loaded news article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Where it was read from (as given by the user).
    pub path: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Publication date from the header/meta data, if any.
    pub published: Option<NaiveDate>,
    /// Body text (header removed). Evidence spans index into this.
    pub text: String,
    /// Non-fatal problems met while loading (fallback decoding, bad header date...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_date_round_trips_every_precision() {
        for s in [
            "2022-05-27",
            "2022-05",
            "2022",
            "XXXX-05-27",
            "XXXX-02-29",
            "XXXX-11",
        ] {
            let d: PartialDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
            let json = serde_json::to_string(&d).unwrap();
            assert_eq!(serde_json::from_str::<PartialDate>(&json).unwrap(), d);
        }
    }

    #[test]
    fn partial_date_rejects_impossible_dates() {
        for s in [
            "2022-13",
            "2022-02-30",
            "2023-02-29",
            "XXXX",
            "22-05-01",
            "2022-5-1",
            "",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s}");
        }
    }

    #[test]
    fn ordering_respects_precision() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        let mut v = [
            d("2022-05-27"),
            d("2022"),
            d("XXXX-01-01"),
            d("2022-05"),
            d("2021-12-31"),
        ];
        v.sort();
        let got: Vec<String> = v.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            got,
            ["XXXX-01-01", "2021-12-31", "2022", "2022-05", "2022-05-27"]
        );
    }

    #[test]
    fn compatibility_at_each_precision() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        assert!(d("2022-05-27").compatible(&d("2022-05")));
        assert!(d("2022-05-27").compatible(&d("XXXX-05-27")));
        assert!(d("2022-05-27").compatible(&d("2022")));
        assert!(!d("2022-05-27").compatible(&d("2022-05-28")));
        assert!(!d("2022-05-27").compatible(&d("2021-05")));
        assert!(!d("XXXX-05-27").compatible(&d("XXXX-06")));
    }

    #[test]
    fn span_covers_month_and_year() {
        let d: PartialDate = "2024-02".parse().unwrap();
        let (a, b) = d.span().unwrap();
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("2024-02-01".into(), "2024-02-29".into())
        );
        assert_eq!("XXXX-02".parse::<PartialDate>().unwrap().span(), None);
    }

    #[test]
    fn long_display() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap().display_long();
        assert_eq!(d("2022-05-27"), "27 May 2022");
        assert_eq!(d("2022-05"), "May 2022");
        assert_eq!(d("2022"), "2022");
        assert_eq!(d("XXXX-05-27"), "27 May, year unknown");
        assert_eq!(d("XXXX-05"), "May, year unknown");
    }

    #[test]
    fn evidence_span_must_slice() {
        let text = "Pakse é Attapeu";
        assert!(Evidence::from_span(text, 0, 5).is_some());
        assert!(Evidence::from_span(text, 0, 7).is_none()); // inside 'é'
        assert!(Evidence::from_span(text, 0, 99).is_none());
    }
}
