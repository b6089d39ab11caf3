// Must not compile: positional and named arguments in one call.
#include <errcat/iam.hpp>

namespace iam = errcat::iam;

int main() {
  using namespace errcat::literals;
  const errcat::error err = iam::make<"IAM.0004">("user", "target_id"_arg = 42);
  return err.known() ? 0 : 1;
}
