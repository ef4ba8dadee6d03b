//! Saved views: a name and a task filter, kept in the board so the whole team
//! shares them. The filter is the client's query, stored as JSON text: the board
//! keeps it, the client reads it.

use std::collections::HashMap;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ReadDoc, ROOT};
use autosurgeon::{hydrate_prop, reconcile_prop, Hydrate, Reconcile};

use crate::doc::expect_kind;
use crate::{new_id, validate_title, DocKind, Millis, ModelError, Result};

const MAX_QUERY: usize = 4_000;
const MAX_VIEWS: usize = 50;

#[derive(Debug, Clone, PartialEq)]
pub struct SavedView {
    pub id: String,
    pub name: String,
    /// The filter as JSON text.
    pub query: String,
    pub created_at: Millis,
}

#[derive(Debug, Clone, Reconcile, Hydrate)]
struct Stored {
    name: String,
    query: String,
    created_at: Millis,
}

/// The board's views, by name.
pub fn views(doc: &AutoCommit) -> Result<Vec<SavedView>> {
    expect_kind(doc, DocKind::Board)?;
    if doc.get(ROOT, "views")?.is_none() {
        return Ok(Vec::new());
    }
    let stored: HashMap<String, Stored> = hydrate_prop(doc, ROOT, "views")?;
    let mut views: Vec<SavedView> = stored
        .into_iter()
        .map(|(id, v)| SavedView {
            id,
            name: v.name,
            query: v.query,
            created_at: v.created_at,
        })
        .collect();
    views.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(views)
}

fn views_obj(doc: &mut AutoCommit) -> Result<automerge::ObjId> {
    expect_kind(doc, DocKind::Board)?;
    if let Some((automerge::Value::Object(ObjType::Map), id)) = doc.get(ROOT, "views")? {
        return Ok(id);
    }
    Ok(doc.put_object(ROOT, "views", ObjType::Map)?)
}

/// Saves a view; one of the same name (ignoring case) is replaced.
pub fn save_view(doc: &mut AutoCommit, name: &str, query: &str, now: Millis) -> Result<SavedView> {
    let name = validate_title("a view name", name)?;
    if query.len() > MAX_QUERY {
        return Err(ModelError::TooLong {
            what: "a view's filter",
            max: MAX_QUERY,
        });
    }
    let existing = views(doc)?;
    let same = existing
        .iter()
        .find(|v| v.name.to_lowercase() == name.to_lowercase());
    if same.is_none() && existing.len() >= MAX_VIEWS {
        return Err(ModelError::TooLong {
            what: "the board's views",
            max: MAX_VIEWS,
        });
    }
    let view = SavedView {
        id: same.map_or_else(new_id, |v| v.id.clone()),
        name,
        query: query.to_string(),
        created_at: now,
    };
    let obj = views_obj(doc)?;
    let stored = Stored {
        name: view.name.clone(),
        query: view.query.clone(),
        created_at: now,
    };
    reconcile_prop(doc, &obj, view.id.as_str(), stored)?;
    Ok(view)
}

pub fn delete_view(doc: &mut AutoCommit, id: &str) -> Result<()> {
    if !views(doc)?.iter().any(|v| v.id == id) {
        return Err(ModelError::not_found("view", id));
    }
    let obj = views_obj(doc)?;
    doc.delete(&obj, id)?;
    Ok(())
}
