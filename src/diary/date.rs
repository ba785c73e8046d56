//! Calendar dates as day numbers, so the diary can count days and weeks
//! without a date library (and without a clock: today is always given).

use std::fmt;

/// A day, as the number of days since 1970-01-01. Ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i32);

impl Date {
    /// Reads `YYYY-MM-DD` (a real date between 1900 and 2200).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |s: &str| s.parse::<i32>().ok().filter(|_| s.bytes().all(|c| c.is_ascii_digit()));
        let (y, m, d) = (num(&text[..4])?, num(&text[5..7])?, num(&text[8..])?);
        let date = Date::from_civil(y, m, d)?;
        (date.civil() == (y, m, d)).then_some(date)
    }

    /// Days since 1970-01-01 from a year, month and day (Howard Hinnant's
    /// `days_from_civil`).
    fn from_civil(y: i32, m: i32, d: i32) -> Option<Date> {
        if !(1900..=2200).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// The date as the runner's language writes it (the ISO form stays for
    /// data: attributes, backups, the date input).
    pub fn text(self, kb: &crate::KnowledgeBase) -> String {
        let (y, m, d) = self.civil();
        kb.date(y, m, d)
    }

    /// The year, month and day (`civil_from_days`).
    pub fn civil(self) -> (i32, i32, i32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i32::from(m <= 2);
        (y, m, d)
    }

    /// Whole days from `earlier` to this date.
    pub fn days_since(self, earlier: Date) -> i32 {
        self.0 - earlier.0
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.civil();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}
