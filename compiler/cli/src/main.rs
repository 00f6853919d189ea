//! `backworks`: compile a YAML blueprint with JavaScript handlers into a native server.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "backworks",
    version,
    about = "Compile a YAML blueprint with JavaScript handlers into a native axum server"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile the project and write the server project to OUT.
    Build {
        /// The project folder, or its blueprint file.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Where to write the output (default: DIR/out).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Check the project as `build` does, without writing anything.
    Check {
        /// The project folder, or its blueprint file.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value_t)]
        message_format: backworks::commands::MessageFormat,
    },
    /// Build, run the server, and rebuild and restart it whenever the project changes.
    Dev {
        /// The project folder, or its blueprint file.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Where to write the output (default: DIR/out).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print the JSON Schema of the blueprint format.
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ok = match cli.command {
        Command::Build { dir, out } => backworks::commands::build(&dir, out.as_deref()).is_some(),
        Command::Check {
            dir,
            message_format,
        } => backworks::commands::check(&dir, message_format),
        Command::Dev { dir, out } => backworks::commands::dev(&dir, out.as_deref()),
        Command::Schema => {
            let schema = backworks_blueprint::schema();
            println!(
                "{}",
                serde_json::to_string_pretty(&schema).unwrap_or_default()
            );
            true
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
