//! The clinician's review of a translation, as a sheet a bilingual clinician
//! can work through in a spreadsheet, and back (`foot-triage review`).
//!
//! The sheet is tab-separated text, one row per entry not yet reviewed, the
//! most safety-critical first: the id, what the text affects (the level it
//! sets or is shown at, the red-flag questions, the interface), the English,
//! the current translation, and four columns for the reviewer: `decision`
//! (`ok`, or `change` with the new text in `corrected`), `reviewer` and
//! `date` (YYYY-MM-DD). Read back, each decided row marks its entry
//! `reviewed` with the reviewer and date; a row whose English has changed
//! since the sheet was written, or that is incomplete, refuses the whole
//! sheet with one line per problem, so nothing is half applied.

use std::collections::BTreeMap;

use super::{
    lang_file::{LangFile, placeholders},
    languages::is_date,
};
use crate::knowledge::{KnowledgeBase, Level, Phase};

/// The sheet's columns, in order.
pub const COLUMNS: [&str; 8] = ["id", "affects", "en", "current", "decision", "corrected", "reviewer", "date"];

/// What an entry's text affects, and its rank (lower first in the sheet).
pub fn affects(kb: &KnowledgeBase, domain: &str, id: &str) -> (u8, String) {
    let mut parts = id.split('.');
    let (kind, item) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let level = |l: Level| (4 - l as u8, format!("level: {}", l.as_str()));
    if domain != "clinical" {
        return (if domain == "interface" { 8 } else { 9 }, domain.to_string());
    }
    let d = &kb.data;
    match kind {
        "meta" => (0, "every result".into()),
        "level" => d.levels.iter().find(|l| l.id.as_str() == item).map_or((7, "level".into()), |l| level(l.id)),
        "rule" => d
            .rules
            .iter()
            .find(|r| &*r.id == item)
            .map_or((7, "rule".into()), |r| (level(r.level).0, format!("rule at {}", r.level.as_str()))),
        "safety_net" => d
            .safety_net
            .iter()
            .find(|s| &*s.id == item)
            .and_then(|s| s.levels.iter().max().copied())
            .map_or((7, "safety net".into()), |l| (level(l).0, format!("safety net at {}", l.as_str()))),
        "condition" => kb.condition(item).map_or((7, "condition".into()), |c| {
            (level(c.floor).0 + 1, format!("condition, floor {}", c.floor.as_str()))
        }),
        "question" => match kb.question(item) {
            Some(q) if q.phase == Phase::RedFlag => (1, "red-flag question".into()),
            _ => (6, "question".into()),
        },
        "advice" => (6, "plan".into()),
        _ => (7, kind.to_string()),
    }
}

/// One row of a sheet as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub id: String,
    pub en: String,
    /// `None`: accepted as it is; `Some`: replaced by this text.
    pub corrected: Option<String>,
    pub reviewer: String,
    pub date: String,
}

/// The sheet for `code`: every entry of every domain not yet reviewed, the
/// most critical first. `domains` are the English by domain and the
/// language's files by domain.
pub fn sheet(kb: &KnowledgeBase, domains: &[(String, BTreeMap<String, String>, LangFile)]) -> String {
    let mut rows: Vec<(u8, String, Vec<String>)> = Vec::new();
    for (domain, english, file) in domains {
        for (id, en) in english {
            let entry = file.entries.get(id);
            if entry.is_some_and(|e| e.status == "reviewed" && e.en == *en) {
                continue;
            }
            let (rank, what) = affects(kb, domain, id);
            let current = entry.and_then(|e| e.text.clone()).unwrap_or_default();
            rows.push((rank, id.clone(), vec![id.clone(), what, clean(en), clean(&current)]));
        }
    }
    rows.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let mut out = COLUMNS.join("\t");
    out.push('\n');
    for (_, _, cells) in rows {
        out.push_str(&cells.join("\t"));
        out.push_str("\t\t\t\t\n");
    }
    out
}

/// Tabs and line breaks would break a row; no catalogue text has them, but
/// the sheet must never be ambiguous.
fn clean(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// Reads a sheet back: the decided rows, or every problem, one line each
/// (row number, id and what to fix).
pub fn read(text: &str) -> Result<Vec<Decision>, Vec<String>> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    if header != COLUMNS {
        return Err(vec![format!("line 1: the header must be the columns {}", COLUMNS.join(", "))]);
    }
    let (mut decisions, mut problems) = (Vec::new(), Vec::new());
    for (n, line) in lines.enumerate() {
        let row = n + 2;
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() != COLUMNS.len() {
            problems.push(format!("line {row}: {} columns where the sheet has {}", cells.len(), COLUMNS.len()));
            continue;
        }
        let [id, _, en, _, decision, corrected, reviewer, date] = [0, 1, 2, 3, 4, 5, 6, 7].map(|i| cells[i].trim());
        let corrected = match decision {
            "" => continue,
            "ok" => None,
            "change" if !corrected.is_empty() => Some(corrected.to_string()),
            "change" => {
                problems.push(format!("line {row} ({id}): `change` needs the new text in `corrected`"));
                continue;
            }
            other => {
                problems.push(format!("line {row} ({id}): decision {other:?} is neither `ok` nor `change`"));
                continue;
            }
        };
        if reviewer.is_empty() || !is_date(date) {
            problems.push(format!("line {row} ({id}): a decision needs a `reviewer` and a `date` (YYYY-MM-DD)"));
            continue;
        }
        decisions.push(Decision {
            id: id.to_string(),
            en: en.to_string(),
            corrected,
            reviewer: reviewer.to_string(),
            date: date.to_string(),
        });
    }
    if problems.is_empty() { Ok(decisions) } else { Err(problems) }
}

/// Applies `decisions` to a language's files (by domain), checking each one
/// against the English now: an unknown id, an English that has changed
/// since the sheet was written, or a correction that drops or adds a
/// placeholder refuses the whole sheet. Returns how many entries were
/// marked reviewed, and how many of them were changed.
pub fn apply(
    english: &[(String, BTreeMap<String, String>)],
    files: &mut BTreeMap<String, LangFile>,
    decisions: &[Decision],
) -> Result<(usize, usize), Vec<String>> {
    let mut problems = Vec::new();
    let mut changes: Vec<(&str, &Decision)> = Vec::new();
    for d in decisions {
        let Some((domain, en)) = english.iter().find_map(|(domain, texts)| texts.get(&d.id).map(|en| (domain, en)))
        else {
            problems.push(format!("{}: no such entry", d.id));
            continue;
        };
        if clean(en) != d.en {
            problems.push(format!("{}: the English has changed since the sheet was written; review it again", d.id));
            continue;
        }
        if let Some(text) = &d.corrected {
            if placeholders(text) != placeholders(en) {
                problems.push(format!("{}: the correction's placeholders differ from the English's", d.id));
                continue;
            }
        } else if files.get(domain.as_str()).and_then(|f| f.entries.get(&d.id)).and_then(|e| e.text.as_ref()).is_none()
        {
            problems.push(format!(
                "{}: `ok` for an entry with no translation; write it in `corrected` with `change`",
                d.id
            ));
            continue;
        }
        changes.push((domain, d));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut changed = 0;
    for (domain, d) in &changes {
        let en = english
            .iter()
            .find(|(name, _)| name == domain)
            .and_then(|(_, t)| t.get(&d.id))
            .cloned()
            .unwrap_or_default();
        let entry = files.entry(domain.to_string()).or_default().entries.entry(d.id.clone()).or_default();
        entry.en = en;
        if let Some(text) = &d.corrected {
            changed += usize::from(entry.text.as_deref() != Some(text));
            entry.text = Some(text.clone());
        }
        entry.status = "reviewed".into();
        entry.reviewer = d.reviewer.clone();
        entry.reviewed = d.date.clone();
    }
    Ok((changes.len(), changed))
}
