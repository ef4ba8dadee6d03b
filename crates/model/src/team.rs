//! The team document: name, members and their roles, departments, and the lists of
//! the team's boards and conversations. Owners and managers write it; a member may edit
//! only their own profile entry.

use std::collections::HashMap;

use automerge::AutoCommit;
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use crate::assessment::templates::{validate_template, Template};
use crate::conversation::Conversation;
use crate::doc::expect_kind;
use crate::pulse::{validate_pulse, validate_threshold, Pulse, DEFAULT_THRESHOLD};
use crate::{
    normalize_labels, validate_title, DocKind, Millis, ModelError, Result, UserId, SCHEMA_VERSION,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[autosurgeon(rename = "owner")]
    Owner,
    #[autosurgeon(rename = "manager")]
    Manager,
    #[autosurgeon(rename = "member")]
    Member,
    #[autosurgeon(rename = "viewer")]
    Viewer,
}

impl Role {
    pub const ALL: [Role; 4] = [Self::Owner, Self::Manager, Self::Member, Self::Viewer];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Manager => "manager",
            Self::Member => "member",
            Self::Viewer => "viewer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Owners and managers write the team document.
    pub fn manages_team(self) -> bool {
        matches!(self, Self::Owner | Self::Manager)
    }

    /// Everyone but viewers writes boards and chat.
    pub fn writes_content(self) -> bool {
        !matches!(self, Self::Viewer)
    }
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Member {
    pub user_id: UserId,
    pub name: String,
    pub role: Role,
    pub title: Option<String>,
    pub department: Option<String>,
    pub reports_to: Option<UserId>,
    pub skills: Vec<String>,
    pub joined_at: Millis,
}

impl Member {
    pub fn new(user_id: UserId, name: &str, role: Role, now: Millis) -> Result<Self> {
        Ok(Self {
            user_id,
            name: validate_title("a member's name", name)?,
            role,
            title: None,
            department: None,
            reports_to: None,
            skills: Vec::new(),
            joined_at: now,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Department {
    pub id: String,
    pub name: String,
    pub lead: Option<UserId>,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Team {
    pub kind: String,
    pub schema: u64,
    pub name: String,
    pub members: HashMap<UserId, Member>,
    pub departments: HashMap<String, Department>,
    /// Document ids of the team's boards, in sidebar order.
    pub boards: Vec<String>,
    /// Conversation id → channel or direct message; their messages live in
    /// channel documents (conversation.rs). Absent from teams made before chat.
    #[autosurgeon(missing = "Default::default")]
    pub conversations: HashMap<String, Conversation>,
    /// Document ids of the team's assessments, newest last.
    #[autosurgeon(missing = "Default::default")]
    pub assessments: Vec<String>,
    /// The team's own assessment templates (assessment/templates.rs has the built-in ones).
    #[autosurgeon(missing = "Default::default")]
    pub templates: HashMap<String, Template>,
    /// Pulse surveys by id (pulse.rs).
    #[autosurgeon(missing = "Default::default")]
    pub pulses: HashMap<String, Pulse>,
    /// How many answers a pulse figure must cover; `None`: the default, 5.
    #[autosurgeon(missing = "Default::default")]
    pub pulse_threshold: Option<u64>,
    /// Ticker symbols the team follows (quotes and news come through the relay).
    #[autosurgeon(missing = "Default::default")]
    pub watchlist: Vec<String>,
    pub created_at: Millis,
}

impl Team {
    /// The anonymity threshold of this team's pulse surveys.
    pub fn pulse_threshold(&self) -> u64 {
        self.pulse_threshold.unwrap_or(DEFAULT_THRESHOLD)
    }

    pub fn role_of(&self, user: &str) -> Option<Role> {
        self.members.get(user).map(|m| m.role)
    }

    fn require_manager(&self, user: &str, action: &'static str) -> Result<()> {
        match self.role_of(user) {
            Some(role) if role.manages_team() => Ok(()),
            _ => Err(ModelError::Forbidden(action)),
        }
    }

    fn owner_count(&self) -> usize {
        self.members
            .values()
            .filter(|m| m.role == Role::Owner)
            .count()
    }
}

/// Writes a new team into an empty document, with `owner` as its first owner.
pub fn init(doc: &mut AutoCommit, name: &str, mut owner: Member, now: Millis) -> Result<Team> {
    owner.role = Role::Owner;
    let team = Team {
        kind: DocKind::Team.as_str().into(),
        schema: SCHEMA_VERSION,
        name: validate_title("a team name", name)?,
        members: HashMap::from([(owner.user_id.clone(), owner)]),
        departments: HashMap::new(),
        boards: Vec::new(),
        conversations: HashMap::new(),
        assessments: Vec::new(),
        templates: HashMap::new(),
        pulses: HashMap::new(),
        pulse_threshold: None,
        watchlist: Vec::new(),
        created_at: now,
    };
    reconcile(doc, &team)?;
    Ok(team)
}

pub fn read(doc: &AutoCommit) -> Result<Team> {
    expect_kind(doc, DocKind::Team)?;
    Ok(hydrate(doc)?)
}

pub(crate) fn write(doc: &mut AutoCommit, team: &Team) -> Result<()> {
    Ok(reconcile(doc, team)?)
}

pub fn rename(doc: &mut AutoCommit, by: &str, name: &str) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "rename this team")?;
    team.name = validate_title("a team name", name)?;
    write(doc, &team)?;
    Ok(team)
}

pub fn add_member(doc: &mut AutoCommit, by: &str, member: Member) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "add members to this team")?;
    if team.members.contains_key(&member.user_id) {
        return Err(ModelError::Invalid {
            what: "this member",
            reason: "they are already in the team; change their role instead",
        });
    }
    if member.role == Role::Owner && team.role_of(by) != Some(Role::Owner) {
        return Err(ModelError::Forbidden("make someone an owner"));
    }
    team.members.insert(member.user_id.clone(), member);
    write(doc, &team)?;
    Ok(team)
}

pub fn set_role(doc: &mut AutoCommit, by: &str, user: &str, role: Role) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "change roles in this team")?;
    let current = team
        .role_of(user)
        .ok_or_else(|| ModelError::not_found("member", user))?;
    if current == Role::Owner && role != Role::Owner && team.owner_count() == 1 {
        return Err(ModelError::LastOwner);
    }
    // Only an owner may make or unmake owners.
    if (role == Role::Owner || current == Role::Owner) && team.role_of(by) != Some(Role::Owner) {
        return Err(ModelError::Forbidden("change an owner's role"));
    }
    if let Some(member) = team.members.get_mut(user) {
        member.role = role;
    }
    write(doc, &team)?;
    Ok(team)
}

pub fn remove_member(doc: &mut AutoCommit, by: &str, user: &str) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "remove members from this team")?;
    let role = team
        .role_of(user)
        .ok_or_else(|| ModelError::not_found("member", user))?;
    if role == Role::Owner && team.owner_count() == 1 {
        return Err(ModelError::LastOwner);
    }
    team.members.remove(user);
    write(doc, &team)?;
    Ok(team)
}

/// Moves a member's entry to a new user id: the person signed in to an account
/// whose id differs from the one this device used offline.
pub fn rekey_member(doc: &mut AutoCommit, old: &str, new: &str) -> Result<Team> {
    let mut team = read(doc)?;
    let Some(mut member) = team.members.remove(old) else {
        return Ok(team);
    };
    member.user_id = new.to_string();
    team.members.insert(new.to_string(), member);
    write(doc, &team)?;
    Ok(team)
}

/// Records a new board in the team's list.
pub fn add_board(doc: &mut AutoCommit, by: &str, board_id: &str) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "add boards to this team")?;
    if !team.boards.iter().any(|b| b == board_id) {
        team.boards.push(board_id.to_string());
    }
    write(doc, &team)?;
    Ok(team)
}

/// Records a new assessment in the team's list.
pub fn add_assessment(doc: &mut AutoCommit, by: &str, assessment_id: &str) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "create assessments in this team")?;
    if !team.assessments.iter().any(|a| a == assessment_id) {
        team.assessments.push(assessment_id.to_string());
    }
    write(doc, &team)?;
    Ok(team)
}

/// Creates or replaces one of the team's own templates.
pub fn save_template(doc: &mut AutoCommit, by: &str, template: Template) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "write this team's templates")?;
    if template.is_builtin() {
        return Err(ModelError::Forbidden("change a built-in template"));
    }
    let template = validate_template(template)?;
    team.templates.insert(template.id.clone(), template);
    write(doc, &team)?;
    Ok(team)
}

pub fn delete_template(doc: &mut AutoCommit, by: &str, template_id: &str) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "write this team's templates")?;
    team.templates
        .remove(template_id)
        .ok_or_else(|| ModelError::not_found("template", template_id))?;
    write(doc, &team)?;
    Ok(team)
}

/// Creates or changes a pulse survey. Its questions are fixed once it started, so
/// periods stay comparable.
pub fn save_pulse(doc: &mut AutoCommit, by: &str, pulse: Pulse, today: &str) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "run pulse surveys in this team")?;
    let pulse = validate_pulse(pulse)?;
    if let Some(old) = team.pulses.get(&pulse.id) {
        if old.questions != pulse.questions && old.starts.as_str() <= today {
            return Err(ModelError::QuestionsFixed(
                "the survey has started; start a new survey instead",
            ));
        }
    }
    team.pulses.insert(pulse.id.clone(), pulse);
    write(doc, &team)?;
    Ok(team)
}

pub fn set_pulse_threshold(doc: &mut AutoCommit, by: &str, threshold: u64) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "change the anonymity threshold")?;
    team.pulse_threshold = Some(validate_threshold(threshold)?);
    write(doc, &team)?;
    Ok(team)
}

/// Adds a ticker symbol to the team's watchlist (kept once, in the order added).
pub fn watch_symbol(doc: &mut AutoCommit, by: &str, symbol: &str) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "change the team's watchlist")?;
    let symbol = validate_symbol(symbol)?;
    if !team.watchlist.contains(&symbol) {
        team.watchlist.push(symbol);
        write(doc, &team)?;
    }
    Ok(team)
}

pub fn unwatch_symbol(doc: &mut AutoCommit, by: &str, symbol: &str) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "change the team's watchlist")?;
    let symbol = validate_symbol(symbol)?;
    team.watchlist.retain(|s| *s != symbol);
    write(doc, &team)?;
    Ok(team)
}

/// A ticker symbol as exchanges write them: 1–10 of A–Z, 0–9, `.` and `-`,
/// upper-cased.
pub fn validate_symbol(symbol: &str) -> Result<String> {
    let symbol = symbol.trim().to_ascii_uppercase();
    let valid = (1..=10).contains(&symbol.len())
        && symbol
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '-');
    if !valid {
        return Err(ModelError::Invalid {
            what: "a ticker symbol",
            reason: "use 1 to 10 letters, digits, dots or dashes, such as AAPL or BRK.B",
        });
    }
    Ok(symbol)
}

/// Creates or renames a department.
pub fn save_department(
    doc: &mut AutoCommit,
    by: &str,
    id: &str,
    name: &str,
    lead: Option<&str>,
) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "change this team's departments")?;
    if let Some(lead) = lead {
        team.role_of(lead)
            .ok_or_else(|| ModelError::not_found("member", lead))?;
    }
    team.departments.insert(
        id.to_string(),
        Department {
            id: id.to_string(),
            name: validate_title("a department name", name)?,
            lead: lead.map(str::to_string),
        },
    );
    write(doc, &team)?;
    Ok(team)
}

/// Removes a department; its members stay in the team, in no department.
pub fn remove_department(doc: &mut AutoCommit, by: &str, id: &str) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "change this team's departments")?;
    team.departments
        .remove(id)
        .ok_or_else(|| ModelError::not_found("department", id))?;
    for member in team.members.values_mut() {
        if member.department.as_deref() == Some(id) {
            member.department = None;
        }
    }
    write(doc, &team)?;
    Ok(team)
}

/// What a person says about themself.
pub fn set_profile(
    doc: &mut AutoCommit,
    by: &str,
    user: &str,
    title: Option<&str>,
    skills: &[String],
) -> Result<Team> {
    let mut team = read(doc)?;
    if by != user {
        team.require_manager(by, "edit someone else's profile")?;
    }
    let title = match title.map(str::trim) {
        Some("") | None => None,
        Some(t) => Some(validate_title("a job title", t)?),
    };
    let skills = normalize_labels(skills)?;
    let member = team
        .members
        .get_mut(user)
        .ok_or_else(|| ModelError::not_found("member", user))?;
    member.title = title;
    member.skills = skills;
    write(doc, &team)?;
    Ok(team)
}

/// Where a person sits: their department and whom they report to. Managers decide;
/// a reporting line may not loop back to the person.
pub fn set_placement(
    doc: &mut AutoCommit,
    by: &str,
    user: &str,
    department: Option<&str>,
    reports_to: Option<&str>,
) -> Result<Team> {
    let mut team = read(doc)?;
    team.require_manager(by, "place people in departments")?;
    if let Some(dept) = department {
        if !team.departments.contains_key(dept) {
            return Err(ModelError::not_found("department", dept));
        }
    }
    if let Some(boss) = reports_to {
        team.role_of(boss)
            .ok_or_else(|| ModelError::not_found("member", boss))?;
        let mut chain = vec![user.to_string()];
        let mut next = Some(boss.to_string());
        while let Some(current) = next {
            chain.push(current.clone());
            if current == user {
                return Err(ModelError::Invalid {
                    what: "this reporting line",
                    reason: "it would loop back to the same person",
                });
            }
            next = team
                .members
                .get(&current)
                .and_then(|m| m.reports_to.clone());
            if chain.len() > team.members.len() + 1 {
                break;
            }
        }
    }
    let member = team
        .members
        .get_mut(user)
        .ok_or_else(|| ModelError::not_found("member", user))?;
    member.department = department.map(str::to_string);
    member.reports_to = reports_to.map(str::to_string);
    write(doc, &team)?;
    Ok(team)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_lines_never_loop_and_departments_must_exist() {
        let mut doc = team_with_owner();
        for id in ["bob", "eve"] {
            let m = Member::new(id.into(), id, Role::Member, 2).expect("member");
            add_member(&mut doc, "alice", m).expect("add");
        }
        assert_eq!(
            set_placement(&mut doc, "alice", "bob", Some("eng"), None).map_err(|e| e.code()),
            Err("not_found")
        );
        save_department(&mut doc, "alice", "eng", "Engineering", Some("alice")).expect("dept");
        set_placement(&mut doc, "alice", "bob", Some("eng"), Some("alice")).expect("bob");
        set_placement(&mut doc, "alice", "eve", Some("eng"), Some("bob")).expect("eve");
        assert_eq!(
            set_placement(&mut doc, "alice", "bob", Some("eng"), Some("eve")).map_err(|e| e.code()),
            Err("invalid_input")
        );
        assert_eq!(
            set_placement(&mut doc, "bob", "eve", None, None).map(|_| ()),
            Err(ModelError::Forbidden("place people in departments"))
        );
        let team = set_profile(
            &mut doc,
            "bob",
            "bob",
            Some("Engineer"),
            &["Rust".into(), "rust".into()],
        )
        .expect("own profile");
        assert_eq!(team.members["bob"].skills, vec!["rust".to_string()]);
        let team = remove_department(&mut doc, "alice", "eng").expect("remove");
        assert_eq!(team.members["eve"].department, None);
    }

    #[test]
    fn the_watchlist_keeps_valid_symbols_once_and_only_managers_change_it() {
        let mut doc = team_with_owner();
        let bob = Member::new("bob".into(), "Bob", Role::Member, 2).expect("member");
        add_member(&mut doc, "alice", bob).expect("add");
        watch_symbol(&mut doc, "alice", " aapl ").expect("watch");
        let team = watch_symbol(&mut doc, "alice", "BRK.B").expect("watch");
        assert_eq!(team.watchlist, ["AAPL", "BRK.B"]);
        assert_eq!(
            watch_symbol(&mut doc, "alice", "AAPL")
                .expect("again")
                .watchlist
                .len(),
            2
        );
        for bad in ["", "TOO-LONG-SYMBOL", "A/B", "ÄPL"] {
            assert_eq!(
                watch_symbol(&mut doc, "alice", bad)
                    .map_err(|e| e.code())
                    .err(),
                Some("invalid_input"),
                "{bad}"
            );
        }
        assert_eq!(
            watch_symbol(&mut doc, "bob", "MSFT")
                .map_err(|e| e.code())
                .err(),
            Some("forbidden")
        );
        assert_eq!(
            unwatch_symbol(&mut doc, "alice", "aapl")
                .expect("unwatch")
                .watchlist,
            ["BRK.B"]
        );
    }

    fn team_with_owner() -> AutoCommit {
        let mut doc = AutoCommit::new();
        let owner = Member::new("alice".into(), "Alice", Role::Owner, 1).expect("member");
        init(&mut doc, "Acme", owner, 1).expect("init");
        doc
    }

    #[test]
    fn round_trips_through_automerge() {
        let mut doc = team_with_owner();
        let saved = doc.save();
        let loaded = AutoCommit::load(&saved).expect("load");
        let team = read(&loaded).expect("read");
        assert_eq!(team.name, "Acme");
        assert_eq!(team.role_of("alice"), Some(Role::Owner));
    }

    #[test]
    fn only_managers_rename_and_names_must_not_be_blank() {
        let mut doc = team_with_owner();
        let bob = Member::new("bob".into(), "Bob", Role::Member, 2).expect("member");
        add_member(&mut doc, "alice", bob).expect("add");
        assert_eq!(
            rename(&mut doc, "bob", "Mine"),
            Err(ModelError::Forbidden("rename this team"))
        );
        assert_eq!(
            rename(&mut doc, "alice", "  "),
            Err(ModelError::Empty {
                what: "a team name"
            })
        );
        assert_eq!(
            rename(&mut doc, "alice", "Acme Inc").expect("rename").name,
            "Acme Inc"
        );
    }

    #[test]
    fn adding_cannot_overwrite_or_promote_past_your_role() {
        let mut doc = team_with_owner();
        let carol = Member::new("carol".into(), "Carol", Role::Manager, 2).expect("member");
        add_member(&mut doc, "alice", carol).expect("add manager");
        let again = Member::new("alice".into(), "Alice", Role::Viewer, 3).expect("member");
        assert_eq!(
            add_member(&mut doc, "carol", again)
                .map(|_| ())
                .map_err(|e| e.code()),
            Err("invalid_input")
        );
        let owner = Member::new("dave".into(), "Dave", Role::Owner, 3).expect("member");
        assert_eq!(
            add_member(&mut doc, "carol", owner).map(|_| ()),
            Err(ModelError::Forbidden("make someone an owner"))
        );
        assert_eq!(
            read(&doc).expect("team").role_of("alice"),
            Some(Role::Owner)
        );
    }

    #[test]
    fn the_last_owner_stays() {
        let mut doc = team_with_owner();
        assert_eq!(
            set_role(&mut doc, "alice", "alice", Role::Member),
            Err(ModelError::LastOwner)
        );
        assert_eq!(
            remove_member(&mut doc, "alice", "alice"),
            Err(ModelError::LastOwner)
        );
        assert!(matches!(
            remove_member(&mut doc, "alice", "nobody"),
            Err(ModelError::NotFound { .. })
        ));
    }

    #[test]
    fn reading_a_board_as_a_team_is_refused() {
        let mut doc = AutoCommit::new();
        crate::board::init(&mut doc, "team", "Board", 1).expect("board");
        assert_eq!(read(&doc), Err(ModelError::WrongKind { expected: "team" }));
    }
}
