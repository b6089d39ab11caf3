// The emitter of a catalog's constant table header, `<service>_table.hpp`: the whole table
// as string literals (errcat/detail/table_layout.hpp) and `inline constexpr
// errcat::constant_table table`, for constant evaluation.
#pragma once

#include <string>

#include "catalog_source.hpp"
#include "emit.hpp"
#include "plan.hpp"

namespace errcat::gen {

/// The table header of `c` (planned as `p`). A table too large for the layout's fields
/// (a text over 16 MiB, say) gets a header whose `#error` names the field: the run-time
/// header and source do not depend on it.
std::string emit_table(const source_catalog& c, const catalog_plan& p, const emit_options& o);

}  // namespace errcat::gen
