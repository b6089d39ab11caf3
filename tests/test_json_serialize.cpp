// Serialising errors: the Huawei, Keystone and combined styles, ADL conversions, from_json,
// and output that stays valid JSON whatever the values held.
#include <errcat/iam.hpp>
#include <errcat/json.hpp>

#include <string>

#include "catch.hpp"

namespace iam = errcat::iam;
using errcat::body_style;

namespace {
errcat::error sample() {
  return iam::make("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
}
}  // namespace

TEST_CASE("the Huawei style is what IAM sends", "[json][serialize]") {
  CHECK(errcat::to_body(sample()) ==
        R"({"error_code":"IAM.0004","error_msg":"Could not find user: 42."})");
  CHECK(errcat::to_body(sample().set_request_id("r-1")) ==
        R"({"error_code":"IAM.0004","error_msg":"Could not find user: 42.","request_id":"r-1"})");
  errcat::error with_eam = sample();
  with_eam.set_encoded_authorization_message("ZW5j");
  CHECK(errcat::to_json(with_eam, body_style::huawei)["encoded_authorization_message"] == "ZW5j");
}

TEST_CASE("the Keystone style carries the status, its reason phrase and the message",
          "[json][serialize]") {
  CHECK(errcat::to_body(sample(), body_style::keystone) ==
        R"({"error":{"code":404,"message":"Could not find user: 42.","title":"Not Found"}})");
  const errcat::error mismatched = errcat::error(sample()).set_status(400);
  CHECK(errcat::to_json(mismatched, body_style::keystone)["error"]["title"] == "Bad Request");
}

TEST_CASE("the combined style has both", "[json][serialize]") {
  CHECK(errcat::to_body(sample().set_request_id("r"), body_style::combined) ==
        R"({"error":{"code":404,"message":"Could not find user: 42.","title":"Not Found"},)"
        R"("error_code":"IAM.0004","error_msg":"Could not find user: 42.","request_id":"r"})");
}

TEST_CASE("an error converts to JSON implicitly in the Huawei style", "[json][serialize]") {
  const nlohmann::json j = sample();
  CHECK(j == errcat::to_json(sample(), body_style::huawei));
  CHECK(j["error_code"] == "IAM.0004");
}

TEST_CASE("from_json reads every style back", "[json][serialize]") {
  for (body_style style : {body_style::huawei, body_style::keystone, body_style::combined}) {
    const nlohmann::json j = errcat::to_json(sample().set_request_id("rid"), style);
    const auto back = j.get<errcat::error>();
    INFO(j.dump());
    CHECK(back == sample());
    CHECK(back.entry() == sample().entry());
    CHECK(back.value_of("target_id") == "42");
    if (style != body_style::keystone) CHECK(back.request_id() == "rid");
  }
}

TEST_CASE("from_json keeps an unknown error and rejects non-objects", "[json][serialize]") {
  const errcat::error unknown(503, "X.1", "Try later");
  const auto back = errcat::to_json(unknown, body_style::combined).get<errcat::error>();
  CHECK(back.code() == "X.1");
  CHECK(back.message() == "Try later");
  CHECK(back.status() == 503);
  CHECK_THROWS_AS(nlohmann::json::array().get<errcat::error>(), nlohmann::json::type_error);
  std::string what;
  try {
    (void)nlohmann::json(3).get<errcat::error>();
  } catch (const nlohmann::json::type_error& e) {
    what = e.what();
  }
  CHECK(what.find("must be a JSON object, not number") != std::string::npos);
}

TEST_CASE("invalid UTF-8 in values is replaced, never thrown", "[json][serialize]") {
  const errcat::error err = iam::make("IAM.0004", {{"target",
                                                    "us\xff"
                                                    "er"},
                                                   {"target_id", "\xc3"}});
  std::string body;
  REQUIRE_NOTHROW(body = errcat::to_body(err));
  CHECK(body ==
        "{\"error_code\":\"IAM.0004\",\"error_msg\":\"Could not find us\xEF\xBF\xBD"
        "er: \xEF\xBF\xBD.\"}");
  CHECK(nlohmann::json::accept(body));
  const nlohmann::json j = err;
  REQUIRE_NOTHROW(j.dump());
  errcat::error odd(500, "C\xfe", "M\x80");
  odd.set_request_id("\xed\xa0\x80");  // a UTF-16 surrogate: not UTF-8
  for (body_style style : {body_style::huawei, body_style::keystone, body_style::combined})
    CHECK(nlohmann::json::accept(errcat::to_body(odd, style)));
}

TEST_CASE("control characters and quotes are escaped", "[json][serialize]") {
  const errcat::error err =
      iam::make("IAM.0004", {{"target", "a \"b\"\n\t\\"}, {"target_id", "1"}});
  const std::string body = errcat::to_body(err);
  CHECK(body.find(R"(a \"b\"\n\t\\)") != std::string::npos);
  CHECK(errcat::parse_response(404, body).value_of("target") == "a \"b\"\n\t\\");
}
