//! The `claimdiff` command line: compare two accounts from files.
//!
//! Every failure prints one line on stderr and exits with status 2.

use std::io::Write;
use std::process::ExitCode;

use claimdiff::{compare, markdown, plain_text, times, Document, Labels, OffsetUnit, Options};

const USAGE: &str = r#"claimdiff: compare two news accounts of the same event

USAGE:
    claimdiff compare A.txt B.txt [--date-a YYYY-MM-DD] [--date-b YYYY-MM-DD]
                                  [--label-a NAME] [--label-b NAME]
                                  [--format json|markdown|text] [--compact]
                                  [--options JSON]
    claimdiff batch PAIRS.jsonl [--options JSON] [--threads N]
    claimdiff times FILE [--date YYYY-MM-DD] [--format json]
    claimdiff --help | --version

batch reads lines {"id", "a": {"text", "date"?}, "b": {"text", "date"?}} and
writes one line per input, in input order: {"id", ...the comparison...}, or
{"id", "error": "..."} for a line that cannot be compared; it uses all cores.

times lists the time expressions of FILE with their TIMEX3 values (type,
value, mod, beginPoint, endPoint), resolved against --date or else the date
of the file's own dateline.

A file named - is read from standard input. JSON offsets count Unicode code
points. Exit status: 0 on success, 2 on any error (one line on stderr)."#;

/// A failure of the command: printed as one line, exit status 2.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(e.to_string())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`claimdiff … | head`) is not an error worth a panic.
            let _ = stdout.write_all(output.as_bytes());
            let _ = stdout.flush();
            ExitCode::SUCCESS
        }
        Err(Failure(message)) => {
            let line = message.replace(['\n', '\r'], " ");
            eprintln!("claimdiff: {line}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, Failure> {
    match args.first().map(String::as_str) {
        None => Err(Failure("no command given; try `claimdiff --help`".into())),
        Some("-h" | "--help" | "help") => Ok(format!("{USAGE}\n")),
        Some("-V" | "--version") => Ok(format!("claimdiff {}\n", env!("CARGO_PKG_VERSION"))),
        Some("compare") => run_compare(&args[1..]),
        Some("batch") => run_batch(&args[1..]),
        Some("times") => run_times(&args[1..]),
        Some(other) => Err(Failure(format!(
            "unknown command {other:?}; try `claimdiff --help`"
        ))),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Markdown,
    Text,
}

/// Flags and positional arguments of a subcommand.
#[derive(Default)]
struct Parsed {
    positional: Vec<String>,
    flags: Vec<(String, Option<String>)>,
}

impl Parsed {
    fn value(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(flag, _)| flag == name)
            .and_then(|(_, value)| value.as_deref())
    }

    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(flag, _)| flag == name)
    }
}

/// Splits arguments into flags (from `valued` and `switches`) and positionals.
fn parse(args: &[String], valued: &[&str], switches: &[&str]) -> Result<Parsed, Failure> {
    let mut parsed = Parsed::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "-" || !arg.starts_with('-') {
            parsed.positional.push(arg.clone());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (arg.as_str(), None),
        };
        if valued.contains(&name) {
            let value = match inline {
                Some(value) => value,
                None => iter
                    .next()
                    .cloned()
                    .ok_or_else(|| Failure(format!("{name} needs a value")))?,
            };
            parsed.flags.push((name.to_string(), Some(value)));
        } else if switches.contains(&name) && inline.is_none() {
            parsed.flags.push((name.to_string(), None));
        } else {
            return Err(Failure(format!(
                "unknown option {name:?}; try `claimdiff --help`"
            )));
        }
    }
    Ok(parsed)
}

/// Reads a file (or stdin for `-`) as UTF-8, with an error a person can act on.
fn read_text(path: &str) -> Result<String, Failure> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| Failure(format!("cannot read {path}: {e}")))?
    };
    String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "{path} is not UTF-8 text (invalid byte at offset {}); convert it first, e.g. with iconv",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn run_compare(args: &[String]) -> Result<String, Failure> {
    let parsed = parse(
        args,
        &[
            "--date-a",
            "--date-b",
            "--label-a",
            "--label-b",
            "--format",
            "--options",
        ],
        &["--compact"],
    )?;
    let [path_a, path_b] = parsed.positional.as_slice() else {
        return Err(Failure(format!(
            "compare takes two files, not {}; try `claimdiff --help`",
            parsed.positional.len()
        )));
    };
    if path_a == "-" && path_b == "-" {
        return Err(Failure(
            "only one account can come from standard input".into(),
        ));
    }
    let format = match parsed.value("--format").unwrap_or("json") {
        "json" => Format::Json,
        "markdown" | "md" => Format::Markdown,
        "text" => Format::Text,
        other => {
            return Err(Failure(format!(
                "unknown format {other:?}; use json, markdown or text"
            )))
        }
    };
    let options = match parsed.value("--options") {
        Some(json) => Options::from_json(json)?,
        None => Options::default(),
    };
    let text_a = read_text(path_a)?;
    let text_b = read_text(path_b)?;
    let mut doc_a = Document::new(&text_a);
    if let Some(date) = parsed.value("--date-a") {
        doc_a = doc_a.with_date(date);
    }
    let mut doc_b = Document::new(&text_b);
    if let Some(date) = parsed.value("--date-b") {
        doc_b = doc_b.with_date(date);
    }
    let result = compare(&doc_a, &doc_b, &options)?;
    let labels = Labels {
        a: parsed.value("--label-a").unwrap_or(path_a),
        b: parsed.value("--label-b").unwrap_or(path_b),
    };
    Ok(match format {
        Format::Json if parsed.has("--compact") => serde_json::to_string(&result)? + "\n",
        Format::Json => serde_json::to_string_pretty(&result)? + "\n",
        Format::Markdown => markdown(&result, &labels),
        Format::Text => plain_text(&result, &labels),
    })
}

/// One input line of `batch`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchLine {
    id: serde_json::Value,
    a: BatchAccount,
    b: BatchAccount,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchAccount {
    text: String,
    #[serde(default)]
    date: Option<String>,
}

/// Compares one `batch` line into its output line (without the newline).
fn batch_line(number: usize, line: &str, options: &Options) -> String {
    let input: BatchLine = match serde_json::from_str(line) {
        Ok(input) => input,
        Err(e) => {
            // Keep the id when the line is JSON with one, else use the line number.
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or_else(|| serde_json::Value::from(format!("line {number}")));
            return error_record(id, &format!("line {number}: {e}"));
        }
    };
    let mut a = Document::new(&input.a.text);
    if let Some(date) = &input.a.date {
        a = a.with_date(date.as_str());
    }
    let mut b = Document::new(&input.b.text);
    if let Some(date) = &input.b.date {
        b = b.with_date(date.as_str());
    }
    let json = compare(&a, &b, options)
        .map_err(|e| e.to_string())
        .and_then(|result| serde_json::to_string(&result).map_err(|e| e.to_string()));
    match json {
        // The id goes first, then the comparison's own keys in their order.
        Ok(json) => match json.strip_prefix('{') {
            Some(rest) => format!("{{\"id\":{},{rest}", input.id),
            None => error_record(input.id, "the comparison did not serialise"),
        },
        Err(message) => error_record(input.id, &message),
    }
}

fn error_record(id: serde_json::Value, message: &str) -> String {
    format!(
        "{{\"id\":{id},\"error\":{}}}",
        serde_json::Value::from(message)
    )
}

fn run_batch(args: &[String]) -> Result<String, Failure> {
    let parsed = parse(args, &["--options", "--threads"], &[])?;
    let [path] = parsed.positional.as_slice() else {
        return Err(Failure(format!(
            "batch takes one file, not {}; try `claimdiff --help`",
            parsed.positional.len()
        )));
    };
    let options = match parsed.value("--options") {
        Some(json) => Options::from_json(json)?,
        None => Options::default(),
    };
    let threads = match parsed.value("--threads") {
        Some(n) => n
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| Failure(format!("--threads takes a positive number, not {n:?}")))?,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let input = read_text(path)?;
    let lines: Vec<(usize, &str)> = input
        .lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line))
        .filter(|(_, line)| !line.trim().is_empty())
        .collect();
    let outputs: Vec<std::sync::OnceLock<String>> = (0..lines.len())
        .map(|_| std::sync::OnceLock::new())
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads.min(lines.len()).max(1) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(&(number, line)) = lines.get(index) else {
                    break;
                };
                let _ = outputs[index].set(batch_line(number, line, &options));
            });
        }
    });
    let mut out = String::new();
    for output in outputs {
        out.push_str(output.get().map_or("", String::as_str));
        out.push('\n');
    }
    Ok(out)
}

fn run_times(args: &[String]) -> Result<String, Failure> {
    let parsed = parse(args, &["--date", "--format"], &[])?;
    let [path] = parsed.positional.as_slice() else {
        return Err(Failure(format!(
            "times takes one file, not {}; try `claimdiff --help`",
            parsed.positional.len()
        )));
    };
    match parsed.value("--format").unwrap_or("json") {
        "json" => {}
        other => {
            return Err(Failure(format!(
                "unknown format {other:?}; times only writes json"
            )))
        }
    }
    let text = read_text(path)?;
    let found = times(&text, parsed.value("--date"), OffsetUnit::Chars)?;
    Ok(serde_json::to_string_pretty(&found)? + "\n")
}
