#!/usr/bin/env bash
# Function size and complexity limits for the catalog compiler (src/gen), checked with
# clang-tidy 14: no function over 60 lines (readability-function-size) or over cognitive
# complexity 25 (readability-function-cognitive-complexity). Exits non-zero when a
# function is over a limit or clang-tidy fails.
#
#   tests/tidy.sh [BUILD_DIR]
#
# BUILD_DIR holds compile_commands.json (default build/ci, else build/dev; the presets
# export it).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-}
if [[ -z $build ]]; then
  for d in "$here/build/ci" "$here/build/dev"; do
    if [[ -f $d/compile_commands.json ]]; then build=$d; break; fi
  done
fi
if [[ -z $build || ! -f $build/compile_commands.json ]]; then
  echo "tidy.sh: no compile_commands.json under '${build:-build/ci or build/dev}'; configure first" >&2
  exit 2
fi
tidy=${CLANG_TIDY:-$(command -v clang-tidy-14 || command -v clang-tidy)}

checks='-*,readability-function-size,readability-function-cognitive-complexity'
config='{CheckOptions: [
  {key: readability-function-size.LineThreshold, value: 60},
  {key: readability-function-cognitive-complexity.Threshold, value: 25},
  {key: readability-function-cognitive-complexity.DescribeBasicIncrements, value: false}]}'

mapfile -t sources < <(find "$here/src/gen" -name '*.cpp' | sort)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
"$tidy" -p "$build" --quiet --checks="$checks" --config="$config" --extra-arg=-w \
  --warnings-as-errors="$checks" "${sources[@]}" >"$out" 2>&1 || status=$?
grep -E "warning:|error:" "$out" | grep -E "readability-function|error:" || true
if [[ $status -ne 0 ]]; then
  echo "tidy.sh: a function in src/gen is over 60 lines or cognitive complexity 25 (or clang-tidy failed)" >&2
  exit 1
fi
echo "tidy.sh: every function in src/gen is within 60 lines and cognitive complexity 25 (${#sources[@]} files)"
