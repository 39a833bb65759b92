//! The store of phones and desktops: sled on disk, every value encrypted.
//!
//! Only the [`Backend`] primitives live here (trees, transactions, flush,
//! encryption on the way in and out); the semantics are those of `logic`,
//! shared with the memory store. Native only: sled does not build for the
//! browser.

use super::backend::{place, Backend, Entries, Tree, Tx, TxBody};
use super::crypto::{Cipher, StoreKey};
use super::StoreError;
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};
use sled::Transactional;
use std::path::Path;

/// Where the store keeps a sealed known value, to tell a wrong key from damage.
/// It sits outside the six trees so that a wipe keeps it.
const KEY_CHECK: &[u8] = b"key_check";
const KEY_CHECK_PLAIN: &[u8] = b"itinerances store key check v1";

/// A [`Store`](super::Store) in a sled database, encrypted at rest, durable when
/// each method returns.
pub struct SledStore {
    db: sled::Db,
    /// In [`Tree::ALL`] order.
    trees: Vec<sled::Tree>,
    cipher: Cipher,
}

impl std::fmt::Debug for SledStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SledStore").finish_non_exhaustive()
    }
}

fn from_sled(e: sled::Error) -> StoreError {
    match e {
        // sled reports the lock held by another process as an I/O error
        // with this wording (0.34).
        sled::Error::Io(io) if io.to_string().contains("could not acquire lock") => {
            StoreError::Locked
        }
        sled::Error::Corruption { .. } => StoreError::Corrupt(e.to_string()),
        other => StoreError::Io(other.to_string()),
    }
}

impl From<StoreError> for ConflictableTransactionError<StoreError> {
    fn from(e: StoreError) -> Self {
        ConflictableTransactionError::Abort(e)
    }
}

impl SledStore {
    /// Opens (or creates) the store in the directory `path`.
    ///
    /// Fails with [`StoreError::Locked`] while another process has it open, and
    /// with [`StoreError::Corrupt`] if `key` is not the key it was created with.
    pub fn open(path: &Path, key: &StoreKey) -> Result<SledStore, StoreError> {
        let db = open_db(path)?;
        let cipher = Cipher::new(key);
        match db.get(KEY_CHECK).map_err(from_sled)? {
            Some(sealed) => {
                if cipher.open(KEY_CHECK, &sealed).as_deref() != Some(KEY_CHECK_PLAIN) {
                    return Err(StoreError::Corrupt(
                        "the store key does not match the data on this device (was the key replaced?)"
                            .into(),
                    ));
                }
            }
            None => {
                db.insert(KEY_CHECK, cipher.seal(KEY_CHECK, KEY_CHECK_PLAIN)?)
                    .map_err(from_sled)?;
                db.flush().map_err(from_sled)?;
            }
        }
        let trees = Tree::ALL
            .iter()
            .map(|t| db.open_tree(t.name()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(from_sled)?;
        Ok(SledStore { db, trees, cipher })
    }

    fn tree(&self, tree: Tree) -> Result<&sled::Tree, StoreError> {
        self.trees
            .get(tree.index())
            .ok_or_else(|| StoreError::Corrupt(format!("tree {} is not open", tree.name())))
    }

    fn open_value(&self, tree: Tree, key: &[u8], sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
        self.cipher.open(&place(tree, key), sealed).ok_or_else(|| {
            StoreError::Corrupt(format!(
                "{} entry {} does not decrypt",
                tree.name(),
                String::from_utf8_lossy(key)
            ))
        })
    }
}

/// Opens the database at `path`. A store closed just before (a restart of
/// the app's store, a wipe) lets go of the directory's lock from a
/// background thread a moment later: opening waits for it, up to two
/// seconds, instead of failing.
fn open_db(path: &Path) -> Result<sled::Db, StoreError> {
    let config = sled::Config::new()
        .path(path)
        // A phone's store holds a few hundred records: no need for sled's
        // default 1 GiB page cache.
        .cache_capacity(16 * 1024 * 1024);
    let mut waited = std::time::Duration::ZERO;
    let step = std::time::Duration::from_millis(25);
    loop {
        match config.open() {
            Err(sled::Error::Io(e))
                if e.to_string().contains("could not acquire lock")
                    && waited < std::time::Duration::from_secs(2) =>
            {
                std::thread::sleep(step);
                waited += step;
            }
            other => return other.map_err(from_sled),
        }
    }
}

struct SledTx<'a> {
    trees: &'a [TransactionalTree],
    store: &'a SledStore,
}

impl SledTx<'_> {
    fn tree(&self, tree: Tree) -> Result<&TransactionalTree, StoreError> {
        self.trees
            .get(tree.index())
            .ok_or_else(|| StoreError::Corrupt(format!("tree {} is not open", tree.name())))
    }
}

type TxError = ConflictableTransactionError<StoreError>;

impl Tx for SledTx<'_> {
    type Error = TxError;

    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, TxError> {
        match self.tree(tree)?.get(key)? {
            Some(sealed) => Ok(Some(self.store.open_value(tree, key, &sealed)?)),
            None => Ok(None),
        }
    }

    fn insert(&self, tree: Tree, key: &[u8], value: Vec<u8>) -> Result<(), TxError> {
        let sealed = self.store.cipher.seal(&place(tree, key), &value)?;
        self.tree(tree)?.insert(key, sealed)?;
        Ok(())
    }

    fn remove(&self, tree: Tree, key: &[u8]) -> Result<(), TxError> {
        self.tree(tree)?.remove(key)?;
        Ok(())
    }
}

impl Backend for SledStore {
    type TxError = TxError;

    fn read(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        match self.tree(tree)?.get(key).map_err(from_sled)? {
            Some(sealed) => Ok(Some(self.open_value(tree, key, &sealed)?)),
            None => Ok(None),
        }
    }

    fn scan(&self, tree: Tree, prefix: &[u8], limit: usize) -> Result<Entries, StoreError> {
        self.tree(tree)?
            .scan_prefix(prefix)
            .take(limit)
            .map(|entry| {
                let (key, sealed) = entry.map_err(from_sled)?;
                let value = self.open_value(tree, &key, &sealed)?;
                Ok((key.to_vec(), value))
            })
            .collect()
    }

    fn keys(&self, tree: Tree) -> Result<Vec<Vec<u8>>, StoreError> {
        self.tree(tree)?
            .iter()
            .keys()
            .map(|k| k.map(|k| k.to_vec()).map_err(from_sled))
            .collect()
    }

    fn transact<R>(&self, body: TxBody<'_, R, TxError>) -> Result<R, StoreError> {
        self.trees[..]
            .transaction(|trees: &Vec<TransactionalTree>| {
                body(&SledTx {
                    trees: trees.as_slice(),
                    store: self,
                })
            })
            .map_err(|e| match e {
                TransactionError::Abort(e) => e,
                TransactionError::Storage(e) => from_sled(e),
            })
    }

    fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map_err(from_sled).map(|_| ())
    }
}
