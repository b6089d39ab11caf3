// Request ids as responses carry them: the id and where it travelled.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace errcat {

/// Where a response carried a request id. Listed in the order `error::request_id()` picks
/// from when a response carries several: the body's own id first (the service wrote it into
/// this error), then the headers, the general one before the service-specific ones.
enum class request_id_source : std::uint8_t {
  body,                    ///< The body's `request_id` member.
  x_request_id,            ///< The `X-Request-Id` header (the API gateway, most services).
  x_iam_trace_id,          ///< The `X-IAM-Trace-Id` header (IAM's front end).
  x_openstack_request_id,  ///< The `X-Openstack-Request-Id` header (Keystone's `req-…`).
};

/// `"body"`, or the header's name as registered (`"X-Request-Id"`, `"X-IAM-Trace-Id"`,
/// `"X-Openstack-Request-Id"`): the spelling in JSON output.
constexpr std::string_view to_string(request_id_source s) noexcept {
  switch (s) {
    case request_id_source::x_request_id:
      return "X-Request-Id";
    case request_id_source::x_iam_trace_id:
      return "X-IAM-Trace-Id";
    case request_id_source::x_openstack_request_id:
      return "X-Openstack-Request-Id";
    case request_id_source::body:
      break;
  }
  return "body";
}

/// One request id a response carried, and where.
struct received_request_id {
  request_id_source source = request_id_source::body;  ///< Where it was found.
  std::string id;  ///< The id as received (header values trimmed of spaces and tabs).

  /// Equal when source and id are.
  friend bool operator==(const received_request_id&, const received_request_id&) = default;
};

}  // namespace errcat
