// make -> body -> parse_response for every entry of both catalogs, with generated values.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/json.hpp>
#include <errcat/render.hpp>
#include <errcat/testing.hpp>

#include <array>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/own_entries.hpp"

namespace {

constexpr std::array<std::string_view, 6> text_values = {
    "two words",     "\"double\" quoted",
    "it's 'single'", "a, b; c! (d) [e] {f}",
    "100% %s {}",    "caf\xC3\xA9/\xE2\x9C\x93?x=1&y=2",
};

// Arguments for every parameter of `e`: text from the pool (skipping a value that holds
// the literal after its placeholder, which the shortest-first rule would split differently) or
// an integer.
struct generated {
  std::vector<std::string> text;
  std::vector<errcat::named_arg> args;
  std::vector<std::string> expected;
};

std::string_view literal_after(const errcat::entry& e, std::size_t p) {
  for (std::size_t i = 0; i + 1 < e.segments.size(); ++i) {
    if (!e.segments[i].is_literal() && static_cast<std::size_t>(e.segments[i].param_index) == p &&
        e.segments[i + 1].is_literal())
      return e.segments[i + 1].text;
  }
  return {};
}

generated generate(const errcat::entry& e, std::size_t seed) {
  generated g;
  g.text.reserve(e.params.size());
  for (std::size_t p = 0; p < e.params.size(); ++p) {
    if (e.params[p].kind == errcat::param_kind::integer) {
      g.text.push_back(std::to_string(static_cast<long long>(seed * 37 + p) - 20));
      continue;
    }
    const std::string_view after = literal_after(e, p);
    for (std::size_t k = 0;; ++k) {
      const std::string_view v = text_values[(seed + p + k) % text_values.size()];
      if (after.empty() || v.find(after) == std::string_view::npos) {
        g.text.emplace_back(v);
        break;
      }
    }
  }
  for (std::size_t p = 0; p < e.params.size(); ++p) {
    if (e.params[p].kind == errcat::param_kind::integer) {
      g.args.push_back({e.params[p].name, std::stoll(g.text[p])});
    } else {
      g.args.push_back({e.params[p].name, g.text[p]});
    }
  }
  g.expected = g.text;
  return g;
}

}  // namespace

TEST_CASE("every entry round-trips through a Huawei body with its values", "[json][roundtrip]") {
  const auto* e = GENERATE(from_range(errcat_own_entries()));
  for (std::size_t seed = 0; seed < 3; ++seed) {
    const generated g = generate(*e, seed);
    const errcat::error made =
        errcat::make(*e, std::span<const errcat::named_arg>(g.args)).set_request_id("req 1");
    const std::string body = errcat::to_body(made);
    INFO(e->code << " (" << e->status << ") " << body);
    const errcat::error parsed = errcat::parse_response(e->status, body);
    CHECK(parsed.entry() == e);
    CHECK(parsed.code() == made.code());
    CHECK(parsed.message() == made.message());
    CHECK(parsed.status() == e->status);
    CHECK(parsed.request_id() == "req 1");
    REQUIRE(parsed.args().size() == e->params.size());
    for (std::size_t p = 0; p < e->params.size(); ++p) {
      CHECK(parsed.args()[p].name == e->params[p].name);
      CHECK(parsed.args()[p].value == g.expected[p]);
    }
    CHECK(std::equal(parsed.args().begin(), parsed.args().end(), made.args().begin(),
                     made.args().end()));
  }
}

TEST_CASE("every entry round-trips through the combined style and the fixture response",
          "[json][roundtrip]") {
  const auto* e = GENERATE(from_range(errcat_own_entries()));
  const generated g = generate(*e, 1);
  const errcat::error made = errcat::make(*e, std::span<const errcat::named_arg>(g.args));
  const errcat::testing::http_response r = errcat::testing::response(
      errcat::error(made).set_request_id("x y"), errcat::body_style::combined);
  const errcat::error parsed = errcat::parse_response(r.status, r.body, r.header_views());
  INFO(e->code << " " << r.body);
  CHECK(parsed.entry() == e);
  CHECK(parsed.message() == made.message());
  CHECK(parsed.request_id() == "x y");
  CHECK(std::equal(parsed.args().begin(), parsed.args().end(), made.args().begin(),
                   made.args().end()));
  const errcat::error whole = errcat::parse_http_message(r.to_string());
  CHECK(whole.entry() == e);
  CHECK(whole.status() == e->status);
}

TEST_CASE("Keystone bodies, which carry no code, are matched back by status and message",
          "[json][roundtrip]") {
  // A Keystone body has only the status and the message, so the entry is the one under
  // that status whose template the message fits. With these values every entry is found
  // again; in general another entry rendering the same text could be, so the rendering is
  // checked too.
  std::size_t exact = 0;
  std::size_t total = 0;
  for (const errcat::entry* e : errcat_own_entries()) {
    const generated g = generate(*e, 2);
    const errcat::error made = errcat::make(*e, std::span<const errcat::named_arg>(g.args));
    const errcat::error parsed =
        errcat::parse_response(e->status, errcat::to_body(made, errcat::body_style::keystone));
    INFO(e->code << " " << made.message());
    ++total;
    CHECK(parsed.message() == made.message());
    CHECK(parsed.status() == e->status);
    REQUIRE(parsed.known());
    if (parsed.entry() == e) ++exact;
    std::vector<errcat::param_value> values;
    for (const errcat::param& p : parsed.entry()->params) {
      const auto v = parsed.value_of(p.name);
      values.emplace_back(v ? errcat::param_value(*v) : errcat::param_value());
    }
    CHECK(errcat::render(*parsed.entry(), values) == made.message());
  }
  CHECK(total == errcat::iam::catalog.size() + errcat::apigw::catalog.size());
  CHECK(exact == total);
}
