//! The wasm-bindgen binding: with its tests (`wasm/tests.rs`), the only file that names
//! `wasm_bindgen`, `js_sys` or `JsValue`.
//!
//! A thin adapter: take JS values, call the core, hand back plain JS objects (never `Map`s) or
//! throw a JS `Error` named `InputError` or `OptionsError`. `_cli` hands the Node CLI the same
//! driver as the native one (`crate::cli`). The TypeScript declarations are `wasm.d.ts`; the tests
//! (under Node and in Chromium) are `wasm/tests.rs`.

use crate::policy::{Options, OptionsInput};
use crate::report::{LocatedError, Report};
use crate::{Finding, VERSION};
use js_sys::{Error, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The declarations of everything below (each export is `skip_typescript`), in one hand-written file.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("wasm.d.ts");

/// Checks `input` (text, or a parsed object) and returns the report.
#[wasm_bindgen(skip_typescript)]
pub fn validate(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    set_panic_hook();
    let options = options_from(&options)?;
    let input = Input::from(&input)?;
    let mut report = crate::check(&input.text, &options).map_err(|e| input_error(&e, input.parsed))?;
    if input.parsed {
        report.strip_ranges();
    }
    to_js(&report)
}

/// Applies fixes; `{ output, applied, remaining }`, with `output` of the same kind as `input`.
#[wasm_bindgen(skip_typescript)]
pub fn fix(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    set_panic_hook();
    let options = options_from(&options)?;
    let input = Input::from(&input)?;
    let mut outcome = crate::fix(&input.text, &options).map_err(|e| input_error(&e, input.parsed))?;
    if input.parsed {
        outcome.applied.iter_mut().for_each(|f| f.range = None);
        outcome.remaining.strip_ranges();
    }
    let result = to_js(&FixResult { output: &outcome.output, applied: &outcome.applied, remaining: &outcome.remaining })?;
    if input.parsed {
        let output = JSON::parse(&outcome.output).map_err(|_| named_error("InputError", "fix produced text that is not JSON"))?;
        Reflect::set(&result, &JsValue::from_str("output"), &output)?;
    }
    Ok(result)
}

/// The rule catalogue with each rule's Markdown docs.
#[wasm_bindgen(skip_typescript)]
pub fn rules() -> Result<JsValue, JsValue> {
    set_panic_hook();
    to_js(&crate::rules())
}

/// SARIF 2.1.0 for a report, an array of reports, or `{ path, report | error }` entries.
#[wasm_bindgen(js_name = toSarif, skip_typescript)]
pub fn to_sarif(reports: JsValue) -> Result<JsValue, JsValue> {
    set_panic_hook();
    let value = json_value(&reports)
        .ok_or_else(|| type_error("toSarif expects a report, an array of reports, or { path, report | error } entries"))?;
    let sarif = crate::sarif::sarif_from_json(&value).map_err(|e| type_error(&e))?;
    to_js(&sarif)
}

/// The text with every secret value replaced by a placeholder, layout kept (`fix::redact_text`).
#[wasm_bindgen(skip_typescript)]
pub fn redact(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    set_panic_hook();
    let options = options_from(&options)?;
    let text = input.as_string().ok_or_else(|| type_error("redact expects the configuration as text"))?;
    let redacted = crate::fix::redact_text(&text, options.format).map_err(|e| input_error(&LocatedError::from_input(&text, &e), false))?;
    Ok(JsValue::from_str(&redacted))
}

#[wasm_bindgen(skip_typescript)]
pub fn version() -> String {
    VERSION.to_string()
}

/// The engine half of the Node CLI, not a public API: `cli.mjs` passes the arguments and what it
/// has read so far (`cli::Io`), and does the I/O of the `cli::Step` it gets back.
#[wasm_bindgen(js_name = _cli, skip_typescript)]
pub fn cli(argv: JsValue, io: JsValue) -> Result<JsValue, JsValue> {
    set_panic_hook();
    // Through JSON: serde_wasm_bindgen ignores unknown fields, and a misspelt answer must fail
    // rather than have the same step asked again forever.
    let json = |value: &JsValue| JSON::stringify(value).ok().and_then(|s| s.as_string()).unwrap_or_default();
    let argv: Vec<String> = serde_json::from_str(&json(&argv)).map_err(|e| type_error(&format!("_cli argv: {e}")))?;
    let mut io: crate::cli::Io = serde_json::from_str(&json(&io)).map_err(|e| type_error(&format!("_cli io: {e}")))?;
    io.today = today();
    to_js(&crate::cli::step(&argv, &io))
}

#[derive(Serialize)]
struct FixResult<'a> {
    output: &'a str,
    applied: &'a [Finding],
    remaining: &'a Report,
}

/// The text to check, and whether it came from a parsed object (then it has no positions).
struct Input {
    text: String,
    parsed: bool,
}

impl Input {
    fn from(value: &JsValue) -> Result<Input, JsValue> {
        // More UTF-16 units than the byte cap is more UTF-8 bytes too: refused from its head,
        // before the whole text is copied into the module's memory (a 65 MB paste took 250 MB).
        if let Some(huge) = value.dyn_ref::<js_sys::JsString>().filter(|s| s.length() as usize > crate::MAX_INPUT_BYTES) {
            let head = String::from(huge.slice(0, crate::MAX_INPUT_BYTES as u32 + 1));
            if let Err(error) = crate::check(&head, &Options::default()) {
                return Err(input_error(&error, false));
            }
        }
        if let Some(text) = value.as_string() {
            return Ok(Input { text, parsed: false });
        }
        if !value.is_object() {
            return Err(type_error("expected the configuration as text or as a parsed object"));
        }
        let text = JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| named_error("InputError", "the object cannot be turned into JSON"))?;
        Ok(Input { text, parsed: true })
    }
}

/// `undefined` and `null` mean no options; anything else goes through `OptionsInput`'s JSON
/// form, so JS sees the same messages as the config file. `today` defaults to the JS clock.
fn options_from(value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options { today: today(), ..Options::default() });
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(named_error("OptionsError", "options must be an object"));
    }
    let text = JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| named_error("OptionsError", "options cannot be turned into JSON"))?;
    let mut options =
        OptionsInput::from_json(&text).and_then(|o| o.resolve()).map_err(|e| named_error("OptionsError", e.without_position()))?;
    options.today = options.today.or_else(today);
    Ok(options)
}

/// Today in UTC as `YYYY-MM-DD`, as the native CLI computes it from the system clock.
fn today() -> Option<String> {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).filter(|d| crate::policy::is_date(d)).map(str::to_string)
}

fn json_value(value: &JsValue) -> Option<serde_json::Value> {
    if !value.is_object() {
        return None;
    }
    let text = JSON::stringify(value).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from(Error::new(&e.to_string())))
}

fn named_error(name: &str, message: &str) -> JsValue {
    let error = Error::new(message);
    error.set_name(name);
    error.into()
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

/// An `InputError` with the position; a parsed object has no text positions, so none then.
fn input_error(error: &LocatedError, parsed: bool) -> JsValue {
    let value = named_error("InputError", &error.message);
    if !parsed {
        let _ = Reflect::set(&value, &JsValue::from_str("line"), &JsValue::from(error.line as f64));
        let _ = Reflect::set(&value, &JsValue::from_str("column"), &JsValue::from(error.column as f64));
    }
    value
}

/// A panic traps the module (panic = "abort"); first it says where on the console, never what.
fn set_panic_hook() {
    crate::crash::install(console_error);
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

#[cfg(test)]
mod tests;
