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

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "rep", "st",
    "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "ltd", "co", "corp", "dept", "approx", "est", "fig", "h.e", "e.g", "i.e", "etc", "u.s",
    "u.n", "hon",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return false;
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

/// Byte ranges of blocks separated by blank lines (lines with only whitespace).
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut block_start = 0usize;
    let mut line_start = 0usize;
    let mut in_block = false;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if c == '\n' {
            let line = &text[line_start..i];
            if line.trim().is_empty() {
                if in_block {
                    blocks.push((block_start, line_start));
                    in_block = false;
                }
            } else if !in_block {
                block_start = line_start;
                in_block = true;
            }
            line_start = (i + 1).min(text.len());
        }
    }
    if in_block {
        blocks.push((block_start, text.len()));
    }
    blocks
}

/// Split one paragraph block into sentences.
fn split_block(text: &str, bstart: usize, bend: usize, para: usize, out: &mut Vec<Sentence>) {
    let block = &text[bstart..bend];
    let mut sent_start = 0usize; // relative to block
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    let n = chars.len();
    let mut i = 0usize;
    let mut line_start = 0usize;
    while i < n {
        let (off, c) = chars[i];
        if c == '\n' {
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
            let starts_here =
                sent_start >= line_start || block[sent_start..line_start].trim().is_empty();
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
            i += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?') {
            // Extend over repeated punctuation and closing quotes/brackets.
            let mut j = i + 1;
            while j < n && (matches!(chars[j].1, '.' | '!' | '?') || is_closer(chars[j].1)) {
                j += 1;
            }
            let end_off = if j < n { chars[j].0 } else { block.len() };
            // Must be followed by whitespace then a sentence starter (or end of block).
            let mut k = j;
            let mut saw_space = false;
            while k < n && chars[k].1.is_whitespace() {
                saw_space = true;
                k += 1;
            }
            let at_end = k >= n;
            let starter = !at_end && {
                let ch = chars[k].1;
                ch.is_uppercase()
                    || ch.is_numeric()
                    || matches!(ch, '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '–' | '—')
                    || !ch.is_ascii() && !ch.is_lowercase()
            };
            if c == '.' && !at_end {
                // The word before the dot.
                let word = block[..off]
                    .rsplit(|ch: char| ch.is_whitespace() || ch == '(' || ch == '“' || ch == '"')
                    .next()
                    .unwrap_or("");
                let abbreviation = is_abbreviation(word);
                // "Feb. 2014", "Dr. Or" — abbreviation followed by a capital or a number.
                if abbreviation && !(chars[k].1.is_numeric() && word.len() > 3) {
                    i = j;
                    continue;
                }
            }
            if at_end || (saw_space && starter) {
                push(text, bstart, sent_start, end_off, para, out);
                sent_start = end_off;
                i = j;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
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
