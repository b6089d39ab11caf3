#include "catalog_source.hpp"

#include <algorithm>
#include <set>

#include "read_json.hpp"
#include "rules.hpp"
#include "text.hpp"

namespace errcat::gen {

std::string snippet(std::string_view s, std::size_t max) {
  return s.size() <= max ? std::string(s) : std::string(s.substr(0, max)) + "...";
}

std::string diagnostic::text() const {
  std::string out = file;
  if (line != 0) out += ":" + std::to_string(line);
  if (entry) {
    out += ": errors[" + std::to_string(*entry) + "]";
    if (!code.empty()) out += " (" + code + ")";
  }
  return out + ": " + message;
}

void diagnostics::top(const std::string& what, std::size_t line) {
  list_.push_back({file_, line, std::nullopt, {}, what});
}

void diagnostics::at(const source_entry& e, const std::string& what) {
  at(e.index, snippet(e.code, 40), what, e.line);
}

void diagnostics::at(std::size_t index, std::string_view code, const std::string& what,
                     std::size_t line) {
  list_.push_back({file_, line, index, std::string(code), what});
}

std::vector<std::string> diagnostics::texts() const {
  std::vector<std::string> out;
  out.reserve(list_.size());
  for (const diagnostic& d : list_)
    out.push_back(d.text());
  return out;
}

load_result load_catalog(std::string_view file, std::string_view text) {
  diagnostics d{std::string(file)};
  std::optional<source_catalog> c = read_catalog_json(text, d);
  if (c) apply_rules(*c, d);
  load_result r;
  if (c && d.empty()) r.catalog = std::move(c);
  r.errors = d.texts();
  return r;
}

bool is_cpp_identifier(std::string_view s) {
  static const std::set<std::string_view> keywords = {
      "alignas",       "alignof",     "and",
      "and_eq",        "asm",         "auto",
      "bitand",        "bitor",       "bool",
      "break",         "case",        "catch",
      "char",          "char8_t",     "char16_t",
      "char32_t",      "class",       "compl",
      "concept",       "const",       "consteval",
      "constexpr",     "constinit",   "const_cast",
      "continue",      "co_await",    "co_return",
      "co_yield",      "decltype",    "default",
      "delete",        "do",          "double",
      "dynamic_cast",  "else",        "enum",
      "explicit",      "export",      "extern",
      "false",         "float",       "for",
      "friend",        "goto",        "if",
      "inline",        "int",         "long",
      "mutable",       "namespace",   "new",
      "noexcept",      "not",         "not_eq",
      "nullptr",       "operator",    "or",
      "or_eq",         "private",     "protected",
      "public",        "register",    "reinterpret_cast",
      "requires",      "return",      "short",
      "signed",        "sizeof",      "static",
      "static_assert", "static_cast", "struct",
      "switch",        "template",    "this",
      "thread_local",  "throw",       "true",
      "try",           "typedef",     "typeid",
      "typename",      "union",       "unsigned",
      "using",         "virtual",     "void",
      "volatile",      "wchar_t",     "while",
      "xor",           "xor_eq"};
  if (!text::is_identifier(s)) return false;
  // Reserved for the implementation: a leading underscore with a capital, or any "__".
  if (s.find("__") != std::string_view::npos) return false;
  if (s.size() > 1 && s[0] == '_' && s[1] >= 'A' && s[1] <= 'Z') return false;
  return keywords.count(s) == 0;
}

}  // namespace errcat::gen
