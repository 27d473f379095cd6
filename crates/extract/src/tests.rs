//! Table-driven tests of the extractor on short news sentences written for these tests.

use claims_model::{ClaimKind, ClaimValue, EntityKind, EventType, Modality, Subject};
use jiff::civil::date;

use crate::{extract, Options};

/// (owner, category, attribute, low, high, scope, modality) of a count claim.
type CountRow = (
    Option<String>,
    String,
    String,
    Option<f64>,
    Option<f64>,
    Option<String>,
    Modality,
);
/// The same with borrowed category and attribute, as written in a table.
type CountSpec<'a> = (
    Option<String>,
    &'a str,
    &'a str,
    Option<f64>,
    Option<f64>,
    Option<String>,
    Modality,
);

fn run(text: &str) -> claims_model::Extraction {
    extract(
        text,
        0,
        &Options {
            reference_date: Some(date(2024, 11, 29)),
            ..Options::default()
        },
    )
}

fn people(text: &str) -> Vec<(String, String)> {
    run(text)
        .entities
        .into_iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| (e.text, e.name))
        .collect()
}

#[test]
fn people_with_titles_korean_shapes_and_back_references() {
    let rows: &[(&str, &[(&str, &str)])] = &[
        (
            "North Korean Defense Minister Nur Gwangtie met him.",
            &[("Nur Gwangtie", "Nur Gwangtie")],
        ),
        (
            "On Friday, Kim Jong un met the envoy.",
            &[("Kim Jong un", "Kim Jong un")],
        ),
        (
            "Sergey Lavrov arrived. Later, Lavrov said no.",
            &[
                ("Sergey Lavrov", "Sergey Lavrov"),
                ("Lavrov", "Sergey Lavrov"),
            ],
        ),
        (
            "Choe Son Hui spoke. Choe stated it again.",
            &[("Choe Son Hui", "Choe Son Hui"), ("Choe", "Choe Son Hui")],
        ),
        (
            "Zelensky, the President of Ukraine, warned allies.",
            &[("Zelensky", "Zelensky")],
        ),
        (
            "Marta Kowalczyk responded that the talks failed.",
            &[("Marta Kowalczyk", "Marta Kowalczyk")],
        ),
        (
            "Geopolitical Relationships: Deepening Ties Between Them",
            &[],
        ),
        ("Reports suggest the troops have not yet fought.", &[]),
    ];
    for (text, expected) in rows {
        let got = people(text);
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "for {text:?}");
    }
}

#[test]
fn roles_come_from_titles_before_and_appositions_after() {
    let x = run("Russian Defense Minister Belousov met Zelensky, the President of Ukraine.");
    let roles: Vec<(String, Option<String>, Option<String>)> = x
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| {
            (
                e.text.clone(),
                e.role.as_ref().map(|r| r.office.clone()),
                e.role.as_ref().and_then(|r| r.country.clone()),
            )
        })
        .collect();
    assert_eq!(
        roles,
        [
            (
                "Belousov".to_string(),
                Some("defense minister".to_string()),
                Some("Russia".to_string())
            ),
            (
                "Zelensky".to_string(),
                Some("president".to_string()),
                Some("Ukraine".to_string())
            ),
        ]
    );
}

fn counts(text: &str) -> Vec<CountRow> {
    run(text)
        .claims
        .into_iter()
        .filter(|c| c.kind == ClaimKind::Count)
        .map(|c| {
            let Subject::Group { owner, category } = c.subject else {
                unreachable!()
            };
            let ClaimValue::Quantity { interval, .. } = c.value else {
                unreachable!()
            };
            (
                owner,
                category,
                c.attribute,
                interval.low(),
                interval.high(),
                c.scope.map(|s| s.place),
                c.modality,
            )
        })
        .collect()
}

#[test]
fn counts_with_owner_place_and_modality() {
    let nk = Some("North Korea".to_string());
    let kursk = Some("Kursk Oblast".to_string());
    let rows: Vec<(&str, Vec<CountSpec>)> = vec![
        (
            "As many as 8,000 North Korean soldiers are stationed in Russia’s Kursk region.",
            vec![(nk.clone(), "troops", "count", Some(0.0), Some(8000.0), kursk.clone(), Modality::Asserted)],
        ),
        (
            "At least 8,000 North Korean troops are stationed in Russia's Kursk Oblast, officials said.",
            vec![(nk.clone(), "troops", "count", Some(8000.0), None, kursk.clone(), Modality::Reported)],
        ),
        (
            "If over 10,000 troops from North Korea are fighting, it would matter.",
            vec![(nk.clone(), "troops", "count", Some(10000.0), None, None, Modality::Hypothetical)],
        ),
        (
            "North Korea sends 1,000 deminers and 5,000 military builders to the Kursk region.",
            vec![
                // Both groups are sent "to the Kursk region".
                (nk.clone(), "deminers", "count", Some(1000.0), Some(1000.0), kursk.clone(), Modality::Asserted),
                (nk.clone(), "builders", "count", Some(5000.0), Some(5000.0), kursk.clone(), Modality::Asserted),
            ],
        ),
        (
            "North Korea confirms deploying additional 25,000–30,000 soldiers, bringing the total number of North Korean troops to about 11,000.",
            vec![
                // "confirms" reports what North Korea says.
                (nk.clone(), "troops", "added", Some(25000.0), Some(30000.0), None, Modality::Reported),
                (nk.clone(), "troops", "total", Some(9900.0), Some(12100.0), None, Modality::Reported),
            ],
        ),
    ];
    for (text, want) in rows {
        let want: Vec<_> = want
            .into_iter()
            .map(|(o, c, a, l, h, s, m)| (o, c.to_string(), a.to_string(), l, h, s, m))
            .collect();
        assert_eq!(counts(text), want, "for {text:?}");
    }
}

#[test]
fn a_part_of_a_counted_group_is_a_subset() {
    let got =
        counts("Ukraine says 1,200 North Korean soldiers were wounded, of whom 300 were killed.");
    let attrs: Vec<(&str, Option<f64>)> = got.iter().map(|c| (c.2.as_str(), c.3)).collect();
    assert_eq!(attrs, [("count", Some(1200.0)), ("subset", Some(300.0))]);
}

#[test]
fn an_unowned_count_takes_the_owner_the_document_talks_about() {
    let x = run("North Korean troops are in Russia. North Korean troops train daily. The deployment of tens of thousands of troops to the Kursk region continues.");
    let c = x
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Count)
        .expect("a count");
    assert_eq!(
        c.subject,
        Subject::Group {
            owner: Some("North Korea".into()),
            category: "troops".into()
        }
    );
    assert_eq!(c.inferred, vec![claims_model::Inference::OwnerFromDocument]);
}

fn events(text: &str) -> Vec<(EventType, Vec<String>, Option<String>, String)> {
    run(text)
        .claims
        .into_iter()
        .filter(|c| c.kind == ClaimKind::Event)
        .map(|c| {
            let Subject::Event {
                event,
                participants,
                place,
            } = c.subject
            else {
                unreachable!()
            };
            let ClaimValue::Date { value, .. } = c.value else {
                unreachable!()
            };
            (event, participants, place, value)
        })
        .collect()
}

#[test]
fn dated_events_with_participants() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        events("In June 2024, Putin visited North Korea."),
        [(
            EventType::Visit,
            s(&["Putin"]),
            Some("North Korea".into()),
            "2024-06".into()
        )]
    );
    assert_eq!(
        events("November 2024: North Korea and Russia officially sign a military deal during a rare visit by Russian President Vladimir Putin to North Korea."),
        [
            (EventType::Signing, s(&["North Korea", "Russia"]), None, "2024-11".into()),
            (EventType::Visit, s(&["Vladimir Putin"]), Some("North Korea".into()), "2024-11".into()),
        ]
    );
    let r =
        events("In early November 2024, North Korea and Russia respectively ratified the Treaty.");
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|e| e.0 == EventType::Ratification));
    // An event described elsewhere ("This meeting") is not dated by an unrelated date.
    assert!(events("This meeting follows talks in 2023.")
        .iter()
        .all(|e| e.0 != EventType::Meeting));
}

#[test]
fn treaty_articles_name_their_instrument() {
    let x = run("The two sides signed the Comprehensive Strategic Partnership Treaty. Article 4 of the Treaty stipulates: help in accordance with Article 51 of the Charter of the United Nations.");
    let subjects: Vec<Subject> = x
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Article)
        .map(|c| c.subject.clone())
        .collect();
    assert_eq!(
        subjects,
        [
            Subject::Article {
                instrument: "Comprehensive Strategic Partnership Treaty".into(),
                article: 4
            },
            Subject::Article {
                instrument: "Charter of the United Nations".into(),
                article: 51
            },
        ]
    );
}

#[test]
fn every_span_is_a_real_slice_of_the_text() {
    let text = "Russia’s “Kursk” region — 8,000 troops; Kim Jong-un met Lavrov on Nov. 29, 2024.";
    let x = run(text);
    for c in &x.claims {
        assert_eq!(&text[c.span.start()..c.span.end()], c.quote);
    }
    for e in &x.entities {
        assert_eq!(&text[e.span.start()..e.span.end()], e.text);
    }
}
