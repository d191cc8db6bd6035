#![no_main]
//! Any text as a learner's reply: an analysis whose ranges lie on character boundaries.

use std::sync::OnceLock;

use airr_coach::reply_check::analyze;
use airr_coach::reply_check::rules::{PackRules, RuleBook};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    static BOOK: OnceLock<RuleBook> = OnceLock::new();
    let book = BOOK.get_or_init(|| RuleBook::for_exercise(&PackRules::default(), &[]).unwrap());
    let analysis = analyze(text, book, None);
    for sentence in &analysis.sentences {
        assert!(
            text.is_char_boundary(sentence.range.start)
                && text.is_char_boundary(sentence.range.end)
        );
    }
    for finding in &analysis.findings {
        assert!(
            text.is_char_boundary(finding.range.start) && text.is_char_boundary(finding.range.end)
        );
    }
    assert!(analysis.score <= 100);
});
