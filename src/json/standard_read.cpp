// Reading the standard shapes (RFC 9457 problem details, google.rpc.Status) through their
// definitions in the shape table. These bodies are small and rare next to the vendor ones,
// so they are read into a document: their members nest (details, metadata) and name the
// parameters, which the streaming reader in parse.cpp has no place for.
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "errcat/canonical_code.hpp"
#include "errcat/match.hpp"
#include "errcat/registry.hpp"
#include "errcat/render.hpp"
#include "shapes.hpp"
#include "standard_read.hpp"
#include "text.hpp"

namespace errcat::detail {
namespace {

using json = nlohmann::json;

// The standard shapes nest four levels (error → details → ErrorInfo → metadata); anything
// deeper is dropped while parsing, which bounds the document whatever the input.
constexpr int max_document_depth = 6;

// What a body's members held, each only when present with the type its definition gives.
struct found_fields {
  std::optional<std::string> code;
  std::optional<std::string> message;
  std::optional<std::string> request_id;
  std::optional<std::string> authorization;
  std::optional<std::string> type;
  std::optional<std::string> title;
  std::optional<std::string> canonical;
  std::optional<std::string> undocumented_code;
  std::optional<std::int64_t> retry_delay;  // google.rpc.RetryInfo, whole seconds  // ErrorInfo
                                            // metadata of an unknown error
  int status = 0;
  const json* details = nullptr;     // google.rpc.Status details
  const json* parameters = nullptr;  // the object holding one member per parameter
};

using catalog_list = std::vector<const catalog*>;

// The catalogs a body is looked up in: the caller's (parse_options::catalogs, in its order),
// else every bundled catalog in the registry's order (errcat::bundled_catalogs()).
catalog_list catalogs_in(const parse_options& options) {
  catalog_list out;
  for (const catalog* c : options.catalogs) {
    if (c != nullptr) out.push_back(c);
  }
  if (!options.catalogs.empty()) return out;
  for (const bundled_catalog& c : bundled_catalogs())
    out.push_back(c.catalog);
  return out;
}

// The catalogs a message alone is matched against: the caller's, else the bundled ones
// outside errcat::otc, whose services' generic templates (ELB's `%s %s could not be
// found.`) would fit messages they never sent; parse.cpp keeps the same rule.
catalog_list message_catalogs(const parse_options& options) {
  catalog_list out = catalogs_in(options);
  if (options.catalogs.empty())
    std::erase_if(out,
                  [](const catalog* c) { return c->cpp_namespace.starts_with("errcat::otc::"); });
  return out;
}

// The catalogs a code is looked up in: the caller's, else the bundled ones that document
// it (in any letter case, through the registry), first those whose entry under `status`
// fits `message` (VPC.0101 is in VPC's and EIP's tables), then in the registry's order.
catalog_list code_catalogs(const parse_options& options, std::string_view code, int status,
                           std::string_view message) {
  if (!options.catalogs.empty()) return catalogs_in(options);
  catalog_list fitting;
  catalog_list others;
  for (const bundled_match m : find_bundled(code)) {
    const bool fits = m.entry->status == status && match(*m.entry, message).has_value();
    catalog_list& into = fits ? fitting : others;
    if (std::find(into.begin(), into.end(), m.source->catalog) == into.end())
      into.push_back(m.source->catalog);
  }
  for (const catalog* c : others) {
    if (std::find(fitting.begin(), fitting.end(), c) == fitting.end()) fitting.push_back(c);
  }
  return fitting;
}

const json* locate(const json& root, const member& m) {
  const json* holder = &root;
  if (!m.object.empty()) {
    const auto it = root.find(m.object);
    if (it == root.end() || !it->is_object()) return nullptr;
    holder = &*it;
  }
  if (m.name.empty()) return holder;
  const auto it = holder->find(m.name);
  return it == holder->end() ? nullptr : &*it;
}

bool has_type(const json& v, json_type t) noexcept {
  switch (t) {
    case json_type::string:
      return v.is_string();
    case json_type::number:
      return v.is_number_integer();
    case json_type::string_or_number:
      return v.is_string() || v.is_number_integer();
    case json_type::array:
      return v.is_array();
  }
  return false;
}

bool present(const json& root, const member& m) {
  const json* v = locate(root, m);
  return v != nullptr && has_type(*v, m.type);
}

bool defines(const shape& s, const member& m) noexcept {
  for (const member& own : s.members) {
    if (own.object == m.object && own.name == m.name) return true;
  }
  return false;
}

// A body is `s` when it has one of its signature members and no member that marks a vendor
// shape (which parse.cpp's reader knows better) that `s` does not define itself.
bool recognised(const shape& s, const json& root) {
  bool any = false;
  for (const member& m : s.signature)
    any = any || present(root, m);
  if (!any) return false;
  for (const shape& other : shape_table()) {
    if (other.read_by != reader::streamed) continue;
    for (const member& m : other.signature) {
      if (!defines(s, m) && present(root, m)) return false;
    }
  }
  return true;
}

std::string text_of(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

found_fields read_members(const shape& s, const json& root) {
  found_fields f;
  for (const member& m : s.members) {
    const json* v = locate(root, m);
    if (v == nullptr) continue;
    if (m.holds == field::parameters) {
      f.parameters = v;
      continue;
    }
    // RFC 9457 section 3.1: a member of the wrong type is ignored, as if absent.
    if (!has_type(*v, m.type)) continue;
    switch (m.holds) {
      case field::code:
        f.code = text_of(*v);
        break;
      case field::message:
        f.message = v->get<std::string>();
        break;
      case field::request_id:
        f.request_id = text_of(*v);
        break;
      case field::encoded_authorization_message:
        f.authorization = v->get<std::string>();
        break;
      case field::status:
        if (v->get<std::int64_t>() >= 100 && v->get<std::int64_t>() <= 599)
          f.status = v->get<int>();
        break;
      case field::problem_type:
        f.type = v->get<std::string>();
        break;
      case field::canonical_code:
        f.canonical = v->get<std::string>();
        break;
      case field::status_details:
        f.details = v;
        break;
      case field::problem_title:
        f.title = v->get<std::string>();
        break;
      case field::reason_phrase:
      case field::instance:  // no place on errcat::error yet
      case field::parameters:
        break;
    }
  }
  return f;
}

int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The code as received, in any letter case (`Iam.0004`), as the vendor shapes read it.
const entry* by_code(std::string_view code, int status, std::string_view message,
                     const parse_options& options) {
  for (const catalog* c : code_catalogs(options, code, status, message)) {
    if (const code_key* k = find_key_any_case(*c, code))
      return c->match(status, k->code, message).entry;
  }
  return nullptr;
}

// A `type` under a base a catalog uses: `<base><code>#<name>`, the name optional.
const entry* by_type(std::string_view type, int status, std::string_view message,
                     const catalog_list& catalogs) {
  for (const catalog* c : catalogs) {
    const std::string base = type_base_of(*c);
    if (!type.starts_with(base)) continue;
    const std::string_view rest = type.substr(base.size());
    const std::size_t hash = rest.find('#');
    const std::string code = percent_decoded(rest.substr(0, hash));
    if (hash != std::string_view::npos) {
      const entry* named = c->find_name(rest.substr(hash + 1));
      if (named != nullptr && named->code == code) return named;
    }
    if (c->find_key(code) != nullptr) return c->match(status, code, message).entry;
  }
  return nullptr;
}

const json* detail_of_type(const json* details, std::string_view type) {
  if (details == nullptr) return nullptr;
  for (const json& d : *details) {
    if (!d.is_object()) continue;
    const auto t = d.find("@type");
    if (t != d.end() && t->is_string() &&
        t->get<std::string>().size() == google_type_prefix.size() + type.size() &&
        t->get<std::string>().starts_with(google_type_prefix) &&
        t->get<std::string>().ends_with(type))
      return &d;
  }
  return nullptr;
}

std::optional<std::string> string_member(const json* object, std::string_view name) {
  if (object == nullptr || !object->is_object()) return std::nullopt;
  const auto it = object->find(name);
  if (it == object->end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

const entry* by_error_info(const json& info, const catalog_list& catalogs) {
  const auto reason = string_member(&info, "reason");
  const auto domain = string_member(&info, "domain");
  if (!reason || !domain) return nullptr;
  std::string name;
  for (char c : *reason)
    name += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  for (const catalog* c : catalogs) {
    if (error_domain(*c) != *domain) continue;
    if (const entry* e = c->find_name(name)) return e;
  }
  return nullptr;
}

bool integer_text(std::string_view s) noexcept {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The value of parameter `i` in the members: a problem's extension member (an integer
// parameter must be a JSON integer, a string one a string) or an ErrorInfo metadata string.
std::optional<std::string> member_value(const entry& e, std::size_t i, const json& holder,
                                        identity id) {
  if (!holder.is_object()) return std::nullopt;
  const param& p = e.params[i];
  const std::string key = id == identity::type_uri ? extension_member(e, i) : metadata_key(p.name);
  const auto it = holder.find(key);
  if (it == holder.end()) return std::nullopt;
  if (id == identity::type_uri && p.kind == param_kind::integer) {
    if (it->is_number_integer()) return it->dump();
    return std::nullopt;
  }
  if (!it->is_string()) return std::nullopt;
  std::string v = it->get<std::string>();
  if (p.kind == param_kind::integer && !integer_text(v)) return std::nullopt;
  return v;
}

// The parameter values, owned; `args` views `text` (moving this keeps the views valid, as
// the strings stay in the vector's buffer).
struct parameter_values {
  std::vector<std::string> text;
  std::vector<argument> args;
};

// The parameter values: from the members, each missing one completed from the message
// when the message fits the template (the cross-check that also covers bodies written by
// servers that leave members out).
parameter_values values_of(const entry& e, const json* holder, identity id,
                           std::string_view message) {
  auto from_message = match(e, message);
  if (!from_message) from_message = match_tolerant(e, message);
  parameter_values out;
  out.text.reserve(e.params.size());
  std::vector<std::size_t> given;
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    std::optional<std::string> v =
        holder != nullptr ? member_value(e, i, *holder, id) : std::nullopt;
    if (!v && from_message) {
      for (const argument& a : *from_message) {
        if (a.name == e.params[i].name) v = std::string(a.value);
      }
    }
    if (!v) continue;
    out.text.push_back(std::move(*v));
    given.push_back(i);
  }
  for (std::size_t k = 0; k < given.size(); ++k)
    out.args.push_back({e.params[given[k]].name, e.params[given[k]].kind, out.text[k]});
  return out;
}

std::string rendered(const entry& e, const std::vector<argument>& values) {
  std::vector<param_value> filled(e.params.size());
  for (const argument& a : values) {
    const int i = e.param_index(a.name);
    if (i >= 0) filled[static_cast<std::size_t>(i)] = param_value(std::string_view(a.value));
  }
  return render(e, std::span<const param_value>(filled));
}

// Header names compare in any ASCII case.
using text::iequals;

std::string_view header_request_id(std::span<const http_header> headers) noexcept {
  for (const http_header& h : headers) {
    std::string_view name = h.name;
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
      name.remove_suffix(1);
    if (!iequals(name, "x-request-id")) continue;
    std::string_view v = h.value;
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
      v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t'))
      v.remove_suffix(1);
    return v;
  }
  return {};
}

// A protobuf Duration in JSON (`"2s"`, `"1.5s"`), in whole seconds rounded up; nullopt
// for anything else.
std::optional<std::int64_t> duration_seconds(std::string_view d) noexcept {
  if (!d.ends_with('s')) return std::nullopt;
  d.remove_suffix(1);
  const std::size_t dot = d.find('.');
  const std::string_view whole = d.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? "" : d.substr(dot + 1);
  std::int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), seconds);
  if (ec != std::errc() || end != whole.data() + whole.size() || seconds < 0) return std::nullopt;
  for (char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  if (fraction.find_first_not_of('0') != std::string_view::npos) ++seconds;
  return seconds;
}

// The google.rpc details errcat reads: ErrorInfo (identity and values), RetryInfo and
// RequestInfo.
void read_google_details(found_fields& f, const json*& info) {
  info = detail_of_type(f.details, "ErrorInfo");
  if (const auto id = string_member(detail_of_type(f.details, "RequestInfo"), "requestId"))
    f.request_id = *id;
  if (const auto delay = string_member(detail_of_type(f.details, "RetryInfo"), "retryDelay"))
    f.retry_delay = duration_seconds(*delay);
  if (info == nullptr) return;
  const auto metadata = info->find("metadata");
  if (metadata == info->end() || !metadata->is_object()) return;
  f.parameters = &*metadata;
  f.undocumented_code = string_member(f.parameters, undocumented_code_key);
  if (const auto eam = string_member(f.parameters, authorization_message_key))
    f.authorization = *eam;
}

// The status: the one received, else the body's number, else its canonical code's.
int effective_status(int status, const found_fields& f) noexcept {
  if (status != 0) return status;
  if (f.status != 0) return f.status;
  const auto c = f.canonical ? canonical_code_named(*f.canonical) : std::nullopt;
  return c ? http_status_of(*c) : 0;
}

// The entry the body names, in order of trust: its ErrorInfo, its type URI, its code, and
// last the entry under the status whose template the message fits (exactly or tolerantly).
match_result identify(found_fields& f, const json* info, int status, const parse_options& options) {
  const std::string_view message = f.message ? std::string_view(*f.message) : std::string_view();
  const catalog_list catalogs = catalogs_in(options);
  const entry* e = info != nullptr ? by_error_info(*info, catalogs) : nullptr;
  if (e == nullptr && f.type) e = by_type(*f.type, status, message, catalogs);
  if (!f.code && e == nullptr) f.code = std::move(f.undocumented_code);
  if (e == nullptr && f.code) e = by_code(*f.code, status, message, options);
  if (e != nullptr) return {e, {}, match_kind::exact};
  if (f.message && status != 0) return match_message(message_catalogs(options), status, message);
  return {};
}

error read_shape(const shape& s, const json& root, std::string_view body, int status,
                 std::span<const http_header> headers, const parse_options& options) {
  found_fields f = read_members(s, root);
  const json* info = nullptr;
  if (s.identified_by == identity::error_info) read_google_details(f, info);
  const int effective = effective_status(status, f);
  const match_result found = identify(f, info, effective, options);
  const entry* e = found.entry;
  const std::string_view message = f.message ? std::string_view(*f.message) : std::string_view();

  error err;
  if (e != nullptr) {
    const parameter_values values = values_of(*e, f.parameters, s.identified_by, message);
    const std::string text = f.message ? *f.message : rendered(*e, values.args);
    err = error(*e, text, values.args);
  } else {
    // Nothing names an entry: keep what the body says, the problem's title when it has no
    // detail, and the body itself when it says neither a code nor a message.
    const std::string_view text = f.message || !f.title ? message : std::string_view(*f.title);
    err = error(effective, f.code ? *f.code : std::string(), text);
    if (!f.code && text.empty()) err.set_raw_body(text::utf8_prefix(body, options.max_raw_body));
  }
  err.set_match(e != nullptr ? found.kind : match_kind::none);
  if (f.code) err.set_code_on_wire(*f.code);
  // RetryInfo's delay; parse.cpp weighs it with the headers and the entry's class.
  if (f.retry_delay) err.set_retry({retry_class::backoff, f.retry_delay});
  if (effective != 0) err.set_status(effective);
  const std::string_view id =
      f.request_id ? std::string_view(*f.request_id) : header_request_id(headers);
  if (!id.empty()) err.set_request_id(id);
  if (f.authorization) err.set_encoded_authorization_message(*f.authorization);
  return err;
}

// Only a body that mentions a standard shape's member names is parsed into a document,
// so the vendor bodies, the common case, cost one scan here.
bool may_be_standard(std::string_view body) noexcept {
  for (std::size_t q = body.find('"'); q != std::string_view::npos; q = body.find('"', q + 1)) {
    const std::string_view rest = body.substr(q + 1);
    if (rest.starts_with("type\"") || rest.starts_with("detail") || rest.starts_with("status\""))
      return true;
  }
  return false;
}

}  // namespace

std::optional<error> read_document(int status, std::string_view body,
                                   std::span<const http_header> headers,
                                   const parse_options& options) {
  if (!may_be_standard(body)) return std::nullopt;
  const auto bounded = [](int depth, json::parse_event_t, json&) {
    return depth <= max_document_depth;
  };
  const json root = text::valid_utf8(body)
                        ? json::parse(body, bounded, false)
                        : json::parse(text::replace_invalid_utf8(body), bounded, false);
  if (!root.is_object()) return std::nullopt;
  for (const shape& s : shape_table()) {
    if (s.read_by == reader::document && recognised(s, root))
      return read_shape(s, root, body, status, headers, options);
  }
  return std::nullopt;
}

}  // namespace errcat::detail
