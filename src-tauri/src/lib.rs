//! Teamstead's desktop shell. All logic lives in teamstead-client; this crate only
//! opens the workspace, registers the commands, and forwards document changes to
//! the window as `doc-changed` events.

mod browser;
mod commands;
mod notify;

use std::sync::Arc;

use tauri::{Emitter, Manager, Runtime};
use teamstead_client::sync::{KeyringTokens, Syncer};
use teamstead_client::{Client, EventReceiver, RecvError};

/// Set to seed a demo team on first start (`make run` does).
pub const DEMO_ENV: &str = "TEAMSTEAD_DEMO";

/// Registers the workspace and every command on a builder; the real app and the
/// mock-runtime tests both start from here.
pub fn with_client<R: Runtime>(builder: tauri::Builder<R>, client: Client) -> tauri::Builder<R> {
    let client = Arc::new(client);
    let syncer = Syncer::new(client.clone(), Arc::new(KeyringTokens));
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(client)
        .manage(syncer)
        .setup(|app| {
            let client = app.state::<Arc<Client>>();
            // Every saved document change, and presence, typing and read receipts.
            forward(app.handle().clone(), "doc-changed", client.subscribe());
            forward(
                app.handle().clone(),
                "live-signal",
                client.signals.subscribe(),
            );
            // Mentions and direct messages, as desktop notifications.
            notify::watch(app.handle().clone());
            notify::remind(app.handle().clone());
            // Signed in before: reconnect to the relay in the background.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move { handle.state::<Syncer>().restart() });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::identity_get,
            commands::identity_set_name,
            commands::team_list,
            commands::team_create,
            commands::team_rename,
            commands::member_list,
            commands::member_add,
            commands::board_list,
            commands::board_create,
            commands::task_list,
            commands::task_query,
            commands::task_get,
            commands::task_create,
            commands::task_update,
            commands::task_move,
            commands::task_delete,
            commands::task_add_dependency,
            commands::task_remove_dependency,
            commands::comment_add,
            commands::board_get,
            commands::column_add,
            commands::column_update,
            commands::column_move,
            commands::column_delete,
            commands::view_save,
            commands::view_delete,
            commands::checklist_add,
            commands::checklist_update,
            commands::checklist_delete,
            commands::task_history,
            commands::task_description_at,
            commands::task_description_restore,
            commands::task_search,
            commands::sync_status,
            commands::account_get,
            commands::account_sign_up,
            commands::account_log_in,
            commands::account_log_out,
            commands::team_publish,
            commands::invitation_create,
            commands::team_join,
            commands::conversation_list,
            commands::channel_create,
            commands::direct_open,
            commands::message_list,
            commands::message_thread,
            commands::message_send,
            commands::message_edit,
            commands::message_delete,
            commands::message_react,
            commands::message_history,
            commands::message_seen_by,
            commands::conversation_mark_read,
            commands::message_search,
            commands::presence_list,
            commands::presence_set,
            commands::typing_notify,
            commands::typing_list,
            commands::notification_list,
            commands::notification_mark_all_read,
            commands::notification_settings_get,
            commands::notification_settings_set,
            commands::attachment_upload,
            commands::attachment_fetch,
            commands::attachment_pick,
            commands::people_get,
            commands::department_save,
            commands::department_remove,
            commands::profile_set,
            commands::placement_set,
            commands::member_set_role,
            commands::member_remove,
            commands::workload_get,
            commands::template_list,
            commands::template_save,
            commands::template_delete,
            commands::assessment_list,
            commands::assessment_get,
            commands::assessment_create,
            commands::assessment_edit,
            commands::assessment_assign,
            commands::assessment_unassign,
            commands::assessment_set_due,
            commands::assessment_run_again,
            commands::assessment_nudge,
            commands::assessment_review,
            commands::assessment_inbox,
            commands::response_answer,
            commands::response_submit,
            commands::assessment_results,
            commands::assessment_trend,
            commands::assessment_export,
            commands::pulse_list,
            commands::pulse_save,
            commands::pulse_threshold_set,
            commands::pulse_answer,
            commands::pulse_results,
            commands::billing_get,
            commands::billing_checkout,
            commands::billing_portal,
            commands::billing_invoices,
            commands::watchlist_get,
            commands::watchlist_add,
            commands::watchlist_remove,
            commands::market_quotes,
            commands::market_news,
            commands::news_headlines,
            commands::timer_start,
            commands::timer_stop,
            commands::timer_running,
            commands::time_entry_add,
            commands::time_entry_edit,
            commands::time_entry_delete,
            commands::time_entries,
            commands::time_totals,
            commands::timesheet_export,
            commands::board_export,
            commands::board_import_pick,
            commands::board_import,
            commands::bulk_edit,
            commands::bulk_undo,
        ])
}

/// Passes each event of `events` to the window as `name`. The UI refetches on any
/// event, so ones skipped while it lagged lose nothing.
fn forward<R: Runtime, T: serde::Serialize + Clone + Send + 'static>(
    app: tauri::AppHandle<R>,
    name: &'static str,
    mut events: EventReceiver<T>,
) {
    tauri::async_runtime::spawn(async move {
        loop {
            match events.recv().await {
                Ok(event) => {
                    let _ = app.emit(name, event);
                }
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => break,
            }
        }
    });
}

pub fn run() {
    let client = match open_workspace() {
        Ok(client) => client,
        Err(e) => {
            eprintln!("teamstead: cannot open the workspace: {e}");
            std::process::exit(1);
        }
    };
    let app = with_client(tauri::Builder::default(), client).run(tauri::generate_context!());
    if let Err(e) = app {
        eprintln!("teamstead: {e}");
        std::process::exit(1);
    }
}

fn open_workspace() -> teamstead_client::Result<Client> {
    let client = open_waiting_for_previous_instance()?;
    if std::env::var_os(DEMO_ENV).is_some_and(|v| v == "1") {
        // A demo that cannot be made must not keep the user out of their workspace.
        if let Err(e) = client.seed_demo_if_empty() {
            eprintln!("teamstead: could not create the demo team: {e}");
        }
    }
    Ok(client)
}

/// A window quit a moment ago may still be closing its workspace: wait briefly for
/// it rather than refuse a quick relaunch.
fn open_waiting_for_previous_instance() -> teamstead_client::Result<Client> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match Client::open(None) {
            Err(e) if e.code() == "already_open" && std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
            result => return result,
        }
    }
}
