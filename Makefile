# `make test` and `make serve` install what is missing, build, and run. Every step is idempotent.
SHELL := /bin/bash
.DEFAULT_GOAL := test
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: test test-rust lint serve build bench

test: lint test-rust

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

test-rust:
	cargo test
