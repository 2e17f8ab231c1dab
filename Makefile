# The two commands of the README, and the helpers around them. CMake does the
# real build in build/ (and build-asan/ for the sanitizer suite).
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build run test test-asan test-tsan bench install clean format

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

test-tsan: deps
	cmake -S . -B build-tsan -DWINNET_TSAN=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	cmake --build build-tsan -j $(JOBS)
	cd build-tsan && ctest --output-on-failure -j $(JOBS) -L tsan

bench: build
	sh bench/run.sh $(BUILD)

install: build
	cmake --install $(BUILD)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) build-asan build-tsan
