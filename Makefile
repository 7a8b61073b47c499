# vaultgen — the two set-up commands are `make run` and `make test`; both install what is missing first.
SWIFT      ?= swift
PREFIX     ?= /usr/local
VAULT      ?= Vault
RELEASE_BIN = .build/release/vaultgen
# The Debian packages the build needs, each with the pkg-config module (or file) that proves it is there.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release run test lint format install clean

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
