//! Rules of the reply check, as data: cue patterns and the AIRR part or finding a match implies.
//!
//! The built-in rules are `assets/reply-rules.ron`; a pack can add rules and switch built-in ones off,
//! and an exercise can add its own. The format is described in `exercises/README.md`.

use regex::{Regex, RegexSet, RegexSetBuilder};
use serde::{Deserialize, Serialize};

use crate::airr::AirrPart;
use crate::pack::Topic;

fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FindingSeverity {
    Error,
    Warning,
    Suggestion,
}

impl FindingSeverity {
    pub fn name(self) -> &'static str {
        match self {
            FindingSeverity::Error => "error",
            FindingSeverity::Warning => "warning",
            FindingSeverity::Suggestion => "suggestion",
        }
    }
}

/// What the learner is told when a rule finds something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingSpec {
    pub severity: FindingSeverity,
    pub message: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub suggestion: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// Unique name, shown with findings and used to switch the rule off.
    pub id: String,
    /// Regular expressions (Rust `regex` syntax), case-insensitive unless `case_sensitive`. A cue that
    /// starts or ends with a letter or digit matches whole words only there.
    pub cues: Vec<String>,
    /// The AIRR part a sentence matching a cue carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<AirrPart>,
    /// The finding a match raises (or, with `when_missing`, the absence of any match).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finding: Option<FindingSpec>,
    /// The rule does not apply to a sentence that also matches one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless: Vec<String>,
    /// No finding when the reply anywhere matches one of these (a refusal is fine with an alternative).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless_anywhere: Vec<String>,
    /// Raise the finding when no sentence of the reply matches a cue.
    #[serde(default, skip_serializing_if = "is_false")]
    pub when_missing: bool,
    /// Only for exercises on these topics; empty for all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub case_sensitive: bool,
}

/// A pack's changes to the built-in rules.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PackRules {
    /// Rules added to the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<Rule>,
    /// Ids of built-in rules switched off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disable: Vec<String>,
}

impl PackRules {
    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.disable.is_empty()
    }
}

#[derive(Deserialize)]
struct RuleFile {
    rules: Vec<Rule>,
}

/// The built-in rules, as shipped in `assets/reply-rules.ron`.
pub const BUILT_IN_RULES_RON: &str = include_str!("../../assets/reply-rules.ron");

/// Why a rule cannot be used: which rule, which pattern, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("rule {rule}, {field}: {message}")]
pub struct RuleError {
    pub rule: String,
    /// The rule's position in the list it came from.
    pub index: usize,
    pub field: String,
    pub message: String,
}

/// One rule with its patterns compiled.
#[derive(Debug)]
pub struct CompiledRule {
    pub rule: Rule,
    pub cue: Regex,
    pub unless: Option<Regex>,
    pub unless_anywhere: Option<Regex>,
}

impl CompiledRule {
    pub fn applies_to(&self, topic: Option<Topic>) -> bool {
        match topic {
            Some(topic) => self.rule.topics.is_empty() || self.rule.topics.contains(&topic),
            None => true,
        }
    }
}

/// A set of rules ready to check replies: each rule compiled, and all cues in one `RegexSet` so a
/// sentence is scanned once to find the rules that may match it.
#[derive(Debug)]
pub struct RuleBook {
    pub rules: Vec<CompiledRule>,
    cue_set: RegexSet,
    /// For each pattern of `cue_set`, the rule it belongs to.
    cue_owner: Vec<usize>,
}

/// A cue as a regex: case-insensitive unless asked, and anchored on word boundaries where it starts
/// or ends with a word character.
///
/// Word boundaries are ASCII ones (`(?-u:\b)`): a Unicode `\b` makes the regex engine leave its fast
/// DFA for a slow one on any non-ASCII text, which made large replies 50 times slower.
fn cue_pattern(cue: &str, case_sensitive: bool) -> String {
    let starts_word = cue.chars().next().is_some_and(char::is_alphanumeric);
    // `\s`, `\d`, `\b` and the like end in a letter but are not a word.
    let ends_with_escape = cue.len() >= 2 && cue[..cue.len() - 1].ends_with('\\');
    let ends_word = cue.chars().last().is_some_and(char::is_alphanumeric) && !ends_with_escape;
    let cue = cue.replace(r"\b", r"(?-u:\b)");
    format!(
        "{}{}(?:{cue}){}",
        if case_sensitive { "" } else { "(?i)" },
        if starts_word { r"(?-u:\b)" } else { "" },
        if ends_word { r"(?-u:\b)" } else { "" },
    )
}

fn compile_list(
    rule: &Rule,
    index: usize,
    field: &str,
    patterns: &[String],
) -> Result<Option<Regex>, RuleError> {
    if patterns.is_empty() {
        return Ok(None);
    }
    for (i, pattern) in patterns.iter().enumerate() {
        Regex::new(&cue_pattern(pattern, rule.case_sensitive)).map_err(|error| RuleError {
            rule: rule.id.clone(),
            index,
            field: format!("{field}[{i}]"),
            message: error
                .to_string()
                .lines()
                .last()
                .unwrap_or("invalid pattern")
                .trim()
                .to_owned(),
        })?;
    }
    let joined = patterns
        .iter()
        .map(|pattern| cue_pattern(pattern, rule.case_sensitive))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&joined).map(Some).map_err(|error| RuleError {
        rule: rule.id.clone(),
        index,
        field: field.to_owned(),
        message: error.to_string(),
    })
}

/// Checks one rule on its own: its patterns compile and it says what a match means.
pub fn compile_rule(rule: Rule, index: usize) -> Result<CompiledRule, RuleError> {
    let problem = |field: &str, message: &str| RuleError {
        rule: rule.id.clone(),
        index,
        field: field.to_owned(),
        message: message.to_owned(),
    };
    if rule.id.trim().is_empty() {
        return Err(problem("id", "must not be empty"));
    }
    if rule.cues.is_empty() {
        return Err(problem("cues", "a rule needs at least one cue"));
    }
    if rule.part.is_none() && rule.finding.is_none() {
        return Err(problem("part", "a rule needs a part, a finding, or both"));
    }
    if rule.when_missing && rule.finding.is_none() {
        return Err(problem(
            "finding",
            "`when_missing` needs a finding to raise",
        ));
    }
    let cue = compile_list(&rule, index, "cues", &rule.cues)?.expect("cues are not empty");
    let unless = compile_list(&rule, index, "unless", &rule.unless)?;
    let unless_anywhere = compile_list(&rule, index, "unless_anywhere", &rule.unless_anywhere)?;
    Ok(CompiledRule {
        rule,
        cue,
        unless,
        unless_anywhere,
    })
}

impl RuleBook {
    pub fn compile(rules: impl IntoIterator<Item = Rule>) -> Result<Self, RuleError> {
        let rules = rules
            .into_iter()
            .enumerate()
            .map(|(index, rule)| compile_rule(rule, index))
            .collect::<Result<Vec<_>, _>>()?;
        let mut patterns = Vec::new();
        let mut cue_owner = Vec::new();
        for (index, compiled) in rules.iter().enumerate() {
            for cue in &compiled.rule.cues {
                patterns.push(cue_pattern(cue, compiled.rule.case_sensitive));
                cue_owner.push(index);
            }
        }
        // The set is large; give its lazy DFA room so it does not fall back to the slow engine.
        let cue_set = RegexSetBuilder::new(&patterns)
            .dfa_size_limit(64 << 20)
            .size_limit(64 << 20)
            .build()
            .map_err(|error| RuleError {
                rule: String::new(),
                index: 0,
                field: "cues".to_owned(),
                message: error.to_string(),
            })?;
        Ok(Self {
            rules,
            cue_set,
            cue_owner,
        })
    }

    /// The built-in rules.
    pub fn built_in_rules() -> Vec<Rule> {
        crate::pack_file::ron_options()
            .from_str::<RuleFile>(BUILT_IN_RULES_RON)
            .expect("the built-in rules are checked by the test suite")
            .rules
    }

    /// The rules for one exercise: the built-in ones less those the pack switches off, plus the pack's
    /// and the exercise's own.
    pub fn for_exercise(
        pack_rules: &PackRules,
        exercise_rules: &[Rule],
    ) -> Result<Self, RuleError> {
        let rules = Self::built_in_rules()
            .into_iter()
            .filter(|rule| !pack_rules.disable.contains(&rule.id))
            .chain(pack_rules.add.iter().cloned())
            .chain(exercise_rules.iter().cloned());
        Self::compile(rules)
    }

    /// The indexes of the rules with a cue matching `text`, in rule order, each once.
    pub fn candidates(&self, text: &str) -> Vec<usize> {
        let mut rules: Vec<usize> = self
            .cue_set
            .matches(text)
            .into_iter()
            .map(|pattern| self.cue_owner[pattern])
            .collect();
        rules.dedup();
        rules
    }
}
