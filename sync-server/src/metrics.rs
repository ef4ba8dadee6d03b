//! Counters for `GET /metrics`, in Prometheus' text format.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Upper bounds of the sync latency histogram, in seconds.
const LATENCY_BUCKETS: [f64; 10] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0,
];

#[derive(Default)]
pub struct Metrics {
    pub connections: AtomicU64,
    pub messages_in: AtomicU64,
    pub messages_out: AtomicU64,
    pub rejected_changes: AtomicU64,
    pub changes_stored: AtomicU64,
    latency_buckets: [AtomicU64; LATENCY_BUCKETS.len()],
    latency_count: AtomicU64,
    latency_sum_micros: AtomicU64,
}

impl Metrics {
    pub fn inc(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// Time from receiving changes to having stored them and sent them on.
    pub fn observe_sync(&self, took: Duration) {
        let secs = took.as_secs_f64();
        for (bound, bucket) in LATENCY_BUCKETS.iter().zip(&self.latency_buckets) {
            if secs <= *bound {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.latency_count.fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        self.latency_sum_micros.fetch_add(micros, Ordering::Relaxed);
    }

    pub fn render(&self, documents: u64, documents_loaded: usize) -> String {
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        let mut out = String::new();
        let mut metric = |name: &str, kind: &str, help: &str, value: u64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}"
            );
        };
        metric(
            "teamstead_connections",
            "gauge",
            "Open sync connections.",
            get(&self.connections),
        );
        metric(
            "teamstead_documents",
            "gauge",
            "Documents stored.",
            documents,
        );
        metric(
            "teamstead_documents_loaded",
            "gauge",
            "Documents held in memory.",
            u64::try_from(documents_loaded).unwrap_or(u64::MAX),
        );
        metric(
            "teamstead_messages_in_total",
            "counter",
            "Sync messages received.",
            get(&self.messages_in),
        );
        metric(
            "teamstead_messages_out_total",
            "counter",
            "Sync messages sent.",
            get(&self.messages_out),
        );
        metric(
            "teamstead_rejected_changes_total",
            "counter",
            "Incoming changes refused by validation.",
            get(&self.rejected_changes),
        );
        metric(
            "teamstead_changes_stored_total",
            "counter",
            "Batches of accepted changes committed.",
            get(&self.changes_stored),
        );
        let name = "teamstead_sync_latency_seconds";
        let _ = writeln!(
            out,
            "# HELP {name} From receiving changes to storing and forwarding them.\n# TYPE {name} histogram"
        );
        for (bound, bucket) in LATENCY_BUCKETS.iter().zip(&self.latency_buckets) {
            let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {}", get(bucket));
        }
        let count = get(&self.latency_count);
        let sum = get(&self.latency_sum_micros) as f64 / 1e6;
        let _ = writeln!(
            out,
            "{name}_bucket{{le=\"+Inf\"}} {count}\n{name}_sum {sum}\n{name}_count {count}"
        );
        out
    }
}
