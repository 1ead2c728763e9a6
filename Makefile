# Talon: `make demo` renders every sample into out/, `make test` runs the whole suite.
# Both install the Debian packages they need first (scripts/setup.sh).
PREFIX ?= /usr/local
SWIFT ?= swift
TALON = .build/release/talon

.PHONY: setup setup-test build release demo test bench install uninstall clean

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --static-swift-stdlib --product talon

demo: release
	scripts/demo.sh $(TALON) out

test: setup-test
	$(SWIFT) build --product talon
	$(SWIFT) test

bench: setup
	$(SWIFT) run -c release TalonBenchmarks

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/talon
	install -m 755 $(TALON) $(DESTDIR)$(PREFIX)/bin/talon
	rm -rf $(DESTDIR)$(PREFIX)/share/talon/Templates $(DESTDIR)$(PREFIX)/share/talon/Fonts
	cp -R Templates Fonts $(DESTDIR)$(PREFIX)/share/talon/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/talon
	rm -rf $(DESTDIR)$(PREFIX)/share/talon

clean:
	rm -rf .build out
