# The two commands a newcomer needs: `make run` and `make test`. Everything else is a step of those.
BUILD ?= build
ASAN_BUILD ?= build-asan
CMAKE_FLAGS ?=
# The compiler cache lives outside the checkout, so a second clone on the same machine (CI's fresh
# clone of main) starts warm instead of compiling everything twice over.
export CCACHE_DIR ?= $(HOME)/.cache/waypoint/ccache
# Paths under the checkout are hashed as relative ones, so that clone's compiles match this one's.
export CCACHE_BASEDIR ?= $(CURDIR)
export CCACHE_NOHASHDIR ?= true
# Suites run side by side: most wait on servers and browsers as much as they compute.
TEST_JOBS ?= $(shell echo $$(( $$(nproc) + 1 )))

.PHONY: deps build run test asan bench format clean

deps:
	scripts/install-deps

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DWAYPOINT_ASAN_DIR=$(CURDIR)/$(ASAN_BUILD) $(CMAKE_FLAGS)
	cmake --build $(BUILD)
	scripts/build-assets $(BUILD)/public

run: build
	@mkdir -p data
	$(BUILD)/waypoint serve --demo --database sqlite:data/waypoint.db

# The sanitizer build: unit tests and the server, run by `make test` through CTest.
asan: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DWAYPOINT_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) --target unit_tests waypoint

test: build asan
	cd $(BUILD) && ctest --output-on-failure --timeout 900 --parallel $(TEST_JOBS)

bench: build
	bench/run

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
