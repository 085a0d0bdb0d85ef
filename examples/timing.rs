//! Compares two files N times and prints the fastest and the median time of
//! one compare. `scripts/icount.sh` runs it under callgrind to count the
//! instructions of one warm compare, the measure that does not move with the
//! machine's load.
//!
//! ```text
//! cargo run --release --example timing -- A.txt B.txt [N]
//! ```

use claimdiff::{compare, Document, Options};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(a), Some(b)) = (args.first(), args.get(1)) else {
        eprintln!("usage: timing A.txt B.txt [N]");
        return ExitCode::from(2);
    };
    let runs: usize = match args.get(2).map(|n| n.parse()) {
        None => 10,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("timing: N must be a positive number");
            return ExitCode::from(2);
        }
    };
    let (a, b) = match (std::fs::read_to_string(a), std::fs::read_to_string(b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("timing: {e}");
            return ExitCode::from(2);
        }
    };
    let options = Options::default();
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        match compare(&Document::new(&a), &Document::new(&b), &options) {
            Ok(result) => drop(std::hint::black_box(result)),
            Err(e) => {
                eprintln!("timing: {e}");
                return ExitCode::from(2);
            }
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "min {:.3} ms median {:.3} ms ({runs} runs)",
        times[0],
        times[times.len() / 2]
    );
    ExitCode::SUCCESS
}
