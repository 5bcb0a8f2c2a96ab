//! Property tests: the extractor returns (never panics) on any text, and every
//! evidence span slices the text exactly. Set PROPTEST_CASES to run longer.

use border_atlas::extract::{extract, extract_text};
use border_atlas::model::{Article, PartialDate};
use proptest::prelude::*;

/// Fragments that reach deep into the extractor: places, dates, triggers, quotes, datelines.
const FRAGMENTS: &[&str] = &[
    "Stung Treng",
    "Champassak",
    "Attapue",
    "Preah Vihear temple",
    "Sekong River",
    "Vientiane",
    "Phnom Penh",
    "Khong district",
    "Laos",
    "Cambodia",
    "Hun Sen",
    "met",
    "signed an agreement",
    "handed over",
    "visited",
    "on May 27",
    "27-28 May 2022",
    "yesterday",
    "last week",
    "November last year",
    "on Tuesday",
    "in 2019",
    "US$10 million in 2000",
    "told reporters on Friday",
    "During the meeting,",
    "“",
    "”",
    ".",
    ". ",
    "\n",
    "\n\n",
    ",",
    " ",
    "PHNOM PENH (AKP) --",
    "ខេត្តស្ទឹងត្រែង",
    "ແຂວງຈຳປາສັກ",
    "é",
    "\u{202E}",
    "\0",
    "Feb.",
    "Dr.",
    "(",
    ")",
    "–",
    "—",
    "could not be reached",
    "has been",
    "2024-13-45",
    "29 February",
    "XXXX",
];

fn check(text: &str, published: Option<PartialDate>) {
    for e in extract_text(text, published) {
        assert_eq!(
            text.get(e.evidence.start..e.evidence.end),
            Some(e.evidence.sentence.as_str())
        );
        assert!(!e.summary.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000)
    ))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>(), y in 1990i32..2030, m in 1u32..13, d in 1u32..29) {
        check(&text, None);
        check(&text, PartialDate::ymd(y, m, d));
    }

    #[test]
    fn arbitrary_bytes_as_lossy_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        check(&text, None);
    }

    #[test]
    fn structured_fragments_never_panic(idx in proptest::collection::vec(0usize..FRAGMENTS.len(), 0..80), y in 1990i32..2030) {
        let text: String = idx.iter().map(|&i| FRAGMENTS[i]).collect::<Vec<_>>().join(" ");
        check(&text, None);
        check(&text, PartialDate::ymd(y, 6, 15));
        let article = Article { path: "p.txt".into(), text: text.clone(), url: Some(format!("https://x.org/{y}/06/")), ..Default::default() };
        for e in extract(&article) {
            prop_assert_eq!(text.get(e.evidence.start..e.evidence.end), Some(e.evidence.sentence.as_str()));
        }
    }
}
