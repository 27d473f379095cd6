//! Entity resolution, table-driven: variant pairs that must merge and pairs that must not, the
//! chaining case, the office-holder rule, surnames, corrections, organisations and places.

use claims_model::{Date, EntityKind, Role};
use claims_normalize::{resolve, Correction, MentionInput, ResolvedEntity};

fn person(doc: i64, name: &str) -> MentionInput {
    MentionInput {
        doc,
        surface: name.to_string(),
        name: name.to_string(),
        kind: EntityKind::Person,
        role: None,
        date: None,
    }
}

fn holder(doc: i64, name: &str, office: &str, country: &str, date: &str) -> MentionInput {
    MentionInput {
        role: Some(Role {
            office: office.to_string(),
            country: Some(country.to_string()),
        }),
        date: Some(date.parse::<Date>().expect("test date")),
        ..person(doc, name)
    }
}

fn entity_of(entities: &[ResolvedEntity], i: usize) -> &ResolvedEntity {
    entities
        .iter()
        .find(|e| e.members.contains(&i))
        .expect("every mention has an entity")
}

fn same(entities: &[ResolvedEntity], a: usize, b: usize) -> bool {
    entity_of(entities, a).members.contains(&b)
}

/// Every input index appears in exactly one entity.
fn assert_partition(entities: &[ResolvedEntity], n: usize) {
    let mut seen = vec![0; n];
    for e in entities {
        for &m in &e.members {
            seen[m] += 1;
        }
    }
    assert!(seen.iter().all(|&c| c == 1), "not a partition: {seen:?}");
}

/// Pairs that name one person, written in two documents with nothing else in common.
const MUST_MERGE: &[(&str, &str)] = &[
    // Korean: case, hyphens, joined given names, McCune–Reischauer vs Revised vs DPRK usage.
    ("Kim Jong Un", "Kim Jong-un"),
    ("Kim Jong Un", "KIM JONG UN"),
    ("Kim Jong Un", "Kim Jong un"),
    ("Kim Jong Un", "Kim Jongun"),
    ("Kim Jong Un", "Kim Jong Eun"),
    ("Kim Jong Un", "Kim Chong Un"),
    ("Choe Son Hui", "Choi Son hee"),
    ("Choe Son Hui", "Ch'oe Son-hui"),
    ("Choe Son Hui", "Ch’oe Sŏn-hŭi"),
    ("Choe Son Hui", "Choe Sonhui"),
    ("Choe Son Hui", "Choi Seon-hui"),
    ("No Kwang Chol", "Ro Kwang Chol"),
    ("No Kwang Chol", "Noh Gwang-cheol"),
    ("No Kwang Chol", "No Kwang-chul"),
    ("Kang Sun Nam", "Kang Sun-nam"),
    ("Kang Sun Nam", "Gang Seon-nam"),
    ("Pak Jong Chon", "Park Jong-chon"),
    ("Pak Jong Chon", "Pak Jeong-cheon"),
    ("Choe Ryong Hae", "Choe Ryong-hae"),
    ("Choe Ryong Hae", "Choi Yong-hae"),
    ("Yoon Suk Yeol", "Yoon Suk-yeol"),
    ("Yoon Suk Yeol", "Yun Sok Yol"),
    ("Yoon Suk Yeol", "Yoon Seok-youl"),
    ("Han Duck-soo", "Han Deok-su"),
    ("Han Duck-soo", "Han Duck Soo"),
    ("Kim Yo Jong", "Kim Yo-jong"),
    ("Kim Yo Jong", "Kim Yeo-jeong"),
    ("Ri Son Gwon", "Lee Seon-kwon"),
    ("Ri Yong Ho", "Lee Yong-ho"),
    ("Kim Il Sung", "Kim Il-seong"),
    ("Lee Jae-myung", "Ri Jae Myong"),
    ("Moon Jae-in", "Mun Jae In"),
    ("Kim Tok Hun", "Kim Deok-hun"),
    ("Pak Thae Song", "Park Tae-sung"),
    ("Kim Yong-hyun", "Kim Yong Hyon"),
    ("Shin Won-sik", "Sin Won Sik"),
    ("Cho Tae-yul", "Jo Tae Yul"),
    ("Kim Chol Su", "Kim Cheol-soo"),
    ("Jang Song Thaek", "Chang Song-taek"),
    ("Hyon Yong Chol", "Hyun Young-chul"),
    ("Ri Pyong Chol", "Lee Byung-chul"),
    // Chinese: pinyin given names joined, hyphenated or split.
    ("Xi Jinping", "Xi Jin-ping"),
    ("Xi Jinping", "Xi Jin Ping"),
    ("Xi Jinping", "XI JINPING"),
    ("Wang Yi", "Wang yi"),
    ("Zhang Youxia", "Zhang You-xia"),
    // Russian and Ukrainian transliterations, patronymics, surnames the gazetteer knows alone.
    ("Sergey Lavrov", "Sergei Lavrov"),
    ("Sergey Lavrov", "Lavrov"),
    ("Sergey Lavrov", "Sergey Viktorovich Lavrov"),
    ("Sergei Shoigu", "Sergey Shoygu"),
    ("Andrei Belousov", "Andrey Belousov"),
    ("Andrei Belousov", "Belousov"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Volodymyr Zelensky", "Zelenskiy"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskiy"),
    ("Dmitry Peskov", "Dmitri Peskov"),
    ("Dmitry Medvedev", "Dmitriy Medvedev"),
    ("Yevgeny Prigozhin", "Evgeny Prigozhin"),
    ("Alexander Lukashenko", "Aleksandr Lukashenko"),
    ("Valery Gerasimov", "Valeriy Gerasimov"),
    ("Dmytro Kuleba", "Kuleba"),
    ("Andrii Sybiha", "Andriy Sybiha"),
    ("Oleksandr Syrskyi", "Oleksandr Syrsky"),
    ("Valerii Zaluzhnyi", "Valeriy Zaluzhny"),
    ("Vladimir Putin", "Putin"),
    ("Vladimir Putin", "Vladimir Vladimirovich Putin"),
    ("Alexei Navalny", "Aleksei Navalny"),
    ("Alexey Navalny", "Aleksey Navalnyy"),
    // English names: surnames, initials, suffixes, nicknames, diacritics.
    ("Antony Blinken", "Blinken"),
    ("Antony Blinken", "Tony Blinken"),
    ("Joe Biden", "Joseph R. Biden Jr."),
    ("Joe Biden", "Biden"),
    ("Lloyd Austin", "Lloyd J. Austin III"),
    ("Donald Trump", "Donald J. Trump"),
    ("Kamala Harris", "Harris"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
    ("Antonio Guterres", "António Guterres"),
    ("JD Vance", "J.D. Vance"),
    ("William Burns", "Bill Burns"),
    ("Emmanuel Macron", "Emmanuel MACRON"),
];

/// Pairs that name two different people; the flag says whether they share a document (where
/// the similar-spelling rule could be tempted).
const MUST_NOT_MERGE: &[(&str, &str, bool)] = &[
    ("Kim Jong Un", "Kim Jong Il", false),
    ("Kim Jong Un", "Kim Jong Il", true),
    ("Kim Jong Un", "Kim Yo Jong", true),
    ("Kim Jong Un", "Kim Yong Hyun", false),
    ("Kim Jong Un", "Kim Jong Nam", true),
    ("Kim Jong Il", "Kim Il Sung", false),
    ("Kim Jong Un", "Kim Chong Il", false),
    ("Kim Yo Jong", "Kim Yong Hyun", true),
    ("Kim Song", "Kim Jong Un", true),
    ("Choe Son Hui", "Choe Ryong Hae", true),
    ("Choe Son Hui", "Choe Son Il", true),
    ("Kim Jong Un", "Choe Son Hui", false),
    ("No Kwang Chol", "Kim Jong Un", false),
    ("No Kwang Chol", "Kang Sun Nam", true),
    ("Ri Son Gwon", "Ri Yong Ho", true),
    ("Pak Jong Chon", "Pak Thae Song", true),
    ("Park Jin", "Pak Jong Chon", false),
    ("Yoon Suk Yeol", "Yoon Young-kwan", false),
    ("Lee Jae-myung", "Lee Jae-yong", true),
    ("Moon Jae-in", "Moon Chung-in", false),
    ("Sergei Lavrov", "Sergei Shoigu", true),
    ("Sergei Lavrov", "Sergei Ryabkov", true),
    ("Sergey Lavrov", "Andrei Belousov", false),
    ("Andrei Belousov", "Sergei Shoigu", true),
    ("Dmitry Medvedev", "Dmitry Peskov", true),
    ("Vladimir Putin", "Volodymyr Zelensky", true),
    ("Vladimir Putin", "Vladimir Zelensky", false),
    ("Vladimir Putin", "Donald Trump", false),
    ("Oleksii Reznikov", "Oleksandr Syrskyi", false),
    ("Joe Biden", "Donald Trump", true),
    ("Kamala Harris", "Donald Trump", false),
    ("Xi Jinping", "Wang Yi", true),
    ("Li Qiang", "Li Keqiang", false),
    ("Ivan Petrov", "Ivan Popov", true),
];

#[test]
fn variant_pairs_merge() {
    let mut failures = Vec::new();
    for (a, b) in MUST_MERGE {
        let entities = resolve(&[person(1, a), person(2, b)], &[]);
        assert_partition(&entities, 2);
        if !same(&entities, 0, 1) {
            failures.push(format!("{a} / {b}"));
        }
    }
    assert!(MUST_MERGE.len() >= 60);
    assert!(failures.is_empty(), "should merge: {failures:#?}");
}

#[test]
fn different_people_stay_apart() {
    let mut failures = Vec::new();
    for (a, b, same_doc) in MUST_NOT_MERGE {
        let doc_b = if *same_doc { 1 } else { 2 };
        let entities = resolve(&[person(1, a), person(doc_b, b)], &[]);
        assert_partition(&entities, 2);
        if same(&entities, 0, 1) {
            failures.push(format!("{a} / {b} (same document: {same_doc})"));
        }
    }
    assert!(MUST_NOT_MERGE.len() >= 30);
    assert!(failures.is_empty(), "should not merge: {failures:#?}");
}

#[test]
fn canonical_name_is_the_gazetteer_name_else_most_frequent_full_form() {
    let input = [
        person(1, "Choi Son hee"),
        person(2, "Choe Son-hui"),
        person(3, "Choi Son hee"),
    ];
    let entities = resolve(&input, &[]);
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].name, "Choe Son Hui");
    let input = [
        person(1, "Ivan Sidorenko"),
        person(2, "Ivan Sydorenko"),
        person(3, "Ivan Sidorenko"),
    ];
    let entities = resolve(&input, &[]);
    let e = entity_of(&entities, 0);
    assert_eq!(e.name, "Ivan Sidorenko");
}

#[test]
fn transliteration_evidence_names_the_syllables() {
    let entities = resolve(&[person(1, "Choe Son Hui"), person(2, "Choi Son hee")], &[]);
    let ev = &entities[0].evidence;
    assert!(
        ev.iter().any(|e| e.rule == "transliteration"
            && e.detail.contains("choi ~ choe")
            && e.detail.contains("hee ~ hui")),
        "{ev:?}"
    );
}

#[test]
fn garbled_spellings_inside_one_document_merge() {
    // A machine translation through Chinese spells one name two ways a sentence apart.
    let entities = resolve(
        &[person(7, "Nur Gwangtie"), person(7, "Nuguang Tieze")],
        &[],
    );
    assert!(same(&entities, 0, 1));
    assert_eq!(entities[0].evidence[0].rule, "similar-in-document");
    // The same two spellings in different documents are not enough on their own.
    let entities = resolve(
        &[person(7, "Nur Gwangtie"), person(8, "Nuguang Tieze")],
        &[],
    );
    assert!(!same(&entities, 0, 1));
}

#[test]
fn office_holder_rule_joins_a_garbled_name_to_the_holder() {
    let input = [
        holder(
            1,
            "Nur Gwangtie",
            "defense minister",
            "North Korea",
            "2024-11-30",
        ),
        person(1, "Nuguang Tieze"),
        holder(
            2,
            "No Kwang Chol",
            "defense minister",
            "North Korea",
            "2024-11-29",
        ),
        holder(
            2,
            "Andrei Belousov",
            "defense minister",
            "Russia",
            "2024-11-29",
        ),
        holder(
            3,
            "Sergei Shoigu",
            "defense minister",
            "Russia",
            "2024-04-20",
        ),
        holder(
            4,
            "Kang Sun Nam",
            "defense minister",
            "North Korea",
            "2024-09-01",
        ),
    ];
    let entities = resolve(&input, &[]);
    assert_partition(&entities, input.len());
    assert!(same(&entities, 0, 1) && same(&entities, 0, 2));
    assert_eq!(entity_of(&entities, 0).name, "No Kwang Chol");
    assert!(entity_of(&entities, 0)
        .evidence
        .iter()
        .any(|e| e.rule == "office"));
    assert!(
        !same(&entities, 3, 4),
        "Belousov succeeded Shoigu: two people"
    );
    assert!(
        !same(&entities, 2, 5),
        "Kang Sun Nam preceded No Kwang Chol"
    );
}

#[test]
fn office_holder_rule_without_the_gazetteer_uses_the_window() {
    let office = "defense minister";
    let input = [
        holder(1, "Tarmo Vilkas", office, "Ruritania", "2024-03-01"),
        holder(2, "Tarno Wilkas", office, "Ruritania", "2024-03-20"),
        // Same office, 200 days later: not evidence of one person.
        holder(3, "Tarmu Vilkaz", office, "Ruritania", "2024-10-10"),
        // A different country's minister the same week.
        holder(4, "Ortun Bakka", office, "Freedonia", "2024-03-02"),
    ];
    let entities = resolve(&input, &[]);
    assert!(same(&entities, 0, 1));
    assert!(!same(&entities, 0, 2));
    assert!(!same(&entities, 0, 3));
}

#[test]
fn merges_do_not_chain_across_known_different_people() {
    // A–B by office (B is garbled), B–C by office too, but A and C are two well-formed different
    // names: C must not join A through B.
    let office = "foreign minister";
    let input = [
        holder(1, "Ivan Petrenko", office, "Ruritania", "2024-01-01"),
        holder(2, "Ivn Ptrnk", office, "Ruritania", "2024-01-20"),
        holder(3, "Oleg Ivanov", office, "Ruritania", "2024-02-10"),
    ];
    let entities = resolve(&input, &[]);
    assert_partition(&entities, 3);
    assert!(same(&entities, 0, 1));
    assert!(!same(&entities, 0, 2) && !same(&entities, 1, 2));
    // The same with an analyst cannot-link between two garbled names.
    let input = [
        holder(1, "Xqv Brt", office, "Ruritania", "2024-01-01"),
        holder(2, "Xqv Brtt", office, "Ruritania", "2024-01-20"),
        holder(3, "Xqw Brd", office, "Ruritania", "2024-02-10"),
    ];
    let cannot = [Correction::CannotLink {
        a: "Xqv Brt".into(),
        b: "Xqw Brd".into(),
    }];
    let entities = resolve(&input, &cannot);
    assert!(!same(&entities, 0, 2));
}

#[test]
fn surname_alone_joins_only_an_unambiguous_entity() {
    // "Kim" with two Kims in the collection stays alone.
    let input = [
        person(1, "Kim Jong Un"),
        person(2, "Kim Yo Jong"),
        person(3, "Kim"),
    ];
    let entities = resolve(&input, &[]);
    assert!(!same(&entities, 2, 0) && !same(&entities, 2, 1));
    // An unknown surname with exactly one full name of that family joins it.
    let input = [
        person(1, "Marek Dvorak"),
        person(2, "Dvorak"),
        person(3, "Pavel Novak"),
    ];
    let entities = resolve(&input, &[]);
    assert!(same(&entities, 0, 1) && !same(&entities, 1, 2));
    assert!(entity_of(&entities, 1)
        .evidence
        .iter()
        .any(|e| e.rule == "surname"));
    // An office that does not fit keeps them apart.
    let input = [
        holder(
            1,
            "Marek Dvorak",
            "foreign minister",
            "Ruritania",
            "2024-01-01",
        ),
        holder(2, "Dvorak", "finance minister", "Ruritania", "2024-01-02"),
    ];
    let entities = resolve(&input, &[]);
    assert!(!same(&entities, 0, 1));
}

#[test]
fn analyst_corrections_apply() {
    let input = [
        person(1, "Tarmo Vilkas"),
        person(2, "T. Wolf"),
        person(3, "Sergei Lavrov"),
        person(4, "Lavrov"),
    ];
    let corrections = [
        Correction::Merge {
            a: "Tarmo Vilkas".into(),
            b: "T. Wolf".into(),
        },
        Correction::CannotLink {
            a: "Sergei Lavrov".into(),
            b: "Lavrov".into(),
        },
        Correction::Rename {
            from: "Tarmo Vilkas".into(),
            to: "Tarmo Vilkas (defense minister)".into(),
        },
    ];
    let entities = resolve(&input, &corrections);
    assert_partition(&entities, 4);
    assert!(same(&entities, 0, 1));
    assert_eq!(
        entity_of(&entities, 0).name,
        "Tarmo Vilkas (defense minister)"
    );
    assert!(entity_of(&entities, 0)
        .evidence
        .iter()
        .any(|e| e.rule == "analyst"));
    assert!(
        !same(&entities, 2, 3),
        "cannot-link wins over the gazetteer"
    );
}

fn group(doc: i64, name: &str, kind: EntityKind) -> MentionInput {
    MentionInput {
        kind,
        ..person(doc, name)
    }
}

#[test]
fn places_and_organisations_group_by_gazetteer_name() {
    let input = [
        group(1, "Kursk region", EntityKind::Place),
        group(2, "Kursk Oblast", EntityKind::Place),
        group(3, "Russia’s Kursk region", EntityKind::Place),
        group(1, "the Kremlin", EntityKind::Organization),
        group(2, "Russia", EntityKind::Place),
        group(3, "Workers’ Party of Korea", EntityKind::Organization),
        group(4, "Workers' Party of Korea", EntityKind::Organization),
        group(4, "Zorbland Mining Corp", EntityKind::Organization),
        group(5, "zorbland mining corp", EntityKind::Organization),
        group(5, "Kharkiv", EntityKind::Place),
        group(5, "Kharkiv region", EntityKind::Place),
    ];
    let entities = resolve(&input, &[]);
    assert_partition(&entities, input.len());
    assert!(same(&entities, 0, 1) && same(&entities, 0, 2));
    assert_eq!(entity_of(&entities, 0).name, "Kursk Oblast");
    assert!(same(&entities, 3, 4));
    assert_eq!(entity_of(&entities, 3).name, "Russia");
    assert!(same(&entities, 5, 6));
    assert!(same(&entities, 7, 8));
    assert!(
        !same(&entities, 9, 10),
        "the city and the oblast are two places"
    );
}

#[test]
fn persons_never_merge_with_places() {
    let input = [
        person(1, "Georgia Meloni"),
        group(1, "Georgia", EntityKind::Place),
        person(1, "Jordan"),
    ];
    let entities = resolve(&input, &[]);
    assert_partition(&entities, 3);
    assert!(!same(&entities, 0, 1) && !same(&entities, 1, 2));
}

#[test]
fn seed_name_groups_resolve() {
    // The shape of a typical collection: surname back-references resolved per document by the
    // extractor, a garbled defense minister, and the gazetteer's people.
    let input = [
        holder(
            0,
            "Nur Gwangtie",
            "defense minister",
            "North Korea",
            "2024-11-30",
        ),
        holder(
            0,
            "Nuguang Tieze",
            "defense minister",
            "North Korea",
            "2024-11-30",
        ),
        holder(
            0,
            "Andrei Belousov",
            "defense minister",
            "Russia",
            "2024-11-30",
        ),
        person(0, "Kim Jong un"),
        person(0, "Choi Son hee"),
        holder(
            2,
            "No Kwang Chol",
            "defense minister",
            "North Korea",
            "2024-11-29",
        ),
        person(2, "Andrei Belousov"),
        person(3, "Sergey Lavrov"),
        person(1, "Sergei Lavrov"),
        person(4, "Lavrov"),
        person(4, "Kim Jong Un"),
        person(3, "Choe Son Hui"),
        person(1, "Vladimir Putin"),
        person(4, "Putin"),
        person(3, "Antony Blinken"),
        person(4, "Blinken"),
        person(4, "Donald Trump"),
    ];
    let e = resolve(&input, &[]);
    assert_partition(&e, input.len());
    let groups: &[&[usize]] = &[
        &[0, 1, 5],
        &[2, 6],
        &[3, 10],
        &[4, 11],
        &[7, 8, 9],
        &[12, 13],
        &[14, 15],
        &[16],
    ];
    for g in groups {
        for &m in &g[1..] {
            assert!(
                same(&e, g[0], m),
                "{} / {}",
                input[g[0]].name,
                input[m].name
            );
        }
    }
    assert_eq!(e.len(), groups.len(), "{e:#?}");
}

#[test]
fn titles_before_a_name_are_ignored() {
    let entities = resolve(
        &[
            person(1, "President Putin"),
            person(2, "Vladimir Putin"),
            person(3, "Mr Kim Jong Un"),
            person(4, "Kim Jong Un"),
        ],
        &[],
    );
    assert!(same(&entities, 0, 1) && same(&entities, 2, 3) && !same(&entities, 0, 2));
}
