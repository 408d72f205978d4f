//! The whole pipeline on any input with any options: `check`, then `fix`, then a check of what
//! the fix wrote, which must read (a fix never breaks a file).
#![no_main]

use libfuzzer_sys::fuzz_target;
use msk_connect_lint::connector::Format;
use msk_connect_lint::{check, fix, OptionsInput};

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let mut input = OptionsInput::default();
    // Low bits choose a forced format (or detection), the high bit unsafe fixes.
    let formats = Format::ALL;
    let index = usize::from(choice & 0x3f);
    input.format = formats.get(index).map(|f| f.name().to_string());
    input.unsafe_fixes = Some(choice & 0x80 != 0);
    input.today = Some("2026-12-01".to_string());
    let Ok(options) = input.resolve() else { return };
    let checked = check(&text, &options);
    if let Ok(fixed) = fix(&text, &options) {
        let Ok(report) = checked else { panic!("fix read what check refused") };
        // The fixed text reads as the input did: with the same options, or else forced to the
        // shape it was read as (a fix that removes the keys detection looks for, all of a
        // worker's refused keys, may leave it undetectable). A shape forced on YAML text that
        // detection read is read as JSON, so the same options come first.
        if let Some(first) = report.connectors.first().filter(|_| !fixed.applied.is_empty()) {
            let Err(error) = check(&fixed.output, &options) else { return };
            let mut again = OptionsInput::default();
            again.format = Some(first.format.to_string());
            let Ok(again) = again.resolve() else { return };
            if check(&fixed.output, &again).is_err() {
                let benign = ["no settings found", "not a connector configuration"];
                assert!(benign.iter().any(|b| error.message.starts_with(b)), "a fix broke the input: {error:?}");
            }
        }
    }
});
