// The run-time checked path of make(): names and kinds are validated here, out of line,
// so the inline code in users' translation units stays small.
#include "errcat/make.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <new>
#include <string>
#include <type_traits>
#include <vector>

#include "errcat/detail/hash.hpp"
#include "errcat/render.hpp"

namespace errcat {
namespace {

std::string quote_text(std::string_view s) {
  std::string out = "\"";
  out.append(s);
  out += '"';
  return out;
}

std::string param_list(const entry& e) {
  if (e.params.empty()) return "it has no parameters";
  std::string out = "its parameters are ";
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    if (i != 0) out += ", ";
    out.append(e.params[i].name);
  }
  return out;
}

std::string integer_text(const param_value& a) {
  char buf[24];
  const auto r = a.kind() == param_value::value_kind::signed_integer
                     ? std::to_chars(buf, buf + sizeof buf, a.signed_value())
                     : std::to_chars(buf, buf + sizeof buf, a.unsigned_value());
  return std::string(buf, r.ptr);
}

// make_from_values() for an entry with more parameters than the generator allows (a
// hand-made one): the values are rendered apart and copied into the error.
error make_unbounded(const entry& e, std::span<const param_value> values) {
  std::vector<std::string> texts;
  texts.reserve(values.size());
  std::vector<argument> kept;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const param_value& a = values[i];
    if (!a.has_value()) continue;
    texts.push_back(a.is_integer() ? integer_text(a) : std::string(a.text()));
  }
  for (std::size_t i = 0, k = 0; i < values.size(); ++i) {
    if (values[i].has_value()) kept.push_back({e.params[i].name, e.params[i].kind, texts[k++]});
  }
  return error(e, render(e, values), kept);
}

[[noreturn]] void ambiguous(const catalog& c, std::string_view code, const entry_range& all,
                            int status) {
  std::string msg = "errcat: " + std::string(c.service) + " error code " + quote_text(code) +
                    " is documented more than once";
  if (status != 0) msg += " under status " + std::to_string(status);
  msg += " (";
  bool first = true;
  for (const entry& e : all) {
    if (!first) msg += ", ";
    first = false;
    msg += std::string(e.name) + " " + std::to_string(e.status);
  }
  msg += "); pass the status or use the errc enumerator";
  throw usage_error(msg, code);
}

// Values for an entry's parameters, of which only the first `n` are initialised: make() is
// on the path of every error, and clearing all max_params values would cost more than
// filling the few an entry has.
class value_array {
 public:
  explicit value_array(std::size_t n) noexcept : n_(n) {
    for (std::size_t i = 0; i < n; ++i)
      ::new (static_cast<void*>(&u_.values[i])) param_value();
  }
  param_value& operator[](std::size_t i) noexcept { return u_.values[i]; }
  std::span<const param_value> view() const noexcept { return {u_.values, n_}; }

 private:
  union storage {
    storage() noexcept {}  // leaves the values uninitialised
    param_value values[max_params];
  };
  static_assert(std::is_trivially_destructible_v<param_value>);
  storage u_;
  std::size_t n_;
};

// entry::param_index(), comparing names as words rather than through memcmp: parameter
// names are short, and make() looks up each one on the path of every error.
int param_of(const entry& e, std::string_view name) noexcept {
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    if (detail::same_key(e.params[i].name, name)) return static_cast<int>(i);
  }
  return -1;
}

[[noreturn]] void unknown_param(const entry& e, std::string_view name) {
  throw usage_error("errcat: " + std::string(e.code) + " has no parameter " + quote_text(name) +
                        "; " + param_list(e),
                    e.code, name);
}

[[noreturn]] void param_twice(const entry& e, std::string_view name) {
  throw usage_error("errcat: parameter " + quote_text(name) + " of " + std::string(e.code) +
                        " is given more than once",
                    e.code, name);
}

[[noreturn]] void text_for_integer(const entry& e, const named_arg& a) {
  throw usage_error("errcat: parameter " + quote_text(a.name) + " of " + std::string(e.code) +
                        " is an integer, but was given the text " + quote_text(a.value.text()),
                    e.code, a.name);
}

}  // namespace

error make(const entry& e, std::span<const named_arg> args) {
  if (args.empty()) return error(e);
  if (e.params.size() > max_params) {
    throw usage_error("errcat: " + std::string(e.code) + " has more than " +
                          std::to_string(max_params) + " parameters",
                      e.code);
  }
  value_array values(e.params.size());
  for (const named_arg& a : args) {
    const int i = param_of(e, a.name);
    if (i < 0) unknown_param(e, a.name);
    const auto p = static_cast<std::size_t>(i);
    if (values[p].has_value()) param_twice(e, a.name);
    if (e.params[p].kind == param_kind::integer && a.value.has_value() && !a.value.is_integer())
      text_for_integer(e, a);
    values[p] = a.value;
  }
  return make_from_values(e, values.view());
}

namespace {

// The parts of make_from_values(), which is on the path of every error made from an entry:
// forced inline, since as calls they made make<>() about 1.6 times slower (errcat_bench).
//
// What the error's block needs room for: the rendered message's size, and the values
// the template never shows (possible in a hand-made entry), which need room of their
// own. A value the message shows is kept as a view of its first place in the message.
struct block_sizes {
  std::size_t message = 0;
  std::size_t unshown = 0;
  std::uint64_t shown = 0;  // bit i: parameter i's value appears in the message
};
static_assert(max_params <= 64, "a set of parameters is one 64-bit word");

ERRCAT_ALWAYS_INLINE bool fills(const segment& s, std::span<const param_value> values) noexcept {
  const auto p = static_cast<std::size_t>(s.param_index);
  return !s.is_literal() && p < values.size() && values[p].has_value();
}

ERRCAT_ALWAYS_INLINE block_sizes measure(const entry& e,
                                         std::span<const param_value> values) noexcept {
  block_sizes b;
  for (const segment& s : e.segments) {
    if (fills(s, values)) {
      const auto p = static_cast<std::size_t>(s.param_index);
      b.message += detail::value_size(values[p]);
      b.shown |= std::uint64_t{1} << p;
    } else {
      b.message += s.text.size();
    }
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].has_value() && (b.shown >> i & 1U) == 0)
      b.unshown += detail::value_size(values[i]);
  }
  return b;
}

// Writes the message into `block`, pointing each value's argument (`kept_of[p]`) at its
// first place in the message.
ERRCAT_ALWAYS_INLINE void write_message(detail::error_block& block, const entry& e,
                                        std::span<const param_value> values,
                                        const std::array<argument*, max_params>& kept_of) noexcept {
  std::uint64_t placed = 0;
  char* out = block.message_data();
  for (const segment& s : e.segments) {
    if (!fills(s, values)) {
      out = detail::copy(out, s.text);
      continue;
    }
    const auto p = static_cast<std::size_t>(s.param_index);
    char* const start = out;
    out = detail::write_value(out, values[p]);
    if ((placed >> p & 1U) == 0) {
      kept_of[p]->value = std::string_view(start, static_cast<std::size_t>(out - start));
      placed |= std::uint64_t{1} << p;
    }
  }
}

// Writes the values the message does not show after it, and points their arguments there.
ERRCAT_ALWAYS_INLINE void write_unshown(detail::error_block& block,
                                        std::span<const param_value> values, std::uint64_t shown,
                                        const std::array<argument*, max_params>& kept_of) noexcept {
  char* out = block.values_data();
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!values[i].has_value() || (shown >> i & 1U) != 0) continue;
    char* const start = out;
    out = detail::write_value(out, values[i]);
    kept_of[i]->value = std::string_view(start, static_cast<std::size_t>(out - start));
  }
}

}  // namespace

error make_from_values(const entry& e, std::span<const param_value> all) {
  const std::span<const param_value> values = all.first(std::min(e.params.size(), all.size()));
  const std::size_t n = values.size();
  if (n > max_params) return make_unbounded(e, values);
  std::size_t given = 0;
  for (const param_value& v : values)
    given += v.has_value() ? 1U : 0U;
  if (given == 0) return error(e);

  // The sizes first, so that the message and the values are written straight into the
  // error's one block.
  const block_sizes sizes = measure(e, values);
  detail::error_block_ref block(detail::error_block::create(sizes.message, given, sizes.unshown));
  argument* kept = block->args_data();
  std::array<argument*, max_params> kept_of;  // set for the values given, read only there
  for (std::size_t i = 0, k = 0; i < n; ++i) {
    if (!values[i].has_value()) continue;
    kept[k] = {e.params[i].name, e.params[i].kind, {}};
    kept_of[i] = &kept[k++];
  }
  write_message(*block.get(), e, values, kept_of);
  write_unshown(*block.get(), values, sizes.shown, kept_of);
  return error(e, std::move(block));
}

error make_from_slots(const entry& e, std::span<const param_value> slots) {
  return make_from_values(e, slots);
}

error make_from_values(const entry& e, const param_value* values, std::size_t count) {
  return make_from_values(e, std::span<const param_value>(values, count));
}

error make(const catalog& c, std::string_view code, std::span<const named_arg> args) {
  return make(c, 0, code, args);
}

error make(const catalog& c, int status, std::string_view code, std::span<const named_arg> args) {
  const entry_range all = c.find_all(status, code);
  const entry* e = all.front();
  if (e == nullptr) {
    std::string msg =
        "errcat: unknown " + std::string(c.service) + " error code " + quote_text(code);
    if (status != 0 && c.find(code) != nullptr) {
      msg = "errcat: " + std::string(c.service) + " error code " + quote_text(code) +
            " is not documented under status " + std::to_string(status) + " (it is under " +
            std::to_string(c.find(code)->status) + ")";
    }
    throw usage_error(msg, code);
  }
  if (all.count() > 1) ambiguous(c, code, all, status);
  error err = make(*e, args);
  if (!detail::same_key(code, e->code)) err.set_code(code);  // an alias spelling
  return err;
}

error make(const entry& e, std::initializer_list<named_arg> args) {
  return make(e, detail::span_of(args));
}

error make(const catalog& c, std::string_view code, std::initializer_list<named_arg> args) {
  return make(c, code, detail::span_of(args));
}

error make(const catalog& c, int status, std::string_view code,
           std::initializer_list<named_arg> args) {
  return make(c, status, code, detail::span_of(args));
}

}  // namespace errcat
