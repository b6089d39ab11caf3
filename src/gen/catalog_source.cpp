#include "catalog_source.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

#include "errcat/catalog.hpp"
#include "errcat/make.hpp"

namespace errcat::gen {
namespace {

using json = nlohmann::json;

bool is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ident_char(char c) {
  return is_ident_start(c) || (c >= '0' && c <= '9');
}

// Parameter names are only ever strings in C++ code, so keywords (`operator`) are fine.
bool is_param_name(std::string_view s) {
  return !s.empty() && is_ident_start(s[0]) && std::all_of(s.begin(), s.end(), is_ident_char);
}

std::string quote_text(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

std::string snippet(std::string_view s, std::size_t max = 24) {
  return s.size() <= max ? std::string(s) : std::string(s.substr(0, max)) + "...";
}

void add_param(parsed_template& t, std::string name, param_kind kind, std::string spelling,
               std::optional<std::string>& err) {
  for (std::size_t i = 0; i < t.params.size(); ++i) {
    if (t.params[i].name == name) {
      if (t.params[i].kind != kind) {
        err = "parameter " + quote_text(name) + " is used both as a string and as an integer";
      }
      t.segments.push_back({std::move(spelling), static_cast<int>(i)});
      return;
    }
  }
  t.params.push_back({name, kind});
  t.segments.push_back({std::move(spelling), static_cast<int>(t.params.size() - 1)});
}

}  // namespace

bool is_cpp_identifier(std::string_view s) {
  static const std::set<std::string_view> keywords = {
      "alignas",       "alignof",     "and",
      "and_eq",        "asm",         "auto",
      "bitand",        "bitor",       "bool",
      "break",         "case",        "catch",
      "char",          "char8_t",     "char16_t",
      "char32_t",      "class",       "compl",
      "concept",       "const",       "consteval",
      "constexpr",     "constinit",   "const_cast",
      "continue",      "co_await",    "co_return",
      "co_yield",      "decltype",    "default",
      "delete",        "do",          "double",
      "dynamic_cast",  "else",        "enum",
      "explicit",      "export",      "extern",
      "false",         "float",       "for",
      "friend",        "goto",        "if",
      "inline",        "int",         "long",
      "mutable",       "namespace",   "new",
      "noexcept",      "not",         "not_eq",
      "nullptr",       "operator",    "or",
      "or_eq",         "private",     "protected",
      "public",        "register",    "reinterpret_cast",
      "requires",      "return",      "short",
      "signed",        "sizeof",      "static",
      "static_assert", "static_cast", "struct",
      "switch",        "template",    "this",
      "thread_local",  "throw",       "true",
      "try",           "typedef",     "typeid",
      "typename",      "union",       "unsigned",
      "using",         "virtual",     "void",
      "volatile",      "wchar_t",     "while",
      "xor",           "xor_eq"};
  if (s.empty() || !is_ident_start(s[0])) return false;
  if (!std::all_of(s.begin(), s.end(), is_ident_char)) return false;
  // Reserved for the implementation: a leading underscore with a capital, or any "__".
  if (s.find("__") != std::string_view::npos) return false;
  if (s.size() > 1 && s[0] == '_' && s[1] >= 'A' && s[1] <= 'Z') return false;
  return keywords.count(s) == 0;
}

std::string bracket_param_name(std::string_view inside) {
  if (inside.substr(0, 6) == "input ") inside.remove_prefix(6);
  std::string out;
  char prev = ' ';
  for (char c : inside) {
    const bool upper = c >= 'A' && c <= 'Z';
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      if (upper && prev >= 'a' && prev <= 'z') out += '_';  // camelCase boundary
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
    prev = c;
  }
  while (!out.empty() && out.back() == '_')
    out.pop_back();
  return out;
}

std::optional<std::string> parse_template(std::string_view m,
                                          const std::vector<std::string>& positional_names,
                                          parsed_template& t) {
  t = {};
  std::optional<std::string> err;
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) t.segments.push_back({std::move(literal), -1});
    literal.clear();
  };
  auto positional = [&](param_kind kind, std::string spelling) {
    const std::size_t i = t.positional++;
    if (i < positional_names.size()) {
      flush();
      add_param(t, positional_names[i], kind, std::move(spelling), err);
    } else {
      literal += spelling;  // the caller reports the count mismatch
    }
  };
  std::size_t i = 0;
  while (i < m.size() && !err) {
    const char c = m[i];
    if (c == '%') {
      if (i + 1 >= m.size()) {
        return "lone \"%\" at the end of the message (write \"%%\" for a literal percent sign)";
      }
      const char n = m[i + 1];
      if (n == '%') {
        literal += '%';
        i += 2;
      } else if (n == 's' || n == 'd') {
        positional(n == 'd' ? param_kind::integer : param_kind::string,
                   std::string(m.substr(i, 2)));
        i += 2;
      } else if (n == '(') {
        const std::size_t close = m.find(')', i + 2);
        if (close == std::string_view::npos) {
          return "unterminated placeholder " + quote_text(snippet(m.substr(i))) +
                 " (missing \")\")";
        }
        const std::string_view key = m.substr(i + 2, close - i - 2);
        if (key.empty() || !is_ident_start(key[0]) ||
            !std::all_of(key.begin(), key.end(), is_ident_char)) {
          return "placeholder " + quote_text(snippet(m.substr(i, close - i + 2))) +
                 " has an invalid name (use letters, digits and \"_\")";
        }
        if (close + 1 >= m.size() || (m[close + 1] != 's' && m[close + 1] != 'd')) {
          return "placeholder " + quote_text(snippet(m.substr(i, close - i + 2))) +
                 " has an unknown conversion (only %(name)s and %(name)d are supported)";
        }
        flush();
        add_param(t, std::string(key),
                  m[close + 1] == 'd' ? param_kind::integer : param_kind::string,
                  std::string(m.substr(i, close - i + 2)), err);
        i = close + 2;
      } else {
        return "unknown placeholder " + quote_text(std::string(m.substr(i, 2))) +
               " (supported: %s, %d, %(name)s, %(name)d, %%)";
      }
    } else if (c == '{') {
      const std::size_t close = m.find('}', i + 1);
      const std::string_view key =
          close == std::string_view::npos ? std::string_view() : m.substr(i + 1, close - i - 1);
      if (close != std::string_view::npos && key.empty()) {
        positional(param_kind::string, "{}");
        i = close + 1;
      } else if (close != std::string_view::npos && is_ident_start(key[0]) &&
                 std::all_of(key.begin(), key.end(), is_ident_char)) {
        flush();
        add_param(t, std::string(key), param_kind::string, std::string(m.substr(i, close - i + 1)),
                  err);
        i = close + 1;
      } else {
        return "unknown placeholder " + quote_text(snippet(m.substr(i))) +
               " (supported: {} and {name})";
      }
    } else if (c == '[' &&
               (m.substr(i + 1, 6) == "input " || m.substr(i + 1, 10) == "condition ")) {
      const std::size_t close = m.find(']', i + 1);
      if (close == std::string_view::npos) {
        return "unterminated placeholder " + quote_text(snippet(m.substr(i))) + " (missing \"]\")";
      }
      const std::string name = bracket_param_name(m.substr(i + 1, close - i - 1));
      if (name.empty() || !is_ident_start(name[0])) {
        return "placeholder " + quote_text(snippet(m.substr(i, close - i + 1))) +
               " does not give a usable parameter name";
      }
      flush();
      add_param(t, name, param_kind::string, std::string(m.substr(i, close - i + 1)), err);
      i = close + 1;
    } else {
      literal += c;
      ++i;
    }
  }
  if (err) return err;
  flush();
  if (t.params.size() > errcat::max_params) {
    return "the message has " + std::to_string(t.params.size()) + " parameters; at most " +
           std::to_string(errcat::max_params) + " are supported";
  }
  return std::nullopt;
}

std::optional<int> derive_value(int status, std::string_view code, int occurrence) {
  bool prefixed = false;
  const std::size_t dot = code.rfind('.');
  std::string_view digits = code;
  if (dot != std::string_view::npos) {
    const std::string_view prefix = code.substr(0, dot);
    if (prefix.empty() || !std::all_of(prefix.begin(), prefix.end(), is_ident_char)) {
      return std::nullopt;
    }
    prefixed = true;
    digits = code.substr(dot + 1);
  }
  if (digits.empty() || digits.size() > 4 || occurrence > 9 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  int number = 0;
  for (char c : digits)
    number = number * 10 + (c - '0');
  return status * 1000000 + occurrence * 100000 + (prefixed ? 10000 : 0) + number;
}

retry_class default_retry(int status) {
  if (status == 429) return retry_class::throttled;
  if (status == 500 || status == 502 || status == 503 || status == 504) return retry_class::backoff;
  return retry_class::never;
}

bool is_absolute_uri(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= s.size()) return false;
  const auto scheme_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' || c == '.';
  };
  if (std::isalpha(static_cast<unsigned char>(s[0])) == 0) return false;
  if (!std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon), scheme_char)) {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

namespace {

// Collects errors with the file and entry in front.
class reporter {
 public:
  explicit reporter(std::string_view file) : file_(file) {}
  void top(const std::string& what) { errors.push_back(std::string(file_) + ": " + what); }
  void at(std::size_t index, std::string_view code, const std::string& what) {
    std::string where = std::string(file_) + ": errors[" + std::to_string(index) + "]";
    if (!code.empty()) where += " (" + std::string(code) + ")";
    errors.push_back(where + ": " + what);
  }
  std::vector<std::string> errors;

 private:
  std::string_view file_;
};

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

// Parses JSON, rejecting duplicate object keys (nlohmann would keep the last silently).
std::optional<json> parse_strict(std::string_view text, std::string& error) {
  std::vector<std::set<std::string>> seen;
  std::vector<std::string> path;
  std::string duplicate;
  auto cb = [&](int depth, json::parse_event_t ev, json& parsed) -> bool {
    (void)depth;
    switch (ev) {
      case json::parse_event_t::object_start:
        seen.emplace_back();
        break;
      case json::parse_event_t::object_end:
        if (!seen.empty()) seen.pop_back();
        break;
      case json::parse_event_t::key:
        if (!seen.empty() && !seen.back().insert(parsed.get<std::string>()).second &&
            duplicate.empty()) {
          duplicate = parsed.get<std::string>();
        }
        break;
      default:
        break;
    }
    return true;
  };
  try {
    json j = json::parse(text.begin(), text.end(), cb, /*allow_exceptions=*/true,
                         /*ignore_comments=*/false);
    if (!duplicate.empty()) {
      error =
          "duplicate key " + quote_text(duplicate) + " in a JSON object (each key may appear once)";
      return std::nullopt;
    }
    return j;
  } catch (const json::exception& e) {
    std::string what = e.what();
    // Drop nlohmann's "[json.exception.parse_error.101] " tag; keep line and column.
    if (const auto pos = what.find("] ");
        what.rfind("[json.exception", 0) == 0 && pos != std::string::npos) {
      what.erase(0, pos + 2);
    }
    error = "invalid JSON: " + what;
    return std::nullopt;
  }
}

// A value for a message: scalars as written (cut short), arrays and objects by type only,
// because dumping a deeply nested value recurses once per level and can exhaust the stack.
std::string shown(const json& v) {
  if (v.is_structured()) return type_name(v);
  return snippet(v.dump(), 40);
}

bool get_string(const json& obj, const char* key, std::string& out, bool required,
                const std::function<void(const std::string&)>& fail) {
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

}  // namespace

load_result load_catalog(std::string_view file, std::string_view text) {
  reporter r(file);
  load_result result;
  std::string parse_error;
  const std::optional<json> doc = parse_strict(text, parse_error);
  if (!doc) {
    r.top(parse_error);
    result.errors = std::move(r.errors);
    return result;
  }
  if (!doc->is_object()) {
    r.top(std::string("the top level must be an object, not ") + type_name(*doc));
    result.errors = std::move(r.errors);
    return result;
  }
  source_catalog cat;
  auto top_fail = [&](const std::string& what) { r.top(what); };
  static const std::set<std::string> top_keys = {"$schema", "service",      "namespace",
                                                 "title",   "source",       "type_base",
                                                 "domain",  "code_aliases", "errors"};
  for (const auto& [key, value] : doc->items()) {
    (void)value;
    if (top_keys.count(key) == 0) r.top("unknown field " + quote_text(key) + " at the top level");
  }
  std::string ignored;
  get_string(*doc, "$schema", ignored, false, top_fail);
  if (get_string(*doc, "service", cat.service, true, top_fail) && !is_cpp_identifier(cat.service)) {
    r.top("field \"service\" must be a C++ identifier, not " + quote_text(cat.service));
  }
  if (get_string(*doc, "namespace", cat.cpp_namespace, true, top_fail)) {
    std::string_view ns = cat.cpp_namespace;
    bool ok = !ns.empty();
    while (ok && !ns.empty()) {
      const std::size_t sep = ns.find("::");
      ok = is_cpp_identifier(ns.substr(0, sep));
      ns = sep == std::string_view::npos ? std::string_view() : ns.substr(sep + 2);
      if (sep != std::string_view::npos && ns.empty()) ok = false;
    }
    if (!ok) {
      r.top("field \"namespace\" must be a C++ namespace name such as \"errcat::iam\", not " +
            quote_text(cat.cpp_namespace));
    }
  }
  get_string(*doc, "title", cat.title, false, top_fail);
  get_string(*doc, "source", cat.source, false, top_fail);
  if (get_string(*doc, "type_base", cat.type_base, false, top_fail) && !cat.type_base.empty() &&
      !is_absolute_uri(cat.type_base)) {
    r.top("field \"type_base\" must be an absolute URI (scheme \":\" ...) without spaces, not " +
          quote_text(cat.type_base));
  }
  get_string(*doc, "domain", cat.domain, false, top_fail);
  if (const auto it = doc->find("code_aliases"); it != doc->end()) {
    if (!it->is_array()) {
      r.top(std::string("field \"code_aliases\" must be an array, not ") + type_name(*it));
    } else {
      for (std::size_t i = 0; i < it->size(); ++i) {
        const json& a = (*it)[i];
        const std::string where = "code_aliases[" + std::to_string(i) + "]";
        if (!a.is_object()) {
          r.top(where + " must be an object, not " + type_name(a));
          continue;
        }
        source_alias alias;
        auto fail = [&](const std::string& what) { r.top(where + ": " + what); };
        for (const auto& [key, value] : a.items()) {
          (void)value;
          if (key != "prefix" && key != "canonical") fail("unknown field " + quote_text(key));
        }
        // Both fields are read (not short-circuited) so both problems are reported.
        const bool has_prefix = get_string(a, "prefix", alias.prefix, true, fail);
        const bool has_canonical = get_string(a, "canonical", alias.canonical, true, fail);
        const bool ok = has_prefix && has_canonical;
        if (!ok) continue;
        if (alias.prefix.empty() || alias.canonical.empty() || alias.prefix == alias.canonical) {
          fail("\"prefix\" and \"canonical\" must be different non-empty strings");
        } else if (alias.prefix.size() > alias.canonical.size() + 16) {
          fail("\"prefix\" may be at most 16 bytes longer than \"canonical\"");
        } else {
          cat.aliases.push_back(std::move(alias));
        }
      }
    }
  }
  const auto errs = doc->find("errors");
  if (errs == doc->end()) {
    r.top("field \"errors\" is missing");
  } else if (!errs->is_array()) {
    r.top(std::string("field \"errors\" must be an array, not ") + type_name(*errs));
  } else if (errs->empty()) {
    r.top("field \"errors\" must list at least one error");
  } else if (errs->size() >= 0xffff) {
    r.top("a catalog may have at most 65534 errors");
  } else {
    static const std::set<std::string> entry_keys = {"status",      "code",   "name",
                                                     "message",     "params", "description",
                                                     "remediation", "value",  "retry"};
    std::map<std::string, std::size_t> names;
    std::map<std::pair<int, std::string>, int> occurrences;
    std::map<std::tuple<int, std::string, std::string>, std::size_t> rows;
    std::map<std::int64_t, std::size_t> values;
    for (std::size_t i = 0; i < errs->size(); ++i) {
      const json& e = (*errs)[i];
      if (!e.is_object()) {
        r.at(i, {}, std::string("must be an object, not ") + type_name(e));
        continue;
      }
      source_entry se;
      std::string code_label;
      if (const auto c = e.find("code"); c != e.end() && c->is_string()) {
        code_label = snippet(c->get<std::string>(), 40);
      }
      const std::size_t before = r.errors.size();
      auto fail = [&](const std::string& what) { r.at(i, code_label, what); };
      for (const auto& [key, value] : e.items()) {
        (void)value;
        if (entry_keys.count(key) == 0) fail("unknown field " + quote_text(key));
      }
      if (const auto s = e.find("status"); s == e.end()) {
        fail("field \"status\" is missing");
      } else if (!s->is_number_integer()) {
        fail(std::string("field \"status\" must be an integer, not ") + type_name(*s));
      } else if (s->get<std::int64_t>() < 400 || s->get<std::int64_t>() > 599) {
        fail("field \"status\" must be an HTTP error status from 400 to 599, not " + s->dump());
      } else {
        se.status = s->get<int>();
      }
      if (get_string(e, "code", se.code, true, fail)) {
        if (se.code.empty()) {
          fail("field \"code\" must not be empty");
        } else if (se.code.size() > errcat::max_code_size) {
          fail("field \"code\" is longer than " + std::to_string(errcat::max_code_size) + " bytes");
        } else if (!std::all_of(se.code.begin(), se.code.end(),
                                [](char c) { return c > 0x20 && c < 0x7f; })) {
          fail("field \"code\" must be printable ASCII without spaces, not " + quote_text(se.code));
        }
      }
      if (get_string(e, "name", se.name, true, fail)) {
        if (!is_cpp_identifier(se.name)) {
          fail("field \"name\" must be a C++ identifier that is not a keyword, not " +
               quote_text(se.name));
        } else if (const auto [it, fresh] = names.emplace(se.name, i); !fresh) {
          fail("field \"name\" " + quote_text(se.name) + " is already used by errors[" +
               std::to_string(it->second) + "]");
        }
      }
      const bool has_message = get_string(e, "message", se.message, true, fail);
      get_string(e, "description", se.description, true, fail);
      get_string(e, "remediation", se.remediation, true, fail);
      if (const auto p = e.find("params"); p != e.end()) {
        se.has_params = true;
        if (!p->is_array()) {
          fail(std::string("field \"params\" must be an array of names, not ") + type_name(*p));
        } else {
          for (const json& n : *p) {
            if (!n.is_string() || !is_param_name(n.get_ref<const std::string&>())) {
              fail("field \"params\" must hold names made of letters, digits and \"_\", not " +
                   shown(n));
              break;
            }
            se.params.push_back(n.get<std::string>());
          }
        }
      }
      if (const auto v = e.find("value"); v != e.end()) {
        if (!v->is_number_integer() || v->get<std::int64_t>() < 1 ||
            v->get<std::int64_t>() > 2147483647) {
          fail("field \"value\" must be an integer from 1 to 2147483647, not " + shown(*v));
        } else {
          se.explicit_value = v->get<std::int64_t>();
        }
      }
      if (const auto rt = e.find("retry"); rt != e.end()) {
        const std::string v = rt->is_string() ? rt->get<std::string>() : std::string();
        if (v == "never") {
          se.explicit_retry = retry_class::never;
        } else if (v == "backoff") {
          se.explicit_retry = retry_class::backoff;
        } else if (v == "throttled") {
          se.explicit_retry = retry_class::throttled;
        } else {
          fail("field \"retry\" must be \"never\", \"backoff\" or \"throttled\", not " +
               shown(*rt));
        }
      }
      if (has_message) {
        if (auto err = parse_template(se.message, se.params, se.tmpl)) {
          fail("message: " + *err);
        } else if (se.has_params && se.params.size() != se.tmpl.positional) {
          fail("field \"params\" names " + std::to_string(se.params.size()) +
               " parameters, but the message has " + std::to_string(se.tmpl.positional) +
               " positional placeholders (%s, %d, {})");
        } else if (!se.has_params && se.tmpl.positional > 0) {
          fail("the message has " + std::to_string(se.tmpl.positional) +
               " positional placeholders (%s, %d, {}), so field \"params\" must name them");
        }
      }
      if (r.errors.size() != before) continue;
      se.retry = se.explicit_retry.value_or(default_retry(se.status));
      const auto [row, fresh_row] =
          rows.emplace(std::make_tuple(se.status, se.code, se.message), i);
      if (!fresh_row) {
        fail("repeats errors[" + std::to_string(row->second) + "] (same status, code and message)");
        continue;
      }
      const int occurrence = occurrences[{se.status, se.code}]++;
      if (se.explicit_value) {
        se.value = static_cast<int>(*se.explicit_value);
      } else if (const auto v = derive_value(se.status, se.code, occurrence)) {
        se.value = *v;
      } else {
        fail("code " + quote_text(se.code) +
             " does not have the form [PREFIX.]DIGITS (at most 4 digits, at most 10 entries per "
             "status and code) from which errc values are derived; give the entry a \"value\"");
        continue;
      }
      if (const auto [it, fresh] = values.emplace(se.value, i); !fresh) {
        fail("its errc value " + std::to_string(se.value) + " is already taken by errors[" +
             std::to_string(it->second) + "]; give one of them an explicit \"value\"");
        continue;
      }
      cat.entries.push_back(std::move(se));
    }
  }
  if (r.errors.empty()) result.catalog = std::move(cat);
  result.errors = std::move(r.errors);
  return result;
}

}  // namespace errcat::gen
