// Must not compile: an argument fmt cannot format (no fmt::formatter).
#include <errcat/iam.hpp>

namespace iam = errcat::iam;

int main() {
  struct opaque {};
  const errcat::error err = iam::make<"IAM.0004">("user", opaque{});
  return err.known() ? 0 : 1;
}
