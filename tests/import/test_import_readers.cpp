// The table readers: each format's tables, cells and markup, columns by header text, and
// bad input reported with its file and line.
#include <chrono>
#include <string>

#include "catch.hpp"
#include "import.hpp"

namespace imp = errcat::gen::import;

namespace {

// The diagnostics as "line: text" lines, for messages and checks.
std::string diagnostics(const imp::import_result& r) {
  std::string s;
  for (const auto& d : r.diagnostics)
    s += d.str() + "\n";
  return s;
}

const char* const grid =
    "Error Codes\n"
    "===========\n"
    "\n"
    "+-------------+-----------+------------------------+-------------------+------------------+\n"
    "| HTTP Status | Error     | Error Message          | Description       | Handling Measure |\n"
    "| Code        | Code      |                        |                   |                  |\n"
    "+=============+===========+========================+===================+==================+\n"
    "| 404         | Ecs.0114  | The ECS does not       | The **ECS** does  | Check the ``id`` |\n"
    "|             |           | exist.                 | not exist.        | and *retry*.     |\n"
    "+-------------+-----------+------------------------+-------------------+------------------+\n"
    "| 400/409     | Ecs.0001  | Quota of %s exceeded.  | .. note::         | See `the guide   |\n"
    "|             |           |                        |                   | <https://x.y>`__ |\n"
    "|             |           |                        |    Quota is low.  |                  |\n"
    "+-------------+-----------+------------------------+-------------------+------------------+\n";

}  // namespace

TEST_CASE("a grid table's multi-line cells are joined with single spaces and markup removed",
          "[import][rst]") {
  const imp::import_result r = imp::read_tables("ecs.rst", grid);
  INFO(diagnostics(r));
  REQUIRE(r.ok());
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].status == 404);
  CHECK(r.rows[0].code == "Ecs.0114");
  CHECK(r.rows[0].message == "The ECS does not exist.");
  CHECK(r.rows[0].description == "The ECS does not exist.");
  CHECK(r.rows[0].remediation == "Check the id and retry.");
  CHECK(r.rows[0].line == 8);
  CHECK(r.rows[1].status == 400);
  CHECK(r.rows[1].more_statuses == std::vector<int>{409});
  CHECK(r.rows[1].message == "Quota of %s exceeded.");
  CHECK(r.rows[1].description == "Quota is low.");
  CHECK(r.rows[1].remediation == "See the guide");
  REQUIRE(r.tables.size() == 1);
  CHECK(r.tables[0].fields ==
        std::vector<std::string>{"status", "code", "message", "description", "remediation"});
}

TEST_CASE("grid positions count characters, so UTF-8 text lines up", "[import][rst]") {
  const char* const text =
      "+------+--------+\n"
      "| Code | Error  |\n"
      "+======+========+\n"
      "| A.1  | a — b  |\n"
      "+------+--------+\n";
  const imp::import_result r = imp::read_tables("t.rst", text);
  INFO(diagnostics(r));
  REQUIRE(r.ok());
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].message == "a — b");
}

TEST_CASE("a cell spanning two rows belongs to both, one spanning columns to its first",
          "[import][rst]") {
  const char* const text =
      "+--------+------+---------+\n"
      "| Status | Code | Message |\n"
      "+========+======+=========+\n"
      "| 500    | X.1  | one     |\n"
      "|        +------+---------+\n"
      "|        | X.2  | two     |\n"
      "+--------+------+---------+\n"
      "| 400    | X.3  | wide    |\n"
      "|        |      | text    |\n"
      "+--------+------+---------+\n";
  const imp::import_result r = imp::read_tables("t.rst", text);
  INFO(diagnostics(r));
  REQUIRE(r.ok());
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0].status == 500);
  CHECK(r.rows[1].status == 500);
  CHECK(r.rows[1].code == "X.2");
  CHECK(r.rows[2].message == "wide text");
}

TEST_CASE("a list-table is read with its header rows and multi-line cells", "[import][rst]") {
  const char* const text =
      ".. list-table:: Errors\n"
      "   :header-rows: 1\n"
      "   :widths: 10 10 30\n"
      "\n"
      "   * - Error Code\n"
      "     - Status Code\n"
      "     - Error Information\n"
      "   * - KMS.0201\n"
      "     - 400\n"
      "     - The key is\n"
      "       **disabled**.\n"
      "   * - KMS.0202\n"
      "     - 429\n"
      "     - Too many requests.\n";
  const imp::import_result r = imp::read_tables("kms.rst", text);
  INFO(diagnostics(r));
  REQUIRE(r.ok());
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].code == "KMS.0201");
  CHECK(r.rows[0].status == 400);
  CHECK(r.rows[0].message == "The key is disabled.");
  CHECK(r.rows[0].line == 8);
  CHECK(r.rows[1].retry == "throttled");
}

TEST_CASE("several tables in one file are all read; one without a code column is reported",
          "[import][rst]") {
  const std::string text = std::string(
                               "+----------+-------------+\n"
                               "| Glossary | Description |\n"
                               "+==========+=============+\n"
                               "| ECS      | a server    |\n"
                               "+----------+-------------+\n\n") +
                           grid;
  const imp::import_result r = imp::read_tables("two.rst", text);
  CHECK(r.ok());
  CHECK(r.rows.size() == 2);
  REQUIRE(r.tables.size() == 2);
  CHECK_FALSE(r.tables[0].used);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK_FALSE(r.diagnostics[0].error);
  CHECK(r.diagnostics[0].line == 1);
  CHECK(r.diagnostics[0].str().find("two.rst:1: warning: the table's header (\"Glossary\", "
                                    "\"Description\") has no error-code column") == 0);
}

TEST_CASE("a Markdown pipe table is read with escaped pipes and inline markup removed",
          "[import][md]") {
  const char* const text =
      "# Errors\n"
      "\n"
      "| Error Code | Status Code | Error Message | Solution |\n"
      "|:-----------|------------:|---------------|----------|\n"
      "| `APP.0001` | 503 | Backend **busy**: a \\| b | [Retry](https://x) later. |\n"
      "| APP.0002 | 400 | Bad _input_. | Fix it. |\n"
      "\n"
      "Text after.\n";
  const imp::import_result r = imp::read_tables("app.md", text);
  INFO(diagnostics(r));
  REQUIRE(r.ok());
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].code == "APP.0001");
  CHECK(r.rows[0].status == 503);
  CHECK(r.rows[0].message == "Backend busy: a | b");
  CHECK(r.rows[0].remediation == "Retry later.");
  CHECK(r.rows[0].retry == "backoff");
  CHECK(r.rows[1].message == "Bad input.");
  CHECK(r.rows[1].line == 6);
}

TEST_CASE("an HTML table is read with tags and entities removed", "[import][html]") {
  const char* const text =
      "<html><body><p>Codes</p>\n"
      "<table class=\"x\">\n"
      "<thead><tr><th>Status Code</th><th>Error Code</th><th>Error Message</th></tr></thead>\n"
      "<tbody>\n"
      "<tr><td>401</td><td>AUTH.0001</td><td>Token <b>expired</b> &amp; <br/>invalid &#8212; "
      "&lt;id&gt;</td></tr>\n"
      "<tr><td>404</td><td>AUTH.0002</td><td>Not\n found.</td></tr>\n"
      "<tr><td colspan=\"3\">Common errors</td></tr>\n"
      "</tbody></table></body></html>\n";
  const imp::import_result r = imp::read_tables("auth.html", text);
  INFO(diagnostics(r));
  REQUIRE(r.ok());
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].message == "Token expired & invalid \u2014 <id>");
  CHECK(r.rows[0].line == 5);
  CHECK(r.rows[1].message == "Not found.");
  // A cell spanning the row (a section heading) has no code: a warning, not a broken row.
  CHECK(diagnostics(r) == "auth.html:8: warning: the row has no error code, so it is not read\n");
}

TEST_CASE("the text dump has one cell per line, each ending in \" |\"", "[import][text]") {
  const char* const text =
      "Error Codes\n"
      "Status Code |\n"
      "Error Code |\n"
      "Error Message |\n"
      "---|---|---|\n"
      "400 |\n"
      "1100 |\n"
      "Mandatory parameters are not specified. |\n"
      "401 |\n"
      "IAM.0001 |\n"
      "A message over\n"
      "two lines. |\n"
      "Feedback\n";
  const imp::import_result r = imp::read_tables("seed.txt", text);
  INFO(diagnostics(r));
  REQUIRE(r.ok());
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].message == "Mandatory parameters are not specified.");
  CHECK(r.rows[1].message == "A message over two lines.");
  CHECK(r.rows[1].line == 9);
}

TEST_CASE("the format is guessed from the extension, else from the content", "[import]") {
  CHECK(imp::guess_format("a.RST", "") == imp::table_format::rst);
  CHECK(imp::guess_format("a.md", "") == imp::table_format::markdown);
  CHECK(imp::guess_format("a.htm", "") == imp::table_format::html);
  CHECK(imp::guess_format("-", "<TABLE><tr><td>x</td></tr></TABLE>") == imp::table_format::html);
  CHECK(imp::guess_format("-", "x\n+---+\n| a |\n+---+\n") == imp::table_format::rst);
  CHECK(imp::guess_format("-", "| a | b |\n|---|---|\n| 1 | 2 |\n") == imp::table_format::markdown);
  CHECK(imp::guess_format("-", "a |\nb |\n---|---|\n") == imp::table_format::text);
  CHECK(imp::parse_format("md") == imp::table_format::markdown);
  CHECK_FALSE(imp::parse_format("pdf").has_value());
}

TEST_CASE("bad input is an error naming the file and line, never a crash", "[import][errors]") {
  SECTION("a row with a differing number of cells") {
    const imp::import_result r = imp::read_tables(
        "bad.md", "| Error Code | Error Message |\n|---|---|\n| A.1 | x |\n| A.2 | y | z |\n");
    REQUIRE_FALSE(r.ok());
    CHECK(diagnostics(r).find(
              "bad.md:4: error: the row has 3 cells but the table header (line 1) has 2") !=
          std::string::npos);
  }
  SECTION("a cell running past the grid") {
    const imp::import_result r = imp::read_tables("bad.rst",
                                                  "+------+-----+\n"
                                                  "| Code | Msg |\n"
                                                  "+======+=====+\n"
                                                  "| A.1  | too long |\n"
                                                  "+------+-----+\n");
    REQUIRE_FALSE(r.ok());
    CHECK(diagnostics(r).find("bad.rst:4: error: the text runs past the grid's right edge") !=
          std::string::npos);
  }
  SECTION("text across a column line") {
    const imp::import_result r = imp::read_tables("bad.rst",
                                                  "+------+-----+\n"
                                                  "| Code | Msg |\n"
                                                  "+======+=====+\n"
                                                  "| A.1  | x   |\n"
                                                  "| A.1 xxx y  |\n"
                                                  "+------+-----+\n");
    REQUIRE_FALSE(r.ok());
    CHECK(diagnostics(r).find("bad.rst:5: error: the text of column 1 runs across the grid line") !=
          std::string::npos);
  }
  SECTION("a table that is never closed") {
    const imp::import_result r = imp::read_tables("bad.rst",
                                                  "+------+-----+\n"
                                                  "| Code | Msg |\n"
                                                  "+======+=====+\n"
                                                  "| A.1  | x   |\n");
    REQUIRE_FALSE(r.ok());
    CHECK(diagnostics(r).find("bad.rst:4: error: the table ends inside a row") !=
          std::string::npos);
  }
  SECTION("a header row with no code column") {
    const imp::import_result r =
        imp::read_tables("nocode.md", "| Status | Message |\n|---|---|\n| 400 | x |\n");
    CHECK(r.rows.empty());
    CHECK(diagnostics(r).find("nocode.md:1: warning: the table's header (\"Status\", \"Message\") "
                              "has no error-code column") != std::string::npos);
  }
  SECTION("binary data") {
    const imp::import_result r = imp::read_tables("bin.rst", std::string("+--+\n\0\x01\x02", 8));
    REQUIRE_FALSE(r.ok());
    CHECK(diagnostics(r).find("bin.rst:2: error: the file holds binary data") != std::string::npos);
  }
  SECTION("an empty file") {
    const imp::import_result r = imp::read_tables("empty.md", " \n\n");
    REQUIRE_FALSE(r.ok());
    CHECK(diagnostics(r) == "empty.md: error: the file is empty\n");
  }
  SECTION("a file without any table") {
    const imp::import_result r = imp::read_tables("prose.md", "Just words.\n");
    REQUIRE_FALSE(r.ok());
    CHECK(diagnostics(r) == "prose.md: error: found no Markdown pipe table\n");
  }
  SECTION("a text dump whose last row is short") {
    const imp::import_result r = imp::read_tables(
        "short.txt", "Error Code |\nError Message |\n---|---|\nA.1 |\nx |\nA.2 |\n");
    REQUIRE_FALSE(r.ok());
    CHECK(diagnostics(r).find("short.txt:6: error: the last row has 1 cells") != std::string::npos);
  }
}

TEST_CASE("markup that never closes costs time in proportion to its length", "[import][errors]") {
  std::string stars;
  for (int i = 0; i < 10000; ++i)
    stars += "*a `b ``c **d ";
  const auto start = std::chrono::steady_clock::now();
  const imp::import_result md = imp::read_tables(
      "long.md", "| Error Code | Error Message |\n|---|---|\n| A.1 | " + stars + "|\n");
  const imp::import_result rst = imp::read_tables(
      "long.rst",
      ".. list-table::\n\n   * - Error Code\n     - Error Message\n   * - A.1\n     - " + stars +
          "\n");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(md.rows.size() == 1);
  REQUIRE(rst.rows.size() == 1);
  CHECK(md.rows[0].message.size() > 100000);  // its backtick pairs are code spans
  CHECK(rst.rows[0].message.size() > 130000);
  CHECK(seconds < 2.0);  // quadratic scanning would take minutes
}

TEST_CASE("columns are found by header text in any order; other columns are not read", "[import]") {
  const imp::import_result r = imp::read_tables(
      "wiki.md",
      "| Module | Suggestion | Details | HTTP Status | Code |\n"
      "|---|---|---|---|---|\n"
      "| Orders | Retry later. | The queue is full. | 503 Service Unavailable | ORD-7 |\n");
  REQUIRE(r.ok());
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].code == "ORD-7");
  CHECK(r.rows[0].status == 503);
  CHECK(r.rows[0].status_text == "503 Service Unavailable");
  CHECK(r.rows[0].message.empty());  // no message column: the message stays empty
  CHECK(r.rows[0].description == "The queue is full.");
  CHECK(r.rows[0].remediation == "Retry later.");
  CHECK(r.tables.at(0).fields ==
        std::vector<std::string>{"", "remediation", "description", "status", "code"});
}
