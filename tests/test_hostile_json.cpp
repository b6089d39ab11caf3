// Hostile responses for parse_response: deep nesting, invalid UTF-8 and NUL bytes in
// bodies and headers, megabyte codes and messages, odd statuses and duplicate keys. It
// must never throw or crash, keep what it cannot match exactly (bounded for raw bodies),
// and always give an error that serialises to valid JSON.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/json.hpp>

#include <algorithm>
#include <climits>
#include <string>
#include <string_view>

#include "catch.hpp"
#include "support/timing.hpp"

namespace iam = errcat::iam;
using errcat_test::fastest;
using namespace std::string_view_literals;

namespace {

// The error must serialise to valid JSON in every style.
bool serialises(const errcat::error& err) {
  for (const auto style :
       {errcat::body_style::huawei, errcat::body_style::keystone, errcat::body_style::combined}) {
    if (!nlohmann::json::accept(errcat::to_body(err, style))) return false;
  }
  return true;
}

bool is_prefix(std::string_view prefix, std::string_view of) {
  return of.substr(0, prefix.size()) == prefix;
}

}  // namespace

TEST_CASE("a body of 100000 nested brackets is kept as a bounded raw body", "[hostile][json]") {
  for (const std::string& body :
       {std::string(100000, '['), std::string(100000, '[') + std::string(100000, ']'), [] {
          std::string s;
          for (int i = 0; i < 100000; ++i)
            s += R"({"error":)";
          return s;
        }()}) {
    const errcat::error err = errcat::parse_response(502, body);
    CHECK(err.status() == 502);
    CHECK_FALSE(err.known());
    CHECK(err.raw_body().size() == errcat::parse_options{}.max_raw_body);
    CHECK(is_prefix(err.raw_body(), body));
    CHECK(serialises(err));
  }
}

TEST_CASE("an error object nested past the depth limit is only salvaged, without recursion",
          "[hostile][json]") {
  std::string body;
  for (int i = 0; i < 1000; ++i)
    body += R"({"x":)";
  body += R"({"error_code": "IAM.0004", "error_msg": "Could not find user: 42."})";
  body += std::string(1000, '}');
  const errcat::error err = errcat::parse_response(404, body);
  CHECK(err.status() == 404);
  // The JSON reader stops at the limit; the pair reader, which keeps no stack, finds the
  // members and says so.
  CHECK(err.known());
  CHECK(err.match() == errcat::match_kind::salvaged);
  CHECK_FALSE(err.raw_body().empty());
}

TEST_CASE("invalid UTF-8 in the body is read around and kept in the raw body", "[hostile][json]") {
  const std::string body =
      "{\"error_code\": \"IAM.0004\", \"error_msg\": \"Could not find \xff\xfe: "
      "\xc3\x28.\", \"request_id\": \"r\xed\xa0\x80\"}";
  const errcat::error err = errcat::parse_response(404, body);
  CHECK(err.status() == 404);
  CHECK(err.known());
  CHECK(err.code() == "IAM.0004");
  CHECK(err.entry() == iam::catalog.find("IAM.0004"));
  // The fields come from a repaired copy (U+FFFD for each bad sequence); the original bytes
  // are kept as the raw body.
  CHECK(err.message().find("\xef\xbf\xbd") != std::string_view::npos);
  CHECK(err.raw_body() == body);
  CHECK(serialises(err));

  const errcat::error bad_code = errcat::parse_response(400, "{\"error_code\": \"IAM.\xff\"}");
  CHECK(bad_code.status() == 400);
  CHECK_FALSE(bad_code.known());
  CHECK(serialises(bad_code));
}

TEST_CASE("invalid UTF-8 and NUL bytes in headers are kept and still serialise",
          "[hostile][json]") {
  const errcat::http_header headers[] = {{"\xff\xfe", "\xc3\x28"},
                                         {"X-Request-Id"sv, " r\xff\0id "sv}};
  const errcat::error err = errcat::parse_response(
      404, R"({"error_code": "IAM.0004", "error_msg": "Could not find user: 42."})", headers);
  CHECK(err.known());
  CHECK(err.request_id() == "r\xff\0id"sv);
  CHECK(serialises(err));
}

TEST_CASE("NUL bytes in codes and messages are kept, never terminators", "[hostile][json]") {
  const errcat::error escaped =
      errcat::parse_response(404, R"({"error_code": "IAM.0004\u0000", "error_msg": "a\u0000b"})");
  CHECK_FALSE(escaped.known());  // "IAM.0004\0" is not IAM.0004
  CHECK(escaped.code() == "IAM.0004\0"sv);
  CHECK(escaped.message() == "a\0b"sv);
  CHECK(serialises(escaped));

  const std::string_view raw_nul = "{\"error_code\": \"IAM.0004\", \0 \"error_msg\": \"x\"}"sv;
  const errcat::error raw = errcat::parse_response(404, raw_nul);
  CHECK(raw.status() == 404);
  CHECK(raw.raw_body() == raw_nul);
  CHECK(serialises(raw));

  const errcat::error value = errcat::parse_response(
      404, R"({"error_code": "IAM.0004", "error_msg": "Could not find us\u0000er: 4\u00002."})");
  CHECK(value.known());
  CHECK(value.value_of("target") == "us\0er"sv);
  CHECK(value.value_of("target_id") == "4\0002"sv);
}

TEST_CASE("a 1 MB code and a 16 MiB message are kept exactly", "[hostile][json]") {
  const std::string huge_code(1u << 20, 'C');
  const errcat::error unknown =
      errcat::parse_response(400, R"({"error_code": ")" + huge_code + R"(", "error_msg": "m"})");
  CHECK_FALSE(unknown.known());
  CHECK(unknown.code() == huge_code);
  CHECK(unknown.status() == 400);
  CHECK(serialises(unknown));

  const std::string big(16u << 20, 'u');
  const errcat::error known = errcat::parse_response(
      404, R"({"error_code": "IAM.0004", "error_msg": "Could not find )" + big + R"(: 42."})");
  CHECK(known.known());
  CHECK(known.message().size() == big.size() + "Could not find : 42."sv.size());
  CHECK(known.value_of("target") == big);
  CHECK(known.value_of("target_id") == "42");
}

TEST_CASE("parsing and matching time grows linearly with the size of the message",
          "[hostile][json]") {
  // Repeated delimiters are the worst case for matching "Could not find %(target)s:
  // %(target_id)s.": every ": " is a place the first value could end.
  auto body_of = [](std::size_t n) {
    std::string filler;
    while (filler.size() < n)
      filler += ": ";
    return R"({"error_code": "IAM.0004", "error_msg": "Could not find )" + filler + R"("})";
  };
  const std::string small = body_of(1u << 20);
  const std::string big = body_of(16u << 20);
  bool all_unmatched = true;
  const double t_small =
      fastest(5, [&] { all_unmatched &= errcat::parse_response(404, small).args().empty(); });
  const double t_big =
      fastest(2, [&] { all_unmatched &= errcat::parse_response(404, big).args().empty(); });
  CHECK(all_unmatched);  // no final "." so it does not fit; the entry is still found by code
  INFO("1 MiB: " << t_small * 1e3 << " ms, 16 MiB: " << t_big * 1e3 << " ms");
  CHECK(t_big < 64 * t_small + 0.05);
}

TEST_CASE("negative, zero and huge statuses are kept as given", "[hostile][json]") {
  const std::string body = R"({"error_code": "IAM.0004", "error_msg": "Could not find user: 42."})";
  for (const int s : {-1, -404, INT_MIN, INT_MAX, 1000, 99}) {
    const errcat::error err = errcat::parse_response(s, body);
    CHECK(err.status() == s);
    CHECK(err.known());  // found by its code; the status difference stays visible
    CHECK(err.status_mismatch());
    CHECK(err.value_of("target") == "user");
    CHECK(serialises(err));
    const errcat::error unknown = errcat::parse_response(s, "<html>");
    CHECK(unknown.status() == s);
    CHECK(unknown.error_code().value() == s);
    CHECK(serialises(unknown));
  }
  // Status 0 means "not known": the status a Keystone body carries is used.
  const errcat::error keystone = errcat::parse_response(
      0,
      R"({"error": {"code": 404, "message": "Could not find user: 42.", "title": "Not Found"}})");
  CHECK(keystone.status() == 404);
}

TEST_CASE("with duplicate keys in a body the last one wins, as in nlohmann_json",
          "[hostile][json]") {
  const errcat::error err = errcat::parse_response(
      400, R"({"error_code": "IAM.0004", "error_msg": "first", "error_code": "IAM.0011", )"
           R"("error_msg": "Request body is invalid.", "request_id": "a", "request_id": "b"})");
  CHECK(err.code() == "IAM.0011");
  CHECK(err.entry() == iam::catalog.find("IAM.0011"));
  CHECK(err.message() == "Request body is invalid.");
  CHECK(err.request_id() == "b");
  // The same for the nested shape.
  const errcat::error nested = errcat::parse_response(
      404, R"({"error": {"code": "IAM.0011", "code": "IAM.0004", "message": "x", )"
           R"("message": "Could not find user: 42."}})");
  CHECK(nested.code() == "IAM.0004");
  CHECK(nested.value_of("target_id") == "42");
  // And nlohmann_json itself, which the serialisation side uses, agrees.
  CHECK(nlohmann::json::parse(R"({"k": 1, "k": 2})")["k"] == 2);
}
