// Must not compile: "target" is given twice.
#include <errcat/iam.hpp>

namespace iam = errcat::iam;

int main() {
  using namespace errcat::literals;
  const errcat::error err = iam::make<"IAM.0004">("target"_arg = "user", "target"_arg = "group");
  return err.known() ? 0 : 1;
}
