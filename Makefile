# vaultgen — the two set-up commands are `make run` and `make test`; both install what is missing first.
SWIFT      ?= swift
PREFIX     ?= /usr/local
VAULT      ?= Vault
RELEASE_BIN = .build/release/vaultgen
# The Debian packages the build needs, each with the pkg-config module (or file) that proves it is there.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release run test asan fuzz lint format install clean

deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	pkg-config --exists cairo 2>/dev/null || missing="$$missing libcairo2-dev"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The main job on the sample vault: refresh it, then check it.
run: release
	$(RELEASE_BIN) update $(VAULT) --templates Templates
	$(RELEASE_BIN) check $(VAULT)

test: deps
	$(SWIFT) test --disable-xctest

# The whole suite again under AddressSanitizer and LeakSanitizer (a leak fails the run; Tests/lsan.supp lists
# the one library whose global cache is never freed). Fewer kill trials: the sanitized binary is slower.
asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan.supp VAULTGEN_KILL_TRIALS=20 \
		$(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan --disable-xctest

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

# The binary, and the templates it finds at ../share/vaultgen/Templates.
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/vaultgen/Templates
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/vaultgen
	install -m 644 Templates/*.mustache $(DESTDIR)$(PREFIX)/share/vaultgen/Templates/

clean:
	rm -rf .build

# Benchmarks (issue 8): vaultgen beside cmark, numpy, pandas and obsidiantools on generated data under
# .build/bench/. `make bench` writes BENCHMARKS.md; `make bench-smoke` (1k notes, 100 tickers, under a minute)
# fails only when vaultgen fails or its findings differ from what the generator planted.
# BENCH_BUILD picks the build folder (default .build); BENCH_FLAGS passes options to Scripts/bench/run.py.
BENCH_BUILD ?= .build
BENCH_FLAGS ?=
BENCH_BIN    = $(BENCH_BUILD)/release/vaultgen

.PHONY: bench bench-smoke bench-deps

bench-deps: deps
	@missing=""; \
	command -v cmark >/dev/null 2>&1 || missing="$$missing cmark"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	$(SWIFT) build -c release --scratch-path $(BENCH_BUILD)

bench: bench-deps
	@python3 -c 'import ensurepip' 2>/dev/null || { echo "make: installing python3-venv with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv || true; }
	python3 Scripts/bench/run.py --bin $(BENCH_BIN) $(BENCH_FLAGS)

bench-smoke: bench-deps
	python3 Scripts/bench/run.py --bin $(BENCH_BIN) --smoke $(BENCH_FLAGS)
