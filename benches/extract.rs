//! Extraction throughput on one core: the bundled samples and a synthetic corpus.
//! `cargo bench --bench extract` (criterion reports MB/s through `Throughput::Bytes`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use border_atlas::extract::extract;
use border_atlas::load::load_bytes;
use border_atlas::model::Article;

#[path = "support/synth.rs"]
mod synth;

fn articles_from(files: &[(String, String)]) -> Vec<Article> {
    files
        .iter()
        .filter_map(|(name, text)| load_bytes(name, text.as_bytes()).ok())
        .flatten()
        .collect()
}

fn bench(c: &mut Criterion) {
    let sample: Vec<(String, String)> = border_atlas::sample::SAMPLES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let synthetic: Vec<(String, String)> = synth::generate(2000, 7)
        .into_iter()
        .map(|f| (f.name, f.contents))
        .collect();
    let mut group = c.benchmark_group("extract");
    for (name, files) in [("sample", &sample), ("synthetic-2000", &synthetic)] {
        let articles = articles_from(files);
        let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| articles.iter().map(|a| extract(a).len()).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
