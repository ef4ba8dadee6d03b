//! Teams on the relay: publishing one made offline, invitations, roles, removal.
//! Membership changes are written into the team document by the relay, so every
//! member's copy says who belongs, and access follows at once.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use teamstead_model::team::{self, Member, Role};
use teamstead_protocol::DocumentId;

use super::{AppState, AuthSession, JsonBody};
use crate::error::{ApiError, ApiResult};
use crate::storage::{NewInvitation, Redeem};
use crate::{auth, blocking, clock};

/// Invitations last a week unless the inviter says otherwise; never more than 90 days.
const DEFAULT_INVITATION_HOURS: u32 = 7 * 24;
const MAX_INVITATION_HOURS: u32 = 90 * 24;

#[derive(Serialize)]
pub struct TeamEntry {
    team_id: String,
    role: Role,
}

pub async fn list(
    State(state): State<AppState>,
    session: AuthSession,
) -> ApiResult<Json<Vec<TeamEntry>>> {
    let storage = state.hub.storage();
    let teams = blocking(move || storage.user_teams(&session.user_id)).await??;
    Ok(Json(
        teams
            .into_iter()
            .map(|(team_id, role)| TeamEntry { team_id, role })
            .collect(),
    ))
}

fn team_doc_id(team_id: &str) -> ApiResult<DocumentId> {
    team_id
        .parse()
        .map_err(|_| ApiError::not_found("no such team"))
}

/// `PUT /v1/teams/{id}` with the team document's bytes.
pub async fn publish(
    State(state): State<AppState>,
    session: AuthSession,
    Path(team_id): Path<String>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let id = team_doc_id(&team_id)?;
    if body.len() > state.config.max_message_bytes {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            "the team document is larger than this relay accepts",
        ));
    }
    let created = state
        .hub
        .publish_team(&session.user_id, &session.device_id, id, &body)
        .await?;
    // Its billing document, so every member's client sees the plan from the start.
    state.hub.team_billing(&team_id).await?;
    Ok(if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    })
}

/// The caller's role in a team, or not_found if they are not in it.
fn caller_role(state: &AppState, team_id: &str, user_id: &str) -> ApiResult<Role> {
    state
        .hub
        .role(team_id, user_id)?
        .ok_or_else(|| ApiError::not_found("no such team"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInvite {
    role: Role,
    expires_in_hours: Option<u32>,
    /// How many people may use it; absent for "anyone until it expires".
    max_uses: Option<u32>,
}

#[derive(Serialize)]
pub struct Invite {
    code: String,
    team_id: String,
    role: Role,
    expires_at: i64,
    max_uses: Option<u32>,
}

pub async fn invite(
    State(state): State<AppState>,
    session: AuthSession,
    Path(team_id): Path<String>,
    JsonBody(body): JsonBody<NewInvite>,
) -> ApiResult<(StatusCode, Json<Invite>)> {
    let role = caller_role(&state, &team_id, &session.user_id)?;
    if !role.manages_team() {
        return Err(ApiError::forbidden(
            "only owners and managers invite people",
        ));
    }
    if body.role == Role::Owner && role != Role::Owner {
        return Err(ApiError::forbidden("only owners invite owners"));
    }
    let hours = body.expires_in_hours.unwrap_or(DEFAULT_INVITATION_HOURS);
    if hours == 0 || hours > MAX_INVITATION_HOURS {
        return Err(ApiError::invalid(format!(
            "an invitation lasts 1 to {MAX_INVITATION_HOURS} hours"
        )));
    }
    if body.max_uses == Some(0) {
        return Err(ApiError::invalid("max_uses must be at least 1"));
    }
    // An invitation no one could use is refused now, not when it is redeemed.
    state.hub.check_room_for_member(&team_id).await?;
    let code = auth::new_secret();
    let now = clock::now();
    let expires_at = now + i64::from(hours) * 3600 * 1000;
    let storage = state.hub.storage();
    let (hash, team, by, invited) = (
        auth::hash_secret(&code),
        team_id.clone(),
        session.user_id.clone(),
        body.role,
    );
    let max_uses = body.max_uses;
    blocking(move || {
        storage.create_invitation(NewInvitation {
            code_hash: &hash,
            team_id: &team,
            role: invited,
            created_by: &by,
            now,
            expires_at,
            max_uses,
        })
    })
    .await??;
    Ok((
        StatusCode::CREATED,
        Json(Invite {
            code,
            team_id,
            role: body.role,
            expires_at,
            max_uses: body.max_uses,
        }),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedeemBody {
    code: String,
}

pub async fn redeem(
    State(state): State<AppState>,
    session: AuthSession,
    JsonBody(body): JsonBody<RedeemBody>,
) -> ApiResult<Json<TeamEntry>> {
    let storage = state.hub.storage();
    let hash = auth::hash_secret(&body.code);
    let user_id = session.user_id.clone();
    let (invitation, user) = blocking(move || -> Result<_, crate::storage::StorageError> {
        Ok((
            storage.redeem_invitation(&hash, clock::now())?,
            storage.user_by_id(&user_id)?,
        ))
    })
    .await??;
    let invitation = invitation.map_err(|why| {
        let (code, message) = match why {
            Redeem::Unknown => ("invalid_invitation", "this invitation code is not valid"),
            Redeem::Expired => (
                "expired_invitation",
                "this invitation has expired; ask for a new one",
            ),
            Redeem::UsedUp => (
                "used_invitation",
                "this invitation has been used up; ask for a new one",
            ),
        };
        ApiError::new(StatusCode::GONE, code, message)
    })?;
    let user = user.ok_or_else(|| ApiError::not_found("this account no longer exists"))?;
    if let Some(role) = state.hub.role(&invitation.team_id, &user.id)? {
        // Already in: redeeming again changes nothing.
        return Ok(Json(TeamEntry {
            team_id: invitation.team_id,
            role,
        }));
    }
    state.hub.check_room_for_member(&invitation.team_id).await?;
    let member = Member::new(user.id.clone(), &user.name, invitation.role, clock::now())?;
    let by = invitation.created_by.clone();
    state
        .hub
        .write_team(&invitation.team_id, |doc| {
            team::add_member(doc, &by, member)
        })
        .await
        .map_err(|e| match e.code {
            "forbidden" => ApiError::new(
                StatusCode::GONE,
                "invalid_invitation",
                "whoever invited you can no longer add members",
            ),
            _ => e,
        })?;
    Ok(Json(TeamEntry {
        team_id: invitation.team_id,
        role: invitation.role,
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleBody {
    role: Role,
}

pub async fn set_role(
    State(state): State<AppState>,
    session: AuthSession,
    Path((team_id, user_id)): Path<(String, String)>,
    JsonBody(body): JsonBody<RoleBody>,
) -> ApiResult<StatusCode> {
    team_doc_id(&team_id)?;
    caller_role(&state, &team_id, &session.user_id)?;
    let by = session.user_id.clone();
    state
        .hub
        .write_team(&team_id, |doc| {
            team::set_role(doc, &by, &user_id, body.role)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn remove_member(
    State(state): State<AppState>,
    session: AuthSession,
    Path((team_id, user_id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    team_doc_id(&team_id)?;
    caller_role(&state, &team_id, &session.user_id)?;
    let by = session.user_id.clone();
    state
        .hub
        .write_team(&team_id, |doc| team::remove_member(doc, &by, &user_id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
