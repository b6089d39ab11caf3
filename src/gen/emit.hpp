// Writing the generated C++ for a validated catalog.
#pragma once

#include <string>

#include "catalog_source.hpp"
#include "perfect_hash.hpp"

namespace errcat::gen {

struct emit_options {
  std::string input_name;   // shown in the "generated from" comment
  std::string header_path;  // how the .cpp includes the header (`errcat/iam.hpp`)
};

/// The header: entries, the hash index, `catalog`, `errc` and the per-catalog API.
std::string emit_header(const source_catalog& c, const perfect_hash& ph, const emit_options& o);

/// The source file: the catalog's one `std::error_category` object.
std::string emit_source(const source_catalog& c, const emit_options& o);

}  // namespace errcat::gen
