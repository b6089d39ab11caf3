// The registry: the bundled catalogs and lookups across all of them.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/registry.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "catch.hpp"

namespace {

std::string with_case(std::string_view s, bool upper) {
  std::string r(s);
  for (char& c : r) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

// Every entry the registry returns for `code`, as the entries themselves.
std::vector<const errcat::entry*> found(int status, std::string_view code) {
  std::vector<const errcat::entry*> r;
  for (const errcat::bundled_match m : errcat::find_bundled(status, code))
    r.push_back(m.entry);
  return r;
}

// Every bundled entry by its code, lower-cased, in registry order: what a lookup is
// compared with, built by scanning every catalog once.
const std::map<std::string, std::vector<const errcat::entry*>>& by_folded_code() {
  static const auto index = [] {
    std::map<std::string, std::vector<const errcat::entry*>> m;
    for (const errcat::bundled_catalog& c : errcat::bundled_catalogs()) {
      for (const errcat::entry& e : *c.catalog)
        m[with_case(e.code, false)].push_back(&e);
    }
    return m;
  }();
  return index;
}

// Every entry of every bundled catalog documented with `code` (any case) under `status`,
// catalog by catalog; a catalog that does not document the code itself answers through its
// alias prefixes, as catalog::find_all does for the code as documented.
std::vector<const errcat::entry*> scanned(int status, std::string_view code) {
  std::vector<const errcat::entry*> documented;
  if (const auto it = by_folded_code().find(with_case(code, false)); it != by_folded_code().end())
    documented = it->second;
  std::vector<const errcat::entry*> r;
  for (const errcat::bundled_catalog& c : errcat::bundled_catalogs()) {
    bool itself = false;
    for (const errcat::entry* e : documented) {
      if (errcat::bundled_catalog_of(*e) != &c) continue;
      itself = true;
      if (status == 0 || e->status == status) r.push_back(e);
    }
    if (itself || c.catalog->aliases.empty()) continue;
    for (const errcat::entry& e : c.catalog->find_all(status, code))
      r.push_back(&e);
  }
  return r;
}

}  // namespace

TEST_CASE("The registry lists Huawei's IAM first and the API gateway second, under unique names") {
  const auto all = errcat::bundled_catalogs();
  REQUIRE(all.size() >= 2);
  CHECK(all[0].name == "iam");
  CHECK(all[0].catalog == &errcat::iam::catalog);
  CHECK(all[1].name == "apigw");
  CHECK(all[1].catalog == &errcat::apigw::catalog);
  std::set<std::string_view> names;
  for (const errcat::bundled_catalog& c : all) {
    CHECK(c.catalog != nullptr);
    CHECK(names.insert(c.name).second);
  }
}

TEST_CASE("Every bundled entry is found by its code in any case, with every entry of that code") {
  for (const errcat::bundled_catalog& c : errcat::bundled_catalogs()) {
    for (const errcat::entry& e : *c.catalog) {
      INFO(c.name << " " << e.code);
      for (const std::string& spelling :
           {std::string(e.code), with_case(e.code, true), with_case(e.code, false)}) {
        CHECK(found(0, spelling) == scanned(0, e.code));
        CHECK(found(e.status, spelling) == scanned(e.status, e.code));
      }
      bool seen = false;
      for (const errcat::bundled_match m : errcat::find_bundled(e.code)) {
        CHECK(errcat::bundled_catalog_of(*m.entry) == m.source);
        seen = seen || m.entry == &e;
      }
      CHECK(seen);
    }
  }
}

TEST_CASE("A code's prefix matches in any letter case") {
  for (std::string_view code : {"IAM.0004", "iam.0004", "Iam.0004", "iAM.0004"}) {
    const errcat::bundled_match m = errcat::find_bundled(code).front();
    REQUIRE(m.entry != nullptr);
    CHECK(m.entry->code == "IAM.0004");
    CHECK(m.source->name == "iam");
  }
}

TEST_CASE("A lookup by status and code keeps only the entries under that status") {
  CHECK(found(413, "APIG.0201") == scanned(413, "APIG.0201"));
  for (const errcat::entry* e : found(413, "APIG.0201"))
    CHECK(e->status == 413);
  CHECK(found(0, "APIG.0201").size() >= errcat::apigw::catalog.find_all("APIG.0201").count());
  CHECK(found(418, "APIG.0201").empty());
  CHECK(found(-1, "APIG.0201").empty());
}

TEST_CASE("An alias prefix finds its own catalog's entry, in any case") {
  for (std::string_view code : {"APIGW.0301", "apigw.0301", "Apigw.0301"}) {
    const auto r = found(0, code);
    REQUIRE(r.size() == 1);
    CHECK(r[0] == errcat::apigw::catalog.find("APIG.0301"));
  }
  CHECK(found(403, "APIGW.0301").empty());
  CHECK(found(0, "APIGW.").empty());
}

TEST_CASE("Unknown, empty, oversized and binary codes find nothing") {
  CHECK(errcat::find_bundled("").empty());
  CHECK(errcat::find_bundled("IAM.9999").empty());
  CHECK(errcat::find_bundled("IAM.00040").empty());
  CHECK(errcat::find_bundled(std::string(65, 'A')).empty());
  CHECK(errcat::find_bundled(std::string(1 << 20, 'x')).empty());
  CHECK(errcat::find_bundled(std::string("IAM.\0"
                                         "004",
                                         8))
            .empty());
  CHECK(errcat::find_bundled("\xff\xfe\x80").empty());
  CHECK(errcat::find_bundled(std::string(40, '\xc0')).empty());
  CHECK(errcat::find_bundled("IAM.0004").front().entry != nullptr);
}

TEST_CASE("A bundled catalog is found by its name; an entry of another catalog has none") {
  REQUIRE(errcat::find_bundled_catalog("iam") != nullptr);
  CHECK(errcat::find_bundled_catalog("iam")->catalog == &errcat::iam::catalog);
  CHECK(errcat::find_bundled_catalog("apigw")->catalog == &errcat::apigw::catalog);
  CHECK(errcat::find_bundled_catalog("nope") == nullptr);
  CHECK(errcat::find_bundled_catalog("") == nullptr);
  static constexpr errcat::entry outsider{};
  CHECK(errcat::bundled_catalog_of(outsider) == nullptr);
  CHECK(errcat::bundled_catalog_of(*errcat::iam::catalog.find("IAM.0004"))->name == "iam");
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
TEST_CASE("bundled_range's deprecated size() counts what count() counts") {
  const auto found = errcat::find_bundled("IAM.0004");
  CHECK(found.count() >= 1);
  CHECK(found.size() == found.count());
}
#pragma GCC diagnostic pop
