// Fuzzes the generator's catalog reader with arbitrary bytes: it must only ever accept (a
// catalog that satisfies every documented rule) or reject with messages naming the file.
// Accepted catalogs also go through the perfect-hash builder and the header emitter.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include <errcat/catalog.hpp>
#include <errcat/make.hpp>

#include "catalog_source.hpp"
#include "emit.hpp"
#include "fuzz_support.hpp"
#include "perfect_hash.hpp"
#include "plan.hpp"

using errcat_fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const errcat::gen::load_result r = errcat::gen::load_catalog("fuzz.json", text);

  if (!r.catalog) {
    check(!r.errors.empty(), "rejected without a message");
    for (const std::string& e : r.errors) {
      check(e.rfind("fuzz.json: ", 0) == 0, "a message does not name the file");
      check(e.size() > 11, "an empty message");
    }
    return 0;
  }
  check(r.errors.empty(), "accepted with error messages");
  const errcat::gen::source_catalog& c = *r.catalog;
  check(!c.entries.empty(), "accepted a catalog without entries");

  std::set<std::string> names;
  std::set<int> values;
  std::set<std::string> codes;
  for (const errcat::gen::source_entry& e : c.entries) {
    check(e.status >= 400 && e.status <= 599, "accepted a status outside 400-599");
    check(!e.code.empty() && e.code.size() <= errcat::max_code_size, "accepted a bad code size");
    for (char ch : e.code)
      check(ch > 0x20 && ch < 0x7f, "accepted a code that is not printable ASCII");
    check(errcat::gen::is_cpp_identifier(e.name), "accepted a name that is not an identifier");
    check(names.insert(e.name).second, "accepted a duplicate name");
    check(e.value > 0, "accepted a non-positive errc value");
    check(values.insert(e.value).second, "accepted a duplicate errc value");
    check(e.tmpl.params.size() <= errcat::max_params, "accepted too many parameters");
    for (const errcat::gen::template_segment& s : e.tmpl.segments) {
      check(s.param_index >= -1 && s.param_index < static_cast<int>(e.tmpl.params.size()),
            "a segment refers to a parameter that does not exist");
      check(!s.text.empty(), "an empty segment");
    }
    codes.insert(e.code);
  }

  const std::vector<std::string> keys(codes.begin(), codes.end());
  const auto ph = errcat::gen::build_perfect_hash(keys, 4);
  if (ph) {
    check(ph->slots.size() >= keys.size(), "fewer slots than keys");
    for (std::size_t i = 0; i < keys.size(); ++i) {
      check(ph->slots[errcat::gen::slot_of(*ph, keys[i])] == i, "a code is not in its own slot");
    }
    const auto plan = errcat::gen::plan_catalog(c, 4);
    check(plan.has_value(), "no plan although the codes have a perfect hash");
    const errcat::gen::generated_files f =
        errcat::gen::emit_catalog(c, *plan, {"fuzz.json", "fuzz.hpp", "fuzz_table.hpp"});
    const std::string& h = f.header;
    const std::string& s = f.source;
    check(f.table_header.find("namespace " + c.cpp_namespace + " {") != std::string::npos,
          "the table header does not open the catalog's namespace");
    check(h.find("namespace " + c.cpp_namespace + " {") != std::string::npos,
          "the header does not open the catalog's namespace");
    check(!s.empty(), "empty source");
    // A line ending in a backslash would splice the next line of generated code into a
    // comment or a literal (a message ending in "\\" must not eat an enumerator).
    for (std::size_t eol = h.find('\n'); eol != std::string::npos; eol = h.find('\n', eol + 1)) {
      check(eol == 0 || h[eol - 1] != '\\', "a generated line ends in a backslash");
    }
  }
  return 0;
}
