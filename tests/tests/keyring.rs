//! The token lives in the OS keyring: a real gnome-keyring, serving the Secret
//! Service on a private D-Bus session, never in the workspace's files.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};

use support::{start_relay, PASSWORD};
use teamstead_client::sync::{KeyringTokens, TokenStore};
use teamstead_client::Client;

const IN_SESSION: &str = "TEAMSTEAD_TEST_IN_DBUS_SESSION";

/// Starts gnome-keyring's Secret Service with a fresh, unlocked keyring kept in
/// `home`, on the D-Bus session this process runs in.
fn start_keyring(home: &std::path::Path) {
    let mut daemon = Command::new("gnome-keyring-daemon")
        .args(["--unlock", "--components=secrets"])
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

#[test]
fn the_token_lives_in_the_secret_service() {
    if std::env::var_os(IN_SESSION).is_none() {
        // Run this very test again inside a private D-Bus session.
        let status = Command::new("dbus-run-session")
            .arg("--")
            .arg(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "the_token_lives_in_the_secret_service",
                "--nocapture",
            ])
            .env(IN_SESSION, "1")
            .status()
            .expect("dbus-run-session (apt package dbus) runs");
        assert!(
            status.success(),
            "the keyring test failed inside its D-Bus session"
        );
        return;
    }
    let keyrings = tempfile::tempdir().expect("tempdir");
    start_keyring(keyrings.path());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let relay_dir = tempfile::tempdir().expect("tempdir");
        let relay = start_relay(relay_dir.path()).await;
        let data = tempfile::tempdir().expect("tempdir");
        let client = Client::open(Some(data.path().to_path_buf())).expect("open");
        let account = client
            .sign_up(
                &KeyringTokens,
                &relay.http_url(),
                "kim@example.test",
                PASSWORD,
            )
            .await
            .expect("sign up");
        drop(client);

        // A restarted app finds its token in the keyring and is still signed in.
        let client = Client::open(Some(data.path().to_path_buf())).expect("reopen");
        let (_, token) = client.signed_in(&KeyringTokens).expect("signed in");
        assert!(token.starts_with("tst_"));
        let teams = client
            .refresh_teams(&KeyringTokens)
            .await
            .expect("token works");
        assert!(teams.is_empty());

        // Nothing in the workspace's files holds it.
        for entry in std::fs::read_dir(data.path()).expect("list") {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(&token), "{} holds the token", path.display());
        }

        // Signing out removes it from the keyring.
        client.log_out(&KeyringTokens).await.expect("log out");
        assert_eq!(KeyringTokens.get(&account.token_key()).expect("read"), None);
        relay.shutdown().await.expect("shutdown");
    });
}
