//! A sliding-window rate limit per key: at most `max` calls in any `window`.
//! Used per person (their requests) and per provider (our calls upstream, so a
//! provider's own limit is never exceeded, whatever the burst).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct WindowLimiter {
    window: Duration,
    max: usize,
    hits: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl WindowLimiter {
    pub fn new(max: u32, window: Duration) -> Self {
        Self {
            window,
            max: usize::try_from(max).unwrap_or(usize::MAX),
            hits: Mutex::default(),
        }
    }

    /// Takes one call for `key`, or says how long until one is free.
    pub fn acquire(&self, key: &str, now: Instant) -> Result<(), Duration> {
        let mut hits = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        // People who stopped calling are forgotten, so the map stays small.
        if hits.len() > 10_000 {
            hits.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|last| now.duration_since(*last) < self.window)
            });
        }
        let times = hits.entry(key.to_string()).or_default();
        while times
            .front()
            .is_some_and(|first| now.duration_since(*first) >= self.window)
        {
            times.pop_front();
        }
        if times.len() >= self.max {
            let oldest = times.front().copied().unwrap_or(now);
            return Err(self.window.saturating_sub(now.duration_since(oldest)));
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_max_calls_in_any_window_per_key() {
        let limiter = WindowLimiter::new(2, Duration::from_secs(60));
        let start = Instant::now();
        assert!(limiter.acquire("a", start).is_ok());
        assert!(limiter
            .acquire("a", start + Duration::from_secs(10))
            .is_ok());
        let wait = limiter
            .acquire("a", start + Duration::from_secs(20))
            .expect_err("third");
        assert_eq!(wait, Duration::from_secs(40));
        assert!(limiter.acquire("b", start).is_ok(), "keys are apart");
        assert!(limiter
            .acquire("a", start + Duration::from_secs(60))
            .is_ok());
    }
}
