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

# `make install [PREFIX=/usr/local] [DESTDIR=]`: the binary in $(PREFIX)/bin and its built-in
# Templates and Fonts in $(PREFIX)/share/talon, where talon looks beside its own location
# (after --templates and $$TALON_TEMPLATES). Fonts/catalogue.json names the Debian DejaVu
# files by absolute path, so fonts-dejavu-core must be installed (setup does it);
# $$TALON_FONTS points to another catalogue.
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
