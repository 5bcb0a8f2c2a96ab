//! Sentence splitting that keeps byte offsets into the original text.
//!
//! News text is messy: hard-wrapped lines, datelines without punctuation,
//! abbreviations ("Dr.", "Feb.", "U.S."), quotes that close after the full stop.
//! A sentence ends at `.`, `!` or `?` (plus closing quotes/brackets) followed by
//! whitespace and something that can start a sentence, unless the word before is
//! a known abbreviation or an initial. Blank lines always end a sentence and start
//! a new paragraph; a short line with no final punctuation (a dateline, a byline,
//! a heading) is a sentence of its own.

/// A sentence: `text[start..end]`, trimmed, in paragraph `para`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub para: usize,
}

/// Words that are abbreviated with a dot and never end a sentence: titles and
/// ranks ("H.E.", "Pol. Gen.", "Lt. Col."), month names ("Sept. 28"), and a
/// few others that always have more to come ("approx.", "vs.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "rep", "st",
    "pol", "brig", "adm", "cmdr", "sen", "amb", "dep", "vice", "hon", "h.e", "vs", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co",
    "corp", "dept", "approx", "est", "fig", "e.g", "i.e", "u.s", "u.n", "u.k", "assoc", "asst",
    "cpl", "pvt", "jr", "sr", "mt",
];

/// Abbreviations that never end a sentence when a number follows: "No. 7",
/// "Art. 3", "Vol. 2" (before a capital they may: "... said no. The ...").
const NUMBER_ABBREVIATIONS: &[&str] = &["no", "nos", "art", "vol", "p", "pp", "km", "ch"];

/// Longest word looked at before a dot: keeps the splitter linear on text
/// with no spaces ("a.a.a.a…", dotted identifiers).
const MAX_WORD: usize = 32;

fn is_abbreviation(word: &str, before_number: bool) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return false;
    }
    if before_number && NUMBER_ABBREVIATIONS.contains(&w.to_ascii_lowercase().as_str()) {
        return true;
    }
    // Single initials ("J.", "A") and dotted acronyms ("U.S").
    if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
        return true;
    }
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    let lower = w.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '’' | '”' | '»')
}

/// Split `text` into sentences. Linear in the text length.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (para, (bstart, bend)) in paragraphs(text).into_iter().enumerate() {
        split_block(text, bstart, bend, para, &mut out);
    }
    out
}

/// Paragraphs of `text` as byte ranges: blocks separated by blank lines
/// (lines with only whitespace), each without its final line break. The one
/// splitter for the extractor's sentences and the article pane.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let (start, end) = (offset, offset + content.len());
        offset += line.len();
        if content.trim().is_empty() {
            out.extend(current.take());
        } else {
            current = Some(match current {
                Some((s, _)) => (s, end),
                None => (start, end),
            });
        }
    }
    out.extend(current);
    out
}

/// The character at byte offset `off` of `s`, if any.
fn char_at(s: &str, off: usize) -> Option<char> {
    s.get(off..).and_then(|t| t.chars().next())
}

/// Split one paragraph block into sentences. Walks from one line break or
/// sentence mark (all ASCII bytes, so always on character boundaries) to the next.
fn split_block(text: &str, bstart: usize, bend: usize, para: usize, out: &mut Vec<Sentence>) {
    let block = &text[bstart..bend];
    let bytes = block.as_bytes();
    let mut sent_start = 0usize; // relative to block
    let mut line_start = 0usize;
    let mut i = 0usize;
    while let Some(skip) = bytes.get(i..).and_then(|rest| {
        rest.iter()
            .position(|b| matches!(b, b'\n' | b'.' | b'!' | b'?'))
    }) {
        let off = i + skip;
        let c = bytes[off];
        if c == b'\n' {
            // A short line without final punctuation followed by another line: its own sentence.
            let line = block[line_start.max(sent_start).min(off)..off].trim();
            let ends_sentence = line
                .chars()
                .last()
                .map(|l| matches!(l, '.' | '!' | '?' | ':' | ',' | ';' | '"' | '”' | '’'))
                .unwrap_or(true);
            let next_line_starts_upper = block[off + 1..]
                .trim_start()
                .chars()
                .next()
                .map(|ch| ch.is_uppercase() || ch == '(' || ch.is_numeric())
                .unwrap_or(false);
            // The whole line, from its start: a heading, not the tail of a
            // hard-wrapped line ("… along the border. Ratanakiri and").
            let (a, b) = (sent_start.min(line_start), sent_start.max(line_start));
            let starts_here = block[a..b].trim().is_empty();
            if !line.is_empty()
                && !ends_sentence
                && starts_here
                && line.chars().count() < 60
                && next_line_starts_upper
            {
                push(text, bstart, sent_start, off, para, out);
                sent_start = off + 1;
            }
            line_start = off + 1;
            i = off + 1;
            continue;
        }
        // Extend over repeated punctuation and closing quotes/brackets.
        let mut j = off + 1;
        while let Some(d) = char_at(block, j) {
            if !(matches!(d, '.' | '!' | '?') || is_closer(d)) {
                break;
            }
            j += d.len_utf8();
        }
        let end_off = j;
        // Must be followed by whitespace then a sentence starter (or end of block).
        let mut k = j;
        let mut saw_space = false;
        while let Some(d) = char_at(block, k) {
            if !d.is_whitespace() {
                break;
            }
            saw_space = true;
            k += d.len_utf8();
        }
        let next = char_at(block, k);
        let starter = next.is_some_and(|ch| {
            ch.is_uppercase()
                || ch.is_numeric()
                || matches!(ch, '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '–' | '—')
                || !ch.is_ascii() && !ch.is_lowercase()
        });
        if let (b'.', Some(next)) = (c, next) {
            // The word before the dot (its last MAX_WORD bytes at most).
            let mut from = off.saturating_sub(MAX_WORD);
            while !block.is_char_boundary(from) {
                from += 1;
            }
            let word = block[from..off]
                .rsplit(|ch: char| ch.is_whitespace() || ch == '(' || ch == '“' || ch == '"')
                .next()
                .unwrap_or("");
            // "Feb. 2014", "Sept. 28", "Dr. Or", "No. 7": never a sentence end.
            if is_abbreviation(word, next.is_numeric()) {
                i = j;
                continue;
            }
        }
        if next.is_none() || (saw_space && starter) {
            push(text, bstart, sent_start, end_off, para, out);
            sent_start = end_off;
        }
        i = j;
    }
    push(text, bstart, sent_start, block.len(), para, out);
}

fn push(text: &str, bstart: usize, s: usize, e: usize, para: usize, out: &mut Vec<Sentence>) {
    let abs_s = bstart + s;
    let abs_e = bstart + e;
    let Some(slice) = text.get(abs_s..abs_e) else {
        return;
    };
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = abs_s + lead;
    out.push(Sentence {
        start,
        end: start + trimmed.len(),
        para,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn splits_on_full_stops_and_blank_lines() {
        let t = "The governors met in Pakse. They signed a plan.\n\nA new paragraph here.";
        assert_eq!(
            texts(t),
            [
                "The governors met in Pakse.",
                "They signed a plan.",
                "A new paragraph here."
            ]
        );
        let p: Vec<usize> = split(t).iter().map(|s| s.para).collect();
        assert_eq!(p, [0, 0, 1]);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        let t = "Dr. Sok Heng met Mr. Bounmy on Feb. 6 in the U.S. embassy. Then they left.";
        assert_eq!(
            texts(t),
            [
                "Dr. Sok Heng met Mr. Bounmy on Feb. 6 in the U.S. embassy.",
                "Then they left."
            ]
        );
    }

    #[test]
    fn month_abbreviations_before_a_day_never_end_a_sentence() {
        let t = "Aid arrived on Nov. 16, 2020 and on Sept. 28, 2021. Then more came.";
        assert_eq!(
            texts(t),
            [
                "Aid arrived on Nov. 16, 2020 and on Sept. 28, 2021.",
                "Then more came."
            ]
        );
        let t = "Talks opened on Aug. 3 and closed on Dec. 9 in Pakse. Both sides left.";
        assert_eq!(texts(t).len(), 2);
    }

    #[test]
    fn titles_ranks_and_numbers_never_end_a_sentence() {
        let t = "Pol. Gen. Sok and Lt. Col. Bounmy met H.E. Mam at checkpoint No. 7 on Road No. 13. They agreed.";
        assert_eq!(
            texts(t),
            [
                "Pol. Gen. Sok and Lt. Col. Bounmy met H.E. Mam at checkpoint No. 7 on Road No. 13.",
                "They agreed."
            ]
        );
        let t = "Brig. Gen. Chhum greeted Dr. Khammany. Ms. Pany spoke.";
        assert_eq!(
            texts(t),
            ["Brig. Gen. Chhum greeted Dr. Khammany.", "Ms. Pany spoke."]
        );
        let t = "The rector, Assoc. Prof. Dr. Bounpheng, signed it. Asst. Prof. Sokha and Cpl. Vanna watched.";
        assert_eq!(
            texts(t),
            [
                "The rector, Assoc. Prof. Dr. Bounpheng, signed it.",
                "Asst. Prof. Sokha and Cpl. Vanna watched."
            ]
        );
    }

    #[test]
    fn the_tail_of_a_wrapped_line_is_no_heading() {
        let t = "They last spoke in January. Ratanakiri and\nAttapeu officers will meet next week.";
        assert_eq!(
            texts(t),
            [
                "They last spoke in January.",
                "Ratanakiri and\nAttapeu officers will meet next week."
            ]
        );
        let t = "Police seized 40 kg of drugs. Stung Treng\nPolice Chief Sok said so.";
        assert_eq!(texts(t).len(), 2);
        // A heading line on its own still ends there.
        let t = "Border talks resume\nOfficials of both provinces met today.";
        assert_eq!(texts(t).len(), 2);
    }

    #[test]
    fn a_long_run_without_spaces_is_split_in_linear_time() {
        let t = format!("The governors met. {} End.", "a.".repeat(200_000));
        assert!(!split(&t).is_empty());
    }

    #[test]
    fn hard_wrapped_lines_stay_one_sentence_but_datelines_split() {
        let t = "Agency Wire | Mar. 2019\n(AW)\nThe two ministers held\ntalks in Vientiane on\nMarch 3. Both sides agreed.";
        assert_eq!(
            texts(t),
            [
                "Agency Wire | Mar. 2019",
                "(AW)",
                "The two ministers held\ntalks in Vientiane on\nMarch 3.",
                "Both sides agreed."
            ]
        );
    }

    #[test]
    fn quotes_close_after_the_stop() {
        let t = "“We will cooperate,” he said. “It is good.” She agreed.";
        assert_eq!(
            texts(t),
            [
                "“We will cooperate,” he said.",
                "“It is good.”",
                "She agreed."
            ]
        );
    }

    #[test]
    fn multibyte_space_before_a_full_stop() {
        // Found by the property test: U+3000 (3 bytes) before "x." once sliced inside a char.
        let t = "a\u{3000}xyz. B";
        assert_eq!(texts(t), ["a\u{3000}xyz.", "B"]);
    }

    #[test]
    fn spans_slice_the_text() {
        let t = "Ça va.  Été là!\r\nÖsterreich? ខ្មែរ។ ok";
        for s in split(t) {
            assert!(t.get(s.start..s.end).is_some());
        }
    }
}
