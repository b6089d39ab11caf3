// Must not compile: IAM.0004's "target_id" is not given.
#include <errcat/iam.hpp>

namespace iam = errcat::iam;

int main() {
  using namespace errcat::literals;
  const errcat::error err = iam::make<"IAM.0004">("target"_arg = "user");
  return err.known() ? 0 : 1;
}
