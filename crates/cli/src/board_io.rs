//! `teamstead task export` and `teamstead task import`: a board to and from files.

use std::path::PathBuf;

use teamstead_client::{Client, ClientError, ImportReport, Result};

use crate::show;

/// Prints the board as CSV or JSON.
pub fn export(client: &Client, board: &str, format: &str) -> Result<()> {
    match format {
        "csv" => print!("{}", client.export_board_csv(board)?),
        "json" => println!(
            "{}",
            serde_json::to_string_pretty(&client.export_board_json(board)?).unwrap_or_default()
        ),
        other => {
            return Err(ClientError::InvalidInput(format!(
                "`{other}` is not an export format (csv or json)"
            )))
        }
    }
    Ok(())
}

/// Imports a CSV file; with `preview` nothing is written. A file with unreadable
/// rows imports nothing unless `accept_partial`; the report lists them either way,
/// and the command fails when nothing was written for that reason.
pub fn import(
    client: &Client,
    json: bool,
    board: &str,
    file: PathBuf,
    preview: bool,
    accept_partial: bool,
) -> Result<()> {
    let csv = std::fs::read_to_string(&file).map_err(|source| ClientError::Io {
        context: format!("cannot read {}", file.display()),
        source,
    })?;
    let report = if preview {
        client.preview_board_csv(board, &csv)?
    } else {
        client.import_board_csv(board, &csv, accept_partial)?
    };
    show(json, &report, text);
    if !preview && !report.applied && !report.problems.is_empty() {
        return Err(ClientError::InvalidInput(format!(
            "{} row(s) cannot be read, so nothing was imported; fix them, or run again with --accept-partial",
            report.problems.len()
        )));
    }
    Ok(())
}

fn text(report: &ImportReport) -> String {
    let mut lines = vec![format!(
        "{} task(s) {}",
        report.tasks.len(),
        if report.applied {
            "imported"
        } else {
            "readable"
        }
    )];
    for p in &report.problems {
        lines.push(format!("line {}: {}", p.line, p.message));
    }
    lines.join("\n")
}
