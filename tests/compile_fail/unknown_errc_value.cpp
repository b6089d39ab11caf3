// Must not compile: no entry has the errc value 7.
#include <errcat/iam.hpp>

namespace iam = errcat::iam;

int main() {
  const errcat::error err = iam::make<static_cast<iam::errc>(7)>();
  return err.known() ? 0 : 1;
}
