//! The questions, their options, the checklist screens that group them,
//! and the roles the code relies on a question for.

use serde::{Deserialize, Serialize};

use super::{Formula, List, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    YesNo,
    Single,
    Multi,
    Number,
}

/// The answer to a yes/no question that is the worrying one; "not sure" is
/// read as this answer by every formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Concerning {
    Yes,
    No,
}

/// A presentation hint for a question (as FHIR's `itemControl` is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Control {
    /// Choose places on a drawing of the foot; every option must have a
    /// region on the map (the widget's `foot_map.rs`), and the options stay
    /// available as a list too.
    FootMap,
}

/// The order in which the adaptive flow considers questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Asked first, always (when their gate is open): danger signs.
    RedFlag,
    /// Where it hurts.
    Location,
    /// How it started and how long ago: always asked.
    Story,
    /// Asked only when they help tell the remaining candidates apart.
    Detail,
    /// Never asked: answered from the recovery diary (`crate::diary`).
    Diary,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Question {
    pub id: Text,
    pub kind: QuestionKind,
    pub phase: Phase,
    /// The question as the runner reads it.
    pub text: Text,
    /// A short label for summaries ("Fever").
    pub label: Text,
    /// Why we ask, in one or two sentences.
    pub why: Text,
    #[serde(default)]
    pub help: Option<Text>,
    #[serde(default)]
    pub options: List<QuestionOption>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// The unit a number is in, as a runner reads it after the number
    /// ("days", "out of 10"); translated like every text.
    #[serde(default)]
    pub unit: Option<Text>,
    /// The unit after the number 1, where it differs ("day").
    #[serde(default)]
    pub unit_one: Option<Text>,
    #[serde(default)]
    pub concerning: Option<Concerning>,
    /// A red flag in the strict sense: its concerning answer (or "not sure")
    /// always raises the level above self-care, whatever else was answered.
    /// The linter and the property tests check the promise.
    #[serde(default)]
    pub escalates: bool,
    /// The answers-contract version that added this key (1 when absent).
    #[serde(default = "first_version")]
    pub since: u32,
    /// What the code relies on this question for, if anything.
    #[serde(default)]
    pub role: Option<QuestionRole>,
    /// The checklist screen this yes/no question shares (`[[group]]`).
    #[serde(default)]
    pub group: Option<Text>,
    /// Its line on that checklist: a statement of the sign that ticking
    /// means ("It is cold, pale or blue"). Ticking gives the `concerning`
    /// answer (or yes), leaving it unticked the other one.
    #[serde(default)]
    pub item: Option<Text>,
    /// What a runner without the sign answers (`yes`, `no` or an option id,
    /// such as `none` for swelling): the case libraries' simulated runner
    /// gives it when a case does not mention the question. A yes/no question
    /// without it takes its reassuring answer (the opposite of `concerning`,
    /// or `no`); any other question, "not sure".
    #[serde(default)]
    pub absent: Option<Text>,
    /// How the widget should present the question, when not by its kind
    /// alone. A presentation hint only: it never changes what is asked.
    #[serde(default)]
    pub control: Option<Control>,
    /// When the question is worth asking; `true` if absent.
    #[serde(default)]
    pub ask_when: Formula,
    /// When a detail question must be asked with the story, not chosen by
    /// its worth (swelling after an injury); never, when absent.
    #[serde(default = "Formula::never")]
    pub required_when: Formula,
    /// Values the flow tries when judging how much a number question would
    /// tell apart; ignored for other kinds.
    #[serde(default)]
    pub probes: List<f64>,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

/// A screen of related yes/no questions, shown as a checklist: each question
/// is its own control, with "None of these" and "Not sure" for the screen.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Group {
    pub id: Text,
    /// The screen's heading.
    pub title: Text,
    #[serde(default)]
    pub help: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct QuestionOption {
    pub id: Text,
    pub label: Text,
    #[serde(default)]
    pub help: Option<Text>,
    /// On a foot-map question: whether the option has a region on a drawing
    /// (`false` for places no drawing can show, such as the whole foot; they
    /// stay in the list under the map).
    #[serde(default = "drawn")]
    pub drawn: bool,
}

fn drawn() -> bool {
    true
}

/// What the code relies on a question for. Each role is held by exactly one
/// question of the right kind (the linter checks it), so the code names a
/// role, never a question id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionRole {
    /// Where it hurts: the places conditions score (a multiple choice).
    Location,
    /// Days since it started, which the diary answers (a number).
    DiaryDuration,
    /// Whether it is improving, which the diary answers (yes/no).
    DiaryImproving,
    /// The diary's pain trend (a single choice with the options `improving`,
    /// `steady` and `worsening`).
    DiaryTrend,
    /// Today's pain, which the diary answers (a number).
    DiaryIntensity,
    /// The change in weekly distance, which the diary answers (a number).
    DiaryDistanceChange,
}

impl QuestionRole {
    pub const ALL: [QuestionRole; 6] = [
        QuestionRole::Location,
        QuestionRole::DiaryDuration,
        QuestionRole::DiaryImproving,
        QuestionRole::DiaryTrend,
        QuestionRole::DiaryIntensity,
        QuestionRole::DiaryDistanceChange,
    ];

    /// The kind of question the role needs.
    pub fn kind(self) -> QuestionKind {
        match self {
            QuestionRole::Location => QuestionKind::Multi,
            QuestionRole::DiaryImproving => QuestionKind::YesNo,
            QuestionRole::DiaryTrend => QuestionKind::Single,
            _ => QuestionKind::Number,
        }
    }

    /// The option ids the code uses, for a role that names options.
    pub fn options(self) -> &'static [&'static str] {
        match self {
            QuestionRole::DiaryTrend => &["improving", "steady", "worsening"],
            _ => &[],
        }
    }
}

fn first_version() -> u32 {
    1
}
