//! Readable reports of a [`Comparison`]: Markdown and plain text.

use std::fmt::Write;

use crate::report::{Claim, Comparison, DiffTag, ServiceState, ServiceStatus, Verdict};

/// Labels of the two accounts in a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels<'l> {
    /// Label of account A (an outlet's name, a file name).
    pub a: &'l str,
    /// Label of account B.
    pub b: &'l str,
}

impl Default for Labels<'_> {
    fn default() -> Self {
        Labels { a: "A", b: "B" }
    }
}

fn verdict_word(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Agree => "agree",
        Verdict::Partial => "partly agree",
        Verdict::Conflict => "conflict",
    }
}

/// The claim with this id. Ids are the side's letter and the claim's place
/// (`a12` is the twelfth claim of A), so that is tried first: a search per
/// pair made a report of a long comparison quadratic.
fn find<'c>(claims: &'c [Claim], id: &str) -> Option<&'c Claim> {
    let place: Option<usize> = id.get(1..).and_then(|n| n.parse().ok());
    place
        .and_then(|n| claims.get(n.checked_sub(1)?))
        .filter(|c| c.id == id)
        .or_else(|| claims.iter().find(|c| c.id == id))
}

/// Escapes text for Markdown so that article text is never read as markup.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A Markdown report: summary, aligned pairs with verdict, reasons and word
/// diff, and the one-sided claims of each account.
pub fn markdown(result: &Comparison, labels: &Labels<'_>) -> String {
    let mut out = String::new();
    let t = &result.summary.total;
    let _ = writeln!(out, "# claimdiff: {} vs {}\n", md(labels.a), md(labels.b));
    let _ = writeln!(
        out,
        "{} agree · {} partly agree · {} conflict · {} only in {} · {} only in {}\n",
        t.agree,
        t.partial,
        t.conflict,
        t.only_a,
        md(labels.a),
        t.only_b,
        md(labels.b)
    );
    let _ = writeln!(out, "## Aligned claims\n");
    if result.pairs.is_empty() {
        let _ = writeln!(out, "None.\n");
    }
    for pair in &result.pairs {
        let (Some(a), Some(b)) = (
            find(&result.a.claims, &pair.a),
            find(&result.b.claims, &pair.b),
        ) else {
            continue;
        };
        let _ = writeln!(
            out,
            "### {} ↔ {}: {} (score {:.2})\n",
            pair.a,
            pair.b,
            verdict_word(pair.verdict),
            pair.score
        );
        let _ = writeln!(out, "- **{}**: {}", md(labels.a), md(&a.text));
        let _ = writeln!(out, "- **{}**: {}", md(labels.b), md(&b.text));
        for reason in &pair.reasons {
            let _ = writeln!(out, "- *Why*: {}", md(reason));
        }
        let diff: String = pair
            .diff
            .iter()
            .map(|op| match op.op {
                DiffTag::Equal => md(&op.text),
                DiffTag::Delete => format!("~~{}~~", md(op.text.trim())),
                DiffTag::Insert => format!("**{}**", md(op.text.trim())),
            })
            .collect();
        let _ = writeln!(out, "- *Diff*: {diff}\n");
    }
    for (label, ids, claims) in [
        (labels.a, &result.only_a, &result.a.claims),
        (labels.b, &result.only_b, &result.b.claims),
    ] {
        let _ = writeln!(out, "## Only in {}\n", md(label));
        if ids.is_empty() {
            let _ = writeln!(out, "None.\n");
            continue;
        }
        for id in ids {
            if let Some(claim) = find(claims, id) {
                let _ = writeln!(out, "- {}: {}", id, md(&claim.text));
            }
        }
        out.push('\n');
    }
    services_table(&mut out, result, labels);
    out
}

/// The services matrix: what each account says of each service's state.
fn services_table(out: &mut String, result: &Comparison, labels: &Labels<'_>) {
    if result.services.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Services
"
    );
    let _ = writeln!(out, "| Service | {} | {} |", md(labels.a), md(labels.b));
    let _ = writeln!(out, "| --- | --- | --- |");
    let label = |key: &str| -> String {
        result
            .topics
            .iter()
            .find(|t| t.key == key)
            .map_or_else(|| key.to_string(), |t| t.label.clone())
    };
    let cell = |state: &Option<ServiceState>| match state {
        None => "not mentioned".to_string(),
        Some(state) => format!(
            "{} ({})",
            status_word(state.status),
            state.claims.join(", ")
        ),
    };
    for row in &result.services {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            md(&label(&row.topic)),
            cell(&row.a),
            cell(&row.b)
        );
    }
    out.push('\n');
}

fn status_word(status: ServiceStatus) -> &'static str {
    match status {
        ServiceStatus::Restored => "restored",
        ServiceStatus::Planned => "to be restored",
        ServiceStatus::Disrupted => "disrupted",
        ServiceStatus::Mixed => "partly restored",
        ServiceStatus::Mentioned => "mentioned",
    }
}

/// A plain-text report for a terminal.
pub fn text(result: &Comparison, labels: &Labels<'_>) -> String {
    let mut out = String::new();
    let t = &result.summary.total;
    let _ = writeln!(
        out,
        "{} agree, {} partly agree, {} conflict, {} only in {}, {} only in {}",
        t.agree, t.partial, t.conflict, t.only_a, labels.a, t.only_b, labels.b
    );
    for pair in &result.pairs {
        let (Some(a), Some(b)) = (
            find(&result.a.claims, &pair.a),
            find(&result.b.claims, &pair.b),
        ) else {
            continue;
        };
        let _ = writeln!(
            out,
            "\n[{}] {} ↔ {} ({:.2})",
            verdict_word(pair.verdict).to_uppercase(),
            pair.a,
            pair.b,
            pair.score
        );
        let _ = writeln!(out, "  {}: {}", labels.a, a.text.replace(['\n', '\r'], " "));
        let _ = writeln!(out, "  {}: {}", labels.b, b.text.replace(['\n', '\r'], " "));
        for reason in &pair.reasons {
            let _ = writeln!(out, "  why: {reason}");
        }
    }
    for (label, ids, claims) in [
        (labels.a, &result.only_a, &result.a.claims),
        (labels.b, &result.only_b, &result.b.claims),
    ] {
        if ids.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\nOnly in {label}:");
        for id in ids {
            if let Some(claim) = find(claims, id) {
                let _ = writeln!(out, "  {}: {}", id, claim.text.replace(['\n', '\r'], " "));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::find;
    use crate::{compare, Document, Options};

    #[test]
    fn claims_are_found_by_id_in_place_or_out_of_it() {
        let a = Document::new("Troops left on Monday. Shops reopened. The bridge is closed.");
        let b = Document::new("Shops reopened on Tuesday.");
        let result = compare(&a, &b, &Options::default()).unwrap();
        let claims = &result.a.claims;
        assert!(claims.len() >= 3);
        for claim in claims {
            assert_eq!(find(claims, &claim.id), Some(claim));
        }
        // Out of place (a caller's own list), the search still finds them.
        let reversed: Vec<_> = claims.iter().rev().cloned().collect();
        for claim in claims {
            assert_eq!(find(&reversed, &claim.id).map(|c| &c.id), Some(&claim.id));
        }
        for id in ["", "a", "a0", "a999", "x1", "aé"] {
            assert_eq!(find(claims, id), None, "{id}");
        }
    }
}
