// Formats errors and entries with {fmt} once the opt-in header is included.
#include <errcat/format.hpp>
#include <errcat/iam.hpp>

#include <cstdio>
#include <string>

int main() {
  const errcat::error err = errcat::iam::make<"IAM.0004">("user", 42);
  const std::string line = fmt::format("{}", err);
  const std::string entry = fmt::format("{}", *errcat::iam::catalog.find("IAM.0004"));
  std::printf("format consumer (fmt %d): %s\n", FMT_VERSION, line.c_str());
  if (line != "IAM.0004 (404 Not Found): Could not find user: 42.") return 1;
  if (entry != "IAM.0004 (404 Not Found): Could not find %(target)s: %(target_id)s.") return 1;
  return fmt::format("{:l}", err).find("\n  name:") != std::string::npos ? 0 : 1;
}
