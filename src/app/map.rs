//! The province map widget. INTERFACE STUB: the geo helper replaces the bodies.

use std::collections::HashMap;

/// What the map shows this frame (computed by the app from the corpus and the selection).
#[derive(Debug, Default, Clone)]
pub struct MapInput {
    /// Number of events under the current filters, by province id.
    pub counts: HashMap<String, usize>,
    /// The selected province, if any.
    pub selected: Option<String>,
    /// Provinces to highlight (e.g. those of the selected event).
    pub highlighted: Vec<String>,
    /// Cross-border links: (Lao province, Cambodian province, number of events).
    pub links: Vec<(String, String, usize)>,
    /// The selected link, if any.
    pub selected_link: Option<(String, String)>,
}

/// What the user did on the map this frame.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct MapResponse {
    /// `Some(Some(id))`: a province was clicked (or chosen with the keyboard); `Some(None)`: selection cleared.
    pub select_province: Option<Option<String>>,
    /// A cross-border link was clicked.
    pub select_link: Option<(String, String)>,
}

/// Map view state (pan, zoom); persisted with the app.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct MapView {}

impl MapView {
    pub fn ui(&mut self, ui: &mut egui::Ui, _input: &MapInput) -> MapResponse {
        ui.label("map");
        MapResponse::default()
    }
}
