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
