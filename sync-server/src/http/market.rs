//! Market data and news for signed-in people (market/ does the work).

use axum::extract::State;
use axum::Json;
use serde::Deserialize;

use super::{AppState, AuthSession, QueryParams};
use crate::error::{ApiError, ApiResult};
use crate::market::Answer;

/// NewsAPI's categories.
const CATEGORIES: &[&str] = &[
    "business",
    "entertainment",
    "general",
    "health",
    "science",
    "sports",
    "technology",
];

#[derive(Deserialize)]
pub struct QuoteQuery {
    symbol: String,
}

pub async fn quote(
    State(state): State<AppState>,
    session: AuthSession,
    QueryParams(q): QueryParams<QuoteQuery>,
) -> ApiResult<Json<Answer>> {
    let symbol = teamstead_model::team::validate_symbol(&q.symbol)?;
    state.market.admit(&session.user_id)?;
    Ok(Json(state.market.quote(&symbol).await?))
}

#[derive(Deserialize)]
pub struct NewsQuery {
    symbol: String,
    from: String,
    to: String,
}

pub async fn news(
    State(state): State<AppState>,
    session: AuthSession,
    QueryParams(q): QueryParams<NewsQuery>,
) -> ApiResult<Json<Answer>> {
    let symbol = teamstead_model::team::validate_symbol(&q.symbol)?;
    let from = teamstead_model::validate_date(&q.from)?;
    let to = teamstead_model::validate_date(&q.to)?;
    if from > to {
        return Err(ApiError::invalid("`from` must not be after `to`"));
    }
    state.market.admit(&session.user_id)?;
    Ok(Json(state.market.company_news(&symbol, &from, &to).await?))
}

#[derive(Deserialize)]
pub struct HeadlinesQuery {
    category: Option<String>,
}

pub async fn headlines(
    State(state): State<AppState>,
    session: AuthSession,
    QueryParams(q): QueryParams<HeadlinesQuery>,
) -> ApiResult<Json<Answer>> {
    let category = q.category.unwrap_or_else(|| "business".into());
    if !CATEGORIES.contains(&category.as_str()) {
        return Err(ApiError::invalid(format!(
            "the category must be one of {}",
            CATEGORIES.join(", ")
        )));
    }
    state.market.admit(&session.user_id)?;
    Ok(Json(state.market.headlines(&category).await?))
}
