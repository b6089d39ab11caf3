// What every HTTP adapter shares, with no HTTP library: an errcat::error as the status,
// headers and body a server sends. The
// adapters (<errcat/http/curl.hpp>, beast.hpp, httplib.hpp) and errcat::testing's fake
// server write responses through `error_response`, so every stack sends the same bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "errcat/error.hpp"
#include "errcat/json.hpp"
#include "errcat/retry.hpp"

namespace errcat {

/// How an error is written as an HTTP response.
struct response_options {
  /// The body's shape: `to_body(err, style, ...)` is the body, byte for byte, and
  /// `content_type(style)` its `Content-Type`.
  body_style style = body_style::huawei;
  /// The header that carries the error's request id (left out when the error has none).
  std::string_view request_id_header = "X-Request-Id";
  /// The identity endpoint a Keystone-style 401 names, as Keystone does:
  /// `WWW-Authenticate: Keystone uri="<keystone_uri>"` (Keystone sends its own base URL,
  /// e.g. `https://iam.example.com:5000`).
  std::string_view keystone_uri;
  /// RFC 9457 `instance` of a problem-style body (omitted when empty).
  std::string_view instance;
  /// The retry advice to give: `Retry-After` in seconds when `after_seconds` is set, and
  /// the google style's `RetryInfo` (see `body_options::retry`). Without `after_seconds`,
  /// the error's own `retry()` is given (a received error passed on keeps its delay; a
  /// made one has none, so no header).
  retry_advice retry;
};

/// An error as a complete response: status, headers and body. The headers are views into
/// this object and into the error, which must outlive it; it cannot be copied or moved
/// for that reason (construct it where it is used). Costs one allocation for the body
/// (and one more for a Keystone 401's `WWW-Authenticate`).
class error_response {
 public:
  /// The response for `err`: its status; `Content-Type: content_type(style)`
  /// (`application/problem+json` for problem details); the request id header when the
  /// error has a request id; `Retry-After` when `options.retry` gives a delay; for a 401
  /// in the Keystone style, `WWW-Authenticate` as Keystone sends it; and
  /// `to_body(err, style, {instance, retry})`.
  /// Throws what `to_body` throws (std::bad_alloc).
  explicit error_response(const error& err, const response_options& options = {})
      : status_(err.status()),
        retry_(options.retry.after_seconds ? options.retry : err.retry()),
        body_(to_body(err, options.style, body_options_of(options, retry_))) {
    add("Content-Type", content_type(options.style));
    if (!err.request_id().empty()) add(options.request_id_header, err.request_id());
    if (retry_.after_seconds && *retry_.after_seconds >= 0) {
      add("Retry-After", format_seconds(*retry_.after_seconds));
    }
    if (options.style == body_style::keystone && status_ == 401) {
      www_authenticate_ = "Keystone uri=\"";
      www_authenticate_.append(options.keystone_uri);
      www_authenticate_ += '"';
      add("WWW-Authenticate", www_authenticate_);
    }
  }
  error_response(const error_response&) = delete;
  error_response& operator=(const error_response&) = delete;

  /// The HTTP status.
  int status() const noexcept { return status_; }
  /// The headers, `Content-Type` first (no `Content-Length`: the stacks add it).
  std::span<const http_header> headers() const noexcept { return {headers_.data(), count_}; }
  /// The body bytes.
  const std::string& body() const noexcept { return body_; }
  /// Moves the body out (for stacks that take ownership of a string).
  std::string take_body() noexcept { return std::move(body_); }

 private:
  static body_options body_options_of(const response_options& options,
                                      const retry_advice& retry) noexcept {
    body_options b;
    b.instance = options.instance;
    b.retry = retry;
    return b;
  }
  void add(std::string_view name, std::string_view value) noexcept {
    headers_[count_++] = http_header{name, value};
  }
  std::string_view format_seconds(std::int64_t seconds) noexcept {
    char* end = retry_after_.data() + retry_after_.size();
    char* p = end;
    auto v = static_cast<std::uint64_t>(seconds);
    do {
      *--p = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    return {p, static_cast<std::size_t>(end - p)};
  }

  int status_;
  retry_advice retry_;  // the advice given, for Retry-After and the body
  std::array<http_header, 4> headers_{};
  std::size_t count_ = 0;
  std::array<char, 20> retry_after_{};  // the digits of the longest int64
  std::string www_authenticate_;
  std::string body_;
};

}  // namespace errcat
