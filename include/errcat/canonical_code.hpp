// google.rpc.Code: the canonical error codes of Google APIs and gRPC, and the standard
// mapping between them and HTTP statuses, in one table.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace errcat {

/// A canonical error code, as `google/rpc/code.proto` numbers it. `google.rpc.Status` JSON
/// carries its name (`"NOT_FOUND"`) in `error.status`.
enum class canonical_code : std::uint8_t {
  ok = 0,                   ///< Not an error.
  cancelled = 1,            ///< The caller cancelled the operation.
  unknown = 2,              ///< An error from an unknown error space.
  invalid_argument = 3,     ///< The request is invalid whatever the system's state.
  deadline_exceeded = 4,    ///< The deadline expired before the operation completed.
  not_found = 5,            ///< A requested entity was not found.
  already_exists = 6,       ///< The entity a client tried to create exists.
  permission_denied = 7,    ///< The caller may not do this.
  resource_exhausted = 8,   ///< A quota or rate limit is exhausted.
  failed_precondition = 9,  ///< The system is not in the state the operation needs.
  aborted = 10,             ///< Aborted by a concurrency conflict.
  out_of_range = 11,        ///< Past the valid range.
  unimplemented = 12,       ///< Not implemented or not enabled.
  internal = 13,            ///< An invariant of the system is broken.
  unavailable = 14,         ///< Transiently unavailable; retrying may succeed.
  data_loss = 15,           ///< Unrecoverable data loss or corruption.
  unauthenticated = 16,     ///< No valid authentication credentials.
};

/// One row of the mapping: the code, its name in JSON, and the HTTP status `code.proto`
/// documents for it ("HTTP Mapping").
struct canonical_code_info {
  canonical_code code;    ///< The canonical code.
  std::string_view name;  ///< Its `google.rpc.Code` enumerator name (`"NOT_FOUND"`).
  int http_status;        ///< The HTTP status it maps to.
};

/// Every canonical code in numeric order, with its name and HTTP status as documented in
/// googleapis' `google/rpc/code.proto`. The one table both directions read.
inline constexpr canonical_code_info canonical_codes[] = {
    {canonical_code::ok, "OK", 200},
    {canonical_code::cancelled, "CANCELLED", 499},
    {canonical_code::unknown, "UNKNOWN", 500},
    {canonical_code::invalid_argument, "INVALID_ARGUMENT", 400},
    {canonical_code::deadline_exceeded, "DEADLINE_EXCEEDED", 504},
    {canonical_code::not_found, "NOT_FOUND", 404},
    {canonical_code::already_exists, "ALREADY_EXISTS", 409},
    {canonical_code::permission_denied, "PERMISSION_DENIED", 403},
    {canonical_code::resource_exhausted, "RESOURCE_EXHAUSTED", 429},
    {canonical_code::failed_precondition, "FAILED_PRECONDITION", 400},
    {canonical_code::aborted, "ABORTED", 409},
    {canonical_code::out_of_range, "OUT_OF_RANGE", 400},
    {canonical_code::unimplemented, "UNIMPLEMENTED", 501},
    {canonical_code::internal, "INTERNAL", 500},
    {canonical_code::unavailable, "UNAVAILABLE", 503},
    {canonical_code::data_loss, "DATA_LOSS", 500},
    {canonical_code::unauthenticated, "UNAUTHENTICATED", 401},
};

/// The `google.rpc.Code` name of `c` (`"NOT_FOUND"`). O(1).
constexpr std::string_view name_of(canonical_code c) noexcept {
  return canonical_codes[static_cast<std::uint8_t>(c)].name;
}

/// The HTTP status `code.proto` maps `c` to (`not_found` → 404). O(1).
constexpr int http_status_of(canonical_code c) noexcept {
  return canonical_codes[static_cast<std::uint8_t>(c)].http_status;
}

/// The canonical code named `name` (exact, upper case), or nullopt. O(number of codes).
constexpr std::optional<canonical_code> canonical_code_named(std::string_view name) noexcept {
  for (const canonical_code_info& i : canonical_codes) {
    if (i.name == name) return i.code;
  }
  return std::nullopt;
}

/// The canonical code for an HTTP status, by the HTTP → RPC table Google's API gateways
/// use: 2xx OK; 400 INVALID_ARGUMENT, 401 UNAUTHENTICATED, 403 PERMISSION_DENIED,
/// 404 NOT_FOUND, 409 ABORTED, 416 OUT_OF_RANGE, 429 RESOURCE_EXHAUSTED, 499 CANCELLED,
/// other 4xx FAILED_PRECONDITION; 501 UNIMPLEMENTED, 503 UNAVAILABLE, 504
/// DEADLINE_EXCEEDED, other 5xx INTERNAL; anything else UNKNOWN. Several codes share a
/// status (409: ABORTED and ALREADY_EXISTS), so the two directions are not inverses.
constexpr canonical_code canonical_code_for(int http_status) noexcept {
  switch (http_status) {
    case 400:
      return canonical_code::invalid_argument;
    case 401:
      return canonical_code::unauthenticated;
    case 403:
      return canonical_code::permission_denied;
    case 404:
      return canonical_code::not_found;
    case 409:
      return canonical_code::aborted;
    case 416:
      return canonical_code::out_of_range;
    case 429:
      return canonical_code::resource_exhausted;
    case 499:
      return canonical_code::cancelled;
    case 501:
      return canonical_code::unimplemented;
    case 503:
      return canonical_code::unavailable;
    case 504:
      return canonical_code::deadline_exceeded;
    default:
      break;
  }
  if (http_status >= 200 && http_status < 300) return canonical_code::ok;
  if (http_status >= 400 && http_status < 500) return canonical_code::failed_precondition;
  if (http_status >= 500 && http_status < 600) return canonical_code::internal;
  return canonical_code::unknown;
}

}  // namespace errcat
