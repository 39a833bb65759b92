//! Link settings for the web app split in two wasm files (`wasm-split`
//! feature, `scripts/build-web`).
//!
//! At its default level for an optimised build, the wasm linker stores two
//! strings where one ends the other only once (the shorter one points into
//! the longer one). Rust's formatting templates are such strings. dx's
//! splitter, when it moves the data only the workspace uses out of the main
//! wasm file, blanks that data in the main file: a template of the
//! volunteer's screens that shares its bytes with one of the workspace's was
//! blanked with it, and the phone showed texts missing and trip cards
//! repeated until the workspace's file was loaded. `-O0` for the linker
//! keeps every string in bytes of its own (the code itself is optimised by
//! rustc before linking, as before).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_WASM_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg=-O0");
    }
}
