// Reading real responses whose codes come from any bundled service, and the test fixtures
// for every bundled entry.
#include <errcat/json.hpp>
#include <errcat/otc/ecs.hpp>
#include <errcat/otc/eip.hpp>
#include <errcat/otc/vpc.hpp>
#include <errcat/registry.hpp>
#include <errcat/testing.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "catch.hpp"

namespace ecs = errcat::otc::ecs;

TEST_CASE("A nested 404 body with Ecs.0114 parses to the ECS entry with the server's words") {
  const std::string body =
      R"({"error": {"code": "Ecs.0114", "message": "The ECS 6a1c does not exist in project p1."}})";
  const errcat::http_header headers[] = {{"Content-Type", "application/json"},
                                         {"X-Request-Id", "req-7f3e"}};
  const errcat::error err = errcat::parse_response(404, body, headers);
  REQUIRE(err.known());
  CHECK(err.entry() == ecs::catalog.find("Ecs.0114"));
  CHECK(err.status() == 404);
  CHECK(err.code() == "Ecs.0114");
  CHECK(err.message() == "The ECS 6a1c does not exist in project p1.");
  CHECK(err.request_id() == "req-7f3e");
}

TEST_CASE("A code in another letter case parses to the documented entry, keeping the spelling") {
  const std::string body =
      R"({"error": {"code": "ECS.0114", "message": "The ECS does not exist."}})";
  const errcat::error err = errcat::parse_response(404, body);
  CHECK(err.entry() == ecs::catalog.find("Ecs.0114"));
  CHECK(err.code() == "ECS.0114");
}

TEST_CASE("A code two services document parses to the one whose template matches") {
  const auto parsed = [](std::string_view message) {
    const std::string body =
        R"({"code": "VPC.0101", "message": ")" + std::string(message) + R"("})";
    return errcat::parse_response(400, body);
  };
  CHECK(parsed("Param is invalid.").entry() == errcat::otc::eip::catalog.find(400, "VPC.0101"));
  CHECK(parsed("Invalid VPC parameter values.").entry() ==
        errcat::otc::vpc::catalog.find(400, "VPC.0101"));
  // Neither template: the registry's default order decides.
  const errcat::bundled_match first = errcat::find_bundled(400, "VPC.0101").front();
  CHECK(parsed("Something else.").entry() == first.entry);
}

TEST_CASE("The caller's catalogs come first, and alone") {
  const errcat::catalog* only_vpc[] = {&errcat::otc::vpc::catalog};
  errcat::parse_options options;
  options.catalogs = only_vpc;
  const std::string body = R"({"code": "VPC.0101", "message": "Param is invalid."})";
  CHECK(errcat::parse_response(400, body, {}, options).entry() ==
        errcat::otc::vpc::catalog.find(400, "VPC.0101"));
  CHECK_FALSE(errcat::parse_response(404, R"({"code": "Ecs.0114"})", {}, options).known());
}

TEST_CASE("The test fixtures round-trip every bundled entry through a response") {
  std::size_t checked = 0;
  for (const errcat::bundled_catalog& c : errcat::bundled_catalogs()) {
    for (const errcat::entry& e : *c.catalog) {
      INFO(c.name << " " << e.status << " " << e.code << " " << e.name);
      errcat::error made(e);
      made.set_request_id("r-1");
      const errcat::testing::http_response r = errcat::testing::response(made);
      const errcat::error back = errcat::parse_http_message(r.to_string());
      CHECK(back.code() == e.code);
      CHECK(back.status() == e.status);
      CHECK(back.request_id() == "r-1");
      // The same code may be documented more than once, by one service or several (TMS
      // lists the gateway's APIGW.0101, which apigw reads as APIG.0101): parsing finds one
      // of the entries the registry gives for this status and code.
      REQUIRE(back.entry() != nullptr);
      bool among = false;
      for (const errcat::bundled_match m : errcat::find_bundled(e.status, e.code))
        among = among || m.entry == back.entry();
      CHECK(among);
      ++checked;
    }
  }
  CHECK(checked > 0);
}

TEST_CASE("The test fixtures serve an OTC entry: Ecs.0114 is in all_entries and reads back") {
  const errcat::entry* ecs = errcat::otc::ecs::catalog.find("Ecs.0114");
  REQUIRE(ecs != nullptr);
  const std::vector<const errcat::entry*> all = errcat::testing::all_entries();
  CHECK(std::count(all.begin(), all.end(), ecs) == 1);
  errcat::error made(*ecs);
  made.set_request_id("req-114");
  const errcat::testing::http_response r = errcat::testing::response(made);
  CHECK(r.status == 404);
  CHECK(r.header("x-request-id") == "req-114");
  const errcat::error back = errcat::parse_response(r.status, r.body, r.header_views());
  CHECK(back.entry() == ecs);
  CHECK_THAT(back, errcat::testing::is_error("Ecs.0114") && errcat::testing::has_status(404));
  CHECK(errcat::testing::describe(back) ==
        "404 Ecs.0114 \"The ECS does not exist.\" request_id=\"req-114\"");
}
