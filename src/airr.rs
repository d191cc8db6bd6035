//! The four parts of a client reply in the AIRR framework.

use serde::{Deserialize, Serialize};

/// One part of an AIRR reply, in the order a good reply usually takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AirrPart {
    Acknowledge,
    Inform,
    Resolve,
    Remediate,
}

impl AirrPart {
    pub const ALL: [AirrPart; 4] = [
        AirrPart::Acknowledge,
        AirrPart::Inform,
        AirrPart::Resolve,
        AirrPart::Remediate,
    ];

    pub fn name(self) -> &'static str {
        match self {
            AirrPart::Acknowledge => "Acknowledge",
            AirrPart::Inform => "Inform",
            AirrPart::Resolve => "Resolve",
            AirrPart::Remediate => "Remediate",
        }
    }

    /// A one-line reminder of what the part is for, shown in legends and tooltips.
    pub fn purpose(self) -> &'static str {
        match self {
            AirrPart::Acknowledge => "Own the problem and its real impact on the client.",
            AirrPart::Inform => "Say exactly what happened: timeline, cause, figures.",
            AirrPart::Resolve => "Say what was done, or what the client can do now.",
            AirrPart::Remediate => "Commit to concrete next steps, with dates.",
        }
    }
}

impl std::fmt::Display for AirrPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
