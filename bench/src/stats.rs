//! Latency samples (microseconds) and their percentiles.

#[derive(Debug, Default)]
pub struct Latencies(Vec<u64>);

impl Latencies {
    pub fn extend(&mut self, samples: Vec<u64>) {
        self.0.extend(samples);
    }

    /// The `p`th percentile (0–100) in milliseconds, or None without samples.
    pub fn percentile_ms(&mut self, p: f64) -> Option<f64> {
        if self.0.is_empty() {
            return None;
        }
        self.0.sort_unstable();
        let rank = ((p / 100.0) * (self.0.len() - 1) as f64).round() as usize;
        Some(self.0[rank.min(self.0.len() - 1)] as f64 / 1000.0)
    }
}
