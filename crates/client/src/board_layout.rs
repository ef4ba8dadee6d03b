//! A board's layout: its columns (with their WIP limits) and the saved views the
//! team shares. Both live in the board document; the index follows columns.

use teamstead_model::board::{columns, views, Status};
use teamstead_model::ModelError;

use crate::client::doc_id;
use crate::{BoardDetail, Client, Result, SavedView, TaskQuery};

impl Client {
    /// A board with its columns in order and its saved views.
    pub fn board_detail(&self, board_id: &str) -> Result<BoardDetail> {
        let summary = self.board(board_id)?;
        let id = doc_id("board", board_id)?;
        let (columns, stored) =
            self.read_doc(&id, |doc| Ok((columns::columns(doc)?, views::views(doc)?)))?;
        Ok(BoardDetail {
            id: summary.id,
            team_id: summary.team_id,
            name: summary.name,
            columns,
            views: stored
                .into_iter()
                // A view whose filter this version cannot read is left out, not fatal.
                .filter_map(|v| {
                    Some(SavedView {
                        query: serde_json::from_str(&v.query).ok()?,
                        id: v.id,
                        name: v.name,
                    })
                })
                .collect(),
        })
    }

    /// Runs one layout edit on a board and returns the board as it now is.
    fn edit_layout<T>(
        &self,
        board_id: &str,
        edit: impl FnOnce(&mut automerge::AutoCommit, i64) -> Result<T, ModelError>,
    ) -> Result<BoardDetail> {
        self.require_board_writer(board_id)?;
        self.write_doc(&doc_id("board", board_id)?, edit)?;
        self.board_detail(board_id)
    }

    pub fn add_column(
        &self,
        board_id: &str,
        name: &str,
        status: Status,
        wip_limit: Option<u64>,
    ) -> Result<BoardDetail> {
        self.edit_layout(board_id, |doc, _| {
            columns::add_column(doc, name, status, wip_limit)
        })
    }

    pub fn update_column(
        &self,
        board_id: &str,
        column_id: &str,
        patch: columns::ColumnPatch,
    ) -> Result<BoardDetail> {
        self.edit_layout(board_id, |doc, now| {
            columns::update_column(doc, column_id, patch, now)
        })
    }

    pub fn move_column(
        &self,
        board_id: &str,
        column_id: &str,
        before: Option<&str>,
    ) -> Result<BoardDetail> {
        self.edit_layout(board_id, |doc, _| {
            columns::move_column(doc, column_id, before)
        })
    }

    /// Removes a column; its tasks go to `move_to`.
    pub fn delete_column(
        &self,
        board_id: &str,
        column_id: &str,
        move_to: &str,
    ) -> Result<BoardDetail> {
        self.edit_layout(board_id, |doc, now| {
            columns::delete_column(doc, column_id, move_to, now)
        })
    }

    /// Saves a filter under a name for the whole team; the same name replaces it.
    pub fn save_view(&self, board_id: &str, name: &str, query: &TaskQuery) -> Result<BoardDetail> {
        let query = serde_json::to_string(query).map_err(|_| ModelError::Invalid {
            what: "a view's filter",
            reason: "it cannot be written",
        })?;
        self.edit_layout(board_id, |doc, now| {
            views::save_view(doc, name, &query, now)
        })
    }

    pub fn delete_view(&self, board_id: &str, view_id: &str) -> Result<BoardDetail> {
        self.edit_layout(board_id, |doc, _| views::delete_view(doc, view_id))
    }
}
