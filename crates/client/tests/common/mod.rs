//! Setup shared by the client's integration tests.

use teamstead_client::Client;

/// Ann's workspace in a fresh folder, with one team "Studio": the folder (keep
/// it alive), the client, the team id and its first board's id.
pub fn workspace() -> (tempfile::TempDir, Client, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let client = Client::open(Some(dir.path().to_path_buf())).expect("open");
    client.set_name("Ann").expect("name");
    let team = client.create_team("Studio").expect("team");
    let board = team.boards[0].id.clone();
    (dir, client, team.id, board)
}
