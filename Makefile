# The two commands of the README, and the helpers around them. CMake does the
# real build in build/ (and build-asan/ for the sanitizer suite).
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build run test test-asan test-tsan fuzz churn bench install clean format

all: build

deps:
	@sh scripts/deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The main job: this host's tables, read from the live kernel.
run: build
	./$(BUILD)/tools/winnet/winnet

# The whole suite through CTest.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The same suite built with -fsanitize=address,undefined.
test-asan: deps
	cmake -S . -B build-asan -DWINNET_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS) -LE nosan

# The whole suite under ThreadSanitizer, but for the tests labelled notsan (each
# says why); the valgrind variants are not made in this build.
test-tsan: deps
	cmake -S . -B build-tsan -DWINNET_TSAN=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	cmake --build build-tsan -j $(JOBS)
	cd build-tsan && ctest --output-on-failure -j $(JOBS) -LE notsan

# Every libFuzzer target (tests/fuzz) for FUZZ_SECONDS each, with ASan and UBSan,
# from its committed seeds; new inputs go to build-fuzz/corpus, crashes to
# build-fuzz/artifacts (and fail the target).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= netapi_pack ndis_program netlink_tables
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -DWINNET_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)
	cmake --build build-fuzz -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	sh tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Every table function while 1,000 interfaces churn, for WINNET_CHURN_SECONDS
# (the suite runs it for 20 s); needs root.
WINNET_CHURN_SECONDS ?= 60
churn: build
	cd $(BUILD) && WINNET_CHURN_SECONDS=$(WINNET_CHURN_SECONDS) ./tests/churn/test_churn

# The benchmark report: results/bench.md, bench.csv and the plots (README).
bench: build
	sh bench/run.sh $(BUILD)

install: build
	cmake --install $(BUILD)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) build-asan build-tsan build-fuzz
