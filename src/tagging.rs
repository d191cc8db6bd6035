//! Tagging words of a reply with AIRR parts, and keeping the tags on the right words while the text is
//! edited.
//!
//! A reply's pieces are treated as runs of text, each with one part or none. Both operations here are a
//! splice of those runs: cut at the edges of a byte range, replace what lies between, and merge
//! neighbours that carry the same part.

use std::ops::Range;

use crate::airr::AirrPart;
use crate::pack::{Piece, ReplyText};

/// One run: the part it carries and its length in bytes.
type Run = (Option<AirrPart>, usize);

fn runs_of(text: &ReplyText) -> Vec<Run> {
    text.pieces
        .iter()
        .map(|piece| (piece.part, piece.text.len()))
        .collect()
}

/// Replaces the bytes `range` of the runs with one run of `replacement` (part, length).
fn splice(runs: &[Run], range: Range<usize>, replacement: Run) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len() + 2);
    let mut push = |part: Option<AirrPart>, len: usize| {
        if len == 0 {
            return;
        }
        match out.last_mut() {
            Some((last, last_len)) if *last == part => *last_len += len,
            _ => out.push((part, len)),
        }
    };
    let mut start = 0;
    let mut inserted = false;
    for &(part, len) in runs {
        let end = start + len;
        // The part of this run before the range, then the replacement, then the part after it.
        push(part, end.min(range.start).saturating_sub(start));
        if !inserted && end >= range.start {
            push(replacement.0, replacement.1);
            inserted = true;
        }
        push(part, end.saturating_sub(range.end.max(start)));
        start = end;
    }
    if !inserted {
        push(replacement.0, replacement.1);
    }
    out
}

fn pieces_from_runs(text: &str, runs: &[Run]) -> ReplyText {
    let mut start = 0;
    let pieces = runs
        .iter()
        .map(|&(part, len)| {
            let piece = Piece {
                part,
                text: text[start..start + len].to_owned(),
            };
            start += len;
            piece
        })
        .collect();
    ReplyText::from_pieces(pieces)
}

/// The part of the byte just before `at`, or of the first byte when `at` is 0: typed text takes the
/// part of what it follows, as formatting does in a word processor.
fn part_at(runs: &[Run], at: usize) -> Option<AirrPart> {
    let mut start = 0;
    for &(part, len) in runs {
        if at > start && at <= start + len {
            return part;
        }
        start += len;
    }
    runs.first().and_then(|(part, _)| *part)
}

/// The pieces of `new_text`, an edit of `old`'s text, with every unchanged word keeping its part.
///
/// The edit is found as the span between the longest common prefix and suffix; text typed there
/// takes the part of the text it replaces, or if it replaces nothing, of the text it follows.
pub fn apply_edit(old: &ReplyText, new_text: &str) -> ReplyText {
    let old_text = old.full_text();
    if old_text == new_text {
        return normalized(old);
    }
    let prefix = common_prefix(&old_text, new_text);
    let suffix = common_suffix(&old_text[prefix..], &new_text[prefix..]);
    let removed = prefix..old_text.len() - suffix;
    let inserted = new_text.len() - suffix - prefix;
    let runs = runs_of(old);
    // Typing over a selection takes the part of what it replaces; plain typing, of what it follows.
    let part = if removed.is_empty() {
        part_at(&runs, prefix)
    } else {
        part_at(&runs, prefix + 1)
    };
    pieces_from_runs(new_text, &splice(&runs, removed, (part, inserted)))
}

/// Tags the bytes `range` with `part` (or clears them with `None`), splitting and merging pieces.
///
/// The range is clamped to the text and moved to character boundaries.
pub fn set_part(text: &ReplyText, range: Range<usize>, part: Option<AirrPart>) -> ReplyText {
    let full = text.full_text();
    let start = floor_char_boundary(&full, range.start.min(full.len()));
    let end = floor_char_boundary(&full, range.end.min(full.len())).max(start);
    pieces_from_runs(
        &full,
        &splice(&runs_of(text), start..end, (part, end - start)),
    )
}

/// The same text with empty pieces dropped and neighbours of the same part merged.
pub fn normalized(text: &ReplyText) -> ReplyText {
    pieces_from_runs(&text.full_text(), &splice(&runs_of(text), 0..0, (None, 0)))
}

fn common_prefix(a: &str, b: &str) -> usize {
    let bytes = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    floor_char_boundary(a, bytes)
}

fn common_suffix(a: &str, b: &str) -> usize {
    let bytes = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(x, y)| x == y)
        .count();
    // Back off to a boundary that is a character boundary in both strings.
    (0..=bytes)
        .rev()
        .find(|&n| a.is_char_boundary(a.len() - n) && b.is_char_boundary(b.len() - n))
        .unwrap_or(0)
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// Converts a range of characters (as text editors count them) to a range of bytes.
pub fn char_range_to_bytes(text: &str, chars: Range<usize>) -> Range<usize> {
    let byte_at = |char_index: usize| {
        text.char_indices()
            .nth(char_index)
            .map_or(text.len(), |(byte, _)| byte)
    };
    byte_at(chars.start)..byte_at(chars.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AirrPart::*;

    fn sample() -> ReplyText {
        ReplyText::from_pieces(vec![
            Piece::plain("Hi. "),
            Piece::tagged(Acknowledge, "Sorry."),
            Piece::plain(" "),
            Piece::tagged(Inform, "It broke."),
        ])
    }

    fn spelled(text: &ReplyText) -> Vec<(Option<AirrPart>, &str)> {
        text.pieces
            .iter()
            .map(|p| (p.part, p.text.as_str()))
            .collect()
    }

    #[test]
    fn tagging_a_range_inside_plain_text_splits_it() {
        let text = ReplyText::plain("We restored service at 15:19 UTC.");
        let tagged = set_part(&text, 3..32, Some(Resolve));
        assert_eq!(
            spelled(&tagged),
            [
                (None, "We "),
                (Some(Resolve), "restored service at 15:19 UTC"),
                (None, "."),
            ]
        );
    }

    #[test]
    fn tagging_across_two_pieces_splits_both_and_merges_with_its_neighbour() {
        // "Hi. Sorry. It broke." — tag "Sorry. It" as Acknowledge.
        let tagged = set_part(&sample(), 4..13, Some(Acknowledge));
        assert_eq!(
            spelled(&tagged),
            [
                (None, "Hi. "),
                (Some(Acknowledge), "Sorry. It"),
                (Some(Inform), " broke."),
            ]
        );
        assert_eq!(tagged.full_text(), sample().full_text());
    }

    #[test]
    fn clearing_part_of_a_piece_leaves_the_rest_tagged() {
        let cleared = set_part(&sample(), 14..20, None);
        assert_eq!(
            spelled(&cleared),
            [
                (None, "Hi. "),
                (Some(Acknowledge), "Sorry."),
                (None, " "),
                (Some(Inform), "It "),
                (None, "broke."),
            ]
        );
    }

    #[test]
    fn typing_inside_a_tagged_piece_keeps_the_tag() {
        let edited = apply_edit(&sample(), "Hi. Sorry again. It broke.");
        assert_eq!(
            spelled(&edited),
            [
                (None, "Hi. "),
                (Some(Acknowledge), "Sorry again."),
                (None, " "),
                (Some(Inform), "It broke."),
            ]
        );
    }

    #[test]
    fn typing_at_the_end_of_a_piece_extends_it_and_deleting_a_piece_removes_it() {
        let extended = apply_edit(&sample(), "Hi. Sorry. It broke badly.");
        assert_eq!(extended.pieces[3].text, "It broke badly.");
        let deleted = apply_edit(&sample(), "Hi.  It broke.");
        assert_eq!(
            spelled(&deleted),
            [(None, "Hi.  "), (Some(Inform), "It broke.")]
        );
    }

    #[test]
    fn replacing_words_across_pieces_keeps_the_untouched_words_tagged() {
        // Select "Sorry. It" and type "OK, it": the diff sees "Sorry. I" replaced by "OK, i".
        let edited = apply_edit(&sample(), "Hi. OK, it broke.");
        assert_eq!(
            spelled(&edited),
            [
                (None, "Hi. "),
                (Some(Acknowledge), "OK, i"),
                (Some(Inform), "t broke."),
            ]
        );
    }

    #[test]
    fn typing_before_everything_takes_the_first_part() {
        let text = ReplyText::from_pieces(vec![Piece::tagged(Inform, "At 14:32 UTC.")]);
        let edited = apply_edit(&text, "Today at 14:32 UTC.");
        assert_eq!(spelled(&edited), [(Some(Inform), "Today at 14:32 UTC.")]);
    }

    #[test]
    fn multibyte_text_never_splits_a_character() {
        let text = ReplyText::plain("déjà — vu");
        let tagged = set_part(&text, 2..6, Some(Inform));
        assert_eq!(tagged.full_text(), "déjà — vu");
        let edited = apply_edit(&tagged, "déjà—vu");
        assert_eq!(edited.full_text(), "déjà—vu");
        let edited = apply_edit(&ReplyText::plain("aé"), "aè");
        assert_eq!(edited.full_text(), "aè");
    }

    #[test]
    fn character_ranges_become_byte_ranges() {
        assert_eq!(char_range_to_bytes("déjà vu", 1..4), 1..6);
        assert_eq!(char_range_to_bytes("abc", 1..9), 1..3);
    }
}
