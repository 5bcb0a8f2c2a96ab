//! Open the window (or take a screenshot): `cargo run --example app_preview -- [--screenshot OUT.png] [FILES]`.
fn main() -> anyhow::Result<()> {
    let mut args: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let mut screenshot = None;
    if let Some(i) = args.iter().position(|a| a.as_os_str() == "--screenshot") {
        if i + 1 < args.len() {
            screenshot = Some(args.remove(i + 1));
        }
        args.remove(i);
    }
    border_atlas::app::run(args, screenshot)
}
