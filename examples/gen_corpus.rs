//! Write a reproducible synthetic corpus of article files:
//! `cargo run --release --example gen_corpus -- --out DIR --count N [--seed S]`.

use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;

#[path = "../benches/support/synth.rs"]
mod synth;

#[derive(Parser)]
struct Args {
    /// Folder to write into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Number of articles.
    #[arg(long, default_value_t = 1000)]
    count: usize,
    /// Seed: the same seed writes the same files.
    #[arg(long, default_value_t = 42)]
    seed: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let files = synth::generate(args.count, args.seed);
    let mut bytes = 0usize;
    for f in &files {
        let path = args.out.join(&f.name);
        std::fs::write(&path, &f.contents)
            .with_context(|| format!("writing {}", path.display()))?;
        bytes += f.contents.len();
    }
    println!(
        "wrote {} articles ({:.1} MB) to {}",
        files.len(),
        bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}
