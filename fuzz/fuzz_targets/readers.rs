//! Every reader (JSON with spans, properties, YAML, HCL, and the shapes on top of them): the first
//! byte picks detection or one forced format, the rest is the text. An error or connectors,
//! never a panic, a hang or a stack overflow. One read per run keeps runs cheap, and the fuzzer
//! learns which choice byte reaches which reader.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msk_connect_lint::connector::Format;
use msk_connect_lint::input;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let format = Format::ALL.get(usize::from(choice) % (Format::ALL.len() + 1)).copied();
    let _ = input::read(&text, format);
});
