// The data can never drift from the documentation: every row and field of the seed table
// and of the gateway table is checked against data/*.json and against the compiled
// catalogs. The documented tables are copied under tests/data/shared/ (so a plain clone
// runs these tests); the copies are checked against ERRCAT_SHARED_DIR when it is there.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "support/shared_data.hpp"

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  INFO("reading " << path);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A documented table, as copied into the repository from the shared data.
std::string reference(const std::string& relative) {
  return slurp(std::string(ERRCAT_SOURCE_DIR) + "/tests/data/shared/" + relative);
}

const char* const seed_file = "seeds/000_db8f75f2fcf6f025.txt";
const char* const apigw_file = "data/apigw-error-codes.json";

struct row {
  int status;
  std::string code, message, description, remediation;
};

// The seed is the documentation page as text: a header, then each row as five lines
// (status, code, message, description, measure), each ending in " |".
std::vector<row> parse_seed(const std::string& text) {
  std::vector<std::string> cells;
  std::istringstream in(text);
  std::string line;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line == "---|---|---|---|---|") {
      in_table = true;
      continue;
    }
    if (!in_table) continue;
    if (line.size() < 2 || line.compare(line.size() - 2, 2, " |") != 0) break;
    cells.push_back(line.substr(0, line.size() - 2));
  }
  REQUIRE(cells.size() % 5 == 0);
  std::vector<row> rows;
  for (std::size_t i = 0; i < cells.size(); i += 5) {
    rows.push_back({std::stoi(cells[i]), cells[i + 1], cells[i + 2], cells[i + 3], cells[i + 4]});
  }
  return rows;
}

}  // namespace

TEST_CASE("data/errors.json matches the documented IAM table row by row", "[data]") {
  const std::vector<row> seed = parse_seed(reference(seed_file));
  const auto json =
      nlohmann::json::parse(slurp(std::string(ERRCAT_SOURCE_DIR) + "/data/errors.json"));
  const auto& errors = json.at("errors");
  REQUIRE(seed.size() == 115);
  REQUIRE(errors.size() == seed.size());
  CHECK(json.at("service") == "iam");
  CHECK(json.at("namespace") == "errcat::iam");
  for (std::size_t i = 0; i < seed.size(); ++i) {
    CAPTURE(i, seed[i].code);
    CHECK(errors[i].at("status") == seed[i].status);
    CHECK(errors[i].at("code") == seed[i].code);
    CHECK(errors[i].at("message") == seed[i].message);
    CHECK(errors[i].at("description") == seed[i].description);
    CHECK(errors[i].at("remediation") == seed[i].remediation);
  }
}

TEST_CASE("the compiled IAM catalog matches the documented table row by row", "[data]") {
  const std::vector<row> seed = parse_seed(reference(seed_file));
  REQUIRE(errcat::iam::catalog.size() == seed.size());
  for (std::size_t i = 0; i < seed.size(); ++i) {
    const errcat::entry& e = errcat::iam::catalog[i];
    CAPTURE(i, seed[i].code);
    CHECK(e.status == seed[i].status);
    CHECK(e.code == seed[i].code);
    CHECK(e.message == seed[i].message);
    CHECK(e.description == seed[i].description);
    CHECK(e.remediation == seed[i].remediation);
  }
  // Spot checks of the characters most easily lost.
  CHECK(errcat::iam::catalog.find("IAM.1021")->message ==
        "The size [input policySize] of the policy exceeds 6,144 characters.");
  CHECK(errcat::iam::catalog.find("IAM.1037")->message.find("[input Resource uri size ]") !=
        std::string_view::npos);
  CHECK(errcat::iam::catalog.find("IAM.0072")->message == "'%(key)s' is a required property.");
}

TEST_CASE("the compiled gateway catalog matches the documented table row by row", "[data][apigw]") {
  const auto doc = nlohmann::json::parse(reference(apigw_file));
  const auto ours =
      nlohmann::json::parse(slurp(std::string(ERRCAT_SOURCE_DIR) + "/data/apigw.json"));
  REQUIRE(doc.size() == 71);
  REQUIRE(ours.at("errors").size() == 71);
  REQUIRE(errcat::apigw::catalog.size() == 71);
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const errcat::entry& e = errcat::apigw::catalog[i];
    CAPTURE(i, doc[i].at("code").get<std::string>());
    for (const char* field : {"status", "code", "message", "description", "remediation"}) {
      CHECK(ours.at("errors")[i].at(field) == doc[i].at(field));
    }
    CHECK(e.status == doc[i].at("status").get<int>());
    CHECK(e.code == doc[i].at("code").get<std::string>());
    CHECK(e.message == doc[i].at("message").get<std::string>());
    CHECK(e.description == doc[i].at("description").get<std::string>());
    CHECK(e.remediation == doc[i].at("remediation").get<std::string>());
  }
}

TEST_CASE("every entry has a unique name and the params the schema requires", "[data]") {
  for (const errcat::catalog* c : {&errcat::iam::catalog, &errcat::apigw::catalog}) {
    for (const errcat::entry& e : *c) {
      CAPTURE(e.code, e.name);
      CHECK(c->find_name(e.name) == &e);
      CHECK_FALSE(e.segments.empty());
    }
  }
}

TEST_CASE("the copies of the documented tables under tests/data/shared are the shared ones",
          "[data]") {
  for (const char* file : {seed_file, apigw_file}) {
    CAPTURE(file);
    ERRCAT_SKIP_UNLESS_SHARED(file);
    CHECK(reference(file) == slurp(errcat_shared_path(file)));
  }
}
