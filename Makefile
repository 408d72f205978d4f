# `make test` and `make serve` install what is missing, build, and run. Every step is idempotent.
SHELL := /bin/bash
.DEFAULT_GOAL := test
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: test test-rust lint serve build bench
.PHONY: setup-wasm setup-browser lint-wasm test-js test-wasm test-wasm-node test-wasm-browser test-node
.PHONY: test-browser test-bundlers setup-precommit test-precommit

test: lint test-rust test-js test-browser test-bundlers test-precommit

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

test-rust:
	cargo test

# --- WebAssembly module and npm package (issue 4) ---------------------------------------------
# The wasm-bindgen CLI must match the crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

setup-wasm: node_modules/.installed
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@# No --locked: the registry reachable here lacks one locked dependency of wasm-bindgen-cli.
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || \
		nice cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force

# JS dev tools (npm binaryen for wasm-opt, typescript, ajv, playwright-core) from package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Debian's chromium and chromedriver for the browser tests (no downloaded browsers).
setup-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver; }

# pkg/ (the npm package: nodejs and web targets) and www/pkg/ (the web glue for the page, and
# the page's editor: CodeMirror bundled by esbuild into www/pkg/codemirror.js).
build: setup-wasm
	node pkg-config/build.mjs
	node www-src/build.mjs

test-js: lint-wasm test-wasm test-node

# Clippy on the wasm target too (src/wasm.rs only compiles there).
lint-wasm: setup-wasm
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-wasm: test-wasm-node test-wasm-browser

test-wasm-node: setup-wasm
	cargo test --target wasm32-unknown-unknown --lib

test-wasm-browser: setup-wasm setup-browser
	WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
		WASM_BINDGEN_TEST_WEBDRIVER_JSON=tests/browser/webdriver.json \
		cargo test --target wasm32-unknown-unknown --lib

# The package API, the CLI, SARIF against its schema, the tarball install, and JS = native reports.
test-node: build setup-browser
	cargo build --bin msk-connect-lint
	node --test --test-concurrency=2 tests/node/

bench: build setup-browser
	cargo build --release --bin msk-connect-lint
	node pkg-config/bench.mjs
	node tests/browser/bench.mjs

# --- The web page (issue 5) -------------------------------------------------------------------
SERVE_PORT ?= 8080

# www/ (with the www/pkg/ that `build` copies in) on http://127.0.0.1:$(SERVE_PORT), until Ctrl+C.
serve: build
	node www/serve.mjs --host 127.0.0.1 --port $(SERVE_PORT)

# The page in Debian's Chromium through playwright-core; screenshots in tests/output/screenshots/.
test-browser: build setup-browser
	node --test --test-concurrency=1 tests/browser/

# --- Where linters are wired in (issue 12) ------------------------------------------------------
# The packed tarball in apps built with Vite and with esbuild, run in Chromium.
test-bundlers: build setup-browser
	node --test --test-concurrency=1 tests/bundlers/

# pre-commit from PyPI, pinned, in target/venv (created once; reinstalled when the pin changes).
PRE_COMMIT_VERSION := 4.7.0
VENV := target/venv

setup-precommit:
	@[ -x $(VENV)/bin/python ] || python3 -m venv $(VENV)
	@[ "$$($(VENV)/bin/pre-commit --version 2>/dev/null)" = "pre-commit $(PRE_COMMIT_VERSION)" ] || \
		$(VENV)/bin/pip install --quiet --disable-pip-version-check pre-commit==$(PRE_COMMIT_VERSION)

# .pre-commit-hooks.yaml on a temporary repository: a refused commit and an accepted one.
test-precommit: setup-precommit
	node --test tests/precommit/
