#!/usr/bin/env bash
# What including <errcat/iam.hpp> and making one error adds to a translation unit's
# compile time: g++ -O2 -std=c++20 -c, median CPU time (user + sys) and median peak memory
# (max RSS) of several runs, each translation unit against the same baseline that includes
# only <string>. Further rows split the cost by header, to show where it comes from, and
# measure a generated 9,000-row catalog (tests/bench/make_big_catalog.py, generated with
# the build's errcat-gen): run-time use (its header, make<>() and find) and constexpr use
# (its table header and a static_assert on find). One more row includes the largest bundled
# OTC service, ModelArts (864 rows, issue 14), and makes one error and finds one, when the
# build has the OTC catalogs (skipped, with a note, when it does not).
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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(-O2 -std=c++20 -I"$here/include" -I"$build/errcat_generated/include" -I"$work/big")

# The 9,000-row catalog: namespace errcat_bench::big, codes BIG.0001 to BIG.9000.
gen=$build/errcat-gen
if [[ ! -x $gen ]]; then
  echo "compile_cost.sh: no errcat-gen in $build; build the errcat-gen target first" >&2
  exit 1
fi
python3 "$here/tests/bench/make_big_catalog.py" 9000 "$work/big9000.json"
"$gen" "$work/big9000.json" --header "$work/big/errcat/big.hpp" --include errcat/big.hpp

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
  'target: iam.hpp + make<> + find|#include <string>
#include <errcat/iam.hpp>
int main(int argc, char**) {
  const errcat::error e = errcat::iam::make<"IAM.0004">("user", "42");
  return e.known() && errcat::iam::catalog.find(argc > 1 ? "x" : "IAM.0004") ? 0 : 1;
}'
  '9,000 rows: big.hpp + make<> + find|#include <string>
#include <errcat/big.hpp>
int main(int argc, char**) {
  const errcat::error e = errcat_bench::big::make<"BIG.0004">("network");
  return e.known() && errcat_bench::big::catalog.find(argc > 1 ? "x" : "BIG.0004") ? 0 : 1;
}'
  'ModelArts (864 rows): make<> + find|#include <string>
#include <errcat/otc/modelarts.hpp>
int main(int argc, char**) {
  const errcat::error e = errcat::otc::modelarts::make<"ModelArts.0113">("10");
  return e.known() && errcat::otc::modelarts::catalog.find(argc > 1 ? "x" : "ModelArts.0113") ? 0 : 1;
}'
  '9,000 rows: big_table.hpp + static_assert|#include <errcat/big_table.hpp>
static_assert(errcat_bench::big::table.find("BIG.0004")->status == 404);
static_assert(errcat_bench::big::table.find("BIG.9999") == nullptr);
int main() {}'
)

# Median CPU seconds (user + sys) and median peak memory (kB) of compiling $1.
measure() {
  local src=$1 times=() mems=() t
  for ((i = 0; i < runs; i++)); do
    t=$(/usr/bin/time -f '%U %S %M' "$cxx" "${flags[@]}" -c "$src" -o "$work/out.o" 2>&1 | tail -n 1)
    times+=("$(awk '{ printf "%.3f", $1 + $2 }' <<<"$t")")
    mems+=("$(awk '{ print $3 }' <<<"$t")")
  done
  local median='{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
  echo "$(printf '%s\n' "${times[@]}" | sort -n | awk "$median") $(printf '%s\n' "${mems[@]}" | sort -n | awk "$median")"
}

echo "compiler: $("$cxx" --version | head -n 1); flags: -O2 -std=c++20 -c; median of $runs runs"
printf '%-44s %8s %10s %8s %10s\n' "translation unit" "ms" "added ms" "MB" "added MB"
base=""
base_mb=""
i=0
for c in "${cases[@]}"; do
  name=${c%%|*}
  if [[ $c == *'errcat/otc/modelarts.hpp'* && ! -f $build/errcat_generated/include/errcat/otc/modelarts.hpp ]]; then
    echo "$name: skipped, $build has no OTC catalogs (configure with -DERRCAT_OTC=ON)"
    continue
  fi
  printf '%s\n' "${c#*|}" >"$work/tu$i.cpp"
  read -r s kb < <(measure "$work/tu$i.cpp")
  ms=$(awk -v s="$s" 'BEGIN { printf "%.0f", s * 1000 }')
  mb=$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')
  if [[ -z $base ]]; then base=$ms; base_mb=$mb; fi
  printf '%-44s %8s %10s %8s %10s\n' "$name" "$ms" "+$((ms - base))" "$mb" "+$((mb - base_mb))"
  i=$((i + 1))
done
