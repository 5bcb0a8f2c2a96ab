//! The bundled sample articles (embedded in the binary), shown when the app starts with no files.

use crate::load::{load_bytes, LoadError};
use crate::model::Article;

/// (file name, contents) of each bundled sample article.
pub const SAMPLES: &[(&str, &str)] = &[];

/// The sample articles, parsed. The lead fills `SAMPLES`; the loader parses them.
pub fn sample_articles() -> Result<Vec<Article>, LoadError> {
    let mut out = Vec::new();
    for (name, text) in SAMPLES {
        out.extend(load_bytes(&format!("sample/{name}"), text.as_bytes())?);
    }
    Ok(out)
}
