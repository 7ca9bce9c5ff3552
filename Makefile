# Wijkweb: `make run` installs what is missing, builds and starts the program;
# `make test` runs the whole test suite (unit, screen and end-to-end tests in tmux);
# `make bench` runs the benchmark suite (Benchmarks/run; not part of `make test`);
# `make deb` builds wijkweb_<version>_amd64.deb for Debian 12 (see Docs/deployment.md).
SHELL := /bin/bash
APT_PACKAGES := libncursesw5-dev libsqlite3-dev libsodium-dev sqlite3 tmux python3 python3-pytest python3-pip libxlsxwriter-dev libreadstat-dev libcairo2-dev fonts-dejavu-core poppler-utils postgresql libpq-dev libglpk-dev pspp python3-yaml man-db binutils
DB ?=
# The release build links the Swift runtime and Foundation statically, so the binary (and the .deb made
# from it) runs on a Debian machine without a Swift toolchain.
RELEASE_FLAGS := -c release --static-swift-stdlib

.PHONY: deps build run test unit e2e bench deb clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if python3 -c 'import pytest' 2>/dev/null; then missing="$${missing/ python3-pytest/}"; fi; \
	if python3 -m pip --version >/dev/null 2>&1; then missing="$${missing/ python3-pip/}"; fi; \
	if [ -n "$$missing" ]; then echo "Installing:$$missing"; apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; fi
	@command -v swift >/dev/null || { echo "Swift 6.3 is needed: put its toolchain on PATH (e.g. /opt/swift/usr/bin)."; exit 1; }

build: deps
	swift build $(RELEASE_FLAGS) --product wijkweb

run: build
	.build/release/wijkweb $(if $(DB),--db $(DB),)

unit: deps
	swift build
	swift test

e2e: deps
	swift build
	@python3 -c 'import pyreadstat' 2>/dev/null || python3 -m pip install --break-system-packages -q pyreadstat
	@python3 -c 'import scipy.optimize' 2>/dev/null || python3 -m pip install --break-system-packages -q scipy
	LANG=C.UTF-8 python3 -m pytest -q Tests/EndToEnd

test: unit e2e

bench: deps
	Benchmarks/run

deb: build
	Packaging/make-deb .build/release/wijkweb .build/deb

clean:
	rm -rf .build
