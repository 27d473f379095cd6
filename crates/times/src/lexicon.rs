//! Word tables of English time expressions: months, weekdays, number words, ordinals, units of
//! time and seasons. Every table is a plain `match` or a static slice, so nothing is built per call.

/// Month number for a month name or its usual news abbreviation (without the period).
pub(crate) fn month(word: &str) -> Option<u8> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" | "febr" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Is this month word an abbreviation (which then usually takes a period)?
pub(crate) fn is_month_abbreviation(word: &str) -> bool {
    month(word).is_some() && word.len() <= 4 && !matches!(word, "may" | "june" | "july")
}

/// ISO weekday number (Monday = 1) for a weekday name or abbreviation.
pub(crate) fn weekday(word: &str) -> Option<u8> {
    Some(match word {
        "monday" | "mon" | "mondays" => 1,
        "tuesday" | "tue" | "tues" | "tuesdays" => 2,
        "wednesday" | "wed" | "wednesdays" => 3,
        "thursday" | "thu" | "thur" | "thurs" | "thursdays" => 4,
        "friday" | "fri" | "fridays" => 5,
        "saturday" | "sat" | "saturdays" => 6,
        "sunday" | "sun" | "sundays" => 7,
        _ => return None,
    })
}

/// The value of a cardinal number word from zero to ninety (compounds are joined by the caller).
pub(crate) fn cardinal(word: &str) -> Option<u32> {
    // Every number word starts with one of these letters; most words are turned away here.
    if !matches!(
        word.as_bytes().first(),
        Some(b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n')
    ) {
        return None;
    }
    Some(match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// The value of an ordinal word ("first" … "thirty-first" arrive as tens + unit from the caller).
pub(crate) fn ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// A unit of time as TIMEX3 writes it in a duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The unit letter(s) in a TIMEX3 duration, and whether it needs the `T` time designator.
    pub fn timex(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week => ("W", false),
            Unit::Weekend => ("WE", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }
}

/// A unit of time word, singular or plural, with whether it was plural.
pub(crate) fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" | "wk" => (Unit::Week, false),
        "weeks" | "wks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// TIMEX3 season code and first month (northern meteorological seasons).
pub(crate) fn season(word: &str) -> Option<(&'static str, u8)> {
    Some(match word {
        "spring" => ("SP", 3),
        "summer" => ("SU", 6),
        "fall" | "autumn" => ("FA", 9),
        "winter" => ("WI", 12),
        _ => return None,
    })
}

/// How a holiday's date is found in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// The same month and day every year.
    Fixed(u8, u8),
    /// The `n`th (0 = last) ISO weekday of a month: (month, weekday, n).
    NthWeekday(u8, u8, u8),
    /// Days after Easter Sunday (negative before it).
    Easter(i8),
    /// Days after the fourth Thursday of November (US Thanksgiving).
    Thanksgiving(i8),
}

/// Holidays whose date follows from the year, by their lower-case words (possessive "'s",
/// apostrophes and periods are skipped when matching). US federal holidays where the name is
/// American; Easter by the Gregorian computus.
pub(crate) const HOLIDAYS: &[(&[&str], HolidayRule)] = &[
    (&["christmas", "eve"], HolidayRule::Fixed(12, 24)),
    (&["christmas", "day"], HolidayRule::Fixed(12, 25)),
    (&["christmas"], HolidayRule::Fixed(12, 25)),
    (&["xmas"], HolidayRule::Fixed(12, 25)),
    (&["boxing", "day"], HolidayRule::Fixed(12, 26)),
    (&["new", "year", "eve"], HolidayRule::Fixed(12, 31)),
    (&["new", "years", "eve"], HolidayRule::Fixed(12, 31)),
    (&["new", "year", "day"], HolidayRule::Fixed(1, 1)),
    (&["new", "years", "day"], HolidayRule::Fixed(1, 1)),
    (&["valentine", "day"], HolidayRule::Fixed(2, 14)),
    (&["valentines", "day"], HolidayRule::Fixed(2, 14)),
    (&["st", "patrick", "day"], HolidayRule::Fixed(3, 17)),
    (&["saint", "patrick", "day"], HolidayRule::Fixed(3, 17)),
    (&["saint", "patrick"], HolidayRule::Fixed(3, 17)),
    (&["earth", "day"], HolidayRule::Fixed(4, 22)),
    (
        &["international", "workers", "day"],
        HolidayRule::Fixed(5, 1),
    ),
    (&["juneteenth"], HolidayRule::Fixed(6, 19)),
    (&["independence", "day"], HolidayRule::Fixed(7, 4)),
    (&["halloween"], HolidayRule::Fixed(10, 31)),
    (&["veterans", "day"], HolidayRule::Fixed(11, 11)),
    (&["armistice", "day"], HolidayRule::Fixed(11, 11)),
    (
        &["martin", "luther", "king", "day"],
        HolidayRule::NthWeekday(1, 1, 3),
    ),
    (&["mlk", "day"], HolidayRule::NthWeekday(1, 1, 3)),
    (&["presidents", "day"], HolidayRule::NthWeekday(2, 1, 3)),
    (&["mother", "day"], HolidayRule::NthWeekday(5, 7, 2)),
    (&["mothers", "day"], HolidayRule::NthWeekday(5, 7, 2)),
    (&["memorial", "day"], HolidayRule::NthWeekday(5, 1, 0)),
    (&["father", "day"], HolidayRule::NthWeekday(6, 7, 3)),
    (&["fathers", "day"], HolidayRule::NthWeekday(6, 7, 3)),
    (&["labor", "day"], HolidayRule::NthWeekday(9, 1, 1)),
    (&["labour", "day"], HolidayRule::NthWeekday(9, 1, 1)),
    (&["columbus", "day"], HolidayRule::NthWeekday(10, 1, 2)),
    (&["thanksgiving", "day"], HolidayRule::Thanksgiving(0)),
    (&["thanksgiving"], HolidayRule::Thanksgiving(0)),
    (&["black", "friday"], HolidayRule::Thanksgiving(1)),
    (&["cyber", "monday"], HolidayRule::Thanksgiving(4)),
    (&["good", "friday"], HolidayRule::Easter(-2)),
    (&["easter", "sunday"], HolidayRule::Easter(0)),
    (&["easter", "monday"], HolidayRule::Easter(1)),
    (&["easter"], HolidayRule::Easter(0)),
];

/// Can a holiday name start with this word? (A quick test before scanning `HOLIDAYS`, which
/// runs at every token.)
pub(crate) fn starts_holiday(word: &str) -> bool {
    matches!(
        word,
        "christmas"
            | "xmas"
            | "boxing"
            | "new"
            | "valentine"
            | "valentines"
            | "st"
            | "saint"
            | "earth"
            | "international"
            | "juneteenth"
            | "independence"
            | "halloween"
            | "veterans"
            | "armistice"
            | "martin"
            | "mlk"
            | "presidents"
            | "mother"
            | "mothers"
            | "memorial"
            | "father"
            | "fathers"
            | "labor"
            | "labour"
            | "columbus"
            | "thanksgiving"
            | "black"
            | "cyber"
            | "good"
            | "easter"
    )
}

/// TIMEX3 part-of-day code for "morning", "evening"…
pub(crate) fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}

/// Words that never stand for a cardinal but that, before a unit, mean "an unknown number of".
pub(crate) fn vague_quantity(word: &str) -> bool {
    matches!(
        word,
        "several" | "few" | "many" | "some" | "numerous" | "various"
    )
}

/// Hedges that TimeML keeps inside a duration's extent ("almost seven years").
pub(crate) const DURATION_MODIFIERS: &[&[&str]] = &[
    &["no", "more", "than"],
    &["no", "less", "than"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["a", "mere"],
    &["almost"],
    &["nearly"],
    &["about"],
    &["roughly"],
    &["around"],
    &["approximately"],
];

/// Words before a bare four-digit number that make it a count or an identifier, not a year.
pub(crate) fn blocks_year(word: &str) -> bool {
    matches!(
        word,
        "$" | "€"
            | "£"
            | "¥"
            | "#"
            | "no"
            | "nos"
            | "number"
            | "article"
            | "articles"
            | "art"
            | "section"
            | "page"
            | "pages"
            | "p"
            | "pp"
            | "flight"
            | "route"
            | "highway"
            | "resolution"
            | "chapter"
            | "paragraph"
            | "rule"
            | "room"
            | "model"
            | "version"
            | "v"
            | "code"
            | "tel"
            | "phone"
            | "fax"
            | "ext"
            | "id"
            | "unit"
            | "item"
            | "bill"
            | "act"
            | "form"
            | "top"
            | "fortune"
            | "russell"
            | "s&p"
            | "nasdaq"
            | "dow"
            | "about"
            | "nearly"
            | "almost"
            | "than"
            | "over"
            | "some"
            | "approximately"
            | "roughly"
            | "around"
    )
}

/// Words after a four-digit number that make it a count or a measure, not a year.
pub(crate) fn blocks_year_after(word: &str) -> bool {
    matches!(
        word,
        "%" | "percent"
            | "per"
            | "km"
            | "kilometers"
            | "kilometres"
            | "miles"
            | "mile"
            | "meters"
            | "metres"
            | "feet"
            | "ft"
            | "kg"
            | "tons"
            | "tonnes"
            | "hours"
            | "hrs"
            | "gmt"
            | "utc"
            | "people"
            | "troops"
            | "soldiers"
            | "men"
            | "women"
            | "children"
            | "dollars"
            | "euros"
            | "yen"
            | "points"
            | "shares"
            | "units"
            | "cars"
            | "jobs"
            | "workers"
            | "employees"
            | "residents"
            | "cases"
            | "deaths"
            | "votes"
            | "seats"
            | "words"
            | "pages"
            | "times"
            | "rounds"
            | "missiles"
            | "vehicles"
            | "tanks"
            | "officers"
            | "members"
            | "square"
            | "sq"
            | "acres"
            | "barrels"
            | "a.m"
            | "am"
            | "pm"
            | "p.m"
            | "x"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_holiday_start_is_known() {
        for (words, _) in HOLIDAYS {
            assert!(starts_holiday(words[0]), "{}", words[0]);
        }
    }

    #[test]
    fn tables() {
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("mayday"), None);
        assert!(is_month_abbreviation("nov"));
        assert!(!is_month_abbreviation("may"));
        assert_eq!(weekday("thurs"), Some(4));
        assert_eq!(cardinal("ninety"), Some(90));
        assert_eq!(ordinal("twentieth"), Some(20));
        assert_eq!(unit("decades"), Some((Unit::Decade, true)));
        assert_eq!(Unit::Minute.timex(), ("M", true));
        assert_eq!(season("autumn"), Some(("FA", 9)));
    }
}
