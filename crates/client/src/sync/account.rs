//! This device's relay account: which relay, which person, which of their teams
//! live there. The token itself sits in a `TokenStore` (the OS keyring), never here.

use serde::{Deserialize, Serialize};

use super::api::{Invite, RelayApi, TeamEntry};
use super::tokens::{account_key, TokenStore};
use crate::client::doc_id;
use crate::{store, Client, ClientError, Result, Role};

const ACCOUNT_KEY: &str = "relay_account";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub relay_url: String,
    pub email: String,
    pub user_id: String,
    /// Teams that live on the relay; only their documents are synced.
    pub teams: Vec<String>,
}

impl Account {
    pub fn token_key(&self) -> String {
        account_key(&self.relay_url, &self.email)
    }
}

impl Client {
    pub fn account(&self) -> Result<Option<Account>> {
        let raw = store::get_local(&self.lock().conn, ACCOUNT_KEY)?;
        Ok(raw.and_then(|json| serde_json::from_str(&json).ok()))
    }

    fn save_account(&self, account: Option<&Account>) -> Result<()> {
        let inner = self.lock();
        match account {
            Some(account) => {
                let json = serde_json::to_string(account)
                    .map_err(|e| ClientError::InvalidInput(e.to_string()))?;
                store::set_local(&inner.conn, ACCOUNT_KEY, &json)
            }
            None => {
                inner
                    .conn
                    .execute("DELETE FROM local_state WHERE key = ?1", [ACCOUNT_KEY])?;
                Ok(())
            }
        }
    }

    /// The account and its token, or `NotSignedIn`.
    pub fn signed_in(&self, tokens: &dyn TokenStore) -> Result<(Account, String)> {
        let account = self.account()?.ok_or(ClientError::NotSignedIn)?;
        let token = tokens
            .get(&account.token_key())?
            .ok_or(ClientError::NotSignedIn)?;
        Ok((account, token))
    }

    /// Creates an account on a relay with this device's user id, so the teams made
    /// here before signing up stay this person's.
    pub async fn sign_up(
        &self,
        tokens: &dyn TokenStore,
        relay_url: &str,
        email: &str,
        password: &str,
    ) -> Result<Account> {
        let me = self.identity();
        let signed = RelayApi::new(relay_url, None)
            .sign_up(email, password, &me.name, &me.user_id, &device_name())
            .await?;
        self.finish_sign_in(tokens, relay_url, email, signed).await
    }

    pub async fn log_in(
        &self,
        tokens: &dyn TokenStore,
        relay_url: &str,
        email: &str,
        password: &str,
    ) -> Result<Account> {
        let signed = RelayApi::new(relay_url, None)
            .log_in(email, password, &device_name())
            .await?;
        self.finish_sign_in(tokens, relay_url, email, signed).await
    }

    async fn finish_sign_in(
        &self,
        tokens: &dyn TokenStore,
        relay_url: &str,
        email: &str,
        signed: super::api::Signed,
    ) -> Result<Account> {
        let me = self.identity();
        if me.user_id != signed.user_id {
            self.adopt_user_id(&signed.user_id)?;
        }
        if me.name != signed.name {
            self.set_name(&signed.name)?;
        }
        let mut account = Account {
            relay_url: relay_url.trim().to_string(),
            email: email.trim().to_lowercase(),
            user_id: signed.user_id,
            teams: Vec::new(),
        };
        tokens.set(&account.token_key(), &signed.token)?;
        account.teams = RelayApi::new(relay_url, Some(signed.token))
            .teams()
            .await?
            .into_iter()
            .map(|t| t.team_id)
            .collect();
        self.save_account(Some(&account))?;
        self.update_sync_state(|s| *s = Default::default());
        Ok(account)
    }

    /// Signs out: revokes the token on the relay if it can be reached, and forgets it here.
    pub async fn log_out(&self, tokens: &dyn TokenStore) -> Result<()> {
        let Some(account) = self.account()? else {
            return Ok(());
        };
        if let Some(token) = tokens.get(&account.token_key())? {
            // Offline: the token is still forgotten here, and expires on the relay.
            let _ = RelayApi::new(&account.relay_url, Some(token))
                .log_out()
                .await;
        }
        tokens.delete(&account.token_key())?;
        self.save_account(None)?;
        self.update_sync_state(|s| *s = Default::default());
        Ok(())
    }

    /// Asks the relay which teams this person belongs to, and remembers them.
    pub async fn refresh_teams(&self, tokens: &dyn TokenStore) -> Result<Vec<TeamEntry>> {
        let (mut account, token) = self.signed_in(tokens)?;
        let teams = RelayApi::new(&account.relay_url, Some(token))
            .teams()
            .await?;
        account.teams = teams.iter().map(|t| t.team_id.clone()).collect();
        self.save_account(Some(&account))?;
        Ok(teams)
    }

    /// Puts a team made on this device on the relay; its documents follow on the next sync.
    pub async fn publish_team(&self, tokens: &dyn TokenStore, team_id: &str) -> Result<()> {
        let (account, token) = self.signed_in(tokens)?;
        let id = doc_id("team", team_id)?;
        let bytes = self.document_bytes(&id)?;
        RelayApi::new(&account.relay_url, Some(token))
            .publish_team(&id.to_string(), bytes)
            .await?;
        self.refresh_teams(tokens).await?;
        Ok(())
    }

    pub async fn create_invitation(
        &self,
        tokens: &dyn TokenStore,
        team_id: &str,
        role: Role,
        hours: Option<u32>,
        max_uses: Option<u32>,
    ) -> Result<Invite> {
        let (account, token) = self.signed_in(tokens)?;
        let team_doc = crate::client::doc_id("team", team_id)?;
        let members = self.read_doc(&team_doc, |doc| {
            Ok(teamstead_model::team::read(doc)?.members.len())
        })?;
        self.check_plan(team_id, |plan| plan.check_members(members + 1))?;
        RelayApi::new(&account.relay_url, Some(token))
            .invite(team_id, role, hours, max_uses)
            .await
    }

    /// Joins a team with an invitation code, or the `teamstead://join?code=…` link
    /// that carries one; its documents arrive on the next sync.
    pub async fn join_team(&self, tokens: &dyn TokenStore, code: &str) -> Result<TeamEntry> {
        let (account, token) = self.signed_in(tokens)?;
        let entry = RelayApi::new(&account.relay_url, Some(token))
            .redeem(invitation_code(code))
            .await?;
        self.refresh_teams(tokens).await?;
        Ok(entry)
    }

    pub async fn set_member_role(
        &self,
        tokens: &dyn TokenStore,
        team_id: &str,
        user_id: &str,
        role: Role,
    ) -> Result<()> {
        let (account, token) = self.signed_in(tokens)?;
        RelayApi::new(&account.relay_url, Some(token))
            .set_role(team_id, user_id, role)
            .await
    }

    pub async fn remove_member(
        &self,
        tokens: &dyn TokenStore,
        team_id: &str,
        user_id: &str,
    ) -> Result<()> {
        let (account, token) = self.signed_in(tokens)?;
        RelayApi::new(&account.relay_url, Some(token))
            .remove_member(team_id, user_id)
            .await
    }
}

/// How this device introduces itself to the relay.
fn device_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    match host.trim() {
        "" => "Teamstead desktop".into(),
        host => format!("Teamstead on {host}"),
    }
}

/// The code in what someone pasted: the code itself, or an invitation link.
fn invitation_code(pasted: &str) -> &str {
    let pasted = pasted.trim();
    pasted
        .strip_prefix("teamstead://join?")
        .and_then(|query| query.split('&').find_map(|pair| pair.strip_prefix("code=")))
        .unwrap_or(pasted)
}

#[cfg(test)]
mod tests {
    use super::invitation_code;

    #[test]
    fn a_pasted_link_gives_its_code() {
        assert_eq!(invitation_code(" abc123 "), "abc123");
        assert_eq!(invitation_code("teamstead://join?code=abc123"), "abc123");
        assert_eq!(
            invitation_code("teamstead://join?relay=x&code=abc123"),
            "abc123"
        );
    }
}
