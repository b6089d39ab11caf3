// {fmt} and iostream output for errcat::error and errcat::entry.
//
// Format spec (the same for both types):
//   {}    one line:  IAM.0004 (404 Not Found): Could not find user: 42.
//   {:l}  long form: the line above, then the name, description and remediation (and, for
//         an error, its request id when it has one), each on its own indented line.
// Any other spec is a fmt::format_error: at compile time for a checked format string,
// when the format string is only known at run time (fmt::runtime) by a throw.
#pragma once

#include <ostream>
#include <string_view>

#include <fmt/core.h>
#include <fmt/format.h>

#include "errcat/entry.hpp"
#include "errcat/error.hpp"
#include "errcat/format_args.hpp"  // fmt is here anyway: make<>() takes what fmt formats
#include "errcat/http_status.hpp"

namespace errcat::detail {

// Parses "" or "l"; anything else is rejected by name.
struct error_format_spec {
  bool long_form = false;

  template <class ParseContext>
  constexpr auto parse(ParseContext& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    const auto end = ctx.end();
    if (it != end && *it == 'l') {
      long_form = true;
      ++it;
    }
    if (it != end && *it != '}') {
      // A throw is not a constant expression, so a checked format string with a bad spec
      // fails to compile; fmt::runtime() strings get the exception.
      throw fmt::format_error("errcat: invalid format spec; use {} or {:l}");
    }
    return it;
  }
};

template <class Out>
Out format_line(Out out, int status, std::string_view code, std::string_view message) {
  return fmt::format_to(out, "{} ({} {}): {}", code, status, errcat::reason_phrase(status),
                        message);
}

template <class Out>
Out format_details(Out out, std::string_view name, std::string_view description,
                   std::string_view remediation) {
  if (!name.empty()) out = fmt::format_to(out, "\n  name:        {}", name);
  if (!description.empty()) out = fmt::format_to(out, "\n  description: {}", description);
  if (!remediation.empty()) out = fmt::format_to(out, "\n  remediation: {}", remediation);
  return out;
}

}  // namespace errcat::detail

/// Formats an `errcat::error`: `{}` is one line with code, status and rendered message
/// (`IAM.0004 (404 Not Found): Could not find user: 42.`); `{:l}` adds the name,
/// description, remediation and request id on indented lines. An empty error is
/// `(no error)`.
template <>
struct fmt::formatter<errcat::error> : errcat::detail::error_format_spec {
  /// Writes `err` in the form the spec chose.
  template <class FormatContext>
  auto format(const errcat::error& err, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = ctx.out();
    if (err.status() == 0 && err.code().empty() && err.message().empty()) {
      return fmt::format_to(out, "(no error)");
    }
    out = errcat::detail::format_line(out, err.status(), err.code(), err.message());
    if (!long_form) return out;
    if (err.status_mismatch()) {
      out = fmt::format_to(out, "\n  documented:  {} {}", err.entry()->status,
                           errcat::reason_phrase(err.entry()->status));
    }
    out = errcat::detail::format_details(out, err.name(), err.description(), err.remediation());
    if (!err.request_id().empty())
      out = fmt::format_to(out, "\n  request id:  {}", err.request_id());
    return out;
  }
};

/// Formats an `errcat::entry`: `{}` is one line with code, status and the message template
/// (`IAM.0004 (404 Not Found): Could not find %(target)s: %(target_id)s.`); `{:l}` adds
/// the name, description, remediation and the parameters with their kinds.
template <>
struct fmt::formatter<errcat::entry> : errcat::detail::error_format_spec {
  /// Writes `e` in the form the spec chose.
  template <class FormatContext>
  auto format(const errcat::entry& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = errcat::detail::format_line(ctx.out(), e.status, e.code, e.message);
    if (!long_form) return out;
    out = errcat::detail::format_details(out, e.name, e.description, e.remediation);
    if (!e.params.empty()) {
      out = fmt::format_to(out, "\n  parameters:  ");
      std::string_view separator;
      for (const errcat::param& p : e.params) {
        out = fmt::format_to(out, "{}{} ({})", separator, p.name,
                             p.kind == errcat::param_kind::integer ? "integer" : "string");
        separator = ", ";
      }
    }
    return out;
  }
};

namespace errcat {

/// Writes `fmt::format("{}", err)` to `os`.
inline std::ostream& operator<<(std::ostream& os, const error& err) {
  fmt::memory_buffer buf;
  fmt::format_to(fmt::appender(buf), "{}", err);
  return os.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

/// Writes `fmt::format("{}", e)` to `os`.
inline std::ostream& operator<<(std::ostream& os, const entry& e) {
  fmt::memory_buffer buf;
  fmt::format_to(fmt::appender(buf), "{}", e);
  return os.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

}  // namespace errcat
