// Must not compile: IAM.0012's "threshold" is %d, given text by name.
#include <errcat/iam.hpp>

namespace iam = errcat::iam;

int main() {
  using namespace errcat::literals;
  const errcat::error err =
      iam::make<"IAM.0012">("threshold"_arg = "many", "period_seconds"_arg = 60);
  return err.known() ? 0 : 1;
}
