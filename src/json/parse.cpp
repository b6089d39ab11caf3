// Reading error responses. The body goes through nlohmann's SAX parser rather than into a
// DOM: only the handful of fields an error can carry are kept, nesting is bounded, and a
// body that turns out malformed halfway still yields what came before the damage.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "errcat/json.hpp"
#include "errcat/match.hpp"
#include "errcat/registry.hpp"
#include "shapes.hpp"
#include "utf8.hpp"

namespace errcat {
namespace {

// Deeper bodies are not error responses; stopping early also bounds the parser's stack.
constexpr std::size_t max_depth = 64;

enum class key_kind : std::uint8_t {
  other,
  error,
  error_code,
  error_msg,
  code,
  message,
  request_id,
  encoded_authorization_message,
};

key_kind classify(std::string_view k) noexcept {
  if (k == "error_code") return key_kind::error_code;
  if (k == "error_msg") return key_kind::error_msg;
  if (k == "request_id") return key_kind::request_id;
  if (k == "encoded_authorization_message") return key_kind::encoded_authorization_message;
  if (k == "error") return key_kind::error;
  if (k == "code") return key_kind::code;
  if (k == "message") return key_kind::message;
  return key_kind::other;
}

// A field found in the body, and how authoritative the place it was found is: the Huawei
// names at the top level win over the same names nested, which win over Keystone's.
struct field {
  std::string value;
  int rank = 0;

  void offer(std::string&& v, int r) {
    if (r < rank) return;
    value = std::move(v);
    rank = r;
  }
  bool found() const noexcept { return rank > 0; }
};

struct body_fields {
  field code;
  field message;
  field request_id;
  field encoded_authorization_message;
  int status = 0;  // Keystone's `error.code`, a number
  bool object = false;
};

// What a JSON scalar was, for fields that accept numbers as well as strings.
enum class scalar : std::uint8_t { string, number, other };

class sax {
 public:
  using json = nlohmann::json;

  explicit sax(body_fields& out) noexcept : out_(out) {}

  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t v) {
    on_number(v);
    return true;
  }
  bool number_unsigned(json::number_unsigned_t v) {
    on_number(v);
    return true;
  }
  bool number_float(json::number_float_t, const json::string_t& text) {
    std::string copy = text;
    on_scalar(std::move(copy), scalar::other);
    return true;
  }
  bool string(json::string_t& v) {
    on_scalar(std::move(v), scalar::string);
    return true;
  }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) {
    if (++depth_ > max_depth) return false;
    if (depth_ == 1) out_.object = true;
    if (depth_ == 2 && top_key_ == key_kind::error) in_error_ = true;
    return true;
  }
  bool end_object() {
    if (depth_ == 2) in_error_ = false;
    --depth_;
    return true;
  }
  bool start_array(std::size_t) { return ++depth_ <= max_depth; }
  bool end_array() {
    --depth_;
    return true;
  }
  bool key(json::string_t& k) {
    if (depth_ == 1) top_key_ = classify(k);
    if (depth_ == 2) nested_key_ = classify(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

 private:
  template <class I>
  void on_number(I v) {
    if (depth_ == 2 && in_error_ && nested_key_ == key_kind::code) {
      // Keystone's `code` is the HTTP status.
      if (v >= 100 && v <= 999) out_.status = static_cast<int>(v);
      return;
    }
    on_scalar(std::to_string(v), scalar::number);
  }

  void on_scalar(std::string&& v, scalar what) {
    if (what == scalar::other) return;
    if (depth_ == 1) {
      switch (top_key_) {
        case key_kind::error_code:
          return out_.code.offer(std::move(v), 4);
        case key_kind::error_msg:
          return what == scalar::string ? out_.message.offer(std::move(v), 4) : void();
        case key_kind::request_id:
          return out_.request_id.offer(std::move(v), 4);
        case key_kind::encoded_authorization_message:
          return what == scalar::string ? out_.encoded_authorization_message.offer(std::move(v), 4)
                                        : void();
        case key_kind::code:
          return what == scalar::string ? out_.code.offer(std::move(v), 1) : void();
        case key_kind::message:
          return what == scalar::string ? out_.message.offer(std::move(v), 1) : void();
        case key_kind::error:
          // `{"error": "text"}`: a message with no code.
          return what == scalar::string ? out_.message.offer(std::move(v), 1) : void();
        case key_kind::other:
          return;
      }
    }
    if (depth_ == 2 && in_error_) {
      switch (nested_key_) {
        case key_kind::error_code:
          return out_.code.offer(std::move(v), 3);
        case key_kind::error_msg:
          return what == scalar::string ? out_.message.offer(std::move(v), 3) : void();
        case key_kind::request_id:
          return out_.request_id.offer(std::move(v), 3);
        case key_kind::encoded_authorization_message:
          return what == scalar::string ? out_.encoded_authorization_message.offer(std::move(v), 3)
                                        : void();
        case key_kind::code:
          return what == scalar::string ? out_.code.offer(std::move(v), 2) : void();
        case key_kind::message:
          return what == scalar::string ? out_.message.offer(std::move(v), 2) : void();
        case key_kind::error:
        case key_kind::other:
          return;
      }
    }
  }

  body_fields& out_;
  std::size_t depth_ = 0;
  key_kind top_key_ = key_kind::other;
  key_kind nested_key_ = key_kind::other;
  bool in_error_ = false;
};

// True when the body was one complete JSON value.
bool read_body(std::string_view body, body_fields& out) {
  sax handler(out);
  return nlohmann::json::sax_parse(body.data(), body.data() + body.size(), &handler,
                                   nlohmann::json::input_format_t::json, true, false);
}

constexpr char lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// HTTP's optional whitespace around field values: spaces and tabs, at the ends only.
constexpr std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

constexpr bool starts_with(std::string_view s, std::string_view p) noexcept {
  return s.substr(0, p.size()) == p;
}

constexpr bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A catalog to look a code up in, and the code as that catalog documents it (the registry
// matches any letter case: a server's `ecs.0114` is the table's `Ecs.0114`).
struct catalog_candidate {
  const catalog* source = nullptr;
  std::string_view code;
};

// The catalogs to look `code` up in, most likely first. The catalogs the caller names in
// `options`, in its order, and only those. Otherwise the bundled catalogs (the registry):
// for a code, those that document it, first the ones whose template under `status` matches
// `message` (VPC.0101 is in VPC's and EIP's tables), then in the registry's default order;
// without a code, every bundled catalog in that order.
std::vector<catalog_candidate> catalogs_for(const parse_options& options, int status,
                                            std::string_view code, std::string_view message) {
  std::vector<catalog_candidate> out;
  const auto add = [&out](const catalog* c, std::string_view documented) {
    for (const catalog_candidate& have : out) {
      if (have.source == c) return;
    }
    out.push_back({c, documented});
  };
  if (!options.catalogs.empty()) {
    for (const catalog* c : options.catalogs) {
      if (c == nullptr) continue;
      std::string_view documented = code;
      for (const bundled_match m : find_bundled(code)) {
        if (m.source->catalog == c && c->find_key(code) == nullptr) documented = m.entry->code;
      }
      add(c, documented);
    }
    return out;
  }
  if (code.empty()) {
    for (const bundled_catalog& c : bundled_catalogs())
      add(c.catalog, code);
    return out;
  }
  const bundled_range found = find_bundled(code);
  for (const bundled_match m : found) {
    if (m.entry->status == status && match(*m.entry, message).has_value())
      add(m.source->catalog, m.entry->code);
  }
  for (const bundled_match m : found)
    add(m.source->catalog, m.entry->code);
  return out;
}

template <class F>
void for_each_catalog(const parse_options& options, int status, std::string_view code,
                      std::string_view message, F&& f) {
  for (const catalog_candidate& c : catalogs_for(options, status, code, message)) {
    if (f(*c.source, c.code)) return;
  }
}

std::size_t literal_size(const entry& e) noexcept {
  std::size_t n = 0;
  for (const segment& s : e.segments) {
    if (s.is_literal()) n += s.text.size();
  }
  return n;
}

// A body with a message but no catalog code (Keystone's shape): the entry documented under
// `status` whose template the message fits, preferring the most literal text.
const entry* find_by_message(const parse_options& options, int status, std::string_view message) {
  const entry* best = nullptr;
  std::size_t best_literal = 0;
  for_each_catalog(options, status, {}, message, [&](const catalog& c, std::string_view) {
    for (const entry& e : c) {
      if (e.status != status) continue;
      const std::size_t lit = literal_size(e);
      if (best != nullptr && lit <= best_literal) continue;
      if (match(e, message).has_value()) {
        best = &e;
        best_literal = lit;
      }
    }
    return false;
  });
  return best;
}

error build(int status, std::string_view body, std::span<const http_header> headers,
            const parse_options& options) {
  // Problem details and google.rpc.Status are read through their shape definitions.
  if (std::optional<error> standard = json_detail::read_document(status, body, headers, options))
    return std::move(*standard);
  body_fields f;
  bool complete = false;
  if (json_detail::valid_utf8(body)) {
    complete = read_body(body, f);
  } else {
    // nlohmann rejects invalid UTF-8 outright; read a repaired copy so the fields survive,
    // and keep the original bytes as the raw body.
    read_body(json_detail::replace_invalid_utf8(body), f);
  }
  const int effective = status != 0 ? status : f.status;
  const std::string_view code = f.code.value;
  const std::string_view message = f.message.value;

  error err;
  bool matched = false;
  if (f.code.found()) {
    for_each_catalog(options, effective, code, message,
                     [&](const catalog& c, std::string_view documented) {
                       if (c.find_key(documented) == nullptr) return false;
                       match_result m = c.match(effective, documented, message);
                       if (!f.message.found()) {
                         err = error(*m.entry);
                       } else if (!m.args.empty() || match(*m.entry, message).has_value()) {
                         err = error(*m.entry, std::string(message), std::move(m.args));
                       } else {
                         // Found by code, but the server worded it differently: keep its words.
                         err = error(*m.entry, std::string(message), {});
                       }
                       err.set_code(code);
                       matched = true;
                       return true;
                     });
  } else if (f.message.found() && effective != 0) {
    if (const entry* e = find_by_message(options, effective, message)) {
      auto values = match(*e, message);
      err = error(*e, std::string(message), values ? std::move(*values) : std::vector<argument>{});
      matched = true;
    }
  }
  if (!matched) err = error(effective, code, message);
  if (effective != 0) err.set_status(effective);

  if (f.request_id.found()) {
    err.set_request_id(f.request_id.value);
  } else {
    for (const http_header& h : headers) {
      if (iequals(trim(h.name), "x-request-id")) {
        err.set_request_id(trim(h.value));
        break;
      }
    }
  }
  if (f.encoded_authorization_message.found())
    err.set_encoded_authorization_message(f.encoded_authorization_message.value);
  if (!complete || !f.object || (!f.code.found() && !f.message.found()))
    err.set_raw_body(json_detail::bounded_prefix(body, options.max_raw_body));
  return err;
}

}  // namespace

error parse_response(int status, std::string_view body, std::span<const http_header> headers,
                     const parse_options& options) noexcept {
  try {
    return build(status, body, headers, options);
  } catch (...) {
    // Out of memory (or a bug): an error without allocation still says which status came.
    error err;
    err.set_status(status);
    return err;
  }
}

error parse_http_message(std::string_view raw, const parse_options& options) noexcept {
  int status = 0;
  try {
    std::vector<http_header> headers;
    std::string_view rest = raw;
    const auto next_line = [&rest]() {
      const std::size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      return line;
    };
    while (starts_with(rest, "HTTP/")) {
      const std::string_view status_line = next_line();
      const std::size_t sp = status_line.find(' ');
      status = 0;
      if (sp != std::string_view::npos) {
        const std::string_view digits = status_line.substr(sp + 1, 3);
        if (all_digits(digits)) {
          for (char c : digits)
            status = status * 10 + (c - '0');
        }
      }
      headers.clear();
      while (!rest.empty()) {
        const std::string_view line = next_line();
        if (line.empty()) break;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        headers.push_back({trim(line.substr(0, colon)), trim(line.substr(colon + 1))});
      }
      // `curl -i` prints interim responses (100 Continue) before the real one.
      if (status < 100 || status >= 200) break;
    }
    return parse_response(status, rest, headers, options);
  } catch (...) {
    error err;
    err.set_status(status);
    return err;
  }
}

}  // namespace errcat
