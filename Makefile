# qnetplan: `make run` opens the default topology, `make test` runs every test.
# Both install what the machine lacks (Debian packages via apt-get) first.

SWIFT        ?= swift
DEFAULT_TOPOLOGY ?= topologies/vienna-secoqc.qnet.yaml
DEB_PACKAGES := libncursesw5-dev tmux
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN          := .build/debug/qnetplan
RELEASE_BIN  := .build/release/qnetplan

.PHONY: all deps build run report test bench check-topologies clean help

all: build

help:
	@echo "make run    - open the workbench on the default topology ($(DEFAULT_TOPOLOGY)); FILE=PATH opens another (new or existing; a file with errors is not opened, its errors are printed)"
	@echo "make report - plan the default topology and print its report"
	@echo "make test   - build and run every test"
	@echo "make bench  - release build, then time planning of generated 1,000 and 10,000-node networks"
	@echo "make clean  - remove build products"

## Install the Debian packages the build and tests need, when missing (what it prints goes to standard error).
deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing" >&2; \
		{ $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; } >&2; \
	fi

build: deps
	$(SWIFT) build

## `make run FILE=lab.qnet.yaml` opens (or starts) another file; one with errors prints them and fails (exit 2).
## `exec`: a Ctrl-C during the workbench's longer work is SIGINT to the whole foreground process group (one while it
## waits for keys reaches it alone); a shell left between make and the workbench died of it once the workbench had
## asked about unsaved edits and quit, and make printed "[run] Interrupt".
run: build
	exec $(BIN) edit "$(or $(FILE),$(DEFAULT_TOPOLOGY))"

## Only the report goes to standard output (`make report > report.md`); the build's output goes to standard error.
report: deps
	@$(SWIFT) build >&2
	@$(BIN) report $(DEFAULT_TOPOLOGY) --format md

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory check-topologies

## Every sample topology must load and plan cleanly.
check-topologies:
	$(BIN) check topologies/*.qnet.yaml

bench: deps
	$(SWIFT) build -c release
	$(RELEASE_BIN) bench --nodes 1000 --nodes 10000

clean:
	rm -rf .build
