//! Place names → provinces. INTERFACE STUB: the gazetteer helper replaces the bodies.

use crate::model::ProvinceId;

/// What kind of place a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Province,
    Capital,
    District,
    Town,
    Landmark,
    Checkpoint,
    /// A river: never links a province (the "Sekong River" trap).
    River,
    /// A country name or demonym ("Laos", "Lao", "Cambodian").
    Country,
    /// A landmark that is not a Cambodia–Laos place although it names one (Preah Vihear temple).
    Trap,
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Canonical English name ("Khong district", "Pakse").
    pub name: String,
    pub kind: PlaceKind,
    /// The province it resolves to, if any.
    pub province: Option<ProvinceId>,
    /// ISO 3166-1 country code ("LA", "KH", "TH", "VN", ...).
    pub country: String,
}

/// A province with its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvinceInfo {
    pub id: ProvinceId,
    pub name: String,
    pub country: String,
    pub capital: String,
    /// Khmer or Lao script name.
    pub native_name: String,
}

/// A place name found in a text: `text[start..end]` is the matched spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceMatch<'g> {
    pub start: usize,
    pub end: usize,
    pub place: &'g Place,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    provinces: Vec<ProvinceInfo>,
}

/// The built-in gazetteer (parsed once from `assets/gazetteer.tsv`).
pub fn gazetteer() -> &'static Gazetteer {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(Gazetteer::default)
}

impl Gazetteer {
    pub fn provinces(&self) -> &[ProvinceInfo] {
        &self.provinces
    }
    pub fn province(&self, id: &str) -> Option<&ProvinceInfo> {
        self.provinces.iter().find(|p| p.id.as_str() == id)
    }
    /// Non-overlapping, leftmost-longest, whole-word matches in text order.
    pub fn find<'g>(&'g self, _text: &str) -> Vec<PlaceMatch<'g>> {
        Vec::new()
    }
}
