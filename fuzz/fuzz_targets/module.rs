//! A Terraform module of two files cut from the bytes, checked and fixed as the CLI does a
//! directory: findings land in a file of the module, fixes give every file back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msk_connect_lint::{check_module, fix_module, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cut = text.char_indices().map(|(i, _)| i).nth(text.chars().count() / 2).unwrap_or(0);
    let (main, vars) = text.split_at(cut);
    let files = [("main.tf", main), ("terraform.tfvars", vars), ("connector.json", "{}")];
    let options = Options::default();
    let checked = check_module(&files, &options);
    assert_eq!(checked.len(), files.len(), "every file of the module has a result");
    if let Ok(fixed) = fix_module(&files, &options) {
        assert_eq!(fixed.texts.len(), files.len(), "a fix gives every file back");
    }
});
