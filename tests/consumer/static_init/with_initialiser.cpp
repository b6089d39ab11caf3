// A library with a static initialiser, for the test that shows the check can fail: `value`
// is initialised by calling a function the compiler cannot evaluate at compile time.
#include <cstdlib>

namespace {
int from_environment() {
  return std::getenv("ERRCAT_PROBE") != nullptr ? 1 : 0;
}
}  // namespace

int errcat_static_init_probe_value = from_environment();
