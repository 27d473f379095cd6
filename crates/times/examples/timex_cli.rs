//! A stand-in for `claims extract` that only tags times, so that the benchmark scorers can run
//! before the real CLI exists: `timex_cli extract --format json [--reference-date YYYY-MM-DD] FILE`.

use std::process::ExitCode;

use claims_times::{infer_reference_date, tag_times};

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut reference = None;
    let mut file = None;
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("extract") => {}
        other => return Err(format!("expected the `extract` command, got {other:?}")),
    }
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => {
                let f = it.next().ok_or("--format needs a value")?;
                if f != "json" {
                    return Err(format!("unsupported format {f:?}"));
                }
            }
            "--reference-date" => {
                let d = it.next().ok_or("--reference-date needs a value")?;
                reference = Some(
                    d.parse::<jiff::civil::Date>()
                        .map_err(|e| format!("bad --reference-date {d:?}: {e}"))?,
                );
            }
            _ if file.is_none() => file = Some(a.clone()),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    let file = file.ok_or("missing FILE")?;
    let text = if file == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| format!("stdin: {e}"))?
    } else {
        std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?
    };
    let reference = reference.or_else(|| infer_reference_date(&text).map(|r| r.date));
    let times: Vec<serde_json::Value> = tag_times(&text, reference)
        .into_iter()
        .map(|t| {
            serde_json::json!({
                "text": t.text,
                "start": t.span.start(),
                "end": t.span.end(),
                "type": t.kind,
                "value": t.value,
                "earliest": t.interval.map(|i| i.earliest().to_string()),
                "latest": t.interval.map(|i| i.latest().to_string()),
            })
        })
        .collect();
    let out = serde_json::json!({
        "reference_date": reference.map(|d| d.to_string()),
        "quantities": [],
        "times": times,
        "entities": [],
        "claims": [],
    });
    println!("{out}");
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("timex_cli: {e}");
            ExitCode::from(2)
        }
    }
}
