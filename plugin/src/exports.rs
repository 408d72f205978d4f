//! The Extism glue, the only file of the plugin that names `extism_pdk`: each export reads the
//! host's input, calls the JSON API (`lib.rs`), and sets the output, or the error as JSON with
//! return code 1. The release build aborts on panic, so a bug traps (an error in the host's
//! call), never a crash of the host.

use crate::Error;
use extism_pdk::{extism, Memory};

#[no_mangle]
pub extern "C" fn validate() -> i32 {
    with_input(crate::validate)
}

#[no_mangle]
pub extern "C" fn fix() -> i32 {
    with_input(crate::fix)
}

#[no_mangle]
pub extern "C" fn rules() -> i32 {
    respond(crate::rules())
}

#[no_mangle]
pub extern "C" fn version() -> i32 {
    respond(Ok(crate::version().to_string()))
}

/// Checks the size before the input is copied into the plugin's memory.
fn with_input(handler: fn(&[u8]) -> Result<String, Error>) -> i32 {
    msk_connect_lint::install_panic_hook();
    // SAFETY: a call into the Extism kernel, which every Extism host links.
    let length = unsafe { extism::input_length() };
    respond(crate::within_limit(length).and_then(|()| handler(&extism_pdk::input_bytes())))
}

fn respond(result: Result<String, Error>) -> i32 {
    let error = match result {
        Ok(json) => match extism_pdk::output(json) {
            Ok(()) => return 0,
            Err(e) => Error { name: "Error", message: e.to_string(), line: None, column: None },
        },
        Err(error) => error,
    };
    // The kernel owns the block once it is the error; it is not freed here.
    if let Ok(memory) = Memory::from_bytes(error.to_json()) {
        // SAFETY: as above; `memory` is a live block of the kernel's.
        unsafe { extism::error_set(memory.offset()) };
    }
    1
}
