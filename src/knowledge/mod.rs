//! The clinical knowledge as typed data: questions, facts, triage rules,
//! conditions, advice and safety-net items, each with a stable snake_case id,
//! a `source` and a `last_reviewed` date.
//!
//! The content lives in `knowledge/*.toml`. `build.rs` checks it, parses its
//! formulas and embeds it in a compact binary form (`compact.rs`), so nothing
//! is fetched or parsed from text at run time; `load.rs` reads a folder on
//! disk for the linter.

mod care;
pub mod catalogue;
mod compact;
mod embedded;
pub mod formula;
mod language;
mod model;
mod questionnaire;
mod text;

use std::sync::OnceLock;

pub use care::SLOTS as CARE_SLOTS;
pub use language::{LANGUAGES, Language, LanguageError, LanguageErrorKind, Ui};
pub use model::*;

use crate::answers::Answer;
use formula::{Expr, Scope};

/// The knowledge base, with indexes for fast lookup by id.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    pub data: Knowledge,
    questions: Index,
    facts: Index,
    conditions: Index,
    advice: Index,
    /// For each question (by position), the rules and conditions whose
    /// formulas read it, facts included: what an answer to it can change.
    reads: Vec<Readers>,
    /// The language of the words (`language.rs`); "" when built without one.
    language: &'static str,
    /// The interface's texts, by `Ui` id.
    interface: Vec<&'static str>,
    /// False while only the interview's words are in (`language.rs`).
    complete: bool,
    /// The care region its placeholders are filled for (`care.rs`), by
    /// position; None while they are not.
    region: Option<usize>,
}

/// The rules and conditions that read one question.
#[derive(Debug, Clone, Default)]
pub struct Readers {
    /// Positions in `data.rules`.
    pub rules: Vec<usize>,
    /// Positions in `data.conditions` (a condition with places reads
    /// `pain_locations` too).
    pub conditions: Vec<usize>,
}

/// Ids sorted for binary search, each with its item's position. A sorted
/// list rather than a hash map: the lists are short, and it keeps hashing
/// code out of the wasm bundle.
#[derive(Debug, Clone)]
struct Index(Vec<(Text, usize)>);

impl Index {
    fn new<T>(items: &[T], id: impl Fn(&T) -> &Text) -> Index {
        let mut entries: Vec<(Text, usize)> = items.iter().enumerate().map(|(i, item)| (id(item).clone(), i)).collect();
        // A stable sort keeps duplicates in file order, and `dedup` keeps the
        // first of each run: the first of two duplicates wins, as the linter
        // (which reports the second) expects.
        crate::small_sort::sort_by(&mut entries, |a, b| a.0 < b.0);
        entries.dedup_by(|b, a| a.0 == b.0);
        Index(entries)
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| (**k).cmp(id)).ok().map(|at| self.0[at].1)
    }
}

static EMBEDDED: OnceLock<KnowledgeBase> = OnceLock::new();

impl KnowledgeBase {
    /// The knowledge embedded at build time (see `build.rs`), indexed once
    /// and then shared. The cache is immutable: it holds no state that
    /// `assess` could change.
    ///
    /// Natively it is the knowledge in English, with the interface's texts.
    /// In the widget it has no words (they come from the language file the
    /// widget fetches, [`KnowledgeBase::install_language`]): it serves what
    /// needs only the structure, such as checking saved answers.
    pub fn embedded() -> &'static KnowledgeBase {
        #[cfg(not(target_arch = "wasm32"))]
        return EMBEDDED.get_or_init(|| {
            KnowledgeBase::in_language("en").expect("the English language file is built with the crate").clone()
        });
        #[cfg(target_arch = "wasm32")]
        EMBEDDED.get_or_init(|| KnowledgeBase::new(embedded::knowledge()))
    }

    /// Installs the knowledge file that `embed.js` fetched for the widget or
    /// the diary (`knowledge-<hash>.bin`; see `embedded.rs`), decoded and
    /// indexed at once, so the first language file after it does not wait on
    /// that. Fails when the bytes are not this build's knowledge. Installing
    /// it again changes nothing.
    #[cfg(target_arch = "wasm32")]
    pub fn install(file: Vec<u8>) -> Result<(), compact::CompactError> {
        if EMBEDDED.get().is_none() {
            let kb = KnowledgeBase::new(embedded::install(file)?);
            let _ = EMBEDDED.set(kb);
        }
        Ok(())
    }

    /// The widget's knowledge in the compact form (`compact.rs`), which it
    /// fetches as a file of its own: the prerender hands it to the build.
    #[cfg(all(not(target_arch = "wasm32"), feature = "prerender"))]
    pub fn compact() -> &'static [u8] {
        embedded::WIDGET
    }

    pub fn new(data: Knowledge) -> KnowledgeBase {
        let mut kb = KnowledgeBase {
            questions: Index::new(&data.questions, |q| &q.id),
            facts: Index::new(&data.facts, |f| &f.id),
            conditions: Index::new(&data.conditions, |c| &c.id),
            advice: Index::new(&data.advice, |a| &a.id),
            reads: Vec::new(),
            language: "",
            interface: Vec::new(),
            complete: true,
            region: None,
            data,
        };
        let mut reads = vec![Readers::default(); kb.data.questions.len()];
        let mut note = |kb: &KnowledgeBase, key: &str, add: &mut dyn FnMut(&mut Readers)| {
            if let Some(q) = kb.question_index(key) {
                add(&mut reads[q]);
            }
        };
        for (i, rule) in kb.data.rules.iter().enumerate() {
            rule.when.expr.visit_keys(&kb, &mut |key| {
                note(&kb, key, &mut |r| {
                    if r.rules.last() != Some(&i) {
                        r.rules.push(i)
                    }
                })
            });
        }
        for (i, c) in kb.data.conditions.iter().enumerate() {
            let mut add = |r: &mut Readers| {
                if r.conditions.last() != Some(&i) {
                    r.conditions.push(i)
                }
            };
            if !c.locations.is_empty() {
                note(&kb, kb.role_id(QuestionRole::Location), &mut add);
            }
            for f in c.features.iter() {
                f.when.expr.visit_keys(&kb, &mut |key| note(&kb, key, &mut add));
            }
        }
        kb.reads = reads;
        kb
    }

    /// The rules and conditions an answer to the question at `index` can change.
    pub fn readers(&self, index: usize) -> &Readers {
        static NONE: Readers = Readers { rules: Vec::new(), conditions: Vec::new() };
        self.reads.get(index).unwrap_or(&NONE)
    }

    /// The question holding a role the code relies on (the linter checks
    /// that exactly one does, of the right kind).
    pub fn role(&self, role: QuestionRole) -> Option<&Question> {
        self.data.questions.iter().find(|q| q.role == Some(role))
    }

    /// The id of the question holding a role, or "" when none does.
    pub fn role_id(&self, role: QuestionRole) -> &str {
        self.role(role).map_or("", |q| &q.id)
    }

    /// The advice item holding a role the code relies on.
    pub fn advice_role(&self, role: AdviceRole) -> Option<&Advice> {
        self.data.advice.iter().find(|a| a.role == Some(role))
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.data.groups.iter().find(|g| g.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.get(id).map(|i| &self.data.questions[i])
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.get(id)
    }

    pub fn fact_def(&self, id: &str) -> Option<&Fact> {
        self.facts.get(id).map(|i| &self.data.facts[i])
    }

    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.conditions.get(id).map(|i| &self.data.conditions[i])
    }

    pub fn advice_item(&self, id: &str) -> Option<&Advice> {
        self.advice.get(id).map(|i| &self.data.advice[i])
    }

    pub fn level(&self, level: Level) -> Option<&LevelInfo> {
        self.data.levels.iter().find(|l| l.id == level)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.data.sources.iter().find(|s| s.id == id)
    }

    /// The source ids an item cites: its `source` field lists one or more,
    /// separated by commas, primary guidance first.
    pub fn cited(field: &str) -> impl Iterator<Item = &str> {
        field.split(',').map(str::trim).filter(|s| !s.is_empty())
    }

    /// The titles of the sources an item cites, joined for display; an
    /// unknown id is shown as itself.
    pub fn source_titles(&self, field: &str) -> String {
        let mut out = String::new();
        for id in Self::cited(field) {
            if !out.is_empty() {
                out.push_str("; ");
            }
            out.push_str(self.source(id).map_or(id, |s| &s.title));
        }
        out
    }

    /// The display label of one option of a question, or the id itself.
    pub fn option_label<'a>(&'a self, question: &str, option: &'a str) -> &'a str {
        self.question(question).and_then(|q| q.options.iter().find(|o| o.id == option)).map_or(option, |o| &*o.label)
    }

    /// An answer in plain words, as a runner or clinician reads it.
    pub fn describe_answer(&self, key: &str, answer: &Answer) -> String {
        let q = self.question(key);
        // "1 day", "2 days": the unit for one where the question has it.
        let one = matches!(answer, Answer::Number(n) if *n == 1.0);
        let unit = q
            .and_then(|q| if one { q.unit_one.as_deref().or(q.unit.as_deref()) } else { q.unit.as_deref() })
            .unwrap_or("");
        match answer {
            Answer::Yes => self.ui(Ui::AnswerYes).into(),
            Answer::No => self.ui(Ui::AnswerNo).into(),
            Answer::NotSure => self.ui(Ui::AnswerNotSure).into(),
            Answer::Choice(c) => self.option_label(key, c).to_string(),
            Answer::Choices(cs) if cs.is_empty() => self.ui(Ui::AnswerNone).into(),
            Answer::Choices(cs) => cs.iter().map(|c| self.option_label(key, c)).collect::<Vec<_>>().join(", "),
            Answer::Number(n) => format!("{}{}{}", self.number(*n), if unit.is_empty() { "" } else { " " }, unit),
        }
    }
}

/// The answer that shows the sign: "yes", or "no" for a question stated as
/// "I cannot" (`concerning = "no"`, such as "can you take four steps"). A
/// ticked checklist item gives it.
pub fn worrying_answer(q: &Question) -> Answer {
    if q.concerning == Some(Concerning::No) { Answer::No } else { Answer::Yes }
}

/// What a runner without the sign answers: the question's `absent` answer,
/// else the reassuring answer to a yes/no question (the opposite of its
/// `concerning` answer, or no). `None` for a question with no such answer.
pub fn usual_answer(q: &Question) -> Option<Answer> {
    match (q.kind, q.absent.as_deref(), q.concerning) {
        (QuestionKind::YesNo, Some("yes"), _) | (QuestionKind::YesNo, None, Some(Concerning::No)) => Some(Answer::Yes),
        (QuestionKind::YesNo, _, _) => Some(Answer::No),
        (QuestionKind::Single, Some(option), _) => Some(Answer::Choice(option.to_string())),
        _ => None,
    }
}

impl Scope for KnowledgeBase {
    fn fact(&self, name: &str) -> Option<&Expr> {
        self.fact_def(name).map(|f| &f.when.expr)
    }

    fn concerning(&self, key: &str) -> Option<&Answer> {
        match self.question(key)?.concerning? {
            Concerning::Yes => Some(&Answer::Yes),
            Concerning::No => Some(&Answer::No),
        }
    }
}
