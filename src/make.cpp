// The run-time checked path of make(): names and kinds are validated here, out of line,
// so the inline code in users' translation units stays small.
#include "errcat/make.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <vector>

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
  const auto r = a.holds() == param_value::kind::signed_integer
                     ? std::to_chars(buf, buf + sizeof buf, a.signed_value())
                     : std::to_chars(buf, buf + sizeof buf, a.unsigned_value());
  return std::string(buf, r.ptr);
}

// make_from_slots() for an entry with more parameters than the generator allows (a
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

}  // namespace

error make(const entry& e, std::span<const named_arg> args) {
  if (args.empty()) return error(e);
  if (e.params.size() > max_params) {
    throw usage_error("errcat: " + std::string(e.code) + " has more than " +
                          std::to_string(max_params) + " parameters",
                      e.code);
  }
  std::array<param_value, max_params> slots{};
  for (const named_arg& a : args) {
    const int i = e.param_index(a.name);
    if (i < 0) {
      throw usage_error("errcat: " + std::string(e.code) + " has no parameter " +
                            quote_text(a.name) + "; " + param_list(e),
                        e.code, a.name);
    }
    const auto slot = static_cast<std::size_t>(i);
    if (slots[slot].has_value()) {
      throw usage_error("errcat: parameter " + quote_text(a.name) + " of " + std::string(e.code) +
                            " is given more than once",
                        e.code, a.name);
    }
    if (e.params[slot].kind == param_kind::integer && a.value.has_value() &&
        !a.value.is_integer()) {
      throw usage_error("errcat: parameter " + quote_text(a.name) + " of " + std::string(e.code) +
                            " is an integer, but was given the text " + quote_text(a.value.text()),
                        e.code, a.name);
    }
    slots[slot] = a.value;
  }
  return make_from_slots(e, std::span<const param_value>(slots.data(), e.params.size()));
}

error make_from_slots(const entry& e, std::span<const param_value> slots) {
  const std::span<const param_value> values = slots.first(std::min(e.params.size(), slots.size()));
  const std::size_t n = values.size();
  std::size_t given = 0;
  for (const param_value& v : values)
    given += v.has_value() ? 1U : 0U;
  if (given == 0) return error(e);
  if (n > max_params) return make_unbounded(e, values);

  // The sizes first, so that the message and the values are written straight into the
  // error's one block. A value is kept as a view of its first place in the message; only
  // a value the template never shows (possible in a hand-made entry) needs room of its own.
  std::array<bool, max_params> shown{};
  std::size_t message_size = 0;
  for (const segment& s : e.segments) {
    const auto slot = static_cast<std::size_t>(s.slot);
    if (!s.is_literal() && slot < n && values[slot].has_value()) {
      message_size += detail::value_size(values[slot]);
      shown[slot] = true;
    } else {
      message_size += s.text.size();
    }
  }
  std::size_t unshown_size = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (values[i].has_value() && !shown[i]) unshown_size += detail::value_size(values[i]);
  }

  detail::error_block_ref block(detail::error_block::create(message_size, given, unshown_size));
  argument* kept = block->args_data();
  std::array<argument*, max_params> kept_of{};
  for (std::size_t i = 0, k = 0; i < n; ++i) {
    if (!values[i].has_value()) continue;
    kept[k] = {e.params[i].name, e.params[i].kind, {}};
    kept_of[i] = &kept[k++];
  }
  char* out = block->message_data();
  for (const segment& s : e.segments) {
    const auto slot = static_cast<std::size_t>(s.slot);
    if (!s.is_literal() && slot < n && values[slot].has_value()) {
      char* const start = out;
      out = detail::write_value(out, values[slot]);
      if (!kept_of[slot]->value.data()) {
        kept_of[slot]->value = std::string_view(start, static_cast<std::size_t>(out - start));
      }
    } else {
      out = detail::copy(out, s.text);
    }
  }
  out = block->values_data();
  for (std::size_t i = 0; i < n; ++i) {
    if (!values[i].has_value() || shown[i]) continue;
    char* const start = out;
    out = detail::write_value(out, values[i]);
    kept_of[i]->value = std::string_view(start, static_cast<std::size_t>(out - start));
  }
  return error(e, std::move(block));
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
  if (all.size() > 1) ambiguous(c, code, all, status);
  error err = make(*e, args);
  if (code != e->code) err.set_code(code);
  return err;
}

}  // namespace errcat
