#include "rules.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "text.hpp"

namespace errcat::gen {
namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `PREFIX.DIGITS` → PREFIX; otherwise empty.
std::string_view prefix_of(std::string_view code) {
  const std::size_t dot = code.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == code.size()) return {};
  return all_digits(code.substr(dot + 1)) ? code.substr(0, dot) : std::string_view();
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string label(const source_entry& e) {
  return "errors[" + std::to_string(e.index) + "] (" + snippet(e.code, 40) + ")";
}

void check_names(source_catalog& c, diagnostics& d) {
  std::map<std::string, std::size_t> names;
  for (source_entry& e : c.entries) {
    if (e.name.empty() && e.rejected) continue;  // missing: already reported
    if (!is_cpp_identifier(e.name)) {
      d.at(e, "field \"name\" must be a C++ identifier that is not a keyword, not " +
                  text::quoted(e.name));
      e.rejected = true;
    } else if (const auto [it, fresh] = names.emplace(e.name, e.index); !fresh) {
      d.at(e, "field \"name\" " + text::quoted(e.name) + " is already used by errors[" +
                  std::to_string(it->second) + "]");
      e.rejected = true;
    }
  }
}

void check_rows(source_catalog& c, diagnostics& d) {
  std::map<std::tuple<int, std::string, std::string>, std::size_t> rows;
  for (source_entry& e : c.entries) {
    if (e.rejected) continue;
    const auto [row, fresh] = rows.emplace(std::make_tuple(e.status, e.code, e.message), e.index);
    if (!fresh) {
      d.at(e,
           "repeats errors[" + std::to_string(row->second) + "] (same status, code and message)");
      e.rejected = true;
    }
  }
}

void assign_values(source_catalog& c, diagnostics& d) {
  const std::string home = home_prefix(c);
  std::map<std::pair<int, std::string>, int> occurrences;
  std::map<int, const source_entry*> values;
  for (source_entry& e : c.entries) {
    if (e.rejected) continue;
    e.retry = e.explicit_retry.value_or(default_retry(e.status));
    const int occurrence = occurrences[{e.status, e.code}]++;
    e.value = e.explicit_value ? static_cast<int>(*e.explicit_value)
                               : derive_value(e.status, e.code, occurrence, home);
    if (const auto [it, fresh] = values.emplace(e.value, &e); !fresh) {
      d.at(e, "it and " + label(*it->second) + " both get errc value " + std::to_string(e.value) +
                  "; give one of them an explicit \"value\"");
      e.rejected = true;
    }
  }
}

}  // namespace

int derive_value(int status, std::string_view code, int occurrence, std::string_view home_prefix) {
  std::string_view digits = code;
  bool prefixed = false;
  if (const std::string_view p = prefix_of(code); !p.empty() && p == home_prefix) {
    digits = code.substr(p.size() + 1);
    prefixed = true;
  }
  if (!digits.empty() && digits.size() <= 4 && all_digits(digits) && occurrence <= 9) {
    int number = 0;
    for (char ch : digits)
      number = number * 10 + (ch - '0');
    return status * 1000000 + occurrence * 100000 + (prefixed ? 10000 : 0) + number;
  }
  const std::string key =
      std::to_string(status) + ' ' + std::string(code) + ' ' + std::to_string(occurrence);
  return static_cast<int>(hashed_value_base +
                          static_cast<std::int64_t>(fnv1a(key) % hashed_value_count));
}

std::string home_prefix(const source_catalog& c) {
  if (!c.errc_prefix.empty()) return c.errc_prefix;
  std::set<std::string_view> prefixes;
  for (const source_entry& e : c.entries) {
    if (const std::string_view p = prefix_of(e.code); !p.empty()) prefixes.insert(p);
  }
  return prefixes.size() == 1 ? std::string(*prefixes.begin()) : std::string();
}

retry_class default_retry(int status) {
  if (status == 429) return retry_class::throttled;
  if (status == 500 || status == 502 || status == 503 || status == 504) return retry_class::backoff;
  return retry_class::never;
}

void parse_templates(source_catalog& c, diagnostics& d) {
  for (source_entry& e : c.entries) {
    if (e.message.empty() && e.rejected) continue;
    if (auto err = parse_template(e.message, e.params, e.tmpl)) {
      d.at(e, "message: " + *err);
    } else if (e.has_params && e.params.size() != e.tmpl.positional) {
      d.at(e, "field \"params\" names " + std::to_string(e.params.size()) +
                  " parameters, but the message has " + std::to_string(e.tmpl.positional) +
                  " positional placeholders (%s, %d, {}, {0})");
    } else if (!e.has_params && e.tmpl.positional > 0) {
      d.at(e, "the message has " + std::to_string(e.tmpl.positional) +
                  " positional placeholders (%s, %d, {}, {0}), so field \"params\" must name "
                  "them");
    } else {
      continue;
    }
    e.rejected = true;
  }
}

void apply_rules(source_catalog& c, diagnostics& d) {
  check_names(c, d);
  parse_templates(c, d);
  check_rows(c, d);
  assign_values(c, d);
  std::erase_if(c.entries, [](const source_entry& e) { return e.rejected; });
}

}  // namespace errcat::gen
