#include "emit.hpp"

#include <bit>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "errcat/detail/hash.hpp"
#include "errcat/limits.hpp"
#include "rules.hpp"
#include "text.hpp"

namespace errcat::gen {
namespace {

using substitutions = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// `text` with every `@name@` replaced by its value; names not listed stay as written.
std::string substitute(std::string_view text, substitutions values) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t at = text.find('@', i);
    const std::size_t end = at == std::string_view::npos ? at : text.find('@', at + 1);
    if (end == std::string_view::npos) break;
    const std::string_view name = text.substr(at + 1, end - at - 1);
    out += text.substr(i, at - i);
    i = end + 1;
    bool found = false;
    for (const auto& [key, value] : values) {
      if (key == name) {
        out += value;
        found = true;
        break;
      }
    }
    if (!found) {
      out += '@';
      i = at + 1;
    }
  }
  out += text.substr(std::min(i, text.size()));
  return out;
}

// A string literal that keeps its size when `s` holds a NUL.
std::string literal(std::string_view s) {
  if (s.find('\0') != std::string_view::npos) {
    return "std::string_view(" + text::cpp_string_literal(s) + ", " + std::to_string(s.size()) +
           ")";
  }
  return text::cpp_string_literal(s);
}

std::string hex(std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out = "0x";
  for (int shift = 60; shift >= 0; shift -= 4)
    out += digits[(v >> shift) & 0xf];
  return out + "ull";
}

std::string comment_text(std::string_view s) {
  std::string out;
  for (char c : s)
    out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
  // A backslash (even one followed by spaces) at the end of a line comment splices the
  // next line of generated code into the comment; quoting the text keeps it off the end.
  const std::size_t last = out.find_last_not_of(' ');
  if (last != std::string::npos && out[last] == '\\') out = '`' + out.substr(0, last + 1) + '`';
  return out;
}

// Four base-64 digits (`0-9A-Za-z-_`), as detail::offset_at reads them.
std::string offset_digits(std::size_t v) {
  static constexpr char digits[] =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  std::string out(signature_offset_digits, '0');
  for (std::size_t k = signature_offset_digits; k-- > 0; v /= 64)
    out[k] = digits[v % 64];
  return out;
}

// Every text of the table, each stored once, as slices of one string literal.
class text_pool {
 public:
  // `text_at(offset, size)` for `s`.
  std::string slice(const std::string& s) {
    const auto [it, fresh] = offsets_.emplace(s, text_.size());
    if (fresh) text_ += s;
    return "text_at(" + std::to_string(it->second) + ", " + std::to_string(s.size()) + ")";
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::unordered_map<std::string, std::size_t> offsets_;
};

// A span of `count` elements from `offset` of the array that `fn` slices, or `{}`.
std::string span_of(const char* fn, std::size_t offset, std::size_t count) {
  if (count == 0) return "{}";
  return std::string(fn) + "(" + std::to_string(offset) + ", " + std::to_string(count) + ")";
}

// A string literal too long for ISO C++'s minimum limit is fine for GCC and Clang.
std::string long_literal(std::string_view name, std::string_view text,
                         std::string_view keyword = "inline constexpr") {
  return substitute(
      "#pragma GCC diagnostic push\n"
      "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n"
      "@keyword@ char @name@[] = @text@;\n"
      "#pragma GCC diagnostic pop\n",
      {{"keyword", keyword}, {"name", name}, {"text", text::cpp_string_literal(text)}});
}

}  // namespace

std::string table_header_name(const std::string& header_path) {
  const std::size_t dot = header_path.rfind('.');
  const std::size_t slash = header_path.find_last_of("/\\");
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return header_path + "_table";
  }
  return header_path.substr(0, dot) + "_table" + header_path.substr(dot);
}

namespace {

// ---- the run-time header ---------------------------------------------------------------

std::string errc_enum(const source_catalog& c) {
  std::string out;
  for (const source_entry& e : c.entries) {
    out += "  " + e.name + " = " + std::to_string(e.value) + ",  ///< " + comment_text(e.code) +
           " (" + std::to_string(e.status) + "): " + comment_text(e.message) + "\n";
  }
  return out;
}

// One record line of the signature index (see errcat/detail/signature.hpp).
std::string signature_record(const source_entry& e, std::size_t index) {
  std::string line = e.code + ' ' + std::to_string(index) + ' ' + std::to_string(e.value);
  for (const template_param& p : e.tmpl.params)
    line += ' ' + p.name + (p.kind == param_kind::integer ? ":d" : ":s");
  return line + '\n';
}

std::string signature_index(const source_catalog& c, const catalog_plan& p) {
  std::string records;
  std::vector<std::size_t> line_of(c.entries.size());
  std::string by_code;
  for (const std::size_t i : p.by_code) {
    line_of[i] = records.size();
    by_code += offset_digits(records.size());
    records += signature_record(c.entries[i], i);
  }
  std::string by_errc_value;
  for (const std::size_t i : p.by_errc_value)
    by_errc_value += offset_digits(line_of[i]);
  std::string aliases;
  for (const source_alias& a : c.aliases)
    aliases += a.prefix + ' ' + a.canonical + '\n';
  return long_literal("signature_records", records) + long_literal("signature_by_code", by_code) +
         long_literal("signature_by_errc_value", by_errc_value) +
         long_literal("signature_aliases", aliases) +
         substitute(R"(inline constexpr ::errcat::detail::signature_index signatures{
    .records = {signature_records, @records@},
    .by_code = {signature_by_code, @by_code@},
    .by_errc_value = {signature_by_errc_value, @by_errc_value@},
    .aliases = {signature_aliases, @aliases@}};
)",
                    {{"records", std::to_string(records.size())},
                     {"by_code", std::to_string(by_code.size())},
                     {"by_errc_value", std::to_string(by_errc_value.size())},
                     {"aliases", std::to_string(aliases.size())}});
}

constexpr std::string_view header_template =
    R"(// Generated by errcat-gen from @input@. Do not edit: edit the JSON.
// @title@
// The run-time catalog: errc, category(), the catalog (defined in the generated source)
// and the compile-time checked make<>(). For constant evaluation of the full table
// (static_assert on a lookup, constexpr render<>()), include <@table_header@>.
#pragma once

#include <errcat/catalog_api.hpp>

static_assert(::errcat::catalog_format == @format@,
              "errcat: this catalog was generated by an errcat-gen of another version; regenerate it");

namespace @ns@ {

/// One enumerator per documented error, named by the entry's `name`. Values (the rule of
/// errcat/entry.hpp, `entry::errc_value`) depend only on the entry's status, code and occurrence
/// (earlier entries with the same status and code), so they stay the same when entries are
/// added, removed or reordered: a code of 1 to 4 digits, bare or after the home prefix
/// @home@, is status x 1000000 + occurrence x 100000 + (prefixed ? 10000 : 0) + number;
/// any other code is 600000000 + FNV-1a-64("<status> <code> <occurrence>") mod 1500000000;
/// an entry's "value" in the JSON wins.
enum class errc : int {
@errc@};

/// The catalog's `std::error_category`, named @service@ (one object per program).
const std::error_category& category() noexcept;

/// @what@: every documented error, in documented order, with perfect-hash lookup by
/// code. Defined in the generated source, so it is not usable in constant expressions;
/// `table` in <@table_header@> is the same catalog as a constant.
extern const ::errcat::catalog catalog;

namespace errcat_generated::storage {
// The catalog's arrays, defined in the generated source. Declared here so that `find`
// below, and the registry, can use their addresses as constants.
extern const ::errcat::entry entries[@entry_count@];
extern const ::errcat::code_key* const slots[@slot_count@];
}  // namespace errcat_generated::storage

/// `catalog.find(code)` with the catalog's hash constants compiled in: the fastest lookup
/// by code. O(1), noexcept, no allocation; nullptr when the catalog does not document
/// `code`. Exact match, aliases accepted, as `catalog::find`.
inline const ::errcat::entry* find(std::string_view code) noexcept {
@find_body@}

namespace errcat_generated {
@signatures@}  // namespace errcat_generated

ERRCAT_CATALOG_API(catalog, errcat_generated::signatures, errc, category)

}  // namespace @ns@

template <>
struct std::is_error_code_enum<@ns@::errc> : std::true_type {};
)";

// The body of the header's inline `find`: the direct index's probe with this catalog's
// constants, falling back to `catalog.find` for aliases; a two-level index calls it alone.
std::string find_body(const source_catalog& c, const catalog_plan& p) {
  if (!p.hash.displacements.empty()) return "  return catalog.find(code);\n";
  const auto bits = static_cast<unsigned>(std::countr_zero(p.hash.slots.size()));
  std::string out = substitute(
      "  const ::errcat::code_key* k = ::errcat::detail::probe_direct(\n"
      "      errcat_generated::storage::slots, @seed@, @bits@, @shortest@, @longest@, code);\n",
      {{"seed", hex(p.hash.seed)},
       {"bits", std::to_string(bits)},
       {"shortest", std::to_string(p.shortest_code)},
       {"longest", std::to_string(p.longest_code)}});
  if (!c.aliases.empty()) out += "  if (k == nullptr) return catalog.find(code);\n";
  return out + "  return k != nullptr ? k->first_entry : nullptr;\n";
}

std::string emit_header(const source_catalog& c, const catalog_plan& p, const emit_options& o) {
  const std::string home = home_prefix(c);
  return substitute(header_template,
                    {{"input", comment_text(o.input_name)},
                     {"title", comment_text(c.title)},
                     {"table_header", o.table_header_path},
                     {"format", std::to_string(errcat::catalog_format)},
                     {"ns", c.cpp_namespace},
                     {"errc", errc_enum(c)},
                     {"home", home.empty() ? std::string("(none)") : text::quoted(home + ".")},
                     {"service", literal(c.service)},
                     {"what", comment_text(c.title.empty() ? c.service : c.title)},
                     {"signatures", signature_index(c, p)},
                     {"entry_count", std::to_string(c.entries.size())},
                     {"slot_count", std::to_string(p.hash.slots.size())},
                     {"find_body", find_body(c, p)}});
}

// ---- the table header ------------------------------------------------------------------

// The arrays of the table, written while the entries are.
struct table_parts {
  text_pool texts;
  std::string params;
  std::string segments;
  std::string entries;
  std::size_t param_count = 0;
  std::size_t segment_count = 0;
};

void add_entry(table_parts& t, const source_entry& e) {
  const std::size_t first_param = t.param_count;
  for (const template_param& p : e.tmpl.params) {
    t.params += "    {.name = " + t.texts.slice(p.name) + ", .kind = ::errcat::param_kind::" +
                (p.kind == param_kind::integer ? "integer" : "string") + "},\n";
  }
  t.param_count += e.tmpl.params.size();
  const std::size_t first_segment = t.segment_count;
  for (const template_segment& g : e.tmpl.segments) {
    t.segments += "    {.text = " + t.texts.slice(g.text) +
                  ", .param_index = " + std::to_string(g.param_index) + "},\n";
  }
  t.segment_count += e.tmpl.segments.size();
  t.entries += substitute(
      "    {.status = @status@, .code = @code@, .name = @name@,\n"
      "     .message = @message@, .description = @description@,\n"
      "     .remediation = @remediation@, .params = @params@, .segments = @segments@,\n"
      "     .errc_value = @value@, .category = &category,\n"
      "     .retry = ::errcat::retry_class::@retry@},\n",
      {{"status", std::to_string(e.status)},
       {"code", t.texts.slice(e.code)},
       {"name", t.texts.slice(e.name)},
       {"message", t.texts.slice(e.message)},
       {"description", t.texts.slice(e.description)},
       {"remediation", t.texts.slice(e.remediation)},
       {"params", span_of("params_at", first_param, e.tmpl.params.size())},
       {"segments", span_of("segments_at", first_segment, e.tmpl.segments.size())},
       {"value", std::to_string(e.value)},
       {"retry", std::string(to_string(e.retry))}});
}

// The keys in plan order: the perfect hash's key k is groups[k].
std::string code_keys(table_parts& t, const catalog_plan& p) {
  std::string out;
  std::size_t first = 0;
  for (const code_group& g : p.groups) {
    const detail::key_words w = g.code.size() <= direct_index_max_code_size
                                    ? detail::code_words(g.code.data(), g.code.size(), p.hash.wide)
                                    : detail::key_words{};
    out += "    {.code = " + t.texts.slice(g.code) + ", .first = " + std::to_string(first) +
           ", .count = " + std::to_string(g.entries.size()) + ", .first_entry = entries + " +
           std::to_string(g.entries.front()) + ", .words = {.a = " + hex(w.a) +
           ", .b = " + hex(w.b) + "}},\n";
    first += g.entries.size();
  }
  return out;
}

// How the arrays are declared: in the table header every array is `inline constexpr`; in
// the generated source the arrays the run-time header declares (`entries`, `slots`) are
// `constinit` definitions of those declarations (`exported` precedes `const`), and the
// rest are `constexpr` (internal to the source).
struct array_keywords {
  std::string_view internal;  // arrays only the file itself refers to
  std::string_view exported;  // `entries` and `slots`
};

constexpr array_keywords table_keywords{"inline constexpr", "inline constexpr"};
constexpr array_keywords source_keywords{"constexpr", "constinit"};

std::string index_lists(const catalog_plan& p, const array_keywords& kw) {
  std::string by_code;
  for (const code_group& g : p.groups) {
    for (const std::size_t i : g.entries)
      by_code += std::to_string(i) + ", ";
  }
  std::string by_errc_value;
  for (const std::size_t i : p.by_errc_value)
    by_errc_value += std::to_string(i) + ", ";
  const std::string internal(kw.internal);
  std::string out = internal + " std::uint16_t by_code[] = {" + by_code + "};\n" + internal +
                    " std::uint16_t by_errc_value[] = {" + by_errc_value + "};\n";
  if (!p.hash.displacements.empty()) {
    out += internal + " std::uint32_t displacements[] = {";
    for (const std::uint32_t d : p.hash.displacements)
      out += std::to_string(d) + "u, ";
    out += "};\n";
  }
  out += std::string(kw.exported) + " const ::errcat::code_key* const slots[" +
         std::to_string(p.hash.slots.size()) + "] = {";
  for (const std::uint16_t s : p.hash.slots)
    out += s == empty_slot ? std::string("nullptr, ") : "keys + " + std::to_string(s) + ", ";
  return out + "};\n";
}

std::string aliases_array(const source_catalog& c, const array_keywords& kw) {
  if (c.aliases.empty()) return {};
  std::string out = std::string(kw.internal) + " ::errcat::code_alias aliases[] = {\n";
  for (const source_alias& a : c.aliases) {
    out +=
        "    {.prefix = " + literal(a.prefix) + ", .canonical = " + literal(a.canonical) + "},\n";
  }
  return out + "};\n";
}

// The helpers and arrays before the entries: texts, parameters, segments.
std::string slices(const table_parts& t, const array_keywords& kw) {
  const std::string internal(kw.internal);
  std::string out = long_literal("text", t.texts.text(), kw.internal);
  out +=
      "constexpr std::string_view text_at(std::size_t offset, std::size_t size) noexcept {\n"
      "  return {text + offset, size};\n}\n";
  if (t.param_count != 0) {
    out += internal + " ::errcat::param params[] = {\n" + t.params + "};\n" +
           "constexpr std::span<const ::errcat::param> params_at(std::size_t offset,\n"
           "                                                     std::size_t size) noexcept {\n"
           "  return {params + offset, size};\n}\n";
  }
  if (t.segment_count != 0) {
    out += internal + " ::errcat::segment segments[] = {\n" + t.segments + "};\n" +
           "constexpr std::span<const ::errcat::segment> segments_at(std::size_t offset,\n"
           "                                                         std::size_t size) noexcept {\n"
           "  return {segments + offset, size};\n}\n";
  }
  return out;
}

// Every array of the catalog, in dependency order: texts, parameters, segments, entries,
// aliases, keys, the index lists and the slots.
std::string catalog_arrays(const source_catalog& c, const catalog_plan& p,
                           const array_keywords& kw) {
  table_parts t;
  for (const source_entry& e : c.entries)
    add_entry(t, e);
  const std::string keys = code_keys(t, p);
  return slices(t, kw) + std::string(kw.exported) + " const ::errcat::entry entries[" +
         std::to_string(c.entries.size()) + "] = {\n" + t.entries + "};\n" + aliases_array(c, kw) +
         std::string(kw.internal) + " ::errcat::code_key keys[] = {\n" + keys + "};\n" +
         index_lists(p, kw);
}

// The braced initializer of the catalog object over the arrays in namespace `arrays`
// (`errcat_generated::` or `errcat_generated::storage::`).
std::string catalog_initializer(const source_catalog& c, const catalog_plan& p,
                                const std::string& arrays) {
  return substitute(
      R"({
    .service = @service@,
    .cpp_namespace = @cpp_namespace@,
    .title = @title@,
    .source = @source@,
    .type_base = @type_base@,
    .domain = @domain@,
    .entries = @arrays@entries,
    .aliases = @aliases@,
    .keys = @arrays@keys,
    .by_code = @arrays@by_code,
    .by_errc_value = @arrays@by_errc_value,
    .seed = @seed@,
    .displacements = @displacements@,
    .slots = @arrays@slots,
    .shortest_code = @shortest@,
    .longest_code = @longest@})",
      {{"service", literal(c.service)},
       {"cpp_namespace", literal(c.cpp_namespace)},
       {"title", literal(c.title)},
       {"source", literal(c.source)},
       {"type_base", literal(c.type_base)},
       {"domain", literal(c.domain)},
       {"arrays", arrays},
       {"aliases", c.aliases.empty() ? "{}" : arrays + "aliases"},
       {"seed", hex(p.hash.seed)},
       {"displacements", p.hash.displacements.empty() ? "{}" : arrays + "displacements"},
       {"shortest", std::to_string(p.shortest_code)},
       {"longest", std::to_string(p.longest_code)}});
}

constexpr std::string_view table_template =
    R"(// Generated by errcat-gen from @input@. Do not edit: edit the JSON.
// @title@
// The full constexpr table, for constant evaluation: `table` (the same catalog as
// `catalog`, usable in static_assert) and constexpr render<"CODE">(). The generated source
// includes it; a translation unit that only makes and looks up errors does not need it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include <errcat/table_api.hpp>

#include "@header@"

namespace @ns@ {

namespace errcat_generated {
@arrays@}  // namespace errcat_generated

/// @what@, as a constant: every documented error, in documented order, with constexpr
/// perfect-hash lookup by code (`static_assert(table.find("CODE")->status == 404)`).
inline constexpr ::errcat::catalog table@catalog@;

ERRCAT_TABLE_API(table, errcat_generated::signatures)

}  // namespace @ns@
)";

std::string emit_table(const source_catalog& c, const catalog_plan& p, const emit_options& o) {
  return substitute(table_template, {{"input", comment_text(o.input_name)},
                                     {"title", comment_text(c.title)},
                                     {"header", o.header_path},
                                     {"ns", c.cpp_namespace},
                                     {"arrays", catalog_arrays(c, p, table_keywords)},
                                     {"what", comment_text(c.title.empty() ? c.service : c.title)},
                                     {"catalog", catalog_initializer(c, p, "errcat_generated::")}});
}

// ---- the source ------------------------------------------------------------------------

constexpr std::string_view source_template =
    R"(// Generated by errcat-gen from @input@. Do not edit.
// Defines what the run-time header declares: the catalog's arrays and `catalog`
// (constant-initialised: no static constructor), the run-time make() and entry_of(), and
// category(). It does not include the constexpr table header.
#include "@header@"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include <errcat/category.hpp>

namespace @ns@ {

namespace errcat_generated::storage {
@arrays@}  // namespace errcat_generated::storage

constinit const ::errcat::catalog catalog@catalog@;

ERRCAT_CATALOG_DEFINITIONS(catalog, errc)

const std::error_category& category() noexcept {
  // Function-local: constant-initialised on first use, no static initialiser.
  static const ::errcat::catalog_category instance(catalog);
  return instance;
}

}  // namespace @ns@
)";

}  // namespace

generated_files emit_catalog(const source_catalog& c, const catalog_plan& p,
                             const emit_options& o) {
  // The keys are written in plan order; the hash was verified against that same order.
  if (!plan_is_consistent(p)) return {};
  generated_files f;
  f.header = emit_header(c, p, o);
  f.table_header = emit_table(c, p, o);
  f.source = substitute(source_template,
                        {{"input", comment_text(o.input_name)},
                         {"header", o.header_path},
                         {"ns", c.cpp_namespace},
                         {"arrays", catalog_arrays(c, p, source_keywords)},
                         {"catalog", catalog_initializer(c, p, "errcat_generated::storage::")}});
  return f;
}

}  // namespace errcat::gen
