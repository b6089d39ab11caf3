// The catalog JSON write_catalog() produces, checked by the generator's own compile().
#include <string>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "compile.hpp"
#include "import.hpp"

namespace imp = errcat::gen::import;

namespace {

// The generator's compile(), as errcat-gen and `errcat lint` run it, without writing.
errcat::gen::compile_result compile(const std::string& json) {
  errcat::gen::compile_options options;
  options.file = "imported.json";
  options.emit = false;
  return errcat::gen::compile(json, options);
}

const char* const table =
    "| Status Code | Error Code | Error Message | Description | Solution |\n"
    "|---|---|---|---|---|\n"
    "| 404 | Ecs.0114 | The ECS does not exist. | The ECS does not exist. | Check the ID. |\n"
    "| 400/409 | Ecs.0001 | Quota for project %s at 100% of disk %s. | Quota exceeded. | Try again "
    "later. |\n"
    "| 400 | IAM.0072 | '%(key)s' is a required property. | Missing. | Add it. |\n"
    "| 400 | Ecs.0002 | The id {id} differs from ID %s and %s. | Mismatch. | Fix it. |\n"
    "| 301 | Moved | Permanent redirect. | Moved. | Follow it. |\n"
    "| N/A | Loose.1 | No status given. | Unknown. | None. |\n";

}  // namespace

TEST_CASE("a written catalog is one errcat-gen accepts, one entry per documented status",
          "[import][writer]") {
  const imp::import_result r = imp::read_tables("ecs.md", table);
  REQUIRE(r.ok());
  imp::catalog_options options;
  options.service = "ecs";
  options.title = "ECS error codes";
  options.source = "ecs.md";
  options.write_retry = false;
  const imp::written_catalog w = imp::write_catalog(r.rows, options);
  REQUIRE_FALSE(w.json.empty());
  const errcat::gen::compile_result compiled = compile(w.json);
  for (const auto& e : compiled.diagnostics.texts())
    UNSCOPED_INFO(e);
  REQUIRE(compiled.ok());
  CHECK(compiled.catalog->cpp_namespace == "errcat::ecs");
  // Codes with several prefixes: the most used keeps readable errc values.
  CHECK(nlohmann::json::parse(w.json).at("errc_prefix") == "Ecs");
  REQUIRE(w.entries == 5);
  const auto doc = nlohmann::json::parse(w.json);
  const auto& e = doc.at("errors");
  CHECK(e[1].at("status") == 400);
  CHECK(e[2].at("status") == 409);
  CHECK(e[2].at("code") == "Ecs.0001");
  CHECK(e[2].at("name") == e[1].at("name").get<std::string>() + "_409");
  // The text is kept as documented ("100%" is prose to the generator); positional
  // placeholders are named after the word before them.
  CHECK(e[1].at("message") == "Quota for project %s at 100% of disk %s.");
  CHECK(e[1].at("params") == nlohmann::json({"project", "disk"}));
  CHECK(e[3].at("message") == "'%(key)s' is a required property.");
  CHECK_FALSE(e[3].contains("params"));
  // Positional names never merge with a named parameter or with each other.
  CHECK(e[4].at("params") == nlohmann::json({"id_2", "value"}));
  // The 301 row and the row without a status are left out, each with a warning.
  REQUIRE(w.diagnostics.size() == 2);
  CHECK(w.diagnostics[0].str() ==
        "ecs.md:7: warning: code Moved is documented with status 301, not an error status "
        "(400-599) a catalog holds; it is left out");
  CHECK(w.diagnostics[1].str() ==
        "ecs.md:8: warning: code Loose.1 has no status; it is left out (give a default status)");
}

TEST_CASE("a default status takes the place of a missing one", "[import][writer]") {
  const imp::import_result r = imp::read_tables("ecs.md", table);
  imp::catalog_options options;
  options.default_status = 500;
  options.write_retry = false;
  const imp::written_catalog w = imp::write_catalog(r.rows, options);
  const auto doc = nlohmann::json::parse(w.json);
  CHECK(doc.at("errors").back().at("code") == "Loose.1");
  CHECK(doc.at("errors").back().at("status") == 500);
}

TEST_CASE("rows that cannot make a catalog give an error, not an empty one", "[import][writer]") {
  const imp::written_catalog w = imp::write_catalog({}, {});
  CHECK(w.json.empty());
  REQUIRE(w.diagnostics.size() == 1);
  CHECK(w.diagnostics[0].error);
}

TEST_CASE("a retry class is written where it differs from the one the status implies",
          "[import][writer]") {
  const imp::import_result r = imp::read_tables("ecs.md", table);
  const imp::written_catalog w = imp::write_catalog(r.rows, {});
  REQUIRE(compile(w.json).ok());
  const auto doc = nlohmann::json::parse(w.json);
  const auto& e = doc.at("errors");
  CHECK_FALSE(e[0].contains("retry"));   // 404, nothing said: never, as the status implies
  CHECK(e[1].at("retry") == "backoff");  // 400, but "Try again later."
  CHECK(e[2].at("retry") == "backoff");
}

TEST_CASE("a response documented twice becomes one entry that keeps both explanations",
          "[import][writer]") {
  const imp::import_result r =
      imp::read_tables("vpc.md",
                       "| Status Code | Error Code | Message | Description | Handling Measure |\n"
                       "|---|---|---|---|---|\n"
                       "| 400 | VPC.1801 | Tag length is invalid. | Invalid key length. | Use a "
                       "valid key. |\n"
                       "| 400 | VPC.1801 | Tag length is invalid. | Invalid value length. | Use "
                       "a valid value. |\n"
                       "| 400 | VPC.1801 | Tag length is invalid. | Invalid key length. | Use a "
                       "valid key. |\n");
  REQUIRE(r.rows.size() == 3);
  const imp::written_catalog w = imp::write_catalog(r.rows, {});
  REQUIRE(w.entries == 1);
  const auto e = nlohmann::json::parse(w.json).at("errors").at(0);
  CHECK(e.at("description") == "Invalid key length. Or: Invalid value length.");
  CHECK(e.at("remediation") == "Use a valid key. Or: Use a valid value.");
  REQUIRE(w.diagnostics.size() == 2);
  CHECK(w.diagnostics[0].str() ==
        "vpc.md:4: warning: code VPC.1801 repeats status 400 and message of vpc.md:3; its "
        "description and remediation are added to that entry's");
  CHECK(w.diagnostics[1].str() ==
        "vpc.md:5: warning: code VPC.1801 repeats status 400 and message of vpc.md:3; it is left "
        "out as a copy");
}

TEST_CASE("a percent sign the generator would take for a conversion is written %%",
          "[import][writer]") {
  const imp::import_result r =
      imp::read_tables("p.md",
                       "| Status Code | Error Code | Error Message |\n|---|---|---|\n"
                       "| 400 | P.1 | Use %x or %(bad) here, 50% off. |\n");
  REQUIRE(r.rows.size() == 1);
  const imp::written_catalog w = imp::write_catalog(r.rows, {});
  const auto e = nlohmann::json::parse(w.json).at("errors").at(0);
  CHECK(e.at("message") == "Use %%x or %%(bad) here, 50%% off.");
  CHECK(compile(w.json).ok());
  CHECK_FALSE(nlohmann::json::parse(w.json).contains("errc_prefix"));  // one prefix: the default
}
