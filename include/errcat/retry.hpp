// Retry advice: whether repeating a failed request can succeed, as a catalog documents it
// per entry (`entry::retry`) and as a response's headers refine it.
#pragma once

#include <cstdint>
#include <optional>

namespace errcat {

/// Whether a request that failed with an error may succeed when repeated. Each catalog
/// entry carries one (`entry::retry`): the catalog JSON's `"retry"` field, or, when absent,
/// the class its HTTP status implies (429 → `throttled`; 500, 502, 503, 504 → `backoff`;
/// every other status → `never`).
enum class retry_class : std::uint8_t {
  never,      ///< Repeating the same request fails the same way; fix the request first.
  backoff,    ///< A transient failure: repeat after an increasing delay.
  throttled,  ///< A rate limit was reached: repeat once the limit resets (see `after_seconds`).
};

/// Retry advice for one received error: the class, and the delay the server asked for
/// (a `Retry-After` header, in seconds) when it sent one.
struct retry_advice {
  retry_class advice = retry_class::never;    ///< Whether and how to repeat the request.
  std::optional<std::int64_t> after_seconds;  ///< Server-requested delay in seconds, if any.
};

}  // namespace errcat
