// compile(): the whole catalog compiler in one call, shared by errcat-gen, `errcat lint`
// and `errcat import`. Input: catalog JSON text (or a model an importer built) and options;
// output: the generated files, or every diagnostic with its file, line and entry.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "catalog_source.hpp"
#include "emit.hpp"
#include "errcat/limits.hpp"
#include "plan.hpp"

namespace errcat::gen {

struct compile_options {
  std::string file = "<input>";   // names the input in diagnostics
  std::string cpp_namespace;      // overrides the catalog's "namespace" when set
  std::string type_base;          // overrides "type_base" when set (must be an absolute URI)
  std::string domain;             // overrides "domain" when set
  std::string header_path;        // how the table header includes the run-time header
                                  // (default: <service>.hpp)
  std::string table_header_path;  // how the source includes the table header (default:
                                  // header_path with _table before the extension)
  int hash_tries = default_hash_tries;
  bool emit = true;  // false: validate and plan only (lint, errcat-gen --check)
};

struct compile_result {
  explicit compile_result(std::string file) : diagnostics(std::move(file)) {}
  std::optional<source_catalog> catalog;  // set when valid
  std::optional<catalog_plan> plan;       // set when valid and a perfect hash was found
  generated_files files;                  // set when ok() and options.emit
  gen::diagnostics diagnostics;

  /// True when the catalog is valid and planned; when false, `diagnostics` says why (every
  /// stage that stops reports at least one message).
  bool ok() const { return plan.has_value() && diagnostics.empty(); }
};

/// Reads catalog JSON `text` and compiles it.
compile_result compile(std::string_view text, const compile_options& o);

/// Compiles a model built by another reader (an importer). `c` must come with its
/// reader's diagnostics already reported to nothing: the rules, plan and emit stages run.
compile_result compile(source_catalog c, const compile_options& o);

}  // namespace errcat::gen
