//! Splitting a reply into sentences and list items, with Unicode sentence boundaries (UAX #29) and
//! the fixes an email needs: each line stands alone, a list marker stays with its item, and common
//! abbreviations do not end a sentence.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations after which a capital letter does not start a new sentence.
const ABBREVIATIONS: [&str; 12] = [
    "e.g.", "i.e.", "etc.", "approx.", "vs.", "mr.", "ms.", "mrs.", "dr.", "no.", "fig.", "cf.",
];

/// The byte ranges of the sentences of `text`, trimmed of surrounding white space, in order.
pub fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut pending: Option<Range<usize>> = None;
        for (offset, piece) in line.split_sentence_bound_indices() {
            let Some(range) = trimmed(piece, line_start + offset) else {
                continue;
            };
            let range = match pending.take() {
                Some(open) => open.start..range.end,
                None => range,
            };
            let sentence = &text[range.clone()];
            if is_list_marker(sentence) || ends_with_abbreviation(sentence) {
                pending = Some(range);
            } else {
                sentences.push(range);
            }
        }
        sentences.extend(pending);
        line_start += line.len();
    }
    sentences
}

fn trimmed(piece: &str, start: usize) -> Option<Range<usize>> {
    let leading = piece.len() - piece.trim_start().len();
    let body = piece.trim();
    (!body.is_empty()).then(|| start + leading..start + leading + body.len())
}

/// "1.", "2)", "a.", "-", "•": the start of a list item, not a sentence of its own.
fn is_list_marker(sentence: &str) -> bool {
    let Some(body) = sentence.strip_suffix(['.', ')']) else {
        return matches!(sentence, "-" | "*" | "•" | "–");
    };
    let mut chars = body.chars();
    match chars.next() {
        Some(first) if first.is_ascii_digit() => chars.all(|c| c.is_ascii_digit()),
        Some(first) if first.is_ascii_alphabetic() => chars.next().is_none(),
        _ => false,
    }
}

fn ends_with_abbreviation(sentence: &str) -> bool {
    let last_word = sentence
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(['(', '"', '“', '\''])
        .to_lowercase();
    ABBREVIATIONS.contains(&last_word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_ranges(text)
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    #[test]
    fn splits_sentences_and_keeps_times_and_abbreviations_whole() {
        assert_eq!(
            sentences("Service was restored at 15:19 UTC. We use e.g. Postgres. Thanks!"),
            [
                "Service was restored at 15:19 UTC.",
                "We use e.g. Postgres.",
                "Thanks!"
            ]
        );
    }

    #[test]
    fn numbered_list_items_are_sentences_with_their_numbers() {
        assert_eq!(
            sentences("We are:\n1. Adding a check.\n2) Testing failover.\n- Paging faster."),
            [
                "We are:",
                "1. Adding a check.",
                "2) Testing failover.",
                "- Paging faster."
            ]
        );
    }

    #[test]
    fn quotes_emoji_and_right_to_left_text_do_not_break_or_panic() {
        assert_eq!(
            sentences("She wrote \"It failed.\" Then we fixed it 🎉. مرحبا بك. שלום."),
            [
                "She wrote \"It failed.\"",
                "Then we fixed it 🎉.",
                "مرحبا بك.",
                "שלום."
            ]
        );
    }

    #[test]
    fn an_empty_or_blank_reply_has_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n\t ").is_empty());
    }

    #[test]
    fn ranges_index_the_original_text() {
        let text = "Hi Dana,\r\n\r\n  Sorry.  ";
        let ranges = sentence_ranges(text);
        assert_eq!(ranges, [0..8, 14..20]);
    }
}
