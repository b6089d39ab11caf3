// The plan stage: everything about a validated catalog's layout that the emitter writes and
// the lookup relies on, computed once: distinct codes and their entries, the perfect hash
// over exactly those codes (verified against them), and the orders of the signature index.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "catalog_source.hpp"
#include "perfect_hash.hpp"

namespace errcat::gen {

/// A distinct code and the entries documenting it.
struct code_group {
  std::string code;                  // as documented
  std::vector<std::size_t> entries;  // indices into source_catalog::entries, documented order
};

/// The layout of one catalog.
struct catalog_plan {
  std::vector<code_group> groups;  // distinct codes in order of first appearance; key k of
                                   // the perfect hash is groups[k].code
  perfect_hash hash;
  std::size_t shortest_code = 0;
  std::size_t longest_code = 0;
  std::vector<std::size_t> by_errc_value;  // entry indices in errc value order
  std::vector<std::size_t> by_code;        // entry indices in (code bytes, documented) order
};

/// Plans `c`: groups its codes and finds a perfect hash with up to `tries` seeds. Returns
/// nothing when no perfect hash is found. O(n log n) in the entries, plus the hash search.
std::optional<catalog_plan> plan_catalog(const source_catalog& c, int tries);

/// How many distinct codes `c` has.
std::size_t distinct_codes(const source_catalog& c);

/// True when every code of the plan sits in its own slot of the plan's hash, probed as the
/// run-time lookup probes. plan_catalog() only returns plans that pass; the emitter checks
/// again against the order it writes the keys in.
bool plan_is_consistent(const catalog_plan& p);

}  // namespace errcat::gen
