//! The egui window. INTERFACE STUB: filled by the app helper.

pub mod map;

/// Open the window. (Replaced by the app helper's implementation.)
pub fn run(
    _paths: Vec<std::path::PathBuf>,
    _screenshot: Option<std::path::PathBuf>,
) -> anyhow::Result<()> {
    anyhow::bail!("the window is not built yet; use `border-atlas extract`")
}
