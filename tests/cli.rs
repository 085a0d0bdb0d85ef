//! The command line: output, and one-line errors with exit status 2.

use std::path::PathBuf;
use std::process::{Command, Output};

fn claimdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run claimdiff")
}

const A: &str = "seeds/kazinform-2022-01-12.txt";
const B: &str = "seeds/csto-peacekeepers-undated.txt";

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn compare_prints_the_json_contract() {
    let out = claimdiff(&["compare", A, B]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["offsets"], "chars");
    assert!(!json["pairs"].as_array().unwrap().is_empty());
}

#[test]
fn markdown_and_text_formats() {
    let out = claimdiff(&[
        "compare",
        A,
        B,
        "--format",
        "markdown",
        "--label-a",
        "Kazinform",
    ]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# claimdiff: Kazinform vs"));
    assert!(md.contains("## Aligned claims"));
    assert!(md.contains("## Services\n"), "{md}");
    assert!(md.contains("| Transport | restored (a"), "{md}");
    let out = claimdiff(&["compare", A, B, "--format=text"]);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("agree"));
}

#[test]
fn errors_are_one_line_with_status_2() {
    let bad_utf8 = temp_file("latin1.txt", b"caf\xe9 ouvert");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![], "no command"),
        (vec!["frobnicate"], "unknown command"),
        (vec!["compare", A], "two files"),
        (vec!["compare", A, B, "--colour"], "unknown option"),
        (vec!["compare", A, B, "--format", "html"], "unknown format"),
        (
            vec!["compare", A, B, "--date-a", "2022-02-30"],
            "not a calendar date",
        ),
        (vec!["compare", A, "does/not/exist.txt"], "cannot read"),
        (vec!["compare", A, bad_utf8.to_str().unwrap()], "not UTF-8"),
        (
            vec!["compare", A, B, "--options", "{\"thresold\": 1}"],
            "invalid options",
        ),
        (vec!["compare", A, B, "--date-a"], "needs a value"),
        (vec!["batch"], "one file"),
    ];
    for (args, expected) in cases {
        let out = claimdiff(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn batch_keeps_input_order_and_reports_bad_lines() {
    let mut lines = Vec::new();
    for n in 0..12 {
        lines.push(
            serde_json::json!({
                "id": n,
                "a": {"text": format!("The bridge reopened after {n} days of repairs.")},
                "b": {"text": "The bridge is open again.", "date": "2023-02-01"}
            })
            .to_string(),
        );
    }
    lines.insert(3, "{not json".to_string());
    lines.insert(
        5,
        r#"{"id": "bad-date", "a": {"text": "x"}, "b": {"text": "y", "date": "2023-02-30"}}"#
            .to_string(),
    );
    let file = temp_file("pairs.jsonl", lines.join("\n").as_bytes());
    let out = claimdiff(&["batch", file.to_str().unwrap(), "--threads", "3"]);
    assert!(out.status.success());
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 14);
    assert_eq!(records[3]["id"], "line 4");
    assert!(records[3]["error"].as_str().unwrap().contains("line 4"));
    assert_eq!(records[5]["id"], "bad-date");
    assert!(records[5]["error"]
        .as_str()
        .unwrap()
        .contains("calendar date"));
    let ids: Vec<i64> = records.iter().filter_map(|r| r["id"].as_i64()).collect();
    assert_eq!(ids, (0..12).collect::<Vec<i64>>());
    assert!(records[0]["pairs"].is_array());
}
