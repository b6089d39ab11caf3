// Test fixtures for code that calls IAM: canned responses, Catch2 matchers, and every
// catalog entry for data-driven tests. Part of errcat::json; include it in test code only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "errcat/apigw.hpp"
#include "errcat/error.hpp"
#include "errcat/http_status.hpp"
#include "errcat/iam.hpp"
#include "errcat/json.hpp"

// Catch2 v3 has separate headers; v2 is one header, which the test may already have
// included under another path (a vendored "catch.hpp").
#if __has_include(<catch2/catch_version_macros.hpp>)
#include <catch2/catch_tostring.hpp>
#include <catch2/catch_version_macros.hpp>
#include <catch2/matchers/catch_matchers.hpp>
#elif !defined(CATCH_VERSION_MAJOR)
#include <catch2/catch.hpp>
#endif

namespace errcat::testing {

/// A response header a fixture owns.
struct response_header {
  std::string name;   ///< Header name as a server spells it.
  std::string value;  ///< Header value.
};

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

/// Every entry of the bundled catalogs (IAM, then the API gateway).
inline std::vector<const entry*> all_entries() {
  std::vector<const entry*> out = entries(iam::catalog);
  const std::vector<const entry*> gw = entries(apigw::catalog);
  out.insert(out.end(), gw.begin(), gw.end());
  return out;
}

namespace detail {
#if CATCH_VERSION_MAJOR >= 3
template <class T>
using matcher_base = Catch::Matchers::MatcherBase<T>;
#else
template <class T>
using matcher_base = Catch::MatcherBase<T>;
#endif

inline std::string quoted(std::string_view s) {
  std::string out = "\"";
  out.append(s);
  out += '"';
  return out;
}

// A matcher from a predicate and a description, so each public matcher is one line.
template <class Pred>
class error_matcher final : public matcher_base<error> {
 public:
  error_matcher(Pred pred, std::string description)
      : pred_(std::move(pred)), description_(std::move(description)) {}
  bool match(const error& err) const override { return pred_(err); }
  std::string describe() const override { return description_; }

 private:
  Pred pred_;
  std::string description_;
};

template <class Pred>
error_matcher<Pred> make_matcher(Pred pred, std::string description) {
  return error_matcher<Pred>(std::move(pred), std::move(description));
}
}  // namespace detail

/// Matches an error whose code is `code` (as received: `APIGW.0301` is not `APIG.0301`).
inline auto is_error(std::string code) {
  std::string description = "is error " + detail::quoted(code);
  return detail::make_matcher(
      [code = std::move(code)](const error& err) { return err.code() == code; },
      std::move(description));
}

/// Matches an error with HTTP status `status`.
inline auto has_status(int status) {
  return detail::make_matcher([status](const error& err) { return err.status() == status; },
                              "has status " + std::to_string(status));
}

/// Matches an error whose parameter `name` has the value `value`.
inline auto has_arg(std::string name, std::string value) {
  std::string description = "has argument " + detail::quoted(name) + " = " + detail::quoted(value);
  return detail::make_matcher(
      [name = std::move(name), value = std::move(value)](const error& err) {
        const auto v = err.value_of(name);
        return v.has_value() && *v == value;
      },
      std::move(description));
}

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

/// Catch2 prints an `errcat::error` with `errcat::testing::describe`.
template <>
struct Catch::StringMaker<errcat::error> {
  static std::string convert(const errcat::error& err) { return errcat::testing::describe(err); }
};
