//! Teams and their local members.

use rusqlite::params;
use teamstead_model::team::{self, Member, Role};
use teamstead_model::{conversation, DocKind};

use crate::client::doc_id;
use crate::{clock, BoardSummary, Client, ClientError, MemberView, Result, TeamSummary};

/// The board every new team starts with.
const FIRST_BOARD: &str = "Tasks";
/// The channel every new team starts with.
const FIRST_CHANNEL: &str = "general";

impl Client {
    /// The teams this user belongs to, by name, each with its boards.
    pub fn list_teams(&self) -> Result<Vec<TeamSummary>> {
        let me = self.identity().user_id;
        let ids: Vec<String> = {
            let inner = self.lock();
            let mut stmt = inner.conn.prepare(
                "SELECT t.id FROM idx_teams t JOIN idx_members m ON m.team_id = t.id
                 WHERE m.user_id = ?1 ORDER BY t.name COLLATE NOCASE, t.created_at",
            )?;
            let rows = stmt.query_map([&me], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        ids.iter().map(|id| self.team(id)).collect()
    }

    pub fn team(&self, team_id: &str) -> Result<TeamSummary> {
        let me = self.identity().user_id;
        let (name, role, member_count) = {
            let inner = self.lock();
            inner
                .conn
                .query_row(
                    "SELECT t.name,
                            (SELECT role FROM idx_members WHERE team_id = t.id AND user_id = ?2),
                            (SELECT COUNT(*) FROM idx_members WHERE team_id = t.id)
                     FROM idx_teams t WHERE t.id = ?1",
                    params![team_id, me],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, Option<String>>(1)?,
                            r.get::<_, u32>(2)?,
                        ))
                    },
                )
                .map_err(ClientError::or_not_found("team", team_id))?
        };
        Ok(TeamSummary {
            id: team_id.to_string(),
            name,
            role: role
                .as_deref()
                .and_then(Role::parse)
                .unwrap_or(Role::Viewer),
            member_count,
            boards: self.list_boards(team_id)?,
        })
    }

    /// Creates a team with this user as its owner, and its first board, in one
    /// transaction.
    pub fn create_team(&self, name: &str) -> Result<TeamSummary> {
        let me = self.identity();
        let team_id = self.batch(|batch| {
            let owner = Member::new(me.user_id.clone(), &me.name, Role::Owner, batch.now())?;
            let now = batch.now();
            let (team_id, _) =
                batch.create(DocKind::Team, None, |doc| team::init(doc, name, owner, now))?;
            crate::boards::add_board(batch, &team_id, &me.user_id, FIRST_BOARD)?;
            batch.write(&team_id, |doc| {
                conversation::create_channel(doc, &me.user_id, FIRST_CHANNEL, false, &[], now)
            })?;
            Ok(team_id)
        })?;
        self.team(&team_id.to_string())
    }

    pub fn rename_team(&self, team_id: &str, name: &str) -> Result<TeamSummary> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        self.write_doc(&id, |doc, _| team::rename(doc, &me, name))?;
        self.team(team_id)
    }

    pub fn members(&self, team_id: &str) -> Result<Vec<MemberView>> {
        self.team(team_id)?;
        let inner = self.lock();
        let mut stmt = inner.conn.prepare(
            "SELECT user_id, name, role FROM idx_members WHERE team_id = ?1 ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([team_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut members = Vec::new();
        for row in rows {
            let (user_id, name, role) = row?;
            let role = Role::parse(&role).unwrap_or(Role::Viewer);
            members.push(MemberView {
                user_id,
                name,
                role,
            });
        }
        Ok(members)
    }

    /// Adds a member who exists only on this device until the team is published.
    pub fn add_member(&self, team_id: &str, name: &str, role: Role) -> Result<MemberView> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        let member = Member::new(uuid::Uuid::new_v4().to_string(), name, role, clock::now())?;
        let view = MemberView {
            user_id: member.user_id.clone(),
            name: member.name.clone(),
            role,
        };
        self.write_doc(&id, |doc, _| team::add_member(doc, &me, member))?;
        Ok(view)
    }

    pub(crate) fn is_member(&self, team_id: &str, user_id: &str) -> Result<bool> {
        let inner = self.lock();
        Ok(inner.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM idx_members WHERE team_id = ?1 AND user_id = ?2)",
            params![team_id, user_id],
            |r| r.get(0),
        )?)
    }
}

impl BoardSummary {
    pub(crate) fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: r.get(0)?,
            team_id: r.get(1)?,
            name: r.get(2)?,
            task_count: r.get(3)?,
        })
    }
}
