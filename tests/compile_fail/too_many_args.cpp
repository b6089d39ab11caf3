// Must not compile: IAM.0004 has two parameters, not three.
#include <errcat/iam.hpp>

namespace iam = errcat::iam;

int main() {
  const errcat::error err = iam::make<"IAM.0004">("user", "42", "extra");
  return err.known() ? 0 : 1;
}
