//! Stripe's webhook signature: the `Stripe-Signature` header holds `t=<unix
//! seconds>` and one or more `v1=<hex>` values, each an HMAC-SHA256 of
//! "<t>.<raw body>" under the endpoint's secret. Any one matching `v1` will do
//! (Stripe sends several while a secret is being rolled); other schemes (`v0`) are
//! ignored; a timestamp further than the tolerance from now is refused, so a
//! captured request cannot be replayed later.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Stripe's own libraries allow five minutes.
pub const TOLERANCE_SECS: i64 = 300;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the Stripe-Signature header is missing")]
    Missing,
    #[error("the Stripe-Signature header has no timestamp or no v1 signature")]
    Malformed,
    #[error("no v1 signature matches this body under the webhook secret")]
    NoMatch,
    #[error("the signature's timestamp is more than {TOLERANCE_SECS} seconds from now")]
    Stale,
}

impl SignatureError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Stale => "stale_signature",
            _ => "invalid_signature",
        }
    }
}

/// Checks `header` against `body` and `secret` at `now` (Unix seconds).
pub fn verify(
    header: Option<&str>,
    body: &[u8],
    secret: &str,
    now: i64,
) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => timestamp = value.parse::<i64>().ok(),
            Some(("v1", value)) => signatures.extend(hex::decode(value).ok()),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(SignatureError::Malformed)?;
    if signatures.is_empty() {
        return Err(SignatureError::Malformed);
    }
    let matches = signatures.iter().any(|signature| {
        let mut mac = mac(secret);
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        // verify_slice compares in constant time.
        mac.verify_slice(signature).is_ok()
    });
    if !matches {
        return Err(SignatureError::NoMatch);
    }
    if (now - timestamp).abs() > TOLERANCE_SECS {
        return Err(SignatureError::Stale);
    }
    Ok(())
}

fn mac(secret: &str) -> Hmac<Sha256> {
    // HMAC takes a key of any length, so this cannot fail.
    match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of any length"),
    }
}

/// A header as Stripe would send it, for the relay's own tests.
#[cfg(test)]
pub fn sign(body: &[u8], secret: &str, timestamp: i64) -> String {
    let mut mac = mac(secret);
    mac.update(format!("{timestamp}.").as_bytes());
    mac.update(body);
    format!(
        "t={timestamp},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test";
    const BODY: &[u8] = br#"{"id":"evt_1","type":"invoice.payment_succeeded"}"#;

    #[test]
    fn a_fresh_signature_over_the_exact_body_is_accepted() {
        let header = sign(BODY, SECRET, 1_000);
        assert_eq!(verify(Some(&header), BODY, SECRET, 1_000 + 299), Ok(()));
        // Any one of several v1 values, and unknown schemes are skipped.
        let rolled = format!("t=1000,v0=abc,v1={},{}", "00".repeat(32), &header[7..]);
        assert_eq!(verify(Some(&rolled), BODY, SECRET, 1_000), Ok(()));
    }

    #[test]
    fn wrong_secret_tampered_body_stale_and_malformed_headers_are_refused() {
        let header = sign(BODY, SECRET, 1_000);
        assert_eq!(
            verify(Some(&header), BODY, "whsec_other", 1_000),
            Err(SignatureError::NoMatch)
        );
        let tampered = br#"{"id":"evt_1","type":"invoice.payment_failed"}"#;
        assert_eq!(
            verify(Some(&header), tampered, SECRET, 1_000),
            Err(SignatureError::NoMatch)
        );
        assert_eq!(
            verify(Some(&header), BODY, SECRET, 1_000 + 301),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify(None, BODY, SECRET, 1_000),
            Err(SignatureError::Missing)
        );
        for bad in ["", "t=1000", "v1=abcd", "t=soon,v1=00", "garbage"] {
            assert_eq!(
                verify(Some(bad), BODY, SECRET, 1_000),
                Err(SignatureError::Malformed),
                "{bad}"
            );
        }
    }
}
