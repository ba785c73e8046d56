//! The entry form: one day's pain scores, distance, shoes and a note. The
//! inputs are the browser's own (uncontrolled); on submit the form is read
//! whole and handed to the core's `read_entry`, which says which field to
//! fix. A failed save keeps everything typed.

use web_sys::{FormData, HtmlFormElement};
use yew::prelude::*;

use super::{View, state::DiaryAction};
use crate::{
    diary::{Date, Entry, EntryFields, read_entry},
    knowledge::Ui,
    ui::number,
    units::trim_number,
};

/// The field's text in the submitted form ("" when missing).
pub fn field(data: &FormData, name: &str) -> String {
    data.get(name).as_string().unwrap_or_default()
}

/// Reads a number as the widget's number questions do.
pub fn read_number(text: &str) -> Option<f64> {
    number::parse(text).and_then(Result::ok)
}

/// The submitted form's data, with the browser's own submission stopped.
pub fn submitted(event: &SubmitEvent) -> Option<FormData> {
    event.prevent_default();
    let form: HtmlFormElement = event.target_dyn_into()?;
    FormData::new_with_form(&form).ok()
}

/// The form that adds the day's entry, or changes the one being edited;
/// a new number in `state.form` draws it afresh.
pub fn entry_form(view: &View) -> Html {
    let View { kb, state, act, .. } = *view;
    let editing = state.editing.and_then(|d| state.diary.entries().iter().find(|e| e.date == d));
    let original = editing.map(|e| e.date);
    let title = match original {
        Some(date) => kb.ui_with(Ui::DiaryFormChange, &[("date", &date.text(kb))]),
        None => kb.ui(Ui::DiaryFormAdd).to_string(),
    };
    let error_id = "ft-entry-error";
    html! {
        <form class="ft-block ft-entry-form ft-no-print" key={state.form.to_string()} onsubmit={on_save(view, original)}
            aria-labelledby="ft-entry-title" data-ft-entry-form="" novalidate=true>
            <h3 id="ft-entry-title" tabindex="-1">{ title }</h3>
            { fields(view, editing) }
            if let Some(error) = &state.error {
                <p class="ft-error" id={error_id} role="alert" data-ft-entry-error="">{ error }</p>
            }
            <div class="ft-actions">
                <button type="submit" class="ft-primary" data-ft-save-entry="">
                    { kb.ui(if original.is_some() { Ui::DiaryFormSaveChanges } else { Ui::DiaryFormSave }) }
                </button>
                if original.is_some() {
                    <button type="button" class="ft-secondary" onclick={act.reform(|_: MouseEvent| DiaryAction::CancelEdit)}>
                        { kb.ui(Ui::DiaryFormCancel) }
                    </button>
                }
            </div>
        </form>
    }
}

/// Reads the submitted form whole and asks the diary to save it as a new
/// entry, or as the change to the entry of `original`.
fn on_save(view: &View, original: Option<Date>) -> Callback<SubmitEvent> {
    let (kb, today, unit) = (view.kb, view.state.today, view.config.units);
    view.act.reform(move |event: SubmitEvent| {
        let entry = match submitted(&event) {
            Some(data) => {
                let texts = ["date", "pain_morning", "pain_during", "pain_after", "distance", "shoe", "note"]
                    .map(|name| field(&data, name));
                let fields = EntryFields {
                    date: &texts[0],
                    pain_morning: &texts[1],
                    pain_during: &texts[2],
                    pain_after: &texts[3],
                    distance: &texts[4],
                    shoe: &texts[5],
                    note: &texts[6],
                };
                read_entry(&fields, unit, today, &read_number).map_err(|e| e.text(kb))
            }
            None => Err(kb.ui(Ui::DiaryNoticeFormUnreadable).into()),
        };
        DiaryAction::Save { original, entry }
    })
}

/// The form's inputs, filled from the entry being changed (`editing`), or
/// for a new entry.
fn fields(view: &View, editing: Option<&Entry>) -> Html {
    let View { kb, state, .. } = *view;
    let unit = view.config.units;
    let (today, symbol) = (state.today, unit.symbol());
    let pain = |p: Option<u8>| p.map(|p| p.to_string()).unwrap_or_default();
    // A new entry defaults to today, rest-day distance blank, and the shoes
    // of the latest entry (runners mostly run in the same pair).
    let last_shoe = state.diary.entries().last().and_then(|e| e.shoe.clone());
    let shoe = editing.map_or(last_shoe, |e| e.shoe.clone()).unwrap_or_default();
    let value = |text: String| AttrValue::from(text);
    let invalid = state.error.is_some().then_some("true");
    html! {
        <div class="ft-fields">
            <label>{ kb.ui(Ui::DiaryFormDay) }
                <input type="date" name="date" max={today.to_string()} required=true aria-invalid={invalid}
                    value={value(editing.map_or(today, |e| e.date).to_string())} />
            </label>
            <label>{ kb.ui(Ui::DiaryFormMorning) }
                <input type="number" name="pain_morning" min="0" max="10" step="1" inputmode="numeric"
                    required=true aria-invalid={invalid} value={value(pain(editing.map(|e| e.pain_morning)))} />
            </label>
            <label>{ kb.ui(Ui::DiaryFormDuring) }
                <input type="number" name="pain_during" min="0" max="10" step="1" inputmode="numeric"
                    value={value(pain(editing.and_then(|e| e.pain_during)))} />
            </label>
            <label>{ kb.ui(Ui::DiaryFormAfter) }
                <input type="number" name="pain_after" min="0" max="10" step="1" inputmode="numeric"
                    value={value(pain(editing.and_then(|e| e.pain_after)))} />
            </label>
            <label>{ kb.ui_with(Ui::DiaryFormDistance, &[("unit", symbol)]) }
                <input type="text" name="distance" inputmode="decimal" autocomplete="off"
                    value={value(editing.map(|e| trim_number(unit.from_km(e.distance_km))).unwrap_or_default())} />
            </label>
            <label>{ kb.ui(Ui::DiaryFormShoes) }
                <select name="shoe">
                    <option value="" selected={shoe.is_empty()}>{ kb.ui(Ui::DiaryFormNoShoes) }</option>
                    { for state.diary.shoes.iter().filter(|s| !s.retired || s.id == shoe).map(|s| html! {
                        <option value={s.id.clone()} selected={s.id == shoe}>{ &s.name }</option>
                    }) }
                </select>
            </label>
            <label class="ft-wide">{ kb.ui(Ui::DiaryFormNote) }
                <textarea name="note" rows="2" maxlength="500"
                    value={value(editing.map(|e| e.note.clone()).unwrap_or_default())} />
            </label>
        </div>
    }
}
