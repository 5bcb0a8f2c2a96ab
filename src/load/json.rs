//! JSON (`.json`): one article object, or an array of them.
//!
//! Fields (keys matched case-insensitively): `title`, `source`, `url`,
//! `published` (or `date`), and the body in `text` (or `body`, or `content`).
//! Unknown fields are ignored. A metadata field of the wrong type is ignored
//! with a warning; a missing or non-string body makes that element fail.

use serde_json::{Map, Value};

use crate::model::Article;

use super::fields::{clean_field, finish, set_published};
use super::LoadError;

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

/// The path of element `index` (0-based) of an array of `len` articles:
/// the file path itself for a single article, else `file.json#N` with N
/// counted from 1.
pub(crate) fn element_path(path: &str, index: usize, len: usize) -> String {
    if len <= 1 {
        path.to_string()
    } else {
        format!("{path}#{}", index + 1)
    }
}

/// Parse a whole JSON file. The outer error is for the file; each element of
/// an array gets its own result (with its own path).
#[allow(clippy::type_complexity)]
pub(crate) fn parse_json(
    path: &str,
    text: &str,
    warnings: Vec<String>,
) -> Result<Vec<(String, Result<Article, LoadError>)>, LoadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| malformed(&e))?;
    let looks_like_article = |v: &Value| {
        matches!(v, Value::Object(map)
            if get(map, &["text", "body", "content", "title", "headline"]).is_some())
    };
    let not_articles = || {
        LoadError::NotArticle(
            "JSON without article fields: no \"text\", \"body\" or \"content\"".to_string(),
        )
    };
    match value {
        // JSON that is not articles at all (a settings file, annotations...):
        // one failure for the file rather than one per element.
        Value::Object(ref map) if !looks_like_article(&value) && !map.is_empty() => {
            Err(not_articles())
        }
        Value::Array(ref items)
            if items.iter().any(|v| matches!(v, Value::Object(_)))
                && !items.iter().any(looks_like_article) =>
        {
            Err(not_articles())
        }
        Value::Object(map) => Ok(vec![(path.to_string(), parse_object(path, &map, warnings))]),
        Value::Array(items) => {
            if items.is_empty() {
                return Err(LoadError::Shape(
                    "empty JSON array: no articles".to_string(),
                ));
            }
            let len = items.len();
            Ok(items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let p = element_path(path, i, len);
                    let result = match item {
                        Value::Object(map) => parse_object(&p, map, warnings.clone()),
                        other => Err(LoadError::Shape(format!(
                            "expected an article object; found {}",
                            kind(other)
                        ))),
                    };
                    (p, result)
                })
                .collect())
        }
        other => Err(LoadError::Shape(format!(
            "expected an article object or an array of them; found {}",
            kind(&other)
        ))),
    }
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
}
