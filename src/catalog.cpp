// The out-of-line parts of errcat::catalog's lookup: what every translation unit would
// otherwise inline and compile again (see detail::find_alias_at_run_time in catalog.hpp).
#include "errcat/catalog.hpp"

namespace errcat::detail {

const code_key* find_alias_at_run_time(const catalog& c, std::string_view code) noexcept {
  return c.find_alias(code);
}

const code_key* probe_two_level_at_run_time(const catalog& c, std::string_view code) noexcept {
  return c.probe_two_level(code);
}

}  // namespace errcat::detail
