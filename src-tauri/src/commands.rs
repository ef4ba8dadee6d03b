//! The IPC surface (docs/ipc.md). Each command is one call into teamstead-client;
//! errors cross as `{ code, message }` through ClientError's Serialize.

use std::collections::HashMap;
use std::sync::Arc;

use tauri::{AppHandle, Emitter, Runtime, State};
use teamstead_client::sync::api::Invite;
use teamstead_client::sync::{Account, Syncer};
use teamstead_client::{ActivityEntry, BoardDetail, ColumnPatch, ModelError, Place};
use teamstead_client::{
    Answer, AssessmentDetail, AssessmentResults, AssessmentSummary, Assignees, ExportFormat,
    InboxItem, NewAssessmentInput, PulseInput, PulseResultsView, PulseView, ReviewInput, Section,
    TeamPeople, Template, TrendPoint, Workload,
};
use teamstead_client::{
    Attachment, BoardSummary, ChatNotification, Client, CommentView, ConversationView, Identity,
    MemberView, MessageEditView, MessageFilter, MessageHit, MessagePage, MessageView,
    NotificationSettings, PresenceState, PresenceView, Result, Role, SearchHit, Status, SyncStatus,
    TaskDetail, TaskPatch, TaskQuery, TaskSummary, TeamSummary,
};
use teamstead_client::{
    BillingView, BulkAction, BulkResult, Feed, ImportReport, TimeEntryView, TimeTotals, WatchItem,
};

#[tauri::command]
pub fn identity_get(client: State<'_, Arc<Client>>) -> Identity {
    client.identity()
}

#[tauri::command(async)]
pub fn identity_set_name(client: State<'_, Arc<Client>>, name: String) -> Result<Identity> {
    client.set_name(&name)
}

#[tauri::command(async)]
pub fn team_list(client: State<'_, Arc<Client>>) -> Result<Vec<TeamSummary>> {
    client.list_teams()
}

#[tauri::command(async)]
pub fn team_create(client: State<'_, Arc<Client>>, name: String) -> Result<TeamSummary> {
    client.create_team(&name)
}

#[tauri::command(async)]
pub fn team_rename(
    client: State<'_, Arc<Client>>,
    team_id: String,
    name: String,
) -> Result<TeamSummary> {
    client.rename_team(&team_id, &name)
}

#[tauri::command(async)]
pub fn member_list(client: State<'_, Arc<Client>>, team_id: String) -> Result<Vec<MemberView>> {
    client.members(&team_id)
}

#[tauri::command(async)]
pub fn member_add(
    client: State<'_, Arc<Client>>,
    team_id: String,
    name: String,
    role: Role,
) -> Result<MemberView> {
    client.add_member(&team_id, &name, role)
}

#[tauri::command(async)]
pub fn board_list(client: State<'_, Arc<Client>>, team_id: String) -> Result<Vec<BoardSummary>> {
    client.list_boards(&team_id)
}

#[tauri::command(async)]
pub fn board_create(
    client: State<'_, Arc<Client>>,
    team_id: String,
    name: String,
) -> Result<BoardSummary> {
    client.create_board(&team_id, &name)
}

#[tauri::command(async)]
pub fn task_list(client: State<'_, Arc<Client>>, board_id: String) -> Result<Vec<TaskSummary>> {
    client.list_tasks(&board_id)
}

#[tauri::command(async)]
pub fn task_query(client: State<'_, Arc<Client>>, query: TaskQuery) -> Result<Vec<TaskSummary>> {
    client.find_tasks(&query)
}

#[tauri::command(async)]
pub fn task_get(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
) -> Result<TaskDetail> {
    client.task(&board_id, &task_id)
}

#[tauri::command(async)]
pub fn task_create(
    client: State<'_, Arc<Client>>,
    board_id: String,
    title: String,
    status: Option<Status>,
    column: Option<String>,
    parent_id: Option<String>,
) -> Result<TaskDetail> {
    let place = match (&column, status) {
        (Some(column), _) => Place::Column(column),
        (None, status) => Place::Status(status.unwrap_or(Status::Todo)),
    };
    client.create_task(&board_id, &title, place, parent_id.as_deref())
}

#[tauri::command(async)]
pub fn task_update(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
    patch: TaskPatch,
) -> Result<TaskDetail> {
    client.update_task(&board_id, &task_id, patch)
}

#[tauri::command(async)]
pub fn task_move(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
    column: String,
    before_task_id: Option<String>,
    force: Option<bool>,
) -> Result<TaskDetail> {
    client.move_task(
        &board_id,
        &task_id,
        Place::Column(&column),
        before_task_id.as_deref(),
        force.unwrap_or(false),
    )
}

#[tauri::command(async)]
pub fn task_delete(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
) -> Result<()> {
    client.delete_task(&board_id, &task_id)
}

#[tauri::command(async)]
pub fn task_add_dependency(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
    depends_on: String,
) -> Result<TaskDetail> {
    client.add_dependency(&board_id, &task_id, &depends_on)
}

#[tauri::command(async)]
pub fn task_remove_dependency(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
    depends_on: String,
) -> Result<TaskDetail> {
    client.remove_dependency(&board_id, &task_id, &depends_on)
}

#[tauri::command(async)]
pub fn board_get(client: State<'_, Arc<Client>>, board_id: String) -> Result<BoardDetail> {
    client.board_detail(&board_id)
}

#[tauri::command(async)]
pub fn column_add(
    client: State<'_, Arc<Client>>,
    board_id: String,
    name: String,
    status: Status,
    wip_limit: Option<u64>,
) -> Result<BoardDetail> {
    client.add_column(&board_id, &name, status, wip_limit)
}

/// Reads its arguments from the request itself: Tauri hands a command `None`
/// both for a key left out and for `null`, and here they differ (`wipLimit`
/// left out keeps the limit; `null` removes it, as `ColumnPatch` reads it).
#[tauri::command(async)]
pub fn column_update(
    client: State<'_, Arc<Client>>,
    request: tauri::ipc::Request<'_>,
) -> Result<BoardDetail> {
    let invalid = || ModelError::Invalid {
        what: "column_update's arguments",
        reason:
            "boardId, columnId, and optionally name, status and wipLimit (a whole number or null)",
    };
    let tauri::ipc::InvokeBody::Json(serde_json::Value::Object(body)) = request.body() else {
        return Err(invalid().into());
    };
    let mut args = body.clone();
    let mut id = |key: &str| match args.remove(key) {
        Some(serde_json::Value::String(id)) => Ok(id),
        _ => Err(invalid()),
    };
    let (board_id, column_id) = (id("boardId")?, id("columnId")?);
    let patch: ColumnPatch =
        serde_json::from_value(serde_json::Value::Object(args)).map_err(|_| invalid())?;
    client.update_column(&board_id, &column_id, patch)
}

#[tauri::command(async)]
pub fn column_move(
    client: State<'_, Arc<Client>>,
    board_id: String,
    column_id: String,
    before_column_id: Option<String>,
) -> Result<BoardDetail> {
    client.move_column(&board_id, &column_id, before_column_id.as_deref())
}

#[tauri::command(async)]
pub fn column_delete(
    client: State<'_, Arc<Client>>,
    board_id: String,
    column_id: String,
    move_to: String,
) -> Result<BoardDetail> {
    client.delete_column(&board_id, &column_id, &move_to)
}

#[tauri::command(async)]
pub fn view_save(
    client: State<'_, Arc<Client>>,
    board_id: String,
    name: String,
    query: TaskQuery,
) -> Result<BoardDetail> {
    client.save_view(&board_id, &name, &query)
}

#[tauri::command(async)]
pub fn view_delete(
    client: State<'_, Arc<Client>>,
    board_id: String,
    view_id: String,
) -> Result<BoardDetail> {
    client.delete_view(&board_id, &view_id)
}

#[tauri::command(async)]
pub fn checklist_add(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
    text: String,
) -> Result<TaskDetail> {
    client.add_checklist_item(&board_id, &task_id, &text)
}

#[tauri::command(async)]
pub fn checklist_update(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
    item_id: String,
    text: Option<String>,
    done: Option<bool>,
) -> Result<TaskDetail> {
    client.update_checklist_item(&board_id, &task_id, &item_id, text.as_deref(), done)
}

#[tauri::command(async)]
pub fn checklist_delete(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
    item_id: String,
) -> Result<TaskDetail> {
    client.delete_checklist_item(&board_id, &task_id, &item_id)
}

#[tauri::command(async)]
pub fn task_history(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
) -> Result<Vec<ActivityEntry>> {
    client.task_history(&board_id, &task_id)
}

#[tauri::command(async)]
pub fn task_description_at(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
    hash: String,
) -> Result<String> {
    client.description_at(&board_id, &task_id, &hash)
}

#[tauri::command(async)]
pub fn task_description_restore(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
    hash: String,
) -> Result<TaskDetail> {
    client.restore_description(&board_id, &task_id, &hash)
}

#[tauri::command(async)]
pub fn comment_add(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
    body: String,
) -> Result<CommentView> {
    client.add_comment(&board_id, &task_id, &body)
}

#[tauri::command(async)]
pub fn task_search(
    client: State<'_, Arc<Client>>,
    query: String,
    team_id: Option<String>,
) -> Result<Vec<SearchHit>> {
    client.search_tasks(&query, team_id.as_deref())
}

#[tauri::command(async)]
pub fn sync_status(client: State<'_, Arc<Client>>) -> Result<SyncStatus> {
    client.sync_status()
}

#[tauri::command(async)]
pub fn account_get(client: State<'_, Arc<Client>>) -> Result<Option<Account>> {
    client.account()
}

#[tauri::command]
pub async fn account_sign_up(
    sync: State<'_, Syncer>,
    relay_url: String,
    email: String,
    password: String,
) -> Result<Account> {
    let account = sync
        .client()
        .sign_up(sync.tokens(), &relay_url, &email, &password)
        .await?;
    sync.restart();
    Ok(account)
}

#[tauri::command]
pub async fn account_log_in(
    sync: State<'_, Syncer>,
    relay_url: String,
    email: String,
    password: String,
) -> Result<Account> {
    let account = sync
        .client()
        .log_in(sync.tokens(), &relay_url, &email, &password)
        .await?;
    sync.restart();
    Ok(account)
}

#[tauri::command]
pub async fn account_log_out(sync: State<'_, Syncer>) -> Result<()> {
    sync.stop();
    sync.client().log_out(sync.tokens()).await
}

#[tauri::command]
pub async fn team_publish(sync: State<'_, Syncer>, team_id: String) -> Result<()> {
    sync.client().publish_team(sync.tokens(), &team_id).await?;
    sync.restart();
    Ok(())
}

#[tauri::command]
pub async fn invitation_create(
    sync: State<'_, Syncer>,
    team_id: String,
    role: Role,
    expires_in_hours: Option<u32>,
    max_uses: Option<u32>,
) -> Result<Invite> {
    sync.client()
        .create_invitation(sync.tokens(), &team_id, role, expires_in_hours, max_uses)
        .await
}

#[tauri::command]
pub async fn team_join(sync: State<'_, Syncer>, code: String) -> Result<String> {
    let entry = sync.client().join_team(sync.tokens(), &code).await?;
    sync.restart();
    Ok(entry.team_id)
}

// Chat (docs/ipc.md, "Chat commands").

#[tauri::command(async)]
pub fn conversation_list(
    client: State<'_, Arc<Client>>,
    team_id: String,
) -> Result<Vec<ConversationView>> {
    client.list_conversations(&team_id)
}

#[tauri::command(async)]
pub fn channel_create(
    client: State<'_, Arc<Client>>,
    team_id: String,
    name: String,
    private: bool,
    members: Vec<String>,
) -> Result<ConversationView> {
    client.create_channel(&team_id, &name, private, &members)
}

#[tauri::command(async)]
pub fn direct_open(
    client: State<'_, Arc<Client>>,
    team_id: String,
    members: Vec<String>,
) -> Result<ConversationView> {
    client.open_direct(&team_id, &members)
}

#[tauri::command(async)]
pub fn message_list(
    client: State<'_, Arc<Client>>,
    conversation_id: String,
    before: Option<i64>,
    limit: Option<u32>,
) -> Result<MessagePage> {
    client.list_messages(&conversation_id, before, limit)
}

#[tauri::command(async)]
pub fn message_thread(
    client: State<'_, Arc<Client>>,
    conversation_id: String,
    message_id: String,
) -> Result<Vec<MessageView>> {
    client.thread(&conversation_id, &message_id)
}

#[tauri::command(async)]
pub fn message_send(
    client: State<'_, Arc<Client>>,
    conversation_id: String,
    body: String,
    reply_to: Option<String>,
    attachments: Option<Vec<Attachment>>,
) -> Result<MessageView> {
    client.send_message(
        &conversation_id,
        &body,
        reply_to.as_deref(),
        attachments.unwrap_or_default(),
    )
}

#[tauri::command(async)]
pub fn message_edit(
    client: State<'_, Arc<Client>>,
    conversation_id: String,
    message_id: String,
    body: String,
) -> Result<MessageView> {
    client.edit_message(&conversation_id, &message_id, &body)
}

#[tauri::command(async)]
pub fn message_delete(
    client: State<'_, Arc<Client>>,
    conversation_id: String,
    message_id: String,
) -> Result<MessageView> {
    client.delete_message(&conversation_id, &message_id)
}

#[tauri::command(async)]
pub fn message_react(
    client: State<'_, Arc<Client>>,
    conversation_id: String,
    message_id: String,
    emoji: String,
) -> Result<MessageView> {
    client.react(&conversation_id, &message_id, &emoji)
}

#[tauri::command(async)]
pub fn message_history(
    client: State<'_, Arc<Client>>,
    conversation_id: String,
    message_id: String,
) -> Result<Vec<MessageEditView>> {
    client.message_history(&conversation_id, &message_id)
}

#[tauri::command(async)]
pub fn message_seen_by(
    client: State<'_, Arc<Client>>,
    conversation_id: String,
    message_id: String,
) -> Result<Vec<String>> {
    client.seen_by(&conversation_id, &message_id)
}

#[tauri::command(async)]
pub fn conversation_mark_read(
    client: State<'_, Arc<Client>>,
    conversation_id: String,
    at: Option<i64>,
) -> Result<()> {
    client.mark_read(&conversation_id, at)
}

#[tauri::command(async)]
pub fn message_search(
    client: State<'_, Arc<Client>>,
    query: String,
    team_id: Option<String>,
    conversation_id: Option<String>,
    author: Option<String>,
    after: Option<i64>,
    before: Option<i64>,
) -> Result<Vec<MessageHit>> {
    let filter = MessageFilter {
        team_id,
        conversation_id,
        author,
        after,
        before,
    };
    client.search_messages(&query, &filter)
}

#[tauri::command(async)]
pub fn presence_list(client: State<'_, Arc<Client>>, team_id: String) -> Result<Vec<PresenceView>> {
    client.presence(&team_id)
}

#[tauri::command(async)]
pub fn presence_set(client: State<'_, Arc<Client>>, state: PresenceState) -> Result<()> {
    client.set_presence(state)
}

#[tauri::command(async)]
pub fn typing_notify(client: State<'_, Arc<Client>>, conversation_id: String) -> Result<()> {
    client.notify_typing(&conversation_id)
}

#[tauri::command(async)]
pub fn typing_list(client: State<'_, Arc<Client>>, conversation_id: String) -> Result<Vec<String>> {
    client.typing(&conversation_id)
}

#[tauri::command(async)]
pub fn notification_list(client: State<'_, Arc<Client>>) -> Result<Vec<ChatNotification>> {
    client.notifications()
}

#[tauri::command(async)]
pub fn notification_mark_all_read(client: State<'_, Arc<Client>>) -> Result<()> {
    client.mark_all_notifications_read()
}

#[tauri::command(async)]
pub fn notification_settings_get(client: State<'_, Arc<Client>>) -> Result<NotificationSettings> {
    client.notification_settings()
}

#[tauri::command(async)]
pub fn notification_settings_set(
    client: State<'_, Arc<Client>>,
    settings: NotificationSettings,
) -> Result<NotificationSettings> {
    client.set_notification_settings(settings)
}

/// How far an attachment has gone up or down (`transfer-progress`).
#[derive(Clone, serde::Serialize)]
struct TransferProgress {
    sha256: String,
    name: String,
    done: u64,
    total: u64,
}

/// Progress that the window hears as `transfer-progress` events.
fn progress_events<R: Runtime>(
    app: AppHandle<R>,
    sha256: &str,
    name: &str,
) -> teamstead_client::sync::api::Progress {
    let (sha256, name) = (sha256.to_string(), name.to_string());
    Arc::new(move |done, total| {
        let event = TransferProgress {
            sha256: sha256.clone(),
            name: name.clone(),
            done,
            total,
        };
        let _ = app.emit("transfer-progress", event);
    })
}

#[tauri::command]
pub async fn attachment_upload<R: Runtime>(
    app: AppHandle<R>,
    sync: State<'_, Syncer>,
    conversation_id: String,
    path: String,
) -> Result<Attachment> {
    let path = std::path::PathBuf::from(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let progress = progress_events(app, "", &name);
    sync.client()
        .upload_attachment(sync.tokens(), &conversation_id, &path, progress)
        .await
}

#[tauri::command]
pub async fn attachment_fetch<R: Runtime>(
    app: AppHandle<R>,
    sync: State<'_, Syncer>,
    conversation_id: String,
    sha256: String,
    name: String,
) -> Result<String> {
    let progress = progress_events(app, &sha256, &name);
    let path = sync
        .client()
        .fetch_attachment(sync.tokens(), &conversation_id, &sha256, &name, progress)
        .await?;
    Ok(path.to_string_lossy().to_string())
}

/// A file chosen in the system's file picker, or `None` if the person cancelled.
#[tauri::command(async)]
pub fn attachment_pick<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .set_title("Attach a file")
        .blocking_pick_file()
        .and_then(|file| file.into_path().ok())
        .map(|path| path.to_string_lossy().to_string())
}

// People (docs/ipc.md, "People commands").

#[tauri::command(async)]
pub fn people_get(client: State<'_, Arc<Client>>, team_id: String) -> Result<TeamPeople> {
    client.people(&team_id)
}

#[tauri::command(async)]
pub fn department_save(
    client: State<'_, Arc<Client>>,
    team_id: String,
    department_id: Option<String>,
    name: String,
    lead: Option<String>,
) -> Result<TeamPeople> {
    client.save_department(&team_id, department_id.as_deref(), &name, lead.as_deref())
}

#[tauri::command(async)]
pub fn department_remove(
    client: State<'_, Arc<Client>>,
    team_id: String,
    department_id: String,
) -> Result<TeamPeople> {
    client.remove_department(&team_id, &department_id)
}

#[tauri::command(async)]
pub fn profile_set(
    client: State<'_, Arc<Client>>,
    team_id: String,
    user_id: String,
    title: Option<String>,
    skills: Vec<String>,
) -> Result<TeamPeople> {
    client.set_profile(&team_id, &user_id, title.as_deref(), &skills)
}

#[tauri::command(async)]
pub fn placement_set(
    client: State<'_, Arc<Client>>,
    team_id: String,
    user_id: String,
    department: Option<String>,
    reports_to: Option<String>,
) -> Result<TeamPeople> {
    client.set_placement(
        &team_id,
        &user_id,
        department.as_deref(),
        reports_to.as_deref(),
    )
}

#[tauri::command(async)]
pub fn member_set_role(
    client: State<'_, Arc<Client>>,
    team_id: String,
    user_id: String,
    role: Role,
) -> Result<TeamPeople> {
    client.set_role(&team_id, &user_id, role)
}

#[tauri::command(async)]
pub fn member_remove(
    client: State<'_, Arc<Client>>,
    team_id: String,
    user_id: String,
) -> Result<TeamPeople> {
    client.remove_from_team(&team_id, &user_id)
}

#[tauri::command(async)]
pub fn workload_get(client: State<'_, Arc<Client>>, team_id: String) -> Result<Vec<Workload>> {
    client.workload(&team_id)
}

// Assessments (docs/ipc.md, "Assessment commands").

#[tauri::command(async)]
pub fn template_list(client: State<'_, Arc<Client>>, team_id: String) -> Result<Vec<Template>> {
    client.templates(&team_id)
}

#[tauri::command(async)]
pub fn template_save(
    client: State<'_, Arc<Client>>,
    team_id: String,
    template: Template,
) -> Result<Template> {
    client.save_template(&team_id, template)
}

#[tauri::command(async)]
pub fn template_delete(
    client: State<'_, Arc<Client>>,
    team_id: String,
    template_id: String,
) -> Result<()> {
    client.delete_template(&team_id, &template_id)
}

#[tauri::command(async)]
pub fn assessment_list(
    client: State<'_, Arc<Client>>,
    team_id: String,
) -> Result<Vec<AssessmentSummary>> {
    client.list_assessments(&team_id)
}

#[tauri::command(async)]
pub fn assessment_get(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
) -> Result<AssessmentDetail> {
    client.assessment(&assessment_id)
}

#[tauri::command(async)]
pub fn assessment_create(
    client: State<'_, Arc<Client>>,
    team_id: String,
    input: NewAssessmentInput,
) -> Result<AssessmentDetail> {
    client.create_assessment(&team_id, input)
}

#[tauri::command(async)]
pub fn assessment_edit(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
    title: String,
    description: String,
    sections: Option<Vec<Section>>,
) -> Result<AssessmentDetail> {
    client.edit_assessment(&assessment_id, &title, &description, sections)
}

#[tauri::command(async)]
pub fn assessment_assign(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
    to: Assignees,
    due: Option<String>,
) -> Result<AssessmentDetail> {
    client.assign_assessment(&assessment_id, to, due.as_deref())
}

#[tauri::command(async)]
pub fn assessment_unassign(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
    user_id: String,
) -> Result<AssessmentDetail> {
    client.unassign_assessment(&assessment_id, &user_id)
}

#[tauri::command(async)]
pub fn assessment_set_due(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
    user_id: String,
    due: Option<String>,
) -> Result<AssessmentDetail> {
    client.set_assessment_due(&assessment_id, &user_id, due.as_deref())
}

#[tauri::command(async)]
pub fn assessment_run_again(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
    due: Option<String>,
) -> Result<AssessmentDetail> {
    client.run_assessment_again(&assessment_id, due.as_deref())
}

#[tauri::command(async)]
pub fn assessment_nudge(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
    user_id: String,
) -> Result<()> {
    client.nudge(&assessment_id, &user_id)
}

#[tauri::command(async)]
pub fn assessment_review(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
    user_id: String,
    review: ReviewInput,
) -> Result<AssessmentDetail> {
    client.review(&assessment_id, &user_id, review)
}

#[tauri::command(async)]
pub fn assessment_inbox(client: State<'_, Arc<Client>>) -> Result<Vec<InboxItem>> {
    client.inbox()
}

#[tauri::command(async)]
pub fn response_answer(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
    question_id: String,
    answer: Option<Answer>,
) -> Result<AssessmentDetail> {
    client.answer(&assessment_id, &question_id, answer)
}

#[tauri::command(async)]
pub fn response_submit(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
) -> Result<AssessmentDetail> {
    client.submit_response(&assessment_id)
}

#[tauri::command(async)]
pub fn assessment_results(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
) -> Result<AssessmentResults> {
    client.assessment_results(&assessment_id)
}

#[tauri::command(async)]
pub fn assessment_trend(
    client: State<'_, Arc<Client>>,
    assessment_id: String,
) -> Result<Vec<TrendPoint>> {
    client.assessment_trend(&assessment_id)
}

/// Asks where to save, then writes the export there; `None` if the user cancelled.
#[tauri::command]
pub async fn assessment_export<R: Runtime>(
    app: AppHandle<R>,
    client: State<'_, Arc<Client>>,
    assessment_id: String,
    format: ExportFormat,
) -> Result<Option<String>> {
    let contents = client.export_results(&assessment_id, format)?;
    let extension = match format {
        ExportFormat::Csv => "csv",
        ExportFormat::Json => "json",
    };
    save_with_dialog(&app, &format!("assessment-results.{extension}"), &contents)
}

/// Asks where to save `contents` (suggesting `file_name`) and writes it there;
/// the path, or `None` if the person cancelled.
fn save_with_dialog<R: Runtime>(
    app: &AppHandle<R>,
    file_name: &str,
    contents: &str,
) -> Result<Option<String>> {
    use tauri_plugin_dialog::DialogExt;
    let Some(path) = app
        .dialog()
        .file()
        .set_file_name(file_name)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    std::fs::write(&path, contents).map_err(|source| teamstead_client::ClientError::Io {
        context: format!("writing {}", path.display()),
        source,
    })?;
    Ok(Some(path.display().to_string()))
}

// Pulse surveys (docs/ipc.md, "Pulse commands").

#[tauri::command(async)]
pub fn pulse_list(client: State<'_, Arc<Client>>, team_id: String) -> Result<Vec<PulseView>> {
    client.pulses(&team_id)
}

#[tauri::command(async)]
pub fn pulse_save(
    client: State<'_, Arc<Client>>,
    team_id: String,
    input: PulseInput,
) -> Result<PulseView> {
    client.save_pulse(&team_id, input)
}

#[tauri::command(async)]
pub fn pulse_threshold_set(
    client: State<'_, Arc<Client>>,
    team_id: String,
    threshold: u64,
) -> Result<u64> {
    client.set_pulse_threshold(&team_id, threshold)
}

#[tauri::command(async)]
pub fn pulse_answer(
    client: State<'_, Arc<Client>>,
    team_id: String,
    pulse_id: String,
    answers: HashMap<String, i64>,
    comment: Option<String>,
) -> Result<PulseView> {
    client.answer_pulse(&team_id, &pulse_id, answers, comment.as_deref())
}

#[tauri::command(async)]
pub fn pulse_results(
    client: State<'_, Arc<Client>>,
    team_id: String,
    pulse_id: String,
) -> Result<PulseResultsView> {
    client.pulse_results(&team_id, &pulse_id)
}

#[tauri::command]
pub async fn billing_get(sync: State<'_, Syncer>, team_id: String) -> Result<BillingView> {
    sync.client().billing_view(sync.tokens(), &team_id).await
}

/// Opens Stripe Checkout in the browser; the plan arrives later, by webhook.
#[tauri::command]
pub async fn billing_checkout(
    sync: State<'_, Syncer>,
    team_id: String,
    plan: String,
) -> Result<String> {
    let url = sync
        .client()
        .billing_checkout(sync.tokens(), &team_id, &plan)
        .await?;
    crate::browser::open(&url)?;
    Ok(url)
}

#[tauri::command]
pub async fn billing_portal(sync: State<'_, Syncer>, team_id: String) -> Result<String> {
    let url = sync
        .client()
        .billing_portal(sync.tokens(), &team_id)
        .await?;
    crate::browser::open(&url)?;
    Ok(url)
}

#[tauri::command]
pub async fn billing_invoices(
    sync: State<'_, Syncer>,
    team_id: String,
) -> Result<serde_json::Value> {
    sync.client()
        .billing_invoices(sync.tokens(), &team_id)
        .await
}

#[tauri::command(async)]
pub fn watchlist_get(client: State<'_, Arc<Client>>, team_id: String) -> Result<Vec<String>> {
    client.watchlist(&team_id)
}

#[tauri::command(async)]
pub fn watchlist_add(
    client: State<'_, Arc<Client>>,
    team_id: String,
    symbol: String,
) -> Result<Vec<String>> {
    client.watch_symbol(&team_id, &symbol)
}

#[tauri::command(async)]
pub fn watchlist_remove(
    client: State<'_, Arc<Client>>,
    team_id: String,
    symbol: String,
) -> Result<Vec<String>> {
    client.unwatch_symbol(&team_id, &symbol)
}

#[tauri::command]
pub async fn market_quotes(sync: State<'_, Syncer>, team_id: String) -> Result<Vec<WatchItem>> {
    sync.client().market_quotes(sync.tokens(), &team_id).await
}

#[tauri::command]
pub async fn market_news(
    sync: State<'_, Syncer>,
    symbol: String,
    days: Option<u32>,
) -> Result<Feed> {
    sync.client()
        .market_news(sync.tokens(), &symbol, days.unwrap_or(7))
        .await
}

#[tauri::command]
pub async fn news_headlines(sync: State<'_, Syncer>, category: Option<String>) -> Result<Feed> {
    let category = category.unwrap_or_else(|| "business".into());
    sync.client().news_headlines(sync.tokens(), &category).await
}

// Time tracking, board files and bulk edits (docs/ipc.md, "Board tools").

#[tauri::command(async)]
pub fn timer_start(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
) -> Result<TimeEntryView> {
    client.start_timer(&board_id, &task_id)
}

#[tauri::command(async)]
pub fn timer_stop(client: State<'_, Arc<Client>>) -> Result<Option<TimeEntryView>> {
    client.stop_timer()
}

#[tauri::command(async)]
pub fn timer_running(client: State<'_, Arc<Client>>) -> Result<Option<TimeEntryView>> {
    client.running_timer()
}

#[tauri::command(async)]
pub fn time_entry_add(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_id: String,
    started_at: i64,
    ended_at: i64,
    note: Option<String>,
) -> Result<TimeEntryView> {
    client.add_time_entry(&board_id, &task_id, started_at, ended_at, note.as_deref())
}

#[tauri::command(async)]
pub fn time_entry_edit(
    client: State<'_, Arc<Client>>,
    entry_id: String,
    started_at: i64,
    ended_at: i64,
    note: Option<String>,
) -> Result<TimeEntryView> {
    client.edit_time_entry(&entry_id, started_at, ended_at, note.as_deref())
}

#[tauri::command(async)]
pub fn time_entry_delete(client: State<'_, Arc<Client>>, entry_id: String) -> Result<()> {
    client.delete_time_entry(&entry_id)
}

#[tauri::command(async)]
pub fn time_entries(
    client: State<'_, Arc<Client>>,
    team_id: String,
    from: i64,
    to: i64,
) -> Result<Vec<TimeEntryView>> {
    client.time_entries(&team_id, from, to)
}

#[tauri::command(async)]
pub fn time_totals(
    client: State<'_, Arc<Client>>,
    team_id: String,
    from: i64,
    to: i64,
) -> Result<TimeTotals> {
    client.time_totals(&team_id, from, to)
}

#[tauri::command]
pub async fn timesheet_export<R: Runtime>(
    app: AppHandle<R>,
    client: State<'_, Arc<Client>>,
    team_id: String,
    from: i64,
    to: i64,
) -> Result<Option<String>> {
    let contents = client.timesheet_csv(&team_id, from, to)?;
    save_with_dialog(&app, "timesheet.csv", &contents)
}

#[tauri::command]
pub async fn board_export<R: Runtime>(
    app: AppHandle<R>,
    client: State<'_, Arc<Client>>,
    board_id: String,
    format: ExportFormat,
) -> Result<Option<String>> {
    let (contents, name) = match format {
        ExportFormat::Csv => (client.export_board_csv(&board_id)?, "board.csv"),
        ExportFormat::Json => (
            serde_json::to_string_pretty(&client.export_board_json(&board_id)?).unwrap_or_default(),
            "board.json",
        ),
    };
    save_with_dialog(&app, name, &contents)
}

/// A CSV file chosen in the system's file picker; `None` if cancelled.
#[tauri::command(async)]
pub fn board_import_pick<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .set_title("Import tasks from a CSV file")
        .add_filter("CSV", &["csv"])
        .blocking_pick_file()
        .and_then(|file| file.into_path().ok())
        .map(|path| path.to_string_lossy().to_string())
}

#[tauri::command(async)]
pub fn board_import(
    client: State<'_, Arc<Client>>,
    board_id: String,
    path: String,
    preview: bool,
    accept_partial: bool,
) -> Result<ImportReport> {
    let csv =
        std::fs::read_to_string(&path).map_err(|source| teamstead_client::ClientError::Io {
            context: format!("reading {path}"),
            source,
        })?;
    if preview {
        client.preview_board_csv(&board_id, &csv)
    } else {
        client.import_board_csv(&board_id, &csv, accept_partial)
    }
}

#[tauri::command(async)]
pub fn bulk_edit(
    client: State<'_, Arc<Client>>,
    board_id: String,
    task_ids: Vec<String>,
    action: BulkAction,
) -> Result<BulkResult> {
    client.bulk_edit(&board_id, &task_ids, action)
}

#[tauri::command(async)]
pub fn bulk_undo(client: State<'_, Arc<Client>>, undo_id: String) -> Result<usize> {
    client.undo_bulk_edit(&undo_id)
}
