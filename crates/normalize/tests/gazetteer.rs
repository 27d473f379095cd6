//! Gazetteer lookups, table-driven: countries, places, offices, roles, organisations, people and
//! the Korean romanization helpers.

use claims_normalize::{Gazetteer, GazetteerError, GazetteerSources, PlaceKind};

fn g() -> &'static Gazetteer {
    Gazetteer::builtin()
}

#[test]
fn countries_from_names_adjectives_abbreviations_and_seats() {
    let rows: &[(&str, Option<&str>)] = &[
        ("North Korea", Some("North Korea")),
        ("North Korean", Some("North Korea")),
        ("DPRK", Some("North Korea")),
        ("Pyongyang", Some("North Korea")),
        ("Russian", Some("Russia")),
        ("Moscow", Some("Russia")),
        ("the Kremlin", Some("Russia")),
        ("Russia's", Some("Russia")),
        ("Russia’s", Some("Russia")),
        ("U.S.", Some("United States")),
        ("US", Some("United States")),
        ("American", Some("United States")),
        ("Washington", Some("United States")),
        ("Ukrainian", Some("Ukraine")),
        ("Kyiv", Some("Ukraine")),
        ("Kiev", Some("Ukraine")),
        ("South Korean", Some("South Korea")),
        ("Seoul", Some("South Korea")),
        ("Chinese", Some("China")),
        ("Beijing", Some("China")),
        ("Japanese", Some("Japan")),
        ("British", Some("United Kingdom")),
        ("UK", Some("United Kingdom")),
        ("Türkiye", Some("Turkey")),
        ("Iranian", Some("Iran")),
        ("Israeli", Some("Israel")),
        ("Saudi", Some("Saudi Arabia")),
        ("Belarusian", Some("Belarus")),
        // Lower-case "us" is a pronoun, not the United States.
        ("us", None),
        ("Atlantis", None),
    ];
    for (surface, expected) in rows {
        assert_eq!(g().country(surface), *expected, "{surface}");
    }
}

#[test]
fn at_least_sixty_countries_with_the_g20() {
    let g20 = [
        "Argentina",
        "Australia",
        "Brazil",
        "Canada",
        "China",
        "France",
        "Germany",
        "India",
        "Indonesia",
        "Italy",
        "Japan",
        "Mexico",
        "Russia",
        "Saudi Arabia",
        "South Africa",
        "South Korea",
        "Turkey",
        "United Kingdom",
        "United States",
    ];
    for c in g20 {
        assert_eq!(g().country(c), Some(c));
    }
    let countries = include_str!("../data/countries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .count();
    assert!(countries >= 60, "{countries}");
}

#[test]
fn places_with_their_containers() {
    let rows: &[(&str, &str, PlaceKind, &[&str])] = &[
        (
            "Kursk region",
            "Kursk Oblast",
            PlaceKind::Region,
            &["Russia"],
        ),
        (
            "Kursk Oblast",
            "Kursk Oblast",
            PlaceKind::Region,
            &["Russia"],
        ),
        ("Kursk", "Kursk Oblast", PlaceKind::Region, &["Russia"]),
        (
            "Russia’s Kursk region",
            "Kursk Oblast",
            PlaceKind::Region,
            &["Russia"],
        ),
        (
            "Wonsan",
            "Wonsan",
            PlaceKind::City,
            &["Kangwon Province", "North Korea"],
        ),
        (
            "City of Wonsan",
            "Wonsan",
            PlaceKind::City,
            &["Kangwon Province", "North Korea"],
        ),
        (
            "Wonsan City",
            "Wonsan",
            PlaceKind::City,
            &["Kangwon Province", "North Korea"],
        ),
        (
            "eastern city of Wonsan",
            "Wonsan",
            PlaceKind::City,
            &["Kangwon Province", "North Korea"],
        ),
        ("Moscow", "Moscow", PlaceKind::City, &["Russia"]),
        ("Pyongyang", "Pyongyang", PlaceKind::City, &["North Korea"]),
        (
            "Donetsk Oblast",
            "Donetsk Oblast",
            PlaceKind::Region,
            &["Ukraine"],
        ),
        (
            "Donetsk region",
            "Donetsk Oblast",
            PlaceKind::Region,
            &["Ukraine"],
        ),
        (
            "Zaporozhye region",
            "Zaporizhzhia Oblast",
            PlaceKind::Region,
            &["Ukraine"],
        ),
        (
            "Kharkiv",
            "Kharkiv",
            PlaceKind::City,
            &["Kharkiv Oblast", "Ukraine"],
        ),
        (
            "Kharkiv region",
            "Kharkiv Oblast",
            PlaceKind::Region,
            &["Ukraine"],
        ),
        (
            "Belgorod province",
            "Belgorod Oblast",
            PlaceKind::Region,
            &["Russia"],
        ),
        ("Crimea", "Crimea", PlaceKind::Region, &["Ukraine"]),
        (
            "Sevastopol",
            "Sevastopol",
            PlaceKind::City,
            &["Crimea", "Ukraine"],
        ),
        ("Donbass", "Donbas", PlaceKind::Region, &["Ukraine"]),
        ("Kiev", "Kyiv", PlaceKind::City, &["Ukraine"]),
        ("Russia", "Russia", PlaceKind::Country, &[]),
        ("North Korea", "North Korea", PlaceKind::Country, &[]),
        ("U.S.", "United States", PlaceKind::Country, &[]),
        ("Busan", "Busan", PlaceKind::City, &["South Korea"]),
        (
            "Sudzha",
            "Sudzha",
            PlaceKind::City,
            &["Kursk Oblast", "Russia"],
        ),
    ];
    for (surface, name, kind, within) in rows {
        let p = g()
            .place(surface)
            .unwrap_or_else(|| panic!("no place for {surface}"));
        assert_eq!((p.name.as_str(), p.kind), (*name, *kind), "{surface}");
        assert_eq!(p.within, *within, "{surface}");
    }
    for not_a_place in ["Russian", "the Kremlin", "Nur Gwangtie", "region"] {
        assert_eq!(g().place(not_a_place), None, "{not_a_place}");
    }
}

#[test]
fn offices_normalize() {
    let rows: &[(&str, &str)] = &[
        ("Defense Minister", "defense minister"),
        ("Defence Minister", "defense minister"),
        ("Minister of Defense", "defense minister"),
        ("Minister of Defence", "defense minister"),
        ("defense chief", "defense minister"),
        ("Minister of National Defense", "defense minister"),
        ("Foreign Minister", "foreign minister"),
        ("Minister of Foreign Affairs", "foreign minister"),
        ("foreign minister", "foreign minister"),
        ("top diplomat", "foreign minister"),
        ("Secretary of State", "secretary of state"),
        ("Secretary of Defense", "defense secretary"),
        ("President", "president"),
        ("Prime Minister", "prime minister"),
        ("Premier", "prime minister"),
        ("leader", "leader"),
        ("General Secretary", "general secretary"),
        ("Chairman", "chairman"),
        ("spokesperson", "spokesperson"),
        ("spokesman", "spokesperson"),
        ("ambassador", "ambassador"),
        ("envoy", "envoy"),
        ("Chief of General Staff", "chief of general staff"),
        ("Chief of the General Staff", "chief of general staff"),
        ("acting Defense Minister", "defense minister"),
    ];
    for (title, office) in rows {
        assert_eq!(g().office(title), Some(*office), "{title}");
    }
    assert_eq!(g().office("plumber"), None);
}

#[test]
fn roles_carry_their_country() {
    let rows: &[(&str, &str, Option<&str>)] = &[
        (
            "North Korean Defense Minister",
            "defense minister",
            Some("North Korea"),
        ),
        (
            "Russian Foreign Minister",
            "foreign minister",
            Some("Russia"),
        ),
        (
            "Russia's foreign minister",
            "foreign minister",
            Some("Russia"),
        ),
        (
            "Minister of Foreign Affairs of Ukraine",
            "foreign minister",
            Some("Ukraine"),
        ),
        (
            "US Secretary of State",
            "secretary of state",
            Some("United States"),
        ),
        ("South Korean President", "president", Some("South Korea")),
        ("President", "president", None),
    ];
    for (phrase, office, country) in rows {
        let r = g()
            .role(phrase)
            .unwrap_or_else(|| panic!("no role for {phrase}"));
        assert_eq!(
            (r.office.as_str(), r.country.as_deref()),
            (*office, *country),
            "{phrase}"
        );
    }
}

#[test]
fn organisations() {
    let rows: &[(&str, &str, Option<&str>)] = &[
        (
            "Workers’ Party of Korea",
            "Workers' Party of Korea",
            Some("North Korea"),
        ),
        (
            "Workers' Party of Korea",
            "Workers' Party of Korea",
            Some("North Korea"),
        ),
        ("the Pentagon", "The Pentagon", Some("United States")),
        ("NATO", "North Atlantic Treaty Organization", None),
        ("UN", "United Nations", None),
        ("United Nations", "United Nations", None),
        ("Security Council", "United Nations Security Council", None),
        (
            "Russian Security Council",
            "Security Council of Russia",
            Some("Russia"),
        ),
        ("State Duma", "State Duma", Some("Russia")),
        ("Russian parliament", "State Duma", Some("Russia")),
        ("KCNA", "Korean Central News Agency", Some("North Korea")),
        (
            "Russian Defense Ministry",
            "Ministry of Defense (Russia)",
            Some("Russia"),
        ),
        (
            "North Korean Foreign Ministry",
            "Ministry of Foreign Affairs (North Korea)",
            Some("North Korea"),
        ),
        (
            "Ukrainian military intelligence",
            "Main Directorate of Intelligence (Ukraine)",
            Some("Ukraine"),
        ),
    ];
    for (surface, name, country) in rows {
        let o = g()
            .organization(surface)
            .unwrap_or_else(|| panic!("no organisation for {surface}"));
        assert_eq!(
            (o.name.as_str(), o.country.as_deref()),
            (*name, *country),
            "{surface}"
        );
    }
    // A government named by its seat is its country, not an organisation.
    assert_eq!(g().organization("the Kremlin"), None);
    assert!(g().is_country_metonym("the Kremlin"));
    // "un" in lower case is not the United Nations.
    assert_eq!(g().organization("un"), None);
}

#[test]
fn people_from_any_alias() {
    let rows: &[(&str, &str)] = &[
        ("Lavrov", "Sergey Lavrov"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Choi Son hee", "Choe Son Hui"),
        ("Kim Jong un", "Kim Jong Un"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Xi Jin-ping", "Xi Jinping"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Belousov", "Andrei Belousov"),
        ("Shoygu", "Sergei Shoigu"),
        ("Biden", "Joe Biden"),
        ("Ro Kwang Chol", "No Kwang Chol"),
    ];
    for (alias, name) in rows {
        assert_eq!(
            g().person(alias).map(|p| p.name.as_str()),
            Some(*name),
            "{alias}"
        );
    }
    assert!(g().person("Kim").is_none(), "Kim is many people");
    assert!(g().person("Nur Gwangtie").is_none());
    let lavrov = g()
        .person("Lavrov")
        .map(|p| p.offices.clone())
        .unwrap_or_default();
    assert!(lavrov
        .iter()
        .any(|t| t.office == "foreign minister" && t.country == "Russia"));
}

#[test]
fn office_holders_on_a_date() {
    let on = |office: &str, country: &str, date: &str| -> Vec<String> {
        let d = date.parse().expect("test date");
        g().holders_on(office, country, d)
            .iter()
            .map(|p| p.name.clone())
            .collect()
    };
    assert_eq!(
        on("defense minister", "North Korea", "2024-11-29"),
        ["No Kwang Chol"]
    );
    assert_eq!(
        on("defense minister", "North Korea", "2024-03-01"),
        ["Kang Sun Nam"]
    );
    assert_eq!(
        on("defense minister", "Russia", "2024-04-01"),
        ["Sergei Shoigu"]
    );
    assert_eq!(
        on("defense minister", "Russia", "2024-11-29"),
        ["Andrei Belousov"]
    );
    assert_eq!(
        on("foreign minister", "Russia", "2024-11-01"),
        ["Sergey Lavrov"]
    );
    assert_eq!(
        on("secretary of state", "United States", "2024-11-01"),
        ["Antony Blinken"]
    );
}

#[test]
fn korean_romanization_helpers() {
    for s in [
        "Kim", "Choe", "Choi", "Ch'oe", "Ch’oe", "Pak", "Park", "Ri", "Lee", "Yi", "No", "Roh",
        "Yoon", "Yun", "Jang", "Chang", "KIM",
    ] {
        assert!(g().is_korean_surname(s), "{s}");
    }
    for s in ["Smith", "Nur", "Putin", "Gwangtie"] {
        assert!(!g().is_korean_surname(s), "{s}");
    }
    for s in [
        "jong", "chong", "jeong", "un", "eun", "son", "sun", "seon", "hui", "hee", "kwang",
        "gwang", "chol", "cheol", "chul", "seok", "suk", "yeol", "yol", "yo", "yong", "hyun", "il",
        "Jong-un", "Jongun", "Sonhui", "UN",
    ] {
        assert!(g().is_korean_syllable(s), "{s}");
    }
    for s in ["Putin", "Gwangtie", "Tieze", "Lavrov", "x"] {
        assert!(!g().is_korean_syllable(s), "{s}");
    }
}

#[test]
fn broken_data_names_file_and_line() {
    let mut src = GazetteerSources::builtin();
    src.places = "# comment\nNowhere Oblast\tregion\tAtlantis\t-\n";
    let err = Gazetteer::from_sources(&src).err();
    assert!(
        matches!(
            err,
            Some(GazetteerError::Value {
                file: "places.tsv",
                line: 2,
                ..
            })
        ),
        "{err:?}"
    );
    let mut src = GazetteerSources::builtin();
    src.terms = "Sergey Lavrov\tforeign minister\tRussia\t2004-13-40\t-\n";
    let err = Gazetteer::from_sources(&src)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.starts_with("terms.tsv:1: bad date"), "{err}");
}

#[test]
fn every_module_starts_with_a_doc_comment() {
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    let mut seen = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            seen += 1;
            let text = std::fs::read_to_string(&path).expect("source");
            assert!(
                text.starts_with("//!"),
                "{} lacks a //! module comment",
                path.display()
            );
        }
    }
    assert!(seen > 5, "{seen} source files");
}
