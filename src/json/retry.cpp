// Retry advice: the class comes from the catalog, the delay from the response.
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "errcat/json.hpp"
#include "errcat/retry.hpp"
#include "salvage.hpp"
#include "text.hpp"

namespace errcat {
namespace {

// Header names compare in any ASCII case; values lose HTTP's optional whitespace.
using text::iequals;
using text::trim;

// A run of decimal digits as a number, or nullopt (empty, other characters, or more than
// 18 digits, which no delay or date needs).
constexpr std::optional<std::int64_t> digits(std::string_view s) noexcept {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
constexpr std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};

// The fields of an HTTP date, filled token by token in whichever of the three orders.
struct date_fields {
  std::int64_t day = -1, month = -1, year = -1, hour = -1, minute = -1, second = -1;

  bool take(std::string_view token) noexcept {
    if (token.find(':') != std::string_view::npos) return take_time(token);
    if (const auto n = digits(token)) {
      if (day < 0 && token.size() <= 2) {
        day = *n;
      } else if (year < 0 && (token.size() == 4 || token.size() == 2)) {
        // RFC 850's two-digit years: 70-99 are 19xx (RFC 9110 asks to read them as the
        // most recent past year with those digits; HTTP dates are never that old).
        year = token.size() == 4 ? *n : (*n >= 70 ? 1900 + *n : 2000 + *n);
      } else {
        return false;
      }
      return true;
    }
    for (std::size_t m = 0; m < months.size(); ++m) {
      if (iequals(token, months[m])) {
        month = static_cast<std::int64_t>(m) + 1;
        return true;
      }
    }
    return true;  // the weekday, "GMT"
  }

  bool take_time(std::string_view t) noexcept {
    if (t.size() != 8 || t[2] != ':' || t[5] != ':') return false;
    const auto h = digits(t.substr(0, 2));
    const auto m = digits(t.substr(3, 2));
    const auto s = digits(t.substr(6, 2));
    if (!h || !m || !s) return false;
    hour = *h;
    minute = *m;
    second = *s;
    return true;
  }

  std::optional<std::int64_t> epoch_seconds() const noexcept {
    if (day < 1 || day > 31 || month < 1 || year < 1900 || hour < 0 || hour > 23 || minute > 59 ||
        second > 60 || minute < 0 || second < 0)
      return std::nullopt;
    return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  }
};

std::optional<std::int64_t> http_date(std::string_view value) noexcept {
  date_fields f;
  std::size_t i = 0;
  std::size_t tokens = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == ',' || value[i] == '-'))
      ++i;
    const std::size_t b = i;
    while (i < value.size() && value[i] != ' ' && value[i] != ',' && value[i] != '-')
      ++i;
    if (i == b) break;
    if (++tokens > 8 || !f.take(value.substr(b, i - b))) return std::nullopt;
  }
  return f.epoch_seconds();
}

std::int64_t system_now() noexcept {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The pace a throttling message states: `period_seconds` / `threshold`, rounded up.
std::optional<std::int64_t> throttling_pace(const error& err) noexcept {
  const auto threshold = err.value_of("threshold");
  const auto period = err.value_of("period_seconds");
  if (!threshold || !period) return std::nullopt;
  const auto t = digits(*threshold);
  const auto p = digits(*period);
  if (!t || !p || *t == 0) return std::nullopt;
  return (*p + *t - 1) / *t;
}

retry_class class_of(const error& err) noexcept {
  if (err.entry() != nullptr) return err.entry()->retry;
  const retry_class by_status = retry_class_for_status(err.status());
  // A gateway or proxy answering with its own page: the service behind it did not.
  if (by_status == retry_class::never && err.code().empty() &&
      detail::looks_like_markup(err.raw_body()) && (err.status() == 0 || err.status() >= 500))
    return retry_class::backoff;
  return by_status;
}

}  // namespace

std::optional<std::int64_t> retry_after_seconds(std::string_view value, std::int64_t now) noexcept {
  value = trim(value);
  if (const auto n = digits(value)) return *n;
  const auto at = http_date(value);
  if (!at) return std::nullopt;
  return *at > now ? *at - now : 0;
}

retry_advice advise_retry(const error& err, std::span<const http_header> headers,
                          std::int64_t now) noexcept {
  retry_advice r;
  r.advice = class_of(err);
  if (r.advice == retry_class::never) return r;
  for (const http_header& h : headers) {
    if (iequals(trim(h.name), "retry-after")) {
      r.after_seconds = retry_after_seconds(h.value, now != 0 ? now : system_now());
      if (r.after_seconds) return r;
    }
  }
  if (r.advice == retry_class::throttled) r.after_seconds = throttling_pace(err);
  return r;
}

}  // namespace errcat
