//! The wasm-bindgen binding (built in the WebAssembly module issue).
