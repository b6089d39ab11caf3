// The generator's template parser and validator, called directly.
#include <string>
#include <vector>

#include "catalog_source.hpp"
#include "catch.hpp"
#include "compile.hpp"
#include "rules.hpp"

using errcat::gen::parse_template;
using errcat::gen::parsed_template;

namespace {
std::string segments_of(const parsed_template& t) {
  std::string out;
  for (const auto& s : t.segments) {
    out += s.param_index < 0 ? "[" + s.text + "]"
                             : "<" + std::to_string(s.param_index) + ":" + s.text + ">";
  }
  return out;
}
}  // namespace

TEST_CASE("the parser splits every placeholder syntax into literal and placeholder segments",
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
  CHECK(err("x %") == "ok");  // a percent sign at the end is prose
  CHECK_THAT(err("x %(key)f"), Catch::Matchers::Contains("unknown conversion"));
  CHECK_THAT(err("x %(1bad)s"), Catch::Matchers::Contains("invalid name"));
  CHECK_THAT(err("x [input y"), Catch::Matchers::Contains("unterminated placeholder \"[input y\""));
  CHECK_THAT(err("x [input ]"), Catch::Matchers::Contains("usable parameter name"));
  CHECK_THAT(err("x { y }"), Catch::Matchers::Contains("unknown placeholder \"{ y }\""));
  CHECK_THAT(err("x {"), Catch::Matchers::Contains("unknown placeholder \"{\""));
  CHECK(err("plain [brackets] and } are text") == "ok");
  CHECK_THAT(err("x %x"),
             Catch::Matchers::Contains("(supported: %s, %d, %(name)s, %(name)d, %%, {}, "
                                       "{0}, {name}, {words}, ${name}, [input X], "
                                       "[condition X])"));
  CHECK_THAT(err("{} and {0}"), Catch::Matchers::Contains("mixes automatic"));
  CHECK_THAT(err("{0} and %s"), Catch::Matchers::Contains("mixes automatic"));
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

TEST_CASE("the parser reads the placeholder forms of the published tables",
          "[generator][template]") {
  parsed_template t;
  REQUIRE_FALSE(parse_template("{1} of {0} and {1}", {"first", "second"}, t));
  CHECK(segments_of(t) == "<0:{1}>[ of ]<1:{0}>[ and ]<0:{1}>");
  CHECK(t.params[0].name == "second");
  CHECK(t.positional == 2);
  CHECK(t.indexed);
  REQUIRE_FALSE(parse_template("${parameterName} is {fault cause}; {ID} {GPU/NPU}", {}, t));
  CHECK(segments_of(t) ==
        "<0:${parameterName}>[ is ]<1:{fault cause}>[; ]<2:{ID}>[ ]<3:{GPU/NPU}>");
  CHECK(t.params[1].name == "fault_cause");
  CHECK(t.params[3].name == "gpu_npu");
  // Prose and JSON stay literal.
  REQUIRE_FALSE(parse_template("xxx is 90% full, cost $5, body {\"a\": 1}", {}, t));
  CHECK(t.params.empty());
  CHECK(segments_of(t) == "[xxx is 90% full, cost $5, body {\"a\": 1}]");
}

TEST_CASE("errc values follow the documented rule", "[generator][errc]") {
  using errcat::gen::derive_value;
  CHECK(derive_value(404, "IAM.0004", 0, "IAM") == 404010004);
  CHECK(derive_value(400, "1101", 0, "IAM") == 400001101);
  CHECK(derive_value(404, "APIG.0101", 1, "APIG") == 404110101);
  // Other prefixes, long numbers, other shapes and many occurrences are hashed: stable,
  // at least 600,000,000 and never equal to a readable value.
  for (const auto& [code, occurrence] : std::vector<std::pair<std::string, int>>{{"Common.0001", 0},
                                                                                 {"IAM.12345", 0},
                                                                                 {"E_INTERNAL", 0},
                                                                                 {".1", 0},
                                                                                 {"A.1", 10},
                                                                                 {"CCE_CM.0001", 0},
                                                                                 {"DLI.0001", 0},
                                                                                 {"123456", 0}}) {
    const int v = derive_value(400, code, occurrence, "IAM");
    CHECK(v >= errcat::gen::hashed_value_base);
    CHECK(v == derive_value(400, code, occurrence, "IAM"));
  }
  CHECK(derive_value(400, "Ecs.0001", 0, "") != derive_value(400, "Common.0001", 0, ""));
}

TEST_CASE("several prefixes in one catalog get distinct values without explicit ones",
          "[generator][errc]") {
  const auto r = errcat::gen::load_catalog("ecs.json", R"({"service": "ecs", "namespace": "e",
    "errors": [
      {"status": 400, "code": "Ecs.0001", "name": "a", "message": "m", "description": "d", "remediation": "r"},
      {"status": 400, "code": "Common.0001", "name": "b", "message": "m", "description": "d", "remediation": "r"},
      {"status": 400, "code": "Pdp.0001", "name": "c", "message": "m", "description": "d", "remediation": "r"},
      {"status": 400, "code": "0001", "name": "e", "message": "m", "description": "d", "remediation": "r"}]})");
  REQUIRE(r.catalog);
  const auto& e = r.catalog->entries;
  CHECK(e[3].value == 400000001);
  CHECK(e[0].value != e[1].value);
  CHECK(e[1].value != e[2].value);
  CHECK(e[0].value >= errcat::gen::hashed_value_base);
  // "errc_prefix" keeps one prefix readable.
  const auto pinned = errcat::gen::load_catalog("ecs.json", R"({"service": "ecs", "namespace": "e",
    "errc_prefix": "Ecs", "errors": [
      {"status": 400, "code": "Ecs.0001", "name": "a", "message": "m", "description": "d", "remediation": "r"},
      {"status": 400, "code": "Common.0001", "name": "b", "message": "m", "description": "d", "remediation": "r"}]})");
  REQUIRE(pinned.catalog);
  CHECK(pinned.catalog->entries[0].value == 400010001);
}

TEST_CASE("two entries with the same errc value are an error naming both", "[generator][errc]") {
  const auto r = errcat::gen::load_catalog("dup.json", R"({"service": "d", "namespace": "d",
    "errors": [
      {"status": 400, "code": "0001", "name": "a", "message": "m", "description": "d", "remediation": "r"},
      {"status": 400, "code": "B.1", "name": "b", "message": "m", "description": "d", "remediation": "r", "value": 400000001}]})");
  CHECK_FALSE(r.catalog);
  REQUIRE(r.errors.size() == 1);
  CHECK_THAT(r.errors[0], Catch::Matchers::Contains("errors[1] (B.1): it and errors[0] (0001) "
                                                    "both get errc value 400000001"));
}

TEST_CASE("compile() plans once and emits a header, a table header and a source", "[generator]") {
  errcat::gen::compile_options o;
  o.file = "dir/t.json";
  o.header_path = "errcat/t.hpp";
  const auto r = errcat::gen::compile(R"({"service": "t", "namespace": "t::u", "errors": [
      {"status": 404, "code": "T.0001", "name": "a", "message": "m %(x)d", "description": "d", "remediation": "r"},
      {"status": 409, "code": "T.0001", "name": "b", "message": "n", "description": "d", "remediation": "r"}]})",
                                      o);
  REQUIRE(r.ok());
  REQUIRE(r.plan->groups.size() == 1);
  CHECK(r.plan->groups[0].entries == std::vector<std::size_t>{0, 1});
  CHECK(errcat::gen::plan_is_consistent(*r.plan));
  CHECK_THAT(r.files.header, Catch::Matchers::Contains("extern const ::errcat::catalog catalog;"));
  CHECK_THAT(r.files.header,
             Catch::Matchers::Contains(R"(T.0001 0 404010001 x:d\012T.0001 1 409010001\012)"));
  CHECK_THAT(r.files.table_header, Catch::Matchers::Contains("#include \"errcat/t.hpp\""));
  CHECK_THAT(r.files.table_header,
             Catch::Matchers::Contains("inline constexpr ::errcat::constant_table<1, 2> table{"));
  // The source defines the arrays the header declares, without the constexpr table.
  CHECK_THAT(r.files.header, Catch::Matchers::Contains("extern const ::errcat::entry entries[2];"));
  CHECK_THAT(r.files.header, Catch::Matchers::Contains(
                                 "inline const ::errcat::entry* find(std::string_view code)"));
  CHECK_THAT(r.files.source, Catch::Matchers::Contains("#include \"errcat/t.hpp\""));
  CHECK_THAT(r.files.source, !Catch::Matchers::Contains("t_table.hpp"));
  CHECK_THAT(r.files.source,
             Catch::Matchers::Contains("constinit const ::errcat::entry entries[2] = {"));
  CHECK_THAT(r.files.header, Catch::Matchers::Contains("Generated by errcat-gen from t.json."));
}
