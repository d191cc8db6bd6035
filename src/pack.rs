//! The exercise pack: what a trainer writes and a learner works through.
//!
//! The types mirror the RON file one to one (see `exercises/README.md`); optional fields default so that
//! a hand-written file stays short, and empty ones are left out when a pack is saved.

use serde::{Deserialize, Serialize};

use crate::airr::AirrPart;
use crate::reply_check::rules::{PackRules, Rule};

/// The pack format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    /// The pack format version, [`FORMAT_VERSION`] for files written by this build.
    pub format: u32,
    /// A stable identifier; the learner's progress is stored under it.
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub principles: Vec<Principle>,
    pub exercises: Vec<Exercise>,
    /// Changes to the built-in rules of the reply check for this pack.
    #[serde(default, skip_serializing_if = "PackRules::is_empty")]
    pub reply_rules: PackRules,
}

impl Pack {
    /// The pack's own fields, without its exercises (which are left empty).
    pub fn clone_header(&self) -> Pack {
        Pack {
            format: self.format,
            id: self.id.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            principles: self.principles.clone(),
            exercises: Vec::new(),
            reply_rules: self.reply_rules.clone(),
        }
    }

    /// Whether the pack's own fields equal `other`'s, whatever the exercises.
    pub fn same_header(&self, other: &Pack) -> bool {
        self.format == other.format
            && self.id == other.id
            && self.title == other.title
            && self.summary == other.summary
            && self.principles == other.principles
            && self.reply_rules == other.reply_rules
    }

    /// Replaces the pack's own fields with `header`'s, keeping the exercises.
    pub fn set_header(&mut self, header: Pack) {
        let exercises = std::mem::take(&mut self.exercises);
        *self = Pack {
            exercises,
            ..header
        };
    }
}

/// A short rule of good client communication, with an example that makes it concrete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Principle {
    pub rule: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub example: String,
}

/// What kind of client conversation an exercise practises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Topic {
    Outage,
    FeatureDecline,
    SystemLimits,
    #[default]
    Other,
}

impl Topic {
    pub const ALL: [Topic; 4] = [
        Topic::Outage,
        Topic::FeatureDecline,
        Topic::SystemLimits,
        Topic::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Topic::Outage => "Outage",
            Topic::FeatureDecline => "Feature decline",
            Topic::SystemLimits => "System limits",
            Topic::Other => "Other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    /// Unique within the pack; progress is keyed by it, so renaming it resets the learner's record.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub topic: Topic,
    /// The situation, told to the learner before the client's message.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scenario: String,
    pub client_message: ClientMessage,
    pub question: String,
    /// The candidate replies, shown as A, B, C, D in this order.
    pub replies: Vec<Reply>,
    /// Why the correct reply is the right one; shown once the exercise is answered.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation: String,
    /// Where each AIRR part is in the model answer and why it works.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdown: Vec<BreakdownItem>,
    /// The numbered "what makes this work" points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// The mistake to avoid, in a sentence or two.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pitfall: String,
    /// Reply-check rules for this exercise only, such as "must mention the 48-hour RCA".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reply_rules: Vec<Rule>,
}

impl Exercise {
    /// The index of the first reply marked correct.
    pub fn correct_reply(&self) -> Option<usize> {
        self.replies.iter().position(|reply| reply.correct)
    }

    /// The correct reply: its text, with its AIRR parts, is the model answer.
    pub fn model_answer(&self) -> Option<&Reply> {
        self.correct_reply().map(|index| &self.replies[index])
    }
}

/// The client's email, shown as a card.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ClientMessage {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subject: String,
    pub body: String,
}

/// A candidate reply and what the learner is told on choosing it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// The whole email; for the model answer, split into pieces that carry their AIRR part.
    pub text: ReplyText,
    /// Why this reply works or fails.
    pub feedback: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub correct: bool,
}

/// One quoted phrase of the model answer with the AIRR part it shows and why it works.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BreakdownItem {
    pub part: AirrPart,
    pub quote: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

/// One numbered "what makes this work" point: a short title and its detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// A run of reply text, tagged with the AIRR part it carries or untagged (`part: None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub part: Option<AirrPart>,
    pub text: String,
}

impl Piece {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            part: None,
            text: text.into(),
        }
    }

    pub fn tagged(part: AirrPart, text: impl Into<String>) -> Self {
        Self {
            part: Some(part),
            text: text.into(),
        }
    }
}

/// The text of a reply as a list of pieces whose concatenation is the email.
///
/// In RON an untagged reply is a plain string, and a tagged one a list such as
/// `[Acknowledge("I'm sorry ..."), Plain(" "), Inform("At 14:32 UTC ...")]`, so the parts stay
/// readable and editable by hand, and survive edits that would break character offsets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReplyText {
    pub pieces: Vec<Piece>,
}

impl ReplyText {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            pieces: vec![Piece::plain(text)],
        }
    }

    pub fn from_pieces(pieces: Vec<Piece>) -> Self {
        Self { pieces }
    }

    /// The email as the client reads it.
    pub fn full_text(&self) -> String {
        self.pieces
            .iter()
            .map(|piece| piece.text.as_str())
            .collect()
    }

    /// Whether any piece carries an AIRR part.
    pub fn is_tagged(&self) -> bool {
        self.pieces.iter().any(|piece| piece.part.is_some())
    }

    /// Whether some non-empty piece carries `part`.
    pub fn has_part(&self, part: AirrPart) -> bool {
        self.pieces
            .iter()
            .any(|piece| piece.part == Some(part) && !piece.text.trim().is_empty())
    }
}

impl From<&str> for ReplyText {
    fn from(text: &str) -> Self {
        Self::plain(text)
    }
}

mod reply_text_serde {
    //! A reply's text is written as a plain string when nothing in it is tagged, else as a list of pieces.

    use std::fmt;

    use serde::de::{self, SeqAccess, Visitor};
    use serde::ser::SerializeSeq;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Piece, ReplyText};
    use crate::airr::AirrPart;

    /// How one piece is spelled in the file: the part's name around the text.
    #[derive(Serialize, Deserialize)]
    #[serde(rename = "Piece")]
    enum PieceRepr {
        Plain(String),
        Acknowledge(String),
        Inform(String),
        Resolve(String),
        Remediate(String),
    }

    impl From<PieceRepr> for Piece {
        fn from(repr: PieceRepr) -> Self {
            match repr {
                PieceRepr::Plain(text) => Piece::plain(text),
                PieceRepr::Acknowledge(text) => Piece::tagged(AirrPart::Acknowledge, text),
                PieceRepr::Inform(text) => Piece::tagged(AirrPart::Inform, text),
                PieceRepr::Resolve(text) => Piece::tagged(AirrPart::Resolve, text),
                PieceRepr::Remediate(text) => Piece::tagged(AirrPart::Remediate, text),
            }
        }
    }

    impl From<&Piece> for PieceRepr {
        fn from(piece: &Piece) -> Self {
            let text = piece.text.clone();
            match piece.part {
                None => PieceRepr::Plain(text),
                Some(AirrPart::Acknowledge) => PieceRepr::Acknowledge(text),
                Some(AirrPart::Inform) => PieceRepr::Inform(text),
                Some(AirrPart::Resolve) => PieceRepr::Resolve(text),
                Some(AirrPart::Remediate) => PieceRepr::Remediate(text),
            }
        }
    }

    impl Serialize for ReplyText {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            if !self.is_tagged() {
                return serializer.serialize_str(&self.full_text());
            }
            let mut seq = serializer.serialize_seq(Some(self.pieces.len()))?;
            for piece in &self.pieces {
                seq.serialize_element(&PieceRepr::from(piece))?;
            }
            seq.end()
        }
    }

    struct ReplyTextVisitor;

    impl<'de> Visitor<'de> for ReplyTextVisitor {
        type Value = ReplyText;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(
                "the reply's text: a string, or a list of pieces such as [Acknowledge(\"...\"), Plain(\"...\")]",
            )
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<ReplyText, E> {
            Ok(ReplyText::plain(text))
        }

        fn visit_string<E: de::Error>(self, text: String) -> Result<ReplyText, E> {
            Ok(ReplyText::plain(text))
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ReplyText, A::Error> {
            let mut pieces = Vec::new();
            while let Some(repr) = seq.next_element::<PieceRepr>()? {
                pieces.push(Piece::from(repr));
            }
            Ok(ReplyText::from_pieces(pieces))
        }
    }

    impl<'de> Deserialize<'de> for ReplyText {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(ReplyTextVisitor)
        }
    }
}
