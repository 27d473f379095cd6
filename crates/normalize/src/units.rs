//! Mentions as resolution takes them in bulk: every string interned once, and identical mentions
//! of one document (same surface, name, kind, role and date) kept as one *unit* with a count. A
//! collection names a few thousand things millions of times; resolution then works per unit.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use claims_model::{Date, EntityKind};

/// One mention, borrowed from wherever the caller holds it (a database row, a [`MentionInput`]).
///
/// [`MentionInput`]: crate::MentionInput
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MentionRef<'a> {
    pub doc: i64,
    pub surface: &'a str,
    pub name: &'a str,
    pub kind: EntityKind,
    /// The office of the mention's role, if it has one.
    pub office: Option<&'a str>,
    /// The country of the role (ignored without an office).
    pub country: Option<&'a str>,
    /// The date the mention speaks of (usually its document's reference date).
    pub date: Option<Date>,
}

/// A symbol meaning "no string".
pub(crate) const NONE: u32 = u32::MAX;

/// Identical mentions of one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Unit {
    pub doc: i64,
    pub surface: u32,
    pub name: u32,
    /// [`NONE`] without a role.
    pub office: u32,
    /// [`NONE`] without a role or without a country.
    pub country: u32,
    pub date: Option<Date>,
    pub kind: EntityKind,
}

/// The mentions to resolve, in order (indices are what [`crate::ResolvedEntity::members`] gives
/// back), stored as units.
#[derive(Default)]
pub struct MentionSet {
    strings: Vec<Box<str>>,
    symbols: HashMap<Box<str>, u32, Fx>,
    pub(crate) units: Vec<Unit>,
    /// Mentions per unit.
    pub(crate) counts: Vec<u32>,
    /// The unit of each mention.
    pub(crate) unit_of: Vec<u32>,
    /// The units of the document last pushed: identical mentions are found within one run of
    /// a document's mentions (a document met again later starts new units, which is allowed).
    run_doc: Option<i64>,
    run: HashMap<Unit, u32, Fx>,
}

impl MentionSet {
    pub fn new() -> Self {
        MentionSet::default()
    }

    /// Adds a mention; returns its index.
    pub fn push(&mut self, m: &MentionRef<'_>) -> usize {
        let office = m.office.map_or(NONE, |o| self.intern(o));
        let surface = self.intern(m.surface);
        // The name is most often the surface itself.
        let name = if m.name == m.surface {
            surface
        } else {
            self.intern(m.name)
        };
        let unit = Unit {
            doc: m.doc,
            surface,
            name,
            office,
            country: match (office, m.country) {
                (NONE, _) | (_, None) => NONE,
                (_, Some(c)) => self.intern(c),
            },
            date: m.date,
            kind: m.kind,
        };
        if self.run_doc != Some(m.doc) {
            self.run_doc = Some(m.doc);
            self.run.clear();
        }
        let next = self.units.len() as u32;
        let u = *self.run.entry(unit).or_insert(next);
        if u == next {
            self.units.push(unit);
            self.counts.push(0);
        }
        self.counts[u as usize] += 1;
        self.unit_of.push(u);
        self.unit_of.len() - 1
    }

    /// How many mentions.
    pub fn len(&self) -> usize {
        self.unit_of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.unit_of.is_empty()
    }

    /// How many distinct mentions (units).
    pub fn units(&self) -> usize {
        self.units.len()
    }

    /// The document of mention `i`.
    pub fn doc(&self, i: usize) -> i64 {
        self.unit(i).doc
    }

    /// The name of mention `i` as given.
    pub fn name(&self, i: usize) -> &str {
        self.str(self.unit(i).name)
    }

    /// The kind of mention `i` as given.
    pub fn kind(&self, i: usize) -> EntityKind {
        self.unit(i).kind
    }

    fn unit(&self, i: usize) -> &Unit {
        &self.units[self.unit_of[i] as usize]
    }

    pub(crate) fn str(&self, symbol: u32) -> &str {
        &self.strings[symbol as usize]
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&sym) = self.symbols.get(s) {
            return sym;
        }
        let sym = self.strings.len() as u32;
        self.strings.push(s.into());
        self.symbols.insert(s.into(), sym);
        sym
    }
}

/// A fast hash for the resolver's own keys (symbols, short strings): SipHash costs more than
/// the lookups it serves here, and the keys come from the collection, not from an attacker
/// who could aim for collisions (at worst a slower run).
pub(crate) type Fx = BuildHasherDefault<FxHasher>;

/// The multiply-rotate hash of rustc (FxHash).
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
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
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_i64(&mut self, i: i64) {
        self.add(i as u64);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`Fx`].
pub(crate) type FxMap<K, V> = HashMap<K, V, Fx>;

/// An empty [`FxMap`].
pub(crate) fn fx_map<K: Hash + Eq, V>() -> FxMap<K, V> {
    HashMap::with_hasher(Fx::default())
}
