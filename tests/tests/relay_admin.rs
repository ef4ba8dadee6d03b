//! The relay binary as an operator runs it: a TOML configuration, admin commands
//! on a live relay, a graceful stop on SIGTERM, and a restore from backup.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use support::{Person, RawPeer};
use teamstead_tests::ChildGuard;

fn relay_command(config: &Path) -> Command {
    let mut command = Command::new(teamstead_tests::workspace_binary("teamstead-relay"));
    command.arg("--config").arg(config);
    command
}

fn admin(config: &Path, args: &[&str]) -> Output {
    relay_command(config)
        .arg("admin")
        .args(args)
        .output()
        .expect("admin runs")
}

fn serve(config: &Path) -> (ChildGuard, String) {
    let mut child = relay_command(config)
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("relay starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read");
    let addr = line.trim().rsplit(' ').next().expect("address").to_string();
    (ChildGuard(child), format!("http://{addr}"))
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_operator_backs_up_a_live_relay_stops_it_and_restores() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("relay.toml");
    let data = dir.path().join("data");
    std::fs::write(
        &config,
        format!(
            "listen = \"127.0.0.1:0\"\ndata_dir = \"{}\"\n",
            data.display()
        ),
    )
    .expect("config");

    let (mut relay, url) = serve(&config);
    let ada = Person::sign_up_at(&url, "Ada").await;
    let team = ada.client.create_team("Ops").expect("team").id;
    ada.client
        .publish_team(ada.store(), &team)
        .await
        .expect("publish");
    ada.sync().await;

    let users = admin(&config, &["users"]);
    assert!(
        text(&users).contains("ada@example.test"),
        "{}",
        text(&users)
    );
    let teams = admin(&config, &["teams"]);
    assert!(text(&teams).contains(&team), "{}", text(&teams));

    let backup = dir.path().join("backup.sqlite3");
    let made = admin(&config, &["backup", &backup.to_string_lossy()]);
    assert!(made.status.success(), "{}", text(&made));
    let refused = admin(&config, &["restore", &backup.to_string_lossy()]);
    assert!(!refused.status.success());
    assert!(
        text(&refused).contains("stop the relay"),
        "{}",
        text(&refused)
    );

    // Revoked tokens stop working at once.
    let revoked = admin(&config, &["revoke-tokens", "ada@example.test"]);
    assert!(revoked.status.success(), "{}", text(&revoked));
    let refused = ada
        .client
        .refresh_teams(ada.store())
        .await
        .expect_err("revoked");
    assert_eq!(refused.code(), "revoked_token");

    // SIGTERM: open connections are closed and the relay exits cleanly.
    let fresh = ada.new_device("Ada").await;
    let mut open = RawPeer::joined_at(&url, &fresh.token()).await;
    let _ = Command::new("kill")
        .args(["-TERM", &relay.id().to_string()])
        .status();
    assert!(open.recv().await.is_none(), "the connection was closed");
    assert!(relay.wait().expect("exit").success());

    // Lose everything, then restore the backup: the account and the team are back.
    std::fs::remove_file(data.join("relay.sqlite3")).expect("remove");
    let restored = admin(&config, &["restore", &backup.to_string_lossy()]);
    assert!(restored.status.success(), "{}", text(&restored));
    let not_a_backup = dir.path().join("garbage");
    std::fs::write(&not_a_backup, b"not a database").expect("write");
    let refused = admin(&config, &["restore", &not_a_backup.to_string_lossy()]);
    assert!(!refused.status.success());

    let (mut relay, url) = serve(&config);
    let back = Person::log_in_at(&url, "Ada").await;
    back.sync().await;
    assert_eq!(back.client.list_teams().expect("teams")[0].name, "Ops");
    let _ = relay.kill();
    let _ = relay.wait();
}
