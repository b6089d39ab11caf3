// The catalog compiler's in-memory model and its diagnostics sink: what every reader (the
// JSON reader, the importers) produces and every later stage (template syntax, rules,
// plan, emit) works on. Internal to errcat's tools.
//
// Stages (compile.hpp runs them in this order):
//   read    read_json.hpp: catalog JSON → source_catalog (fields, types, shapes)
//   syntax  template_syntax.hpp: each message → parsed_template
//   rules   rules.hpp: names, duplicates, retry classes, errc values
//   plan    plan.hpp: distinct codes, groups, the perfect hash
//   emit    emit.hpp: the generated header, table header and source
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "errcat/entry.hpp"
#include "template_syntax.hpp"

namespace errcat::gen {

struct source_alias {
  std::string prefix;
  std::string canonical;
};

struct source_entry {
  std::size_t index = 0;  // position in the input's list of errors
  std::size_t line = 0;   // line in the input where it starts (0: unknown)
  int status = 0;
  std::string code;
  std::string name;
  std::string message;
  std::string description;
  std::string remediation;
  std::vector<std::string> params;  // positional names, as in the JSON
  bool has_params = false;
  std::optional<std::int64_t> explicit_value;
  std::optional<retry_class> explicit_retry;  // the JSON's "retry", when given
  parsed_template tmpl;                       // set by the syntax stage
  int value = 0;                              // errc value, derived or explicit (rules)
  retry_class retry = retry_class::never;     // explicit, or derived from the status (rules)
  bool rejected = false;  // a stage reported a problem; removed once the rules have run
};

struct source_catalog {
  std::string service;
  std::string cpp_namespace;
  std::string title;
  std::string source;
  std::string type_base;    // RFC 9457 type URI base (absolute URI) or empty
  std::string domain;       // google.rpc ErrorInfo domain or empty
  std::string errc_prefix;  // the prefix whose codes get readable errc values (rules.hpp)
  std::vector<source_alias> aliases;
  std::vector<source_entry> entries;
};

/// One problem found in the input: where, and what, as a full sentence.
struct diagnostic {
  std::string file;
  std::size_t line = 0;              // 1-based; 0 when unknown
  std::optional<std::size_t> entry;  // index in the input's list of errors
  std::string code;                  // the entry's code, when it has one
  std::string message;

  /// `file[:line]: errors[i] (code): message`, the form errcat-gen prints.
  std::string text() const;
};

/// Collects diagnostics with the file (and entry) in front.
class diagnostics {
 public:
  explicit diagnostics(std::string file) : file_(std::move(file)) {}
  /// A problem with the input as a whole.
  void top(const std::string& what, std::size_t line = 0);
  /// A problem with one entry.
  void at(const source_entry& e, const std::string& what);
  /// A problem with entry `index` (whose code, if known, is `code`).
  void at(std::size_t index, std::string_view code, const std::string& what, std::size_t line = 0);

  const std::vector<diagnostic>& list() const { return list_; }
  std::size_t size() const { return list_.size(); }
  bool empty() const { return list_.empty(); }
  const std::string& file() const { return file_; }
  /// Every diagnostic's text().
  std::vector<std::string> texts() const;

 private:
  std::string file_;
  std::vector<diagnostic> list_;
};

/// The outcome of loading: a valid catalog, or every problem found, each a full sentence
/// naming the file and, where it applies, the entry (index and code).
struct load_result {
  std::optional<source_catalog> catalog;
  std::vector<std::string> errors;
};

/// Reads and validates catalog JSON `text` (the read, syntax and rules stages); `file`
/// names it in messages.
load_result load_catalog(std::string_view file, std::string_view text);

/// True for a C++ identifier that is not a keyword or alternative token.
bool is_cpp_identifier(std::string_view s);

/// The first `max` bytes of `s` (with "..." when cut), for messages.
std::string snippet(std::string_view s, std::size_t max = 24);

}  // namespace errcat::gen
