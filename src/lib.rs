//! AIRR Coach: practise writing to clients about outages, declined features and system limits.
//!
//! The library holds the domain and knows nothing of the window: the exercise [`pack`] model, its RON
//! [`pack_file`] format, [`validate`] checks, the learner's [`progress`] store and [`atomic_write`].
//! The egui front end lives in [`ui`], behind the default `app` feature, so
//! `cargo build --lib --no-default-features` builds the domain with no GUI crate at all.

pub mod airr;
pub mod atomic_write;
pub mod cli;
pub mod document;
pub mod pack;
pub mod pack_file;
pub mod pack_generator;
pub mod progress;
pub mod reply_check;
pub mod session;
pub mod tagging;
pub mod validate;

#[cfg(feature = "app")]
pub mod ui;

/// The pack shipped inside the binary, so the app starts with no set-up.
pub const DEFAULT_PACK_RON: &str = include_str!("../exercises/client-technical-communication.ron");

/// The name shown for the embedded default pack where a file path would go.
pub const DEFAULT_PACK_ORIGIN: &str = "exercises/client-technical-communication.ron (built in)";

/// Parses the embedded default pack.
///
/// # Panics
/// Never in a released build: a test loads the same file and fails if it is not a valid pack.
pub fn default_pack() -> pack::Pack {
    pack_file::parse_pack(DEFAULT_PACK_RON, DEFAULT_PACK_ORIGIN)
        .expect("the embedded default pack is checked by the test suite")
}
