// Test fixtures that need no test framework: canned responses a server would send for
// an error, every catalog entry for data-driven tests, and a readable form of an error for
// failure messages. Part of errcat::json; used by the Catch2 and GoogleTest matchers alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "errcat/catalog.hpp"
#include "errcat/error.hpp"
#include "errcat/http_status.hpp"
#include "errcat/json.hpp"
#include "errcat/registry.hpp"
// Not used here: tests that make IAM and API gateway errors have always had these headers
// with <errcat/testing.hpp> (as the examples in include/errcat/README.md do).
#include "errcat/apigw.hpp"
#include "errcat/iam.hpp"

namespace errcat::testing {

/// A header a fixture owns (of a response, or of a request a fake server received).
struct header {
  std::string name;   ///< Header name as it was spelled.
  std::string value;  ///< Header value.
};
/// A response header a fixture owns.
using response_header = header;

/// A complete canned error response: what a server sends for an error.
struct http_response {
  int status = 0;                        ///< HTTP status.
  std::vector<response_header> headers;  ///< `Content-Type`, and `X-Request-Id` when set.
  std::string body;                      ///< The body bytes.

  /// The value of header `name` (case-insensitive), or empty.
  std::string_view header(std::string_view name) const noexcept {
    for (const response_header& h : headers) {
      if (h.name.size() != name.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < name.size() && same; ++i)
        same = lower(h.name[i]) == lower(name[i]);
      if (same) return h.value;
    }
    return {};
  }
  /// The headers as `errcat::http_header` views, for `parse_response`.
  std::vector<http_header> header_views() const {
    std::vector<http_header> out;
    out.reserve(headers.size());
    for (const response_header& h : headers)
      out.push_back({h.name, h.value});
    return out;
  }
  /// The whole message as `curl -i` prints it (CRLF line ends), for `parse_http_message`
  /// or a raw-socket mock server.
  std::string to_string() const {
    std::string out = "HTTP/1.1 " + std::to_string(status) + " ";
    out.append(reason_phrase(status));
    out += "\r\n";
    for (const response_header& h : headers)
      out += h.name + ": " + h.value + "\r\n";
    out += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    out += body;
    return out;
  }

 private:
  static constexpr char lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
};

/// The response a server sends for `err`: its status, `Content-Type: application/json;
/// charset=utf-8`, `X-Request-Id` when the error has one, and `to_body(err, style)`.
inline http_response response(const error& err, body_style style = body_style::huawei) {
  http_response r;
  r.status = err.status();
  r.headers.push_back({"Content-Type", "application/json;charset=utf-8"});
  if (!err.request_id().empty())
    r.headers.push_back({"X-Request-Id", std::string(err.request_id())});
  r.body = to_body(err, style);
  return r;
}

/// Every entry of `c`, in documented order; for `GENERATE(from_range(entries(c)))`.
inline std::vector<const entry*> entries(const catalog& c) {
  std::vector<const entry*> out;
  out.reserve(c.size());
  for (const entry& e : c)
    out.push_back(&e);
  return out;
}

/// Every entry of every bundled catalog (errcat::bundled_catalogs(): IAM, the API gateway
/// and, with the otc component, every Open Telekom Cloud service), catalog by catalog in
/// the registry's order, each in documented order. O(entries); allocates the vector.
inline std::vector<const entry*> all_entries() {
  std::vector<const entry*> out;
  for (const bundled_catalog& c : bundled_catalogs()) {
    for (const entry& e : *c.catalog)
      out.push_back(&e);
  }
  return out;
}

namespace detail {
/// `s` in double quotes, as failure messages show text.
inline std::string quoted(std::string_view s) {
  std::string out = "\"";
  out.append(s);
  out += '"';
  return out;
}

}  // namespace detail

/// A readable one-line form of an error for test failure messages:
/// `404 IAM.0004 "Could not find user: 42." {target="user", target_id="42"}`.
inline std::string describe(const error& err) {
  std::string out = std::to_string(err.status()) + " ";
  out.append(err.code().empty() ? std::string_view("(no code)") : err.code());
  out += " " + detail::quoted(err.message());
  if (!err.args().empty()) {
    out += " {";
    bool first = true;
    for (const argument& a : err.args()) {
      if (!first) out += ", ";
      first = false;
      out.append(a.name);
      out += "=" + detail::quoted(a.value);
    }
    out += "}";
  }
  if (!err.request_id().empty()) out += " request_id=" + detail::quoted(err.request_id());
  if (err.status_mismatch())
    out += " (documented under " + std::to_string(err.entry()->status) + ")";
  return out;
}

}  // namespace errcat::testing
