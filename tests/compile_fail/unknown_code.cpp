// Must not compile: IAM.9999 is not in the catalog ("errcat: unknown error code", once).
#include <errcat/iam.hpp>

namespace iam = errcat::iam;

int main() {
  const errcat::error err = iam::make<"IAM.9999">("user", "42");
  return err.known() ? 0 : 1;
}
