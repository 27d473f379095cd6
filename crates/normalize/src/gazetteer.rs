//! The gazetteer: countries, places, offices, organisations and well-known people, read once from
//! the TSV files in `data/` (formats in docs/normalize.md) and queried by surface form.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use claims_model::{Date, Role};

use crate::fold::{fold_phrase, fold_token, name_tokens, strip_possessive};
use crate::names::{pinyin_syllables, NameKey, NameTables};

/// FxHash (multiply and rotate, as in rustc): the gazetteer's tables are looked up for most
/// phrases of every document, and SipHash was about a tenth of name recognition. Keys are only
/// ever inserted from the crate's data files, so a hash that input could flood is no concern.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A map of the gazetteer's tables (see [`FxHasher`]).
pub(crate) type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A set of the gazetteer's tables (see [`FxHasher`]).
pub(crate) type Set<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Why a gazetteer data file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum GazetteerError {
    /// A row with too few columns.
    #[error("{file}:{line}: expected {expected} tab-separated columns, found {found}")]
    Columns {
        file: &'static str,
        line: usize,
        expected: usize,
        found: usize,
    },
    /// A value a column does not allow (an unknown place kind, a bad date, an unknown parent).
    #[error("{file}:{line}: {message}")]
    Value {
        file: &'static str,
        line: usize,
        message: String,
    },
}

/// The contents of the gazetteer's data files, so that a caller can extend or replace them.
#[derive(Clone, Copy, Debug)]
pub struct GazetteerSources<'a> {
    pub countries: &'a str,
    pub places: &'a str,
    pub offices: &'a str,
    pub org_types: &'a str,
    pub organizations: &'a str,
    pub people: &'a str,
    pub terms: &'a str,
    pub korean: &'a str,
    pub chinese: &'a str,
    pub name_variants: &'a str,
}

impl GazetteerSources<'static> {
    /// The data files shipped with the crate.
    pub fn builtin() -> Self {
        GazetteerSources {
            countries: include_str!("../data/countries.tsv"),
            places: include_str!("../data/places.tsv"),
            offices: include_str!("../data/offices.tsv"),
            org_types: include_str!("../data/org_types.tsv"),
            organizations: include_str!("../data/organizations.tsv"),
            people: include_str!("../data/people.tsv"),
            terms: include_str!("../data/terms.tsv"),
            korean: include_str!("../data/korean.tsv"),
            chinese: include_str!("../data/chinese.tsv"),
            name_variants: include_str!("../data/name_variants.tsv"),
        }
    }
}

/// What sort of place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    /// An oblast, province, krai, state or other region (Crimea, Donbas).
    Region,
    /// A city, town or village.
    City,
}

impl PlaceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
        }
    }
}

/// A place with the places containing it, innermost first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceInfo {
    pub name: String,
    pub kind: PlaceKind,
    pub within: Vec<String>,
}

/// An organisation with the country it belongs to, if it belongs to one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgInfo {
    pub name: String,
    pub country: Option<String>,
}

/// One office a person held, with its term when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeTerm {
    /// Normalized office ("defense minister").
    pub office: String,
    /// Canonical country ("North Korea").
    pub country: String,
    pub from: Option<Date>,
    /// `None`: still in office (as far as the data knows) or end unknown.
    pub to: Option<Date>,
}

impl OfficeTerm {
    /// Does the term cover `date`? An unknown start never covers.
    pub fn covers(&self, date: Date) -> bool {
        self.from.is_some_and(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// A well-known person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonInfo {
    pub name: String,
    pub aliases: Vec<String>,
    pub offices: Vec<OfficeTerm>,
}

#[derive(Debug)]
struct PlaceRow {
    name: String,
    kind: PlaceKind,
    parent: Option<usize>,
}

/// The built-in gazetteer and its indexes. Build one with [`Gazetteer::builtin`] or
/// [`Gazetteer::from_sources`].
#[derive(Debug)]
pub struct Gazetteer {
    /// Folded country name, alias, adjective, capital or metonym → canonical country.
    countries: Map<String, String>,
    /// Short upper-case abbreviations ("US", "UK"), matched with their case (so "us" is not the
    /// United States) after dots are removed.
    country_abbrevs: Map<String, String>,
    /// Folded metonyms only ("kremlin", "white house"): a government named by its seat.
    metonyms: Set<String>,
    country_names: Set<String>,
    places: Vec<PlaceRow>,
    /// Folded full names and aliases → place.
    place_index: Map<String, usize>,
    /// Folded region stems ("kursk" for Kursk Oblast) → region.
    region_stems: Map<String, usize>,
    offices: Map<String, String>,
    /// The last word of every folded office title ("minister", "state", "leader"): a cheap test
    /// that lets a recognizer skip phrases that cannot be a title.
    office_last_words: Set<String>,
    org_types: Map<String, String>,
    orgs: Vec<OrgInfo>,
    org_index: Map<String, usize>,
    org_abbrevs: Map<String, usize>,
    people: Vec<PersonInfo>,
    /// Name key → person; `None` marks a key two people share (so it identifies nobody).
    person_keys: Map<String, Option<usize>>,
    /// (office, country) → people who held it, for the office-holder rule.
    holders: Map<(String, String), Vec<usize>>,
    pub(crate) names: NameTables,
}

static BUILTIN: LazyLock<Gazetteer> = LazyLock::new(|| {
    // The built-in files are constants of this crate and a unit test parses them, so a failure
    // here is a build defect, not an input error.
    match Gazetteer::from_sources(&GazetteerSources::builtin()) {
        Ok(g) => g,
        Err(e) => panic!("built-in gazetteer data is invalid: {e}"),
    }
});

/// Region words stripped from a place name to find its stem ("Kursk region" → "kursk").
const REGION_WORDS: &[&str] = &[
    "region",
    "oblast",
    "province",
    "krai",
    "kray",
    "governorate",
    "prefecture",
    "district",
    "republic",
    "territory",
    "area",
    "state",
    "county",
    "oblast'",
];

/// Compass words that may stand before a place name without being part of it.
const COMPASS: &[&str] = &[
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north",
    "south",
    "east",
    "west",
];

/// Rows of a TSV file: (line number, columns), blank lines and `#` comments skipped.
fn rows(
    file: &'static str,
    text: &str,
    expected: usize,
) -> Result<Vec<(usize, Vec<String>)>, GazetteerError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols: Vec<String> = line.split('\t').map(|c| c.trim().to_string()).collect();
        if cols.len() < expected {
            // Trailing empty columns may be left out; the first ones may not.
            if cols.len() < 2.min(expected) {
                return Err(GazetteerError::Columns {
                    file,
                    line: i + 1,
                    expected,
                    found: cols.len(),
                });
            }
            cols.resize(expected, String::new());
        }
        out.push((i + 1, cols));
    }
    Ok(out)
}

/// A `|`-separated list; empty and `-` mean none.
fn list(col: &str) -> Vec<String> {
    if col == "-" {
        return Vec::new();
    }
    col.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn opt(col: &str) -> Option<&str> {
    (!col.is_empty() && col != "-").then_some(col)
}

/// Is this alias an abbreviation to match with its case ("US", "UN", but not "NATO")?
fn is_short_abbrev(alias: &str) -> bool {
    let letters: String = alias.chars().filter(|c| *c != '.').collect();
    (2..=3).contains(&letters.chars().count()) && letters.chars().all(|c| c.is_ascii_uppercase())
}

/// An abbreviation as written, without dots or a leading "the" ("the U.N." → "UN").
fn undotted(s: &str) -> String {
    undotted_parts(s).filter(|c| *c != '.').collect()
}

/// The characters [`undotted`] keeps, dots included.
fn undotted_parts(s: &str) -> std::str::Chars<'_> {
    let s = s.trim();
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
        .chars()
}

/// Can `surface` be a short abbreviation, possibly with a possessive ("U.S.", "UK's")? Those
/// have at most 3 letters, plus 2 characters of "'s" once dots are gone; the test spares the
/// lookups of longer phrases an allocation.
fn may_be_abbrev(surface: &str) -> bool {
    undotted_parts(surface)
        .filter(|c| *c != '.')
        .nth(5)
        .is_none()
}

impl Gazetteer {
    /// The built-in gazetteer (parsed once from the data files).
    ///
    /// # Panics
    /// Only if the data files shipped with the crate are invalid, which the crate's tests rule out.
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    /// Builds a gazetteer from data files in the documented formats.
    ///
    /// # Errors
    /// [`GazetteerError`] naming the file and line of the first row that cannot be read.
    pub fn from_sources(src: &GazetteerSources<'_>) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer {
            countries: Map::default(),
            country_abbrevs: Map::default(),
            metonyms: Set::default(),
            country_names: Set::default(),
            places: Vec::new(),
            place_index: Map::default(),
            region_stems: Map::default(),
            offices: Map::default(),
            office_last_words: Set::default(),
            org_types: Map::default(),
            orgs: Vec::new(),
            org_index: Map::default(),
            org_abbrevs: Map::default(),
            people: Vec::new(),
            person_keys: Map::default(),
            holders: Map::default(),
            names: NameTables::default(),
        };
        g.read_names(src)?;
        g.read_countries(src.countries)?;
        g.read_places(src.places)?;
        g.read_offices(src.offices, src.org_types)?;
        g.read_orgs(src.organizations)?;
        g.read_people(src.people, src.terms)?;
        Ok(g)
    }

    fn read_names(&mut self, src: &GazetteerSources<'_>) -> Result<(), GazetteerError> {
        const KOREAN: &str = "korean.tsv";
        for (line, cols) in rows(KOREAN, src.korean, 2)? {
            let variants: Vec<String> = list(&cols[1]).iter().map(|v| fold_token(v)).collect();
            let Some(class) = variants.first().cloned() else {
                continue;
            };
            let table = match cols[0].as_str() {
                "surname" => &mut self.names.korean_surnames,
                "syllable" => &mut self.names.korean_syllables,
                other => {
                    return Err(GazetteerError::Value {
                        file: KOREAN,
                        line,
                        message: format!("kind must be surname or syllable, not {other:?}"),
                    })
                }
            };
            for v in variants {
                table.entry(v).or_insert_with(|| class.clone());
            }
        }
        self.names.korean_max_len = self
            .names
            .korean_syllables
            .keys()
            .map(String::len)
            .max()
            .unwrap_or(1);
        for (_, cols) in rows("chinese.tsv", src.chinese, 1)? {
            for s in list(&cols[0]) {
                self.names.chinese_surnames.insert(fold_token(&s));
            }
        }
        self.names.pinyin = pinyin_syllables();
        const VARIANTS: &str = "name_variants.tsv";
        for (line, cols) in rows(VARIANTS, src.name_variants, 2)? {
            let variants: Vec<String> = list(&cols[1]).iter().map(|v| fold_token(v)).collect();
            let Some(class) = variants.first().cloned() else {
                continue;
            };
            match cols[0].as_str() {
                "given" => {
                    self.names.given.insert(class.clone());
                }
                "family" => {}
                other => {
                    return Err(GazetteerError::Value {
                        file: VARIANTS,
                        line,
                        message: format!("kind must be given or family, not {other:?}"),
                    })
                }
            }
            for v in variants {
                self.names
                    .variants
                    .entry(v)
                    .or_insert_with(|| class.clone());
            }
        }
        Ok(())
    }

    fn read_countries(&mut self, text: &str) -> Result<(), GazetteerError> {
        for (_, cols) in rows("countries.tsv", text, 5)? {
            let name = cols[0].clone();
            let mut surfaces = vec![name.clone()];
            surfaces.extend(list(&cols[1]));
            surfaces.extend(list(&cols[2]));
            let capital = opt(&cols[3]).map(str::to_string);
            surfaces.extend(capital.clone());
            let metonyms = list(&cols[4]);
            for m in &metonyms {
                self.metonyms.insert(fold_phrase(m));
            }
            surfaces.extend(metonyms);
            self.country_names.insert(fold_phrase(&name));
            for s in &cols[1..2].iter().flat_map(|c| list(c)).collect::<Vec<_>>() {
                self.country_names.insert(fold_phrase(s));
            }
            for s in surfaces {
                if is_short_abbrev(&s) {
                    self.country_abbrevs
                        .entry(undotted(&s))
                        .or_insert_with(|| name.clone());
                } else {
                    self.countries
                        .entry(fold_phrase(&s))
                        .or_insert_with(|| name.clone());
                }
            }
            let idx = self.places.len();
            self.places.push(PlaceRow {
                name: name.clone(),
                kind: PlaceKind::Country,
                parent: None,
            });
            self.place_index.insert(fold_phrase(&name), idx);
            for alias in list(&cols[1]) {
                if !is_short_abbrev(&alias) {
                    self.place_index.entry(fold_phrase(&alias)).or_insert(idx);
                }
            }
            if let Some(cap) = capital {
                let c = self.places.len();
                self.places.push(PlaceRow {
                    name: cap.clone(),
                    kind: PlaceKind::City,
                    parent: Some(idx),
                });
                self.place_index.entry(fold_phrase(&cap)).or_insert(c);
            }
        }
        Ok(())
    }

    fn read_places(&mut self, text: &str) -> Result<(), GazetteerError> {
        const FILE: &str = "places.tsv";
        for (line, cols) in rows(FILE, text, 4)? {
            let kind = match cols[1].as_str() {
                "region" => PlaceKind::Region,
                "city" => PlaceKind::City,
                "country" => PlaceKind::Country,
                other => {
                    return Err(GazetteerError::Value {
                        file: FILE,
                        line,
                        message: format!("kind must be region, city or country, not {other:?}"),
                    })
                }
            };
            let parent = match opt(&cols[2]) {
                None => None,
                Some(p) => match self.place_index.get(&fold_phrase(p)) {
                    Some(&i) => Some(i),
                    None => {
                        return Err(GazetteerError::Value {
                            file: FILE,
                            line,
                            message: format!("unknown parent {p:?} (list parents first)"),
                        })
                    }
                },
            };
            let name = cols[0].clone();
            let idx = match self.place_index.get(&fold_phrase(&name)) {
                // A capital already made from countries.tsv: the row refines its parent.
                Some(&i) if self.places[i].name == name && self.places[i].kind == kind => {
                    if parent.is_some() {
                        self.places[i].parent = parent;
                    }
                    i
                }
                _ => {
                    self.places.push(PlaceRow {
                        name: name.clone(),
                        kind,
                        parent,
                    });
                    let i = self.places.len() - 1;
                    self.place_index.insert(fold_phrase(&name), i);
                    i
                }
            };
            let aliases = list(&cols[3]);
            for a in &aliases {
                self.place_index.entry(fold_phrase(a)).or_insert(idx);
            }
            if kind == PlaceKind::Region {
                let mut stems = vec![region_stem(&fold_phrase(&name))];
                stems.extend(aliases.iter().map(|a| region_stem(&fold_phrase(a))));
                for s in stems.into_iter().filter(|s| !s.is_empty()) {
                    self.region_stems.entry(s).or_insert(idx);
                }
            }
        }
        Ok(())
    }

    fn read_offices(&mut self, offices: &str, org_types: &str) -> Result<(), GazetteerError> {
        for (_, cols) in rows("offices.tsv", offices, 2)? {
            let office = cols[0].clone();
            self.offices.insert(fold_office(&office), office.clone());
            for v in list(&cols[1]) {
                self.offices
                    .entry(fold_office(&v))
                    .or_insert_with(|| office.clone());
            }
        }
        self.office_last_words = self
            .offices
            .keys()
            .filter_map(|k| k.rsplit(' ').next())
            .map(str::to_string)
            .collect();
        for (_, cols) in rows("org_types.tsv", org_types, 2)? {
            let t = cols[0].clone();
            self.org_types.insert(fold_office(&t), t.clone());
            for v in list(&cols[1]) {
                self.org_types
                    .entry(fold_office(&v))
                    .or_insert_with(|| t.clone());
            }
        }
        Ok(())
    }

    fn read_orgs(&mut self, text: &str) -> Result<(), GazetteerError> {
        const FILE: &str = "organizations.tsv";
        for (line, cols) in rows(FILE, text, 3)? {
            let country = match opt(&cols[1]) {
                None => None,
                Some(c) => match self.country(c) {
                    Some(c) => Some(c.to_string()),
                    None => {
                        return Err(GazetteerError::Value {
                            file: FILE,
                            line,
                            message: format!("unknown country {c:?}"),
                        })
                    }
                },
            };
            let idx = self.orgs.len();
            self.orgs.push(OrgInfo {
                name: cols[0].clone(),
                country,
            });
            self.org_index.insert(fold_phrase(&cols[0]), idx);
            for a in list(&cols[2]) {
                if is_short_abbrev(&a) {
                    self.org_abbrevs.entry(undotted(&a)).or_insert(idx);
                } else {
                    self.org_index.entry(fold_phrase(&a)).or_insert(idx);
                }
            }
        }
        Ok(())
    }

    fn read_people(&mut self, people: &str, terms: &str) -> Result<(), GazetteerError> {
        for (_, cols) in rows("people.tsv", people, 2)? {
            let idx = self.people.len();
            let aliases = list(&cols[1]);
            let mut keys: HashSet<String> = HashSet::new();
            for n in std::iter::once(&cols[0]).chain(&aliases) {
                if let Some(k) = self.names.key(n) {
                    keys.insert(k.key);
                }
            }
            for k in keys {
                self.person_keys
                    .entry(k)
                    .and_modify(|slot| {
                        if *slot != Some(idx) {
                            *slot = None;
                        }
                    })
                    .or_insert(Some(idx));
            }
            self.people.push(PersonInfo {
                name: cols[0].clone(),
                aliases,
                offices: Vec::new(),
            });
        }
        const FILE: &str = "terms.tsv";
        let by_name: HashMap<String, usize> = self
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.clone(), i))
            .collect();
        for (line, cols) in rows(FILE, terms, 5)? {
            let bad = |message: String| GazetteerError::Value {
                file: FILE,
                line,
                message,
            };
            let &person = by_name
                .get(&cols[0])
                .ok_or_else(|| bad(format!("unknown person {:?}", cols[0])))?;
            let office = self
                .office(&cols[1])
                .ok_or_else(|| bad(format!("unknown office {:?}", cols[1])))?
                .to_string();
            let country = self
                .country(&cols[2])
                .ok_or_else(|| bad(format!("unknown country {:?}", cols[2])))?
                .to_string();
            let date = |c: &str| -> Result<Option<Date>, GazetteerError> {
                opt(c)
                    .map(|d| {
                        d.parse::<Date>()
                            .map_err(|e| bad(format!("bad date {d:?}: {e}")))
                    })
                    .transpose()
            };
            let (from, to) = (date(&cols[3])?, date(&cols[4])?);
            self.holders
                .entry((office.clone(), country.clone()))
                .or_default()
                .push(person);
            self.people[person].offices.push(OfficeTerm {
                office,
                country,
                from,
                to,
            });
        }
        for v in self.holders.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
        Ok(())
    }

    /// A country from its name, adjective/demonym, short form or capital used as government:
    /// "North Korean", "DPRK", "Pyongyang" → "North Korea"; "the Kremlin" → "Russia". A trailing
    /// possessive is ignored ("Russia's"). Short upper-case abbreviations match with their case.
    pub fn country(&self, surface: &str) -> Option<&str> {
        if may_be_abbrev(surface) {
            let abbrev = undotted(surface);
            let abbrev = abbrev
                .strip_suffix("'s")
                .or_else(|| abbrev.strip_suffix("’s"))
                .unwrap_or(&abbrev);
            if let Some(c) = self.country_abbrevs.get(abbrev) {
                return Some(c);
            }
        }
        let f = fold_phrase(surface);
        self.countries
            .get(&f)
            .or_else(|| self.countries.get(strip_possessive(&f)))
            .map(String::as_str)
    }

    /// Is `surface` a government named by its seat ("the Kremlin", "the White House")?
    pub fn is_country_metonym(&self, surface: &str) -> bool {
        self.metonyms.contains(&fold_phrase(surface))
    }

    fn place_info(&self, idx: usize) -> PlaceInfo {
        let row = &self.places[idx];
        let mut within = Vec::new();
        let mut parent = row.parent;
        // Parents are listed before children, so the chain is finite; the bound is a guard.
        while let Some(p) = parent {
            if within.len() > 8 {
                break;
            }
            within.push(self.places[p].name.clone());
            parent = self.places[p].parent;
        }
        PlaceInfo {
            name: row.name.clone(),
            kind: row.kind,
            within,
        }
    }

    /// A place (country, region, city) from a surface form, with the places containing it,
    /// innermost first: "Kursk region" | "Kursk Oblast" | "Kursk" → Kursk Oblast within Russia.
    /// Region words ("region", "oblast", "province", …) and "city of" are stripped generally.
    pub fn place(&self, surface: &str) -> Option<PlaceInfo> {
        let folded = fold_phrase(surface);
        let f = strip_possessive(&folded);
        if let Some(&i) = self.place_index.get(f) {
            return Some(self.place_info(i));
        }
        if let Some(&i) = self.region_stems.get(f) {
            return Some(self.place_info(i));
        }
        let city = f
            .strip_prefix("city of ")
            .or_else(|| f.strip_suffix(" city"))
            .or_else(|| f.strip_prefix("town of "))
            .or_else(|| f.strip_prefix("village of "));
        if let Some(c) = city {
            if let Some(&i) = self.place_index.get(c.trim()) {
                return Some(self.place_info(i));
            }
        }
        // The stem differs from the phrase only when a word goes (`region_stem` allocates).
        if f.split(' ').any(|w| REGION_WORDS.contains(&w) || w == "of") {
            let stem = region_stem(f);
            if stem != f && !stem.is_empty() {
                if let Some(&i) = self
                    .region_stems
                    .get(&stem)
                    .or_else(|| self.place_index.get(&stem))
                {
                    return Some(self.place_info(i));
                }
            }
        }
        // "Russia's Kursk region": a country word before a place inside that country.
        if let Some((country, rest)) = self.split_country(surface) {
            if let Some(p) = self.place(&rest) {
                if p.within.contains(&country) {
                    return Some(p);
                }
            }
        }
        // "the eastern city of Wonsan": a compass word before a place that is not part of its name.
        if let Some((first, rest)) = f.split_once(' ') {
            if COMPASS.contains(&first) {
                if let Some(p) = self.place(rest) {
                    return Some(p);
                }
            }
        }
        let country = self.country(surface)?;
        // Adjectives and metonyms name a country but are not places ("Russian", "the Kremlin").
        if self.country_names.contains(strip_possessive(&folded)) || is_short_abbrev(surface.trim())
        {
            let &i = self.place_index.get(&fold_phrase(country))?;
            return Some(self.place_info(i));
        }
        None
    }

    /// Normalized office from a title phrase: "Defence Minister" | "Minister of Defense" |
    /// "defense chief" → "defense minister"; "Secretary of State" → "secretary of state".
    pub fn office(&self, title: &str) -> Option<&str> {
        let f = fold_office(title);
        let f = f.strip_prefix("acting ").unwrap_or(&f);
        self.offices.get(f).map(String::as_str)
    }

    /// Can a title end with this word (case-insensitive)? False for most words of a text, so a
    /// recognizer can skip [`Gazetteer::role`] on phrases that cannot be a title.
    pub fn may_end_office(&self, word: &str) -> bool {
        // Called for most words of a text: short ASCII words are lower-cased on the stack.
        let mut buf = [0u8; 24];
        let w: std::borrow::Cow<'_, str> = match buf.get_mut(..word.len()) {
            Some(b) if word.is_ascii() => {
                b.copy_from_slice(word.as_bytes());
                b.make_ascii_lowercase();
                std::str::from_utf8(b).map_or_else(
                    |_| std::borrow::Cow::Owned(word.to_lowercase()),
                    std::borrow::Cow::Borrowed,
                )
            }
            _ => std::borrow::Cow::Owned(word.to_lowercase()),
        };
        let w = if w == "defence" { "defense" } else { &w };
        self.office_last_words.contains(w)
    }

    /// An office with its country from a title phrase: "North Korean Defense Minister",
    /// "Russia's foreign minister", "Minister of Foreign Affairs of Ukraine", "US Secretary of
    /// State". Without a country word the role has `country: None`.
    pub fn role(&self, phrase: &str) -> Option<Role> {
        if let Some(office) = self.office(phrase) {
            return Some(Role {
                office: office.to_string(),
                country: None,
            });
        }
        let (country, rest) = self.split_country(phrase)?;
        let office = self.office(&rest)?;
        Some(Role {
            office: office.to_string(),
            country: Some(country),
        })
    }

    /// Splits a leading country word ("North Korean …", "Russia's …") or a trailing "of <country>"
    /// from a phrase; returns the country and the rest as written.
    fn split_country(&self, phrase: &str) -> Option<(String, String)> {
        // The words joined by single spaces once; `words[a..b].join(" ")` is then the slice
        // `joined[starts[a]..starts[b] - 1]` (`starts` has one more entry, past the end).
        let mut joined = String::with_capacity(phrase.len());
        let mut starts = Vec::new();
        let mut words = 0;
        for w in phrase.split_whitespace() {
            if words > 0 {
                joined.push(' ');
            }
            starts.push(joined.len());
            joined.push_str(w);
            words += 1;
        }
        starts.push(joined.len() + 1);
        let span = |a: usize, b: usize| &joined[starts[a]..starts[b] - 1];
        for n in (1..words.min(5)).rev() {
            if let Some(c) = self.country(span(0, n)) {
                return Some((c.to_string(), span(n, words).to_string()));
            }
        }
        for i in (1..words.saturating_sub(1)).rev() {
            if span(i, i + 1).eq_ignore_ascii_case("of") {
                if let Some(c) = self.country(span(i + 1, words)) {
                    return Some((c.to_string(), span(0, i).to_string()));
                }
            }
        }
        None
    }

    /// An organisation from a surface form: "Workers' Party of Korea", "the Pentagon", "NATO",
    /// "UN", "State Duma"; a country word with an organisation type makes one too ("Russian
    /// Defense Ministry" → "Ministry of Defense (Russia)"). A government named by its seat ("the
    /// Kremlin") is the country: see [`Gazetteer::country`]; this returns `None` for it.
    pub fn organization(&self, surface: &str) -> Option<OrgInfo> {
        if let Some(&i) = self.org_abbrevs.get(&undotted(surface)) {
            return Some(self.orgs[i].clone());
        }
        let f = fold_phrase(surface);
        if let Some(&i) = self
            .org_index
            .get(&f)
            .or_else(|| self.org_index.get(strip_possessive(&f)))
        {
            return Some(self.orgs[i].clone());
        }
        let (country, rest) = self.split_country(surface)?;
        let t = self.org_types.get(&fold_office(&rest))?;
        Some(OrgInfo {
            name: format!("{t} ({country})"),
            country: Some(country),
        })
    }

    /// A well-known person from any alias (full name in any romanization, or an unambiguous
    /// surname listed as an alias).
    pub fn person(&self, name: &str) -> Option<&PersonInfo> {
        let key = self.names.key(name)?;
        self.person_by_key(&key).map(|i| &self.people[i])
    }

    pub(crate) fn person_by_key(&self, key: &NameKey) -> Option<usize> {
        self.person_keys.get(&key.key).copied().flatten()
    }

    pub(crate) fn people_count(&self) -> usize {
        self.people.len()
    }

    pub(crate) fn name_key(&self, name: &str) -> Option<NameKey> {
        self.names.key(name)
    }

    pub(crate) fn person_at(&self, idx: usize) -> &PersonInfo {
        &self.people[idx]
    }

    /// The people who held `office` of `country` on `date`, per the terms data.
    pub fn holders_on(&self, office: &str, country: &str, date: Date) -> Vec<&PersonInfo> {
        self.holder_ids_on(office, country, date)
            .into_iter()
            .map(|i| &self.people[i])
            .collect()
    }

    pub(crate) fn holder_ids_on(&self, office: &str, country: &str, date: Date) -> Vec<usize> {
        let Some(ids) = self.holders.get(&(office.to_string(), country.to_string())) else {
            return Vec::new();
        };
        ids.iter()
            .copied()
            .filter(|&i| {
                self.people[i]
                    .offices
                    .iter()
                    .any(|t| t.office == office && t.country == country && t.covers(date))
            })
            .collect()
    }

    /// Is this token a Korean surname in any romanization (Kim, Choe, Choi, Ch'oe, Ri, Lee, …)?
    /// Case-insensitive.
    pub fn is_korean_surname(&self, token: &str) -> bool {
        self.names.is_korean_surname(&fold_token(token))
    }

    /// Is this token a Korean given-name syllable in any romanization (jong, chong, jeong, un,
    /// eun, hui, hee, …), or a given name written joined or hyphenated ("Jong-un", "Sonhui")?
    /// Case-insensitive.
    pub fn is_korean_syllable(&self, token: &str) -> bool {
        let tokens = name_tokens(token);
        !tokens.is_empty()
            && tokens.iter().all(|t| {
                self.names.korean_syllables.contains_key(&t.text)
                    || segment_korean(&self.names, &t.text).is_some_and(|s| s.len() <= 3)
            })
    }
}

fn segment_korean(names: &NameTables, s: &str) -> Option<Vec<String>> {
    let key = names.key(&format!("kim {s}"))?;
    (key.system == crate::names::NameSystem::Korean)
        .then(|| key.parts[1..].iter().map(|p| p.0.clone()).collect())
}

/// Folds an office or organisation type: British spellings and "for"/"of the" made one.
fn fold_office(s: &str) -> String {
    let f = fold_phrase(s);
    let mut out = String::with_capacity(f.len() + 1);
    let words = f
        .split(' ')
        .map(|w| match w {
            "defence" => "defense",
            "for" => "of",
            "programme" => "program",
            w => w,
        })
        .filter(|w| *w != "the");
    for (k, w) in words.enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The stem of a region name: its words without region words ("kursk oblast" → "kursk").
fn region_stem(folded: &str) -> String {
    folded
        .split(' ')
        .filter(|w| !REGION_WORDS.contains(w) && *w != "of")
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASES: &[&str] = &[
        "North Korean Defense Minister",
        "Russia's foreign minister",
        "Minister of Foreign Affairs of Ukraine",
        "US Secretary of State",
        "U.S. Secretary of State",
        "the U.S.",
        "The\tU.S.",
        "the  Kremlin",
        "UK's",
        "UK’s",
        "U.K.'s defence secretary",
        "President of the Russian Federation",
        "South Korea’s  National Assembly",
        "said Defense Minister",
        "Kursk region",
        "",
        "   ",
        "of",
        "Minister of",
    ];

    /// `country` as it was before the abbreviation pre-test.
    fn country_reference<'g>(g: &'g Gazetteer, surface: &str) -> Option<&'g str> {
        let abbrev = undotted(surface);
        let abbrev = abbrev
            .strip_suffix("'s")
            .or_else(|| abbrev.strip_suffix("’s"))
            .unwrap_or(&abbrev);
        if let Some(c) = g.country_abbrevs.get(abbrev) {
            return Some(c);
        }
        let f = fold_phrase(surface);
        g.countries
            .get(&f)
            .or_else(|| g.countries.get(strip_possessive(&f)))
            .map(String::as_str)
    }

    /// `split_country` as it was before it joined the words only once.
    fn split_reference(g: &Gazetteer, phrase: &str) -> Option<(String, String)> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        for n in (1..words.len().min(5)).rev() {
            if let Some(c) = g.country(&words[..n].join(" ")) {
                return Some((c.to_string(), words[n..].join(" ")));
            }
        }
        for i in (1..words.len().saturating_sub(1)).rev() {
            if words[i].eq_ignore_ascii_case("of") {
                if let Some(c) = g.country(&words[i + 1..].join(" ")) {
                    return Some((c.to_string(), words[..i].join(" ")));
                }
            }
        }
        None
    }

    #[test]
    fn allocation_light_lookups_answer_as_before() {
        let g = Gazetteer::builtin();
        let mut found = 0;
        for p in PHRASES {
            let words: Vec<&str> = p.split_whitespace().collect();
            for a in 0..words.len() {
                for b in a + 1..=words.len() {
                    let sub = words[a..b].join(" ");
                    assert_eq!(g.country(&sub), country_reference(g, &sub), "{sub:?}");
                }
            }
            assert_eq!(g.country(p), country_reference(g, p), "{p:?}");
            let split = g.split_country(p);
            found += usize::from(split.is_some());
            assert_eq!(split, split_reference(g, p), "{p:?}");
        }
        assert!(found >= 5, "too few phrases name a country: {found}");
    }
}
