//! The embedded SQLite backend: one file in the data directory, WAL with full sync,
//! so whatever the relay acknowledged survives a crash.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use rusqlite::{params, Connection, OptionalExtension};

use super::*;

/// (version, name, SQL), applied in order; append only.
const MIGRATIONS: &[(u32, &str, &str)] = &[
    (
        1,
        "0001_accounts_documents_teams.sql",
        include_str!("../../../migrations/relay/0001_accounts_documents_teams.sql"),
    ),
    (
        2,
        "0002_conversations_and_blobs.sql",
        include_str!("../../../migrations/relay/0002_conversations_and_blobs.sql"),
    ),
    (
        3,
        "0003_pulse_answers.sql",
        include_str!("../../../migrations/relay/0003_pulse_answers.sql"),
    ),
    (
        4,
        "0004_billing.sql",
        include_str!("../../../migrations/relay/0004_billing.sql"),
    ),
];

pub struct SqliteStorage {
    conn: Mutex<Connection>,
}

impl SqliteStorage {
    pub fn open(path: &Path) -> Result<Self> {
        let mut conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;",
        )?;
        migrate(&mut conn)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    fn billing_account_where(&self, column: &str, value: &str) -> Result<Option<BillingAccount>> {
        let conn = self.conn();
        let sql = format!(
            "SELECT team_id, customer_id, subscription_id, plan, status, period_end,
                 past_due_since, event_at FROM billing_accounts WHERE {column} = ?1"
        );
        let row = conn
            .query_row(&sql, [value], |r| {
                Ok((
                    BillingAccount {
                        team_id: r.get(0)?,
                        customer_id: r.get(1)?,
                        subscription_id: r.get(2)?,
                        plan: r.get(3)?,
                        status: BillingStatus::Active,
                        period_end: r.get(5)?,
                        past_due_since: r.get(6)?,
                        event_at: r.get(7)?,
                    },
                    r.get::<_, String>(4)?,
                ))
            })
            .optional()?;
        row.map(|(mut account, status)| {
            account.status = BillingStatus::parse(&status).ok_or_else(|| {
                StorageError::Corrupt(format!("billing status `{status}` of {}", account.team_id))
            })?;
            Ok(account)
        })
        .transpose()
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic mid-call rolled its transaction back; the connection is usable.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn migrate(conn: &mut Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);",
    )?;
    let current: u32 = conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM schema_version",
        [],
        |r| r.get(0),
    )?;
    let known = MIGRATIONS.last().map_or(0, |m| m.0);
    if current > known {
        return Err(StorageError::Corrupt(format!(
            "the relay database has schema {current}, newer than this relay's {known}; update the relay"
        )));
    }
    for (version, name, sql) in MIGRATIONS.iter().filter(|m| m.0 > current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (?1, ?2, ?3)",
            params![version, name, crate::clock::now()],
        )?;
        tx.commit()?;
    }
    Ok(())
}

fn role_from(s: String) -> rusqlite::Result<Role> {
    Role::parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, s.into())
    })
}

fn user_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: r.get(0)?,
        email: r.get(1)?,
        name: r.get(2)?,
        password_hash: r.get(3)?,
        created_at: r.get(4)?,
    })
}

const USER_COLUMNS: &str = "id, email, name, password_hash, created_at";

fn unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

impl Storage for SqliteStorage {
    fn create_user(&self, user: &User) -> Result<()> {
        let conn = self.conn();
        conn.execute(
            "INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![user.id, user.email, user.name, user.password_hash, user.created_at],
        )
        .map_err(|e| if unique_violation(&e) { StorageError::Conflict("an account with this email or id") } else { e.into() })?;
        Ok(())
    }

    fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        let conn = self.conn();
        Ok(conn
            .query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE email = ?1"),
                [email],
                user_from,
            )
            .optional()?)
    }

    fn user_by_id(&self, id: &str) -> Result<Option<User>> {
        let conn = self.conn();
        Ok(conn
            .query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"),
                [id],
                user_from,
            )
            .optional()?)
    }

    fn list_users(&self) -> Result<Vec<User>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY email"))?;
        let users = stmt.query_map([], user_from)?.collect::<Result<_, _>>()?;
        Ok(users)
    }

    fn create_session(&self, s: NewSession<'_>) -> Result<()> {
        self.conn().execute(
            "INSERT INTO sessions (token_hash, user_id, device_id, device_name, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![s.token_hash, s.user_id, s.device_id, s.device_name, s.now, s.expires_at],
        )?;
        Ok(())
    }

    fn session(&self, token_hash: &str) -> Result<Option<Session>> {
        let conn = self.conn();
        Ok(conn
            .query_row(
                "SELECT user_id, device_id, expires_at, revoked_at IS NOT NULL FROM sessions WHERE token_hash = ?1",
                [token_hash],
                |r| {
                    Ok(Session {
                        user_id: r.get(0)?,
                        device_id: r.get(1)?,
                        expires_at: r.get(2)?,
                        revoked: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    fn revoke_session(&self, token_hash: &str, now: Millis) -> Result<bool> {
        let n = self.conn().execute(
            "UPDATE sessions SET revoked_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL",
            params![token_hash, now],
        )?;
        Ok(n > 0)
    }

    fn revoke_user_sessions(&self, user_id: &str, now: Millis) -> Result<usize> {
        Ok(self.conn().execute(
            "UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL",
            params![user_id, now],
        )?)
    }

    fn actor_device(&self, actor_id: &str) -> Result<Option<String>> {
        let conn = self.conn();
        Ok(conn
            .query_row(
                "SELECT device_id FROM actors WHERE actor_id = ?1",
                [actor_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn doc_meta(&self, doc_id: &str) -> Result<Option<DocMeta>> {
        let conn = self.conn();
        let row: Option<(String, String, Option<String>)> = conn
            .query_row(
                "SELECT kind, team_id, subject FROM documents WHERE id = ?1",
                [doc_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        row.map(|(kind, team_id, subject)| {
            let kind = DocKind::parse(&kind).ok_or_else(|| {
                StorageError::Corrupt(format!("document {doc_id} has unknown kind {kind}"))
            })?;
            Ok(DocMeta {
                kind,
                team_id,
                subject,
            })
        })
        .transpose()
    }

    fn doc_chunks(&self, doc_id: &str) -> Result<Vec<Vec<u8>>> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare_cached("SELECT data FROM doc_chunks WHERE doc_id = ?1 ORDER BY seq")?;
        let chunks = stmt
            .query_map([doc_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(chunks)
    }

    fn write_doc(&self, w: &DocWrite) -> Result<usize> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        if let Some(meta) = &w.create {
            tx.execute(
                "INSERT INTO documents (id, kind, team_id, subject, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![w.doc_id, meta.kind.as_str(), meta.team_id, meta.subject, w.now],
            )
            .map_err(|e| if unique_violation(&e) { StorageError::Conflict("this document") } else { e.into() })?;
        }
        tx.execute(
            "INSERT INTO doc_chunks (doc_id, data) VALUES (?1, ?2)",
            params![w.doc_id, w.chunk],
        )?;
        for a in &w.actors {
            tx.execute(
                "INSERT INTO actors (actor_id, device_id, user_id, bound_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (actor_id) DO NOTHING",
                params![a.actor_id, a.device_id, a.user_id, w.now],
            )?;
        }
        if let Some(members) = &w.members {
            tx.execute("DELETE FROM team_members WHERE team_id = ?1", [&w.doc_id])?;
            for (user, role) in members {
                tx.execute(
                    "INSERT INTO team_members (team_id, user_id, role) VALUES (?1, ?2, ?3)",
                    params![w.doc_id, user, role.as_str()],
                )?;
            }
        }
        if let Some(audiences) = &w.conversations {
            tx.execute(
                "DELETE FROM conversation_members WHERE team_id = ?1",
                [&w.doc_id],
            )?;
            for (conversation, user) in audiences {
                tx.execute(
                    "INSERT OR IGNORE INTO conversation_members (team_id, conversation_id, user_id)
                     VALUES (?1, ?2, ?3)",
                    params![w.doc_id, conversation, user],
                )?;
            }
        }
        if let Some(a) = &w.pulse_answer {
            let answers = serde_json::to_string(&a.answers)
                .map_err(|e| StorageError::Corrupt(e.to_string()))?;
            tx.execute(
                "INSERT INTO pulse_answers
                     (doc_id, team_id, pulse_id, period, user_id, answers, comment, submitted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (doc_id) DO NOTHING",
                params![
                    w.doc_id,
                    a.team_id,
                    a.pulse_id,
                    a.period,
                    a.user_id,
                    answers,
                    a.comment,
                    a.submitted_at
                ],
            )?;
        }
        let chunks: i64 = tx.query_row(
            "SELECT COUNT(*) FROM doc_chunks WHERE doc_id = ?1",
            [&w.doc_id],
            |r| r.get(0),
        )?;
        tx.commit()?;
        Ok(usize::try_from(chunks).unwrap_or(usize::MAX))
    }

    fn pulse_answers(
        &self,
        team_id: &str,
        pulse_id: &str,
        period: &str,
    ) -> Result<Vec<PulseAnswerRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT team_id, pulse_id, period, user_id, answers, comment, submitted_at
             FROM pulse_answers WHERE team_id = ?1 AND pulse_id = ?2 AND period = ?3
             ORDER BY submitted_at, doc_id",
        )?;
        let rows = stmt.query_map(params![team_id, pulse_id, period], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (team_id, pulse_id, period, user_id, answers, comment, submitted_at) = row?;
            let answers = serde_json::from_str(&answers)
                .map_err(|e| StorageError::Corrupt(format!("a stored pulse answer: {e}")))?;
            out.push(PulseAnswerRow {
                team_id,
                pulse_id,
                period,
                user_id,
                answers,
                comment,
                submitted_at,
            });
        }
        Ok(out)
    }

    fn compact_doc(&self, doc_id: &str, snapshot: &[u8]) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM doc_chunks WHERE doc_id = ?1", [doc_id])?;
        tx.execute(
            "INSERT INTO doc_chunks (doc_id, data) VALUES (?1, ?2)",
            params![doc_id, snapshot],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn count_docs(&self) -> Result<u64> {
        let count: i64 = self
            .conn()
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    fn count_team_docs(&self, team_id: &str, kind: DocKind) -> Result<u64> {
        let count: i64 = self.conn().query_row(
            "SELECT COUNT(*) FROM documents WHERE team_id = ?1 AND kind = ?2",
            params![team_id, kind.as_str()],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    fn billing_account(&self, team_id: &str) -> Result<Option<BillingAccount>> {
        self.billing_account_where("team_id", team_id)
    }

    fn billing_account_by_customer(&self, customer_id: &str) -> Result<Option<BillingAccount>> {
        self.billing_account_where("customer_id", customer_id)
    }

    fn save_billing_account(
        &self,
        account: &BillingAccount,
        event: Option<(&str, &str)>,
        now: Millis,
    ) -> Result<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        if let Some((event_id, kind)) = event {
            let fresh = tx.execute(
                "INSERT INTO stripe_events (event_id, type, received_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (event_id) DO NOTHING",
                params![event_id, kind, now],
            )?;
            if fresh == 0 {
                return Ok(false);
            }
        }
        tx.execute(
            "INSERT INTO billing_accounts (team_id, customer_id, subscription_id, plan, status,
                 period_end, past_due_since, event_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (team_id) DO UPDATE SET customer_id = excluded.customer_id,
                 subscription_id = excluded.subscription_id, plan = excluded.plan,
                 status = excluded.status, period_end = excluded.period_end,
                 past_due_since = excluded.past_due_since, event_at = excluded.event_at,
                 updated_at = excluded.updated_at",
            params![
                account.team_id,
                account.customer_id,
                account.subscription_id,
                account.plan,
                account.status.as_str(),
                account.period_end,
                account.past_due_since,
                account.event_at,
                now
            ],
        )?;
        tx.commit()?;
        Ok(true)
    }

    fn record_stripe_event(&self, event_id: &str, kind: &str, now: Millis) -> Result<bool> {
        let inserted = self.conn().execute(
            "INSERT INTO stripe_events (event_id, type, received_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (event_id) DO NOTHING",
            params![event_id, kind, now],
        )?;
        Ok(inserted == 1)
    }

    fn team_members(&self, team_id: &str) -> Result<Vec<(String, Role)>> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare_cached("SELECT user_id, role FROM team_members WHERE team_id = ?1")?;
        let rows = stmt
            .query_map([team_id], |r| Ok((r.get(0)?, role_from(r.get(1)?)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn conversation_members(&self, team_id: &str) -> Result<Vec<(String, String)>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT conversation_id, user_id FROM conversation_members WHERE team_id = ?1",
        )?;
        let rows = stmt
            .query_map([team_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn put_blob(&self, blob: NewBlob<'_>) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO blobs (sha256, size, data, created_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (sha256) DO NOTHING",
            params![blob.sha256, blob.data.len() as i64, blob.data, blob.now],
        )?;
        tx.execute(
            "INSERT INTO blob_teams (sha256, team_id, uploaded_by, uploaded_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (sha256, team_id) DO NOTHING",
            params![blob.sha256, blob.team_id, blob.user_id, blob.now],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn blob(&self, team_id: &str, sha256: &str) -> Result<Option<Vec<u8>>> {
        let conn = self.conn();
        Ok(conn
            .query_row(
                "SELECT b.data FROM blobs b JOIN blob_teams t ON t.sha256 = b.sha256
                 WHERE t.team_id = ?1 AND b.sha256 = ?2",
                params![team_id, sha256],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn has_blob(&self, team_id: &str, sha256: &str) -> Result<bool> {
        let conn = self.conn();
        Ok(conn
            .query_row(
                "SELECT 1 FROM blob_teams WHERE team_id = ?1 AND sha256 = ?2",
                params![team_id, sha256],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    fn user_teams(&self, user_id: &str) -> Result<Vec<(String, Role)>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT team_id, role FROM team_members WHERE user_id = ?1 ORDER BY team_id",
        )?;
        let rows = stmt
            .query_map([user_id], |r| Ok((r.get(0)?, role_from(r.get(1)?)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn list_teams(&self) -> Result<Vec<TeamRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT d.id,
                    (SELECT COUNT(*) FROM team_members m WHERE m.team_id = d.id),
                    (SELECT COUNT(*) FROM documents o WHERE o.team_id = d.id)
             FROM documents d WHERE d.kind = 'team' ORDER BY d.created_at",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(TeamRow {
                    team_id: r.get(0)?,
                    members: r.get(1)?,
                    documents: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn create_invitation(&self, i: NewInvitation<'_>) -> Result<()> {
        self.conn().execute(
            "INSERT INTO invitations (code_hash, team_id, role, created_by, created_at, expires_at, max_uses)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![i.code_hash, i.team_id, i.role.as_str(), i.created_by, i.now, i.expires_at, i.max_uses],
        )?;
        Ok(())
    }

    fn redeem_invitation(
        &self,
        code_hash: &str,
        now: Millis,
    ) -> Result<Result<Invitation, Redeem>> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let row: Option<(String, String, String, i64, Option<i64>, i64)> = tx
            .query_row(
                "SELECT team_id, role, created_by, expires_at, max_uses, uses FROM invitations WHERE code_hash = ?1",
                [code_hash],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .optional()?;
        let Some((team_id, role, created_by, expires_at, max_uses, uses)) = row else {
            return Ok(Err(Redeem::Unknown));
        };
        if expires_at <= now {
            return Ok(Err(Redeem::Expired));
        }
        if max_uses.is_some_and(|max| uses >= max) {
            return Ok(Err(Redeem::UsedUp));
        }
        tx.execute(
            "UPDATE invitations SET uses = uses + 1 WHERE code_hash = ?1",
            [code_hash],
        )?;
        tx.commit()?;
        Ok(Ok(Invitation {
            team_id,
            role: role_from(role)?,
            created_by,
        }))
    }

    fn relay_value(&self, key: &str) -> Result<Option<String>> {
        let conn = self.conn();
        Ok(conn
            .query_row("SELECT value FROM relay_state WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    fn set_relay_value(&self, key: &str, value: &str) -> Result<()> {
        self.conn().execute(
            "INSERT INTO relay_state (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    fn backup_to(&self, path: &Path) -> Result<()> {
        if path.exists() {
            return Err(StorageError::Conflict("the backup file"));
        }
        let target = path
            .to_str()
            .ok_or_else(|| StorageError::Corrupt("the backup path is not valid UTF-8".into()))?;
        // VACUUM INTO writes a consistent, compacted copy while writers go on.
        self.conn().execute("VACUUM INTO ?1", [target])?;
        Ok(())
    }
}

/// Checks that `path` holds a relay database this relay can open.
pub fn verify_database(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(StorageError::Corrupt(format!(
            "the database is damaged: {check}"
        )));
    }
    let version: u32 = conn
        .query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version",
            [],
            |r| r.get(0),
        )
        .map_err(|_| StorageError::Corrupt("this is not a Teamstead relay database".into()))?;
    if version == 0 || version > MIGRATIONS.last().map_or(0, |m| m.0) {
        return Err(StorageError::Corrupt(format!(
            "unexpected relay schema version {version}"
        )));
    }
    Ok(())
}
