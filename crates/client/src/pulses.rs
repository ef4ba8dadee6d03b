//! Pulse surveys on this device: managers define them in the team document; each
//! person answers the current period into an answer document only they and the
//! relay read; managers read the aggregates the relay publishes (pulse.rs in the
//! model has the anonymity rules).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use teamstead_model::pulse::{self, AnswerKey, Cadence, PeriodResults, Pulse, PulseQuestion};
use teamstead_model::team::{self, Role};
use teamstead_model::{new_id, DocKind, ModelError};

use crate::assessments::today;
use crate::client::doc_id;
use crate::{Client, ClientError, Result};

/// A survey with where this person stands in its current period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PulseView {
    #[serde(flatten)]
    pub pulse: Pulse,
    /// The current period's first day; `None` before the survey starts.
    pub current_period: Option<String>,
    /// This person answered the current period.
    pub answered: bool,
    /// The team's anonymity threshold now: how many answers a figure covers.
    pub threshold: u64,
}

/// A survey as the window or the CLI writes it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PulseInput {
    /// Empty or absent for a new survey.
    #[serde(default)]
    pub id: String,
    pub title: String,
    /// Prompts; ids are kept for questions that keep their prompt.
    pub questions: Vec<String>,
    #[serde(default)]
    pub allow_comment: bool,
    pub cadence: Cadence,
    /// `YYYY-MM-DD`; today if absent.
    pub starts: Option<String>,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// What a manager sees of a survey: aggregates only, per period, newest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PulseResultsView {
    pub pulse_id: String,
    pub threshold: u64,
    pub periods: Vec<PeriodView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodView {
    pub period: String,
    #[serde(flatten)]
    pub results: PeriodResults,
}

impl Client {
    pub fn pulses(&self, team_id: &str) -> Result<Vec<PulseView>> {
        self.pulses_on(team_id, &today())
    }

    /// (team, survey, title, period) of each active survey in any of this person's
    /// teams whose period containing `date` they have not answered.
    pub(crate) fn unanswered_pulses(
        &self,
        date: &str,
    ) -> Result<Vec<(String, String, String, String)>> {
        let mut out = Vec::new();
        for team in self.list_teams()? {
            for view in self.pulses_on(&team.id, date)? {
                if let (Some(period), false, true) =
                    (view.current_period, view.answered, view.pulse.active)
                {
                    out.push((team.id.clone(), view.pulse.id, view.pulse.title, period));
                }
            }
        }
        Ok(out)
    }

    /// The surveys as they stand on `date` (`YYYY-MM-DD`).
    fn pulses_on(&self, team_id: &str, today: &str) -> Result<Vec<PulseView>> {
        let me = self.identity().user_id;
        let (_, team) = self.team_doc(team_id)?;
        let threshold = team.pulse_threshold();
        let mut out = Vec::new();
        for survey in team.pulses.into_values() {
            let current_period = pulse::period_of(&survey, today);
            let answered = match &current_period {
                Some(period) => {
                    let id = pulse::answer_doc_id(AnswerKey {
                        team_id,
                        pulse_id: &survey.id,
                        period,
                        user_id: &me,
                    });
                    self.read_doc_if_here(&id, pulse::read_answer)?
                        .is_some_and(|a| a.submitted_at > 0)
                }
                None => false,
            };
            out.push(PulseView {
                pulse: survey,
                current_period,
                answered,
                threshold,
            });
        }
        out.sort_by(|a, b| {
            a.pulse
                .title
                .to_lowercase()
                .cmp(&b.pulse.title.to_lowercase())
        });
        Ok(out)
    }

    /// Creates or changes a survey (managers).
    pub fn save_pulse(&self, team_id: &str, input: PulseInput) -> Result<PulseView> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        let (_, team) = self.team_doc(team_id)?;
        let existing = team.pulses.get(&input.id);
        let pulse_id = if input.id.trim().is_empty() {
            new_id()
        } else {
            input.id.clone()
        };
        let questions = input
            .questions
            .iter()
            .map(|prompt| PulseQuestion {
                id: existing
                    .and_then(|p| p.questions.iter().find(|q| q.prompt == prompt.trim()))
                    .map_or_else(new_id, |q| q.id.clone()),
                prompt: prompt.clone(),
            })
            .collect();
        let today = today();
        let survey = Pulse {
            id: pulse_id.clone(),
            title: input.title,
            questions,
            allow_comment: input.allow_comment,
            cadence: input.cadence,
            starts: input.starts.unwrap_or_else(|| today.clone()),
            active: input.active,
            created_by: existing.map_or_else(|| me.clone(), |p| p.created_by.clone()),
            created_at: existing.map_or_else(crate::clock::now, |p| p.created_at),
        };
        self.write_doc(&id, |doc, _| team::save_pulse(doc, &me, survey, &today))?;
        self.pulses(team_id)?
            .into_iter()
            .find(|p| p.pulse.id == pulse_id)
            .ok_or_else(|| ClientError::not_found("survey", pulse_id))
    }

    pub fn set_pulse_threshold(&self, team_id: &str, threshold: u64) -> Result<u64> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        let team = self.write_doc(&id, |doc, _| team::set_pulse_threshold(doc, &me, threshold))?;
        Ok(team.pulse_threshold())
    }

    /// Sends this person's answer to the current period; once only.
    pub fn answer_pulse(
        &self,
        team_id: &str,
        pulse_id: &str,
        answers: HashMap<String, i64>,
        comment: Option<&str>,
    ) -> Result<PulseView> {
        let me = self.identity().user_id;
        let (_, team) = self.team_doc(team_id)?;
        let survey = team
            .pulses
            .get(pulse_id)
            .filter(|p| p.active)
            .ok_or_else(|| ClientError::not_found("survey", pulse_id))?;
        let period = pulse::period_of(survey, &today()).ok_or(ClientError::InvalidInput(
            "this survey has not started yet".into(),
        ))?;
        let key = AnswerKey {
            team_id,
            pulse_id,
            period: &period,
            user_id: &me,
        };
        let id = pulse::answer_doc_id(key);
        self.batch(|batch| {
            let now = batch.now();
            batch.write_derived(
                &id,
                DocKind::PulseAnswer,
                Some(team_id),
                || pulse::answer_genesis(key),
                |doc| pulse::submit_answer(doc, &me, survey, answers, comment, now),
            )
        })?;
        self.pulses(team_id)?
            .into_iter()
            .find(|p| p.pulse.id == pulse_id)
            .ok_or_else(|| ClientError::not_found("survey", pulse_id))
    }

    /// The aggregates the relay published for a survey; empty until it has any.
    pub fn pulse_results(&self, team_id: &str, pulse_id: &str) -> Result<PulseResultsView> {
        let me = self.identity().user_id;
        let (_, team) = self.team_doc(team_id)?;
        if !team.role_of(&me).is_some_and(Role::manages_team) {
            return Err(ModelError::Forbidden("see survey results; only managers do").into());
        }
        team.pulses
            .get(pulse_id)
            .ok_or_else(|| ClientError::not_found("survey", pulse_id))?;
        let id = pulse::results_doc_id(team_id, pulse_id);
        let mut periods = Vec::new();
        if let Some(results) = self.read_doc_if_here(&id, pulse::read_results)? {
            periods = results
                .periods
                .into_iter()
                .rev()
                .map(|(period, results)| PeriodView { period, results })
                .collect();
        }
        Ok(PulseResultsView {
            pulse_id: pulse_id.to_string(),
            threshold: team.pulse_threshold(),
            periods,
        })
    }
}
