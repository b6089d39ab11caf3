// Lookups in the generated catalogs: exact codes, statuses, aliases, duplicates and the
// perfect hash itself.
#include <errcat/apigw.hpp>
#include <errcat/apigw_table.hpp>
#include <errcat/iam.hpp>
#include <errcat/iam_table.hpp>

#include <set>
#include <string>

#include "catch.hpp"

namespace iam = errcat::iam;

static_assert(errcat::iam::table.find("IAM.0004")->status == 404);
static_assert(errcat::iam::table.find("IAM.0004")->name == "resource_not_found");
static_assert(errcat::iam::table.find(404, "IAM.0004") != nullptr);
static_assert(errcat::iam::table.find(400, "IAM.0004") == nullptr);
static_assert(errcat::iam::table.find("IAM.9999") == nullptr);
static_assert(errcat::iam::table.size() == 115);
static_assert(errcat::apigw::table.find("APIGW.0301") == errcat::apigw::table.find("APIG.0301"));
static_assert(noexcept(errcat::iam::catalog.find("x")));

TEST_CASE("every IAM code is found at its own entry", "[catalog]") {
  for (const errcat::entry& e : iam::catalog) {
    CAPTURE(e.code);
    const errcat::entry* found = iam::catalog.find(e.status, e.code);
    REQUIRE(found == &e);
    REQUIRE(iam::catalog.find(e.code) == &e);
  }
}

TEST_CASE("numeric and prefixed codes with the same digits are different entries", "[catalog]") {
  const errcat::entry* plain = iam::catalog.find("1101");
  const errcat::entry* prefixed = iam::catalog.find("IAM.1101");
  REQUIRE(plain != nullptr);
  REQUIRE(prefixed != nullptr);
  CHECK(plain->name == "invalid_username");
  CHECK(prefixed->name == "invalid_request_body_size");
  CHECK(plain->errc_value != prefixed->errc_value);
}

TEST_CASE("lookups reject unknown, empty, re-cased, padded and oversized codes", "[catalog]") {
  CHECK(iam::catalog.find("") == nullptr);
  CHECK(iam::catalog.find("IAM.9999") == nullptr);
  CHECK(iam::catalog.find("iam.0004") == nullptr);
  CHECK(iam::catalog.find(" IAM.0004") == nullptr);
  CHECK(iam::catalog.find("IAM.0004 ") == nullptr);
  CHECK(iam::catalog.find("IAM.00040") == nullptr);
  CHECK(iam::catalog.find("IAM.000") == nullptr);
  CHECK(iam::catalog.find("IAM.0005x") == nullptr);
  CHECK(iam::catalog.find(std::string_view("IAM.0004\0", 9)) == nullptr);
  CHECK(iam::catalog.find(std::string(1 << 20, 'A')) == nullptr);
  CHECK(iam::catalog.find(std::string("\xff\xfe\x00\x01", 4)) == nullptr);
  CHECK(iam::catalog.find(-1, "IAM.0004") == nullptr);
  CHECK(iam::catalog.find(0, "IAM.0004") != nullptr);  // 0 means any status
}

TEST_CASE("near misses of every code are rejected", "[catalog][hash]") {
  std::set<std::string_view> codes;
  for (const errcat::entry& e : iam::catalog)
    codes.insert(e.code);
  int checked = 0;
  for (std::string_view code : codes) {
    for (std::size_t i = 0; i < code.size(); ++i) {
      std::string miss(code);
      miss[i] = static_cast<char>(miss[i] ^ 1);
      if (codes.count(miss) != 0) continue;
      CAPTURE(miss);
      CHECK(iam::catalog.find(miss) == nullptr);
      ++checked;
    }
    CHECK(iam::catalog.find(std::string(code) + "0") == nullptr);
    CHECK(iam::catalog.find(code.substr(0, code.size() - 1)) == nullptr);
  }
  CHECK(checked > 500);
}

TEST_CASE("the perfect hash names every distinct code from some slot", "[catalog][hash]") {
  for (const errcat::catalog* c : {&errcat::iam::catalog, &errcat::apigw::catalog}) {
    CAPTURE(c->service);
    // Both bundled catalogs have short codes, so the generator gives them a direct index,
    // whose every slot points to a key (unused ones to the first).
    CHECK(c->displacements.empty());
    std::set<const errcat::code_key*> named;
    for (const errcat::code_key* s : c->slots) {
      REQUIRE(s != nullptr);
      REQUIRE(s >= c->keys.data());
      REQUIRE(s < c->keys.data() + c->keys.size());
      named.insert(s);
    }
    CHECK(named.size() == c->keys.size());
    for (const errcat::code_key& k : c->keys) {
      CHECK(c->find_key(k.code) == &k);
      CHECK(k.first_entry == &c->entries[c->by_code[k.first]]);
    }
  }
}

TEST_CASE("iteration follows the documented order", "[catalog]") {
  auto it = iam::catalog.begin();
  CHECK(it->code == "1100");
  CHECK(iam::catalog[16].code == "IAM.0007");
  CHECK((iam::catalog.end() - 1)->code == "IAM.0006");
}

TEST_CASE("gateway codes are found under both spellings", "[catalog][apigw]") {
  const auto& gw = errcat::apigw::catalog;
  REQUIRE(gw.size() == 71);
  REQUIRE(gw.find("APIGW.0301") != nullptr);
  CHECK(gw.find("APIGW.0301") == gw.find("APIG.0301"));
  CHECK(gw.find("APIGW.0301")->code == "APIG.0301");
  CHECK(gw.find("APIGW.") == nullptr);
  CHECK(gw.find("APIGW.9999") == nullptr);
  CHECK(gw.find("apigw.0301") == nullptr);
}

TEST_CASE("a code documented twice under one status exposes both entries", "[catalog][apigw]") {
  const auto& gw = errcat::apigw::catalog;
  const errcat::entry_range both = gw.find_all(404, "APIG.0101");
  REQUIRE(both.count() == 2);
  auto it = both.begin();
  CHECK(it->message == "The API does not exist or has not been published in the environment.");
  ++it;
  CHECK(it->message == "The API does not exist.");
  CHECK(gw.find_all(404, "APIGW.0101").count() == 2);
  CHECK(gw.find_all(500, "APIG.0101").empty());
}

TEST_CASE("a code documented under several statuses is found by status", "[catalog][apigw]") {
  const auto& gw = errcat::apigw::catalog;
  CHECK(gw.find_all("APIG.0201").count() == 7);
  std::set<int> statuses;
  for (const errcat::entry& e : gw.find_all("APIG.0201"))
    statuses.insert(e.status);
  CHECK(statuses == std::set<int>{400, 413, 414, 494, 500, 502, 504});
  REQUIRE(gw.find(413, "APIG.0201") != nullptr);
  CHECK(gw.find(413, "APIG.0201")->message == "Request entity too large.");
  CHECK(gw.find(401, "APIG.0201") == nullptr);
}

TEST_CASE("errc values follow the documented rule and find their entries", "[catalog][errc]") {
  CHECK(static_cast<int>(iam::errc::resource_not_found) == 404010004);
  CHECK(static_cast<int>(iam::errc::invalid_username) == 400001101);
  CHECK(static_cast<int>(iam::errc::invalid_request_body_size) == 400011101);
  CHECK(static_cast<int>(errcat::apigw::errc::api_method_not_found) == 404110101);
  for (const errcat::entry& e : iam::catalog) {
    CHECK(iam::catalog.find_errc_value(e.errc_value) == &e);
    CHECK(iam::catalog.find_name(e.name) == &e);
  }
  CHECK(iam::catalog.find_errc_value(0) == nullptr);
  CHECK(&iam::entry_of(iam::errc::token_expired) == iam::catalog.find("IAM.0066"));
}

TEST_CASE("each entry carries its documented or status-derived retry class", "[catalog][retry]") {
  using errcat::retry_class;
  // Given in the JSON: IAM.0012 and APIG.0308 document a throttling threshold; APIG.0612
  // (an API calling itself) is a configuration error although its status is 500.
  CHECK(iam::catalog.find("IAM.0012")->retry == retry_class::throttled);
  CHECK(errcat::apigw::catalog.find("APIG.0308")->retry == retry_class::throttled);
  CHECK(errcat::apigw::catalog.find("APIG.0612")->retry == retry_class::never);
  // Derived from the status.
  CHECK(iam::catalog.find("IAM.0006")->retry == retry_class::backoff);  // 500
  CHECK(errcat::apigw::catalog.find(502, "APIG.0201")->retry == retry_class::backoff);
  CHECK(errcat::apigw::catalog.find(504, "APIG.0201")->retry == retry_class::backoff);
  CHECK(iam::catalog.find("IAM.0004")->retry == retry_class::never);  // 404
  for (const errcat::entry& e : iam::catalog) {
    if (e.status < 500) CHECK((e.retry != retry_class::backoff));
  }
}

TEST_CASE("bundled catalogs leave the problem type base and the domain to the writers",
          "[catalog]") {
  CHECK(iam::catalog.type_base.empty());
  CHECK(iam::catalog.domain.empty());
  CHECK(errcat::apigw::catalog.type_base.empty());
}
