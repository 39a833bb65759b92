//! The browser store in a real browser (headless Chromium, through
//! wasm-bindgen-test; scripts/browser-store-test runs it). It keeps the same
//! contract as the other stores (tests/store_common/contract.rs), each test
//! followed by a reopening of the same IndexedDB database that must hold the
//! same; then what only the browser store does: what IndexedDB holds is
//! sealed, the key cannot be exported, a wipe empties the database, damage is
//! reported.
#![cfg(target_arch = "wasm32")]

mod store_common;

use itinerances::domain::{EventKind, RecordKind};
use itinerances::store::{BrowserStore, Store, StoreError};
use js_sys::{Array, Promise, Uint8Array};
use store_common::contract::contract_tests;
use store_common::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CryptoKey, IdbDatabase, IdbRequest, IdbTransactionMode};

wasm_bindgen_test_configure!(run_in_browser);

// What the browser store keeps in IndexedDB (src/store/browser/mod.rs).
const ENTRIES: &str = "entries";
const KEYS: &str = "keys";
const STORE_KEY: &str = "store-key";

async fn answer(request: &IdbRequest) -> JsValue {
    let answered = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(answered)
        .await
        .expect("the IndexedDB request succeeds");
    request.result().expect("a result")
}

/// Opens the database as it is, behind the store's back.
async fn raw_database(name: &str) -> IdbDatabase {
    let factory = web_sys::window()
        .expect("a window")
        .indexed_db()
        .expect("IndexedDB")
        .expect("IndexedDB is on");
    answer(&factory.open(name).expect("opens"))
        .await
        .unchecked_into()
}

/// Every (key, value) of the sealed entries, as IndexedDB holds them.
async fn raw_entries(name: &str) -> Vec<(Vec<u8>, Vec<u8>)> {
    let db = raw_database(name).await;
    let entries = db
        .transaction_with_str(ENTRIES)
        .expect("a transaction")
        .object_store(ENTRIES)
        .expect("the entries");
    let keys = Array::from(&answer(&entries.get_all_keys().expect("keys")).await);
    let values = Array::from(&answer(&entries.get_all().expect("values")).await);
    db.close();
    keys.iter()
        .zip(values.iter())
        .map(|(k, v)| (Uint8Array::new(&k).to_vec(), Uint8Array::new(&v).to_vec()))
        .collect()
}

async fn delete_database(name: &str) {
    let factory = web_sys::window()
        .expect("a window")
        .indexed_db()
        .expect("IndexedDB")
        .expect("IndexedDB is on");
    answer(&factory.delete_database(name).expect("deletes")).await;
}

async fn fresh(name: &str) -> BrowserStore {
    delete_database(name).await;
    BrowserStore::open(name).await.expect("opens")
}

/// Everything a store shows, in one comparable text.
fn everything(store: &dyn Store) -> String {
    format!(
        "{:?}",
        (
            store.identity(),
            store.status(),
            store.pending(usize::MAX),
            store.rejected(),
            RecordKind::ALL.map(|kind| store.list(kind)),
            store.device_value("checklist/p1"),
        )
    )
}

macro_rules! in_the_browser {
    ($($name:ident),* $(,)?) => {
        $( #[wasm_bindgen_test] async fn $name() {
            let database = concat!("contract-", stringify!($name));
            let store = fresh(database).await;
            store_common::contract::$name(&store);
            store.saved().await.expect("every change reaches IndexedDB");
            let held = everything(&store);
            drop(store);
            let reopened = BrowserStore::open(database).await.expect("reopens");
            assert_eq!(everything(&reopened), held, "the reopened store differs");
        } )*
    };
}

contract_tests!(in_the_browser);

#[wasm_bindgen_test]
async fn a_reopened_store_holds_everything_and_carries_on() {
    let database = "reopened";
    let store = fresh(database).await;
    store.set_identity(&identity()).expect("enrolls");
    sync(
        &store,
        itinerances::store::ApplyPlan {
            upserts: vec![child("c1", "Lina")],
            ..Default::default()
        },
    );
    log(&store, "e1", EventKind::PickedUp, 10);
    store
        .set_device_value("lang", Some(&serde_json::json!("nl")))
        .expect("writes");
    // Written in the background: counted until IndexedDB has it.
    assert!(store.unsaved_writes() > 0);
    store.saved().await.expect("saved");
    assert_eq!(store.unsaved_writes(), 0);
    let held = everything(&store);
    drop(store);

    // Another page of the same browser (a reload) opens the same database.
    let reopened = BrowserStore::open(database).await.expect("reopens");
    assert_eq!(everything(&reopened), held);
    assert_eq!(reopened.identity().expect("identity"), Some(identity()));
    assert_eq!(
        reopened.device_value("lang").expect("reads"),
        Some(serde_json::json!("nl"))
    );
    // The outbox carries on where it was.
    assert_eq!(log(&reopened, "e2", EventKind::Arrived, 20), 2);
}

#[wasm_bindgen_test]
async fn indexeddb_holds_ids_in_clear_and_values_sealed() {
    let database = "sealed";
    let store = fresh(database).await;
    store.set_identity(&identity()).expect("enrolls");
    put(&store, child("c1", "Lina"));
    store.saved().await.expect("saved");
    let entries = raw_entries(database).await;
    // A check that finds nothing to check must fail.
    assert!(entries.len() >= 5, "only {} entries", entries.len());
    let contains =
        |haystack: &[u8], needle: &[u8]| haystack.windows(needle.len()).any(|w| w == needle);
    assert!(entries.iter().any(|(k, _)| contains(k, b"child/c1")));
    for (key, value) in &entries {
        for secret in [&b"Lina"[..], b"secret-token", b"comfort blanket", b"Anne"] {
            assert!(
                !contains(value, secret),
                "{} is readable in {}",
                String::from_utf8_lossy(secret),
                String::from_utf8_lossy(key)
            );
        }
    }
}

#[wasm_bindgen_test]
async fn the_key_cannot_be_exported() {
    let database = "key";
    let store = fresh(database).await;
    put(&store, child("c1", "Lina"));
    store.saved().await.expect("saved");
    let db = raw_database(database).await;
    let keys = db
        .transaction_with_str(KEYS)
        .expect("a transaction")
        .object_store(KEYS)
        .expect("the keys");
    let key: CryptoKey = answer(&keys.get(&STORE_KEY.into()).expect("reads"))
        .await
        .dyn_into()
        .expect("a CryptoKey");
    db.close();
    assert!(!key.extractable());
    let subtle = web_sys::window()
        .expect("a window")
        .crypto()
        .expect("crypto")
        .subtle();
    for format in ["raw", "jwk"] {
        let exported = match subtle.export_key(format, &key) {
            Ok(promise) => JsFuture::from(promise).await,
            Err(e) => Err(e),
        };
        assert!(exported.is_err(), "the key exports as {format}");
    }
}

#[wasm_bindgen_test]
async fn a_wipe_empties_indexeddb() {
    let database = "wiped";
    let store = fresh(database).await;
    store.set_identity(&identity()).expect("enrolls");
    put(&store, child("c1", "Lina"));
    store.saved().await.expect("saved");
    assert!(!raw_entries(database).await.is_empty());
    store.wipe().expect("wipes");
    store.saved().await.expect("saved");
    assert!(raw_entries(database).await.is_empty());
    drop(store);
    let reopened = BrowserStore::open(database).await.expect("reopens");
    assert_eq!(reopened.identity().expect("identity"), None);
}

#[wasm_bindgen_test]
async fn a_damaged_value_is_reported_not_read() {
    let database = "damaged";
    let store = fresh(database).await;
    put(&store, child("c1", "Lina"));
    store.saved().await.expect("saved");
    drop(store);
    let (key, mut value) = raw_entries(database)
        .await
        .into_iter()
        .find(|(k, _)| k.ends_with(b"child/c1"))
        .expect("the child's entry");
    let last = value.len() - 1;
    value[last] ^= 1;
    let db = raw_database(database).await;
    let entries = db
        .transaction_with_str_and_mode(ENTRIES, IdbTransactionMode::Readwrite)
        .expect("a transaction")
        .object_store(ENTRIES)
        .expect("the entries");
    let request = entries
        .put_with_key(&Uint8Array::from(&value[..]), &Uint8Array::from(&key[..]))
        .expect("writes");
    answer(&request).await;
    db.close();
    match BrowserStore::open(database).await {
        Err(StoreError::Corrupt(why)) => assert!(why.contains("does not decrypt"), "{why}"),
        other => panic!("a damaged value opened: {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn one_tab_at_a_time() {
    let database = "one-tab";
    let store = fresh(database).await;
    // A second page opening the same data is refused (after a short wait)...
    match BrowserStore::open(database).await {
        Err(StoreError::Locked) => {}
        other => panic!("a second copy opened beside the first: {other:?}"),
    }
    // ... until the first lets it go.
    drop(store);
    BrowserStore::open(database).await.expect("reopens");
}
