//! `teamstead-relay`: serve, or run an operator's command on the relay's data.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use teamstead_relay::storage::{SqliteStorage, Storage};
use teamstead_relay::{clock, Config, ConfigArgs};

#[derive(Parser)]
#[command(name = "teamstead-relay", version, about = "Teamstead's sync relay")]
struct Cli {
    #[command(flatten)]
    config: ConfigArgs,
    /// Log as JSON lines (the default when not on a terminal is plain text).
    #[arg(long, env = "TEAMSTEAD_RELAY_LOG_JSON")]
    log_json: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the relay (the default).
    Serve,
    /// Operator commands on the relay's database.
    #[command(subcommand)]
    Admin(Admin),
}

#[derive(Subcommand)]
enum Admin {
    /// List accounts.
    Users,
    /// List teams with their member and document counts.
    Teams,
    /// Revoke every sign-in of a user (by email); their devices must sign in again.
    RevokeTokens { email: String },
    /// Write a consistent copy of the database to a new file, while the relay runs.
    Backup { file: PathBuf },
    /// Replace the database with a backup; the relay must be stopped.
    Restore { file: PathBuf },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logs(cli.log_json);
    let config = match Config::load(&cli.config) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("teamstead-relay: {message}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config),
        Command::Admin(admin) => run_admin(&config, admin),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("teamstead-relay: {message}");
            ExitCode::FAILURE
        }
    }
}

fn init_logs(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("TEAMSTEAD_RELAY_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn serve(config: Config) -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let relay = teamstead_relay::start(config)
            .await
            .map_err(|e| e.to_string())?;
        // Tests and scripts read the address from this line.
        println!("teamstead-relay listening on {}", relay.addr);
        wait_for_stop_signal().await;
        tracing::info!("shutting down");
        relay.shutdown().await.map_err(|e| e.to_string())
    })
}

async fn wait_for_stop_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

fn run_admin(config: &Config, admin: Admin) -> Result<(), String> {
    if let Admin::Restore { file } = &admin {
        return restore(config, file);
    }
    let storage = SqliteStorage::open(&config.database_path()).map_err(|e| e.to_string())?;
    match admin {
        Admin::Users => {
            for user in storage.list_users().map_err(|e| e.to_string())? {
                println!("{}\t{}\t{}", user.id, user.email, user.name);
            }
        }
        Admin::Teams => {
            for team in storage.list_teams().map_err(|e| e.to_string())? {
                println!(
                    "{}\t{} members\t{} documents",
                    team.team_id, team.members, team.documents
                );
            }
        }
        Admin::RevokeTokens { email } => {
            let user = storage
                .user_by_email(&email.trim().to_lowercase())
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no account with the email {email}"))?;
            let revoked = storage
                .revoke_user_sessions(&user.id, clock::now())
                .map_err(|e| e.to_string())?;
            println!(
                "revoked {revoked} sign-in(s) of {}; open connections close within seconds",
                user.email
            );
        }
        Admin::Backup { file } => {
            storage.backup_to(&file).map_err(|e| e.to_string())?;
            println!("backed up to {}", file.display());
        }
        Admin::Restore { .. } => {}
    }
    Ok(())
}

fn restore(config: &Config, file: &std::path::Path) -> Result<(), String> {
    teamstead_relay::storage::verify_database(file)
        .map_err(|e| format!("{} cannot be restored: {e}", file.display()))?;
    let _lock = teamstead_relay::lock_data_dir(&config.data_dir)
        .map_err(|e| format!("{e}; stop the relay before restoring"))?;
    let target = config.database_path();
    // Copy beside the database, then rename over it: never a half-written database.
    let staging = target.with_extension("restoring");
    std::fs::copy(file, &staging).map_err(|e| format!("cannot copy the backup: {e}"))?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", target.display()));
        if side.exists() {
            std::fs::remove_file(&side)
                .map_err(|e| format!("cannot remove {}: {e}", side.display()))?;
        }
    }
    std::fs::rename(&staging, &target)
        .map_err(|e| format!("cannot put the backup in place: {e}"))?;
    println!("restored {} from {}", target.display(), file.display());
    Ok(())
}
