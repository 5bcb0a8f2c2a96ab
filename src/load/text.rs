//! Plain text (`.txt`) with an optional header, and Markdown (`.md`) with
//! optional front matter.

use crate::model::Article;

use super::fields::{clean_field, finish, set_published};
use super::LoadError;

/// The metadata keys a header or front matter may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Title,
    Source,
    Url,
    Published,
    Ignored,
}

fn header_key(key: &str) -> Option<Key> {
    let k = key.trim().to_ascii_lowercase();
    Some(match k.as_str() {
        "title" => Key::Title,
        "source" => Key::Source,
        "url" => Key::Url,
        "published" | "date" => Key::Published,
        "author" => Key::Ignored,
        _ => return None,
    })
}

/// Split `line` into a known key and its value (`Title: ...`).
fn header_line(line: &str) -> Option<(Key, &str)> {
    let (k, v) = line.split_once(':')?;
    // Keys are short words: do not scan a 10 MB line for one.
    if k.len() > 16 {
        return None;
    }
    Some((header_key(k)?, v.trim()))
}

fn apply(article: &mut Article, key: Key, value: &str, origin: &str) {
    let value = unquote(value);
    match key {
        Key::Title => article.title = clean_field("title", value, &mut article.warnings),
        Key::Source => article.source = clean_field("source", value, &mut article.warnings),
        Key::Url => article.url = clean_field("URL", value, &mut article.warnings),
        Key::Published => set_published(article, origin, value),
        Key::Ignored => {}
    }
}

fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// Parse the optional `Key: value` header at the very top of `text`.
/// Returns the byte offset where the body starts and whether a header was found.
fn parse_header(text: &str, article: &mut Article) -> (usize, bool) {
    let mut offset = 0usize;
    let mut seen = false;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            if seen {
                // The blank line ends the header.
                return (offset + line.len(), true);
            }
            return (0, false);
        }
        match header_line(content) {
            Some((key, value)) => {
                apply(article, key, value, "header");
                seen = true;
                offset += line.len();
            }
            // A non-header line: either there is no header, or the header
            // ended without its blank line; the body starts here.
            None => return (if seen { offset } else { 0 }, seen),
        }
    }
    (offset, seen)
}

/// `.txt`: optional header, then the body.
pub(crate) fn parse_txt(
    path: &str,
    text: &str,
    warnings: Vec<String>,
) -> Result<Article, LoadError> {
    let mut article = Article {
        path: path.to_string(),
        warnings,
        ..Article::default()
    };
    let (start, had_header) = parse_header(text, &mut article);
    article.text = text.get(start..).unwrap_or("").to_string();
    finish(article, had_header)
}

/// `.md`: optional front matter between `---` lines (simple `key: value`
/// pairs, optional quotes); without it, the `.txt` header is accepted. Leading
/// `#` heading markers are removed from the body; when no title is given, the
/// first level-one heading is the title.
pub(crate) fn parse_md(
    path: &str,
    text: &str,
    warnings: Vec<String>,
) -> Result<Article, LoadError> {
    let mut article = Article {
        path: path.to_string(),
        warnings,
        ..Article::default()
    };
    let (start, had_header) = match front_matter(text) {
        FrontMatter::None => parse_header(text, &mut article),
        FrontMatter::Unclosed => {
            article
                .warnings
                .push("front matter is not closed by a --- line; read as text".to_string());
            (0, false)
        }
        FrontMatter::Toml { body, end } => {
            apply_toml(&mut article, body);
            (end, true)
        }
        FrontMatter::Block { body, end } => {
            let lines: Vec<&str> = body.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                // Top-level keys only: indented lines belong to the key above.
                if line.starts_with([' ', '\t']) {
                    continue;
                }
                let Some((k, v)) = line.split_once(':') else {
                    continue;
                };
                let Some(key) = (k.len() <= 16).then(|| header_key(k)).flatten() else {
                    continue;
                };
                let v = v.trim();
                if matches!(v, "" | ">" | "|" | ">-" | "|-" | ">+" | "|+") {
                    // A YAML block scalar: the value is the indented lines below.
                    let folded: Vec<&str> = lines
                        .iter()
                        .skip(i + 1)
                        .take_while(|l| l.starts_with([' ', '\t']) || l.trim().is_empty())
                        .map(|l| l.trim())
                        .collect();
                    apply(&mut article, key, &folded.join(" "), "front matter");
                } else {
                    apply(&mut article, key, v, "front matter");
                }
            }
            (end, true)
        }
    };
    let body = text.get(start..).unwrap_or("");
    let mut out = String::with_capacity(body.len());
    let mut first_h1: Option<&str> = None;
    for line in body.split_inclusive('\n') {
        match strip_heading(line) {
            Some((level, rest)) => {
                if level == 1 && first_h1.is_none() {
                    first_h1 = Some(rest.trim());
                }
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
    }
    if article.title.is_none() {
        if let Some(h1) = first_h1 {
            article.title = clean_field("title", h1, &mut article.warnings);
        }
    }
    article.text = out;
    finish(article, had_header)
}

enum FrontMatter<'a> {
    None,
    Unclosed,
    /// YAML-style `---` … `---`.
    Block {
        body: &'a str,
        end: usize,
    },
    /// TOML `+++` … `+++` (Hugo).
    Toml {
        body: &'a str,
        end: usize,
    },
}

fn front_matter(text: &str) -> FrontMatter<'_> {
    let Some(first_end) = text.find('\n') else {
        return FrontMatter::None;
    };
    let fence = match text.get(..first_end).map(str::trim_end) {
        Some("---") => "---",
        Some("+++") => "+++",
        _ => return FrontMatter::None,
    };
    let inner_start = first_end + 1;
    let mut offset = inner_start;
    for line in text.get(inner_start..).unwrap_or("").split_inclusive('\n') {
        let content = line.trim_end();
        if content == fence || (fence == "---" && content == "...") {
            let body = text.get(inner_start..offset).unwrap_or("");
            let end = offset + line.len();
            return if fence == "+++" {
                FrontMatter::Toml { body, end }
            } else {
                FrontMatter::Block { body, end }
            };
        }
        offset += line.len();
    }
    FrontMatter::Unclosed
}

/// Read TOML front matter (Hugo's `+++` block) with a TOML parser: `title`,
/// `source`, `url`, `date` / `published` (a TOML date-time or a string).
fn apply_toml(article: &mut Article, body: &str) {
    let table: toml::Table = match toml::from_str(body) {
        Ok(t) => t,
        Err(e) => {
            let first = e.to_string();
            let first = first.lines().next().unwrap_or("").to_string();
            article.warnings.push(format!(
                "TOML front matter could not be read ({first}); title and date left empty"
            ));
            return;
        }
    };
    for (k, v) in &table {
        let Some(key) = header_key(k) else {
            continue;
        };
        let value = match v {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            other => {
                article.warnings.push(format!(
                    "TOML front matter key {k:?} is not text (TOML {}): ignored",
                    other.type_str()
                ));
                continue;
            }
        };
        apply(article, key, &value, "front matter");
    }
}

/// `## Heading` → `(2, "Heading\n")`; `#hashtag` is not a heading.
fn strip_heading(line: &str) -> Option<(usize, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = line.get(hashes..)?;
    if rest.starts_with([' ', '\t']) {
        Some((hashes, rest.trim_start_matches([' ', '\t'])))
    } else if rest.trim().is_empty() {
        Some((hashes, rest))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn header_then_body() {
        let a = parse_txt(
            "a.txt",
            "title: Talks in Pakse\nSOURCE: Example News\nURL: https://example.org/x\nPublished: 2022-05-30\nAuthor: Someone\n\nBody line one.\nBody line two.\n",
            Vec::new(),
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Talks in Pakse"));
        assert_eq!(a.source.as_deref(), Some("Example News"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2022, 5, 30));
        assert_eq!(a.text, "Body line one.\nBody line two.");
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn no_header_means_all_body() {
        let a = parse_txt("a.txt", "Plain text: with a colon.\n\nMore.", Vec::new()).unwrap();
        assert_eq!(a.title, None);
        assert_eq!(a.text, "Plain text: with a colon.\n\nMore.");
    }

    #[test]
    fn header_without_blank_line_ends_at_first_body_line() {
        let a = parse_txt("a.txt", "Title: T\nThe body.", Vec::new()).unwrap();
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.text, "The body.");
    }

    #[test]
    fn header_only_is_no_text() {
        let e = parse_txt("a.txt", "Title: T\nDate: 2020-01-01\n\n  \n", Vec::new()).unwrap_err();
        assert_eq!(e.to_string(), "no article text (only a header)");
    }

    #[test]
    fn markdown_front_matter_and_headings() {
        let md = "---\ntitle: \"Checkpoint opens\"\ndate: '2017-01-10'\nsource: Example\ntags: [a, b]\n---\n# Checkpoint opens\n\nThe checkpoint opened.\n## Details\nMore.\n";
        let a = parse_md("a.md", md, Vec::new()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Checkpoint opens"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2017, 1, 10));
        assert_eq!(
            a.text,
            "Checkpoint opens\n\nThe checkpoint opened.\nDetails\nMore."
        );
    }

    #[test]
    fn markdown_block_scalar_title() {
        let md = "---\ntitle: >\n  A folded\n  long title\nsource: S\n---\nBody.";
        let a = parse_md("a.md", md, Vec::new()).unwrap();
        assert_eq!(a.title.as_deref(), Some("A folded long title"));
        assert_eq!(a.source.as_deref(), Some("S"));
    }

    #[test]
    fn markdown_title_from_first_heading() {
        let a = parse_md("a.md", "Intro.\n# Main title\nText #tag.", Vec::new()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Main title"));
        assert_eq!(a.text, "Intro.\nMain title\nText #tag.");
    }

    #[test]
    fn markdown_unclosed_front_matter_warns() {
        let a = parse_md("a.md", "---\ntitle: x\nbody", Vec::new()).unwrap();
        assert!(a.warnings[0].contains("not closed"));
        assert_eq!(a.title, None);
    }
}
