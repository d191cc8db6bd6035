#![no_main]
//! Any bytes as a progress file: read or refused, never a panic.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = airr_coach::progress::parse_progress(text);
    }
});
