//! The widget's state: the runner's answers, the order they were given in,
//! and which screen is showing. One reducer changes it; components only
//! dispatch actions. Which question comes next is never stored: it is asked
//! of the engine each time, so state and engine cannot disagree.

use std::rc::Rc;

use yew::Reducible;

use crate::{Answer, Answers, KnowledgeBase};

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
    pub screen: Screen,
    pub answers: Answers,
    /// Question ids in the order they were answered, for Back and Review.
    pub asked: Vec<String>,
    /// The question being changed from the review list, if any.
    pub editing: Option<String>,
    /// Why the last answer could not be used, in plain words.
    pub error: Option<String>,
    /// Set by the first action: from then on each new screen takes focus.
    /// Not before, so an embedded widget never pulls the host page's focus
    /// (and scroll position) when it loads.
    pub interacted: bool,
}

/// Everything the runner can do.
pub enum Action {
    Begin,
    Answer(String, Answer),
    /// One step back: undo the last answer (or leave the question being
    /// changed, back to the review list).
    Back,
    Review,
    Edit(String),
    /// Leave the review list and carry on (to the next question or results).
    Resume,
    Restart,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let kb = KnowledgeBase::embedded();
        let mut next = (*self).clone();
        next.error = None;
        next.interacted = true;
        match action {
            Action::Begin | Action::Resume => next.screen = Screen::Questions,
            Action::Answer(key, answer) => match next.answers.set(kb, &key, answer) {
                Ok(()) => {
                    if !next.asked.contains(&key) {
                        next.asked.push(key);
                    }
                    next.editing = None;
                    next.screen = Screen::Questions;
                }
                Err(e) => next.error = Some(e.to_string()),
            },
            Action::Back => {
                if next.editing.take().is_some() {
                    next.screen = Screen::Review;
                } else if let Some(key) = next.asked.pop() {
                    next.answers.remove(&key);
                    next.screen = Screen::Questions;
                } else {
                    next.screen = Screen::Start;
                }
            }
            Action::Review => {
                next.editing = None;
                next.screen = Screen::Review;
            }
            Action::Edit(key) => {
                next.editing = Some(key);
                next.screen = Screen::Questions;
            }
            Action::Restart => next = State { interacted: true, ..State::default() },
        }
        Rc::new(next)
    }
}
