//! Any bytes a peer sends: decoding never panics, and whatever decodes re-encodes
//! to something that decodes to the same message.
//!
//!     cargo +nightly fuzz run decode   (from crates/protocol)
#![no_main]

use libfuzzer_sys::fuzz_target;
use teamstead_protocol::{Message, DEFAULT_MAX_MESSAGE_BYTES};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(message) = Message::decode(bytes, DEFAULT_MAX_MESSAGE_BYTES) {
        let again = Message::decode(&message.encode(), DEFAULT_MAX_MESSAGE_BYTES);
        assert_eq!(again.as_ref(), Ok(&message));
    }
});
