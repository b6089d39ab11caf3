#!/usr/bin/env bash
# What including <errcat/iam.hpp> and making one error adds to a translation unit's
# compile time: g++ -O2 -std=c++20 -c, median CPU time (user + sys) of several runs, each
# translation unit against the same baseline that includes only <string>. Further rows
# split the cost by header, to show where it comes from.
#
#   tests/bench/compile_cost.sh [BUILD_DIR] [RUNS]
#
# BUILD_DIR is a configured errcat build (for the generated headers); default build/bench,
# else build/dev. RUNS defaults to 7.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-}
if [[ -z $build ]]; then
  for d in "$here/build/bench" "$here/build/dev"; do
    if [[ -f $d/errcat_generated/include/errcat/iam.hpp ]]; then build=$d; break; fi
  done
fi
if [[ -z $build || ! -f $build/errcat_generated/include/errcat/iam.hpp ]]; then
  echo "compile_cost.sh: no generated errcat/iam.hpp under '${build:-build/bench or build/dev}';" \
    "build the errcat target first (cmake --workflow --preset bench)" >&2
  exit 1
fi
runs=${2:-7}
cxx=${CXX:-g++}
flags=(-O2 -std=c++20 -I"$here/include" -I"$build/errcat_generated/include")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name|source
cases=(
  'baseline: <string>|#include <string>
int main() { std::string s = "IAM.0004"; return s.size() == 8 ? 0 : 1; }'
  '<fmt/core.h> alone|#include <string>
#include <fmt/core.h>
int main() { std::string s = "IAM.0004"; return s.size() == 8 ? 0 : 1; }'
  '<errcat/catalog.hpp> + render.hpp|#include <string>
#include <errcat/catalog.hpp>
#include <errcat/render.hpp>
int main() { std::string s = "IAM.0004"; return s.size() == 8 ? 0 : 1; }'
  '<errcat/iam.hpp>, nothing used|#include <string>
#include <errcat/iam.hpp>
int main() { std::string s = "IAM.0004"; return s.size() == 8 ? 0 : 1; }'
  '<errcat/iam.hpp> + find("IAM.0004")|#include <string>
#include <errcat/iam.hpp>
int main(int argc, char**) {
  return errcat::iam::catalog.find(argc > 1 ? "x" : "IAM.0004") != nullptr ? 0 : 1;
}'
  '<errcat/iam.hpp> + make<"IAM.0004">|#include <string>
#include <errcat/iam.hpp>
int main() {
  const errcat::error e = errcat::iam::make<"IAM.0004">("user", "42");
  return e.known() ? 0 : 1;
}'
)

# Median CPU seconds (user + sys) of compiling $1.
measure() {
  local src=$1 times=() t
  for ((i = 0; i < runs; i++)); do
    t=$( { TIMEFORMAT='%3U %3S'; time "$cxx" "${flags[@]}" -c "$src" -o "$work/out.o"; } 2>&1 )
    times+=("$(awk '{ printf "%.3f", $1 + $2 }' <<<"$t")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

echo "compiler: $("$cxx" --version | head -n 1); flags: -O2 -std=c++20 -c; median of $runs runs"
printf '%-40s %10s %12s\n' "translation unit" "ms" "added ms"
base=""
i=0
for c in "${cases[@]}"; do
  name=${c%%|*}
  printf '%s\n' "${c#*|}" >"$work/tu$i.cpp"
  s=$(measure "$work/tu$i.cpp")
  ms=$(awk -v s="$s" 'BEGIN { printf "%.0f", s * 1000 }')
  if [[ -z $base ]]; then base=$ms; fi
  printf '%-40s %10s %12s\n' "$name" "$ms" "+$((ms - base))"
  i=$((i + 1))
done
