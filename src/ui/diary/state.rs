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

/// Where the reducer asks focus to go after a change. It names the place,
/// not an element: the view knows which element that is (`ui::diary`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The entry form's heading (after a save, or to change an entry).
    EntryForm,
    /// The "Change" button in the row of this day.
    ChangeButton(Date),
    /// The "Undo" button after a deletion.
    Undo,
    /// The name field of a fresh shoe form.
    ShoeForm,
    /// The shoes section's heading.
    Shoes,
    /// The clinician's page's heading.
    ClinicianPage,
    /// The button that opens the clinician's page.
    ClinicianButton,
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
    /// Where focus goes after this change, so keyboard and screen-reader
    /// users keep their place when the control they used goes away (a
    /// deleted row, a saved form). `focus_seq` counts the requests, so asking
    /// for the same place twice still moves focus.
    pub focus: Option<Focus>,
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

    fn focus_on(&mut self, place: Focus) {
        self.focus = Some(place);
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
        let counts = changes_record(&action);
        let mut next = (*self).clone();
        next.error = None;
        next.shoe_error = None;
        next.import_error = None;
        match action {
            DiaryAction::Save { original, entry } => next.save_entry(kb, original, entry),
            DiaryAction::Edit(date) => {
                next.editing = Some(date);
                next.form += 1;
                next.notice = None;
                next.focus_on(Focus::EntryForm);
            }
            DiaryAction::CancelEdit => {
                // Back to the row whose "Change" opened the form.
                if let Some(date) = next.editing.take() {
                    next.focus_on(Focus::ChangeButton(date));
                }
                next.form += 1;
            }
            DiaryAction::Delete(date) => next.delete(kb, date),
            DiaryAction::Undo => next.undo(kb),
            DiaryAction::SaveShoe(shoe) => next.save_shoe(kb, shoe),
            DiaryAction::Retire(id, retired) => next.retire(kb, &id, retired),
            DiaryAction::Import(file) => next.import(kb, file),
            DiaryAction::Persisted(granted) => {
                if next.remember {
                    next.notice = Some(super::DIARY.persisted(granted).words(kb));
                }
            }
            DiaryAction::Remember(on) => {
                next.remember = on;
                next.notice = Some(super::DIARY.turned(on).words(kb));
            }
            DiaryAction::Erased(message) => next.erased(kb, message),
            DiaryAction::Refused(message) => {
                next.remember = false;
                next.notice = Some(kb.ui(message).into());
            }
            DiaryAction::ShowMore => next.shown += PAGE,
            DiaryAction::Range(range) => next.range = range,
            DiaryAction::Page(page) => next.open_page(page),
            DiaryAction::Notice(text) => next.notice = Some(text),
            DiaryAction::Exported(name) => next.exported(kb, &name),
        }
        // A refused import leaves the diary as it was, so there is nothing
        // new to save either.
        if counts && next.import_error.is_none() {
            next.saves += 1;
        }
        Rc::new(next)
    }
}

/// Whether `action` can change what is saved (the diary or the consent), so
/// the app's effect saves after it. Changing what is shown (more rows, the
/// chart's range, the page) or a notice from outside saves nothing.
fn changes_record(action: &DiaryAction) -> bool {
    !matches!(
        action,
        DiaryAction::ShowMore | DiaryAction::Range(_) | DiaryAction::Page(_) | DiaryAction::Notice(_)
    )
}

/// `id`'s notice about the entry of `date` ("Saved the entry for …").
fn date_is(kb: &KnowledgeBase, id: Ui, date: Date) -> String {
    kb.ui_with(id, &[("date", &date.text(kb))])
}

/// One method per action that needs more than a line or two; each changes
/// the state the reducer copied, and `reduce` then counts the save.
impl DiaryState {
    fn save_entry(&mut self, kb: &KnowledgeBase, original: Option<Date>, entry: Result<Entry, String>) {
        let saved = entry.and_then(|entry| {
            let date = entry.date;
            match original {
                Some(day) => Rc::make_mut(&mut self.diary).edit(day, entry),
                None => Rc::make_mut(&mut self.diary).add(entry),
            }
            .map(|()| date)
            .map_err(|e| e.text(kb))
        });
        match saved {
            Ok(date) => {
                self.notice = Some(date_is(kb, Ui::DiaryNoticeSaved, date));
                self.editing = None;
                self.deleted = None;
                self.form += 1;
                self.focus_on(Focus::EntryForm);
            }
            Err(why) => self.error = Some(why),
        }
    }

    fn delete(&mut self, kb: &KnowledgeBase, date: Date) {
        if let Ok(entry) = Rc::make_mut(&mut self.diary).delete(date) {
            self.notice = Some(date_is(kb, Ui::DiaryNoticeDeleted, date));
            self.deleted = Some(entry);
            self.focus_on(Focus::Undo);
            if self.editing == Some(date) {
                self.editing = None;
                self.form += 1;
            }
        }
    }

    fn undo(&mut self, kb: &KnowledgeBase) {
        if let Some(entry) = self.deleted.take() {
            let date = entry.date;
            self.notice = Some(match Rc::make_mut(&mut self.diary).add(entry) {
                Ok(()) => date_is(kb, Ui::DiaryNoticeBack, date),
                Err(e) => e.text(kb),
            });
            self.focus_on(Focus::ChangeButton(date));
        }
    }

    fn save_shoe(&mut self, kb: &KnowledgeBase, shoe: Result<Shoe, String>) {
        let saved = shoe.and_then(|s| {
            let name = s.name.clone();
            Rc::make_mut(&mut self.diary).save_shoe(s).map(|()| name).map_err(|e| e.text(kb))
        });
        match saved {
            Ok(name) => {
                self.notice = Some(kb.ui_with(Ui::DiaryNoticeShoeSaved, &[("name", &name)]));
                self.shoe_form += 1;
                self.focus_on(Focus::ShoeForm);
            }
            Err(why) => self.shoe_error = Some(why),
        }
    }

    fn retire(&mut self, kb: &KnowledgeBase, id: &str, retired: bool) {
        if Rc::make_mut(&mut self.diary).set_retired(id, retired).is_ok() {
            self.notice = Some(kb.ui(if retired { Ui::DiaryNoticeRetired } else { Ui::DiaryNoticeUnretired }).into());
            self.focus_on(Focus::Shoes);
        }
    }

    fn import(&mut self, kb: &KnowledgeBase, file: Result<Json, String>) {
        match file.and_then(|json| from_backup(Rc::make_mut(&mut self.diary), &json).map_err(|e| e.text(kb))) {
            Ok(0) => self.notice = Some(kb.ui(Ui::DiaryNoticeImportedNone).into()),
            Ok(n) => {
                let id = if n == 1 { Ui::DiaryNoticeImportedOne } else { Ui::DiaryNoticeImportedMany };
                self.notice = Some(kb.ui_with(id, &[("count", &n.to_string())]));
            }
            Err(why) => self.import_error = Some(kb.ui_with(Ui::DiaryNoticeImportRefused, &[("reason", &why)])),
        }
    }

    /// Everything stored is gone: the diary starts empty and forgetting,
    /// still able to save (the key) and counting saves on from where it was.
    fn erased(&mut self, kb: &KnowledgeBase, message: Ui) {
        *self = DiaryState {
            storage_key: self.storage_key.take(),
            notice: Some(kb.ui(message).into()),
            saves: self.saves,
            ..DiaryState::start(kb, None, self.today, false, None)
        };
    }

    fn open_page(&mut self, page: Page) {
        self.page = page;
        self.focus_on(match page {
            Page::Clinician => Focus::ClinicianPage,
            // Back at the button that opened the clinician's page.
            Page::Log => Focus::ClinicianButton,
        });
    }

    fn exported(&mut self, kb: &KnowledgeBase, name: &str) {
        let diary = Rc::make_mut(&mut self.diary);
        (diary.backed_up, diary.reminded) = (Some(self.today), false);
        self.remind_backup = false;
        self.notice = Some(kb.ui_with(Ui::DiaryNoticeBackupDownloaded, &[("name", name)]));
    }
}
