//! The entries as a table, newest first: the chart's data as text, and where
//! an entry is changed or deleted. It shows a page of rows at a time, so a
//! diary of years renders as fast as a fortnight's. Where the diary is
//! narrow (a phone) each row shows as a card, by CSS alone; the explicit
//! table roles keep what a screen reader announces the same either way.

use yew::prelude::*;

use super::state::{DiaryAction, DiaryState};
use crate::{diary::Entry, units::DistanceUnit, units::trim_number};

// The column names, also each cell's label when a narrow screen shows the
// rows as cards (diary.css).
const MORNING: &str = "Morning";
const DURING: &str = "During";
const AFTER: &str = "After";
const SHOES: &str = "Shoes";
const NOTE: &str = "Note";

/// The table of the latest `shown` entries; with `actions`, each row can be
/// changed or deleted (not on the clinician's page).
pub fn entries_table(
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
    let distance = format!("Distance ({})", unit.symbol());
    let caption = if all.len() > shown {
        format!("Your entries, newest first: the latest {shown} of {}", all.len())
    } else {
        format!("Your entries, newest first ({})", all.len())
    };
    html! {
        <div class="ft-table-scroll" role="region" aria-labelledby="ft-entries-caption" tabindex="0">
            <table class="ft-entries" role="table" data-ft-entries="">
                <caption id="ft-entries-caption">{ caption }</caption>
                <thead>
                    <tr role="row">
                        <th scope="col" role="columnheader">{ "Day" }</th>
                        <th scope="col" role="columnheader">{ MORNING }</th>
                        <th scope="col" role="columnheader">{ DURING }</th>
                        <th scope="col" role="columnheader">{ AFTER }</th>
                        <th scope="col" role="columnheader">{ distance.clone() }</th>
                        <th scope="col" role="columnheader">{ SHOES }</th>
                        <th scope="col" role="columnheader">{ NOTE }</th>
                        if act.is_some() { <th scope="col" role="columnheader" class="ft-no-print">{ "Change" }</th> }
                    </tr>
                </thead>
                <tbody>
                    { for rows.map(|e| {
                        let date = e.date;
                        html! {
                            <tr key={date.0} role="row" data-ft-entry={date.to_string()}>
                                <th scope="row" role="rowheader">{ date.to_string() }</th>
                                <td role="cell" data-label={MORNING}>{ e.pain_morning }</td>
                                <td role="cell" data-label={DURING}>{ pain(e.pain_during) }</td>
                                <td role="cell" data-label={AFTER}>{ pain(e.pain_after) }</td>
                                <td role="cell" data-label={distance.clone()}>{ trim_number(unit.from_km(e.distance_km)) }</td>
                                <td role="cell" data-label={SHOES}>{ shoe_name(e) }</td>
                                <td role="cell" class="ft-note" data-label={NOTE}>{ &e.note }</td>
                                if let Some(act) = act {
                                    <td role="cell" class="ft-no-print ft-row-actions">
                                        <button type="button" class="ft-link" data-ft-edit={date.to_string()}
                                            aria-label={format!("Change the entry for {date}")}
                                            onclick={act.reform(move |_: MouseEvent| DiaryAction::Edit(date))}>{ "Change" }</button>
                                        <button type="button" class="ft-link" data-ft-delete={date.to_string()}
                                            aria-label={format!("Delete the entry for {date}")}
                                            onclick={act.reform(move |_: MouseEvent| DiaryAction::Delete(date))}>{ "Delete" }</button>
                                    </td>
                                }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
