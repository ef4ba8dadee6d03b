//! The load generator at tiny sizes, against all three targets: it must run and
//! deliver everything. No timings are asserted; `make bench` is for figures.

use std::process::Command;

#[test]
fn the_load_generator_runs_against_every_target() {
    let output = Command::new(teamstead_tests::workspace_binary("teamstead-bench"))
        .args(["run", "--smoke"])
        .output()
        .expect("teamstead-bench runs");
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{table}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for section in [
        "## Initial sync",
        "## Connection scale",
        "## Live fan-out",
        "## Chat delivery",
        "## Offline catch-up",
    ] {
        assert!(table.contains(section), "no {section} table:\n{table}");
    }
    // Fan-out rows are the ones that count deliveries ("lost" column: "n of m").
    for target in [
        "teamstead-relay",
        "automerge-repo (Node)",
        "floor (bare broadcast)",
    ] {
        let row = table
            .lines()
            .find(|l| l.contains(target) && l.contains(" of "))
            .unwrap_or_else(|| panic!("no fan-out row for {target}:\n{table}"));
        assert!(row.contains("| 0 of "), "{target} lost messages: {row}");
    }
    // Chat delivery too: to one member and to a whole channel, nothing lost.
    for row in table
        .lines()
        .filter(|l| l.starts_with('|') && l.contains(" of "))
    {
        assert!(row.contains("| 0 of "), "messages lost: {row}");
    }
}
