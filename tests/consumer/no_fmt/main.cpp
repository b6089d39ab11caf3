// Makes and reads errors through every core header, with {fmt} unreachable (see
// CMakeLists.txt): the checked and the run-time make, rendering,
// std::error_code, exceptions and the umbrella header.
#include <errcat/apigw.hpp>
#include <errcat/errcat.hpp>
#include <errcat/iam.hpp>
#include <errcat/render.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>

#if defined(FMT_VERSION)
#error "errcat consumer: {fmt} was included (FMT_VERSION is defined)"
#endif

int main() {
  int failures = 0;
  auto check = [&](bool ok, const char* what) {
    if (!ok) {
      std::fprintf(stderr, "FAILED: %s\n", what);
      ++failures;
    }
  };
  const std::string user = "user";
  const errcat::error checked = errcat::iam::make<"IAM.0004">(user, 42);
  const errcat::error run_time =
      errcat::iam::make("IAM.0004", {{"target", user}, {"target_id", 42}});
  check(checked.message() == "Could not find user: 42.", "make<> renders its parameters");
  check(run_time.message() == checked.message(), "run-time make renders the same message");
  check(checked.value_of("target_id") == "42", "the values are kept");
  check(checked.args().size() == 2 && checked.args()[0].name == "target", "the args are named");
  check(checked.error_code() == errcat::http_status::not_found, "IAM.0004 is a not_found");
  check(errcat::iam::make<"IAM.0012">(100, 60).message().find("100 times per 60 seconds") !=
            std::string::npos,
        "make<> fills integers");
  const errcat::param_value values[] = {"user", 7};
  check(errcat::render(*errcat::iam::catalog.find("IAM.0004"), values) == "Could not find user: 7.",
        "run-time render fills the template");
  const errcat::error unknown(418, "IAM.9999", "teapot");
  check(!unknown.known() && unknown.code() == "IAM.9999", "an unknown code is kept");
  try {
    errcat::raise(checked);
  } catch (const std::system_error& e) {
    check(std::string_view(e.what()) == "IAM.0004: Could not find user: 42.",
          "the exception names code and message");
  }
  check(errcat::apigw::catalog.find("APIGW.0301") != nullptr, "the gateway catalog is there");
  std::printf("no-fmt consumer: %s: %s\n", std::string(checked.code()).c_str(),
              std::string(checked.message()).c_str());
  return failures == 0 ? 0 : 1;
}
