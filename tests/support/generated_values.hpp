// Parameter values for the round-trip tests (a body written from an entry, then parsed back):
// text from a pool for string parameters, integers for integer ones.
#pragma once

#include <errcat/entry.hpp>
#include <errcat/param_value.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// The literal that follows a placeholder of parameter `p`, or empty.
inline std::string_view literal_after(const errcat::entry& e, std::size_t p) {
  for (std::size_t i = 0; i + 1 < e.segments.size(); ++i) {
    if (!e.segments[i].is_literal() && static_cast<std::size_t>(e.segments[i].param_index) == p &&
        e.segments[i + 1].is_literal())
      return e.segments[i + 1].text;
  }
  return {};
}

/// Values for every parameter of an entry, as text and as the arguments of make().
struct generated_values {
  std::vector<std::string> text;
  std::vector<errcat::named_arg> args;
};

/// Values for every parameter of `e`, rotating through `pool` by `seed`. A text value that
/// holds the literal after its placeholder would split differently under the shortest-first
/// rule, so the next one is taken. Integers are `integer(seed, p)`. `args` views `text`.
inline generated_values generate_values(const errcat::entry& e, std::size_t seed,
                                        std::span<const std::string_view> pool,
                                        long long (*integer)(std::size_t seed, std::size_t p)) {
  generated_values g;
  g.text.reserve(e.params.size());
  for (std::size_t p = 0; p < e.params.size(); ++p) {
    if (e.params[p].kind == errcat::param_kind::integer) {
      g.text.push_back(std::to_string(integer(seed, p)));
      continue;
    }
    const std::string_view after = literal_after(e, p);
    for (std::size_t k = 0;; ++k) {
      const std::string_view v = pool[(seed + p + k) % pool.size()];
      if (after.empty() || v.find(after) == std::string_view::npos) {
        g.text.emplace_back(v);
        break;
      }
    }
  }
  for (std::size_t p = 0; p < e.params.size(); ++p) {
    if (e.params[p].kind == errcat::param_kind::integer) {
      g.args.push_back({e.params[p].name, std::stoll(g.text[p])});
    } else {
      g.args.push_back({e.params[p].name, g.text[p]});
    }
  }
  return g;
}
