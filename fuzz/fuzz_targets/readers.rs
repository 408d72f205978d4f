//! Every reader (JSON with spans, properties, YAML, HCL, and the shapes on top of them), each
//! forced on the same bytes: an error or connectors, never a panic, a hang or a stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msk_connect_lint::connector::Format;
use msk_connect_lint::input;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = input::read(&text, None);
    for format in Format::ALL {
        let _ = input::read(&text, Some(format));
    }
});
