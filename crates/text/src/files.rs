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

/// The name a path is known by in documents and messages: the path itself when it is valid
/// UTF-8; otherwise each byte that is not UTF-8 written as `\xNN` (`caf\xE9.txt`).
///
/// Why not `Path::display`? It writes every invalid byte as `�`, so `caf\xE9.txt` and
/// `caf\xE8.txt` would both be `caf�.txt`: the same document name for two files, and each
/// ingest would store one as a new version of the other. Escaping keeps the names distinct and
/// says exactly which bytes the file name holds.
pub fn path_label(path: &Path) -> String {
    if let Some(s) = path.to_str() {
        return s.to_string();
    }
    label_of_bytes(path)
}

#[cfg(unix)]
fn label_of_bytes(path: &Path) -> String {
    use std::fmt::Write;
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02X}");
        }
    }
    out
}

#[cfg(not(unix))]
fn label_of_bytes(path: &Path) -> String {
    path.display().to_string()
}

/// Expands files and directories (recursively, in sorted order) into document files.
///
/// A file named explicitly is taken whatever its extension; inside directories only document
/// extensions are taken, including symlinks to files. Symlinked directories are not followed
/// and a directory reached twice is walked once, so there are no loops and no duplicates.
/// Entries that cannot be read (a broken symlink, a directory without permission, a vanished
/// file) become errors in the second list, so one bad path never stops the others. File names
/// that are not UTF-8 are taken too; documents and errors name them with [`path_label`].
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<TextError>) {
    let mut walk = Walk::default();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk.dir(p),
            Ok(_) => walk.file(p.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                walk.errors.push(TextError::Missing {
                    path: path_label(p),
                })
            }
            Err(e) => walk.errors.push(io_error(p, e)),
        }
    }
    (walk.files, walk.errors)
}

fn io_error(path: &Path, source: std::io::Error) -> TextError {
    TextError::Io {
        path: path_label(path),
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
    fn names_that_are_not_utf8_get_distinct_escaped_labels() {
        use std::os::unix::ffi::OsStrExt;
        let e9 = Path::new(std::ffi::OsStr::from_bytes(b"dir/caf\xe9.txt"));
        let e8 = Path::new(std::ffi::OsStr::from_bytes(b"dir/caf\xe8.txt"));
        assert_eq!(path_label(e9), "dir/caf\\xE9.txt");
        assert_eq!(path_label(e8), "dir/caf\\xE8.txt");
        // Valid UTF-8 is the path as it is, multi-byte characters included.
        assert_eq!(path_label(Path::new("dir/café.txt")), "dir/café.txt");
        // A truncated multi-byte sequence in the middle: each bad byte escaped, the rest kept.
        let cut = Path::new(std::ffi::OsStr::from_bytes(b"a\xc3b\xe2\x82.md"));
        assert_eq!(path_label(cut), "a\\xC3b\\xE2\\x82.md");

        let dir = std::env::temp_dir().join(format!("claims-text-label-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in [(&b"caf\xe9.txt"[..], "One."), (&b"caf\xe8.txt"[..], "Two.")] {
            std::fs::write(dir.join(std::ffi::OsStr::from_bytes(name)), text).unwrap();
        }
        let (files, errors) = collect_files(std::slice::from_ref(&dir));
        assert!(errors.is_empty(), "{errors:?}");
        let docs: Vec<String> = files
            .iter()
            .flat_map(|f| crate::read_documents(f))
            .map(|d| d.unwrap().path)
            .collect();
        assert_eq!(docs.len(), 2);
        assert_ne!(docs[0], docs[1], "two files, two document names");
        assert!(docs
            .iter()
            .all(|d| d.ends_with(".txt") && d.contains("caf\\x")));
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
