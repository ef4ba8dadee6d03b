//! Full-text search over tasks (SQLite FTS5).

use crate::{Client, Result, SearchHit, Status};

const MAX_HITS: i64 = 50;

/// Turns what a person typed into an FTS5 query: every word must match, the last
/// one as a prefix, and nothing typed is read as FTS5 syntax.
pub(crate) fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    let (last, rest) = words.split_last()?;
    let mut query = rest.join(" ");
    if !query.is_empty() {
        query.push(' ');
    }
    query.push_str(last);
    query.push('*');
    Some(query)
}

impl Client {
    /// Tasks whose title or description match `query`, best first; within one team
    /// if `team_id` is given, else across the user's teams.
    pub fn search_tasks(&self, query: &str, team_id: Option<&str>) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let inner = self.lock();
        let mut stmt = inner.conn.prepare_cached(
            "SELECT t.id, t.board_id, t.team_id, t.title, t.status,
                    snippet(idx_tasks_fts, -1, char(2), char(3), '…', 12)
             FROM idx_tasks_fts f JOIN idx_tasks t ON t.seq = f.rowid
             WHERE idx_tasks_fts MATCH ?1 AND (?2 IS NULL OR t.team_id = ?2)
               AND t.team_id IN (SELECT team_id FROM idx_members WHERE user_id = ?3)
             ORDER BY bm25(idx_tasks_fts, 4.0, 1.0) LIMIT ?4",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![fts, team_id, inner.identity.user_id, MAX_HITS],
            |r| {
                let status: String = r.get(4)?;
                Ok(SearchHit {
                    task_id: r.get(0)?,
                    board_id: r.get(1)?,
                    team_id: r.get(2)?,
                    title: r.get(3)?,
                    status: Status::parse(&status).unwrap_or(Status::Todo),
                    snippet: r.get(5)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_text_never_becomes_fts_syntax() {
        assert_eq!(
            fts_query("launch po").as_deref(),
            Some("\"launch\" \"po\"*")
        );
        assert_eq!(
            fts_query("\"NEAR(a b)\" OR -x").as_deref(),
            Some("\"NEAR\" \"a\" \"b\" \"OR\" \"x\"*")
        );
        assert_eq!(fts_query("  ()* "), None);
    }
}
