# Teamstead: two commands for a newcomer.
#   make run    install what is missing, build, open the desktop app on a demo team
#   make test   install what is missing, run every test
SHELL := /bin/bash
.DEFAULT_GOAL := run

CARGO_TARGET_DIR ?= $(CURDIR)/target
# Absolute, so tests that run from another folder find the same binaries.
export CARGO_TARGET_DIR := $(abspath $(CARGO_TARGET_DIR))
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

# One feature set for every build, so `cargo test` and the app share one compile:
# custom-protocol serves ui/dist from inside the binary.
FEATURES := --features teamstead-desktop/custom-protocol
APP := $(CARGO_TARGET_DIR)/debug/teamstead-desktop
RELAY := $(CARGO_TARGET_DIR)/debug/teamstead-relay
# make run's relay: an embedded SQLite file in this folder, on the desktop's default address.
RUN_RELAY_DIR ?= $(CURDIR)/.teamstead-relay
RUN_RELAY_ADDR ?= 127.0.0.1:7420

.PHONY: run test deps ui app test-rust test-ui test-e2e lint fmt bench

deps:
	@scripts/install-deps.sh

ui: deps
	@cd ui && npm run --silent build

app: ui
	cargo build -p teamstead-desktop -p teamstead-relay -p teamstead-cli $(FEATURES)

# A local relay in the background for as long as the app is open; sign up to it
# from the badge (its address is the desktop's default).
run: app
	@mkdir -p $(RUN_RELAY_DIR)
	@$(RELAY) --listen $(RUN_RELAY_ADDR) --data-dir $(RUN_RELAY_DIR) serve & relay=$$!; \
	trap 'kill $$relay 2>/dev/null; wait $$relay 2>/dev/null' EXIT; \
	TEAMSTEAD_DEMO=1 $(APP)

# Prerequisites run in the order listed (no -j), and `ui` only once.
test: test-rust test-ui test-e2e

# The binaries first: the crash test runs the relay binary itself.
test-rust: ui
	cargo build --workspace --bins $(FEATURES)
	cargo test --workspace $(FEATURES)

test-ui: deps
	cd ui && npm test --silent

# The real app in a real WebKit window, under a virtual X display and a private
# D-Bus session; one window at a time, as each test starts its own Secret Service.
test-e2e: ui
	cargo test --workspace $(FEATURES) --no-run --quiet
	TEAMSTEAD_APP=$(APP) xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
		cargo test --workspace $(FEATURES) --test desktop -- --ignored --test-threads=1

# Figures, not tests: every scenario against our relay, the reference
# automerge-repo server and the floor, in one run, then the local engine on a
# data directory of 10,000 tasks and 100,000 messages (bench/results/latest.md).
BENCH_TASKS ?= 10000
BENCH_MESSAGES ?= 100000
bench: deps
	cargo build --release -p teamstead-relay -p teamstead-bench
	cargo bench -p teamstead-client --bench workspace --no-run
	$(CARGO_TARGET_DIR)/release/teamstead-bench run --out bench/results/latest.md
	@echo >> bench/results/latest.md
	TEAMSTEAD_BENCH_TASKS=$(BENCH_TASKS) TEAMSTEAD_BENCH_MESSAGES=$(BENCH_MESSAGES) \
		cargo bench -p teamstead-client --bench workspace | tee -a bench/results/latest.md

lint: ui
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets $(FEATURES) -- -D warnings

fmt:
	cargo fmt --all
