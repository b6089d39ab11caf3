#!/usr/bin/env python3
"""Checks every public header's #include lines against the table "Which header may include
which" in include/errcat/README.md, and fails naming each include the table does not allow.

    check.py --readme include/errcat/README.md --include-dir include
             [--generated-dir <build>/errcat_generated/include] [--self-test]

Rules the table encodes (see the README section for the prose):
- a row names one or more headers (paths under include/errcat/, `*` globs allowed) and lists
  the errcat headers and the other libraries' headers they may include; `—` means none and
  `*` means any;
- C++ standard library headers are always allowed;
- `<catalog>.hpp` stands for every catalog header errcat_add_catalog generates (iam.hpp,
  apigw.hpp, users' own); the other generated headers (version.hpp) have rows of their own;
- a header that no row names is an error, so a new header cannot slip past the rule.
"""

import argparse
import fnmatch
import pathlib
import re
import sys

# The C++20 standard library (and its C compatibility headers), which every header may use.
STD_HEADERS = set("""
algorithm any array atomic barrier bit bitset charconv chrono codecvt compare complex concepts
condition_variable coroutine deque exception execution expected filesystem format forward_list
fstream functional future initializer_list iomanip ios iosfwd iostream istream iterator latch
limits list locale map memory memory_resource mutex new numbers numeric optional ostream queue
random ranges ratio regex scoped_allocator semaphore set shared_mutex source_location span
sstream stack stdexcept stop_token streambuf string string_view strstream syncstream
system_error thread tuple type_traits typeindex typeinfo unordered_map unordered_set utility
valarray variant vector version
cassert cctype cerrno cfenv cfloat cinttypes climits clocale cmath csetjmp csignal cstdarg
cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype
""".split())

GENERATED_CATALOG = "<catalog>.hpp"
GENERATED_TABLE = "<catalog>_table.hpp"  # a catalog's constexpr table header
# Paths (under errcat/) of the generated catalog headers found, which an include of one
# (a table header includes its catalog header) stands for as GENERATED_CATALOG.
generated_catalogs = set()
INCLUDE_LINE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SECTION = "## Which header may include which"


class Rule:
    def __init__(self, headers, errcat, other, line):
        self.headers, self.errcat, self.other, self.line = headers, errcat, other, line

    def names(self, header):
        return any(fnmatch.fnmatchcase(header, h) for h in self.headers)


def cell_names(cell):
    """The backticked names in a table cell; ['*'] for any, [] for none."""
    names = re.findall(r"`([^`]+)`", cell)
    if not names and cell.strip() in ("*", "any"):
        return ["*"]
    return names


def parse_table(readme):
    text = readme.read_text(encoding="utf-8")
    start = text.find(SECTION)
    if start < 0:
        sys.exit(f"{readme}: no section \"{SECTION[3:]}\"")
    rules = []
    lines = text[start:].splitlines()
    for number, line in enumerate(lines[1:], start=text[:start].count("\n") + 2):
        if line.startswith("## "):
            break
        if not line.startswith("|") or re.match(r"^\|\s*-", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0].lower().startswith("header"):
            continue
        rules.append(Rule(cell_names(cells[0]), cell_names(cells[1]), cell_names(cells[2]), number))
    if not rules:
        sys.exit(f"{readme}: the section \"{SECTION[3:]}\" has no table rows")
    return rules


def allowed(include, names):
    return any(n == "*" or fnmatch.fnmatchcase(include, n) for n in names)


def check_header(path, name, rules, readme):
    """Problems with one header: a missing row, or includes no row allows."""
    mine = [r for r in rules if r.names(name)]
    if not mine:
        return [f"{path}: no row of the table in {readme} names {name}; add one"]
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = INCLUDE_LINE.match(line)
        if not m:
            continue
        target = m.group(2)
        if target.startswith("errcat/"):
            inner = target[len("errcat/"):]
            if inner in generated_catalogs:
                inner = GENERATED_CATALOG
            if any(allowed(inner, r.errcat) for r in mine):
                continue
            kind = "errcat header"
        elif target in STD_HEADERS:
            continue
        else:
            if any(allowed(target, r.other) for r in mine):
                continue
            kind = "header"
        rows = ", ".join(str(r.line) for r in mine)
        problems.append(f"{path}:{number}: {name} includes the {kind} <{target}>, which the "
                        f"table in {readme} (line {rows}) does not allow")
    return problems


def headers_under(root, generated):
    out = []
    for p in sorted(root.rglob("*.hpp")):
        rel = p.relative_to(root).as_posix()
        if not generated or rel == "version.hpp":
            out.append((p, rel))
        elif rel.endswith("_table.hpp"):
            out.append((p, GENERATED_TABLE))
        else:
            generated_catalogs.add(rel)
            out.append((p, GENERATED_CATALOG))
    return out


def self_test(rules, readme):
    """The checker must reject what the table forbids: a made-up header, and an include of
    fmt from error.hpp (which the table keeps fmt-free)."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        probe = pathlib.Path(tmp) / "error.hpp"
        probe.write_text("#include <string>\n#include <fmt/core.h>\n", encoding="utf-8")
        bad = check_header(probe, "error.hpp", rules, readme)
        unknown = check_header(probe, "no_such_header.hpp", rules, readme)
    if len(bad) != 1 or "<fmt/core.h>" not in bad[0] or len(unknown) != 1:
        sys.exit(f"self-test: the checker let a forbidden include through: {bad} {unknown}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--readme", required=True, type=pathlib.Path)
    ap.add_argument("--include-dir", required=True, type=pathlib.Path)
    ap.add_argument("--generated-dir", type=pathlib.Path)
    args = ap.parse_args()
    rules = parse_table(args.readme)
    self_test(rules, args.readme)
    headers = headers_under(args.include_dir / "errcat", generated=False)
    if args.generated_dir:
        gen = args.generated_dir / "errcat"
        if not gen.is_dir():
            sys.exit(f"{gen}: no generated headers (build errcat first)")
        headers += headers_under(gen, generated=True)
    problems = []
    for path, name in headers:
        problems += check_header(path, name, rules, args.readme)
    for p in problems:
        print(p)
    print(f"{len(headers)} headers checked against {len(rules)} rows: "
          f"{len(problems)} includes not allowed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
