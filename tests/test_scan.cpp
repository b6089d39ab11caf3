// errcat::scanner: error bodies found in logs, whatever the chunking, in bounded memory.
#include <errcat/scan.hpp>

#include <cstddef>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "catch.hpp"

namespace {

std::string debug_log() {
  std::ifstream in(std::string(ERRCAT_SOURCE_DIR) + "/tests/field/debug-log.txt", std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<errcat::scan_find> scan_in_chunks(std::string_view text, std::size_t chunk) {
  errcat::scanner s;
  std::vector<errcat::scan_find> out;
  for (std::size_t i = 0; i < text.size(); i += chunk)
    s.feed(text.substr(i, chunk), out);
  s.finish();
  return out;
}

}  // namespace

TEST_CASE("the field debug log yields its three errors, whatever the chunk size", "[scan]") {
  const std::string log = debug_log();
  for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{64}, log.size()}) {
    INFO("chunk " << chunk);
    const auto finds = scan_in_chunks(log, chunk);
    REQUIRE(finds.size() == 3);
    CHECK(finds[0].err.entry()->code == "IAM.0005");
    CHECK(finds[0].err.status() == 409);
    CHECK(finds[0].err.value_of("type") == "group");
    CHECK(finds[0].line == 3);
    CHECK(log.substr(finds[0].offset, 10) == "{\"error\": ");
    CHECK(finds[1].err.entry()->code == "IAM.0004");
    CHECK(finds[1].err.status() == 0);  // the line before states it; the body's line does not
    CHECK(finds[1].err.value_of("target_id") == "3e8f0a1c");
    CHECK(finds[1].line == 8);
    CHECK(finds[2].err.entry()->code == "APIG.0101");
    CHECK(finds[2].err.code() == "APIGW.0101");
    CHECK(finds[2].err.request_id() == "d2a9f03c6b1e4e57a8c0f9b3e4d2c1a6");
  }
}

TEST_CASE("a body inside a quoted string is found and unescaped", "[scan]") {
  const auto finds = errcat::scanner::scan(
      R"(level=debug status=404 body="{\"error_msg\":\"Could not find user: a\\\"b.\",)"
      R"(\"error_code\":\"IAM.0004\"}" next)");
  REQUIRE(finds.size() == 1);
  CHECK(finds[0].err.entry()->code == "IAM.0004");
  CHECK(finds[0].err.status() == 404);
  CHECK(finds[0].err.value_of("target_id") == "a\"b");
}

TEST_CASE("braces that are not error bodies are passed over", "[scan]") {
  const auto finds = errcat::scanner::scan(
      "map[{a b}] &{0x1} {} {\"level\":\"info\",\"message\":\"started\"}\n"
      "{\"unterminated\": \"string\n"
      "{\"error_code\": \"IAM.0066\", \"error_msg\": \"The token has expired.\"}\n"
      "{\"a\": 1 then text {\"error_code\":\"IAM.0004\"}\n");
  REQUIRE(finds.size() == 2);
  CHECK(finds[0].err.entry()->code == "IAM.0066");
  CHECK(finds[0].line == 3);
  CHECK(finds[1].err.entry()->code == "IAM.0004");
  CHECK(finds[1].line == 4);
}

TEST_CASE("a body the end of the text cuts off is not a find", "[scan]") {
  errcat::scanner s;
  std::vector<errcat::scan_find> out;
  s.feed(R"(Body: {"error_code": "IAM.0004", "error_msg": "Could not)", out);
  s.finish();
  CHECK(out.empty());
  s.feed(R"({"error_code": "IAM.0066"})", out);
  CHECK(out.size() == 1);
}

TEST_CASE("a candidate past the size bound is dropped and scanning goes on", "[scan]") {
  std::string text = R"({"error_msg": [)";
  while (text.size() <= errcat::scanner::max_body)
    text += "1,";
  text += "1]}\n{\"error_code\": \"IAM.0066\"}";
  const auto finds = errcat::scanner::scan(text);
  REQUIRE(finds.size() == 1);
  CHECK(finds[0].err.entry()->code == "IAM.0066");
}

TEST_CASE("the status is read from the line's last 512 bytes before the body, whatever the chunks",
          "[scan]") {
  // Found by fuzz_scan: the kept line was trimmed at points that depend on the chunking, so
  // a status stated 600 bytes before the body was seen in some chunkings and not others.
  const std::string body = R"({"error": {"code": "IAM.0005", "message": "Conflict."}})";
  for (std::size_t gap : {std::size_t{100}, std::size_t{600}}) {
    const std::string text = "Status: 409 " + std::string(gap, 'x') + body + "\n";
    const auto whole = errcat::scanner::scan(text);
    REQUIRE(whole.size() == 1);
    CHECK(whole[0].err.status() == (gap < errcat::scanner::max_line_prefix ? 409 : 0));
    for (std::size_t chunk : {std::size_t{1}, std::size_t{8}, std::size_t{61}, std::size_t{500}}) {
      INFO("gap " << gap << ", chunk " << chunk);
      const auto finds = scan_in_chunks(text, chunk);
      REQUIRE(finds.size() == 1);
      CHECK(finds[0].err.status() == whole[0].err.status());
    }
  }
}

TEST_CASE("the status is what the body's own line states", "[scan]") {
  CHECK(errcat::stated_status("HTTP Response Status: 409 Conflict Body: ") == 409);
  CHECK(errcat::stated_status("status=503 ") == 503);
  CHECK(errcat::stated_status(R"({"StatusCode":429,)") == 429);
  CHECK(errcat::stated_status("got HTTP/1.1 502 Bad Gateway") == 502);
  CHECK(errcat::stated_status("status code 404, body ") == 404);
  CHECK(errcat::stated_status("Response Body: ") == 0);
  CHECK(errcat::stated_status("status: 4040 ") == 0);
  CHECK(errcat::stated_status("status: 999") == 0);
  CHECK(errcat::stated_status("took 404 ms") == 0);
}
