//! Criterion benchmarks of `compare` on the seeds and on 100 KB, 1 MB and
//! 2 MB accounts built from real news text (see `corpus.rs`).
//!
//! Before criterion's own statistics it prints a summary table: the median
//! time of a few warm runs (after one untimed run), the peak heap memory of one run (counted by a global
//! allocator that wraps the system one), and how the time grows when the
//! input doubles (`BENCH_RUNS` runs, 5 by default). With `-- --test` every
//! pair runs once and criterion only checks that each bench works.

// The benchmarks measure the native core; on wasm32 (`cargo clippy
// --all-targets --target wasm32-unknown-unknown`) there is nothing to build.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod corpus;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    use claimdiff::{compare, Document, Options};
    use criterion::{Criterion, Throughput};
    use std::hint::black_box;

    use super::corpus;

    /// Counts live heap bytes and their high-water mark.
    struct Counting;

    static LIVE: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    fn grew(bytes: usize) {
        let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
        PEAK.fetch_max(live, Ordering::Relaxed);
    }

    // SAFETY: every call forwards to `System` unchanged; the counters only observe.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = System.alloc(layout);
            if !p.is_null() {
                grew(layout.size());
            }
            p
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = System.alloc_zeroed(layout);
            if !p.is_null() {
                grew(layout.size());
            }
            p
        }
        unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
            System.dealloc(p, layout);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let q = System.realloc(p, layout, new_size);
            if !q.is_null() {
                LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
                grew(new_size);
            }
            q
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    /// One comparison's time and the heap it needed beyond what was live before.
    fn measure(a: &str, b: &str) -> (Duration, usize, usize, usize) {
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let started = Instant::now();
        let result = compare(&Document::new(a), &Document::new(b), &Options::default())
            .expect("benchmark accounts are under the size limit");
        let took = started.elapsed();
        let peak = PEAK.load(Ordering::Relaxed) - before;
        (
            took,
            peak,
            result.a.claims.len() + result.b.claims.len(),
            result.pairs.len(),
        )
    }

    fn summary(pairs: &[(&str, String, String)], runs: usize) {
        println!("claimdiff compare, native, median of {runs} warm run(s)");
        println!(
            "{:<6} {:>9} {:>9} {:>10} {:>10} {:>8} {:>7}",
            "pair", "A bytes", "B bytes", "time ms", "peak MiB", "claims", "pairs"
        );
        let mut previous: Option<(usize, Duration)> = None;
        for (name, a, b) in pairs {
            let mut times = Vec::with_capacity(runs);
            let mut last = (0, 0, 0);
            // One untimed run first: the engine builds its tables once per
            // process, and the browser benchmark times warm runs too.
            measure(a, b);
            for _ in 0..runs {
                let (took, peak, claims, linked) = measure(a, b);
                times.push(took);
                last = (peak, claims, linked);
            }
            times.sort();
            let median = times[times.len() / 2];
            print!(
                "{:<6} {:>9} {:>9} {:>10.2} {:>10.1} {:>8} {:>7}",
                name,
                a.len(),
                b.len(),
                median.as_secs_f64() * 1e3,
                last.0 as f64 / (1024.0 * 1024.0),
                last.1,
                last.2
            );
            if let Some((bytes, time)) = previous {
                let size = (a.len() + b.len()) as f64 / bytes as f64;
                print!(
                    "  ×{:.1} input → ×{:.2} time",
                    size,
                    median.as_secs_f64() / time.as_secs_f64()
                );
            }
            println!();
            previous = Some((a.len() + b.len(), median));
        }
        println!();
    }

    pub fn main() {
        let pairs = corpus::pairs();
        if let Some(dir) = std::env::var_os("BENCH_WRITE_TEXTS") {
            let dir = std::path::PathBuf::from(dir);
            std::fs::create_dir_all(&dir).expect("create BENCH_WRITE_TEXTS");
            for (name, a, b) in &pairs {
                std::fs::write(dir.join(format!("{name}-a.txt")), a).expect("write text");
                std::fs::write(dir.join(format!("{name}-b.txt")), b).expect("write text");
            }
        }
        let testing = std::env::args().any(|arg| arg == "--test");
        let runs = std::env::var("BENCH_RUNS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(if testing { 1 } else { 5 });
        summary(&pairs, runs);

        let mut criterion = Criterion::default()
            .warm_up_time(Duration::from_secs(1))
            .configure_from_args();
        let mut group = criterion.benchmark_group("compare");
        for (name, a, b) in &pairs {
            let big = a.len() > 50_000;
            group.sample_size(if big { 10 } else { 50 });
            group.measurement_time(Duration::from_secs(if big { 20 } else { 3 }));
            group.throughput(Throughput::Bytes((a.len() + b.len()) as u64));
            group.bench_function(*name, |bench| {
                bench.iter(|| {
                    compare(
                        &Document::new(black_box(a)),
                        &Document::new(black_box(b)),
                        &Options::default(),
                    )
                })
            });
        }
        group.finish();
        criterion.final_summary();
    }
}
