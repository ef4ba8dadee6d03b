//! Desktop notifications for mentions and direct messages. The client decides
//! which messages deserve one (new, unread, not muted, not in do-not-disturb
//! hours); this shows them, and a click on one tells the window to open it
//! (`notification-clicked`).

use std::sync::Arc;

use tauri::{AppHandle, Emitter, Manager, Runtime};
use teamstead_client::{ChatNotification, Client, DocKind, NotificationKind, RecvError};

/// What the window gets when a notification is clicked.
#[derive(Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Clicked {
    conversation_id: String,
    message_id: String,
    team_id: String,
}

/// Watches saved changes to channel documents and notifies as they bring news.
pub fn watch<R: Runtime>(app: AppHandle<R>) {
    let client: Arc<Client> = app.state::<Arc<Client>>().inner().clone();
    let mut changes = client.subscribe();
    tauri::async_runtime::spawn(async move {
        loop {
            match changes.recv().await {
                Ok(change) if change.kind != DocKind::Channel => continue,
                Ok(_) | Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => break,
            }
            let now = chrono::Local::now();
            let minute = chrono::Timelike::hour(&now) * 60 + chrono::Timelike::minute(&now);
            match client.take_desktop_notifications(minute) {
                Ok(notifications) => notifications.into_iter().for_each(|n| show(&app, n)),
                Err(e) => eprintln!("teamstead: cannot read notifications: {e}"),
            }
        }
    });
}

/// Shows one notification; a thread waits for its click, as the notification
/// server reports it.
fn show<R: Runtime>(app: &AppHandle<R>, n: ChatNotification) {
    let app = app.clone();
    std::thread::spawn(move || {
        let title = match n.kind {
            NotificationKind::Mention => format!("{} mentioned you", n.author_name),
            NotificationKind::Direct => n.author_name.clone(),
        };
        let shown = notify_rust::Notification::new()
            .appname("Teamstead")
            .summary(&title)
            .body(&n.body)
            .action("default", "Open")
            .show();
        match shown {
            #[cfg(all(unix, not(target_os = "macos")))]
            Ok(handle) => handle.wait_for_action(|action| {
                if action == "default" {
                    let clicked = Clicked {
                        conversation_id: n.conversation_id.clone(),
                        message_id: n.message_id.clone(),
                        team_id: n.team_id.clone(),
                    };
                    let _ = app.emit("notification-clicked", clicked);
                }
            }),
            #[cfg(not(all(unix, not(target_os = "macos"))))]
            Ok(_) => {}
            // No notification server (a headless session): the in-app centre still lists it.
            Err(e) => eprintln!("teamstead: cannot show a notification: {e}"),
        }
    });
}
