# FinGuard — the two commands a new user needs:
#   make demo   set up, build, create the demo institution and serve the console on :8080
#   make test   set up, build, and run every test (unit, integration on SQLite and PostgreSQL, browser)
.PHONY: setup build build-dev build-asan web demo test unit integration e2e bench format clean

JOBS ?= $(shell nproc)
FINGUARD := build/release/finguard

setup:
	@bash scripts/setup.sh

# The release build makes only the binary (the demo and the integration tests need nothing else);
# unit tests build in the dev and asan trees.
build: setup
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS) --target finguard

build-dev: setup
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS)

build-asan: setup
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)

web: setup
	cd web && npm run build --silent

demo: build web
	$(FINGUARD) demo $(DEMO_ARGS)

test: build build-dev build-asan web
	bash scripts/test.sh

bench: build
	bash bench/run.sh

format:
	find src bench -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf build web/dist
