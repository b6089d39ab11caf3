// Reverse matching: recovering parameter values from received messages, for every
// placeholder syntax and every entry with parameters.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/match.hpp>
#include <errcat/render.hpp>

#include <array>
#include <string>
#include <vector>

#include "catch.hpp"

namespace iam = errcat::iam;
namespace apigw = errcat::apigw;

namespace {

// Values with spaces, quotes and punctuation, and a negative and a large integer.
constexpr std::array<std::string_view, 8> text_values = {
    "two words",
    "\"double\" quoted",
    "it's 'single' quoted",
    "a, b; c! d? (e) [f] {g}",
    "100% %s %(x)s {}",
    "path/to:thing?q=1&r=2#frag",
    "tab\tand new\nline",
    "caf\xC3\xA9 \xE2\x9C\x93",
};
constexpr std::array<std::string_view, 3> integer_values = {"-12", "4096", "0"};

// The literal text right after the placeholder of parameter `p`, or empty when it is last.
std::string_view literal_after(const errcat::entry& e, std::size_t p) {
  for (std::size_t i = 0; i < e.segments.size(); ++i) {
    const errcat::segment& s = e.segments[i];
    if (!s.is_literal() && static_cast<std::size_t>(s.param_index) == p)
      return i + 1 < e.segments.size() && e.segments[i + 1].is_literal() ? e.segments[i + 1].text
                                                                         : std::string_view();
  }
  return {};
}

// Values for every parameter of `e`, rotating through the pools by `seed`. A value that
// contains the literal that follows its placeholder would make the message ambiguous (see the
// documented shortest-first rule, tested on its own below), so the next one is taken.
std::vector<std::string> values_for(const errcat::entry& e, std::size_t seed) {
  std::vector<std::string> out;
  for (std::size_t p = 0; p < e.params.size(); ++p) {
    if (e.params[p].kind == errcat::param_kind::integer) {
      out.emplace_back(integer_values[(seed + p) % integer_values.size()]);
      continue;
    }
    const std::string_view after = literal_after(e, p);
    for (std::size_t k = 0;; ++k) {
      const std::string_view v = text_values[(seed + p + k) % text_values.size()];
      if (after.empty() || v.find(after) == std::string_view::npos) {
        out.emplace_back(v);
        break;
      }
    }
  }
  return out;
}

std::vector<const errcat::entry*> entries_with_params() {
  std::vector<const errcat::entry*> out;
  for (const errcat::catalog* c : {&iam::catalog, &apigw::catalog}) {
    for (const errcat::entry& e : *c) {
      if (!e.params.empty()) out.push_back(&e);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("match recovers the values of a named template", "[match]") {
  const errcat::entry& e = *iam::catalog.find("IAM.0004");
  const auto args = errcat::match(e, "Could not find user: 42.");
  REQUIRE(args.has_value());
  REQUIRE(args->size() == 2);
  CHECK((*args)[0].name == "target");
  CHECK((*args)[0].value == "user");
  CHECK((*args)[1].name == "target_id");
  CHECK((*args)[1].value == "42");
}

TEST_CASE("match recovers every placeholder syntax", "[match]") {
  SECTION("%s positional, in the params order") {
    const auto args = errcat::match(*iam::catalog.find("IAM.1106"),
                                    "The user bob smith with access key AK 'x' cannot be found.");
    REQUIRE(args.has_value());
    CHECK((*args)[0].name == "user");
    CHECK((*args)[0].value == "bob smith");
    CHECK((*args)[1].name == "access_key");
    CHECK((*args)[1].value == "AK 'x'");
  }
  SECTION("%d integers") {
    const auto args = errcat::match(
        *iam::catalog.find("IAM.0012"),
        "The throttling threshold has been reached. Threshold: -5 times per 60 seconds");
    REQUIRE(args.has_value());
    CHECK((*args)[0].value == "-5");
    CHECK((*args)[0].kind == errcat::param_kind::integer);
    CHECK((*args)[1].value == "60");
  }
  SECTION("{} positional") {
    const auto args = errcat::match(*iam::catalog.find("IAM.1059"), "Invalid key 'a.b c'.");
    REQUIRE(args.has_value());
    CHECK((*args)[0].name == "key");
    CHECK((*args)[0].value == "a.b c");
  }
  SECTION("[input X] documentation placeholders") {
    const auto args = errcat::match(*iam::catalog.find("IAM.1044"),
                                    "Region 'eu-west 0' of resource 'agency:*:a, b' is invalid.");
    REQUIRE(args.has_value());
    CHECK(args->size() == 2);
    CHECK(args->at(0).value == "eu-west 0");
    CHECK(args->at(1).value == "agency:*:a, b");
  }
  SECTION("{xxx} named braces") {
    const auto args = errcat::match(*apigw::catalog.find("APIG.0607"),
                                    "The following protocol is supported: HTTPS, HTTP/2");
    REQUIRE(args.has_value());
    REQUIRE(args->size() == 1);
    CHECK(args->at(0).value == "HTTPS, HTTP/2");
  }
}

TEST_CASE("integer parameters only match an optional minus and digits", "[match]") {
  const errcat::entry& e = *iam::catalog.find("IAM.0012");
  CHECK_FALSE(errcat::match(e,
                            "The throttling threshold has been reached. Threshold: many "
                            "times per 60 seconds")
                  .has_value());
  CHECK_FALSE(errcat::match(
                  e, "The throttling threshold has been reached. Threshold: - times per 6 seconds")
                  .has_value());
  CHECK_FALSE(errcat::match(
                  e, "The throttling threshold has been reached. Threshold: 1 times per 6s seconds")
                  .has_value());
}

TEST_CASE("a message that does not fit the template gives no values", "[match]") {
  const errcat::entry& e = *iam::catalog.find("IAM.0004");
  CHECK_FALSE(errcat::match(e, "Could not find user 42").has_value());
  CHECK_FALSE(errcat::match(e, "Could not find user: 42. trailing").has_value());
  CHECK_FALSE(errcat::match(e, "").has_value());
  CHECK_FALSE(errcat::match(*iam::catalog.find("IAM.0001"), "Something else.").has_value());
}

TEST_CASE("a template without parameters fits only its own text, with no values", "[match]") {
  const errcat::entry& e = *iam::catalog.find("IAM.0001");
  const auto args = errcat::match(e, e.message);
  REQUIRE(args.has_value());
  CHECK(args->empty());
}

TEST_CASE("placeholders left unfilled by the server give no value", "[match]") {
  const errcat::entry& e = *iam::catalog.find("IAM.0004");
  const auto none = errcat::match(e, e.message);
  REQUIRE(none.has_value());
  CHECK(none->empty());
  const auto one = errcat::match(e, "Could not find %(target)s: 7.");
  REQUIRE(one.has_value());
  REQUIRE(one->size() == 1);
  CHECK(one->at(0).name == "target_id");
  CHECK(one->at(0).value == "7");
}

TEST_CASE("an ambiguous message is split shortest-first, left to right", "[match]") {
  // "a: b: 42" could be target "a" or "a: b": the documented rule gives the first placeholder the
  // shortest text that lets the rest match; the rendering is the same either way.
  const errcat::entry& e = *iam::catalog.find("IAM.0004");
  const auto args = errcat::match(e, "Could not find a: b: 42.");
  REQUIRE(args.has_value());
  CHECK(args->at(0).value == "a");
  CHECK(args->at(1).value == "b: 42");
  // The last placeholder runs to the closing literal, so a value may contain it.
  const auto last = errcat::match(e, "Could not find user: 4.2.");
  REQUIRE(last.has_value());
  CHECK(last->at(1).value == "4.2");
}

TEST_CASE("empty values are recovered as empty", "[match]") {
  const auto args = errcat::match(*iam::catalog.find("IAM.0004"), "Could not find : .");
  REQUIRE(args.has_value());
  REQUIRE(args->size() == 2);
  CHECK(args->at(0).value.empty());
  CHECK(args->at(1).value.empty());
}

TEST_CASE("matching hostile input stays bounded and fails cleanly", "[match]") {
  // Many occurrences of the separator make naive backtracking quadratic or worse.
  std::string msg = "Could not find ";
  for (int i = 0; i < 100000; ++i)
    msg += "a: ";
  msg += "no closing period";
  CHECK_FALSE(errcat::match(*iam::catalog.find("IAM.0004"), msg).has_value());
  std::string ok = "Could not find ";
  for (int i = 0; i < 20000; ++i)
    ok += "a: ";
  ok += ".";
  const auto args = errcat::match(*iam::catalog.find("IAM.0004"), ok);
  REQUIRE(args.has_value());
  CHECK(args->at(0).value == "a");
}

TEST_CASE("match recovers generated values for every entry with parameters", "[match]") {
  const std::vector<const errcat::entry*> all = entries_with_params();
  CHECK(all.size() >= 40);
  for (std::size_t seed = 0; seed < text_values.size(); ++seed) {
    for (const errcat::entry* e : all) {
      const std::vector<std::string> values = values_for(*e, seed);
      std::vector<errcat::param_value> slots;
      for (std::size_t p = 0; p < values.size(); ++p) {
        if (e->params[p].kind == errcat::param_kind::integer) {
          slots.emplace_back(static_cast<long long>(std::stoll(values[p])));
        } else {
          slots.emplace_back(values[p]);
        }
      }
      const std::string message = errcat::render(*e, slots);
      INFO(e->code << " (" << e->status << "): " << message);
      const auto args = errcat::match(*e, message);
      REQUIRE(args.has_value());
      REQUIRE(args->size() == e->params.size());
      for (std::size_t p = 0; p < values.size(); ++p) {
        CHECK(args->at(p).name == e->params[p].name);
        CHECK(args->at(p).kind == e->params[p].kind);
        CHECK(args->at(p).value == values[p]);
      }
    }
  }
}

TEST_CASE("catalog match picks among entries sharing a status and code by message",
          "[match][catalog]") {
  const errcat::match_result a = apigw::catalog.match(404, "APIG.0101", "The API does not exist.");
  REQUIRE(a.entry != nullptr);
  CHECK(a.entry->name == "api_method_not_found");
  const errcat::match_result b = apigw::catalog.match(
      404, "APIG.0101", "The API does not exist or has not been published in the environment.");
  REQUIRE(b.entry != nullptr);
  CHECK(b.entry->name == "api_not_found");
  // A wording neither template has: the first documented entry, with no values.
  const errcat::match_result c = apigw::catalog.match(404, "APIGW.0101", "Gone fishing.");
  REQUIRE(c.entry != nullptr);
  CHECK(c.entry->name == "api_not_found");
  CHECK(c.args.empty());
}

TEST_CASE("catalog match uses the status to pick among a code's entries", "[match][catalog]") {
  CHECK(apigw::catalog.match(504, "APIG.0201", "Backend timeout.").entry->name ==
        "backend_request_timeout");
  CHECK(apigw::catalog.match(413, "APIG.0201", "Request entity too large.").entry->name ==
        "request_entity_too_large");
  // Under a status the code is not documented with, the message still picks the entry.
  CHECK(apigw::catalog.match(500, "APIG.0201", "Backend timeout.").entry->name ==
        "backend_request_timeout");
}

TEST_CASE("catalog match recovers values and reports unknown codes", "[match][catalog]") {
  const errcat::match_result r = iam::catalog.match(404, "IAM.0004", "Could not find user: 42.");
  REQUIRE(r.entry == iam::catalog.find("IAM.0004"));
  REQUIRE(r.args.size() == 2);
  CHECK(r.args[1].value == "42");
  const errcat::match_result free =
      errcat::match(iam::catalog, 404, "IAM.0004", "Could not find a: b.");
  CHECK(free.entry == r.entry);
  CHECK(free.args[0].value == "a");
  const errcat::match_result unknown = iam::catalog.match(404, "IAM.9999", "Could not find a: b.");
  CHECK(unknown.entry == nullptr);
  CHECK(unknown.args.empty());
}
