//! Document ids as automerge-repo forms them: 16 random bytes (a v4 UUID),
//! written as bs58check, and shown in URLs as `automerge:<id>`.

use std::fmt;
use std::str::FromStr;

const URL_PREFIX: &str = "automerge:";

/// The id of one Automerge document, shared by every peer that holds it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentId([u8; 16]);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DocumentIdError {
    #[error("document id is not valid bs58check: {0}")]
    Encoding(String),
    #[error("document id must be 16 bytes, got {0}")]
    Length(usize),
    #[error("automerge URL must start with `automerge:`")]
    NotAnAutomergeUrl,
}

impl DocumentId {
    /// A fresh random id.
    pub fn new() -> Self {
        Self(*uuid::Uuid::new_v4().as_bytes())
    }

    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// `automerge:<bs58check>`, the form automerge-repo passes around.
    pub fn to_url(&self) -> String {
        format!("{URL_PREFIX}{self}")
    }

    pub fn from_url(url: &str) -> Result<Self, DocumentIdError> {
        let rest = url
            .strip_prefix(URL_PREFIX)
            .ok_or(DocumentIdError::NotAnAutomergeUrl)?;
        // automerge-repo URLs may carry heads after a '#'; the id is what precedes it.
        let id = rest.split('#').next().unwrap_or(rest);
        id.parse()
    }
}

impl Default for DocumentId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&bs58::encode(self.0).with_check().into_string())
    }
}

impl fmt::Debug for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DocumentId({self})")
    }
}

impl FromStr for DocumentId {
    type Err = DocumentIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = bs58::decode(s)
            .with_check(None)
            .into_vec()
            .map_err(|e| DocumentIdError::Encoding(e.to_string()))?;
        let array: [u8; 16] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| DocumentIdError::Length(bytes.len()))?;
        Ok(Self(array))
    }
}

impl serde::Serialize for DocumentId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for DocumentId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rejects_garbage_and_wrong_lengths() {
        assert!(matches!(
            "not-base58!".parse::<DocumentId>(),
            Err(DocumentIdError::Encoding(_))
        ));
        let short = bs58::encode([1u8; 8]).with_check().into_string();
        assert_eq!(short.parse::<DocumentId>(), Err(DocumentIdError::Length(8)));
        assert_eq!(
            DocumentId::from_url("http://x"),
            Err(DocumentIdError::NotAnAutomergeUrl)
        );
    }

    #[test]
    fn url_may_carry_heads() {
        let id = DocumentId::new();
        let url = format!("{}#abc", id.to_url());
        assert_eq!(DocumentId::from_url(&url), Ok(id));
    }

    proptest! {
        #[test]
        fn string_and_url_round_trip(bytes in any::<[u8; 16]>()) {
            let id = DocumentId::from_bytes(bytes);
            prop_assert_eq!(id.to_string().parse::<DocumentId>(), Ok(id));
            prop_assert_eq!(DocumentId::from_url(&id.to_url()), Ok(id));
        }
    }
}
