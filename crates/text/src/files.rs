//! Turning command-line paths into the list of document files to read.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::TextError;

/// Is this a file `claims` reads as a document? Text (`.txt`, `.md`, `.markdown`, `.text`),
/// web pages (`.html`, `.htm`, `.xhtml`) and JSON Lines exports (`.jsonl`, `.ndjson`).
pub fn is_document_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "txt" | "md" | "markdown" | "text" | "html" | "htm" | "xhtml" | "jsonl" | "ndjson"
            )
        })
        .unwrap_or(false)
}

/// Expands files and directories (recursively, in sorted order) into document files.
///
/// A file named explicitly is taken whatever its extension; inside directories only document
/// extensions are taken, including symlinks to files. Symlinked directories are not followed
/// and a directory reached twice is walked once, so there are no loops and no duplicates.
/// Entries that cannot be read (a broken symlink, a directory without permission, a vanished
/// file) become errors in the second list, so one bad path never stops the others. File names
/// that are not UTF-8 are taken too; their errors show them lossily.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<TextError>) {
    let mut walk = Walk::default();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk.dir(p),
            Ok(_) => walk.file(p.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                walk.errors.push(TextError::Missing {
                    path: p.display().to_string(),
                })
            }
            Err(e) => walk.errors.push(io_error(p, e)),
        }
    }
    (walk.files, walk.errors)
}

fn io_error(path: &Path, source: std::io::Error) -> TextError {
    TextError::Io {
        path: path.display().to_string(),
        source,
    }
}

#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    errors: Vec<TextError>,
    seen_files: HashSet<PathBuf>,
    /// Canonical paths of the directories walked: the same directory named twice (or reached
    /// through a bind mount) is walked once.
    seen_dirs: HashSet<PathBuf>,
}

impl Walk {
    fn file(&mut self, path: PathBuf) {
        if self.seen_files.insert(path.clone()) {
            self.files.push(path);
        }
    }

    /// Walks `root` depth-first, children in sorted order (a subdirectory's files come where the
    /// subdirectory sorts), with an explicit stack so that depth costs no call stack.
    fn dir(&mut self, root: &Path) {
        let mut stack: Vec<std::vec::IntoIter<PathBuf>> = Vec::new();
        if let Some(children) = self.children(root) {
            stack.push(children);
        }
        while let Some(top) = stack.last_mut() {
            let Some(child) = top.next() else {
                stack.pop();
                continue;
            };
            let meta = match std::fs::symlink_metadata(&child) {
                Ok(m) => m,
                Err(e) => {
                    self.errors.push(io_error(&child, e));
                    continue;
                }
            };
            if meta.is_dir() {
                if let Some(children) = self.children(&child) {
                    stack.push(children);
                }
            } else if !is_document_path(&child) {
                continue;
            } else if meta.is_file() {
                self.file(child);
            } else if meta.file_type().is_symlink() {
                // A symlink to a document file is read; one to a directory is not followed.
                match std::fs::metadata(&child) {
                    Ok(m) if m.is_file() => self.file(child),
                    Ok(_) => {}
                    Err(e) => self.errors.push(io_error(&child, e)),
                }
            }
        }
    }

    /// The sorted entries of a directory not walked before, or `None` (with an error recorded
    /// when it cannot be read).
    fn children(&mut self, dir: &Path) -> Option<std::vec::IntoIter<PathBuf>> {
        let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.seen_dirs.insert(key) {
            return None;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.errors.push(io_error(dir, e));
                return None;
            }
        };
        let mut children = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => children.push(e.path()),
                Err(e) => self.errors.push(io_error(dir, e)),
            }
        }
        children.sort();
        Some(children.into_iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_directories_recursively_and_reports_missing_paths() {
        let dir = std::env::temp_dir().join(format!("claims-text-walk-{}", std::process::id()));
        let sub = dir.join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(dir.join("one.txt"), "x").unwrap();
        std::fs::write(sub.join("two.md"), "y").unwrap();
        std::fs::write(sub.join("skip.png"), "z").unwrap();
        let (files, errors) = collect_files(&[dir.clone(), dir.join("missing.txt")]);
        let names: Vec<_> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().to_string())
            .collect();
        assert_eq!(names, ["two.md", "one.txt"]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0]
            .to_string()
            .ends_with("missing.txt: no such file or directory"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn takes_web_and_jsonl_files_skips_symlink_loops_and_reports_broken_links() {
        use std::os::unix::ffi::OsStrExt;
        let dir = std::env::temp_dir().join(format!("claims-text-walk2-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("page.html"), "<p>x</p>").unwrap();
        std::fs::write(dir.join("sub/export.jsonl"), "{}").unwrap();
        std::fs::write(dir.join("sub/page.HTM"), "<p>y</p>").unwrap();
        std::fs::write(dir.join("notes.json"), "{}").unwrap();
        // A name that is not UTF-8 ("caf\xe9.txt") is still a document file.
        let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
        std::fs::write(dir.join(latin1), "z").unwrap();
        // A loop back to the top, a link to a file, and a dangling link.
        std::os::unix::fs::symlink(&dir, dir.join("sub/loop")).unwrap();
        std::os::unix::fs::symlink(dir.join("page.html"), dir.join("sub/alias.html")).unwrap();
        std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("dangling.txt")).unwrap();
        // The same directory named twice is walked once.
        let (files, errors) = collect_files(&[dir.clone(), dir.clone()]);
        let names: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(&dir).unwrap().to_string_lossy().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "caf\u{fffd}.txt",
                "page.html",
                "sub/alias.html",
                "sub/export.jsonl",
                "sub/page.HTM"
            ]
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].path().ends_with("dangling.txt"), "{errors:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
