//! People and bodies that stand for one side: a sentence naming Hun Sen or
//! "the Lao National Assembly" involves that country even when it names no
//! place. Used only to tell which sides an occasion involves, never to link a
//! province.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// (name, ISO 3166-1 country). Leaders and officials who recur in border news.
const ACTORS: &[(&str, &str)] = &[
    ("Hun Sen", "KH"),
    ("Hun Manet", "KH"),
    ("Sar Kheng", "KH"),
    ("Prak Sokhonn", "KH"),
    ("Sok An", "KH"),
    ("Hor Namhong", "KH"),
    ("Tea Banh", "KH"),
    ("Ke Kim Yan", "KH"),
    ("Norodom Sihamoni", "KH"),
    ("Samdech Techo", "KH"),
    ("Khmer", "KH"),
    ("Phnom Penh Post", "KH"),
    ("Thongloun Sisoulith", "LA"),
    ("Thongloun", "LA"),
    ("Sonexay Siphandone", "LA"),
    ("Khamtai Siphandone", "LA"),
    ("Siphandone", "LA"),
    ("Phankham Viphavanh", "LA"),
    ("Bounnhang Vorachith", "LA"),
    ("Thongsing Thammavong", "LA"),
    ("Choummaly Sayasone", "LA"),
    ("Pany Yathotou", "LA"),
    ("Saleumxay Kommasith", "LA"),
    ("Asang Laoly", "LA"),
    ("Pathet Lao", "LA"),
    ("Lao PDR", "LA"),
    // State bodies and utilities that stand for their side.
    ("EDC", "KH"),
    ("Electricite du Cambodge", "KH"),
    ("Electricité du Cambodge", "KH"),
    ("Royal Cambodian Armed Forces", "KH"),
    ("RCAF", "KH"),
    ("Cambodian People's Party", "KH"),
    ("EDL", "LA"),
    ("Electricite du Laos", "LA"),
    ("Electricité du Laos", "LA"),
    ("Lao People's Army", "LA"),
    ("Lao People's Revolutionary Party", "LA"),
];

fn automaton() -> Option<&'static AhoCorasick> {
    static A: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    A.get_or_init(|| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(ACTORS.iter().map(|(n, _)| n))
            .ok()
    })
    .as_ref()
}

/// The countries (`LA`, `KH`) whose actors a sentence names.
pub fn sides(sentence: &str) -> (bool, bool) {
    let (mut lao, mut khmer) = (false, false);
    let Some(ac) = automaton() else {
        return (false, false);
    };
    let bytes = sentence.as_bytes();
    for m in ac.find_iter(sentence) {
        let before_ok = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
        let after_ok = m.end() >= bytes.len() || !bytes[m.end()].is_ascii_alphanumeric();
        if !(before_ok && after_ok) {
            continue;
        }
        match ACTORS[m.pattern().as_usize()].1 {
            "LA" => lao = true,
            _ => khmer = true,
        }
    }
    (lao, khmer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaders_stand_for_their_side() {
        assert_eq!(
            sides("Hun Sen and Thongloun Sisoulith agreed."),
            (true, true)
        );
        assert_eq!(sides("Prime Minister Hun Sen spoke."), (false, true));
        assert_eq!(sides("The Hun Senate"), (false, false));
        assert_eq!(
            sides("EDC signed a deal with EDL in Vientiane."),
            (true, true)
        );
        assert_eq!(sides("The EDCX index rose."), (false, false));
    }
}
