//! The relay's policy judges a message by what `diff(before, after)` says it
//! touched, and the hub lets that diff read automerge's patch log (it sets the
//! diff cursor before applying). A path the log left out would be a path the
//! policy never checks, so: on random concurrent edits, every place the full
//! scan reports must be in the log's diff too (it may report more).

use std::collections::BTreeSet;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, Patch, PatchAction, Prop, ReadDoc, ROOT};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Each place a patch touches, as policy.rs reads it: keys from the root, then
/// the key or index changed.
fn places(patches: Vec<Patch>) -> BTreeSet<Vec<String>> {
    let prop = |p: Prop| match p {
        Prop::Map(key) => key,
        Prop::Seq(index) => index.to_string(),
    };
    patches
        .into_iter()
        .map(|patch| {
            let mut path: Vec<String> = patch.path.into_iter().map(|(_, p)| prop(p)).collect();
            match patch.action {
                PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => path.push(key),
                PatchAction::PutSeq { index, .. }
                | PatchAction::Insert { index, .. }
                | PatchAction::DeleteSeq { index, .. } => path.push(index.to_string()),
                PatchAction::Increment { prop: p, .. } | PatchAction::Conflict { prop: p } => {
                    path.push(prop(p))
                }
                PatchAction::SpliceText { .. } | PatchAction::Mark { .. } => {}
            }
            path
        })
        .collect()
}

fn base() -> AutoCommit {
    let mut doc = AutoCommit::new();
    let tasks = doc.put_object(ROOT, "tasks", ObjType::Map).expect("tasks");
    for t in 0..3 {
        let task = doc
            .put_object(&tasks, format!("t{t}"), ObjType::Map)
            .expect("task");
        doc.put(&task, "title", format!("Task {t}")).expect("title");
        doc.put_object(&task, "time_logs", ObjType::List)
            .expect("logs");
    }
    doc.put_object(ROOT, "order", ObjType::List).expect("order");
    doc.put_object(ROOT, "notes", ObjType::Text).expect("notes");
    doc.put(ROOT, "count", automerge::ScalarValue::counter(0))
        .expect("count");
    doc.commit();
    doc
}

/// A few random edits of the kinds our documents see.
fn edit(doc: &mut AutoCommit, rng: &mut StdRng) {
    let tasks = doc.get(ROOT, "tasks").expect("get").expect("tasks").1;
    let order = doc.get(ROOT, "order").expect("get").expect("order").1;
    let notes = doc.get(ROOT, "notes").expect("get").expect("notes").1;
    for _ in 0..rng.gen_range(1..5) {
        let task_key = format!("t{}", rng.gen_range(0..5));
        match rng.gen_range(0..8) {
            0 => {
                let task = doc
                    .put_object(&tasks, &task_key, ObjType::Map)
                    .expect("task");
                doc.put(&task, "title", "Made again").expect("title");
                doc.put_object(&task, "time_logs", ObjType::List)
                    .expect("logs");
            }
            1 => {
                let _ = doc.delete(&tasks, &task_key);
            }
            2 | 3 => {
                if let Some((_, task)) = doc.get(&tasks, &task_key).expect("get") {
                    if rng.gen_bool(0.5) {
                        doc.put(&task, "title", format!("T{}", rng.gen::<u16>()))
                            .expect("title");
                    } else if let Some((_, logs)) = doc.get(&task, "time_logs").expect("get") {
                        let len = doc.length(&logs);
                        if len > 0 && rng.gen_bool(0.3) {
                            doc.delete(&logs, rng.gen_range(0..len)).expect("delete");
                        } else {
                            let entry = doc
                                .insert_object(&logs, rng.gen_range(0..=len), ObjType::Map)
                                .expect("entry");
                            doc.put(&entry, "user_id", format!("u{}", rng.gen_range(0..3)))
                                .expect("user");
                        }
                    }
                }
            }
            4 => {
                let len = doc.length(&order);
                doc.insert(&order, rng.gen_range(0..=len), rng.gen::<u8>() as i64)
                    .expect("insert");
            }
            5 => {
                let len = doc.length(&order);
                if len > 0 {
                    let at = rng.gen_range(0..len);
                    if rng.gen_bool(0.5) {
                        doc.delete(&order, at).expect("delete");
                    } else {
                        doc.put(&order, at, -1).expect("put");
                    }
                }
            }
            6 => {
                let len = doc.length(&notes);
                let at = rng.gen_range(0..=len);
                doc.splice_text(&notes, at, 0, "ab").expect("splice");
            }
            _ => doc.increment(ROOT, "count", 1).expect("increment"),
        }
    }
    doc.commit();
}

#[test]
fn the_patch_log_diff_reports_every_place_the_full_scan_does() {
    let mut rng = StdRng::seed_from_u64(0x7ea3_57ead);
    for _ in 0..40 {
        let mut relay = base();
        let mut peers: Vec<AutoCommit> = (0..3).map(|_| relay.fork()).collect();
        for _ in 0..30 {
            let who = rng.gen_range(0..peers.len());
            // Now and then a peer hears of another's edits first: concurrency.
            if rng.gen_bool(0.3) {
                let other = (who + 1) % peers.len();
                let mut theirs = peers[other].clone();
                peers[who].merge(&mut theirs).expect("merge");
            }
            edit(&mut peers[who], &mut rng);
            let before = relay.get_heads();
            let changes: Vec<automerge::Change> = peers[who].get_changes(&before);

            let mut scanned = relay.clone();
            scanned.apply_changes(changes.clone()).expect("apply");
            let after = scanned.get_heads();
            let full = places(scanned.diff(&before, &after));

            relay.update_diff_cursor();
            relay.apply_changes(changes).expect("apply");
            assert_eq!(relay.get_heads(), after);
            // The range the hub asks for is the indexed one, not a scan.
            assert_eq!(relay.diff_cursor(), before);
            let logged = places(relay.diff(&before, &after));
            relay.reset_diff_cursor();

            let missing: Vec<_> = full.difference(&logged).collect();
            assert!(
                missing.is_empty(),
                "the patch log's diff left out {missing:?} (it had {logged:?})"
            );
        }
    }
}
