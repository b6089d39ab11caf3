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
#include "support/generated_values.hpp"
#include "support/own_entries.hpp"

namespace {

constexpr std::array<std::string_view, 6> text_values = {
    "two words",     "\"double\" quoted",
    "it's 'single'", "a, b; c! (d) [e] {f}",
    "100% %s {}",    "caf\xC3\xA9/\xE2\x9C\x93?x=1&y=2",
};

// Arguments for every parameter of `e`: text from the pool, or an integer.
generated_values generate(const errcat::entry& e, std::size_t seed) {
  return generate_values(e, seed, text_values, [](std::size_t s, std::size_t p) {
    return static_cast<long long>(s * 37 + p) - 20;
  });
}

}  // namespace

TEST_CASE("every entry round-trips through a Huawei body with its values", "[json][roundtrip]") {
  const auto* e = GENERATE(from_range(errcat_own_entries()));
  for (std::size_t seed = 0; seed < 3; ++seed) {
    const generated_values g = generate(*e, seed);
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
      CHECK(parsed.args()[p].value == g.text[p]);
    }
    CHECK(std::equal(parsed.args().begin(), parsed.args().end(), made.args().begin(),
                     made.args().end()));
  }
}

TEST_CASE("every entry round-trips through the combined style and the fixture response",
          "[json][roundtrip]") {
  const auto* e = GENERATE(from_range(errcat_own_entries()));
  const generated_values g = generate(*e, 1);
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
    const generated_values g = generate(*e, 2);
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
