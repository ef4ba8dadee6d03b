//! CSV as spreadsheets read it, for every export (assessment results, timesheets).

/// One CSV line (RFC 4180): fields with commas, quotes or line breaks are quoted.
/// A field a spreadsheet would run as a formula is prefixed with a quote mark.
pub(crate) fn csv_row(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| {
            let f = if f.starts_with(['=', '+', '-', '@']) && f.parse::<f64>().is_err() {
                format!("'{f}")
            } else {
                f.clone()
            };
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::csv_row;

    #[test]
    fn csv_quotes_what_needs_it_and_defuses_formulas() {
        let row = csv_row(&[
            "plain".into(),
            "a, b".into(),
            "say \"hi\"".into(),
            "=SUM(A1)".into(),
            "-3".into(),
        ]);
        assert_eq!(row, "plain,\"a, b\",\"say \"\"hi\"\"\",'=SUM(A1),-3\r\n");
    }
}
