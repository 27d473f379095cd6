//! Fixtures shared by the store's integration tests: two small news reports about the same
//! events, with their extractions built by hand from claims_model types (the extractor is a
//! different crate; the store must not depend on it).

#![allow(dead_code)]

use claims_model::{
    Claim, ClaimKind, ClaimValue, DateInterval, EntityKind, EntityMention, EventType, Extraction,
    Finding, FindingClaim, FindingKind, Granularity, Hedge, Inference, Interval, Modality,
    Quantity, QuantityKind, Role, Scope, Severity, Span, Subject, TimeMention, TimeType,
};
use claims_store::{CorrectionKind, NewCorrection, NewDocument, NewEntity, Store};
use jiff::civil::date;

pub const PATH_A: &str = "reports/kyiv-2024-11-05.txt";
pub const PATH_B: &str = "reports/wire-2024-11-08.txt";

pub const TEXT_A: &str =
    "Ukraine’s military intelligence said about 11,000 North Korean troops were in Kursk Oblast. \
Vladimir Putin visited North Korea in June 2024.";

pub const TEXT_B: &str =
    "Antony Blinken said as many as 3,000 North Korean troops had moved to Kursk. \
Putin met North Korean Defense Minister No Kwang Chol in Moscow. \
Article 4 of the treaty obliges each side to give military assistance.";

/// The byte span of the first occurrence of `needle` in `text`.
pub fn span(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in fixture text"));
    Span::new(start, start + needle.len()).expect("forward span")
}

/// Spans of the sentences of `text`, split after ". ".
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push(Span::new(start, i + 1).expect("forward"));
        start = i + 2;
    }
    out.push(Span::new(start, text.len()).expect("forward"));
    out
}

pub fn mention(
    text: &str,
    surface: &str,
    kind: EntityKind,
    name: &str,
    role: Option<Role>,
) -> EntityMention {
    EntityMention {
        span: span(text, surface),
        text: surface.to_string(),
        kind,
        name: name.to_string(),
        role,
    }
}

fn troops(
    text: &str,
    phrase: &str,
    interval: Interval,
    hedge: Hedge,
    place: &str,
    by: &str,
    quote: &str,
) -> Claim {
    Claim {
        kind: ClaimKind::Count,
        subject: Subject::Group {
            owner: Some("North Korea".into()),
            category: "troops".into(),
        },
        attribute: "count".into(),
        value: ClaimValue::Quantity {
            interval,
            hedge,
            unit: None,
            text: phrase.into(),
        },
        as_of: None,
        scope: Some(Scope {
            place: place.into(),
            within: vec!["Russia".into()],
        }),
        attributed_to: Some(by.into()),
        modality: Modality::Reported,
        span: span(text, quote),
        quote: quote.into(),
        inferred: vec![Inference::OwnerFromDocument],
    }
}

pub fn extraction_a(text: &str) -> Extraction {
    let june = DateInterval::new(date(2024, 6, 1), date(2024, 6, 30)).expect("forward");
    Extraction {
        reference_date: Some(date(2024, 11, 5)),
        sentences: sentences(text),
        quantities: vec![Quantity {
            span: span(text, "about 11,000"),
            text: "about 11,000".into(),
            interval: Interval::between(9_900.0, 12_100.0),
            hedge: Hedge::Approximate,
            unit: None,
            kind: QuantityKind::Count,
        }],
        times: vec![TimeMention {
            span: span(text, "June 2024"),
            text: "June 2024".into(),
            kind: TimeType::Date,
            value: "2024-06".into(),
            interval: Some(june),
            granularity: Some(Granularity::Month),
        }],
        entities: vec![
            mention(
                text,
                "Kursk Oblast",
                EntityKind::Place,
                "Kursk Oblast",
                None,
            ),
            mention(
                text,
                "Vladimir Putin",
                EntityKind::Person,
                "Vladimir Putin",
                None,
            ),
            mention(text, "North Korea", EntityKind::Place, "North Korea", None),
        ],
        claims: vec![
            troops(
                text,
                "about 11,000",
                Interval::between(9_900.0, 12_100.0),
                Hedge::Approximate,
                "Kursk Oblast",
                "Ukraine’s military intelligence",
                "about 11,000 North Korean troops were in Kursk Oblast",
            ),
            Claim {
                kind: ClaimKind::Event,
                subject: Subject::Event {
                    event: EventType::Visit,
                    participants: vec!["Vladimir Putin".into(), "North Korea".into()],
                    place: Some("North Korea".into()),
                },
                attribute: "date".into(),
                value: ClaimValue::Date {
                    interval: june,
                    granularity: Granularity::Month,
                    value: "2024-06".into(),
                    text: "June 2024".into(),
                },
                as_of: None,
                scope: None,
                attributed_to: None,
                modality: Modality::Asserted,
                span: span(text, "Vladimir Putin visited North Korea in June 2024"),
                quote: "Vladimir Putin visited North Korea in June 2024".into(),
                inferred: vec![],
            },
        ],
    }
}

pub fn extraction_b(text: &str) -> Extraction {
    let minister = Role {
        office: "defense minister".into(),
        country: Some("North Korea".into()),
    };
    Extraction {
        reference_date: Some(date(2024, 11, 8)),
        sentences: sentences(text),
        quantities: vec![Quantity {
            span: span(text, "as many as 3,000"),
            text: "as many as 3,000".into(),
            interval: Interval::between(0.0, 3_000.0),
            hedge: Hedge::UpperBound,
            unit: None,
            kind: QuantityKind::Count,
        }],
        times: vec![],
        entities: vec![
            mention(
                text,
                "Antony Blinken",
                EntityKind::Person,
                "Antony Blinken",
                None,
            ),
            mention(text, "Kursk", EntityKind::Place, "Kursk Oblast", None),
            mention(text, "Putin", EntityKind::Person, "Vladimir Putin", None),
            mention(
                text,
                "No Kwang Chol",
                EntityKind::Person,
                "No Kwang Chol",
                Some(minister),
            ),
            mention(text, "Moscow", EntityKind::Place, "Moscow", None),
        ],
        claims: vec![
            troops(
                text,
                "as many as 3,000",
                Interval::between(0.0, 3_000.0),
                Hedge::UpperBound,
                "Kursk Oblast",
                "Antony Blinken",
                "as many as 3,000 North Korean troops had moved to Kursk",
            ),
            Claim {
                kind: ClaimKind::Article,
                subject: Subject::Article {
                    instrument: "Comprehensive Strategic Partnership Treaty".into(),
                    article: 4,
                },
                attribute: "text".into(),
                value: ClaimValue::Text {
                    text: "each side to give military assistance".into(),
                },
                as_of: None,
                scope: None,
                attributed_to: None,
                modality: Modality::Asserted,
                span: span(
                    text,
                    "Article 4 of the treaty obliges each side to give military assistance",
                ),
                quote: "Article 4 of the treaty obliges each side to give military assistance"
                    .into(),
                inferred: vec![],
            },
        ],
    }
}

/// A hex SHA-256 stand-in: the store treats it as an opaque content key.
pub fn fake_sha(text: &str) -> String {
    // FNV-1a, widened to 64 hex digits; enough to tell fixture texts apart.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}").repeat(4)
}

pub fn new_doc<'a>(path: &'a str, text: &'a str, sha: &'a str) -> NewDocument<'a> {
    NewDocument {
        path,
        sha256: sha,
        byte_len: text.len() as u64,
        text,
        title: Some("Report"),
        source: Some("Example Wire"),
        url: None,
        published: None,
        reference_date: None,
        reference_date_source: Some("text"),
    }
}

/// Entities for whatever mentions the store holds, grouped by mention name.
/// A store holding one document, `text` as one sentence, with `entities` and nothing else.
pub fn store_with_mentions(path: &str, text: &str, entities: Vec<EntityMention>) -> Store {
    let extraction = Extraction {
        reference_date: None,
        sentences: vec![Span::new(0, text.len()).expect("span")],
        quantities: vec![],
        times: vec![],
        entities,
        claims: vec![],
    };
    let mut store = Store::open_in_memory().expect("open");
    let sha = fake_sha(text);
    store
        .ingest(&new_doc(path, text, &sha), &extraction)
        .expect("ingest");
    store
}

pub fn entities_from_mentions(store: &Store) -> Vec<NewEntity> {
    let mut by_name: Vec<NewEntity> = Vec::new();
    for m in store.mentions().expect("mentions") {
        match by_name.iter_mut().find(|e| e.name == m.name) {
            Some(e) => e.mention_ids.push(m.id),
            None => by_name.push(NewEntity {
                name: m.name.clone(),
                kind: m.kind,
                evidence_json: r#"{"rule":"same name"}"#.into(),
                mention_ids: vec![m.id],
            }),
        }
    }
    by_name
}

/// A contradiction between the two troop counts, built from the stored claims.
pub fn troop_finding(store: &Store) -> Finding {
    let claims: Vec<FindingClaim> = store
        .claims()
        .expect("claims")
        .into_iter()
        .filter(|r| r.claim.kind == ClaimKind::Count)
        .map(|r| FindingClaim {
            claim_id: r.id,
            document: r.document.clone(),
            document_date: r.doc_date.map(|d| d.to_string()),
            start: r.claim.span.start(),
            end: r.claim.span.end(),
            quote: r.claim.quote.clone(),
            value: claims_model::FindingValue::from(&r.claim.value),
            as_of: None,
            attributed_to: r.claim.attributed_to.clone(),
        })
        .collect();
    assert_eq!(claims.len(), 2, "fixture has two troop counts");
    Finding {
        id: "numeric-north-korea-troops-1".into(),
        kind: FindingKind::Numeric,
        severity: Severity::Contradiction,
        subject: "North Korea troops in Kursk Oblast".into(),
        summary: "One source gives about 11,000 troops, another at most 3,000.".into(),
        reason: "disjoint_intervals".into(),
        arithmetic: Some("[9,900, 12,100] ∩ [0, 3,000] = ∅".into()),
        claims,
    }
}

/// A database with both reports, entities, one finding and one correction.
pub fn populated() -> Store {
    let mut store = Store::open_in_memory().expect("open");
    let (sha_a, sha_b) = (fake_sha(TEXT_A), fake_sha(TEXT_B));
    store
        .ingest(&new_doc(PATH_A, TEXT_A, &sha_a), &extraction_a(TEXT_A))
        .expect("ingest a");
    store
        .ingest(&new_doc(PATH_B, TEXT_B, &sha_b), &extraction_b(TEXT_B))
        .expect("ingest b");
    let entities = entities_from_mentions(&store);
    store.replace_entities(&entities).expect("entities");
    let finding = troop_finding(&store);
    store.replace_findings(&[finding]).expect("findings");
    store
        .add_correction(&NewCorrection {
            kind: CorrectionKind::CannotLink,
            a: "No Kwang Chol".into(),
            b: "Kim Jong Un".into(),
            who: "analyst".into(),
            note: Some("different people".into()),
        })
        .expect("correction");
    store
}
