//! What only the sled store does: it survives a restart, it is encrypted on
//! disk with its key, it refuses a wrong key and a second opener, and it
//! reports damaged bytes instead of crashing.

mod store_common;

use itinerances::domain::*;
use itinerances::protocol::{Change, Cursor};
use itinerances::store::{ApplyPlan, SledStore, Store, StoreError, StoreKey};
use std::path::Path;
use store_common::*;

#[test]
fn sled_keeps_everything_across_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = open(dir.path(), &key());
        store.set_identity(&identity()).expect("enrolls");
        sync(
            &store,
            ApplyPlan {
                upserts: vec![child("c1", "Lina")],
                cursor: Some(Cursor(4)),
                ..ApplyPlan::default()
            },
        );
        log(&store, "e1", EventKind::PickedUp, 10);
        store
            .set_device_value("lang", Some(&serde_json::json!("nl")))
            .expect("writes");
    }
    let store = open(dir.path(), &key());
    assert_eq!(
        store.device_value("lang").expect("reads"),
        Some(serde_json::json!("nl"))
    );
    assert_eq!(store.identity().expect("identity"), Some(identity()));
    assert_eq!(
        store.get(&child_key("c1")).expect("reads"),
        Some(child("c1", "Lina"))
    );
    assert_eq!(store.pending(10).expect("pending").len(), 1);
    assert_eq!(store.cursor().expect("cursor"), Some(Cursor(4)));
    assert_eq!(log(&store, "e2", EventKind::Arrived, 20), 2);
}

#[test]
fn sled_with_the_wrong_key_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(open(dir.path(), &key()));
    let err = SledStore::open(dir.path(), &StoreKey::from_bytes([8; 32])).expect_err("refuses");
    assert!(
        matches!(&err, StoreError::Corrupt(m) if m.contains("key does not match")),
        "{err}"
    );
}

#[test]
fn sled_opened_twice_is_locked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let _first = open(dir.path(), &key());
    let err = SledStore::open(dir.path(), &key()).expect_err("refuses");
    assert!(matches!(err, StoreError::Locked), "{err}");
}

#[test]
fn sled_writes_no_name_in_clear_on_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = open(dir.path(), &key());
        sync(
            &store,
            ApplyPlan {
                upserts: vec![child("c1", "Zoubida")],
                ..ApplyPlan::default()
            },
        );
        put(&store, child("c2", "Zoubida"));
    }
    let files = walk(dir.path());
    assert!(!files.is_empty(), "the store wrote files to look into");
    for entry in files {
        let bytes = std::fs::read(&entry).expect("reads file");
        assert!(
            !bytes.windows(7).any(|w| w == b"Zoubida"),
            "a child's name is readable in {}",
            entry.display()
        );
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("lists dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn sled_reports_damaged_data_instead_of_crashing() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = open(dir.path(), &key());
        put(&store, child("c1", "Lina"));
    }
    {
        let db = sled::open(dir.path()).expect("raw open");
        let state = db.open_tree("state").expect("tree");
        state.insert("child/c1", &b"garbage"[..]).expect("writes");
        state
            .insert("child/c9", &b"\x01garbage"[..])
            .expect("writes");
        db.flush().expect("flushes");
    }
    let store = open(dir.path(), &key());
    let err = store.get(&child_key("c1")).expect_err("damaged");
    assert!(
        matches!(&err, StoreError::Corrupt(m) if m.contains("child/c1")),
        "{err}"
    );
    assert!(matches!(
        store.list(RecordKind::Child),
        Err(StoreError::Corrupt(_))
    ));
    // The damaged record cannot be changed either, but nothing panics.
    assert!(store
        .record(
            Change::Put {
                record: child("c1", "Lina")
            },
            t(1)
        )
        .is_err());
}
