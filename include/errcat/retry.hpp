// Retry advice: whether repeating a failed request can succeed, as a catalog documents it
// per entry (`entry::retry`) and as a response's headers and message refine it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace errcat {

/// Whether a request that failed with an error may succeed when repeated. Each catalog
/// entry carries one (`entry::retry`): the catalog JSON's `"retry"` field, or, when absent,
/// the class its HTTP status implies (`retry_class_for_status`).
enum class retry_class : std::uint8_t {
  never,      ///< Repeating the same request fails the same way; fix the request first.
  backoff,    ///< A transient failure: repeat after an increasing delay.
  throttled,  ///< A rate limit was reached: repeat once the limit resets (see `after_seconds`).
};

/// Retry advice for one received error: the class, and how long to wait when the response
/// says: its `Retry-After` header (seconds, or an HTTP date counted from the time of
/// reading), else the pace a throttling message states (IAM.0012: `period_seconds` /
/// `threshold`, rounded up to whole seconds).
struct retry_advice {
  retry_class advice = retry_class::never;    ///< Whether and how to repeat the request.
  std::optional<std::int64_t> after_seconds;  ///< Seconds to wait; empty when nothing says.

  /// Equal when both members are.
  friend constexpr bool operator==(const retry_advice&, const retry_advice&) = default;
};

/// `"never"`, `"backoff"` or `"throttled"`: the spelling in JSON output and catalog files.
constexpr std::string_view to_string(retry_class r) noexcept {
  switch (r) {
    case retry_class::backoff:
      return "backoff";
    case retry_class::throttled:
      return "throttled";
    case retry_class::never:
      break;
  }
  return "never";
}

/// The class an HTTP status implies: 429 → `throttled`; 500, 502, 503 and 504 →
/// `backoff`; every other status → `never`. For errors no entry documents. O(1).
constexpr retry_class retry_class_for_status(int status) noexcept {
  if (status == 429) return retry_class::throttled;
  if (status == 500 || status == 502 || status == 503 || status == 504) return retry_class::backoff;
  return retry_class::never;
}

}  // namespace errcat
