//! Phase timings for benchmarking: with `CLAIMGRAPH_TIMES=1` in the environment, each timed
//! phase (reading, parsing and building, linking, support, output) reports its wall time on
//! stderr when it ends. Off, a phase costs one relaxed load.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CLAIMGRAPH_TIMES").is_some_and(|v| v == "1"))
}

/// A running phase; reports when dropped.
pub struct Phase {
    name: &'static str,
    start: Option<Instant>,
}

/// Starts timing the phase `name`.
pub fn phase(name: &'static str) -> Phase {
    Phase {
        name,
        start: enabled().then(Instant::now),
    }
}

impl Drop for Phase {
    // Phase names only, asked for with CLAIMGRAPH_TIMES: nothing from the data.
    #[allow(clippy::disallowed_macros)]
    fn drop(&mut self) {
        if let Some(start) = self.start {
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            eprintln!("claimgraph: time: {:<12} {ms:8.1} ms", self.name);
        }
    }
}
