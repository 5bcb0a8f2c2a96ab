//! Deterministic generator of realistic synthetic article corpora (benches and
//! `cargo run --release --example gen_corpus -- --out DIR --count N [--seed S]`).
//!
//! Each article is built from templates that vary the provinces (and their
//! spelling variants), the actors, the kind of occasion, the date form
//! (absolute, relative, partial, none), the file format (.txt, .md, .html,
//! .json), and adds noise paragraphs of background and commentary.

use border_atlas::model::MONTH_NAMES as MONTHS;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Spelling variants per province as news writes them.
const LAO: &[&[&str]] = &[
    &["Champasak", "Champassak", "Champasack"],
    &["Attapeu", "Attapu", "Attopeu"],
    &["Sekong", "Xekong"],
    &["Salavan", "Saravane"],
];
const KHMER: &[&[&str]] = &[
    &["Stung Treng", "Steung Treng", "Stoeng Treng"],
    &["Ratanakiri", "Ratanakkiri", "Rattanakiri"],
    &["Preah Vihear"],
    &["Mondulkiri", "Mondolkiri"],
];
const PLACES: &[&str] = &[
    "Khong district",
    "Pakse",
    "Banlung",
    "Siem Pang district",
    "the Trapeang Kriel checkpoint",
    "Samakkhixay",
    "Don Sahong",
    "Tbeng Meanchey",
];
const LAO_ACTORS: &[&str] = &[
    "the governor of {L}",
    "Lao deputy minister Khamphao Ernthavanh",
    "a delegation from {L}",
    "the {L} provincial party secretary",
];
const KHMER_ACTORS: &[&str] = &[
    "the governor of {K}",
    "Cambodian Interior Minister Sar Kheng",
    "officials from {K}",
    "the {K} provincial police chief",
];
const OCCASIONS: &[&str] = &[
    "{A} met {B} in {P} {D} to discuss border security and trade.",
    "{A} and {B} signed a memorandum of understanding on drug control {D} in {P}.",
    "{A} paid an official visit to {P} {D}, where {B} welcomed the delegation.",
    "{A} handed over rice, medicine and two ambulances to {B} at {P} {D}.",
    "{A} proposed a new bridge linking {L} and {K} during talks with {B} {D}.",
    "Police from {L} and {K} carried out a joint patrol near {P} {D}, arresting four smugglers.",
    "{A} and {B} inaugurated a new market at {P} {D}.",
];
const FOLLOW: &[&str] = &[
    "During the meeting, both sides agreed to exchange information every month.",
    "The two sides also discussed the demarcation of the remaining border posts.",
    "At the ceremony, {B} thanked {A} for the support of the neighbouring province.",
];
const NOISE: &[&str] = &[
    "The border between the two countries runs for about 540 kilometres through forest and along the Mekong.",
    "Analysts said cross-border trade has grown steadily over the past decade.",
    "A spokesman could not be reached for comment on the details of the plan.",
    "Both provinces are among the poorest in their countries and depend on farming and fishing.",
    "Tourism officials hope that better roads will bring more visitors to the waterfalls of the south.",
];
fn fill(rng: &mut ChaCha8Rng, template: &str, l: &str, k: &str, date: &str) -> String {
    let a = LAO_ACTORS.choose(rng).copied().unwrap_or("officials");
    let b = KHMER_ACTORS.choose(rng).copied().unwrap_or("officials");
    let (a, b) = if rng.random_bool(0.5) { (a, b) } else { (b, a) };
    let p = PLACES.choose(rng).copied().unwrap_or("the border");
    template
        .replace("{A}", a)
        .replace("{B}", b)
        .replace("{P}", p)
        .replace("{D}", date)
        .replace("{L}", l)
        .replace("{K}", k)
}

/// One generated article file: its name and contents.
pub struct SynthFile {
    pub name: String,
    pub contents: String,
}

/// Generate `count` article files from `seed`. Same seed, same files.
pub fn generate(count: usize, seed: u64) -> Vec<SynthFile> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..count).map(|i| article(&mut rng, i)).collect()
}

fn article(rng: &mut ChaCha8Rng, i: usize) -> SynthFile {
    let year = rng.random_range(2008..2026);
    let month = rng.random_range(1..=12u32);
    let day = rng.random_range(1..=28u32);
    let pub_day = (day + rng.random_range(1..3)).min(28);
    let published = format!("{year}-{month:02}-{pub_day:02}");
    let mname = MONTHS[(month - 1) as usize];
    let date = match rng.random_range(0..6) {
        0 => format!("on {mname} {day}"),
        1 => format!("on {day} {mname} {year}"),
        2 => "yesterday".to_string(),
        3 => "on Tuesday".to_string(),
        4 => format!("in early {mname}"),
        _ => "last week".to_string(),
    };
    let l = LAO
        .choose(rng)
        .and_then(|v| v.choose(rng))
        .copied()
        .unwrap_or("Champasak");
    let k = KHMER
        .choose(rng)
        .and_then(|v| v.choose(rng))
        .copied()
        .unwrap_or("Stung Treng");
    let mut paras = Vec::new();
    let n_noise = rng.random_range(1..5);
    for _ in 0..n_noise {
        if let Some(n) = NOISE.choose(rng) {
            paras.push((*n).to_string());
        }
    }
    let occ = OCCASIONS.choose(rng).copied().unwrap_or(OCCASIONS[0]);
    paras.insert(0, fill(rng, occ, l, k, &date));
    if rng.random_bool(0.6) {
        let f = FOLLOW.choose(rng).copied().unwrap_or(FOLLOW[0]);
        paras.insert(1, fill(rng, f, l, k, ""));
    }
    if rng.random_bool(0.3) {
        let occ2 = OCCASIONS.choose(rng).copied().unwrap_or(OCCASIONS[0]);
        let d2 = format!(
            "in {} last year",
            MONTHS.choose(rng).copied().unwrap_or("May")
        );
        paras.push(fill(rng, occ2, l, k, &d2));
    }
    let title = format!("{l} and {k} step up cooperation ({i})");
    let body = paras.join("\n\n");
    let with_pub = rng.random_bool(0.85);
    match rng.random_range(0..10) {
        0 => SynthFile {
            name: format!("article-{i:06}.md"),
            contents: format!(
                "---\ntitle: {title}\nsource: Synthetic Wire\n{}---\n\n{body}\n",
                if with_pub { format!("published: {published}\n") } else { String::new() }
            ),
        },
        1 => SynthFile {
            name: format!("article-{i:06}.html"),
            contents: format!(
                "<html><head><title>{title}</title>{}</head><body><nav>Home</nav><article><h1>{title}</h1>{}</article></body></html>\n",
                if with_pub {
                    format!("<meta property=\"article:published_time\" content=\"{published}T09:00:00Z\">")
                } else {
                    String::new()
                },
                paras.iter().map(|p| format!("<p>{p}</p>")).collect::<String>()
            ),
        },
        2 => SynthFile {
            name: format!("article-{i:06}.json"),
            contents: serde_json::json!({
                "title": title,
                "source": "Synthetic Wire",
                "published": if with_pub { Some(published) } else { None },
                "text": body,
            })
            .to_string(),
        },
        _ => SynthFile {
            name: format!("article-{i:06}.txt"),
            contents: format!(
                "Title: {title}\nSource: Synthetic Wire\n{}\n{body}\n",
                if with_pub { format!("Published: {published}\n") } else { String::new() }
            ),
        },
    }
}
