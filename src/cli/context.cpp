// Running the command the command line chose, under the tool's error policy.
#include <exception>
#include <new>
#include <ostream>

#include "commands.hpp"

namespace errcat::cli {

int run_command(const context& ctx, const terminal& t, std::ostream& err) noexcept {
  try {
    try {
      return ctx.run(t);
    } catch (const std::bad_alloc&) {
      err << "errcat: out of memory\n";
    } catch (const std::exception& e) {
      err << "errcat: internal error: " << printable(e.what()) << '\n';
    } catch (...) {
      err << "errcat: internal error: an exception of unknown type\n";
    }
  } catch (...) {  // writing the report failed too (printable allocates): the code says it
  }
  return exit_failure;
}

}  // namespace errcat::cli
