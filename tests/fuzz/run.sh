#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for a bounded time each and fails on any
# crash, leak, timeout or out-of-memory.
#   tests/fuzz/run.sh [SECONDS] [BUILD_DIR] [TARGET...]
# SECONDS defaults to $FUZZ_SECONDS or 30; BUILD_DIR to build/fuzz (the fuzz preset's);
# TARGETs default to every fuzz_* executable there. Each target starts from a scratch COPY
# of its committed seed corpus (tests/fuzz/corpus/<target>/), under
# $FUZZ_WORK_DIR/<target>/ (default BUILD_DIR/fuzz-runs), so the committed corpus never
# changes; crashing inputs are written there too (crash-*, leak-*, timeout-*, oom-*).
# Runs FUZZ_JOBS targets at a time (default 2). Prints executions and coverage per target.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-${FUZZ_SECONDS:-30}}"
build_arg="${2:-$here/../../build/fuzz}"
shift 2 2>/dev/null || shift $#
case "$seconds" in '' | *[!0-9]*) echo "run.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;; esac
build="$(cd "$build_arg" 2>/dev/null && pwd)" || { echo "run.sh: no build directory '$build_arg'" >&2; exit 2; }
bin="$build/tests/fuzz"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$bin"/fuzz_*; do
    [ -f "$f" ] && [ -x "$f" ] && targets+=("$(basename "$f")")
  done
fi
if [ ${#targets[@]} -eq 0 ]; then
  echo "run.sh: no fuzz_* targets in $bin (build the fuzz preset first)" >&2
  exit 2
fi

jobs="${FUZZ_JOBS:-2}"
case "$jobs" in '' | *[!0-9]* | 0) echo "run.sh: FUZZ_JOBS must be a whole number from 1, not '$jobs'" >&2; exit 2 ;; esac

# Fuzzes target $1; leaves its exit code and summary line in its work folder.
run_one() {
  local t=$1 exe="$bin/$1" work="${FUZZ_WORK_DIR:-$build/fuzz-runs}/$1"
  rm -rf "$work"
  mkdir -p "$work/corpus"
  if [ ! -x "$exe" ]; then
    echo "run.sh: no fuzzer $exe" >"$work/log"
    echo 127 >"$work/rc"
    return
  fi
  if [ -d "$here/corpus/$t" ]; then
    cp -R "$here/corpus/$t/." "$work/corpus/"
  fi
  local dict=()
  if [ -f "$here/$t.dict" ]; then dict=(-dict="$here/$t.dict"); fi
  echo "== $t: ${seconds} s from $(find "$work/corpus" -type f | wc -l) seeds"
  # -timeout: one input taking longer than 10 s is a hang; -rss_limit_mb: a blow-up.
  ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" \
    UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
    "$exe" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" >"$work/log" 2>&1
  echo $? >"$work/rc"
}

# Up to $jobs targets at a time: each is one process, and CI has two cores.
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
  run_one "$t" &
  running=$((running + 1))
done
wait

failed=()
summary=()
for t in "${targets[@]}"; do
  work="${FUZZ_WORK_DIR:-$build/fuzz-runs}/$t"
  rc=$(cat "$work/rc" 2>/dev/null || echo 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -n 1)
  last=$(grep -E '^#[0-9]+' "$work/log" | tail -n 1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  line=$(printf '%-22s %12s execs %8s/s  cov %6s  ft %6s  corpus %6s' \
    "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}")
  summary+=("$line")
  if [ "$rc" -ne 0 ]; then
    echo "!! $t FAILED (exit $rc); log: $work/log" >&2
    grep -E 'ERROR: |SUMMARY: |runtime error|fuzz_[a-z_]+: |Test unit written|timeout|out-of-memory|no fuzzer' \
      "$work/log" | head -n 20 >&2
    ls "$work" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' >&2
    failed+=("$t")
  fi
done

echo
echo "fuzzing summary (${seconds} s per target, $jobs at a time):"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzzing FAILED: ${failed[*]}" >&2
  exit 1
fi
