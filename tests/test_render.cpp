// Rendering pre-parsed templates: every placeholder syntax, missing values, buffers, and
// values that look like placeholders.
#include <errcat/iam.hpp>
#include <errcat/iam_table.hpp>
#include <errcat/render.hpp>

#include <array>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "catch.hpp"

namespace iam = errcat::iam;
using errcat::param_value;

static const errcat::entry& at(std::string_view code) {
  const errcat::entry* e = iam::catalog.find(code);
  REQUIRE(e != nullptr);
  return *e;
}

TEST_CASE("named %(key)s placeholders are filled in order of first appearance", "[render]") {
  const errcat::entry& e = at("IAM.0004");
  REQUIRE(e.params.size() == 2);
  CHECK(e.params[0].name == "target");
  CHECK(e.params[1].name == "target_id");
  CHECK(e.params[0].kind == errcat::param_kind::string);
  CHECK(errcat::render(e, {"user", "42"}) == "Could not find user: 42.");
}

TEST_CASE("positional %s placeholders take the names from params", "[render]") {
  const errcat::entry& e = at("IAM.1106");
  REQUIRE(e.params.size() == 2);
  CHECK(e.params[0].name == "user");
  CHECK(e.params[1].name == "access_key");
  CHECK(errcat::render(e, {"alice", "AK1"}) ==
        "The user alice with access key AK1 cannot be found.");
}

TEST_CASE("positional %d placeholders are integers", "[render]") {
  const errcat::entry& e = at("IAM.0012");
  REQUIRE(e.params.size() == 2);
  CHECK(e.params[0].kind == errcat::param_kind::integer);
  CHECK(e.params[1].kind == errcat::param_kind::integer);
  CHECK(errcat::render(e, {100, 60}) ==
        "The throttling threshold has been reached. Threshold: 100 times per 60 seconds");
  CHECK(errcat::render(e, {-5, 18446744073709551615ull}) ==
        "The throttling threshold has been reached. Threshold: -5 times per 18446744073709551615 "
        "seconds");
  CHECK(errcat::render(e, {INT64_MIN, 0}) ==
        "The throttling threshold has been reached. Threshold: -9223372036854775808 times per 0 "
        "seconds");
}

TEST_CASE("positional {} placeholders are filled", "[render]") {
  const errcat::entry& e = at("IAM.1059");
  REQUIRE(e.params.size() == 1);
  CHECK(e.params[0].name == "key");
  CHECK(errcat::render(e, {"Action"}) == "Invalid key 'Action'.");
}

TEST_CASE("[input X] and [condition X] are named parameters in snake_case", "[render]") {
  CHECK(at("IAM.1002").params[0].name == "length");
  CHECK(errcat::render(at("IAM.1002"), {"70"}) ==
        "The length 70 of the display name exceeds 64 characters.");
  CHECK(at("IAM.1037").params[0].name == "resource_uri_size");
  CHECK(at("IAM.1021").params[0].name == "policy_size");
  CHECK(at("IAM.1022").params[0].name == "id_length");
  CHECK(at("IAM.1056").params[0].name == "condition_length");
  CHECK(errcat::render(at("IAM.1037"), {"21"}) ==
        "The number of resource URIs 21 must be greater than 0 and less than or equal to 20.");
}

TEST_CASE("a name used twice in a template is one parameter filled twice", "[render]") {
  // IAM.1054: [input attribute size ], [input attribute], [input operator]
  const errcat::entry& e = at("IAM.1054");
  REQUIRE(e.params.size() == 3);
  CHECK(e.params[0].name == "attribute_size");
  CHECK(e.params[1].name == "attribute");
  CHECK(e.params[2].name == "operator");
  // IAM.1055: [input attribute ] and [input attribute] would both be "attribute" elsewhere.
  const errcat::entry& f = at("IAM.1055");
  REQUIRE(f.params.size() == 2);
  CHECK(errcat::render(f, {"a", "b"}) == "Attribute 'a' does not match operator 'b'.");
}

TEST_CASE("missing values keep their placeholder exactly as documented", "[render]") {
  CHECK(errcat::render(at("IAM.0004"), {}) == at("IAM.0004").message);
  CHECK(errcat::render(at("IAM.0004"), {"user"}) == "Could not find user: %(target_id)s.");
  CHECK(errcat::render(at("IAM.0004"), {param_value(), "7"}) == "Could not find %(target)s: 7.");
  CHECK(errcat::render(at("IAM.1037"), {}) == at("IAM.1037").message);
  for (const errcat::entry& e : iam::catalog)
    CHECK(errcat::render(e, {}) == e.message);
}

TEST_CASE("values are inserted verbatim and never expanded again", "[render][injection]") {
  const errcat::entry& e = at("IAM.0004");
  for (std::string_view evil : std::initializer_list<std::string_view>{
           "%(target_id)s", "%s", "%d", "{}", "{target}", "[input length]", "%%", "%", "\\n", "\"'",
           std::string_view("a\0b", 3)}) {
    std::string expected = "Could not find ";
    expected.append(evil);
    expected += ": x.";
    CHECK(errcat::render(e, {evil, "x"}) == expected);
  }
}

TEST_CASE("rendered_size is exact and render_append appends to any buffer", "[render]") {
  const errcat::entry& e = at("IAM.0004");
  const param_value args[] = {"user", "12345"};
  CHECK(errcat::rendered_size(e, args) == std::string("Could not find user: 12345.").size());
  std::string s = "prefix: ";
  errcat::render_append(s, e, args);
  CHECK(s == "prefix: Could not find user: 12345.");
  std::vector<char> v;
  errcat::render_append(v, e, args);
  CHECK(std::string(v.begin(), v.end()) == "Could not find user: 12345.");
  fmt::memory_buffer buf;
  errcat::render_append(buf, e, args);
  CHECK(fmt::to_string(buf) == "Could not find user: 12345.");
}

TEST_CASE("%% in a template is a literal percent sign", "[render]") {
  // No IAM message has %%; the generator's template parser is tested directly in
  // test_generator.cpp. Here: a literal segment is copied as is.
  static constexpr errcat::segment segs[] = {{"100%", -1}, {" done", -1}};
  static constexpr errcat::entry e{400, "X", "x", "100%% done", "", "", {}, segs, 1, nullptr};
  CHECK(errcat::render(e, {}) == "100% done");
}

namespace {
// Renders into a fixed array during constant evaluation: works on every compiler.
template <std::size_t N>
constexpr std::array<char, N> render_array(const errcat::entry& e,
                                           std::initializer_list<param_value> args) {
  std::array<char, N> out{};
  errcat::render_to(out.data(), e, std::span<const param_value>(args.begin(), args.size()));
  return out;
}
constexpr bool equals(const auto& array, std::string_view s) {
  return std::string_view(array.data(), s.size()) == s && array[s.size()] == '\0';
}
}  // namespace

TEST_CASE("rendering is constexpr", "[render][constexpr]") {
  static_assert(equals(render_array<64>(*iam::table.find("IAM.0004"), {"user", "42"}),
                       "Could not find user: 42."));
  static_assert(errcat::rendered_size(*iam::table.find("IAM.0012"),
                                      std::array<param_value, 2>{100, 60}) == 78);
#if ERRCAT_HAS_CONSTEXPR_STRING
  static_assert(errcat::render(*iam::table.find("IAM.0004"), {"user", "42"}) ==
                "Could not find user: 42.");
  static_assert(errcat::render(*iam::table.find("IAM.0012"), {100, 60}) ==
                "The throttling threshold has been reached. Threshold: 100 times per 60 seconds");
#endif
  CHECK(errcat::render(*iam::catalog.find("IAM.0012"), {100, 60}).size() == 78);
}
