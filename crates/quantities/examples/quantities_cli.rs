//! A stand-in for `claims extract` until the real CLI exists: prints the quantities of one
//! file in the CLI contract's JSON shape, so that the Recognizers benchmark can score them.
//!
//! Usage: `quantities_cli extract --format json [--reference-date YYYY-MM-DD] FILE`

use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("quantities_cli: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = None;
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("extract") => {}
        _ => {
            return Err(
                "usage: quantities_cli extract --format json [--reference-date YYYY-MM-DD] FILE"
                    .into(),
            )
        }
    }
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => {
                if it.next().map(String::as_str) != Some("json") {
                    return Err("only --format json is supported".into());
                }
            }
            "--reference-date" => {
                it.next().ok_or("--reference-date needs a value")?;
            }
            other => path = Some(other.to_string()),
        }
    }
    let path = path.ok_or("no input file")?;
    let text = if path == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| format!("stdin: {e}"))?
    } else {
        std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?
    };
    let quantities: Vec<serde_json::Value> = claims_quantities::find_quantities(&text)
        .into_iter()
        .map(|q| {
            serde_json::json!({
                "text": q.text,
                "start": q.span.start(),
                "end": q.span.end(),
                "low": q.interval.low(),
                "high": q.interval.high(),
                "unit": q.unit,
                "hedge": q.hedge,
                "kind": q.kind,
            })
        })
        .collect();
    let out = serde_json::json!({
        "reference_date": null,
        "quantities": quantities,
        "times": [],
        "entities": [],
        "claims": [],
    });
    println!("{out}");
    Ok(())
}
