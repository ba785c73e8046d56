//! What the linter reports: one `ProblemKind` per mistake the knowledge can
//! hold, and the `Problem` that names the item at fault.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// Occurs when an id is not snake_case (lower-case letters, digits, `_`).
    BadId,
    /// Occurs when two items of one kind share an id, or a fact is named like a question.
    DuplicateId,
    /// Occurs when something names a question, option, fact, condition,
    /// advice item, section, level or source that does not exist.
    UnknownReference,
    /// Occurs when a formula does not parse.
    BadFormula,
    /// Occurs when a formula tests a question in a way its kind cannot answer
    /// (a number compared to an option, a yes/no question with `has`).
    TypeMismatch,
    /// Occurs when an item has no known `source` or no valid `last_reviewed` date.
    BadProvenance,
    /// Occurs when no answers can ever open a question's `ask_when` gate.
    UnreachableQuestion,
    /// Occurs when no reachable answers can make a triage rule fire.
    RuleNeverFires,
    /// Occurs when no answer set the linter can find ranks a condition first.
    ConditionNeverFirst,
    /// Occurs when a rule fires on some answers only through a question whose
    /// gate (`ask_when`) is shut on those answers, so the flow could never
    /// ask it and the interview could end below the level the answers call for.
    HiddenByGate,
    /// Occurs when a condition with a floor above self-care has no
    /// `possible_care`: the text a result shows while the condition is only
    /// possible and the level is below its floor.
    NoPossibleCare,
    /// Occurs when a condition managed at home (a self-care floor) does not
    /// say when home care has had its chance (`[condition.review]`).
    NoReviewTiming,
    /// Occurs when no condition lists an advice item and it is not general,
    /// or when its `when` can never hold.
    AdviceNeverSelected,
    /// Occurs when the rules have no self-care catch-all (`when = "true"`).
    NoCatchAll,
    /// Occurs when a role the code relies on (`role` on a question or an
    /// advice item) is held by no item, by two, or by a question of the wrong
    /// kind or without the options the code names.
    BrokenContract,
    /// Occurs when a foot-map region has neither ellipses nor a path, or an
    /// outline, landmark or region path is not an SVG path (outlines and
    /// region paths must also be closed).
    BadDrawing,
    /// Occurs when the care regions do not have exactly one fallback, the
    /// fallback has an emergency number or another region has none, a
    /// region's id is not an ISO 3166 code (two capital letters) or repeats,
    /// its status is not `draft` or `reviewed`, or a text names a
    /// `{care.<slot>}` that does not exist.
    BadCareRegion,
    /// Occurs when a translation lacks an entry the English has, or an entry
    /// has no text in its language yet.
    MissingTranslation,
    /// Occurs when a translation has an entry (or a key in one) the English
    /// does not have.
    ExtraTranslation,
    /// Occurs when a translation's `{name}` placeholders differ from its English.
    PlaceholderMismatch,
    /// Occurs when a translation is empty.
    EmptyTranslation,
    /// Occurs when the English an entry was translated from has changed since.
    StaleTranslation,
    /// Occurs when an entry's status is not `draft` or `reviewed`, or a
    /// reviewed entry lacks its reviewer or date.
    BadReview,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The id of the item at fault.
    pub id: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} in `{}`: {}", self.kind, self.id, self.message)
    }
}
