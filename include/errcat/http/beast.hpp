// errcat with Boost.Beast, both ways: a client reads an
// `http::response<http::string_body>` as an errcat::error, and a server answers with one.
// Header-only; link errcat::beast (Boost 1.75 or later).
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "errcat/error.hpp"
#include "errcat/http/response.hpp"
#include "errcat/json.hpp"

namespace errcat {

namespace detail {
template <class StringView>
std::string_view std_view(StringView s) noexcept {
  return {s.data(), s.size()};
}

// Calls `f` with views of `fields` (no header text is copied): on the stack for up to 32
// fields, in a vector beyond.
template <class Fields, class F>
auto with_field_views(const Fields& fields, F&& f) {
  constexpr std::size_t on_stack = 32;
  std::array<http_header, on_stack> local;
  std::vector<http_header> more;
  std::size_t n = 0;
  for (const auto& field : fields) {
    const http_header h{std_view(field.name_string()), std_view(field.value())};
    if (n < on_stack) {
      local[n++] = h;
      continue;
    }
    if (more.empty()) more.assign(local.begin(), local.end());
    more.push_back(h);
  }
  return more.empty() ? f(std::span<const http_header>(local.data(), n))
                      : f(std::span<const http_header>(more));
}
}  // namespace detail

/// Reads a response Boost.Beast received: its status, headers and body through
/// `parse_response`. Header text is viewed in place, not copied. May throw std::bad_alloc
/// (over 32 headers).
template <class Fields>
error parse_response(
    const boost::beast::http::response<boost::beast::http::string_body, Fields>& response,
    const parse_options& options = {}) {
  return detail::with_field_views(response.base(), [&](std::span<const http_header> headers) {
    return parse_response(static_cast<int>(response.result_int()), response.body(), headers,
                          options);
  });
}

/// Answers with `err`: `res` gets the status, the headers of `error_response`
/// (Content-Type, request id, Retry-After, a Keystone 401's WWW-Authenticate; each
/// replacing a field of the same name), `to_body(err, options.style)` as its body, and
/// its payload prepared (`Content-Length`). Its version and keep-alive stay as set.
template <class Fields>
void write_response(boost::beast::http::response<boost::beast::http::string_body, Fields>& res,
                    const error& err, const response_options& options = {}) {
  error_response r(err, options);
  res.result(static_cast<unsigned>(r.status()));
  for (const http_header& h : r.headers())
    res.set(boost::beast::string_view(h.name.data(), h.name.size()),
            boost::beast::string_view(h.value.data(), h.value.size()));
  res.body() = r.take_body();
  res.prepare_payload();
}

}  // namespace errcat
