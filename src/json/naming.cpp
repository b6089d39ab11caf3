// The names the standard shapes give errcat's data: problem type URIs, extension member
// names, ErrorInfo reasons, domains and metadata keys.
#include <array>
#include <string>
#include <string_view>

#include "errcat/category.hpp"
#include "errcat/json.hpp"

namespace errcat {
namespace {

constexpr bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

// RFC 3986 unreserved characters, which a URI carries as they are.
constexpr bool is_unreserved(char c) noexcept {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// Names problem details defines, the members errcat itself writes beside them, and the
// vendor shapes' top-level members, which a reader would take for the error's own (a
// ModelArts parameter is called `error_code`).
constexpr std::array<std::string_view, 12> reserved_members = {
    "type",     "title",      "status",     "detail",
    "instance", "code",       "request_id", "encoded_authorization_message",
    "error",    "error_code", "error_msg",  "message"};

// RFC 9457 section 3.2: extension names start with a letter, are made of ALPHA, DIGIT and
// "_", and are at least three characters long.
constexpr bool valid_extension_name(std::string_view n) noexcept {
  if (n.size() < 3 || !is_alpha(n.front())) return false;
  for (char c : n) {
    if (!is_alpha(c) && !is_digit(c) && c != '_') return false;
  }
  return true;
}

}  // namespace

const catalog* catalog_of(const entry& e) noexcept {
  if (e.category == nullptr) return nullptr;
  const auto* c = dynamic_cast<const catalog_category*>(&e.category());
  return c != nullptr ? &c->catalog() : nullptr;
}

std::string type_base_of(const catalog& c) {
  if (!c.type_base.empty()) return std::string(c.type_base);
  std::string base(default_type_authority);
  base += c.service;
  base += '/';
  return base;
}

std::string problem_type(const entry& e) {
  const catalog* c = catalog_of(e);
  std::string uri = c != nullptr ? type_base_of(*c) : std::string(default_type_authority);
  constexpr char hex[] = "0123456789ABCDEF";
  for (char ch : e.code) {
    if (is_unreserved(ch)) {
      uri += ch;
    } else {
      const auto byte = static_cast<unsigned char>(ch);
      uri += '%';
      uri += hex[byte >> 4];
      uri += hex[byte & 0xF];
    }
  }
  uri += '#';
  uri += e.name;
  return uri;
}

std::string extension_member(const entry& e, std::size_t param) {
  const std::string_view name = e.params[param].name;
  bool reserved = false;
  for (std::string_view r : reserved_members)
    reserved = reserved || r == name;
  if (!reserved && valid_extension_name(name)) return std::string(name);
  std::string renamed = "param_";
  for (char c : name)
    renamed += is_alpha(c) || is_digit(c) ? c : '_';
  return renamed;
}

std::string error_reason(const entry& e) {
  std::string reason;
  reason.reserve(e.name.size());
  for (char c : e.name)
    reason += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return reason;
}

std::string error_domain(const catalog& c) {
  return std::string(c.domain.empty() ? c.service : c.domain);
}

std::string metadata_key(std::string_view param_name) {
  std::string key;
  key.reserve(param_name.size());
  bool upper_next = false;
  for (char c : param_name) {
    if (c == '_') {
      upper_next = !key.empty();
      continue;
    }
    if (upper_next && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    upper_next = false;
    key += c;
  }
  return key;
}

}  // namespace errcat
