//! The widget's state: the runner's answers, the order they were given in,
//! and which screen is showing. One reducer changes it; components only
//! dispatch actions. Which question comes next is never stored: it is asked
//! of the engine each time, so state and engine cannot disagree.
//!
//! `reduce` is a pure function of the state and the action: it never touches
//! storage. The app reads the saved record once when it starts
//! (`State::restored`), keeps storage in step from one effect after each
//! change to what is saved (`State::saved`), and erases from the button's
//! own callback.

use std::rc::Rc;

use yew::Reducible;

use super::Knowledge;
#[cfg(target_arch = "wasm32")]
use super::storage::Loaded;
#[cfg(target_arch = "wasm32")]
use crate::saved::Restored;
use crate::{Answer, Answers, KnowledgeBase, knowledge::Ui, saved::Saved, shell::Notice};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    Start,
    /// The engine's next question, or the results once it has none.
    Questions,
    /// Every answer so far, each with a way to change it.
    Review,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The knowledge the answers are checked against.
    pub kb: Knowledge,
    pub screen: Screen,
    pub answers: Answers,
    /// The screens answered, in order (each the ids of its questions), for
    /// Back, which undoes a whole screen, and for Review.
    pub screens: Vec<Vec<String>>,
    /// The question being changed from the review list, if any.
    pub editing: Option<String>,
    /// Why the last answer could not be used (worded when shown).
    pub error: Option<Ui>,
    /// The runner chose "Remember on this device"; the app saves every change.
    pub remember: bool,
    /// A calm message about saved data (restored, set aside, erased),
    /// worded when shown.
    pub notice: Option<Notice>,
    /// What happened to the last "Copy summary".
    pub copy_status: Option<Ui>,
    /// Where this widget saves, when the site allows storage at all.
    pub storage_key: Option<String>,
    /// Set by the first action: from then on each new screen takes focus.
    /// Not before, so an embedded widget never pulls the host page's focus
    /// (and scroll position) when it loads.
    pub interacted: bool,
    /// The results' disclosures have their contents: filled a task after the
    /// results first show, so the level, the action and the plan at a glance
    /// appear within a frame of the last answer.
    pub detail: bool,
}

/// Everything the runner can do.
pub enum Action {
    Begin,
    Answer(String, Answer),
    /// A checklist screen: every question on it, answered at once.
    AnswerAll(Vec<(String, Answer)>),
    /// One step back: undo the last answer (or leave the question being
    /// changed, back to the review list).
    Back,
    Review,
    Edit(String),
    /// Leave the review list and carry on (to the next question or results).
    Resume,
    Restart,
    /// Turn "Remember on this device" on or off.
    Remember(bool),
    /// The browser answered the request to keep the storage (`None`: it has
    /// no such request).
    Persisted(Option<bool>),
    /// Everything any Foot Triage widget stored on this site was erased
    /// (by the button's callback); the message says so.
    Erased(Ui),
    /// The browser refused to save: remembering goes off, with this notice.
    Refused(Ui),
    /// "Copy summary" finished: whether the clipboard took the text.
    Copied(bool),
    /// The site's storage setting or this widget's id changed (`None`:
    /// storage is forbidden).
    Storage(Option<String>),
    /// The results have shown: fill their disclosures (sent by the app, not
    /// the runner).
    Detail,
    /// The runner switched language (sent by the app when its knowledge
    /// prop changes): the answers and the screen stay.
    Language(Knowledge),
}

impl State {
    /// The state a widget starts in: fresh, or what `loaded` found saved last
    /// time (the app reads it; `None` when the site forbids storage).
    #[cfg(target_arch = "wasm32")]
    pub fn restored(kb: Knowledge, storage_key: Option<String>, loaded: Option<Loaded<Restored>>) -> State {
        let mut state = State { kb, storage_key, ..State::default() };
        match loaded {
            Some(Loaded::Restored(restored)) => {
                state.answers = restored.saved.answers;
                state.screens = restored.saved.screens;
                // Remembering stays on, so the app's effect stores the record
                // again at once: a migrated one in the current schema.
                state.remember = true;
                if !state.screens.is_empty() {
                    state.screen = Screen::Questions;
                }
                state.notice = Some(
                    match restored.migrated_from {
                        Some(_) => Ui::NoticeWelcomeBackMigrated,
                        None => Ui::NoticeWelcomeBack,
                    }
                    .into(),
                );
            }
            Some(Loaded::SetAside { .. }) => {
                state.notice = Some(Ui::NoticeSetAside.into());
            }
            Some(Loaded::Nothing | Loaded::Unavailable) | None => {}
        }
        state
    }

    /// What is saved while remembering is on.
    pub fn saved(&self) -> Saved {
        Saved { answers: self.answers.clone(), screens: self.screens.clone() }
    }
}

impl State {
    /// Question ids in the order they were answered.
    pub fn asked(&self) -> impl Iterator<Item = &String> {
        self.screens.iter().flatten()
    }

    /// Records one screen's answers, all or none: a change from the review
    /// list keeps its place in the order; new answers are a new screen.
    fn answer(&mut self, kb: &KnowledgeBase, given: Vec<(String, Answer)>) {
        let mut answers = self.answers.clone();
        for (key, answer) in &given {
            if answers.set(kb, key, answer.clone()).is_err() {
                // The card checks every answer before it sends it, so this
                // is a safety net: the runner reads what to do in their
                // language (the contract's reason is for the CLI).
                self.error = Some(Ui::QuestionAnswerRefused);
                return;
            }
        }
        self.answers = answers;
        let new: Vec<String> =
            given.into_iter().map(|(k, _)| k).filter(|k| !self.screens.iter().flatten().any(|a| a == k)).collect();
        if !new.is_empty() {
            self.screens.push(new);
        }
        self.editing = None;
        self.screen = Screen::Questions;
    }

    /// One step back: from a change to the review list, else undoing the
    /// last screen's answers, else to the start.
    fn back(&mut self) {
        if self.editing.take().is_some() {
            self.screen = Screen::Review;
        } else if let Some(screen) = self.screens.pop() {
            for key in screen {
                self.answers.remove(&key);
            }
            self.screen = Screen::Questions;
        } else {
            self.screen = Screen::Start;
        }
    }
}

/// Whether the runner did `action` (the app sends the others), so that from
/// then on each new screen may take focus.
fn by_runner(action: &Action) -> bool {
    !matches!(action, Action::Storage(_) | Action::Detail | Action::Language(_))
}

/// Whether the results keep their filled disclosures after `action`: they
/// do after a change to saving or the clipboard, while a new screen or new
/// answers start the results afresh.
fn keeps_detail(action: &Action) -> bool {
    matches!(
        action,
        Action::Copied(_) | Action::Remember(_) | Action::Persisted(_) | Action::Refused(_) | Action::Storage(_)
    )
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let kb = self.kb.0;
        let mut next = (*self).clone();
        next.error = None;
        next.copy_status = None;
        next.interacted |= by_runner(&action);
        next.detail = self.detail && keeps_detail(&action);
        match action {
            Action::Detail => next.detail = true,
            Action::Language(knowledge) => next.kb = knowledge,
            Action::Begin | Action::Resume => next.screen = Screen::Questions,
            Action::Answer(key, answer) => next.answer(kb, vec![(key, answer)]),
            Action::AnswerAll(given) => next.answer(kb, given),
            Action::Back => next.back(),
            Action::Review => {
                next.editing = None;
                next.screen = Screen::Review;
            }
            Action::Edit(key) => {
                next.editing = Some(key);
                next.screen = Screen::Questions;
            }
            Action::Restart => {
                next = State {
                    kb: next.kb,
                    interacted: true,
                    remember: next.remember,
                    storage_key: next.storage_key,
                    ..State::default()
                };
            }
            Action::Persisted(granted) => {
                if next.remember {
                    next.notice = Some(crate::shell::ANSWERS.persisted(granted));
                }
            }
            Action::Remember(on) => {
                next.remember = on;
                next.notice = Some(crate::shell::ANSWERS.turned(on));
            }
            Action::Erased(message) => {
                next = State { kb: next.kb, interacted: true, storage_key: next.storage_key, ..State::default() };
                next.notice = Some(message.into());
            }
            Action::Refused(message) => {
                next.remember = false;
                next.notice = Some(message.into());
            }
            Action::Copied(copied) => {
                next.copy_status = Some(if copied { Ui::HandoffCopied } else { Ui::HandoffCopyFailed });
            }
            Action::Storage(key) => {
                if key.is_none() {
                    // The site now forbids storage: remember nothing (the
                    // app forgets what the old key held).
                    next.remember = false;
                }
                next.storage_key = key;
            }
        }
        Rc::new(next)
    }
}
