// Built by the pkg-config test with nothing but `c++ -std=c++20 main.cpp $(pkg-config --cflags
// --libs errcat)`: the installed headers, library and fmt must be enough.
#include <cstdio>
#include <string>
#include <string_view>

#include <errcat/errcat.hpp>
#include <errcat/iam.hpp>

int main() {
  const errcat::error err =
      errcat::iam::make("IAM.0012", {{"threshold", 100}, {"period_seconds", 60}});
  const std::string_view want =
      "The throttling threshold has been reached. Threshold: 100 times per 60 seconds";
  std::printf("pkg-config program: %s: %s\n", std::string(err.code()).c_str(),
              std::string(err.message()).c_str());
  if (err.message() != want || err.error_code().category().name() != std::string_view("iam")) {
    std::fprintf(stderr, "FAILED: expected \"%s\" in category iam\n", std::string(want).c_str());
    return 1;
  }
  return 0;
}
