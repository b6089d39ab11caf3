// What every HTTP adapter shares, with no HTTP library: an errcat::error as the status,
// headers and body a server sends, and the `Retry-After` header read as a delay. The
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
  /// the google style's `RetryInfo` (see `body_options::retry`).
  // TRANSITIONAL (issue 15): once errcat::error carries retry advice, an unset
  // `after_seconds` takes the error's own advised delay.
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
      : status_(err.status()), body_(to_body(err, options.style, body_options_of(options))) {
    add("Content-Type", content_type(options.style));
    if (!err.request_id().empty()) add(options.request_id_header, err.request_id());
    if (options.retry.after_seconds && *options.retry.after_seconds >= 0) {
      add("Retry-After", format_seconds(*options.retry.after_seconds));
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
  static body_options body_options_of(const response_options& options) noexcept {
    body_options b;
    b.instance = options.instance;
    b.retry = options.retry;
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
  std::array<http_header, 4> headers_{};
  std::size_t count_ = 0;
  std::array<char, 20> retry_after_{};  // the digits of the longest int64
  std::string www_authenticate_;
  std::string body_;
};

// TRANSITIONAL (issue 15): the one place errcat's HTTP components read `Retry-After`
// themselves. Once errcat::error carries retry advice, parse_response reads it there and
// these functions give way to it.

/// The delay `Retry-After` advises, in seconds: `value` as delta-seconds (`120`); an HTTP
/// date is not read here (nothing: no advice). Surrounding spaces are ignored. O(n) in the
/// value's length, no allocation.
constexpr std::optional<std::int64_t> retry_after_seconds(std::string_view value) noexcept {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
    value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
    value.remove_suffix(1);
  if (value.empty() || value.size() > 18) return std::nullopt;
  std::int64_t seconds = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = seconds * 10 + (c - '0');
  }
  return seconds;
}

/// The delay the `Retry-After` header among `headers` advises (name in any case), or
/// nothing. O(total length of the header names).
constexpr std::optional<std::int64_t> retry_after_seconds(
    std::span<const http_header> headers) noexcept {
  constexpr std::string_view name = "retry-after";
  for (const http_header& h : headers) {
    if (h.name.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) {
      const char c = h.name[i];
      same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == name[i];
    }
    if (same) return retry_after_seconds(h.value);
  }
  return std::nullopt;
}

}  // namespace errcat
