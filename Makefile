# `make test` and `make serve` install what is missing, build, and run. Every step is idempotent.
SHELL := /bin/bash
.DEFAULT_GOAL := test
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: test test-rust lint serve build bench bench-peers setup-time limits
.PHONY: venv setup-wasm setup-browser lint-wasm test-js test-wasm test-wasm-node test-wasm-browser test-node
.PHONY: test-browser setup-conformance test-conformance setup-fuzz fuzz-seeds fuzz fuzz-smoke test-fuzz-replay
.PHONY: setup-wasi build-wasi lint-wasi test-hosts bench-hosts test-bundlers test-precommit

test: lint test-rust test-conformance test-js test-browser test-bundlers test-precommit test-hosts fuzz-smoke test-fuzz-replay

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

test-rust:
	cargo test

# --- Conformance suite (issue 14) -------------------------------------------------------------
# pgJDBC and MariaDB Connector/J against PostgreSQL and MariaDB servers on 127.0.0.1, all from
# Debian; the report goes to target/conformance/.
CONFORMANCE_PACKAGES := postgresql libpostgresql-jdbc-java mariadb-server libmariadb-java

setup-conformance:
	@missing=$$(for p in $(CONFORMANCE_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
		command -v javac >/dev/null || missing="$$missing default-jdk-headless"; \
		[ -z "$$missing" ] || { apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; }

test-conformance: setup-conformance
	cargo test --test conformance -- --ignored --nocapture

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

# Python packages the tests use (tests/python/requirements.txt), in a venv of the project's own.
venv: target/venv/.installed
target/venv/.installed: tests/python/requirements.txt
	python3 -m venv target/venv
	target/venv/bin/pip install --quiet --disable-pip-version-check -r tests/python/requirements.txt
	@touch $@

# Debian's chromium and chromedriver for the browser tests (no downloaded browsers).
setup-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver; }

# pkg/ (the npm package: nodejs and web targets), www/pkg/ (the web glue for the page, and the
# page's editor: CodeMirror bundled by esbuild into www/pkg/codemirror.js), and dist/ (the
# Extism plugin and the WASI command).
build: setup-wasm build-wasi
	node pkg-config/build.mjs
	node www-src/build.mjs

test-js: lint-wasm test-wasm test-node

# Clippy on the wasm target too (src/wasm.rs only compiles there).
lint-wasm: setup-wasm
	cargo clippy --target wasm32-unknown-unknown -p msk-connect-lint --all-targets -- -D warnings

test-wasm: test-wasm-node test-wasm-browser

test-wasm-node: setup-wasm
	cargo test --target wasm32-unknown-unknown -p msk-connect-lint --lib

test-wasm-browser: setup-wasm setup-browser
	WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
		WASM_BINDGEN_TEST_WEBDRIVER_JSON=tests/browser/webdriver.json \
		cargo test --target wasm32-unknown-unknown -p msk-connect-lint --lib

# The package API, the CLI, SARIF against its schema, the tarball install, and JS = native reports.
test-node: build setup-browser venv
	cargo build --bin msk-connect-lint
	node --test --test-concurrency=2 tests/node/

# --- Benchmarks (issue 11) ---------------------------------------------------------------------
# One table, also in target/bench.json: the engine against serde_json's parse, wasm against
# native, cold start, sizes, the CLIs over 5,000 files, and the page in Chromium; every ratio
# measured side by side in one run. BENCH_QUICK=1 for short settings. Never fails on a target.
# GNU time (Debian's `time`) for peak RSS.
setup-time:
	@[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq --no-install-recommends time; }

bench: build setup-browser setup-time
	nice cargo build --release --bin msk-connect-lint
	node pkg-config/bench.mjs

# The adversarial inputs of tests/limits/ through the native binary and the wasm module under
# Node, each in a fresh process: time, peak RSS and the answer (README, "Limits").
limits: build setup-time
	nice cargo build --release --bin msk-connect-lint
	node tests/limits/measure.mjs

# Checkov (pinned, in a venv of its own) against the npm CLI and the native CLI over the corpus's
# Terraform files; merged into target/bench.json. Not part of `make test` or CI.
CHECKOV_VERSION := 3.2.533
PEERS_VENV := target/peers/venv

bench-peers: build setup-time
	nice cargo build --release --bin msk-connect-lint
	@[ -x $(PEERS_VENV)/bin/checkov ] && [ "$$($(PEERS_VENV)/bin/checkov --version)" = "$(CHECKOV_VERSION)" ] || \
		{ python3 -m venv $(PEERS_VENV) && $(PEERS_VENV)/bin/pip install --quiet --disable-pip-version-check checkov==$(CHECKOV_VERSION); }
	node pkg-config/bench.mjs --peers

# --- The web page (issue 5) -------------------------------------------------------------------
SERVE_PORT ?= 8080

# www/ (with the www/pkg/ that `build` copies in) on http://127.0.0.1:$(SERVE_PORT), until Ctrl+C.
serve: build
	node www/serve.mjs --host 127.0.0.1 --port $(SERVE_PORT)

# The page in Debian's Chromium through playwright-core; screenshots in tests/output/screenshots/.
test-browser: build setup-browser
	node --test --test-concurrency=1 tests/browser/

# --- Fuzzing (issue 10) -----------------------------------------------------------------------
# cargo-fuzz (libFuzzer, nightly) over every reader, the value parsers, the check+fix pipeline
# and Terraform modules. Seeds are the project's own inputs and fuzz/regressions/ (every crash
# found, kept); new crashes land in fuzz/artifacts/. No sanitizer: the engine is safe Rust, so
# AddressSanitizer finds nothing debug assertions (overflow checks included) do not, at a third
# of the speed. Inputs up to 4 KiB: connector files are smaller, and short runs go further.
# Slow inputs are saved, not fatal (-ignore_timeouts): they are bugs to fix, not reasons to stop.
# That needs libFuzzer's fork mode, which runs about half the inputs a second (check_fix from the
# seeds for 69 s: 61,194 against 109,925 in one process); FUZZ_FORK=0 runs one process, for long
# runs, stopping at the first slow input.
FUZZ_TARGETS := check_fix readers values module
FUZZ_SECONDS ?= 600
FUZZ_RUNS ?= 0
FUZZ_FORK ?= 1
CARGO_FUZZ_VERSION := 0.13.2

setup-fuzz:
	@[ "$$(cargo fuzz --version 2>/dev/null)" = "cargo-fuzz $(CARGO_FUZZ_VERSION)" ] || \
		nice cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION)
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal

# Every target starts from the same seeds: the fixtures, the corpus, the brief's examples, the
# samples and the regressions.
fuzz-seeds:
	@for t in $(FUZZ_TARGETS); do mkdir -p fuzz/corpus/$$t; \
		find tests/fixtures tests/corpus tests/seed-examples www/samples fuzz/regressions -type f -size -64k \
			-exec sh -c 'cp "$$1" "fuzz/corpus/'"$$t"'/seed-$$(echo "$$1" | md5sum | cut -c1-16)"' _ {} \; ; done

# Each target for FUZZ_SECONDS (default 10 minutes) or FUZZ_RUNS executions, whichever comes
# first: `make fuzz FUZZ_SECONDS=3600`, `make fuzz FUZZ_RUNS=10000000 FUZZ_SECONDS=100000`.
fuzz: setup-fuzz fuzz-seeds
	@for t in $(FUZZ_TARGETS); do \
		(cd fuzz && nice cargo +nightly fuzz run --sanitizer none --debug-assertions $$t corpus/$$t -- -dict=dict.txt \
			-max_total_time=$(FUZZ_SECONDS) -runs=$(if $(filter 0,$(FUZZ_RUNS)),-1,$(FUZZ_RUNS)) \
			-max_len=4096 -timeout=5 -rss_limit_mb=2048 $(if $(filter 0,$(FUZZ_FORK)),,-fork=$(FUZZ_FORK) -ignore_timeouts=1) -print_final_stats=1) || exit 1; done

# A short round of each target, in `make test`: about a minute in all.
fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=15

# What the fuzzers found (and fuzz/regressions/) through the wasm module under Node: no trap.
test-fuzz-replay: build
	node --test tests/fuzz/

# --- Extism plugin and WASI command (issue 13) ------------------------------------------------
# Both are wasm32-wasip1 builds of the same engine: plugin/ (an Extism plugin, validate/fix/rules/
# version over JSON) and src/main.rs (the CLI, reading what the host preopens). wasm-opt -Oz with
# npm's binaryen, as for the npm module.
WASI_OUT := target/wasm32-wasip1/release
PLUGIN_WASM := dist/msk-connect-lint-plugin.wasm
WASI_WASM := dist/msk-connect-lint-wasi.wasm
WASM_OPT := node_modules/.bin/wasm-opt

setup-wasi: node_modules/.installed
	@rustup target list --installed | grep -qx wasm32-wasip1 || rustup target add wasm32-wasip1

build-wasi: setup-wasi
	@# One cargo run for both: built apart, the engine would be rebuilt each time for the other.
	@# opt-level 3, as for the npm module (pkg-config/build.mjs, which says why).
	nice cargo build --release --target wasm32-wasip1 -p msk-connect-lint -p msk-connect-lint-plugin --lib --bins
	@$(MAKE) --no-print-directory $(PLUGIN_WASM) $(WASI_WASM)

# The features rustc enabled are recorded in the module; wasm-opt must accept the same ones.
define wasm_opt
	@mkdir -p $(dir $@)
	$(WASM_OPT) $< -Oz $$($(WASM_OPT) --print-features $< 2>/dev/null | grep -- --enable-) --strip-debug --strip-producers -o $@
endef

$(PLUGIN_WASM): $(WASI_OUT)/msk_connect_lint_plugin.wasm
	$(wasm_opt)

$(WASI_WASM): $(WASI_OUT)/msk-connect-lint.wasm
	$(wasm_opt)

# Clippy on wasm32-wasip1: the plugin's Extism glue and the CLI's WASI paths only compile there.
lint-wasi: setup-wasi
	cargo clippy --target wasm32-wasip1 -p msk-connect-lint-plugin -p msk-connect-lint --lib --bins -- -D warnings

# The plugin from Python (extism), the WASI command from Python (wasmtime) and Node (node:wasi),
# each against the native CLI over the corpus (tests/corpus/, or tests/fixtures/ without it).
# extism and wasmtime come from PyPI into the venv (extism-sys's wheel carries the runtime).
test-hosts: build-wasi venv lint-wasi
	cargo build --bin msk-connect-lint
	target/venv/bin/python -m unittest discover --start-directory tests/hosts --pattern 'test_*.py'
	node --test --test-concurrency=1 tests/hosts/

# Sizes of the npm module, the plugin and the WASI command, and `validate` from Python.
bench-hosts: build venv
	target/venv/bin/python tests/hosts/bench.py

# --- Where linters are wired in (issue 12) ------------------------------------------------------
# The packed tarball in apps built with Vite and with esbuild, run in Chromium.
test-bundlers: build setup-browser
	node --test --test-concurrency=1 tests/bundlers/

# .pre-commit-hooks.yaml on a temporary repository: a refused commit and an accepted one
# (pre-commit comes from PyPI into the venv, pinned in tests/python/requirements.txt).
test-precommit: venv
	node --test tests/precommit/
