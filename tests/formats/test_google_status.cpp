// google.rpc.Status bodies: what errcat writes follows AIP-193, and reading finds the entry
// by its ErrorInfo.
#include <errcat/apigw.hpp>
#include <errcat/canonical_code.hpp>
#include <errcat/iam.hpp>
#include <errcat/json.hpp>
#include <errcat/testing.hpp>

#include <regex>
#include <set>
#include <string>

#include "catch.hpp"
#include "support/own_entries.hpp"

namespace iam = errcat::iam;
using errcat::body_style;
using nlohmann::json;

namespace {

constexpr std::string_view prefix = "type.googleapis.com/google.rpc.";

errcat::error sample() {
  return iam::make("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
}

std::vector<json> details_of_type(const json& body, std::string_view type) {
  std::vector<json> out;
  for (const json& d : body["error"]["details"]) {
    if (d.value("@type", "") == std::string(prefix) + std::string(type)) out.push_back(d);
  }
  return out;
}

errcat::error made_with_values(const errcat::entry& e, std::size_t seed) {
  std::vector<std::string> text;
  std::vector<errcat::named_arg> args;
  for (std::size_t i = 0; i < e.params.size(); ++i)
    text.push_back("val" + std::to_string(seed) + "_" + std::to_string(i));
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    if (e.params[i].kind == errcat::param_kind::integer) {
      args.push_back({e.params[i].name, static_cast<long long>(seed * 10 + i)});
    } else {
      args.push_back({e.params[i].name, text[i]});
    }
  }
  return errcat::make(e, std::span<const errcat::named_arg>(args));
}

}  // namespace

TEST_CASE("a Status body has the status, message, canonical name and an ErrorInfo",
          "[formats][google]") {
  errcat::body_options o;
  o.retry = {errcat::retry_class::throttled, 2};
  const json j = errcat::to_json(sample().set_request_id("r-1"), body_style::google, o);
  INFO(j.dump());
  CHECK(j.size() == 1);
  CHECK(j["error"]["code"] == 404);
  CHECK(j["error"]["message"] == "Could not find user: 42.");
  CHECK(j["error"]["status"] == "NOT_FOUND");
  const auto info = details_of_type(j, "ErrorInfo");
  REQUIRE(info.size() == 1);
  CHECK(info[0]["reason"] == "RESOURCE_NOT_FOUND");
  CHECK(info[0]["domain"] == "iam");
  CHECK(info[0]["metadata"] == json{{"target", "user"}, {"targetId", "42"}});
  const auto retry = details_of_type(j, "RetryInfo");
  REQUIRE(retry.size() == 1);
  CHECK(retry[0]["retryDelay"] == "2s");
  const auto help = details_of_type(j, "Help");
  REQUIRE(help.size() == 1);
  CHECK(help[0]["links"][0]["description"] == "Check the request or contact technical support.");
  const auto request = details_of_type(j, "RequestInfo");
  REQUIRE(request.size() == 1);
  CHECK(request[0]["requestId"] == "r-1");
  CHECK(details_of_type(errcat::to_json(sample(), body_style::google), "RetryInfo").empty());
  o.retry->advice = errcat::retry_class::never;  // a delay without a retry is not advice
  CHECK(details_of_type(errcat::to_json(sample(), body_style::google, o), "RetryInfo").empty());
  CHECK(details_of_type(errcat::to_json(sample(), body_style::google), "RequestInfo").empty());
}

TEST_CASE(
    "every entry's Status body has exactly one ErrorInfo and the canonical code of its status",
    "[formats][google]") {
  for (const errcat::entry* e : errcat_own_entries()) {
    const json j = errcat::to_json(made_with_values(*e, 1), body_style::google);
    INFO(e->code << " " << j.dump());
    CHECK(details_of_type(j, "ErrorInfo").size() == 1);
    CHECK(j["error"]["status"] ==
          std::string(errcat::name_of(errcat::canonical_code_for(e->status))));
    CHECK(j["error"]["code"] == e->status);
  }
}

TEST_CASE("reasons are UPPER_SNAKE_CASE, at most 63 characters and unique per catalog",
          "[formats][google]") {
  static const std::regex pattern("[A-Z][A-Z0-9_]+[A-Z0-9]");
  for (const errcat::catalog* c : {&iam::catalog, &errcat::apigw::catalog}) {
    std::set<std::string> reasons;
    for (const errcat::entry& e : *c) {
      const std::string reason = errcat::error_reason(e);
      INFO(e.code << " " << reason);
      CHECK(std::regex_match(reason, pattern));
      CHECK(reason.size() <= 63);
      CHECK(reasons.insert(reason).second);
      CHECK(details_of_type(errcat::to_json(errcat::error(e), body_style::google),
                            "ErrorInfo")[0]["reason"] == reason);
    }
  }
}

TEST_CASE("metadata keys are lowerCamelCase and hold every value that appears in the message",
          "[formats][google]") {
  static const std::regex lower_camel("[a-z][a-zA-Z0-9]*");
  std::size_t checked = 0;
  for (const errcat::entry* e : errcat_own_entries()) {
    const errcat::error err = made_with_values(*e, 3);
    const json info = details_of_type(errcat::to_json(err, body_style::google), "ErrorInfo")[0];
    INFO(e->code << " " << info.dump());
    const json metadata = info.value("metadata", json::object());
    for (const auto& [key, value] : metadata.items()) {
      CHECK(std::regex_match(key, lower_camel));
      CHECK(key.size() <= 64);
      CHECK(value.is_string());
    }
    for (const errcat::argument& a : err.args()) {
      if (err.message().find(a.value) == std::string_view::npos) continue;
      ++checked;
      const std::string key = errcat::metadata_key(a.name);
      REQUIRE(metadata.contains(key));
      CHECK(metadata[key] == a.value);
    }
  }
  CHECK(checked > 50);
  CHECK(errcat::metadata_key("resource_uri_size") == "resourceUriSize");
  CHECK(errcat::metadata_key("id") == "id");
}

TEST_CASE("the domain is the catalog's, by default its service name", "[formats][google]") {
  CHECK(errcat::error_domain(iam::catalog) == "iam");
  CHECK(errcat::error_domain(errcat::apigw::catalog) == "apigw");
}

TEST_CASE("a Status body is read by its ErrorInfo, else by status and message",
          "[formats][google]") {
  json j = errcat::to_json(sample().set_request_id("r-9"), body_style::google);
  SECTION("by domain and reason, values from the metadata") {
    const errcat::error e = errcat::parse_response(0, j.dump());
    CHECK(e.entry() == sample().entry());
    CHECK(e.status() == 404);
    CHECK(e.request_id() == "r-9");
    CHECK(e.value_of("target_id") == "42");
  }
  SECTION("a reason of another domain is not trusted; the message finds the entry") {
    j["error"]["details"][0]["domain"] = "pubsub.googleapis.com";
    const errcat::error e = errcat::parse_response(0, j.dump());
    CHECK(e.entry() == sample().entry());
    CHECK(e.value_of("target") == "user");
  }
  SECTION("without ErrorInfo the status and message find the entry") {
    j["error"]["details"] = json::array();
    const errcat::error e = errcat::parse_response(0, j.dump());
    CHECK(e.entry() == sample().entry());
    CHECK(e.value_of("target_id") == "42");
  }
  SECTION("without a numeric code the canonical name gives the status") {
    j["error"].erase("code");
    CHECK(errcat::parse_response(0, j.dump()).status() == 404);
  }
  SECTION("a metadata value of the wrong kind is replaced by the message's") {
    j["error"]["details"][0]["metadata"]["targetId"] = 42;
    CHECK(errcat::parse_response(0, j.dump()).value_of("target_id") == "42");
  }
  SECTION("the X-Request-Id header when there is no RequestInfo") {
    json k = errcat::to_json(sample(), body_style::google);
    const errcat::http_header h[] = {{"x-request-id", " hdr "}};
    CHECK(errcat::parse_response(404, k.dump(), h).request_id() == "hdr");
  }
}

TEST_CASE("integer metadata must be integer text", "[formats][google]") {
  json j = errcat::to_json(iam::make("IAM.0012", {{"threshold", 100}, {"period_seconds", 60}}),
                           body_style::google);
  CHECK(j["error"]["status"] == "RESOURCE_EXHAUSTED");
  j["error"]["details"][0]["metadata"]["threshold"] = "many";
  j["error"]["message"] = "slow down";
  const errcat::error e = errcat::parse_response(0, j.dump());
  CHECK(e.code() == "IAM.0012");
  CHECK_FALSE(e.value_of("threshold").has_value());
  CHECK(e.value_of("period_seconds") == "60");
}

TEST_CASE("an undocumented error keeps its code in the metadata", "[formats][google]") {
  const errcat::error unknown(418, "TEA.0001", "I'm a teapot");
  const json j = errcat::to_json(unknown, body_style::google);
  const json info = details_of_type(j, "ErrorInfo")[0];
  CHECK(info["reason"] == "TEA_0001");
  CHECK(info["metadata"]["code"] == "TEA.0001");
  CHECK(j["error"]["status"] == "FAILED_PRECONDITION");
  const errcat::error back = errcat::parse_response(0, j.dump());
  CHECK(back.code() == "TEA.0001");
  CHECK(back.status() == 418);
  CHECK(back.message() == "I'm a teapot");
  CHECK(details_of_type(errcat::to_json(errcat::error(500, "1199", "x"), body_style::google),
                        "ErrorInfo")[0]["reason"] == "CODE_1199");
}

TEST_CASE("the encoded authorization message travels in the metadata", "[formats][google]") {
  errcat::error err = iam::make("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
  err.set_encoded_authorization_message("ZW5j");
  const errcat::error back = errcat::parse_response(0, errcat::to_body(err, body_style::google));
  CHECK(back.encoded_authorization_message() == "ZW5j");
  CHECK(back.args().size() == 2);
}

TEST_CASE("a Status body without ErrorInfo is matched across wording drift", "[formats][google]") {
  json j = errcat::to_json(sample(), body_style::google);
  j["error"]["details"] = json::array();
  j["error"]["message"] = "Could not find user: 42";  // the final period dropped
  const errcat::error e = errcat::parse_response(0, j.dump());
  CHECK(e.entry() == sample().entry());
  CHECK(e.value_of("target") == "user");
  CHECK(e.message() == "Could not find user: 42");
}

TEST_CASE("RetryInfo's delay is read back as the retry advice, after a Retry-After header",
          "[formats][google]") {
  const errcat::error throttled =
      iam::make("IAM.0012", {{"threshold", 100}, {"period_seconds", 60}});
  errcat::body_options o;
  o.retry = errcat::retry_advice{errcat::retry_class::throttled, 7};
  const std::string body = errcat::to_body(throttled, body_style::google, o);
  const errcat::error back = errcat::parse_response(429, body);
  CHECK(back.retry().advice == errcat::retry_class::throttled);
  CHECK(back.retry().after_seconds == 7);
  const errcat::http_header h[] = {{"Retry-After", "30"}};
  CHECK(errcat::parse_response(429, body, h).retry().after_seconds == 30);
  // Written on again, the advice read is the advice sent.
  CHECK(details_of_type(errcat::to_json(back, body_style::google), "RetryInfo")[0]["retryDelay"] ==
        "7s");
  // A fractional Duration rounds up; a malformed one is no delay.
  json j = json::parse(body);
  j["error"]["details"][1]["retryDelay"] = "1.5s";
  CHECK(errcat::parse_response(429, j.dump()).retry().after_seconds == 2);
  j["error"]["details"][1]["retryDelay"] = "soon";
  const std::string without = errcat::to_body(throttled, body_style::google);
  CHECK(errcat::parse_response(429, j.dump()).retry().after_seconds ==
        errcat::parse_response(429, without).retry().after_seconds);
}

TEST_CASE("how the entry was found and the code as received are kept", "[formats][google]") {
  const errcat::error by_info =
      errcat::parse_response(0, errcat::to_body(sample(), body_style::google));
  CHECK(by_info.match() == errcat::match_kind::exact);
  CHECK(by_info.code_on_wire().empty());
  json p = errcat::to_json(sample(), body_style::problem);
  p["code"] = "iam.0004";
  p["type"] = "about:blank";
  const errcat::error by_code = errcat::parse_response(0, p.dump());
  CHECK(by_code.code_on_wire() == "iam.0004");
  CHECK(by_code.match() == errcat::match_kind::exact);
  json g = errcat::to_json(sample(), body_style::google);
  g["error"]["details"] = json::array();
  g["error"]["message"] = "Could not find user: 42";
  CHECK(errcat::parse_response(0, g.dump()).match() == errcat::match_kind::tolerant);
  g["error"]["message"] = "something else entirely";
  CHECK(errcat::parse_response(0, g.dump()).match() == errcat::match_kind::none);
}
