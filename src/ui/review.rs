//! The review list: every answer so far, in the order given, each with a
//! "Change" button. Changing one returns to that question; the engine then
//! carries on from the new answers.

use yew::prelude::*;

use super::state::Action;
use crate::{Answers, KnowledgeBase, knowledge::Ui};

pub fn review(kb: &KnowledgeBase, asked: &[&String], answers: &Answers, act: &Callback<Action>) -> Html {
    let rows = asked.iter().copied().filter_map(|key| {
        let q = kb.question(key)?;
        let answer = answers.get(key)?;
        let edit = {
            let key = key.clone();
            act.reform(move |_: MouseEvent| Action::Edit(key.clone()))
        };
        Some(html! {
            <li class="ft-review-row" data-ft-review-row={key.clone()}>
                <span class="ft-review-q">{ &*q.label }</span>
                <span class="ft-review-a">{ kb.describe_answer(key, answer) }</span>
                <button class="ft-secondary" data-ft-edit={key.clone()} onclick={edit}
                    aria-label={kb.ui_with(Ui::ReviewChangeLabel, &[("question", &q.label)])}>{ kb.ui(Ui::ReviewChange) }</button>
            </li>
        })
    });
    html! {
        <section class="ft-screen ft-review" aria-labelledby="ft-review-title">
            <h2 id="ft-review-title" tabindex="-1">{ kb.ui(Ui::ReviewTitle) }</h2>
            if asked.is_empty() {
                <p>{ kb.ui(Ui::ReviewEmpty) }</p>
            } else {
                <ul class="ft-review-list">{ for rows }</ul>
            }
            <div class="ft-actions">
                <button class="ft-primary" data-ft-resume="" onclick={act.reform(|_: MouseEvent| Action::Resume)}>
                    { kb.ui(Ui::QuestionContinue) }
                </button>
            </div>
        </section>
    }
}
