//! The entries as a table, newest first: the chart's data as text, and where
//! an entry is changed or deleted. It shows a page of rows at a time, so a
//! diary of years renders as fast as a fortnight's. Where the diary is
//! narrow (a phone) each row shows as a card, by CSS alone; the explicit
//! table roles keep what a screen reader announces the same either way.

use yew::prelude::*;

use super::state::{DiaryAction, DiaryState};
use crate::{
    KnowledgeBase,
    diary::{Date, Entry},
    knowledge::Ui,
    units::DistanceUnit,
};

/// The table of the latest `shown` entries; with `actions`, each row can be
/// changed or deleted (not on the clinician's page).
pub fn entries_table(
    kb: &KnowledgeBase,
    state: &DiaryState,
    shown: usize,
    unit: DistanceUnit,
    act: Option<&Callback<DiaryAction>>,
) -> Html {
    let all = state.diary.entries();
    let rows = all.iter().rev().take(shown);
    let shoe_name = |e: &Entry| {
        e.shoe
            .as_ref()
            .and_then(|id| state.diary.shoes.iter().find(|s| s.id == *id))
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let pain = |p: Option<u8>| p.map_or_else(|| "–".to_string(), |p| p.to_string());
    // The column names, also each cell's label when a narrow screen shows
    // the rows as cards (diary.css).
    let [morning, during, after, shoes, note] = [
        Ui::DiaryEntriesMorning,
        Ui::DiaryEntriesDuring,
        Ui::DiaryEntriesAfter,
        Ui::DiaryEntriesShoes,
        Ui::DiaryEntriesNote,
    ]
    .map(|id| AttrValue::from(kb.ui(id).to_string()));
    let distance = AttrValue::from(kb.ui_with(Ui::DiaryEntriesDistance, &[("unit", unit.symbol())]));
    let change = kb.ui(Ui::DiaryEntriesChange);
    html! {
        <div class="ft-table-scroll" role="region" aria-labelledby="ft-entries-caption" tabindex="0">
            <table class="ft-entries" role="table" data-ft-entries="">
                <caption id="ft-entries-caption">{ caption(kb, all.len(), shown) }</caption>
                <thead>
                    <tr role="row">
                        <th scope="col" role="columnheader">{ kb.ui(Ui::DiaryEntriesDay) }</th>
                        <th scope="col" role="columnheader">{ morning.clone() }</th>
                        <th scope="col" role="columnheader">{ during.clone() }</th>
                        <th scope="col" role="columnheader">{ after.clone() }</th>
                        <th scope="col" role="columnheader">{ distance.clone() }</th>
                        <th scope="col" role="columnheader">{ shoes.clone() }</th>
                        <th scope="col" role="columnheader">{ note.clone() }</th>
                        if act.is_some() { <th scope="col" role="columnheader" class="ft-no-print">{ change }</th> }
                    </tr>
                </thead>
                <tbody>
                    { for rows.map(|e| {
                        let date = e.date;
                        html! {
                            <tr key={date.0} role="row" data-ft-entry={date.to_string()}>
                                <th scope="row" role="rowheader">{ date.text(kb) }</th>
                                <td role="cell" data-label={morning.clone()}>{ e.pain_morning }</td>
                                <td role="cell" data-label={during.clone()}>{ pain(e.pain_during) }</td>
                                <td role="cell" data-label={after.clone()}>{ pain(e.pain_after) }</td>
                                <td role="cell" data-label={distance.clone()}>{ kb.number(unit.from_km(e.distance_km)) }</td>
                                <td role="cell" data-label={shoes.clone()}>{ shoe_name(e) }</td>
                                <td role="cell" class="ft-note" data-label={note.clone()}>{ &e.note }</td>
                                if let Some(act) = act { { row_actions(kb, date, act) } }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// "n entries", or "the latest `shown` of n" while some are not shown.
fn caption(kb: &KnowledgeBase, total: usize, shown: usize) -> String {
    let count = total.to_string();
    if total > shown {
        kb.ui_with(Ui::DiaryEntriesCaptionLatest, &[("shown", &shown.to_string()), ("count", &count)])
    } else {
        kb.ui_with(Ui::DiaryEntriesCaption, &[("count", &count)])
    }
}

/// The cell with a row's "Change" and "Delete", each labelled with its day
/// for a screen reader.
fn row_actions(kb: &KnowledgeBase, date: Date, act: &Callback<DiaryAction>) -> Html {
    html! {
        <td role="cell" class="ft-no-print ft-row-actions">
            <button type="button" class="ft-link" data-ft-edit={date.to_string()}
                aria-label={kb.ui_with(Ui::DiaryEntriesChangeLabel, &[("date", &date.text(kb))])}
                onclick={act.reform(move |_: MouseEvent| DiaryAction::Edit(date))}>{ kb.ui(Ui::DiaryEntriesChange) }</button>
            <button type="button" class="ft-link" data-ft-delete={date.to_string()}
                aria-label={kb.ui_with(Ui::DiaryEntriesDeleteLabel, &[("date", &date.text(kb))])}
                onclick={act.reform(move |_: MouseEvent| DiaryAction::Delete(date))}>
                { kb.ui(Ui::DiaryEntriesDelete) }
            </button>
        </td>
    }
}
