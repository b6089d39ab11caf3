// errcat::constant_table against the run-time catalog it is generated beside: for every
// entry of every catalog the suite builds, the same fields, the same lookups by code and by
// status and code, the same aliases and the same misses.
#include <errcat/apigw.hpp>
#include <errcat/apigw_table.hpp>
#include <errcat/demo.hpp>
#include <errcat/demo_table.hpp>
#include <errcat/iam.hpp>
#include <errcat/iam_table.hpp>
#if ERRCAT_TEST_OTC
#include <errcat/otc/aom.hpp>
#include <errcat/otc/aom_table.hpp>
#include <errcat/otc/ecs.hpp>
#include <errcat/otc/ecs_table.hpp>
#include <errcat/otc/modelarts.hpp>
#include <errcat/otc/modelarts_table.hpp>
#include <errcat/otc/obs.hpp>
#include <errcat/otc/obs_table.hpp>
#endif

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"

namespace {

// The position of `e` in `c`'s entries, or -1 for nullptr.
std::ptrdiff_t index_in(const errcat::catalog& c, const errcat::entry* e) {
  return e == nullptr ? -1 : e - c.entries.data();
}

template <class Result>
std::ptrdiff_t index_in(const Result& r) {
  return r == nullptr ? -1 : static_cast<std::ptrdiff_t>(r.index());
}

void check_same_entry(const errcat::entry& a, const errcat::entry& b) {
  CHECK(a.status == b.status);
  CHECK(a.code == b.code);
  CHECK(a.name == b.name);
  CHECK(a.message == b.message);
  CHECK(a.description == b.description);
  CHECK(a.remediation == b.remediation);
  CHECK(a.errc_value == b.errc_value);
  CHECK(a.retry == b.retry);
  CHECK(a.category == b.category);
  REQUIRE(a.params.size() == b.params.size());
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    CHECK(a.params[i].name == b.params[i].name);
    CHECK(a.params[i].kind == b.params[i].kind);
  }
  REQUIRE(a.segments.size() == b.segments.size());
  for (std::size_t i = 0; i < a.segments.size(); ++i) {
    CHECK(a.segments[i].text == b.segments[i].text);
    CHECK(a.segments[i].param_index == b.segments[i].param_index);
  }
}

// `table.find(code)` and `table.find(status, code)` give what `catalog` gives.
template <class Table>
void check_same_lookups(const Table& table, const errcat::catalog& c, std::string_view code,
                        const std::set<int>& statuses) {
  CAPTURE(code);
  const errcat::entry* want = c.find(code);
  const auto got = table.find(code);
  REQUIRE(index_in(got) == index_in(c, want));
  CHECK((got == nullptr) == (want == nullptr));
  CHECK(static_cast<bool>(got) == (want != nullptr));
  if (want != nullptr) check_same_entry(*got, *want);
  for (const int status : statuses) {
    CAPTURE(status);
    CHECK(index_in(table.find(status, code)) == index_in(c, c.find(status, code)));
  }
}

// Codes no catalog documents, made from `code`.
std::vector<std::string> near_misses(std::string_view code) {
  std::string lower(code);
  for (char& ch : lower)
    ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  return {std::string(code) + "x",
          std::string(code.substr(0, code.size() - 1)),
          " " + std::string(code),
          std::string(code) + '\0',
          lower,
          std::string(code.substr(1))};
}

template <class Table>
void check_table(const Table& table, const errcat::catalog& c) {
  CAPTURE(c.service);
  CHECK(table.service == c.service);
  CHECK(table.cpp_namespace == c.cpp_namespace);
  CHECK(table.title == c.title);
  CHECK(table.source == c.source);
  CHECK(table.type_base == c.type_base);
  CHECK(table.domain == c.domain);
  REQUIRE(table.size() == c.size());
  std::set<int> statuses{-1, 0, 999};
  for (const errcat::entry& e : c)
    statuses.insert(e.status);
  for (std::size_t i = 0; i < c.size(); ++i) {
    CAPTURE(i, c[i].code);
    const auto at = table.entry_at(i);
    REQUIRE(at != nullptr);
    CHECK(at.index() == i);
    check_same_entry(*at, c[i]);
    check_same_lookups(table, c, c[i].code, statuses);
    CHECK(index_in(table.find_errc_value(c[i].errc_value)) ==
          index_in(c, c.find_errc_value(c[i].errc_value)));
    CHECK(index_in(table.find_errc_value(c[i].errc_value + 1)) ==
          index_in(c, c.find_errc_value(c[i].errc_value + 1)));
    CHECK(index_in(table.find_name(c[i].name)) == index_in(c, c.find_name(c[i].name)));
    for (const std::string& miss : near_misses(c[i].code))
      check_same_lookups(table, c, miss, statuses);
    for (const errcat::code_alias& a : c.aliases) {
      if (c[i].code.starts_with(a.canonical)) {
        check_same_lookups(
            table, c, std::string(a.prefix) + std::string(c[i].code.substr(a.canonical.size())),
            statuses);
      }
    }
  }
  CHECK(table.entry_at(c.size()) == nullptr);
  CHECK(index_in(table.find_errc_value(0)) == index_in(c, c.find_errc_value(0)));
  CHECK(index_in(table.find_name("")) == index_in(c, c.find_name("")));
  const std::string long_code(300, 'A');
  for (const std::string_view code : {std::string_view(""), std::string_view("x"),
                                      std::string_view("\xff\xfe"), std::string_view(long_code)})
    check_same_lookups(table, c, code, statuses);
}

// In a constant expression: every entry is found by its status and code, and the first
// entry of its code by the code alone.
template <class Table>
constexpr bool every_entry_found(const Table& table) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    const auto e = table.entry_at(i);
    const auto by_status = table.find(e->status, e->code);
    const auto by_code = table.find(e->code);
    if (!by_status || by_status->code != e->code || by_status->status != e->status ||
        by_code.index() > i || by_code->code != e->code)
      return false;
  }
  return !table.find("") && !table.entry_at(table.size());
}

static_assert(every_entry_found(errcat::iam::table));
static_assert(every_entry_found(errcat::apigw::table));
static_assert(every_entry_found(errcat_test::demo::table));

}  // namespace

TEST_CASE("the constant IAM table answers as the run-time IAM catalog", "[constant_table]") {
  check_table(errcat::iam::table, errcat::iam::catalog);
}

TEST_CASE("the constant APIG table answers as the run-time catalog, aliases included",
          "[constant_table]") {
  REQUIRE(!errcat::apigw::catalog.aliases.empty());
  check_table(errcat::apigw::table, errcat::apigw::catalog);
}

TEST_CASE("the constant table of a user catalog answers as its run-time catalog",
          "[constant_table]") {
  check_table(errcat_test::demo::table, errcat_test::demo::catalog);
}

#if ERRCAT_TEST_OTC
TEST_CASE("the constant tables of OTC services answer as their run-time catalogs",
          "[constant_table][otc]") {
  // ModelArts is the largest service; OBS and AOM have two-level hash tables.
  REQUIRE(!errcat::otc::obs::catalog.displacements.empty());
  REQUIRE(!errcat::otc::aom::catalog.displacements.empty());
  check_table(errcat::otc::modelarts::table, errcat::otc::modelarts::catalog);
  check_table(errcat::otc::obs::table, errcat::otc::obs::catalog);
  check_table(errcat::otc::aom::table, errcat::otc::aom::catalog);
  check_table(errcat::otc::ecs::table, errcat::otc::ecs::catalog);
}
#endif

TEST_CASE("a constant table's result copies point into the copy", "[constant_table]") {
  auto found = errcat::iam::table.find("IAM.0012");
  REQUIRE(found);
  const auto copy = found;
  found = errcat::iam::table.find("IAM.0004");
  CHECK(copy->code == "IAM.0012");
  CHECK(copy->params[0].name == "threshold");
  CHECK(found->params[0].name == "target");
  CHECK(copy == errcat::iam::table.find("IAM.0012"));
  CHECK(copy != found);
}
