//! A store held in memory: the tests, a browser that cannot keep data, and
//! the working copy of the browser store.
//!
//! Only the [`Backend`] primitives live here; the semantics are those of
//! `logic`, shared with the sled store. Must not depend on any platform API, so
//! that it builds for the browser.

use super::backend::{Backend, Entries, Tree, Tx, TxBody};
use super::StoreError;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

type Map = BTreeMap<Vec<u8>, Vec<u8>>;

/// The writes of one committed transaction: a value, or `None` for a removal.
pub(super) type Writes = BTreeMap<(Tree, Vec<u8>), Option<Vec<u8>>>;

/// A [`Store`](super::Store) that forgets everything when dropped.
#[derive(Default)]
pub struct MemoryStore {
    trees: Mutex<[Map; 6]>,
}

impl std::fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The contents are children's data: never in a log.
        f.debug_struct("MemoryStore").finish_non_exhaustive()
    }
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, [Map; 6]> {
        // Transactions write through an overlay and commit without panicking,
        // so a panic elsewhere never leaves the maps half-written: the data
        // behind a poisoned lock is still consistent.
        self.trees.lock().unwrap_or_else(|p| p.into_inner())
    }

    #[cfg(target_arch = "wasm32")]
    /// A store holding these entries (a browser store's copy of what it
    /// keeps in IndexedDB).
    pub(super) fn with_entries(
        entries: impl IntoIterator<Item = (Tree, Vec<u8>, Vec<u8>)>,
    ) -> Self {
        let store = Self::new();
        {
            let mut trees = store.lock();
            for (tree, key, value) in entries {
                trees[tree.index()].insert(key, value);
            }
        }
        store
    }

    /// Runs a transaction and hands its writes to `on_commit` before they
    /// are applied, under the same lock: the calls come in commit order.
    pub(super) fn transact_then<R>(
        &self,
        body: TxBody<'_, R, StoreError>,
        on_commit: &dyn Fn(&Writes),
    ) -> Result<R, StoreError> {
        // Holding the lock for the whole transaction makes them serializable.
        let mut trees = self.lock();
        let overlay = Overlay {
            base: &trees,
            writes: RefCell::new(BTreeMap::new()),
        };
        let result = body(&overlay)?;
        let writes = overlay.writes.into_inner();
        if !writes.is_empty() {
            on_commit(&writes);
        }
        for ((tree, key), value) in writes {
            let map = &mut trees[tree.index()];
            match value {
                Some(value) => map.insert(key, value),
                None => map.remove(&key),
            };
        }
        Ok(result)
    }
}

/// The writes of a transaction, kept aside until it succeeds.
struct Overlay<'a> {
    base: &'a [Map; 6],
    writes: RefCell<Writes>,
}

impl Tx for Overlay<'_> {
    type Error = StoreError;

    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        if let Some(written) = self.writes.borrow().get(&(tree, key.to_vec())) {
            return Ok(written.clone());
        }
        Ok(self.base[tree.index()].get(key).cloned())
    }

    fn insert(&self, tree: Tree, key: &[u8], value: Vec<u8>) -> Result<(), StoreError> {
        self.writes
            .borrow_mut()
            .insert((tree, key.to_vec()), Some(value));
        Ok(())
    }

    fn remove(&self, tree: Tree, key: &[u8]) -> Result<(), StoreError> {
        self.writes.borrow_mut().insert((tree, key.to_vec()), None);
        Ok(())
    }
}

impl Backend for MemoryStore {
    type TxError = StoreError;

    fn read(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.lock()[tree.index()].get(key).cloned())
    }

    fn scan(&self, tree: Tree, prefix: &[u8], limit: usize) -> Result<Entries, StoreError> {
        Ok(self.lock()[tree.index()]
            .range(prefix.to_vec()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .take(limit)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect())
    }

    fn keys(&self, tree: Tree) -> Result<Vec<Vec<u8>>, StoreError> {
        Ok(self.lock()[tree.index()].keys().cloned().collect())
    }

    fn transact<R>(&self, body: TxBody<'_, R, StoreError>) -> Result<R, StoreError> {
        self.transact_then(body, &|_| {})
    }

    fn flush(&self) -> Result<(), StoreError> {
        Ok(())
    }
}
