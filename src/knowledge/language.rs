//! The knowledge in one language: the words of a language file
//! (`knowledge/lang/<code>/`, as `build.rs` writes it) put back into the
//! embedded knowledge, and the interface's texts by [`Ui`] id.
//!
//! Native builds embed every language file; the widget's wasm embeds none
//! (its knowledge has no words) and is handed the one it needs
//! ([`KnowledgeBase::install_language`]). Each language's knowledge base is
//! built once and then shared, immutable, like the embedded one: a language
//! never changes a decision, only the words.

use std::sync::Mutex;

use super::{
    KnowledgeBase, Text,
    catalogue::{self, FORMAT, SEPARATOR},
};

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// A language the build knows.
#[derive(Debug)]
pub struct Language {
    /// Its BCP 47 code (`es`).
    pub code: &'static str,
    /// Its name in itself (`Español`), for the language switch.
    pub name: &'static str,
    /// Its language file for the interview; empty in the widget, which
    /// fetches it.
    interview: &'static str,
    /// Its language file for the results (likewise).
    results: &'static str,
}

impl Language {
    /// The language with this code, if the build has it. A region is
    /// ignored, so `es-MX` finds `es`.
    pub fn find(code: &str) -> Option<&'static Language> {
        let base = code.split(['-', '_']).next().unwrap_or("");
        LANGUAGES.iter().find(|l| l.code.eq_ignore_ascii_case(base))
    }

    /// The interview's language file, as the build wrote it (empty in the
    /// widget).
    pub fn file(&self) -> &'static str {
        self.interview
    }

    /// The results' language file (likewise).
    pub fn results_file(&self) -> &'static str {
        self.results
    }
}

crate::kinded::kinded_error!(
    /// A language file that cannot be used; the message says why.
    LanguageError,
    LanguageErrorKind {
        /// Occurs when a language file is not in the form `build.rs` writes.
        Unreadable,
        /// Occurs when a language file was built for other knowledge (its
        /// ids' fingerprint or its number of texts differs).
        Mismatch,
        /// Occurs when a language is asked for that the build does not have.
        Unknown,
        /// Occurs when the widget asks for a language whose files `embed.js`
        /// has not handed it.
        NotLoaded,
    }
);

/// The knowledge without words, decoded and indexed once: each language's
/// knowledge starts as a copy of it. In the wasm it is the installed
/// knowledge; natively that one has the English words, so it is its own.
fn wordless() -> &'static KnowledgeBase {
    #[cfg(target_arch = "wasm32")]
    return KnowledgeBase::embedded();
    #[cfg(not(target_arch = "wasm32"))]
    {
        static WORDLESS: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
        WORDLESS.get_or_init(|| KnowledgeBase::new(super::embedded::knowledge()))
    }
}

/// The knowledge bases built so far, one per language. Leaked once each, so
/// they can be shared as `&'static` like the embedded one.
static BUILT: Mutex<Vec<&'static KnowledgeBase>> = Mutex::new(Vec::new());

impl KnowledgeBase {
    /// The knowledge in the language `code`, as complete as it can be:
    /// natively (every language file embedded) with all its words; in the
    /// widget, with those of the files `embed.js` has installed.
    pub fn in_language(code: &str) -> Result<&'static KnowledgeBase, LanguageError> {
        let language = Language::find(code)
            .ok_or_else(|| LanguageError::new(LanguageErrorKind::Unknown, format!("no language `{code}`")))?;
        match Self::installed(language.code) {
            Some(kb) if kb.complete || language.results.is_empty() => Ok(kb),
            Some(_) => Self::install_language(language.results),
            None if language.interview.is_empty() => Err(LanguageError::new(
                LanguageErrorKind::NotLoaded,
                format!("the `{code}` texts have not been loaded"),
            )),
            None => Self::install_language(language.interview).and_then(|_| Self::install_language(language.results)),
        }
    }

    /// Puts the words of `file` (a language file's text) into the knowledge
    /// and shares the result: the interview's file gives a knowledge base
    /// whose results' texts are still empty (`has_results` is false); the
    /// results' file, given after it, completes one. Each is built once. The
    /// widget calls it with the files it fetched.
    pub fn install_language(file: &str) -> Result<&'static KnowledgeBase, LanguageError> {
        let mut records = file.split(SEPARATOR);
        let mut next = || records.next().unwrap_or("");
        let (format, lang, fingerprint, part, count) = (next(), next(), next(), next(), next());
        if format != FORMAT || !["interview", "results"].contains(&part) {
            return Err(LanguageError::new(LanguageErrorKind::Unreadable, "this is not a Foot Triage language file"));
        }
        let code = Language::find(lang).map(|l| l.code).ok_or_else(|| {
            LanguageError::new(LanguageErrorKind::Unknown, format!("no language `{lang}` in this build"))
        })?;
        let mismatch = |why: &str| LanguageError::new(LanguageErrorKind::Mismatch, why);
        let for_results = part == "results";
        let base = Self::installed(code);
        match base {
            Some(kb) if kb.complete || !for_results => return Ok(kb),
            None if for_results => return Err(mismatch("the results' language file came before the interview's")),
            _ => {}
        }
        if fingerprint != FINGERPRINT {
            return Err(mismatch("the language file belongs to another version of Foot Triage"));
        }
        let wanted: usize = count.parse().map_err(|_| mismatch("the language file is damaged"))?;
        // The file is kept for good (once per part and language) and its
        // texts borrowed from it: no copy of each of a thousand strings.
        let file: &'static str = Box::leak(file.to_owned().into_boxed_str());
        let mut records = file.split(SEPARATOR).skip(5);
        // Words change no id and no formula: the copy keeps the base's
        // indexes, where building them again cost the widget's start a
        // visit of every formula.
        let mut kb = base.unwrap_or_else(wordless).clone();
        let mut seen = 0;
        catalogue::visit(&mut kb.data, &mut |id, text| {
            if catalogue::for_results(&id) == for_results {
                if seen < wanted {
                    *text = Text::Borrowed(records.next().unwrap_or(""));
                }
                seen += 1;
            }
        });
        let interface: Vec<&'static str> = match base {
            Some(kb) => kb.interface.clone(),
            None => records.collect(),
        };
        if seen != wanted || interface.len() != UI_COUNT {
            return Err(mismatch("the language file belongs to another version of Foot Triage"));
        }
        kb.language = code;
        kb.interface = interface;
        kb.complete = for_results;
        let kb: &'static KnowledgeBase = Box::leak(Box::new(kb));
        BUILT.lock().unwrap_or_else(|e| e.into_inner()).push(kb);
        Ok(kb)
    }

    /// The knowledge in `code` if it has been built already: the complete
    /// one when there is one.
    pub fn installed(code: &str) -> Option<&'static KnowledgeBase> {
        BUILT.lock().unwrap_or_else(|e| e.into_inner()).iter().rev().copied().find(|kb| kb.language == code)
    }

    /// Whether the results' words are in (always, but in the widget before
    /// its second language file has arrived).
    pub fn has_results(&self) -> bool {
        self.complete
    }

    /// The language of this knowledge's words (`en`, `es`).
    pub fn language(&self) -> &'static str {
        self.language
    }

    /// An interface text. A knowledge base built without a language file
    /// (the widget's wordless embedded one) has none and gives "".
    pub fn ui(&self, id: Ui) -> &str {
        self.interface.get(id as usize).copied().unwrap_or("")
    }

    /// A number as this language writes it: at most one decimal, with its
    /// decimal mark (`2.5` in English, `2,5` in Spanish).
    pub fn number(&self, n: f64) -> String {
        let text = crate::units::trim_number(n);
        match self.ui(Ui::NumberDecimal) {
            "" | "." => text,
            mark => text.replace('.', mark),
        }
    }

    /// A calendar date as this language writes it (`1 Dec 2026`,
    /// `1 dic 2026`): the catalogue's `date.format` with its month names.
    pub fn date(&self, year: i32, month: i32, day: i32) -> String {
        const MONTHS: [Ui; 12] = [
            Ui::DateMonth1,
            Ui::DateMonth2,
            Ui::DateMonth3,
            Ui::DateMonth4,
            Ui::DateMonth5,
            Ui::DateMonth6,
            Ui::DateMonth7,
            Ui::DateMonth8,
            Ui::DateMonth9,
            Ui::DateMonth10,
            Ui::DateMonth11,
            Ui::DateMonth12,
        ];
        let name = usize::try_from(month - 1).ok().and_then(|m| MONTHS.get(m)).map_or("", |&m| self.ui(m));
        let (day, year) = (day.to_string(), year.to_string());
        self.ui_with(Ui::DateFormat, &[("day", &day), ("month", name), ("year", &year)])
    }

    /// Items as a list of alternatives: "a, b or c" ("a, b o c"), the last
    /// pair joined by the catalogue's `list.or`.
    pub fn list_or(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{}{}{last}", rest.join(", "), self.ui(Ui::ListOr)),
        }
    }

    /// An interface text with its `{name}` placeholders filled in.
    pub fn ui_with(&self, id: Ui, values: &[(&str, &str)]) -> String {
        fill(self.ui(id), values)
    }
}

/// Replaces each `{name}` in `template` with its value; an unknown
/// placeholder is left as it is, so a mistake shows rather than vanishes.
pub(super) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| values.iter().find(|(k, _)| *k == &after[..close]).map(|v| (close, v))) {
            Some((close, (_, value))) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
