//! Resolution arithmetic: what the reference date (publication date or
//! dateline) tells, and how a relative or partial expression is resolved
//! against it. Pure calendar arithmetic, no tokens.

use chrono::{Datelike, NaiveDate, TimeDelta};

use crate::model::PartialDate;

/// The reference, split into what is known.
#[derive(Debug, Clone, Copy)]
pub(super) struct Anchor {
    pub(super) y: Option<i32>,
    pub(super) m: Option<u32>,
    pub(super) day: Option<NaiveDate>,
}

impl Anchor {
    pub(super) fn new(r: Option<PartialDate>) -> Self {
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

    pub(super) fn days(&self, k: i64) -> Option<PartialDate> {
        let d = self.day?.checked_add_signed(TimeDelta::try_days(k)?)?;
        Some(PartialDate::from_naive(d))
    }

    /// The month holding most days of the Monday–Sunday week around reference + k days.
    pub(super) fn week(&self, k: i64) -> Option<PartialDate> {
        let d = self.day?.checked_add_signed(TimeDelta::try_days(k)?)?;
        let thu = 3 - i64::from(d.weekday().num_days_from_monday());
        let t = d.checked_add_signed(TimeDelta::try_days(thu)?)?;
        PartialDate::ym(t.year(), t.month())
    }

    pub(super) fn months(&self, k: i64) -> Option<PartialDate> {
        let total = i64::from(self.y?) * 12 + i64::from(self.m?) - 1 + k;
        let y = i32::try_from(total.div_euclid(12)).ok()?;
        PartialDate::ym(y, (total.rem_euclid(12) + 1) as u32)
    }

    pub(super) fn years(&self, k: i32) -> Option<PartialDate> {
        Some(PartialDate::y(self.y?.checked_add(k)?))
    }

    /// Weekday `wd` (0 = Monday) relative to the reference.
    pub(super) fn weekday(&self, wd: u8, mode: WdMode) -> Option<PartialDate> {
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

    /// A day of the month written alone ("on the 3rd"): of the reference
    /// month, or of the month before when that day is still to come (the
    /// month after, for what is planned).
    pub(super) fn bare_day(&self, d: u32, future: bool) -> Option<PartialDate> {
        let (y, m) = (self.y?, self.m?);
        let shift = match self.day.map(|r| r.day()) {
            Some(rd) if !future && d > rd => -1,
            Some(rd) if future && d < rd => 1,
            _ => 0,
        };
        let total = i64::from(y) * 12 + i64::from(m) - 1 + shift;
        let y = i32::try_from(total.div_euclid(12)).ok()?;
        PartialDate::ymd(y, (total.rem_euclid(12) + 1) as u32, d)
    }

    /// Day `d` of the reference month moved by `shift` months ("the 20th of
    /// last month": −1).
    pub(super) fn day_of_month(&self, d: u32, shift: i64) -> Option<PartialDate> {
        let (y, m) = (self.y?, self.m?);
        let total = i64::from(y) * 12 + i64::from(m) - 1 + shift;
        let y = i32::try_from(total.div_euclid(12)).ok()?;
        PartialDate::ymd(y, (total.rem_euclid(12) + 1) as u32, d)
    }

    /// Month `m` (with day `d`) given the year spec of the expression.
    pub(super) fn resolve(
        &self,
        m: u32,
        d: Option<u32>,
        ys: YearSpec,
        future: bool,
    ) -> Option<PartialDate> {
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
    pub(super) fn month_around(&self, m: u32, next: bool) -> Option<PartialDate> {
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
pub(super) enum WdMode {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearSpec {
    Unstated,
    Explicit(i32),
    /// Reference year + k ("last year", "this year", "next year").
    Rel(i32),
}
