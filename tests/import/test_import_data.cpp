// The importer against the published tables: the IAM seed gives data/errors.json exactly,
// OTC's IAM page differs from it only where the two publications differ, and every one of
// the 68 OTC tables imports with the rows a careful reader counted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog_source.hpp"
#include "catch.hpp"
#include "compile.hpp"
#include "import.hpp"
#include "support/shared_data.hpp"

namespace imp = errcat::gen::import;

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

namespace {

const char* const seed_path = "seeds/000_db8f75f2fcf6f025.txt";
const char* const otc_iam_path =
    "data/otc/identity-access-management/api-ref/source/appendix/error_codes.rst";

nlohmann::json documented_iam() {
  return nlohmann::json::parse(slurp(std::string(ERRCAT_SOURCE_DIR) + "/data/errors.json"))
      .at("errors");
}

// One line of SOURCES.tsv.
struct source {
  std::string repo, path;
  std::size_t rows_counted = 0;
};

std::vector<source> sources(const std::filesystem::path& shared) {
  std::vector<source> out;
  std::istringstream in(slurp(shared / "data" / "otc" / "SOURCES.tsv"));
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string::npos;
         tab = line.find('\t', start)) {
      f.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    f.push_back(line.substr(start));
    if (f.size() >= 6) out.push_back({f[0], f[1], std::stoul(f[5])});
  }
  return out;
}

// Tables whose import differs from rows_counted by more than 2%: the rows imported and why
// (data/README.md lists them too).
struct exception {
  std::size_t imported;
  const char* why;
};
const std::map<std::string, exception> explained_exceptions = {
    {"optical-character-recognition/api-ref/source/common_parameters/error_codes.rst",
     {37,
      "rows_counted (38) includes the closing \"Other\" row, whose code cell is the sentence "
      "\"If other error codes cannot be rectified, contact technical support.\": a note, not an "
      "error code"}},
};

}  // namespace

TEST_CASE("importing the IAM seed text gives data/errors.json's rows in order", "[import][data]") {
  // The seed is one of the tables the tests keep a copy of (tests/data/shared/).
  const std::filesystem::path copy = std::filesystem::path(ERRCAT_SOURCE_DIR) / "tests/data/shared";
  const imp::import_result r = imp::read_tables(seed_path, slurp(copy / seed_path));
  for (const auto& d : r.diagnostics)
    UNSCOPED_INFO(d.str());
  REQUIRE(r.ok());
  const nlohmann::json documented = documented_iam();
  REQUIRE(documented.size() == 115);
  REQUIRE(r.rows.size() == documented.size());
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const imp::row& row = r.rows[i];
    CAPTURE(i, row.code, row.line);
    REQUIRE(row.status.has_value());
    CHECK(*row.status == documented[i].at("status").get<int>());
    CHECK(row.code == documented[i].at("code").get<std::string>());
    CHECK(row.message == documented[i].at("message").get<std::string>());
    CHECK(row.description == documented[i].at("description").get<std::string>());
    CHECK(row.remediation == documented[i].at("remediation").get<std::string>());
  }
}

TEST_CASE("OTC's IAM table differs from data/errors.json only where the publications differ",
          "[import][data]") {
  ERRCAT_SKIP_UNLESS_SHARED("data/otc/SOURCES.tsv");
  const std::filesystem::path shared = ERRCAT_SHARED_DIR;
  const std::string source_text = slurp(shared / otc_iam_path);
  const imp::import_result r = imp::read_tables(otc_iam_path, source_text);
  REQUIRE(r.ok());
  REQUIRE(r.rows.size() == 115);
  const nlohmann::json documented = documented_iam();

  // Walk both in order; OTC adds 1120 and lacks IAM.0065.
  std::vector<std::string> added, missing, differences;
  std::size_t i = 0, j = 0;
  while (i < r.rows.size() || j < documented.size()) {
    const std::string otc_code = i < r.rows.size() ? r.rows[i].code : std::string();
    const std::string doc_code =
        j < documented.size() ? documented[j].at("code").get<std::string>() : std::string();
    if (otc_code == "1120") {
      added.push_back(otc_code);
      ++i;
      continue;
    }
    if (doc_code == "IAM.0065") {
      missing.push_back(doc_code);
      ++j;
      continue;
    }
    REQUIRE(i < r.rows.size());
    REQUIRE(j < documented.size());
    const imp::row& row = r.rows[i++];
    const nlohmann::json& e = documented[j++];
    REQUIRE(row.code == e.at("code").get<std::string>());
    CHECK(row.status == e.at("status").get<int>());
    for (const auto& [field, value] :
         {std::pair{"message", &row.message}, std::pair{"description", &row.description},
          std::pair{"remediation", &row.remediation}}) {
      if (*value != e.at(field).get<std::string>()) differences.push_back(row.code + " " + field);
    }
  }
  CHECK(added == std::vector<std::string>{"1120"});
  CHECK(missing == std::vector<std::string>{"IAM.0065"});
  // Five messages (OTC writes "[input X]" without the space before "]" and says "JSON
  // object" and "attribute"), one description and one remediation.
  CHECK(differences == std::vector<std::string>{"IAM.1037 message", "IAM.1049 message",
                                                "IAM.1052 message", "IAM.1054 message",
                                                "IAM.1055 message", "IAM.1062 description",
                                                "IAM.1105 remediation"});
  const auto find = [&](std::string_view code) {
    return *std::find_if(r.rows.begin(), r.rows.end(),
                         [&](const imp::row& x) { return x.code == code; });
  };
  CHECK(find("IAM.1037").message ==
        "The number of resource URIs [input Resource uri size] must be greater than 0 and less "
        "than or equal to 20.");
  CHECK(find("IAM.1105").remediation == "Create an access key.");
  // Cells that differ only in markup read the same once it is removed.
  CHECK(source_text.find(
            "The value of **xuser_type** must be the same as that of **xdomain_type**.") !=
        std::string::npos);
  CHECK(find("1105").message ==
        "The value of xuser_type must be the same as that of xdomain_type.");
  CHECK(source_text.find("**X-Subject-Token** in the request is invalid.") != std::string::npos);
  CHECK(find("IAM.0009").description == "X-Subject-Token in the request is invalid.");
}

TEST_CASE("all 68 OTC tables import without error with the rows counted, in under 10 s",
          "[import][data]") {
  ERRCAT_SKIP_UNLESS_SHARED("data/otc/SOURCES.tsv");
  const std::filesystem::path shared = ERRCAT_SHARED_DIR;
  const std::vector<source> files = sources(shared);
  REQUIRE(files.size() == 68);
  std::size_t counted = 0, imported = 0;
  const auto start = std::chrono::steady_clock::now();
  std::printf("%-44s %-58s %8s %8s\n", "repo", "path", "counted", "imported");
  for (const source& s : files) {
    const std::string path = "data/otc/" + s.repo + "/" + s.path;
    const imp::import_result r = imp::read_tables(path, slurp(shared / path));
    CAPTURE(path);
    for (const auto& d : r.diagnostics)
      if (d.error) FAIL_CHECK(d.str());
    std::printf("%-44s %-58s %8zu %8zu\n", s.repo.c_str(), s.path.c_str(), s.rows_counted,
                r.rows.size());
    std::set<std::string> names;
    for (const imp::row& row : r.rows) {
      if (!names.insert(row.name).second || row.name.size() > 48 ||
          !errcat::gen::is_cpp_identifier(row.name)) {
        FAIL_CHECK("line " << row.line << ": name \"" << row.name << "\" is repeated or invalid");
      }
    }
    counted += s.rows_counted;
    imported += r.rows.size();
    const double off =
        s.rows_counted == 0
            ? static_cast<double>(r.rows.size())
            : std::abs(static_cast<double>(r.rows.size()) - static_cast<double>(s.rows_counted)) /
                  static_cast<double>(s.rows_counted);
    if (const auto e = explained_exceptions.find(s.repo + "/" + s.path);
        e != explained_exceptions.end()) {
      std::printf("%-44s %s\n", "", e->second.why);
      CHECK(r.rows.size() == e->second.imported);
    } else {
      CHECK(off <= 0.02);
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("total: %zu rows imported of %zu counted (%.2f%%) in %.2f s\n", imported, counted,
              100.0 * static_cast<double>(imported) / static_cast<double>(counted), seconds);
  CHECK(counted > 9000);
  CHECK(static_cast<double>(imported) >= 0.98 * static_cast<double>(counted));
  CHECK(seconds < 10.0);
}

TEST_CASE("every imported OTC catalog compiles with the generator's compile()", "[import][data]") {
  ERRCAT_SKIP_UNLESS_SHARED("data/otc/SOURCES.tsv");
  const std::filesystem::path shared = ERRCAT_SHARED_DIR;
  std::size_t valid = 0, catalogs = 0;
  for (const source& s : sources(shared)) {
    const std::string path = "data/otc/" + s.repo + "/" + s.path;
    const imp::import_result r = imp::read_tables(path, slurp(shared / path));
    if (r.rows.empty()) continue;  // data-lake-insight: no code table
    imp::catalog_options options;
    options.service = "otc";
    options.default_status = 400;  // volume-backup-service and OCR document none
    const imp::written_catalog w = imp::write_catalog(r.rows, options);
    CAPTURE(path);
    REQUIRE_FALSE(w.json.empty());
    ++catalogs;
    errcat::gen::compile_options compile;
    compile.file = path;
    compile.emit = false;
    const errcat::gen::compile_result c = errcat::gen::compile(w.json, compile);
    if (c.ok()) ++valid;
    for (const std::string& e : c.diagnostics.texts())
      FAIL_CHECK(e);
  }
  std::printf("%zu of %zu imported catalogs compile\n", valid, catalogs);
  CHECK(catalogs == 67);
  CHECK(valid == catalogs);
}
