//! Show what the extractor reads in each sentence of an article file:
//! `cargo run --example explain -- FILE [YYYY-MM-DD]`.

use anyhow::Context;
use border_atlas::model::PartialDate;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().context("usage: explain FILE [PUBLISHED]")?;
    let articles = border_atlas::load::load_file(std::path::Path::new(&path))
        .map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
    let published: Option<PartialDate> = args.next().and_then(|d| d.parse().ok());
    for a in articles {
        let p = published.or(a.published.map(PartialDate::from_naive));
        println!(
            "== {}\n{}",
            a.path,
            border_atlas::extract::explain(&a.text, p)
        );
    }
    Ok(())
}
