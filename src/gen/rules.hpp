// The rules stage: what needs the whole catalog, or the parsed templates. Names are C++
// identifiers and unique; a (status, code, message) row appears once; positional
// placeholders have names; each entry gets its retry class and its errc value.
//
// The errc rule (values are unique and stable: an entry's value depends only on its own
// status, code and occurrence, and on the catalog's home prefix, never on its position):
//   occurrence  how many earlier entries have the same status and code (0 for the first).
//   home prefix the JSON's "errc_prefix"; when absent, the prefix of the catalog's
//               `PREFIX.DIGITS` codes if they all share one (IAM: "IAM", API Gateway:
//               "APIG"); otherwise none. A catalog with several prefixes (ECS: Ecs.,
//               Common., Pdp.) sets "errc_prefix" to keep the readable form for one.
//   readable    a code of 1 to 4 digits, bare or after the home prefix and a dot, with
//               occurrence <= 9: status x 1,000,000 + occurrence x 100,000
//               + (home prefix ? 10,000 : 0) + the number. `IAM.0004` under 404 is
//               404010004, `1101` under 400 is 400001101.
//   hashed      every other code (other prefixes, longer numbers, no digits):
//               600,000,000 + FNV-1a-64("<status> <code> <occurrence>") mod 1,500,000,000,
//               so at least 600,000,000 and below 2,100,000,000: never a readable value.
//   explicit    an entry's "value" wins.
// Two entries with the same value are an error naming both; give one a "value".
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "catalog_source.hpp"

namespace errcat::gen {

/// The first hashed errc value; readable values are below it.
inline constexpr std::int64_t hashed_value_base = 600000000;
/// How many hashed values there are.
inline constexpr std::int64_t hashed_value_count = 1500000000;

/// The errc value the rule above gives an entry.
int derive_value(int status, std::string_view code, int occurrence, std::string_view home_prefix);

/// The catalog's home prefix (see above), without the dot; empty when it has none.
std::string home_prefix(const source_catalog& c);

/// The retry class a status implies when an entry gives none: 429 → throttled; 500, 502,
/// 503, 504 → backoff; any other status → never.
retry_class default_retry(int status);

/// Parses every entry's message (the syntax stage) and checks its positional names.
/// Entries with problems are reported and removed.
void parse_templates(source_catalog& c, diagnostics& d);

/// Applies the rules above; entries with problems are reported and removed.
void apply_rules(source_catalog& c, diagnostics& d);

}  // namespace errcat::gen
