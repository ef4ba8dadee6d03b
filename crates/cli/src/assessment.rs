//! `teamstead assessment ...` and `teamstead pulse ...`: delegated assessments and
//! pulse surveys from a terminal, for scripts and tests.

use std::collections::HashMap;

use clap::Subcommand;
use teamstead_client::{
    Answer, AssessmentDetail, Assignees, Cadence, Client, ClientError, Decision, ExportFormat,
    NewAssessmentInput, PulseInput, QuestionKind, Result, ReviewInput, Section,
};

use crate::show;

#[derive(Subcommand)]
pub enum AssessmentCommand {
    /// The templates a team can start from (built-in first).
    Templates { team: String },
    /// Create an assessment from a template, or from a JSON file of sections.
    Create {
        team: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        template: Option<String>,
        /// A JSON file holding an array of sections (docs/ipc.md, Section).
        #[arg(long)]
        questions: Option<std::path::PathBuf>,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// A team's assessments, newest first.
    List { team: String },
    /// One assessment with its questions and assignments.
    Show { assessment: String },
    /// Delegate to members (repeat --member) or a whole department.
    Assign {
        assessment: String,
        #[arg(long = "member")]
        members: Vec<String>,
        #[arg(long)]
        department: Option<String>,
        /// YYYY-MM-DD
        #[arg(long)]
        due: Option<String>,
    },
    /// What is assigned to you, waiting first.
    Inbox,
    /// Save an answer as a draft: choices by name (comma-separated for several),
    /// numbers, yes/no, or text.
    Answer {
        assessment: String,
        question: String,
        value: Option<String>,
        /// Clear the answer instead.
        #[arg(long)]
        clear: bool,
    },
    /// Submit your response; it is read-only after.
    Submit { assessment: String },
    /// Approve, request changes, or rescore a member's response.
    Review {
        assessment: String,
        user: String,
        #[arg(long, conflicts_with_all = ["request_changes", "rescore"])]
        approve: bool,
        #[arg(long)]
        request_changes: bool,
        #[arg(long)]
        rescore: bool,
        /// A score out of 100 in place of the automatic one (needs --reason).
        #[arg(long)]
        score: Option<f64>,
        #[arg(long, default_value = "")]
        reason: String,
        #[arg(long, default_value = "")]
        feedback: String,
    },
    /// Remind an assignee.
    Nudge { assessment: String, user: String },
    /// Results per question, member and department.
    Results { assessment: String },
    /// The results as CSV or JSON, to stdout or a file.
    Export {
        assessment: String,
        #[arg(long, default_value = "csv")]
        format: String,
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// The next run of a recurring assessment, for the same people.
    RunAgain {
        assessment: String,
        #[arg(long)]
        due: Option<String>,
    },
    /// Reminders due at a local time (now if not given), each shown once.
    Reminders {
        /// "YYYY-MM-DD HH:MM", local time.
        #[arg(long)]
        at: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum PulseCommand {
    /// A team's pulse surveys and whether you answered this period.
    List { team: String },
    /// Start a survey (managers).
    Create {
        team: String,
        #[arg(long)]
        title: String,
        /// A Likert question; repeat for more.
        #[arg(long = "question", required = true)]
        questions: Vec<String>,
        /// weekly, biweekly or monthly.
        #[arg(long, default_value = "weekly")]
        cadence: String,
        #[arg(long)]
        comments: bool,
        #[arg(long)]
        starts: Option<String>,
    },
    /// Answer this period: one value 1-5 per question, in order.
    Answer {
        team: String,
        pulse: String,
        #[arg(required = true)]
        values: Vec<i64>,
        #[arg(long)]
        comment: Option<String>,
    },
    /// The aggregates the relay published (managers).
    Results { team: String, pulse: String },
    /// Set how many answers a published figure must cover (3-10).
    Threshold { team: String, threshold: u64 },
}

fn invalid(message: impl Into<String>) -> ClientError {
    ClientError::InvalidInput(message.into())
}

/// Reads a value typed on the command line as the answer its question asks for.
fn parse_answer(detail: &AssessmentDetail, question: &str, raw: &str) -> Result<Answer> {
    let kind = detail
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .find(|q| q.id == question)
        .map(|q| &q.kind)
        .ok_or_else(|| ClientError::NotFound {
            what: "question",
            id: question.to_string(),
        })?;
    Ok(match kind {
        QuestionKind::SingleChoice { .. } => Answer::Choice(raw.to_string()),
        QuestionKind::MultipleChoice { .. } => Answer::Choices(
            raw.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        ),
        QuestionKind::Likert | QuestionKind::Scale { .. } => Answer::Number(
            raw.trim()
                .parse()
                .map_err(|_| invalid(format!("`{raw}` is not a number")))?,
        ),
        QuestionKind::YesNo => match raw.trim().to_lowercase().as_str() {
            "yes" | "y" | "true" => Answer::YesNo(true),
            "no" | "n" | "false" => Answer::YesNo(false),
            _ => return Err(invalid("answer yes or no")),
        },
        QuestionKind::FreeText => Answer::Text(raw.to_string()),
    })
}

fn detail_line(d: &AssessmentDetail) -> String {
    let mut out = format!("{}\t{} (run {})", d.id, d.title, d.run);
    for a in &d.assignments {
        let score = a
            .score
            .or(a.auto_score)
            .map(|s| s.to_string())
            .unwrap_or_else(|| "-".into());
        out.push_str(&format!(
            "\n  {}\t{}\t{:?}\tdue {}\tscore {score}",
            a.user_id,
            a.name,
            a.progress,
            a.due.as_deref().unwrap_or("-")
        ));
    }
    out
}

pub fn run(client: &Client, json: bool, command: AssessmentCommand) -> Result<()> {
    match command {
        AssessmentCommand::Templates { team } => {
            let templates = client.templates(&team)?;
            show(json, &templates, |ts| {
                ts.iter()
                    .map(|t| format!("{}\t{}", t.id, t.title))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        AssessmentCommand::Create {
            team,
            title,
            template,
            questions,
            description,
        } => {
            let sections: Option<Vec<Section>> = match questions {
                Some(path) => {
                    let text =
                        std::fs::read_to_string(&path).map_err(|source| ClientError::Io {
                            context: format!("reading {}", path.display()),
                            source,
                        })?;
                    Some(serde_json::from_str(&text).map_err(|e| {
                        invalid(format!("{} is not a list of sections: {e}", path.display()))
                    })?)
                }
                None => None,
            };
            let detail = client.create_assessment(
                &team,
                NewAssessmentInput {
                    title,
                    description,
                    template_id: template,
                    sections,
                },
            )?;
            show(json, &detail, |d| d.id.clone());
        }
        AssessmentCommand::List { team } => {
            let all = client.list_assessments(&team)?;
            show(json, &all, |xs| {
                xs.iter()
                    .map(|a| {
                        format!(
                            "{}\t{}\trun {}\t{}/{} submitted\t{} approved\t{} overdue",
                            a.id, a.title, a.run, a.submitted, a.assigned, a.approved, a.overdue
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        AssessmentCommand::Show { assessment } => {
            let detail = client.assessment(&assessment)?;
            show(json, &detail, detail_line);
        }
        AssessmentCommand::Assign {
            assessment,
            members,
            department,
            due,
        } => {
            let to = match (department, members.is_empty()) {
                (Some(d), true) => Assignees::Department(d),
                (None, false) => Assignees::People(members),
                _ => return Err(invalid("give either --member (repeatable) or --department")),
            };
            let detail = client.assign_assessment(&assessment, to, due.as_deref())?;
            show(json, &detail, detail_line);
        }
        AssessmentCommand::Inbox => {
            let items = client.inbox()?;
            show(json, &items, |xs| {
                xs.iter()
                    .map(|i| {
                        format!(
                            "{}\t{}\t{:?}\tdue {}{}",
                            i.assessment_id,
                            i.title,
                            i.progress,
                            i.due.as_deref().unwrap_or("-"),
                            if i.overdue { "\tOVERDUE" } else { "" }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        AssessmentCommand::Answer {
            assessment,
            question,
            value,
            clear,
        } => {
            let answer = match (value, clear) {
                (_, true) => None,
                (Some(raw), false) => {
                    let detail = client.assessment(&assessment)?;
                    Some(parse_answer(&detail, &question, &raw)?)
                }
                (None, false) => return Err(invalid("give a value, or --clear")),
            };
            let detail = client.answer(&assessment, &question, answer)?;
            show(json, &detail, |_| "saved".into());
        }
        AssessmentCommand::Submit { assessment } => {
            let detail = client.submit_response(&assessment)?;
            show(json, &detail, |_| "submitted".into());
        }
        AssessmentCommand::Review {
            assessment,
            user,
            approve,
            request_changes,
            rescore,
            score,
            reason,
            feedback,
        } => {
            let decision = match (approve, request_changes, rescore) {
                (true, false, false) => Decision::Approved,
                (false, true, false) => Decision::ChangesRequested,
                (false, false, true) => Decision::Rescored,
                _ => {
                    return Err(invalid(
                        "give one of --approve, --request-changes, --rescore",
                    ))
                }
            };
            let detail = client.review(
                &assessment,
                &user,
                ReviewInput {
                    decision,
                    score_override: score,
                    override_reason: reason,
                    feedback,
                },
            )?;
            show(json, &detail, detail_line);
        }
        AssessmentCommand::Nudge { assessment, user } => {
            client.nudge(&assessment, &user)?;
            show(json, &serde_json::json!({ "nudged": user }), |_| {
                "nudged".into()
            });
        }
        AssessmentCommand::Results { assessment } => {
            let results = client.assessment_results(&assessment)?;
            show(json, &results, |r| {
                let mut out = format!(
                    "{}: {}/{} submitted, {} approved, average {}",
                    r.title,
                    r.submitted,
                    r.assigned,
                    r.approved,
                    r.average_score
                        .map(|s| s.to_string())
                        .unwrap_or_else(|| "-".into())
                );
                for m in &r.members {
                    out.push_str(&format!(
                        "\n  {}\t{:?}\t{}",
                        m.name,
                        m.progress,
                        m.score.map(|s| s.to_string()).unwrap_or_else(|| "-".into())
                    ));
                }
                out
            });
        }
        AssessmentCommand::Export {
            assessment,
            format,
            out,
        } => {
            let format = match format.as_str() {
                "csv" => ExportFormat::Csv,
                "json" => ExportFormat::Json,
                other => return Err(invalid(format!("`{other}` is not csv or json"))),
            };
            let contents = client.export_results(&assessment, format)?;
            match out {
                Some(path) => {
                    std::fs::write(&path, contents).map_err(|source| ClientError::Io {
                        context: format!("writing {}", path.display()),
                        source,
                    })?
                }
                None => print!("{contents}"),
            }
        }
        AssessmentCommand::RunAgain { assessment, due } => {
            let detail = client.run_assessment_again(&assessment, due.as_deref())?;
            show(json, &detail, |d| d.id.clone());
        }
        AssessmentCommand::Reminders { at } => {
            let at = match at {
                Some(raw) => chrono::NaiveDateTime::parse_from_str(&raw, "%Y-%m-%d %H:%M")
                    .map_err(|_| invalid("--at is \"YYYY-MM-DD HH:MM\""))?,
                None => chrono::Local::now().naive_local(),
            };
            let reminders = client.take_reminders(at)?;
            show(json, &reminders, |rs| {
                rs.iter()
                    .map(|r| format!("{:?}\t{}\t{}", r.kind, r.title, r.user_id))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    }
    Ok(())
}

pub fn run_pulse(client: &Client, json: bool, command: PulseCommand) -> Result<()> {
    match command {
        PulseCommand::List { team } => {
            let all = client.pulses(&team)?;
            show(json, &all, |ps| {
                ps.iter()
                    .map(|p| {
                        format!(
                            "{}\t{}\t{}",
                            p.pulse.id,
                            p.pulse.title,
                            if p.answered { "answered" } else { "open" }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        PulseCommand::Create {
            team,
            title,
            questions,
            cadence,
            comments,
            starts,
        } => {
            let cadence = match cadence.as_str() {
                "weekly" => Cadence::Weekly,
                "biweekly" => Cadence::Biweekly,
                "monthly" => Cadence::Monthly,
                other => {
                    return Err(invalid(format!(
                        "`{other}` is not weekly, biweekly or monthly"
                    )))
                }
            };
            let view = client.save_pulse(
                &team,
                PulseInput {
                    id: String::new(),
                    title,
                    questions,
                    allow_comment: comments,
                    cadence,
                    starts,
                    active: true,
                },
            )?;
            show(json, &view, |v| v.pulse.id.clone());
        }
        PulseCommand::Answer {
            team,
            pulse,
            values,
            comment,
        } => {
            let survey = client
                .pulses(&team)?
                .into_iter()
                .find(|p| p.pulse.id == pulse)
                .ok_or_else(|| ClientError::NotFound {
                    what: "survey",
                    id: pulse.clone(),
                })?;
            if values.len() != survey.pulse.questions.len() {
                return Err(invalid(format!(
                    "this survey asks {} questions",
                    survey.pulse.questions.len()
                )));
            }
            let answers: HashMap<String, i64> = survey
                .pulse
                .questions
                .iter()
                .map(|q| q.id.clone())
                .zip(values)
                .collect();
            let view = client.answer_pulse(&team, &pulse, answers, comment.as_deref())?;
            show(json, &view, |_| "answered".into());
        }
        PulseCommand::Results { team, pulse } => {
            let results = client.pulse_results(&team, &pulse)?;
            show(json, &results, |r| {
                r.periods
                    .iter()
                    .map(|p| {
                        format!(
                            "{}\t{} received\t{} published",
                            p.period, p.results.received, p.results.published
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        PulseCommand::Threshold { team, threshold } => {
            let set = client.set_pulse_threshold(&team, threshold)?;
            show(json, &serde_json::json!({ "threshold": set }), |_| {
                format!("threshold {set}")
            });
        }
    }
    Ok(())
}
