// The emit stage: the generated C++ of a planned catalog. Three files:
//
//   <service>.hpp        the run-time header users include: `errc`, `category()`, the
//                        catalog's declaration (`extern const ::errcat::catalog catalog`),
//                        the declarations of its entry and slot arrays, an inline `find`
//                        with the hash constants compiled in, and the signature index the
//                        checked `make<"CODE">` needs (errcat/detail/signature.hpp). No
//                        table: its cost does not grow with the catalog beyond one
//                        enumerator and one short line per entry.
//   <service>_table.hpp  the full table as a constant, `table` (an errcat::constant_table
//                        of string literals, emit_table.hpp), and constexpr
//                        `render<"CODE">`: included by users only for constant evaluation.
//   <service>.cpp        defines the arrays (constant-initialised), `catalog`, the run-time
//                        `make` and `entry_of`, and `category()`. It does not include the
//                        table header, so the table is compiled once, here.
//
// The arrays are written so that they are cheap to compile: every text is a slice of one
// string literal taken by a constexpr function with an explicit size (a string literal
// converted to std::string_view would be measured by a constexpr loop, which for thousands
// of rows exceeds GCC's default -fconstexpr-ops-limit), and parameters and segments are
// slices of one array each. Aggregates are written with designated initializers, so a
// member moved or renamed in errcat::entry or errcat::catalog fails to compile instead of
// misbehaving.
#pragma once

#include <string>

#include "catalog_source.hpp"
#include "plan.hpp"

namespace errcat::gen {

struct emit_options {
  std::string input_name;         // shown in the "generated from" comment
  std::string header_path;        // how the table header includes the run-time header
  std::string table_header_path;  // the table header's include path (comments)
};

/// The generated files of one catalog.
struct generated_files {
  std::string header;        // <service>.hpp
  std::string table_header;  // <service>_table.hpp
  std::string source;        // <service>.cpp
};

/// Writes the three files. The plan must be plan_catalog()'s for `c`.
generated_files emit_catalog(const source_catalog& c, const catalog_plan& p, const emit_options& o);

/// The table header's include path for a run-time header's (`errcat/iam.hpp` →
/// `errcat/iam_table.hpp`).
std::string table_header_name(const std::string& header_path);

}  // namespace errcat::gen
