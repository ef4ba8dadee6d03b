//! The real desktop app in a real WebKit window, driven through tauri-driver and
//! WebKitWebDriver: create a team and a task, quit, relaunch, the task is there.
//! Needs a display and tauri-driver, so `make test` runs it under Xvfb with
//! `--ignored`; see the Makefile's test-e2e target.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// How long to wait for the UI to show something before the test fails.
const UI_WAIT: Duration = Duration::from_secs(30);

struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Starts tauri-driver; the app it launches inherits `envs`.
fn start_driver(envs: &[(&str, &Path)], demo: bool) -> Driver {
    let port = free_port();
    let driver = std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into());
    let mut command = Command::new(driver);
    command
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &free_port().to_string(),
        ])
        .stdout(Stdio::null())
        .env_remove("TEAMSTEAD_DEMO");
    for (key, value) in envs {
        command.env(key, value);
    }
    if demo {
        command.env("TEAMSTEAD_DEMO", "1");
    }
    let child = command
        .spawn()
        .expect("start tauri-driver (make test installs it)");
    let deadline = Instant::now() + UI_WAIT;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "tauri-driver did not start listening"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    }
}

fn app_path() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let path = std::env::var_os("TEAMSTEAD_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| target.join("debug/teamstead-desktop"));
    assert!(
        path.exists(),
        "no desktop app at {} (set TEAMSTEAD_APP)",
        path.display()
    );
    path
}

async fn launch(driver: &Driver) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".into(),
        json!({ "application": app_path().to_string_lossy() }),
    );
    // If the app dies at start, WebKitWebDriver waits for ever: bound it.
    let mut builder = ClientBuilder::native();
    builder.capabilities(caps);
    tokio::time::timeout(UI_WAIT * 2, builder.connect(&driver.url))
        .await
        .expect("the app started within the wait")
        .expect("a WebDriver session with the app")
}

/// An element's text. WebKitWebDriver's "element text" comes back empty for some
/// styled elements, so read the DOM's textContent instead.
async fn text_of(element: &fantoccini::elements::Element) -> String {
    element
        .prop("textContent")
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

async fn find(app: &Client, id: &str) -> fantoccini::elements::Element {
    app.wait()
        .at_most(UI_WAIT)
        .for_element(Locator::Css(&testid(id)))
        .await
        .unwrap_or_else(|e| panic!("{id} did not appear: {e}"))
}

/// Waits until a card with this title is on the board, and returns its status.
async fn card_status(app: &Client, title: &str) -> String {
    let deadline = Instant::now() + UI_WAIT;
    loop {
        for card in app
            .find_all(Locator::Css(&testid("task-card")))
            .await
            .unwrap_or_default()
        {
            let Ok(title_el) = card.find(Locator::Css(&testid("task-card-title"))).await else {
                continue;
            };
            if text_of(&title_el).await.trim() == title {
                return card
                    .attr("data-status")
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default();
            }
        }
        assert!(
            Instant::now() < deadline,
            "no card titled {title:?} appeared"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Clicks the card with this title and waits for its panel.
async fn open_card(app: &Client, title: &str) {
    card_status(app, title).await;
    for card in app
        .find_all(Locator::Css(&testid("task-card")))
        .await
        .expect("cards")
    {
        let Ok(title_el) = card.find(Locator::Css(&testid("task-card-title"))).await else {
            continue;
        };
        if text_of(&title_el).await.trim() == title {
            title_el.click().await.expect("open the card");
            break;
        }
    }
    let deadline = Instant::now() + UI_WAIT;
    loop {
        if let Ok(input) = app.find(Locator::Css(&testid("task-title-input"))).await {
            if input.prop("value").await.ok().flatten().as_deref() == Some(title) {
                return;
            }
        }
        assert!(
            Instant::now() < deadline,
            "the panel for {title:?} did not open"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the open task lists exactly `count` dependencies.
async fn wait_for_dependencies(app: &Client, count: usize) {
    let deadline = Instant::now() + UI_WAIT;
    loop {
        let items = app
            .find_all(Locator::Css(&testid("dependency-item")))
            .await
            .unwrap_or_default();
        if items.len() == count {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "expected {count} dependencies, saw {}",
            items.len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for an error shown as `id` (a toast, or one beside its field) carrying `code`.
async fn wait_for_error(app: &Client, id: &str, code: &str) {
    let deadline = Instant::now() + UI_WAIT;
    loop {
        for shown in app
            .find_all(Locator::Css(&testid(id)))
            .await
            .unwrap_or_default()
        {
            if shown.attr("data-code").await.ok().flatten().as_deref() == Some(code) {
                return;
            }
        }
        assert!(Instant::now() < deadline, "no {id} with code {code}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Opens a fresh inline editor in To do and submits `title` with Enter.
async fn type_new_task(app: &Client, title: &str) {
    // Close an editor left open: a fresh one starts empty (clear() would blur it).
    if let Ok(input) = app.find(Locator::Css(&testid("new-task-input"))).await {
        let _ = input.send_keys(ESCAPE).await;
    }
    find(app, "add-task-todo")
        .await
        .click()
        .await
        .expect("add task");
    let input = find(app, "new-task-input").await;
    input
        .send_keys(&format!("{title}{ENTER}"))
        .await
        .expect("type a title");
}

const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

#[tokio::test]
#[ignore = "needs a display and tauri-driver: run by `make test` (test-e2e)"]
async fn a_task_created_in_the_window_survives_a_restart() {
    let data = tempfile::tempdir().expect("data dir");
    let driver = start_driver(&[("TEAMSTEAD_DATA_DIR", data.path())], false);

    let app = launch(&driver).await;
    find(&app, "team-name-input")
        .await
        .send_keys("Riverside Gardens")
        .await
        .expect("type");
    find(&app, "team-create-submit")
        .await
        .click()
        .await
        .expect("create team");
    find(&app, "board-item").await;
    let team = find(&app, "team-item").await;
    let team = text_of(&team).await;
    assert!(team.contains("Riverside Gardens"), "{team}");

    // A blank title is refused with a coded error, and creates nothing.
    type_new_task(&app, "   ").await;
    let toast = find(&app, "error-toast").await;
    assert_eq!(
        toast.attr("data-code").await.expect("code").as_deref(),
        Some("empty")
    );
    assert!(app
        .find_all(Locator::Css(&testid("task-card")))
        .await
        .expect("cards")
        .is_empty());

    type_new_task(&app, "Water the plants").await;
    assert_eq!(card_status(&app, "Water the plants").await, "todo");

    // A dependency cycle is refused by the real backend with a coded error.
    type_new_task(&app, "Buy seeds").await;
    card_status(&app, "Buy seeds").await;
    open_card(&app, "Water the plants").await;
    find(&app, "dependency-select")
        .await
        .select_by_label("Buy seeds")
        .await
        .expect("depend");
    wait_for_dependencies(&app, 1).await;
    find(&app, "task-panel")
        .await
        .send_keys(ESCAPE)
        .await
        .expect("close the panel");
    open_card(&app, "Buy seeds").await;
    find(&app, "dependency-select")
        .await
        .select_by_label("Water the plants")
        .await
        .expect("cycle");
    // The panel says so beside the dependency picker.
    wait_for_error(&app, "dependency-error", "dependency_cycle").await;
    wait_for_dependencies(&app, 0).await;
    app.close().await.expect("quit the app");

    let app = launch(&driver).await;
    assert_eq!(
        card_status(&app, "Water the plants").await,
        "todo",
        "the task survived a restart"
    );
    let badge = text_of(&find(&app, "sync-badge").await).await;
    assert!(badge.contains("Local only"), "{badge}");
    app.close().await.expect("quit the app");
    drop(driver);

    save_screenshot_of_demo().await;
}

/// The README's picture: the demo team, with a task open.
async fn save_screenshot_of_demo() {
    let data = tempfile::tempdir().expect("data dir");
    let driver = start_driver(&[("TEAMSTEAD_DATA_DIR", data.path())], true);
    let app = launch(&driver).await;
    card_status(&app, "Price the Team plan").await;
    for card in app
        .find_all(Locator::Css(&testid("task-card")))
        .await
        .expect("cards")
    {
        if text_of(&card).await.contains("Price the Team plan") {
            card.click().await.expect("open task");
            break;
        }
    }
    find(&app, "task-panel").await;
    // Let fonts and transitions settle before the picture; not an assertion.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let png = app.screenshot().await.expect("screenshot");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/screenshot.png");
    std::fs::write(&path, png).expect("write docs/screenshot.png");
    app.close().await.expect("quit the app");
}

/// Signs in to a relay through the badge's account form.
async fn sign_in(app: &Client, relay_url: &str, email: &str, password: &str) {
    find(app, "sync-badge").await.click().await.expect("open");
    let relay_field = find(app, "account-relay").await;
    relay_field.clear().await.expect("clear");
    relay_field.send_keys(relay_url).await.expect("relay url");
    find(app, "account-email")
        .await
        .send_keys(email)
        .await
        .expect("email");
    find(app, "account-password")
        .await
        .send_keys(password)
        .await
        .expect("password");
    find(app, "account-submit")
        .await
        .click()
        .await
        .expect("sign in");
}

/// Waits until the sync badge says `label`.
async fn wait_for_badge(app: &Client, label: &str) {
    let deadline = Instant::now() + UI_WAIT;
    loop {
        let badge = find(app, "sync-badge").await;
        let text = text_of(&badge).await;
        if text.contains(label) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the badge says {text:?}, not {label:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a display, D-Bus and tauri-driver: run by `make test` (test-e2e)"]
async fn signs_in_to_a_relay_syncs_both_ways_and_shows_synced() {
    use teamstead_client::sync::MemoryTokens;

    let keyrings = tempfile::tempdir().expect("keyring dir");
    teamstead_tests::start_keyring(keyrings.path());
    let relay_dir = tempfile::tempdir().expect("relay dir");
    let relay = teamstead_relay::start(teamstead_relay::Config::local(relay_dir.path().into()))
        .await
        .expect("relay");

    // Alice, headless, shares a team with one task.
    let headless_dir = tempfile::tempdir().expect("data dir");
    let headless = teamstead_client::Client::open(Some(headless_dir.path().into())).expect("open");
    let tokens = MemoryTokens::default();
    headless
        .sign_up(&tokens, &relay.http_url(), "alice@example.test", PASSWORD)
        .await
        .expect("sign up");
    let team = headless.create_team("Harbour Lights").expect("team");
    let board = team.boards[0].id.clone();
    headless
        .create_task(
            &board,
            "From the relay",
            teamstead_client::Place::default(),
            None,
        )
        .expect("task");
    headless
        .publish_team(&tokens, &team.id)
        .await
        .expect("publish");
    let sync_headless = || teamstead_client::sync::sync_once(&headless, &tokens, UI_WAIT);
    sync_headless().await.expect("sync");

    // Alice signs in on the desktop: the team arrives and the badge says Synced.
    let data = tempfile::tempdir().expect("data dir");
    let driver = start_driver(&[("TEAMSTEAD_DATA_DIR", data.path())], false);
    let app = launch(&driver).await;
    sign_in(&app, &relay.http_url(), "alice@example.test", PASSWORD).await;
    find(&app, "account-panel").await;
    assert_eq!(card_status(&app, "From the relay").await, "todo");
    wait_for_badge(&app, "Synced").await;

    // A task typed in the window reaches the headless client.
    type_new_task(&app, "Typed on the desktop").await;
    card_status(&app, "Typed on the desktop").await;
    wait_for_badge(&app, "Synced").await;
    let deadline = Instant::now() + UI_WAIT;
    loop {
        sync_headless().await.expect("sync");
        let titles: Vec<String> = headless
            .list_tasks(&board)
            .expect("tasks")
            .into_iter()
            .map(|t| t.title)
            .collect();
        if titles.iter().any(|t| t == "Typed on the desktop") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the desktop's task never arrived"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let _ = app.close().await;
    relay.shutdown().await.expect("shutdown");
}

/// Runs the `teamstead` command line on `dir`, which must succeed.
fn cli(dir: &Path, args: &[&str], stdin: &str) -> serde_json::Value {
    let (success, json) = teamstead_tests::teamstead_cli(dir, args, stdin);
    assert!(success, "teamstead {args:?} failed: {json}");
    json
}

const PASSWORD: &str = "correct horse battery";

/// A relay on loopback, a real Secret Service for the command line's tokens, and
/// Alice's team made headless and published (its board and #general too), with an
/// invitation `invitees` people may use.
struct SharedTeam {
    relay: teamstead_relay::RunningRelay,
    url: String,
    team: String,
    code: String,
    _dirs: [tempfile::TempDir; 3],
}

async fn shared_team(invitees: u32) -> SharedTeam {
    shared_team_on(invitees, |_| {}).await
}

/// As `shared_team`, on a relay set up by `configure`.
async fn shared_team_on(
    invitees: u32,
    configure: impl FnOnce(&mut teamstead_relay::Config),
) -> SharedTeam {
    use teamstead_client::sync::MemoryTokens;
    let keyrings = tempfile::tempdir().expect("keyring dir");
    teamstead_tests::start_keyring(keyrings.path());
    let relay_dir = tempfile::tempdir().expect("relay dir");
    let mut config = teamstead_relay::Config::local(relay_dir.path().into());
    configure(&mut config);
    let relay = teamstead_relay::start(config).await.expect("relay");
    let url = relay.http_url();
    let alice_dir = tempfile::tempdir().expect("data dir");
    let alice = teamstead_client::Client::open(Some(alice_dir.path().into())).expect("open");
    alice.set_name("Alice").expect("name");
    let tokens = MemoryTokens::default();
    alice
        .sign_up(&tokens, &url, "alice@example.test", PASSWORD)
        .await
        .expect("sign up");
    let team = alice.create_team("Harbour Lights").expect("team").id;
    alice.publish_team(&tokens, &team).await.expect("publish");
    // The team's board goes up too, so the window shows the whole team.
    teamstead_client::sync::sync_once(&alice, &tokens, UI_WAIT)
        .await
        .expect("sync");
    let invite = alice
        .create_invitation(
            &tokens,
            &team,
            teamstead_client::Role::Member,
            None,
            Some(invitees),
        )
        .await
        .expect("invite");
    SharedTeam {
        relay,
        url,
        team,
        code: invite.code,
        _dirs: [keyrings, relay_dir, alice_dir],
    }
}

/// Signs a person up from the command line and joins them to the shared team;
/// returns their user id.
fn cli_member(dir: &Path, shared: &SharedTeam, name: &str) -> String {
    let email = format!("{}@example.test", name.to_lowercase());
    let account = cli(
        dir,
        &[
            "signup",
            "--relay",
            &shared.url,
            "--email",
            &email,
            "--name",
            name,
        ],
        &format!("{PASSWORD}\n"),
    );
    cli(dir, &["team", "join", &shared.code], "");
    cli(dir, &["sync"], "");
    account["userId"].as_str().expect("user id").to_string()
}

/// Waits until a message whose text is `body` shows in the open conversation.
async fn wait_for_message(app: &Client, body: &str) {
    let deadline = Instant::now() + UI_WAIT;
    loop {
        for shown in app
            .find_all(Locator::Css(&testid("message-body")))
            .await
            .unwrap_or_default()
        {
            if text_of(&shown).await.trim() == body {
                return;
            }
        }
        assert!(Instant::now() < deadline, "no message {body:?} appeared");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a display, D-Bus and tauri-driver: run by `make test` (test-e2e)"]
async fn a_message_typed_in_the_window_reaches_the_cli_and_its_reply_appears() {
    let shared = shared_team(1).await;
    let url = shared.url.clone();
    // Bob uses only the command line, his token in the real Secret Service.
    let bob = tempfile::tempdir().expect("bob's data dir");
    cli_member(bob.path(), &shared, "Bob");
    // Every new team starts with #general.
    let general = cli(bob.path(), &["chat", "conversations", &shared.team], "")[0]["id"]
        .as_str()
        .expect("#general")
        .to_string();

    // Alice signs in on the desktop and writes in #general.
    let data = tempfile::tempdir().expect("data dir");
    let driver = start_driver(&[("TEAMSTEAD_DATA_DIR", data.path())], false);
    let app = launch(&driver).await;
    sign_in(&app, &url, "alice@example.test", PASSWORD).await;
    wait_for_badge(&app, "Synced").await;
    find(&app, &format!("conversation-{general}"))
        .await
        .click()
        .await
        .expect("open #general");
    find(&app, "chat-composer")
        .await
        .send_keys(&format!("Hello from the window{ENTER}"))
        .await
        .expect("type a message");
    wait_for_message(&app, "Hello from the window").await;

    // It reaches the command line.
    let deadline = Instant::now() + UI_WAIT;
    loop {
        cli(bob.path(), &["sync"], "");
        let page = cli(bob.path(), &["chat", "list", &general], "");
        let bodies: Vec<&str> = page["messages"]
            .as_array()
            .map(|ms| ms.iter().filter_map(|m| m["body"].as_str()).collect())
            .unwrap_or_default();
        if bodies.contains(&"Hello from the window") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the window's message never arrived: {page}"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    // Bob answers from the command line; the window shows it.
    cli(
        bob.path(),
        &["chat", "send", &general, "Reply from the CLI"],
        "",
    );
    cli(bob.path(), &["sync"], "");
    wait_for_message(&app, "Reply from the CLI").await;
    let conversations = find(&app, &format!("conversation-{general}")).await;
    assert!(text_of(&conversations).await.contains("general"));
    // The chat view as it is, for docs/; not an assertion.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let png = app.screenshot().await.expect("screenshot");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/chat-screenshot.png");
    std::fs::write(&path, png).expect("write docs/chat-screenshot.png");
    let _ = app.close().await;
    shared.relay.shutdown().await.expect("shutdown");
}

/// Waits until the element with this test id shows text that `done` accepts.
async fn wait_for_text(app: &Client, id: &str, done: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + UI_WAIT;
    loop {
        if let Ok(element) = app.find(Locator::Css(&testid(id))).await {
            let text = text_of(&element).await;
            if done(text.trim()) {
                return text.trim().to_string();
            }
            assert!(Instant::now() < deadline, "{id} still says {text:?}");
        } else {
            assert!(Instant::now() < deadline, "{id} never appeared");
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a display, D-Bus and tauri-driver: run by `make test` (test-e2e)"]
async fn a_manager_delegates_in_the_window_and_sees_the_scores_of_headless_members() {
    let shared = shared_team(2).await;
    let url = shared.url.clone();
    // Bob and Carol use only the command line, their tokens in the real Secret Service.
    let members: Vec<(tempfile::TempDir, String)> = ["Bob", "Carol"]
        .iter()
        .map(|name| {
            let dir = tempfile::tempdir().expect("member's data dir");
            let id = cli_member(dir.path(), &shared, name);
            (dir, id)
        })
        .collect();

    // Alice signs in on the desktop and delegates the quarterly check-in.
    let data = tempfile::tempdir().expect("data dir");
    let driver = start_driver(&[("TEAMSTEAD_DATA_DIR", data.path())], false);
    let app = launch(&driver).await;
    sign_in(&app, &url, "alice@example.test", PASSWORD).await;
    wait_for_badge(&app, "Synced").await;
    find(&app, "nav-assessments")
        .await
        .click()
        .await
        .expect("open assessments");
    find(&app, "assessment-new")
        .await
        .click()
        .await
        .expect("new assessment");
    find(&app, "assessment-title")
        .await
        .send_keys("Q3 check-in")
        .await
        .expect("title");
    find(&app, "assessment-template")
        .await
        .select_by_value("builtin:quarterly-check-in")
        .await
        .expect("template");
    find(&app, "assessment-create-submit")
        .await
        .click()
        .await
        .expect("create");
    for (_, id) in &members {
        find(&app, &format!("assign-member-{id}"))
            .await
            .click()
            .await
            .expect("pick a member");
    }
    let due = find(&app, "assign-due").await;
    // A date input takes the date as typed in its locale's order; set it directly.
    app.execute(
        "const el = arguments[0]; \
         const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; \
         set.call(el, '2030-01-31'); el.dispatchEvent(new Event('input', { bubbles: true })); \
         el.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![serde_json::to_value(&due).expect("element")],
    )
    .await
    .expect("due date");
    find(&app, "assign-submit")
        .await
        .click()
        .await
        .expect("assign");
    for (_, id) in &members {
        find(&app, &format!("assignment-row-{id}")).await;
    }

    // Each member answers headless, from the command line, and submits.
    let assessment = {
        let (dir, _) = &members[0];
        let deadline = Instant::now() + UI_WAIT;
        loop {
            cli(dir.path(), &["sync"], "");
            let inbox = cli(dir.path(), &["assessment", "inbox"], "");
            if let Some(id) = inbox[0]["assessmentId"].as_str() {
                break id.to_string();
            }
            assert!(
                Instant::now() < deadline,
                "the assessment never reached Bob"
            );
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    };
    let answers: [&[(&str, &str)]; 2] = [
        &[
            ("goals-clear", "5"),
            ("goals-met", "All"),
            ("overloaded", "2"),
            ("focus", "30"),
            ("support", "5"),
            ("next", "Fewer meetings on Mondays"),
        ],
        &[
            ("goals-clear", "3"),
            ("goals-met", "Some"),
            ("overloaded", "4"),
            ("focus", "12"),
            ("support", "4"),
        ],
    ];
    for ((dir, _), answers) in members.iter().zip(answers) {
        cli(dir.path(), &["sync"], "");
        for (question, value) in answers {
            cli(
                dir.path(),
                &["assessment", "answer", &assessment, question, value],
                "",
            );
        }
        cli(dir.path(), &["assessment", "submit", &assessment], "");
        cli(dir.path(), &["sync"], "");
    }

    // The manager's window shows each score as the rules computed it.
    let mut scores = Vec::new();
    for (_, id) in &members {
        let shown = wait_for_text(&app, &format!("assignment-score-{id}"), |t| {
            t.parse::<f64>().is_ok()
        })
        .await;
        let score: f64 = shown.parse().expect("a number");
        assert!((0.0..=100.0).contains(&score), "{score}");
        scores.push(score);
    }
    assert!(scores[0] > scores[1], "Bob answered higher: {scores:?}");

    // The results view with its charts, for docs/; the picture is not an assertion.
    find(&app, "assessment-results-open")
        .await
        .click()
        .await
        .expect("open results");
    find(&app, "results-view").await;
    find(&app, "question-result-goals-met").await;
    // Let the "assigned" toast go and the charts settle; not an assertion.
    for _ in 0..40 {
        if app.find(Locator::Css(&testid("info-toast"))).await.is_err() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    let png = app.screenshot().await.expect("screenshot");
    std::fs::write(docs.join("assessment-results.png"), png).expect("write the picture");
    app.execute(
        "const el = document.querySelector('[data-testid=\"question-result-goals-met\"]'); \
         let pane = el.parentElement; \
         while (pane && !/(auto|scroll)/.test(getComputedStyle(pane).overflowY)) { \
           pane = pane.parentElement; \
         } \
         if (pane) { \
           pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - 80; \
         }",
        Vec::new(),
    )
    .await
    .expect("scroll to the questions");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = app.screenshot().await.expect("screenshot");
    std::fs::write(docs.join("assessment-questions.png"), png).expect("write the picture");
    let _ = app.close().await;
    shared.relay.shutdown().await.expect("shutdown");
}

/// Where Stripe would be, for the window's upgrade: a customer, a Checkout
/// session, no invoices yet. (The Stripe flow itself is tested against
/// localstripe in billing.rs; this is about what the window shows.)
async fn stripe_stand_in() -> String {
    use axum::routing::{get, post};
    let app = axum::Router::new()
        .route(
            "/v1/customers",
            post(|| async { axum::Json(json!({"id": "cus_e2e"})) }),
        )
        .route(
            "/v1/checkout/sessions",
            post(|| async {
                axum::Json(
                    json!({"id": "cs_e2e", "url": "https://checkout.stripe.test/c/pay/cs_e2e"}),
                )
            }),
        )
        .route(
            "/v1/invoices",
            get(|| async { axum::Json(json!({"data": []})) }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a display, D-Bus and tauri-driver: run by `make test` (test-e2e)"]
async fn an_owner_upgrades_in_the_window_and_sees_the_new_plan_when_stripe_confirms() {
    const SECRET: &str = "whsec_e2e";

    let stripe = stripe_stand_in().await;
    let shared = shared_team_on(1, |config| {
        let mut plans = teamstead_relay::BillingConfig::default_plans();
        plans[1].price_id = Some("price_team".into());
        plans[1].price = Some("$8 a month".into());
        config.billing = Some(teamstead_relay::BillingConfig {
            stripe_secret_key: "sk_test_e2e".into(),
            webhook_secret: SECRET.into(),
            stripe_api_base: stripe,
            grace_days: 7,
            plans,
        });
    })
    .await;
    let (url, team) = (shared.url.clone(), shared.team.clone());

    // The browser is a script that notes which page it was asked to open.
    let browser_dir = tempfile::tempdir().expect("browser dir");
    let opened = browser_dir.path().join("opened.txt");
    let browser = browser_dir.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$1\" >> '{}'\n", opened.display()),
    )
    .expect("browser script");
    std::fs::set_permissions(
        &browser,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .expect("executable");

    let data = tempfile::tempdir().expect("data dir");
    let driver = start_driver(
        &[
            ("TEAMSTEAD_DATA_DIR", data.path()),
            ("BROWSER", browser.as_path()),
        ],
        false,
    );
    let app = launch(&driver).await;
    sign_in(&app, &url, "alice@example.test", PASSWORD).await;
    wait_for_badge(&app, "Synced").await;
    find(&app, "nav-billing")
        .await
        .click()
        .await
        .expect("open billing");
    wait_for_text(&app, "billing-plan-name", |t| t.contains("Free")).await;
    wait_for_text(&app, "usage-members", |t| {
        t.contains('1') && t.contains('5')
    })
    .await;

    find(&app, "upgrade-team")
        .await
        .click()
        .await
        .expect("upgrade");
    find(&app, "checkout-opened").await;
    let deadline = Instant::now() + UI_WAIT;
    while !std::fs::read_to_string(&opened).is_ok_and(|t| t.contains("cs_e2e")) {
        assert!(
            Instant::now() < deadline,
            "the browser was never asked to open Checkout"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    let png = app.screenshot().await.expect("screenshot");
    std::fs::write(docs.join("billing-checkout.png"), png).expect("write the picture");

    // Stripe confirms the payment: a signed webhook to the relay, and the window
    // shows the Team plan without being asked.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    let event = json!({
        "id": "evt_e2e", "type": "customer.subscription.created", "created": now,
        "data": {"object": {
            "id": "sub_e2e", "customer": "cus_e2e", "status": "active",
            "current_period_end": now + 30 * 86_400,
            "items": {"data": [{"price": {"id": "price_team"}}]},
            "metadata": {"team_id": team}
        }}
    })
    .to_string();
    let answer = reqwest::Client::new()
        .post(format!("{url}/v1/billing/webhook"))
        .header(
            "stripe-signature",
            teamstead_tests::stripe_sign(&event, SECRET, now),
        )
        .body(event)
        .send()
        .await
        .expect("webhook");
    assert!(answer.status().is_success(), "{}", answer.status());
    wait_for_text(&app, "billing-plan-name", |t| t.contains("Team")).await;
    wait_for_text(&app, "usage-members", |t| t.contains("50")).await;

    let png = app.screenshot().await.expect("screenshot");
    std::fs::write(docs.join("billing-upgrade.png"), png).expect("write the picture");
    let _ = app.close().await;
    shared.relay.shutdown().await.expect("shutdown");
}

/// The workspace, once the quitting app has let go of it.
async fn open_after_quit(dir: &Path) -> teamstead_client::Client {
    let deadline = Instant::now() + UI_WAIT;
    loop {
        match teamstead_client::Client::open(Some(dir.into())) {
            Ok(client) => return client,
            Err(e) if e.code() == "already_open" && Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("the workspace does not open: {e}"),
        }
    }
}

#[tokio::test]
#[ignore = "needs a display and tauri-driver: run by `make test` (test-e2e)"]
async fn a_timer_started_in_the_window_still_runs_after_a_restart() {
    let data = tempfile::tempdir().expect("data dir");
    let driver = start_driver(&[("TEAMSTEAD_DATA_DIR", data.path())], true);
    let task = "Price the Team plan";

    let app = launch(&driver).await;
    open_card(&app, task).await;
    find(&app, "timer-start")
        .await
        .click()
        .await
        .expect("start the timer");
    wait_for_text(&app, "running-timer", |t| t.contains(task)).await;
    app.close().await.expect("quit the app");

    // With the window closed, the timer is in the workspace as it left it.
    let started_at = {
        let client = open_after_quit(data.path()).await;
        let running = client.running_timer().expect("read").expect("running");
        assert_eq!(running.task_title, task);
        running.started_at
    };

    let app = launch(&driver).await;
    wait_for_text(&app, "running-timer", |t| t.contains(task)).await;
    find(&app, "running-timer-stop")
        .await
        .click()
        .await
        .expect("stop the timer");
    let deadline = Instant::now() + UI_WAIT;
    while app
        .find(Locator::Css(&testid("running-timer")))
        .await
        .is_ok()
    {
        assert!(Instant::now() < deadline, "the timer indicator stayed");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.close().await.expect("quit the app");

    let client = open_after_quit(data.path()).await;
    assert!(client.running_timer().expect("read").is_none());
    let team = client.list_teams().expect("teams")[0].id.clone();
    let entries = client.time_entries(&team, 0, i64::MAX).expect("entries");
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0].started_at, started_at,
        "its start survived the restart"
    );
    assert!(entries[0].ended_at.is_some());
}

/// Drags a card onto a column with the page's own drag events. WebDriver's
/// pointer actions do not start WebKitGTK's native HTML5 drag and drop, so the
/// script fires what a mouse drag fires (dragstart, dragenter/dragover and drop
/// over the column, dragend), with one DataTransfer, at the real elements; the
/// board's handlers and the real backend do the rest.
async fn drag_card_to_column(app: &Client, title: &str, column: &str) {
    let script = r#"
        const [title, column] = arguments;
        const cards = [...document.querySelectorAll('[data-testid="task-card"]')];
        const card = cards.find((c) =>
          c.querySelector('[data-testid="task-card-title"]')?.textContent.trim() === title);
        const target = document.querySelector(`[data-column-id="${column}"]`);
        if (!card || !target) return `missing ${card ? 'column' : 'card'}`;
        const data = new DataTransfer();
        const fire = (el, type, x, y) => el.dispatchEvent(new DragEvent(type,
          { bubbles: true, cancelable: true, dataTransfer: data, clientX: x, clientY: y }));
        const from = card.getBoundingClientRect();
        fire(card, 'dragstart', from.x + 5, from.y + 5);
        await new Promise((r) => setTimeout(r, 50));
        const box = target.getBoundingClientRect();
        const x = box.x + box.width / 2;
        const y = box.y + box.height - 10;
        const over = document.elementFromPoint(x, y) ?? target;
        fire(over, 'dragenter', x, y);
        fire(over, 'dragover', x, y);
        fire(over, 'drop', x, y);
        fire(card, 'dragend', x, y);
        return 'dropped';
    "#;
    let done = app
        .execute(
            &format!("return (async () => {{ {script} }})(...arguments);"),
            vec![title.into(), column.into()],
        )
        .await
        .expect("run the drag");
    assert_eq!(done.as_str(), Some("dropped"), "{done}");
}

#[tokio::test]
#[ignore = "needs a display and tauri-driver: run by `make test` (test-e2e)"]
async fn a_card_dragged_to_another_column_moves_there_and_stays() {
    let data = tempfile::tempdir().expect("data dir");
    let driver = start_driver(&[("TEAMSTEAD_DATA_DIR", data.path())], true);
    let task = "Price the Team plan";

    let app = launch(&driver).await;
    let from = card_status(&app, task).await;
    let to = if from == "in_progress" {
        "todo"
    } else {
        "in_progress"
    };
    drag_card_to_column(&app, task, to).await;
    let deadline = Instant::now() + UI_WAIT;
    while card_status(&app, task).await != to {
        assert!(Instant::now() < deadline, "the card did not move to {to}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.close().await.expect("quit the app");

    // The move reached the workspace, not just the screen.
    let client = open_after_quit(data.path()).await;
    let team = client.list_teams().expect("teams")[0].clone();
    let moved = client
        .list_tasks(&team.boards[0].id)
        .expect("tasks")
        .into_iter()
        .find(|t| t.title == task)
        .expect("the task");
    assert_eq!(moved.column, to);
}
