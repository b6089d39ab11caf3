// Every case of tests/field (responses as clients of the services really receive them): read
// with parse_http_message, each field of its expected.json asserted through the public API.
#include <errcat/json.hpp>
#include <errcat/match.hpp>

#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> case_directories() {
  std::vector<fs::path> out;
  for (const auto& d : fs::directory_iterator(fs::path(ERRCAT_SOURCE_DIR) / "tests" / "field")) {
    if (d.is_directory() && fs::exists(d.path() / "expected.json")) out.push_back(d.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string text_or_empty(const nlohmann::json& j) {
  return j.is_null() ? std::string() : j.get<std::string>();
}

// Asserts each field `expected` states about `err`.
void check_case(const errcat::error& err, const nlohmann::json& expected) {
  CHECK(err.status() == (expected.at("status").is_null() ? 0 : expected.at("status").get<int>()));
  if (expected.at("code").is_null()) {
    CHECK(err.entry() == nullptr);
  } else {
    REQUIRE(err.entry() != nullptr);
    CHECK(err.entry()->code == expected.at("code").get<std::string>());
  }
  CHECK(err.code_on_wire() == text_or_empty(expected.at("code_on_wire")));
  CHECK(to_string(err.match()) == expected.at("match").get<std::string>());
  CHECK(err.request_id() == text_or_empty(expected.at("request_id")));
  if (expected.contains("message")) CHECK(err.message() == expected["message"].get<std::string>());
  if (expected.contains("message_contains")) {
    CHECK_THAT(std::string(err.message()),
               Catch::Matchers::Contains(expected["message_contains"].get<std::string>()));
  }
  const nlohmann::json& params = expected.at("params");
  if (params.is_object()) {
    CHECK(err.args().size() == params.size());
    for (const auto& [name, value] : params.items()) {
      INFO("parameter " << name);
      const auto got = err.value_of(name);
      REQUIRE(got.has_value());
      CHECK(*got == value.get<std::string>());
    }
  }
  if (expected.contains("retry"))
    CHECK(to_string(err.retry().advice) == expected["retry"].get<std::string>());
  if (expected.contains("retry_after_seconds")) {
    REQUIRE(err.retry().after_seconds.has_value());
    CHECK(*err.retry().after_seconds == expected["retry_after_seconds"].get<std::int64_t>());
  }
}

}  // namespace

TEST_CASE("every field case reads as its expected.json says", "[json][field]") {
  const std::vector<fs::path> cases = case_directories();
  REQUIRE(cases.size() >= 8);
  for (const fs::path& dir : cases) {
    DYNAMIC_SECTION(dir.filename().string()) {
      const std::string response = slurp(dir / "response.txt");
      const nlohmann::json expected = nlohmann::json::parse(slurp(dir / "expected.json"));
      INFO(expected.at("notes").get<std::string>());
      const errcat::error err = errcat::parse_http_message(response);
      check_case(err, expected);
      // What could not be read as JSON is kept, bounded, for whoever reads it next.
      if (expected.at("match") == "salvaged" || expected.at("params").is_null()) {
        CHECK_FALSE(err.raw_body().empty());
        CHECK(err.raw_body().size() <= errcat::parse_options{}.max_raw_body);
      }
    }
  }
}

TEST_CASE("a code in another letter case names the entry and keeps its spelling", "[json][field]") {
  for (const char* code : {"Iam.0004", "iam.0004", "IAM.0004"}) {
    INFO(code);
    const std::string body =
        std::string(R"({"error_code": ")") + code + R"(", "error_msg": "Could not find user: 7."})";
    const errcat::error err = errcat::parse_response(404, body);
    REQUIRE(err.entry() != nullptr);
    CHECK(err.entry()->code == "IAM.0004");
    CHECK(err.code() == code);
    CHECK(err.code_on_wire() == code);
    CHECK(err.match() == errcat::match_kind::exact);
    CHECK(err.value_of("target_id") == "7");
  }
  const errcat::error alias = errcat::parse_response(401, R"({"error_code": "Apigw.0301"})");
  REQUIRE(alias.entry() != nullptr);
  CHECK(alias.entry()->code == "APIG.0301");
  CHECK(alias.code() == "Apigw.0301");
}

TEST_CASE("catalog lookups stay exact while reading tolerates letter case", "[json][field]") {
  CHECK(errcat::iam::catalog.find("Iam.0004") == nullptr);
  CHECK(errcat::find_key_any_case(errcat::iam::catalog, "Iam.0004") != nullptr);
  CHECK(errcat::find_key_any_case(errcat::apigw::catalog, "apigw.0302")->code == "APIG.0302");
  CHECK(errcat::find_key_any_case(errcat::iam::catalog, "Iam.9999") == nullptr);
  CHECK(errcat::find_key_any_case(errcat::iam::catalog, std::string(100, 'a')) == nullptr);
}

TEST_CASE("null members are absent, not text", "[json][field]") {
  const errcat::error err =
      errcat::parse_response(0, R"({"error_code": null, "error_msg": null, "request_id": null,
             "error": {"code": 404, "message": "Could not find user: 9.", "error_code": null}})");
  REQUIRE(err.entry() != nullptr);
  CHECK(err.entry()->code == "IAM.0004");
  CHECK(err.code_on_wire().empty());
  CHECK(err.request_ids().empty());
  CHECK(err.value_of("target_id") == "9");
  const errcat::error only_null = errcat::parse_response(400, R"({"error_code": null})");
  CHECK_FALSE(only_null.known());
  CHECK(only_null.code().empty());
  CHECK(only_null.code_on_wire().empty());
}
