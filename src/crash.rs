//! What a panic prints. A panic's own message may quote the input (a string slice that splits a
//! character quotes the whole string, a secret included), so only its location is printed.

use std::panic::PanicHookInfo;

/// The one line a panic prints: where it happened, never what it said.
pub fn message(info: &PanicHookInfo<'_>) -> String {
    let place = info.location().map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column())).unwrap_or_default();
    format!(
        "msk-connect-lint: internal error{place}. This is a bug: please report it with the shape of the input (the panic's \
         message is withheld because it may quote the input, secrets included).\n"
    )
}

/// Replaces the default hook (which prints the message) with one that prints `message` through `print`.
pub fn install(print: fn(&str)) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(move |info| print(&message(info)))));
}

/// For std targets (the native CLI, the WASI command, the Extism plugin): standard error.
pub fn install_stderr() {
    install(|text| {
        use std::io::Write;
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    });
}
