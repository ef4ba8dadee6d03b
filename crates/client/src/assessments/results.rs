//! Results for the manager: per question, member and department (computed in the
//! model), trends over the runs of a series, and exports.

use crate::csv::csv_row;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use teamstead_model::assessment::questions::all_questions;
use teamstead_model::assessment::results::{self, Results};

use crate::{Client, Result};

/// One run of a recurring assessment, for the trend chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    pub assessment_id: String,
    pub run: u64,
    pub created_at: i64,
    pub submitted: u32,
    pub average_score: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Csv,
    Json,
}

impl Client {
    pub fn assessment_results(&self, assessment_id: &str) -> Result<Results> {
        let (_, a) = self.assessment_doc(assessment_id)?;
        let (_, team) = self.team_doc(&a.team_id)?;
        let (mut responses, mut reviews) = (HashMap::new(), HashMap::new());
        for user in a.assignments.keys() {
            if let Some(r) = self.response_doc(assessment_id, user)? {
                responses.insert(user.clone(), r);
            }
            if let Some(r) = self.review_doc(assessment_id, user)? {
                reviews.insert(user.clone(), r);
            }
        }
        Ok(results::compute(&a, &responses, &reviews, &team))
    }

    /// Every run of the series this assessment belongs to, oldest first.
    pub fn assessment_trend(&self, assessment_id: &str) -> Result<Vec<TrendPoint>> {
        let (_, a) = self.assessment_doc(assessment_id)?;
        let runs: Vec<(String, i64, i64)> = {
            let inner = self.lock();
            let mut stmt = inner.conn.prepare(
                "SELECT id, run, created_at FROM idx_assessments
                 WHERE series = ?1 AND team_id = ?2 ORDER BY run, created_at",
            )?;
            let rows = stmt.query_map([&a.series, &a.team_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
            rows.collect::<Result<_, _>>()?
        };
        runs.into_iter()
            .map(|(id, run, created_at)| {
                let r = self.assessment_results(&id)?;
                Ok(TrendPoint {
                    assessment_id: id,
                    run: u64::try_from(run).unwrap_or(0),
                    created_at,
                    submitted: r.submitted,
                    average_score: r.average_score,
                })
            })
            .collect()
    }

    /// The results as a file's contents: CSV with a row per member and a column per
    /// question, or the whole results as JSON.
    pub fn export_results(&self, assessment_id: &str, format: ExportFormat) -> Result<String> {
        let results = self.assessment_results(assessment_id)?;
        match format {
            ExportFormat::Json => serde_json::to_string_pretty(&results).map_err(|e| {
                crate::ClientError::CorruptDocument {
                    id: assessment_id.to_string(),
                    reason: e.to_string(),
                }
            }),
            ExportFormat::Csv => {
                let (_, a) = self.assessment_doc(assessment_id)?;
                Ok(results_csv(&results, &a.sections))
            }
        }
    }
}

fn results_csv(results: &Results, sections: &[teamstead_model::assessment::Section]) -> String {
    let questions: Vec<_> = all_questions(sections).collect();
    let mut header = vec![
        "member".to_string(),
        "department".into(),
        "status".into(),
        "due".into(),
        "score".into(),
        "auto_score".into(),
        "override_reason".into(),
    ];
    header.extend(questions.iter().map(|q| q.prompt.clone()));
    let mut out = csv_row(&header);
    for m in &results.members {
        let number = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
        let status = serde_json::to_value(m.progress)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let mut row = vec![
            m.name.clone(),
            m.department.clone().unwrap_or_default(),
            status,
            m.due.clone().unwrap_or_default(),
            number(m.score),
            number(m.auto_score),
            m.override_reason.clone().unwrap_or_default(),
        ];
        row.extend(
            questions
                .iter()
                .map(|q| m.answers.get(&q.id).cloned().unwrap_or_default()),
        );
        out.push_str(&csv_row(&row));
    }
    out
}
