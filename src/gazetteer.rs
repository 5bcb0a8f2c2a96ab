//! Place names → provinces.
//!
//! The data lives in `assets/gazetteer.tsv` (its comment header documents the columns and the
//! spelling conventions). It is embedded with `include_str!`, parsed once, and compiled into ONE
//! ASCII-case-insensitive Aho–Corasick automaton holding every spelling of every place.
//!
//! Matching ([`Gazetteer::find`]):
//! - The text is first normalised into a copy in which every run of whitespace and hyphens is one
//!   space and every apostrophe-like character (’ ‘ ʼ ´ ′ `) is `'`; a sparse table of break points
//!   maps normalised offsets back to the original ones, so returned spans slice the ORIGINAL text
//!   ("Stung  Treng", "Stung-Treng", "O’Alay" all match).
//! - All (overlapping) automaton hits are checked: Latin-script spellings need a word boundary on
//!   both sides (the neighbouring characters are not letters or digits; combining accents after the
//!   match are absorbed into it); Khmer and Lao script spellings (written without spaces) match at
//!   any boundary except inside a syllable. Spellings marked `^` need a capital first letter in the
//!   text, `=` an exact case.
//! - Among the valid hits the leftmost, then longest, wins; the scan resumes after it. A hit
//!   rejected for its boundary therefore never hides a shorter valid one.
//!
//! The cost of `find` is one pass to normalise, one automaton pass, and work proportional to the
//! number of hits: linear in the text, with a constant number of allocations per call.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::ProvinceId;

/// The gazetteer data file, embedded at compile time.
pub const GAZETTEER_TSV: &str = include_str!("../assets/gazetteer.tsv");

/// What kind of place a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Province,
    Capital,
    District,
    Town,
    Landmark,
    Checkpoint,
    /// A river: never links a province (the "Sekong River" trap).
    River,
    /// A country name or demonym ("Laos", "Lao", "Cambodian").
    Country,
    /// A name that contains a place name but does not denote a Cambodia–Laos place:
    /// Preah Vihear temple (on the Thai border; `province` is KH-13) and newspaper names such as
    /// "Vientiane Times" or "Phnom Penh Post" (`province` is `None`).
    Trap,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 9] = [
        PlaceKind::Province,
        PlaceKind::Capital,
        PlaceKind::District,
        PlaceKind::Town,
        PlaceKind::Landmark,
        PlaceKind::Checkpoint,
        PlaceKind::River,
        PlaceKind::Country,
        PlaceKind::Trap,
    ];

    /// The lower-case name used in the data file ("province", "checkpoint"...).
    pub fn as_str(&self) -> &'static str {
        match self {
            PlaceKind::Province => "province",
            PlaceKind::Capital => "capital",
            PlaceKind::District => "district",
            PlaceKind::Town => "town",
            PlaceKind::Landmark => "landmark",
            PlaceKind::Checkpoint => "checkpoint",
            PlaceKind::River => "river",
            PlaceKind::Country => "country",
            PlaceKind::Trap => "trap",
        }
    }

    /// Parse the data-file name of a kind.
    pub fn parse(s: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Canonical English name ("Khong district", "Pakse").
    pub name: String,
    pub kind: PlaceKind,
    /// The province it resolves to, if any.
    pub province: Option<ProvinceId>,
    /// ISO 3166-1 country code ("LA", "KH", "TH", "VN", ...); empty for rivers.
    pub country: String,
}

/// A province with its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvinceInfo {
    pub id: ProvinceId,
    pub name: String,
    pub country: String,
    pub capital: String,
    /// Khmer or Lao script name.
    pub native_name: String,
}

/// A place name found in a text: `text[start..end]` is the matched spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceMatch<'g> {
    pub start: usize,
    pub end: usize,
    pub place: &'g Place,
}

/// An error in gazetteer data: the 1-based line and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("gazetteer line {line}: {message}")]
pub struct GazetteerError {
    pub line: usize,
    pub message: String,
}

/// How the case of the text must agree with a spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum CaseRule {
    /// ASCII case-insensitive.
    Any,
    /// Case-insensitive, but the first letter in the text must be upper case (`^Kep`).
    Capital,
    /// Exactly as written (`=US`).
    Exact,
}

/// One spelling in the automaton.
#[derive(Debug, Clone)]
struct Pattern {
    place: usize,
    case: CaseRule,
    /// Khmer or Lao script: any boundary outside a syllable.
    script: bool,
    /// Derived automatically (apostrophe-less, joined); gives way to an explicit spelling.
    generated: bool,
    /// The normalised spelling as written (for exact-case checks).
    text: String,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    provinces: Vec<ProvinceInfo>,
    places: Vec<Place>,
    patterns: Vec<Pattern>,
    automaton: Option<AhoCorasick>,
}

/// The built-in gazetteer (parsed once from `assets/gazetteer.tsv`).
/// A province's English name ("Champasak"): the gazetteer's, then the map's, else its code.
/// The one display name of a province, wherever one is shown or exported.
pub fn province_name(code: &str) -> String {
    if let Some(p) = gazetteer().province(code) {
        return p.name.clone();
    }
    match crate::geo::geography().region(code) {
        Some(r) => r.name.clone(),
        None => code.to_string(),
    }
}

impl ProvinceId {
    /// This province's display name (see [`province_name`]).
    pub fn name(&self) -> String {
        province_name(self.as_str())
    }
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        // The data is compiled in and checked by the unit tests; it cannot be influenced by users.
        Gazetteer::parse(GAZETTEER_TSV)
            .unwrap_or_else(|e| panic!("built-in assets/gazetteer.tsv is invalid: {e}"))
    })
}

impl Gazetteer {
    pub fn provinces(&self) -> &[ProvinceInfo] {
        &self.provinces
    }

    pub fn province(&self, id: &str) -> Option<&ProvinceInfo> {
        self.provinces.iter().find(|p| p.id.as_str() == id)
    }

    /// Every place (one per data line; provinces included).
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Number of distinct spellings in the automaton (explicit and generated).
    pub fn spelling_count(&self) -> usize {
        self.patterns.len()
    }

    /// Every spelling that resolves to `place` (normalised; explicit and generated).
    pub fn spellings_of<'g>(&'g self, place: &Place) -> impl Iterator<Item = &'g str> + 'g {
        let index = self.places.iter().position(|p| p == place);
        self.patterns
            .iter()
            .filter(move |p| Some(p.place) == index)
            .map(|p| p.text.as_str())
    }

    /// The place a whole string names ("Stung-Treng", "Champassak"), if it is exactly one
    /// gazetteer spelling (surrounding whitespace ignored).
    pub fn lookup(&self, name: &str) -> Option<&Place> {
        let trimmed = name.trim();
        match self.find(trimmed).as_slice() {
            [m] if m.start == 0 && m.end == trimmed.len() => Some(m.place),
            _ => None,
        }
    }

    /// Non-overlapping, leftmost-longest, whole-word matches in text order.
    pub fn find<'g>(&'g self, text: &str) -> Vec<PlaceMatch<'g>> {
        let Some(ac) = self.automaton.as_ref() else {
            return Vec::new();
        };
        let norm = Normalized::new(text);
        let hay = norm.text.as_str();
        let Ok(hits) = ac.try_find_overlapping_iter(hay) else {
            return Vec::new();
        };
        // (start, end, place) in normalised offsets.
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for hit in hits {
            let Some(pattern) = self.patterns.get(hit.pattern().as_usize()) else {
                continue;
            };
            if let Some(end) = accept(hay, hit.start(), hit.end(), pattern) {
                candidates.push((hit.start(), end, pattern.place));
            }
        }
        candidates.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::new();
        let mut next = 0;
        for (start, end, place) in candidates {
            if start < next {
                continue;
            }
            let Some(place) = self.places.get(place) else {
                continue;
            };
            next = end;
            out.push(PlaceMatch {
                start: norm.to_original(start),
                end: norm.to_original(end),
                place,
            });
        }
        out
    }

    /// Parse gazetteer data in the format of `assets/gazetteer.tsv`.
    pub fn parse(source: &str) -> Result<Gazetteer, GazetteerError> {
        let mut builder = Builder::default();
        for (index, raw) in source.lines().enumerate() {
            let line = index + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = raw
                .split('\t')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            builder.add_row(line, &cols)?;
        }
        builder.finish()
    }
}

/// Accept an automaton hit on the normalised text: case rule and word boundaries.
/// Returns the end of the match (possibly extended over combining accents).
fn accept(hay: &str, start: usize, end: usize, pattern: &Pattern) -> Option<usize> {
    let matched = hay.get(start..end)?;
    match pattern.case {
        CaseRule::Any => {}
        CaseRule::Capital => {
            if !matched.chars().next()?.is_uppercase() {
                return None;
            }
        }
        CaseRule::Exact => {
            if matched != pattern.text {
                return None;
            }
        }
    }
    let before = hay.get(..start)?.chars().next_back();
    if pattern.script {
        if before.is_some_and(is_lao_prevowel) {
            return None;
        }
        let after = hay.get(end..)?.chars().next();
        if after.is_some_and(is_script_mark) {
            return None;
        }
        return Some(end);
    }
    if before.is_some_and(|c| c.is_alphanumeric() || is_combining_latin(c)) {
        return None;
    }
    let rest = hay.get(end..)?;
    let extra: usize = rest
        .chars()
        .take_while(|&c| is_combining_latin(c))
        .map(char::len_utf8)
        .sum();
    let end = end + extra;
    let next = hay.get(end..)?.chars().next();
    if next.is_some_and(char::is_alphanumeric) {
        return None;
    }
    // "the capital of Laos' Attapeu province": the country is the possessor of
    // the province named next, so the phrase is not the national capital.
    if next.is_some_and(|c| c == '\'' || c == '\u{2019}')
        && matched
            .get(..11)
            .is_some_and(|p| p.eq_ignore_ascii_case("capital of "))
    {
        return None;
    }
    Some(end)
}

/// Combining diacritical marks (a decomposed "é" is "e" + U+0301).
fn is_combining_latin(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Khmer or Lao script.
fn is_script_char(c: char) -> bool {
    matches!(c, '\u{1780}'..='\u{17FF}' | '\u{19E0}'..='\u{19FF}' | '\u{0E80}'..='\u{0EFF}')
}

/// Khmer and Lao dependent vowels, signs, coeng and tone marks: a match may not end before one
/// (it would cut a syllable: "កែប" Kep inside "កែប្រែ").
fn is_script_mark(c: char) -> bool {
    matches!(c,
        '\u{17B4}'..='\u{17D3}' | '\u{17DD}'
        | '\u{0EB1}' | '\u{0EB3}'..='\u{0EBC}' | '\u{0EC8}'..='\u{0ECE}')
}

/// Lao vowels written before the consonant they follow in speech: a match may not start after one.
fn is_lao_prevowel(c: char) -> bool {
    ('\u{0EC0}'..='\u{0EC4}').contains(&c)
}

/// Characters that separate words inside a multi-word name: whitespace and hyphens.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '-'
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'
            ..='\u{200A}'
                | '\u{2010}'
                | '\u{2011}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
    )
}

/// ASCII bytes the normaliser may change: separators and the backtick.
fn ascii_special(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b'-' | b'`')
}

/// Apostrophe look-alikes, normalised to `'`.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{B4}' | '\u{2BC}' | '\u{2018}' | '\u{2019}' | '\u{2032}'
    )
}

/// A normalised copy of a text with the map back to original byte offsets.
///
/// The normalised text is a sequence of units, each standing for a contiguous piece of the
/// original (a character, or a whole run of separators); a unit whose length changed records a
/// break point `(normalised offset after it, original offset after it)`. Between break points
/// the offsets differ by a constant.
struct Normalized {
    text: String,
    breaks: Vec<(usize, usize)>,
}

impl Normalized {
    fn new(src: &str) -> Normalized {
        let bytes = src.as_bytes();
        let mut text = String::with_capacity(src.len());
        let mut breaks = Vec::new();
        let mut copied = 0; // src[copied..i] is still to be copied verbatim
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // Fast path: plain ASCII bytes, and a lone space before a plain byte, stay as they are.
            if b < 0x80 && !ascii_special(b) {
                i += 1;
                continue;
            }
            if b == b' '
                && bytes
                    .get(i + 1)
                    .is_none_or(|&n| n < 0x80 && !ascii_special(n))
            {
                i += 1;
                continue;
            }
            let c = if b < 0x80 {
                char::from(b)
            } else {
                match src.get(i..).and_then(|s| s.chars().next()) {
                    Some(c) => c,
                    None => break, // unreachable: `i` is always on a char boundary
                }
            };
            let len = c.len_utf8();
            if is_separator(c) {
                let mut j = i + len;
                while let Some(d) = src.get(j..).and_then(|s| s.chars().next()) {
                    if !is_separator(d) {
                        break;
                    }
                    j += d.len_utf8();
                }
                if c == ' ' && j == i + 1 {
                    i = j; // a lone ASCII space is already normal
                    continue;
                }
                text.push_str(src.get(copied..i).unwrap_or_default());
                text.push(' ');
                if j - i != 1 {
                    breaks.push((text.len(), j));
                }
                i = j;
                copied = j;
            } else if is_apostrophe(c) && c != '\'' {
                text.push_str(src.get(copied..i).unwrap_or_default());
                text.push('\'');
                if len != 1 {
                    breaks.push((text.len(), i + len));
                }
                i += len;
                copied = i;
            } else {
                i += len;
            }
        }
        text.push_str(src.get(copied..).unwrap_or_default());
        Normalized { text, breaks }
    }

    /// The original offset of a normalised offset that starts a unit (or is the end).
    fn to_original(&self, n: usize) -> usize {
        let k = self.breaks.partition_point(|&(bn, _)| bn <= n);
        match k.checked_sub(1).and_then(|k| self.breaks.get(k)) {
            Some(&(bn, bo)) => bo + (n - bn),
            None => n,
        }
    }
}

/// Normalise one spelling from the data file the same way texts are normalised.
fn normalize_spelling(s: &str) -> String {
    Normalized::new(s.trim()).text
}

#[derive(Default)]
struct Builder {
    provinces: Vec<ProvinceInfo>,
    /// Line of each province row, for error messages.
    province_lines: Vec<usize>,
    places: Vec<Place>,
    place_lines: Vec<usize>,
    patterns: Vec<Pattern>,
    by_key: HashMap<String, usize>,
    /// Generated spellings, added after every explicit one so that explicit spellings win.
    pending: Vec<(usize, usize, String, CaseRule)>,
}

/// Split a `^`/`=` prefix off a spelling.
fn case_rule(s: &str) -> (CaseRule, &str) {
    if let Some(rest) = s.strip_prefix('^') {
        (CaseRule::Capital, rest)
    } else if let Some(rest) = s.strip_prefix('=') {
        (CaseRule::Exact, rest)
    } else {
        (CaseRule::Any, s)
    }
}

fn valid_province_code(code: &str) -> bool {
    let Some((cc, sub)) = code.split_once('-') else {
        return false;
    };
    cc.len() == 2
        && cc.bytes().all(|b| b.is_ascii_uppercase())
        && !sub.is_empty()
        && sub.len() <= 3
        && sub
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

impl Builder {
    fn add_row(&mut self, line: usize, cols: &[&str]) -> Result<(), GazetteerError> {
        let err = |message: String| GazetteerError { line, message };
        let Some(&kind_str) = cols.first() else {
            return Ok(());
        };
        let kind =
            PlaceKind::parse(kind_str).ok_or_else(|| err(format!("unknown kind {kind_str:?}")))?;
        let expected = if kind == PlaceKind::Province { 7 } else { 5 };
        if cols.len() != expected {
            return Err(err(format!(
                "a {} row has {expected} tab-separated columns, found {}",
                kind.as_str(),
                cols.len()
            )));
        }
        let (code, country, name, spellings) = (cols[1], cols[2], cols[3], cols[4]);
        let province = match code {
            "-" => None,
            c if valid_province_code(c) => Some(ProvinceId::new(c)),
            c => return Err(err(format!("bad province code {c:?}"))),
        };
        let country = match country {
            "-" => String::new(),
            c if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => c.to_string(),
            c => return Err(err(format!("bad country code {c:?}"))),
        };
        if let Some(p) = &province {
            if p.country() != country {
                return Err(err(format!("province {p} is not in country {country:?}")));
            }
        }
        match kind {
            PlaceKind::Province | PlaceKind::Capital | PlaceKind::District
                if province.is_none() =>
            {
                return Err(err(format!("a {} needs a province", kind.as_str())));
            }
            PlaceKind::Country | PlaceKind::River if province.is_some() => {
                return Err(err(format!("a {} has no province", kind.as_str())));
            }
            _ => {}
        }
        let (name_rule, canonical) = case_rule(name);
        let canonical = normalize_spelling(canonical);
        if canonical.is_empty() {
            return Err(err("empty name".into()));
        }
        let place = self.places.len();
        self.places.push(Place {
            name: canonical.clone(),
            kind,
            province: province.clone(),
            country: country.clone(),
        });
        self.place_lines.push(line);

        let mut explicit: Vec<(CaseRule, String)> = vec![(name_rule, canonical.clone())];
        if spellings != "-" {
            for s in spellings.split('|') {
                let (rule, s) = case_rule(s.trim());
                explicit.push((rule, s.to_string()));
            }
        }
        if kind == PlaceKind::Province {
            let (_, capital) = case_rule(cols[5]);
            let natives: Vec<&str> = cols[6].split('|').map(str::trim).collect();
            let native_name = natives.first().copied().unwrap_or_default();
            if native_name.is_empty() || native_name == "-" {
                return Err(err("a province needs a native script name".into()));
            }
            for n in &natives {
                explicit.push((CaseRule::Any, n.to_string()));
            }
            if let Some(id) = &province {
                if self.provinces.iter().any(|p| &p.id == id) {
                    return Err(err(format!("province {id} defined twice")));
                }
                self.provinces.push(ProvinceInfo {
                    id: id.clone(),
                    name: canonical.clone(),
                    country: country.clone(),
                    capital: normalize_spelling(capital),
                    native_name: native_name.to_string(),
                });
                self.province_lines.push(line);
            }
        }
        if kind == PlaceKind::District {
            let mut with_suffix = Vec::new();
            for (rule, s) in &explicit {
                let last = s
                    .rsplit(' ')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if !matches!(last.as_str(), "district" | "municipality" | "town" | "city") {
                    with_suffix.push((*rule, format!("{s} district")));
                }
            }
            explicit.extend(with_suffix);
        }
        for (rule, raw) in explicit {
            let s = normalize_spelling(&raw);
            if s.is_empty() {
                return Err(err(format!("empty spelling in {raw:?}")));
            }
            if s.starts_with('\'') || s.ends_with('\'') {
                return Err(err(format!(
                    "spelling {s:?} starts or ends with an apostrophe"
                )));
            }
            self.add_spelling(line, place, &s, rule, false)?;
            for g in generated_variants(&s) {
                self.pending.push((line, place, g, rule));
            }
        }
        Ok(())
    }

    fn add_spelling(
        &mut self,
        line: usize,
        place: usize,
        text: &str,
        case: CaseRule,
        generated: bool,
    ) -> Result<(), GazetteerError> {
        let key = text.to_ascii_lowercase();
        let new = Pattern {
            place,
            case,
            script: text.chars().any(is_script_char),
            generated,
            text: text.to_string(),
        };
        let Some(&index) = self.by_key.get(&key) else {
            self.by_key.insert(key, self.patterns.len());
            self.patterns.push(new);
            return Ok(());
        };
        let Some(existing) = self.patterns.get_mut(index) else {
            return Ok(());
        };
        if existing.place == place {
            // Same place written twice (e.g. differing only in case): keep the stricter rule,
            // and an explicit spelling over a generated one.
            if generated == existing.generated {
                if case > existing.case {
                    *existing = new;
                }
            } else if !generated {
                *existing = new;
            }
            return Ok(());
        }
        if generated {
            return Ok(()); // a generated spelling gives way
        }
        if existing.generated {
            *existing = new;
            return Ok(());
        }
        let other = self
            .places
            .get(existing.place)
            .map(|p| p.name.as_str())
            .unwrap_or_default();
        let other_line = self.place_lines.get(existing.place).copied().unwrap_or(0);
        Err(GazetteerError {
            line,
            message: format!("spelling {text:?} already belongs to {other:?} (line {other_line})"),
        })
    }

    fn finish(mut self) -> Result<Gazetteer, GazetteerError> {
        for (line, place, text, rule) in std::mem::take(&mut self.pending) {
            self.add_spelling(line, place, &text, rule, true)?;
        }
        for (place, line) in self.places.iter().zip(&self.place_lines) {
            if let Some(id) = &place.province {
                if !self.provinces.iter().any(|p| &p.id == id) {
                    return Err(GazetteerError {
                        line: *line,
                        message: format!("{:?} resolves to undefined province {id}", place.name),
                    });
                }
            }
        }
        let automaton = if self.patterns.is_empty() {
            None
        } else {
            let ac = AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                // A DFA: ~2x faster overlapping search than the NFA for ~200 ms more build time.
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(self.patterns.iter().map(|p| p.text.as_str()))
                .map_err(|e| GazetteerError {
                    line: 0,
                    message: format!("cannot build the automaton: {e}"),
                })?;
            Some(ac)
        };
        Ok(Gazetteer {
            provinces: self.provinces,
            places: self.places,
            patterns: self.patterns,
            automaton,
        })
    }
}

/// Spellings derived from a normalised explicit one: without apostrophes ("O'Alay" → "OAlay",
/// "O Alay") and, for capitalised Latin multi-word names, written as one word
/// ("Si Phan Don" → "Siphandon").
fn generated_variants(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    if s.contains('\'') {
        out.push(s.replace('\'', ""));
        out.push(normalize_spelling(&s.replace('\'', " ")));
    }
    let words: Vec<&str> = s.split(' ').collect();
    let capitalised = words.len() >= 2
        && words.iter().all(|w| {
            w.bytes().all(|b| b.is_ascii_alphabetic())
                && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        });
    if capitalised {
        let mut joined = String::with_capacity(s.len());
        for (i, w) in words.iter().enumerate() {
            if i == 0 {
                joined.push_str(w);
            } else {
                joined.push_str(&w.to_ascii_lowercase());
            }
        }
        out.push(joined);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        gazetteer()
    }

    /// The (matched text, place name, province) of every match.
    fn found(text: &str) -> Vec<(String, String, Option<String>)> {
        g().find(text)
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    m.place.name.clone(),
                    m.place.province.as_ref().map(|p| p.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn the_capital_of_a_countrys_province_is_not_the_national_capital() {
        let provinces =
            |t: &str| -> Vec<Option<String>> { found(t).into_iter().map(|f| f.2).collect() };
        assert_eq!(
            provinces("Samakhixay, the capital of Laos' Attapeu province"),
            [Some("LA-AT".to_string()), None, Some("LA-AT".to_string())]
        );
        assert_eq!(
            provinces("Banlung, the capital of Cambodia\u{2019}s Ratanakiri province"),
            [Some("KH-16".to_string()), None, Some("KH-16".to_string())]
        );
        // The national capital itself still reads.
        assert_eq!(
            provinces("in the capital of Laos on Monday"),
            [Some("LA-VT".to_string())]
        );
    }

    /// The single place `text` names as a whole.
    fn one(text: &str) -> &'static Place {
        let ms = g().find(text);
        assert_eq!(ms.len(), 1, "{text:?} → {ms:?}");
        let m = ms[0];
        assert_eq!((m.start, m.end), (0, text.len()), "{text:?} → {m:?}");
        m.place
    }

    fn province_of(text: &str) -> String {
        one(text)
            .province
            .as_ref()
            .map(|p| p.to_string())
            .unwrap_or_else(|| panic!("{text:?} has no province"))
    }

    #[test]
    fn built_in_data_parses() {
        let parsed = Gazetteer::parse(GAZETTEER_TSV);
        assert!(parsed.is_ok(), "{parsed:?}");
        assert!(g().places().len() > 190, "{}", g().places().len());
        assert!(g().spelling_count() > g().places().len());
    }

    #[test]
    fn all_43_provinces_exactly_once() {
        let provinces = g().provinces();
        assert_eq!(provinces.len(), 43);
        let lao: Vec<&str> = provinces
            .iter()
            .filter(|p| p.id.is_lao())
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(lao.len(), 18);
        for code in [
            "AT", "BK", "BL", "CH", "HO", "KH", "LM", "LP", "OU", "PH", "SL", "SV", "VI", "VT",
            "XA", "XE", "XI", "XS",
        ] {
            let id = format!("LA-{code}");
            assert_eq!(lao.iter().filter(|c| **c == id).count(), 1, "{id}");
        }
        for n in 1..=25 {
            let id = format!("KH-{n}");
            let count = provinces.iter().filter(|p| p.id.as_str() == id).count();
            assert_eq!(count, 1, "{id}");
        }
        for p in provinces {
            assert_eq!(p.country, p.id.country());
            assert!(!p.native_name.is_empty() && !p.capital.is_empty(), "{p:?}");
            // The province's own English and native names resolve to it.
            assert_eq!(province_of(&p.name), p.id.as_str(), "{}", p.name);
            assert_eq!(
                province_of(&p.native_name),
                p.id.as_str(),
                "{}",
                p.native_name
            );
        }
        assert_eq!(
            g().province("KH-19").map(|p| p.name.as_str()),
            Some("Stung Treng")
        );
        assert_eq!(
            g().province("LA-CH").map(|p| p.capital.as_str()),
            Some("Pakse")
        );
        assert!(g().province("KH-26").is_none());
    }

    #[test]
    fn every_capital_resolves_to_its_province() {
        for p in g().provinces() {
            assert_eq!(
                province_of(&p.capital),
                p.id.as_str(),
                "capital {}",
                p.capital
            );
        }
        for (name, id) in [
            ("Pakse", "LA-CH"),
            ("Paksé", "LA-CH"),
            ("Samakhixay", "LA-AT"),
            ("Samakkhixay", "LA-AT"),
            ("Attapeu town", "LA-AT"),
            ("Banlung", "KH-16"),
            ("Ban Lung", "KH-16"),
            ("Stung Treng town", "KH-19"),
            ("Tbeng Meanchey", "KH-13"),
            ("Tbaeng Meanchey", "KH-13"),
            ("Preah Vihear town", "KH-13"),
            ("Saravane", "LA-SL"),
            ("Lamam", "LA-XE"),
            ("Savannakhet", "LA-SV"),
            ("Kaysone Phomvihane city", "LA-SV"),
            ("Thakhek", "LA-KH"),
            ("Paksan", "LA-BL"),
            ("Vientiane", "LA-VT"),
            ("Phonhong", "LA-VI"),
            ("Luang Prabang", "LA-LP"),
            ("Xam Neua", "LA-HO"),
            ("Phonsavan", "LA-XI"),
            ("Anouvong", "LA-XS"),
            ("Phongsaly", "LA-PH"),
            ("Muang Xay", "LA-OU"),
            ("Luang Namtha", "LA-LM"),
            ("Houayxay", "LA-BK"),
            ("Huay Xai", "LA-BK"),
            ("Xayaboury", "LA-XA"),
            ("Senmonorom", "KH-11"),
            ("Sen Monorom", "KH-11"),
            ("Kratie", "KH-10"),
            ("Kampong Cham", "KH-3"),
            ("Suong", "KH-25"),
            ("Siem Reap", "KH-17"),
            ("Sisophon", "KH-1"),
            ("Battambang", "KH-2"),
            ("Pailin", "KH-24"),
            ("Pursat", "KH-15"),
            ("Kampong Chhnang", "KH-4"),
            ("Kampong Speu", "KH-5"),
            ("Kampong Thom", "KH-6"),
            ("Takeo", "KH-21"),
            ("Kampot", "KH-7"),
            ("Kep", "KH-23"),
            ("Koh Kong", "KH-9"),
            ("Khemarak Phoumin", "KH-9"),
            ("Sihanoukville", "KH-18"),
            ("Prey Veng", "KH-14"),
            ("Svay Rieng", "KH-20"),
            ("Ta Khmau", "KH-8"),
            ("Samraong", "KH-22"),
            ("Samrong", "KH-22"),
            ("Phnom Penh", "KH-12"),
        ] {
            assert_eq!(province_of(name), id, "{name}");
        }
        assert_eq!(one("Pakse").kind, PlaceKind::Capital);
        assert_eq!(one("Stung Treng town").kind, PlaceKind::Capital);
    }

    #[test]
    fn province_spelling_variants() {
        let cases: &[(&str, &[&str])] = &[
            (
                "LA-CH",
                &[
                    "Champasak",
                    "Champassak",
                    "Champasack",
                    "Champassack",
                    "Champa Sak",
                    "champa sak",
                    "CHAMPASAK",
                ],
            ),
            (
                "LA-AT",
                &["Attapeu", "Attapu", "Attopeu", "Attapue", "Atapeu"],
            ),
            (
                "KH-19",
                &[
                    "Stung Treng",
                    "Strung Treng",
                    "Steung Treng",
                    "Stoeng Treng",
                    "Stungtreng",
                ],
            ),
            (
                "KH-16",
                &[
                    "Ratanakiri",
                    "Ratanakkiri",
                    "Rattanakiri",
                    "Rotanak Kiri",
                    "Ratanak Kiri",
                    "Rotanakiri",
                ],
            ),
            ("KH-13", &["Preah Vihear", "Preah Vichea"]),
            ("KH-11", &["Mundulkiri", "Mondolkiri", "Mondulkiri"]),
            ("LA-XE", &["Xekong", "Se Kong", "Sekong"]),
            ("LA-SL", &["Saravan", "Saravane", "Salavan"]),
            ("KH-22", &["Otdar Mean Chey", "Oddar Meanchey"]),
            ("LA-BL", &["Bolikhamxai", "Borikhamxay", "Bolikhamsai"]),
            ("LA-KH", &["Khammouane", "Kham Mouane"]),
            ("LA-SV", &["Savannakhet", "Savanakhet"]),
            ("LA-LP", &["Luang Prabang", "Louangphabang"]),
            (
                "LA-XA",
                &["Xayaboury", "Sayabouly", "Sainyabuli", "Xaignabouli"],
            ),
            ("LA-XI", &["Xiengkhouang", "Xiangkhouang"]),
            ("LA-OU", &["Oudomxai", "Oudomxay"]),
            ("LA-PH", &["Phongsali"]),
            ("LA-HO", &["Houaphan", "Houaphanh"]),
            ("LA-LM", &["Louang Namtha"]),
            ("KH-17", &["Siem Riep", "Siem Reap"]),
            ("KH-3", &["Kompong Cham"]),
            ("KH-4", &["Kompong Chhnang"]),
            ("KH-5", &["Kompong Speu"]),
            ("KH-6", &["Kompong Thom"]),
            ("KH-18", &["Preah Sihanouk", "Sihanoukville"]),
            ("KH-23", &["Krong Kep"]),
            ("KH-25", &["Tboung Khmum", "Tbong Khmum"]),
            ("KH-1", &["Banteay Meanchey", "Banteay Mean Chey"]),
        ];
        for (id, names) in cases {
            for name in *names {
                assert_eq!(&province_of(name), id, "{name}");
            }
        }
        assert_eq!(one("Champassak").kind, PlaceKind::Province);
    }

    #[test]
    fn districts_of_the_border_provinces() {
        let cases: &[(&str, &[&str])] = &[
            (
                "LA-CH",
                &[
                    "Pakse district",
                    "Sanasomboun",
                    "Bachiangchaleunsouk",
                    "Paksong",
                    "Pathouphone",
                    "Pathoumphone",
                    "Phonthong",
                    "Champasak district",
                    "Soukhouma",
                    "Sukhuma",
                    "Mounlapamok",
                    "Khong",
                    "Khong district",
                ],
            ),
            (
                "LA-AT",
                &[
                    "Samakkhixay district",
                    "Sanamxay",
                    "Sanxay",
                    "Phouvong",
                    "Xaysetha",
                    "Sanamxay district",
                ],
            ),
            (
                "KH-19",
                &[
                    "Sesan",
                    "Siem Bouk",
                    "Siem Pang",
                    "Siem Pang district",
                    "Stung Treng district",
                    "Thala Barivat",
                    "Borei O'Svay Senchey",
                    "Borei Ou Svay Senchey",
                ],
            ),
            (
                "KH-16",
                &[
                    "Andoung Meas",
                    "Ban Lung district",
                    "Bar Kaev",
                    "Koun Mom",
                    "Lumphat",
                    "Ou Chum",
                    "Ou Ya Dav",
                    "Ta Veaeng",
                    "Veun Sai",
                    "Voen Sai district",
                ],
            ),
            (
                "KH-13",
                &[
                    "Chey Saen",
                    "Chhaeb",
                    "Choam Ksant",
                    "Kulen",
                    "Kuleaen",
                    "Rovieng",
                    "Sangkum Thmei",
                    "Tbaeng Meanchey district",
                ],
            ),
        ];
        for (id, names) in cases {
            for name in *names {
                assert_eq!(&province_of(name), id, "{name}");
                assert_eq!(one(name).kind, PlaceKind::District, "{name}");
            }
        }
    }

    #[test]
    fn checkpoints_and_landmarks() {
        for (name, id, kind) in [
            ("Trapeang Kriel", "KH-19", PlaceKind::Checkpoint),
            ("Trapaeng Kreal", "KH-19", PlaceKind::Checkpoint),
            ("Tropaeng Kreal", "KH-19", PlaceKind::Checkpoint),
            ("Trapeang Kreal", "KH-19", PlaceKind::Checkpoint),
            ("Nong Nok Khiene", "LA-CH", PlaceKind::Checkpoint),
            ("Nong Nok Khien", "LA-CH", PlaceKind::Checkpoint),
            ("Nongnokkhiene", "LA-CH", PlaceKind::Checkpoint),
            ("Veun Kham", "LA-CH", PlaceKind::Checkpoint),
            ("Voen Kham", "LA-CH", PlaceKind::Checkpoint),
            ("Dong Kralor", "KH-19", PlaceKind::Checkpoint),
            ("Dong Kralar", "KH-19", PlaceKind::Checkpoint),
            ("Dom Kralor", "KH-19", PlaceKind::Checkpoint),
            ("Dong Calor", "KH-19", PlaceKind::Checkpoint),
            ("Koh Chheuteal", "KH-19", PlaceKind::Landmark),
            ("Don Sahong", "LA-CH", PlaceKind::Landmark),
            ("Don Sahong dam", "LA-CH", PlaceKind::Landmark),
            ("Khone Phapheng", "LA-CH", PlaceKind::Landmark),
            ("Khone Phapheng Falls", "LA-CH", PlaceKind::Landmark),
            ("Si Phan Don", "LA-CH", PlaceKind::Landmark),
            ("Siphandon", "LA-CH", PlaceKind::Landmark),
            ("Four Thousand Islands", "LA-CH", PlaceKind::Landmark),
            ("Wat Phou", "LA-CH", PlaceKind::Landmark),
            ("Bolaven Plateau", "LA-CH", PlaceKind::Landmark),
            ("O'Alay", "KH-19", PlaceKind::Landmark),
            ("O'Tangav", "KH-19", PlaceKind::Landmark),
            ("Virachey National Park", "KH-16", PlaceKind::Landmark),
            ("Sekong bridge", "KH-19", PlaceKind::Landmark),
        ] {
            assert_eq!(province_of(name), id, "{name}");
            assert_eq!(one(name).kind, kind, "{name}");
        }
    }

    #[test]
    fn countries_and_demonyms_have_no_province() {
        for (name, cc) in [
            ("Laos", "LA"),
            ("Lao PDR", "LA"),
            ("Lao", "LA"),
            ("Laotian", "LA"),
            ("Lao People's Democratic Republic", "LA"),
            ("Cambodia", "KH"),
            ("Cambodian", "KH"),
            ("Kingdom of Cambodia", "KH"),
            ("Thailand", "TH"),
            ("Thai", "TH"),
            ("Vietnam", "VN"),
            ("Viet Nam", "VN"),
            ("Vietnamese", "VN"),
            ("China", "CN"),
            ("Chinese", "CN"),
            ("Myanmar", "MM"),
            ("Japan", "JP"),
            ("US", "US"),
        ] {
            let p = one(name);
            assert_eq!(
                (p.kind, p.country.as_str(), &p.province),
                (PlaceKind::Country, cc, &None),
                "{name}"
            );
        }
    }

    #[test]
    fn trap_preah_vihear_temple() {
        for text in [
            "Preah Vihear temple",
            "temple of Preah Vihear",
            "Preah Vihear Temple",
            "Temple of Preah Vihear",
        ] {
            let p = one(text);
            assert_eq!(p.kind, PlaceKind::Trap, "{text}");
            assert_eq!(p.province.as_ref().map(|p| p.as_str()), Some("KH-13"));
            assert_eq!(p.country, "KH");
        }
        let got = found(
            "The dispute over the temple of Preah Vihear flared while Preah Vihear officials met.",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, "Preah Vihear temple");
        assert_eq!(
            (got[1].0.as_str(), got[1].1.as_str()),
            ("Preah Vihear", "Preah Vihear")
        );
    }

    #[test]
    fn trap_rivers_link_no_province() {
        for text in [
            "Sekong River",
            "Se Kong river",
            "Sekong river",
            "Xe Kong River",
            "Sesan River",
            "Srepok River",
            "Srepok",
            "Mekong",
            "Mekong River",
        ] {
            let p = one(text);
            assert_eq!((p.kind, &p.province), (PlaceKind::River, &None), "{text}");
        }
        // The province is still found when no "river" follows.
        let got = found("Officials from Sekong crossed the Sekong River near Stung Treng.");
        let names: Vec<&str> = got.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(names, ["Sekong", "Sekong river", "Stung Treng"]);
        assert_eq!(got[0].2.as_deref(), Some("LA-XE"));
        assert_eq!(got[1].2, None);
    }

    #[test]
    fn trap_vientiane_capital_and_province() {
        assert_eq!(province_of("Vientiane"), "LA-VT");
        assert_eq!(one("Vientiane").kind, PlaceKind::Capital);
        assert_eq!(province_of("Vientiane Capital"), "LA-VT");
        assert_eq!(province_of("Vientiane Prefecture"), "LA-VT");
        assert_eq!(province_of("Vientiane province"), "LA-VI");
        assert_eq!(province_of("Vientiane Province"), "LA-VI");
        let got = found("They flew from Vientiane to Vientiane province.");
        assert_eq!(got[0].2.as_deref(), Some("LA-VT"));
        assert_eq!(
            (got[1].0.as_str(), got[1].2.as_deref()),
            ("Vientiane province", Some("LA-VI"))
        );
    }

    #[test]
    fn trap_town_named_like_its_province() {
        assert_eq!(one("Stung Treng town").kind, PlaceKind::Capital);
        assert_eq!(one("Stung Treng").kind, PlaceKind::Province);
        assert_eq!(one("Attapeu town").kind, PlaceKind::Capital);
        assert_eq!(province_of("Attapeu town"), "LA-AT");
        assert_eq!(one("Champasak district").kind, PlaceKind::District);
        assert_eq!(province_of("Champasak district"), "LA-CH");
        assert_eq!(one("Champasak").kind, PlaceKind::Province);
        assert_eq!(one("Stung Treng district").kind, PlaceKind::District);
    }

    #[test]
    fn trap_newspapers_are_not_places() {
        for text in ["Vientiane Times", "Phnom Penh Post", "Khmer Times"] {
            let p = one(text);
            assert_eq!((p.kind, &p.province), (PlaceKind::Trap, &None), "{text}");
        }
    }

    #[test]
    fn words_inside_words_never_match() {
        for text in [
            "kept",
            "Pailing",
            "Mekong",
            "Hong Kong",
            "Laotians",
            "Stung Trengs",
            "sekongs",
            "Khongs",
            "Ban Lungs",
        ] {
            let names: Vec<String> = found(text).into_iter().map(|m| m.1).collect();
            assert!(
                !names.iter().any(|n| n == "Kep"
                    || n == "Pailin"
                    || n == "Khong district"
                    || n == "Stung Treng"
                    || n == "Sekong"
                    || n == "Banlung"),
                "{text} → {names:?}"
            );
        }
        // "Lao" is not found inside "Laos": that is the Laos entry.
        let got = found("Laos and Lao officials");
        assert_eq!(
            got.iter().map(|m| m.0.as_str()).collect::<Vec<_>>(),
            ["Laos", "Lao"]
        );
        assert!(got.iter().all(|m| m.1 == "Laos"));
        assert_eq!(found("in Hong Kong")[0].1, "Hong Kong");
        assert_eq!(found("the Mekong at Khong")[1].1, "Khong district");
    }

    #[test]
    fn short_ambiguous_names_need_a_capital() {
        assert!(found("we kep going").is_empty());
        assert_eq!(province_of("Kep"), "KH-23");
        assert_eq!(province_of("KEP"), "KH-23");
        assert!(found("a lao official").is_empty());
        assert_eq!(one("LAO").country, "LA");
        assert!(found("tell us").is_empty());
        assert!(found("Us").is_empty());
        assert!(found("a suong").is_empty());
    }

    #[test]
    fn rejected_longer_candidate_does_not_hide_shorter_one() {
        // "Stung Treng town" would be a candidate but "townships" is no whole word; "Stung Treng"
        // must still be found.
        let got = found("Stung Treng townships");
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("Stung Treng", "Stung Treng")
        );
        let got = found("Preah Vihear temples");
        assert_eq!(got[0].1, "Preah Vihear");
    }

    #[test]
    fn flexible_spaces_hyphens_and_apostrophes() {
        for text in [
            "Stung  Treng",
            "Stung-Treng",
            "Stung\nTreng",
            "Stung\u{a0}Treng",
            "Stung \t Treng",
        ] {
            assert_eq!(province_of(text), "KH-19", "{text:?}");
        }
        for text in ["O’Alay", "O'Alay", "O‘Alay", "O Alay", "OAlay", "Ou Alay"] {
            assert_eq!(province_of(text), "KH-19", "{text:?}");
        }
        assert_eq!(province_of("Trapeang  Kriel"), "KH-19");
        assert_eq!(province_of("Borei O’Svay Senchey"), "KH-19");
        assert_eq!(one("Lao People’s Democratic Republic").country, "LA");
    }

    #[test]
    fn offsets_slice_the_original_text() {
        let text = "Délégués de Stung\u{a0}\u{a0}Treng — à O’Tangav, puis  Champa-Sak.\n\nKhông? Khong–Pakse";
        let ms = g().find(text);
        let got: Vec<&str> = ms.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(
            got,
            [
                "Stung\u{a0}\u{a0}Treng",
                "O’Tangav",
                "Champa-Sak",
                "Khong",
                "Pakse"
            ]
        );
        for m in &ms {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
        // Decomposed accents are absorbed into the match.
        let text = "Pakse\u{301} and Takeo";
        let got: Vec<&str> = g()
            .find(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(got, ["Pakse\u{301}", "Takeo"]);
    }

    #[test]
    fn khmer_and_lao_script_names() {
        assert_eq!(province_of("ស្ទឹងត្រែង"), "KH-19");
        assert_eq!(province_of("រតនគិរី"), "KH-16");
        assert_eq!(province_of("ព្រះវិហារ"), "KH-13");
        assert_eq!(province_of("ຈຳປາສັກ"), "LA-CH");
        assert_eq!(province_of("ອັດຕະປື"), "LA-AT");
        // No spaces around script names: any boundary.
        let text = "ខេត្តស្ទឹងត្រែងនិងខេត្តរតនគិរី";
        let ids: Vec<String> = found(text).into_iter().filter_map(|m| m.2).collect();
        assert_eq!(ids, ["KH-19", "KH-16"]);
        let text = "ແຂວງຈຳປາສັກ ແລະ ແຂວງອັດຕະປື";
        let ids: Vec<String> = found(text).into_iter().filter_map(|m| m.2).collect();
        assert_eq!(ids, ["LA-CH", "LA-AT"]);
        // The temple in Khmer is the trap; "Kep" in Khmer does not match inside "to modify".
        assert_eq!(one("ប្រាសាទព្រះវិហារ").kind, PlaceKind::Trap);
        assert!(found("កែប្រែ").is_empty());
        // Vientiane: the capital, the province and the prefecture in Lao.
        assert_eq!(province_of("ວຽງຈັນ"), "LA-VT");
        assert_eq!(province_of("ແຂວງວຽງຈັນ"), "LA-VI");
        assert_eq!(province_of("ນະຄອນຫຼວງວຽງຈັນ"), "LA-VT");
    }

    #[test]
    fn lookup_whole_names() {
        assert_eq!(
            g().lookup(" Stung-Treng ").map(|p| p.name.as_str()),
            Some("Stung Treng")
        );
        assert_eq!(
            g().lookup("Champassak").map(|p| p.kind),
            Some(PlaceKind::Province)
        );
        assert!(g().lookup("Stung Treng and Attapeu").is_none());
        assert!(g().lookup("Atlantis").is_none());
    }

    #[test]
    fn parse_errors_name_the_line() {
        let bad_kind = "# c\nvillage\tLA-CH\tLA\tX\t-\n";
        assert_eq!(Gazetteer::parse(bad_kind).err().map(|e| e.line), Some(2));
        let clash =
            "province\tLA-CH\tLA\tChampasak\t-\tPakse\tຈຳປາສັກ\ndistrict\tLA-CH\tLA\tX\tChampasak\n";
        let e = Gazetteer::parse(clash).err();
        assert!(
            e.as_ref()
                .is_some_and(|e| e.line == 2 && e.message.contains("Champasak")),
            "{e:?}"
        );
        let undefined = "district\tKH-19\tKH\tSesan\t-\n";
        assert!(Gazetteer::parse(undefined).is_err());
        let columns = "country\t-\tLA\tLaos\n";
        assert!(Gazetteer::parse(columns).is_err());
        assert!(Gazetteer::parse("river\tLA-CH\tLA\tX\t-\n").is_err());
        let empty = Gazetteer::parse("# nothing\n");
        assert!(empty.is_ok_and(|g| g.find("Pakse").is_empty()));
    }

    #[test]
    fn generated_variants_give_way_to_explicit_spellings() {
        let src = "province\tKH-19\tKH\tStung Treng\t-\tStung Treng\tស្ទឹងត្រែង\n\
                   province\tKH-16\tKH\tRatanakiri\t-\tBanlung\tរតនគិរី\n\
                   landmark\tKH-16\tKH\tStungtreng\t-\n";
        let gz = Gazetteer::parse(src);
        assert!(gz.as_ref().is_ok(), "{gz:?}");
        let gz = gz.unwrap_or_default();
        let m = gz.find("Stungtreng");
        assert_eq!(m.first().map(|m| m.place.name.as_str()), Some("Stungtreng"));
        let m = gz.find("Stung Treng");
        assert_eq!(
            m.first().map(|m| m.place.name.as_str()),
            Some("Stung Treng")
        );
    }

    #[test]
    fn every_place_resolves_to_a_known_province() {
        for p in g().places() {
            if let Some(id) = &p.province {
                assert!(g().province(id.as_str()).is_some(), "{p:?}");
            }
            match p.kind {
                PlaceKind::Country | PlaceKind::River => assert!(p.province.is_none(), "{p:?}"),
                PlaceKind::Province | PlaceKind::Capital | PlaceKind::District => {
                    assert!(p.province.is_some(), "{p:?}")
                }
                _ => {}
            }
            // Each place's own name finds it.
            let m = g().find(&p.name);
            assert!(m.iter().any(|m| m.place == p), "{} → {m:?}", p.name);
        }
    }
}
