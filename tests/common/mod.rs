//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The Kazinform seed report (dated by its own dateline).
pub const SEED_A: &str = include_str!("../../seeds/kazinform-2022-01-12.txt");
/// The CSTO peacekeepers seed report (undated, ends in site boilerplate).
pub const SEED_B: &str = include_str!("../../seeds/csto-peacekeepers-undated.txt");

/// Compares `actual` with the snapshot file `tests/snapshots/{name}`;
/// with `UPDATE_SNAPSHOTS=1` in the environment it rewrites the file instead.
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; run with UPDATE_SNAPSHOTS=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let diff = similar_lines(&expected, actual);
        panic!("snapshot {name} differs (UPDATE_SNAPSHOTS=1 to accept):\n{diff}");
    }
}

fn similar_lines(expected: &str, actual: &str) -> String {
    let mut out = String::new();
    for (n, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            out.push_str(&format!("line {}:\n- {e}\n+ {a}\n", n + 1));
            if out.len() > 4000 {
                break;
            }
        }
    }
    let (el, al) = (expected.lines().count(), actual.lines().count());
    if el != al {
        out.push_str(&format!("{el} lines expected, {al} lines now\n"));
    }
    out
}
