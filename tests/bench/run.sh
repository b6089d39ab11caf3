#!/usr/bin/env bash
# Builds the Release bench preset and runs everything the performance table in
# tests/bench/README.md shows: errcat_bench (which ends with the ratio table), the Python
# comparison and the compile cost. Arguments go to errcat_bench (e.g. --benchmark_repetitions=11).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --workflow --preset bench
build/bench/tests/bench/errcat_bench "$@"
echo
python3 tests/bench/python_render.py
echo
tests/bench/compile_cost.sh build/bench
