// parse_response and parse_http_message: every body shape IAM, Keystone and the API gateway
// send, headers, routing, duplicates, status mismatches, unknown codes and malformed input.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/json.hpp>

#include <string>

#include "catch.hpp"

namespace iam = errcat::iam;
namespace apigw = errcat::apigw;
using errcat::parse_response;

TEST_CASE("a Huawei-style body is found in the IAM catalog", "[json][parse]") {
  const errcat::error err =
      parse_response(400, R"({"error_msg": "Request body is invalid.", "error_code": "IAM.0011"})");
  REQUIRE(err.entry() == iam::catalog.find("IAM.0011"));
  CHECK(err.status() == 400);
  CHECK_FALSE(err.status_mismatch());
  CHECK(err.code() == "IAM.0011");
  CHECK(err.message() == "Request body is invalid.");
  CHECK(err.description() == iam::catalog.find("IAM.0011")->description);
  CHECK(err.remediation() == iam::catalog.find("IAM.0011")->remediation);
  CHECK(err.raw_body().empty());
}

TEST_CASE("parameter values are recovered from a Huawei-style message", "[json][parse]") {
  const errcat::error err =
      parse_response(404, R"({"error_code": "IAM.0004", "error_msg": "Could not find user: 42."})");
  REQUIRE(err.known());
  CHECK(err.value_of("target") == "user");
  CHECK(err.value_of("target_id") == "42");
  CHECK(err.message() == "Could not find user: 42.");
}

TEST_CASE("numeric codes are routed to the IAM catalog", "[json][parse]") {
  const errcat::error err =
      parse_response(400, R"({"error_code": "1101", "error_msg": "Invalid username."})");
  CHECK(err.entry() == iam::catalog.find("1101"));
  const errcat::error number =
      parse_response(400, R"({"error_code": 1101, "error_msg": "Invalid username."})");
  CHECK(number.entry() == iam::catalog.find("1101"));
  CHECK(number.code() == "1101");
}

TEST_CASE("a Keystone-style body is matched by status and message", "[json][parse]") {
  const errcat::error err = parse_response(
      404,
      R"({"error": {"code": 404, "message": "Could not find project: p-1.", "title": "Not Found"}})");
  REQUIRE(err.entry() == iam::catalog.find("IAM.0004"));
  CHECK(err.code() == "IAM.0004");
  CHECK(err.value_of("target") == "project");
  CHECK(err.value_of("target_id") == "p-1");
  CHECK(err.status() == 404);
}

TEST_CASE("a Keystone-style body no entry fits keeps its message and status", "[json][parse]") {
  const errcat::error err = parse_response(
      404,
      R"({"error": {"code": 404, "message": "The resource could not be found.", "title": "Not Found"}})");
  CHECK_FALSE(err.known());
  CHECK(err.code().empty());
  CHECK(err.message() == "The resource could not be found.");
  CHECK(err.status() == 404);
  CHECK(err.raw_body().empty());
}

TEST_CASE("a Keystone body's status is used when the HTTP status is unknown", "[json][parse]") {
  const errcat::error err = parse_response(
      0,
      R"({"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}})");
  CHECK(err.status() == 401);
  CHECK(err.code() == "IAM.0001");
}

TEST_CASE("both shapes at once: the Huawei code wins, values are recovered", "[json][parse]") {
  const errcat::error err =
      parse_response(404,
                     R"({"error_code": "IAM.0004", "error_msg": "Could not find user: 7.",
          "error": {"code": 404, "message": "Could not find user: 7.", "title": "Not Found"}})");
  REQUIRE(err.entry() == iam::catalog.find("IAM.0004"));
  CHECK(err.value_of("target_id") == "7");
}

TEST_CASE("a nested error object with a string code is found", "[json][parse]") {
  const errcat::error err = parse_response(
      404, R"({"error": {"code": "IAM.0004", "message": "Could not find group: g 1."}})");
  REQUIRE(err.entry() == iam::catalog.find("IAM.0004"));
  CHECK(err.value_of("target") == "group");
  CHECK(err.value_of("target_id") == "g 1");
}

TEST_CASE("a nested error object with Huawei field names is found", "[json][parse]") {
  const errcat::error err = parse_response(
      403, R"({"error": {"error_code": "IAM.0082", "error_msg": "The user bob is disabled.",
               "request_id": "nested-id"}})");
  REQUIRE(err.entry() == iam::catalog.find("IAM.0082"));
  CHECK(err.value_of("user") == "bob");
  CHECK(err.request_id() == "nested-id");
}

TEST_CASE("an API gateway body with APIGW codes and a request id", "[json][parse]") {
  const errcat::error err = parse_response(
      401,
      R"({"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information: verify aksk signature fail", "request_id": "8d4b2c1e"})");
  REQUIRE(err.entry() == apigw::catalog.find("APIG.0301"));
  CHECK(err.code() == "APIGW.0301");
  CHECK(err.message() == "Incorrect IAM authentication information: verify aksk signature fail");
  CHECK(err.args().empty());
  CHECK(err.request_id() == "8d4b2c1e");
  CHECK(err.description() == apigw::catalog.find("APIG.0301")->description);
}

TEST_CASE("request_id and encoded_authorization_message in the body are kept", "[json][parse]") {
  const errcat::error err = parse_response(
      403,
      R"({"error_code": "IAM.0003", "error_msg": "Policy doesn't allow iam:users:get to be performed.",
          "request_id": "req-1", "encoded_authorization_message": "ZW5jb2RlZA=="})");
  CHECK(err.code() == "IAM.0003");
  CHECK(err.value_of("actions") == "iam:users:get");
  CHECK(err.request_id() == "req-1");
  CHECK(err.encoded_authorization_message() == "ZW5jb2RlZA==");
}

TEST_CASE("the X-Request-Id header is found in any case, trimmed only at the ends",
          "[json][parse]") {
  const std::string body = R"({"error_code": "IAM.0011", "error_msg": "Request body is invalid."})";
  for (const char* name : {"X-Request-Id", "x-request-id", "X-REQUEST-ID", "x-Request-ID"}) {
    const errcat::http_header headers[] = {{"Content-Type", "application/json"},
                                           {name, " \t abc  def 12 \t"}};
    const errcat::error err = parse_response(400, body, headers);
    INFO(name);
    CHECK(err.request_id() == "abc  def 12");
  }
  const errcat::http_header other[] = {{"X-Request-Idx", "no"}, {"Request-Id", "no"}};
  CHECK(parse_response(400, body, other).request_id().empty());
}

TEST_CASE("a request id in the body wins over the header", "[json][parse]") {
  const errcat::http_header headers[] = {{"X-Request-Id", "from-header"}};
  const errcat::error err = parse_response(
      400,
      R"({"error_code": "IAM.0011", "error_msg": "Request body is invalid.", "request_id": "from-body"})",
      headers);
  CHECK(err.request_id() == "from-body");
}

TEST_CASE("a status that differs from the documented one stays visible", "[json][parse]") {
  const errcat::error err =
      parse_response(400, R"({"error_code": "IAM.0004", "error_msg": "Could not find user: 42."})");
  REQUIRE(err.entry() == iam::catalog.find("IAM.0004"));
  CHECK(err.status() == 400);
  CHECK(err.entry()->status == 404);
  CHECK(err.status_mismatch());
  CHECK(err.value_of("target_id") == "42");
}

TEST_CASE("an unknown code keeps code, message, status and request id exactly", "[json][parse]") {
  const errcat::http_header headers[] = {{"x-request-id", "rid 9"}};
  const errcat::error err = parse_response(
      418, R"({"error_code": "IAM.9999", "error_msg": "  Brand new error,  spaced.  "})", headers);
  CHECK_FALSE(err.known());
  CHECK(err.code() == "IAM.9999");
  CHECK(err.message() == "  Brand new error,  spaced.  ");
  CHECK(err.status() == 418);
  CHECK(err.request_id() == "rid 9");
  CHECK(err.raw_body().empty());
  CHECK(err.error_code().category().name() == std::string("http"));
}

TEST_CASE("the duplicate (404, APIG.0101) is resolved by the message", "[json][parse]") {
  const errcat::error a =
      parse_response(404, R"({"error_code": "APIG.0101", "error_msg": "The API does not exist."})");
  CHECK(a.name() == "api_method_not_found");
  const errcat::error b = parse_response(
      404,
      R"({"error_code": "APIGW.0101", "error_msg": "The API does not exist or has not been published in the environment."})");
  CHECK(b.name() == "api_not_found");
  CHECK(b.code() == "APIGW.0101");
}

TEST_CASE("a code with several statuses is resolved by the received status", "[json][parse]") {
  const errcat::error err =
      parse_response(504, R"({"error_code": "APIG.0201", "error_msg": "Backend timeout."})");
  CHECK(err.name() == "backend_request_timeout");
  CHECK_FALSE(err.status_mismatch());
}

TEST_CASE("a code without a message gets the documented template", "[json][parse]") {
  const errcat::error err = parse_response(401, R"({"error_code": "IAM.0001"})");
  CHECK(err.code() == "IAM.0001");
  CHECK(err.message() == iam::catalog.find("IAM.0001")->message);
}

TEST_CASE("other catalogs can be passed, in order", "[json][parse]") {
  const errcat::catalog* only_apigw[] = {&apigw::catalog};
  errcat::parse_options options;
  options.catalogs = only_apigw;
  const std::string body = R"({"error_code": "IAM.0011", "error_msg": "Request body is invalid."})";
  CHECK_FALSE(parse_response(400, body, {}, options).known());
  CHECK(parse_response(400, body).known());
}

TEST_CASE("a gateway's HTML page is kept as the raw body, its visible text as the message",
          "[json][parse][malformed]") {
  const std::string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
  const errcat::error err = parse_response(502, html);
  CHECK_FALSE(err.known());
  CHECK(err.status() == 502);
  CHECK(err.code().empty());
  CHECK(err.message() == "502 Bad Gateway");
  CHECK(err.raw_body() == html);
  CHECK(err.match() == errcat::match_kind::none);
}

TEST_CASE("an empty body keeps the status", "[json][parse][malformed]") {
  const errcat::error err = parse_response(404, "");
  CHECK(err.status() == 404);
  CHECK_FALSE(err.known());
  CHECK(err.raw_body().empty());
  CHECK(err.error_code().value() == 404);
}

TEST_CASE("JSON that is not an object is kept as the raw body", "[json][parse][malformed]") {
  for (const char* body : {"[1, 2, 3]", "\"error\"", "42", "null", "true", "{}",
                           R"({"foo": {"bar": 1}})", R"([{"error_code": "IAM.0011"}])"}) {
    INFO(body);
    const errcat::error err = parse_response(400, body);
    CHECK_FALSE(err.known());
    CHECK(err.status() == 400);
    CHECK(err.raw_body() == body);
  }
}

TEST_CASE("fields of the wrong type are not taken", "[json][parse][malformed]") {
  const errcat::error err =
      parse_response(400, R"({"error_code": ["IAM.0011"], "error_msg": {"text": "x"}})");
  CHECK_FALSE(err.known());
  CHECK(err.code().empty());
  CHECK_FALSE(err.raw_body().empty());
}

TEST_CASE("truncated JSON keeps what came before the cut and the raw body",
          "[json][parse][malformed]") {
  const std::string body =
      R"({"error_code": "IAM.0004", "error_msg": "Could not find user: 42.", "request_id": "abc)";
  const errcat::error err = parse_response(404, body);
  CHECK(err.code() == "IAM.0004");
  CHECK(err.value_of("target_id") == "42");
  CHECK(err.request_id().empty());
  CHECK(err.raw_body() == body);
  for (std::size_t n = 0; n <= body.size(); ++n) {
    const errcat::error cut = parse_response(404, std::string_view(body).substr(0, n));
    CHECK(cut.status() == 404);
    CHECK(cut.raw_body() == std::string_view(body).substr(0, n));
  }
}

TEST_CASE("very deep nesting is rejected without exhausting the stack",
          "[json][parse][malformed]") {
  const std::string arrays(100000, '[');
  const errcat::error a = parse_response(400, arrays);
  CHECK(a.status() == 400);
  CHECK(a.raw_body().size() == 4096);
  std::string objects;
  for (int i = 0; i < 100000; ++i)
    objects += R"({"error":)";
  const errcat::error b = parse_response(400, objects);
  CHECK(b.status() == 400);
  CHECK_FALSE(b.known());
  std::string deep_after =
      R"({"error_code": "IAM.0011", "error_msg": "Request body is invalid.", "x": )";
  deep_after += std::string(100000, '[') + std::string(100000, ']') + "}";
  const errcat::error c = parse_response(400, deep_after);
  CHECK(c.code() == "IAM.0011");
  CHECK_FALSE(c.raw_body().empty());
}

TEST_CASE("invalid UTF-8 in a message is repaired and the raw bytes kept",
          "[json][parse][malformed]") {
  const std::string body =
      "{\"error_code\": \"IAM.0004\", \"error_msg\": \"Could not find user: \xff\xfe.\"}";
  const errcat::error err = parse_response(404, body);
  CHECK(err.code() == "IAM.0004");
  CHECK(err.value_of("target_id") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(err.raw_body() == body);
  const errcat::error html = parse_response(500, "<p>\xc3\x28 broken</p>");
  CHECK(html.raw_body() == "<p>\xc3\x28 broken</p>");
}

TEST_CASE("the raw body is bounded, at a character boundary", "[json][parse][malformed]") {
  std::string big = "<html>";
  for (int i = 0; i < 3000; ++i)
    big += "\xC3\xA9";  // é, two bytes
  const errcat::error err = parse_response(502, big);
  CHECK(err.raw_body().size() <= 4096);
  CHECK(err.raw_body().size() >= 4094);
  CHECK(big.compare(0, err.raw_body().size(), err.raw_body()) == 0);
  CHECK((static_cast<unsigned char>(big[err.raw_body().size()]) & 0xC0) != 0x80);
  errcat::parse_options small;
  small.max_raw_body = 10;
  CHECK(parse_response(502, big, {}, small).raw_body() == "<html>\xC3\xA9\xC3\xA9");
  small.max_raw_body = 0;
  CHECK(parse_response(502, big, {}, small).raw_body().empty());
}

TEST_CASE("binary garbage and stray bytes never crash", "[json][parse][malformed]") {
  std::string garbage;
  for (int i = 0; i < 4096; ++i)
    garbage += static_cast<char>((i * 131 + 7) % 256);
  CHECK(parse_response(500, garbage).status() == 500);
  CHECK(parse_response(500, std::string_view("\0\0{", 3)).raw_body().size() == 3);
  CHECK(parse_response(500, "{\"error_code\": \"IAM.0011\"} trailing").code() == "IAM.0011");
  CHECK(parse_response(500, "{\"error_code\": \"IAM.0011\"} trailing").raw_body().size() > 0);
}

TEST_CASE("a whole HTTP message is read as curl -i prints it", "[json][parse][http]") {
  const std::string crlf =
      "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nx-request-id:  r 1 \r\n\r\n"
      R"({"error_code": "IAM.0004", "error_msg": "Could not find user: 42."})";
  const errcat::error err = errcat::parse_http_message(crlf);
  CHECK(err.status() == 404);
  CHECK(err.code() == "IAM.0004");
  CHECK(err.request_id() == "r 1");
  CHECK(err.value_of("target") == "user");

  std::string lf = crlf;
  for (std::size_t p; (p = lf.find("\r\n")) != std::string::npos;)
    lf.erase(p, 1);
  CHECK(errcat::parse_http_message(lf).request_id() == "r 1");
  CHECK(errcat::parse_http_message(lf).code() == "IAM.0004");
}

TEST_CASE("interim responses, HTTP/2 and bodiless messages", "[json][parse][http]") {
  const errcat::error err = errcat::parse_http_message(
      "HTTP/1.1 100 Continue\r\n\r\nHTTP/2 409\r\nX-Request-Id: q\r\n\r\n"
      R"({"error_code": "IAM.0005", "error_msg": "Conflict occurred when attempting to store user - name taken."})");
  CHECK(err.status() == 409);
  CHECK(err.value_of("type") == "user");
  CHECK(err.value_of("details") == "name taken");
  CHECK(err.request_id() == "q");
  const errcat::error head = errcat::parse_http_message("HTTP/1.1 403 Forbidden\r\nA: b\r\n");
  CHECK(head.status() == 403);
  CHECK_FALSE(head.known());
  const errcat::error body_only =
      errcat::parse_http_message(R"({"error_code": "IAM.0011", "error_msg": "x"})");
  CHECK(body_only.status() == 400);
  CHECK(body_only.code() == "IAM.0011");
  CHECK(errcat::parse_http_message("HTTP/1.1 abc\r\n\r\n<x>").raw_body() == "<x>");
  CHECK(errcat::parse_http_message("").status() == 0);
}
