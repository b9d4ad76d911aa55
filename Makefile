# Thin wrapper: the real build is CMake presets (CMakePresets.json).
JOBS ?= $(shell nproc)
PRESET ?= release

.PHONY: run test build deps bench fuzz asan clean

deps:
	@scripts/install-deps

build: deps
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build --preset $(PRESET) -j $(JOBS)

# Until the server exists, the main job counts a bundled real election.
run: build
	@build/$(PRESET)/bin/veche count --method irv tests/data/burlington-2006/00005-00000001.toi

test: build
	@ctest --preset $(PRESET) -j $(JOBS)

asan:
	@$(MAKE) --no-print-directory test PRESET=asan

bench: build
	@bench/run

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)
	@fuzz/run

clean:
	rm -rf build
