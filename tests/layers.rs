//! The engine's layers import only downward: every `crate::` or `super::` path in a module must
//! name a module of a lower layer, or its own. Reads the sources, so it stays true as code moves.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

/// From the bottom. Modules of one layer may not name each other. `input`, `endpoints` and
/// `rules` are layered inside too; `x::*` is every other module under `x`, and a module may
/// always name its own ancestors (a shape reader uses `input`'s shared helpers).
const LAYERS: &[&[&str]] = &[
    &["text"],
    &["span"],
    &["connector"],
    &["redact"],
    &["finding"],
    &["input::tree"],
    &["input::json", "input::properties", "input::yaml"],
    &["input::*"],
    &["input::module"],
    &["input"],
    &["endpoints::url", "endpoints::bootstrap"],
    &["endpoints::link"],
    &["endpoints::mongodb"],
    &["endpoints::modes", "endpoints::http"],
    &["endpoints::jdbc", "endpoints::debezium", "endpoints::managed", "endpoints::services", "endpoints::kafka"],
    &["endpoints::schemes"],
    &["endpoints"],
    &["rules::destination", "rules::msk_recreate"],
    &["rules::*"],
    &["rules"],
    &["policy"],
    &["engine"],
    &["report"],
    &["render", "fix"],
    &["sarif"],
    &["cli"],
    &["crash"],
    &["lib", "wasm", "main"],
];

/// The layer of a module path (`endpoints::jdbc`, `input::json`, `rules::plaintext_secret`): its
/// own entry, its parent's `::*` entry, or the layer of the nearest listed ancestor.
fn layer(module: &str) -> Option<usize> {
    let position = |name: &str| LAYERS.iter().position(|l| l.contains(&name));
    if let Some(layer) = position(module) {
        return Some(layer);
    }
    let mut ancestor = module;
    while let Some((parent, _)) = ancestor.rsplit_once("::") {
        if let Some(layer) = position(&format!("{parent}::*")).or_else(|| position(parent)) {
            return Some(layer);
        }
        ancestor = parent;
    }
    None
}

/// `src/endpoints/jdbc.rs` is `endpoints::jdbc`; `src/input/mod.rs` is `input`.
fn module_of(path: &Path, src: &Path) -> String {
    let relative = path.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().to_string()).filter(|p| p != "mod").collect();
    parts.join("::")
}

/// The modules a file names through `crate::a::b` and `super::x` paths, resolved against its own
/// path: the longest prefix of each path that is one of `modules`.
fn references(module: &str, text: &str, modules: &[String]) -> Vec<String> {
    let code: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let parent: Vec<&str> = module.split("::").collect();
    let mut found = Vec::new();
    for word in code.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':')) {
        let path: Vec<&str> = if let Some(rest) = word.strip_prefix("crate::") {
            rest.split("::").take_while(|s| !s.is_empty()).collect()
        } else if let Some(rest) = word.strip_prefix("super::") {
            let mut base = parent[..parent.len().saturating_sub(1)].to_vec();
            base.extend(rest.split("::").take_while(|s| !s.is_empty()));
            base
        } else {
            continue;
        };
        if let Some(target) = (1..=path.len()).rev().map(|n| path[..n].join("::")).find(|m| modules.contains(m)) {
            found.push(target);
        }
    }
    found
}

fn source_files(src: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn modules_import_only_from_layers_below() {
    let src = common::root().join("src");
    let files = source_files(&src);
    let modules: Vec<String> = files.iter().map(|p| module_of(p, &src)).collect();
    let mut violations = BTreeMap::new();
    for (path, module) in files.iter().zip(&modules) {
        let own = layer(module).unwrap_or_else(|| panic!("{module} is in no layer: add it to LAYERS"));
        let text = std::fs::read_to_string(path).unwrap();
        // Unit tests at the end of a module may use any layer to build their inputs.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for target in references(module, code, &modules) {
            let theirs = layer(&target).unwrap_or(own);
            let own_or_ancestor = *module == target || module.starts_with(&format!("{target}::"));
            if theirs >= own && !own_or_ancestor {
                violations.entry(module.clone()).or_insert_with(Vec::new).push(target);
            }
        }
    }
    assert!(violations.is_empty(), "modules that name a module of their own layer or above: {violations:#?}");
}

#[test]
fn the_checker_sees_an_upward_or_sideways_import() {
    let modules: Vec<String> = ["rules", "endpoints", "endpoints::jdbc", "endpoints::debezium"].map(String::from).to_vec();
    assert_eq!(references("endpoints::jdbc", "use crate::rules::Rule;", &modules), ["rules"]);
    assert!(layer("rules").unwrap() > layer("endpoints::jdbc").unwrap());
    assert_eq!(references("endpoints::jdbc", "use super::debezium::TLS_SETTINGS;", &modules), ["endpoints::debezium"]);
    assert_eq!(layer("endpoints::jdbc"), layer("endpoints::debezium"), "analysers share a layer, so one naming another fails");
    assert!(layer("input::json") < layer("input::msk_api") && layer("input::msk_api") < layer("input"));
    assert_eq!(layer("rules::plaintext_secret"), layer("rules::duplicate_key"));
}

/// The Extism plugin (plugin/) is a front door too: it reaches the engine only through the crate's
/// root API (`msk_connect_lint::check`, never `msk_connect_lint::input::…`), and only its
/// `exports.rs` names Extism, as only `src/wasm.rs` (and its tests) name wasm-bindgen.
#[test]
fn the_plugin_uses_the_root_api_and_one_file_names_extism() {
    let plugin = common::root().join("plugin").join("src");
    let mut named_extism = Vec::new();
    for path in source_files(&plugin) {
        let text = std::fs::read_to_string(&path).unwrap();
        let code: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
        for (at, _) in code.match_indices("msk_connect_lint::") {
            let rest = &code[at + "msk_connect_lint::".len()..];
            let item: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            assert!(!rest[item.len()..].starts_with("::"), "{}: msk_connect_lint::{item}:: is below the root API", path.display());
        }
        if code.contains("extism_pdk") {
            named_extism.push(path.file_name().unwrap().to_string_lossy().to_string());
        }
    }
    assert_eq!(named_extism, ["exports.rs"]);
    for path in source_files(&common::root().join("src")) {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("extism"), "{}: the engine does not name Extism", path.display());
    }
}
