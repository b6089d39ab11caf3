#include "compile.hpp"

#include <filesystem>
#include <utility>

#include "read_json.hpp"
#include "rules.hpp"
#include "text.hpp"

namespace errcat::gen {
namespace {

void apply_overrides(source_catalog& c, const compile_options& o, diagnostics& d) {
  if (!o.cpp_namespace.empty()) c.cpp_namespace = o.cpp_namespace;
  if (!o.domain.empty()) c.domain = o.domain;
  if (o.type_base.empty()) return;
  if (!is_absolute_uri(o.type_base)) {
    d.top("--type-base needs an absolute URI (scheme \":\" ...), not " + text::quoted(o.type_base));
  }
  c.type_base = o.type_base;
}

// The rules, plan and emit stages.
void finish(source_catalog c, const compile_options& o, compile_result& r) {
  apply_rules(c, r.diagnostics);
  if (!r.diagnostics.empty()) return;
  r.plan = plan_catalog(c, o.hash_tries);
  if (!r.plan) {
    r.diagnostics.top("cannot find a perfect hash for its " + std::to_string(distinct_codes(c)) +
                      " codes after " + std::to_string(o.hash_tries) +
                      " seeds (raise --hash-tries)");
    return;
  }
  if (o.emit) {
    emit_options e;
    e.input_name = std::filesystem::path(o.file).filename().string();
    e.header_path = o.header_path.empty() ? c.service + ".hpp" : o.header_path;
    e.table_header_path =
        o.table_header_path.empty() ? table_header_name(e.header_path) : o.table_header_path;
    r.files = emit_catalog(c, *r.plan, e);
  }
  r.catalog = std::move(c);
}

}  // namespace

compile_result compile(std::string_view text, const compile_options& o) {
  compile_result r(o.file);
  std::optional<source_catalog> c = read_catalog_json(text, r.diagnostics);
  if (!c) return r;
  apply_overrides(*c, o, r.diagnostics);
  finish(std::move(*c), o, r);
  return r;
}

compile_result compile(source_catalog c, const compile_options& o) {
  compile_result r(o.file);
  apply_overrides(c, o, r.diagnostics);
  finish(std::move(c), o, r);
  return r;
}

}  // namespace errcat::gen
