// Hostile catalog files for the generator: truncation at any byte, deep nesting, huge
// strings, duplicate keys (also spelled differently), NUL bytes; and a catalog of strings
// that are hard to put into C++ source, generated and compiled, then compared byte for
// byte with what the JSON says.
#include <errcat/hostile.hpp>

#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "catalog_source.hpp"
#include "catch.hpp"

using errcat::gen::load_catalog;
using errcat::gen::load_result;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string hostile_json =
    std::string(ERRCAT_SOURCE_DIR) + "/tests/fuzz/corpus/fuzz_catalog/hostile_strings.json";

// True when `r` rejected its input with at least one message containing `what`.
bool rejected_with(const load_result& r, std::string_view what) {
  if (r.catalog || r.errors.empty()) return false;
  for (const std::string& e : r.errors) {
    if (e.find(what) != std::string::npos) return true;
  }
  return false;
}

std::string all_errors(const load_result& r) {
  std::string out;
  for (const std::string& e : r.errors)
    out += e + "\n";
  return out;
}

}  // namespace

TEST_CASE("a catalog truncated at any point is rejected as invalid JSON with a position",
          "[hostile][generator]") {
  const std::string text = read_file(std::string(ERRCAT_SOURCE_DIR) + "/data/errors.json");
  REQUIRE(load_catalog("errors.json", text).catalog.has_value());  // the control
  // Every byte of the start (inside the header, the first entry, escapes) and then about
  // 300 points spread over the rest of the file.
  std::vector<std::size_t> cuts;
  for (std::size_t i = 0; i < 700; ++i)
    cuts.push_back(i);
  for (std::size_t i = 700; i < text.size(); i += text.size() / 300)
    cuts.push_back(i);
  for (const std::size_t cut : cuts) {
    const load_result r = load_catalog("errors.json", std::string_view(text).substr(0, cut));
    INFO("cut at byte " << cut << ": " << all_errors(r));
    CHECK(rejected_with(r, "errors.json: invalid JSON: "));
    CHECK(rejected_with(r, "line "));
  }
}

TEST_CASE("an empty, blank or binary catalog file is rejected with a message",
          "[hostile][generator]") {
  using namespace std::string_view_literals;
  for (const std::string_view text :
       {""sv, "   \n"sv, "\0\0\0"sv, "\xff\xfe{"sv, "\xef\xbb\xbf"sv}) {
    const load_result r = load_catalog("x.json", text);
    INFO(all_errors(r));
    CHECK(rejected_with(r, "x.json: invalid JSON: "));
  }
  CHECK(rejected_with(load_catalog("x.json", "[]"), "the top level must be an object"));
  CHECK(rejected_with(load_catalog("x.json", "\"errors\""), "the top level must be an object"));
}

TEST_CASE("100000 nested brackets are rejected without exhausting the stack",
          "[hostile][generator]") {
  const std::string open(100000, '[');
  const std::string close(100000, ']');
  CHECK(rejected_with(load_catalog("deep.json", open), "invalid JSON"));
  CHECK(rejected_with(load_catalog("deep.json", open + close), "the top level must be an object"));
  // Deep nesting where a name is expected: the message quotes only the start of it.
  const load_result r = load_catalog(
      "deep.json",
      R"({"service": "d", "namespace": "d", "errors": [{"status": 400, "code": "E.1", )"
      R"("name": "a", "message": "M %s", "description": "D", "remediation": "R", "params": [)" +
          open + close + "]}]}");
  INFO(all_errors(r));
  CHECK(rejected_with(r, "field \"params\" must hold names"));
  for (const std::string& e : r.errors)
    CHECK(e.size() < 1000);
}

TEST_CASE("a 1 MB code or name in a catalog is rejected with a short message",
          "[hostile][generator]") {
  const std::string huge(1u << 20, 'A');
  const load_result r = load_catalog(
      "big.json", R"({"service": "d", "namespace": "d", "errors": [{"status": 400, "code": ")" +
                      huge + R"(", "name": ")" + huge +
                      R"(", "message": "M", "description": "D", "remediation": "R"}]})");
  INFO(all_errors(r).substr(0, 2000));
  CHECK(rejected_with(r, "field \"code\" is longer than 64 bytes"));
  std::size_t total = 0;
  for (const std::string& e : r.errors)
    total += e.size();
  CHECK(total < 4096);
}

TEST_CASE("duplicate keys are rejected wherever they are, however they are spelled",
          "[hostile][generator]") {
  const std::string entry =
      R"("status": 400, "code": "E.0001", "name": "a", "message": "M.", "description": "D.", )"
      R"("remediation": "R.")";
  // The top level, an entry, an alias, and a key written with a \u escape.
  CHECK(rejected_with(
      load_catalog(
          "dup.json",
          R"({"service": "d", "service": "e", "namespace": "d", "errors": [{)" + entry + "}]}"),
      "dup.json: duplicate key \"service\""));
  CHECK(
      rejected_with(load_catalog("dup.json", R"({"service": "d", "namespace": "d", "errors": [{)" +
                                                 entry + R"(, "name": "b"}]})"),
                    "dup.json: duplicate key \"name\""));
  CHECK(rejected_with(
      load_catalog("dup.json",
                   R"({"service": "d", "namespace": "d", "code_aliases": [{"prefix": "X.", )"
                   R"("prefix": "Y.", "canonical": "E."}], "errors": [{)" +
                       entry + "}]}"),
      "dup.json: duplicate key \"prefix\""));
  CHECK(
      rejected_with(load_catalog("dup.json", R"({"service": "d", "namespace": "d", "errors": [{)" +
                                                 entry + R"(, "\u0063ode": "E.0002"}]})"),
                    "dup.json: duplicate key \"code\""));
  // The same key in two different objects is not a duplicate.
  CHECK(load_catalog("ok.json",
                     R"({"service": "d", "namespace": "d", "errors": [{)" + entry +
                         R"(}, {"status": 400, "code": "E.0002", "name": "b", "message": "M.", )"
                         R"("description": "D.", "remediation": "R."}]})")
            .catalog.has_value());
}

TEST_CASE("NUL bytes and control characters in a code are rejected and shown escaped",
          "[hostile][generator]") {
  const load_result r = load_catalog(
      "nul.json",
      R"({"service": "d", "namespace": "d", "errors": [{"status": 400, "code": "E.\u00000001", )"
      R"("name": "a", "message": "M.", "description": "D.", "remediation": "R."}]})");
  INFO(all_errors(r));
  CHECK(rejected_with(r, R"(must be printable ASCII without spaces, not "E.\x000001")"));
}

TEST_CASE("strings that are hard to write in C++ survive generation byte for byte",
          "[hostile][generator]") {
  // The generated header was compiled into this test; the JSON is read again here.
  const load_result r = load_catalog("hostile_strings.json", read_file(hostile_json));
  REQUIRE(r.catalog.has_value());
  const errcat::gen::source_catalog& src = *r.catalog;
  const errcat::catalog& cat = errcat_test::hostile::catalog;
  CHECK(cat.title == src.title);
  CHECK(cat.source == src.source);
  REQUIRE(cat.aliases.size() == 1);
  CHECK(cat.aliases[0].prefix == src.aliases[0].prefix);
  CHECK(cat.aliases[0].canonical == src.aliases[0].canonical);
  REQUIRE(cat.size() == src.entries.size());
  for (std::size_t i = 0; i < cat.size(); ++i) {
    INFO("entry " << i << " (" << src.entries[i].name << ")");
    CHECK(cat[i].code == src.entries[i].code);
    CHECK(cat[i].name == src.entries[i].name);
    CHECK(cat[i].message == src.entries[i].message);
    CHECK(cat[i].description == src.entries[i].description);
    CHECK(cat[i].remediation == src.entries[i].remediation);
    CHECK(cat.find(src.entries[i].code) == &cat[i]);
  }
  // Every enumerator survived, including the one after a message ending in a backslash.
  using errc = errcat_test::hostile::errc;
  CHECK(errcat_test::hostile::entry_of(errc::ends_in_backslash).message.back() == '\\');
  CHECK(errcat_test::hostile::entry_of(errc::quotes_and_trigraphs).name == "quotes_and_trigraphs");
  CHECK(errcat_test::hostile::entry_of(errc::nul_and_controls).message.find('\0') ==
        std::string_view("NUL ").size());
  CHECK(errcat_test::hostile::entry_of(errc::unicode).code == "U.0004");
  // The alias spelled with a quote finds the code spelled with a backslash.
  CHECK(cat.find("H\"Q.0001") == &cat[0]);
  const errcat::error err =
      errcat_test::hostile::make("NUL.0003", {{"v", std::string_view("\0\\\"", 3)}});
  using namespace std::string_view_literals;
  CHECK(err.message() == "NUL \0 inside, tab \t, CR \r, LF \n, DEL \x7f, BEL \a, end \0\\\"\0"sv);
}
