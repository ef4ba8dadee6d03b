//! Teamstead's local-first engine. It keeps a user's documents in SQLite, keeps a
//! query index derived from them, and is the one API the desktop shell and the CLI
//! call. Every write goes into a document first; the index follows in the same
//! SQLite transaction, so what a call reports as saved is on disk.

mod assessments;
mod batch;
mod billing;
mod board_io;
mod board_layout;
mod boards;
mod bulk;
mod chat;
mod checklist;
mod client;
pub mod clock;
mod csv;
pub mod data_dir;
mod demo;
mod dto;
mod error;
mod index;
mod market;
pub mod migrations;
mod people;
mod pulses;
mod search;
mod store;
pub mod sync;
mod task_history;
mod tasks;
mod teams;
mod time;

pub use assessments::*;
pub use billing::{BillingView, PlanLimits, Usage};
pub use board_io::{ImportReport, RowProblem};
pub use bulk::{BulkAction, BulkResult};
pub use chat::messages::MessageFilter;
pub use client::Client;
pub use dto::*;
pub use error::{ClientError, Result};
pub use market::{Feed, Freshness, WatchItem};
pub use people::{DepartmentView, PersonView, TeamPeople, Workload};
pub use pulses::{PeriodView, PulseInput, PulseResultsView, PulseView};
pub use tasks::{Place, TaskQuery};
pub use teamstead_model::assessment::results::Results as AssessmentResults;
pub use teamstead_model::assessment::templates::Template;
pub use teamstead_model::assessment::{
    Assignees, Decision, Progress, Question, QuestionKind, Scoring, Section,
};
pub use teamstead_model::board::columns::{Column, ColumnPatch};
pub use teamstead_model::board::{Priority, Status, TaskPatch};
pub use teamstead_model::channel::Attachment;
pub use teamstead_model::pulse::{Cadence, PeriodResults, Pulse};
pub use teamstead_model::response::Answer;
pub use teamstead_model::team::Role;
pub use teamstead_model::user::NotificationSettings;
pub use teamstead_model::{DocKind, ModelError};
pub use teamstead_protocol::PresenceState;
pub use time::{TimeEntryView, TimeTotals};
/// What a change subscriber gets when it falls behind or the client closes.
pub use tokio::sync::broadcast::error::RecvError;
/// A subscription to the client's events (document changes, live signals).
pub use tokio::sync::broadcast::Receiver as EventReceiver;
