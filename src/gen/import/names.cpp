// Names and retry classes of imported rows.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "catalog_source.hpp"
#include "import.hpp"
#include "tables.hpp"
#include "text.hpp"

namespace errcat::gen::import {
namespace {

constexpr std::size_t max_name_size = 48;

using text::lower;

// Words that carry no meaning in a name.
bool is_filler(std::string_view w) {
  static constexpr std::array<std::string_view, 24> words = {
      "a",  "an", "the", "is",  "are",  "was",  "were", "be",  "been",   "has", "have", "of",
      "to", "in", "on",  "for", "this", "that", "it",   "its", "please", "by",  "with", "as"};
  return std::find(words.begin(), words.end(), w) != words.end();
}

// `text` without what a placeholder looks like (%(key)s, %s, {0}, ${name}, [input X], xxx).
std::string without_placeholders(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::size_t close = std::string_view::npos;
    if (c == '%' && i + 1 < text.size() && text[i + 1] == '(') close = text.find(')', i);
    if (c == '{' || (c == '$' && i + 1 < text.size() && text[i + 1] == '{'))
      close = text.find('}', i);
    if (c == '[' && (text.substr(i + 1, 6) == "input " || text.substr(i + 1, 10) == "condition "))
      close = text.find(']', i);
    if (close != std::string_view::npos) {
      i = close + (c == '%' ? 1 : 0);
      out += ' ';
    } else if (c == '%' && i + 1 < text.size() && (text[i + 1] == 's' || text[i + 1] == 'd')) {
      ++i;
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// A snake_case name of at most `max` bytes made of the meaningful words of `text`.
std::string slug(std::string_view text, std::size_t max) {
  const std::string plain = lower(without_placeholders(text));
  std::string name;
  std::string word;
  auto add = [&] {
    if (!word.empty() && !is_filler(word) && word != "xxx" &&
        name.size() + (name.empty() ? 0 : 1) + word.size() <= max) {
      name += (name.empty() ? "" : "_") + word;
    }
    word.clear();
  };
  for (char c : plain) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else if (c != '\'') {
      add();
    }
    if (name.size() >= max) break;
  }
  add();
  return name;
}

// A valid C++ identifier from a slug (a leading digit, a keyword or nothing fixed up).
std::string as_identifier(std::string name) {
  if (name.empty()) name = "error";
  if (std::isdigit(static_cast<unsigned char>(name[0])) != 0) name = "error_" + name;
  if (!gen::is_cpp_identifier(name)) name += "_error";
  if (name.size() > max_name_size) name.resize(max_name_size);
  while (!name.empty() && name.back() == '_')
    name.pop_back();
  return name;
}

// "DBS.108000" → "dbs_108000".
std::string code_slug(std::string_view code) {
  std::string s;
  for (char c : lower(code)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      s += c;
    } else if (!s.empty() && s.back() != '_') {
      s += '_';
    }
  }
  while (!s.empty() && s.back() == '_')
    s.pop_back();
  return s;
}

// `base` shortened (at a "_") so that "_" + suffix fits in 48 bytes.
std::string with_suffix(const std::string& base, std::string suffix) {
  // A code with no letter or digit has an empty slug: "_2", not "__2" (reserved in C++).
  while (!suffix.empty() && suffix.front() == '_')
    suffix.erase(0, 1);
  if (suffix.empty()) return base;
  if (suffix.size() + 1 >= max_name_size) return as_identifier(suffix.substr(0, max_name_size));
  std::string b = base.substr(0, max_name_size - suffix.size() - 1);
  if (b.size() < base.size()) {
    if (const std::size_t cut = b.rfind('_'); cut != std::string::npos && cut > 0) b.resize(cut);
  }
  while (!b.empty() && b.back() == '_')
    b.pop_back();
  return b.empty() ? as_identifier(suffix) : b + "_" + suffix;
}

// `name` shortened (at its end) so that "_" + `n` fits in 48 bytes, then "_" + `n`. Used
// when `with_suffix` had to drop the number (a code slug too long to leave room for it):
// distinct `n` give distinct names, so numbering always ends.
std::string numbered(std::string name, int n) {
  const std::string tail = "_" + std::to_string(n);
  if (name.size() + tail.size() > max_name_size) name.resize(max_name_size - tail.size());
  while (!name.empty() && name.back() == '_')
    name.pop_back();
  return (name.empty() ? "error" : name) + tail;
}

// `base`, or when a name in `taken` has it, `base` told apart by the row's code, then its
// status, then a counter; the result is added to `taken`.
std::string unique_name(const std::string& base, const row& r,
                        std::set<std::string, std::less<>>& taken) {
  const std::string code = code_slug(r.code);
  std::string name = base;
  if (taken.count(name) != 0) name = with_suffix(base, code);
  if (taken.count(name) != 0 && r.status)
    name = with_suffix(base, code + "_" + std::to_string(*r.status));
  for (int n = 2; taken.count(name) != 0; ++n) {
    name = with_suffix(base, code + "_" + std::to_string(n));
    if (taken.count(name) != 0 && !name.ends_with("_" + std::to_string(n)))
      name = numbered(std::move(name), n);
  }
  taken.insert(name);
  return name;
}

std::string status_key(const row& r) {
  return r.status ? std::to_string(*r.status) + " " + r.code : std::string();
}

}  // namespace

void assign_names(std::vector<row>& rows, const name_overrides& overrides) {
  // A description several rows with different messages share says little about each.
  std::map<std::string, std::set<std::string>, std::less<>> messages_by_description;
  for (const row& r : rows)
    messages_by_description[r.description].insert(r.message);
  std::set<std::string, std::less<>> taken;
  std::vector<bool> named(rows.size(), false);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto it = overrides.find(status_key(rows[i]));
    if (it == overrides.end()) it = overrides.find(rows[i].code);
    if (it != overrides.end() && taken.insert(it->second).second) {
      rows[i].name = it->second;
      named[i] = true;
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (named[i]) continue;
    row& r = rows[i];
    const bool generic = r.description.empty() ||
                         (messages_by_description[r.description].size() > 1 && !r.message.empty());
    std::string base = as_identifier(slug(generic ? r.message : r.description, max_name_size));
    if (base == "error" && !r.message.empty()) base = as_identifier(slug(r.message, max_name_size));
    r.name = unique_name(base, r, taken);
  }
}

std::optional<name_overrides> parse_name_overrides(std::string_view file, std::string_view text,
                                                   std::vector<diagnostic>& diagnostics) {
  auto fail = [&](std::string what) {
    diagnostics.push_back({std::string(file), 0, std::move(what), true});
    return std::nullopt;
  };
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {
    return fail(std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_object()) return fail("must be a JSON object of code (or \"STATUS CODE\") to name");
  name_overrides out;
  bool ok = true;
  for (const auto& [key, value] : doc.items()) {
    if (!value.is_string() || !gen::is_cpp_identifier(value.get_ref<const std::string&>()) ||
        value.get_ref<const std::string&>().size() > max_name_size) {
      diagnostics.push_back(
          {std::string(file), 0,
           "the name for \"" + key + "\" must be a snake_case C++ identifier of at most 48 bytes",
           true});
      ok = false;
      continue;
    }
    out.emplace(key, value.get<std::string>());
  }
  if (!ok) return std::nullopt;
  return out;
}

std::string infer_retry(const row& r) {
  const std::string text = lower(r.message + " " + r.description + " " + r.remediation);
  auto has = [&](std::string_view w) { return text.find(w) != std::string::npos; };
  static constexpr std::array<std::string_view, 9> throttling = {
      "throttl",        "flow control", "flow limit",      "too many requests",
      "rate limit",     "request rate", "traffic control", "requests are too frequent",
      "frequency limit"};
  static constexpr std::array<std::string_view, 6> transient = {"try again later", "retry later",
                                                                "try again after", "retry after",
                                                                "try later",       "please retry"};
  const int status = r.status.value_or(0);
  if (status == 429 || std::any_of(throttling.begin(), throttling.end(), has)) return "throttled";
  if (status >= 500 || std::any_of(transient.begin(), transient.end(), has)) return "backoff";
  return "never";
}

}  // namespace errcat::gen::import
