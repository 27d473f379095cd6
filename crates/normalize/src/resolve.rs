//! Entity resolution: cluster name mentions from many documents into one entity per real person,
//! organisation or place, and say why each merge was made.
//!
//! Evidence is applied strongest first (same key after romanization classes; analyst merges; the
//! gazetteer; the same office of the same country in the same period; a close spelling inside one
//! document; a surname that fits exactly one known entity). Every merge goes through one
//! union-find that refuses to join two clusters holding *different identities* (two different
//! gazetteer people, or two different well-formed names such as "Kim Jong Un" and "Kim Jong Il")
//! or an analyst's cannot-link pair, so that merges never chain A–B–C into a false A–C.
//!
//! Candidates come from blocking keys (name key, gazetteer id, office+country sorted by date,
//! family name, document), never from all pairs over the collection.

use std::rc::Rc;

use claims_model::{Date, EntityKind, Role};

use crate::fold::fold_phrase;
use crate::gazetteer::Gazetteer;
use crate::names::{NameKey, NameSystem};
use crate::units::{fx_map, FxMap, MentionRef, MentionSet, Unit, NONE};

#[cfg(test)]
mod reference;

/// One name occurrence to resolve. `name` is the best name inside its document (the extractor
/// resolves surname-only back references within a document where it can).
#[derive(Clone, Debug, PartialEq)]
pub struct MentionInput {
    pub doc: i64,
    pub surface: String,
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<Role>,
    /// The date the mention speaks of (usually its document's reference date).
    pub date: Option<Date>,
}

/// An analyst's correction, applied on top of the automatic rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Correction {
    /// Names `a` and `b` are the same entity.
    Merge { a: String, b: String },
    /// Names `a` and `b` are never the same entity (this wins over every rule and over `Merge`).
    CannotLink { a: String, b: String },
    /// Call the entity known as `from` by the name `to`.
    Rename { from: String, to: String },
}

/// Why two groups of mentions were merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeEvidence {
    /// "exact", "case", "transliteration", "gazetteer", "office", "surname", "analyst",
    /// "similar-in-document".
    pub rule: String,
    /// Human readable: "Choi ~ Choe, hee ~ hui (Korean romanization)".
    pub detail: String,
}

/// One resolved entity: its canonical name and the indices of its mentions in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedEntity {
    pub name: String,
    pub kind: EntityKind,
    /// Indices into the input, ascending.
    pub members: Vec<usize>,
    pub evidence: Vec<MergeEvidence>,
}

/// Days between two mentions of the same office that still make them one holder.
pub const OFFICE_WINDOW_DAYS: i64 = 60;

/// Jaro–Winkler similarity of the joined canonical letters above which two names in one
/// document are one spelling garbled two ways (guarded further by shared parts and consonant skeletons).
pub const IN_DOCUMENT_SIMILARITY: f64 = 0.84;

/// Cluster the mentions into entities with the built-in gazetteer. Every input index appears in
/// exactly one entity.
pub fn resolve(mentions: &[MentionInput], corrections: &[Correction]) -> Vec<ResolvedEntity> {
    resolve_with(Gazetteer::builtin(), mentions, corrections)
}

/// Resolution with the given gazetteer.
pub fn resolve_with(
    g: &Gazetteer,
    mentions: &[MentionInput],
    corrections: &[Correction],
) -> Vec<ResolvedEntity> {
    let mut set = MentionSet::new();
    for m in mentions {
        set.push(&MentionRef {
            doc: m.doc,
            surface: &m.surface,
            name: &m.name,
            kind: m.kind,
            office: m.role.as_ref().map(|r| r.office.as_str()),
            country: m.role.as_ref().and_then(|r| r.country.as_deref()),
            date: m.date,
        });
    }
    resolve_set_with(g, &set, corrections)
}

/// [`resolve`] over a [`MentionSet`] (the same result as over the same mentions one by one).
pub fn resolve_set(set: &MentionSet, corrections: &[Correction]) -> Vec<ResolvedEntity> {
    resolve_set_with(Gazetteer::builtin(), set, corrections)
}

/// [`resolve_with`] over a [`MentionSet`].
///
/// The union-find has one node per unit (identical mentions of one document) holding its count,
/// and gives exactly what one node per mention gives: identical mentions always end in one
/// cluster except where the first rule leaves them apart (a key group whose first cluster is a
/// different identity, an analyst cannot-link between two spellings of one key); those units are
/// then split into one node per mention and resolution runs again.
pub fn resolve_set_with(
    g: &Gazetteer,
    set: &MentionSet,
    corrections: &[Correction],
) -> Vec<ResolvedEntity> {
    let mut split = vec![false; set.units.len()];
    loop {
        match resolve_nodes(g, set, corrections, &split) {
            Ok(out) => return out,
            Err(units) => {
                for u in units {
                    split[u as usize] = true;
                }
            }
        }
    }
}

/// What resolution knows about one unit. The parts that depend only on the name and kind are
/// shared between every unit of that name ([`NameFacts`], by index).
struct Prepared {
    facts: u32,
    gazetteer: Option<usize>,
    identity: Option<u32>,
}

/// A node of the union-find: one unit, or one mention of a split unit.
struct Node {
    unit: u32,
    /// Its first mention (nodes are numbered in the order of their first mentions).
    first: u32,
    /// How many mentions it stands for.
    count: u32,
}

/// Everything the rules look up about mentions and nodes.
struct Ctx<'a> {
    set: &'a MentionSet,
    facts: Vec<NameFacts>,
    /// Per fact: its key's index in `groups`.
    key_of_fact: Vec<u32>,
    /// Per fact: what the office rule's name test looks at.
    fits: Vec<Fit>,
    prepared: Vec<Prepared>,
    nodes: Vec<Node>,
    node_of: Vec<u32>,
}

impl Ctx<'_> {
    fn fit(&self, node: u32) -> Fit {
        self.fits[self.prep(node).facts as usize]
    }

    fn unit(&self, node: u32) -> &Unit {
        &self.set.units[self.nodes[node as usize].unit as usize]
    }

    fn prep(&self, node: u32) -> &Prepared {
        &self.prepared[self.nodes[node as usize].unit as usize]
    }

    fn facts(&self, node: u32) -> &NameFacts {
        &self.facts[self.prep(node).facts as usize]
    }

    fn key(&self, node: u32) -> u32 {
        self.key_of_fact[self.prep(node).facts as usize]
    }

    /// The name as given.
    fn name(&self, node: u32) -> &str {
        self.set.str(self.unit(node).name)
    }

    fn mention_unit(&self, i: usize) -> &Unit {
        &self.set.units[self.set.unit_of[i] as usize]
    }
}

/// Union-find over nodes that refuses unions across identities or cannot-link tags. Identities,
/// tags and evidence live in side records only for the nodes that have any.
struct Clusters {
    parent: Vec<u32>,
    size: Vec<u32>,
    /// Per node: index into `extras`, or [`NONE`].
    extra: Vec<u32>,
    extras: Vec<Extra>,
    /// Successful unions so far.
    unions: u64,
}

#[derive(Default)]
struct Extra {
    /// The identities in the cluster, sorted.
    identities: Vec<u32>,
    /// Analyst cannot-link tags (pair i gives 2i to side a and 2i+1 to side b), sorted.
    tags: Vec<u32>,
    evidence: Vec<MergeEvidence>,
}

const EMPTY: &[u32] = &[];
/// [`Clusters::summary`] of a cluster without identities or tags.
const FREE: u32 = u32::MAX;
/// [`Clusters::summary`] of a cluster with tags or several identities.
const COMPLEX: u32 = u32::MAX - 1;

impl Clusters {
    fn new(sizes: impl Iterator<Item = u32>) -> Self {
        let size: Vec<u32> = sizes.collect();
        let n = size.len();
        Clusters {
            parent: (0..n as u32).collect(),
            size,
            extra: vec![NONE; n],
            extras: Vec::new(),
            unions: 0,
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    fn get(&self, r: u32) -> Option<&Extra> {
        match self.extra[r as usize] {
            NONE => None,
            e => Some(&self.extras[e as usize]),
        }
    }

    fn extra_mut(&mut self, r: u32) -> &mut Extra {
        if self.extra[r as usize] == NONE {
            self.extra[r as usize] = self.extras.len() as u32;
            self.extras.push(Extra::default());
        }
        &mut self.extras[self.extra[r as usize] as usize]
    }

    fn identities(&self, r: u32) -> &[u32] {
        self.get(r).map_or(EMPTY, |e| &e.identities)
    }

    fn conflict(&self, ra: u32, rb: u32, force: bool) -> bool {
        let (Some(a), Some(b)) = (self.get(ra), self.get(rb)) else {
            return false;
        };
        let (ia, ib) = (&a.identities, &b.identities);
        let identity_clash =
            !ia.is_empty() && !ib.is_empty() && !ia.iter().any(|i| ib.binary_search(i).is_ok());
        let tag_clash = a
            .tags
            .iter()
            .any(|t| b.tags.binary_search(&(t ^ 1)).is_ok());
        tag_clash || (identity_clash && !force)
    }

    fn can_union(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        ra != rb && !self.conflict(ra, rb, false)
    }

    /// Joins the clusters of `a` and `b` unless they clash; returns whether they are now one.
    fn union(&mut self, a: u32, b: u32, evidence: Option<MergeEvidence>, force: bool) -> bool {
        self.join(a, b, evidence, force, false)
    }

    /// Joins like [`Clusters::union`]; with `keep_a` the root of `a` stays the root whatever the
    /// sizes (one node per mention always joined a single mention to the first of its key).
    fn join(
        &mut self,
        a: u32,
        b: u32,
        evidence: Option<MergeEvidence>,
        force: bool,
        keep_a: bool,
    ) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        if self.conflict(ra, rb, force) {
            return false;
        }
        let (big, small) = if keep_a || self.size[ra as usize] >= self.size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.unions += 1;
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        let moved = std::mem::replace(&mut self.extra[small as usize], NONE);
        if moved != NONE {
            if self.extra[big as usize] == NONE {
                self.extra[big as usize] = moved;
            } else {
                let from = std::mem::take(&mut self.extras[moved as usize]);
                let into = self.extra_mut(big);
                merge_sorted(&mut into.identities, from.identities);
                merge_sorted(&mut into.tags, from.tags);
                into.evidence.extend(from.evidence);
            }
        }
        if let Some(ev) = evidence {
            self.extra_mut(big).evidence.push(ev);
        }
        true
    }

    /// What [`Clusters::conflict`] needs of a cluster when it is simple: [`FREE`] (no identities,
    /// no tags), its one identity (no tags), else [`COMPLEX`].
    fn summary(&self, r: u32) -> u32 {
        match self.get(r) {
            None => FREE,
            Some(e) if e.tags.is_empty() => match e.identities[..] {
                [] => FREE,
                [x] if x < COMPLEX => x,
                _ => COMPLEX,
            },
            Some(_) => COMPLEX,
        }
    }

    /// [`Clusters::conflict`] (without force) from summaries where they decide it.
    fn conflict_summarized(&self, ra: u32, sa: u32, rb: u32, sb: u32) -> bool {
        if sa == FREE || sb == FREE {
            return false;
        }
        if sa != COMPLEX && sb != COMPLEX {
            return sa != sb;
        }
        self.conflict(ra, rb, false)
    }

    fn push_evidence(&mut self, r: u32, ev: MergeEvidence) {
        self.extra_mut(r).evidence.push(ev);
    }
}

/// One run of resolution with the given units split into one node per mention. `Err` names the
/// units that must be split for the result to be that of one node per mention.
fn resolve_nodes(
    g: &Gazetteer,
    set: &MentionSet,
    corrections: &[Correction],
    split: &[bool],
) -> Result<Vec<ResolvedEntity>, Vec<u32>> {
    let n = set.len();
    let gaz_ids = g.people_count() as u32;

    // Nodes, in the order of their first mentions.
    let mut nodes: Vec<Node> = Vec::new();
    let mut node_of: Vec<u32> = Vec::with_capacity(n);
    let mut unit_node = vec![NONE; set.units.len()];
    for (i, &u) in set.unit_of.iter().enumerate() {
        let ui = u as usize;
        let node = if split[ui] || unit_node[ui] == NONE {
            let id = nodes.len() as u32;
            nodes.push(Node {
                unit: u,
                first: i as u32,
                count: if split[ui] { 1 } else { set.counts[ui] },
            });
            if !split[ui] {
                unit_node[ui] = id;
            }
            id
        } else {
            unit_node[ui]
        };
        node_of.push(node);
    }
    drop(unit_node);

    // What each unit's name and kind tell, then its gazetteer person and identity.
    let mut facts: Vec<NameFacts> = Vec::new();
    let mut fact_index: FxMap<(u32, EntityKind), u32> = fx_map();
    let mut interned: FxMap<String, u32> = fx_map();
    let mut prepared: Vec<Prepared> = Vec::with_capacity(set.units.len());
    let mut office_evidence: Vec<MergeEvidence> = Vec::new();
    let mut evidence_of_unit: Vec<u32> = vec![NONE; set.units.len()];
    for (u, unit) in set.units.iter().enumerate() {
        let name_sym = if set.str(unit.name).trim().is_empty() {
            unit.surface
        } else {
            unit.name
        };
        let name = set.str(name_sym);
        let f = *fact_index.entry((name_sym, unit.kind)).or_insert_with(|| {
            facts.push(name_facts(g, name, unit.kind));
            facts.len() as u32 - 1
        });
        let (p, ev) = prepare(
            g,
            set,
            unit,
            name,
            &facts[f as usize],
            f,
            &mut interned,
            gaz_ids,
        );
        if let Some(ev) = ev {
            evidence_of_unit[u] = office_evidence.len() as u32;
            office_evidence.push(ev);
        }
        prepared.push(p);
    }
    drop(interned);

    // Blocking by exact key: every later rule looks nodes up through these groups.
    let mut key_ids: FxMap<String, u32> = fx_map();
    let mut key_of_fact: Vec<u32> = Vec::with_capacity(facts.len());
    for f in &facts {
        let next = key_ids.len() as u32;
        key_of_fact.push(*key_ids.entry(f.key.to_string()).or_insert(next));
    }
    let mut groups: Vec<Vec<u32>> = vec![Vec::new(); key_ids.len()];
    let mut families: FxMap<&str, u32> = fx_map();
    let fits: Vec<Fit> = facts
        .iter()
        .map(|f| {
            let next = families.len() as u32;
            match &f.name {
                Some(k) => Fit {
                    name: true,
                    full: k.full,
                    family: *families.entry(k.family.as_str()).or_insert(next),
                },
                None => Fit {
                    name: false,
                    full: false,
                    family: NONE,
                },
            }
        })
        .collect();
    drop(families);
    let ctx = Ctx {
        set,
        fits,
        facts,
        key_of_fact,
        prepared,
        nodes,
        node_of,
    };
    for node in 0..ctx.nodes.len() as u32 {
        groups[ctx.key(node) as usize].push(node);
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
    let members_of = |name: &str| -> Vec<u32> {
        keys_of(name)
            .iter()
            .filter_map(|k| key_ids.get(k.as_str()))
            .flat_map(|&k| groups[k as usize].iter().copied())
            .collect()
    };

    let mut cl = Clusters::new(ctx.nodes.iter().map(|n| n.count));
    for node in 0..ctx.nodes.len() as u32 {
        if let Some(id) = ctx.prep(node).identity {
            cl.extra_mut(node).identities.push(id);
        }
    }

    // Analyst cannot-links become tags before any union, so that every rule respects them.
    for (ci, c) in corrections.iter().enumerate() {
        if let Correction::CannotLink { a, b } = c {
            for (side, name) in [(0u32, a), (1u32, b)] {
                for node in members_of(name) {
                    cl.extra_mut(node).tags.push(2 * ci as u32 + side);
                }
            }
        }
    }
    let mut self_clash: Vec<u32> = Vec::new();
    for node in 0..ctx.nodes.len() as u32 {
        let e = cl.extra[node as usize];
        if e == NONE {
            continue;
        }
        let t = &mut cl.extras[e as usize].tags;
        t.sort_unstable();
        t.dedup();
        // Mentions tagged on both sides of one pair never join each other.
        if ctx.nodes[node as usize].count > 1 && t.iter().any(|x| t.binary_search(&(x ^ 1)).is_ok())
        {
            self_clash.push(ctx.nodes[node as usize].unit);
        }
    }
    if !self_clash.is_empty() {
        return Err(self_clash);
    }

    // 1. Same key: exact, case/spacing, or romanization/transliteration variants.
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&k| !groups[k].is_empty())
        .collect();
    order.sort_unstable_by_key(|&k| groups[k][0]);
    let mut left_apart: Vec<u32> = Vec::new();
    for k in order {
        let members = &groups[k];
        let first = members[0];
        // The first node's own mentions join it.
        let mut joined = ctx.nodes[first as usize].count > 1;
        for &m in &members[1..] {
            let ok = cl.join(first, m, None, false, true);
            joined |= ok;
            if !ok && ctx.nodes[m as usize].count > 1 {
                left_apart.push(ctx.nodes[m as usize].unit);
            }
        }
        if joined {
            let ev = key_evidence(&ctx, members);
            let r = cl.find(first);
            cl.push_evidence(r, ev);
        }
    }
    if !left_apart.is_empty() {
        return Err(left_apart);
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
    let mut by_person: FxMap<usize, Vec<u32>> = fx_map();
    for node in 0..ctx.nodes.len() as u32 {
        if let Some(gid) = ctx.prep(node).gazetteer {
            by_person.entry(gid).or_default().push(node);
        }
    }
    let mut persons: Vec<(usize, Vec<u32>)> = by_person.into_iter().collect();
    persons.sort_unstable_by_key(|(_, v)| v[0]);
    for (gid, members) in &persons {
        let first = members[0];
        let mut forms: Vec<&str> = Vec::new();
        let mut joined = false;
        for &m in &members[1..] {
            let before = cl.find(m) == cl.find(first);
            if cl.union(first, m, None, false) && !before {
                joined = true;
                if forms.len() < 6 && !forms.contains(&ctx.name(m)) {
                    forms.push(ctx.name(m));
                }
            }
        }
        if joined {
            let name = &g.person_at(*gid).name;
            forms.insert(0, ctx.name(first));
            forms.dedup();
            let r = cl.find(first);
            cl.push_evidence(
                r,
                evidence(
                    "gazetteer",
                    format!("{} → {name} (gazetteer)", forms.join(", ")),
                ),
            );
        }
    }
    if !office_evidence.is_empty() {
        for i in 0..n {
            let e = evidence_of_unit[set.unit_of[i] as usize];
            if e != NONE {
                let r = cl.find(ctx.node_of[i]);
                cl.push_evidence(r, office_evidence[e as usize].clone());
            }
        }
    }
    drop(evidence_of_unit);

    // 4. The same office of the same country in the same period is one holder.
    office_rule(&mut cl, &ctx);

    // 5. Two close spellings inside one document are one name garbled two ways.
    document_similarity(&mut cl, &ctx);

    // 6. A surname alone joins the one entity whose family name and office fit.
    surname_rule(&mut cl, &ctx);

    // Canonical names and analyst renames.
    let mut renames: FxMap<u32, String> = fx_map();
    for c in corrections {
        if let Correction::Rename { from, to } = c {
            for node in members_of(from) {
                let r = cl.find(node);
                renames.insert(r, to.clone());
            }
        }
    }
    // Entities in the order of their first mentions: the order of their first nodes.
    let mut entity_of_root: Vec<u32> = vec![NONE; ctx.nodes.len()];
    let mut entity_of_node: Vec<u32> = Vec::with_capacity(ctx.nodes.len());
    let mut clusters: Vec<(u32, Vec<u32>)> = Vec::new();
    for node in 0..ctx.nodes.len() as u32 {
        let r = cl.find(node);
        if entity_of_root[r as usize] == NONE {
            entity_of_root[r as usize] = clusters.len() as u32;
            clusters.push((r, Vec::new()));
        }
        let e = entity_of_root[r as usize];
        clusters[e as usize].1.push(node);
        entity_of_node.push(e);
    }
    let mut members: Vec<Vec<usize>> = clusters
        .iter()
        .map(|(_, nodes)| {
            Vec::with_capacity(
                nodes
                    .iter()
                    .map(|&x| ctx.nodes[x as usize].count as usize)
                    .sum(),
            )
        })
        .collect();
    for (i, &node) in ctx.node_of.iter().enumerate() {
        members[entity_of_node[node as usize] as usize].push(i);
    }
    let out = clusters
        .into_iter()
        .zip(members)
        .map(|((root, nodes), members)| {
            let name = match renames.get(&root) {
                Some(to) => to.clone(),
                None => canonical_name(g, &ctx, cl.identities(root), &nodes, gaz_ids),
            };
            let kind = ctx.facts(nodes[0]).kind;
            let mut evidence = match cl.extra[root as usize] {
                NONE => Vec::new(),
                e => std::mem::take(&mut cl.extras[e as usize].evidence),
            };
            if renames.contains_key(&root) {
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
        .collect::<Vec<_>>();
    Ok(out)
}

/// Prepares one unit: its gazetteer person (directly, or through the office it holds on its date
/// when the name is not a well-formed different name) and its identity. `name` is the unit's
/// name (its surface when it has none) and `facts` (number `f`) what that name alone tells.
#[allow(clippy::too_many_arguments)]
fn prepare(
    g: &Gazetteer,
    set: &MentionSet,
    unit: &Unit,
    name: &str,
    facts: &NameFacts,
    f: u32,
    interned: &mut FxMap<String, u32>,
    gaz_ids: u32,
) -> (Prepared, Option<MergeEvidence>) {
    let plain = Prepared {
        facts: f,
        gazetteer: None,
        identity: None,
    };
    let Some(nk) = facts.name.as_deref() else {
        return (plain, None);
    };
    let mut gazetteer = facts.gazetteer;
    let mut ev = None;
    if gazetteer.is_none() && !(nk.full && nk.well_formed) {
        if let (true, Some(date), true) = (unit.office != NONE, unit.date, unit.country != NONE) {
            let (office, country) = (set.str(unit.office), set.str(unit.country));
            let holders = g.holder_ids_on(office, country, date);
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
                            "{name}: {country} {office} on {date}, an office {} held then (gazetteer term)",
                            person.name
                        ),
                    ));
                }
            }
        }
    }
    let identity = match gazetteer {
        Some(gid) => Some(gid as u32),
        None if nk.full && nk.well_formed => {
            let next = gaz_ids + interned.len() as u32;
            Some(match interned.get(nk.key.as_str()) {
                Some(&id) => id,
                None => {
                    interned.insert(nk.key.clone(), next);
                    next
                }
            })
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

/// Evidence for a group of nodes sharing one key.
fn key_evidence(ctx: &Ctx<'_>, members: &[u32]) -> MergeEvidence {
    let total: u64 = members
        .iter()
        .map(|&m| u64::from(ctx.nodes[m as usize].count))
        .sum();
    let mut forms: Vec<u32> = Vec::new();
    for &m in members {
        if forms.len() < 8 && !forms.iter().any(|&f| ctx.name(f) == ctx.name(m)) {
            forms.push(m);
        }
    }
    let first = forms[0];
    if forms.len() == 1 {
        return evidence("exact", format!("{total} mentions of {}", ctx.name(first)));
    }
    let folded = |i: u32| fold_phrase(ctx.name(i)).replace(['-', ' '], "");
    if forms.iter().all(|&f| folded(f) == folded(first)) {
        let list: Vec<&str> = forms.iter().map(|&f| ctx.name(f)).collect();
        return evidence(
            "case",
            format!("{} (case, spacing, hyphens)", list.join(" = ")),
        );
    }
    let mut diffs: Vec<String> = Vec::new();
    let mut system = NameSystem::Other;
    for &f in &forms[1..] {
        match (&ctx.facts(first).name, &ctx.facts(f).name) {
            (Some(a), Some(b)) if a.parts.len() == b.parts.len() => {
                system = a.system;
                for (pa, pb) in a.parts.iter().zip(&b.parts) {
                    let d = format!("{} ~ {}", pb.0, pa.0);
                    if pa.0 != pb.0 && !diffs.contains(&d) {
                        diffs.push(d);
                    }
                }
            }
            _ => diffs.push(format!("{} ~ {}", ctx.name(f), ctx.name(first))),
        }
    }
    let why = match system {
        NameSystem::Korean => "Korean romanization",
        NameSystem::Chinese => "pinyin spacing",
        NameSystem::Other => "transliteration",
    };
    let list: Vec<String> = if diffs.is_empty() {
        forms.iter().map(|&f| ctx.name(f).to_string()).collect()
    } else {
        diffs
    };
    evidence("transliteration", format!("{} ({why})", list.join(", ")))
}

/// Can two person nodes be one person as far as their names go (identities aside)? A surname
/// alone must be the other's family name.
fn names_fit(ctx: &Ctx<'_>, a: u32, b: u32) -> bool {
    match (&ctx.facts(a).name, &ctx.facts(b).name) {
        (Some(x), Some(y)) if !x.full || !y.full => x.family == y.family,
        (Some(_), Some(_)) => true,
        _ => false,
    }
}

/// Above this many entities with one family name, a surname alone is not looked up at all.
const MAX_SURNAME_CANDIDATES: usize = 16;

/// A representative of a cluster in the office rule's window.
#[derive(Clone, Copy)]
struct Rep {
    day: i64,
    node: u32,
    fit: Fit,
    /// The root of `node` (valid while no union happened since it was read).
    root: u32,
    /// [`Clusters::summary`] of `root`, read with it.
    summary: u32,
}

/// What [`names_fit`] looks at, per [`NameFacts`]: has a name key, is it full, its family.
#[derive(Clone, Copy)]
struct Fit {
    name: bool,
    full: bool,
    family: u32,
}

impl Fit {
    /// [`names_fit`] on what it looks at.
    fn fits(self, other: Fit) -> bool {
        self.name && other.name && ((self.full && other.full) || self.family == other.family)
    }
}

/// (office, country) of a role, as symbols.
type OfficeKey = (u32, u32);
/// (office, country, document) of a role in an undated document.
type DocOfficeKey = (u32, u32, i64);

/// The office-holder rule: mentions given the same office of the same country within
/// [`OFFICE_WINDOW_DAYS`] (or in the same document when undated) are one person unless their
/// names are known different people. Mention by mention, as the window of each mention depends
/// on every mention before it.
fn office_rule(cl: &mut Clusters, ctx: &Ctx<'_>) {
    let set = ctx.set;
    let mut dated: FxMap<OfficeKey, Vec<(i64, usize)>> = fx_map();
    let mut undated: FxMap<DocOfficeKey, Vec<usize>> = fx_map();
    for i in 0..set.len() {
        let u = ctx.mention_unit(i);
        if u.office == NONE || u.country == NONE {
            continue;
        }
        if ctx.facts(ctx.node_of[i]).kind != EntityKind::Person {
            continue;
        }
        match u.date {
            Some(d) => dated
                .entry((u.office, u.country))
                .or_default()
                .push((day_number(d), i)),
            None => undated
                .entry((u.office, u.country, u.doc))
                .or_default()
                .push(i),
        }
    }
    let node = |i: usize| ctx.node_of[i];
    let mut blocks: Vec<(OfficeKey, Vec<(i64, usize)>)> = dated.into_iter().collect();
    blocks.sort_unstable_by_key(|(_, v)| v.iter().map(|x| x.1).min());
    for ((office, country), mut block) in blocks {
        let (office, country) = (set.str(office), set.str(country));
        block.sort_unstable();
        // Representatives of the clusters seen in the last window, with their latest day. Their
        // roots are cached and refreshed only after a union (roots change only then).
        let mut window: Vec<Rep> = Vec::new();
        let mut epoch = cl.unions;
        for &(day, i) in &block {
            window.retain(|w| day - w.day <= OFFICE_WINDOW_DAYS);
            let (ni, fi) = (node(i), ctx.fit(node(i)));
            if cl.unions != epoch {
                for w in &mut window {
                    w.root = cl.find(w.node);
                    w.summary = cl.summary(w.root);
                }
                epoch = cl.unions;
            }
            let own = cl.find(ni);
            let own_summary = cl.summary(own);
            // Clusters in the window this mention could join; when two of them are known,
            // different people (a handover inside the window), the mention is ambiguous.
            let mut candidates: Vec<&Rep> = Vec::new();
            for w in &window {
                if fi.fits(w.fit)
                    && w.root != own
                    && !cl.conflict_summarized(own, own_summary, w.root, w.summary)
                {
                    candidates.push(w);
                }
            }
            let mut known: Vec<u32> = Vec::new();
            for w in &candidates {
                if !cl.identities(w.root).is_empty() && !known.contains(&w.root) {
                    known.push(w.root);
                }
            }
            if known.len() > 1 && cl.identities(own).is_empty() {
                candidates.clear();
            }
            let joins: Vec<(i64, u32)> = candidates.iter().map(|w| (w.day, w.node)).collect();
            for (d, j) in joins {
                let detail = format!(
                    "{} ~ {}: both {country} {office}, {} days apart",
                    ctx.name(j),
                    ctx.name(ni),
                    day - d
                );
                cl.union(ni, j, Some(evidence("office", detail)), false);
            }
            if cl.unions != epoch {
                for w in &mut window {
                    w.root = cl.find(w.node);
                    w.summary = cl.summary(w.root);
                }
                epoch = cl.unions;
            }
            let r = cl.find(ni);
            let rep = Rep {
                day,
                node: ni,
                fit: fi,
                root: r,
                summary: cl.summary(r),
            };
            let mut replaced = false;
            for w in window.iter_mut() {
                if w.root == r {
                    *w = rep;
                    replaced = true;
                }
            }
            if !replaced {
                window.push(rep);
            }
        }
    }
    let mut blocks: Vec<(DocOfficeKey, Vec<usize>)> = undated.into_iter().collect();
    blocks.sort_unstable_by_key(|(_, v)| v[0]);
    for ((office, country, _), block) in blocks {
        let (office, country) = (set.str(office), set.str(country));
        for (x, &i) in block.iter().enumerate() {
            for &j in &block[..x] {
                if names_fit(ctx, node(i), node(j)) && cl.can_union(node(i), node(j)) {
                    let detail = format!(
                        "{} ~ {}: both {country} {office} in one document",
                        ctx.name(node(j)),
                        ctx.name(node(i))
                    );
                    cl.union(node(i), node(j), Some(evidence("office", detail)), false);
                }
            }
        }
    }
}

/// Inside one document, person names whose spellings are close are one person (all pairs of the
/// document's distinct full names: documents are short).
fn document_similarity(cl: &mut Clusters, ctx: &Ctx<'_>) {
    let mut by_doc: FxMap<i64, Vec<u32>> = fx_map();
    for node in 0..ctx.nodes.len() as u32 {
        let f = ctx.facts(node);
        if f.kind == EntityKind::Person && f.name.as_ref().is_some_and(|k| k.full) {
            let v = by_doc.entry(ctx.unit(node).doc).or_default();
            let key = ctx.key(node);
            if !v.iter().any(|&j| ctx.key(j) == key) {
                v.push(node);
            }
        }
    }
    let mut docs: Vec<(i64, Vec<u32>)> = by_doc.into_iter().collect();
    docs.sort_unstable_by_key(|(d, _)| *d);
    for (_, names) in docs {
        for (x, &i) in names.iter().enumerate() {
            for &j in &names[..x] {
                let (Some(a), Some(b)) = (&ctx.facts(i).name, &ctx.facts(j).name) else {
                    continue;
                };
                if similar_in_document(a, b) && cl.can_union(i, j) {
                    let detail = format!(
                        "{} ~ {} (close spellings in one document, Jaro-Winkler {:.2})",
                        ctx.name(j),
                        ctx.name(i),
                        strsim::jaro_winkler(&a.letters(), &b.letters())
                    );
                    cl.union(i, j, Some(evidence("similar-in-document", detail)), false);
                }
            }
        }
    }
}

/// A surname-only mention joins the one cluster that has a full name with that family name and
/// whose offices fit the mention's office; with two or more candidates it stays alone. Mention by
/// mention (a later mention of a unit may find one candidate where an earlier one found two),
/// skipping a mention when nothing was joined since the last mention of its node.
fn surname_rule(cl: &mut Clusters, ctx: &Ctx<'_>) {
    // Family name → clusters with a full name of that family, and each cluster's roles.
    let mut families: FxMap<&str, Vec<u32>> = fx_map();
    let mut roles: FxMap<u32, Vec<(u32, u32)>> = fx_map();
    for node in 0..ctx.nodes.len() as u32 {
        let f = ctx.facts(node);
        if f.kind != EntityKind::Person {
            continue;
        }
        let r = cl.find(node);
        let u = ctx.unit(node);
        if u.office != NONE {
            roles.entry(r).or_default().push((u.office, u.country));
        }
        if let Some(k) = f.name.as_ref().filter(|k| k.full) {
            let v = families.entry(k.family.as_str()).or_default();
            if !v.contains(&r) {
                v.push(r);
            }
        }
    }
    let mut visited: FxMap<u32, u64> = fx_map();
    for i in 0..ctx.set.len() {
        let node = ctx.node_of[i];
        let p = ctx.facts(node);
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
        if visited.get(&node) == Some(&cl.unions) {
            continue;
        }
        let u = ctx.unit(node);
        let own = cl.find(node);
        let mut fitting: Vec<u32> = Vec::new();
        for &c in candidates {
            let r = cl.find(c);
            if fitting.contains(&r) {
                continue;
            }
            if r == own {
                fitting.push(r);
                continue;
            }
            let fits_role = u.office == NONE
                || roles.get(&c).is_none_or(|rs| {
                    rs.iter().any(|&(office, country)| {
                        office == u.office && (country == u.country || u.country == NONE)
                    })
                });
            if fits_role && cl.can_union(node, r) {
                fitting.push(r);
            }
        }
        if let [target] = fitting[..] {
            if own != target {
                let detail = format!(
                    "{} is the only entity with family name {}",
                    ctx.name(target),
                    ctx.name(node)
                );
                cl.union(node, target, Some(evidence("surname", detail)), false);
            }
        }
        visited.insert(node, cl.unions);
    }
}

/// The gazetteer name when the cluster is one gazetteer person; else the most frequent full
/// (multi-part) name; else the most frequent name. `nodes` in the order of their first mentions.
fn canonical_name(
    g: &Gazetteer,
    ctx: &Ctx<'_>,
    identities: &[u32],
    nodes: &[u32],
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
    if let Some(c) = nodes
        .iter()
        .find_map(|&m| ctx.facts(m).canonical.as_deref())
    {
        return c.to_string();
    }
    let mut counts: Vec<(&str, u64, u32, bool)> = Vec::new();
    for &m in nodes {
        let name = ctx.name(m).trim();
        let name = if name.is_empty() {
            ctx.set.str(ctx.unit(m).surface).trim()
        } else {
            name
        };
        let full = ctx.facts(m).name.as_ref().is_none_or(|k| k.full);
        let node = &ctx.nodes[m as usize];
        match counts.iter_mut().find(|c| c.0 == name) {
            Some(c) => c.1 += u64::from(node.count),
            None => counts.push((name, u64::from(node.count), node.first, full)),
        }
    }
    counts
        .iter()
        .max_by(|a, b| (a.3, a.1).cmp(&(b.3, b.1)).then(b.2.cmp(&a.2)))
        .map(|c| c.0.to_string())
        .unwrap_or_default()
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

/// Are two full names in one document the same name spelt two ways? Jaro–Winkler over the
/// joined canonical letters, guarded: the same first letter, lengths within a third of each
/// other, and at least half of the consonant skeleton's bigrams shared.
pub(crate) fn similar_in_document(a: &NameKey, b: &NameKey) -> bool {
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
