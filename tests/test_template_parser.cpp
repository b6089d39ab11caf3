// The generator's template parser and validator, called directly.
#include <string>
#include <vector>

#include "catalog_source.hpp"
#include "catch.hpp"

using errcat::gen::parse_template;
using errcat::gen::parsed_template;

namespace {
std::string segments_of(const parsed_template& t) {
  std::string out;
  for (const auto& s : t.segments) {
    out += s.slot < 0 ? "[" + s.text + "]" : "<" + std::to_string(s.slot) + ":" + s.text + ">";
  }
  return out;
}
}  // namespace

TEST_CASE("the parser splits every placeholder syntax into literal and slot segments",
          "[generator][template]") {
  parsed_template t;
  REQUIRE_FALSE(parse_template("A %(x)s b %s c %d d {} e {y} f [input Big Size ] g %(n)d %%.",
                               {"p1", "p2", "p3"}, t));
  CHECK(segments_of(t) ==
        "[A ]<0:%(x)s>[ b ]<1:%s>[ c ]<2:%d>[ d ]<3:{}>[ e ]<4:{y}>[ f ]<5:[input Big Size ]>"
        "[ g ]<6:%(n)d>[ %.]");
  REQUIRE(t.params.size() == 7);
  CHECK(t.params[0].name == "x");
  CHECK(t.params[2].name == "p2");
  CHECK(t.params[2].kind == errcat::param_kind::integer);
  CHECK(t.params[5].name == "big_size");
  CHECK(t.params[6].kind == errcat::param_kind::integer);
  CHECK(t.positional == 3);
}

TEST_CASE("a name used twice is one parameter", "[generator][template]") {
  parsed_template t;
  REQUIRE_FALSE(parse_template("%(a)s and %(a)s", {}, t));
  CHECK(t.params.size() == 1);
  CHECK(segments_of(t) == "<0:%(a)s>[ and ]<0:%(a)s>");
  REQUIRE(parse_template("%(a)s and %(a)d", {}, t));
}

TEST_CASE("bracket names are normalised to snake_case", "[generator][template]") {
  using errcat::gen::bracket_param_name;
  CHECK(bracket_param_name("input Resource uri size ") == "resource_uri_size");
  CHECK(bracket_param_name("input policySize") == "policy_size");
  CHECK(bracket_param_name("input policyDepends size") == "policy_depends_size");
  CHECK(bracket_param_name("condition length") == "condition_length");
  CHECK(bracket_param_name("input id length") == "id_length");
  CHECK(bracket_param_name("input attribute ") == "attribute");
}

TEST_CASE("the parser names each malformed placeholder", "[generator][template]") {
  parsed_template t;
  auto err = [&](std::string_view m) { return parse_template(m, {"a", "b"}, t).value_or("ok"); };
  CHECK_THAT(err("x %(key"), Catch::Matchers::Contains("unterminated placeholder \"%(key\""));
  CHECK_THAT(err("x %x"), Catch::Matchers::Contains("unknown placeholder \"%x\""));
  CHECK_THAT(err("x %"), Catch::Matchers::Contains("lone \"%\""));
  CHECK_THAT(err("x %(key)f"), Catch::Matchers::Contains("unknown conversion"));
  CHECK_THAT(err("x %(1bad)s"), Catch::Matchers::Contains("invalid name"));
  CHECK_THAT(err("x [input y"), Catch::Matchers::Contains("unterminated placeholder \"[input y\""));
  CHECK_THAT(err("x [input ]"), Catch::Matchers::Contains("usable parameter name"));
  CHECK_THAT(err("x { y }"), Catch::Matchers::Contains("unknown placeholder \"{ y }\""));
  CHECK_THAT(err("x {"), Catch::Matchers::Contains("unknown placeholder \"{\""));
  CHECK(err("plain [brackets] and } are text") == "ok");
}

TEST_CASE("the validator reports every problem, not just the first", "[generator]") {
  const auto r = errcat::gen::load_catalog("f.json",
                                           R"({"service": "s", "namespace": "a::b", "errors": [
          {"status": 200, "code": "A.1", "name": "x", "message": "m", "description": "d", "remediation": "r"},
          {"status": 400, "code": "A.2", "name": "x", "message": "m %s", "description": "d", "remediation": "r"}]})");
  CHECK_FALSE(r.catalog);
  REQUIRE(r.errors.size() == 3);
  CHECK_THAT(r.errors[0], Catch::Matchers::StartsWith("f.json: errors[0] (A.1): field \"status\""));
  CHECK_THAT(r.errors[1],
             Catch::Matchers::Contains("errors[1] (A.2): field \"name\" \"x\" is already used"));
  CHECK_THAT(r.errors[2],
             Catch::Matchers::Contains("errors[1] (A.2): the message has 1 positional"));
}

TEST_CASE("the validator checks the top level and the aliases", "[generator]") {
  auto first_error = [](const char* text) {
    const auto r = errcat::gen::load_catalog("t.json", text);
    return r.errors.empty() ? std::string("ok") : r.errors.front();
  };
  CHECK_THAT(first_error("[]"), Catch::Matchers::Contains("top level must be an object"));
  CHECK_THAT(first_error(R"({"service": "s", "namespace": "a::", "errors": []})"),
             Catch::Matchers::Contains("C++ namespace name"));
  CHECK_THAT(first_error(R"({"service": "class", "namespace": "a", "errors": []})"),
             Catch::Matchers::Contains("\"service\" must be a C++ identifier"));
  CHECK_THAT(first_error(R"({"service": "s", "namespace": "a", "errors": []})"),
             Catch::Matchers::Contains("at least one error"));
  CHECK_THAT(first_error(R"({"service": "s", "namespace": "a", "extra": 1, "errors": []})"),
             Catch::Matchers::Contains("unknown field \"extra\" at the top level"));
  CHECK_THAT(
      first_error(
          R"({"service": "s", "namespace": "a", "code_aliases": [{"prefix": "X"}], "errors": []})"),
      Catch::Matchers::Contains("code_aliases[0]: field \"canonical\" is missing"));
}

TEST_CASE("errc values follow the documented rule", "[generator][errc]") {
  using errcat::gen::derive_value;
  CHECK(derive_value(404, "IAM.0004", 0) == 404010004);
  CHECK(derive_value(400, "1101", 0) == 400001101);
  CHECK(derive_value(404, "APIG.0101", 1) == 404110101);
  CHECK_FALSE(derive_value(400, "IAM.12345", 0));
  CHECK_FALSE(derive_value(400, "E_INTERNAL", 0));
  CHECK_FALSE(derive_value(400, ".1", 0));
  CHECK_FALSE(derive_value(400, "A.1", 10));
}
