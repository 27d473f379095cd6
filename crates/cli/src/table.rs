//! Rows as CSV (RFC 4180, with a header), for the commands that list things.

use crate::error::CliError;

/// `header` then every row, quoted where needed by the `csv` crate.
///
/// # Errors
/// Only if the writer fails, which for an in-memory buffer it does not.
pub fn csv<R, I>(header: &[&str], rows: R) -> Result<String, CliError>
where
    R: IntoIterator<Item = I>,
    I: IntoIterator<Item = String>,
{
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let failed = |e: ::csv::Error| CliError::Output(std::io::Error::other(e.to_string()));
    w.write_record(header).map_err(failed)?;
    for row in rows {
        w.write_record(row).map_err(failed)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| CliError::Output(std::io::Error::other(e.to_string())))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `s` or the empty string.
pub fn opt(s: Option<&str>) -> String {
    s.unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_and_newlines_are_quoted() {
        let out = csv(
            &["a", "b"],
            [vec![
                "8,000 troops".to_string(),
                "he said \"no\"\nthen left".to_string(),
            ]],
        )
        .expect("csv");
        assert_eq!(
            out,
            "a,b\n\"8,000 troops\",\"he said \"\"no\"\"\nthen left\"\n"
        );
    }
}
