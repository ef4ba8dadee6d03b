use proptest::prelude::*;

use super::*;

const LIMIT: usize = DEFAULT_MAX_MESSAGE_BYTES;

fn doc() -> DocumentId {
    DocumentId::from_bytes([7; 16])
}

#[test]
fn decodes_a_sync_message_written_by_hand() {
    // {"type":"sync","senderId":"a","targetId":"b","documentId":<id>,"data":h'0102'}
    let id = doc().to_string();
    let mut bytes = vec![0xa5];
    let mut text = |s: &str| {
        // CBOR text: the length sits in the head byte up to 23, in a following byte after.
        match s.len() {
            len @ 0..=23 => bytes.push(0x60 + len as u8),
            len => bytes.extend_from_slice(&[0x78, len as u8]),
        }
        bytes.extend_from_slice(s.as_bytes());
    };
    for (key, value) in [
        ("type", "sync"),
        ("senderId", "a"),
        ("targetId", "b"),
        ("documentId", id.as_str()),
    ] {
        text(key);
        text(value);
    }
    bytes.push(0x64);
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&[0x42, 0x01, 0x02]);
    assert_eq!(
        Message::decode(&bytes, LIMIT),
        Ok(Message::Sync {
            sender_id: "a".into(),
            target_id: "b".into(),
            document_id: doc(),
            data: vec![1, 2],
        })
    );
}

#[test]
fn byte_payloads_encode_as_untagged_byte_strings() {
    let message = Message::Sync {
        sender_id: "a".into(),
        target_id: "b".into(),
        document_id: doc(),
        data: vec![9, 9, 9],
    };
    let bytes = message.encode();
    // A map of five entries, and the payload as major type 2 with no tag 64 before it.
    assert_eq!(bytes[0], 0xa5);
    let tail = &bytes[bytes.len() - 4..];
    assert_eq!(tail, &[0x43, 9, 9, 9]);
}

#[test]
fn every_decode_failure_is_typed() {
    let id = doc().to_string();
    let encode = |pairs: Vec<(&str, Value)>| {
        let value = Value::Map(
            pairs
                .into_iter()
                .map(|(k, v)| (Value::Text(k.into()), v))
                .collect(),
        );
        let mut out = Vec::new();
        ciborium::ser::into_writer(&value, &mut out).expect("encode");
        out
    };
    let text = |s: &str| Value::Text(s.into());

    assert!(matches!(
        Message::decode(&[0xff, 0x00], LIMIT),
        Err(DecodeError::Cbor(_))
    ));
    assert!(matches!(
        Message::decode(&[], LIMIT),
        Err(DecodeError::Cbor(_))
    ));
    assert_eq!(Message::decode(&[0x01], LIMIT), Err(DecodeError::NotAMap));
    assert_eq!(
        Message::decode(&[0u8; 10], 4),
        Err(DecodeError::TooLarge { size: 10, limit: 4 })
    );
    assert_eq!(
        Message::decode(&encode(vec![("senderId", text("a"))]), LIMIT),
        Err(DecodeError::MissingField("type"))
    );
    assert_eq!(
        Message::decode(
            &encode(vec![("type", text("sync")), ("senderId", text("a"))]),
            LIMIT
        ),
        Err(DecodeError::MissingField("targetId"))
    );
    let wrong_data = encode(vec![
        ("type", text("sync")),
        ("senderId", text("a")),
        ("targetId", text("b")),
        ("documentId", text(&id)),
        ("data", text("not bytes")),
    ]);
    assert_eq!(
        Message::decode(&wrong_data, LIMIT),
        Err(DecodeError::WrongType {
            field: "data",
            expected: "a byte string"
        })
    );
    let bad_id = encode(vec![
        ("type", text("doc-unavailable")),
        ("senderId", text("a")),
        ("targetId", text("b")),
        ("documentId", text("nope")),
    ]);
    assert!(matches!(
        Message::decode(&bad_id, LIMIT),
        Err(DecodeError::BadDocumentId(_))
    ));
    let negative = encode(vec![
        ("type", text("ephemeral")),
        ("senderId", text("a")),
        ("targetId", text("b")),
        ("documentId", text(&id)),
        ("count", Value::Integer((-1).into())),
        ("sessionId", text("s")),
        ("data", Value::Bytes(vec![])),
    ]);
    assert!(matches!(
        Message::decode(&negative, LIMIT),
        Err(DecodeError::WrongType { field: "count", .. })
    ));
}

#[test]
fn unknown_types_decode_so_they_can_be_ignored() {
    let bytes = Message::Unknown {
        message_type: "from-the-future".into(),
    }
    .encode();
    assert_eq!(
        Message::decode(&bytes, LIMIT),
        Ok(Message::Unknown {
            message_type: "from-the-future".into()
        })
    );
}

#[test]
fn tagged_byte_arrays_are_understood() {
    let id = doc().to_string();
    let value = Value::Map(vec![
        (Value::Text("type".into()), Value::Text("request".into())),
        (Value::Text("senderId".into()), Value::Text("a".into())),
        (Value::Text("targetId".into()), Value::Text("b".into())),
        (Value::Text("documentId".into()), Value::Text(id)),
        (
            Value::Text("data".into()),
            Value::Tag(64, Box::new(Value::Bytes(vec![5]))),
        ),
    ]);
    let mut bytes = Vec::new();
    ciborium::ser::into_writer(&value, &mut bytes).expect("encode");
    assert!(
        matches!(Message::decode(&bytes, LIMIT), Ok(Message::Request { data, .. }) if data == vec![5])
    );
}

fn peer_id() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9-]{1,24}"
}

fn document_id() -> impl Strategy<Value = DocumentId> {
    any::<[u8; 16]>().prop_map(DocumentId::from_bytes)
}

fn metadata() -> impl Strategy<Value = Option<PeerMetadata>> {
    proptest::option::of(
        (
            proptest::option::of(peer_id()),
            proptest::option::of(any::<bool>()),
        )
            .prop_map(|(storage_id, is_ephemeral)| PeerMetadata {
                storage_id,
                is_ephemeral,
            }),
    )
}

fn message() -> impl Strategy<Value = Message> {
    let bytes = || proptest::collection::vec(any::<u8>(), 0..256);
    let names = || proptest::collection::vec(peer_id(), 0..4);
    prop_oneof![
        (peer_id(), metadata(), names()).prop_map(|(sender_id, peer_metadata, versions)| {
            Message::Join {
                sender_id,
                peer_metadata,
                supported_protocol_versions: versions,
            }
        }),
        (peer_id(), peer_id(), metadata()).prop_map(|(sender_id, target_id, peer_metadata)| {
            Message::Peer {
                sender_id,
                target_id,
                peer_metadata,
                selected_protocol_version: PROTOCOL_VERSION.into(),
            }
        }),
        peer_id().prop_map(|sender_id| Message::Leave { sender_id }),
        (peer_id(), proptest::option::of(peer_id()), ".{0,40}").prop_map(
            |(sender_id, target_id, message)| {
                Message::Error {
                    sender_id,
                    target_id,
                    message,
                }
            }
        ),
        (peer_id(), peer_id(), document_id(), bytes(), any::<bool>()).prop_map(
            |(sender_id, target_id, document_id, data, request)| {
                if request {
                    Message::Request {
                        sender_id,
                        target_id,
                        document_id,
                        data,
                    }
                } else {
                    Message::Sync {
                        sender_id,
                        target_id,
                        document_id,
                        data,
                    }
                }
            }
        ),
        (peer_id(), peer_id(), document_id()).prop_map(|(sender_id, target_id, document_id)| {
            Message::DocUnavailable {
                sender_id,
                target_id,
                document_id,
            }
        }),
        (
            peer_id(),
            peer_id(),
            document_id(),
            any::<u64>(),
            peer_id(),
            bytes()
        )
            .prop_map(
                |(sender_id, target_id, document_id, count, session_id, data)| Message::Ephemeral {
                    sender_id,
                    target_id,
                    document_id,
                    count,
                    session_id,
                    data,
                }
            ),
        (peer_id(), peer_id(), names(), names()).prop_map(|(sender_id, target_id, add, remove)| {
            Message::RemoteSubscriptionChange {
                sender_id,
                target_id,
                add,
                remove,
            }
        }),
        (
            peer_id(),
            peer_id(),
            document_id(),
            proptest::collection::btree_map(
                peer_id(),
                (
                    proptest::collection::vec("[0-9a-f]{64}", 0..3),
                    any::<u64>()
                ),
                0..3
            )
        )
            .prop_map(|(sender_id, target_id, document_id, heads)| {
                Message::RemoteHeadsChanged {
                    sender_id,
                    target_id,
                    document_id,
                    new_heads: heads
                        .into_iter()
                        .map(|(k, (heads, timestamp))| (k, HeadsAt { heads, timestamp }))
                        .collect(),
                }
            }),
    ]
}

proptest! {
    #[test]
    fn every_message_round_trips(message in message()) {
        prop_assert_eq!(Message::decode(&message.encode(), LIMIT), Ok(message));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = Message::decode(&bytes, LIMIT);
    }
}
