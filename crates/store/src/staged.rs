//! A check run's findings on their way to the `findings` table: staged a batch at a time as the
//! checker finds them, then written as the difference to what is stored ([`write_staged`]), and
//! read back in report order for the report ([`Store::each_staged_finding`]). Memory holds one
//! batch and a small entry per finding, not every finding of the collection (at 100,000
//! articles the findings of a check take about 300 MB as Rust values, their entries about 40).
//!
//! Each finding's JSON (the form `findings.finding_json` stores) is appended to an anonymous
//! temporary file (deleted by the system when the store is dropped; nothing an analyst opening
//! the database sees) and read back by offset. A temporary SQLite table was tried first: its
//! small page cache made every row a page spill and every lookup a page read, about 3 s of CPU
//! more than holding the findings at 100,000 articles; this file is written front to back and
//! each finding is read back with one call.

use std::fs::File;
use std::io::{BufWriter, Write};

use rayon::prelude::*;
use rusqlite::params;

use claims_model::{Finding, Severity};

use crate::sql::{drop_index_for_bulk, sqlite};
use crate::{Result, Store, StoreError};

/// What is kept in memory of a staged finding: enough to sort it for the report, to find it by
/// id, to store it, and where its JSON is in the file.
#[derive(Debug)]
struct Entry {
    severity: Severity,
    subject: Box<str>,
    id: Box<str>,
    /// Its claims' ids, in order.
    claims: Box<[i64]>,
    offset: u64,
    len: usize,
}

/// The staged findings of the run on a store's connection.
#[derive(Debug, Default)]
pub(crate) struct Staged {
    /// Created on the first finding staged.
    file: Option<BufWriter<File>>,
    /// Bytes written to the file so far.
    end: u64,
    entries: Vec<Entry>,
    /// Entry positions sorted by id, once [`Staged::settle`] has run since the last staging.
    by_id: Vec<usize>,
    settled: bool,
}

impl Staged {
    /// Writes every staged byte to the file, to read it back.
    fn flush(&mut self, path: &std::path::Path) -> Result<()> {
        match self.file.as_mut() {
            None => Ok(()),
            Some(w) => w.flush().map_err(|source| staging_failed(path, source)),
        }
    }

    /// The file to read from (after [`Staged::flush`]); `None` before anything was staged.
    fn file(&self) -> Option<&File> {
        self.file.as_ref().map(BufWriter::get_ref)
    }

    /// The JSON of entry `i`, into `buf`.
    fn read(&self, file: &File, i: usize, buf: &mut Vec<u8>) -> std::io::Result<()> {
        let e = &self.entries[i];
        buf.resize(e.len, 0);
        read_at(file, buf, e.offset)
    }

    /// Drops repeated ids (the first one staged stays) and sorts the ids for look-ups. Cheaper
    /// than a map of every id kept while staging (no second copy of each id).
    fn settle(&mut self) {
        if self.settled {
            return;
        }
        let entries = &self.entries;
        let mut by_id: Vec<usize> = (0..entries.len()).collect();
        by_id.sort_unstable_by(|&a, &b| entries[a].id.cmp(&entries[b].id).then(a.cmp(&b)));
        let mut keep = vec![true; entries.len()];
        for w in by_id.windows(2) {
            if entries[w[0]].id == entries[w[1]].id {
                keep[w[1]] = false;
            }
        }
        if keep.contains(&false) {
            let mut i = 0;
            self.entries.retain(|_| {
                i += 1;
                keep[i - 1]
            });
            let entries = &self.entries;
            by_id = (0..entries.len()).collect();
            by_id.sort_unstable_by(|&a, &b| entries[a].id.cmp(&entries[b].id));
        }
        self.by_id = by_id;
        self.settled = true;
    }

    /// The entry of finding `id` (after [`Staged::settle`]).
    fn find(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|&i| (*self.entries[i].id).cmp(id))
            .ok()
            .map(|p| self.by_id[p])
    }

    /// How many findings are staged.
    pub(crate) fn len(&mut self) -> usize {
        self.settle();
        self.entries.len()
    }

    /// Entry positions in report order (after [`Staged::settle`]): most severe first, then by
    /// subject, then by id.
    fn report_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (&self.entries[a], &self.entries[b]);
            (a.severity, &a.subject, &a.id).cmp(&(b.severity, &b.subject, &b.id))
        });
        order
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_at(mut file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

fn staging_failed(path: &std::path::Path, source: std::io::Error) -> StoreError {
    StoreError::Staging {
        path: path.to_path_buf(),
        source,
    }
}

impl Store {
    /// Empties the staged findings: the next [`Store::stage_findings`] starts a new run's.
    pub fn clear_staged_findings(&mut self) {
        self.staged = Staged::default();
    }

    /// Adds `findings` to the staged findings of the run (see [`Store::clear_staged_findings`]);
    /// the database is not touched. A finding whose id is staged already is left out: the first
    /// one staged stays.
    ///
    /// # Errors
    /// [`StoreError::Encode`] for a finding that cannot be encoded, [`StoreError::Staging`]
    /// when the temporary file cannot be created or written.
    pub fn stage_findings(&mut self, findings: &[Finding]) -> Result<()> {
        let path = self.path.as_path();
        // Encoded on all cores: the JSON is most of the work of staging.
        let encoded: Vec<Vec<u8>> = findings
            .par_iter()
            .map(|f| {
                serde_json::to_vec(f).map_err(|source| StoreError::Encode {
                    path: path.to_path_buf(),
                    what: "finding",
                    source,
                })
            })
            .collect::<Result<_>>()?;
        let staged = &mut self.staged;
        if staged.file.is_none() {
            let file = tempfile::tempfile().map_err(|source| staging_failed(path, source))?;
            staged.file = Some(BufWriter::with_capacity(1 << 20, file));
        }
        let Some(w) = staged.file.as_mut() else {
            return Ok(());
        };
        staged.settled = false;
        for (f, json) in findings.iter().zip(encoded) {
            w.write_all(&json)
                .map_err(|source| staging_failed(path, source))?;
            staged.entries.push(Entry {
                severity: f.severity,
                subject: f.subject.as_str().into(),
                id: f.id.as_str().into(),
                claims: f.claims.iter().map(|c| c.claim_id).collect(),
                offset: staged.end,
                len: json.len(),
            });
            staged.end += json.len() as u64;
        }
        Ok(())
    }

    /// How many findings are staged.
    pub fn staged_finding_count(&mut self) -> usize {
        self.staged.len()
    }

    /// The staged findings in report order (most severe first, then by subject and id), `batch`
    /// at a time (the last batch may be shorter; none when nothing is staged).
    ///
    /// # Errors
    /// What `each` returns, or (converted) [`StoreError::Staging`] when the temporary file
    /// cannot be read, [`StoreError::Corrupt`] for a staged finding that cannot be parsed.
    pub fn each_staged_finding<E: From<StoreError>>(
        &mut self,
        batch: usize,
        mut each: impl FnMut(Vec<Finding>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let path = self.path.clone();
        self.staged.flush(&path)?;
        self.staged.settle();
        let staged = &self.staged;
        let Some(file) = staged.file() else {
            return Ok(());
        };
        let order = staged.report_order();
        for chunk in order.chunks(batch.max(1)) {
            let mut raw: Vec<Vec<u8>> = Vec::with_capacity(chunk.len());
            for &i in chunk {
                let mut buf = Vec::new();
                staged
                    .read(file, i, &mut buf)
                    .map_err(|source| staging_failed(&path, source))?;
                raw.push(buf);
            }
            // Parsed on all cores.
            let parsed: Vec<Finding> = raw
                .par_iter()
                .zip(chunk)
                .map(|(json, &i)| {
                    serde_json::from_slice(json).map_err(|err| StoreError::Corrupt {
                        path: path.clone(),
                        what: "staged finding",
                        row: staged.entries[i].id.to_string(),
                        detail: err.to_string(),
                    })
                })
                .collect::<Result<_>>()?;
            each(parsed)?;
        }
        Ok(())
    }

    /// Every staged finding, in report order (see [`Store::each_staged_finding`]).
    ///
    /// # Errors
    /// As [`Store::each_staged_finding`].
    pub fn staged_findings(&mut self) -> Result<Vec<Finding>> {
        let mut all = Vec::new();
        self.each_staged_finding(4096, |batch| {
            all.extend(batch);
            Ok::<(), StoreError>(())
        })?;
        Ok(all)
    }
}

/// Makes the stored findings in scope (the rows `stored` selects, `id, finding_json, kind`, that
/// `in_scope(id, kind)` accepts) become the staged findings, writing only the difference: a
/// finding stored with the same id and the same JSON stays as it is; one that changed is deleted
/// (its claim links cascade) and inserted again; one that is gone is deleted. Findings out of
/// scope are not touched; a row selected twice is compared twice.
///
/// The stored rows are compared one at a time as SQLite reads them (against the staged finding
/// of the same id, read from the staging file into one reused buffer), so memory holds only what
/// changed. New rows are inserted in id order: the findings' id index and the links' (finding,
/// position) key are then appended to instead of written at random (ids are hashes); when most
/// links are new (a first check), the index on claim_id is rebuilt once instead of written row
/// by row.
pub(crate) fn write_staged(
    tx: &rusqlite::Transaction<'_>,
    path: &std::path::Path,
    staged: &mut Staged,
    stored: &str,
    in_scope: &dyn Fn(&str, &str) -> bool,
) -> Result<()> {
    let e = sqlite(path);
    staged.flush(path)?;
    staged.settle();
    let staged = &*staged;
    let file = staged.file();
    let mut kept = vec![false; staged.entries.len()];
    let mut gone: Vec<String> = Vec::new();
    {
        let mut buffer: Vec<u8> = Vec::new();
        let mut stmt = tx.prepare(stored).map_err(&e)?;
        let mut rows = stmt.query([]).map_err(&e)?;
        while let Some(row) = rows.next().map_err(&e)? {
            let id = row
                .get_ref(0)
                .map_err(&e)?
                .as_str()
                .map_err(|err| StoreError::Corrupt {
                    path: path.to_path_buf(),
                    what: "findings.id",
                    row: "?".into(),
                    detail: err.to_string(),
                })?;
            let kind = row.get_ref(2).map_err(&e)?.as_str().unwrap_or_default();
            if !in_scope(id, kind) {
                continue;
            }
            let same = match (staged.find(id), file) {
                (Some(i), Some(file)) => {
                    staged
                        .read(file, i, &mut buffer)
                        .map_err(|source| staging_failed(path, source))?;
                    let json = row.get_ref(1).map_err(&e)?.as_bytes().unwrap_or_default();
                    kept[i] = json == buffer.as_slice();
                    kept[i]
                }
                _ => false,
            };
            if !same {
                gone.push(id.to_string());
            }
        }
    }
    let mut delete = tx
        .prepare_cached("DELETE FROM findings WHERE id = ?1")
        .map_err(&e)?;
    for id in &gone {
        delete.execute(params![id]).map_err(&e)?;
    }
    let Some(file) = file else {
        return Ok(());
    };
    // In id order.
    let new: Vec<usize> = staged.by_id.iter().copied().filter(|&i| !kept[i]).collect();
    // A finding about a claim that does not exist is refused before anything is written.
    let mut exists = tx
        .prepare_cached("SELECT 1 FROM claims WHERE id = ?1")
        .map_err(&e)?;
    for &i in &new {
        for &claim_id in &staged.entries[i].claims {
            if !exists.exists(params![claim_id]).map_err(&e)? {
                return Err(StoreError::UnknownClaim {
                    path: path.to_path_buf(),
                    finding: staged.entries[i].id.to_string(),
                    claim_id,
                });
            }
        }
    }
    let new_links: usize = new.iter().map(|&i| staged.entries[i].claims.len()).sum();
    let stored_links: i64 = tx
        .query_row("SELECT count(*) FROM finding_claims", [], |r| r.get(0))
        .map_err(&e)?;
    let index = match new_links > 10_000 && new_links as i64 > stored_links * 3 {
        true => drop_index_for_bulk(tx, path, "finding_claims_claim")?,
        false => None,
    };
    let mut insert = tx
        .prepare_cached(
            "INSERT INTO findings
               (id, kind, severity, subject, summary, reason, arithmetic, finding_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(&e)?;
    let mut link = tx
        .prepare_cached(
            "INSERT INTO finding_claims (finding_id, position, claim_id) VALUES (?1, ?2, ?3)",
        )
        .map_err(&e)?;
    for chunk in new.chunks(4096) {
        let mut raw: Vec<Vec<u8>> = Vec::with_capacity(chunk.len());
        for &i in chunk {
            let mut buf = Vec::new();
            staged
                .read(file, i, &mut buf)
                .map_err(|source| staging_failed(path, source))?;
            raw.push(buf);
        }
        // The columns beside the JSON come from the finding itself, parsed on all cores.
        let parsed: Vec<Finding> = raw
            .par_iter()
            .zip(chunk)
            .map(|(json, &i)| {
                serde_json::from_slice(json).map_err(|err| StoreError::Corrupt {
                    path: path.to_path_buf(),
                    what: "staged finding",
                    row: staged.entries[i].id.to_string(),
                    detail: err.to_string(),
                })
            })
            .collect::<Result<_>>()?;
        for ((f, json), &i) in parsed.iter().zip(&raw).zip(chunk) {
            let json = std::str::from_utf8(json).map_err(|err| StoreError::Corrupt {
                path: path.to_path_buf(),
                what: "staged finding",
                row: f.id.clone(),
                detail: err.to_string(),
            })?;
            insert
                .execute(params![
                    f.id,
                    f.kind.as_str(),
                    f.severity.as_str(),
                    f.subject,
                    f.summary,
                    f.reason,
                    f.arithmetic,
                    json
                ])
                .map_err(&e)?;
            for (position, claim_id) in staged.entries[i].claims.iter().enumerate() {
                link.execute(params![f.id, position as i64, claim_id])
                    .map_err(&e)?;
            }
        }
    }
    if let Some(sql) = index {
        tx.execute_batch(&sql).map_err(&e)?;
    }
    Ok(())
}
