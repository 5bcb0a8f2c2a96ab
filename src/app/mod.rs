//! The egui window. INTERFACE STUB: filled by the app helper.

pub mod map;
