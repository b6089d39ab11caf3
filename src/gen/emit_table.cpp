#include "emit_table.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "emit_support.hpp"
#include "errcat/detail/table_layout.hpp"
#include "errcat/limits.hpp"
#include "text.hpp"

namespace errcat::gen {
namespace {

namespace layout = errcat::detail::table_layout;

// The records of the table, written while the entries are, and what did not fit.
class table_writer {
 public:
  // `v` as `digits` base-64 digits; a value too large for them is recorded as a problem
  // of `what` (and written as zero).
  void number(std::string& out, std::size_t v, std::size_t digits, std::string_view what) {
    if (v > layout::max_value(digits)) {
      problems_.push_back(std::string(what) + " is " + std::to_string(v) + ", more than the " +
                          std::to_string(layout::max_value(digits)) +
                          " the constant table's layout holds");
      v = 0;
    }
    std::string d(digits, '0');
    for (std::size_t k = digits; k-- > 0; v /= 64)
      d[k] = layout::digits[v % 64];
    out += d;
  }
  // A text: its offset in the pool and its size.
  void text(std::string& out, const std::string& s, std::string_view what) {
    const std::size_t at = pool_.offset_of(s);
    number(out, at, layout::text_offset_digits, "the text pool's size");
    number(out, s.size(), layout::text_size_digits, what);
  }

  void add_entry(const source_entry& e);
  void add_keys(const catalog_plan& p);
  void add_hash(const catalog_plan& p);
  void add_aliases(const source_catalog& c);

  const std::string& texts() const { return pool_.text(); }
  const std::vector<std::string>& problems() const { return problems_; }

  std::vector<std::string> entries;  // one record each, with its code for a comment
  std::string params;
  std::string segments;
  std::string keys;
  std::string by_code;
  std::string by_errc_value;
  std::string slots;
  std::string displacements;
  std::string aliases;
  std::size_t param_count = 0;
  std::size_t segment_count = 0;
  std::size_t max_params = 0;    // the most parameters of one entry
  std::size_t max_segments = 0;  // the most segments of one entry

 private:
  text_pool pool_;
  std::vector<std::string> problems_;
};

void table_writer::add_entry(const source_entry& e) {
  std::string r;
  number(r, static_cast<std::size_t>(e.status), layout::status_digits, "a status");
  text(r, e.code, "a code's size");
  text(r, e.name, "a name's size");
  text(r, e.message, "a message's size");
  text(r, e.description, "a description's size");
  text(r, e.remediation, "a remediation's size");
  number(r, param_count, layout::first_digits, "the number of parameters");
  number(r, e.tmpl.params.size(), layout::param_count_digits, "an entry's parameter count");
  number(r, segment_count, layout::first_digits, "the number of segments");
  number(r, e.tmpl.segments.size(), layout::segment_count_digits, "an entry's segment count");
  number(r, static_cast<std::size_t>(static_cast<long long>(e.value) + layout::errc_value_bias),
         layout::errc_value_digits, "an errc value");
  number(r, static_cast<std::size_t>(e.retry), 1, "a retry class");
  entries.push_back(std::move(r));
  for (const template_param& p : e.tmpl.params) {
    text(params, p.name, "a parameter name's size");
    number(params, p.kind == param_kind::integer ? 1 : 0, 1, "a parameter kind");
  }
  for (const template_segment& g : e.tmpl.segments) {
    text(segments, g.text, "a segment's size");
    number(segments, static_cast<std::size_t>(g.param_index + 1), 1, "a parameter index");
  }
  param_count += e.tmpl.params.size();
  segment_count += e.tmpl.segments.size();
  max_params = std::max(max_params, e.tmpl.params.size());
  max_segments = std::max(max_segments, e.tmpl.segments.size());
}

// The keys in plan order (the perfect hash's key k is groups[k]) and their entries.
void table_writer::add_keys(const catalog_plan& p) {
  std::size_t first = 0;
  for (const code_group& g : p.groups) {
    text(keys, g.code, "a code's size");
    number(keys, first, layout::index_digits, "a position in by_code");
    number(keys, g.entries.size(), layout::index_digits, "a code's entry count");
    for (const std::size_t i : g.entries)
      number(by_code, i, layout::index_digits, "an entry index");
    first += g.entries.size();
  }
  for (const std::size_t i : p.by_errc_value)
    number(by_errc_value, i, layout::index_digits, "an entry index");
}

void table_writer::add_hash(const catalog_plan& p) {
  for (const std::uint16_t s : p.hash.slots)
    number(slots, s, layout::index_digits, "a key index");
  for (const std::uint32_t d : p.hash.displacements)
    number(displacements, d, layout::displacement_digits, "a displacement");
}

void table_writer::add_aliases(const source_catalog& c) {
  for (const source_alias& a : c.aliases) {
    text(aliases, a.prefix, "an alias prefix's size");
    text(aliases, a.canonical, "a canonical prefix's size");
  }
}

// `inline constexpr char name[] = "...";`, one record per line, the code in a comment.
std::string records_literal(std::string_view name, const std::vector<std::string>& records,
                            const source_catalog& c) {
  std::string out = "inline constexpr char " + std::string(name) + "[] =\n";
  if (records.empty()) return out + "    \"\";\n";
  for (std::size_t i = 0; i < records.size(); ++i) {
    out += "    \"" + records[i] + "\"" + (i + 1 == records.size() ? ";" : "") + "  // " +
           comment_text(c.entries[i].code) + "\n";
  }
  return out;
}

// `{name, size}` of a literal, or `{}` when it is empty.
std::string view_of(std::string_view name, std::size_t size) {
  if (size == 0) return "{}";
  return "{errcat_generated::" + std::string(name) + ", " + std::to_string(size) + "}";
}

constexpr std::string_view table_template =
    R"(// Generated by errcat-gen from @input@. Do not edit: edit the JSON.
// @title@
// The full table as a constant, for constant evaluation: `table`, an errcat::constant_table
// with the same entries and lookups as `catalog` that works in static_assert, and constexpr
// render<"CODE">(). Its data are string literals, cheap to compile. A translation unit that
// only makes and looks up errors does not need this header.
#pragma once

#include <errcat/table_api.hpp>

#include "@header@"

namespace @ns@ {

namespace errcat_generated {
@literals@}  // namespace errcat_generated

/// @what@, as a constant: every documented error, in documented order, with constexpr
/// perfect-hash lookup by code (`static_assert(table.find("CODE")->status == 404)`).
inline constexpr ::errcat::constant_table<@max_params@, @max_segments@> table{
    .service = @service@,
    .cpp_namespace = @cpp_namespace@,
    .title = @title_literal@,
    .source = @source@,
    .type_base = @type_base@,
    .domain = @domain@,
    .category = &category,
    .texts = @texts@,
    .entries = @entries@,
    .params = @params@,
    .segments = @segments@,
    .keys = @keys@,
    .by_code = @by_code@,
    .by_errc_value = @by_errc_value@,
    .slots = @slots@,
    .displacements = @displacements@,
    .aliases = @aliases@,
    .seed = @seed@,
    .length_multiplier = @length_multiplier@,
    .shortest_code = @shortest@,
    .longest_code = @longest@};

ERRCAT_TABLE_API(table, errcat_generated::signatures)

}  // namespace @ns@
)";

// A header that stops the build, naming what did not fit the layout.
std::string error_header(const source_catalog& c, const emit_options& o,
                         const std::vector<std::string>& problems) {
  std::string out = "// Generated by errcat-gen from " + comment_text(o.input_name) +
                    ". Do not edit: edit the JSON.\n#pragma once\n";
  for (const std::string& problem : problems) {
    out += "#error " +
           text::cpp_string_literal("errcat: no constant table for " + c.service + ": " + problem) +
           "\n";
  }
  return out;
}

// The string literals of the table: texts, entry records, then the other records.
std::string data_literals(const table_writer& t, const source_catalog& c) {
  std::string out =
      long_literal("table_texts", t.texts()) + records_literal("table_entries", t.entries, c);
  for (const auto& [name, data] :
       {std::pair<std::string_view, const std::string&>{"table_params", t.params},
        {"table_segments", t.segments},
        {"table_keys", t.keys},
        {"table_by_code", t.by_code},
        {"table_by_errc_value", t.by_errc_value},
        {"table_slots", t.slots},
        {"table_displacements", t.displacements},
        {"table_aliases", t.aliases}}) {
    if (!data.empty()) out += long_literal(name, data);
  }
  return out;
}

}  // namespace

std::string emit_table(const source_catalog& c, const catalog_plan& p, const emit_options& o) {
  table_writer t;
  for (const source_entry& e : c.entries)
    t.add_entry(e);
  t.add_keys(p);
  t.add_hash(p);
  t.add_aliases(c);
  if (!t.problems().empty()) return error_header(c, o, t.problems());
  std::size_t entries_size = 0;
  for (const std::string& r : t.entries)
    entries_size += r.size();
  return substitute(table_template,
                    {{"input", comment_text(o.input_name)},
                     {"title", comment_text(c.title)},
                     {"header", o.header_path},
                     {"ns", c.cpp_namespace},
                     {"literals", data_literals(t, c)},
                     {"what", comment_text(c.title.empty() ? c.service : c.title)},
                     {"max_params", std::to_string(t.max_params)},
                     {"max_segments", std::to_string(t.max_segments)},
                     {"service", literal(c.service)},
                     {"cpp_namespace", literal(c.cpp_namespace)},
                     {"title_literal", literal(c.title)},
                     {"source", literal(c.source)},
                     {"type_base", literal(c.type_base)},
                     {"domain", literal(c.domain)},
                     {"texts", view_of("table_texts", t.texts().size())},
                     {"entries", view_of("table_entries", entries_size)},
                     {"params", view_of("table_params", t.params.size())},
                     {"segments", view_of("table_segments", t.segments.size())},
                     {"keys", view_of("table_keys", t.keys.size())},
                     {"by_code", view_of("table_by_code", t.by_code.size())},
                     {"by_errc_value", view_of("table_by_errc_value", t.by_errc_value.size())},
                     {"slots", view_of("table_slots", t.slots.size())},
                     {"displacements", view_of("table_displacements", t.displacements.size())},
                     {"aliases", view_of("table_aliases", t.aliases.size())},
                     {"seed", hex(p.hash.seed)},
                     {"length_multiplier", length_multiplier_expression(p.hash.length_multiplier)},
                     {"shortest", std::to_string(p.shortest_code)},
                     {"longest", std::to_string(p.longest_code)}});
}

}  // namespace errcat::gen
