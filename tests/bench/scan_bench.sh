#!/usr/bin/env bash
# errcat scan's throughput beside grep's: generates a debug log of SIZE_MB megabytes (default
# 200) with an error body every 10 KB (one line, one pretty-printed over four lines, one in a
# quoted string, in turn, among ordinary log lines, some with braces that are not bodies),
# reads it once into the page cache, then times `errcat scan` (text and --format json) and
# `grep -c error_code` on it, once each, and prints them in MB/s (of CPU time and of wall
# time) with the ratio of CPU throughputs.
# Target (issue 15): errcat scan at least half of grep's throughput.
#   tests/bench/scan_bench.sh [ERRCAT] [SIZE_MB] [WORK_DIR]
# ERRCAT defaults to build/bench/errcat (a Release build: cmake --preset bench &&
# cmake --build build/bench --target errcat-cli); WORK_DIR to a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
errcat="${1:-build/bench/errcat}"
size_mb="${2:-200}"
work="${3:-$(mktemp -d)}"
[ -x "$errcat" ] || { echo "scan_bench.sh: no errcat binary at $errcat" >&2; exit 2; }
log="$work/scan_bench.log"

python3 - "$log" "$size_mb" <<'PY'
import sys
path, size_mb = sys.argv[1], int(sys.argv[2])
bodies = [
    '2026-11-02T09:14:03.904+0100 [DEBUG] provider: HTTP Response Status: 404 Not Found Body: '
    '{"error_msg":"Could not find user: %(n)08x.","error_code":"IAM.0004","request_id":"r%(n)x"}\n',
    '2026-11-02T09:14:05.631+0100 [DEBUG] provider: Response Body: {\n'
    '  "error_msg" : "The token has expired.",\n  "error_code" : "IAM.0066"\n}\n',
    '2026-11-02T09:14:06.002+0100 [DEBUG] client: status=429 body="{\\"error_code\\":'
    '\\"IAM.0012\\",\\"error_msg\\":\\"The throttling threshold has been reached. '
    'Threshold: 20 times per 10 seconds\\"}"\n',
]
filler = [
    '2026-11-02T09:14:%(s)02d.%(ms)03d+0100 [DEBUG] provider: HTTP Request: GET /v3.0/OS-USER/users/%(n)x HTTP/1.1 Host: iam.example-region.example.com\n',
    '2026-11-02T09:14:%(s)02d.%(ms)03d+0100 [INFO]  provider.terraform-provider: Refreshing state... [id=%(n)x]\n',
    '2026-11-02T09:14:%(s)02d.%(ms)03d+0100 [TRACE] provider: schema map[name:{Type:String Optional:true} id:%(n)d] &{0xc000%(n)x}\n',
    '2026-11-02T09:14:%(s)02d.%(ms)03d+0100 [DEBUG] provider: Response Headers: X-Request-Id: %(n)032x Content-Type: application/json\n',
]
target = size_mb * 1000 * 1000
written = n = 0
with open(path, "w") as out:
    while written < target:
        block = []
        size = 0
        while size < 10 * 1000:
            line = filler[len(block) % len(filler)] % {"s": n % 60, "ms": n % 1000, "n": n}
            block.append(line)
            size += len(line)
            n += 1
        block.append(bodies[n % len(bodies)] % {"n": n})
        text = "".join(block)
        out.write(text)
        written += len(text)
PY
bytes=$(stat -c %s "$log")
cat "$log" > /dev/null  # into the page cache, so both read the same way

# Runs "$@" with its output in a file (GNU grep stops at the first match when its output is
# /dev/null) and prints "wall cpu" seconds, cpu being user + system: the machine may be
# shared, and CPU time is what the program itself costs.
times() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" > "$work/out" 2> /dev/null; } 2>&1 )
  set -- $t
  echo "$1 $(echo "$2 + $3" | bc -l)"
}
read -r scan_wall scan_cpu < <(times "$errcat" scan "$log")
read -r json_wall json_cpu < <(times "$errcat" scan --format json "$log")
finds=$(wc -l < "$work/out")
read -r grep_wall grep_cpu < <(times grep -c error_code "$log")
grep_lines=$(cat "$work/out")
mb=$(echo "$bytes / 1000000" | bc -l)
printf 'log: %.1f MB, %d error bodies found by errcat scan, %d lines with error_code\n' "$mb" "$finds" "$grep_lines"
printf '%-28s %9s %9s   %s\n' "" "MB/s cpu" "MB/s wall" "cpu / wall seconds"
row() { printf '%-28s %9.1f %9.1f   %.3f / %.3f\n' "$1" "$(echo "$mb / $2" | bc -l)" "$(echo "$mb / $3" | bc -l)" "$2" "$3"; }
row "errcat scan" "$scan_cpu" "$scan_wall"
row "errcat scan --format json" "$json_cpu" "$json_wall"
row "grep -c error_code" "$grep_cpu" "$grep_wall"
printf 'errcat scan / grep throughput (cpu): %.2f, --format json: %.2f (target >= 0.50)\n' \
  "$(echo "$grep_cpu / $scan_cpu" | bc -l)" "$(echo "$grep_cpu / $json_cpu" | bc -l)"
[ -n "${3:-}" ] || rm -rf "$work"
