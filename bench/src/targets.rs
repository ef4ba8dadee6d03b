//! The servers measured side by side, each its own process: our relay (auth and
//! validation on, as people run it), the reference automerge-repo sync server
//! under Node, and the floor, a bare broadcast server with no CRDT and no storage.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use automerge::AutoCommit;
use teamstead_model::team::{self, Member, Role};
use teamstead_protocol::DocumentId;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::peer::BoxError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Ours,
    Reference,
    Floor,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Self::Ours => "ours",
            Self::Reference => "reference",
            Self::Floor => "floor",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Ours => "teamstead-relay",
            Self::Reference => "automerge-repo (Node)",
            Self::Floor => "floor (bare broadcast)",
        }
    }
}

pub struct Target {
    pub kind: Kind,
    /// The WebSocket URL clients connect to.
    pub url: String,
    pub token: Option<String>,
    /// Our relay's account, to publish the team documents the bench writes to.
    user_id: Option<String>,
    http: Option<String>,
    child: Child,
    _data: Option<tempfile_dir::Dir>,
}

/// A temporary folder removed on drop (no dependency for one `remove_dir_all`).
mod tempfile_dir {
    pub struct Dir(pub std::path::PathBuf);

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn sibling_binary(name: &str) -> Result<PathBuf, BoxError> {
    let exe = std::env::current_exe()?;
    let path = exe.with_file_name(name);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "{} is missing: build it with `cargo build --release -p teamstead-relay -p teamstead-bench` (make bench does)",
            path.display()
        )
        .into())
    }
}

fn scratch_dir(label: &str) -> Result<tempfile_dir::Dir, BoxError> {
    let dir =
        std::env::temp_dir().join(format!("teamstead-bench-{label}-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir)?;
    Ok(tempfile_dir::Dir(dir))
}

/// Reads the child's stdout until a line contains `marker`; returns that line.
async fn wait_for_line(child: &mut Child, marker: &str) -> Result<String, BoxError> {
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    while let Some(line) = lines.next_line().await? {
        if line.contains(marker) {
            // Keep reading: a server writing to a closed pipe would die of it.
            tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
            return Ok(line);
        }
    }
    Err(format!("the server exited before printing {marker}").into())
}

impl Target {
    pub async fn start(kind: Kind, interop_dir: &Path) -> Result<Self, BoxError> {
        match kind {
            Kind::Ours => Self::start_ours().await,
            Kind::Reference => Self::start_reference(interop_dir).await,
            Kind::Floor => Self::start_floor().await,
        }
    }

    async fn start_ours() -> Result<Self, BoxError> {
        let data = scratch_dir("relay")?;
        let mut child = Command::new(sibling_binary("teamstead-relay")?)
            .args(["--listen", "127.0.0.1:0", "--data-dir"])
            .arg(&data.0)
            .arg("serve")
            .env("TEAMSTEAD_RELAY_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()?;
        let line = wait_for_line(&mut child, "listening on").await?;
        let addr = line.rsplit(' ').next().ok_or("no address")?.to_string();
        let http = format!("http://{addr}");
        let body = serde_json::json!({
            "email": "bench@example.test", "password": "bench password", "name": "Bench",
        });
        let signed: serde_json::Value = reqwest::Client::new()
            .post(format!("{http}/v1/accounts"))
            .json(&body)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(Self {
            kind: Kind::Ours,
            url: format!("ws://{addr}/v1/sync"),
            token: signed["token"].as_str().map(str::to_string),
            user_id: signed["user_id"].as_str().map(str::to_string),
            http: Some(http),
            child,
            _data: Some(data),
        })
    }

    async fn start_reference(interop_dir: &Path) -> Result<Self, BoxError> {
        let data = scratch_dir("reference")?;
        let mut child = Command::new("node")
            .arg(interop_dir.join("server.mjs"))
            .arg("0")
            .arg(&data.0)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()?;
        let line = wait_for_line(&mut child, "listening").await?;
        let port = serde_json::from_str::<serde_json::Value>(&line)?["port"]
            .as_u64()
            .ok_or("no port")?;
        Ok(Self {
            kind: Kind::Reference,
            url: format!("ws://127.0.0.1:{port}"),
            token: None,
            user_id: None,
            http: None,
            child,
            _data: Some(data),
        })
    }

    async fn start_floor() -> Result<Self, BoxError> {
        let mut child = Command::new(std::env::current_exe()?)
            .arg("floor")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()?;
        let line = wait_for_line(&mut child, "listening on").await?;
        let addr = line.rsplit(' ').next().ok_or("no address")?.to_string();
        Ok(Self {
            kind: Kind::Floor,
            url: format!("ws://{addr}"),
            token: None,
            user_id: None,
            http: None,
            child,
            _data: None,
        })
    }

    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// The account the bench writes as (any id where there are no accounts).
    pub fn user_id(&self) -> &str {
        self.user_id.as_deref().unwrap_or("bench-user")
    }

    /// A team the bench account may write documents into: published on our
    /// relay, merely named elsewhere.
    pub async fn writable_team(&self) -> Result<String, BoxError> {
        let team_id = DocumentId::new();
        let (Some(user), Some(http)) = (&self.user_id, &self.http) else {
            return Ok(team_id.to_string());
        };
        let mut team_doc = AutoCommit::new();
        let owner = Member::new(user.clone(), "Bench", Role::Owner, 0)?;
        team::init(&mut team_doc, "Bench", owner, 0)?;
        team_doc.commit();
        reqwest::Client::new()
            .put(format!("{http}/v1/teams/{team_id}"))
            .bearer_auth(self.token.as_deref().unwrap_or_default())
            .body(team_doc.save())
            .send()
            .await?
            .error_for_status()?;
        Ok(team_id.to_string())
    }

    /// A fresh board clients may write to.
    pub async fn writable_doc(&self) -> Result<(DocumentId, AutoCommit), BoxError> {
        let team_id = self.writable_team().await?;
        let mut doc = AutoCommit::new();
        teamstead_model::board::init(&mut doc, &team_id, "Bench", 0)?;
        doc.commit();
        Ok((DocumentId::new(), doc))
    }

    fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Resident memory of the server process, in KiB.
    pub fn rss_kib(&self) -> u64 {
        let Some(pid) = self.pid() else { return 0 };
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }

    /// CPU time the server process has used, in seconds (user + system).
    pub fn cpu_seconds(&self) -> f64 {
        let Some(pid) = self.pid() else { return 0.0 };
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // Fields after the command name (which may hold spaces) start at ") ".
        let rest = stat.rsplit_once(") ").map(|(_, r)| r).unwrap_or_default();
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
        (ticks(11) + ticks(12)) / 100.0
    }
}
