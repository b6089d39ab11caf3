// Must not compile: IAM.0012's first parameter is %d, given text.
#include <errcat/iam.hpp>

namespace iam = errcat::iam;

int main() {
  const errcat::error err = iam::make<"IAM.0012">("many", 60);
  return err.known() ? 0 : 1;
}
