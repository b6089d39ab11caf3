// Every bundled entry, in every body style, with values of the right kinds: written as the
// fixture response, parsed back, the same entry, status, code, message, values and request id.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/json.hpp>
#include <errcat/registry.hpp>
#include <errcat/testing.hpp>

#include <array>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/generated_values.hpp"
#include "support/own_entries.hpp"

namespace {

constexpr std::array<std::string_view, 5> text_values = {"two words", "\"double\" quoted",
                                                         "a, b; c! (d) [e] {f}", "100% %s {}",
                                                         "caf\xC3\xA9/\xE2\x9C\x93?x=1&y=2"};

// Text values for string parameters (none holding the literal that follows its placeholder, so
// the message alone, all the vendor styles have, still splits them the same way) and
// negative or large integers for integer ones.
generated_values generate(const errcat::entry& e, std::size_t seed) {
  return generate_values(e, seed, text_values, [](std::size_t s, std::size_t p) {
    return static_cast<long long>(s * 1000003 + p) - 5;
  });
}

}  // namespace

TEST_CASE("every entry round-trips through every body style with its values and request id",
          "[formats][roundtrip]") {
  const auto* e = GENERATE(from_range(errcat_own_entries()));
  for (errcat::body_style style : errcat::body_styles) {
    for (std::size_t seed = 0; seed < 2; ++seed) {
      const generated_values g = generate(*e, seed);
      errcat::error made = errcat::make(*e, std::span<const errcat::named_arg>(g.args));
      made.set_request_id("req " + std::to_string(seed));
      const errcat::testing::http_response r = errcat::testing::response(made, style);
      INFO(errcat::name_of(style) << " " << e->code << " (" << e->status << ") " << r.body);
      const errcat::error parsed = errcat::parse_response(r.status, r.body, r.header_views());
      CHECK(parsed.entry() == e);
      CHECK(parsed.status() == e->status);
      CHECK(parsed.code() == made.code());
      CHECK(parsed.message() == made.message());
      CHECK(parsed.request_id() == made.request_id());
      REQUIRE(parsed.args().size() == e->params.size());
      for (std::size_t p = 0; p < e->params.size(); ++p) {
        CHECK(parsed.args()[p].name == e->params[p].name);
        CHECK(parsed.args()[p].kind == e->params[p].kind);
        CHECK(parsed.args()[p].value == g.text[p]);
      }
      // Without the status line (status 0) the body alone carries the status.
      if (style != errcat::body_style::huawei) {
        CHECK(errcat::parse_response(0, r.body).status() == e->status);
      }
    }
  }
}

TEST_CASE("problem and google bodies carry values the message alone could not split",
          "[formats][roundtrip]") {
  // A value holding the text that follows its placeholder defeats matching the message; the
  // members carry it exactly.
  for (const errcat::entry* e : errcat_own_entries()) {
    std::vector<std::string> text;
    std::vector<errcat::named_arg> args;
    for (std::size_t p = 0; p < e->params.size(); ++p)
      text.push_back("x" + std::string(literal_after(*e, p)) + "y");
    for (std::size_t p = 0; p < e->params.size(); ++p) {
      if (e->params[p].kind == errcat::param_kind::integer) {
        args.push_back({e->params[p].name, -42});
      } else {
        args.push_back({e->params[p].name, text[p]});
      }
    }
    const errcat::error made = errcat::make(*e, std::span<const errcat::named_arg>(args));
    for (errcat::body_style style : {errcat::body_style::problem, errcat::body_style::google}) {
      const std::string body = errcat::to_body(made, style);
      INFO(e->code << " " << body);
      const errcat::error parsed = errcat::parse_response(e->status, body);
      CHECK(parsed.entry() == e);
      CHECK(std::equal(parsed.args().begin(), parsed.args().end(), made.args().begin(),
                       made.args().end()));
    }
  }
}

TEST_CASE("every entry of every bundled catalog round-trips through every style, its catalog named",
          "[formats][roundtrip][registry]") {
  // All of the cloud's catalogs, not only IAM and the gateway. A Keystone body carries no
  // code, and several tables document one message under one status for several codes, so
  // there only the message and status are required to come back; every other style names
  // the entry by its code.
  std::size_t checked = 0;
  for (const errcat::bundled_catalog& c : errcat::bundled_catalogs()) {
    const errcat::catalog* named[] = {c.catalog};
    errcat::parse_options options;
    options.catalogs = named;
    for (const errcat::entry& e : *c.catalog) {
      const generated_values g = generate(e, 1);
      errcat::error made = errcat::make(e, std::span<const errcat::named_arg>(g.args));
      made.set_request_id("r 1");
      for (errcat::body_style style : errcat::body_styles) {
        const errcat::testing::http_response r = errcat::testing::response(made, style);
        const errcat::error parsed =
            errcat::parse_response(r.status, r.body, r.header_views(), options);
        INFO(c.name << " " << errcat::name_of(style) << " " << e.code << " " << r.body);
        REQUIRE(parsed.known());
        REQUIRE(parsed.message() == made.message());
        REQUIRE(parsed.status() == e.status);
        REQUIRE(parsed.request_id() == "r 1");
        if (style != errcat::body_style::keystone) REQUIRE(parsed.entry() == &e);
        ++checked;
      }
    }
  }
  CHECK(checked >= 5 * 186);
}
