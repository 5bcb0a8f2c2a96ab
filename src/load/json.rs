//! JSON (`.json`): one article object, or an array of them.
//!
//! Fields (keys matched case-insensitively): `title`, `source`, `url`,
//! `published` (or `date`), and the body in `text` (or `body`, or `content`).
//! Unknown fields are ignored. A metadata field of the wrong type is ignored
//! with a warning; a missing or non-string body makes that element fail.

use serde_json::{Map, Value};

use crate::model::Article;

use super::fields::{clean_field, finish, set_published};
use super::{Elements, LoadError};

/// Describe a JSON value's type for error messages ("a number", "an array").
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Articles read from one JSON array at most. The articles of a 32 MB file
/// of real news number a few thousand; a file of millions of tiny elements
/// would otherwise cost far more memory than its size (every article carries
/// its own events and indexes). The elements past the limit are still read
/// for well-formedness, one at a time, and counted.
pub const MAX_ARTICLES_PER_FILE: usize = 50_000;

/// Failed elements of one array listed one by one; the rest are counted in
/// one line ("and 15,999,900 more …").
pub const MAX_ELEMENT_FAILURES: usize = 100;

fn looks_like_article(map: &Map<String, Value>) -> bool {
    get(map, &["text", "body", "content", "title", "headline"]).is_some()
}

fn not_articles() -> LoadError {
    LoadError::NotArticle(
        "JSON without article fields: no \"text\", \"body\" or \"content\"".to_string(),
    )
}

/// Parse a whole JSON file. The outer error is for the file; each element of
/// an array gets its own result (with its own path).
///
/// An array is read one element at a time, so memory follows what is kept
/// (at most [`MAX_ARTICLES_PER_FILE`] articles and
/// [`MAX_ELEMENT_FAILURES`] failures), not the number of elements.
pub(crate) fn parse_json(
    path: &str,
    text: &str,
    warnings: Vec<String>,
) -> Result<Elements, LoadError> {
    if text.trim_start().starts_with('[') {
        return parse_array(path, text, warnings);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| malformed(&e))?;
    match value {
        // JSON that is not articles at all (a settings file, annotations...):
        // one failure for the file rather than one per element.
        Value::Object(map) if !looks_like_article(&map) && !map.is_empty() => Err(not_articles()),
        Value::Object(map) => Ok(vec![(path.to_string(), parse_object(path, &map, warnings))]),
        other => Err(LoadError::Shape(format!(
            "expected an article object or an array of them; found {}",
            kind(&other)
        ))),
    }
}

/// What an array's elements came to, gathered while it streams by.
struct ArrayTally<'a> {
    path: &'a str,
    warnings: Vec<String>,
    kept: Elements,
    articles: usize,
    failures: usize,
    elements: usize,
    /// Elements past [`MAX_ARTICLES_PER_FILE`] articles: read, not kept.
    unread: usize,
    /// Failures past [`MAX_ELEMENT_FAILURES`]: counted, not kept.
    unlisted: usize,
    any_object: bool,
    any_article: bool,
}

impl<'de> serde::de::Visitor<'de> for &mut ArrayTally<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of article objects")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            if self.articles >= MAX_ARTICLES_PER_FILE {
                match seq.next_element::<serde::de::IgnoredAny>()? {
                    Some(_) => self.unread += 1,
                    None => return Ok(()),
                }
                continue;
            }
            let Some(item) = seq.next_element::<Value>()? else {
                return Ok(());
            };
            self.elements += 1;
            // Numbered from 1; a one-element array is renamed to the file at the end.
            let p = format!("{}#{}", self.path, self.elements);
            let result = match &item {
                Value::Object(map) => {
                    self.any_object = true;
                    self.any_article |= looks_like_article(map);
                    parse_object(&p, map, self.warnings.clone())
                }
                other => Err(LoadError::Shape(format!(
                    "expected an article object; found {}",
                    kind(other)
                ))),
            };
            match result {
                Ok(_) => self.articles += 1,
                Err(_) if self.failures >= MAX_ELEMENT_FAILURES => {
                    self.unlisted += 1;
                    continue;
                }
                Err(_) => self.failures += 1,
            }
            self.kept.push((p, result));
        }
    }
}

fn parse_array(path: &str, text: &str, warnings: Vec<String>) -> Result<Elements, LoadError> {
    let mut tally = ArrayTally {
        path,
        warnings,
        kept: Vec::new(),
        articles: 0,
        failures: 0,
        elements: 0,
        unread: 0,
        unlisted: 0,
        any_object: false,
        any_article: false,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    serde::Deserializer::deserialize_seq(&mut de, &mut tally).map_err(|e| malformed(&e))?;
    de.end().map_err(|e| malformed(&e))?;
    if tally.elements == 0 {
        return Err(LoadError::Shape(
            "empty JSON array: no articles".to_string(),
        ));
    }
    if tally.any_object && !tally.any_article {
        return Err(not_articles());
    }
    let mut kept = tally.kept;
    if tally.elements == 1 && tally.unread == 0 {
        if let Some(only) = kept.first_mut() {
            only.0 = path.to_string();
            if let Ok(article) = &mut only.1 {
                article.path = path.to_string();
            }
        }
    }
    if tally.unlisted > 0 {
        kept.push((
            path.to_string(),
            Err(LoadError::FailuresNotListed {
                count: tally.unlisted,
                listed: MAX_ELEMENT_FAILURES,
            }),
        ));
    }
    if tally.unread > 0 {
        kept.push((
            path.to_string(),
            Err(LoadError::TooManyArticles {
                limit: MAX_ARTICLES_PER_FILE,
                unread: tally.unread,
            }),
        ));
    }
    Ok(kept)
}

fn malformed(e: &serde_json::Error) -> LoadError {
    let full = e.to_string();
    // serde_json appends " at line L column C"; we format the location ourselves.
    let msg = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_string(),
        None => full,
    };
    let msg = if e.is_eof() {
        format!("{msg} (the file may be truncated)")
    } else {
        msg
    };
    LoadError::MalformedJson {
        line: e.line(),
        column: e.column(),
        message: msg,
    }
}

fn get<'a>(map: &'a Map<String, Value>, names: &[&str]) -> Option<(&'a str, &'a Value)> {
    for name in names {
        if let Some((k, v)) = map.get_key_value(*name) {
            return Some((k.as_str(), v));
        }
    }
    map.iter()
        .find(|(k, _)| names.iter().any(|n| k.eq_ignore_ascii_case(n)))
        .map(|(k, v)| (k.as_str(), v))
}

fn parse_object(
    path: &str,
    map: &Map<String, Value>,
    warnings: Vec<String>,
) -> Result<Article, LoadError> {
    let mut article = Article {
        path: path.to_string(),
        warnings,
        ..Article::default()
    };
    let text = match get(map, &["text", "body", "content"]) {
        Some((_, Value::String(s))) => s.as_str(),
        Some((name, other)) => {
            return Err(LoadError::Shape(format!(
                "field \"{name}\": expected a string, found {}",
                kind(other)
            )))
        }
        None => {
            return Err(LoadError::NoText(Some(
                "no \"text\", \"body\" or \"content\" field".to_string(),
            )))
        }
    };
    for (field, names) in [
        ("title", &["title", "headline"][..]),
        ("source", &["source"][..]),
        ("URL", &["url", "link"][..]),
    ] {
        match get(map, names) {
            Some((_, Value::String(s))) => {
                let value = clean_field(field, s, &mut article.warnings);
                match field {
                    "title" => article.title = value,
                    "source" => article.source = value,
                    _ => article.url = value,
                }
            }
            Some((_, Value::Null)) | None => {}
            Some((name, other)) => article.warnings.push(format!(
                "field \"{name}\" ignored: expected a string, found {}",
                kind(other)
            )),
        }
    }
    match get(map, &["published", "date"]) {
        Some((_, Value::String(s))) => set_published(&mut article, "published", s),
        Some((_, Value::Null)) | None => {}
        Some((name, other)) => article.warnings.push(format!(
            "field \"{name}\" ignored: expected a date string, found {}",
            kind(other)
        )),
    }
    // JSON strings may hold NUL and carriage returns like any file would.
    let mut body = super::decode::normalize_newlines(text.to_string());
    let nuls = body.bytes().filter(|&b| b == 0).count();
    if nuls > 0 {
        body.retain(|c| c != '\0');
        article
            .warnings
            .push(format!("removed {nuls} NUL character(s) from the text"));
    }
    article.text = body;
    finish(article, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object() {
        let got = parse_json(
            "a.json",
            r#"{"title":"T","published":"2022-05-30","body":"Hello."}"#,
            Vec::new(),
        )
        .unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "a.json");
        let a = got[0].1.as_ref().unwrap();
        assert_eq!(a.text, "Hello.");
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2022-05-30")
        );
    }

    #[test]
    fn array_elements_get_numbered_paths_and_own_errors() {
        let got = parse_json(
            "a.json",
            r#"[{"text":"One."}, 5, {"title":"x"}]"#,
            Vec::new(),
        )
        .unwrap();
        let paths: Vec<&str> = got.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["a.json#1", "a.json#2", "a.json#3"]);
        assert!(got[0].1.is_ok());
        assert_eq!(
            got[1].1.as_ref().unwrap_err().to_string(),
            "expected an article object; found a number"
        );
        assert!(got[2]
            .1
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("no article text"));
    }

    #[test]
    fn wrong_shape_and_malformed() {
        let e = parse_json("a.json", "42", Vec::new()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "expected an article object or an array of them; found a number"
        );
        let e = parse_json("a.json", "{\n  \"text\": \"x\",\n  oops\n}", Vec::new()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "malformed JSON at line 3, column 3: key must be a string"
        );
        let e = parse_json("a.json", "[{\"text\": \"abc", Vec::new()).unwrap_err();
        assert!(e.to_string().contains("truncated"), "{e}");
    }

    #[test]
    fn json_that_is_not_articles_fails_once() {
        let e = parse_json(
            "gold.json",
            r#"[{"file": "a.txt", "events": []}, {"file": "b.txt"}]"#,
            Vec::new(),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "not an article file (JSON without article fields: no \"text\", \"body\" or \"content\")"
        );
        assert!(parse_json("c.json", r#"{"name": "x"}"#, Vec::new()).is_err());
    }

    #[test]
    fn a_one_element_array_is_the_file_itself() {
        let got = parse_json("a.json", r#"[{"text":"One."}]"#, Vec::new()).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "a.json");
        assert_eq!(got[0].1.as_ref().unwrap().path, "a.json");
    }

    #[test]
    fn failed_elements_past_the_listed_ones_are_counted_in_one_line() {
        let n = MAX_ELEMENT_FAILURES + 250;
        let text = format!("[{{\"text\":\"One.\"}},{}]", vec!["0"; n].join(","));
        let got = parse_json("many.json", &text, Vec::new()).unwrap();
        // One article, the listed failures, and one line for the rest.
        assert_eq!(got.len(), 1 + MAX_ELEMENT_FAILURES + 1);
        let last = got.last().unwrap();
        assert_eq!(last.0, "many.json");
        assert_eq!(
            last.1.as_ref().unwrap_err().to_string(),
            "and 250 more elements that failed (only the first 100 are listed)"
        );
    }

    #[test]
    fn articles_past_the_limit_are_not_read_and_said_so() {
        let n = MAX_ARTICLES_PER_FILE + 1_234;
        let text = format!("[{}]", vec![r#"{"text":"x"}"#; n].join(","));
        let got = parse_json("big.json", &text, Vec::new()).unwrap();
        assert_eq!(got.len(), MAX_ARTICLES_PER_FILE + 1);
        assert!(got[..MAX_ARTICLES_PER_FILE].iter().all(|(_, r)| r.is_ok()));
        assert_eq!(
            got[MAX_ARTICLES_PER_FILE].1.as_ref().unwrap_err().to_string(),
            "more than 50,000 articles in one file: the first 50,000 were read, 1,234 more elements were not"
        );
        // What follows the limit must still be well-formed JSON.
        let broken = format!("[{},{{oops}}]", vec![r#"{"text":"x"}"#; n].join(","));
        assert!(parse_json("big.json", &broken, Vec::new()).is_err());
    }
}
