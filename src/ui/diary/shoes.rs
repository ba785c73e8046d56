//! The shoe log: each pair with its distance (what it had before the diary
//! plus every entry run in it) and the core's verdict on it, the suggestion
//! to rotate two pairs, and a form to add a pair. Retired pairs keep their
//! entries and can be brought back.

use yew::prelude::*;

use super::{
    View,
    entry_form::{field, read_number, submitted},
    state::DiaryAction,
};
use crate::{diary::read_shoe, engine::calculators::ShoeStatus, knowledge::Ui};

pub fn shoes(view: &View) -> Html {
    let View { kb, state, review, act, .. } = *view;
    let unit = view.config.units;
    let diary = state.diary.clone();
    let onsubmit = act.reform(move |event: SubmitEvent| {
        DiaryAction::SaveShoe(match submitted(&event) {
            Some(data) => read_shoe(&diary, None, &field(&data, "name"), &field(&data, "start"), unit, &read_number)
                .map_err(|e| e.text(kb)),
            None => Err(kb.ui(Ui::DiaryNoticeFormUnreadable).into()),
        })
    });
    let distance = |km: f64| format!("{} {}", kb.number(unit.from_km(km)), unit.symbol());
    let retired: Vec<_> = state.diary.shoes.iter().filter(|s| s.retired).collect();
    html! {
        <section class="ft-block ft-shoes" aria-labelledby="ft-shoes-title" data-ft-shoes="">
            <h3 id="ft-shoes-title" tabindex="-1">{ kb.ui(Ui::DiaryShoesTitle) }</h3>
            if review.shoes.is_empty() {
                <p class="ft-help">{ kb.ui(Ui::DiaryShoesEmpty) }</p>
            }
            <ul class="ft-shoe-list">
                { for review.shoes.iter().map(|s| {
                    let (id, kind) = (s.id.clone(), match s.status {
                        ShoeStatus::Fine => "fine",
                        ShoeStatus::Check => "check",
                        ShoeStatus::Replace => "replace",
                    });
                    html! {
                        <li class={classes!("ft-card", "ft-shoe", format!("ft-shoe-{kind}"))} data-ft-shoe={s.id.clone()} data-ft-status={kind}>
                            <p><strong>{ &s.name }</strong>{ format!(": {}", distance(s.km)) }</p>
                            <p>{ &s.message }</p>
                            <button type="button" class="ft-link ft-no-print"
                                aria-label={kb.ui_with(Ui::DiaryShoesRetireLabel, &[("name", &s.name)])}
                                onclick={act.reform(move |_: MouseEvent| DiaryAction::Retire(id.clone(), true))}>
                                { kb.ui(Ui::DiaryShoesRetire) }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            if let Some(hint) = &review.rotate_hint {
                <p class="ft-hint" data-ft-rotate="">{ hint }</p>
            }
            if !retired.is_empty() {
                <p class="ft-help ft-no-print">{ kb.ui(Ui::DiaryShoesRetired) }
                    { for retired.iter().map(|s| {
                        let id = s.id.clone();
                        html! {
                            <button type="button" class="ft-link"
                                aria-label={kb.ui_with(Ui::DiaryShoesBringBackLabel, &[("name", &s.name)])}
                                onclick={act.reform(move |_: MouseEvent| DiaryAction::Retire(id.clone(), false))}>
                                { kb.ui_with(Ui::DiaryShoesBringBack, &[("name", &s.name)]) }
                            </button>
                        }
                    }) }
                </p>
            }
            <form class="ft-shoe-form ft-no-print" key={state.shoe_form.to_string()} onsubmit={onsubmit} novalidate=true
                aria-label={kb.ui(Ui::DiaryShoesForm)} data-ft-shoe-form="">
                <div class="ft-fields">
                    <label>{ kb.ui(Ui::DiaryShoesName) }
                        <input type="text" name="name" maxlength="60" autocomplete="off" required=true />
                    </label>
                    <label>{ kb.ui_with(Ui::DiaryShoesStart, &[("unit", unit.symbol())]) }
                        <input type="text" name="start" inputmode="decimal" autocomplete="off" />
                    </label>
                </div>
                if let Some(error) = &state.shoe_error {
                    <p class="ft-error" role="alert" data-ft-shoe-error="">{ error }</p>
                }
                <button type="submit" class="ft-secondary" data-ft-add-shoe="">{ kb.ui(Ui::DiaryShoesAdd) }</button>
            </form>
        </section>
    }
}
