//! A demo team for first start, so a newcomer sees a living board at once.

use teamstead_model::assessment::Assignees;
use teamstead_model::board::{Priority, Status, TaskPatch};
use teamstead_model::date_from_days;
use teamstead_model::pulse::Cadence;
use teamstead_model::team::Role;

use crate::{Client, NewAssessmentInput, Place, PulseInput, Result, TeamSummary};

struct DemoTask {
    title: &'static str,
    description: &'static str,
    status: Status,
    assignee: Option<usize>,
    due_in_days: Option<i64>,
    priority: Priority,
    labels: &'static [&'static str],
}

const MEMBERS: [(&str, Role); 3] = [
    ("Amara Okafor", Role::Manager),
    ("Jonas Weber", Role::Member),
    ("Lucía Romero", Role::Member),
];

const TASKS: [DemoTask; 8] = [
    DemoTask {
        title: "Draft the launch announcement",
        description:
            "Blog post and newsletter. Keep it under 600 words; lead with the offline story.",
        status: Status::Todo,
        assignee: Some(0),
        due_in_days: Some(6),
        priority: Priority::High,
        labels: &["marketing"],
    },
    DemoTask {
        title: "Record the product walkthrough",
        description: "Three minutes, no music. Show a board, a task and search.",
        status: Status::Todo,
        assignee: Some(2),
        due_in_days: Some(9),
        priority: Priority::Medium,
        labels: &["marketing", "video"],
    },
    DemoTask {
        title: "Fix sidebar focus order",
        description: "Tab should go from the team list to the board list, then to the board.",
        status: Status::Todo,
        assignee: None,
        due_in_days: None,
        priority: Priority::Low,
        labels: &["accessibility", "ui"],
    },
    DemoTask {
        title: "Write onboarding checklist",
        description: "What a new teammate needs in their first week.",
        status: Status::InProgress,
        assignee: Some(1),
        due_in_days: Some(3),
        priority: Priority::Medium,
        labels: &["people"],
    },
    DemoTask {
        title: "Price the Team plan",
        description: "Compare with the three tools our customers use today.",
        status: Status::InProgress,
        assignee: Some(0),
        due_in_days: Some(-1),
        priority: Priority::Urgent,
        labels: &["billing"],
    },
    DemoTask {
        title: "Review the data export format",
        description: "CSV columns and JSON schema for board exports.",
        status: Status::InReview,
        assignee: Some(1),
        due_in_days: Some(2),
        priority: Priority::Medium,
        labels: &["engineering"],
    },
    DemoTask {
        title: "Set up the customer interview schedule",
        description: "Eight interviews over two weeks.",
        status: Status::Done,
        assignee: Some(2),
        due_in_days: None,
        priority: Priority::None,
        labels: &["research"],
    },
    DemoTask {
        title: "Choose the launch date",
        description: "",
        status: Status::Done,
        assignee: Some(0),
        due_in_days: None,
        priority: Priority::High,
        labels: &[],
    },
];

impl Client {
    /// Creates the demo team if this workspace has no team yet. Returns it if made.
    pub fn seed_demo_if_empty(&self) -> Result<Option<TeamSummary>> {
        if !self.list_teams()?.is_empty() {
            return Ok(None);
        }
        let team = self.create_team("Northwind Studio")?;
        let mut people = Vec::new();
        for (name, role) in MEMBERS {
            people.push(self.add_member(&team.id, name, role)?.user_id);
        }
        let first = team.boards.first().map(|b| b.id.clone());
        let board = match first {
            Some(id) => self.rename_board(&id, "Product launch")?.id,
            None => self.create_board(&team.id, "Product launch")?.id,
        };
        let today = crate::clock::now() / 86_400_000;
        let mut ids = Vec::new();
        for demo in &TASKS {
            let task = self.create_task(&board, demo.title, Place::Status(Status::Todo), None)?;
            let patch = TaskPatch {
                description: Some(demo.description.into()),
                assignee: Some(demo.assignee.and_then(|i| people.get(i).cloned())),
                due: demo.due_in_days.map(|d| Some(date_from_days(today + d))),
                // Three days of work before each due date, for the timeline.
                start: demo
                    .due_in_days
                    .map(|d| Some(date_from_days(today + d - 3))),
                priority: Some(demo.priority),
                labels: Some(demo.labels.iter().map(|l| l.to_string()).collect()),
                ..Default::default()
            };
            self.update_task(&board, &task.summary.id, patch)?;
            if demo.status != Status::Todo {
                self.move_task(
                    &board,
                    &task.summary.id,
                    Place::Status(demo.status),
                    None,
                    true,
                )?;
            }
            ids.push(task.summary.id);
        }
        // The walkthrough waits for the announcement.
        if let (Some(walkthrough), Some(announcement)) = (ids.get(1), ids.first()) {
            self.add_dependency(&board, walkthrough, announcement)?;
        }
        if let Some(pricing) = ids.get(4) {
            self.add_comment(
                &board,
                pricing,
                "I put the competitor prices in the shared sheet.",
            )?;
        }
        // A check-in delegated to everyone, and a weekly pulse.
        let check_in = self.create_assessment(
            &team.id,
            NewAssessmentInput {
                title: "Quarterly check-in".into(),
                description: "How the quarter went: goals, workload and support.".into(),
                template_id: Some("builtin:quarterly-check-in".into()),
                sections: None,
            },
        )?;
        let mut everyone = people.clone();
        everyone.push(self.identity().user_id);
        self.assign_assessment(
            &check_in.id,
            Assignees::People(everyone),
            Some(&date_from_days(today + 5)),
        )?;
        self.save_pulse(
            &team.id,
            PulseInput {
                id: String::new(),
                title: "Weekly pulse".into(),
                questions: vec![
                    "I can do my best work here.".into(),
                    "My workload is sustainable this week.".into(),
                ],
                allow_comment: true,
                cadence: Cadence::Weekly,
                starts: None,
                active: true,
            },
        )?;
        self.team(&team.id).map(Some)
    }
}
