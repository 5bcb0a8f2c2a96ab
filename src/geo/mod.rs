//! Province geometry: embedded outlines, projection, cached triangulation, hit testing.
//! INTERFACE STUB: the geo helper replaces the bodies.

/// One area on the map: a province (`id` ISO 3166-2) or a neighbouring country's land (`id` ISO 3166-1).
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub id: String,
    pub name: String,
    /// `LA` or `KH` for provinces; the country's own code for context land.
    pub country: String,
    /// Outer rings (lon, lat), one per polygon part; holes are not needed.
    pub polygons: Vec<Vec<[f64; 2]>>,
    /// Interior label point (lon, lat).
    pub label: [f64; 2],
    /// Triangulation of `polygons` in (lon, lat): vertices and triangle indices, computed once.
    pub mesh_vertices: Vec<[f64; 2]>,
    pub mesh_indices: Vec<u32>,
}

impl Region {
    pub fn is_province(&self) -> bool {
        self.country == "LA" || self.country == "KH"
    }
}

#[derive(Debug, Default)]
pub struct Geography {
    pub regions: Vec<Region>,
}

/// The built-in geography (parsed and triangulated once).
pub fn geography() -> &'static Geography {
    static G: std::sync::OnceLock<Geography> = std::sync::OnceLock::new();
    G.get_or_init(Geography::default)
}

impl Geography {
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }
    /// The province (not context land) containing (lon, lat).
    pub fn province_at(&self, _lon: f64, _lat: f64) -> Option<&Region> {
        None
    }
}
