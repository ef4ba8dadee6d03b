//! The token lives in the OS keyring: a real gnome-keyring, serving the Secret
//! Service on a private D-Bus session, never in the workspace's files.

mod support;

use support::{start_relay, PASSWORD};
use teamstead_client::sync::{KeyringTokens, TokenStore};
use teamstead_client::Client;

#[test]
fn the_token_lives_in_the_secret_service() {
    let keyrings = tempfile::tempdir().expect("tempdir");
    if !teamstead_tests::in_keyring_session(
        "the_token_lives_in_the_secret_service",
        keyrings.path(),
    ) {
        return;
    }
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
