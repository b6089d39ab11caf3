// The out-of-line part of errcat::catalog's lookup: the run-time `find_key`, which every
// translation unit would otherwise inline and compile again (see
// detail::find_key_at_run_time in catalog.hpp).
#include "errcat/catalog.hpp"

namespace errcat::detail {

const code_key* find_key_at_run_time(const catalog& c, std::string_view code) noexcept {
  return c.find_key_inline(code);
}

}  // namespace errcat::detail
