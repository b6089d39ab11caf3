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
#include "salvage.hpp"
#include "shapes.hpp"
#include "text.hpp"

namespace errcat {
namespace {

// Deeper bodies are not error responses; stopping early also bounds the parser's stack.
constexpr std::size_t max_depth = 64;

// A field found in the body, and the precedence of the shape whose member it came from
// (detail::shape_table(): the Huawei members at the top level win over the same
// members nested, which win over Keystone's, which win over a bare code and message).
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
  bool number_float(json::number_float_t, const json::string_t&) { return true; }
  bool string(json::string_t& v) {
    if (const detail::streamed_key* k = current()) offer(k->as_string, std::move(v));
    return true;
  }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) {
    if (++depth_ > max_depth) return false;
    if (depth_ == 1) out_.object = true;
    if (depth_ == 2 && top_key_is_error_) in_error_ = true;
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
    // What each member means comes from the shape definitions (shapes.cpp).
    if (depth_ == 1) {
      top_key_ = detail::streamed_member(false, k);
      top_key_is_error_ = k == "error";
    }
    if (depth_ == 2) nested_key_ = detail::streamed_member(true, k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

 private:
  // The slots of the member being read: at the top level, or in the top-level `error`.
  const detail::streamed_key* current() const noexcept {
    if (depth_ == 1) return &top_key_;
    if (depth_ == 2 && in_error_) return &nested_key_;
    return nullptr;
  }

  template <class I>
  void on_number(I v) {
    const detail::streamed_key* k = current();
    if (k == nullptr || k->as_number.precedence == 0) return;
    if (k->as_number.holds == detail::field::status) {
      // Keystone's `code` is the HTTP status.
      if (v >= 100 && v <= 999) out_.status = static_cast<int>(v);
      return;
    }
    offer(k->as_number, std::to_string(v));
  }

  void offer(const detail::streamed_slot& slot, std::string&& v) {
    if (slot.precedence == 0) return;
    switch (slot.holds) {
      case detail::field::code:
        return out_.code.offer(std::move(v), slot.precedence);
      case detail::field::message:
        return out_.message.offer(std::move(v), slot.precedence);
      case detail::field::request_id:
        return out_.request_id.offer(std::move(v), slot.precedence);
      case detail::field::encoded_authorization_message:
        return out_.encoded_authorization_message.offer(std::move(v), slot.precedence);
      default:
        return;  // what the streamed shapes write but errcat does not read (Keystone's title)
    }
  }

  body_fields& out_;
  std::size_t depth_ = 0;
  detail::streamed_key top_key_;
  detail::streamed_key nested_key_;
  bool top_key_is_error_ = false;
  bool in_error_ = false;
};

// True when the body was one complete JSON value.
bool read_body(std::string_view body, body_fields& out) {
  sax handler(out);
  return nlohmann::json::sax_parse(body.data(), body.data() + body.size(), &handler,
                                   nlohmann::json::input_format_t::json, true, false);
}

// Header names compare in any ASCII case; values lose HTTP's optional whitespace.
using text::iequals;
using text::trim;

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

// The catalogs to look `code` up in, most likely first. The caller's list, when it gave one,
// as it gave it. Otherwise the bundled catalogs (errcat::bundled_catalogs()): for a code,
// those that document it (in any letter case, through the registry), first the ones whose
// template under `status` matches `message` (VPC.0101 is in VPC's and EIP's tables), then in
// the registry's default order; for an empty code (a message to match), the bundled
// catalogs outside errcat::otc, in that order.
std::vector<const catalog*> catalogs_for(const parse_options& options, std::string_view code,
                                         int status = 0, std::string_view message = {}) {
  std::vector<const catalog*> out;
  if (!options.catalogs.empty()) {
    for (const catalog* c : options.catalogs) {
      if (c != nullptr) out.push_back(c);
    }
    return out;
  }
  const auto add = [&out](const catalog* c) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  };
  if (code.empty()) {
    // A body without a code could come from any service; only errcat's own catalogs are
    // matched by message, since the OTC services' generic templates (ELB's `%s %s could not
    // be found.`) would fit messages they never sent.
    for (const bundled_catalog& c : bundled_catalogs()) {
      if (!c.catalog->cpp_namespace.starts_with("errcat::otc::")) add(c.catalog);
    }
    return out;
  }
  const bundled_range found = find_bundled(code);
  for (const bundled_match m : found) {
    if (m.entry->status == status && match(*m.entry, message).has_value()) add(m.source->catalog);
  }
  for (const bundled_match m : found)
    add(m.source->catalog);
  return out;
}

// What a body gave, however it had to be read.
struct reading {
  body_fields fields;
  bool complete = false;  // one complete JSON value
  bool salvaged = false;  // the fields were picked out of text that is not JSON
  bool page = false;      // an HTML page: the message is its visible text
};

// Fills the members the JSON reader did not find from the body's `"key": "value"` pairs.
void salvage(std::string_view body, body_fields& f) {
  detail::salvaged_fields s = detail::salvage_pairs(body);
  if (!f.code.found() && !s.code.empty()) f.code.offer(std::move(s.code), 1);
  if (!f.message.found() && !s.message.empty()) f.message.offer(std::move(s.message), 1);
  if (!f.request_id.found() && !s.request_id.empty())
    f.request_id.offer(std::move(s.request_id), 1);
  if (!f.encoded_authorization_message.found() && !s.encoded_authorization_message.empty())
    f.encoded_authorization_message.offer(std::move(s.encoded_authorization_message), 1);
}

reading read(std::string_view body, const parse_options& options) {
  reading r;
  // nlohmann rejects invalid UTF-8 outright; a repaired copy is read instead, so the
  // fields survive (the original bytes stay the raw body).
  std::string repaired;
  std::string_view text = body;
  if (!text::valid_utf8(body)) {
    repaired = text::replace_invalid_utf8(body);
    text = repaired;
  }
  if (detail::looks_like_markup(text)) {
    r.fields.message.offer(detail::page_text(text, options.max_page_text), 1);
    r.page = true;
    return r;
  }
  const bool json = read_body(text, r.fields);
  r.complete = json && text.data() == body.data();
  if (!json) {
    salvage(text, r.fields);
    r.salvaged = r.fields.code.found() || r.fields.message.found();
  }
  return r;
}

// The error a body's code names: the entry of the first catalog that knows the code (in
// any letter case), with the values the message gives.
std::optional<error> identify_by_code(int status, const reading& r, const parse_options& options) {
  const std::string_view code = r.fields.code.value;
  const std::string_view message = r.fields.message.value;
  for (const catalog* c : catalogs_for(options, code, status, message)) {
    const code_key* k = find_key_any_case(*c, code);
    if (k == nullptr) continue;
    const match_result m = c->match(status, k->code, message);
    error err = r.fields.message.found() ? error(*m.entry, message, m.args) : error(*m.entry);
    err.set_code_on_wire(code);
    err.set_match(m.kind);
    return err;
  }
  return std::nullopt;
}

// The error a message names when the body has no code (Keystone's shape).
std::optional<error> identify_by_message(int status, const reading& r,
                                         const parse_options& options) {
  if (status == 0 || r.page || !r.fields.message.found()) return std::nullopt;
  const std::string_view message = r.fields.message.value;
  const match_result m = match_message(catalogs_for(options, {}), status, message);
  if (m.entry == nullptr) return std::nullopt;
  error err(*m.entry, message, m.args);
  err.set_match(m.kind);
  return err;
}

std::optional<request_id_source> request_id_header(std::string_view name) noexcept {
  if (iequals(name, "x-request-id")) return request_id_source::x_request_id;
  if (iequals(name, "x-iam-trace-id")) return request_id_source::x_iam_trace_id;
  if (iequals(name, "x-openstack-request-id")) return request_id_source::x_openstack_request_id;
  return std::nullopt;
}

void add_request_ids(error& err, const body_fields& f, std::span<const http_header> headers) {
  if (f.request_id.found() && !f.request_id.value.empty())
    err.add_request_id(request_id_source::body, f.request_id.value);
  for (const http_header& h : headers) {
    const auto source = request_id_header(trim(h.name));
    const std::string_view id = trim(h.value);
    if (source && !id.empty()) err.add_request_id(*source, id);
  }
}

// For a body read through a shape definition (problem details, google.rpc.Status): every
// request id with its source, and the retry advice. The shape reader chose one id, from the
// body or else from `X-Request-Id`; it is kept as the body's when no header carried it.
void add_wire_facts(error& err, std::span<const http_header> headers,
                    const parse_options& options) {
  const std::string chosen(err.request_id());
  bool from_header = false;
  for (const http_header& h : headers) {
    if (request_id_header(trim(h.name)) && trim(h.value) == chosen) from_header = true;
  }
  if (!chosen.empty() && !from_header) err.add_request_id(request_id_source::body, chosen);
  add_request_ids(err, body_fields{}, headers);
  err.set_request_id({});  // request_id() picks by the documented order
  // google.rpc.RetryInfo's delay counts as a Retry-After after the response's own.
  std::vector<http_header> with_body_delay(headers.begin(), headers.end());
  const std::string delay =
      err.retry().after_seconds ? std::to_string(*err.retry().after_seconds) : std::string();
  if (!delay.empty()) with_body_delay.push_back({"Retry-After", delay});
  err.set_retry(advise_retry(err, with_body_delay, options.now));
}

error build(int status, std::string_view body, std::span<const http_header> headers,
            const parse_options& options) {
  // Problem details and google.rpc.Status are read through their shape definitions.
  if (std::optional<error> standard = detail::read_document(status, body, headers, options)) {
    add_wire_facts(*standard, headers, options);
    return std::move(*standard);
  }
  const reading r = read(body, options);
  const body_fields& f = r.fields;
  const int effective = status != 0 ? status : f.status;

  std::optional<error> found;
  if (f.code.found()) {
    found = identify_by_code(effective, r, options);
  } else {
    found = identify_by_message(effective, r, options);
  }
  error err = found ? std::move(*found) : error(effective, f.code.value, f.message.value);
  if (!found) {
    err.set_match(match_kind::none);
    if (f.code.found()) err.set_code_on_wire(f.code.value);
  } else if (r.salvaged) {
    err.set_match(match_kind::salvaged);
  }
  // A salvaged body is text copied from somewhere, not a response: its entry's documented
  // status is not taken for one that was received.
  if (effective != 0 || r.salvaged || !options.assume_documented_status) err.set_status(effective);

  add_request_ids(err, f, headers);
  if (f.encoded_authorization_message.found())
    err.set_encoded_authorization_message(f.encoded_authorization_message.value);
  if (!r.complete || !f.object || (!f.code.found() && !f.message.found()))
    err.set_raw_body(text::utf8_prefix(body, options.max_raw_body));
  err.set_retry(advise_retry(err, headers, options.now));
  return err;
}

// The status of an HTTP status line (`HTTP/1.1 404 Not Found`), or 0.
int status_of(std::string_view status_line) noexcept {
  const std::size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return 0;
  const std::string_view digits = status_line.substr(sp + 1, 3);
  if (!all_digits(digits)) return 0;
  int status = 0;
  for (char c : digits)
    status = status * 10 + (c - '0');
  return status;
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
      status = status_of(next_line());
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
