// fmt and iostream output of errors and entries: the one-line and the long form.
#include <errcat/apigw.hpp>
#include <errcat/format.hpp>
#include <errcat/iam.hpp>

#include <sstream>
#include <string>

#include "catch.hpp"

namespace iam = errcat::iam;

namespace {

errcat::error not_found() {
  return iam::make<"IAM.0004">("user", 42);
}

template <class T>
std::string streamed(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

}  // namespace

TEST_CASE("{} formats an error as code, status and message on one line", "[format]") {
  CHECK(fmt::format("{}", not_found()) == "IAM.0004 (404 Not Found): Could not find user: 42.");
  CHECK(fmt::format("{}", iam::make<"IAM.0012">(100, 60)) ==
        "IAM.0012 (429 Too Many Requests): The throttling threshold has been reached. "
        "Threshold: 100 times per 60 seconds");
  CHECK(fmt::format("[{}]", iam::make<"IAM.0001">()) ==
        "[IAM.0001 (401 Unauthorized): The request you have made requires authentication.]");
}

TEST_CASE("{:l} adds name, description and remediation on their own lines", "[format]") {
  CHECK(fmt::format("{:l}", not_found()) ==
        "IAM.0004 (404 Not Found): Could not find user: 42.\n"
        "  name:        resource_not_found\n"
        "  description: The requested resource cannot be found.\n"
        "  remediation: Check the request or contact technical support.");
}

TEST_CASE("the long form shows the request id and a received status that differs", "[format]") {
  errcat::error err = not_found();
  err.set_request_id("req-1").set_status(400);
  CHECK(fmt::format("{}", err) == "IAM.0004 (400 Bad Request): Could not find user: 42.");
  CHECK(fmt::format("{:l}", err) ==
        "IAM.0004 (400 Bad Request): Could not find user: 42.\n"
        "  documented:  404 Not Found\n"
        "  name:        resource_not_found\n"
        "  description: The requested resource cannot be found.\n"
        "  remediation: Check the request or contact technical support.\n"
        "  request id:  req-1");
}

TEST_CASE("an unknown code formats with what it has", "[format]") {
  const errcat::error err(503, "IAM.9999", "Try later.");
  CHECK(fmt::format("{}", err) == "IAM.9999 (503 Service Unavailable): Try later.");
  CHECK(fmt::format("{:l}", err) == "IAM.9999 (503 Service Unavailable): Try later.");
  CHECK(fmt::format("{}", errcat::error()) == "(no error)");
}

TEST_CASE("an alias spelling is formatted as received", "[format]") {
  CHECK(fmt::format("{}", errcat::apigw::make("APIGW.0308")) ==
        "APIGW.0308 (429 Too Many Requests): The throttling threshold has been reached.");
}

TEST_CASE("an entry formats with its template, and {:l} lists its parameters", "[format]") {
  const errcat::entry& e = *iam::catalog.find("IAM.0012");
  CHECK(fmt::format("{}", e) ==
        "IAM.0012 (429 Too Many Requests): The throttling threshold has been reached. "
        "Threshold: %d times per %d seconds");
  CHECK(fmt::format("{:l}", e) ==
        "IAM.0012 (429 Too Many Requests): The throttling threshold has been reached. "
        "Threshold: %d times per %d seconds\n"
        "  name:        throttling_threshold_reached\n"
        "  description: The throttling threshold has been reached.\n"
        "  remediation: Check the request or contact technical support.\n"
        "  parameters:  threshold (integer), period_seconds (integer)");
  CHECK(fmt::format("{:l}", *iam::catalog.find("IAM.0006")).find("parameters") ==
        std::string::npos);
}

TEST_CASE("every entry of both catalogs formats in both forms", "[format]") {
  for (const errcat::catalog* c : {&iam::catalog, &errcat::apigw::catalog}) {
    for (const errcat::entry& e : *c) {
      INFO(e.code);
      const std::string line = fmt::format("{}", e);
      CHECK(line == fmt::format("{} ({} {}): {}", e.code, e.status, errcat::reason_phrase(e.status),
                                e.message));
      const std::string full = fmt::format("{:l}", e);
      CHECK(full.substr(0, line.size()) == line);
      CHECK(full.find(e.remediation) != std::string::npos);
    }
  }
}

TEST_CASE("an unknown format spec is a format_error naming the accepted ones", "[format]") {
  for (const char* spec : {"{:x}", "{:ll}", "{:10}", "{:s}", "{:l }"}) {
    INFO(spec);
    CHECK_THROWS_WITH(fmt::format(fmt::runtime(spec), not_found()),
                      "errcat: invalid format spec; use {} or {:l}");
    CHECK_THROWS_AS(fmt::format(fmt::runtime(spec), *iam::catalog.find("IAM.0004")),
                    fmt::format_error);
  }
}

TEST_CASE("operator<< writes what {} formats", "[format][ostream]") {
  CHECK(streamed(not_found()) == fmt::format("{}", not_found()));
  CHECK(streamed(not_found()) == "IAM.0004 (404 Not Found): Could not find user: 42.");
  const errcat::entry& e = *iam::catalog.find("IAM.0004");
  CHECK(streamed(e) == "IAM.0004 (404 Not Found): Could not find %(target)s: %(target_id)s.");
  std::ostringstream os;
  os << not_found() << " / " << errcat::error();
  CHECK(os.str() == "IAM.0004 (404 Not Found): Could not find user: 42. / (no error)");
}

TEST_CASE("an error can be the value of a string parameter", "[format][checked]") {
  const errcat::error cause = iam::make<"IAM.0001">();
  const errcat::error err = iam::make<"IAM.0007">(cause);
  CHECK(err.message() ==
        "Request parameter IAM.0001 (401 Unauthorized): The request you have made requires "
        "authentication. is invalid.");
}
