//! The answers as a printed page shows them: those that say something, each
//! with its question, then the signs checked and absent on one line
//! (`engine::answer_lines` decides which is which), so the longer interview
//! still prints on one sheet. The results' print layout and the diary's page
//! for a clinician both use it.

use yew::prelude::*;

use crate::{Answers, KnowledgeBase, engine::answer_lines, knowledge::Ui};

pub fn answer_list(kb: &KnowledgeBase, answers: &Answers) -> Html {
    let lines = answer_lines(kb, answers);
    let absent: Vec<&str> = lines.absent.iter().map(|l| &**l).collect();
    html! {
        <>
            <dl class="ft-answers">
                { for lines.given.iter().map(|(label, answer)| html! {
                    <>
                        <dt>{ &**label }</dt>
                        <dd>{ answer.clone() }</dd>
                    </>
                }) }
            </dl>
            if !absent.is_empty() {
                <p class="ft-answers-absent">{ kb.ui_with(Ui::SummaryCheckedAbsent, &[("list", &absent.join("; "))]) }</p>
            }
        </>
    }
}
