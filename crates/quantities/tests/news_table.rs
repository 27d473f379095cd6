//! The recognizer's behaviour as a table of news-English rows: `input → quantity text, low,
//! high, hedge`, plus rows that must yield no quantity. Every hedge row of docs/quantities.md
//! appears here.

use claims_model::{Hedge, Quantity, QuantityKind};
use claims_quantities::find_quantities;
use Hedge::{
    Approximate as Approx, Exact, LowerBound as Lower, OrderOfMagnitude as Magnitude, Range,
    UpperBound as Upper,
};

const N: Option<f64> = None;

fn s(v: f64) -> Option<f64> {
    Some(v)
}

/// `(input, the quantity's text, low, high, hedge)`.
type Row = (&'static str, &'static str, Option<f64>, Option<f64>, Hedge);

#[rustfmt::skip]
fn rows() -> Vec<Row> {
    vec![
        // Plain figures.
        ("Pyongyang sent 8,000 soldiers.", "8,000", s(8000.0), s(8000.0), Exact),
        ("Pyongyang sent 8000 soldiers.", "8000", s(8000.0), s(8000.0), Exact),
        ("The army lost 1.2 million shells.", "1.2 million", s(1.2e6), s(1.2e6), Exact),
        ("The fund raised £1.5m last year.", "£1.5m", s(1.5e6), s(1.5e6), Exact),
        ("Output reached 3.5 thousand tonnes.", "3.5 thousand tonnes", s(3500.0), s(3500.0), Exact),
        ("Tickets sold out at 5k a night.", "5k", s(5000.0), s(5000.0), Exact),
        ("The city has 1,234,567 residents.", "1,234,567", s(1_234_567.0), s(1_234_567.0), Exact),
        ("A crowd of 40 000 gathered.", "40 000", s(40_000.0), s(40_000.0), Exact),
        ("Inflation was 0.5 points higher.", "0.5", s(0.5), s(0.5), Exact),
        ("Temperatures fell to -5 overnight.", "-5", s(-5.0), s(-5.0), Exact),
        ("The index closed at −12.5.", "−12.5", s(-12.5), s(-12.5), Exact),
        ("The budget is 2bn for defence.", "2bn", s(2e9), s(2e9), Exact),
        ("Russia fired 10 mln rounds.", "10 mln", s(1e7), s(1e7), Exact),
        ("Eight thousand troops crossed.", "Eight thousand", s(8000.0), s(8000.0), Exact),
        ("Twenty-six people died in the crash.", "Twenty-six", s(26.0), s(26.0), Exact),
        ("He served one hundred and five days.", "one hundred and five", s(105.0), s(105.0), Exact),
        ("It cost three hundred thousand dollars.", "three hundred thousand dollars", s(300_000.0), s(300_000.0), Exact),
        ("They arrested a dozen men.", "a dozen", s(12.0), s(12.0), Exact),
        ("Half a dozen drones were downed.", "Half a dozen", s(6.0), s(6.0), Exact),
        ("Only a half of the aid arrived.", "a half", s(0.5), s(0.5), Exact),
        ("Three quarters of voters agreed.", "Three quarters", s(0.75), s(0.75), Exact),
        ("Two thirds of the budget went on arms.", "Two thirds", s(2.0 / 3.0), s(2.0 / 3.0), Exact),
        ("one hundred thirty two fifths", "one hundred thirty two fifths", s(26.4), s(26.4), Exact),
        ("Four and a half million people voted.", "Four and a half million", s(4.5e6), s(4.5e6), Exact),
        ("About 1 in 5 adults smoke.", "About 1 in 5", s(0.18), s(0.22), Approx),
        ("a quarter of a million refugees", "a quarter of a million", s(250_000.0), s(250_000.0), Exact),
        ("Half a million people fled.", "Half a million", s(500_000.0), s(500_000.0), Exact),
        ("The vote was 2½ times larger.", "2½", s(2.5), s(2.5), Exact),
        ("The notes pay 12 3/4% interest.", "12 3/4%", s(12.75), s(12.75), Exact),
        ("The plant employs 1,200 workers.", "1,200", s(1200.0), s(1200.0), Exact),
        ("A total of 650,000 was offered.", "650,000", s(650_000.0), s(650_000.0), Exact),
        ("Exactly 300 ballots were spoiled.", "Exactly 300", s(300.0), s(300.0), Exact),
        ("India's population is 1,41,40,21,100.", "1,41,40,21,100", s(1_414_021_100.0), s(1_414_021_100.0), Exact),
        ("China's population is 1 414 021 100.", "1 414 021 100", s(1_414_021_100.0), s(1_414_021_100.0), Exact),
        ("The loan was 13 lakh rupees.", "13 lakh rupees", s(1.3e6), s(1.3e6), Exact),
        ("Zero casualties were reported.", "Zero", s(0.0), s(0.0), Exact),
        // Approximate.
        ("About 8,000 soldiers were sent.", "About 8,000", s(7200.0), s(8800.0), Approx),
        ("around 11,000 troops", "around 11,000", s(9900.0), s(12100.0), Approx),
        ("approximately 500 officers", "approximately 500", s(450.0), s(550.0), Approx),
        ("roughly 40 tanks", "roughly 40", s(36.0), s(44.0), Approx),
        ("some 50 inspectors", "some 50", s(45.0), s(55.0), Approx),
        ("an estimated 2,000 civilians", "an estimated 2,000", s(1800.0), s(2200.0), Approx),
        ("estimated 2,000 civilians", "estimated 2,000", s(1800.0), s(2200.0), Approx),
        ("circa 300 vessels", "circa 300", s(270.0), s(330.0), Approx),
        ("~300 vessels", "~300", s(270.0), s(330.0), Approx),
        ("in the region of 700 jobs", "in the region of 700", s(630.0), s(770.0), Approx),
        ("on the order of 10,000 drones", "on the order of 10,000", s(9000.0), s(11000.0), Approx),
        ("20 or so protesters", "20 or so", s(18.0), s(22.0), Approx),
        ("about $60 million in sales", "about $60 million", s(54e6), s(66e6), Approx),
        ("about 27% of the market", "about 27%", s(24.3), s(29.7), Approx),
        ("Roughly half of the force", "Roughly half", s(0.45), s(0.55), Approx),
        // Just under or nearly.
        ("nearly 12,000 military personnel", "nearly 12,000", s(10800.0), s(12000.0), Upper),
        ("almost 300 people", "almost 300", s(270.0), s(300.0), Upper),
        ("close to 100 drones", "close to 100", s(90.0), s(100.0), Upper),
        ("just under 5% of the shares", "just under 5%", s(4.5), s(5.0), Upper),
        ("just shy of 1,000 votes", "just shy of 1,000", s(900.0), s(1000.0), Upper),
        ("nearly half the company's assets", "nearly half", s(0.45), s(0.5), Upper),
        ("almost $472 million", "almost $472 million", s(424.8e6), s(472e6), Upper),
        // Just over.
        ("just over 200 seats", "just over 200", s(200.0), s(220.0), Lower),
        ("slightly more than 40 ships", "slightly more than 40", s(40.0), s(44.0), Lower),
        // Up to.
        ("up to 30,000 soldiers", "up to 30,000", s(0.0), s(30000.0), Upper),
        ("as many as 8,000 North Korean troops", "as many as 8,000", s(0.0), s(8000.0), Upper),
        ("as much as $5 billion", "as much as $5 billion", s(0.0), s(5e9), Upper),
        ("up to $90 million in loans", "up to $90 million", s(0.0), s(9e7), Upper),
        // At most: open low.
        ("at most 100 apples", "at most 100", N, s(100.0), Upper),
        ("no more than sixty days", "no more than sixty", N, s(60.0), Upper),
        ("not more than 12 hours", "not more than 12", N, s(12.0), Upper),
        ("fewer than a thousand pandas", "fewer than a thousand", N, s(1000.0), Upper),
        ("less than $4 million", "less than $4 million", N, s(4e6), Upper),
        ("under 40% of the market", "under 40%", N, s(40.0), Upper),
        ("below 170 centimetres", "below 170 centimetres", N, s(170.0), Upper),
        ("500 or less in damages", "500 or less", N, s(500.0), Upper),
        ("200 or fewer staff", "200 or fewer", N, s(200.0), Upper),
        ("values <= 100", "<= 100", N, s(100.0), Upper),
        ("x < 20", "< 20", N, s(20.0), Upper),
        ("a maximum of 50 people", "a maximum of 50", N, s(50.0), Upper),
        ("less than or equal to 40", "less than or equal to 40", N, s(40.0), Upper),
        // At least: open high.
        ("at least 8,000 North Korean soldiers", "at least 8,000", s(8000.0), N, Lower),
        ("more than 200 people", "more than 200", s(200.0), N, Lower),
        ("over 10,000 troops", "over 10,000", s(10000.0), N, Lower),
        ("upwards of 5,000 men", "upwards of 5,000", s(5000.0), N, Lower),
        ("above 10% of the shares", "above 10%", s(10.0), N, Lower),
        ("exceeding 150 horsepower", "exceeding 150", s(150.0), N, Lower),
        ("10,000+ North Korean troops", "10,000+", s(10000.0), N, Lower),
        ("30% or more of the vote", "30% or more", s(30.0), N, Lower),
        ("values > 30", "> 30", s(30.0), N, Lower),
        ("values >= 30", ">= 30", s(30.0), N, Lower),
        ("in excess of $1 billion", "in excess of $1 billion", s(1e9), N, Lower),
        ("no fewer than 12 ships", "no fewer than 12", s(12.0), N, Lower),
        ("a minimum of 3 years", "a minimum of 3", s(3.0), N, Lower),
        ("more than a dozen attempts", "more than a dozen", s(12.0), N, Lower),
        ("more than half of voters", "more than half", s(0.5), N, Lower),
        ("well over 1,000 flights", "well over 1,000", s(1000.0), N, Lower),
        ("greater than or equal to 50", "greater than or equal to 50", s(50.0), N, Lower),
        ("5,000 and above", "5,000 and above", s(5000.0), N, Lower),
        ("more than one-third this year", "more than one-third", s(1.0 / 3.0), N, Lower),
        ("At least one of the sites", "At least one", s(1.0), N, Lower),
        // Orders of magnitude.
        ("tens of thousands of soldiers", "tens of thousands", s(20_000.0), s(99_999.0), Magnitude),
        ("thousands of troops", "thousands", s(2000.0), s(9999.0), Magnitude),
        ("hundreds of civilians", "hundreds", s(200.0), s(999.0), Magnitude),
        ("dozens of agents", "dozens", s(24.0), s(99.0), Magnitude),
        ("hundreds of thousands of people", "hundreds of thousands", s(200_000.0), s(999_999.0), Magnitude),
        ("millions of refugees", "millions", s(2e6), s(9.99e6), Magnitude),
        ("Tens of thousands rallied", "Tens of thousands", s(20_000.0), s(99_999.0), Magnitude),
        ("several hundred missiles", "several hundred", s(200.0), s(999.0), Magnitude),
        ("a few thousand volunteers", "a few thousand", s(2000.0), s(9999.0), Magnitude),
        ("at least tens of thousands of troops", "at least tens of thousands", s(20_000.0), N, Lower),
        ("up to thousands of drones", "up to thousands", s(0.0), s(9999.0), Upper),
        // Ranges.
        ("an additional 25,000–30,000 soldiers", "25,000–30,000", s(25_000.0), s(30_000.0), Range),
        ("between 10,000 and 12,000 troops", "between 10,000 and 12,000", s(10_000.0), s(12_000.0), Range),
        ("from 200 to 300 vehicles", "from 200 to 300", s(200.0), s(300.0), Range),
        ("11,000-12,000 soldiers", "11,000-12,000", s(11_000.0), s(12_000.0), Range),
        ("5k-20k per unit", "5k-20k", s(5000.0), s(20_000.0), Range),
        ("20~100 apples", "20~100", s(20.0), s(100.0), Range),
        ("25,000 to 30,000 troops", "25,000 to 30,000", s(25_000.0), s(30_000.0), Range),
        ("1000 – 5000 units", "1000 – 5000", s(1000.0), s(5000.0), Range),
        ("$5-10 million in aid", "$5-10 million", s(5e6), s(1e7), Range),
        ("between 5 and 10 per cent", "between 5 and 10 per cent", s(5.0), s(10.0), Range),
        ("two or three days", "two or three", s(2.0), s(3.0), Range),
        ("between $35 and $55 a night", "between $35 and $55", s(35.0), s(55.0), Range),
        ("from $1 billion to $1.2 billion", "from $1 billion to $1.2 billion", s(1e9), s(1.2e9), Range),
        ("more than 10 and less than 20 shells", "more than 10 and less than 20", s(10.0), s(20.0), Range),
        ("at most 100 and at least 20 apples", "at most 100 and at least 20", s(20.0), s(100.0), Range),
        ("above 1000 and below 1500", "above 1000 and below 1500", s(1000.0), s(1500.0), Range),
        ("between negative ten and fifteen", "between negative ten and fifteen", s(-10.0), s(15.0), Range),
        ("10-12% of the vote", "10-12%", s(10.0), s(12.0), Range),
        ("150 to 175 pounds", "150 to 175 pounds", s(150.0), s(175.0), Range),
        ("between the tenth and the fifteenth", "between the tenth and the fifteenth", s(10.0), s(15.0), Range),
        ("20 through 100", "20 through 100", s(20.0), s(100.0), Range),
        // Money, percent, units, rates.
        ("Google $2.5 Decillion fine", "$2.5 Decillion", s(2.5e33), s(2.5e33), Exact),
        ("a €3 billion package", "€3 billion", s(3e9), s(3e9), Exact),
        ("2.5 billion dollars in aid", "2.5 billion dollars", s(2.5e9), s(2.5e9), Exact),
        ("US$6.3 billion in sales", "US$6.3 billion", s(6.3e9), s(6.3e9), Exact),
        ("C$900 million in assets", "C$900 million", s(9e8), s(9e8), Exact),
        ("4.7 billion francs", "4.7 billion francs", s(4.7e9), s(4.7e9), Exact),
        ("12% of voters", "12%", s(12.0), s(12.0), Exact),
        ("12 per cent of voters", "12 per cent", s(12.0), s(12.0), Exact),
        ("twelve percent of voters", "twelve percent", s(12.0), s(12.0), Exact),
        ("a rise of 2 percentage points", "2 percentage points", s(2.0), s(2.0), Exact),
        ("a 130 km front", "130 km", s(130.0), s(130.0), Exact),
        ("a 29km road", "29km", s(29.0), s(29.0), Exact),
        ("1,200 casualties per day", "1,200", s(1200.0), s(1200.0), Exact),
        ("four flights a week", "four", s(4.0), s(4.0), Exact),
        ("$1 billion a year in remittances", "$1 billion", s(1e9), s(1e9), Exact),
        // Ordinals.
        ("the third round of talks", "third", s(3.0), s(3.0), Exact),
        ("the 10th brigade", "10th", s(10.0), s(10.0), Exact),
        ("the twenty-first session", "twenty-first", s(21.0), s(21.0), Exact),
        ("the 455th person on the list", "455th", s(455.0), s(455.0), Exact),
        // Things that look like years or labels but are amounts.
        ("more than 30000 in 2009", "more than 30000", s(30000.0), N, Lower),
        ("less than 3000 in 2009", "less than 3000", N, s(3000.0), Upper),
        ("They paid $2000 for it.", "$2000", s(2000.0), s(2000.0), Exact),
        ("2000 over 3", "2000 over 3", s(2000.0 / 3.0), s(2000.0 / 3.0), Exact),
        ("I want to earn $2000 over 3 years", "3", s(3.0), s(3.0), Exact),
        ("He is over thirty years old.", "over thirty", s(30.0), N, Lower),
        ("Let's try one last time", "one", s(1.0), s(1.0), Exact),
        ("192.", "192", s(192.0), s(192.0), Exact),
        (".08", ".08", s(0.08), s(0.08), Exact),
        ("1e10", "1e10", s(1e10), s(1e10), Exact),
        ("1.3x10^6", "1.3x10^6", s(1.3e6), s(1.3e6), Exact),
        ("The number is 1,3.", "1,3", s(1.3), s(1.3), Exact),
        ("12,34,567.89", "12,34,567.89", s(1_234_567.89), s(1_234_567.89), Exact),
        ("nought point nought three", "nought point nought three", s(0.03), s(0.03), Exact),
        ("minus five point five", "minus five point five", s(-5.5), s(-5.5), Exact),
        ("one over three", "one over three", s(1.0 / 3.0), s(1.0 / 3.0), Exact),
        ("two out of five hundred tvs", "two out of five hundred", s(0.004), s(0.004), Exact),
        ("4 thousand 3 hundred and 21", "4 thousand 3 hundred and 21", s(4321.0), s(4321.0), Exact),
        ("three lakh crore", "three lakh crore", s(3e12), s(3e12), Exact),
        ("Prakash Shah, 58, a former ambassador", "58", s(58.0), s(58.0), Exact),
        ("the 1,500 troops", "1,500", s(1500.0), s(1500.0), Exact),
        ("about 2000 people", "about 2000", s(1800.0), s(2200.0), Approx),
        ("ca. 300 vessels", "ca. 300", s(270.0), s(330.0), Approx),
        ("approx. 300 vessels", "approx. 300", s(270.0), s(330.0), Approx),
        ("as high as 40%", "as high as 40%", s(0.0), s(40.0), Upper),
        ("more or less 100 men", "more or less 100", s(90.0), s(110.0), Approx),
        ("about 500 or more", "about 500 or more", s(500.0), N, Lower),
        ("between 800 and 1.2 million", "between 800 and 1.2 million", s(800.0), s(1.2e6), Range),
        ("its twenty-first birthday", "twenty-first", s(21.0), s(21.0), Exact),
        // A change states two values, not a range.
        ("Shares fell $1.625 to $108.625.", "$108.625", s(108.625), s(108.625), Exact),
        ("Troops rose from 200 to 300.", "300", s(300.0), s(300.0), Exact),
        ("The toll increased from 1,000 to 1,500 in a week.", "1,000", s(1000.0), s(1000.0), Exact),
        ("Shell eased 1 to 416 on turnover.", "416", s(416.0), s(416.0), Exact),
        ("a bid of 470 pence a share", "470 pence", s(470.0), s(470.0), Exact),
        ("through at least the first two quarters", "first", s(1.0), s(1.0), Exact),
        ("higher than the tenth but lower than the fifteenth", "higher than the tenth but lower than the fifteenth", s(10.0), s(15.0), Range),
        // Times that are not rates.
        ("He left 500 troops a year ago.", "500", s(500.0), s(500.0), Exact),
        ("killed 4,000 people, or 25% of the staff", "25%", s(25.0), s(25.0), Exact),
    ]
}

/// `(input, a substring that must not be covered by any quantity)`.
#[rustfmt::skip]
fn negatives() -> Vec<(&'static str, &'static str)> {
    vec![
        ("Troops arrived in 2024 and left.", "2024"),
        ("2024: North Korea sends troops", "2024"),
        ("On June 4, 2025, they met.", "2025"),
        ("On June 4, 2025, they met.", "4"),
        ("Kim visited on November 29th.", "29th"),
        ("Signed Nov. 29, 2024.", "29"),
        ("Signed Nov. 29, 2024.", "2024"),
        ("on 29 November the talks resumed", "29"),
        ("the 29th of November", "29th"),
        ("the May 4th meeting", "4th"),
        ("The meeting began at 10:30.", "10:30"),
        ("They left at 3 pm.", "3"),
        ("They left at 4 a.m. local time.", "4"),
        ("Article 4 of the treaty", "4"),
        ("Article 51 of the UN Charter", "51"),
        ("Articles 4 and 5 apply.", "5"),
        ("UN Resolution 2231 lapsed.", "2231"),
        ("the Hwasong-19 missile", "19"),
        ("Su-57 fighters", "57"),
        ("F-16s arrived", "16"),
        ("the G7 summit", "7"),
        ("COVID-19 spread", "19"),
        ("1. Strengthening ties", "1"),
        ("\n2. Geopolitical shifts", "2"),
        ("Call +1-222-2222-2222 now.", "222"),
        ("My phone number is +44 20 7946 0958", "7946"),
        ("1995-01", "1995"),
        ("The date 2024-11-29 was set.", "11"),
        ("Any time to meet on 5/17/2018?", "17"),
        ("The one who left", "one"),
        ("That one is good", "one"),
        ("Which one do you prefer?", "one"),
        ("a first class seat", "first"),
        ("an apple", "an"),
        ("a third-quarter report", "third"),
        ("a third party escort", "third"),
        ("in the 1990s", "1990"),
        ("the 20th century", "20th"),
        ("5G networks", "5"),
        ("in mid-2024 the war", "2024"),
        ("Atlanta nineteen ninety-six", "ninety"),
        ("Navigation Mixte's 1989 profit", "1989"),
        ("the 1992 protests", "1992"),
        ("2010–2015 was a period", "2010"),
        ("No. 10 Downing Street", "10"),
        ("team no. 225 made", "225"),
        ("<>30", "<>"),
        ("The raid began at 0800 GMT.", "0800"),
        ("They landed at 4 in the morning.", "4"),
        ("built in nineteen oh five", "nineteen"),
        ("an IBM PS/2 computer", "2"),
    ]
}

fn find<'q>(qs: &'q [Quantity], text: &str) -> Option<&'q Quantity> {
    qs.iter().find(|q| q.text == text)
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn news_rows() {
    let rows = rows();
    assert!(
        rows.len() >= 150,
        "the table should keep at least 150 rows, has {}",
        rows.len()
    );
    let mut bad = Vec::new();
    for (input, text, low, high, hedge) in &rows {
        let qs = find_quantities(input);
        match find(&qs, text) {
            Some(q)
                if close(q.interval.low(), *low)
                    && close(q.interval.high(), *high)
                    && q.hedge == *hedge => {}
            got => bad.push(format!(
                "{input:?}: want {text:?} [{low:?}, {high:?}] {hedge:?}; got {:?}; all: {:?}",
                got.map(|q| (q.interval.low(), q.interval.high(), q.hedge)),
                qs.iter().map(|q| q.text.as_str()).collect::<Vec<_>>()
            )),
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} rows wrong:\n{}",
        bad.len(),
        rows.len(),
        bad.join("\n")
    );
}

#[test]
fn not_quantities() {
    let mut bad = Vec::new();
    for (input, needle) in negatives() {
        let at = input
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {input:?}"));
        let end = at + needle.len();
        let qs = find_quantities(input);
        if let Some(q) = qs
            .iter()
            .find(|q| q.span.start() < end && at < q.span.end())
        {
            bad.push(format!("{input:?}: {needle:?} is covered by {:?}", q.text));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn kinds_and_units() {
    let rows: &[(&str, &str, QuantityKind, Option<&str>)] = &[
        (
            "a €3 billion package",
            "€3 billion",
            QuantityKind::Money,
            Some("EUR"),
        ),
        (
            "Google $2.5 Decillion fine",
            "$2.5 Decillion",
            QuantityKind::Money,
            Some("USD"),
        ),
        (
            "2.5 billion dollars in aid",
            "2.5 billion dollars",
            QuantityKind::Money,
            Some("USD"),
        ),
        (
            "12 per cent of voters",
            "12 per cent",
            QuantityKind::Percent,
            Some("%"),
        ),
        ("12% of voters", "12%", QuantityKind::Percent, Some("%")),
        (
            "1,200 casualties per day",
            "1,200",
            QuantityKind::Rate,
            Some("/day"),
        ),
        (
            "$1 billion a year",
            "$1 billion",
            QuantityKind::Rate,
            Some("USD/year"),
        ),
        ("a 130 km front", "130 km", QuantityKind::Count, Some("km")),
        ("the third round", "third", QuantityKind::Ordinal, None),
        ("the 10th brigade", "10th", QuantityKind::Ordinal, None),
        ("8,000 soldiers", "8,000", QuantityKind::Count, None),
        (
            "Bids of 1,850 francs",
            "1,850 francs",
            QuantityKind::Money,
            Some("CHF"),
        ),
        (
            "10-12% of the vote",
            "10-12%",
            QuantityKind::Percent,
            Some("%"),
        ),
    ];
    let mut bad = Vec::new();
    for (input, text, kind, unit) in rows {
        let qs = find_quantities(input);
        match find(&qs, text) {
            Some(q) if q.kind == *kind && q.unit.as_deref() == *unit => {}
            got => bad.push(format!(
                "{input:?}: want {kind:?} {unit:?}, got {:?}",
                got.map(|q| (q.kind, q.unit.clone()))
            )),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn invariants_hold_on_odd_text() {
    // Spans are inside the text, on char boundaries, sorted, non-overlapping; low <= high.
    let texts = [
        "",
        "-",
        "+",
        "a",
        "1",
        "½",
        "—5",
        "5—",
        "$",
        "1,",
        ",1",
        "1.",
        "1..2",
        "1e",
        "1e+",
        "^2",
        "2^",
        "x10^",
        "one and",
        "and one",
        "half",
        "a half a",
        "between 5 and",
        "from 1 to",
        "10,000+ +",
        "≥≤<>=",
        "Ünïcödé 5 ünits – 6 ½",
        "1\u{202f}234\u{a0}567",
        "𝟙𝟚𝟛 123",
        "- - 1 - - 2",
        "minus minus one",
    ];
    for t in texts {
        let qs = find_quantities(t);
        let mut last_end = 0;
        for q in &qs {
            assert!(
                q.span.start() >= last_end,
                "{t:?}: overlapping {:?}",
                q.text
            );
            assert!(
                t.get(q.span.start()..q.span.end()) == Some(q.text.as_str()),
                "{t:?}: bad span"
            );
            if let (Some(l), Some(h)) = (q.interval.low(), q.interval.high()) {
                assert!(l <= h);
            }
            last_end = q.span.end();
        }
    }
}

#[test]
fn time_grows_linearly_with_text() {
    // A long document made of repeated news sentences must not take quadratic time: compare
    // 1x and 8x the text; a generous factor absorbs noise on a shared machine.
    let para = "On June 4, 2025, about 8,000 soldiers and 1.2 million shells arrived; \
                between 10,000 and 12,000 troops, tens of thousands of people, 25%.\n\
                1. Article 51 applies to one hundred and five of the 10th brigade's men.\n";
    let small = para.repeat(200);
    let big = para.repeat(1600);
    let time = |t: &str| {
        let start = std::time::Instant::now();
        let n = find_quantities(t).len();
        (start.elapsed().as_secs_f64(), n)
    };
    let (_, _) = time(&small);
    let (ts, ns) = time(&small);
    let (tb, nb) = time(&big);
    assert_eq!(nb, ns * 8);
    assert!(tb < ts * 8.0 * 4.0 + 0.05, "small {ts:.4}s, big {tb:.4}s");
}

#[test]
fn no_panic_on_noise() {
    // Random strings from pieces that stress the lexer: digits, separators, multi-byte
    // characters, number words and hedges. A small linear congruential generator keeps the
    // test deterministic without a dependency.
    let pieces = [
        "1",
        "0",
        "9",
        ",",
        ".",
        "-",
        "–",
        "−",
        "/",
        ":",
        "+",
        "%",
        "$",
        "€",
        "£",
        "^",
        "e",
        "x",
        " ",
        "\n",
        "½",
        "é",
        "’",
        "'",
        "k",
        "m",
        "bn",
        "th",
        "s",
        "one",
        "hundred",
        "and",
        "a",
        "half",
        "thirds",
        "point",
        "over",
        "in",
        "out of",
        "minus",
        "between",
        "to",
        "more than",
        "up to",
        "thousands",
        "of",
        "the",
        "May",
        "2024",
        "Article",
        "Su",
        "\u{202f}",
        "\u{a0}",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut t = String::new();
        for _ in 0..12 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        for q in find_quantities(&t) {
            assert_eq!(
                t.get(q.span.start()..q.span.end()),
                Some(q.text.as_str()),
                "{t:?}"
            );
        }
    }
}
