// Compiles: the harness self-check. The harness must see this source build and must then
// report failure, so a compile-fail test cannot pass because nothing was compiled.
#include <errcat/format.hpp>
#include <errcat/iam.hpp>

#include <string>

namespace iam = errcat::iam;

int main() {
  using namespace errcat::literals;
  const errcat::error positional = iam::make<"IAM.0004">("user", 42);
  const errcat::error named = iam::make<"IAM.0004">("target_id"_arg = 42, "target"_arg = "user");
  const std::string text = fmt::format("{} {:l}", positional, named);
  return positional == named && !text.empty() ? 0 : 1;
}
