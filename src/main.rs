//! `border-atlas`: thin binary over the library. No subcommand opens the window;
//! `extract` prints the events of the given files as JSON on stdout.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use border_atlas::cli;

#[derive(Parser, Debug)]
#[command(
    name = "border-atlas",
    version,
    about = "An atlas of Cambodia–Laos cross-border cooperation, extracted from news articles",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Article files or folders to open (the bundled sample articles when none).
    files: Vec<PathBuf>,
    /// Render the window once, save it as a PNG and exit.
    #[arg(long, value_name = "OUT.png")]
    screenshot: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the events extracted from FILES_OR_DIRS as JSON on stdout.
    Extract {
        /// Publication date (YYYY-MM-DD) for articles whose header gives none.
        #[arg(long, value_name = "D")]
        reference_date: Option<chrono::NaiveDate>,
        /// Also merge the same event reported by several articles (top-level "events").
        #[arg(long, conflicts_with = "jsonl")]
        merge: bool,
        /// One JSON object per line, written as each article is done: the
        /// article objects of "articles", and {"path", "error"} for failures.
        #[arg(long)]
        jsonl: bool,
        /// Article files or folders; `-` reads article paths or article JSON
        /// objects from standard input, one per line.
        #[arg(required = true, value_name = "FILES_OR_DIRS")]
        files: Vec<PathBuf>,
    },
    /// Show, sentence by sentence, what the extractor read in FILE (dates with
    /// their values, places, triggers, cues) and which sentences form each event.
    Explain {
        /// Publication date (YYYY-MM-DD) to use when the article gives none.
        #[arg(long, value_name = "D")]
        reference_date: Option<chrono::NaiveDate>,
        /// An article file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// The inputs of `extract`: the paths given, with `-` replaced by the lines
/// of standard input, read lazily.
fn inputs(files: &[PathBuf]) -> impl Iterator<Item = cli::Input> + '_ {
    use std::io::BufRead;
    files
        .iter()
        .flat_map(|f| -> Box<dyn Iterator<Item = cli::Input>> {
            if f.as_os_str() == "-" {
                let lines = std::io::stdin().lock().lines().map_while(Result::ok);
                Box::new(
                    lines
                        .enumerate()
                        .filter_map(|(i, l)| cli::parse_input_line(&l, i + 1)),
                )
            } else {
                Box::new(std::iter::once(cli::Input::Path(f.clone())))
            }
        })
}

fn extract_jsonl(files: &[PathBuf], options: &cli::ExtractOptions) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut report_failure = |f: &border_atlas::load::LoadFailure| {
        if !f.is_skip() {
            eprintln!(
                "border-atlas: {}: {}",
                cli::one_line(&f.path),
                cli::one_line(&f.error.to_string())
            );
        }
    };
    match cli::extract_jsonl(inputs(files), options, &mut out, &mut report_failure) {
        Ok(summary) if summary.failed == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(2),
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("border-atlas: {}", cli::terminal_safe(&format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}

/// Whether an error comes from writing to a pipe whose reader has gone.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(Command::Extract {
            reference_date,
            merge,
            jsonl,
            files,
        }) => {
            let options = cli::ExtractOptions {
                reference_date,
                merge,
            };
            if jsonl {
                return extract_jsonl(&files, &options);
            }
            let report = if files.iter().any(|f| f.as_os_str() == "-") {
                let inputs: Vec<cli::Input> = inputs(&files).collect();
                cli::extract_inputs(&inputs, &options)
            } else {
                cli::extract_paths(&files, &options)
            };
            // Non-article files skipped inside folders are listed but are not load failures.
            let ok = report.errors.iter().all(|e| e.is_skip());
            // Buffered: stdout alone is line-buffered, a write call per line
            // of pretty JSON.
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let written = serde_json::to_writer_pretty(&mut out, &report)
                .context("writing JSON to stdout")
                .and_then(|_| writeln!(out).context("writing to stdout"))
                .and_then(|_| out.flush().context("writing to stdout"));
            if let Err(e) = written {
                // `extract … | head`: the reader has all it wants (as ripgrep does).
                if broken_pipe(&e) {
                    return ExitCode::SUCCESS;
                }
                eprintln!("border-atlas: {}", cli::terminal_safe(&format!("{e:#}")));
                return ExitCode::from(1);
            }
            for e in report.errors.iter().filter(|e| !e.is_skip()) {
                eprintln!(
                    "border-atlas: {}: {}",
                    cli::one_line(&e.path),
                    cli::one_line(&e.error.to_string())
                );
            }
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
        Some(Command::Explain {
            reference_date,
            file,
        }) => match cli::explain_file(&file, reference_date) {
            Ok(text) => {
                let mut out = std::io::stdout().lock();
                match out.write_all(text.as_bytes()) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                    Err(e) => {
                        eprintln!("border-atlas: writing to stdout: {e}");
                        ExitCode::from(1)
                    }
                }
            }
            Err(e) => {
                eprintln!("border-atlas: {}", cli::terminal_safe(&format!("{e:#}")));
                ExitCode::from(2)
            }
        },
        None => open_window(args.files, args.screenshot),
    }
}

#[cfg(feature = "gui")]
fn open_window(files: Vec<PathBuf>, screenshot: Option<PathBuf>) -> ExitCode {
    match border_atlas::app::run(files, screenshot) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("border-atlas: {}", cli::terminal_safe(&format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_files: Vec<PathBuf>, _screenshot: Option<PathBuf>) -> ExitCode {
    eprintln!(
        "border-atlas: this build has no window (built without the `gui` feature); \
         use `border-atlas extract` or `border-atlas explain`"
    );
    ExitCode::from(2)
}
