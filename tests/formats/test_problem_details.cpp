// RFC 9457 problem details: what errcat writes follows the RFC's rules, and reading ignores
// what the RFC says to ignore.
#include <errcat/apigw.hpp>
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

const std::set<std::string> standard_members = {"type", "title", "status", "detail", "instance"};

// RFC 9457 section 3.2's advice for extension member names.
bool valid_extension_name(const std::string& n) {
  static const std::regex rule("[A-Za-z][A-Za-z0-9_]{2,}");
  return std::regex_match(n, rule);
}

errcat::error sample() {
  return iam::make("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
}

// Values of the right kind for every parameter of `e`.
errcat::error made_with_values(const errcat::entry& e) {
  std::vector<std::string> text;
  std::vector<errcat::named_arg> args;
  for (std::size_t i = 0; i < e.params.size(); ++i)
    text.push_back("v" + std::to_string(i) + " x");
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    if (e.params[i].kind == errcat::param_kind::integer) {
      args.push_back({e.params[i].name, static_cast<long long>(i) * 7 - 3});
    } else {
      args.push_back({e.params[i].name, text[i]});
    }
  }
  return errcat::make(e, std::span<const errcat::named_arg>(args));
}

}  // namespace

TEST_CASE("a problem body has type, title, status, detail and the values as members",
          "[formats][problem]") {
  const json j = errcat::to_json(sample().set_request_id("r-1"), body_style::problem);
  CHECK(j["type"] == "tag:errcat.invalid,2026:iam/IAM.0004#resource_not_found");
  CHECK(j["title"] == "The requested resource cannot be found.");
  CHECK(j["status"] == 404);
  CHECK(j["detail"] == "Could not find user: 42.");
  CHECK(j["code"] == "IAM.0004");
  CHECK(j["request_id"] == "r-1");
  CHECK(j["target"] == "user");
  CHECK(j["target_id"] == "42");
  CHECK_FALSE(j.contains("instance"));
  CHECK(errcat::content_type(body_style::problem) == "application/problem+json");
}

TEST_CASE("instance is written when the caller gives one", "[formats][problem]") {
  errcat::body_options o;
  o.instance = "/v3/users/42#req-7";
  CHECK(errcat::to_json(sample(), body_style::problem, o)["instance"] == "/v3/users/42#req-7");
}

TEST_CASE("integer parameters are JSON numbers", "[formats][problem]") {
  const json j = errcat::to_json(
      iam::make("IAM.0012", {{"threshold", 100}, {"period_seconds", -60}}), body_style::problem);
  CHECK(j["threshold"].is_number_integer());
  CHECK(j["threshold"] == 100);
  CHECK(j["period_seconds"] == -60);
}

TEST_CASE("every entry's type is an absolute URI, one per entry, under its catalog's base",
          "[formats][problem]") {
  // RFC 3986 absolute-URI: a scheme, ':', and no characters a URI cannot carry.
  static const std::regex absolute_uri("[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+");
  // RFC 4151: tag:<authority>,<date>:<specific>[#fragment].
  static const std::regex tag_uri("tag:[a-z0-9.-]+,[0-9]{4}(-[0-9]{2}){0,2}:[^#]+(#.+)?");
  std::set<std::string> seen;
  for (const errcat::entry* e : errcat_own_entries()) {
    const std::string type = errcat::problem_type(*e);
    INFO(e->code << " " << type);
    CHECK(std::regex_match(type, absolute_uri));
    CHECK(std::regex_match(type, tag_uri));
    CHECK(type.starts_with(errcat::type_base_of(*errcat::catalog_of(*e))));
    CHECK(seen.insert(type).second);
    CHECK(errcat::to_json(errcat::error(*e), body_style::problem)["type"] == type);
  }
  CHECK(errcat::type_base_of(iam::catalog) == "tag:errcat.invalid,2026:iam/");
  CHECK(errcat::type_base_of(errcat::apigw::catalog) == "tag:errcat.invalid,2026:apigw/");
}

TEST_CASE("the title is the same for two occurrences of one entry", "[formats][problem]") {
  for (const errcat::entry* e : errcat_own_entries()) {
    const json a = errcat::to_json(made_with_values(*e), body_style::problem);
    const json b = errcat::to_json(errcat::error(*e).set_request_id("other"), body_style::problem);
    INFO(e->code);
    CHECK(a["title"] == b["title"]);
    CHECK(a["title"] == std::string(e->description));
    CHECK(a["type"] == b["type"]);
  }
}

TEST_CASE("every extension member errcat writes has a valid name, one per value",
          "[formats][problem]") {
  std::size_t renamed = 0;
  for (const errcat::entry* e : errcat_own_entries()) {
    errcat::error err = made_with_values(*e);
    err.set_request_id("r").set_encoded_authorization_message("eam");
    const json j = errcat::to_json(err, body_style::problem);
    INFO(e->code << " " << j.dump());
    std::set<std::string> names;
    for (std::size_t p = 0; p < e->params.size(); ++p) {
      const std::string name = errcat::extension_member(*e, p);
      CHECK(valid_extension_name(name));
      CHECK(standard_members.count(name) == 0);
      CHECK(names.insert(name).second);
      CHECK(j.contains(name));
      if (name != e->params[p].name) ++renamed;
    }
    for (const auto& [name, value] : j.items()) {
      if (standard_members.count(name) == 0) CHECK(valid_extension_name(name));
    }
    CHECK(j.size() == 7 + e->params.size());  // 4 standard, code, request_id, eam
  }
  CHECK(renamed > 0);  // the catalogs have parameters named `id` and `type`
}

TEST_CASE("parameters whose names the RFC advises against are renamed param_<name>",
          "[formats][problem]") {
  const errcat::entry& with_id = *iam::catalog.find_name("invalid_policy_id");
  REQUIRE(with_id.params[0].name == "id");
  CHECK(errcat::extension_member(with_id, 0) == "param_id");
  const errcat::entry& with_type = *iam::catalog.find_name("resource_store_conflict");
  REQUIRE(with_type.params[0].name == "type");
  CHECK(errcat::extension_member(with_type, 0) == "param_type");
  CHECK(errcat::extension_member(with_type, 1) == "details");

  const errcat::error err = errcat::make(with_type, {{"type", "user"}, {"details", "dup"}});
  const json j = errcat::to_json(err, body_style::problem);
  CHECK(j["type"] == errcat::problem_type(with_type));
  CHECK(j["param_type"] == "user");
  const errcat::error back = errcat::parse_response(0, j.dump());
  CHECK(back.entry() == &with_type);
  CHECK(back.value_of("type") == "user");
  CHECK(back.value_of("details") == "dup");
}

TEST_CASE("a member of the wrong type is ignored on reading", "[formats][problem]") {
  json j = errcat::to_json(sample().set_request_id("r-1"), body_style::problem);
  SECTION("a parameter value: the message's value stands in") {
    j["target_id"] = 43;  // a string parameter given as a number
    const errcat::error e = errcat::parse_response(0, j.dump());
    CHECK(e.entry() == sample().entry());
    CHECK(e.value_of("target_id") == "42");
  }
  SECTION("an integer parameter given as text") {
    json t = errcat::to_json(iam::make("IAM.0012", {{"threshold", 100}, {"period_seconds", 60}}),
                             body_style::problem);
    t["threshold"] = "7";
    t["detail"] = "no numbers here";
    const errcat::error e = errcat::parse_response(0, t.dump());
    CHECK(e.code() == "IAM.0012");
    CHECK_FALSE(e.value_of("threshold").has_value());
    CHECK(e.value_of("period_seconds") == "60");
  }
  SECTION("status as text: the status passed in, or the entry's") {
    j["status"] = "500";
    CHECK(errcat::parse_response(0, j.dump()).status() == 404);
    CHECK(errcat::parse_response(410, j.dump()).status() == 410);
  }
  SECTION("type as a number: the code member identifies the entry") {
    j["type"] = 7;
    CHECK(errcat::parse_response(0, j.dump()).entry() == sample().entry());
  }
  SECTION("detail as an object: the message is rendered from the members") {
    j["detail"] = json::object();
    const errcat::error e = errcat::parse_response(0, j.dump());
    CHECK(e.message() == "Could not find user: 42.");
  }
  SECTION("request_id as a number") {
    j["request_id"] = 5;
    CHECK(errcat::parse_response(0, j.dump()).request_id().empty());
  }
}

TEST_CASE("a problem body is read by its type, else its code, else status and message",
          "[formats][problem]") {
  json j = errcat::to_json(sample(), body_style::problem);
  SECTION("a type under an unknown base falls back to the code member, kept as spelled") {
    j["type"] = "https://errors.example.com/not-ours";
    j.erase("target");
    j["code"] = "IAM.0004";
    const errcat::error f = errcat::parse_response(0, j.dump());
    CHECK(f.entry() == sample().entry());
    CHECK(f.value_of("target") == "user");  // from the message
  }
  SECTION("the gateway's alias spelling is kept as the code") {
    const errcat::entry& e = *errcat::apigw::catalog.find("APIG.0301");
    json g = errcat::to_json(errcat::error(e), body_style::problem);
    g["type"] = "about:blank";
    g["code"] = "APIGW.0301";
    const errcat::error back = errcat::parse_response(401, g.dump());
    CHECK(back.entry() == &e);
    CHECK(back.code() == "APIGW.0301");
  }
  SECTION("no type and no code: the entry under the status whose template fits") {
    j.erase("type");
    j.erase("code");
    const errcat::error e = errcat::parse_response(404, j.dump());
    CHECK(e.entry() == sample().entry());
    CHECK(e.value_of("target_id") == "42");
  }
  SECTION("a type without the entry's name is found by its code") {
    j["type"] = "tag:errcat.invalid,2026:iam/IAM.0004";
    j.erase("code");
    CHECK(errcat::parse_response(0, j.dump()).entry() == sample().entry());
  }
  SECTION("a type whose name and code disagree is not trusted for the name") {
    j["type"] = "tag:errcat.invalid,2026:iam/IAM.0004#token_expired";
    CHECK(errcat::parse_response(0, j.dump()).entry() == sample().entry());
  }
}

TEST_CASE("member values win over the message, and the message fills what is missing",
          "[formats][problem]") {
  json j = errcat::to_json(sample(), body_style::problem);
  // A value holding the literal after its placeholder: the message alone would split it wrongly.
  const errcat::error tricky = iam::make("IAM.0004", {{"target", "a: b"}, {"target_id", "c"}});
  const errcat::error back =
      errcat::parse_response(0, errcat::to_body(tricky, body_style::problem));
  CHECK(back.value_of("target") == "a: b");
  CHECK(back.value_of("target_id") == "c");
  j.erase("target_id");
  CHECK(errcat::parse_response(0, j.dump()).value_of("target_id") == "42");
}

TEST_CASE("an undocumented error is written with about:blank and read back by its code",
          "[formats][problem]") {
  const errcat::error unknown(418, "TEA.0001", "I'm a teapot");
  const json j = errcat::to_json(unknown, body_style::problem);
  CHECK(j["type"] == "about:blank");
  CHECK(j["title"] == std::string(errcat::reason_phrase(418)));
  const errcat::error back = errcat::parse_response(0, j.dump());
  CHECK_FALSE(back.known());
  CHECK(back.code() == "TEA.0001");
  CHECK(back.status() == 418);
  CHECK(back.message() == "I'm a teapot");
}

TEST_CASE("bodies that only look like problems are left to the vendor reader",
          "[formats][problem]") {
  // A Huawei body that also has a `type` member is still read as a Huawei body.
  const errcat::error e = errcat::parse_response(
      404, R"({"error_code":"IAM.0004","error_msg":"Could not find user: 42.","type":"x"})");
  CHECK(e.entry() == sample().entry());
  CHECK(e.value_of("target") == "user");
  // Malformed or hostile documents never throw.
  for (const char* body :
       {R"({"type":)", R"({"type":"a","detail":[[[[[[[[[[[[]]]]]]]]]]]]})", "\"type\"",
        R"({"type":"tag:errcat.invalid,2026:iam/%ZZ#"})", "{\"detail\":\"\xff\xfe\"}"}) {
    INFO(body);
    CHECK_NOTHROW(errcat::parse_response(0, body));
  }
  CHECK(errcat::parse_response(0, "{\"detail\":\"\xff\"}").message() == "\xEF\xBF\xBD");
}

TEST_CASE("a problem's code member is read in any letter case and kept as spelled",
          "[formats][problem]") {
  json j = errcat::to_json(sample(), body_style::problem);
  j["type"] = "about:blank";
  j["code"] = "Iam.0004";
  const errcat::error e = errcat::parse_response(0, j.dump());
  CHECK(e.entry() == sample().entry());
  CHECK(e.code() == "Iam.0004");
  CHECK(e.value_of("target_id") == "42");
}

TEST_CASE("a problem naming no entry keeps its title, or the body when it says nothing",
          "[formats][problem]") {
  const errcat::error titled = errcat::parse_response(
      503, R"({"type":"https://example.com/probs/maintenance","title":"Down for maintenance"})");
  CHECK_FALSE(titled.known());
  CHECK(titled.message() == "Down for maintenance");
  CHECK(titled.raw_body().empty());
  const std::string silent = R"({"type":"https://example.com/probs/x","instance":"/a"})";
  errcat::parse_options small;
  small.max_raw_body = 20;
  const errcat::error e = errcat::parse_response(500, silent, {}, small);
  CHECK(e.status() == 500);
  CHECK(e.raw_body() == silent.substr(0, 20));
}
