//! The panic hook, in a test binary of its own: it replaces the hook for the whole process.

/// A panic's message can quote the input (slicing a string inside a character quotes all of it);
/// what the hook prints is only where it happened.
#[test]
fn panic_messages_name_the_place_not_the_input() {
    static PRINTED: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());
    msk_connect_lint::crash::install(|text| PRINTED.lock().unwrap().push_str(text));
    let input = format!("é{SECRET}");
    let cut = std::hint::black_box(1);
    let caught = std::panic::catch_unwind(|| input[..cut].len());
    assert!(caught.is_err(), "slicing inside a character panics");
    let printed = PRINTED.lock().unwrap().clone();
    assert!(printed.contains("internal error at tests/crash.rs:"), "{printed}");
    assert!(!printed.contains(SECRET), "{printed}");
}

const SECRET: &str = "Pw-Planted-0001";
