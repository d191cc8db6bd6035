#![no_main]
//! Any bytes as a pack file: an error with a position or a pack, never a panic.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(pack) = airr_coach::pack_file::parse_pack_unchecked(text, "fuzz.ron")
    {
        // What loads must validate and write back without trouble.
        let _ = airr_coach::validate::validate(&pack);
        let written = airr_coach::pack_file::pack_to_ron(&pack);
        airr_coach::pack_file::parse_pack_unchecked(&written, "rewritten.ron")
            .expect("a written pack reads back");
    }
});
