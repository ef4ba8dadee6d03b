//! `teamstead-bench`: drives simulated automerge-repo clients over real WebSockets
//! against our relay, the reference sync server and the floor, in one run, and
//! prints a markdown table with the ratios (so machine noise cancels out).
//!
//!   teamstead-bench run [--smoke] [--out FILE]
//!   teamstead-bench floor            (the floor server itself; `run` starts it)

mod catchup;
mod fanout;
mod floor;
mod follower;
mod idle;
mod initial;
mod peer;
mod stats;
mod targets;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use fanout::Workload;
use peer::BoxError;
use targets::{Kind, Target};

#[derive(Parser)]
#[command(name = "teamstead-bench", about = "Teamstead's load generator")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run every scenario against every target and print the table.
    Run {
        /// Tiny sizes, to check the generator works (make test).
        #[arg(long)]
        smoke: bool,
        /// Also write the table here, with the machine's description.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Serve the floor (a bare broadcast server) and print its address.
    Floor,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("teamstead-bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Floor => floor::serve().await,
            Command::Run { smoke, out } => run(smoke, out).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("teamstead-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The targets to run: all three, or those named in TEAMSTEAD_BENCH_TARGETS
/// (comma-separated: ours, reference, floor).
fn targets() -> Vec<Kind> {
    let all = [Kind::Ours, Kind::Reference, Kind::Floor];
    match listed("TEAMSTEAD_BENCH_TARGETS") {
        Some(names) => all
            .into_iter()
            .filter(|k| names.iter().any(|n| n == k.key()))
            .collect(),
        None => all.to_vec(),
    }
}

/// The comma-separated values of an environment variable that narrows a run;
/// `None` when it is not set (run everything).
fn listed(var: &str) -> Option<Vec<String>> {
    let value = std::env::var(var).ok()?;
    Some(value.split(',').map(|v| v.trim().to_string()).collect())
}

/// The counter fan-out's rates: 100, 1,000 and 5,000 a second, or those in
/// TEAMSTEAD_BENCH_RATES (comma-separated).
fn fan_out_rates() -> Vec<u32> {
    match listed("TEAMSTEAD_BENCH_RATES") {
        Some(rates) => rates.iter().filter_map(|r| r.parse().ok()).collect(),
        None => vec![100, 1000, 5000],
    }
}

/// The sync servers (not the floor) to run a scenario on, if it runs.
fn server_targets(name: &str) -> Vec<Kind> {
    if !scenario(name) {
        return Vec::new();
    }
    targets()
        .into_iter()
        .filter(|k| *k != Kind::Floor)
        .collect()
}

/// Whether to run a scenario: all of them, or those named in
/// TEAMSTEAD_BENCH_SCENARIOS (comma-separated: counter, chat, initial, idle,
/// catchup), to look at one while working on it.
fn scenario(name: &str) -> bool {
    listed("TEAMSTEAD_BENCH_SCENARIOS").is_none_or(|names| names.iter().any(|n| n == name))
}

fn interop_dir() -> PathBuf {
    std::env::var_os("TEAMSTEAD_INTEROP_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/interop"))
}

struct Row {
    rate: u32,
    kind: Kind,
    p50: Option<f64>,
    p99: Option<f64>,
    max: Option<f64>,
    lost: u64,
    sent: u64,
    /// The server process's CPU time over the run, and its memory after it.
    cpu_seconds: f64,
    rss_mib: f64,
}

async fn run(smoke: bool, out: Option<PathBuf>) -> Result<(), BoxError> {
    let (receivers, rates, duration) = if smoke {
        (3, vec![50], Duration::from_millis(500))
    } else {
        (100, fan_out_rates(), Duration::from_secs(2))
    };
    let mut failures: Vec<String> = Vec::new();
    let rows = if scenario("counter") {
        fan_out(
            Workload::Counter,
            receivers,
            &rates,
            duration,
            &mut failures,
        )
        .await?
    } else {
        Vec::new()
    };
    // Chat as people use it: a channel month document, a conversational rate, one
    // reader and a channel with 100 members online.
    let (chat_rate, chat_duration) = if smoke {
        (20, Duration::from_millis(500))
    } else {
        (20, Duration::from_secs(5))
    };
    let mut chats = Vec::new();
    let member_counts = if scenario("chat") {
        vec![1, if smoke { 3 } else { 100 }]
    } else {
        Vec::new()
    };
    for members in member_counts {
        let rows = fan_out(
            Workload::Chat,
            members,
            &[chat_rate],
            chat_duration,
            &mut failures,
        )
        .await?;
        chats.push((members, rows));
    }
    let documents = if smoke { 10 } else { 1000 };
    let mut initials = Vec::new();
    for kind in server_targets("initial") {
        eprintln!("initial sync: {} with {documents} documents", kind.name());
        let target = Target::start(kind, &interop_dir()).await?;
        match initial::run(&target, documents).await {
            Ok(outcome) => initials.push((kind, outcome)),
            Err(e) => failures.push(format!("initial sync, {}: {e}", kind.name())),
        }
    }
    let connections = if smoke { 20 } else { 10_000 };
    let mut idles = Vec::new();
    for kind in server_targets("idle") {
        eprintln!("idle connections: {} with {connections}", kind.name());
        let target = Target::start(kind, &interop_dir()).await?;
        match idle::run(&target, connections).await {
            Ok(outcome) => idles.push((kind, outcome)),
            Err(e) => failures.push(format!("connection scale, {}: {e}", kind.name())),
        }
    }
    let edits = if smoke { 20 } else { 1000 };
    let mut catchups = Vec::new();
    for kind in server_targets("catchup") {
        eprintln!("offline catch-up: {} with 2 x {edits} edits", kind.name());
        let target = Target::start(kind, &interop_dir()).await?;
        match catchup::run(&target, edits).await {
            Ok(took) => catchups.push((kind, took)),
            Err(e) => failures.push(format!("offline catch-up, {}: {e}", kind.name())),
        }
    }
    let mut table = render_initial(&initials, documents);
    table.push_str(&render_idle(&idles));
    let title = format!(
        "Live fan-out: one sender, {receivers} receivers, {} s per rate",
        duration.as_secs_f64()
    );
    table.push_str(&render(&title, &rows, receivers));
    for (members, rows) in &chats {
        let title = format!(
            "Chat delivery: messages in a channel's month document, {members} member(s) online, {} s",
            chat_duration.as_secs_f64()
        );
        table.push_str(&render(&title, rows, *members));
    }
    let _ = writeln!(
        table,
        "\n## Offline catch-up: two clients, {edits} edits each while disconnected\n"
    );
    let _ = writeln!(
        table,
        "| target | reconnect to identical heads, ms | ours/this |"
    );
    let _ = writeln!(table, "| --- | --- | --- |");
    let ours = catchups
        .iter()
        .find(|(k, _)| *k == Kind::Ours)
        .map(|(_, d)| d.as_secs_f64());
    for (kind, took) in &catchups {
        let secs = took.as_secs_f64();
        let vs = if *kind == Kind::Ours {
            "–".into()
        } else {
            ratio(ours, Some(secs))
        };
        let _ = writeln!(table, "| {} | {:.0} | {vs} |", kind.name(), secs * 1000.0);
    }
    if !failures.is_empty() {
        let _ = writeln!(table, "\n## Runs that failed\n");
        for failure in &failures {
            let _ = writeln!(table, "- {failure}");
        }
    }
    println!("{table}");
    if let Some(path) = out {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, format!("{}\n{table}", machine()))?;
    }
    let delivered_nothing = rows
        .iter()
        .chain(chats.iter().flat_map(|(_, rows)| rows))
        .any(|r| r.p50.is_none());
    if smoke && (!failures.is_empty() || delivered_nothing) {
        return Err("a smoke run failed or delivered nothing".into());
    }
    Ok(())
}

/// One sender, `receivers` readers, each rate against each target.
async fn fan_out(
    workload: Workload,
    receivers: usize,
    rates: &[u32],
    duration: Duration,
    failures: &mut Vec<String>,
) -> Result<Vec<Row>, BoxError> {
    let mut rows = Vec::new();
    for &rate in rates {
        for kind in targets() {
            eprintln!(
                "{workload:?}: {} at {rate}/s to {receivers} receivers",
                kind.name()
            );
            let target = Target::start(kind, &interop_dir()).await?;
            let cpu_before = target.cpu_seconds();
            // A server that breaks under load is a result too: note it and go on.
            let mut outcome = match fanout::run(&target, workload, receivers, rate, duration).await
            {
                Ok(outcome) => outcome,
                Err(e) => {
                    eprintln!("  failed: {e}");
                    failures.push(format!(
                        "{workload:?} fan-out to {receivers}, {} at {rate}/s: {e}",
                        kind.name()
                    ));
                    continue;
                }
            };
            rows.push(Row {
                rate,
                kind,
                p50: outcome.latencies.percentile_ms(50.0),
                p99: outcome.latencies.percentile_ms(99.0),
                max: outcome.latencies.percentile_ms(100.0),
                lost: outcome.lost,
                sent: outcome.sent,
                cpu_seconds: target.cpu_seconds() - cpu_before,
                rss_mib: target.rss_kib() as f64 / 1024.0,
            });
        }
    }
    Ok(rows)
}

fn ms(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{v:.2}"))
}

fn ratio(ours: Option<f64>, other: Option<f64>) -> String {
    match (ours, other) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "–".into(),
    }
}

fn render(title: &str, rows: &[Row], receivers: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n## {title}\n");
    let _ = writeln!(
        out,
        "| rate/s | target | p50 ms | p99 ms | max ms | lost | p99 ours/this | server CPU s | server RSS MiB |"
    );
    let _ = writeln!(
        out,
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    );
    for row in rows {
        let ours = rows
            .iter()
            .find(|r| r.rate == row.rate && r.kind == Kind::Ours)
            .and_then(|r| r.p99);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} of {} | {} | {:.2} | {:.1} |",
            row.rate,
            row.kind.name(),
            ms(row.p50),
            ms(row.p99),
            ms(row.max),
            row.lost,
            row.sent * receivers as u64,
            if row.kind == Kind::Ours {
                "–".into()
            } else {
                ratio(ours, row.p99)
            },
            row.cpu_seconds,
            row.rss_mib,
        );
    }
    out
}

fn render_initial(rows: &[(Kind, initial::Outcome)], documents: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## Initial sync: {documents} documents (boards of 20 tasks, channels of 20 messages)\n"
    );
    let _ = writeln!(
        out,
        "Throughput ratios (documents per second, ours/this) for each half and for both together.\n"
    );
    let _ = writeln!(
        out,
        "| target | upload ms | download ms | server CPU s | upload ours/this | download ours/this | both ours/this |"
    );
    let _ = writeln!(out, "| --- | --- | --- | --- | --- | --- | --- |");
    let ours = rows.iter().find(|(k, _)| *k == Kind::Ours).map(|(_, o)| o);
    // Throughput is documents per second, so each ratio is the inverse of times.
    let vs = |kind: Kind, ours: Option<Duration>, theirs: Duration| match ours {
        Some(t) if kind != Kind::Ours && !t.is_zero() => {
            format!("{:.1}×", theirs.as_secs_f64() / t.as_secs_f64())
        }
        _ => "–".into(),
    };
    for (kind, o) in rows {
        let _ = writeln!(
            out,
            "| {} | {:.0} | {:.0} | {:.2} | {} | {} | {} |",
            kind.name(),
            o.upload.as_secs_f64() * 1000.0,
            o.download.as_secs_f64() * 1000.0,
            o.server_cpu_seconds,
            vs(*kind, ours.map(|u| u.upload), o.upload),
            vs(*kind, ours.map(|u| u.download), o.download),
            vs(
                *kind,
                ours.map(|u| u.upload + u.download),
                o.upload + o.download
            ),
        );
    }
    out.push('\n');
    out
}

fn render_idle(rows: &[(Kind, idle::Outcome)]) -> String {
    let mut out = String::new();
    let count = rows.first().map_or(0, |(_, o)| o.connections);
    let _ = writeln!(
        out,
        "## Connection scale: {count} idle clients, each joined and syncing one document\n"
    );
    let _ = writeln!(
        out,
        "| target | server RSS before MiB | with clients MiB | KiB per connection | ours/this |"
    );
    let _ = writeln!(out, "| --- | --- | --- | --- | --- |");
    let per = |o: &idle::Outcome| {
        o.after_kib.saturating_sub(o.before_kib) as f64 / o.connections.max(1) as f64
    };
    let ours = rows
        .iter()
        .find(|(k, _)| *k == Kind::Ours)
        .map(|(_, o)| per(o));
    for (kind, o) in rows {
        let vs = if *kind == Kind::Ours {
            "–".into()
        } else {
            ratio(ours, Some(per(o)))
        };
        let _ = writeln!(
            out,
            "| {} | {:.1} | {:.1} | {:.1} | {vs} |",
            kind.name(),
            o.before_kib as f64 / 1024.0,
            o.after_kib as f64 / 1024.0,
            per(o)
        );
    }
    out.push('\n');
    out
}

/// What ran the figures: CPU model, cores, memory, kernel.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gib = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0 / 1024.0);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!(
        "# Teamstead benchmarks\n\nMachine: {model}, {cores} cores, {mem_gib:.0} GiB, Linux {}.\n",
        kernel.trim()
    )
}
