//! Bundled fonts: Noto Sans Khmer and Noto Sans Lao (SIL OFL 1.1, `assets/fonts/OFL.txt`)
//! as fallbacks after egui's default fonts, so province names and article text in Khmer
//! and Lao script render (egui 0.37 shapes complex scripts).

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const KHMER: &[u8] = include_bytes!("../../assets/fonts/NotoSansKhmer-Regular.ttf");
const LAO: &[u8] = include_bytes!("../../assets/fonts/NotoSansLao-Regular.ttf");

/// egui's default fonts plus the Khmer and Lao fallbacks.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [("noto-sans-khmer", KHMER), ("noto-sans-lao", LAO)] {
        fonts
            .font_data
            .insert(name.to_string(), Arc::new(FontData::from_static(bytes)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_string());
        }
    }
    fonts
}

pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    #[test]
    fn khmer_and_lao_are_fallbacks_of_both_families() {
        let defs = super::definitions();
        for fam in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            let list = &defs.families[&fam];
            assert!(list.iter().any(|f| f == "noto-sans-khmer"));
            assert!(list.iter().any(|f| f == "noto-sans-lao"));
        }
        assert!((*defs.font_data["noto-sans-khmer"].font).as_ref().len() > 10_000);
    }
}
