//! What a storage backend must offer for the store's semantics to run on it:
//! named trees of bytes, atomic transactions over them, a few plain reads, and
//! a flush; plus the (de)serialization of values, where damaged bytes become
//! [`StoreError::Corrupt`] naming the entry, never a panic.
//!
//! Must not depend on sled, on a cipher, or on the store's semantics.

use super::StoreError;
use serde::{de::DeserializeOwned, Serialize};

/// The trees of a store. The order is the backends' storage order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tree {
    Confirmed,
    State,
    Outbox,
    Pending,
    Rejected,
    Meta,
}

impl Tree {
    pub const ALL: [Tree; 6] = [
        Tree::Confirmed,
        Tree::State,
        Tree::Outbox,
        Tree::Pending,
        Tree::Rejected,
        Tree::Meta,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Tree::Confirmed => "confirmed",
            Tree::State => "state",
            Tree::Outbox => "outbox",
            Tree::Pending => "pending",
            Tree::Rejected => "rejected",
            Tree::Meta => "meta",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Keys and plain values, in key order.
pub type Entries = Vec<(Vec<u8>, Vec<u8>)>;

/// The body of a transaction, run against a backend's [`Tx`].
pub type TxBody<'a, R, E> = &'a dyn Fn(&dyn Tx<Error = E>) -> Result<R, E>;

/// The writes of one transaction. Values are plain bytes here: a backend may
/// encrypt them on the way down.
pub trait Tx {
    /// A backend's own error, so that it can ask for a retry on conflict.
    type Error: From<StoreError>;
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, Self::Error>;
    fn insert(&self, tree: Tree, key: &[u8], value: Vec<u8>) -> Result<(), Self::Error>;
    fn remove(&self, tree: Tree, key: &[u8]) -> Result<(), Self::Error>;
}

/// What a backend offers. Implementing it makes a [`Store`].
pub trait Backend: Send + Sync {
    type TxError: From<StoreError>;
    fn read(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError>;
    /// Entries whose key starts with `prefix`, in key order, at most `limit`.
    fn scan(&self, tree: Tree, prefix: &[u8], limit: usize) -> Result<Entries, StoreError>;
    /// Every key of a tree, without reading (or decrypting) the values.
    fn keys(&self, tree: Tree) -> Result<Vec<Vec<u8>>, StoreError>;
    /// Runs `body` atomically: all of its writes happen, or none. It may run
    /// more than once (on conflict), so it must not have side effects.
    fn transact<R>(&self, body: TxBody<'_, R, Self::TxError>) -> Result<R, StoreError>;
    /// Makes every committed transaction durable, or says why it cannot.
    fn flush(&self) -> Result<(), StoreError>;
    /// Committed transactions not yet durable: only a backend that writes
    /// in the background (the browser's) has any.
    fn queued_writes(&self) -> usize {
        0
    }
}

/// Where a value sits, as one byte string: its tree's name, a zero, its key.
/// Sealed values are bound to it, so that a value moved to another place
/// does not open; the browser store also uses it as the IndexedDB key.
pub fn place(tree: Tree, key: &[u8]) -> Vec<u8> {
    let mut place = Vec::with_capacity(tree.name().len() + 1 + key.len());
    place.extend_from_slice(tree.name().as_bytes());
    place.push(0);
    place.extend_from_slice(key);
    place
}

/// The tree and key of a [`place`], if it names one.
#[cfg(any(target_arch = "wasm32", test))]
pub fn split_place(place: &[u8]) -> Option<(Tree, Vec<u8>)> {
    let zero = place.iter().position(|b| *b == 0)?;
    let (name, key) = place.split_at(zero);
    let tree = Tree::ALL
        .into_iter()
        .find(|t| t.name().as_bytes() == name)?;
    Some((tree, key[1..].to_vec()))
}

pub fn corrupt(tree: Tree, key: &[u8], what: impl std::fmt::Display) -> StoreError {
    let key = match (tree, <[u8; 8]>::try_from(key)) {
        (Tree::Outbox, Ok(seq)) => u64::from_be_bytes(seq).to_string(),
        _ => String::from_utf8_lossy(key).into_owned(),
    };
    StoreError::Corrupt(format!("{} entry {key}: {what}", tree.name()))
}

pub fn decode<T: DeserializeOwned>(tree: Tree, key: &[u8], bytes: &[u8]) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| corrupt(tree, key, e))
}

pub fn encode<T: Serialize>(tree: Tree, key: &[u8], value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(value).map_err(|e| corrupt(tree, key, e))
}

pub fn get<T: DeserializeOwned, X: Tx + ?Sized>(
    tx: &X,
    tree: Tree,
    key: &[u8],
) -> Result<Option<T>, X::Error> {
    match tx.get(tree, key)? {
        Some(bytes) => Ok(Some(decode(tree, key, &bytes)?)),
        None => Ok(None),
    }
}

pub fn put<T: Serialize, X: Tx + ?Sized>(
    tx: &X,
    tree: Tree,
    key: &[u8],
    value: &T,
) -> Result<(), X::Error> {
    tx.insert(tree, key, encode(tree, key, value)?)
}

pub fn read<T: DeserializeOwned, B: Backend + ?Sized>(
    b: &B,
    tree: Tree,
    key: &[u8],
) -> Result<Option<T>, StoreError> {
    b.read(tree, key)?
        .map(|bytes| decode(tree, key, &bytes))
        .transpose()
}

pub fn seq_key(seq: u64) -> [u8; 8] {
    seq.to_be_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_splits_back_into_its_tree_and_key() {
        for tree in Tree::ALL {
            for key in [&b"child/c1"[..], &seq_key(7), b""] {
                assert_eq!(split_place(&place(tree, key)), Some((tree, key.to_vec())));
            }
        }
        assert_eq!(split_place(b"nowhere\0key"), None);
        assert_eq!(split_place(b"no zero"), None);
    }
}
