// Names and retry classes of imported rows.
#include <set>
#include <string>
#include <vector>

#include "catch.hpp"
#include "import.hpp"

namespace imp = errcat::gen::import;

namespace {

imp::row make_row(int status, std::string code, std::string message, std::string description,
                  std::string remediation = {}) {
  imp::row r;
  r.status = status;
  r.code = std::move(code);
  r.message = std::move(message);
  r.description = std::move(description);
  r.remediation = std::move(remediation);
  return r;
}

}  // namespace

TEST_CASE("names come from the description, or the message when it is empty or generic",
          "[import][names]") {
  std::vector<imp::row> rows = {
      make_row(404, "Ecs.0114", "The ECS does not exist.", "The ECS does not exist."),
      make_row(400, "Ecs.0001", "Quota of %s exceeded.", ""),
      make_row(500, "DBS.1", "Disk full.", "Server failure."),
      make_row(500, "DBS.2", "Memory low.", "Server failure."),
      make_row(400, "IAM.0072", "'%(key)s' is a required property.", "Parameter {0} is missing."),
  };
  imp::assign_names(rows);
  CHECK(rows[0].name == "ecs_does_not_exist");
  CHECK(rows[1].name == "quota_exceeded");
  CHECK(rows[2].name == "disk_full");  // "Server failure." is shared, so the message names it
  CHECK(rows[3].name == "memory_low");
  CHECK(rows[4].name == "parameter_missing");
}

TEST_CASE("names are unique snake_case identifiers of at most 48 bytes, the same on every import",
          "[import][names]") {
  std::vector<imp::row> rows = {
      make_row(400, "A.1", "x", "Invalid parameter."),
      make_row(400, "A.2", "y", "Invalid parameter."),
      make_row(400, "A.2", "z", "Invalid parameter."),
      make_row(409, "A.2", "z", "Invalid parameter."),
      make_row(400, "A.3", "w", "The delete"),
      make_row(400, "A.4", "v",
               "A very long description that goes on and on about what went wrong in the "
               "request"),
      make_row(400, "A.5", "u", "2 nodes are down."),
      make_row(400, "A.6", "", ""),
  };
  // Messages differ, so the shared description is generic: names come from the messages.
  for (auto& r : rows)
    if (r.description == "Invalid parameter.") r.message = "Invalid parameter.";
  std::vector<imp::row> again = rows;
  imp::assign_names(rows);
  imp::assign_names(again);
  std::set<std::string> names;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(i, rows[i].name);
    CHECK(rows[i].name == again[i].name);
    CHECK(rows[i].name.size() <= 48);
    CHECK(names.insert(rows[i].name).second);
  }
  CHECK(rows[0].name == "invalid_parameter");
  CHECK(rows[1].name == "invalid_parameter_a_2");
  CHECK(rows[2].name == "invalid_parameter_a_2_400");
  CHECK(rows[3].name == "invalid_parameter_a_2_409");
  CHECK(rows[4].name == "delete_error");  // a keyword alone is not a name
  CHECK(rows[5].name == "very_long_description_goes_and_about_what_went");
  CHECK(rows[6].name == "error_2_nodes_down");
  CHECK(rows[7].name == "error");
}

TEST_CASE("codes without a letter or digit still give names without a doubled underscore",
          "[import][names]") {
  // Found by fuzz_import: such a code's slug is empty, and "_" + "_2" made a reserved name.
  std::vector<imp::row> rows = {
      make_row(400, "+--+", "Invalid email address.", "Invalid email address."),
      make_row(400, "+---+", "Invalid email address.", "Invalid email address."),
      make_row(400, "---", "Invalid email address.", "Invalid email address."),
  };
  imp::assign_names(rows);
  CHECK(rows[0].name == "invalid_email_address");
  CHECK(rows[1].name == "invalid_email_address_400");
  CHECK(rows[2].name == "invalid_email_address_2");
  for (const imp::row& r : rows)
    CHECK(r.name.find("__") == std::string::npos);
}

TEST_CASE("rows sharing a code too long for a name still get unique names, and naming ends",
          "[import][names]") {
  // A 60-byte code: its slug alone fills a name, so a number after it would be cut off.
  // Found by fuzz_import, where this used to loop for ever.
  const std::string code(60, 'E');
  std::vector<imp::row> rows;
  for (int i = 0; i < 5; ++i)
    rows.push_back(make_row(400, code, "Instance does not exist.", "Instance does not exist."));
  imp::assign_names(rows);
  std::set<std::string> names;
  for (const imp::row& r : rows) {
    CAPTURE(r.name);
    CHECK(r.name.size() <= 48);
    CHECK(names.insert(r.name).second);
  }
  CHECK(rows[0].name == "instance_does_not_exist");
  CHECK(rows[3].name.ends_with("_3"));
}

TEST_CASE("an overrides file wins, by status and code before code alone", "[import][names]") {
  std::vector<imp::diagnostic> diagnostics;
  const auto overrides = imp::parse_name_overrides(
      "names.json", R"({"A.1": "first", "409 A.2": "conflict", "A.2": "second"})", diagnostics);
  REQUIRE(overrides.has_value());
  std::vector<imp::row> rows = {make_row(400, "A.1", "x", "first thing"),
                                make_row(400, "A.2", "y", "first"),
                                make_row(409, "A.2", "z", "other")};
  imp::assign_names(rows, *overrides);
  CHECK(rows[0].name == "first");
  CHECK(rows[1].name == "second");
  CHECK(rows[2].name == "conflict");

  CHECK_FALSE(imp::parse_name_overrides("bad.json", R"({"A.1": "Not A Name"})", diagnostics));
  CHECK_FALSE(imp::parse_name_overrides("bad.json", "[1]", diagnostics));
  CHECK_FALSE(imp::parse_name_overrides("bad.json", "{", diagnostics));
  REQUIRE(diagnostics.size() == 3);
  CHECK(diagnostics[0].str() ==
        "bad.json: error: the name for \"A.1\" must be a snake_case C++ identifier of at most 48 "
        "bytes");
}

TEST_CASE("the retry class follows the wording and the status", "[import][retry]") {
  CHECK(imp::infer_retry(make_row(400, "A", "Bad input.", "")) == "never");
  CHECK(imp::infer_retry(make_row(400, "A", "Busy.", "", "Please try again later.")) == "backoff");
  CHECK(imp::infer_retry(make_row(400, "A", "Flow control triggered.", "")) == "throttled");
  CHECK(imp::infer_retry(make_row(403, "A", "Request throttled.", "")) == "throttled");
  CHECK(imp::infer_retry(make_row(429, "A", "Slow down.", "")) == "throttled");
  CHECK(imp::infer_retry(make_row(501, "A", "Not implemented.", "")) == "backoff");
  CHECK(imp::infer_retry(make_row(503, "A", "Too many requests.", "")) == "throttled");
}
