// Must not compile: IAM.0004 has no parameter "targte" (a typo of "target").
#include <errcat/iam.hpp>

namespace iam = errcat::iam;

int main() {
  const errcat::error err =
      iam::make<"IAM.0004">(errcat::arg<"targte">("user"), errcat::arg<"target_id">(42));
  return err.known() ? 0 : 1;
}
