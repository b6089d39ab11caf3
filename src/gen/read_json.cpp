#include "read_json.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "errcat/limits.hpp"
#include "text.hpp"

namespace errcat::gen {
namespace {

using json = nlohmann::json;
using fail_fn = std::function<void(const std::string&)>;

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::string:
      return "a string";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    default:
      return "something else";
  }
}

// nlohmann's message without its "[json.exception.parse_error.101] " tag.
std::string parse_message(const json::exception& e) {
  std::string what = e.what();
  if (const auto pos = what.find("] ");
      what.rfind("[json.exception", 0) == 0 && pos != std::string::npos) {
    what.erase(0, pos + 2);
  }
  return "invalid JSON: " + what;
}

// Parses JSON, rejecting duplicate object keys (nlohmann would keep the last silently).
std::optional<json> parse_strict(std::string_view text, std::string& error) {
  std::vector<std::set<std::string>> seen;
  std::string duplicate;
  auto cb = [&](int, json::parse_event_t ev, json& parsed) -> bool {
    if (ev == json::parse_event_t::object_start) seen.emplace_back();
    if (ev == json::parse_event_t::object_end && !seen.empty()) seen.pop_back();
    if (ev == json::parse_event_t::key && !seen.empty() &&
        !seen.back().insert(parsed.get<std::string>()).second && duplicate.empty()) {
      duplicate = parsed.get<std::string>();
    }
    return true;
  };
  try {
    json j = json::parse(text.begin(), text.end(), cb, /*allow_exceptions=*/true,
                         /*ignore_comments=*/false);
    if (duplicate.empty()) return j;
    error =
        "duplicate key " + text::quoted(duplicate) + " in a JSON object (each key may appear once)";
  } catch (const json::exception& e) {
    error = parse_message(e);
  }
  return std::nullopt;
}

// A value for a message: scalars as written (cut short), arrays and objects by type only,
// because dumping a deeply nested value recurses once per level and can exhaust the stack.
std::string shown(const json& v) {
  if (v.is_structured()) return type_name(v);
  return snippet(v.dump(), 40);
}

bool get_string(const json& obj, const char* key, std::string& out, bool required,
                const fail_fn& fail) {
  const auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) fail(std::string("field \"") + key + "\" is missing");
    return false;
  }
  if (!it->is_string()) {
    fail(std::string("field \"") + key + "\" must be a string, not " + type_name(*it));
    return false;
  }
  out = it->get<std::string>();
  return true;
}

void check_keys(const json& obj, const std::set<std::string_view>& known, const fail_fn& fail,
                std::string_view where = {}) {
  for (const auto& item : obj.items()) {
    if (known.count(item.key()) == 0)
      fail("unknown field " + text::quoted(item.key()) + std::string(where));
  }
}

bool is_namespace_name(std::string_view ns) {
  bool ok = !ns.empty();
  while (ok && !ns.empty()) {
    const std::size_t sep = ns.find("::");
    ok = is_cpp_identifier(ns.substr(0, sep));
    ns = sep == std::string_view::npos ? std::string_view() : ns.substr(sep + 2);
    if (sep != std::string_view::npos && ns.empty()) ok = false;
  }
  return ok;
}

// ---- the top level --------------------------------------------------------------------

void read_top(const json& doc, source_catalog& c, diagnostics& d) {
  const fail_fn fail = [&](const std::string& what) { d.top(what); };
  check_keys(doc,
             {"$schema", "service", "namespace", "title", "source", "type_base", "domain",
              "errc_prefix", "code_aliases", "errors"},
             fail, " at the top level");
  std::string ignored;
  get_string(doc, "$schema", ignored, false, fail);
  if (get_string(doc, "service", c.service, true, fail) && !is_cpp_identifier(c.service)) {
    d.top("field \"service\" must be a C++ identifier, not " + text::quoted(c.service));
  }
  if (get_string(doc, "namespace", c.cpp_namespace, true, fail) &&
      !is_namespace_name(c.cpp_namespace)) {
    d.top("field \"namespace\" must be a C++ namespace name such as \"errcat::iam\", not " +
          text::quoted(c.cpp_namespace));
  }
  get_string(doc, "title", c.title, false, fail);
  get_string(doc, "source", c.source, false, fail);
  if (get_string(doc, "type_base", c.type_base, false, fail) && !c.type_base.empty() &&
      !is_absolute_uri(c.type_base)) {
    d.top("field \"type_base\" must be an absolute URI (scheme \":\" ...) without spaces, not " +
          text::quoted(c.type_base));
  }
  get_string(doc, "domain", c.domain, false, fail);
  get_string(doc, "errc_prefix", c.errc_prefix, false, fail);
}

void read_alias(const json& a, const std::string& where, source_catalog& c, diagnostics& d) {
  if (!a.is_object()) return d.top(where + " must be an object, not " + type_name(a));
  const fail_fn fail = [&](const std::string& what) { d.top(where + ": " + what); };
  check_keys(a, {"prefix", "canonical"}, fail);
  source_alias alias;
  // Both fields are read (not short-circuited) so both problems are reported.
  const bool has_prefix = get_string(a, "prefix", alias.prefix, true, fail);
  const bool has_canonical = get_string(a, "canonical", alias.canonical, true, fail);
  if (!has_prefix || !has_canonical) return;
  if (alias.prefix.empty() || alias.canonical.empty() || alias.prefix == alias.canonical) {
    fail("\"prefix\" and \"canonical\" must be different non-empty strings");
  } else if (alias.prefix.size() > alias.canonical.size() + alias_growth_limit) {
    fail("\"prefix\" may be at most " + std::to_string(alias_growth_limit) +
         " bytes longer than \"canonical\"");
  } else {
    c.aliases.push_back(std::move(alias));
  }
}

void read_aliases(const json& doc, source_catalog& c, diagnostics& d) {
  const auto it = doc.find("code_aliases");
  if (it == doc.end()) return;
  if (!it->is_array()) {
    return d.top(std::string("field \"code_aliases\" must be an array, not ") + type_name(*it));
  }
  for (std::size_t i = 0; i < it->size(); ++i)
    read_alias((*it)[i], "code_aliases[" + std::to_string(i) + "]", c, d);
}

// ---- one error ------------------------------------------------------------------------

void read_status(const json& e, source_entry& se, const fail_fn& fail) {
  const auto s = e.find("status");
  if (s == e.end()) return fail("field \"status\" is missing");
  if (!s->is_number_integer()) {
    return fail(std::string("field \"status\" must be an integer, not ") + type_name(*s));
  }
  if (s->get<std::int64_t>() < 400 || s->get<std::int64_t>() > 599) {
    return fail("field \"status\" must be an HTTP error status from 400 to 599, not " + s->dump());
  }
  se.status = s->get<int>();
}

void read_code(const json& e, source_entry& se, const fail_fn& fail) {
  if (!get_string(e, "code", se.code, true, fail)) return;
  if (se.code.empty()) return fail("field \"code\" must not be empty");
  if (se.code.size() > max_code_size) {
    return fail("field \"code\" is longer than " + std::to_string(max_code_size) + " bytes");
  }
  if (!std::all_of(se.code.begin(), se.code.end(), [](char c) { return c > 0x20 && c < 0x7f; })) {
    fail("field \"code\" must be printable ASCII without spaces, not " + text::quoted(se.code));
  }
}

bool is_param_name(const json& n) {
  if (!n.is_string()) return false;
  const std::string& s = n.get_ref<const std::string&>();
  const auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  return !s.empty() && std::isdigit(static_cast<unsigned char>(s[0])) == 0 &&
         std::all_of(s.begin(), s.end(), ident);
}

void read_params(const json& e, source_entry& se, const fail_fn& fail) {
  const auto p = e.find("params");
  if (p == e.end()) return;
  se.has_params = true;
  if (!p->is_array()) {
    return fail(std::string("field \"params\" must be an array of names, not ") + type_name(*p));
  }
  for (const json& n : *p) {
    if (!is_param_name(n)) {
      return fail("field \"params\" must hold names made of letters, digits and \"_\", not " +
                  shown(n));
    }
    se.params.push_back(n.get<std::string>());
  }
}

void read_value_and_retry(const json& e, source_entry& se, const fail_fn& fail) {
  if (const auto v = e.find("value"); v != e.end()) {
    if (!v->is_number_integer() || v->get<std::int64_t>() < 1 ||
        v->get<std::int64_t>() > 2147483647) {
      fail("field \"value\" must be an integer from 1 to 2147483647, not " + shown(*v));
    } else {
      se.explicit_value = v->get<std::int64_t>();
    }
  }
  const auto r = e.find("retry");
  if (r == e.end()) return;
  const std::string v = r->is_string() ? r->get<std::string>() : std::string();
  if (v == "never") {
    se.explicit_retry = retry_class::never;
  } else if (v == "backoff") {
    se.explicit_retry = retry_class::backoff;
  } else if (v == "throttled") {
    se.explicit_retry = retry_class::throttled;
  } else {
    fail("field \"retry\" must be \"never\", \"backoff\" or \"throttled\", not " + shown(*r));
  }
}

// Reads errors[i]; returns whether it read without problems.
bool read_entry(const json& e, std::size_t i, source_entry& se, diagnostics& d) {
  se.index = i;
  if (!e.is_object()) {
    d.at(i, {}, std::string("must be an object, not ") + type_name(e));
    return false;
  }
  std::string label;
  if (const auto c = e.find("code"); c != e.end() && c->is_string()) {
    label = snippet(c->get<std::string>(), 40);
  }
  const std::size_t before = d.size();
  const fail_fn fail = [&](const std::string& what) { d.at(i, label, what); };
  check_keys(e,
             {"status", "code", "name", "message", "params", "description", "remediation", "value",
              "retry"},
             fail);
  read_status(e, se, fail);
  read_code(e, se, fail);
  get_string(e, "name", se.name, true, fail);
  get_string(e, "message", se.message, true, fail);
  get_string(e, "description", se.description, true, fail);
  get_string(e, "remediation", se.remediation, true, fail);
  read_params(e, se, fail);
  read_value_and_retry(e, se, fail);
  return d.size() == before;
}

void read_entries(const json& doc, source_catalog& c, diagnostics& d) {
  const auto errs = doc.find("errors");
  if (errs == doc.end()) return d.top("field \"errors\" is missing");
  if (!errs->is_array()) {
    return d.top(std::string("field \"errors\" must be an array, not ") + type_name(*errs));
  }
  if (errs->empty()) return d.top("field \"errors\" must list at least one error");
  if (errs->size() > max_entries) {
    return d.top("a catalog may have at most " + std::to_string(max_entries) + " errors");
  }
  for (std::size_t i = 0; i < errs->size(); ++i) {
    source_entry se;
    se.rejected = !read_entry((*errs)[i], i, se, d);
    c.entries.push_back(std::move(se));
  }
}

}  // namespace

bool is_absolute_uri(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= s.size()) return false;
  if (std::isalpha(static_cast<unsigned char>(s[0])) == 0) return false;
  const auto scheme_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' || c == '.';
  };
  const std::string_view scheme = s.substr(0, colon);
  return std::all_of(scheme.begin(), scheme.end(), scheme_char) &&
         std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

std::optional<source_catalog> read_catalog_json(std::string_view text, diagnostics& d) {
  std::string parse_error;
  const std::optional<json> doc = parse_strict(text, parse_error);
  if (!doc) {
    d.top(parse_error);
    return std::nullopt;
  }
  if (!doc->is_object()) {
    d.top(std::string("the top level must be an object, not ") + type_name(*doc));
    return std::nullopt;
  }
  source_catalog c;
  read_top(*doc, c, d);
  read_aliases(*doc, c, d);
  read_entries(*doc, c, d);
  return c;
}

}  // namespace errcat::gen
