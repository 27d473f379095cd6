//! The per-mention resolver as it was before resolution ran on distinct mentions (units): kept
//! verbatim as the reference the unit resolver must agree with, output for output.

use std::collections::HashMap;
use std::rc::Rc;

use claims_model::{Date, EntityKind, Role};

use super::{
    Correction, MentionInput, MergeEvidence, ResolvedEntity, IN_DOCUMENT_SIMILARITY,
    OFFICE_WINDOW_DAYS,
};
use crate::fold::fold_phrase;
use crate::gazetteer::Gazetteer;
use crate::names::{NameKey, NameSystem};

/// What resolution knows about one mention. The parts that depend only on the name and kind
/// are shared between every mention of that name (a collection names a few thousand things
/// millions of times).
struct Prepared {
    kind: EntityKind,
    /// Exact-match key: "p:" + name key for people, "g:" + canonical for the rest.
    key: Rc<str>,
    name: Option<Rc<NameKey>>,
    gazetteer: Option<usize>,
    /// Canonical name from the gazetteer (places, organisations).
    canonical: Option<Rc<str>>,
    identity: Option<u32>,
}

/// What `prepare` works out from a name and kind alone, computed once per distinct pair.
#[derive(Clone)]
struct NameFacts {
    kind: EntityKind,
    key: Rc<str>,
    name: Option<Rc<NameKey>>,
    /// The gazetteer person the name itself is (not through an office).
    gazetteer: Option<usize>,
    canonical: Option<Rc<str>>,
}

fn name_facts(g: &Gazetteer, name: &str, kind: EntityKind) -> NameFacts {
    if kind != EntityKind::Person {
        let (key, canonical, kind) = group_key(g, name, kind);
        return NameFacts {
            kind,
            key: key.into(),
            name: None,
            gazetteer: None,
            canonical: canonical.map(Rc::from),
        };
    }
    match g.name_key(name) {
        None => NameFacts {
            kind,
            key: format!("p:{}", fold_phrase(name)).into(),
            name: None,
            gazetteer: None,
            canonical: None,
        },
        Some(nk) => NameFacts {
            kind,
            key: format!("p:{}", nk.key).into(),
            gazetteer: g.person_by_key(&nk),
            name: Some(Rc::new(nk)),
            canonical: None,
        },
    }
}

/// Union-find over mentions that refuses unions across identities or cannot-link tags.
struct Clusters {
    parent: Vec<u32>,
    size: Vec<u32>,
    /// Per root: the identities in the cluster, sorted.
    identities: Vec<Vec<u32>>,
    /// Per root: analyst cannot-link tags (pair i gives 2i to side a and 2i+1 to side b).
    tags: Vec<Vec<u32>>,
    evidence: Vec<Vec<MergeEvidence>>,
}

impl Clusters {
    fn new(n: usize) -> Self {
        Clusters {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
            identities: vec![Vec::new(); n],
            tags: vec![Vec::new(); n],
            evidence: vec![Vec::new(); n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let grand = self.parent[self.parent[x] as usize];
            self.parent[x] = grand;
            x = grand as usize;
        }
        x
    }

    fn conflict(&self, ra: usize, rb: usize, force: bool) -> bool {
        let (ia, ib) = (&self.identities[ra], &self.identities[rb]);
        let identity_clash =
            !ia.is_empty() && !ib.is_empty() && !ia.iter().any(|i| ib.binary_search(i).is_ok());
        let tag_clash = self.tags[ra]
            .iter()
            .any(|t| self.tags[rb].binary_search(&(t ^ 1)).is_ok());
        tag_clash || (identity_clash && !force)
    }

    fn can_union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        ra != rb && !self.conflict(ra, rb, false)
    }

    /// Joins the clusters of `a` and `b` unless they clash; returns whether they are now one.
    fn union(&mut self, a: usize, b: usize, evidence: Option<MergeEvidence>, force: bool) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        if self.conflict(ra, rb, force) {
            return false;
        }
        let (big, small) = if self.size[ra] >= self.size[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small] = big as u32;
        self.size[big] += self.size[small];
        let ids = std::mem::take(&mut self.identities[small]);
        merge_sorted(&mut self.identities[big], ids);
        let tags = std::mem::take(&mut self.tags[small]);
        merge_sorted(&mut self.tags[big], tags);
        let ev = std::mem::take(&mut self.evidence[small]);
        self.evidence[big].extend(ev);
        self.evidence[big].extend(evidence);
        true
    }
}

fn merge_sorted(into: &mut Vec<u32>, from: Vec<u32>) {
    if from.is_empty() {
        return;
    }
    into.extend(from);
    into.sort_unstable();
    into.dedup();
}

fn evidence(rule: &str, detail: String) -> MergeEvidence {
    MergeEvidence {
        rule: rule.to_string(),
        detail,
    }
}

/// A day number for date arithmetic (days since 1970-01-01, proleptic Gregorian).
fn day_number(d: Date) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Resolution with the given gazetteer, one union-find node per mention.
pub fn resolve_reference(
    g: &Gazetteer,
    mentions: &[MentionInput],
    corrections: &[Correction],
) -> Vec<ResolvedEntity> {
    let n = mentions.len();
    let mut interned: HashMap<String, u32> = HashMap::new();
    let gaz_ids = g.people_count() as u32;
    let mut office_evidence: Vec<(usize, MergeEvidence)> = Vec::new();
    let mut facts: HashMap<(&str, EntityKind), NameFacts> = HashMap::new();
    let prepared: Vec<Prepared> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let name = if m.name.trim().is_empty() {
                &m.surface
            } else {
                &m.name
            };
            let f = facts
                .entry((name.as_str(), m.kind))
                .or_insert_with(|| name_facts(g, name, m.kind));
            let p = prepare(g, m, name, f, &mut interned, gaz_ids);
            if let Some(ev) = p.1 {
                office_evidence.push((i, ev));
            }
            p.0
        })
        .collect();
    let mut cl = Clusters::new(n);
    for (i, p) in prepared.iter().enumerate() {
        if let Some(id) = p.identity {
            cl.identities[i].push(id);
        }
    }

    // Blocking by exact key: every later rule looks mentions up through these groups.
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in prepared.iter().enumerate() {
        by_key.entry(&*p.key).or_default().push(i);
    }
    let keys_of = |name: &str| -> Vec<String> {
        let mut keys = Vec::new();
        if let Some(k) = g.name_key(name) {
            keys.push(format!("p:{}", k.key));
        }
        for kind in [EntityKind::Place, EntityKind::Organization] {
            keys.push(group_key(g, name, kind).0);
        }
        keys
    };
    let members_of = |name: &str| -> Vec<usize> {
        keys_of(name)
            .iter()
            .filter_map(|k| by_key.get(k.as_str()))
            .flatten()
            .copied()
            .collect()
    };

    // Analyst cannot-links become tags before any union, so that every rule respects them.
    for (ci, c) in corrections.iter().enumerate() {
        if let Correction::CannotLink { a, b } = c {
            for (side, name) in [(0u32, a), (1u32, b)] {
                for i in members_of(name) {
                    cl.tags[i].push(2 * ci as u32 + side);
                }
            }
        }
    }
    for t in &mut cl.tags {
        t.sort_unstable();
        t.dedup();
    }

    // 1. Same key: exact, case/spacing, or romanization/transliteration variants.
    let mut groups: Vec<(&str, &Vec<usize>)> = by_key.iter().map(|(k, v)| (*k, v)).collect();
    groups.sort_unstable_by_key(|(_, v)| v[0]);
    for (_, members) in &groups {
        let first = members[0];
        let mut joined = false;
        for &m in &members[1..] {
            joined |= cl.union(first, m, None, false);
        }
        if joined {
            let ev = key_evidence(mentions, &prepared, members);
            let r = cl.find(first);
            cl.evidence[r].push(ev);
        }
    }

    // 2. Analyst merges.
    for c in corrections {
        if let Correction::Merge { a, b } = c {
            let (ma, mb) = (members_of(a), members_of(b));
            if let (Some(&x), Some(&y)) = (ma.first(), mb.first()) {
                cl.union(
                    x,
                    y,
                    Some(evidence("analyst", format!("{a} = {b} (analyst merge)"))),
                    true,
                );
            }
        }
    }

    // 3. Gazetteer: one person of the gazetteer is one entity, whatever alias named it.
    let mut by_person: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, p) in prepared.iter().enumerate() {
        if let Some(gid) = p.gazetteer {
            by_person.entry(gid).or_default().push(i);
        }
    }
    let mut persons: Vec<(usize, Vec<usize>)> = by_person.into_iter().collect();
    persons.sort_unstable_by_key(|(_, v)| v[0]);
    for (gid, members) in &persons {
        let first = members[0];
        let mut forms: Vec<&str> = Vec::new();
        let mut joined = false;
        for &m in &members[1..] {
            let before = cl.find(m) == cl.find(first);
            if cl.union(first, m, None, false) && !before {
                joined = true;
                if forms.len() < 6 && !forms.contains(&mentions[m].name.as_str()) {
                    forms.push(mentions[m].name.as_str());
                }
            }
        }
        if joined {
            let name = &g.person_at(*gid).name;
            forms.insert(0, mentions[first].name.as_str());
            forms.dedup();
            let r = cl.find(first);
            cl.evidence[r].push(evidence(
                "gazetteer",
                format!("{} → {name} (gazetteer)", forms.join(", ")),
            ));
        }
    }
    for (i, ev) in office_evidence {
        let r = cl.find(i);
        cl.evidence[r].push(ev);
    }

    // 4. The same office of the same country in the same period is one holder.
    office_rule(&mut cl, mentions, &prepared);

    // 5. Two close spellings inside one document are one name garbled two ways.
    document_similarity(&mut cl, mentions, &prepared);

    // 6. A surname alone joins the one entity whose family name and office fit.
    surname_rule(&mut cl, mentions, &prepared);

    // Canonical names and analyst renames.
    let mut renames: HashMap<usize, String> = HashMap::new();
    for c in corrections {
        if let Correction::Rename { from, to } = c {
            for i in members_of(from) {
                let r = cl.find(i);
                renames.insert(r, to.clone());
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = cl.find(i);
        by_root.entry(r).or_default().push(i);
    }
    let mut out: Vec<ResolvedEntity> = by_root
        .into_iter()
        .map(|(root, members)| {
            let name = match renames.get(&root) {
                Some(to) => to.clone(),
                None => canonical_name(
                    g,
                    mentions,
                    &prepared,
                    &cl.identities[root],
                    &members,
                    gaz_ids,
                ),
            };
            let kind = prepared[members[0]].kind;
            let renamed_from = renames.contains_key(&root);
            let mut evidence = std::mem::take(&mut cl.evidence[root]);
            if renamed_from {
                evidence.push(self::evidence(
                    "analyst",
                    format!("renamed to {name} (analyst)"),
                ));
            }
            ResolvedEntity {
                name,
                kind,
                members,
                evidence,
            }
        })
        .collect();
    out.sort_unstable_by_key(|e| e.members[0]);
    out
}

/// Prepares one mention: its key, its gazetteer person (directly, or through the office it holds
/// on its date when the name is not a well-formed different name) and its identity. `name` is
/// the mention's name (its surface when it has none) and `facts` what that name alone tells.
fn prepare(
    g: &Gazetteer,
    m: &MentionInput,
    name: &str,
    facts: &NameFacts,
    interned: &mut HashMap<String, u32>,
    gaz_ids: u32,
) -> (Prepared, Option<MergeEvidence>) {
    let plain = Prepared {
        kind: facts.kind,
        key: Rc::clone(&facts.key),
        name: facts.name.clone(),
        gazetteer: None,
        canonical: facts.canonical.clone(),
        identity: None,
    };
    let Some(nk) = facts.name.as_deref() else {
        return (plain, None);
    };
    let mut gazetteer = facts.gazetteer;
    let mut ev = None;
    if gazetteer.is_none() && !(nk.full && nk.well_formed) {
        if let (Some(role), Some(date)) = (&m.role, m.date) {
            if let Some(country) = &role.country {
                let holders = g.holder_ids_on(&role.office, country, date);
                if let [h] = holders[..] {
                    let person = g.person_at(h);
                    let fits = nk.full
                        || g.name_key(&person.name)
                            .is_some_and(|pk| pk.family == nk.family);
                    if fits {
                        gazetteer = Some(h);
                        ev = Some(evidence(
                            "office",
                            format!(
                                "{name}: {country} {} on {date}, an office {} held then (gazetteer term)",
                                role.office, person.name
                            ),
                        ));
                    }
                }
            }
        }
    }
    let identity = match gazetteer {
        Some(gid) => Some(gid as u32),
        None if nk.full && nk.well_formed => {
            let next = gaz_ids + interned.len() as u32;
            Some(*interned.entry(nk.key.clone()).or_insert(next))
        }
        None => None,
    };
    (
        Prepared {
            gazetteer,
            identity,
            ..plain
        },
        ev,
    )
}

/// Key, canonical name and kind of an organisation or place mention: the gazetteer's name when
/// it knows the surface (a government named by its seat is its country), else the folded surface.
fn group_key(g: &Gazetteer, name: &str, kind: EntityKind) -> (String, Option<String>, EntityKind) {
    let place = |name: &str| {
        g.place(name)
            .map(|p| p.name)
            .or_else(|| g.country(name).map(str::to_string))
    };
    let found = match kind {
        EntityKind::Organization => match g.organization(name) {
            Some(o) => Some((o.name, EntityKind::Organization)),
            None => g.country(name).map(|c| (c.to_string(), EntityKind::Place)),
        },
        _ => place(name).map(|p| (p, EntityKind::Place)),
    };
    match found {
        Some((canonical, k)) => (format!("g:{}", fold_phrase(&canonical)), Some(canonical), k),
        None => (
            format!("g:{}:{}", kind.as_str(), fold_phrase(name)),
            None,
            kind,
        ),
    }
}

/// Evidence for a group of mentions sharing one key.
fn key_evidence(
    mentions: &[MentionInput],
    prepared: &[Prepared],
    members: &[usize],
) -> MergeEvidence {
    let mut forms: Vec<usize> = Vec::new();
    for &m in members {
        if forms.len() < 8 && !forms.iter().any(|&f| mentions[f].name == mentions[m].name) {
            forms.push(m);
        }
    }
    let first = forms[0];
    if forms.len() == 1 {
        return evidence(
            "exact",
            format!("{} mentions of {}", members.len(), mentions[first].name),
        );
    }
    let folded = |i: usize| fold_phrase(&mentions[i].name).replace(['-', ' '], "");
    if forms.iter().all(|&f| folded(f) == folded(first)) {
        let list: Vec<&str> = forms.iter().map(|&f| mentions[f].name.as_str()).collect();
        return evidence(
            "case",
            format!("{} (case, spacing, hyphens)", list.join(" = ")),
        );
    }
    let mut diffs: Vec<String> = Vec::new();
    let mut system = NameSystem::Other;
    for &f in &forms[1..] {
        match (&prepared[first].name, &prepared[f].name) {
            (Some(a), Some(b)) if a.parts.len() == b.parts.len() => {
                system = a.system;
                for (pa, pb) in a.parts.iter().zip(&b.parts) {
                    let d = format!("{} ~ {}", pb.0, pa.0);
                    if pa.0 != pb.0 && !diffs.contains(&d) {
                        diffs.push(d);
                    }
                }
            }
            _ => diffs.push(format!("{} ~ {}", mentions[f].name, mentions[first].name)),
        }
    }
    let why = match system {
        NameSystem::Korean => "Korean romanization",
        NameSystem::Chinese => "pinyin spacing",
        NameSystem::Other => "transliteration",
    };
    let list: Vec<String> = if diffs.is_empty() {
        forms.iter().map(|&f| mentions[f].name.clone()).collect()
    } else {
        diffs
    };
    evidence("transliteration", format!("{} ({why})", list.join(", ")))
}

/// Can two person mentions be one person as far as their names go (identities aside)? A surname
/// alone must be the other's family name.
fn names_fit(a: &Prepared, b: &Prepared) -> bool {
    match (&a.name, &b.name) {
        (Some(x), Some(y)) if !x.full || !y.full => x.family == y.family,
        (Some(_), Some(_)) => true,
        _ => false,
    }
}

/// Above this many entities with one family name, a surname alone is not looked up at all.
const MAX_SURNAME_CANDIDATES: usize = 16;

/// (office, country) of a role.
type OfficeKey<'a> = (&'a str, &'a str);
/// (office, country, document) of a role in an undated document.
type DocOfficeKey<'a> = (&'a str, &'a str, i64);

/// The office-holder rule: mentions given the same office of the same country within
/// [`OFFICE_WINDOW_DAYS`] (or in the same document when undated) are one person unless their
/// names are known different people.
fn office_rule(cl: &mut Clusters, mentions: &[MentionInput], prepared: &[Prepared]) {
    let mut dated: HashMap<OfficeKey, Vec<(i64, usize)>> = HashMap::new();
    let mut undated: HashMap<DocOfficeKey, Vec<usize>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let (Some(role), EntityKind::Person) = (&m.role, prepared[i].kind) else {
            continue;
        };
        let Some(country) = role.country.as_deref() else {
            continue;
        };
        match m.date {
            Some(d) => dated
                .entry((&role.office, country))
                .or_default()
                .push((day_number(d), i)),
            None => undated
                .entry((&role.office, country, m.doc))
                .or_default()
                .push(i),
        }
    }
    let mut blocks: Vec<(OfficeKey, Vec<(i64, usize)>)> = dated.into_iter().collect();
    blocks.sort_unstable_by_key(|(_, v)| v.iter().map(|x| x.1).min());
    for ((office, country), mut block) in blocks {
        block.sort_unstable();
        // Representatives of the clusters seen in the last window, with their latest day.
        let mut window: Vec<(i64, usize)> = Vec::new();
        for &(day, i) in &block {
            window.retain(|(d, _)| day - d <= OFFICE_WINDOW_DAYS);
            // Clusters in the window this mention could join; when two of them are known,
            // different people (a handover inside the window), the mention is ambiguous.
            let mut candidates: Vec<(i64, usize)> = Vec::new();
            for &(d, j) in &window {
                if names_fit(&prepared[i], &prepared[j]) && cl.can_union(i, j) {
                    candidates.push((d, j));
                }
            }
            let mut known: Vec<usize> = Vec::new();
            for &(_, j) in &candidates {
                let r = cl.find(j);
                if !cl.identities[r].is_empty() && !known.contains(&r) {
                    known.push(r);
                }
            }
            let own = cl.find(i);
            if known.len() > 1 && cl.identities[own].is_empty() {
                candidates.clear();
            }
            for (d, j) in candidates {
                let detail = format!(
                    "{} ~ {}: both {country} {office}, {} days apart",
                    mentions[j].name,
                    mentions[i].name,
                    day - d
                );
                cl.union(i, j, Some(evidence("office", detail)), false);
            }
            let r = cl.find(i);
            let mut replaced = false;
            for w in window.iter_mut() {
                if cl.find(w.1) == r {
                    *w = (day, i);
                    replaced = true;
                }
            }
            if !replaced {
                window.push((day, i));
            }
        }
    }
    let mut blocks: Vec<(DocOfficeKey, Vec<usize>)> = undated.into_iter().collect();
    blocks.sort_unstable_by_key(|(_, v)| v[0]);
    for ((office, country, _), block) in blocks {
        for (x, &i) in block.iter().enumerate() {
            for &j in &block[..x] {
                if names_fit(&prepared[i], &prepared[j]) && cl.can_union(i, j) {
                    let detail = format!(
                        "{} ~ {}: both {country} {office} in one document",
                        mentions[j].name, mentions[i].name
                    );
                    cl.union(i, j, Some(evidence("office", detail)), false);
                }
            }
        }
    }
}

/// Are two full names in one document the same name spelt two ways? Jaro–Winkler over the
/// joined canonical letters, guarded: the same first letter, lengths within a third of each
/// other, and at least half of the consonant skeleton's bigrams shared.
fn similar_in_document(a: &NameKey, b: &NameKey) -> bool {
    let (la, lb) = (a.letters(), b.letters());
    if la == lb || la.is_empty() || lb.is_empty() {
        return la == lb;
    }
    let (na, nb) = (la.chars().count(), lb.chars().count());
    if na.min(nb) * 4 < na.max(nb) * 3 || la.chars().next() != lb.chars().next() {
        return false;
    }
    if shares_a_part_but_differs_in_another(a, b) {
        return false;
    }
    strsim::jaro_winkler(&la, &lb) >= IN_DOCUMENT_SIMILARITY && skeleton_overlap(&la, &lb) >= 0.5
}

/// Two names with one part the same and another clearly different are two people sharing a
/// name ("Sergei Lavrov" / "Sergei Shoigu", "Kim Jong Un" / "Kim Jong Il"), not one name garbled.
fn shares_a_part_but_differs_in_another(a: &NameKey, b: &NameKey) -> bool {
    if a.parts.len() != b.parts.len() {
        return false;
    }
    let pairs = a.parts.iter().zip(&b.parts);
    let same = pairs.clone().any(|(x, y)| x.1 == y.1);
    let clearly_different = pairs
        .clone()
        .any(|(x, y)| strsim::jaro_winkler(&x.1, &y.1) < 0.88);
    same && clearly_different
}

/// Share of consonant-skeleton bigrams two spellings have in common (Dice coefficient): vowels
/// and glides are what romanizations disagree on, consonants mostly survive.
fn skeleton_overlap(a: &str, b: &str) -> f64 {
    fn skeleton(s: &str) -> Vec<char> {
        let mut out: Vec<char> = Vec::new();
        for c in s.chars().filter(|c| !"aeiouyhw".contains(*c)) {
            if out.last() != Some(&c) {
                out.push(c);
            }
        }
        out
    }
    let (sa, sb) = (skeleton(a), skeleton(b));
    let bigrams =
        |s: &[char]| -> Vec<(char, char)> { s.windows(2).map(|w| (w[0], w[1])).collect() };
    let (ba, mut bb) = (bigrams(&sa), bigrams(&sb));
    if ba.is_empty() || bb.is_empty() {
        return if sa == sb { 1.0 } else { 0.0 };
    }
    let total = ba.len() + bb.len();
    let mut shared = 0;
    for x in &ba {
        if let Some(pos) = bb.iter().position(|y| y == x) {
            bb.swap_remove(pos);
            shared += 1;
        }
    }
    2.0 * shared as f64 / total as f64
}

/// Inside one document, person names whose spellings are close are one person (all pairs of the
/// document's distinct full names: documents are short).
fn document_similarity(cl: &mut Clusters, mentions: &[MentionInput], prepared: &[Prepared]) {
    let mut by_doc: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, p) in prepared.iter().enumerate() {
        if p.kind == EntityKind::Person && p.name.as_ref().is_some_and(|k| k.full) {
            let v = by_doc.entry(mentions[i].doc).or_default();
            if !v.iter().any(|&j| prepared[j].key == p.key) {
                v.push(i);
            }
        }
    }
    let mut docs: Vec<(i64, Vec<usize>)> = by_doc.into_iter().collect();
    docs.sort_unstable_by_key(|(d, _)| *d);
    for (_, names) in docs {
        for (x, &i) in names.iter().enumerate() {
            for &j in &names[..x] {
                let (Some(a), Some(b)) = (&prepared[i].name, &prepared[j].name) else {
                    continue;
                };
                if similar_in_document(a, b) && cl.can_union(i, j) {
                    let detail = format!(
                        "{} ~ {} (close spellings in one document, Jaro-Winkler {:.2})",
                        mentions[j].name,
                        mentions[i].name,
                        strsim::jaro_winkler(&a.letters(), &b.letters())
                    );
                    cl.union(i, j, Some(evidence("similar-in-document", detail)), false);
                }
            }
        }
    }
}

/// A surname-only mention joins the one cluster that has a full name with that family name and
/// whose offices fit the mention's office; with two or more candidates it stays alone.
fn surname_rule(cl: &mut Clusters, mentions: &[MentionInput], prepared: &[Prepared]) {
    // Family name → clusters with a full name of that family, and each cluster's roles.
    let mut families: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut roles: HashMap<usize, Vec<&Role>> = HashMap::new();
    for (i, p) in prepared.iter().enumerate() {
        if p.kind != EntityKind::Person {
            continue;
        }
        let r = cl.find(i);
        if let Some(role) = &mentions[i].role {
            roles.entry(r).or_default().push(role);
        }
        if let Some(k) = p.name.as_ref().filter(|k| k.full) {
            let v = families.entry(k.family.as_str()).or_default();
            if !v.contains(&r) {
                v.push(r);
            }
        }
    }
    for (i, p) in prepared.iter().enumerate() {
        let Some(k) = p
            .name
            .as_ref()
            .filter(|k| !k.full && p.kind == EntityKind::Person)
        else {
            continue;
        };
        let Some(candidates) = families.get(k.family.as_str()) else {
            continue;
        };
        // A family name shared by many entities (Kim, Lee) identifies none of them; stopping
        // here also keeps the rule linear.
        if candidates.len() > MAX_SURNAME_CANDIDATES {
            continue;
        }
        let own = cl.find(i);
        let mut fitting: Vec<usize> = Vec::new();
        for &c in candidates {
            let r = cl.find(c);
            if fitting.contains(&r) {
                continue;
            }
            if r == own {
                fitting.push(r);
                continue;
            }
            let fits_role = match &mentions[i].role {
                None => true,
                Some(role) => roles.get(&c).is_none_or(|rs| {
                    rs.iter().any(|x| {
                        x.office == role.office
                            && (x.country == role.country || role.country.is_none())
                    })
                }),
            };
            if fits_role && cl.can_union(i, r) {
                fitting.push(r);
            }
        }
        if let [target] = fitting[..] {
            if own != target {
                let detail = format!(
                    "{} is the only entity with family name {}",
                    mentions[target].name, mentions[i].name
                );
                cl.union(i, target, Some(evidence("surname", detail)), false);
            }
        }
    }
}

/// The gazetteer name when the cluster is one gazetteer person; else the most frequent full
/// (multi-part) name; else the most frequent name.
fn canonical_name(
    g: &Gazetteer,
    mentions: &[MentionInput],
    prepared: &[Prepared],
    identities: &[u32],
    members: &[usize],
    gaz_ids: u32,
) -> String {
    let gaz: Vec<u32> = identities
        .iter()
        .copied()
        .filter(|&i| i < gaz_ids)
        .collect();
    if let [gid] = gaz[..] {
        return g.person_at(gid as usize).name.clone();
    }
    if let Some(c) = members
        .iter()
        .find_map(|&m| prepared[m].canonical.as_deref())
    {
        return c.to_string();
    }
    let mut counts: Vec<(&str, usize, usize, bool)> = Vec::new();
    for &m in members {
        let name = mentions[m].name.trim();
        let name = if name.is_empty() {
            mentions[m].surface.trim()
        } else {
            name
        };
        let full = prepared[m].name.as_ref().is_none_or(|k| k.full);
        match counts.iter_mut().find(|c| c.0 == name) {
            Some(c) => c.1 += 1,
            None => counts.push((name, 1, m, full)),
        }
    }
    counts
        .iter()
        .max_by(|a, b| (a.3, a.1).cmp(&(b.3, b.1)).then(b.2.cmp(&a.2)))
        .map(|c| c.0.to_string())
        .unwrap_or_default()
}

mod equivalence {
    //! The unit resolver against the per-mention reference on small random collections full
    //! of repeated mentions, analyst corrections, offices and surnames.

    use claims_model::{Date, EntityKind, Role};

    use super::resolve_reference;
    use crate::gazetteer::Gazetteer;
    use crate::resolve::{resolve_with, Correction, MentionInput};

    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs[self.below(xs.len())]
        }
    }

    const PEOPLE: &[&str] = &[
        "Kim Jong Un",
        "Kim Jong-un",
        "KIM JONG UN",
        "Kim Jong Il",
        "Choe Son Hui",
        "Choi Son hee",
        "Sergey Lavrov",
        "Sergei Lavrov",
        "Lavrov",
        "Andrei Belousov",
        "Belousov",
        "Sergei Shoigu",
        "Shoigu",
        "Pak Chol Nam",
        "Park Chol-nam",
        "Pak Chol-nam",
        "Kim Kwang Thae",
        "Kim Kwang Tae",
        "Ri Song Su",
        "Rim Song Su",
        "Kim",
        "Pak",
        "Choe",
        "Ri",
        "Ivan Petrov",
        "Ivan Petrof",
        "Petrov",
        "General Shoigu",
        "Xyz Belousov",
        "",
    ];
    const GROUPS: &[(&str, EntityKind)] = &[
        ("Ukraine", EntityKind::Place),
        ("Ukrainian", EntityKind::Place),
        ("Kursk", EntityKind::Place),
        ("Kursk region", EntityKind::Place),
        ("Pyongyang", EntityKind::Place),
        ("Pyongyang", EntityKind::Organization),
        ("the Kremlin", EntityKind::Organization),
        ("NATO", EntityKind::Organization),
        ("Russian Defense Ministry", EntityKind::Organization),
    ];
    const OFFICES: &[&str] = &[
        "defense minister",
        "defense minister",
        "foreign minister",
        "leader",
        "president",
    ];
    const COUNTRIES: &[&str] = &["North Korea", "Russia", "Ukraine"];
    const NAMES: &[&str] = &[
        "Kim Jong Un",
        "Kim",
        "KIM",
        "Choe Son Hui",
        "Choi Son hee",
        "Lavrov",
        "Sergei Lavrov",
        "Pak Chol Nam",
        "Park Chol-nam",
        "Ukraine",
        "Ukrainian",
        "Kursk",
        "Ivan Petrov",
        "Petrov",
        "Shoigu",
        "Nobody Known",
    ];

    /// A random mention: a person (maybe with an office, maybe undated), place or organisation.
    fn mention(rng: &mut Rng, doc: i64, start: Date) -> MentionInput {
        // A full name the gazetteer does not know as well formed, with the office whose holder
        // changed in May 2024: one key, two identities depending on the date.
        if rng.below(8) == 0 {
            let name = rng.pick(&["Xyz Belousov", "Xyz Shoigu", "Belousov"]);
            let day = [180, 205][rng.below(2)];
            return MentionInput {
                doc,
                surface: name.to_string(),
                name: name.to_string(),
                kind: EntityKind::Person,
                role: Some(Role {
                    office: "defense minister".to_string(),
                    country: Some("Russia".to_string()),
                }),
                date: start.checked_add(jiff::Span::new().days(day)).ok(),
            };
        }
        let (name, kind) = if rng.below(3) > 0 {
            (rng.pick(PEOPLE), EntityKind::Person)
        } else {
            GROUPS[rng.below(GROUPS.len())]
        };
        let surface = if name.is_empty() || rng.below(4) == 0 {
            rng.pick(&["Kim", "Lavrov", "the minister", "Petrov"])
        } else {
            name
        };
        let role = (kind == EntityKind::Person && rng.below(3) == 0).then(|| Role {
            office: rng.pick(OFFICES).to_string(),
            country: (rng.below(6) > 0).then(|| rng.pick(COUNTRIES).to_string()),
        });
        // Days far apart and close together around handovers (Shoigu → Belousov in May 2024,
        // Kuleba → Sybiha in September 2024).
        let day = [0, 10, 45, 70, 130, 185, 200, 300, 320, 500, 505, 600][rng.below(12)];
        let date = (rng.below(5) > 0)
            .then(|| {
                start
                    .checked_add(jiff::Span::new().days(day + doc % 3))
                    .ok()
            })
            .flatten();
        MentionInput {
            doc,
            surface: surface.to_string(),
            name: name.to_string(),
            kind,
            role,
            date,
        }
    }

    fn collection(rng: &mut Rng) -> (Vec<MentionInput>, Vec<Correction>) {
        let start: Date = "2023-11-01".parse().unwrap_or_default();
        let docs = 1 + rng.below(6) as i64;
        let mut mentions: Vec<MentionInput> = Vec::new();
        for doc in 0..docs {
            // A few distinct mentions per document, each repeated.
            let distinct: Vec<MentionInput> = (0..1 + rng.below(6))
                .map(|_| mention(rng, doc, start))
                .collect();
            for _ in 0..rng.below(14) {
                mentions.push(distinct[rng.below(distinct.len())].clone());
            }
        }
        // Sometimes a document comes back later (its identical mentions then start new units).
        if mentions.len() > 2 && rng.below(4) == 0 {
            let k = rng.below(mentions.len());
            let moved = mentions.remove(k);
            mentions.push(moved);
        }
        let corrections = (0..rng.below(4))
            .map(|_| {
                let (a, b) = (rng.pick(NAMES).to_string(), rng.pick(NAMES).to_string());
                match rng.below(3) {
                    0 => Correction::Merge { a, b },
                    1 => Correction::CannotLink { a, b },
                    _ => Correction::Rename { from: a, to: b },
                }
            })
            .collect();
        (mentions, corrections)
    }

    #[test]
    fn units_resolve_exactly_as_one_node_per_mention() {
        let g = Gazetteer::builtin();
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut merged = 0;
        for round in 0..4000 {
            let (mentions, corrections) = collection(&mut rng);
            let want = resolve_reference(g, &mentions, &corrections);
            let got = resolve_with(g, &mentions, &corrections);
            assert_eq!(
                got, want,
                "round {round}\nmentions: {mentions:#?}\ncorrections: {corrections:?}"
            );
            merged += want.iter().filter(|e| e.evidence.len() > 1).count();
        }
        // The collections exercise more than one rule per entity.
        assert!(merged > 1000, "{merged}");
    }
}
