//! The readable one-line key of a claim's subject, stored as `claims.subject_key` so that an
//! analyst can filter and group claims in plain SQL without parsing JSON.

use claims_model::Subject;

/// The readable key of a subject.
///
/// - Group: `"{owner} {category}"`, or just the category (`"North Korea troops"`, `"casualties"`);
/// - Event: `"{event}: {participants joined by ', '}"`, plus `" @ {place}"` when the place is
///   known (`"visit: Vladimir Putin, North Korea @ North Korea"`);
/// - Article: `"{instrument} Article {n}"`.
pub fn subject_key(subject: &Subject) -> String {
    match subject {
        Subject::Group {
            owner: Some(owner),
            category,
        } => format!("{owner} {category}"),
        Subject::Group {
            owner: None,
            category,
        } => category.clone(),
        Subject::Event {
            event,
            participants,
            place,
        } => {
            let mut key = format!("{}: {}", event.as_str(), participants.join(", "));
            if let Some(place) = place {
                key.push_str(" @ ");
                key.push_str(place);
            }
            key
        }
        Subject::Article {
            instrument,
            article,
        } => format!("{instrument} Article {article}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claims_model::EventType;

    #[test]
    fn keys_read_as_documented() {
        let s = |s: &str| s.to_string();
        let table = [
            (
                Subject::Group {
                    owner: Some(s("North Korea")),
                    category: s("troops"),
                },
                "North Korea troops",
            ),
            (
                Subject::Group {
                    owner: None,
                    category: s("casualties"),
                },
                "casualties",
            ),
            (
                Subject::Event {
                    event: EventType::Visit,
                    participants: vec![s("Vladimir Putin"), s("North Korea")],
                    place: Some(s("North Korea")),
                },
                "visit: Vladimir Putin, North Korea @ North Korea",
            ),
            (
                Subject::Event {
                    event: EventType::Signing,
                    participants: vec![s("Russia")],
                    place: None,
                },
                "signing: Russia",
            ),
            (
                Subject::Article {
                    instrument: s("Comprehensive Strategic Partnership Treaty"),
                    article: 4,
                },
                "Comprehensive Strategic Partnership Treaty Article 4",
            ),
        ];
        for (subject, expected) in table {
            assert_eq!(subject_key(&subject), expected, "{subject:?}");
        }
    }
}
