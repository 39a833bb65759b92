//! The web app's store: a working copy in memory, kept in IndexedDB, every
//! value sealed with AES-GCM under a key the page cannot read or export.
//!
//! The [`Store`](super::Store) trait is synchronous and IndexedDB is not, so
//! the store works as the memory store does (same `logic`, same working
//! copy) and persists each committed transaction in the background:
//!
//! - **Opening** is asynchronous ([`BrowserStore::open`]): the key and every
//!   entry are read and decrypted before the screens show. The key is a
//!   WebCrypto `CryptoKey` made once, non-extractable, and kept in IndexedDB
//!   beside the data (structured clone keeps it non-extractable): the page
//!   can seal and open values with it, nobody can read it out of the page or
//!   of the browser's files.
//! - **Writes** of a transaction are handed, under the working copy's lock,
//!   to one queue in commit order; one task seals them and writes them in one
//!   IndexedDB transaction, then takes the next. IndexedDB holds at any time
//!   the state after some committed transaction, never half of one.
//! - **Closing the tab with writes queued** (a few milliseconds' worth after a
//!   tap): IndexedDB transactions are atomic and written in order, so the
//!   reopened store is the state after an earlier transaction, consistent,
//!   missing only the last changes; the page asks before closing while
//!   anything is queued ([`Store::unsaved_writes`](super::Store::unsaved_writes)).
//! - **A failed write** (disk full, storage cleared under the page) stops the
//!   queue so that IndexedDB keeps a consistent earlier state; every later
//!   change is still shown on the page but answered with the reason, and the
//!   page keeps asking before closing.
//! - **Wipe** removes every entry in one transaction, so IndexedDB forgets
//!   the device too; the key stays, sealing nothing.
//!
//! - **One tab at a time**: two tabs would each keep their own working copy
//!   over the same database, and their outboxes would overwrite each other.
//!   The store holds a Web Lock while open; a second tab waits a moment (a
//!   reloaded page's predecessor lets go as it unloads), then is told
//!   [`StoreError::Locked`].
//!
//! Keys (tree and record ids, as in sled) stay in clear; values are sealed
//! and bound to their place.
//!
//! Browser only. Must not depend on the store's semantics (`logic`).

mod js;

use super::backend::{place, split_place, Backend, Entries, Tree, TxBody};
use super::memory::{MemoryStore, Writes};
use super::StoreError;
use futures_channel::{mpsc, oneshot};
use futures_util::StreamExt;
use js_sys::{Array, Uint8Array};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CryptoKey, IdbDatabase, IdbTransactionMode, SubtleCrypto};

/// The app's database, where the screens' store lives.
pub const DATABASE: &str = "itinerances";
/// The object store of sealed values, keyed by their [`place`].
pub const ENTRIES: &str = "entries";
/// The object store of the `CryptoKey`, under [`STORE_KEY`].
pub const KEYS: &str = "keys";
pub const STORE_KEY: &str = "store-key";
const VERSION: u32 = 1;
/// How long a page waits for another to let the store go: a reload's
/// predecessor does within moments, a second tab never.
const ONE_TAB_PATIENCE: std::time::Duration = std::time::Duration::from_secs(3);

/// One committed transaction's writes, or a question: is everything before
/// this written?
enum Job {
    Write(Vec<(Tree, Vec<u8>, Option<Vec<u8>>)>),
    Saved(oneshot::Sender<Result<(), String>>),
}

#[derive(Default)]
struct Progress {
    queued: AtomicUsize,
    failure: Mutex<Option<String>>,
}

impl Progress {
    fn failure(&self) -> Option<String> {
        self.failure
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn fail(&self, why: String) {
        let mut failure = self.failure.lock().unwrap_or_else(|p| p.into_inner());
        failure.get_or_insert(why);
    }
}

/// A [`Store`](super::Store) in IndexedDB: what a reload or a closed tab
/// leaves is every change whose write was not still queued.
pub struct BrowserStore {
    working: MemoryStore,
    jobs: mpsc::UnboundedSender<Job>,
    progress: Arc<Progress>,
}

impl std::fmt::Debug for BrowserStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The contents are children's data: never in a log.
        f.debug_struct("BrowserStore").finish_non_exhaustive()
    }
}

fn unavailable(why: impl std::fmt::Display) -> StoreError {
    StoreError::Io(format!(
        "this browser does not let the app keep its data: {why}"
    ))
}

fn written(why: impl std::fmt::Display) -> StoreError {
    StoreError::Io(format!("the browser did not save the last changes: {why}"))
}

impl BrowserStore {
    /// Opens (or creates) the store in the IndexedDB database `database`:
    /// reads its key and every entry and decrypts them.
    ///
    /// Fails with [`StoreError::Io`] where the browser keeps no data (storage
    /// turned off, a page not served over HTTPS), with [`StoreError::Locked`]
    /// while another tab has it open, and with [`StoreError::Corrupt`] if an
    /// entry does not decrypt.
    pub async fn open(database: &str) -> Result<BrowserStore, StoreError> {
        let window = web_sys::window().ok_or_else(|| unavailable("no browser window"))?;
        let factory = window
            .indexed_db()
            .map_err(|e| unavailable(js::describe(&e)))?
            .ok_or_else(|| unavailable("IndexedDB is turned off"))?;
        let subtle = js::subtle_crypto().map_err(unavailable)?;
        let lock = format!("itinerances-store/{database}");
        let release = js::exclusive_lock(&lock, ONE_TAB_PATIENCE)
            .await
            .map_err(unavailable)?
            .ok_or(StoreError::Locked)?;
        let opened = async {
            let db = open_database(&factory, database)
                .await
                .map_err(unavailable)?;
            let key = load_or_create_key(&db, &subtle)
                .await
                .map_err(unavailable)?;
            let entries = load_entries(&db, &subtle, &key).await?;
            Ok::<_, StoreError>((db, key, entries))
        };
        let (db, key, entries) = match opened.await {
            Ok(opened) => opened,
            Err(e) => {
                let _ = release.call0(&JsValue::NULL);
                return Err(e);
            }
        };
        let (jobs, queue) = mpsc::unbounded();
        let progress = Arc::new(Progress::default());
        let writer = Writer {
            db,
            subtle,
            key,
            release,
        };
        wasm_bindgen_futures::spawn_local(writer.run(queue, progress.clone()));
        Ok(BrowserStore {
            working: MemoryStore::with_entries(entries),
            jobs,
            progress,
        })
    }

    /// Waits until every transaction committed so far is in IndexedDB.
    pub async fn saved(&self) -> Result<(), StoreError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .unbounded_send(Job::Saved(reply))
            .map_err(|_| written("the writer stopped"))?;
        answer
            .await
            .map_err(|_| written("the writer stopped"))?
            .map_err(written)
    }
}

async fn open_database(factory: &web_sys::IdbFactory, name: &str) -> Result<IdbDatabase, String> {
    let request = factory
        .open_with_u32(name, VERSION)
        .map_err(|e| js::describe(&e))?;
    let for_upgrade = request.clone();
    let upgrade = Closure::<dyn FnMut()>::new(move || {
        // Version 1 is the only one; a later version adds its own steps here.
        if let Ok(db) = for_upgrade
            .result()
            .map(JsCast::unchecked_into::<IdbDatabase>)
        {
            let _ = db.create_object_store(ENTRIES);
            let _ = db.create_object_store(KEYS);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = js::watch(&request).result().await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    opened?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| "IndexedDB did not open a database".to_owned())
}

async fn stored_key(db: &IdbDatabase) -> Result<Option<CryptoKey>, String> {
    let tx = db
        .transaction_with_str(KEYS)
        .map_err(|e| js::describe(&e))?;
    let keys = tx.object_store(KEYS).map_err(|e| js::describe(&e))?;
    let request = keys
        .get(&JsValue::from_str(STORE_KEY))
        .map_err(|e| js::describe(&e))?;
    let value = js::watch(&request).result().await?;
    if value.is_undefined() {
        return Ok(None);
    }
    value
        .dyn_into::<CryptoKey>()
        .map(Some)
        .map_err(|_| "the stored key is not a key".to_owned())
}

async fn load_or_create_key(db: &IdbDatabase, subtle: &SubtleCrypto) -> Result<CryptoKey, String> {
    if let Some(key) = stored_key(db).await? {
        return Ok(key);
    }
    let key = js::generate_key(subtle).await?;
    let tx = db
        .transaction_with_str_and_mode(KEYS, IdbTransactionMode::Readwrite)
        .map_err(|e| js::describe(&e))?;
    let committed = js::committed(&tx);
    let keys = tx.object_store(KEYS).map_err(|e| js::describe(&e))?;
    // `add`, not `put`: a tab that made its key first keeps it, and this one
    // reads it back below.
    let added = keys
        .add_with_key(&key, &JsValue::from_str(STORE_KEY))
        .map_err(|e| js::describe(&e))?;
    let added = js::watch(&added).result().await;
    if added.is_ok() && committed.await.is_ok() {
        return Ok(key);
    }
    stored_key(db)
        .await?
        .ok_or_else(|| "the store key could not be saved".to_owned())
}

async fn load_entries(
    db: &IdbDatabase,
    subtle: &SubtleCrypto,
    key: &CryptoKey,
) -> Result<Vec<(Tree, Vec<u8>, Vec<u8>)>, StoreError> {
    let js_io = |e: JsValue| unavailable(js::describe(&e));
    let tx = db.transaction_with_str(ENTRIES).map_err(js_io)?;
    let entries = tx.object_store(ENTRIES).map_err(js_io)?;
    // Both requests are made (and watched) before waiting for either.
    let keys = js::watch(&entries.get_all_keys().map_err(js_io)?);
    let values = js::watch(&entries.get_all().map_err(js_io)?);
    let keys = Array::from(&keys.result().await.map_err(unavailable)?);
    let values = Array::from(&values.result().await.map_err(unavailable)?);
    if keys.length() != values.length() {
        return Err(StoreError::Corrupt(
            "the browser's store changed while it was read".into(),
        ));
    }
    // Every value is decrypted at once, then collected in key order.
    let mut opening = Vec::with_capacity(keys.length() as usize);
    for (k, v) in keys.iter().zip(values.iter()) {
        let place = Uint8Array::new(&k).to_vec();
        let (tree, key_bytes) = split_place(&place).ok_or_else(|| {
            StoreError::Corrupt(format!(
                "an entry of the browser's store is in no tree ({})",
                String::from_utf8_lossy(&place)
            ))
        })?;
        let sealed = Uint8Array::new(&v).to_vec();
        let opened = js::open(subtle, key, &place, &sealed);
        opening.push((tree, key_bytes, opened));
    }
    let mut loaded = Vec::with_capacity(opening.len());
    for (tree, key_bytes, opened) in opening {
        let plain = match opened {
            Some(opened) => opened.await,
            None => None,
        };
        let plain = plain.ok_or_else(|| {
            StoreError::Corrupt(format!(
                "{} entry {} does not decrypt",
                tree.name(),
                String::from_utf8_lossy(&key_bytes)
            ))
        })?;
        loaded.push((tree, key_bytes, plain));
    }
    Ok(loaded)
}

/// The task that owns the database and the key, and writes the queue.
struct Writer {
    db: IdbDatabase,
    subtle: SubtleCrypto,
    key: CryptoKey,
    /// Frees the one-tab lock.
    release: js_sys::Function,
}

impl Writer {
    async fn run(self, mut queue: mpsc::UnboundedReceiver<Job>, progress: Arc<Progress>) {
        while let Some(job) = queue.next().await {
            match job {
                // After a failure nothing more is written (IndexedDB keeps the
                // consistent state before it) and the count stays up.
                Job::Write(_) if progress.failure().is_some() => {}
                Job::Write(writes) => match self.write(writes).await {
                    Ok(()) => {
                        progress.queued.fetch_sub(1, Ordering::SeqCst);
                    }
                    Err(why) => progress.fail(why),
                },
                Job::Saved(reply) => {
                    let _ = reply.send(progress.failure().map_or(Ok(()), Err));
                }
            }
        }
        // The store was dropped and everything is written: another may open it.
        self.db.close();
        let _ = self.release.call0(&JsValue::NULL);
    }

    /// Seals the writes of one transaction, then writes them in one IndexedDB
    /// transaction (WebCrypto cannot run inside one: it would commit early).
    async fn write(&self, writes: Vec<(Tree, Vec<u8>, Option<Vec<u8>>)>) -> Result<(), String> {
        let mut sealed = Vec::with_capacity(writes.len());
        for (tree, key, value) in writes {
            let place = place(tree, &key);
            let value = match value {
                Some(plain) => Some(js::seal(&self.subtle, &self.key, &place, &plain).await?),
                None => None,
            };
            sealed.push((place, value));
        }
        let tx = self
            .db
            .transaction_with_str_and_mode(ENTRIES, IdbTransactionMode::Readwrite)
            .map_err(|e| js::describe(&e))?;
        let committed = js::committed(&tx);
        let queued = (|| {
            let entries = tx.object_store(ENTRIES)?;
            for (place, value) in &sealed {
                let key = Uint8Array::from(&place[..]);
                match value {
                    Some(value) => entries.put_with_key(&Uint8Array::from(&value[..]), &key)?,
                    None => entries.delete(&key)?,
                };
            }
            Ok::<(), JsValue>(())
        })();
        if let Err(e) = queued {
            let _ = tx.abort();
            return Err(js::describe(&e));
        }
        committed.await
    }
}

impl Backend for BrowserStore {
    type TxError = StoreError;

    fn read(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        self.working.read(tree, key)
    }

    fn scan(&self, tree: Tree, prefix: &[u8], limit: usize) -> Result<Entries, StoreError> {
        self.working.scan(tree, prefix, limit)
    }

    fn keys(&self, tree: Tree) -> Result<Vec<Vec<u8>>, StoreError> {
        self.working.keys(tree)
    }

    fn transact<R>(&self, body: TxBody<'_, R, StoreError>) -> Result<R, StoreError> {
        self.working.transact_then(body, &|writes: &Writes| {
            let job = Job::Write(
                writes
                    .iter()
                    .map(|((tree, key), value)| (*tree, key.clone(), value.clone()))
                    .collect(),
            );
            self.progress.queued.fetch_add(1, Ordering::SeqCst);
            if self.jobs.unbounded_send(job).is_err() {
                self.progress.fail("the writer stopped".to_owned());
            }
        })
    }

    /// The working copy is the truth for this page; IndexedDB follows within
    /// milliseconds. What cannot follow is said here, on the next change.
    fn flush(&self) -> Result<(), StoreError> {
        match self.progress.failure() {
            Some(why) => Err(written(why)),
            None => Ok(()),
        }
    }

    fn queued_writes(&self) -> usize {
        self.progress.queued.load(Ordering::SeqCst)
    }
}
