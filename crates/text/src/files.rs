//! Turning command-line paths into the list of document files to read.

use std::path::{Path, PathBuf};

use crate::TextError;

/// Is this a file `claims` reads as a document (`.txt`, `.md`, `.markdown`, `.text`)?
pub fn is_document_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "txt" | "md" | "markdown" | "text"
            )
        })
        .unwrap_or(false)
}

/// Expands files and directories (recursively, in sorted order) into document files.
///
/// A file named explicitly is taken whatever its extension; inside directories only document
/// extensions are taken. Paths that cannot be read become errors in the second list, so one bad
/// path never stops the others. Symlinked directories are not followed (no loops).
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<TextError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut errors),
            Ok(_) => files.push(p.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => errors.push(TextError::Missing {
                path: p.display().to_string(),
            }),
            Err(e) => errors.push(TextError::Io {
                path: p.display().to_string(),
                source: e,
            }),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<TextError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(TextError::Io {
                path: dir.display().to_string(),
                source: e,
            });
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let Ok(meta) = std::fs::symlink_metadata(&child) else {
            continue;
        };
        if meta.is_dir() {
            walk(&child, files, errors);
        } else if meta.is_file() && is_document_path(&child) {
            files.push(child);
        }
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
}
