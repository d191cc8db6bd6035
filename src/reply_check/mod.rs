//! The reply check: which AIRR parts a learner's own reply has, what is vague, and what is missing.
//!
//! [`analyze`] splits the reply into sentences ([`segment`]), runs the [`rules`] on each, and sums the
//! result up. It is pure and fast enough to run on every edit.

pub mod rules;
pub mod segment;

use std::ops::Range;

use crate::airr::AirrPart;
use crate::pack::Topic;
use rules::{FindingSeverity, RuleBook};

/// Why a sentence was given a part: the rule and the words that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub rule: String,
    pub part: AirrPart,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte range in the reply.
    pub range: Range<usize>,
    pub line: usize,
    /// In characters, from 1.
    pub column: usize,
    pub parts: Vec<AirrPart>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: String,
    pub severity: FindingSeverity,
    pub message: String,
    pub suggestion: Option<String>,
    /// Byte range in the reply of the words it is about (empty at the end for something missing).
    pub range: Range<usize>,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub sentences: Vec<Sentence>,
    pub findings: Vec<Finding>,
    /// Whether each part, in [`AirrPart::ALL`] order, is in the reply.
    pub parts: [bool; 4],
    /// 0 to 100: 15 for each part present, 40 less what the findings cost.
    pub score: u8,
}

impl Analysis {
    pub fn has(&self, part: AirrPart) -> bool {
        self.parts[part_index(part)]
    }

    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.severity == FindingSeverity::Error)
    }
}

fn part_index(part: AirrPart) -> usize {
    AirrPart::ALL
        .iter()
        .position(|p| *p == part)
        .unwrap_or_default()
}

/// Line starts of a text, for turning byte offsets into line and column.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Self { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|start| *start <= offset);
        let start = self.starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        (line, column)
    }
}

/// Checks `text` with `book`; `topic` limits topic-specific rules (with `None`, all rules apply).
pub fn analyze(text: &str, book: &RuleBook, topic: Option<Topic>) -> Analysis {
    let lines = Lines::new(text);
    let mut sentences = Vec::new();
    let mut findings = Vec::new();
    let mut matched_anywhere = vec![false; book.rules.len()];
    // Per rule: whether `unless_anywhere` matches the reply, computed only when first needed.
    let mut excused: Vec<Option<bool>> = vec![None; book.rules.len()];

    for range in segment::sentence_ranges(text) {
        let sentence_text = &text[range.clone()];
        let mut sentence = {
            let (line, column) = lines.position(range.start);
            Sentence {
                range: range.clone(),
                line,
                column,
                parts: Vec::new(),
                evidence: Vec::new(),
            }
        };
        for index in book.candidates(sentence_text) {
            let compiled = &book.rules[index];
            if !compiled.applies_to(topic)
                || compiled
                    .unless
                    .as_ref()
                    .is_some_and(|unless| unless.is_match(sentence_text))
            {
                continue;
            }
            let Some(found) = compiled.cue.find(sentence_text) else {
                continue;
            };
            matched_anywhere[index] = true;
            let words = range.start + found.start()..range.start + found.end();
            if let Some(part) = compiled.rule.part {
                if !sentence.parts.contains(&part) {
                    sentence.parts.push(part);
                }
                sentence.evidence.push(Evidence {
                    rule: compiled.rule.id.clone(),
                    part,
                    range: words.clone(),
                });
            }
            if let Some(spec) = &compiled.rule.finding
                && !compiled.rule.when_missing
            {
                let is_excused = *excused[index].get_or_insert_with(|| {
                    compiled
                        .unless_anywhere
                        .as_ref()
                        .is_some_and(|re| re.is_match(text))
                });
                if !is_excused {
                    // Every occurrence is its own finding, so each can be selected and fixed.
                    for found in compiled.cue.find_iter(sentence_text) {
                        let start = range.start + found.start();
                        let (line, column) = lines.position(start);
                        findings.push(Finding {
                            rule: compiled.rule.id.clone(),
                            severity: spec.severity,
                            message: spec.message.clone(),
                            suggestion: (!spec.suggestion.is_empty())
                                .then(|| spec.suggestion.clone()),
                            range: start..range.start + found.end(),
                            line,
                            column,
                        });
                    }
                }
            }
        }
        sentence.parts.sort();
        sentences.push(sentence);
    }

    let end = text.trim_end().len();
    for (index, compiled) in book.rules.iter().enumerate() {
        let Some(spec) = &compiled.rule.finding else {
            continue;
        };
        if compiled.rule.when_missing
            && !matched_anywhere[index]
            && compiled.applies_to(topic)
            && !text.trim().is_empty()
        {
            let (line, column) = lines.position(end);
            findings.push(Finding {
                rule: compiled.rule.id.clone(),
                severity: spec.severity,
                message: spec.message.clone(),
                suggestion: (!spec.suggestion.is_empty()).then(|| spec.suggestion.clone()),
                range: end..end,
                line,
                column,
            });
        }
    }
    findings.sort_by_key(|finding| (finding.range.start, finding.severity));

    let mut parts = [false; 4];
    for sentence in &sentences {
        for part in &sentence.parts {
            parts[part_index(*part)] = true;
        }
    }
    let score = score(&parts, &findings);
    Analysis {
        sentences,
        findings,
        parts,
        score,
    }
}

fn score(parts: &[bool; 4], findings: &[Finding]) -> u8 {
    let present = parts.iter().filter(|present| **present).count() as i32 * 15;
    let cost: i32 = findings
        .iter()
        .map(|finding| match finding.severity {
            FindingSeverity::Error => 15,
            FindingSeverity::Warning => 7,
            FindingSeverity::Suggestion => 3,
        })
        .sum();
    let quality = (40 - cost).max(0);
    // A reply with no part at all earns nothing for being short and clean.
    let quality = if present == 0 { 0 } else { quality };
    u8::try_from((present + quality).clamp(0, 100)).unwrap_or(0)
}
