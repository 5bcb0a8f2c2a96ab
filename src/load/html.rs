//! HTML (`.html`, `.htm`): metadata from meta tags, the main text from the
//! `<article>` (else `<main>`, else `<body>`).
//!
//! - title: `og:title` (or `twitter:title`) meta, else `<title>`, else the first `<h1>`;
//! - published: `article:published_time` meta, a JSON-LD `datePublished`,
//!   an `itemprop="datePublished"`, `date`/`pubdate`/`publishdate`/`dc.date` metas,
//!   else the first `<time datetime>` (inside the main text first); the date part of
//!   an ISO timestamp is kept;
//! - source: `og:site_name`; url: `og:url`, else `<link rel="canonical">`;
//! - text: block elements (paragraphs, headings, list items, quotes, cells...) as
//!   paragraphs joined by blank lines, whitespace collapsed inside each;
//!   the contents of `script`, `style`, `nav`, `header`, `footer`, `aside`, `form`,
//!   `noscript`, `template`, `svg`, `iframe`, `button`, `select` (and a few more,
//!   see `SKIPPED`) are dropped, as are elements marked `hidden` or
//!   `aria-hidden="true"`; figure captions are kept. Entities are decoded
//!   by the parser. The traversal is iterative: deeply nested markup cannot
//!   overflow the stack.

use scraper::{ElementRef, Html, Node, Selector};

use crate::model::Article;

use super::fields::{clean_field, finish, set_published};
use super::LoadError;

const SKIPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "math", "iframe", "object", "embed", "button", "select", "textarea", "head", "canvas", "audio",
    "video", "dialog",
];

const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "body",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "address",
    "hr",
    "br",
    "details",
    "summary",
    "center",
];

/// How many `<article>` elements are compared to find the main one.
const MAX_ARTICLE_CANDIDATES: usize = 20;

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text blocks of `root`, in document order.
fn blocks(root: ElementRef<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let block = collapse(current);
        if !block.is_empty() {
            out.push(block);
        }
        current.clear();
    };
    let root_id = root.id();
    let mut node = *root;
    loop {
        // Enter `node`.
        let mut descend = false;
        match node.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                let hidden = e.attr("hidden").is_some()
                    || e.attr("aria-hidden")
                        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
                if !SKIPPED.contains(&name) && !hidden {
                    descend = true;
                }
                if BLOCKS.contains(&name) || SKIPPED.contains(&name) {
                    flush(&mut current, &mut out);
                } else if !descend {
                    current.push(' ');
                }
            }
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
        }
        // Leave `node` and every ancestor that has no next sibling.
        loop {
            if let Node::Element(e) = node.value() {
                if BLOCKS.contains(&e.name()) {
                    flush(&mut current, &mut out);
                }
            }
            if node.id() == root_id {
                flush(&mut current, &mut out);
                return out;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) => node = parent,
                None => {
                    flush(&mut current, &mut out);
                    return out;
                }
            }
        }
    }
}

fn text_len(blocks: &[String]) -> usize {
    blocks.iter().map(String::len).sum()
}

/// Pick the main text: the longest `<article>` unless it is small next to the
/// page's `<main>`/`<body>` text (a teaser card rather than the story).
fn main_text(doc: &Html) -> Vec<String> {
    let first = |s: &str| selector(s).and_then(|sel| doc.select(&sel).next());
    let page = first("main")
        .or_else(|| first("body"))
        .map(blocks)
        .unwrap_or_else(|| blocks(doc.root_element()));
    let best_article = selector("article").and_then(|sel| {
        doc.select(&sel)
            .take(MAX_ARTICLE_CANDIDATES)
            .map(blocks)
            .max_by_key(|b| text_len(b))
    });
    match best_article {
        Some(a) if !a.is_empty() && text_len(&a) * 3 >= text_len(&page) => a,
        _ => {
            if page.is_empty() {
                // Markup without body/main holding text: take the whole document.
                blocks(doc.root_element())
            } else {
                page
            }
        }
    }
}

#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    published: Option<(u8, String)>,
    site_name: Option<String>,
    og_url: Option<String>,
}

fn read_metas(doc: &Html) -> Meta {
    let mut meta = Meta::default();
    let Some(sel) = selector("meta") else {
        return meta;
    };
    for m in doc.select(&sel) {
        let Some(content) = m.attr("content") else {
            continue;
        };
        let key = m
            .attr("property")
            .or_else(|| m.attr("name"))
            .or_else(|| m.attr("itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        // Lower rank wins for the publication date.
        let date_rank = match key.as_str() {
            "article:published_time" => Some(0),
            "datepublished" => Some(2),
            "date" | "pubdate" | "publishdate" | "publish-date" | "dc.date.issued" | "dc.date"
            | "sailthru.date" | "parsely-pub-date" => Some(3),
            _ => None,
        };
        if let Some(rank) = date_rank {
            if meta.published.as_ref().is_none_or(|(r, _)| rank < *r) {
                meta.published = Some((rank, content.to_string()));
            }
            continue;
        }
        let slot = match key.as_str() {
            "og:title" => &mut meta.og_title,
            "twitter:title" if meta.og_title.is_none() => &mut meta.og_title,
            "og:site_name" => &mut meta.site_name,
            "og:url" => &mut meta.og_url,
            _ => continue,
        };
        if slot.is_none() || key == "og:title" {
            *slot = Some(content.to_string());
        }
    }
    meta
}

/// `datePublished` from JSON-LD blocks (searched to a bounded depth).
fn json_ld_date(doc: &Html) -> Option<String> {
    fn find(v: &serde_json::Value, depth: usize) -> Option<String> {
        if depth > 8 {
            return None;
        }
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(s)) = map.get("datePublished") {
                    return Some(s.clone());
                }
                map.values().find_map(|x| find(x, depth + 1))
            }
            serde_json::Value::Array(items) => items.iter().find_map(|x| find(x, depth + 1)),
            _ => None,
        }
    }
    let sel = selector("script[type]")?;
    doc.select(&sel)
        .filter(|s| {
            s.attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .find_map(|s| {
            let raw: String = s.text().collect();
            serde_json::from_str::<serde_json::Value>(&raw)
                .ok()
                .and_then(|v| find(&v, 0))
        })
}

/// Deepest element nesting read (real pages stay far below a hundred).
pub const MAX_HTML_DEPTH: usize = 1024;
/// Most elements read in one page.
pub const MAX_HTML_ELEMENTS: usize = 500_000;
/// Most attributes on one element.
pub const MAX_HTML_ATTRIBUTES: usize = 2_000;

/// Elements that never hold others, and elements that the parser closes by
/// themselves when a sibling starts (an unclosed `<p>` or `<li>` is normal).
const NO_DEPTH: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd", "tbody", "thead",
];

/// A linear pre-pass over the tags, before the HTML5 tree builder sees them:
/// some shapes make tree building quadratic or its memory explode (200,000
/// nested `<div>`s, 60,000 unclosed `<b>`s, one tag with 600,000 attributes).
/// Counts approximately (no full tokenizer), and errs on the side of reading.
fn check_complexity(text: &str) -> Result<(), LoadError> {
    let b = text.as_bytes();
    let (mut depth, mut max_depth, mut elements) = (0usize, 0usize, 0usize);
    let mut i = 0usize;
    while let Some(off) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'<')) {
        i += off + 1;
        match b.get(i) {
            Some(b'!') => {
                // A comment or a doctype: skip it whole.
                let end = if b[i..].starts_with(b"!--") {
                    "-->"
                } else {
                    ">"
                };
                i = text[i..].find(end).map_or(b.len(), |e| i + e + end.len());
            }
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = b[i..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(b.len(), |e| i + e);
                let name = text[i..name_end].to_ascii_lowercase();
                let tag_end = b[name_end..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(b.len(), |e| name_end + e);
                let attributes = b[name_end..tag_end].iter().filter(|&&c| c == b'=').count();
                if attributes > MAX_HTML_ATTRIBUTES {
                    return Err(LoadError::HtmlTooComplex(format!(
                        "an element with more than {MAX_HTML_ATTRIBUTES} attributes"
                    )));
                }
                elements += 1;
                if elements > MAX_HTML_ELEMENTS {
                    return Err(LoadError::HtmlTooComplex(format!(
                        "more than {MAX_HTML_ELEMENTS} elements"
                    )));
                }
                let self_closing = tag_end > 0 && b.get(tag_end - 1) == Some(&b'/');
                if !self_closing && !NO_DEPTH.contains(&name.as_str()) {
                    depth += 1;
                    max_depth = max_depth.max(depth);
                    if max_depth > MAX_HTML_DEPTH {
                        return Err(LoadError::HtmlTooComplex(format!(
                            "elements nested (or left open) deeper than {MAX_HTML_DEPTH} levels"
                        )));
                    }
                }
                // Script and style hold text, not tags.
                if name == "script" || name == "style" {
                    let close = format!("</{name}");
                    let lower_from = tag_end.min(b.len());
                    i = find_ascii_ci(&b[lower_from..], close.as_bytes())
                        .map_or(b.len(), |e| lower_from + e);
                    continue;
                }
                i = tag_end;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Position of `needle` (ASCII lowercase) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

pub(crate) fn parse_html(
    path: &str,
    text: &str,
    warnings: Vec<String>,
) -> Result<Article, LoadError> {
    check_complexity(text)?;
    let doc = Html::parse_document(text);
    let mut article = Article {
        path: path.to_string(),
        warnings,
        ..Article::default()
    };
    let meta = read_metas(&doc);
    let first_text = |s: &str| -> Option<String> {
        let sel = selector(s)?;
        doc.select(&sel)
            .map(|e| collapse(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    let title = meta
        .og_title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| first_text("title"))
        .or_else(|| first_text("h1"));
    if let Some(t) = title {
        article.title = clean_field("title", &t, &mut article.warnings);
    }
    if let Some(s) = &meta.site_name {
        article.source = clean_field("source", s, &mut article.warnings);
    }
    let canonical = || {
        let sel = selector("link[rel][href]")?;
        doc.select(&sel)
            .find(|l| {
                l.attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|x| x.eq_ignore_ascii_case("canonical"))
                })
            })
            .and_then(|l| l.attr("href"))
            .map(str::to_string)
    };
    if let Some(u) = meta.og_url.clone().or_else(canonical) {
        article.url = clean_field("URL", &u, &mut article.warnings);
    }
    let published = match meta.published {
        Some((0, d)) => Some(d),
        other => json_ld_date(&doc).or(other.map(|(_, d)| d)),
    }
    .or_else(|| {
        let sel = selector("time[datetime]")?;
        doc.select(&sel)
            .filter_map(|t| t.attr("datetime"))
            .map(str::to_string)
            .next()
    });
    if let Some(p) = published {
        set_published(&mut article, "meta", &p);
    }
    article.text = main_text(&doc).join("\n\n");
    finish(article, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_preferred_and_noise_dropped() {
        let html = r#"<!doctype html><html><head>
            <title>Page title | Site</title>
            <meta property="og:title" content="Real &amp; title">
            <meta property="article:published_time" content="2022-05-30T09:00:00+07:00">
            <meta property="og:site_name" content="Example Times">
            <link rel="canonical" href="https://example.org/a">
            <style>p { color: red }</style></head>
            <body><nav>Home | World</nav><header><h1>Banner</h1></header>
            <article><h1>Headline  here</h1><p>First   paragraph
            continues &eacute; here.</p><script>var x = 1;</script>
            <aside>Related stories</aside><p>Second <b>bold</b> paragraph.</p></article>
            <footer>Copyright</footer></body></html>"#;
        let a = parse_html("a.html", html, Vec::new()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Real & title"));
        assert_eq!(a.source.as_deref(), Some("Example Times"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2022-05-30")
        );
        assert_eq!(
            a.text,
            "Headline here\n\nFirst paragraph continues é here.\n\nSecond bold paragraph."
        );
    }

    #[test]
    fn only_scripts_is_no_text() {
        let e = parse_html(
            "a.html",
            "<html><head><script>alert(1)</script></head><body><script>x()</script><style>a{}</style></body></html>",
            Vec::new(),
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "no article text");
    }

    #[test]
    fn time_element_and_title_fallbacks() {
        let html = "<body><h1>Only heading</h1><main><time datetime=\"2017-01-10\">10 Jan</time><p>Body.</p></main></body>";
        let a = parse_html("a.htm", html, Vec::new()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Only heading"));
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2017-01-10")
        );
        assert_eq!(a.text, "10 Jan\n\nBody.");
    }

    #[test]
    fn deep_nesting_reads_up_to_the_limit_and_is_refused_beyond() {
        let nested = |depth: usize| {
            format!(
                "{}<p>deep text</p>{}",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        };
        let a = parse_html("a.html", &nested(MAX_HTML_DEPTH - 1), Vec::new()).unwrap();
        assert_eq!(a.text, "deep text");
        // Far beyond it: a clear refusal, never a stack overflow or a hang.
        let e = parse_html("a.html", &nested(20_000), Vec::new()).unwrap_err();
        assert!(e.to_string().contains("deeper than 1024 levels"), "{e}");
    }

    #[test]
    fn json_ld_date() {
        let html = r#"<script type="application/ld+json">{"@graph":[{"datePublished":"2023-09-27T10:00:00Z"}]}</script><p>Text.</p>"#;
        let a = parse_html("a.html", html, Vec::new()).unwrap();
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2023-09-27")
        );
    }
}
