//! Every input kept under `fuzz/regressions/read_document/` (inputs that once crashed or hung
//! the `read_document` fuzz target, and hand-made hostile ones) is read as each input kind, as
//! the fuzz target does, and must give documents or errors, never a panic: offsets on character
//! boundaries, every error naming the file. See docs/inputs.md, "Fuzzing".

use std::path::PathBuf;

use claims_text::{parse_documents, sentences, InputKind};

fn regressions() -> Vec<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/read_document");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_kept_fuzz_input_reads_without_panicking() {
    let files = regressions();
    assert!(
        !files.is_empty(),
        "fuzz/regressions/read_document/ holds the kept inputs"
    );
    for file in files {
        let bytes = std::fs::read(&file).expect("read a kept input");
        let label = file.display().to_string();
        for kind in [InputKind::Text, InputKind::Html, InputKind::JsonLines] {
            for result in parse_documents(&label, bytes.clone(), kind) {
                match result {
                    Ok(doc) => {
                        assert!(
                            doc.text.is_char_boundary(doc.body_start),
                            "{label} as {kind:?}"
                        );
                        for s in sentences(&doc.text[doc.body_start..]) {
                            let (a, b) = (doc.body_start + s.start(), doc.body_start + s.end());
                            assert!(
                                doc.text.is_char_boundary(a) && doc.text.is_char_boundary(b),
                                "{label} as {kind:?}: sentence {a}..{b}"
                            );
                        }
                    }
                    Err(e) => assert!(e.to_string().starts_with(&label), "{e}"),
                }
            }
        }
    }
}
