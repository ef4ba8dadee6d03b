//! Running a team: profiles, departments, reporting lines, roles, removal, and the
//! workload view. All are writes to the team document, so they work offline and the
//! relay applies access changes the moment the change reaches it.

use std::collections::HashMap;

use rusqlite::params;
use serde::Serialize;
use teamstead_model::team::{self, Role};

use crate::client::doc_id;
use crate::{Client, Result};

/// A member as the people view shows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonView {
    pub user_id: String,
    pub name: String,
    pub role: Role,
    pub title: Option<String>,
    pub department: Option<String>,
    pub reports_to: Option<String>,
    pub skills: Vec<String>,
    pub joined_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentView {
    pub id: String,
    pub name: String,
    pub lead: Option<String>,
    pub members: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamPeople {
    pub people: Vec<PersonView>,
    pub departments: Vec<DepartmentView>,
}

/// What is on one person's plate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Workload {
    pub user_id: String,
    pub name: String,
    pub open_tasks: u32,
    pub overdue_tasks: u32,
    pub open_assessments: u32,
    pub overdue_assessments: u32,
}

impl Client {
    pub fn people(&self, team_id: &str) -> Result<TeamPeople> {
        let (_, team) = self.team_doc(team_id)?;
        let mut people: Vec<PersonView> = team
            .members
            .values()
            .map(|m| PersonView {
                user_id: m.user_id.clone(),
                name: m.name.clone(),
                role: m.role,
                title: m.title.clone(),
                department: m.department.clone(),
                reports_to: m.reports_to.clone(),
                skills: m.skills.clone(),
                joined_at: m.joined_at,
            })
            .collect();
        people.sort_by_key(|p| p.name.to_lowercase());
        let mut departments: Vec<DepartmentView> = team
            .departments
            .values()
            .map(|d| DepartmentView {
                id: d.id.clone(),
                name: d.name.clone(),
                lead: d.lead.clone(),
                members: people
                    .iter()
                    .filter(|p| p.department.as_deref() == Some(d.id.as_str()))
                    .count() as u32,
            })
            .collect();
        departments.sort_by_key(|d| d.name.to_lowercase());
        Ok(TeamPeople {
            people,
            departments,
        })
    }

    /// Creates a department (no id) or renames one.
    pub fn save_department(
        &self,
        team_id: &str,
        department_id: Option<&str>,
        name: &str,
        lead: Option<&str>,
    ) -> Result<TeamPeople> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        let key = department_id.map_or_else(teamstead_model::new_id, str::to_string);
        self.write_doc(&id, |doc, _| {
            team::save_department(doc, &me, &key, name, lead)
        })?;
        self.people(team_id)
    }

    pub fn remove_department(&self, team_id: &str, department_id: &str) -> Result<TeamPeople> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        self.write_doc(&id, |doc, _| {
            team::remove_department(doc, &me, department_id)
        })?;
        self.people(team_id)
    }

    pub fn set_profile(
        &self,
        team_id: &str,
        user_id: &str,
        title: Option<&str>,
        skills: &[String],
    ) -> Result<TeamPeople> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        self.write_doc(&id, |doc, _| {
            team::set_profile(doc, &me, user_id, title, skills)
        })?;
        self.people(team_id)
    }

    pub fn set_placement(
        &self,
        team_id: &str,
        user_id: &str,
        department: Option<&str>,
        reports_to: Option<&str>,
    ) -> Result<TeamPeople> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        self.write_doc(&id, |doc, _| {
            team::set_placement(doc, &me, user_id, department, reports_to)
        })?;
        self.people(team_id)
    }

    pub fn set_role(&self, team_id: &str, user_id: &str, role: Role) -> Result<TeamPeople> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        self.write_doc(&id, |doc, _| team::set_role(doc, &me, user_id, role))?;
        self.people(team_id)
    }

    /// Removes a member; once the change reaches the relay they can read none of the
    /// team's documents.
    pub fn remove_from_team(&self, team_id: &str, user_id: &str) -> Result<TeamPeople> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        self.write_doc(&id, |doc, _| team::remove_member(doc, &me, user_id))?;
        self.people(team_id)
    }

    /// Open tasks and assessments per member, from the index.
    pub fn workload(&self, team_id: &str) -> Result<Vec<Workload>> {
        let today = crate::assessments::today();
        let members = self.members(team_id)?;
        let inner = self.lock();
        let mut tasks: HashMap<String, (u32, u32)> = HashMap::new();
        {
            let mut stmt = inner.conn.prepare(
                "SELECT assignee, COUNT(*), SUM(due IS NOT NULL AND due < ?2)
                 FROM idx_tasks WHERE team_id = ?1 AND status != 'done' AND assignee IS NOT NULL
                 GROUP BY assignee",
            )?;
            let rows = stmt.query_map(params![team_id, today], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, u32>(2)?,
                ))
            })?;
            for row in rows {
                let (user, open, overdue) = row?;
                tasks.insert(user, (open, overdue));
            }
        }
        let mut assessments: HashMap<String, (u32, u32)> = HashMap::new();
        let ids: Vec<String> = {
            let mut stmt = inner
                .conn
                .prepare("SELECT id FROM idx_assessments WHERE team_id = ?1")?;
            let rows = stmt.query_map([team_id], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for id in ids {
            for row in crate::assessments::assignment_states(&inner.conn, &id, None)? {
                if row.progress.awaits_assignee() {
                    let entry = assessments.entry(row.user.clone()).or_default();
                    entry.0 += 1;
                    if crate::assessments::is_overdue(row.due.as_deref(), row.progress, &today) {
                        entry.1 += 1;
                    }
                }
            }
        }
        Ok(members
            .into_iter()
            .map(|m| {
                let (open_tasks, overdue_tasks) =
                    tasks.get(&m.user_id).copied().unwrap_or_default();
                let (open_assessments, overdue_assessments) =
                    assessments.get(&m.user_id).copied().unwrap_or_default();
                Workload {
                    user_id: m.user_id,
                    name: m.name,
                    open_tasks,
                    overdue_tasks,
                    open_assessments,
                    overdue_assessments,
                }
            })
            .collect())
    }
}
