//! Desktop notifications: mentions and direct messages, and assessment reminders.
//! The client decides what deserves one (a new, unread, unmuted message outside
//! do-not-disturb hours; a reminder not shown before); this shows them, and a click
//! tells the window what to open (`notification-clicked`, `reminder-clicked`).

use std::sync::Arc;

use tauri::{AppHandle, Emitter, Manager, Runtime};
use teamstead_client::{
    ChatNotification, Client, DocKind, NotificationKind, RecvError, Reminder, ReminderKind,
};

/// Reminders depend on the clock as well as on changes: look once a minute.
const REMINDER_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

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
                Ok(notifications) => notifications
                    .into_iter()
                    .for_each(|n| show_message(&app, n)),
                Err(e) => eprintln!("teamstead: cannot read notifications: {e}"),
            }
        }
    });
}

/// Shows due reminders once a minute, and at once when an assessment changes
/// (a nudge arrives).
pub fn remind<R: Runtime>(app: AppHandle<R>) {
    let client: Arc<Client> = app.state::<Arc<Client>>().inner().clone();
    let mut changes = client.subscribe();
    tauri::async_runtime::spawn(async move {
        let mut tick = tokio::time::interval(REMINDER_EVERY);
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                change = changes.recv() => match change {
                    Err(RecvError::Closed) => break,
                    Ok(c) if c.kind != DocKind::Assessment => continue,
                    _ => {}
                },
            }
            let now = chrono::Local::now().naive_local();
            match client.take_reminders(now) {
                Ok(reminders) => reminders.into_iter().for_each(|r| show_reminder(&app, r)),
                Err(e) => eprintln!("teamstead: cannot read reminders: {e}"),
            }
        }
    });
}

fn show_reminder<R: Runtime>(app: &AppHandle<R>, r: Reminder) {
    let due = r.due.as_deref().unwrap_or("soon");
    let (summary, body) = match r.kind {
        ReminderKind::DueTomorrow => (
            "Due tomorrow".to_string(),
            format!("{} is due {due}", r.title),
        ),
        ReminderKind::DueToday => ("Due today".to_string(), format!("{} is due today", r.title)),
        ReminderKind::Overdue => ("Overdue".to_string(), format!("{} was due {due}", r.title)),
        ReminderKind::Nudge => ("A reminder from your manager".to_string(), r.title.clone()),
        ReminderKind::Late => (
            "Someone is late".to_string(),
            format!("{} was due {due}", r.title),
        ),
        ReminderKind::Pulse => (
            "A minute for the pulse?".to_string(),
            format!("{}: this period's questions are open", r.title),
        ),
    };
    let payload = serde_json::json!({
        "assessmentId": r.assessment_id,
        "pulseId": r.pulse_id,
        "teamId": r.team_id,
        "userId": r.user_id,
    });
    show(app, summary, body, "reminder-clicked", payload);
}

/// Shows one notification; a thread waits for its click, as the notification
/// server reports it, and then emits `event` with `payload` to the window.
fn show<R: Runtime>(
    app: &AppHandle<R>,
    summary: String,
    body: String,
    event: &'static str,
    payload: serde_json::Value,
) {
    let app = app.clone();
    std::thread::spawn(move || {
        let shown = notify_rust::Notification::new()
            .appname("Teamstead")
            .summary(&summary)
            .body(&body)
            .action("default", "Open")
            .show();
        match shown {
            #[cfg(all(unix, not(target_os = "macos")))]
            Ok(handle) => handle.wait_for_action(|action| {
                if action == "default" {
                    let _ = app.emit(event, payload);
                }
            }),
            #[cfg(not(all(unix, not(target_os = "macos"))))]
            Ok(_) => {}
            // No notification server (a headless session): the window still lists it.
            Err(e) => eprintln!("teamstead: cannot show a notification: {e}"),
        }
    });
}

fn show_message<R: Runtime>(app: &AppHandle<R>, n: ChatNotification) {
    let title = match n.kind {
        NotificationKind::Mention => format!("{} mentioned you", n.author_name),
        NotificationKind::Direct => n.author_name.clone(),
    };
    let clicked = Clicked {
        conversation_id: n.conversation_id,
        message_id: n.message_id,
        team_id: n.team_id,
    };
    let payload = serde_json::to_value(clicked).unwrap_or_default();
    show(app, title, n.body, "notification-clicked", payload);
}
