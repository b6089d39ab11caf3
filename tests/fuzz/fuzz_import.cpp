// Fuzzes the table importer (errcat import) with arbitrary files: the first byte picks the
// format (or leaves it to the guess), the rest is the file. Reading must never crash; every
// row it returns must carry a code without spaces and a unique name errcat-gen takes, every
// diagnostic a line inside the file; the written catalog must be JSON the generator reads
// (its verdict may be "invalid", never a parse failure).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "catalog_source.hpp"
#include "compile.hpp"
#include "fuzz_support.hpp"
#include "import.hpp"

namespace imp = errcat::gen::import;
using errcat_fuzz::check;

namespace {

constexpr std::string_view file_names[] = {"t.rst", "t.md", "t.html", "t.txt", "table"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  errcat_fuzz::reader in{data, size};
  const std::uint8_t pick = in.byte();
  const std::string_view text = in.rest();
  const std::string_view file = file_names[pick % 5];
  std::optional<imp::table_format> format;
  if ((pick & 0x80) != 0) format = static_cast<imp::table_format>((pick >> 3) & 3);

  const imp::import_result r = imp::read_tables(file, text, format);
  std::size_t lines = 1;
  for (char c : text)
    lines += c == '\n' ? 1 : 0;
  for (const imp::diagnostic& d : r.diagnostics) {
    check(d.line <= lines, "a diagnostic names a line past the end of the file");
    check(!d.text.empty() && d.str().starts_with(file), "a diagnostic without text or file");
  }
  std::set<std::string> names;
  for (const imp::row& row : r.rows) {
    check(!row.code.empty(), "a row without a code");
    check(row.code.find(' ') == std::string::npos, "a code with a space");
    check(row.line >= 1 && row.line <= lines, "a row on a line outside the file");
    check(row.name.size() <= 48 && errcat::gen::is_cpp_identifier(row.name),
          "a row name errcat-gen would not take");
    check(names.insert(row.name).second, "two rows with one name");
    check(row.retry == "never" || row.retry == "backoff" || row.retry == "throttled",
          "an unknown retry class");
  }
  imp::catalog_options options;
  options.default_status = 400;
  const imp::written_catalog w = imp::write_catalog(r.rows, options);
  if (!w.json.empty()) {
    errcat::gen::compile_options compile;
    compile.file = "fuzz.json";
    compile.emit = false;
    const errcat::gen::compile_result compiled = errcat::gen::compile(w.json, compile);
    for (const std::string& e : compiled.diagnostics.texts())
      check(e.find("invalid JSON") == std::string::npos, "the writer wrote text that is not JSON");
  }
  return 0;
}
