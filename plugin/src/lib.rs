//! msk-connect-lint as an Extism plugin: one `.wasm` (wasm32-wasip1) that any Extism host (Go,
//! Java, .NET, Python, Ruby, Rust, PHP, Elixir, JS) calls as `validate`, `fix`, `rules`, `version`.
//!
//! A thin adapter, like the wasm-bindgen binding (`src/wasm.rs`): this file is the JSON API, with
//! no Extism in it so that it is unit-tested natively; `exports.rs` (WASI only) moves bytes between
//! the host and these functions. A request is `{"input": text | object, "options": {...}}`; the
//! answer is the report the npm package and `--format json` give, and an error is the JSON
//! `{"name", "message", "line", "column"}` with the npm package's names.

use msk_connect_lint::{LocatedError, Options, OptionsInput};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// wasm32-wasip1 only: the host's WASI gives the engine its clock (for `today`).
#[cfg(all(target_arch = "wasm32", target_os = "wasi"))]
mod exports;

/// The largest request read: a larger one is refused before it is copied into the plugin's
/// memory, so a host that passes a huge input gets an `InputError`, not a plugin out of memory.
/// Real configurations (a Terraform plan with many connectors included) are far smaller.
/// Twice the engine's input cap: the request is JSON, whose escapes may double a text's size.
pub const MAX_REQUEST_BYTES: u64 = 2 * msk_connect_lint::MAX_INPUT_BYTES as u64;

/// What the host gets as the Extism error: this, as JSON.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Error {
    /// `InputError` (the configuration), `OptionsError` (the options), `TypeError` (a request of
    /// the wrong shape), as the npm package names them.
    pub name: &'static str,
    pub message: String,
    /// 1-based, in the input text; absent for a parsed object, whose text the host never saw.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Error {
    fn new(name: &'static str, message: impl Into<String>) -> Error {
        Error { name, message: message.into(), line: None, column: None }
    }

    /// The error as JSON; the fields cannot fail to serialize, but a message is never lost.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| format!("{}: {}", self.name, self.message))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Request<'a> {
    #[serde(borrow)]
    input: &'a RawValue,
    #[serde(default, borrow)]
    options: Option<&'a RawValue>,
}

/// The configuration to check, and whether it came as a parsed object (then without positions).
struct Input {
    text: String,
    parsed: bool,
}

/// An `InputError` unless `length` (the request's size in bytes) is within `MAX_REQUEST_BYTES`.
pub fn within_limit(length: u64) -> Result<(), Error> {
    if length > MAX_REQUEST_BYTES {
        return Err(Error::new("InputError", format!("the request is {length} bytes; the plugin reads at most {MAX_REQUEST_BYTES}")));
    }
    Ok(())
}

fn request(bytes: &[u8]) -> Result<(Input, Options), Error> {
    within_limit(bytes.len() as u64)?;
    let request: Request = serde_json::from_slice(bytes)
        .map_err(|e| Error::new("TypeError", format!("expected the request as JSON {{\"input\": ..., \"options\": {{...}}}}: {e}")))?;
    let options = options(request.options)?;
    let raw = request.input.get();
    let input = match raw.as_bytes().first() {
        Some(b'"') => Input { text: serde_json::from_str(raw).map_err(|e| Error::new("TypeError", format!("input: {e}")))?, parsed: false },
        Some(b'{' | b'[') => Input { text: raw.to_string(), parsed: true },
        _ => return Err(Error::new("TypeError", "expected the configuration as text or as a parsed object")),
    };
    Ok((input, options))
}

/// Absent or `null` means no options; otherwise `OptionsInput`'s JSON form, with the config file's
/// messages.
fn options(raw: Option<&RawValue>) -> Result<Options, Error> {
    let Some(raw) = raw.map(RawValue::get).filter(|r| *r != "null") else { return Ok(Options::default()) };
    if !raw.starts_with('{') {
        return Err(Error::new("OptionsError", "options must be an object"));
    }
    OptionsInput::from_json(raw).and_then(|o| o.resolve()).map_err(|e| Error::new("OptionsError", e.without_position()))
}

fn input_error(error: &LocatedError, parsed: bool) -> Error {
    let (line, column) = if parsed { (None, None) } else { (Some(error.line), Some(error.column)) };
    Error { name: "InputError", message: error.message.clone(), line, column }
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::new("Error", e.to_string()))
}

/// The report for the request's input.
pub fn validate(bytes: &[u8]) -> Result<String, Error> {
    let (input, options) = request(bytes)?;
    let mut report = msk_connect_lint::check(&input.text, &options).map_err(|e| input_error(&e, input.parsed))?;
    if input.parsed {
        report.strip_ranges();
    }
    to_json(&report)
}

/// `{output, applied, remaining}`: `output` is text for text input and JSON for a parsed object.
pub fn fix(bytes: &[u8]) -> Result<String, Error> {
    #[derive(Serialize)]
    #[serde(untagged)]
    enum Output<'a> {
        Text(&'a str),
        Parsed(Box<RawValue>),
    }
    #[derive(Serialize)]
    struct Fixed<'a> {
        output: Output<'a>,
        applied: &'a [msk_connect_lint::Finding],
        remaining: &'a msk_connect_lint::Report,
    }
    let (input, options) = request(bytes)?;
    let mut outcome = msk_connect_lint::fix(&input.text, &options).map_err(|e| input_error(&e, input.parsed))?;
    let output = if input.parsed {
        outcome.applied.iter_mut().for_each(|f| f.range = None);
        outcome.remaining.strip_ranges();
        let parsed =
            RawValue::from_string(outcome.output.clone()).map_err(|_| Error::new("InputError", "fix produced text that is not JSON"))?;
        Output::Parsed(parsed)
    } else {
        Output::Text(&outcome.output)
    };
    to_json(&Fixed { output, applied: &outcome.applied, remaining: &outcome.remaining })
}

/// The rule catalogue with each rule's Markdown docs.
pub fn rules() -> Result<String, Error> {
    to_json(&msk_connect_lint::rules())
}

/// The engine's version, as plain text.
pub fn version() -> &'static str {
    msk_connect_lint::VERSION
}

#[cfg(test)]
mod tests;
