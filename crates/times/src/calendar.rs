//! Calendar arithmetic the tagger needs: the days a month, week, quarter, season, decade or part
//! of one covers, shifting by calendar units, and TIMEX3 spelling of each. Everything returns
//! `Option` so that an impossible date ("Feb. 30") yields no mention rather than a panic.

use jiff::civil::Date;
use jiff::ToSpan;

/// A date if `y-m-d` exists.
pub(crate) fn ymd(y: i32, m: u8, d: u8) -> Option<Date> {
    let y = i16::try_from(y).ok()?;
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// The last day of month `m` of year `y`.
pub(crate) fn month_end(y: i32, m: u8) -> Option<Date> {
    let first = ymd(y, m, 1)?;
    ymd(y, m, u8::try_from(first.days_in_month()).ok()?)
}

/// The whole of month `m` of year `y`.
pub(crate) fn month_range(y: i32, m: u8) -> Option<(Date, Date)> {
    Some((ymd(y, m, 1)?, month_end(y, m)?))
}

pub(crate) fn year_range(y: i32) -> Option<(Date, Date)> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

/// Months `m1..=m2` of year `y` (`m2` may spill into the next year: 12..=14 is Dec–Feb).
pub(crate) fn months_range(y: i32, m1: u8, m2: u8) -> Option<(Date, Date)> {
    let start = ymd(y, m1, 1)?;
    let (ey, em) = if m2 > 12 { (y + 1, m2 - 12) } else { (y, m2) };
    Some((start, month_end(ey, em)?))
}

/// Quarter `q` (1–4) of year `y`.
pub(crate) fn quarter_range(y: i32, q: u8) -> Option<(Date, Date)> {
    months_range(y, q * 3 - 2, q * 3)
}

/// The quarter (1–4) a date falls in.
pub(crate) fn quarter_of(d: Date) -> u8 {
    (d.month() as u8 - 1) / 3 + 1
}

/// A northern meteorological season starting in month `first` of year `y` (winter runs into
/// the next year).
pub(crate) fn season_range(y: i32, first: u8) -> Option<(Date, Date)> {
    months_range(y, first, first + 2)
}

/// The season code and its year for a date: January and February belong to the winter that
/// began the December before.
pub(crate) fn season_of(d: Date) -> (&'static str, i32) {
    let y = i32::from(d.year());
    match d.month() {
        3..=5 => ("SP", y),
        6..=8 => ("SU", y),
        9..=11 => ("FA", y),
        12 => ("WI", y),
        _ => ("WI", y - 1),
    }
}

/// Monday and Sunday of the ISO week containing `d`.
pub(crate) fn week_range(d: Date) -> Option<(Date, Date)> {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    let monday = d.checked_sub(back.days()).ok()?;
    Some((monday, monday.checked_add(6.days()).ok()?))
}

/// TIMEX3 week value `YYYY-Www` of the ISO week containing `d`.
pub(crate) fn week_value(d: Date) -> String {
    let iso = d.iso_week_date();
    format!("{:04}-W{:02}", iso.year(), iso.week())
}

/// `d` moved by `n` days.
pub(crate) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

/// `d` moved by `n` months (the day is clamped to the month's end).
pub(crate) fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.months()).ok()
}

/// The ISO weekday number (Monday = 1).
pub(crate) fn weekday_number(d: Date) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

pub(crate) fn day_value(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub(crate) fn month_value(y: i32, m: u8) -> String {
    format!("{y:04}-{m:02}")
}

pub(crate) fn year_value(y: i32) -> String {
    format!("{y:04}")
}

/// Easter Sunday of year `y` (Gregorian computus, the anonymous algorithm).
pub(crate) fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// The `n`th (1-based; 0 = the last) ISO weekday `w` (Monday = 1) of month `m` of year `y`.
pub(crate) fn nth_weekday(y: i32, m: u8, w: u8, n: u8) -> Option<Date> {
    let (first, last) = month_range(y, m)?;
    if n == 0 {
        let back = (i64::from(weekday_number(last)) - i64::from(w)).rem_euclid(7);
        return add_days(last, -back);
    }
    let fwd = (i64::from(w) - i64::from(weekday_number(first))).rem_euclid(7);
    let d = add_days(first, fwd + 7 * (i64::from(n) - 1))?;
    (d <= last).then_some(d)
}

/// The date of a holiday in year `y`.
pub(crate) fn holiday(rule: crate::lexicon::HolidayRule, y: i32) -> Option<Date> {
    use crate::lexicon::HolidayRule as H;
    match rule {
        H::Fixed(m, d) => ymd(y, m, d),
        H::NthWeekday(m, w, n) => nth_weekday(y, m, w, n),
        H::Easter(k) => add_days(easter(y)?, i64::from(k)),
        H::Thanksgiving(k) => add_days(nth_weekday(y, 11, 4, 4)?, i64::from(k)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn ranges() {
        assert_eq!(
            month_range(2024, 2),
            Some((date(2024, 2, 1), date(2024, 2, 29)))
        );
        assert_eq!(
            quarter_range(2024, 4),
            Some((date(2024, 10, 1), date(2024, 12, 31)))
        );
        assert_eq!(
            season_range(2024, 12),
            Some((date(2024, 12, 1), date(2025, 2, 28)))
        );
        assert_eq!(season_of(date(2025, 1, 15)), ("WI", 2024));
        assert_eq!(
            week_range(date(2024, 11, 29)),
            Some((date(2024, 11, 25), date(2024, 12, 1)))
        );
        assert_eq!(week_value(date(2024, 11, 29)), "2024-W48");
        assert_eq!(ymd(2023, 2, 29), None);
        assert_eq!(add_months(date(2024, 3, 31), -1), Some(date(2024, 2, 29)));
        assert_eq!(easter(2018), Some(date(2018, 4, 1)));
        assert_eq!(easter(2019), Some(date(2019, 4, 21)));
        assert_eq!(easter(2024), Some(date(2024, 3, 31)));
        assert_eq!(nth_weekday(2024, 11, 4, 4), Some(date(2024, 11, 28)));
        assert_eq!(nth_weekday(2024, 5, 1, 0), Some(date(2024, 5, 27)));
        assert_eq!(nth_weekday(2024, 2, 3, 5), None);
    }
}
