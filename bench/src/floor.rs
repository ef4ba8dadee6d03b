//! The floor: a bare WebSocket broadcast server, no CRDT, no storage. Every binary
//! frame a connection sends goes to every other connection. What the machine can
//! do at best, for the fan-out scenario.

use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpListener;
use tokio::sync::broadcast;
use tokio_tungstenite::tungstenite::Message as Frame;

use crate::peer::BoxError;

pub async fn serve() -> Result<(), BoxError> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    println!("floor listening on {}", listener.local_addr()?);
    let (tx, _) = broadcast::channel::<(u64, Vec<u8>)>(65_536);
    let mut next_id = 0u64;
    loop {
        let (stream, _) = listener.accept().await?;
        next_id += 1;
        let id = next_id;
        let tx = tx.clone();
        let mut rx = tx.subscribe();
        tokio::spawn(async move {
            let Ok(socket) = tokio_tungstenite::accept_async(stream).await else {
                return;
            };
            let (mut sink, mut stream) = socket.split();
            loop {
                tokio::select! {
                    frame = stream.next() => match frame {
                        Some(Ok(Frame::Binary(bytes))) => {
                            let _ = tx.send((id, bytes.to_vec()));
                        }
                        Some(Ok(_)) => {}
                        _ => break,
                    },
                    sent = rx.recv() => match sent {
                        Ok((from, bytes)) if from != id => {
                            if sink.send(Frame::Binary(bytes.into())).await.is_err() {
                                break;
                            }
                        }
                        Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => {}
                        Err(broadcast::error::RecvError::Closed) => break,
                    },
                }
            }
        });
    }
}
