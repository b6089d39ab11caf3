// The limits of the catalog format, in one place: the generator enforces them and the
// run-time lookup, rendering and matching rely on them. Includes nothing but <cstddef>,
// so the generator and every header can use it for free.
#pragma once

#include <cstddef>

namespace errcat {

/// The layout and hash of generated tables. errcat-gen writes the value it was built with
/// into every header it generates, which checks it against this one, so a catalog made by
/// an errcat-gen of another version fails to compile instead of failing its lookups.
inline constexpr int catalog_format = 6;

/// The longest error code a catalog may document, in bytes. Lookups reject longer input
/// after one comparison, so a megabyte of garbage costs no more than a valid code.
inline constexpr std::size_t max_code_size = 64;

/// The most parameters one entry may have; the generator enforces it, so rendering and
/// matching can gather values on the stack.
inline constexpr std::size_t max_params = 32;

/// The most entries one catalog may have: entry and key indices are 16-bit, and the
/// largest 16-bit value marks an empty slot of the two-level hash table.
inline constexpr std::size_t max_entries = 0xfffe;

/// The value of a 16-bit slot that names no key (two-level hash tables only).
inline constexpr std::size_t empty_slot = 0xffff;

/// The longest code a direct-index perfect hash handles, in bytes: its key is two 64-bit
/// words loaded from both ends of the code. A catalog with a longer code uses the
/// two-level table.
inline constexpr std::size_t direct_index_max_code_size = 16;

/// How much longer than its canonical prefix an alias prefix may be, in bytes. This bounds
/// the input a lookup still has to consider for an alias.
inline constexpr std::size_t alias_growth_limit = 16;

/// Perfect-hash seeds the generator tries before giving up (errcat-gen --hash-tries); a
/// direct index tries 1024 multipliers per seed and table size.
inline constexpr int default_hash_tries = 64;

/// Base-64 digits per record offset in a generated signature index
/// (errcat/detail/signature.hpp): 24 bits, for record text of up to 16 MiB.
inline constexpr std::size_t signature_offset_digits = 4;

}  // namespace errcat
