//! The embed options of `<foot-triage>` (its attributes, or the standalone
//! page's URL parameters), read and checked. A bad value never breaks the
//! widget: it falls back to the default and yields a warning for the
//! console. Values are kept as plain text; the widget only ever renders them
//! as text. Nothing here is clinical.

use crate::{
    KnowledgeBase,
    knowledge::{LANGUAGES, Language},
    units::DistanceUnit,
};

/// Every option, as an attribute name.
pub const ATTRIBUTES: [&str; 11] = [
    "units",
    "lang",
    "region",
    "theme",
    "clinic-name",
    "clinic-url",
    "clinic-phone",
    "booking-url",
    "emergency-number",
    "remember",
    "id",
];

/// The longest clinic name, in characters.
pub const MAX_NAME: usize = 80;
/// How many digits an emergency number has, at least and at most.
pub const EMERGENCY_DIGITS: (usize, usize) = (2, 6);
/// The values `remember` takes.
pub const REMEMBER: [&str; 2] = ["on", "off"];
const MAX_URL: usize = 300;
const MAX_PHONE: usize = 30;
const MAX_ID: usize = 40;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the device (prefers-color-scheme).
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// Every theme, by the value of the `theme` attribute that asks for it.
    pub const ALL: [(&'static str, Theme); 3] = [("auto", Theme::Auto), ("light", Theme::Light), ("dark", Theme::Dark)];

    /// The stylesheet's class for a fixed theme; `None` follows the device.
    pub fn class(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("ft-theme-light"),
            Theme::Dark => Some("ft-theme-dark"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetConfig {
    pub units: DistanceUnit,
    /// The language's code (`en`, `es`): one the build has.
    pub lang: &'static str,
    /// The runner's country (ISO 3166, upper case), when the knowledge has
    /// its services; None names no country's (`knowledge/care_regions.toml`).
    /// `embed.js` gives the element's `region`, else its locale's country.
    pub region: Option<String>,
    pub theme: Theme,
    pub clinic_name: Option<String>,
    /// An https URL, checked.
    pub clinic_url: Option<String>,
    /// As written, for display; `tel_link` gives the dialable form.
    pub clinic_phone: Option<String>,
    /// Where to book with the clinic, an https URL, checked: offered on a
    /// `soon` result beside the generic advice, never at an emergency.
    pub booking_url: Option<String>,
    /// The clinic's own emergency number (digits only), said in place of
    /// the region's.
    pub emergency_number: Option<String>,
    /// False when the site forbids storage (`remember="off"`).
    pub storage_allowed: bool,
    /// Which saved progress this instance uses, so several widgets on one page
    /// keep separate records (the element's `id`).
    pub instance: Option<String>,
}

impl Default for WidgetConfig {
    fn default() -> Self {
        WidgetConfig {
            units: DistanceUnit::default(),
            lang: "en",
            region: None,
            theme: Theme::default(),
            clinic_name: None,
            clinic_url: None,
            clinic_phone: None,
            booking_url: None,
            emergency_number: None,
            storage_allowed: false,
            instance: None,
        }
    }
}

impl WidgetConfig {
    /// Reads every option through `get` (an attribute or URL parameter
    /// lookup). Returns the configuration and one warning per value ignored.
    pub fn read(get: impl Fn(&str) -> Option<String>) -> (WidgetConfig, Vec<String>) {
        let mut warnings = Vec::new();
        let mut warn = |name: &str, value: &str, why: &str| {
            let shown: String = value.chars().take(40).collect();
            let more = if value.chars().count() > 40 { "…" } else { "" };
            warnings.push(format!("foot-triage: {name}=\"{shown}{more}\" ignored: {why}"));
        };
        let value = |name: &str| get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let mut config = WidgetConfig { storage_allowed: true, ..WidgetConfig::default() };

        read_look(&mut config, &value, &mut warn);
        read_clinic(&mut config, &value, &mut warn);
        read_storage(&mut config, &value, &mut warn);
        (config, warnings)
    }

    /// The emergency number to show: the clinic's own, else the region's;
    /// None when neither is known.
    pub fn number_to_call(&self) -> Option<String> {
        let region =
            || KnowledgeBase::embedded().care_region(self.region.as_deref()?)?.number.as_deref().map(str::to_string);
        self.emergency_number.clone().or_else(region)
    }

    /// The phone number as a `tel:` link: its digits, with a leading +. The
    /// "(0)" of international numbers written the UK way is not dialled.
    pub fn tel_link(&self) -> Option<String> {
        let phone = self.clinic_phone.as_ref()?;
        let (plus, phone) = match phone.strip_prefix('+') {
            Some(rest) => ("+", rest.replace("(0)", "")),
            None => ("", phone.clone()),
        };
        Some(format!("tel:{plus}{}", phone.chars().filter(char::is_ascii_digit).collect::<String>()))
    }
}

/// The options for how the widget looks and speaks: units, language,
/// region and theme.
fn read_look(
    config: &mut WidgetConfig,
    value: &impl Fn(&str) -> Option<String>,
    warn: &mut impl FnMut(&str, &str, &str),
) {
    if let Some(v) = value("units") {
        match DistanceUnit::parse(&v) {
            Some(unit) => config.units = unit,
            None => warn("units", &v, "use \"km\" or \"mi\""),
        }
    }
    if let Some(v) = value("lang") {
        match Language::find(&v) {
            Some(language) => config.lang = language.code,
            None => {
                let known: Vec<&str> = LANGUAGES.iter().map(|l| l.code).collect();
                warn("lang", &v, &format!("use one of: {}", known.join(", ")))
            }
        }
    }
    if let Some(v) = value("region") {
        let kb = KnowledgeBase::embedded();
        if kb.knows_region(&v) {
            config.region = Some(v.to_ascii_uppercase());
        } else {
            let known: Vec<&str> = kb.countries().map(|r| &*r.id).collect();
            let why = format!("no services for it, so none are named; use one of: {}", known.join(", "));
            warn("region", &v, &why);
        }
    }
    if let Some(v) = value("theme") {
        match Theme::ALL.iter().find(|(name, _)| v.eq_ignore_ascii_case(name)) {
            Some(&(_, theme)) => config.theme = theme,
            None => warn("theme", &v, "use \"auto\", \"light\" or \"dark\""),
        }
    }
}

/// The clinic's details: its name, site, phone, booking link and own
/// emergency number.
fn read_clinic(
    config: &mut WidgetConfig,
    value: &impl Fn(&str) -> Option<String>,
    warn: &mut impl FnMut(&str, &str, &str),
) {
    // A text option: its value as `parse` reads it, else none, with a
    // warning that says `why` for a value it refuses.
    let mut text = |name: &str, parse: fn(&str) -> Option<String>, why: &str| {
        let v = value(name)?;
        let parsed = parse(&v);
        if parsed.is_none() {
            warn(name, &v, why);
        }
        parsed
    };
    config.clinic_name = text("clinic-name", |v| plain_text(v, MAX_NAME), "use plain text of at most 80 characters");
    config.clinic_url = text("clinic-url", https_url, "use a full https:// address");
    config.clinic_phone = text("clinic-phone", phone, "use digits, spaces, +, -, ( and ), at most 30 characters");
    config.booking_url = text("booking-url", https_url, "use a full https:// address");
    if let Some(v) = value("emergency-number") {
        if (EMERGENCY_DIGITS.0..=EMERGENCY_DIGITS.1).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()) {
            config.emergency_number = Some(v);
        } else {
            warn("emergency-number", &v, "use digits only, 2 to 6 of them, such as 112, 911 or 999");
        }
    }
}

/// Whether the site allows storage, and which record this instance keeps.
fn read_storage(
    config: &mut WidgetConfig,
    value: &impl Fn(&str) -> Option<String>,
    warn: &mut impl FnMut(&str, &str, &str),
) {
    if let Some(v) = value("remember") {
        match REMEMBER.iter().position(|name| v.eq_ignore_ascii_case(name)) {
            Some(1) => config.storage_allowed = false,
            Some(_) => {}
            None => warn("remember", &v, "use \"off\" to forbid storage on this site"),
        }
    }
    if let Some(v) = value("id") {
        if v.len() <= MAX_ID && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            config.instance = Some(v);
        } else {
            warn("id", &v, "saved progress needs an id of letters, digits, - and _ (at most 40)");
        }
    }
}

fn plain_text(v: &str, max: usize) -> Option<String> {
    (v.chars().count() <= max && !v.chars().any(char::is_control)).then(|| v.to_string())
}

/// An https URL with a host and nothing that could break out of an attribute
/// or smuggle a script: no spaces, quotes, angle brackets or backslashes.
fn https_url(v: &str) -> Option<String> {
    let rest = v.get(..8).filter(|scheme| scheme.eq_ignore_ascii_case("https://")).and_then(|_| v.get(8..))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && !host.contains('@')
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
    let clean = !v.chars().any(|c| c.is_whitespace() || c.is_control() || "\"'<>\\`".contains(c));
    (v.len() <= MAX_URL && host_ok && clean).then(|| format!("https://{rest}"))
}

fn phone(v: &str) -> Option<String> {
    let allowed = v.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let digits = v.chars().filter(char::is_ascii_digit).count();
    (allowed && v.len() <= MAX_PHONE && digits >= 3).then(|| v.to_string())
}
