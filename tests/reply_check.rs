//! The reply check: one test per check with the exact finding and range, and agreement with the
//! shipped pack.

use airr_coach::airr::AirrPart;
use airr_coach::pack::Topic;
use airr_coach::reply_check::rules::{FindingSeverity, PackRules, Rule, RuleBook};
use airr_coach::reply_check::{Analysis, analyze};

fn book() -> RuleBook {
    RuleBook::for_exercise(&PackRules::default(), &[]).unwrap()
}

fn check(text: &str, topic: Option<Topic>) -> Analysis {
    analyze(text, &book(), topic)
}

/// The findings as (rule, the words they point at).
fn findings<'a>(text: &'a str, analysis: &Analysis) -> Vec<(String, &'a str)> {
    analysis
        .findings
        .iter()
        .map(|f| (f.rule.clone(), &text[f.range.clone()]))
        .collect()
}

fn describe(text: &str, analysis: &Analysis) -> String {
    let mut out = String::new();
    for sentence in &analysis.sentences {
        out += &format!("{:?} {:?}\n", sentence.parts, &text[sentence.range.clone()]);
    }
    for finding in &analysis.findings {
        out += &format!("  {} {:?}\n", finding.rule, &text[finding.range.clone()]);
    }
    out
}

#[test]
fn the_shipped_model_answers_have_all_parts_and_no_errors() {
    let pack = airr_coach::default_pack();
    for exercise in &pack.exercises {
        let model = exercise.model_answer().unwrap().text.full_text();
        let analysis = check(&model, Some(exercise.topic));
        assert_eq!(
            analysis.parts,
            [true; 4],
            "{}:\n{}",
            exercise.id,
            describe(&model, &analysis)
        );
        assert!(
            !analysis.has_errors(),
            "{}:\n{}",
            exercise.id,
            describe(&model, &analysis)
        );
    }
}

#[test]
fn every_wrong_shipped_reply_gets_a_finding_or_a_missing_part() {
    let pack = airr_coach::default_pack();
    for exercise in &pack.exercises {
        for reply in exercise.replies.iter().filter(|reply| !reply.correct) {
            let text = reply.text.full_text();
            let analysis = check(&text, Some(exercise.topic));
            assert!(
                !analysis.findings.is_empty() && analysis.parts != [true; 4],
                "{}: {text}\n{}",
                exercise.id,
                describe(&text, &analysis)
            );
        }
    }
}

#[test]
fn a_generic_apology_is_a_finding_not_an_acknowledgement() {
    let text = "We apologise for the inconvenience. Service is back.";
    let analysis = check(text, Some(Topic::Outage));
    assert!(!analysis.has(AirrPart::Acknowledge));
    assert!(
        findings(text, &analysis)
            .contains(&("generic-apology".into(), "apologise for the inconvenience"))
    );
    let finding = &analysis.findings[0];
    assert_eq!(
        (finding.range.clone(), finding.line, finding.column),
        (3..34, 1, 4)
    );
    assert_eq!(finding.severity, FindingSeverity::Warning);
}

#[test]
fn a_personal_apology_and_the_clients_impact_are_acknowledgement() {
    let text = "I'm sorry the outage disrupted your work.\nI understand it had a real impact on your deadline.";
    let analysis = check(text, None);
    let parts: Vec<Vec<AirrPart>> = analysis.sentences.iter().map(|s| s.parts.clone()).collect();
    assert_eq!(
        parts,
        [vec![AirrPart::Acknowledge], vec![AirrPart::Acknowledge]]
    );
    assert_eq!(analysis.sentences[1].line, 2);
    assert_eq!(
        analysis.sentences[0].evidence[0].rule,
        "acknowledge-apology"
    );
}

#[test]
fn timeline_cause_and_figures_are_inform() {
    for text in [
        "Between 14:32 and 15:19 UTC the API was unavailable.",
        "The root cause was a misconfigured database failover rule.",
        "Each API key can make up to 1,000 requests per second.",
        "Requests over the limit receive an HTTP 429 error.",
    ] {
        let analysis = check(text, None);
        assert_eq!(analysis.sentences[0].parts, [AirrPart::Inform], "{text}");
    }
}

#[test]
fn what_was_done_or_can_be_done_now_is_resolve() {
    for text in [
        "We restored service at 15:19 UTC by reverting the change.",
        "You can use the batch endpoint today as a workaround.",
    ] {
        assert!(
            check(text, None).sentences[0]
                .parts
                .contains(&AirrPart::Resolve),
            "{text}"
        );
    }
}

#[test]
fn prevention_numbered_steps_and_dated_follow_ups_are_remediate() {
    let text = "To prevent this, we are:\n1. Adding a check before deploys.\nWe will send the RCA within 48 hours.";
    let analysis = check(text, None);
    for sentence in &analysis.sentences {
        assert!(
            sentence.parts.contains(&AirrPart::Remediate),
            "{:?}",
            &text[sentence.range.clone()]
        );
    }
}

#[test]
fn a_time_without_a_zone_in_an_outage_reply_suggests_utc() {
    let text = "The API was down from 14:32 to 15:19.";
    let analysis = check(text, Some(Topic::Outage));
    let zone: Vec<_> = findings(text, &analysis)
        .into_iter()
        .filter(|(rule, _)| rule == "time-without-zone")
        .collect();
    assert_eq!(
        zone,
        [
            ("time-without-zone".into(), "14:32"),
            ("time-without-zone".into(), "15:19")
        ]
    );
    assert!(
        analysis
            .findings
            .iter()
            .any(|f| f.suggestion.as_deref().unwrap_or("").contains("UTC"))
    );
    // With a zone, or outside an outage, no finding.
    let with_zone = check(
        "The API was down from 14:32 to 15:19 UTC.",
        Some(Topic::Outage),
    );
    assert!(
        with_zone
            .findings
            .iter()
            .all(|f| f.rule != "time-without-zone")
    );
    let limits = check("The job starts at 02:10.", Some(Topic::SystemLimits));
    assert!(
        limits
            .findings
            .iter()
            .all(|f| f.rule != "time-without-zone")
    );
}

#[test]
fn a_commitment_without_a_date_is_a_finding_and_with_one_it_is_not() {
    let text = "We will send you the details.";
    let analysis = check(text, None);
    assert!(
        findings(text, &analysis).contains(&("commitment-without-date".into(), "We will send"))
    );
    let dated = check("We will send you the details by Friday.", None);
    assert!(
        dated
            .findings
            .iter()
            .all(|f| f.rule != "commitment-without-date")
    );
}

#[test]
fn vague_words_are_found_with_their_range() {
    let text = "Our API offers high performance. We hit a technical issue and are looking into it. More soon.";
    let analysis = check(text, None);
    let vague: Vec<&str> = findings(text, &analysis)
        .into_iter()
        .filter(|(rule, _)| rule == "vague-words")
        .map(|(_, words)| words)
        .collect();
    assert_eq!(
        vague,
        [
            "high performance",
            "a technical issue",
            "looking into it",
            "soon"
        ]
    );
}

#[test]
fn a_refusal_without_an_alternative_in_a_decline_is_an_error() {
    let text = "Unfortunately we won't be building SFTP export.";
    let analysis = check(text, Some(Topic::FeatureDecline));
    assert!(
        findings(text, &analysis)
            .contains(&("refusal-without-alternative".into(), "won't be building"))
    );
    assert!(analysis.has_errors());
    let with_alternative = check(
        "We won't be building SFTP export. Instead, you can use the Exports API today.",
        Some(Topic::FeatureDecline),
    );
    assert!(
        with_alternative
            .findings
            .iter()
            .all(|f| f.rule != "refusal-without-alternative")
    );
}

#[test]
fn a_reply_with_no_next_step_is_told_so_at_its_end() {
    let text = "Hi Dana,\nThe outage is over.\n";
    let analysis = check(text, Some(Topic::Outage));
    let missing = analysis
        .findings
        .iter()
        .find(|f| f.rule == "no-next-step")
        .unwrap();
    assert_eq!(missing.range, 28..28);
    assert_eq!((missing.line, missing.column), (2, 20));
}

#[test]
fn blame_is_an_error_and_jargon_a_suggestion() {
    let text =
        "Your integration is sending far too many requests. It was a split-brain in Patroni.";
    let analysis = check(text, None);
    let found = findings(text, &analysis);
    assert!(found.contains(&("blame".into(), "Your integration is sending")));
    assert!(found.contains(&("jargon".into(), "split-brain")));
    let jargon = analysis
        .findings
        .iter()
        .find(|f| f.rule == "jargon")
        .unwrap();
    assert_eq!(jargon.severity, FindingSeverity::Suggestion);
}

#[test]
fn odd_text_never_panics() {
    let huge = "We restored service at 15:19 UTC. ".repeat(30_000);
    for text in [
        "",
        "   \n\n",
        "🎉🎉🎉",
        "مرحبا. نحن آسفون على الانقطاع.",
        "\u{0}\u{feff}\u{202e}abc",
        "e.g. i.e. etc. 1. 2) -",
        huge.as_str(),
    ] {
        let analysis = check(text, Some(Topic::Outage));
        for sentence in &analysis.sentences {
            assert!(
                text.is_char_boundary(sentence.range.start)
                    && text.is_char_boundary(sentence.range.end)
            );
        }
    }
    assert_eq!(check("", None).findings, []);
    assert_eq!(check("", None).score, 0);
}

fn rule(id: &str, cue: &str) -> Rule {
    airr_coach::pack_file::ron_options()
        .from_str(&format!(
            r#"(id: "{id}", cues: [r"{cue}"], finding: (severity: Error, message: "Say it."))"#
        ))
        .unwrap()
}

#[test]
fn a_pack_rule_adds_a_finding_and_a_pack_can_switch_a_built_in_off() {
    let text = "Sorry for any inconvenience, we will share the RCA within 48 hours.";
    let mut must_mention = rule("must-mention-status-page", "status page");
    must_mention.when_missing = true;
    let pack_rules = PackRules {
        add: vec![must_mention],
        disable: vec!["generic-apology".into()],
    };
    let book = RuleBook::for_exercise(&pack_rules, &[]).unwrap();
    let analysis = analyze(text, &book, None);
    let rules: Vec<&str> = analysis.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.contains(&"must-mention-status-page"), "{rules:?}");
    assert!(!rules.contains(&"generic-apology"), "{rules:?}");
    assert!(
        check(text, None)
            .findings
            .iter()
            .any(|f| f.rule == "generic-apology")
    );
}

#[test]
fn an_exercise_rule_applies_to_that_exercise() {
    let book = RuleBook::for_exercise(&PackRules::default(), &[rule("no-maybe", "maybe")]).unwrap();
    let analysis = analyze("Maybe we fix it.", &book, None);
    assert!(analysis.findings.iter().any(|f| f.rule == "no-maybe"));
}

#[test]
fn a_bad_regex_in_a_pack_is_a_validation_error_with_its_location() {
    let mut pack = airr_coach::default_pack();
    pack.reply_rules.add.push(rule("broken", "(unclosed"));
    pack.exercises[1].reply_rules.push(Rule {
        part: Some(AirrPart::Inform),
        finding: None,
        ..rule("also-broken", "[z-a]")
    });
    let problems = airr_coach::validate::validate(&pack);
    let located: Vec<(Option<&str>, &str)> = problems
        .iter()
        .map(|p| (p.location.exercise.as_deref(), p.location.field.as_str()))
        .collect();
    assert_eq!(
        located,
        [
            (None, "reply_rules.add[0].cues[0]"),
            (Some("decline-sftp-export"), "reply_rules[0].cues[0]")
        ]
    );
    assert!(
        problems
            .iter()
            .all(|p| p.severity == airr_coach::validate::Severity::Error)
    );
}

#[test]
fn the_built_in_rules_all_compile() {
    let rules = RuleBook::built_in_rules();
    assert!(rules.len() >= 15);
    RuleBook::compile(rules).unwrap();
}
