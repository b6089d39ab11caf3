// The shape table, and writing any shape (and reading the standard ones) from it.
#include "shapes.hpp"

#include <array>
#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "errcat/canonical_code.hpp"
#include "errcat/http_status.hpp"
#include "errcat/render.hpp"
#include "standard_read.hpp"
#include "text.hpp"

namespace errcat::detail {
namespace {

using json = nlohmann::json;

template <std::size_t A, std::size_t B>
constexpr std::array<member, A + B> join(const member (&a)[A], const member (&b)[B]) {
  std::array<member, A + B> out{};
  for (std::size_t i = 0; i < A; ++i)
    out[i] = a[i];
  for (std::size_t i = 0; i < B; ++i)
    out[A + i] = b[i];
  return out;
}

// What IAM sends: `{"error_code": "IAM.0004", "error_msg": "...", "request_id": "..."}`.
constexpr member huawei_members[] = {
    {"", "error_code", field::code, json_type::string_or_number},
    {"", "error_msg", field::message, json_type::string},
    {"", "request_id", field::request_id, json_type::string_or_number},
    {"", "encoded_authorization_message", field::encoded_authorization_message, json_type::string},
};
constexpr member huawei_signature[] = {
    {"", "error_code", field::code, json_type::string_or_number}};

// The Huawei members inside an `error` object, as some gateways wrap them.
constexpr member nested_huawei_members[] = {
    {"error", "error_code", field::code, json_type::string_or_number},
    {"error", "error_msg", field::message, json_type::string},
    {"error", "request_id", field::request_id, json_type::string_or_number},
    {"error", "encoded_authorization_message", field::encoded_authorization_message,
     json_type::string},
};

// What the OpenStack-style (OS-*) APIs send: `{"error": {"code": 404, "message", "title"}}`.
// The API gateway sends its code as the same member, as text: read, never written.
constexpr member keystone_members[] = {
    {"error", "code", field::status, json_type::number},
    {"error", "message", field::message, json_type::string},
    {"error", "title", field::reason_phrase, json_type::string},
    {"error", "code", field::code, json_type::string, true},
};
constexpr member keystone_signature[] = {{"error", "code", field::status, json_type::number}};

// The least a body can say: `{"code": "...", "message": "..."}` or `{"error": "text"}`.
constexpr member bare_members[] = {
    {"", "code", field::code, json_type::string},
    {"", "message", field::message, json_type::string},
    {"", "error", field::message, json_type::string},
};

// Both, for clients that read either.
constexpr auto combined_members = join(huawei_members, keystone_members);

// RFC 9457 problem details; the parameter values follow as extension members.
constexpr member problem_members[] = {
    {"", "type", field::problem_type, json_type::string},
    {"", "title", field::problem_title, json_type::string},
    {"", "status", field::status, json_type::number},
    {"", "detail", field::message, json_type::string},
    {"", "instance", field::instance, json_type::string},
    {"", "code", field::code, json_type::string_or_number},
    {"", "request_id", field::request_id, json_type::string},
    {"", "encoded_authorization_message", field::encoded_authorization_message, json_type::string},
    {"", "", field::parameters, json_type::string_or_number},
};
constexpr member problem_signature[] = {
    {"", "type", field::problem_type, json_type::string},
    {"", "detail", field::message, json_type::string},
};

// google.rpc.Status as Google's HTTP APIs send it; the parameter values are in the
// ErrorInfo detail's metadata.
constexpr member google_members[] = {
    {"error", "code", field::status, json_type::number},
    {"error", "message", field::message, json_type::string},
    {"error", "status", field::canonical_code, json_type::string},
    {"error", "details", field::status_details, json_type::array},
};
constexpr member google_signature[] = {
    {"error", "status", field::canonical_code, json_type::string},
    {"error", "details", field::status_details, json_type::array},
};

constexpr std::string_view json_media_type = "application/json;charset=utf-8";

// Ordered as they are tried when reading: the standard shapes first, each recognised by
// its signature; then the vendor shapes, whose order is the precedence of their fields
// (the Huawei members at the top level win over the same members nested, which win over
// Keystone's, which win over the bare `code` and `message`).
constexpr shape shapes[] = {
    {body_style::problem, "problem", "application/problem+json", problem_members, problem_signature,
     identity::type_uri, reader::document},
    {body_style::google, "google", json_media_type, google_members, google_signature,
     identity::error_info, reader::document},
    {body_style::combined,
     "combined",
     json_media_type,
     combined_members,
     {},
     identity::code,
     reader::parts},
    {body_style::huawei, "huawei", json_media_type, huawei_members, huawei_signature,
     identity::code, reader::streamed},
    {std::nullopt,
     "nested huawei",
     json_media_type,
     nested_huawei_members,
     {},
     identity::code,
     reader::streamed},
    {body_style::keystone, "keystone", json_media_type, keystone_members, keystone_signature,
     identity::code, reader::streamed},
    {std::nullopt, "bare", json_media_type, bare_members, {}, identity::code, reader::streamed},
};

constexpr std::uint8_t streamed_shape_count() {
  std::uint8_t n = 0;
  for (const shape& s : shapes)
    n = static_cast<std::uint8_t>(n + (s.read_by == reader::streamed ? 1 : 0));
  return n;
}

// The slots of a member name, from every streamed shape that defines it: the first (the
// strongest) for each JSON type.
constexpr streamed_key slots_of(bool in_error, std::string_view name) {
  const std::string_view object = in_error ? "error" : "";
  streamed_key key;
  auto precedence = streamed_shape_count();
  for (const shape& s : shapes) {
    if (s.read_by != reader::streamed) continue;
    for (const member& m : s.members) {
      if (m.name != name || m.object != object) continue;
      const streamed_slot slot{m.holds, precedence};
      const bool text = m.type == json_type::string || m.type == json_type::string_or_number;
      const bool number = m.type == json_type::number || m.type == json_type::string_or_number;
      if (text && key.as_string.precedence == 0) key.as_string = slot;
      if (number && key.as_number.precedence == 0) key.as_number = slot;
    }
    --precedence;
  }
  return key;
}

struct streamed_name {
  bool in_error = false;
  std::string_view name;
  streamed_key key;
};

constexpr std::size_t streamed_member_count() {
  std::size_t n = 0;
  for (const shape& s : shapes)
    n += s.read_by == reader::streamed ? s.members.size() : 0;
  return n;
}

// Every member name the streaming reader knows with its slots, worked out at compile time
// from the definitions, so reading a key costs a few comparisons (as a hand-written switch
// would).
constexpr auto streamed_names = [] {
  std::array<streamed_name, streamed_member_count()> out{};
  std::size_t n = 0;
  for (const shape& s : shapes) {
    if (s.read_by != reader::streamed) continue;
    for (const member& m : s.members)
      out[n++] = {!m.object.empty(), m.name, slots_of(!m.object.empty(), m.name)};
  }
  return out;
}();

// nlohmann stores strings as given and throws on invalid UTF-8 only when dumping; repair
// them here so every later dump() of the value succeeds.
json text(std::string_view s) {
  if (text::valid_utf8(s)) return std::string(s);
  return text::replace_invalid_utf8(s);
}

// An integer parameter's value as a JSON number; text that is not one stays text.
json typed_value(const argument& a) {
  if (a.kind == param_kind::integer) {
    const char* first = a.value.data();
    const char* last = first + a.value.size();
    std::int64_t s = 0;
    if (auto [end, ec] = std::from_chars(first, last, s); ec == std::errc() && end == last)
      return s;
    std::uint64_t u = 0;
    if (auto [end, ec] = std::from_chars(first, last, u); ec == std::errc() && end == last)
      return u;
  }
  return text(a.value);
}

// A reason for an error no catalog documents: its code in upper case, other characters as
// `_`, starting with a letter, so that it still matches AIP-193's pattern.
std::string undocumented_reason(std::string_view code) {
  std::string r =
      code.empty() || !((code[0] >= 'a' && code[0] <= 'z') || (code[0] >= 'A' && code[0] <= 'Z'))
          ? "CODE_"
          : "";
  for (char c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    r += (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_';
  }
  while (!r.empty() && r.back() == '_')
    r.pop_back();
  return r.size() < 3 ? "UNDOCUMENTED_ERROR" : r;
}

json error_info(const error& err) {
  json info = {{"@type", std::string(google_type_prefix) + "ErrorInfo"}};
  json metadata = json::object();
  if (const entry* e = err.entry()) {
    info["reason"] = error_reason(*e);
    if (const catalog* c = catalog_of(*e)) info["domain"] = error_domain(*c);
  } else {
    info["reason"] = undocumented_reason(err.code());
    // No entry to name the error by: the code travels as metadata.
    if (!err.code().empty()) metadata[std::string(undocumented_code_key)] = text(err.code());
  }
  for (const argument& a : err.args())
    metadata[metadata_key(a.name)] = text(a.value);
  if (!err.encoded_authorization_message().empty())
    metadata[std::string(authorization_message_key)] = text(err.encoded_authorization_message());
  if (!metadata.empty()) info["metadata"] = std::move(metadata);
  return info;
}

json google_details(const error& err, const body_options& options) {
  json details = json::array();
  details.push_back(error_info(err));
  const retry_advice retry = options.retry ? *options.retry : err.retry();
  if (retry.advice != retry_class::never && retry.after_seconds) {
    details.push_back({{"@type", std::string(google_type_prefix) + "RetryInfo"},
                       {"retryDelay", std::to_string(*retry.after_seconds) + "s"}});
  }
  if (!err.remediation().empty()) {
    json link = {{"description", text(err.remediation())}};
    const std::string type = problem_type(*err.entry());
    if (type.starts_with("https://") || type.starts_with("http://")) link["url"] = type;
    details.push_back({{"@type", std::string(google_type_prefix) + "Help"},
                       {"links", json::array({std::move(link)})}});
  }
  if (!err.request_id().empty()) {
    details.push_back({{"@type", std::string(google_type_prefix) + "RequestInfo"},
                       {"requestId", text(err.request_id())}});
  }
  return details;
}

// The value of `f` for `err`; null when the body leaves the member out.
json value_of(field f, const error& err, const body_options& options) {
  switch (f) {
    case field::code:
      return text(err.code());
    case field::message:
      return text(err.message());
    case field::request_id:
      return err.request_id().empty() ? json() : text(err.request_id());
    case field::encoded_authorization_message:
      return err.encoded_authorization_message().empty()
                 ? json()
                 : text(err.encoded_authorization_message());
    case field::status:
      return err.status();
    case field::reason_phrase:
      return std::string(reason_phrase(err.status()));
    case field::problem_type:
      // RFC 9457: "about:blank" when the problem has no meaning beyond its status.
      return err.entry() != nullptr ? problem_type(*err.entry()) : std::string("about:blank");
    case field::problem_title:
      return err.entry() != nullptr ? text(err.description())
                                    : json(std::string(reason_phrase(err.status())));
    case field::instance:
      return options.instance.empty() ? json() : text(options.instance);
    case field::canonical_code:
      return std::string(name_of(canonical_code_for(err.status())));
    case field::status_details:
      return google_details(err, options);
    case field::parameters:
      break;
  }
  return {};
}

// Problem details leave out what a given error does not have; the vendor shapes keep
// their members (Keystone's `code` even when 0), as their readers expect them.
bool omitted(const shape& s, const member& m, const error& err) {
  if (s.style != body_style::problem) return false;
  return (m.holds == field::status && err.status() == 0) ||
         (m.holds == field::message && err.message().empty()) ||
         (m.holds == field::code && err.code().empty());
}

}  // namespace

std::span<const shape> shape_table() noexcept {
  return shapes;
}

streamed_key streamed_member(bool in_error, std::string_view name) noexcept {
  for (const streamed_name& n : streamed_names) {
    if (n.in_error == in_error && n.name == name) return n.key;
  }
  return {};
}

const shape& shape_of(body_style style) noexcept {
  for (const shape& s : shapes) {
    if (s.style == style) return s;
  }
  return shapes[0];
}

json write_shape(const shape& s, const error& err, const body_options& options) {
  json body = json::object();
  for (const member& m : s.members) {
    if (m.read_only) continue;
    json& target = m.object.empty() ? body : body[std::string(m.object)];
    if (m.holds == field::parameters) {
      const entry* e = err.entry();
      if (e == nullptr) continue;
      for (const argument& a : err.args()) {
        const int index = e->param_index(a.name);
        if (index >= 0)
          target[extension_member(*e, static_cast<std::size_t>(index))] = typed_value(a);
      }
      continue;
    }
    json v = value_of(m.holds, err, options);
    if (!v.is_null() && !omitted(s, m, err)) target[std::string(m.name)] = std::move(v);
  }
  return body;
}

}  // namespace errcat::detail

namespace errcat {

std::string_view name_of(body_style style) noexcept {
  return detail::shape_of(style).name;
}

std::optional<body_style> body_style_named(std::string_view name) noexcept {
  for (const detail::shape& s : detail::shape_table()) {
    if (s.style && s.name == name) return s.style;
  }
  return std::nullopt;
}

std::string_view content_type(body_style style) noexcept {
  return detail::shape_of(style).content_type;
}

}  // namespace errcat
