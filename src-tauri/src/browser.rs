//! Opens a web page in the person's browser (Stripe Checkout, the billing
//! portal, an invoice): `$BROWSER` when set, as Unix programs agree, else the
//! desktop's default through xdg-open.

use teamstead_client::{ClientError, Result};

pub fn open(url: &str) -> Result<()> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(ClientError::InvalidInput(format!(
            "only web pages open in the browser, not {url}"
        )));
    }
    let program = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
        .unwrap_or_else(|| "xdg-open".into());
    std::process::Command::new(&program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
        .map_err(|source| ClientError::Io {
            context: format!("could not start the browser ({program}) for {url}"),
            source,
        })
}
