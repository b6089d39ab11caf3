// HTTP status conditions: the bridge between catalog codes and the std::error_condition
// world, so `ec == errcat::http_status::not_found` works for every catalog.
#pragma once

#include <optional>
#include <string_view>
#include <system_error>

namespace errcat {

/// The HTTP statuses catalogs document, as `std::error_condition` values in
/// `http_category()`. Every catalog code is equivalent to the condition of its status.
enum class http_status : int {
  bad_request = 400,               ///< 400 Bad Request
  unauthorized = 401,              ///< 401 Unauthorized
  forbidden = 403,                 ///< 403 Forbidden
  not_found = 404,                 ///< 404 Not Found
  method_not_allowed = 405,        ///< 405 Method Not Allowed
  request_timeout = 408,           ///< 408 Request Timeout
  conflict = 409,                  ///< 409 Conflict
  gone = 410,                      ///< 410 Gone
  payload_too_large = 413,         ///< 413 Payload Too Large
  uri_too_long = 414,              ///< 414 URI Too Long
  too_many_requests = 429,         ///< 429 Too Many Requests
  request_header_too_large = 494,  ///< 494 Request Header Too Large (nginx, API Gateway)
  internal_server_error = 500,     ///< 500 Internal Server Error
  not_implemented = 501,           ///< 501 Not Implemented
  bad_gateway = 502,               ///< 502 Bad Gateway
  service_unavailable = 503,       ///< 503 Service Unavailable
  gateway_timeout = 504,           ///< 504 Gateway Timeout
};

/// The reason phrase of an HTTP status (`"Not Found"` for 404); `"Client Error"` or
/// `"Server Error"` for other 4xx/5xx statuses, `"Unknown Status"` otherwise.
constexpr std::string_view reason_phrase(int status) noexcept {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 402:
      return "Payment Required";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 407:
      return "Proxy Authentication Required";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 416:
      return "Range Not Satisfiable";
    case 417:
      return "Expectation Failed";
    case 421:
      return "Misdirected Request";
    case 422:
      return "Unprocessable Content";
    case 423:
      return "Locked";
    case 424:
      return "Failed Dependency";
    case 425:
      return "Too Early";
    case 426:
      return "Upgrade Required";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 451:
      return "Unavailable For Legal Reasons";
    case 494:
      return "Request Header Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    case 505:
      return "HTTP Version Not Supported";
    case 507:
      return "Insufficient Storage";
    case 508:
      return "Loop Detected";
    case 511:
      return "Network Authentication Required";
    default:
      break;
  }
  if (status >= 400 && status < 500) return "Client Error";
  if (status >= 500 && status < 600) return "Server Error";
  return "Unknown Status";
}

/// The portable `std::errc` condition an HTTP status also compares equal to, where the
/// meaning is the same, or nothing. The mapping as a table, with how many documented codes
/// each status has: include/errcat/README.md, "`std::error_code` and conditions".
/// (A template only so that `std::optional<std::errc>` is instantiated where it is called,
/// not in every translation unit that includes an error: about 3 ms. Call it as before.)
template <class = void>
constexpr std::optional<std::errc> generic_condition(int status) noexcept {
  switch (status) {
    case 400:
      return std::errc::invalid_argument;
    case 401:
    case 403:
      return std::errc::permission_denied;
    case 405:
      return std::errc::operation_not_supported;
    case 408:
    case 504:
      return std::errc::timed_out;
    case 413:
      return std::errc::message_size;
    case 429:
    case 503:
      return std::errc::resource_unavailable_try_again;
    case 501:
      return std::errc::function_not_supported;
    default:
      return std::nullopt;
  }
}

/// The category of HTTP status conditions, named `"http"`; one object per program.
const std::error_category& http_category() noexcept;

/// Makes `s` a condition in `http_category()`.
inline std::error_condition make_error_condition(http_status s) noexcept {
  return {static_cast<int>(s), http_category()};
}

}  // namespace errcat

/// `errcat::http_status` values are error conditions.
template <>
struct std::is_error_condition_enum<errcat::http_status> : std::true_type {};
