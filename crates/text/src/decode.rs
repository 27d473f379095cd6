//! Turning a file's bytes into text: UTF-8 as is, UTF-16 with a byte-order mark, and the
//! Windows-1252 that older scrapers and Windows tools still write.
//!
//! The rule that matters downstream is about offsets. A valid UTF-8 file is kept byte for byte
//! (a UTF-8 byte-order mark included), so offsets into the text are offsets into the file and
//! `encoding` is `None`. Anything that had to be transcoded gets `encoding: Some(..)` and a note,
//! and from then on the decoded text, not the file, is the reference for offsets.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::TextError;

/// What [`decode`] made of a file's bytes.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// `None` when `text` is exactly the input bytes.
    pub encoding: Option<&'static str>,
    pub notes: Vec<String>,
}

/// Name used for text that is UTF-8 with stray Windows-1252 bytes in it.
pub(crate) const MIXED: &str = "UTF-8+windows-1252";

/// Decodes `bytes`, a file called `label`.
///
/// Order of evidence: a UTF-16 byte-order mark; NUL bytes (binary, refused); valid UTF-8 (kept);
/// a charset the file declared itself (HTML's `<meta charset>`); otherwise Windows-1252, or UTF-8
/// with Windows-1252 patches when most of the non-ASCII text is well-formed UTF-8.
///
/// # Errors
/// [`TextError::Binary`] for NUL bytes and [`TextError::Undecodable`] for a broken UTF-16 file,
/// each with the byte offset in the file.
pub(crate) fn decode(
    label: &str,
    bytes: Vec<u8>,
    declared: Option<&'static Encoding>,
) -> Result<Decoded, TextError> {
    if let Some(big_endian) = utf16_bom(&bytes) {
        let text = decode_utf16(label, &bytes[2..], big_endian)?;
        let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
        return Ok(Decoded {
            text,
            encoding: Some(name),
            notes: vec![format!(
                "decoded from {name} (byte-order mark removed); offsets refer to the decoded text"
            )],
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(TextError::Binary {
            path: label.to_string(),
            offset,
        });
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text,
                encoding: None,
                notes: Vec::new(),
            })
        }
        Err(e) => e.into_bytes(),
    };
    let first_bad = first_invalid_utf8(&bytes);
    // A declared charset other than UTF-8 is believed once the bytes are known not to be UTF-8
    // (pages re-saved as UTF-8 often keep their old declaration, so valid UTF-8 wins above).
    if let Some(enc) = declared.filter(|e| *e != UTF_8 && *e != WINDOWS_1252) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes);
        let mut notes = vec![format!(
            "decoded from its declared charset {}; offsets refer to the decoded text",
            enc.name()
        )];
        if had_errors {
            notes.push(format!(
                "some bytes are not valid {} and were replaced by U+FFFD",
                enc.name()
            ));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: Some(enc.name()),
            notes,
        });
    }
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let (multibyte, invalid) = utf8_evidence(&bytes);
    if has_bom || (multibyte > 0 && multibyte >= invalid) {
        return Ok(Decoded {
            text: decode_mixed(&bytes),
            encoding: Some(MIXED),
            notes: vec![format!(
                "mostly UTF-8 but {invalid} byte(s) are not (first at offset {first_bad}): those \
                 were read as Windows-1252; offsets refer to the decoded text"
            )],
        });
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: Some(WINDOWS_1252.name()),
        notes: vec![format!(
            "not valid UTF-8 (first bad byte at offset {first_bad}): decoded as Windows-1252 \
             (Latin-1); offsets refer to the decoded text"
        )],
    })
}

/// `Some(true)` for a big-endian UTF-16 byte-order mark, `Some(false)` for little-endian.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFE, 0xFF, ..] => Some(true),
        [0xFF, 0xFE, ..] => Some(false),
        _ => None,
    }
}

/// Strict UTF-16: an odd length, an unpaired surrogate or a NUL unit is an error at its byte
/// offset in the file (the byte-order mark counts, hence the `+ 2`).
fn decode_utf16(label: &str, body: &[u8], big_endian: bool) -> Result<String, TextError> {
    let undecodable = |offset: usize, problem: &str| TextError::Undecodable {
        path: label.to_string(),
        encoding: if big_endian { "UTF-16BE" } else { "UTF-16LE" },
        offset: offset + 2,
        problem: problem.to_string(),
    };
    if body.len() % 2 == 1 {
        return Err(undecodable(body.len() - 1, "odd number of bytes"));
    }
    let units = body.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut text = String::with_capacity(body.len());
    let mut unit = 0usize;
    for c in char::decode_utf16(units) {
        match c {
            Ok('\0') => return Err(undecodable(unit * 2, "NUL character (binary data?)")),
            Ok(c) => {
                text.push(c);
                unit += c.len_utf16();
            }
            Err(e) => {
                let problem = format!("unpaired surrogate {:#06X}", e.unpaired_surrogate());
                return Err(undecodable(unit * 2, &problem));
            }
        }
    }
    Ok(text)
}

fn first_invalid_utf8(bytes: &[u8]) -> usize {
    std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len())
}

/// How many well-formed multi-byte UTF-8 characters and how many invalid bytes the input holds.
///
/// Windows-1252 text almost never forms valid multi-byte UTF-8 by accident (it would take an
/// accented capital followed by a C1 punctuation byte), so well-formed sequences outnumbering the
/// bad bytes mean a UTF-8 file with a pasted Windows-1252 patch, not the other way round.
fn utf8_evidence(bytes: &[u8]) -> (usize, usize) {
    let mut multibyte = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    (multibyte, invalid)
}

/// Keeps the well-formed UTF-8 and reads each invalid byte as Windows-1252 (which maps all 256
/// byte values, so nothing is lost or replaced).
fn decode_mixed(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        let (patch, _) = WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
        text.push_str(&patch);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in s.encode_utf16() {
            out.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn encodings_table() {
        // input bytes → (decoded text, encoding name)
        let rows: Vec<(Vec<u8>, &str, Option<&str>)> = vec![
            (b"plain ascii".to_vec(), "plain ascii", None),
            ("café".as_bytes().to_vec(), "café", None),
            // The UTF-8 byte-order mark is kept: the text is the file's bytes.
            ("\u{feff}café".as_bytes().to_vec(), "\u{feff}café", None),
            (b"caf\xe9".to_vec(), "café", Some("windows-1252")),
            (
                b"\x93Quoted\x94 \x96 50\x80".to_vec(),
                "“Quoted” – 50€",
                Some("windows-1252"),
            ),
            (
                utf16("Kursk’s café", false),
                "Kursk’s café",
                Some("UTF-16LE"),
            ),
            (
                utf16("Kursk’s café", true),
                "Kursk’s café",
                Some("UTF-16BE"),
            ),
            // The UTF-16 byte-order mark is removed: it is not part of the decoded text.
            (utf16("\u{feff}x", false), "\u{feff}x", Some("UTF-16LE")),
            (utf16("", true), "", Some("UTF-16BE")),
            // UTF-8 with one pasted Windows-1252 byte keeps its curly quotes.
            (
                b"\xe2\x80\x9cNo\xe2\x80\x9d, caf\xe9 \xe2\x80\x94 ok".to_vec(),
                "“No”, café — ok",
                Some(MIXED),
            ),
            // A UTF-8 byte-order mark declares UTF-8, so bad bytes after it are patches.
            (b"\xef\xbb\xbfcaf\xe9".to_vec(), "\u{feff}café", Some(MIXED)),
        ];
        for (bytes, text, encoding) in rows {
            let d = decode("f.txt", bytes.clone(), None).unwrap();
            assert_eq!(d.text, text, "for {bytes:?}");
            assert_eq!(d.encoding, encoding, "for {bytes:?}");
            assert_eq!(d.notes.is_empty(), encoding.is_none(), "for {bytes:?}");
        }
    }

    #[test]
    fn latin1_note_names_the_first_bad_byte() {
        let d = decode("l.txt", b"caf\xe9 au lait".to_vec(), None).unwrap();
        assert_eq!(
            d.notes,
            [
                "not valid UTF-8 (first bad byte at offset 3): decoded as Windows-1252 (Latin-1); \
              offsets refer to the decoded text"
            ]
        );
    }

    #[test]
    fn declared_charset_is_used_when_bytes_are_not_utf8() {
        let koi8 = Encoding::for_label(b"koi8-r");
        let d = decode("p.html", vec![0xF0, 0xD2, 0xC1, 0xD7, 0xC4, 0xC1], koi8).unwrap();
        assert_eq!(d.text, "Правда");
        assert_eq!(d.encoding, Some("KOI8-R"));
        // Valid UTF-8 wins over a stale declaration.
        let d = decode("p.html", "café".as_bytes().to_vec(), koi8).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("café", None));
    }

    #[test]
    fn broken_utf16_is_an_error_at_its_byte_offset() {
        let rows: Vec<(Vec<u8>, &str)> = vec![
            (
                vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0],
                "u.txt: not valid UTF-16LE at byte offset 4: unpaired surrogate 0xD800",
            ),
            (
                vec![0xFE, 0xFF, 0, b'a', 0xDC, 0x00],
                "u.txt: not valid UTF-16BE at byte offset 4: unpaired surrogate 0xDC00",
            ),
            (
                vec![0xFF, 0xFE, b'a', 0, b'b'],
                "u.txt: not valid UTF-16LE at byte offset 4: odd number of bytes",
            ),
            (
                vec![0xFF, 0xFE, b'a', 0, 0, 0],
                "u.txt: not valid UTF-16LE at byte offset 4: NUL character (binary data?)",
            ),
        ];
        for (bytes, message) in rows {
            let e = decode("u.txt", bytes, None).unwrap_err();
            assert_eq!(e.to_string(), message);
        }
    }

    #[test]
    fn nul_bytes_without_a_bom_are_binary() {
        let e = decode("b.bin", b"ab\0cd".to_vec(), None).unwrap_err();
        assert!(matches!(e, TextError::Binary { offset: 2, .. }));
    }
}
