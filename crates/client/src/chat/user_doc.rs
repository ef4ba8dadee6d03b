//! This person's user document: read markers and notification settings. It is
//! started on first write, the same document on each of their devices.

use teamstead_model::user::{self, UserDoc};
use teamstead_model::{DocKind, ModelError};

use crate::{Client, Result};

impl Client {
    /// This person's user document, or an empty one if they never wrote it.
    pub(crate) fn user_doc(&self) -> Result<UserDoc> {
        let me = self.identity().user_id;
        let id = user::doc_id(&me);
        match self.read_doc_if_here(&id, user::read)? {
            Some(user) => Ok(user),
            None => Ok(user::init(&mut automerge::AutoCommit::new(), &me)?),
        }
    }

    pub(crate) fn write_user_doc<T>(
        &self,
        edit: impl FnOnce(&mut automerge::AutoCommit, i64) -> Result<T, ModelError>,
    ) -> Result<T> {
        let me = self.identity().user_id;
        let id = user::doc_id(&me);
        self.batch(|batch| {
            let now = batch.now();
            batch.write_derived(
                &id,
                DocKind::User,
                None,
                || user::genesis(&me),
                |doc| edit(doc, now),
            )
        })
    }
}
