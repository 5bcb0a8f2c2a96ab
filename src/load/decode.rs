//! Bytes → text: binary sniffing, byte-order marks, UTF-16, the Windows-1252
//! fallback, NUL bytes and line endings.
//!
//! The order of the checks matters and is documented in the parent module:
//! empty → known binary signature → byte-order mark → UTF-16 without BOM →
//! NUL/control-byte ratio → UTF-8 → Windows-1252 (if it looks like text).

use super::LoadError;

/// How many leading bytes the NUL and control-byte heuristics look at.
const SNIFF_LEN: usize = 8 * 1024;
/// More than this fraction (per mille) of NUL bytes in the sniffed prefix means binary.
const MAX_NUL_PER_MILLE: usize = 10;
/// More than this fraction (per mille) of control bytes (other than tab,
/// newline, carriage return, form feed, escape) in the sniffed prefix means binary.
const MAX_CONTROL_PER_MILLE: usize = 50;

/// Text decoded from a file, with the warnings met on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// A well-known binary file signature, described for the error message.
pub(crate) fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (
            b"PK\x03\x04",
            "a ZIP archive or an office document (DOCX, XLSX, ODT, EPUB)",
        ),
        (b"PK\x05\x06", "an empty ZIP archive"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an old Microsoft Office document (DOC, XLS)",
        ),
        (b"\x7fELF", "an ELF executable"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xfd7zXZ\x00", "an xz archive"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
        (b"\x28\xb5\x2f\xfd", "a zstd archive"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
        (b"\x00\x00\x01\x00", "an icon image"),
        (b"ID3", "an MP3 audio file"),
        (b"OggS", "an Ogg media file"),
        (b"fLaC", "a FLAC audio file"),
        (b"SQLite format 3\x00", "an SQLite database"),
        (b"\x00asm", "a WebAssembly module"),
        (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
        (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
        (b"\xfe\xed\xfa\xcf", "a Mach-O executable"),
        (b"wOFF", "a web font"),
        (b"wOF2", "a web font"),
        (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    ];
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Some(what);
        }
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") {
        return Some(match bytes.get(8..12) {
            Some(b"WEBP") => "a WebP image",
            Some(b"WAVE") => "a WAV audio file",
            Some(b"AVI ") => "an AVI video",
            _ => "a RIFF media file",
        });
    }
    if bytes.get(4..8) == Some(b"ftyp") {
        return Some("an MP4/QuickTime media file (or HEIC image)");
    }
    // "MZ" and "BM" are also plausible starts of text: only call them binary
    // when the header carries NUL bytes, as real executables and bitmaps do.
    let head = bytes.get(..64).unwrap_or(bytes);
    let has_nul = head.contains(&0);
    if bytes.starts_with(b"MZ") && has_nul {
        return Some("a Windows executable");
    }
    if bytes.starts_with(b"BM") && has_nul {
        return Some("a BMP image");
    }
    None
}

/// Is this byte a control character that text files do not normally hold?
fn is_suspicious_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f
}

/// Detect UTF-16 without a byte-order mark: in mostly-ASCII UTF-16 text every
/// other byte is NUL. Returns the encoding when the pattern is clear.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
    let pairs = sample.len() / 2;
    if pairs < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            even_nul += usize::from(*a == 0);
            odd_nul += usize::from(*b == 0);
        }
    }
    // 70% of one side NUL, (almost) none on the other.
    let clear = |many: usize, few: usize| many * 10 >= pairs * 7 && few * 50 <= pairs;
    if clear(odd_nul, even_nul) {
        Some(encoding_rs::UTF_16LE)
    } else if clear(even_nul, odd_nul) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Count well-formed multi-byte UTF-8 sequences and invalid ones.
fn utf8_counts(bytes: &[u8]) -> (usize, usize) {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| c.len_utf8() > 1).count();
                return (valid_multibyte, invalid);
            }
            Err(e) => {
                let good = rest.get(..e.valid_up_to()).unwrap_or(&[]);
                // `good` is valid UTF-8 by construction.
                valid_multibyte += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| c.len_utf8() > 1).count())
                    .unwrap_or(0);
                invalid += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = rest.get(skip.max(1)..).unwrap_or(&[]);
                if rest.is_empty() {
                    return (valid_multibyte, invalid);
                }
            }
        }
    }
}

/// UTF-8 with only a few invalid sequences: at least four well-formed
/// multi-byte characters per invalid sequence, or well-formed multi-byte
/// characters and a single invalid sequence at the very end (a file cut in
/// the middle of a character). A Windows-1252 file has no well-formed
/// multi-byte sequences in practice, so it never qualifies.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let cut_at_end = std::str::from_utf8(bytes).is_err_and(|e| e.error_len().is_none());
    let (valid, invalid) = utf8_counts(bytes);
    invalid > 0 && valid > 0 && (valid >= invalid * 4 || (invalid == 1 && cut_at_end))
}

/// Whether decoded text looks like text rather than binary noise.
fn text_looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(SNIFF_LEN) {
        total += 1;
        let suspicious = match c {
            '\u{0}'..='\u{1f}' => !matches!(c, '\t' | '\n' | '\r' | '\u{0c}' | '\u{1b}'),
            '\u{7f}'..='\u{9f}' | '\u{fffd}' => true,
            _ => false,
        };
        bad += usize::from(suspicious);
    }
    total > 0 && bad * 1000 > total * MAX_CONTROL_PER_MILLE
}

/// Decode a file's bytes into text. See the module documentation for the order of checks.
#[cfg(test)]
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, LoadError> {
    decode_with_declared(bytes, None)
}

/// The encoding an HTML page declares in its first 1,024 bytes
/// (`<meta charset="...">` or `content="text/html; charset=..."`).
pub(crate) fn html_declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.get(..1024).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = lower.get(at..)?;
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(rest.get(..end)?)
}

/// [`decode`], using `declared` instead of Windows-1252 for text that is not UTF-8.
pub(crate) fn decode_with_declared(
    bytes: &[u8],
    declared: Option<&'static encoding_rs::Encoding>,
) -> Result<Decoded, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if let Some(what) = binary_signature(bytes) {
        return Err(LoadError::Binary(format!("looks like {what}")));
    }
    let mut warnings = Vec::new();

    // Byte-order marks.
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        match std::str::from_utf8(rest) {
            Ok(s) => s.to_string(),
            Err(_) => {
                warnings.push(
                    "invalid UTF-8 sequences after a UTF-8 byte-order mark were replaced with \u{fffd}"
                        .to_string(),
                );
                String::from_utf8_lossy(rest).into_owned()
            }
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        decode_utf16(
            rest,
            encoding_rs::UTF_16LE,
            "byte-order mark",
            &mut warnings,
        )?
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        decode_utf16(
            rest,
            encoding_rs::UTF_16BE,
            "byte-order mark",
            &mut warnings,
        )?
    } else if let Some(enc) = utf16_without_bom(bytes) {
        decode_utf16(bytes, enc, "no byte-order mark; guessed", &mut warnings)?
    } else {
        // No BOM: sniff for binary content, then try UTF-8, then Windows-1252.
        let sample = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
        let nuls = sample.iter().filter(|&&b| b == 0).count();
        if nuls * 1000 > sample.len() * MAX_NUL_PER_MILLE {
            return Err(LoadError::Binary("contains NUL bytes".to_string()));
        }
        let controls = sample
            .iter()
            .filter(|&&b| b != 0 && is_suspicious_control(b))
            .count();
        if controls * 1000 > sample.len() * MAX_CONTROL_PER_MILLE {
            return Err(LoadError::Binary("mostly control characters".to_string()));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) if mostly_utf8(bytes) => {
                // UTF-8 with a few broken sequences (a cut download, a stray
                // byte): re-reading everything as Windows-1252 would garble
                // every correct accented letter, so replace only the bad bytes.
                let (_, invalid) = utf8_counts(bytes);
                warnings.push(format!(
                    "{invalid} invalid UTF-8 sequence{} replaced with \u{fffd}",
                    if invalid == 1 { "" } else { "s" }
                ));
                String::from_utf8_lossy(bytes).into_owned()
            }
            Err(_) => {
                // An HTML page may declare its encoding; otherwise Windows-1252,
                // the usual encoding of legacy Western text files.
                // (As browsers do, a declared UTF-16 or "replacement" is ignored.)
                let declared = declared.filter(|e| {
                    ![
                        encoding_rs::UTF_8,
                        encoding_rs::WINDOWS_1252,
                        encoding_rs::UTF_16LE,
                        encoding_rs::UTF_16BE,
                        encoding_rs::REPLACEMENT,
                        encoding_rs::X_USER_DEFINED,
                    ]
                    .contains(e)
                });
                let enc = declared.unwrap_or(encoding_rs::WINDOWS_1252);
                let (cow, _) = enc.decode_without_bom_handling(bytes);
                let s = cow.into_owned();
                if text_looks_binary(&s) {
                    return Err(LoadError::Binary(format!(
                        "neither UTF-8 nor {} text",
                        enc.name()
                    )));
                }
                warnings.push(match declared {
                    Some(e) => format!(
                        "not valid UTF-8; decoded as {} (declared in the page)",
                        e.name()
                    ),
                    None => "not valid UTF-8; decoded as Windows-1252".to_string(),
                });
                s
            }
        }
    };
    let mut text = text;
    let nul_count = text.bytes().filter(|&b| b == 0).count();
    if nul_count > 0 {
        text.retain(|c| c != '\0');
        warnings.push(format!(
            "removed {nul_count} NUL byte{} from the text",
            if nul_count == 1 { "" } else { "s" }
        ));
    }
    Ok(Decoded {
        text: normalize_newlines(text),
        warnings,
    })
}

fn decode_utf16(
    bytes: &[u8],
    enc: &'static encoding_rs::Encoding,
    how: &str,
    warnings: &mut Vec<String>,
) -> Result<String, LoadError> {
    let (cow, had_errors) = enc.decode_without_bom_handling(bytes);
    if text_looks_binary(&cow) {
        return Err(LoadError::Binary(format!("not {} text", enc.name())));
    }
    warnings.push(format!("decoded as {} ({how})", enc.name()));
    if had_errors {
        warnings.push(format!(
            "invalid {} sequences were replaced with \u{fffd}",
            enc.name()
        ));
    }
    Ok(cow.into_owned())
}

/// CRLF and lone CR → LF. Done before any parsing so that offsets into the
/// stored text never depend on the file's line-ending convention.
pub(crate) fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_without_warning() {
        let d = decode(b"\xef\xbb\xbfHello Pakse").unwrap();
        assert_eq!(d.text, "Hello Pakse");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for u in "Attapeu é".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        for bytes in [le, be] {
            let d = decode(&bytes).unwrap();
            assert_eq!(d.text, "Attapeu é");
            assert!(
                d.warnings.iter().any(|w| w.contains("UTF-16")),
                "{:?}",
                d.warnings
            );
        }
    }

    #[test]
    fn utf16_without_bom_is_guessed() {
        let bytes: Vec<u8> = "Stung Treng and Attapeu met."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Stung Treng and Attapeu met.");
        assert!(d.warnings.iter().any(|w| w.contains("guessed")));
    }

    #[test]
    fn windows_1252_fallback_with_warning() {
        let d = decode(b"Caf\xe9 in Pakse \x93quoted\x94").unwrap();
        assert_eq!(d.text, "Café in Pakse \u{201c}quoted\u{201d}");
        assert_eq!(d.warnings, ["not valid UTF-8; decoded as Windows-1252"]);
        // A final high byte is Windows-1252, not a cut UTF-8 character.
        assert_eq!(decode(b"Caf\xe9").unwrap().text, "Café");
    }

    #[test]
    fn mostly_utf8_keeps_the_good_characters() {
        // Cut in the middle of the last character.
        let mut cut = "Café à Pakse é".as_bytes().to_vec();
        cut.pop();
        let d = decode(&cut).unwrap();
        assert_eq!(d.text, "Café à Pakse \u{fffd}");
        assert_eq!(
            d.warnings,
            ["1 invalid UTF-8 sequence replaced with \u{fffd}"]
        );
        // One stray byte among many good accented letters.
        let mut stray = "é".repeat(10).into_bytes();
        stray.push(0xe9);
        stray.extend(b" end");
        let d = decode(&stray).unwrap();
        assert_eq!(d.text, format!("{}\u{fffd} end", "é".repeat(10)));
    }

    #[test]
    fn html_declared_encoding_is_used() {
        let page = b"<meta charset=\"shift_jis\"><p>\x93\xfa\x96\x7b</p>";
        let enc = html_declared_encoding(page);
        assert_eq!(enc, Some(encoding_rs::SHIFT_JIS));
        let d = decode_with_declared(page, enc).unwrap();
        assert!(d.text.contains("日本"), "{}", d.text);
        assert_eq!(
            d.warnings,
            ["not valid UTF-8; decoded as Shift_JIS (declared in the page)"]
        );
        let latin =
            b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>caf\xe9";
        let enc = html_declared_encoding(latin);
        let d = decode_with_declared(latin, enc).unwrap();
        assert!(d.text.ends_with("café"));
        assert_eq!(d.warnings, ["not valid UTF-8; decoded as Windows-1252"]);
    }

    #[test]
    fn signatures_name_the_kind() {
        let err = decode(b"%PDF-1.7\n...").unwrap_err();
        assert_eq!(err.to_string(), "binary file (looks like a PDF document)");
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0").unwrap_err();
        assert_eq!(err.to_string(), "binary file (looks like a PNG image)");
        // "MZ" text is not an executable.
        assert!(decode(b"MZ is a prefix of this text").is_ok());
    }

    #[test]
    fn many_nuls_are_binary_few_are_stripped() {
        let mut bin = vec![b'a'; 100];
        bin.extend(std::iter::repeat_n(0u8, 50));
        bin.push(b'b');
        assert!(matches!(decode(&bin), Err(LoadError::Binary(_))));
        let mut text = vec![b'a'; 2000];
        text.insert(500, 0);
        let d = decode(&text).unwrap();
        assert_eq!(d.text.len(), 2000);
        assert!(d.warnings[0].contains("1 NUL byte"));
    }

    #[test]
    fn newlines_are_normalized() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n".into()), "a\nb\nc\n");
        let d = decode(b"a\r\n\r\nb").unwrap();
        assert_eq!(d.text, "a\n\nb");
    }

    #[test]
    fn random_high_bytes_are_binary() {
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(matches!(decode(&noise), Err(LoadError::Binary(_))));
    }
}
