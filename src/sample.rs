//! The bundled sample articles (embedded in the binary), shown when the app
//! starts with no files. They live in `assets/sample/` and are written for this
//! project about real, documented events of the border.

use crate::load::{load_bytes, LoadError};
use crate::model::Article;

macro_rules! sample {
    ($name:literal) => {
        ($name, include_str!(concat!("../assets/sample/", $name)))
    };
}

/// (file name, contents) of each bundled sample article.
pub const SAMPLES: &[(&str, &str)] = &[
    sample!("2017-01-trapeang-kriel-checkpoint.html"),
    sample!("2017-08-siem-pang-talks.json"),
    sample!("2022-03-vaccine-trucks-handover.txt"),
    sample!("2022-05-khong-border-provinces-meeting.txt"),
    sample!("2023-09-stung-treng-attapeu-accord.md"),
];

/// The sample articles, parsed.
pub fn sample_articles() -> Result<Vec<Article>, LoadError> {
    let mut out = Vec::new();
    for (name, text) in SAMPLES {
        out.extend(load_bytes(&format!("sample/{name}"), text.as_bytes())?);
    }
    Ok(out)
}
