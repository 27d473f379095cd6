//! The vocabulary the generator draws from: countries, regions, counted groups, real people
//! with their spelling variants and terms of office, parts of invented names, outlets and
//! filler sentences.
//!
//! The names and spellings follow the project's gazetteer (crates/normalize/data) so that a
//! generated variant is one a general rule can resolve; they are embedded here, not read from
//! there, so that a gazetteer edit never changes what a seed generates.

/// A country: name as news writes it, adjective, capital.
pub struct Country {
    pub name: &'static str,
    pub adj: &'static str,
    pub capital: &'static str,
}

pub const COUNTRIES: &[Country] = &[
    Country {
        name: "Russia",
        adj: "Russian",
        capital: "Moscow",
    },
    Country {
        name: "North Korea",
        adj: "North Korean",
        capital: "Pyongyang",
    },
    Country {
        name: "South Korea",
        adj: "South Korean",
        capital: "Seoul",
    },
    Country {
        name: "Ukraine",
        adj: "Ukrainian",
        capital: "Kyiv",
    },
    Country {
        name: "China",
        adj: "Chinese",
        capital: "Beijing",
    },
    Country {
        name: "United States",
        adj: "U.S.",
        capital: "Washington",
    },
    Country {
        name: "Japan",
        adj: "Japanese",
        capital: "Tokyo",
    },
    Country {
        name: "Iran",
        adj: "Iranian",
        capital: "Tehran",
    },
    Country {
        name: "Belarus",
        adj: "Belarusian",
        capital: "Minsk",
    },
    Country {
        name: "Poland",
        adj: "Polish",
        capital: "Warsaw",
    },
    Country {
        name: "Germany",
        adj: "German",
        capital: "Berlin",
    },
    Country {
        name: "France",
        adj: "French",
        capital: "Paris",
    },
    Country {
        name: "United Kingdom",
        adj: "British",
        capital: "London",
    },
    Country {
        name: "Turkey",
        adj: "Turkish",
        capital: "Ankara",
    },
    Country {
        name: "India",
        adj: "Indian",
        capital: "New Delhi",
    },
    Country {
        name: "Vietnam",
        adj: "Vietnamese",
        capital: "Hanoi",
    },
    Country {
        name: "Mongolia",
        adj: "Mongolian",
        capital: "Ulaanbaatar",
    },
    Country {
        name: "Kazakhstan",
        adj: "Kazakh",
        capital: "Astana",
    },
    Country {
        name: "Syria",
        adj: "Syrian",
        capital: "Damascus",
    },
    Country {
        name: "Egypt",
        adj: "Egyptian",
        capital: "Cairo",
    },
    Country {
        name: "Indonesia",
        adj: "Indonesian",
        capital: "Jakarta",
    },
    Country {
        name: "Brazil",
        adj: "Brazilian",
        capital: "Brasilia",
    },
    Country {
        name: "Finland",
        adj: "Finnish",
        capital: "Helsinki",
    },
    Country {
        name: "Hungary",
        adj: "Hungarian",
        capital: "Budapest",
    },
    Country {
        name: "Serbia",
        adj: "Serbian",
        capital: "Belgrade",
    },
    Country {
        name: "Laos",
        adj: "Laotian",
        capital: "Vientiane",
    },
    Country {
        name: "Cuba",
        adj: "Cuban",
        capital: "Havana",
    },
    Country {
        name: "Pakistan",
        adj: "Pakistani",
        capital: "Islamabad",
    },
];

/// Index into [`COUNTRIES`] by name (the tables below name countries).
pub fn country(name: &str) -> usize {
    COUNTRIES.iter().position(|c| c.name == name).unwrap_or(0)
}

/// Countries whose forces the counts are about (owners of counted groups).
pub const OWNERS: &[&str] = &[
    "Russia",
    "North Korea",
    "Ukraine",
    "Iran",
    "Belarus",
    "China",
    "United States",
    "Poland",
    "Turkey",
    "United Kingdom",
    "France",
    "Germany",
];

/// A region below country level: its full name, the stem that "the … region" takes (when news
/// writes it so), whether the bare name takes "the", and its country.
pub struct Region {
    pub name: &'static str,
    pub stem: Option<&'static str>,
    pub the: bool,
    pub country: &'static str,
}

const fn oblast(name: &'static str, stem: &'static str, country: &'static str) -> Region {
    Region {
        name,
        stem: Some(stem),
        the: false,
        country,
    }
}

const fn plain(name: &'static str, the: bool, country: &'static str) -> Region {
    Region {
        name,
        stem: None,
        the,
        country,
    }
}

/// Leaf regions only: none contains another, so no count is ever a part of another's whole.
pub const REGIONS: &[Region] = &[
    oblast("Kursk Oblast", "Kursk", "Russia"),
    oblast("Belgorod Oblast", "Belgorod", "Russia"),
    oblast("Bryansk Oblast", "Bryansk", "Russia"),
    oblast("Voronezh Oblast", "Voronezh", "Russia"),
    oblast("Rostov Oblast", "Rostov", "Russia"),
    oblast("Krasnodar Krai", "Krasnodar", "Russia"),
    oblast("Leningrad Oblast", "Leningrad", "Russia"),
    oblast("Kaliningrad Oblast", "Kaliningrad", "Russia"),
    oblast("Primorsky Krai", "Primorsky", "Russia"),
    plain("Tatarstan", false, "Russia"),
    plain("Chechnya", false, "Russia"),
    plain("Crimea", false, "Ukraine"),
    oblast("Donetsk Oblast", "Donetsk", "Ukraine"),
    oblast("Luhansk Oblast", "Luhansk", "Ukraine"),
    oblast("Zaporizhzhia Oblast", "Zaporizhzhia", "Ukraine"),
    oblast("Kherson Oblast", "Kherson", "Ukraine"),
    oblast("Kharkiv Oblast", "Kharkiv", "Ukraine"),
    oblast("Sumy Oblast", "Sumy", "Ukraine"),
    oblast("Chernihiv Oblast", "Chernihiv", "Ukraine"),
    oblast("Mykolaiv Oblast", "Mykolaiv", "Ukraine"),
    oblast("Odesa Oblast", "Odesa", "Ukraine"),
    oblast("Dnipropetrovsk Oblast", "Dnipropetrovsk", "Ukraine"),
    oblast("Poltava Oblast", "Poltava", "Ukraine"),
    oblast("Zhytomyr Oblast", "Zhytomyr", "Ukraine"),
    oblast("Volyn Oblast", "Volyn", "Ukraine"),
    oblast("Rivne Oblast", "Rivne", "Ukraine"),
    oblast("Vinnytsia Oblast", "Vinnytsia", "Ukraine"),
    oblast("Cherkasy Oblast", "Cherkasy", "Ukraine"),
    plain("North Hamgyong Province", false, "North Korea"),
    plain("South Hamgyong Province", false, "North Korea"),
    plain("North Pyongan Province", false, "North Korea"),
    plain("Kangwon Province", false, "North Korea"),
    plain("Ryanggang Province", false, "North Korea"),
    plain("Chagang Province", false, "North Korea"),
    plain("Gyeonggi Province", false, "South Korea"),
    plain("Gangwon Province", false, "South Korea"),
    plain("Transnistria", false, "Moldova"),
    plain("Abkhazia", false, "Georgia"),
    plain("South Ossetia", false, "Georgia"),
    plain("Golan Heights", true, "Syria"),
    plain("Xinjiang", false, "China"),
];

/// A counted group: its nouns (synonyms the extractor puts in one category), a typical range of
/// sizes, and the verb phrases that place it ("are stationed in").
pub struct Category {
    pub what: &'static str,
    pub nouns: &'static [&'static str],
    pub min: u64,
    pub max: u64,
    pub verbs: &'static [&'static str],
}

pub const CATEGORIES: &[Category] = &[
    Category {
        what: "troops",
        nouns: &["troops", "soldiers", "military personnel", "servicemen"],
        min: 1_500,
        max: 60_000,
        verbs: &[
            "are stationed in",
            "have been deployed to",
            "are now based in",
            "have arrived in",
        ],
    },
    Category {
        what: "officers",
        nouns: &["officers"],
        min: 40,
        max: 900,
        verbs: &["are stationed in", "have been sent to", "are serving in"],
    },
    Category {
        what: "drones",
        nouns: &["drones"],
        min: 60,
        max: 4_000,
        verbs: &["have been delivered to", "are deployed in", "were moved to"],
    },
    Category {
        what: "tanks",
        nouns: &["tanks"],
        min: 20,
        max: 600,
        verbs: &["have been moved to", "are deployed in", "were shipped to"],
    },
    Category {
        what: "missiles",
        nouns: &["missiles"],
        min: 12,
        max: 500,
        verbs: &["have been delivered to", "are stored in", "were shipped to"],
    },
    Category {
        what: "artillery shells",
        nouns: &["artillery shells", "shells"],
        min: 20_000,
        max: 900_000,
        verbs: &[
            "have been delivered to",
            "were shipped to",
            "are stockpiled in",
        ],
    },
    Category {
        what: "construction workers",
        nouns: &["construction workers", "builders"],
        min: 200,
        max: 9_000,
        verbs: &["are working in", "have been sent to", "have arrived in"],
    },
    Category {
        what: "deminers",
        nouns: &["deminers", "sappers"],
        min: 50,
        max: 2_500,
        verbs: &[
            "are working in",
            "have been sent to",
            "are clearing fields in",
        ],
    },
];

/// A real person: canonical name, other full-name spellings, the surname news uses alone
/// (empty when it would be ambiguous, as Kim is), country, and an office with its term.
pub struct Real {
    pub name: &'static str,
    pub variants: &'static [&'static str],
    pub surname: &'static str,
    pub country: &'static str,
    pub office: &'static str,
    pub from: &'static str,
    pub to: &'static str,
}

pub const REAL_PEOPLE: &[Real] = &[
    Real {
        name: "Vladimir Putin",
        variants: &[],
        surname: "Putin",
        country: "Russia",
        office: "President",
        from: "2012-05-07",
        to: "2099-12-31",
    },
    Real {
        name: "Sergey Lavrov",
        variants: &["Sergei Lavrov"],
        surname: "Lavrov",
        country: "Russia",
        office: "Foreign Minister",
        from: "2004-03-09",
        to: "2099-12-31",
    },
    Real {
        name: "Andrei Belousov",
        variants: &["Andrey Belousov"],
        surname: "Belousov",
        country: "Russia",
        office: "Defense Minister",
        from: "2024-05-14",
        to: "2099-12-31",
    },
    Real {
        name: "Sergei Shoigu",
        variants: &["Sergey Shoigu"],
        surname: "Shoigu",
        country: "Russia",
        office: "Defense Minister",
        from: "2012-11-06",
        to: "2024-05-12",
    },
    Real {
        name: "Kim Jong Un",
        variants: &["Kim Jong-un"],
        surname: "",
        country: "North Korea",
        office: "leader",
        from: "2011-12-17",
        to: "2099-12-31",
    },
    Real {
        name: "Choe Son Hui",
        variants: &["Choe Son-hui", "Choi Son-hui"],
        surname: "",
        country: "North Korea",
        office: "Foreign Minister",
        from: "2022-06-11",
        to: "2099-12-31",
    },
    Real {
        name: "No Kwang Chol",
        variants: &["No Kwang-chol"],
        surname: "",
        country: "North Korea",
        office: "Defense Minister",
        from: "2024-10-01",
        to: "2099-12-31",
    },
    Real {
        name: "Pak Jong Chon",
        variants: &["Pak Jong-chon", "Park Jung-chun"],
        surname: "",
        country: "North Korea",
        office: "",
        from: "",
        to: "",
    },
    Real {
        name: "Volodymyr Zelensky",
        variants: &["Volodymyr Zelenskyy"],
        surname: "Zelensky",
        country: "Ukraine",
        office: "President",
        from: "2019-05-20",
        to: "2099-12-31",
    },
    Real {
        name: "Dmytro Kuleba",
        variants: &[],
        surname: "Kuleba",
        country: "Ukraine",
        office: "Foreign Minister",
        from: "2020-03-04",
        to: "2024-09-04",
    },
    Real {
        name: "Andrii Sybiha",
        variants: &["Andriy Sybiha"],
        surname: "Sybiha",
        country: "Ukraine",
        office: "Foreign Minister",
        from: "2024-09-05",
        to: "2099-12-31",
    },
    Real {
        name: "Rustem Umerov",
        variants: &["Rustam Umerov"],
        surname: "Umerov",
        country: "Ukraine",
        office: "Defense Minister",
        from: "2023-09-06",
        to: "2025-07-17",
    },
    Real {
        name: "Xi Jinping",
        variants: &[],
        surname: "Xi",
        country: "China",
        office: "President",
        from: "2013-03-14",
        to: "2099-12-31",
    },
    Real {
        name: "Wang Yi",
        variants: &[],
        surname: "",
        country: "China",
        office: "Foreign Minister",
        from: "2023-07-25",
        to: "2099-12-31",
    },
    Real {
        name: "Antony Blinken",
        variants: &["Tony Blinken"],
        surname: "Blinken",
        country: "United States",
        office: "Secretary of State",
        from: "2021-01-26",
        to: "2025-01-20",
    },
    Real {
        name: "Lloyd Austin",
        variants: &[],
        surname: "Austin",
        country: "United States",
        office: "Defense Secretary",
        from: "2021-01-22",
        to: "2025-01-20",
    },
    Real {
        name: "Yoon Suk Yeol",
        variants: &["Yoon Suk-yeol"],
        surname: "Yoon",
        country: "South Korea",
        office: "President",
        from: "2022-05-10",
        to: "2025-04-04",
    },
    Real {
        name: "Cho Tae-yul",
        variants: &["Cho Tae Yul"],
        surname: "",
        country: "South Korea",
        office: "Foreign Minister",
        from: "2024-01-11",
        to: "2025-07-18",
    },
    Real {
        name: "Alexander Lukashenko",
        variants: &["Aleksandr Lukashenko"],
        surname: "Lukashenko",
        country: "Belarus",
        office: "President",
        from: "1994-07-20",
        to: "2099-12-31",
    },
    Real {
        name: "Recep Tayyip Erdogan",
        variants: &["Tayyip Erdogan"],
        surname: "Erdogan",
        country: "Turkey",
        office: "President",
        from: "2014-08-28",
        to: "2099-12-31",
    },
    Real {
        name: "Emmanuel Macron",
        variants: &[],
        surname: "Macron",
        country: "France",
        office: "President",
        from: "2017-05-14",
        to: "2099-12-31",
    },
];

/// Given names of invented Russians, each a class of spellings (the first is canonical).
pub const RU_GIVEN: &[&[&str]] = &[
    &["Sergey", "Sergei"],
    &["Dmitry", "Dmitri"],
    &["Andrei", "Andrey"],
    &["Aleksandr", "Alexander"],
    &["Yevgeny", "Evgeny"],
    &["Mikhail"],
    &["Nikolai", "Nikolay"],
    &["Alexei", "Aleksei"],
    &["Yuri", "Yury"],
    &["Valery", "Valeri"],
    &["Vasily", "Vasiliy"],
    &["Viktor", "Victor"],
    &["Igor"],
    &["Oleg"],
    &["Pavel"],
    &["Konstantin"],
    &["Grigory", "Grigori"],
    &["Anatoly", "Anatoli"],
];

pub const RU_FAMILY: &[&str] = &[
    "Volkov",
    "Sokolov",
    "Morozov",
    "Lebedev",
    "Kozlov",
    "Novikov",
    "Orlov",
    "Zaitsev",
    "Golubev",
    "Vinogradov",
    "Bogdanov",
    "Tarasov",
    "Belov",
    "Komarov",
    "Makarov",
    "Nikitin",
    "Gusev",
    "Titov",
    "Kuzmin",
    "Karpov",
    "Sorokin",
    "Yegorov",
    "Zhukov",
    "Frolov",
];

pub const UA_GIVEN: &[&[&str]] = &[
    &["Andriy", "Andrii"],
    &["Oleksandr"],
    &["Oleksiy", "Oleksii"],
    &["Serhiy", "Serhii"],
    &["Mykola"],
    &["Dmytro"],
    &["Taras"],
    &["Bohdan"],
    &["Vadym"],
    &["Mykhailo"],
    &["Petro"],
];

pub const UA_FAMILY: &[&str] = &[
    "Kovalenko",
    "Bondarenko",
    "Tkachenko",
    "Shevchenko",
    "Kravchenko",
    "Melnyk",
    "Boyko",
    "Oliynyk",
    "Lysenko",
    "Savchenko",
    "Rudenko",
    "Marchenko",
    "Polishchuk",
    "Tkachuk",
];

/// Korean surnames and syllables as classes of romanizations (first: the North's own usage).
pub const KO_SURNAME: &[&[&str]] = &[
    &["Kim"],
    &["Ri", "Lee"],
    &["Pak", "Park"],
    &["Choe", "Choi"],
    &["Kang"],
    &["Jo", "Cho"],
    &["Han"],
    &["Jang", "Chang"],
    &["Rim", "Lim"],
];

pub const KO_SYLLABLE: &[&[&str]] = &[
    &["Chol", "Cheol"],
    &["Yong", "Young"],
    &["Song", "Sung"],
    &["Myong", "Myung"],
    &["Hyok", "Hyuk"],
    &["Nam"],
    &["Su", "Soo"],
    &["Jin"],
    &["Ho"],
    &["Kwang", "Gwang"],
    &["Hui", "Hee"],
    &["Min"],
    &["Chun"],
    &["Thae", "Tae"],
    &["Jun", "Joon"],
    &["Sang"],
    &["Hwan"],
    &["Ryong"],
];

/// Invented Koreans that would be real people in the gazetteer: never generated.
pub const KO_REAL: &[&str] = &[
    "Ri Son Gwon",
    "Ri Yong Ho",
    "Kang Sun Nam",
    "Pak Jong Chon",
    "Choe Ryong Hae",
    "Kim Tok Hun",
    "Pak Thae Song",
    "Ri Il Hwan",
    "Kim Yong Chol",
    "Ri Pyong Chol",
    "Kim Song",
];

pub const EN_GIVEN: &[&str] = &[
    "John", "Michael", "David", "Robert", "James", "Sarah", "Emily", "Laura", "Daniel", "Thomas",
    "Karen", "Mark", "Rachel", "Peter", "Helen",
];

pub const EN_FAMILY: &[&str] = &[
    "Miller", "Harper", "Collins", "Bennett", "Reed", "Foster", "Hayes", "Porter", "Griffin",
    "Warren", "Fleming", "Whitaker", "Dalton", "Prescott",
];

/// Offices invented people hold: several people hold each at once, so none is an office-holder
/// identity by itself.
pub const JUNIOR_OFFICES: &[&str] = &[
    "Deputy Foreign Minister",
    "Deputy Defense Minister",
    "Deputy Prime Minister",
    "special envoy",
];

pub const OUTLETS: &[&str] = &[
    "Global Wire",
    "The Daily Dispatch",
    "Eastern Europe Monitor",
    "Asia Security Review",
    "The Evening Ledger",
    "World Affairs Brief",
    "Northern Herald",
    "Pacific Observer",
    "Continental Post",
    "The Morning Courier",
    "Defense Weekly Online",
    "Regional Times",
];

/// Who a reported count is attributed to.
pub const SOURCES: &[&str] = &[
    "Ukraine's military intelligence",
    "U.S. officials",
    "South Korea's spy agency",
    "a Western intelligence assessment",
    "defense analysts",
    "the Pentagon",
    "British defence intelligence",
    "diplomatic sources",
    "officials in Seoul",
];

/// Filler sentences: no figures, no dates, no words that trigger an event or a count. Slots:
/// {country}, {country2}, {adj}, {capital}.
pub const FILLER: &[&str] = &[
    "Analysts said the development reflected a broader realignment of alliances in the region.",
    "Officials in {capital} did not respond to a request for comment.",
    "The move drew sharp criticism from governments across Europe and Asia.",
    "Diplomats described the atmosphere as cordial but guarded.",
    "Observers have long warned that the conflict could spread beyond its current borders.",
    "The {adj} government has repeatedly denied any wrongdoing.",
    "Relations between {country} and {country2} have grown closer in recent years.",
    "Experts cautioned that independent verification of such reports remains difficult.",
    "The statement did not elaborate on the terms of the arrangement.",
    "State media in {country} carried the report without further comment.",
    "Critics argue that sanctions have done little to change the calculus in {capital}.",
    "The announcement came amid growing concern over regional stability.",
    "Western governments have urged restraint and called for dialogue.",
    "Satellite imagery reviewed by independent researchers appeared to show increased activity.",
    "The foreign ministry in {capital} called the allegations baseless.",
    "Economic ties between {country} and {country2} have expanded steadily.",
    "Military experts say the equipment is largely of older design.",
    "The issue is expected to dominate discussions among allied governments.",
    "Residents near the border reported hearing explosions overnight.",
    "The development raised fresh questions about the durability of existing agreements.",
    "A spokesperson for the {adj} embassy declined to comment on the matter.",
    "Officials stressed that cooperation would continue in the fields of energy and transport.",
    "Opposition lawmakers demanded a full explanation from the government.",
    "Markets reacted cautiously to the news, with regional currencies slightly weaker.",
    "Humanitarian groups warned of worsening conditions for civilians in the affected areas.",
    "The report could not be independently confirmed.",
    "Some analysts see the shift as a sign of growing isolation.",
    "Others argue that the partnership is driven mainly by economic necessity.",
    "The two governments have pledged to deepen cooperation in defense and technology.",
    "The government of {country} has sought to diversify its partners in response to Western pressure.",
    "Commentators in {capital} framed the decision as a matter of national security.",
    "International monitors have asked for access to the region.",
    "The ministry said further details would be released in due course.",
    "Security along the frontier has been tightened considerably.",
    "The episode is likely to complicate efforts to reach a negotiated settlement.",
];

/// Section headings sprinkled between paragraphs, as news sites do.
pub const HEADINGS: &[&str] = &[
    "A Shifting Balance",
    "What Comes Next",
    "Regional Reactions",
    "Background",
    "Military Cooperation",
    "Diplomatic Fallout",
    "Questions Remain",
    "The Wider Picture",
];

/// Site boilerplate lines ("Read : …") that real scraped articles carry.
pub const READ_MORE: &[&str] = &[
    "Read : Hidden Costs of the Energy Transition",
    "Read : Five Things to Know About the Sanctions Regime",
    "Read : How Satellite Imagery Is Changing War Reporting",
    "Read : The Long History of Border Disputes in Eastern Europe",
];

pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const MONTHS_ABBR: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// Parts of composed filler sentences: "{speaker} {verb} {complement}." (thousands of
/// combinations, so that long articles do not repeat themselves).
pub const SPEAKERS: &[&str] = &[
    "Analysts",
    "Diplomats",
    "Officials in {capital}",
    "Critics of the government",
    "Observers",
    "Lawmakers in {capital}",
    "Western officials",
    "Regional experts",
    "Security analysts",
    "Former officials",
    "Military observers",
    "Commentators in {country}",
];

pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "warned",
    "noted",
    "argued",
    "cautioned",
    "suggested",
];

pub const COMPLEMENTS: &[&str] = &[
    "that the situation remained fluid",
    "that the outcome was far from certain",
    "that the partnership had deepened considerably",
    "that {country} was seeking leverage ahead of future negotiations",
    "that the sanctions regime was showing signs of strain",
    "that the region faced a prolonged period of uncertainty",
    "that the latest steps were largely symbolic",
    "that public opinion in {country} remained divided",
    "that the move would be closely watched by neighbouring states",
    "that the economic costs were mounting",
    "that supply lines were under growing pressure",
    "that independent confirmation was still lacking",
    "that the decision reflected domestic political pressures",
    "that the arrangement could outlast the current conflict",
    "that the rhetoric from {capital} had hardened",
    "that the allies would need to coordinate more closely",
    "that the risk of miscalculation had increased",
    "that the governments involved were testing each other's resolve",
    "that the humanitarian situation was deteriorating",
    "that the diplomatic channels remained open",
];
