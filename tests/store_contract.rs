//! One contract for every local store (tests/store_common/contract.rs): here
//! against the memory store and the sled store (in a temporary directory);
//! tests/browser_store.rs runs it on the browser store in Chromium. What only
//! the sled store does (reopening, its key, its lock, encryption on disk) is
//! in tests/store_sled.rs.

mod store_common;

use itinerances::store::{MemoryStore, Store};
use store_common::contract::contract_tests;
use store_common::*;

macro_rules! native {
    ($($name:ident),* $(,)?) => {
        mod memory {
            $( #[test] fn $name() {
                super::contract::$name(&itinerances::store::MemoryStore::new());
            } )*
        }
        mod sled {
            $( #[test] fn $name() {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = super::open(dir.path(), &super::key());
                super::contract::$name(&store);
            } )*
        }
    };
}

contract_tests!(native);

#[test]
fn memory_store_is_usable_behind_a_trait_object() {
    let store: Box<dyn Store> = Box::new(MemoryStore::new());
    put(store.as_ref(), child("c1", "Lina"));
    assert_eq!(store.children().expect("children").len(), 1);
}
