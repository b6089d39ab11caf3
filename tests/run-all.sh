#!/usr/bin/env bash
# The whole test suite, as the README's second Quick start command and CI run it. Each step
# is one workflow preset (CMakePresets.json), so any step can be run alone the same way:
#   1. ci   (warnings as errors): build, then every ctest test;
#   2. two small compatibility builds of the core and json tests: one against {fmt} 12.2 and
#      one with Catch2 v3, both from ../shared/vendor (presets compat-fmt12, compat-catch2);
#   3. asan (AddressSanitizer + UndefinedBehaviorSanitizer): the same tests but the
#      compile-fail, packaging and tidy ones, which test the build and the sources;
#   4. tsan: the concurrency tests;
#   5. fuzz: each libFuzzer target for FUZZ_SECONDS (default 30), FUZZ_JOBS (default 2) at
#      a time.
# Set ERRCAT_QUICK=1 to run step 1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
mark=$SECONDS
# Prints the step's title and how long the previous one took (CI has a time budget).
step() {
  if [ "$SECONDS" -gt "$start" ]; then printf '== (%d s)\n' $((SECONDS - mark)); fi
  mark=$SECONDS
  printf '\n== %s\n' "$*"
}

step "ci: configure, build, test"
cmake --workflow --preset ci

if [ "${ERRCAT_QUICK:-0}" = 1 ]; then
  step "ci tests passed in $((SECONDS - start)) s"
  exit 0
fi

# The compatibility builds reuse step 1's errcat-gen and build only the core and json test
# programs (the main run already covers the rest with Debian's fmt 9.1 and Catch2 2.13).
step "fmt 12.2: core, json and formatting tests against ../shared/vendor/fmt-12.2.0"
cmake --workflow --preset compat-fmt12

step "Catch2 v3: core and json tests with ../shared/vendor/catch2-3.7.1 (amalgamated)"
cmake --workflow --preset compat-catch2

step "asan: AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --workflow --preset asan

step "tsan: concurrent use"
cmake --workflow --preset tsan

step "fuzz: each target for ${FUZZ_SECONDS:-30} s"
cmake --workflow --preset fuzz

step "all tests passed in $((SECONDS - start)) s"
