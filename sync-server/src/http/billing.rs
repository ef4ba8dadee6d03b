//! Billing over HTTP: the plans, Checkout and Customer Portal sessions and the
//! invoices for a team's owners, and Stripe's webhook (billing/ does the work).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Html;
use axum::Json;
use serde::{Deserialize, Serialize};
use teamstead_model::team::Role;

use super::{AppState, AuthSession, JsonBody};
use crate::billing::{BillingService, InvoiceView, PlanView, WebhookOutcome};
use crate::error::{ApiError, ApiResult};

#[derive(Serialize)]
pub struct Plans {
    enabled: bool,
    plans: Vec<PlanView>,
}

/// `GET /v1/billing/plans`: what a team may buy here (`enabled: false` and no
/// plans when this relay does not bill).
pub async fn plans(State(state): State<AppState>, _session: AuthSession) -> Json<Plans> {
    Json(match &state.billing {
        Some(billing) => Plans {
            enabled: true,
            plans: billing.plans(),
        },
        None => Plans {
            enabled: false,
            plans: Vec::new(),
        },
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckoutBody {
    plan: String,
}

#[derive(Serialize)]
pub struct SessionUrl {
    url: String,
}

pub async fn checkout(
    State(state): State<AppState>,
    session: AuthSession,
    Path(team_id): Path<String>,
    JsonBody(body): JsonBody<CheckoutBody>,
) -> ApiResult<Json<SessionUrl>> {
    let billing = owner_billing(&state, &team_id, &session)?;
    let url = billing.checkout(&state.hub, &team_id, &body.plan).await?;
    Ok(Json(SessionUrl { url }))
}

pub async fn portal(
    State(state): State<AppState>,
    session: AuthSession,
    Path(team_id): Path<String>,
) -> ApiResult<Json<SessionUrl>> {
    let billing = owner_billing(&state, &team_id, &session)?;
    let url = billing.portal(&state.hub, &team_id).await?;
    Ok(Json(SessionUrl { url }))
}

pub async fn invoices(
    State(state): State<AppState>,
    session: AuthSession,
    Path(team_id): Path<String>,
) -> ApiResult<Json<Vec<InvoiceView>>> {
    let billing = owner_billing(&state, &team_id, &session)?;
    Ok(Json(billing.invoices(&state.hub, &team_id).await?))
}

/// `POST /v1/billing/webhook`: Stripe's events, signed; no token.
pub async fn webhook(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<WebhookOutcome>> {
    let billing = state.billing.as_ref().ok_or_else(unavailable)?;
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok());
    Ok(Json(billing.webhook(&state.hub, signature, &body).await?))
}

/// Where Stripe sends people back to after Checkout or the portal.
pub async fn returned() -> Html<&'static str> {
    Html(
        "<!doctype html><meta charset=utf-8><title>Teamstead</title>\
         <body style=\"font-family:system-ui;margin:4em auto;max-width:32em\">\
         <h1>Back to Teamstead</h1><p>You can close this tab. Teamstead shows the \
         team's plan as soon as Stripe confirms the payment.</p></body>",
    )
}

/// The billing service, for an owner of the team.
fn owner_billing<'a>(
    state: &'a AppState,
    team_id: &str,
    session: &AuthSession,
) -> ApiResult<&'a BillingService> {
    let billing = state.billing.as_deref().ok_or_else(unavailable)?;
    match state.hub.role(team_id, &session.user_id)? {
        Some(Role::Owner) => Ok(billing),
        Some(_) => Err(ApiError::forbidden(
            "only the team's owners manage its billing",
        )),
        None => Err(ApiError::not_found("no such team")),
    }
}

fn unavailable() -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "billing_unavailable",
        "this relay has no billing set up",
    )
}
