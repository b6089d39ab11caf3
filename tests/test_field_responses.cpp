// Every case of tests/field (responses as clients of the services really receive them): read
// with parse_http_message, each field of its expected.json asserted through the public API.
#include <errcat/json.hpp>
#include <errcat/match.hpp>

#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
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

TEST_CASE("every request id is kept with its source, and request_id() picks by order",
          "[json][request_id]") {
  const std::array<errcat::http_header, 4> headers = {{
      {"x-openstack-request-id", " req-1 "},
      {"X-IAM-Trace-Id", "trace-2"},
      {"X-REQUEST-ID", "gw-3"},
      {"Content-Type", "application/json"},
  }};
  const errcat::error with_body =
      errcat::parse_response(404, R"({"error_code":"IAM.0004","request_id":"body-0"})", headers);
  REQUIRE(with_body.request_ids().size() == 4);
  CHECK(with_body.request_ids()[0] ==
        errcat::received_request_id{errcat::request_id_source::body, "body-0"});
  CHECK(with_body.request_ids()[1] ==
        errcat::received_request_id{errcat::request_id_source::x_openstack_request_id, "req-1"});
  CHECK(with_body.request_ids()[2].source == errcat::request_id_source::x_iam_trace_id);
  CHECK(with_body.request_ids()[3].source == errcat::request_id_source::x_request_id);
  CHECK(with_body.request_id() == "body-0");
  const errcat::error headers_only =
      errcat::parse_response(404, R"({"error_code":"IAM.0004"})", headers);
  CHECK(headers_only.request_id() == "gw-3");
  const errcat::error keystone_only =
      errcat::parse_response(404, R"({"error_code":"IAM.0004"})", std::span(headers).first(1));
  CHECK(keystone_only.request_id() == "req-1");
}

TEST_CASE("Retry-After is read as seconds or as any HTTP date", "[json][retry]") {
  const std::int64_t now = 1792567650;  // 2026-10-21T07:27:30Z
  CHECK(errcat::retry_after_seconds("120", now) == 120);
  CHECK(errcat::retry_after_seconds(" 0 ", now) == 0);
  CHECK(errcat::retry_after_seconds("Wed, 21 Oct 2026 07:28:00 GMT", now) == 30);
  CHECK(errcat::retry_after_seconds("Wednesday, 21-Oct-26 07:28:00 GMT", now) == 30);
  CHECK(errcat::retry_after_seconds("Wed Oct 21 07:28:00 2026", now) == 30);
  CHECK(errcat::retry_after_seconds("Wed, 21 Oct 2026 07:00:00 GMT", now) == 0);  // past
  for (const char* bad : {"", "soon", "-5", "1.5", "Wed, 32 Oct 2026 07:28:00 GMT",
                          "Wed, 21 Oct 2026 25:28:00 GMT", "99999999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(errcat::retry_after_seconds(bad, now).has_value());
  }
}

TEST_CASE(
    "retry advice: never for client errors, backoff for server and gateway failures, "
    "throttled for rate limits",
    "[json][retry]") {
  using errcat::retry_class;
  CHECK(errcat::parse_response(400, R"({"error_code":"IAM.1001"})").retry().advice ==
        retry_class::never);
  CHECK(errcat::parse_response(503, "").retry().advice == retry_class::backoff);
  CHECK(errcat::parse_response(0, "<html><body>Bad gateway</body></html>").retry().advice ==
        retry_class::backoff);
  CHECK(errcat::parse_response(404, "<html><body>Not here</body></html>").retry().advice ==
        retry_class::never);
  const errcat::error gw = errcat::parse_response(
      429,
      R"({"error_code":"APIG.0308","error_msg":"The throttling threshold has been reached."})");
  CHECK(gw.retry() == errcat::retry_advice{retry_class::throttled, std::nullopt});
  // Without Retry-After, IAM.0012's own numbers give the pace: 10 s / 20 requests → 1 s.
  const errcat::error iam = errcat::parse_response(
      429, R"({"error_code":"IAM.0012","error_msg":"The throttling threshold has been reached. )"
           R"(Threshold: 3 times per 10 seconds"})");
  CHECK(iam.retry() == errcat::retry_advice{retry_class::throttled, 4});
  // A client error stays never, whatever Retry-After says.
  const std::array<errcat::http_header, 1> after = {{{"retry-after", "9"}}};
  CHECK(errcat::parse_response(400, R"({"error_code":"IAM.1001"})", after).retry() ==
        errcat::retry_advice{retry_class::never, std::nullopt});
  CHECK(errcat::parse_response(502, "", after).retry() ==
        errcat::retry_advice{retry_class::backoff, 9});
  // Made, not received: the entry's documented class.
  CHECK(errcat::error(*errcat::iam::catalog.find("IAM.0012")).retry().advice ==
        retry_class::throttled);
}

TEST_CASE("an HTML page's visible text becomes the message, bounded", "[json][html]") {
  const std::string page =
      "<!DOCTYPE html>\n<html><head><title>T</title><style>body{color:red}</style>"
      "<script>var a = '<b>not text</b>';</script></head>\n<body><!-- hidden -->"
      "<h1>502&nbsp;Bad&#32;Gateway</h1>\n\n  <p>Tom &amp; Jerry &lt;3 &#x263A; &bogus;</p>"
      "<noscript>enable js</noscript></body></html>";
  const errcat::error err = errcat::parse_response(502, page);
  CHECK(err.message() == "502 Bad Gateway Tom & Jerry <3 \xE2\x98\xBA &bogus;");
  CHECK(err.raw_body() == page);
  CHECK(err.match() == errcat::match_kind::none);
  errcat::parse_options small;
  small.max_page_text = 7;
  small.max_raw_body = 16;
  const errcat::error bounded = errcat::parse_response(502, page, {}, small);
  CHECK(bounded.message() == "502 Bad");
  CHECK(bounded.raw_body().size() <= 16);
  CHECK(errcat::parse_response(0, "<html><head><title>Only a title</title></head></html>")
            .message() == "Only a title");
}

TEST_CASE("near-JSON is salvaged: code, message, request id, with escapes decoded",
          "[json][salvage]") {
  const errcat::error err =
      errcat::parse_response(0,
                             "{ \"error_msg\": \"Could not find user: \\\"x\\\".\" ......\n"
                             "  \"error_code\": \"IAM.0004\", \"request_id\": \"r-1\" ...... }");
  REQUIRE(err.known());
  CHECK(err.match() == errcat::match_kind::salvaged);
  CHECK(err.status() == 0);
  CHECK(err.message() == "Could not find user: \"x\".");
  CHECK(err.value_of("target_id") == "\"x\"");
  CHECK(err.request_id() == "r-1");
  CHECK_FALSE(err.raw_body().empty());
  // The Huawei names win over the generic ones, wherever they stand.
  const errcat::error both = errcat::parse_response(
      400, R"(garbage "code": "X.1", "error_code": "IAM.1001" more garbage)");
  CHECK(both.code() == "IAM.1001");
  // Nothing recognisable: no error, the body kept.
  const errcat::error none = errcat::parse_response(400, R"("a": "b", "code": 5 garbage)");
  CHECK_FALSE(none.known());
  CHECK(none.match() == errcat::match_kind::none);
  CHECK_FALSE(none.raw_body().empty());
}
