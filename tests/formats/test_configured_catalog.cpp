// A catalog that sets its own problem type base and ErrorInfo domain (tests/data/demo.json,
// built with errcat_add_catalog): both shapes use them, and read back through them.
#include <errcat/demo.hpp>
#include <errcat/json.hpp>

#include <string>

#include "catch.hpp"

namespace demo = errcat_test::demo;
using errcat::body_style;

namespace {
const errcat::catalog* const only_demo[] = {&demo::catalog};

errcat::parse_options demo_options() {
  errcat::parse_options o;
  o.catalogs = only_demo;
  return o;
}
}  // namespace

TEST_CASE("a configured type base and domain replace the defaults", "[formats][catalog]") {
  CHECK(errcat::type_base_of(demo::catalog) == "https://errcat.example/problems/demo/");
  CHECK(errcat::error_domain(demo::catalog) == "demo.errcat.example");
  const errcat::entry& e = *demo::catalog.find("DEMO.0001");
  CHECK(errcat::problem_type(e) == "https://errcat.example/problems/demo/DEMO.0001#quota_percent");
  const errcat::error err = errcat::make(e, {{"used", 90}, {"limit", 100}, {"who", "ops"}});
  const nlohmann::json g = errcat::to_json(err, body_style::google);
  CHECK(g["error"]["details"][0]["domain"] == "demo.errcat.example");
  CHECK(g["error"]["details"][0]["metadata"]["used"] == "90");
  // A resolvable type is also the Help link.
  CHECK(g["error"]["details"][1]["links"][0]["url"] == errcat::problem_type(e));
}

TEST_CASE("entries sharing a code have distinct types and are read back each as itself",
          "[formats][catalog]") {
  for (const errcat::entry& e : demo::catalog) {
    for (body_style style : {body_style::problem, body_style::google}) {
      const std::string body = errcat::to_body(errcat::error(e), style);
      INFO(e.name << " " << body);
      const errcat::error back = errcat::parse_response(0, body, {}, demo_options());
      CHECK(back.entry() == &e);
      CHECK(back.status() == e.status);
    }
  }
  CHECK(errcat::problem_type(demo::catalog[2]) != errcat::problem_type(demo::catalog[3]));
}

TEST_CASE("the catalogs in the options bound what a type or ErrorInfo can name",
          "[formats][catalog]") {
  const errcat::entry& e = *demo::catalog.find("DEMO.0001");
  const std::string body = errcat::to_body(errcat::error(e), body_style::problem);
  // The bundled catalogs do not know the demo's base or code: the error stays unknown.
  const errcat::error elsewhere = errcat::parse_response(0, body);
  CHECK_FALSE(elsewhere.known());
  CHECK(elsewhere.code() == "DEMO.0001");
  CHECK(elsewhere.status() == 400);
}
