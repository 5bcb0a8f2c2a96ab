//! Pure text → events. No I/O, no UI types, deterministic.
//!
//! Pipeline, each step linear in the text length:
//! 1. [`sentences::split`] the body into sentences (byte spans; abbreviations,
//!    titles and initials never end one);
//! 2. tag every date expression ([`dates::tag_dates`], resolved against the
//!    publication date or a dateline) and every place ([`gazetteer`]) once over
//!    the whole text, then hand them to their sentences;
//! 3. read each sentence into **occasions** (`reading`): every trigger
//!    ([`triggers`]) with its own time expression — the nearest one before it
//!    in its clause that is not a dateline, a report date ("said in a May 28
//!    press release") or a figure year ("US$10 million in 2000"). A sentence
//!    may state several occasions ("were on Nov. 16, 2020 and on Sept. 28,
//!    2021"); an occasion going on as the report is written ("is visiting")
//!    is dated by the report;
//! 4. assemble events (`assemble`): mentions of one occasion within the
//!    article are one event with every sentence as a member; the lead before
//!    the first dated occasion and the sentences that continue an occasion
//!    ("During the meeting, ...") add their provinces to it; commentary never
//!    opens an event, and background or a quotation opens one only for a date
//!    written out;
//! 5. an article that never names both a Lao and a Cambodian place or party
//!    yields no events (no Lao–Cambodian link the text does not state).

pub mod actors;
mod assemble;
pub mod dates;
mod reading;
mod references;
pub mod sentences;
pub mod triggers;

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

use crate::gazetteer::{gazetteer, PlaceKind};
use crate::model::{Article, Event, Evidence, PartialDate, ProvinceId};
use assemble::{build_events, Draft};
use dates::DateMention;
use reading::{read_sentences, SentenceInfo};

/// Extract the cooperation events an article reports, resolving relative
/// dates against its publication date (or a dateline in its first lines).
pub fn extract(article: &Article) -> Vec<Event> {
    extract_titled(
        &article.text,
        article.title.as_deref(),
        article.published.map(PartialDate::from_naive),
    )
}

/// Extract events from a body text with an optional reference (publication) date.
pub fn extract_text(text: &str, published: Option<PartialDate>) -> Vec<Event> {
    extract_titled(text, None, published)
}

/// Extract events from a body text and its headline, which may carry the
/// only date of the occasion the opening sentence tells ("… agree to extend
/// checkpoint hours at May 25 meeting").
pub fn extract_titled(
    text: &str,
    title: Option<&str>,
    published: Option<PartialDate>,
) -> Vec<Event> {
    let Some(r) = Reading::new(text, title, published) else {
        return Vec::new();
    };
    if !reading::concerns_laos_and_cambodia(&r.infos) {
        return Vec::new();
    }
    let hash = content_hash(text);
    let drafts = build_events(&r.infos);
    // An event dated from the one before and told of the same parties has
    // that event's sides ("Two days later, they signed …").
    let mut both = Vec::with_capacity(drafts.len());
    for d in &drafts {
        let inherited = d
            .parties_of
            .and_then(|p| both.get(p).copied())
            .unwrap_or(false);
        both.push(inherited || involves_both_sides(&r.infos, d));
    }
    let stays = stays(&r.infos, &drafts);
    // Which event each draft became, for the parties' provinces below.
    let mut event_of: Vec<Option<usize>> = Vec::with_capacity(drafts.len());
    let mut events: Vec<Event> = Vec::new();
    for (d, both) in drafts.into_iter().zip(both) {
        let parties_of = d.parties_of;
        let venue_moves = d.next_of_series;
        let made = both.then(|| finish(text, &r.infos, d, &hash)).flatten();
        event_of.push(made.map(|mut e| {
            // The same parties as the occasion before ("The following day, the
            // visitors presented robes …"): their provinces take part again.
            if let Some(p) = parties_of.and_then(|p| event_of.get(p).copied().flatten()) {
                let mut all: BTreeSet<ProvinceId> = e.provinces.drain(..).collect();
                // "Cambodia will host the next session in Phnom Penh": not
                // in Vientiane, where the one told was held.
                all.extend(
                    events[p]
                        .provinces
                        .iter()
                        .filter(|id| !(venue_moves && matches!(id.as_str(), "LA-VT" | "KH-12")))
                        .cloned(),
                );
                e.provinces = all.into_iter().collect();
            }
            events.push(e);
            events.len() - 1
        }));
    }
    place_within_stays(&mut events, &stays);
    events
}

/// Days after a visit's first day in which an occasion with no place of its
/// own is taken to happen on that visit.
const VISIT_REACH_DAYS: i64 = 6;

/// A stretch of days spent somewhere: a visit (its first day, reaching
/// [`VISIT_REACH_DAYS`] on) or an occasion told with its last day ("held from
/// 24 to 25 August in Phnom Penh"), and the provinces its own sentence names.
struct Stay {
    first: chrono::NaiveDate,
    /// Days after the first that still fall within it.
    reach: i64,
    /// Whether its first day is spent there too: a visit told by its arrival
    /// ("arrived in Vientiane yesterday for a two-day visit").
    from_arrival: bool,
    provinces: Vec<ProvinceId>,
}

/// Each day-dated visit or stretch and where its own sentence places it
/// (where it goes, and a provincial delegation's home).
fn stays(infos: &[SentenceInfo<'_>], drafts: &[Draft]) -> Vec<Stay> {
    let day = |d: Option<PartialDate>| {
        d.filter(|x| x.precision() == crate::model::Precision::Day)?
            .to_naive()
    };
    drafts
        .iter()
        .filter_map(|d| {
            let first = day(d.date)?;
            let reach = match day(d.end) {
                Some(last) => (last - first).num_days(),
                None if d.kind == crate::model::EventKind::Visit => VISIT_REACH_DAYS,
                None => return None,
            };
            let anchor = infos.get(d.anchor)?;
            let provinces: BTreeSet<ProvinceId> =
                anchor.places.iter().filter_map(linked_province).collect();
            (reach > 0 && !provinces.is_empty()).then(|| Stay {
                first,
                reach,
                from_arrival: d.kind == crate::model::EventKind::Visit && anchor.arrival,
                provinces: provinces.into_iter().collect(),
            })
        })
        .collect()
}

/// What happens during a stay happens where it is: talks, a signing or a
/// courtesy call told with no place of its own ("The two prime ministers
/// held official talks at the Prime Minister's Office on Wednesday"), on a
/// later day of a visit whose destination its sentence names ("arrived in
/// Vientiane on Tuesday for a four-day official visit") or of a meeting held
/// over several days in one city, take its provinces. Not on the first day,
/// which may be spent on the way, unless the visit is told by its arrival
/// there ("arrived in Vientiane yesterday …; yesterday afternoon he held
/// talks at the Prime Minister's Office").
fn place_within_stays(events: &mut [Event], stays: &[Stay]) {
    if stays.is_empty() {
        return;
    }
    for e in events.iter_mut() {
        if !e.provinces.is_empty() || e.kind == crate::model::EventKind::Visit {
            continue;
        }
        let Some(day) = e
            .date
            .filter(|d| d.precision() == crate::model::Precision::Day)
            .and_then(|d| d.to_naive())
        else {
            continue;
        };
        let during = stays.iter().rev().find(|s| {
            let after = (day - s.first).num_days();
            let from = if s.from_arrival { 0 } else { 1 };
            (from..=s.reach).contains(&after)
        });
        if let Some(s) = during {
            e.provinces = s.provinces.clone();
        }
    }
}

/// Whether an event may be one between the two sides. Not when its
/// sentences place it in one country's provinces and never name the other
/// side nor the two together ("the two ministries signed"): a Lao
/// inauguration of a wind farm in Sekong, told in an article about
/// Lao–Cambodian trade. An event with no province stays (its parties may be
/// named only as "the prime minister").
fn involves_both_sides(infos: &[SentenceInfo<'_>], d: &Draft) -> bool {
    // A visit has a visitor from elsewhere, named or not.
    if d.kind == crate::model::EventKind::Visit {
        return true;
    }
    let members = || d.members.iter().filter_map(|&m| infos.get(m));
    if members().any(|s| s.two_sides) || (members().any(|s| s.lao) && members().any(|s| s.khmer)) {
        return true;
    }
    let countries: BTreeSet<&str> = members()
        .flat_map(|s| s.places.iter())
        .filter(|p| p.place.kind != PlaceKind::River)
        .filter_map(|p| p.place.province.as_ref())
        .map(|id| id.country())
        .collect();
    countries.len() != 1
}

/// Everything read from one text before events are assembled.
struct Reading<'g> {
    reference: Option<PartialDate>,
    dates: Vec<DateMention>,
    infos: Vec<SentenceInfo<'g>>,
}

impl Reading<'static> {
    /// `None` when the text never names both sides (reading sentence by
    /// sentence could only find less) or has no sentence.
    fn new(text: &str, title: Option<&str>, published: Option<PartialDate>) -> Option<Self> {
        let mut all_places = gazetteer().find(text);
        all_places.retain(|p| !reading::is_titled_name(text, p));
        if reading::sides(actors::sides(text), &all_places) != (true, true) {
            return None;
        }
        let lower = fold(text);
        let mut named = references::name_mentions(text, &lower, &all_places);
        named.extend(references::pair_mentions(&lower, &all_places));
        if !named.is_empty() {
            all_places.extend(named);
            all_places.sort_by_key(|p| (p.start, p.end));
        }
        let reference = published.or_else(|| dates::find_reference(text));
        let sents = sentences::split(text);
        if sents.is_empty() {
            return None;
        }
        let dates = dates::tag_dates(text, reference);
        let mut infos = read_sentences(text, &lower, &sents, &dates, &all_places, reference);
        if let Some(title) = title {
            reading::date_lead_by_headline(&mut infos, title, reference);
        }
        Some(Reading {
            reference,
            dates,
            infos,
        })
    }
}

/// What `border-atlas explain` prints: per sentence, the time expressions
/// with their values, the places with their provinces, the trigger kind,
/// the occasions and cues read there; then the events and their sentences.
pub fn explain(text: &str, title: Option<&str>, published: Option<PartialDate>) -> String {
    use std::fmt::Write;
    let Some(r) = Reading::new(text, title, published) else {
        return "no event: the text never names both a Lao and a Cambodian place or party\n"
            .to_string();
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "reference date: {}",
        r.reference.map_or("none".into(), |d| d.to_string())
    );
    for (i, s) in r.infos.iter().enumerate() {
        let flags: Vec<&str> = [
            (s.quote, "quote"),
            (s.non_event, "non-event"),
            (s.background, "background"),
            (s.anaphoric, "refers-back"),
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
        let mentions: Vec<String> = r
            .dates
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
        let occasions: Vec<String> = s
            .occasions
            .iter()
            .map(|o| match o.after_previous {
                Some(d) => format!("{} @previous+{d}d", o.kind),
                None => format!(
                    "{} @{}",
                    o.kind,
                    o.date.map_or("?".into(), |d| d.to_string())
                ),
            })
            .collect();
        let _ = writeln!(
            out,
            "[{i}] {}",
            text[s.span.start..s.span.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        let _ = writeln!(
            out,
            "     trigger={} occasions={occasions:?} dates={mentions:?} places={places:?} {flags:?}",
            s.kind.map_or("-".into(), |k| k.to_string()),
        );
    }
    for d in build_events(&r.infos) {
        let _ = writeln!(
            out,
            "event {} {} from [{}] with {:?}",
            d.kind,
            d.date.map_or("undated".into(), |d| d.to_string()),
            d.anchor,
            d.members
        );
    }
    out
}

/// The Lao or Cambodian province a place mention links an event to (a river
/// links none).
fn linked_province(p: &crate::gazetteer::PlaceMatch<'_>) -> Option<ProvinceId> {
    let id = p.place.province.as_ref()?;
    (p.place.kind != PlaceKind::River && (id.is_lao() || id.is_cambodian())).then(|| id.clone())
}

fn finish(text: &str, infos: &[SentenceInfo<'_>], d: Draft, hash: &str) -> Option<Event> {
    let anchor = infos.get(d.anchor)?;
    let mut provinces: BTreeSet<ProvinceId> = BTreeSet::new();
    let mut members = d.members.clone();
    members.sort_unstable();
    members.dedup();
    for &m in &members {
        if let Some(s) = infos.get(m) {
            if m == d.anchor {
                let own = reading::occasion_places(text, s, d.nth);
                provinces.extend(own.into_iter().filter_map(linked_province));
            } else {
                provinces.extend(s.places.iter().filter_map(linked_province));
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
    let id = match d.nth {
        0 => format!("{}-{}", &hash[..12.min(hash.len())], anchor.span.start),
        n => format!("{}-{}-{n}", &hash[..12.min(hash.len())], anchor.span.start),
    };
    Some(Event {
        id,
        date: d.date,
        kind: d.kind,
        provinces: provinces.into_iter().collect(),
        location,
        summary: summarize(&evidence.sentence),
        evidence,
    })
}

/// The text every pattern reads: ASCII-lowercased, and line breaks and tabs
/// turned into spaces, so that hard-wrapped copy ("handed\nover") reads as
/// one line does. Both keep byte offsets, so spans found here index `text`.
fn fold(text: &str) -> String {
    let mut bytes = text.as_bytes().to_ascii_lowercase();
    for b in &mut bytes {
        if matches!(*b, b'\n' | b'\r' | b'\t') {
            *b = b' ';
        }
    }
    // Only ASCII bytes changed, so the bytes are still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_ascii_lowercase())
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
