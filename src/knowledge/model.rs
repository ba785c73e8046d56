//! The shapes of the knowledge files. Field names match the TOML keys that a
//! clinician edits; `knowledge/README.md` explains each one.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::formula::Formula;
pub use super::text::{List, Text};

/// Everything in `knowledge/*.toml`, merged.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Knowledge {
    pub meta: Meta,
    #[serde(rename = "source", default)]
    pub sources: List<Source>,
    #[serde(rename = "level", default)]
    pub levels: List<LevelInfo>,
    #[serde(rename = "question", default)]
    pub questions: List<Question>,
    /// Screens that ask several related yes/no questions at once.
    #[serde(rename = "group", default)]
    pub groups: List<Group>,
    #[serde(rename = "fact", default)]
    pub facts: List<Fact>,
    #[serde(rename = "rule", default)]
    pub rules: List<Rule>,
    #[serde(rename = "condition", default)]
    pub conditions: List<Condition>,
    #[serde(rename = "section", default)]
    pub sections: List<Section>,
    #[serde(rename = "advice", default)]
    pub advice: List<Advice>,
    #[serde(rename = "safety_net", default)]
    pub safety_net: List<SafetyNet>,
    /// What a plan must never show in a given situation, by advice trait.
    #[serde(rename = "contradiction", default)]
    pub contradictions: List<Contradiction>,
    /// The foot map's drawings and the places drawn on them
    /// (`knowledge/foot_map.toml`).
    #[serde(rename = "view", default)]
    pub views: List<FootView>,
    #[serde(rename = "region", default)]
    pub regions: List<Region>,
    /// Where a runner in each country is sent at each level
    /// (`knowledge/care_regions.toml`).
    #[serde(rename = "care_region", default)]
    pub care_regions: List<CareRegion>,
}

/// The services and the emergency number of one country (or, for the
/// fallback, of none). Clinical texts name them through `{care.<slot>}`
/// placeholders, which [`crate::KnowledgeBase::for_region`] fills, so a
/// runner in Madrid is sent to urgencias and one in Leeds to NHS 111 by the
/// same rule. Each slot is a phrase that fits the sentences quoting it; the
/// file's comments say which.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct CareRegion {
    /// The ISO 3166 code (`GB`, `ES`), or `generic` for the fallback.
    pub id: Text,
    /// Its name in English, for web managers and clinicians (not shown to a
    /// runner).
    pub name: Text,
    /// The emergency number; only the fallback has none.
    #[serde(default)]
    pub number: Option<Text>,
    /// The one region used when the runner's country is unknown or not
    /// covered: it names no country's service.
    #[serde(default)]
    pub fallback: bool,
    /// Where to go now (`{care.emergency}`).
    pub emergency: Text,
    /// Where to be seen today (`{care.urgent}`).
    pub urgent: Text,
    /// Whom to book within days (`{care.soon}`).
    pub soon: Text,
    /// Where a suspected clot can be scanned today (`{care.clot}`).
    pub clot: Text,
    /// Whom a runner with diabetes contacts without a foot service
    /// (`{care.diabetic}`).
    pub diabetic: Text,
    /// Where to go when those are closed (`{care.out_of_hours}`).
    pub out_of_hours: Text,
    /// `draft` until a clinician who works in that country has signed it
    /// off, then `reviewed`.
    pub status: Text,
    pub source: Text,
    pub last_reviewed: Text,
}

/// One drawing of the foot (sole, top, inner side, outer side, back).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct FootView {
    pub id: Text,
    pub label: Text,
    /// The SVG `viewBox` the outline and the regions are drawn in.
    pub view_box: Text,
    /// The foot's outline, an SVG path (decorative).
    pub outline: Text,
    /// Line work drawn over the outline so a runner finds their way: toes,
    /// nails, ankle bones, the tendon (SVG paths, stroked, decorative).
    #[serde(default)]
    pub landmarks: List<Text>,
}

/// A place on a drawing: the option of a foot-map question it stands for,
/// drawn as ellipses `[cx, cy, rx, ry]`, a closed SVG path, or both (the
/// linter asks for one of them).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Region {
    pub option: Text,
    pub view: Text,
    #[serde(default)]
    pub shapes: List<[u16; 4]>,
    #[serde(default)]
    pub path: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Meta {
    /// The content version, printed in every assessment.
    pub version: Text,
    /// The not-a-diagnosis notice that every result carries.
    pub notice: Text,
    /// What to do in an emergency, shown before any question.
    pub emergency: Text,
    /// The notice shown when a rule or condition says to stop running.
    pub stop_running: Text,
    /// Shown instead of a result when no danger-sign question was answered.
    pub incomplete: Text,
    /// How `{care.call}` reads when the emergency number is known: "on
    /// {number}".
    pub call_number: Text,
    /// How it reads when it is not: "on your local emergency number".
    pub call_local: Text,
    /// Scoring thresholds for the ranked differential.
    pub ranking: RankingTuning,
    /// Bounds for the adaptive questionnaire.
    pub flow: FlowTuning,
    /// The shoe-life range the shoe check compares against.
    pub shoes: ShoeLife,
    /// The weekly-increase limit the training-load calculator applies.
    pub load: LoadRule,
    /// How the recovery diary reads a trend and when it unlocks a return.
    pub diary: DiaryRules,
    /// Where the notice, the emergency text and the other texts above come
    /// from, and when a clinician last checked them.
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

/// The recovery diary's thresholds (see `crate::diary`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct DiaryRules {
    /// How many of the first and of the latest entries are averaged to tell
    /// a trend.
    pub trend_entries: u32,
    /// A rise of at least this many points (0 to 10) is "worsening"; a fall
    /// of at least this many is "improving".
    pub trend_points: u32,
    /// A return to running is offered when the latest entries are all at or
    /// below this pain.
    pub return_max_pain: u32,
    /// The first return week's distance, as a percentage of the weekly
    /// distance before the pain.
    pub return_start_percent: u32,
    /// The longest return plan shown, in weeks.
    pub return_max_weeks: u32,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct ShoeLife {
    /// From this distance, check the shoes for wear.
    pub check_km: u32,
    /// Replace the shoes by this distance at the latest.
    pub replace_km: u32,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct LoadRule {
    /// The largest rise in weekly distance from one week to the next.
    pub max_weekly_increase_percent: u32,
    /// A rise over two weeks beyond this has been linked to injury.
    pub big_spike_percent: u32,
    /// How many weeks the calculator plans; the last one is lighter.
    pub weeks: u32,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct RankingTuning {
    /// A condition at or above this score is a "strong match".
    pub strong: i32,
    /// A condition at or above this score is a "possible match"; below it,
    /// "less likely". Conditions below it never select advice.
    pub possible: i32,
    /// Weight added when the pain is at one of a condition's places is given
    /// per place; this is what is taken away when none of them match.
    pub location_miss: i32,
    /// A condition applies its triage floor when its own score reaches this.
    pub floor_min_score: i32,
    /// A condition with an urgent or emergency floor counts as "possible"
    /// (and sets one level below its floor) only when at least this much of
    /// its score comes from its features, not from where it hurts.
    pub evidence_min: i32,
    /// How many conditions a result always lists (the literature's top
    /// three), and at most how many with real support.
    pub listed_min: usize,
    pub listed_max: usize,
    /// How many of the leading conditions shape the plan.
    pub suspected: usize,
    /// A place with at least this weight is "typical" for a condition (named
    /// when none was marked).
    pub typical_place: i32,
}

/// How the adaptive flow weighs and stops (see `engine::flow` and
/// `knowledge/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct FlowTuning {
    /// The most screens the flow shows before it stops.
    pub max_screens: usize,
    /// How many leading conditions the question choice compares.
    pub shortlist: usize,
    /// Score points per factor of e between two conditions' probabilities.
    pub temperature: f64,
    /// How often a runner has a sign the leading causes do not predict.
    pub sign_rate: f64,
    /// Bits of information a question must be expected to give to be asked
    /// for the ranking's sake.
    pub min_information: f64,
    /// The chance a question must have of raising the level to be asked for
    /// the level's sake.
    pub min_level_chance: f64,
    /// What one step of the level is worth, in bits, when choosing.
    pub level_weight: f64,
    /// The leading cause's probability at which the causes count as clearly
    /// separated.
    pub stop_probability: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    /// `article` (one of the five source files), `guideline` or `reference`.
    pub kind: Text,
    /// The evidence behind it: `guideline`, `review`, `study`,
    /// `patient_information`, `consumer_article`, `commercial_article` or
    /// `digest` (see `knowledge/meta.toml`).
    #[serde(default)]
    pub grade: Text,
}

/// Where a reviewable item comes from and when a clinician last checked it.
/// Each item carries `source` and `last_reviewed` as plain fields (not a
/// flattened struct: serde's `flatten` buffers every item and costs the wasm
/// bundle tens of kilobytes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Provenance<'a> {
    pub source: &'a str,
    pub last_reviewed: &'a str,
}

macro_rules! provenance {
    ($($item:ty),*) => {$(
        impl $item {
            pub fn provenance(&self) -> Provenance<'_> {
                Provenance { source: &self.source, last_reviewed: &self.last_reviewed }
            }
        }
    )*};
}

provenance!(
    Question,
    Fact,
    Rule,
    Condition,
    Advice,
    SafetyNet,
    Contradiction,
    LevelInfo,
    Meta,
    ShoeLife,
    LoadRule,
    DiaryRules,
    Review,
    CareRegion
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    SelfCare,
    Soon,
    Urgent,
    Emergency,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::SelfCare, Level::Soon, Level::Urgent, Level::Emergency];

    /// The next lower level (self-care stays self-care).
    pub fn one_below(self) -> Level {
        match self {
            Level::Emergency => Level::Urgent,
            Level::Urgent => Level::Soon,
            Level::Soon | Level::SelfCare => Level::SelfCare,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::SelfCare => "self_care",
            Level::Soon => "soon",
            Level::Urgent => "urgent",
            Level::Emergency => "emergency",
        }
    }
}

/// What a triage level means for the runner, in plain words.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct LevelInfo {
    pub id: Level,
    pub title: Text,
    /// The action headline, such as "See a clinician today".
    pub action: Text,
    pub timeframe: Text,
    /// The headline used instead of `action` when the ambulance flag is set.
    #[serde(default)]
    pub ambulance_action: Option<Text>,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

impl LevelInfo {
    /// The headline for this level: the ambulance one when the ambulance
    /// flag is set and the level has one.
    pub fn action_for(&self, ambulance: bool) -> &Text {
        match &self.ambulance_action {
            Some(text) if ambulance => text,
            _ => &self.action,
        }
    }
}

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

/// A named formula that rules, features and gates can use by name.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Fact {
    pub id: Text,
    pub when: Formula,
    pub description: Text,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

/// What a rule is, for a reader and for the engine: a `default` rule (the
/// catch-all) speaks only when no other rule explains the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A danger sign.
    RedFlag,
    /// An Ottawa check (or a bone check after an injury).
    Ottawa,
    /// How long it has lasted, and whether it is improving.
    Duration,
    /// A condition's pattern (a stress fracture, a floor).
    Condition,
    /// Why home care is right despite a finding.
    Context,
    /// The catch-all.
    Default,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::RedFlag => "red_flag",
            RuleKind::Ottawa => "ottawa",
            RuleKind::Duration => "duration",
            RuleKind::Condition => "condition",
            RuleKind::Context => "context",
            RuleKind::Default => "default",
        }
    }
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

/// What the code relies on an advice item for (the diary quotes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AdviceRole {
    /// The hint to rotate two pairs of shoes.
    ShoeRotation,
    /// The return-to-running advice the diary's return plan quotes.
    GradualReturn,
}

impl AdviceRole {
    pub const ALL: [AdviceRole; 2] = [AdviceRole::ShoeRotation, AdviceRole::GradualReturn];
}

/// One row of the triage decision table. Hit policy: every rule whose `when`
/// holds fires, and the highest level among them wins.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Rule {
    pub id: Text,
    pub kind: RuleKind,
    pub level: Level,
    #[serde(default)]
    pub ambulance: bool,
    /// The advice includes "stop running until seen" when this rule fires.
    #[serde(default)]
    pub stop_running: bool,
    pub when: Formula,
    /// Why this answer pattern sets the level, in plain words.
    pub reason: Text,
    /// Where to go, when this rule needs a more specific place than its
    /// level's action (a suspected clot needs somewhere that can scan it).
    /// Used when the rule leads the reasons at the final level.
    #[serde(default)]
    pub action: Option<Text>,
    /// The condition this rule raises suspicion of, if any.
    #[serde(default)]
    pub suspects: Option<Text>,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Condition {
    pub id: Text,
    pub name: Text,
    pub description: Text,
    #[serde(rename = "where")]
    pub location_text: Text,
    pub helps: Text,
    pub seek_care: Text,
    /// What to do while the condition is only possible and the level is
    /// below its floor: the signs that would call for going sooner, so a
    /// result never names two destinations. Required above a self-care floor.
    #[serde(default)]
    pub possible_care: Option<Text>,
    /// Pain locations and the weight each adds when it is marked.
    #[serde(default, deserialize_with = "locations_from_table")]
    pub locations: List<(Text, i32)>,
    #[serde(default)]
    pub prior: i32,
    /// The lowest triage level whenever this condition's score reaches
    /// `meta.ranking.floor_min_score`, whatever its rank.
    pub floor: Level,
    #[serde(default)]
    pub stop_running: bool,
    #[serde(default, rename = "feature")]
    pub features: List<Feature>,
    /// Advice ids this condition's plan draws on.
    #[serde(default)]
    pub advice: List<Text>,
    /// When home care has had its chance, for a condition managed at home:
    /// required at a self-care floor.
    #[serde(default)]
    pub review: Option<Review>,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

/// When a self-managed condition should be seen after all: while the
/// condition is a possible cause (its own score, never its rank) and `when`
/// holds, the level is at least `soon`, with `reason`. The timing comes from
/// primary guidance for the condition (its own `source` and date).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub when: Formula,
    pub reason: Text,
    pub source: Text,
    pub last_reviewed: Text,
}

/// Evidence for (positive weight) or against (negative weight) a condition.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Feature {
    pub when: Formula,
    pub weight: i32,
    pub reason: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Section {
    pub id: Text,
    pub title: Text,
    /// An interactive tool shown with the section when it is in the plan.
    #[serde(default)]
    pub tool: Option<Tool>,
    /// How many of the section's items the plan at a glance ("today and this
    /// week") shows: those the leading cause lists first.
    #[serde(default)]
    pub today: u32,
}

/// The interactive tools a plan section can carry; the engine computes what
/// they show (`engine::calculators`), the widget only renders it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    /// Compares a pair's distance with `meta.shoes`.
    ShoeCheck,
    /// Turns this week's distance into a plan within `meta.load`.
    LoadPlan,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct Dose {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sets: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_side: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times_per_day: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Advice {
    pub id: Text,
    pub section: Text,
    pub title: Text,
    pub summary: Text,
    #[serde(default)]
    pub steps: List<Text>,
    #[serde(default)]
    pub dose: Dose,
    #[serde(default)]
    pub caution: Option<Text>,
    /// The triage levels at which this item may appear.
    pub levels: List<Level>,
    /// Shown whatever the conditions are (still subject to `levels`, `when`
    /// and `not_for`).
    #[serde(default)]
    pub general: bool,
    #[serde(default)]
    pub when: Formula,
    /// Never shown while one of these conditions is suspected.
    #[serde(default)]
    pub not_for: List<Text>,
    /// What the item asks of the foot (`running`, `barefoot`, `cold`, ...);
    /// a `[[contradiction]]` hides items by these.
    #[serde(default)]
    pub traits: List<Text>,
    /// On an emergency: only with an ambulance (`true`) or only without one
    /// (`false`); either when absent.
    #[serde(default)]
    pub ambulance: Option<bool>,
    /// What the code relies on this item for, if anything.
    #[serde(default)]
    pub role: Option<AdviceRole>,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

/// A situation in which some kinds of advice must never appear: once the
/// runner is told to stop running, no running plan; with diabetes, nothing
/// barefoot. The engine hides every item with an excluded trait.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Contradiction {
    pub id: Text,
    /// Applies whenever the triage says to stop running.
    #[serde(default)]
    pub stop_running: bool,
    /// Applies whenever this holds (never, when absent, unless
    /// `stop_running` is set).
    #[serde(default = "Formula::never")]
    pub when: Formula,
    /// The advice traits never shown while it applies.
    pub excludes: List<Text>,
    /// Why, for a clinician reading the knowledge.
    pub reason: Text,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct SafetyNet {
    pub id: Text,
    pub text: Text,
    pub levels: List<Level>,
    #[serde(default)]
    pub when: Formula,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

/// Reads `locations = { heel_bottom = 4, arch = 2 }` into pairs, in the
/// table's key order (TOML and JSON tables both arrive sorted by key here).
fn locations_from_table<'de, D: serde::Deserializer<'de>>(d: D) -> Result<List<(Text, i32)>, D::Error> {
    let table = std::collections::BTreeMap::<String, i32>::deserialize(d)?;
    Ok(Cow::Owned(table.into_iter().map(|(k, v)| (Cow::Owned(k), v)).collect()))
}

fn first_version() -> u32 {
    1
}

impl Knowledge {
    /// The number a formula names instead of writing it (`shoe_km >=
    /// shoes.check_km`), so a threshold is stated once, in `meta`.
    pub fn constant(&self, name: &str) -> Option<f64> {
        let m = &self.meta;
        Some(f64::from(match name {
            "shoes.check_km" => m.shoes.check_km,
            "shoes.replace_km" => m.shoes.replace_km,
            "load.max_weekly_increase_percent" => m.load.max_weekly_increase_percent,
            "load.big_spike_percent" => m.load.big_spike_percent,
            _ => return None,
        }))
    }

    /// Replaces every named bound in every formula with its number (a name
    /// that is not a constant becomes an invalid formula, which the linter
    /// reports). `build.rs` and the folder loader call it once, so the engine
    /// only ever meets numbers.
    pub fn resolve_constants(&mut self) {
        let values: Vec<(&'static str, Option<f64>)> =
            super::formula::CONSTANTS.iter().map(|&n| (n, self.constant(n))).collect();
        let lookup = |name: &str| values.iter().find(|(n, _)| *n == name).and_then(|(_, v)| *v);
        let fix = |f: &mut Formula| f.expr.resolve(&lookup);
        for q in self.questions.to_mut() {
            fix(&mut q.ask_when);
            fix(&mut q.required_when);
        }
        self.facts.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
        self.rules.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
        for c in self.conditions.to_mut() {
            c.features.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
        }
        self.advice.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
        self.safety_net.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
        self.contradictions.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
    }
}
