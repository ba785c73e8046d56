//! Where the knowledge's words sit, and how another language's words replace
//! them.
//!
//! Every text a runner or a clinician reads (a question, an option, a reason,
//! an advice step, the safety net) has a catalogue id built from the ids of
//! the items around it: `question.swelling.option.none.label`,
//! `advice.calf_stretch.step.2`. [`visit`] walks them in one fixed order,
//! which is the whole contract between the knowledge and a language file:
//! the build writes each language's texts in this order (with the ids'
//! fingerprint), and the widget puts them back in the same order, so the
//! wasm carries neither the English words nor the ids.
//!
//! Ids, formula sources, review dates and source titles are not words a
//! runner reads, and are not visited. Like the model, this file imports
//! nothing but the model and the text types, so `build.rs` compiles it too.

use std::fmt;

use super::model::*;

/// A text's catalogue id, in parts, formatted only when asked for.
#[derive(Debug, Clone, Copy)]
pub struct Id<'a> {
    pub kind: &'static str,
    pub item: &'a str,
    /// A part inside the item: `("option", "none")`.
    pub part: Option<(&'static str, &'a str)>,
    pub field: &'static str,
    /// The position in a list of texts (`step.2`), counted from 1.
    pub n: Option<usize>,
}

impl fmt::Display for Id<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.kind, self.item)?;
        if let Some((kind, id)) = self.part {
            write!(f, ".{kind}.{id}")?;
        }
        f.write_str(".")?;
        f.write_str(self.field)?;
        if let Some(n) = self.n {
            write!(f, ".{n}")?;
        }
        Ok(())
    }
}

const fn id<'a>(kind: &'static str, item: &'a str, field: &'static str) -> Id<'a> {
    Id { kind, item, part: None, field, n: None }
}

/// Calls `f` with every translatable text of `k` and its id, always in the
/// same order. Optional texts that are absent are skipped, so the order
/// depends only on the knowledge's structure, which the build and the
/// widget share.
pub fn visit(k: &mut Knowledge, f: &mut dyn FnMut(Id<'_>, &mut Text)) {
    meta_texts(&mut k.meta, f);
    for l in k.levels.to_mut() {
        level_texts(l, f);
    }
    for q in k.questions.to_mut() {
        question_texts(q, f);
    }
    for g in k.groups.to_mut() {
        let Group { id: gid, title, help } = g;
        f(id("group", gid, "title"), title);
        if let Some(text) = help {
            f(id("group", gid, "help"), text);
        }
    }
    for r in k.rules.to_mut() {
        let Rule { id: rid, reason, action, .. } = r;
        f(id("rule", rid, "reason"), reason);
        if let Some(text) = action {
            f(id("rule", rid, "action"), text);
        }
    }
    for c in k.conditions.to_mut() {
        condition_texts(c, f);
    }
    for s in k.sections.to_mut() {
        f(id("section", &s.id, "title"), &mut s.title);
    }
    for a in k.advice.to_mut() {
        advice_texts(a, f);
    }
    for s in k.safety_net.to_mut() {
        f(id("safety_net", &s.id, "text"), &mut s.text);
    }
    for v in k.views.to_mut() {
        f(id("view", &v.id, "label"), &mut v.label);
    }
    for r in k.care_regions.to_mut() {
        care_region_texts(r, f);
    }
}

fn meta_texts(meta: &mut Meta, f: &mut dyn FnMut(Id<'_>, &mut Text)) {
    let Meta { notice, emergency, stop_running, incomplete, call_number, call_local, .. } = meta;
    f(id("meta", "text", "notice"), notice);
    f(id("meta", "text", "emergency"), emergency);
    f(id("meta", "text", "stop_running"), stop_running);
    f(id("meta", "text", "incomplete"), incomplete);
    f(id("meta", "text", "call_number"), call_number);
    f(id("meta", "text", "call_local"), call_local);
}

fn level_texts(l: &mut LevelInfo, f: &mut dyn FnMut(Id<'_>, &mut Text)) {
    let LevelInfo { id: level, title, action, timeframe, ambulance_action, .. } = l;
    let item = level.as_str();
    f(id("level", item, "title"), title);
    f(id("level", item, "action"), action);
    f(id("level", item, "timeframe"), timeframe);
    if let Some(text) = ambulance_action {
        f(id("level", item, "ambulance_action"), text);
    }
}

/// A question's own texts, then each option's label and help.
fn question_texts(q: &mut Question, f: &mut dyn FnMut(Id<'_>, &mut Text)) {
    let Question { id: qid, text, label, why, help, options, item, unit, unit_one, .. } = q;
    f(id("question", qid, "text"), text);
    f(id("question", qid, "label"), label);
    f(id("question", qid, "why"), why);
    if let Some(text) = help {
        f(id("question", qid, "help"), text);
    }
    if let Some(text) = item {
        f(id("question", qid, "item"), text);
    }
    if let Some(text) = unit {
        f(id("question", qid, "unit"), text);
    }
    if let Some(text) = unit_one {
        f(id("question", qid, "unit_one"), text);
    }
    for o in options.to_mut() {
        let QuestionOption { id: oid, label, help, .. } = o;
        let part = Some(("option", &**oid));
        f(Id { part, ..id("question", qid, "label") }, label);
        if let Some(text) = help {
            f(Id { part, ..id("question", qid, "help") }, text);
        }
    }
}

/// A condition's texts, its features' reasons (numbered from 1) and its
/// review's reason.
fn condition_texts(c: &mut Condition, f: &mut dyn FnMut(Id<'_>, &mut Text)) {
    let Condition { id: cid, name, description, seek_care, possible_care, features, review, .. } = c;
    f(id("condition", cid, "name"), name);
    f(id("condition", cid, "description"), description);
    f(id("condition", cid, "seek_care"), seek_care);
    if let Some(text) = possible_care {
        f(id("condition", cid, "possible_care"), text);
    }
    for (n, feature) in features.to_mut().iter_mut().enumerate() {
        f(Id { n: Some(n + 1), ..id("condition", cid, "reason") }, &mut feature.reason);
    }
    if let Some(review) = review {
        f(id("condition", cid, "review"), &mut review.reason);
    }
}

fn advice_texts(a: &mut Advice, f: &mut dyn FnMut(Id<'_>, &mut Text)) {
    let Advice { id: aid, title, summary, steps, caution, .. } = a;
    f(id("advice", aid, "title"), title);
    f(id("advice", aid, "summary"), summary);
    for (n, step) in steps.to_mut().iter_mut().enumerate() {
        f(Id { n: Some(n + 1), ..id("advice", aid, "step") }, step);
    }
    if let Some(text) = caution {
        f(id("advice", aid, "caution"), text);
    }
}

fn care_region_texts(r: &mut CareRegion, f: &mut dyn FnMut(Id<'_>, &mut Text)) {
    let CareRegion { id: rid, emergency, urgent, soon, clot, diabetic, out_of_hours, .. } = r;
    f(id("care_region", rid, "emergency"), emergency);
    f(id("care_region", rid, "urgent"), urgent);
    f(id("care_region", rid, "soon"), soon);
    f(id("care_region", rid, "clot"), clot);
    f(id("care_region", rid, "diabetic"), diabetic);
    f(id("care_region", rid, "out_of_hours"), out_of_hours);
}

/// Whether a text is needed only on the results (what the causes are and
/// the plan's advice), so the widget can fetch it while the runner answers.
/// Everything an interview or an emergency result shows (the questions, the
/// levels, the rules' reasons, the safety net, the causes' names) is not.
pub fn for_results(id: &Id<'_>) -> bool {
    match id.kind {
        // A condition's review reason can set the level, so it comes with
        // the interview, as the rules' reasons do.
        "condition" => !matches!(id.field, "name" | "review"),
        "advice" | "section" => true,
        _ => false,
    }
}

/// A language file's first record, naming its format (see `build.rs`,
/// which writes them, and `language.rs`, which reads them).
pub const FORMAT: &str = "foot-triage-texts-1";
/// What separates a language file's records: a split reads one, so the
/// widget carries no parser for it.
pub const SEPARATOR: char = '\u{1e}';

/// A fingerprint of a list of ids (FNV-1a, 64 bits): a language file built
/// for other ids, or in another order, is refused rather than misplaced.
pub fn fingerprint<'a>(ids: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for id in ids {
        for byte in id.bytes().chain([b'\n']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}
