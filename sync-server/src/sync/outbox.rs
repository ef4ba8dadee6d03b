//! What waits to be written to one connection: the hub and the connection's
//! own loop queue frames, its writer task sends them in order.
//!
//! A tokio unbounded channel allocates a block of 32 slots when it is made,
//! about 1 KiB per connection whether anything is ever sent (heaptrack, idle
//! scenario). Most connections sit idle, so the queue here starts empty and
//! grows only while frames wait.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use tokio::sync::Notify;

/// What a connection's writer task sends.
#[derive(Debug)]
pub enum Outgoing {
    Frame(Vec<u8>),
    Close(u16, String),
}

#[derive(Default)]
pub struct Outbox {
    queue: Mutex<VecDeque<Outgoing>>,
    ready: Notify,
    closed: AtomicBool,
}

impl Outbox {
    /// Queues a frame; dropped if the connection is closing.
    pub fn send(&self, out: Outgoing) {
        if self.closed.load(Ordering::Acquire) {
            return;
        }
        self.lock().push_back(out);
        // Stores a permit if the writer is not waiting yet, so none is lost.
        self.ready.notify_one();
    }

    /// The next frame to write; `None` once closed and drained.
    pub async fn recv(&self) -> Option<Outgoing> {
        loop {
            if let Some(out) = self.lock().pop_front() {
                return Some(out);
            }
            if self.closed.load(Ordering::Acquire) {
                return None;
            }
            self.ready.notified().await;
        }
    }

    /// No more frames are taken; the writer ends once it has sent what waits.
    pub fn close(&self) {
        self.closed.store(true, Ordering::Release);
        self.ready.notify_one();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<Outgoing>> {
        self.queue.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{Outbox, Outgoing};

    #[tokio::test]
    async fn frames_arrive_in_order_and_closing_ends_the_writer() {
        let outbox = Arc::new(Outbox::default());
        let writer = {
            let outbox = outbox.clone();
            tokio::spawn(async move {
                let mut got = Vec::new();
                while let Some(Outgoing::Frame(bytes)) = outbox.recv().await {
                    got.push(bytes[0]);
                }
                got
            })
        };
        for n in 0..100u8 {
            outbox.send(Outgoing::Frame(vec![n]));
            if n % 10 == 0 {
                tokio::task::yield_now().await;
            }
        }
        outbox.close();
        outbox.send(Outgoing::Frame(vec![255]));
        let got = writer.await.expect("writer");
        assert_eq!(got, (0..100).collect::<Vec<u8>>());
    }
}
