//! The set of loaded articles and their events, with indexes. INTERFACE STUB: filled by the app helper.
