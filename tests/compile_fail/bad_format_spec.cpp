// Must not compile: {:x} is not a format spec errcat::error knows ({} or {:l}).
#include <errcat/format.hpp>
#include <errcat/iam.hpp>

#include <string>

namespace iam = errcat::iam;

int main() {
  const std::string text = fmt::format("{:x}", iam::make<"IAM.0001">());
  return text.empty() ? 1 : 0;
}
