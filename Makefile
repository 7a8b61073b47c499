# vaultgen — the two set-up commands are `make run` and `make test`; both install what is missing first.
SWIFT      ?= swift
PREFIX     ?= /usr/local
VAULT      ?= Vault
RELEASE_BIN = .build/release/vaultgen
# The Debian packages the build needs, each with the pkg-config module (or file) that proves it is there;
# python3-jsonschema is for the tests alone (they validate the JSON reports against docs/schemas/).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps dist-deps build release run test asan fuzz lint format dist install uninstall clean

deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	pkg-config --exists cairo 2>/dev/null || missing="$$missing libcairo2-dev"; \
	pkg-config --exists libcurl 2>/dev/null || missing="$$missing libcurl4-openssl-dev"; \
	pkg-config --exists openblas 2>/dev/null || missing="$$missing libopenblas-dev"; \
	[ -f /usr/include/mimalloc.h ] || missing="$$missing libmimalloc-dev"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	python3 -c 'import jsonschema' 2>/dev/null || missing="$$missing python3-jsonschema"; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

# Release builds link the Swift runtime and Foundation statically: a run starts in 10 ms instead of 16 (no
# symbol look-ups across a dozen shared libraries), which is most of a small vault's check. The static
# FoundationNetworking links libcurl, hence libcurl4-openssl-dev above.
RELEASE_FLAGS ?= -c release --static-swift-stdlib

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

# The main job on the sample vault: refresh it, then check it.
run: release
	$(RELEASE_BIN) update -C $(VAULT)
	$(RELEASE_BIN) check -C $(VAULT)

test: deps
	$(SWIFT) test --disable-xctest

# The whole suite again under AddressSanitizer and LeakSanitizer (a leak fails the run; Tests/lsan.supp lists
# the runtime and library memory that is kept for the life of a process). Fewer kill trials: it is slower.
asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan.supp:print_suppressions=0 VAULTGEN_KILL_TRIALS=20 \
		$(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan --disable-xctest

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Plugins

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Plugins

# `make dist` builds everything `make install` copies: the release binaries, a man page per command (swift-argument-
# parser's generate-manual plugin; it builds its own release copy, so the static release build comes after it)
# and the bash, zsh and fish completion scripts, under .build/dist/.
DIST = .build/dist
MANUALS = .build/plugins/GenerateManual/outputs/vaultgen

# What `make dist` and Scripts/check_install.sh need besides the build: zsh (zsh -n reads the zsh completion),
# man-db and groff-base (man -l reads each page). `make install` never calls it.
dist-deps:
	@missing=""; \
	command -v zsh >/dev/null 2>&1 || missing="$$missing zsh"; \
	command -v man >/dev/null 2>&1 || missing="$$missing man-db"; \
	command -v nroff >/dev/null 2>&1 || missing="$$missing groff-base"; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

dist: deps dist-deps
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --multi-page
	$(SWIFT) build $(RELEASE_FLAGS)
	rm -rf $(DIST) && mkdir -p $(DIST)/man $(DIST)/completions
	cp $(MANUALS)/*.1 $(DIST)/man/
	$(RELEASE_BIN) --generate-completion-script bash > $(DIST)/completions/vaultgen.bash
	$(RELEASE_BIN) --generate-completion-script zsh > $(DIST)/completions/_vaultgen
	$(RELEASE_BIN) --generate-completion-script fish > $(DIST)/completions/vaultgen.fish

# Copies what `make dist` built, nothing else: it never compiles or calls apt-get, so `sudo make install` after
# `make dist` builds nothing as root. Honours PREFIX and DESTDIR; `make uninstall` removes exactly these files.
INSTALLED = $(PREFIX)/bin/vaultgen $(PREFIX)/bin/vaultgen-fetch \
	$(addprefix $(PREFIX)/share/vaultgen/Templates/,$(notdir $(wildcard Templates/*.mustache))) \
	$(PREFIX)/share/bash-completion/completions/vaultgen $(PREFIX)/share/zsh/site-functions/_vaultgen \
	$(PREFIX)/share/fish/vendor_completions.d/vaultgen.fish

install:
	@test -x $(RELEASE_BIN) -a -x $(RELEASE_BIN)-fetch -a -d $(DIST)/man || \
		{ echo "make install: nothing built; run 'make dist' first (as yourself, not root)"; exit 2; }
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/vaultgen/Templates $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/vaultgen
	install -m 755 $(RELEASE_BIN)-fetch $(DESTDIR)$(PREFIX)/bin/vaultgen-fetch
	install -m 644 Templates/*.mustache $(DESTDIR)$(PREFIX)/share/vaultgen/Templates/
	install -m 644 $(DIST)/man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 $(DIST)/completions/vaultgen.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/vaultgen
	install -m 644 $(DIST)/completions/_vaultgen $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_vaultgen
	install -m 644 $(DIST)/completions/vaultgen.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/vaultgen.fish

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	rm -f $(DESTDIR)$(PREFIX)/share/man/man1/vaultgen.1 $(DESTDIR)$(PREFIX)/share/man/man1/vaultgen.*.1
	-rmdir $(DESTDIR)$(PREFIX)/share/vaultgen/Templates $(DESTDIR)$(PREFIX)/share/vaultgen 2>/dev/null

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
	$(SWIFT) build $(RELEASE_FLAGS) --scratch-path $(BENCH_BUILD)

bench: bench-deps
	@python3 -c 'import ensurepip' 2>/dev/null || { echo "make: installing python3-venv with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv || true; }
	python3 Scripts/bench/run.py --bin $(BENCH_BIN) $(BENCH_FLAGS)

bench-smoke: bench-deps
	python3 Scripts/bench/run.py --bin $(BENCH_BIN) --smoke $(BENCH_FLAGS)

# Fuzzing (issue 7): libFuzzer + AddressSanitizer targets in Fuzz/, a package of its own that `swift build` here
# never sees. `make fuzz` builds them, replays Fuzz/Regressions/, then runs each target in turn for FUZZ_SECONDS
# from a seed corpus of the fixtures (kept and grown in Fuzz/.build/corpus/<target>/), and prints the executions
# and crashes of each. A crash (or a leak, a timeout of 25 s, running out of memory) leaves its input in
# Fuzz/.build/crashes/<target>/, as does an input slower than 10 s (slow-unit-*, reported but not failing): once
# looked at, copy it to Fuzz/Regressions/<target>/, which `make test` replays too
# (Tests/ReliabilityTests/FuzzRegressionTests.swift).
# FUZZ_TARGETS picks targets (note, table, prices, providers); FUZZ_FLAGS passes libFuzzer options, e.g. -fork=1 -ignore_crashes=1.
# Leak checks after each input make fuzzing about 7 times slower, so they are off (FUZZ_LEAKS=1 turns them on);
# the regression replay checks for leaks at exit, and `make asan` runs the whole suite under LeakSanitizer.
# Swift's own crash backtracer is off: libFuzzer reports the crash and saves the input.
FUZZ_SECONDS ?= 60
FUZZ_LEAKS   ?= 0
FUZZ_TARGETS ?= note table prices providers
FUZZ_FLAGS   ?=
FUZZ_BUILD    = Fuzz/.build
FUZZ_BIN      = $(FUZZ_BUILD)/release
FUZZ_ENV      = SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:handle_abort=1 LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp
# The executable of target $$t.
FUZZ_EXE      = $(FUZZ_BIN)/Fuzz$$(echo $$t | sed 's/^./\U&/')

.PHONY: fuzz-build fuzz-corpus fuzz-regressions

# SwiftPM turns `--sanitize=fuzzer --sanitize=address` into two `-sanitize=` flags and swiftc 6.3 keeps only the
# last for compiling, so Swift code would get no coverage: `-Xswiftc -sanitize=fuzzer,address` (last) asks for both.
fuzz-build: deps
	@[ ! -f Package.resolved ] || cp Package.resolved Fuzz/Package.resolved
	$(SWIFT) build --package-path Fuzz --scratch-path $(FUZZ_BUILD) -c release \
		--sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address

# Seeds: every note and price file of the fixtures and the sample vault (named by content, so no duplicates),
# and the regression inputs.
fuzz-corpus:
	@mkdir -p $(FUZZ_BUILD)/corpus/note $(FUZZ_BUILD)/corpus/table $(FUZZ_BUILD)/corpus/prices \
		$(FUZZ_BUILD)/corpus/providers
	@seed() { dir=$$1; shift; find "$$@" -type f -exec sh -c \
		'for f; do cp "$$f" "$$0/$$(sha1sum < "$$f" | cut -c1-40)"; done' "$$dir" {} +; }; \
	for t in note table; do \
		seed $(FUZZ_BUILD)/corpus/$$t Tests/Fixtures Vault Fuzz/Regressions/$$t -name '*.md'; \
		seed $(FUZZ_BUILD)/corpus/$$t Tests/Fixtures/bad-input Fuzz/Regressions/$$t; \
	done; \
	seed $(FUZZ_BUILD)/corpus/prices Vault/Prices Tests/CorrelationTests/Fixtures Tests/Fixtures/bad-input/prices \
		Fuzz/Regressions/prices -name '*.csv'; \
	seed $(FUZZ_BUILD)/corpus/prices Fuzz/Regressions/prices; \
	seed $(FUZZ_BUILD)/corpus/providers Fuzz/Regressions/providers Tests/Fixtures/bad-input/prices -name '*.csv'; \
	seed $(FUZZ_BUILD)/corpus/providers Fuzz/Regressions/providers
	@for t in note table prices providers; do echo "fuzz: $$t: $$(ls $(FUZZ_BUILD)/corpus/$$t | wc -l) inputs in the corpus"; done

# Every committed regression input, once through its target.
fuzz-regressions: fuzz-build
	@for t in note table prices providers; do \
		files=$$(find Fuzz/Regressions/$$t -type f ! -name '.*' | sort); \
		[ -z "$$files" ] && continue; \
		$(FUZZ_ENV) $(FUZZ_EXE) -runs=1 $$files > $(FUZZ_BUILD)/regressions-$$t.log 2>&1 \
			|| { cat $(FUZZ_BUILD)/regressions-$$t.log; echo "fuzz: $$t: a regression input fails"; exit 1; }; \
		echo "fuzz: $$t: $$(echo "$$files" | wc -l) regression inputs pass"; \
	done

fuzz: fuzz-regressions fuzz-corpus
	@failed=""; for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/crashes/$$t $(FUZZ_BUILD)/logs; \
		before=$$(ls $(FUZZ_BUILD)/crashes/$$t | grep -vc '^slow-unit-'); slow=$$(ls $(FUZZ_BUILD)/crashes/$$t | grep -c '^slow-unit-'); \
		echo "fuzz: $$t: running for $(FUZZ_SECONDS) s (log: $(FUZZ_BUILD)/logs/$$t.log)"; \
		$(FUZZ_ENV) $(FUZZ_EXE) $(FUZZ_BUILD)/corpus/$$t -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 \
			-max_len=65536 -timeout=25 -detect_leaks=$(FUZZ_LEAKS) -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/crashes/$$t/ \
			$(FUZZ_FLAGS) > $(FUZZ_BUILD)/logs/$$t.log 2>&1; status=$$?; \
		runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_BUILD)/logs/$$t.log | tail -1); \
		[ -n "$$runs" ] || runs=$$(grep -o '^#[0-9]*' $(FUZZ_BUILD)/logs/$$t.log | tail -1 | tr -d '#'); \
		crashes=$$(( $$(ls $(FUZZ_BUILD)/crashes/$$t | grep -vc '^slow-unit-') - before )); \
		slow=$$(( $$(ls $(FUZZ_BUILD)/crashes/$$t | grep -c '^slow-unit-') - slow )); \
		echo "fuzz: $$t: $${runs:-0} executions in $(FUZZ_SECONDS) s, $$crashes crash inputs, $$slow slow inputs (exit $$status)"; \
		[ $$status -eq 0 ] && [ $$crashes -eq 0 ] || failed="$$failed $$t"; \
	done; \
	[ -z "$$failed" ] || { echo "fuzz: crashes in$$failed: see $(FUZZ_BUILD)/crashes/ and $(FUZZ_BUILD)/logs/"; exit 1; }
