// The errcat tool's error policy (src/cli/context.cpp): a command's own exit code passes
// through; an exception that reaches the top is the tool's failure (exit 3), never
// "not found" (exit 1), and says what happened.
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>

#include "catch.hpp"
#include "commands.hpp"

using namespace errcat::cli;

namespace {

struct outcome {
  int code;
  std::string report;
};

template <class F>
outcome run(F f) {
  context ctx;
  ctx.run = f;
  std::ostringstream err;
  const int code = run_command(ctx, terminal{}, err);
  return {code, err.str()};
}

}  // namespace

TEST_CASE("a command's own exit code passes through with nothing reported", "[cli]") {
  for (const int code : {exit_ok, exit_not_found, exit_usage}) {
    const outcome o = run([code](const terminal&) { return code; });
    CHECK(o.code == code);
    CHECK(o.report.empty());
  }
}

TEST_CASE("running out of memory is the tool's failure, not a code that was not found", "[cli]") {
  const outcome o = run([](const terminal&) -> int { throw std::bad_alloc(); });
  CHECK(o.code == exit_failure);
  CHECK(o.code != exit_not_found);
  CHECK(o.report == "errcat: out of memory\n");
}

TEST_CASE("an unexpected exception is an internal error that names its message", "[cli]") {
  const outcome o =
      run([](const terminal&) -> int { throw std::logic_error("broken \x1b[2J invariant"); });
  CHECK(o.code == exit_failure);
  CHECK(o.report == "errcat: internal error: broken \\x1b[2J invariant\n");
}

TEST_CASE("an exception of unknown type is an internal error too", "[cli]") {
  const outcome o = run([](const terminal&) -> int { throw 42; });
  CHECK(o.code == exit_failure);
  CHECK(o.report == "errcat: internal error: an exception of unknown type\n");
}
