//! Every rule in docs/times.md, one table row per example: the text, the reference date, and
//! the mentions expected (text, TIMEX3 value, earliest and latest day or "-" for none).

use claims_model::TimeType;
use claims_times::{infer_reference_date, tag_times};
use jiff::civil::Date;

/// One expected mention: (text, value, earliest, latest); "-" means no interval.
type Want<'a> = (&'a str, &'a str, &'a str, &'a str);

fn check(text: &str, reference: Option<&str>, want: &[Want<'_>]) {
    let reference = reference.map(|r| r.parse::<Date>().expect("test reference date"));
    let got = tag_times(text, reference);
    for m in &got {
        // Invariants: the span is the text, spans are sorted and disjoint.
        assert_eq!(&text[m.span.start()..m.span.end()], m.text, "{text}");
    }
    for w in got.windows(2) {
        assert!(w[0].span.end() <= w[1].span.start(), "overlap in {text:?}");
    }
    let got: Vec<(String, String, String, String)> = got
        .iter()
        .map(|m| {
            let (e, l) = m.interval.map_or(("-".to_owned(), "-".to_owned()), |i| {
                (i.earliest().to_string(), i.latest().to_string())
            });
            (m.text.clone(), m.value.clone(), e, l)
        })
        .collect();
    let want: Vec<(String, String, String, String)> = want
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    assert_eq!(got, want, "in {text:?} (reference {reference:?})");
}

const REF: Option<&str> = Some("2024-11-20"); // a Wednesday

#[test]
fn absolute_dates() {
    let rows: &[(&str, Want<'_>)] = &[
        (
            "They met on Nov. 29, 2024.",
            ("Nov. 29, 2024", "2024-11-29", "2024-11-29", "2024-11-29"),
        ),
        (
            "Signed 29 November 2024 in Moscow.",
            ("29 November 2024", "2024-11-29", "2024-11-29", "2024-11-29"),
        ),
        (
            "Filed 2024-11-29.",
            ("2024-11-29", "2024-11-29", "2024-11-29", "2024-11-29"),
        ),
        (
            "Filed 11/29/2024.",
            ("11/29/2024", "2024-11-29", "2024-11-29", "2024-11-29"),
        ),
        (
            "Filed 29/11/2024.",
            ("29/11/2024", "2024-11-29", "2024-11-29", "2024-11-29"),
        ),
        (
            "North Korea Friday, Nov. 29, 2024. (AP)",
            (
                "Friday, Nov. 29, 2024",
                "2024-11-29",
                "2024-11-29",
                "2024-11-29",
            ),
        ),
        (
            "the 29th of November 2024",
            (
                "the 29th of November 2024",
                "2024-11-29",
                "2024-11-29",
                "2024-11-29",
            ),
        ),
        (
            "in November 2024",
            ("November 2024", "2024-11", "2024-11-01", "2024-11-30"),
        ),
        ("in 2024", ("2024", "2024", "2024-01-01", "2024-12-31")),
        (
            "the summer of 2024",
            ("the summer of 2024", "2024-SU", "2024-06-01", "2024-08-31"),
        ),
        (
            "in spring 2025",
            ("spring 2025", "2025-SP", "2025-03-01", "2025-05-31"),
        ),
        (
            "in autumn 2024",
            ("autumn 2024", "2024-FA", "2024-09-01", "2024-11-30"),
        ),
        (
            "in winter 2023",
            ("winter 2023", "2023-WI", "2023-12-01", "2024-02-29"),
        ),
        (
            "the third quarter of 2024",
            (
                "the third quarter of 2024",
                "2024-Q3",
                "2024-07-01",
                "2024-09-30",
            ),
        ),
        (
            "in Q4 2024",
            ("Q4 2024", "2024-Q4", "2024-10-01", "2024-12-31"),
        ),
        (
            "in the 1990s",
            ("the 1990s", "199", "1990-01-01", "1999-12-31"),
        ),
        (
            "in the '90s",
            ("the '90s", "199", "1990-01-01", "1999-12-31"),
        ),
        (
            "in the 20th century",
            ("the 20th century", "19", "1900-01-01", "1999-12-31"),
        ),
        (
            "in week 48",
            ("week 48", "2024-W48", "2024-11-25", "2024-12-01"),
        ),
    ];
    for (text, want) in rows {
        check(text, REF, std::slice::from_ref(want));
    }
    // The last row shows a limit: ISO week notation is not read (only its year).
}

#[test]
fn bare_dates_take_the_year_from_reference_and_tense() {
    let rows: &[(&str, &str, Want<'_>)] = &[
        // Past tense: the most recent such date not after the reference.
        (
            "They met on November 29th.",
            "2024-12-02",
            ("November 29th", "2024-11-29", "2024-11-29", "2024-11-29"),
        ),
        (
            "They met on June 4.",
            "2024-11-20",
            ("June 4", "2024-06-04", "2024-06-04", "2024-06-04"),
        ),
        // Future: the next one.
        (
            "Talks will start on June 4.",
            "2024-11-20",
            ("June 4", "2025-06-04", "2025-06-04", "2025-06-04"),
        ),
        // No tense: the nearest, a future reading counting double.
        (
            "Talks on June 4.",
            "2024-11-20",
            ("June 4", "2024-06-04", "2024-06-04", "2024-06-04"),
        ),
        (
            "Talks on December 2.",
            "2024-11-20",
            ("December 2", "2024-12-02", "2024-12-02", "2024-12-02"),
        ),
        // Past tense but the past reading is more than four times farther: the near future.
        (
            "The dividend was declared payable Dec. 15.",
            "2024-11-20",
            ("Dec. 15", "2024-12-15", "2024-12-15", "2024-12-15"),
        ),
        (
            "It happened in March.",
            "2024-11-20",
            ("March", "2024-03", "2024-03-01", "2024-03-31"),
        ),
        (
            "Elections will be held in March.",
            "2024-11-20",
            ("March", "2025-03", "2025-03-01", "2025-03-31"),
        ),
        (
            "Friday, Nov. 29 was cold.",
            "2024-12-02",
            ("Friday, Nov. 29", "2024-11-29", "2024-11-29", "2024-11-29"),
        ),
        (
            "last June",
            "2024-11-20",
            ("last June", "2024-06", "2024-06-01", "2024-06-30"),
        ),
        (
            "next March",
            "2024-11-20",
            ("next March", "2025-03", "2025-03-01", "2025-03-31"),
        ),
        (
            "this September",
            "2024-11-20",
            ("this September", "2024-09", "2024-09-01", "2024-09-30"),
        ),
    ];
    for (text, r, want) in rows {
        check(text, Some(r), std::slice::from_ref(want));
    }
}

#[test]
fn without_a_reference_values_stay_underspecified() {
    check(
        "On November 29th",
        None,
        &[("November 29th", "XXXX-11-29", "-", "-")],
    );
    check("on Friday", None, &[("Friday", "XXXX-WXX-5", "-", "-")]);
    check(
        "two days ago",
        None,
        &[("two days ago", "PAST_REF", "-", "-")],
    );
    check("last week", None, &[("last week", "PAST_REF", "-", "-")]);
}

#[test]
fn parts_of_months_and_years() {
    let rows: &[(&str, Want<'_>)] = &[
        (
            "early November 2024",
            ("early November 2024", "2024-11", "2024-11-01", "2024-11-10"),
        ),
        (
            "mid-November 2024",
            ("mid-November 2024", "2024-11", "2024-11-11", "2024-11-20"),
        ),
        (
            "late November 2024",
            ("late November 2024", "2024-11", "2024-11-21", "2024-11-30"),
        ),
        (
            "the end of November 2024",
            (
                "the end of November 2024",
                "2024-11",
                "2024-11-21",
                "2024-11-30",
            ),
        ),
        (
            "the beginning of November 2024",
            (
                "the beginning of November 2024",
                "2024-11",
                "2024-11-01",
                "2024-11-10",
            ),
        ),
        (
            "the start of February 2024",
            (
                "the start of February 2024",
                "2024-02",
                "2024-02-01",
                "2024-02-10",
            ),
        ),
        (
            "early May 2024",
            ("early May 2024", "2024-05", "2024-05-01", "2024-05-10"),
        ),
        (
            "early 2024",
            ("early 2024", "2024", "2024-01-01", "2024-04-30"),
        ),
        ("mid-2024", ("mid-2024", "2024", "2024-05-01", "2024-08-31")),
        (
            "late 2024",
            ("late 2024", "2024", "2024-09-01", "2024-12-31"),
        ),
        (
            "the end of 2024",
            ("the end of 2024", "2024", "2024-09-01", "2024-12-31"),
        ),
        (
            "the beginning of 2025",
            ("the beginning of 2025", "2025", "2025-01-01", "2025-04-30"),
        ),
        (
            "the first half of 2024",
            (
                "the first half of 2024",
                "2024-H1",
                "2024-01-01",
                "2024-06-30",
            ),
        ),
        (
            "the second half of 2024",
            (
                "the second half of 2024",
                "2024-H2",
                "2024-07-01",
                "2024-12-31",
            ),
        ),
        (
            "the early 1990s",
            ("the early 1990s", "199", "1990-01-01", "1993-12-31"),
        ),
        (
            "earlier this year",
            ("earlier this year", "2024", "2024-01-01", "2024-11-19"),
        ),
        (
            "later this year",
            ("later this year", "2024", "2024-11-21", "2024-12-31"),
        ),
        (
            "earlier this month",
            ("earlier this month", "2024-11", "2024-11-01", "2024-11-19"),
        ),
        (
            "early next year",
            ("early next year", "2025", "2025-01-01", "2025-04-30"),
        ),
        (
            "late last year",
            ("late last year", "2023", "2023-09-01", "2023-12-31"),
        ),
        (
            "the end of the year",
            ("the end of the year", "2024", "2024-09-01", "2024-12-31"),
        ),
    ];
    for (text, want) in rows {
        check(text, REF, std::slice::from_ref(want));
    }
    // A bare "early November" takes its year like a bare month.
    check(
        "They met in early November.",
        REF,
        &[("early November", "2024-11", "2024-11-01", "2024-11-10")],
    );
}

#[test]
fn relative_expressions() {
    let rows: &[(&str, Want<'_>)] = &[
        (
            "two days ago",
            ("two days ago", "2024-11-18", "2024-11-18", "2024-11-18"),
        ),
        (
            "three weeks ago",
            ("three weeks ago", "2024-W44", "2024-10-28", "2024-11-03"),
        ),
        (
            "four months ago",
            ("four months ago", "2024-07", "2024-07-01", "2024-07-31"),
        ),
        (
            "five years ago",
            ("five years ago", "2019", "2019-01-01", "2019-12-31"),
        ),
        (
            "last week",
            ("last week", "2024-W46", "2024-11-11", "2024-11-17"),
        ),
        (
            "this week",
            ("this week", "2024-W47", "2024-11-18", "2024-11-24"),
        ),
        (
            "next week",
            ("next week", "2024-W48", "2024-11-25", "2024-12-01"),
        ),
        (
            "this year",
            ("this year", "2024", "2024-01-01", "2024-12-31"),
        ),
        (
            "last year",
            ("last year", "2023", "2023-01-01", "2023-12-31"),
        ),
        (
            "next month",
            ("next month", "2024-12", "2024-12-01", "2024-12-31"),
        ),
        (
            "last month",
            ("last month", "2024-10", "2024-10-01", "2024-10-31"),
        ),
        (
            "yesterday",
            ("yesterday", "2024-11-19", "2024-11-19", "2024-11-19"),
        ),
        ("today", ("today", "2024-11-20", "2024-11-20", "2024-11-20")),
        (
            "tomorrow",
            ("tomorrow", "2024-11-21", "2024-11-21", "2024-11-21"),
        ),
        ("now", ("now", "PRESENT_REF", "2024-11-20", "2024-11-20")),
        (
            "currently",
            ("currently", "PRESENT_REF", "2024-11-20", "2024-11-20"),
        ),
        ("recently", ("recently", "PAST_REF", "-", "-")),
        ("in the future", ("the future", "FUTURE_REF", "-", "-")),
        (
            "in the coming days",
            ("the coming days", "FUTURE_REF", "2024-11-21", "2024-12-04"),
        ),
        (
            "this weekend",
            ("this weekend", "2024-W47-WE", "2024-11-23", "2024-11-24"),
        ),
        (
            "a year ago",
            ("a year ago", "2023", "2023-01-01", "2023-12-31"),
        ),
        (
            "this summer",
            ("this summer", "2024-SU", "2024-06-01", "2024-08-31"),
        ),
        (
            "last summer",
            ("last summer", "2024-SU", "2024-06-01", "2024-08-31"),
        ),
        (
            "the current quarter",
            ("the current quarter", "2024-Q4", "2024-10-01", "2024-12-31"),
        ),
        (
            "this morning",
            ("this morning", "2024-11-20TMO", "2024-11-20", "2024-11-20"),
        ),
        (
            "They met on Thursday.",
            ("Thursday", "2024-11-14", "2024-11-14", "2024-11-14"),
        ),
        (
            "They will meet on Thursday.",
            ("Thursday", "2024-11-21", "2024-11-21", "2024-11-21"),
        ),
        (
            "Talks on Thursday.",
            ("Thursday", "2024-11-21", "2024-11-21", "2024-11-21"),
        ),
        (
            "last Friday",
            ("last Friday", "2024-11-15", "2024-11-15", "2024-11-15"),
        ),
        (
            "next Tuesday",
            ("next Tuesday", "2024-11-26", "2024-11-26", "2024-11-26"),
        ),
        (
            "Friday morning",
            ("Friday morning", "2024-11-22T", "2024-11-22", "2024-11-22"),
        ),
    ];
    for (text, want) in &rows[..rows.len() - 1] {
        check(text, REF, std::slice::from_ref(want));
    }
    // A part of the day makes a TIME whose value carries it.
    let got = tag_times("Friday morning", Some("2024-11-20".parse().expect("date")));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].kind, TimeType::Time);
    assert_eq!(got[0].value, "2024-11-22TMO");
}

#[test]
fn offsets_from_named_days() {
    let rows: &[(&str, Want<'_>)] = &[
        (
            "two days after today",
            (
                "two days after today",
                "2024-11-22",
                "2024-11-22",
                "2024-11-22",
            ),
        ),
        (
            "three weeks from tomorrow",
            (
                "three weeks from tomorrow",
                "2024-12-12",
                "2024-12-12",
                "2024-12-12",
            ),
        ),
        (
            "two days before yesterday",
            (
                "two days before yesterday",
                "2024-11-17",
                "2024-11-17",
                "2024-11-17",
            ),
        ),
        (
            "We will meet in two weeks.",
            ("in two weeks", "2024-12-04", "2024-12-04", "2024-12-04"),
        ),
        (
            "this past Monday",
            ("this past Monday", "2024-11-18", "2024-11-18", "2024-11-18"),
        ),
        (
            "the coming Thursday",
            ("coming Thursday", "2024-11-21", "2024-11-21", "2024-11-21"),
        ),
    ];
    for (text, want) in rows {
        check(text, REF, std::slice::from_ref(want));
    }
    // Not a date: "in two weeks" without a future tense, or after "the first time".
    let got = tag_times(
        "the first time in two weeks it will rain",
        REF.map(|r| r.parse().expect("date")),
    );
    assert_eq!(
        got.iter().map(|m| m.value.as_str()).collect::<Vec<_>>(),
        ["P2W"]
    );
}

#[test]
fn ranges() {
    let rows: &[(&str, Want<'_>)] = &[
        (
            "between June and August 2024",
            (
                "between June and August 2024",
                "2024-06/2024-08",
                "2024-06-01",
                "2024-08-31",
            ),
        ),
        (
            "from June to August 2024",
            (
                "from June to August 2024",
                "2024-06/2024-08",
                "2024-06-01",
                "2024-08-31",
            ),
        ),
        (
            "from 2019 to 2021",
            ("from 2019 to 2021", "2019/2021", "2019-01-01", "2021-12-31"),
        ),
        (
            "in 2019-2021",
            ("2019-2021", "2019/2021", "2019-01-01", "2021-12-31"),
        ),
        (
            "June 4-6, 2024",
            (
                "June 4-6, 2024",
                "2024-06-04/2024-06-06",
                "2024-06-04",
                "2024-06-06",
            ),
        ),
        (
            "from November 2024 to February",
            (
                "from November 2024 to February",
                "2024-11/2025-02",
                "2024-11-01",
                "2025-02-28",
            ),
        ),
    ];
    for (text, want) in rows {
        check(text, REF, std::slice::from_ref(want));
    }
}

#[test]
fn durations_and_sets() {
    let rows: &[(&str, &str, &str, TimeType)] = &[
        (
            "for three months",
            "three months",
            "P3M",
            TimeType::Duration,
        ),
        ("three years", "three years", "P3Y", TimeType::Duration),
        ("for decades", "decades", "PXDE", TimeType::Duration),
        ("for a decade", "a decade", "P10Y", TimeType::Duration),
        ("a decade", "", "", TimeType::Duration),
        (
            "almost seven years",
            "almost seven years",
            "P7Y",
            TimeType::Duration,
        ),
        ("a two-week visit", "two-week", "P2W", TimeType::Duration),
        ("for 48 hours", "48 hours", "PT48H", TimeType::Duration),
        ("every week", "every week", "P1W", TimeType::Set),
        ("every Monday", "every Monday", "XXXX-WXX-1", TimeType::Set),
        ("annually", "annually", "P1Y", TimeType::Set),
        ("daily", "daily", "P1D", TimeType::Set),
        ("twice a year", "a year", "P1Y", TimeType::Set),
    ];
    for (text, span, value, kind) in rows {
        let got = tag_times(text, Some("2024-11-20".parse().expect("date")));
        if span.is_empty() {
            // A lone "a decade" without "for", "in", "over"… is too often not a duration.
            assert_eq!(got, vec![], "{text}");
            continue;
        }
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(
            (got[0].text.as_str(), got[0].value.as_str(), got[0].kind),
            (*span, *value, *kind),
            "{text}"
        );
        assert_eq!(got[0].interval, None, "{text}");
    }
}

/// Durations anchored to the reference keep their TIMEX3 type and value and also get the days
/// they cover (TimeML's beginPoint/endPoint).
#[test]
fn anchored_durations() {
    let rows: &[(&str, Want<'_>)] = &[
        (
            "over the past three years",
            ("the past three years", "P3Y", "2021-11-20", "2024-11-19"),
        ),
        (
            "in the next three days",
            ("the next three days", "P3D", "2024-11-21", "2024-11-23"),
        ),
        (
            "the next 3 months",
            ("the next 3 months", "P3M", "2024-11-21", "2025-02-20"),
        ),
        (
            "the past few days",
            ("the past few days", "PXD", "2024-11-17", "2024-11-19"),
        ),
        (
            "the next few months",
            ("the next few months", "PXM", "2024-11-21", "2025-02-20"),
        ),
        (
            "the next several months",
            ("the next several months", "PXM", "-", "-"),
        ),
        (
            "within 9 months",
            ("9 months", "P9M", "2024-11-20", "2025-08-19"),
        ),
        (
            "within the next two weeks",
            ("the next two weeks", "P2W", "2024-11-20", "2024-12-03"),
        ),
        (
            "the last two quarters",
            ("the last two quarters", "P2Q", "2024-04-01", "2024-09-30"),
        ),
        (
            "the next two decades",
            ("the next two decades", "P20Y", "2030-01-01", "2049-12-31"),
        ),
        (
            "the 3 next weeks",
            ("the 3 next weeks", "P3W", "2024-11-21", "2024-12-11"),
        ),
        (
            "the past two weeks",
            ("the past two weeks", "P2W", "2024-11-06", "2024-11-19"),
        ),
        (
            "4 weeks in the future",
            ("4 weeks in the future", "P4W", "2024-11-21", "2024-12-18"),
        ),
        (
            "2 days hence",
            ("2 days hence", "P2D", "2024-11-21", "2024-11-22"),
        ),
        ("for three months", ("three months", "P3M", "-", "-")),
    ];
    for (text, want) in rows {
        check(text, REF, &[*want]);
    }
}

#[test]
fn clock_times() {
    check(
        "at 8 pm",
        REF,
        &[("8 pm", "2024-11-20T20:00", "2024-11-20", "2024-11-20")],
    );
    check(
        "at 10:35 a.m. Thursday",
        REF,
        &[(
            "10:35 a.m. Thursday",
            "2024-11-21T10:35",
            "2024-11-21",
            "2024-11-21",
        )],
    );
    check(
        "at noon",
        REF,
        &[("noon", "2024-11-20T12:00", "2024-11-20", "2024-11-20")],
    );
}

#[test]
fn not_times() {
    for text in [
        "This may take longer.",
        "She may email you with a few times.",
        "May God bless them.",
        "Tel: +86 138-2010-2015",
        "Tel: 000 111 82-2100",
        "Keep the list up-to-date.",
        "It fired a Hwasong-19 missile.",
        "Under Article 2024 of the code.",
        "There are 10 stars.",
        "Some 2,000 troops and 1500 soldiers arrived.",
        "They will march to the square.",
        "Prices may fall.",
        "It cost $2024.",
    ] {
        assert_eq!(
            tag_times(text, REF.map(|r| r.parse().expect("date"))),
            vec![],
            "{text}"
        );
    }
}

#[test]
fn reference_date_inference() {
    // The latest full date wins, with its span as evidence.
    let text = "Talks began on June 4, 2024. North Korea Friday, Nov. 29, 2024. (AP)";
    let r = infer_reference_date(text).expect("a date");
    assert_eq!(r.date.to_string(), "2024-11-29");
    assert_eq!(
        &text[r.evidence.start()..r.evidence.end()],
        "Friday, Nov. 29, 2024"
    );
    // A bare date takes the year mentioned nearest to it.
    let text = "In 2023 they signed a pact that took many months of talks to draft. They met again on November 29th, their third meeting of 2024.";
    let r = infer_reference_date(text).expect("a date");
    assert_eq!(r.date.to_string(), "2024-11-29");
    assert_eq!(&text[r.evidence.start()..r.evidence.end()], "November 29th");
    // No year anywhere: no date.
    assert_eq!(infer_reference_date("On November 29th, they met."), None);
    assert_eq!(infer_reference_date("Nothing here."), None);
}

/// Runs single-mention rows: each text must give exactly the one mention listed.
fn check_rows(rows: &[(&str, Want<'_>)]) {
    for (text, want) in rows {
        check(text, REF, std::slice::from_ref(want));
    }
}

#[test]
fn compact_dates() {
    check_rows(&[
        (
            "Dec31, 2024",
            ("Dec31, 2024", "2024-12-31", "2024-12-31", "2024-12-31"),
        ),
        (
            "05-Aug-2016",
            ("05-Aug-2016", "2016-08-05", "2016-08-05", "2016-08-05"),
        ),
        (
            "Sep-23-2020",
            ("Sep-23-2020", "2020-09-23", "2020-09-23", "2020-09-23"),
        ),
        (
            "2019/aug/01",
            ("2019/aug/01", "2019-08-01", "2019-08-01", "2019-08-01"),
        ),
        (
            "23/Sep/2020",
            ("23/Sep/2020", "2020-09-23", "2020-09-23", "2020-09-23"),
        ),
        (
            "13.5.2015",
            ("13.5.2015", "2015-05-13", "2015-05-13", "2015-05-13"),
        ),
        (
            "2015.5.13",
            ("2015.5.13", "2015-05-13", "2015-05-13", "2015-05-13"),
        ),
        (
            "20161016",
            ("20161016", "2016-10-16", "2016-10-16", "2016-10-16"),
        ),
        (
            "in 2016/11",
            ("2016/11", "2016-11", "2016-11-01", "2016-11-30"),
        ),
        (
            "11-2016",
            ("11-2016", "2016-11", "2016-11-01", "2016-11-30"),
        ),
        (
            "in 2015.3",
            ("2015.3", "2015-03", "2015-03-01", "2015-03-31"),
        ),
        (
            "21/04/16",
            ("21/04/16", "2016-04-21", "2016-04-21", "2016-04-21"),
        ),
        (
            "9-18-15",
            ("9-18-15", "2015-09-18", "2015-09-18", "2015-09-18"),
        ),
        (
            "2017 april",
            ("2017 april", "2017-04", "2017-04-01", "2017-04-30"),
        ),
        (
            "14 nov 2023",
            ("14 nov 2023", "2023-11-14", "2023-11-14", "2023-11-14"),
        ),
        (
            "July 4th of 1995",
            ("July 4th of 1995", "1995-07-04", "1995-07-04", "1995-07-04"),
        ),
        (
            "28 June in 2020",
            ("28 June in 2020", "2020-06-28", "2020-06-28", "2020-06-28"),
        ),
        (
            "2019 q3",
            ("2019 q3", "2019-Q3", "2019-07-01", "2019-09-30"),
        ),
        ("2016H2", ("2016H2", "2016-H2", "2016-07-01", "2016-12-31")),
        ("in 70's", ("70's", "197", "1970-01-01", "1979-12-31")),
        (
            "in the seventies",
            ("the seventies", "197", "1970-01-01", "1979-12-31"),
        ),
        ("Oct-2", ("Oct-2", "2024-10-02", "2024-10-02", "2024-10-02")),
        ("3/2015", ("3/2015", "2015-03", "2015-03-01", "2015-03-31")),
        (
            "2016, nov",
            ("2016, nov", "2016-11", "2016-11-01", "2016-11-30"),
        ),
        (
            "q3 2019",
            ("q3 2019", "2019-Q3", "2019-07-01", "2019-09-30"),
        ),
        (
            "2017-q1",
            ("2017-q1", "2017-Q1", "2017-01-01", "2017-03-31"),
        ),
    ]);
    // Index levels and codes stay numbers.
    for text in [
        "The index rose to 2082.1 points.",
        "code 133-03-03-2020",
        "a 2.5 rise",
    ] {
        check(text, REF, &[]);
    }
}

#[test]
fn holidays() {
    check_rows(&[
        (
            "Christmas 2025",
            ("Christmas 2025", "2025-12-25", "2025-12-25", "2025-12-25"),
        ),
        (
            "They met on Christmas Eve.",
            ("Christmas Eve", "2024-12-24", "2024-12-24", "2024-12-24"),
        ),
        (
            "easter 2018",
            ("easter 2018", "2018-04-01", "2018-04-01", "2018-04-01"),
        ),
        (
            "Good Friday 2024",
            ("Good Friday 2024", "2024-03-29", "2024-03-29", "2024-03-29"),
        ),
        (
            "Thanksgiving 2024",
            (
                "Thanksgiving 2024",
                "2024-11-28",
                "2024-11-28",
                "2024-11-28",
            ),
        ),
        (
            "black friday 2010",
            (
                "black friday 2010",
                "2010-11-26",
                "2010-11-26",
                "2010-11-26",
            ),
        ),
        (
            "Memorial Day 2024",
            (
                "Memorial Day 2024",
                "2024-05-27",
                "2024-05-27",
                "2024-05-27",
            ),
        ),
        (
            "last Easter",
            ("last Easter", "2024-03-31", "2024-03-31", "2024-03-31"),
        ),
        (
            "next Thanksgiving",
            (
                "next Thanksgiving",
                "2024-11-28",
                "2024-11-28",
                "2024-11-28",
            ),
        ),
        (
            "Independence Day of this year",
            (
                "Independence Day of this year",
                "2024-07-04",
                "2024-07-04",
                "2024-07-04",
            ),
        ),
        (
            "Easter week",
            ("Easter week", "2024-W13", "2024-03-25", "2024-03-31"),
        ),
    ]);
    // Another country's independence day is not the Fourth of July.
    check("Ukraine's Independence Day", REF, &[]);
}

#[test]
fn ordinal_pieces_and_weeks() {
    check_rows(&[
        (
            "the first week of 2015",
            (
                "the first week of 2015",
                "2015-W01",
                "2014-12-29",
                "2015-01-04",
            ),
        ),
        (
            "the last week of December 2016",
            (
                "the last week of December 2016",
                "2016-W52",
                "2016-12-26",
                "2017-01-01",
            ),
        ),
        (
            "the third week of this month",
            (
                "the third week of this month",
                "2024-W47",
                "2024-11-18",
                "2024-11-24",
            ),
        ),
        (
            "the last week of July 2024",
            (
                "the last week of July 2024",
                "2024-W30",
                "2024-07-22",
                "2024-07-28",
            ),
        ),
        (
            "the third Wednesday of next month",
            (
                "the third Wednesday of next month",
                "2024-12-18",
                "2024-12-18",
                "2024-12-18",
            ),
        ),
        (
            "the first Friday of July 2024",
            (
                "the first Friday of July 2024",
                "2024-07-05",
                "2024-07-05",
                "2024-07-05",
            ),
        ),
        (
            "the 20th of next month",
            (
                "the 20th of next month",
                "2024-12-20",
                "2024-12-20",
                "2024-12-20",
            ),
        ),
        (
            "the 15th day of next month",
            (
                "the 15th day of next month",
                "2024-12-15",
                "2024-12-15",
                "2024-12-15",
            ),
        ),
        (
            "the third month of 2021",
            (
                "the third month of 2021",
                "2021-03",
                "2021-03-01",
                "2021-03-31",
            ),
        ),
        (
            "second Sunday",
            ("second Sunday", "2024-11-10", "2024-11-10", "2024-11-10"),
        ),
        (
            "week 48",
            ("week 48", "2024-W48", "2024-11-25", "2024-12-01"),
        ),
        (
            "the week 3 of 2027",
            ("the week 3 of 2027", "2027-W03", "2027-01-18", "2027-01-24"),
        ),
        (
            "the week of April 10th, 2024",
            (
                "the week of April 10th, 2024",
                "2024-W15",
                "2024-04-08",
                "2024-04-14",
            ),
        ),
        (
            "w/c Feb 4 2025",
            ("w/c Feb 4 2025", "2025-W06", "2025-02-03", "2025-02-09"),
        ),
    ]);
    // TimeML tags "the first nine months" as a duration and "of 1997" apart.
    check(
        "the first nine months of 1997",
        REF,
        &[
            ("the first nine months", "P9M", "1997-01-01", "1997-09-30"),
            ("1997", "1997", "1997-01-01", "1997-12-31"),
        ],
    );
    check(
        "the last two weeks of this year",
        REF,
        &[
            ("the last two weeks", "P2W", "2024-12-16", "2024-12-29"),
            ("this year", "2024", "2024-01-01", "2024-12-31"),
        ],
    );
}

#[test]
fn relative_periods_and_days() {
    check_rows(&[
        (
            "next quarter",
            ("next quarter", "2025-Q1", "2025-01-01", "2025-03-31"),
        ),
        (
            "last quarter",
            ("last quarter", "2024-Q3", "2024-07-01", "2024-09-30"),
        ),
        (
            "the week after next",
            (
                "the week after next",
                "2024-W49",
                "2024-12-02",
                "2024-12-08",
            ),
        ),
        (
            "the month after next",
            (
                "the month after next",
                "2025-01",
                "2025-01-01",
                "2025-01-31",
            ),
        ),
        (
            "this working week",
            ("this working week", "2024-W47", "2024-11-18", "2024-11-22"),
        ),
        (
            "next week on Friday",
            (
                "next week on Friday",
                "2024-11-29",
                "2024-11-29",
                "2024-11-29",
            ),
        ),
        (
            "next week Sunday",
            ("next week Sunday", "2024-12-01", "2024-12-01", "2024-12-01"),
        ),
        (
            "Monday of the following week",
            (
                "Monday of the following week",
                "2024-11-25",
                "2024-11-25",
                "2024-11-25",
            ),
        ),
        (
            "the rest of the week",
            (
                "the rest of the week",
                "2024-W47",
                "2024-11-20",
                "2024-11-24",
            ),
        ),
        (
            "the rest of the year",
            ("the rest of the year", "2024", "2024-11-20", "2024-12-31"),
        ),
        (
            "They met on the 18th.",
            ("the 18th", "2024-11-18", "2024-11-18", "2024-11-18"),
        ),
        (
            "They will meet on the 18th.",
            ("the 18th", "2024-12-18", "2024-12-18", "2024-12-18"),
        ),
        (
            "They met on Mon 18th.",
            ("Mon 18th", "2024-11-18", "2024-11-18", "2024-11-18"),
        ),
        (
            "Friday the 29th",
            ("Friday the 29th", "2024-11-29", "2024-11-29", "2024-11-29"),
        ),
        ("tmrw", ("tmrw", "2024-11-21", "2024-11-21", "2024-11-21")),
        (
            "last sept",
            ("last sept", "2024-09", "2024-09-01", "2024-09-30"),
        ),
        (
            "this calendar year",
            ("this calendar year", "2024", "2024-01-01", "2024-12-31"),
        ),
        (
            "next workweek",
            ("next workweek", "2024-W48", "2024-11-25", "2024-11-29"),
        ),
        (
            "previous week - Monday",
            (
                "previous week - Monday",
                "2024-11-11",
                "2024-11-11",
                "2024-11-11",
            ),
        ),
        (
            "the rest of the month",
            (
                "the rest of the month",
                "2024-11",
                "2024-11-20",
                "2024-11-30",
            ),
        ),
        (
            "16 days from 01/02/2025",
            (
                "16 days from 01/02/2025",
                "2025-01-18",
                "2025-01-18",
                "2025-01-18",
            ),
        ),
        (
            "2 weeks and 2 days ago",
            (
                "2 weeks and 2 days ago",
                "2024-11-04",
                "2024-11-04",
                "2024-11-04",
            ),
        ),
        (
            "the week beginning February 4, 2025",
            (
                "the week beginning February 4, 2025",
                "2025-W06",
                "2025-02-03",
                "2025-02-09",
            ),
        ),
        (
            "the day after tmrw",
            (
                "the day after tmrw",
                "2024-11-22",
                "2024-11-22",
                "2024-11-22",
            ),
        ),
        (
            "three days after January 12th, 2025",
            (
                "three days after January 12th, 2025",
                "2025-01-15",
                "2025-01-15",
                "2025-01-15",
            ),
        ),
        (
            "two weeks before Christmas 2024",
            (
                "two weeks before Christmas 2024",
                "2024-12-11",
                "2024-12-11",
                "2024-12-11",
            ),
        ),
        (
            "one month and 21 days ago",
            (
                "one month and 21 days ago",
                "2024-09-29",
                "2024-09-29",
                "2024-09-29",
            ),
        ),
    ]);
    // "the 27 members" is a count, not a day.
    check("They met on the 27 members.", REF, &[]);
}

#[test]
fn ranges_to_now_and_within_a_month() {
    check_rows(&[
        (
            "from March to date",
            (
                "from March to date",
                "2024-03/2024-11-20",
                "2024-03-01",
                "2024-11-20",
            ),
        ),
        (
            "between Jan 2024 and now",
            (
                "between Jan 2024 and now",
                "2024-01/2024-11-20",
                "2024-01-01",
                "2024-11-20",
            ),
        ),
        (
            "from 4 to 22 this month",
            (
                "from 4 to 22 this month",
                "2024-11-04/2024-11-22",
                "2024-11-04",
                "2024-11-22",
            ),
        ),
        (
            "from 10/1/2018-10/7/2018",
            (
                "10/1/2018-10/7/2018",
                "2018-10-01/2018-10-07",
                "2018-10-01",
                "2018-10-07",
            ),
        ),
        (
            "The period is 10/1-11/2/2017.",
            (
                "10/1-11/2/2017",
                "2017-10-01/2017-11-02",
                "2017-10-01",
                "2017-11-02",
            ),
        ),
        (
            "4 to 23 next month",
            (
                "4 to 23 next month",
                "2024-12-04/2024-12-23",
                "2024-12-04",
                "2024-12-23",
            ),
        ),
    ]);
    // A duration that starts on a named day covers the days from it; the day stays its own
    // expression, as in TimeML.
    check(
        "for 3 days from today",
        REF,
        &[
            ("3 days", "P3D", "2024-11-20", "2024-11-22"),
            ("today", "2024-11-20", "2024-11-20", "2024-11-20"),
        ],
    );
    check(
        "2 weeks starting May 20th, 2025",
        REF,
        &[
            ("2 weeks", "P2W", "2025-05-20", "2025-06-02"),
            ("May 20th, 2025", "2025-05-20", "2025-05-20", "2025-05-20"),
        ],
    );
}

/// Runs `(text, expected mentions)` rows against the table's reference date.
fn check_all(rows: &[(&str, &[Want<'_>])]) {
    for (text, want) in rows {
        check(text, REF, want);
    }
}

#[test]
fn spoken_years_and_day_words() {
    check_rows(&[
        (
            "She was born on January twenty five nineteen eighty six.",
            (
                "January twenty five nineteen eighty six",
                "1986-01-25",
                "1986-01-25",
                "1986-01-25",
            ),
        ),
        (
            "born on twenty five January nineteen eighty six",
            (
                "twenty five January nineteen eighty six",
                "1986-01-25",
                "1986-01-25",
                "1986-01-25",
            ),
        ),
        (
            "On fifteen August nineteen hundred ninety three, the plant opened.",
            (
                "fifteen August nineteen hundred ninety three",
                "1993-08-15",
                "1993-08-15",
                "1993-08-15",
            ),
        ),
        (
            "They arrived 13 Sept nineteen seventy two.",
            (
                "13 Sept nineteen seventy two",
                "1972-09-13",
                "1972-09-13",
                "1972-09-13",
            ),
        ),
        (
            "The ship sailed on 6 April seventeen hundred thirty three.",
            (
                "6 April seventeen hundred thirty three",
                "1733-04-06",
                "1733-04-06",
                "1733-04-06",
            ),
        ),
        (
            "It was founded on September 10, nineteen oh one.",
            (
                "September 10, nineteen oh one",
                "1901-09-10",
                "1901-09-10",
                "1901-09-10",
            ),
        ),
        (
            "It happened in June of nineteen ninety nine.",
            (
                "June of nineteen ninety nine",
                "1999-06",
                "1999-06-01",
                "1999-06-30",
            ),
        ),
        (
            "In one thousand seven hundred and eighty nine the Bastille fell.",
            (
                "one thousand seven hundred and eighty nine",
                "1789",
                "1789-01-01",
                "1789-12-31",
            ),
        ),
        (
            "the third quarter of two thousand and twenty",
            (
                "the third quarter of two thousand and twenty",
                "2020-Q3",
                "2020-07-01",
                "2020-09-30",
            ),
        ),
        (
            "monday, jan twenty two, 2018",
            (
                "monday, jan twenty two, 2018",
                "2018-01-22",
                "2018-01-22",
                "2018-01-22",
            ),
        ),
        (
            "He was born in April of '87.",
            ("April of '87", "1987-04", "1987-04-01", "1987-04-30"),
        ),
        (
            "He was born on 15 April of 87.",
            ("15 April of 87", "1987-04-15", "1987-04-15", "1987-04-15"),
        ),
        (
            "They will meet May twenty nine.",
            ("May twenty nine", "2025-05-29", "2025-05-29", "2025-05-29"),
        ),
        (
            "from 2 to 7 Feb, two thousand and eighteen",
            (
                "from 2 to 7 Feb, two thousand and eighteen",
                "2018-02-02/2018-02-07",
                "2018-02-02",
                "2018-02-07",
            ),
        ),
        // Decades in words.
        (
            "In the nineteen seventies",
            ("the nineteen seventies", "197", "1970-01-01", "1979-12-31"),
        ),
        (
            "in the twenty-tens",
            ("the twenty-tens", "201", "2010-01-01", "2019-12-31"),
        ),
        (
            "in the two thousand and tens",
            (
                "the two thousand and tens",
                "201",
                "2010-01-01",
                "2019-12-31",
            ),
        ),
        (
            "in the two thousands",
            ("the two thousands", "200", "2000-01-01", "2009-12-31"),
        ),
        (
            "in the noughties",
            ("the noughties", "200", "2000-01-01", "2009-12-31"),
        ),
    ]);
    // Counts stay counts: a day in cardinal words needs a year or the end of the phrase, a bare
    // "two thousand" after a date is a number, a lower-case abbreviated weekday is a verb.
    check_all(&[
        (
            "In May twenty people died.",
            &[("May", "2024-05", "2024-05-01", "2024-05-31")],
        ),
        (
            "On June 4, two thousand soldiers left.",
            &[("June 4", "2024-06-04", "2024-06-04", "2024-06-04")],
        ),
        (
            "He sat, Jan 22, 2018 was cold.",
            &[("Jan 22, 2018", "2018-01-22", "2018-01-22", "2018-01-22")],
        ),
        ("the two thousands of people", &[]),
    ]);
}

#[test]
fn month_and_day_in_figures_after_a_cue() {
    check_rows(&[
        (
            "Let's meet Friday 11/29.",
            ("Friday 11/29", "2024-11-29", "2024-11-29", "2024-11-29"),
        ),
        (
            "We will meet this Friday 11.29.",
            (
                "this Friday 11.29",
                "2024-11-29",
                "2024-11-29",
                "2024-11-29",
            ),
        ),
        (
            "We met Friday 7/6/2018.",
            ("Friday 7/6/2018", "2018-07-06", "2018-07-06", "2018-07-06"),
        ),
        (
            "The vote is set for next 5/12.",
            ("next 5/12", "2025-05-12", "2025-05-12", "2025-05-12"),
        ),
        (
            "The vote was this 5/12.",
            ("this 5/12", "2024-05-12", "2024-05-12", "2024-05-12"),
        ),
        (
            "They met last 5/12.",
            ("last 5/12", "2024-05-12", "2024-05-12", "2024-05-12"),
        ),
        (
            "The vote is on 12-4.",
            ("12-4", "2024-12-04", "2024-12-04", "2024-12-04"),
        ),
        (
            "The vote is on 12.4.",
            ("12.4", "2024-12-04", "2024-12-04", "2024-12-04"),
        ),
        (
            "from this Friday 11/29 to next Sunday 12/8",
            (
                "from this Friday 11/29 to next Sunday 12/8",
                "2024-11-29/2024-12-08",
                "2024-11-29",
                "2024-12-08",
            ),
        ),
        // A leading zero makes a day and a month of two parts (a fraction has none).
        (
            "I'll go back 22/04",
            ("22/04", "2025-04-22", "2025-04-22", "2025-04-22"),
        ),
        (
            "I went back 08/12,2015",
            ("08/12,2015", "2015-08-12", "2015-08-12", "2015-08-12"),
        ),
        (
            "I went back 08/12,15",
            ("08/12,15", "2015-08-12", "2015-08-12", "2015-08-12"),
        ),
        // A day in figures and a lower-case abbreviation that is no English word.
        (
            "schedule a meeting on 14 nov",
            ("14 nov", "2024-11-14", "2024-11-14", "2024-11-14"),
        ),
        (
            "Do you know the date? 12 of Nov?",
            ("12 of Nov", "2024-11-12", "2024-11-12", "2024-11-12"),
        ),
        (
            "I bought it for $12 December 27",
            ("December 27", "2024-12-27", "2024-12-27", "2024-12-27"),
        ),
    ]);
    check_all(&[
        ("It fell on 4-5 days.", &[("5 days", "P5D", "-", "-")]),
        ("Shares rose on 3.5 percent gains.", &[]),
        ("It runs 24/7.", &[]),
        ("He met 14 mar friends.", &[]),
        (
            "Three of May's games were lost.",
            &[("May", "2024-05", "2024-05-01", "2024-05-31")],
        ),
    ]);
}

#[test]
fn holiday_weekends_and_relative_years() {
    check_rows(&[
        // Monday holiday: Saturday to Monday; Thursday: to Sunday; Sunday: the weekend.
        (
            "Labor Day weekend 2024",
            (
                "Labor Day weekend 2024",
                "2024-W35-WE",
                "2024-08-31",
                "2024-09-02",
            ),
        ),
        (
            "Memorial Day 2024 weekend",
            (
                "Memorial Day 2024 weekend",
                "2024-W21-WE",
                "2024-05-25",
                "2024-05-27",
            ),
        ),
        (
            "over the Thanksgiving weekend",
            (
                "the Thanksgiving weekend",
                "2024-W48-WE",
                "2024-11-28",
                "2024-12-01",
            ),
        ),
        (
            "the weekend of Thanksgiving 2023",
            (
                "the weekend of Thanksgiving 2023",
                "2023-W47-WE",
                "2023-11-23",
                "2023-11-26",
            ),
        ),
        (
            "Halloween weekend 2021",
            (
                "Halloween weekend 2021",
                "2021-W43-WE",
                "2021-10-30",
                "2021-10-31",
            ),
        ),
        (
            "Christmas weekend 2024",
            (
                "Christmas weekend 2024",
                "2024-W52-WE",
                "2024-12-25",
                "2024-12-29",
            ),
        ),
        (
            "Easter weekend 2024",
            (
                "Easter weekend 2024",
                "2024-W13-WE",
                "2024-03-30",
                "2024-03-31",
            ),
        ),
        (
            "They will open in june next year.",
            ("june next year", "2025-06", "2025-06-01", "2025-06-30"),
        ),
        (
            "the third week next year",
            (
                "the third week next year",
                "2025-W03",
                "2025-01-13",
                "2025-01-19",
            ),
        ),
        (
            "the first Monday next month",
            (
                "the first Monday next month",
                "2024-12-02",
                "2024-12-02",
                "2024-12-02",
            ),
        ),
        (
            "The vote is next 6th of April.",
            (
                "next 6th of April",
                "2025-04-06",
                "2025-04-06",
                "2025-04-06",
            ),
        ),
        (
            "They met last March 3.",
            ("last March 3", "2024-03-03", "2024-03-03", "2024-03-03"),
        ),
        (
            "in q1-2019",
            ("q1-2019", "2019-Q1", "2019-01-01", "2019-03-31"),
        ),
    ]);
}

#[test]
fn range_ends_and_the_current_period() {
    check_rows(&[
        (
            "They are off from April the ninth till the seventeenth.",
            (
                "from April the ninth till the seventeenth",
                "2024-04-09/2024-04-17",
                "2024-04-09",
                "2024-04-17",
            ),
        ),
        (
            "from April 27th to the 3rd",
            (
                "from April 27th to the 3rd",
                "2024-04-27/2024-05-03",
                "2024-04-27",
                "2024-05-03",
            ),
        ),
        (
            "from 4 to January 22, 1995",
            (
                "from 4 to January 22, 1995",
                "1995-01-04/1995-01-22",
                "1995-01-04",
                "1995-01-22",
            ),
        ),
        (
            "The offer runs Jan 1 until Jan 22.",
            (
                "Jan 1 until Jan 22",
                "2025-01-01/2025-01-22",
                "2025-01-01",
                "2025-01-22",
            ),
        ),
        (
            "We will work between now and December 15th.",
            (
                "between now and December 15th",
                "2024-11-20/2024-12-15",
                "2024-11-20",
                "2024-12-15",
            ),
        ),
        // A weekday ending a range is the first one on or after its start.
        (
            "I will be away from next Monday to Friday.",
            (
                "from next Monday to Friday",
                "2024-11-25/2024-11-29",
                "2024-11-25",
                "2024-11-29",
            ),
        ),
        (
            "from today to Friday",
            (
                "from today to Friday",
                "2024-11-20/2024-11-22",
                "2024-11-20",
                "2024-11-22",
            ),
        ),
        (
            "They met from Friday to Monday.",
            (
                "from Friday to Monday",
                "2024-11-15/2024-11-18",
                "2024-11-15",
                "2024-11-18",
            ),
        ),
        // The reference's own week, month and day at the end of a phrase.
        (
            "Stocks fell 2% for the week.",
            ("the week", "2024-W47", "2024-11-18", "2024-11-24"),
        ),
        (
            "It was the best result of the month.",
            ("the month", "2024-11", "2024-11-01", "2024-11-30"),
        ),
        (
            "Shares closed higher on the day.",
            ("the day", "2024-11-20", "2024-11-20", "2024-11-20"),
        ),
        // A day of the month in ordinal words at the end of a phrase.
        (
            "They met on the third.",
            ("the third", "2024-11-03", "2024-11-03", "2024-11-03"),
        ),
        (
            "I went back for the twenty second",
            (
                "the twenty second",
                "2024-10-22",
                "2024-10-22",
                "2024-10-22",
            ),
        ),
        // A lower-case month after a preposition at the end of a phrase.
        (
            "It may be in may.",
            ("may", "2024-05", "2024-05-01", "2024-05-31"),
        ),
        (
            "In dec $DEC rose",
            ("dec", "2024-12", "2024-12-01", "2024-12-31"),
        ),
    ]);
    check_all(&[
        ("prices rose from 3 to 5 percent", &[]),
        ("the day he died", &[]),
        ("the week before", &[]),
        (
            "the month of May",
            &[("May", "2024-05", "2024-05-01", "2024-05-31")],
        ),
        (
            "I will come back within 2 weeks from today",
            &[
                ("2 weeks", "P2W", "2024-11-20", "2024-12-03"),
                ("today", "2024-11-20", "2024-11-20", "2024-11-20"),
            ],
        ),
        ("for the second time", &[]),
        ("$DEC rose", &[]),
        ("this may take longer", &[]),
    ]);
}
