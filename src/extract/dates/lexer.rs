//! Tokens of the date tagger: ASCII words (classified against the date
//! lexicon), digit runs, dashes, slashes, dots, commas, other punctuation and
//! paragraph breaks, each with its byte span. One linear pass.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Keyword {
    In,
    On,
    Of,
    Since,
    Until,
    Till,
    By,
    During,
    From,
    Before,
    After,
    Through,
    To,
    And,
    Or,
    Between,
    Around,
    At,
    For,
    Early,
    Earlier,
    Mid,
    Middle,
    Late,
    Later,
    End,
    Beginning,
    Start,
    The,
    A,
    An,
    Last,
    Next,
    This,
    Coming,
    Previous,
    Ago,
    Yesterday,
    Today,
    Tomorrow,
    Tonight,
    Night,
    Morning,
    Afternoon,
    Evening,
    Day,
    Days,
    Week,
    Weeks,
    Weekend,
    Month,
    Months,
    Year,
    Years,
    Will,
    Would,
    Shall,
    Ll,
    Is,
    Are,
    Be,
    Scheduled,
    Expected,
    Planned,
    Upcoming,
    Due,
    Its,
    His,
    Her,
    Their,
    NumWord(u8),
    CountNoun,
}

impl Keyword {
    /// The year/month/week offset of "last" (−1), "this" (0), "next" (+1).
    pub(super) fn offset(self) -> Option<i32> {
        match self {
            Keyword::Last => Some(-1),
            Keyword::This => Some(0),
            Keyword::Next => Some(1),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lexeme {
    /// Month number and whether the word is an abbreviation.
    Month(u8, bool),
    /// 0 = Monday.
    Weekday(u8),
    Keyword(Keyword),
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokKind {
    Word {
        lex: Lexeme,
        cap: bool,
    },
    Num {
        val: u32,
        len: u8,
        ord: bool,
    },
    Dash,
    Slash,
    Dot,
    Comma,
    /// Other punctuation; `stop` for '!' and '?'.
    Punct {
        stop: bool,
    },
    /// A paragraph break (blank line); zero width.
    Break,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: TokKind,
    /// Whitespace (or the text start) right before this token.
    pub(super) gap: bool,
}

pub(super) fn classify(w: &[u8]) -> Lexeme {
    if w.len() > 11 {
        return Lexeme::Other;
    }
    let mut buf = [0u8; 11];
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    let l = &buf[..w.len()];
    use Keyword::*;
    let kw = match l {
        b"january" => return Lexeme::Month(1, false),
        b"jan" => return Lexeme::Month(1, true),
        b"february" => return Lexeme::Month(2, false),
        b"feb" => return Lexeme::Month(2, true),
        b"march" => return Lexeme::Month(3, false),
        b"mar" => return Lexeme::Month(3, true),
        b"april" => return Lexeme::Month(4, false),
        b"apr" => return Lexeme::Month(4, true),
        b"may" => return Lexeme::Month(5, false),
        b"june" => return Lexeme::Month(6, false),
        b"jun" => return Lexeme::Month(6, true),
        b"july" => return Lexeme::Month(7, false),
        b"jul" => return Lexeme::Month(7, true),
        b"august" => return Lexeme::Month(8, false),
        b"aug" => return Lexeme::Month(8, true),
        b"september" => return Lexeme::Month(9, false),
        b"sept" | b"sep" => return Lexeme::Month(9, true),
        b"october" => return Lexeme::Month(10, false),
        b"oct" => return Lexeme::Month(10, true),
        b"november" => return Lexeme::Month(11, false),
        b"nov" => return Lexeme::Month(11, true),
        b"december" => return Lexeme::Month(12, false),
        b"dec" => return Lexeme::Month(12, true),
        b"monday" => return Lexeme::Weekday(0),
        b"tuesday" => return Lexeme::Weekday(1),
        b"wednesday" => return Lexeme::Weekday(2),
        b"thursday" => return Lexeme::Weekday(3),
        b"friday" => return Lexeme::Weekday(4),
        b"saturday" => return Lexeme::Weekday(5),
        b"sunday" => return Lexeme::Weekday(6),
        b"in" => In,
        b"on" => On,
        b"of" => Of,
        b"since" => Since,
        b"until" => Until,
        b"till" => Till,
        b"by" => By,
        b"during" => During,
        b"from" => From,
        b"before" => Before,
        b"after" => After,
        b"through" => Through,
        b"to" => To,
        b"and" => And,
        b"or" => Or,
        b"between" => Between,
        b"around" => Around,
        b"at" => At,
        b"for" => For,
        b"early" => Early,
        b"earlier" => Earlier,
        b"mid" => Mid,
        b"middle" => Middle,
        b"late" => Late,
        b"later" => Later,
        b"end" => End,
        b"beginning" => Beginning,
        b"start" => Start,
        b"the" => The,
        b"a" => A,
        b"an" => An,
        b"last" => Last,
        b"next" => Next,
        b"this" => This,
        b"coming" => Coming,
        b"previous" => Previous,
        b"ago" => Ago,
        b"yesterday" => Yesterday,
        b"today" => Today,
        b"tomorrow" => Tomorrow,
        b"tonight" => Tonight,
        b"night" => Night,
        b"morning" => Morning,
        b"afternoon" => Afternoon,
        b"evening" => Evening,
        b"day" => Day,
        b"days" => Days,
        b"week" => Week,
        b"weeks" => Weeks,
        b"weekend" => Weekend,
        b"month" => Month,
        b"months" => Months,
        b"year" => Year,
        b"years" => Years,
        b"will" => Will,
        b"would" => Would,
        b"shall" => Shall,
        b"ll" => Ll,
        b"is" => Is,
        b"are" => Are,
        b"be" => Be,
        b"scheduled" => Scheduled,
        b"expected" => Expected,
        b"planned" => Planned,
        b"upcoming" => Upcoming,
        b"due" => Due,
        b"its" => Its,
        b"his" => His,
        b"her" => Her,
        b"their" => Their,
        b"one" => NumWord(1),
        b"two" => NumWord(2),
        b"three" => NumWord(3),
        b"four" => NumWord(4),
        b"five" => NumWord(5),
        b"six" => NumWord(6),
        b"seven" => NumWord(7),
        b"eight" => NumWord(8),
        b"nine" => NumWord(9),
        b"ten" => NumWord(10),
        b"eleven" => NumWord(11),
        b"twelve" => NumWord(12),
        b"people" | b"persons" | b"residents" | b"villagers" | b"households" | b"families"
        | b"students" | b"officials" | b"soldiers" | b"troops" | b"workers" | b"cases" | b"km"
        | b"kilometres" | b"kilometers" | b"metres" | b"meters" | b"hectares" | b"ha" | b"tons"
        | b"tonnes" | b"units" | b"dollars" | b"usd" | b"riel" | b"kip" | b"baht" | b"mw"
        | b"megawatts" | b"trucks" | b"vehicles" | b"houses" => CountNoun,
        _ => return Lexeme::Other,
    };
    Lexeme::Keyword(kw)
}

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Split `text` into tokens in one pass. Whitespace (any Unicode space) only
/// sets the `gap` flag of the next token; a blank line becomes a `Break`.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(b.len() / 6 + 1);
    let mut i = 0;
    let mut gap = true;
    let mut newlines = 0u32;
    while i < b.len() {
        let c = b[i];
        // Whitespace.
        let (ch, clen) = if c < 0x80 {
            (c as char, 1)
        } else {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(ch) => (ch, ch.len_utf8()),
                None => break,
            }
        };
        if ch.is_whitespace() {
            if ch == '\n' || ch == '\u{2029}' {
                newlines += 1;
            }
            gap = true;
            i += clen;
            continue;
        }
        if newlines >= 2 {
            toks.push(Token {
                start: i,
                end: i,
                kind: TokKind::Break,
                gap: true,
            });
        }
        newlines = 0;
        let start = i;
        let kind = if c.is_ascii_digit() {
            let mut val: u64 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                val = (val * 10 + u64::from(b[i] - b'0')).min(u64::from(u32::MAX));
                i += 1;
            }
            let len = (i - start).min(255) as u8;
            // Ordinal suffix glued to the number: 1st 2nd 3rd 27th.
            let mut ord = false;
            if i + 2 <= b.len() {
                let s = [b[i].to_ascii_lowercase(), b[i + 1].to_ascii_lowercase()];
                let after_is_letter = b.get(i + 2).is_some_and(|x| x.is_ascii_alphanumeric());
                if matches!(&s, b"st" | b"nd" | b"rd" | b"th") && !after_is_letter {
                    ord = true;
                    i += 2;
                }
            }
            TokKind::Num {
                val: val as u32,
                len,
                ord,
            }
        } else if ch.is_alphabetic() {
            // A word: a run of letters (ASCII or not). Only all-ASCII words
            // are classified; others never match a pattern.
            let mut ascii = true;
            while i < b.len() {
                if b[i].is_ascii_alphabetic() {
                    i += 1;
                } else if b[i] >= 0x80 {
                    match text.get(i..).and_then(|s| s.chars().next()) {
                        Some(ch) if ch.is_alphabetic() => {
                            ascii = false;
                            i += ch.len_utf8();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            let w = &b[start..i];
            let lex = if ascii { classify(w) } else { Lexeme::Other };
            let cap = w.first().is_some_and(u8::is_ascii_uppercase);
            TokKind::Word { lex, cap }
        } else {
            i += clen;
            match ch {
                '.' => TokKind::Dot,
                ',' => TokKind::Comma,
                '/' => TokKind::Slash,
                '!' | '?' => TokKind::Punct { stop: true },
                c if is_dash(c) => TokKind::Dash,
                _ => TokKind::Punct { stop: false },
            }
        };
        toks.push(Token {
            start,
            end: i,
            kind,
            gap,
        });
        gap = false;
    }
    toks
}
