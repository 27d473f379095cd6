//! The truth file, written as the articles are: each section streams to its own part file next
//! to the corpus, and `finish` joins them into `truth.json` in the shape of
//! shared/spec/seed-gold.json. Nothing grows with the number of articles except the name book,
//! which is bounded by the people pool.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::GenError;

/// One quoted claim of a pair.
#[derive(Clone, Debug, Serialize)]
pub struct Quote {
    pub file: String,
    pub quote: String,
    pub value: String,
}

#[derive(Serialize)]
pub struct DocumentEntry<'a> {
    pub file: &'a str,
    pub published: String,
}

#[derive(Serialize)]
pub struct Contradiction<'a> {
    pub id: String,
    pub kind: &'a str,
    pub what: &'a str,
    pub claims: [&'a Quote; 2],
}

#[derive(Serialize)]
pub struct Compatible<'a> {
    pub id: String,
    pub kind: &'a str,
    pub why: &'a str,
    pub claims: [&'a Quote; 2],
}

#[derive(Serialize)]
pub struct MustNotFlag<'a> {
    pub file: &'a str,
    pub quote: &'a str,
    pub why: &'a str,
}

#[derive(Serialize)]
struct NameGroup<'a> {
    canonical: &'a str,
    variants: Vec<&'a str>,
    files: &'a [String],
}

const SECTIONS: [&str; 4] = ["documents", "contradictions", "compatible", "must_not_flag"];

struct Part {
    path: PathBuf,
    out: BufWriter<File>,
    count: u64,
}

/// Streams the truth sections to disk and collects the name variants seen.
pub struct Truth {
    parts: Vec<Part>,
    /// Person canonical name → surface forms written and up to three files.
    names: BTreeMap<String, (BTreeSet<String>, Vec<String>, String)>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> GenError + '_ {
    move |source| GenError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Truth {
    pub fn create(dir: &Path) -> Result<Truth, GenError> {
        let mut parts = Vec::new();
        for s in SECTIONS {
            let path = dir.join(format!(".truth-{s}.part"));
            let f = File::create(&path).map_err(io(&path))?;
            parts.push(Part {
                path,
                out: BufWriter::new(f),
                count: 0,
            });
        }
        Ok(Truth {
            parts,
            names: BTreeMap::new(),
        })
    }

    fn write<T: Serialize>(&mut self, section: usize, entry: &T) -> Result<(), GenError> {
        let p = &mut self.parts[section];
        let sep = if p.count == 0 { "\n  " } else { ",\n  " };
        let json = serde_json::to_string(entry)?;
        p.out
            .write_all(sep.as_bytes())
            .and_then(|_| p.out.write_all(json.as_bytes()))
            .map_err(io(&p.path))?;
        p.count += 1;
        Ok(())
    }

    pub fn document(&mut self, e: &DocumentEntry) -> Result<(), GenError> {
        self.write(0, e)
    }

    pub fn contradiction(&mut self, e: &Contradiction) -> Result<(), GenError> {
        self.write(1, e)
    }

    pub fn compatible(&mut self, e: &Compatible) -> Result<(), GenError> {
        self.write(2, e)
    }

    pub fn must_not_flag(&mut self, e: &MustNotFlag) -> Result<(), GenError> {
        self.write(3, e)
    }

    pub fn counts(&self) -> [u64; 4] {
        [
            self.parts[0].count,
            self.parts[1].count,
            self.parts[2].count,
            self.parts[3].count,
        ]
    }

    /// Notes that `surface` was written for the person `canonical` (whose family name is
    /// `family`) in `file`.
    pub fn name(&mut self, canonical: &str, family: &str, surface: &str, file: &str) {
        let e = self
            .names
            .entry(canonical.to_string())
            .or_insert_with(|| (BTreeSet::new(), Vec::new(), family.to_string()));
        e.0.insert(surface.to_string());
        if e.1.len() < 3 && e.1.last().map(String::as_str) != Some(file) {
            e.1.push(file.to_string());
        }
    }

    /// Joins the parts into `dir/truth.json` and removes them.
    pub fn finish(self, dir: &Path, about: &str) -> Result<PathBuf, GenError> {
        let path = dir.join("truth.json");
        let f = File::create(&path).map_err(io(&path))?;
        let mut out = BufWriter::new(f);
        let w = |s: &str, out: &mut BufWriter<File>| out.write_all(s.as_bytes()).map_err(io(&path));
        w(
            &format!("{{\n\"about\": {},\n", serde_json::to_string(about)?),
            &mut out,
        )?;
        let mut part_paths = Vec::new();
        for (k, mut p) in self.parts.into_iter().enumerate() {
            p.out.flush().map_err(io(&p.path))?;
            drop(p.out);
            w(&format!("\"{}\": [", SECTIONS[k]), &mut out)?;
            let mut f = File::open(&p.path).map_err(io(&p.path))?;
            std::io::copy(&mut f, &mut out).map_err(io(&p.path))?;
            w(if p.count > 0 { "\n],\n" } else { "],\n" }, &mut out)?;
            part_paths.push(p.path);
        }
        w("\"changes_over_time\": [],\n\"name_groups\": [", &mut out)?;
        let mut first = true;
        for (canonical, (surfaces, files, _)) in &self.names {
            if surfaces.len() < 2 {
                continue;
            }
            let g = NameGroup {
                canonical,
                variants: surfaces.iter().map(String::as_str).collect(),
                files,
            };
            w(if first { "\n  " } else { ",\n  " }, &mut out)?;
            w(&serde_json::to_string(&g)?, &mut out)?;
            first = false;
        }
        w(if first { "],\n" } else { "\n],\n" }, &mut out)?;
        // Look-alikes that must stay apart: two people of one family name, both written.
        let mut by_family: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (canonical, (_, _, family)) in &self.names {
            by_family
                .entry(family.as_str())
                .or_default()
                .push(canonical.as_str());
        }
        let pairs: Vec<[&str; 2]> = by_family
            .values()
            .filter(|v| v.len() >= 2)
            .map(|v| [v[0], v[1]])
            .take(60)
            .collect();
        w(
            &format!(
                "\"must_not_merge\": {}\n}}\n",
                serde_json::to_string(&pairs)?
            ),
            &mut out,
        )?;
        out.flush().map_err(io(&path))?;
        drop(out);
        for p in part_paths {
            std::fs::remove_file(&p).map_err(io(&p))?;
        }
        Ok(path)
    }
}
