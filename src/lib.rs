//! Border Atlas: Cambodia–Laos cross-border cooperation events extracted from
//! news articles, shown on a map and a timeline.
//!
//! Data flows one way (see the README's "Layout of the code"):
//! files ─[`load`]→ [`model::Article`] ─[`extract`]→ [`model::Event`]s ─[`corpus`]→ indexes ─[`app`]→ views.
//! Everything but [`app`] is free of UI types; [`extract`] is pure.

#[cfg(feature = "gui")]
pub mod app;
pub mod atomic;
pub mod cli;
pub mod corpus;
pub mod corrections;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod geo;
pub mod load;
pub mod merge;
pub mod model;
pub mod sample;
pub mod workbench;
pub mod workspace;
