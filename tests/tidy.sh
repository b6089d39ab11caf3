#!/usr/bin/env bash
# Function size and complexity limits, checked by clang-tidy 14 over src/ and include/:
#   readability-function-size               at most 60 lines per function
#   readability-function-cognitive-complexity  at most 25
#   tests/tidy.sh [BUILD_DIR]   (default build/dev; needs its compile_commands.json and its
#                                generated headers, i.e. a configured and built tree)
# Every translation unit under src/ is checked, and every public header through a
# translation unit of its own, so a header no source includes is checked too. Findings in
# the build tree (generated code) are never reported. The exceptions below are named here
# with the reason; anything else over a limit fails the step. JOBS sets the parallelism
# (default 2). Registered as the ctest test "tidy: ..." (label tidy) when clang-tidy is
# installed, so the ci workflow runs it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build/dev}" && pwd)"
tidy="${CLANG_TIDY:-$(command -v clang-tidy-14 || command -v clang-tidy)}"
jobs="${JOBS:-2}"

# Functions allowed over a limit: "path:function", each with its reason.
exceptions=(
  # A flat switch from status to reason phrase: one line per status, nothing to split.
  "include/errcat/http_status.hpp:reason_phrase"
)

config='{Checks: "-*,readability-function-size,readability-function-cognitive-complexity",
  CheckOptions: [{key: readability-function-size.LineThreshold, value: 60},
                 {key: readability-function-cognitive-complexity.Threshold, value: 25},
                 {key: readability-function-cognitive-complexity.DescribeBasicIncrements,
                  value: false}],
  WarningsAsErrors: ""}'

db="$build/compile_commands.json"
[ -f "$db" ] || { echo "tidy.sh: no $db (configure the build first)" >&2; exit 2; }
work="$build/tidy"
rm -rf "$work" && mkdir -p "$work"

# One translation unit per public header, compiled with the flags of a source that sees
# the public and the generated headers.
python3 - "$db" "$root" "$work" <<'EOF'
import json, os, shlex, sys
db, root, work = sys.argv[1:]
entries = json.load(open(db))
model = next(e for e in entries if e["file"].endswith("/src/match.cpp"))
out = [e for e in entries if e["file"].startswith(root + "/src/")]
for dirpath, _, files in os.walk(os.path.join(root, "include")):
    for f in sorted(files):
        if not f.endswith(".hpp"):
            continue
        header = os.path.relpath(os.path.join(dirpath, f), os.path.join(root, "include"))
        tu = os.path.join(work, header.replace("/", "_") + ".cpp")
        with open(tu, "w") as t:
            t.write(f"#include <{header}>\n")
        args = shlex.split(model["command"]) if "command" in model else list(model["arguments"])
        i = args.index("-c") if "-c" in args else len(args)
        args = [a for a in args[:i] if a != "-o" and not a.endswith(".o")] + ["-c", tu]
        out.append({"directory": model["directory"], "file": tu,
                    "command": " ".join(shlex.quote(a) for a in args)})
seen = set()
unique = [e for e in out if not (e["file"] in seen or seen.add(e["file"]))]
json.dump(unique, open(os.path.join(work, "compile_commands.json"), "w"), indent=1)
print("\n".join(e["file"] for e in unique), file=open(os.path.join(work, "files"), "w"))
EOF

echo "tidy.sh: $(wc -l < "$work/files") translation units, $jobs at a time"
mkdir -p "$work/out"
xargs -P "$jobs" -I{} sh -c '"$0" --quiet -p "$1" --config="$2" \
    --header-filter="^$3/(src|include)/" "$4" \
    > "$1/out/$(echo "$4" | tr / _).tidy" 2>/dev/null || true' \
  "$tidy" "$work" "$config" "$root" {} < "$work/files"

# Each finding once (a header is seen from many units), without the exceptions.
findings="$work/findings"
cat "$work"/out/*.tidy |
  grep -E "warning: .*\[readability-function-(size|cognitive-complexity)\]" |
  grep -v "^$build/" | sed "s|^$root/||" | sort -u > "$findings" || true
# An exception that no longer matches a finding is named, so that its line goes with the
# change that split the function (it does not fail the step: the line may be someone else's).
stale=0
for e in "${exceptions[@]}"; do
  file="${e%%:*}" fn="${e#*:}"
  pattern="^$file:[0-9]+:[0-9]+: warning: function '([a-z_:]*::)?$fn'"
  if ! grep -q -E "$pattern" "$findings"; then
    echo "tidy.sh: the exception $e is within the limits now: delete its line"
    stale=$((stale + 1))
  fi
  grep -v -E "$pattern" "$findings" > "$findings.kept" || true
  mv "$findings.kept" "$findings"
done
if [ -s "$findings" ]; then
  echo "tidy.sh: functions over 60 lines or cognitive complexity 25:"
  cat "$findings"
  exit 1
fi
echo "tidy.sh: no function over the limits but the $((${#exceptions[@]} - stale)) named exceptions"
