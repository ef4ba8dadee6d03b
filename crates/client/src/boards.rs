//! Boards: a team's task boards.

use rusqlite::OptionalExtension;
use teamstead_model::team::Role;
use teamstead_model::{board, team, DocKind, ModelError};
use teamstead_protocol::DocumentId;

use crate::batch::Batch;

use crate::client::doc_id;
use crate::{BoardSummary, Client, ClientError, Result};

const BOARD_COLUMNS: &str =
    "b.id, b.team_id, b.name, (SELECT COUNT(*) FROM idx_tasks t WHERE t.board_id = b.id)";

impl Client {
    pub fn list_boards(&self, team_id: &str) -> Result<Vec<BoardSummary>> {
        let inner = self.lock();
        let mut stmt = inner.conn.prepare(&format!(
            "SELECT {BOARD_COLUMNS} FROM idx_boards b WHERE b.team_id = ?1 ORDER BY b.position, b.created_at"
        ))?;
        let rows = stmt.query_map([team_id], BoardSummary::from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn board(&self, board_id: &str) -> Result<BoardSummary> {
        let inner = self.lock();
        inner
            .conn
            .query_row(
                &format!("SELECT {BOARD_COLUMNS} FROM idx_boards b WHERE b.id = ?1"),
                [board_id],
                BoardSummary::from_row,
            )
            .map_err(ClientError::or_not_found("board", board_id))
    }

    /// Creates a board and lists it in its team, both in one transaction.
    pub fn create_board(&self, team_id: &str, name: &str) -> Result<BoardSummary> {
        let me = self.identity().user_id;
        let team_doc = doc_id("team", team_id)?;
        let boards = self.read_doc(&team_doc, |doc| Ok(team::read(doc)?.boards.len()))?;
        self.check_plan(team_id, |plan| plan.check_boards(boards + 1))?;
        let board_id = self.batch(|batch| add_board(batch, &team_doc, &me, name))?;
        self.board(&board_id.to_string())
    }

    /// Boards are written by the team's members; viewers and outsiders only read.
    pub(crate) fn require_board_writer(&self, board_id: &str) -> Result<()> {
        self.board(board_id)?;
        let inner = self.lock();
        let role: Option<String> = inner
            .conn
            .prepare_cached(
                "SELECT m.role FROM idx_boards b JOIN idx_members m ON m.team_id = b.team_id
                 WHERE b.id = ?1 AND m.user_id = ?2",
            )?
            .query_row(rusqlite::params![board_id, inner.identity.user_id], |r| {
                r.get(0)
            })
            .optional()?;
        match role.as_deref().and_then(Role::parse) {
            Some(role) if role.writes_content() => Ok(()),
            _ => Err(ModelError::Forbidden("change this board").into()),
        }
    }

    pub fn rename_board(&self, board_id: &str, name: &str) -> Result<BoardSummary> {
        let id = doc_id("board", board_id)?;
        self.require_board_writer(board_id)?;
        self.write_doc(&id, |doc, _| board::rename(doc, name))?;
        self.board(board_id)
    }
}

/// Within a batch: a new board document, listed in its team's document. The team
/// write checks the author may add boards, and failing it undoes the board too.
pub(crate) fn add_board(
    batch: &mut Batch<'_>,
    team_doc: &DocumentId,
    by: &str,
    name: &str,
) -> Result<DocumentId> {
    let team_id = team_doc.to_string();
    let now = batch.now();
    let (board_id, _) = batch.create(DocKind::Board, Some(&team_id), |doc| {
        board::init(doc, &team_id, name, now)
    })?;
    let listed = board_id.to_string();
    batch.write(team_doc, |doc| team::add_board(doc, by, &listed))?;
    Ok(board_id)
}
