//! Helpers the workspace-level tests share; the programs they drive live in src/bin.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A binary of this workspace, built beside the test binaries (`make test` builds
/// them all first).
pub fn workspace_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test path");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target dir");
    let binary = dir.join(name);
    assert!(
        binary.exists(),
        "{} is missing: build it with `cargo build --workspace --bins`",
        binary.display()
    );
    binary
}

/// Runs `teamstead --data-dir <dir> --json <args>` with `stdin`; returns whether
/// it succeeded and the JSON it printed.
pub fn teamstead_cli(dir: &Path, args: &[&str], stdin: &str) -> (bool, serde_json::Value) {
    let mut command = Command::new(workspace_binary("teamstead"));
    command.arg("--data-dir").arg(dir).arg("--json").args(args);
    let output = run_with_input(command, stdin);
    let json = serde_json::from_slice(&output.stdout).unwrap_or(serde_json::Value::Null);
    (output.status.success(), json)
}

/// Runs `command` with `stdin` as its input; what it printed, its errors
/// passed through.
fn run_with_input(mut command: Command, stdin: &str) -> std::process::Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?} does not start: {e}"));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("exit")
}

const IN_SESSION: &str = "TEAMSTEAD_TEST_IN_DBUS_SESSION";

/// Makes sure `test` runs inside a private D-Bus session with a Secret Service.
/// Outside one, it runs the test again inside `dbus-run-session` and returns
/// false (the caller returns at once); inside, it starts gnome-keyring with a
/// fresh keyring in `keyrings` and returns true.
pub fn in_keyring_session(test: &str, keyrings: &Path) -> bool {
    if std::env::var_os(IN_SESSION).is_none() {
        let status = Command::new("dbus-run-session")
            .arg("--")
            .arg(std::env::current_exe().expect("test binary"))
            .args(["--exact", test, "--nocapture"])
            .env(IN_SESSION, "1")
            .status()
            .expect("dbus-run-session (apt package dbus) runs");
        assert!(status.success(), "{test} failed inside its D-Bus session");
        return false;
    }
    start_keyring(keyrings);
    true
}

/// Starts gnome-keyring's Secret Service on the current D-Bus session, with a
/// fresh, unlocked keyring kept in `home`. It replaces one an earlier test of the
/// same session started, whose keyring went with that test.
pub fn start_keyring(home: &Path) {
    let mut daemon = Command::new("gnome-keyring-daemon")
        .args(["--replace", "--unlock", "--components=secrets"])
        .env("XDG_DATA_HOME", home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gnome-keyring-daemon (apt package gnome-keyring) starts");
    daemon
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"teamstead-test\n")
        .expect("unlock password");
    let output = daemon.wait_with_output().expect("daemon forks");
    assert!(output.status.success(), "gnome-keyring-daemon failed");
}

/// A child process that is killed when dropped, so a failing test leaves no relay
/// or Node server running behind it.
pub struct ChildGuard(pub std::process::Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl std::ops::Deref for ChildGuard {
    type Target = std::process::Child;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for ChildGuard {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

/// Starts the relay binary with `args` (before `serve`) and returns it with the
/// address it reports on its first line.
pub fn spawn_relay<I, S>(args: I) -> (ChildGuard, String)
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    use std::io::BufRead;
    let mut child = Command::new(workspace_binary("teamstead-relay"))
        .args(args)
        .arg("serve")
        .env("TEAMSTEAD_RELAY_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the relay starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    std::io::BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read");
    let addr = line
        .trim()
        .strip_prefix("teamstead-relay listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {line}"))
        .to_string();
    (ChildGuard(child), addr)
}

/// The Stripe-Signature header Stripe's own Node library makes for a webhook
/// `body` (tests/interop/stripe-sign.mjs), so the relay is checked against
/// Stripe's signing, not against our own.
pub fn stripe_sign(body: &str, secret: &str, timestamp: i64) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("interop");
    assert!(
        dir.join("node_modules/stripe").exists(),
        "run `npm install` in {} (make test does)",
        dir.display()
    );
    let mut command = Command::new("node");
    command
        .arg(dir.join("stripe-sign.mjs"))
        .args([secret, &timestamp.to_string()]);
    let out = run_with_input(command, body);
    assert!(out.status.success(), "stripe-sign failed");
    String::from_utf8(out.stdout).expect("utf-8")
}
