//! The diary's state and its one reducer. Components dispatch actions; the
//! reducer changes the diary through `crate::diary` (which enforces one
//! entry a day and every range). It never touches storage: `DiaryApp` reads
//! the saved diary once when it opens (`DiaryState::start`), keeps storage in
//! step from one effect keyed on `saves` and the consent, and erases from the
//! button's callback, as the triage does.

use std::rc::Rc;

use yew::Reducible;

use crate::{
    KnowledgeBase,
    diary::{Date, Diary, Entry, Shoe, from_backup, from_record, to_record},
    json::Json,
    knowledge::Ui,
    ui::storage::Loaded,
};

/// The entries table starts with this many rows (newest first), and "Show
/// more" adds as many again, so years of daily entries render quickly.
pub const PAGE: usize = 14;

/// How much of the diary the chart shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Range {
    #[default]
    FourWeeks,
    ThreeMonths,
    All,
}

impl Range {
    /// The number of days shown, ending today; `None` for everything.
    pub fn days(self) -> Option<i32> {
        match self {
            Range::FourWeeks => Some(28),
            Range::ThreeMonths => Some(91),
            Range::All => None,
        }
    }
}

/// The diary itself, or the page prepared for a clinician.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Page {
    #[default]
    Log,
    Clinician,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DiaryState {
    /// Shared, so a render's closures and the reducer's copy of the state
    /// do not copy years of entries; a change copies it once (`make_mut`).
    pub diary: Rc<Diary>,
    pub today: Date,
    pub remember: bool,
    /// Where the diary is saved, when the site allows storage at all.
    pub storage_key: Option<String>,
    /// A calm message about the last change (saved, deleted, imported…).
    pub notice: Option<String>,
    /// Why the entry form could not be saved.
    pub error: Option<String>,
    /// Why the shoe form could not be saved.
    pub shoe_error: Option<String>,
    /// Why the last import was refused.
    pub import_error: Option<String>,
    /// The day whose entry is being changed.
    pub editing: Option<Date>,
    /// A new number gives a fresh entry form (after a save, an edit or a cancel).
    pub form: u32,
    /// A new number gives a fresh shoe form (after a pair is saved).
    pub shoe_form: u32,
    /// Where focus goes after this change (a selector inside the diary), so
    /// keyboard and screen-reader users keep their place when the control
    /// they used goes away (a deleted row, a saved form). `focus_seq` counts
    /// the requests, so asking for the same place twice still moves focus.
    pub focus: Option<String>,
    pub focus_seq: u32,
    /// The last entry deleted, for "Undo".
    pub deleted: Option<Entry>,
    /// How many table rows are shown.
    pub shown: usize,
    pub range: Range,
    pub page: Page,
    /// Counts the changes to what is saved (the diary, the consent), so the
    /// app's effect saves after each without comparing years of entries.
    pub saves: u32,
    /// This visit shows the reminder to export a backup (`Diary::backup_due`
    /// held when the diary opened; it is then marked as given).
    pub remind_backup: bool,
}

pub enum DiaryAction {
    /// The entry form was read: a new entry (`original` is `None`) or a
    /// change to the entry of `original`, or why it could not be read.
    Save {
        original: Option<Date>,
        entry: Result<Entry, String>,
    },
    Edit(Date),
    CancelEdit,
    Delete(Date),
    Undo,
    SaveShoe(Result<Shoe, String>),
    Retire(String, bool),
    /// A backup file was read (or could not be).
    Import(Result<Json, String>),
    Remember(bool),
    /// The browser answered the request to keep the storage (`None`: it has
    /// no such request).
    Persisted(Option<bool>),
    /// Everything stored was erased (by the button's callback).
    Erased(Ui),
    /// The browser refused to save: remembering goes off, with this notice.
    Refused(Ui),
    ShowMore,
    Range(Range),
    Page(Page),
    /// A message from outside the reducer (a download, a copy).
    Notice(String),
    /// A backup was downloaded today, under this file name.
    Exported(String),
}

impl DiaryState {
    /// The state the diary starts in: what `loaded` found saved last time
    /// (the app reads it), or empty. It starts remembering when it has a
    /// saved diary, or when the runner chose to be remembered in the triage.
    pub fn start(
        kb: &KnowledgeBase,
        storage_key: Option<String>,
        today: Date,
        remember: bool,
        loaded: Option<Loaded<Diary>>,
    ) -> DiaryState {
        let mut state = DiaryState {
            diary: Rc::new(Diary::new()),
            today,
            remember: remember && storage_key.is_some(),
            storage_key,
            notice: None,
            error: None,
            shoe_error: None,
            import_error: None,
            editing: None,
            form: 0,
            shoe_form: 0,
            focus: None,
            focus_seq: 0,
            deleted: None,
            shown: PAGE,
            range: Range::default(),
            page: Page::default(),
            saves: 0,
            remind_backup: false,
        };
        match loaded {
            Some(Loaded::Restored(mut diary)) => {
                // The reminder comes once: it is marked as given in the
                // record the app's effect saves after the first render.
                state.remind_backup = diary.backup_due(today);
                diary.reminded |= state.remind_backup;
                // A change to save, so the app's effect keeps the mark.
                state.saves = u32::from(state.remind_backup);
                state.diary = Rc::new(diary);
                state.remember = true;
            }
            Some(Loaded::SetAside { .. }) => {
                state.notice = Some(kb.ui(Ui::DiaryNoticeSetAside).into());
            }
            Some(Loaded::Nothing | Loaded::Unavailable) | None => {}
        }
        state
    }

    /// Reads a stored diary (the backup format); the error says why not, in
    /// the language of `kb`.
    pub fn decode(kb: &KnowledgeBase, record: &Json) -> Result<Diary, String> {
        from_record(record).map_err(|e| e.text(kb))
    }

    fn focus_on(&mut self, selector: impl Into<String>) {
        self.focus = Some(selector.into());
        self.focus_seq += 1;
    }

    /// What is saved while remembering is on: the diary as a backup.
    pub fn record(&self) -> Json {
        to_record(&self.diary)
    }
}

impl Reducible for DiaryState {
    /// An action, with the knowledge to word its notice in.
    type Action = (&'static KnowledgeBase, DiaryAction);

    fn reduce(self: Rc<Self>, (kb, action): Self::Action) -> Rc<Self> {
        let date_is = |id, date: Date| kb.ui_with(id, &[("date", &date.text(kb))]);
        let mut next = (*self).clone();
        next.error = None;
        next.shoe_error = None;
        next.import_error = None;
        match action {
            DiaryAction::Save { original, entry } => {
                let saved = entry.and_then(|entry| {
                    let date = entry.date;
                    match original {
                        Some(day) => Rc::make_mut(&mut next.diary).edit(day, entry),
                        None => Rc::make_mut(&mut next.diary).add(entry),
                    }
                    .map(|()| date)
                    .map_err(|e| e.text(kb))
                });
                match saved {
                    Ok(date) => {
                        next.notice = Some(date_is(Ui::DiaryNoticeSaved, date));
                        next.editing = None;
                        next.deleted = None;
                        next.form += 1;
                        next.focus_on("#ft-entry-title");
                    }
                    Err(why) => next.error = Some(why),
                }
            }
            DiaryAction::Edit(date) => {
                next.editing = Some(date);
                next.form += 1;
                next.notice = None;
                next.focus_on("#ft-entry-title");
            }
            DiaryAction::CancelEdit => {
                // Back to the row whose "Change" opened the form.
                if let Some(date) = next.editing.take() {
                    next.focus_on(format!("[data-ft-edit=\"{date}\"]"));
                }
                next.form += 1;
            }
            DiaryAction::Delete(date) => {
                if let Ok(entry) = Rc::make_mut(&mut next.diary).delete(date) {
                    next.notice = Some(date_is(Ui::DiaryNoticeDeleted, date));
                    next.deleted = Some(entry);
                    next.focus_on("[data-ft-undo]");
                    if next.editing == Some(date) {
                        next.editing = None;
                        next.form += 1;
                    }
                }
            }
            DiaryAction::Undo => {
                if let Some(entry) = next.deleted.take() {
                    let date = entry.date;
                    next.notice = Some(match Rc::make_mut(&mut next.diary).add(entry) {
                        Ok(()) => date_is(Ui::DiaryNoticeBack, date),
                        Err(e) => e.text(kb),
                    });
                    next.focus_on(format!("[data-ft-edit=\"{date}\"]"));
                }
            }
            DiaryAction::SaveShoe(shoe) => match shoe.and_then(|s| {
                let name = s.name.clone();
                Rc::make_mut(&mut next.diary).save_shoe(s).map(|()| name).map_err(|e| e.text(kb))
            }) {
                Ok(name) => {
                    next.notice = Some(kb.ui_with(Ui::DiaryNoticeShoeSaved, &[("name", &name)]));
                    next.shoe_form += 1;
                    next.focus_on("[data-ft-shoe-form] input[name=name]");
                }
                Err(why) => next.shoe_error = Some(why),
            },
            DiaryAction::Retire(id, retired) => {
                if Rc::make_mut(&mut next.diary).set_retired(&id, retired).is_ok() {
                    next.notice =
                        Some(kb.ui(if retired { Ui::DiaryNoticeRetired } else { Ui::DiaryNoticeUnretired }).into());
                    next.focus_on("#ft-shoes-title");
                }
            }
            DiaryAction::Import(file) => {
                match file.and_then(|json| from_backup(Rc::make_mut(&mut next.diary), &json).map_err(|e| e.text(kb))) {
                    Ok(0) => next.notice = Some(kb.ui(Ui::DiaryNoticeImportedNone).into()),
                    Ok(n) => {
                        let id = if n == 1 { Ui::DiaryNoticeImportedOne } else { Ui::DiaryNoticeImportedMany };
                        next.notice = Some(kb.ui_with(id, &[("count", &n.to_string())]));
                    }
                    Err(why) => {
                        next.import_error = Some(kb.ui_with(Ui::DiaryNoticeImportRefused, &[("reason", &why)]));
                        return Rc::new(next);
                    }
                }
            }
            DiaryAction::Persisted(granted) => {
                if next.remember {
                    next.notice = Some(super::DIARY.persisted(kb, granted));
                }
            }
            DiaryAction::Remember(on) => {
                next.remember = on;
                next.notice = Some(super::DIARY.turned(kb, on));
            }
            DiaryAction::Erased(message) => {
                next = DiaryState::start(kb, None, next.today, false, None);
                next.storage_key = self.storage_key.clone();
                next.notice = Some(kb.ui(message).into());
                next.saves = self.saves + 1;
                return Rc::new(next);
            }
            DiaryAction::Refused(message) => {
                next.remember = false;
                next.notice = Some(kb.ui(message).into());
            }
            // What is shown changes, not the diary: nothing to save.
            DiaryAction::ShowMore => {
                next.shown += PAGE;
                return Rc::new(next);
            }
            DiaryAction::Range(range) => {
                next.range = range;
                return Rc::new(next);
            }
            DiaryAction::Page(page) => {
                next.page = page;
                next.focus_on(match page {
                    Page::Clinician => "#ft-clinician-title",
                    // Back at the button that opened the clinician's page.
                    Page::Log => "[data-ft-clinician-page]",
                });
                return Rc::new(next);
            }
            DiaryAction::Notice(text) => {
                next.notice = Some(text);
                return Rc::new(next);
            }
            DiaryAction::Exported(name) => {
                let diary = Rc::make_mut(&mut next.diary);
                (diary.backed_up, diary.reminded) = (Some(self.today), false);
                next.remind_backup = false;
                next.notice = Some(kb.ui_with(Ui::DiaryNoticeBackupDownloaded, &[("name", &name)]));
            }
        }
        next.saves += 1;
        Rc::new(next)
    }
}
