// The model written as catalog JSON (the format of data/errors.json).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "catalog_source.hpp"
#include "import.hpp"
#include "text.hpp"

namespace errcat::gen::import {
namespace {

// A "%" the template parser would reject (a conversion errcat does not render, "%x", or a
// malformed "%(name)") written "%%", so the documented text stays literal.
std::string escape_percent(std::string_view m) {
  std::string out;
  out.reserve(m.size());
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (m[i] != '%') {
      out += m[i];
      continue;
    }
    const char n = i + 1 < m.size() ? m[i + 1] : '\0';
    bool placeholder = n == 's' || n == 'd';
    if (n == '(') {
      const std::size_t close = m.find(')', i);
      placeholder = close != std::string_view::npos && close + 1 < m.size() &&
                    (m[close + 1] == 's' || m[close + 1] == 'd') &&
                    text::is_identifier(m.substr(i + 2, close - i - 2));
    }
    out += placeholder ? "%" : "%%";
  }
  return out;
}

// The documented message as a template errcat-gen reads: exactly as written when the
// generator's template parser takes it (it reads "90% full" as prose), else with the
// rejected "%" doubled. Whatever else it rejects, the generator's check reports.
std::string as_template(std::string_view m) {
  gen::parsed_template t;
  if (!gen::parse_template(m, {}, t)) return std::string(m);
  return escape_percent(m);
}

// The word before position `at` of `m`, lowercased, when it can name a parameter.
std::string word_before(std::string_view m, std::size_t at) {
  std::size_t end = at;
  while (end > 0 &&
         (m[end - 1] == ' ' || m[end - 1] == '\'' || m[end - 1] == '"' || m[end - 1] == ':'))
    --end;
  std::size_t start = end;
  while (start > 0 && std::isalpha(static_cast<unsigned char>(m[start - 1])) != 0)
    --start;
  const std::string w = text::lower(m.substr(start, end - start));
  static const std::set<std::string, std::less<>> useless = {
      "",   "a",   "an",  "the", "is", "of", "to", "in", "for", "and", "or",
      "be", "are", "was", "by",  "on", "at", "as", "if", "not", "with"};
  return useless.count(w) != 0 || w.size() > 24 ? std::string() : w;
}

// `name` (or "value" when empty), with "_2", "_3", ... until no name in `taken` has it;
// the result is added to `taken`.
std::string unique_name(std::string name, std::vector<std::string>& taken) {
  if (name.empty()) name = "value";
  std::string unique = name;
  for (int n = 2; std::find(taken.begin(), taken.end(), unique) != taken.end(); ++n)
    unique = name + "_" + std::to_string(n);
  taken.push_back(unique);
  return unique;
}

// Names for the positional placeholders of `tmpl` (%s, %d, {}, and whatever else the
// generator's template parser counts as positional), found by that parser so they agree
// with it: the word before each placeholder's first use, or "value", made unique against
// each other and the message's named parameters. Empty when there are none, or when the
// parser rejects the message (the generator's check then reports why).
std::vector<std::string> positional_names(std::string_view tmpl) {
  gen::parsed_template counted;
  if (gen::parse_template(tmpl, {}, counted) || counted.positional == 0) return {};
  std::vector<std::string> stand_ins;  // stand-ins, then found by their segments
  for (std::size_t k = 0; k < counted.positional; ++k)
    stand_ins.push_back("errcat_import_slot_" + std::to_string(k));
  gen::parsed_template t;
  if (gen::parse_template(tmpl, stand_ins, t)) return {};
  std::vector<std::string> taken;
  for (const auto& p : t.params)
    if (!p.name.starts_with("errcat_import_slot_")) taken.push_back(p.name);
  std::vector<std::string> names(stand_ins.size());
  std::string before;  // the literal text before the current segment
  for (const auto& seg : t.segments) {
    if (seg.param_index < 0) {
      before = seg.text;
      continue;
    }
    const auto k = std::find(stand_ins.begin(), stand_ins.end(),
                             t.params[static_cast<std::size_t>(seg.param_index)].name);
    const auto i = static_cast<std::size_t>(k - stand_ins.begin());
    if (k == stand_ins.end() || !names[i].empty()) continue;
    names[i] = unique_name(word_before(before, before.size()), taken);
    before.clear();
  }
  for (std::string& name : names)
    if (name.empty()) name = unique_name("", taken);  // an index the message skips
  return names;
}

// The retry class errcat-gen derives from a status when an entry gives none.
std::string_view status_retry(int status) {
  if (status == 429) return "throttled";
  if (status == 500 || status == 502 || status == 503 || status == 504) return "backoff";
  return "never";
}

// Adds `more` to a text field as an alternative ("A. Or: B."), unless it says nothing new.
bool append_alternative(nlohmann::ordered_json& field, const std::string& more) {
  const std::string& text = field.get_ref<const std::string&>();
  const std::string marked = " Or: " + text + " Or: ";
  if (more.empty() || marked.find(" Or: " + more + " Or: ") != std::string::npos) return false;
  field = text.empty() ? more : text + " Or: " + more;
  return true;
}

std::string where(const row& r) {
  return r.file + ":" + std::to_string(r.line);
}

nlohmann::ordered_json entry_json(const row& r, int status, const std::string& name,
                                  const catalog_options& options) {
  const std::string message = as_template(r.message);
  nlohmann::ordered_json e;
  e["status"] = status;
  e["code"] = r.code;
  e["name"] = name;
  e["message"] = message;
  if (auto params = positional_names(message); !params.empty()) e["params"] = params;
  e["description"] = r.description;
  e["remediation"] = r.remediation;
  if (options.write_retry && !r.retry.empty() && r.retry != status_retry(status))
    e["retry"] = r.retry;
  return e;
}

// The prefix of `PREFIX.DIGITS` codes (1 to 4 digits) that most rows have, when the codes
// have several prefixes (ECS: Ecs., Common., Pdp.): the generator keeps readable errc
// values for that one. Empty when there is one prefix or none (the generator's default).
std::string main_prefix(const std::vector<row>& rows) {
  std::vector<std::pair<std::string, std::size_t>> counts;  // in order of first use
  for (const row& r : rows) {
    const std::size_t dot = r.code.rfind('.');
    if (dot == std::string::npos || dot == 0) continue;
    const std::string_view digits = std::string_view(r.code).substr(dot + 1);
    if (digits.empty() || digits.size() > 4 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    const std::string prefix = r.code.substr(0, dot);
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& c) { return c.first == prefix; });
    if (it == counts.end()) {
      counts.emplace_back(prefix, 1);
    } else {
      ++it->second;
    }
  }
  if (counts.size() < 2) return {};
  return std::max_element(counts.begin(), counts.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

// `name` cut to `size` bytes without a trailing "_", then "_" and `suffix`.
std::string suffixed(const std::string& name, std::size_t size, const std::string& suffix) {
  std::string base = name.substr(0, size);
  while (!base.empty() && base.back() == '_')
    base.pop_back();
  return base + "_" + suffix;
}

// The entries written so far, and what a row repeating one of them changes.
class entries_writer {
 public:
  entries_writer(const std::vector<row>& rows, const catalog_options& options,
                 std::vector<diagnostic>& diagnostics)
      : options_(options), diagnostics_(diagnostics) {
    for (const row& r : rows)
      names_.insert(r.name);
  }

  void add(const row& r) {
    std::vector<int> statuses;
    if (r.status) statuses.push_back(*r.status);
    statuses.insert(statuses.end(), r.more_statuses.begin(), r.more_statuses.end());
    if (statuses.empty() && options_.default_status) statuses.push_back(*options_.default_status);
    if (statuses.empty()) {
      warn(r, "code " + r.code + " has no status; it is left out (give a default status)");
      return;
    }
    for (std::size_t k = 0; k < statuses.size(); ++k)
      add(r, statuses[k], k > 0);
  }

  nlohmann::ordered_json errors = nlohmann::ordered_json::array();

 private:
  void add(const row& r, int s, bool another_status) {
    if (s < 400 || s > 599) {
      warn(r, "code " + r.code + " is documented with status " + std::to_string(s) +
                  ", not an error status (400-599) a catalog holds; it is left out");
      return;
    }
    const auto [it, fresh] =
        written_.emplace(std::make_tuple(s, r.code, r.message), std::pair{&r, errors.size()});
    if (!fresh) {
      // One response, documented twice: one entry, keeping both explanations.
      nlohmann::ordered_json& first = errors[it->second.second];
      const bool added = append_alternative(first["description"], r.description) |
                         append_alternative(first["remediation"], r.remediation);
      warn(r, "code " + r.code + " repeats status " + std::to_string(s) + " and message of " +
                  where(*it->second.first) +
                  (added ? "; its description and remediation are added to that entry's"
                         : "; it is left out as a copy"));
      return;
    }
    std::string name = r.name;
    if (another_status) {
      name = suffixed(r.name, 44, std::to_string(s));
      for (int n = 2; names_.count(name) != 0; ++n)
        name = suffixed(r.name, 40, std::to_string(s) + "_" + std::to_string(n));
      names_.insert(name);
    }
    errors.push_back(entry_json(r, s, name, options_));
  }

  void warn(const row& r, std::string what) {
    diagnostics_.push_back({r.file, r.line, std::move(what), false});
  }

  const catalog_options& options_;
  std::vector<diagnostic>& diagnostics_;
  std::set<std::string> names_;
  std::map<std::tuple<int, std::string, std::string>, std::pair<const row*, std::size_t>> written_;
};

}  // namespace

written_catalog write_catalog(const std::vector<row>& rows, const catalog_options& options) {
  written_catalog out;
  entries_writer writer(rows, options, out.diagnostics);
  for (const row& r : rows)
    writer.add(r);
  out.entries = writer.errors.size();
  if (writer.errors.empty()) {
    out.diagnostics.push_back({"", 0, "no row could be written, so there is no catalog", true});
    return out;
  }
  nlohmann::ordered_json doc;
  doc["service"] = options.service;
  doc["namespace"] =
      options.cpp_namespace.empty() ? "errcat::" + options.service : options.cpp_namespace;
  if (!options.title.empty()) doc["title"] = options.title;
  if (!options.source.empty()) doc["source"] = options.source;
  if (const std::string prefix = options.errc_prefix.value_or(main_prefix(rows)); !prefix.empty())
    doc["errc_prefix"] = prefix;
  doc["errors"] = std::move(writer.errors);
  out.json = doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  return out;
}

}  // namespace errcat::gen::import
