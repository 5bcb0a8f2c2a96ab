//! Pure text → events. No I/O, no UI types, deterministic.
//!
//! Pipeline, each step linear in the text length:
//! 1. [`sentences::split`] the body into sentences (byte spans);
//! 2. tag every date expression ([`dates::tag_dates`], resolved against the
//!    publication date or a dateline) and every place ([`gazetteer`]) once over
//!    the whole text, then hand them to their sentences;
//! 3. read each sentence: a trigger ([`triggers::classify`]) with the date of
//!    the occasion (report dates such as "said in a May 28 press release" and
//!    figure years such as "US$10 million in 2000" are skipped) opens an event;
//!    the lead paragraph before the first dated occasion, and the following
//!    sentences that continue it ("During the meeting, ..."), add their
//!    provinces to it; quotes, commentary and background never open events;
//! 4. an article that never names both a Lao and a Cambodian place or party
//!    yields no events (no Lao–Cambodian link the text does not state).

pub mod actors;
pub mod dates;
pub mod sentences;
pub mod triggers;

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

use crate::gazetteer::{gazetteer, PlaceKind, PlaceMatch};
use crate::model::{Article, Event, EventKind, Evidence, PartialDate, ProvinceId};
use dates::{DateForm, DateMention};
use sentences::Sentence;

/// Extract the cooperation events an article reports, resolving relative
/// dates against its publication date (or a dateline in its first lines).
pub fn extract(article: &Article) -> Vec<Event> {
    extract_text(
        &article.text,
        article.published.map(PartialDate::from_naive),
    )
}

/// Extract events from a body text with an optional reference (publication) date.
pub fn extract_text(text: &str, published: Option<PartialDate>) -> Vec<Event> {
    let all_places = gazetteer().find(text);
    if sides(actors::sides(text), &all_places) != (true, true) {
        // Sentence by sentence finds a subset of these: no link to find.
        return Vec::new();
    }
    let reference = published.or_else(|| dates::find_reference(text));
    let sents = sentences::split(text);
    if sents.is_empty() {
        return Vec::new();
    }
    let all_dates = dates::tag_dates(text, reference);
    let lower = text.to_ascii_lowercase();
    let infos = read_sentences(text, &lower, &sents, &all_dates, &all_places);
    if !concerns_laos_and_cambodia(&infos) {
        return Vec::new();
    }
    let drafts = build_events(&infos);
    let hash = content_hash(text);
    drafts
        .into_iter()
        .filter_map(|d| finish(text, &infos, d, &hash))
        .collect()
}

/// What one sentence says, as far as events are concerned.
#[derive(Debug, Clone)]
struct SentenceInfo<'g> {
    span: Sentence,
    /// The date of an occasion stated here: `Some(None)` for an expression that
    /// cannot be resolved ("on Sunday" with no publication date).
    date: Option<Option<PartialDate>>,
    kind: Option<EventKind>,
    places: Vec<PlaceMatch<'g>>,
    quote: bool,
    non_event: bool,
    background: bool,
    anaphoric: bool,
    /// Names Laos/Lao places or parties, and Cambodia/Cambodian ones (not traps).
    lao: bool,
    khmer: bool,
    /// A dateline or byline ("PHNOM PENH (Xinhua) --", "Khmer Times/Reporter Wednesday, 11 January 2017").
    dateline: bool,
}

/// `lower` is `text` ASCII-lowercased (same byte offsets), for the trigger and cue patterns.
fn read_sentences<'g>(
    text: &str,
    lower: &str,
    sents: &[Sentence],
    all_dates: &[DateMention],
    all_places: &[PlaceMatch<'g>],
) -> Vec<SentenceInfo<'g>> {
    let mut di = 0usize;
    let mut pi = 0usize;
    let mut out = Vec::with_capacity(sents.len());
    for s in sents {
        let st = &text[s.start..s.end];
        let lst = &lower[s.start..s.end];
        while di < all_dates.len() && all_dates[di].start < s.start {
            di += 1;
        }
        let mut dj = di;
        while dj < all_dates.len() && all_dates[dj].end <= s.end {
            dj += 1;
        }
        while pi < all_places.len() && all_places[pi].start < s.start {
            pi += 1;
        }
        let mut pj = pi;
        while pj < all_places.len() && all_places[pj].end <= s.end {
            pj += 1;
        }
        let agency_dateline = agency_dateline_end(st);
        let places: Vec<PlaceMatch<'g>> = all_places[pi..pj]
            .iter()
            .filter(|p| p.start - s.start >= agency_dateline)
            .filter(|p| !is_metonym(lower, p))
            .copied()
            .collect();
        let trig = triggers::classify(lst);
        // The occasion's date: the first date mention that is neither a report
        // date nor a figure year. Prefer one after the first trigger word when
        // the sentence starts with a report clause.
        let mut date = None;
        for m in &all_dates[di..dj] {
            let (a, b) = (m.start - s.start, m.end - s.start);
            if a < agency_dateline {
                // "VIENTIANE, June 21 (Xinhua) --": when the story was filed.
                continue;
            }
            if triggers::is_report_date(lst, a, b) {
                continue;
            }
            if m.form == DateForm::Period
                && m.date
                    .is_some_and(|d| d.precision() == crate::model::Precision::Year)
                && triggers::is_non_occasion_year(lst, a)
            {
                continue;
            }
            date = Some(m.date);
            break;
        }
        let dateline = st.len() < 120
            && (agency_dateline > 0
                || (!st.ends_with('.') && !all_dates[di..dj].is_empty() && trig.is_none()));
        let (lao, khmer) = sides(actors::sides(st), &places);
        out.push(SentenceInfo {
            span: *s,
            date,
            kind: trig,
            places,
            quote: triggers::is_quote(st),
            non_event: triggers::non_event(lst),
            background: triggers::background(lst),
            anaphoric: triggers::anaphoric(lst),
            lao,
            khmer,
            dateline,
        });
    }
    out
}

/// Whether Laos and Cambodia are named: the actors' sides, plus the countries
/// of `places` (traps and rivers aside).
fn sides((mut lao, mut khmer): (bool, bool), places: &[PlaceMatch<'_>]) -> (bool, bool) {
    for p in places {
        if p.place.kind == PlaceKind::Trap || p.place.kind == PlaceKind::River {
            continue;
        }
        match p.place.country.as_str() {
            "LA" => lao = true,
            "KH" => khmer = true,
            _ => {}
        }
    }
    (lao, khmer)
}

/// Length of an agency dateline prefix such as "PHNOM PENH (Viet Nam News/ ANN) --"
/// or "VIENTIANE, Jan 11 (Xinhua) --": the place there is where the story was
/// filed, not where the occasion happened.
fn agency_dateline_end(s: &str) -> usize {
    let head = s.char_indices().nth(120).map_or(s, |(i, _)| &s[..i]);
    // Every separator holds '-' or a dash whose UTF-8 starts with 0xE2.
    if !head.bytes().any(|b| b == b'-' || b == 0xE2) {
        return 0;
    }
    for sep in [" -- ", " — ", "--", " – ", " - "] {
        if let Some(i) = head.find(sep) {
            let prefix = &head[..i];
            // "PLACE (Agency)" or a short "Place, Month D, YYYY AGENCY" heading
            // (starts with a capital, holds a digit, no sentence inside).
            let agency = prefix.contains('(') && prefix.contains(')');
            let heading = prefix.len() <= 60
                && prefix.chars().next().is_some_and(char::is_uppercase)
                && prefix.chars().any(|c| c.is_ascii_digit())
                && !prefix.contains(". ");
            if agency || heading {
                return i + sep.len();
            }
        }
    }
    0
}

/// A line per sentence showing what the extractor read in it (for debugging
/// rules: `cargo run --example explain -- FILE`).
pub fn explain(text: &str, published: Option<PartialDate>) -> String {
    use std::fmt::Write;
    let reference = published.or_else(|| dates::find_reference(text));
    let sents = sentences::split(text);
    let all_dates = dates::tag_dates(text, reference);
    let all_places = gazetteer().find(text);
    let lower = text.to_ascii_lowercase();
    let infos = read_sentences(text, &lower, &sents, &all_dates, &all_places);
    let mut out = String::new();
    let _ = writeln!(out, "reference: {:?}", reference.map(|d| d.to_string()));
    for (i, s) in infos.iter().enumerate() {
        let flags: Vec<&str> = [
            (s.quote, "quote"),
            (s.non_event, "non-event"),
            (s.background, "background"),
            (s.anaphoric, "anaphoric"),
            (s.dateline, "dateline"),
            (s.lao, "LA"),
            (s.khmer, "KH"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, n)| *n)
        .collect();
        let places: Vec<String> = s
            .places
            .iter()
            .map(|p| {
                format!(
                    "{}→{}",
                    &text[p.start..p.end],
                    p.place.province.as_ref().map_or("-", |id| id.as_str())
                )
            })
            .collect();
        let mentions: Vec<String> = all_dates
            .iter()
            .filter(|m| m.start >= s.span.start && m.end <= s.span.end)
            .map(|m| {
                format!(
                    "{}={}",
                    &text[m.start..m.end],
                    m.date.map_or("?".into(), |d| d.to_string())
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "[{i}] p{} kind={:?} date={:?} dates={mentions:?} places={places:?} {flags:?}\n    {}",
            s.span.para,
            s.kind,
            s.date.map(|d| d.map(|d| d.to_string())),
            text[s.span.start..s.span.end].replace('\n', " ")
        );
    }
    let drafts = build_events(&infos);
    for d in drafts {
        let _ = writeln!(
            out,
            "event {:?} {:?} members {:?}",
            d.kind,
            d.date.map(|d| d.to_string()),
            d.members
        );
    }
    out
}

/// A national capital standing for its government ("thanked Phnom Penh for its
/// support", "Vientiane's terms of reference") rather than a place where
/// something happens: a capital-city name not preceded by a locative word.
/// `lower` is the ASCII-lowercased article text.
fn is_metonym(lower: &str, p: &PlaceMatch<'_>) -> bool {
    let id = p.place.province.as_ref().map(ProvinceId::as_str);
    if !matches!(id, Some("KH-12" | "LA-VT")) || p.place.kind == PlaceKind::Landmark {
        return false;
    }
    let before = lower[..p.start].trim_end();
    let word_start = before
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |i| i + 1);
    let prev = &before[word_start..];
    let locative = [
        "in", "at", "to", "from", "near", "outside", "around", "capital", "city", "visited",
        "visit", "via", "into", "across", "towards", "toward", "of",
    ];
    !locative.contains(&prev)
}

fn concerns_laos_and_cambodia(infos: &[SentenceInfo<'_>]) -> bool {
    infos.iter().any(|s| s.lao) && infos.iter().any(|s| s.khmer)
}

/// An event being assembled: its anchor sentence and the sentences that add to it.
#[derive(Debug, Clone)]
struct Draft {
    anchor: usize,
    date: Option<PartialDate>,
    kind: EventKind,
    members: Vec<usize>,
}

/// How many sentences after an event's last member may still continue it.
const CONTINUATION_GAP: usize = 3;

/// The lead (opening sentences) joins the first dated occasion only when that
/// occasion is stated within this many sentences of the start.
const LEAD_REACH: usize = 6;

fn build_events(infos: &[SentenceInfo<'_>]) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut lead: Vec<usize> = Vec::new();
    let mut seen_dated_event = false;
    // Index of the draft that following sentences may continue, and the last sentence added.
    let mut current: Option<(usize, usize)> = None;

    for (i, s) in infos.iter().enumerate() {
        if s.dateline {
            continue;
        }
        let can_open = s.kind.is_some() && !s.quote && !s.non_event && !s.background;
        if can_open && s.date.is_some() {
            let date = s.date.flatten();
            // Same occasion as the current event? (anaphora with a compatible date)
            if let Some((ci, last)) = current {
                let cur = &drafts[ci];
                let near = i - last <= CONTINUATION_GAP;
                if near && same_occasion(cur, date, s.anaphoric) {
                    drafts[ci].members.push(i);
                    if drafts[ci].date.is_none() && date.is_some() {
                        drafts[ci].date = date;
                        drafts[ci].anchor = i;
                    }
                    current = Some((ci, i));
                    continue;
                }
            }
            // Same date as an earlier event of this article: one occasion.
            if let Some(di) = drafts.iter().position(|d| {
                date.is_some_and(|x| x.precision() == crate::model::Precision::Day)
                    && d.date == date
            }) {
                drafts[di].members.push(i);
                current = Some((di, i));
                continue;
            }
            let mut members = Vec::new();
            if !seen_dated_event && date.is_some() && !lead.is_empty() {
                // The lead summarises this occasion only when the occasion follows it closely.
                let close =
                    lead.last().is_some_and(|&l| i - l <= CONTINUATION_GAP) && i <= LEAD_REACH;
                if close {
                    members.append(&mut lead);
                } else {
                    for l in std::mem::take(&mut lead) {
                        if let Some(kind) = infos[l].kind.filter(|_| strong_undated(&infos[l])) {
                            drafts.push(Draft {
                                anchor: l,
                                date: None,
                                kind,
                                members: vec![l],
                            });
                        }
                    }
                }
            }
            members.push(i);
            if date.is_some() {
                seen_dated_event = true;
            }
            drafts.push(Draft {
                anchor: i,
                date,
                kind: s.kind.unwrap_or(EventKind::Other),
                members,
            });
            current = Some((drafts.len() - 1, i));
            continue;
        }
        // No date of its own.
        let continues = current.is_some_and(|(_, last)| i - last <= CONTINUATION_GAP)
            && !s.non_event
            && !s.background
            && s.date.is_none();
        // Names places but no trigger or reference back: only right after the event's last sentence.
        let adjacent_places =
            !s.places.is_empty() && current.is_some_and(|(_, last)| i - last == 1);
        if continues && (s.anaphoric || s.quote || s.kind.is_some() || adjacent_places) {
            if let Some((ci, _)) = current {
                drafts[ci].members.push(i);
                current = Some((ci, i));
            }
            continue;
        }
        if !seen_dated_event
            && drafts.is_empty()
            && s.kind.is_some()
            && !s.non_event
            && i < LEAD_REACH
        {
            // The lead: summarises the main occasion, dated further down.
            lead.push(i);
            continue;
        }
        if can_open && strong_undated(s) {
            drafts.push(Draft {
                anchor: i,
                date: None,
                kind: s.kind.unwrap_or(EventKind::Other),
                members: vec![i],
            });
            current = Some((drafts.len() - 1, i));
            continue;
        }
        // Background about the occasion itself ("The meeting reviewed progress since
        // 2014") neither joins nor ends it; other background, commentary and dates end it.
        if (s.non_event || s.background || s.date.is_some()) && !s.anaphoric {
            current = None;
        }
    }
    // A lead that never found its dated occasion stands on its own.
    if !lead.is_empty() && !seen_dated_event {
        let anchor = lead[0];
        if let Some(kind) = infos[anchor].kind {
            if drafts.is_empty() {
                drafts.push(Draft {
                    anchor,
                    date: None,
                    kind,
                    members: lead,
                });
            }
        }
    }
    drafts.sort_by_key(|d| d.anchor);
    drafts
}

fn same_occasion(cur: &Draft, date: Option<PartialDate>, anaphoric: bool) -> bool {
    match (cur.date, date) {
        (Some(a), Some(b)) => anaphoric && a.compatible(&b),
        // Two vague dates close together ("later this week" ... "on Thursday"): one occasion.
        (None, None) => true,
        (None, Some(_)) => anaphoric,
        (Some(_), None) => anaphoric,
    }
}

/// An undated sentence that still states an occasion between the two sides:
/// "Hun Sen and his Laotian counterpart agreed that ...".
fn strong_undated(s: &SentenceInfo<'_>) -> bool {
    matches!(
        s.kind,
        Some(EventKind::Agreement | EventKind::Meeting | EventKind::Visit | EventKind::Aid)
    ) && (s.lao && s.khmer)
}

fn finish(text: &str, infos: &[SentenceInfo<'_>], d: Draft, hash: &str) -> Option<Event> {
    let anchor = infos.get(d.anchor)?;
    let mut provinces: BTreeSet<ProvinceId> = BTreeSet::new();
    let mut members = d.members.clone();
    members.sort_unstable();
    members.dedup();
    for &m in &members {
        if let Some(s) = infos.get(m) {
            for p in &s.places {
                if p.place.kind == PlaceKind::River {
                    continue;
                }
                if let Some(id) = &p.place.province {
                    if id.is_lao() || id.is_cambodian() {
                        provinces.insert(id.clone());
                    }
                }
            }
        }
    }
    let evidence = Evidence::from_span(text, anchor.span.start, anchor.span.end)?;
    // Where the occasion took place: the anchor sentence's place, unless it only
    // names a province and a following sentence names a town, district or landmark.
    let member_best = members
        .iter()
        .filter_map(|&m| infos.get(m))
        .filter_map(location_of)
        .min_by_key(|(rank, _)| *rank);
    let location = match (location_of(anchor), member_best) {
        (Some((2, _)), Some((r, text))) if r < 2 => Some(text),
        (Some((_, text)), _) => Some(text),
        (None, m) => m.map(|(_, text)| text),
    };
    Some(Event {
        id: format!("{}-{}", &hash[..12.min(hash.len())], anchor.span.start),
        date: d.date,
        kind: d.kind,
        provinces: provinces.into_iter().collect(),
        location,
        summary: summarize(&evidence.sentence),
        evidence,
    })
}

/// The most specific place named in a sentence, with its province ("Khong
/// district, Champasak"), and how specific it is (lower is more specific).
fn location_of(s: &SentenceInfo<'_>) -> Option<(u8, String)> {
    let rank = |k: PlaceKind| match k {
        PlaceKind::Checkpoint | PlaceKind::Landmark => 0,
        PlaceKind::District | PlaceKind::Town | PlaceKind::Capital => 1,
        PlaceKind::Province => 2,
        _ => 9,
    };
    let best = s
        .places
        .iter()
        .filter(|p| rank(p.place.kind) < 9 && p.place.province.is_some())
        .min_by_key(|p| (rank(p.place.kind), p.start))?;
    let name = best.place.name.clone();
    let province = best
        .place
        .province
        .as_ref()
        .and_then(|id| gazetteer().province(id.as_str()));
    let text = match province {
        Some(p)
            if best.place.kind != PlaceKind::Province
                && !name.contains(&p.name)
                && !p.name.contains(&name) =>
        {
            format!("{name}, {}", p.name)
        }
        _ => name,
    };
    Some((rank(best.place.kind), text))
}

/// A one-line summary: the sentence with whitespace collapsed, cut at a word
/// boundary near 160 characters.
fn summarize(sentence: &str) -> String {
    let flat: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    const MAX: usize = 160;
    if flat.chars().count() <= MAX {
        return flat;
    }
    let cut: String = flat.chars().take(MAX).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > MAX / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
