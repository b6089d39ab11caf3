// The body styles as a set: names, media types, and the vendor styles written exactly as
// before they came from the shape table.
#include <errcat/iam.hpp>
#include <errcat/json.hpp>

#include <set>
#include <string>

#include "catch.hpp"

using errcat::body_style;

TEST_CASE("every body style has a unique name that reads back and a media type",
          "[formats][shapes]") {
  std::set<std::string_view> names;
  for (body_style s : errcat::body_styles) {
    const std::string_view name = errcat::name_of(s);
    INFO(name);
    CHECK(names.insert(name).second);
    CHECK(errcat::body_style_named(name) == s);
    CHECK(errcat::content_type(s).starts_with("application/"));
    CHECK(errcat::content_type(s).find("json") != std::string_view::npos);
  }
  CHECK(names.size() == 5);
  CHECK(errcat::body_style_named("json") == std::nullopt);
  CHECK(errcat::body_style_named("Problem") == std::nullopt);
  CHECK(errcat::content_type(body_style::google) == "application/json;charset=utf-8");
}

TEST_CASE("from_json reads the standard styles back too", "[formats][shapes]") {
  const errcat::error made =
      errcat::iam::make("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
  for (body_style s : {body_style::problem, body_style::google}) {
    const auto back = errcat::to_json(made, s).get<errcat::error>();
    INFO(errcat::name_of(s));
    CHECK(back.entry() == made.entry());
    CHECK(back.value_of("target_id") == "42");
  }
}

TEST_CASE("a body with no values or request id leaves those members out", "[formats][shapes]") {
  const errcat::error bare(*errcat::iam::catalog.find("1101"));
  CHECK(errcat::to_body(bare, body_style::problem) ==
        R"({"code":"1101","detail":"Invalid username.","status":400,"title":"Invalid username.",)"
        R"("type":"tag:errcat.invalid,2026:iam/1101#invalid_username"})");
  CHECK(
      errcat::to_body(bare, body_style::google) ==
      R"({"error":{"code":400,"details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",)"
      R"("domain":"iam","reason":"INVALID_USERNAME"},{"@type":"type.googleapis.com/google.rpc.Help",)"
      R"("links":[{"description":"Check the username."}]}],"message":"Invalid username.",)"
      R"("status":"INVALID_ARGUMENT"}})");
}

TEST_CASE("an error with status 0 writes a problem body without a status", "[formats][shapes]") {
  const nlohmann::json j = errcat::to_json(errcat::error(0, "X.1", "m"), body_style::problem);
  CHECK_FALSE(j.contains("status"));
  CHECK(j["detail"] == "m");
}

TEST_CASE("damaged problem and google bodies never throw and always write valid JSON",
          "[formats][shapes][hostile]") {
  errcat::error err = errcat::iam::make("IAM.0012", {{"threshold", 100}, {"period_seconds", 60}});
  err.set_request_id("r-1");
  // Every prefix, and every byte replaced by one that changes the structure or the type.
  const char replacements[] = {'"', '}', '0', '\xff'};
  std::size_t known = 0;
  std::size_t parsed = 0;
  for (body_style style : {body_style::problem, body_style::google}) {
    const std::string body = errcat::to_body(err, style);
    for (std::size_t i = 0; i < body.size(); ++i) {
      for (char r : replacements) {
        for (const std::string& damaged :
             {body.substr(0, i), std::string(body).replace(i, 1, 1, r)}) {
          const errcat::error e = errcat::parse_response(0, damaged);
          ++parsed;
          if (e.known()) ++known;
          if (e.status() != 0 && (e.status() < 100 || e.status() > 599))
            FAIL(damaged << " -> status " << e.status());
          for (body_style out : errcat::body_styles) {
            const std::string written = errcat::to_body(e, out);
            if (!nlohmann::json::accept(written)) FAIL(damaged << " -> " << written);
          }
        }
      }
    }
  }
  CHECK(parsed > 4000);
  CHECK(known > parsed / 4);
}

TEST_CASE("the vendor shapes' fields win in the order of the shape table, wherever they appear",
          "[formats][shapes]") {
  // Codes that name nothing, so each stays as read: which one is kept shows which shape won.
  const std::string top = R"("error_code":"TOP.1")";
  const std::string nested = R"("error":{"error_code":"NESTED.1","code":"GW.1"})";
  const std::string keystone = R"("error":{"code":"GW.1","message":"m"})";
  const std::string bare = R"("code":"BARE.1")";
  CHECK(errcat::parse_response(400, "{" + bare + "," + nested + "," + top + "}").code() == "TOP.1");
  CHECK(errcat::parse_response(400, "{" + top + "," + nested + "," + bare + "}").code() == "TOP.1");
  CHECK(errcat::parse_response(400, "{" + bare + "," + nested + "}").code() == "NESTED.1");
  CHECK(errcat::parse_response(400, "{" + nested + "," + bare + "}").code() == "NESTED.1");
  CHECK(errcat::parse_response(400, "{" + bare + "," + keystone + "}").code() == "GW.1");
  CHECK(errcat::parse_response(400, "{" + keystone + "," + bare + "}").code() == "GW.1");
  CHECK(errcat::parse_response(400, "{" + bare + "}").code() == "BARE.1");
  // A number is a Huawei code, but Keystone's status, and nothing for the bare shape.
  CHECK(errcat::parse_response(400, R"({"error_code":1101,"error_msg":"x"})").code() == "1101");
  CHECK(errcat::parse_response(0, R"({"error":{"code":409,"message":"x"}})").status() == 409);
  CHECK(errcat::parse_response(400, R"({"code":1101,"message":"x"})").code().empty());
}
