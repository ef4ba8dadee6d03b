//! The proxy's cache: one slot per request key. Whoever finds a slot empty or
//! expired fetches while holding it, so concurrent requests for one key wait for
//! that one upstream call instead of making their own (coalescing). When the
//! fetch fails and the slot holds an older value, that value is served, marked
//! stale with its age (stale-if-error).

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::clock;
use crate::storage::Millis;

/// A value and how old it is.
#[derive(Debug, Clone)]
pub struct Served {
    pub value: Value,
    /// When the provider answered it (ms since the epoch).
    pub fetched_at: Millis,
    pub age: Duration,
    /// The provider failed or was busy; this is the last value it gave.
    pub stale: bool,
}

#[derive(Clone)]
struct Cached {
    value: Value,
    fetched: Instant,
    fetched_at: Millis,
}

type Slot = Arc<tokio::sync::Mutex<Option<Cached>>>;

/// Slots beyond this are pruned of those older than a day.
const MAX_SLOTS: usize = 50_000;

#[derive(Default)]
pub struct Cache {
    slots: Mutex<HashMap<String, Slot>>,
}

impl Cache {
    /// The value under `key` if younger than `ttl`, else what `fetch` brings;
    /// if `fetch` fails, the older value (stale) or the error.
    pub async fn get<E>(
        &self,
        key: &str,
        ttl: Duration,
        fetch: impl Future<Output = Result<Value, E>>,
    ) -> Result<Served, E> {
        let slot = self.slot(key);
        let mut cached = slot.lock().await;
        if let Some(hit) = cached.as_ref().filter(|c| c.fetched.elapsed() < ttl) {
            return Ok(served(hit, false));
        }
        match fetch.await {
            Ok(value) => {
                let fresh = Cached {
                    value,
                    fetched: Instant::now(),
                    fetched_at: clock::now(),
                };
                let out = served(&fresh, false);
                *cached = Some(fresh);
                Ok(out)
            }
            Err(e) => match cached.as_ref() {
                Some(old) => Ok(served(old, true)),
                None => Err(e),
            },
        }
    }

    fn slot(&self, key: &str) -> Slot {
        let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        if slots.len() > MAX_SLOTS {
            slots.retain(|_, slot| {
                slot.try_lock().map_or(true, |c| {
                    c.as_ref()
                        .is_some_and(|c| c.fetched.elapsed() < Duration::from_secs(86_400))
                })
            });
        }
        slots.entry(key.to_string()).or_default().clone()
    }
}

fn served(cached: &Cached, stale: bool) -> Served {
    Served {
        value: cached.value.clone(),
        fetched_at: cached.fetched_at,
        age: cached.fetched.elapsed(),
        stale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn fresh_values_are_served_from_the_cache_and_stale_ones_on_error() {
        let cache = Cache::default();
        let calls = AtomicUsize::new(0);
        let fetch = || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok::<_, ()>(Value::from(1))
        };
        let ttl = Duration::from_secs(60);
        assert!(!cache.get("k", ttl, fetch()).await.expect("first").stale);
        assert!(!cache.get("k", ttl, fetch()).await.expect("cached").stale);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        let expired = Duration::ZERO;
        let stale = cache
            .get("k", expired, async { Err::<Value, _>(()) })
            .await
            .expect("stale");
        assert!(stale.stale);
        assert_eq!(stale.value, Value::from(1));
        assert!(cache
            .get("other", expired, async { Err::<Value, _>(()) })
            .await
            .is_err());
    }

    #[tokio::test]
    async fn concurrent_requests_for_one_key_make_one_call() {
        let cache = Arc::new(Cache::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let (cache, calls) = (cache.clone(), calls.clone());
            tasks.push(tokio::spawn(async move {
                cache
                    .get("k", Duration::from_secs(60), async {
                        calls.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        Ok::<_, ()>(Value::from(7))
                    })
                    .await
            }));
        }
        for task in tasks {
            assert_eq!(
                task.await.expect("join").expect("value").value,
                Value::from(7)
            );
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
