//! What the relay keeps, behind one trait so a PostgreSQL backend can sit beside the
//! embedded SQLite one. Calls are blocking; the async parts call them through
//! `spawn_blocking`.

mod sqlite;

pub use sqlite::verify_database;

pub use sqlite::SqliteStorage;

use teamstead_model::billing::BillingStatus;
use teamstead_model::policy::DocMeta;
use teamstead_model::team::Role;
use teamstead_model::DocKind;

/// Milliseconds since the Unix epoch.
pub type Millis = i64;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{0} already exists")]
    Conflict(&'static str),
    #[error("the relay database failed: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Corrupt(String),
    #[error("a storage task stopped: {0}")]
    Task(#[from] tokio::task::JoinError),
}

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub created_at: Millis,
}

/// A signed-in device, found by its token's hash.
#[derive(Debug, Clone)]
pub struct Session {
    pub user_id: String,
    pub device_id: String,
    pub expires_at: Millis,
    pub revoked: bool,
}

#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: &'a str,
    pub device_id: &'a str,
    pub device_name: &'a str,
    pub now: Millis,
    pub expires_at: Millis,
}

#[derive(Debug, Clone)]
pub struct Invitation {
    pub team_id: String,
    pub role: Role,
    pub created_by: String,
}

#[derive(Debug, Clone)]
pub struct NewInvitation<'a> {
    pub code_hash: &'a str,
    pub team_id: &'a str,
    pub role: Role,
    pub created_by: &'a str,
    pub now: Millis,
    pub expires_at: Millis,
    pub max_uses: Option<u32>,
}

/// Why an invitation code cannot be redeemed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redeem {
    Unknown,
    Expired,
    UsedUp,
}

/// An actor seen for the first time, to bind to the device that sent it.
#[derive(Debug, Clone)]
pub struct ActorBinding {
    pub actor_id: String,
    pub device_id: String,
    pub user_id: String,
}

/// Accepted changes to one document, stored in one transaction.
#[derive(Debug, Clone)]
pub struct DocWrite {
    pub doc_id: String,
    /// Set when the document is new.
    pub create: Option<DocMeta>,
    pub chunk: Vec<u8>,
    pub actors: Vec<ActorBinding>,
    /// A team document's members after the change.
    pub members: Option<Vec<(String, Role)>>,
    /// A team document's private conversations after the change, as
    /// (conversation, reader) pairs.
    pub conversations: Option<Vec<(String, String)>>,
    /// A pulse answer as submitted, kept for aggregation.
    pub pulse_answer: Option<PulseAnswerRow>,
    pub now: Millis,
}

/// One person's submitted pulse answer, as only the relay reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct PulseAnswerRow {
    pub team_id: String,
    pub pulse_id: String,
    pub period: String,
    pub user_id: String,
    pub answers: std::collections::HashMap<String, i64>,
    pub comment: Option<String>,
    pub submitted_at: Millis,
}

/// An attachment uploaded to a team.
#[derive(Debug, Clone)]
pub struct NewBlob<'a> {
    pub sha256: &'a str,
    pub team_id: &'a str,
    pub user_id: &'a str,
    pub data: &'a [u8],
    pub now: Millis,
}

/// A team's Stripe customer and subscription, as the webhooks last told them.
#[derive(Debug, Clone, PartialEq)]
pub struct BillingAccount {
    pub team_id: String,
    pub customer_id: Option<String>,
    pub subscription_id: Option<String>,
    /// A plan id of the relay's configuration.
    pub plan: String,
    pub status: BillingStatus,
    pub period_end: Option<Millis>,
    pub past_due_since: Option<Millis>,
    /// The newest subscription event applied (Stripe's `created`, seconds): older
    /// ones arriving late change nothing.
    pub event_at: i64,
}

/// One row of `admin teams`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TeamRow {
    pub team_id: String,
    pub members: u32,
    pub documents: u32,
}

pub trait Storage: Send + Sync + 'static {
    fn create_user(&self, user: &User) -> Result<()>;
    fn user_by_email(&self, email: &str) -> Result<Option<User>>;
    fn user_by_id(&self, id: &str) -> Result<Option<User>>;
    fn list_users(&self) -> Result<Vec<User>>;

    fn create_session(&self, session: NewSession<'_>) -> Result<()>;
    fn session(&self, token_hash: &str) -> Result<Option<Session>>;
    fn revoke_session(&self, token_hash: &str, now: Millis) -> Result<bool>;
    /// Revokes every session of a user; returns how many were live.
    fn revoke_user_sessions(&self, user_id: &str, now: Millis) -> Result<usize>;

    /// The device an actor is bound to, if any.
    fn actor_device(&self, actor_id: &str) -> Result<Option<String>>;

    fn doc_meta(&self, doc_id: &str) -> Result<Option<DocMeta>>;
    fn doc_chunks(&self, doc_id: &str) -> Result<Vec<Vec<u8>>>;
    /// Stores accepted changes; returns how many chunks the document now has.
    fn write_doc(&self, write: &DocWrite) -> Result<usize>;
    /// The submitted answers of one period of a pulse survey, oldest first.
    fn pulse_answers(
        &self,
        team_id: &str,
        pulse_id: &str,
        period: &str,
    ) -> Result<Vec<PulseAnswerRow>>;
    /// Replaces a document's chunks with one snapshot.
    fn compact_doc(&self, doc_id: &str, snapshot: &[u8]) -> Result<()>;
    fn count_docs(&self) -> Result<u64>;

    /// How many documents of a kind a team has (boards, for the plan's limit).
    fn count_team_docs(&self, team_id: &str, kind: DocKind) -> Result<u64>;
    fn billing_account(&self, team_id: &str) -> Result<Option<BillingAccount>>;
    fn billing_account_by_customer(&self, customer_id: &str) -> Result<Option<BillingAccount>>;
    /// Saves a team's account, and with `event` records that Stripe event as handled
    /// in the same transaction: `false` (and nothing saved) if it was handled before.
    fn save_billing_account(
        &self,
        account: &BillingAccount,
        event: Option<(&str, &str)>,
        now: Millis,
    ) -> Result<bool>;
    /// Records an event that changes no account: `false` if it was seen before.
    fn record_stripe_event(&self, event_id: &str, kind: &str, now: Millis) -> Result<bool>;
    fn team_members(&self, team_id: &str) -> Result<Vec<(String, Role)>>;
    /// Who reads each private conversation of a team, as (conversation, user).
    fn conversation_members(&self, team_id: &str) -> Result<Vec<(String, String)>>;

    /// Stores an attachment (once, whatever the team) and lets `team_id` read it.
    fn put_blob(&self, blob: NewBlob<'_>) -> Result<()>;
    /// An attachment's bytes, if `team_id` may read it.
    fn blob(&self, team_id: &str, sha256: &str) -> Result<Option<Vec<u8>>>;
    fn has_blob(&self, team_id: &str, sha256: &str) -> Result<bool>;

    /// The teams a user belongs to, with their role in each.
    fn user_teams(&self, user_id: &str) -> Result<Vec<(String, Role)>>;
    fn list_teams(&self) -> Result<Vec<TeamRow>>;

    fn create_invitation(&self, invitation: NewInvitation<'_>) -> Result<()>;
    /// Counts one use of an invitation, if it can still be used.
    fn redeem_invitation(&self, code_hash: &str, now: Millis)
        -> Result<Result<Invitation, Redeem>>;

    fn relay_value(&self, key: &str) -> Result<Option<String>>;
    fn set_relay_value(&self, key: &str, value: &str) -> Result<()>;

    /// A consistent copy of everything, taken while the relay runs.
    fn backup_to(&self, path: &std::path::Path) -> Result<()>;
}
