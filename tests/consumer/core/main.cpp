// Uses the installed core: the bundled catalogs, make(), std::error_code and the version.
#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>

#include <errcat/apigw.hpp>
#include <errcat/errcat.hpp>
#include <errcat/iam.hpp>

static_assert(ERRCAT_VERSION_MAJOR == 0);

int main() {
  int failures = 0;
  auto check = [&](bool ok, const char* what) {
    if (!ok) {
      std::fprintf(stderr, "FAILED: %s\n", what);
      ++failures;
    }
  };
  check(errcat::iam::catalog.find("IAM.0004") != nullptr, "IAM.0004 is in the catalog");
  const errcat::error err = errcat::iam::make("IAM.0004", {{"target", "user"}, {"target_id", 42}});
  check(err.message() == "Could not find user: 42.", "IAM.0004 renders its parameters");
  const std::error_code ec = err.error_code();
  check(ec.category().name() == std::string_view("iam"), "the error code is in the iam category");
  check(errcat::apigw::catalog.find("APIGW.0301") == errcat::apigw::catalog.find("APIG.0301") &&
            errcat::apigw::catalog.find("APIG.0301") != nullptr,
        "the gateway catalog takes both spellings");
  std::printf("core consumer: %s: %s (errcat %s)\n", std::string(err.code()).c_str(),
              std::string(err.message()).c_str(), ERRCAT_VERSION_STRING);
  return failures == 0 ? 0 : 1;
}
