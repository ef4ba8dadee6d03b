//! Field rules shared by every document kind.

use crate::{ModelError, Result};

const MAX_TITLE: usize = 300;
const MAX_LABEL: usize = 40;
const MAX_LABELS: usize = 20;

/// A title, name or label: trimmed, non-empty, bounded.
pub fn validate_title(what: &'static str, raw: &str) -> Result<String> {
    validate_text(what, raw, MAX_TITLE)
}

pub(crate) fn validate_text(what: &'static str, raw: &str, max: usize) -> Result<String> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(ModelError::Empty { what });
    }
    if text.chars().count() > max {
        return Err(ModelError::TooLong { what, max });
    }
    Ok(text.to_string())
}

/// A calendar date as `YYYY-MM-DD`, checked for real months and days.
pub fn validate_date(raw: &str) -> Result<String> {
    let invalid = || ModelError::InvalidDate(raw.to_string());
    let mut parts = raw.trim().split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(invalid());
    }
    let parse = |s: &str| s.parse::<u32>().map_err(|_| invalid());
    let (year, month, day) = (parse(y)?, parse(m)?, parse(d)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(invalid()),
    };
    if day == 0 || day > days_in_month {
        return Err(invalid());
    }
    Ok(format!("{year:04}-{month:02}-{day:02}"))
}

/// Labels as a set: trimmed, lower-cased, without empties or duplicates, in first-seen order.
pub fn normalize_labels<S: AsRef<str>>(raw: &[S]) -> Result<Vec<String>> {
    let mut labels: Vec<String> = Vec::new();
    for label in raw {
        let label = label.as_ref().trim().to_lowercase();
        if label.is_empty() || labels.contains(&label) {
            continue;
        }
        if label.chars().count() > MAX_LABEL {
            return Err(ModelError::TooLong {
                what: "a label",
                max: MAX_LABEL,
            });
        }
        if labels.len() == MAX_LABELS {
            return Err(ModelError::TooLong {
                what: "the label list",
                max: MAX_LABELS,
            });
        }
        labels.push(label);
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_trimmed_and_must_not_be_blank() {
        assert_eq!(validate_title("title", "  Ship it "), Ok("Ship it".into()));
        assert_eq!(
            validate_title("title", " \t\n"),
            Err(ModelError::Empty { what: "title" })
        );
        assert!(matches!(
            validate_title("title", &"x".repeat(301)),
            Err(ModelError::TooLong { .. })
        ));
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(validate_date("2024-02-29"), Ok("2024-02-29".into()));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "24-01-01",
            "2024-1-1",
            "soon",
            "",
        ] {
            assert_eq!(
                validate_date(bad),
                Err(ModelError::InvalidDate(bad.into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn labels_are_a_set() {
        assert_eq!(
            normalize_labels(&["Bug", " bug", "", "UI "]),
            Ok(vec!["bug".to_string(), "ui".to_string()])
        );
        let many: Vec<String> = (0..21).map(|i| format!("l{i}")).collect();
        assert!(normalize_labels(&many).is_err());
    }
}

/// Text that may be left blank (`None`), else checked like `validate_text`.
pub(crate) fn optional_text(what: &'static str, raw: &str, max: usize) -> Result<Option<String>> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        validate_text(what, raw, max).map(Some)
    }
}

/// Days since 1970-01-01 of a valid `YYYY-MM-DD` (the civil-calendar algorithm
/// from Howard Hinnant's date library notes).
fn days_from_civil(date: &str) -> Option<i64> {
    let date = validate_date(date).ok()?;
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// `YYYY-MM-DD` of a day count since 1970-01-01.
pub fn date_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days from `from` to `to` (negative if `to` is earlier).
pub(crate) fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(days_from_civil(to)? - days_from_civil(from)?)
}

pub(crate) fn add_days(date: &str, days: i64) -> Option<String> {
    Some(date_from_days(days_from_civil(date)? + days))
}

/// The same day `months` later, or the month's last day if it is shorter.
pub(crate) fn add_months(date: &str, months: i64) -> Option<String> {
    let date = validate_date(date).ok()?;
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    let total = y * 12 + (m - 1) + months;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    (0..=3)
        .map(|back| format!("{y:04}-{m:02}-{:02}", d - back))
        .find(|candidate| validate_date(candidate).is_ok())
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn date_arithmetic_crosses_months_years_and_leap_days() {
        assert_eq!(days_between("2026-11-24", "2026-12-01"), Some(7));
        assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
        assert_eq!(add_days("2026-12-30", 3).as_deref(), Some("2027-01-02"));
        assert_eq!(add_days("1970-01-01", 0).as_deref(), Some("1970-01-01"));
        assert_eq!(add_months("2026-01-31", 1).as_deref(), Some("2026-02-28"));
        assert_eq!(add_months("2024-01-31", 1).as_deref(), Some("2024-02-29"));
        assert_eq!(add_months("2026-11-15", 2).as_deref(), Some("2027-01-15"));
        assert_eq!(days_between("2026-02-30", "2026-03-01"), None);
        assert_eq!(date_from_days(0), "1970-01-01");
        assert_eq!(date_from_days(19_782), "2024-02-29");
        assert_eq!(date_from_days(-1), "1969-12-31");
    }
}
