// errcat with cpp-httplib, both ways: a client reads an `httplib::Result` or
// `httplib::Response` as an errcat::error, and a server handler answers with one. Link
// errcat::httplib (cpp-httplib 0.11 or later).
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include <httplib.h>

#include "errcat/error.hpp"
#include "errcat/http/response.hpp"
#include "errcat/json.hpp"

namespace errcat {

namespace detail {
// Calls `f` with views of `headers` (no header text is copied): on the stack for up to 32
// headers, in a vector beyond.
template <class F>
auto with_header_views(const httplib::Headers& headers, F&& f) {
  constexpr std::size_t on_stack = 32;
  if (headers.size() <= on_stack) {
    std::array<http_header, on_stack> views;
    std::size_t n = 0;
    for (const auto& [name, value] : headers)
      views[n++] = http_header{name, value};
    return f(std::span<const http_header>(views.data(), n));
  }
  std::vector<http_header> views;
  views.reserve(headers.size());
  for (const auto& [name, value] : headers)
    views.push_back(http_header{name, value});
  return f(std::span<const http_header>(views));
}
}  // namespace detail

/// Reads a response cpp-httplib received: its status, headers and body through
/// `parse_response`, so the request id header and the body's error are found as for any
/// response. Header text is viewed, not copied. May throw std::bad_alloc (over 32 headers).
inline error parse_response(const httplib::Response& response, const parse_options& options = {}) {
  return detail::with_header_views(response.headers, [&](std::span<const http_header> headers) {
    return parse_response(response.status, response.body, headers, options);
  });
}

/// Reads the result of a cpp-httplib request: the response's error as above, or, when the
/// request got no response, an error with status 0, no code and the message
/// `request failed: <cpp-httplib's reason>`.
inline error parse_response(const httplib::Result& result, const parse_options& options = {}) {
  if (!result) {
    return error(0, {}, "request failed: " + httplib::to_string(result.error()));
  }
  return parse_response(*result, options);
}

/// Answers with `err` in a cpp-httplib handler: `res` gets the status, the headers of
/// `error_response` (Content-Type, request id, Retry-After, WWW-Authenticate) and
/// `to_body(err, options.style)` as its body. Headers `res` already has keep their place
/// unless `error_response` sets the same name, which replaces them.
inline void write_response(httplib::Response& res, const error& err,
                           const response_options& options = {}) {
  error_response r(err, options);
  res.status = r.status();
  for (const http_header& h : r.headers()) {
    std::string name(h.name);
    res.headers.erase(name);  // httplib::Headers compares names in any case
    res.headers.emplace(std::move(name), std::string(h.value));
  }
  res.body = r.take_body();  // what set_content does, without copying the body
}

}  // namespace errcat
