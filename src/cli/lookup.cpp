// Looking things up in the bundled catalogs and showing entries: what explain, list,
// search, render and parse share.
#include <errcat/http_status.hpp>
#include <errcat/registry.hpp>

#include <algorithm>
#include <iostream>
#include <numeric>

#include "cli.hpp"

namespace errcat::cli {

namespace {

// Levenshtein distance, one row at a time.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string marked_template(const entry& e, const terminal& t) {
  std::string r;
  for (const segment& s : e.segments) {
    if (s.is_literal()) {
      r += s.text;
    } else {
      const param& p = e.params[static_cast<std::size_t>(s.param_index)];
      r += t.paint(style::cyan, "<" + std::string(p.name) + ">");
    }
  }
  return r;
}

std::vector<std::string> summary_row(const entry& e) {
  return {std::string(service_of(e)), std::to_string(e.status), std::string(e.code),
          std::string(e.name), std::string(e.message)};
}

std::string errc_name(const entry& e) {
  return std::string(catalog_of(e).cpp_namespace) + "::errc::" + std::string(e.name);
}

}  // namespace

void write_entries(const std::vector<const entry*>& entries, std::string_view format,
                   const terminal& t) {
  if (format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const entry* e : entries)
      j.push_back(entry_json(*e));
    std::cout << dump(j) << '\n';
  } else if (format == "csv") {
    std::cout << "catalog,status,code,name,message,description,remediation\n";
    for (const entry* e : entries) {
      std::cout << csv_field(service_of(*e)) << ',' << e->status << ',' << csv_field(e->code) << ','
                << csv_field(e->name) << ',' << csv_field(e->message) << ','
                << csv_field(e->description) << ',' << csv_field(e->remediation) << '\n';
    }
  } else {
    table tab;
    tab.header = {"SERVICE", "STATUS", "CODE", "NAME", "MESSAGE"};
    tab.fixed = {false, true, false, false, false};
    for (const entry* e : entries)
      tab.rows.push_back(summary_row(*e));
    tab.write(std::cout, t);
  }
}

const catalog& catalog_of(const entry& e) noexcept {
  const bundled_catalog* c = bundled_catalog_of(e);
  return c != nullptr ? *c->catalog : *bundled_catalogs().front().catalog;
}

std::string_view service_of(const entry& e) noexcept {
  const bundled_catalog* c = bundled_catalog_of(e);
  return c != nullptr ? c->name : std::string_view();
}

std::string_view placeholder_of(const entry& e, std::size_t i) noexcept {
  for (const segment& s : e.segments) {
    if (!s.is_literal() && static_cast<std::size_t>(s.param_index) == i) return s.text;
  }
  return {};
}

nlohmann::ordered_json entry_json(const entry& e) {
  nlohmann::ordered_json params = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    params.push_back({{"name", e.params[i].name},
                      {"kind", kind_name(e.params[i].kind)},
                      {"placeholder", placeholder_of(e, i)}});
  }
  return {{"catalog", service_of(e)},
          {"status", e.status},
          {"reason", reason_phrase(e.status)},
          {"code", e.code},
          {"name", e.name},
          {"message", e.message},
          {"params", std::move(params)},
          {"description", e.description},
          {"remediation", e.remediation},
          {"errc", errc_name(e)},
          {"value", e.errc_value}};
}

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void write_field(std::ostream& out, const terminal& t, std::string_view label,
                 std::string_view text) {
  constexpr std::size_t indent = 15;  // "  Remediation  "
  write_wrapped(out, t, "  " + t.paint(style::dim, label), text, indent);
}

void write_entry_footer(std::ostream& out, const terminal& t, const entry& e) {
  write_field(out, t, "Description", e.description);
  write_field(out, t, "Remediation", e.remediation);
  write_field(out, t, "Catalog",
              std::string(service_of(e)) + " (" + errc_name(e) + " = " +
                  std::to_string(e.errc_value) + ")");
}

void write_entry(std::ostream& out, const terminal& t, const entry& e) {
  write_heading(out, t, e.status, e.code, e.name);
  write_field(out, t, "Message", marked_template(e, t));
  if (!e.params.empty()) {
    write_field(out, t, "As sent", e.message);
    std::string list;
    for (const param& p : e.params) {
      if (!list.empty()) list += ", ";
      list += std::string(p.name) + " (" + std::string(kind_name(p.kind)) + ")";
    }
    write_field(out, t, "Parameters", list);
  }
  write_entry_footer(out, t, e);
}

void write_heading(std::ostream& out, const terminal& t, int status, std::string_view code,
                   std::string_view name) {
  const std::string s = status == 0
                            ? std::string("(no status)")
                            : std::to_string(status) + " " + std::string(reason_phrase(status));
  out << t.paint(status >= 500 ? style::red : style::yellow, s);
  if (!code.empty()) out << "  " << t.paint(style::bold, code);
  if (!name.empty()) out << "  " << name;
  out << '\n';
}

namespace {

// Entries documented with `code` (the registry's lookup: any letter case, alias spellings).
std::vector<const entry*> entries_by_code(int status, std::string_view code,
                                          const bundled_catalog* only) {
  std::vector<const entry*> found;
  for (const bundled_match m : find_bundled(status, code)) {
    if (only == nullptr || m.source == only) found.push_back(m.entry);
  }
  return found;
}

// Entries whose name (their errc enumerator's) is `name`.
std::vector<const entry*> entries_by_name(int status, std::string_view name,
                                          const bundled_catalog* only) {
  std::vector<const entry*> found;
  for (const bundled_catalog& c : bundled_catalogs()) {
    if (only != nullptr && &c != only) continue;
    for (const entry& e : *c.catalog) {
      if (e.name == name && (status == 0 || e.status == status)) found.push_back(&e);
    }
  }
  return found;
}

// The default publication of a service speaks for it: drops the entries of a later
// catalog whose service an earlier catalog in the list already has.
void keep_first_publications(std::vector<const entry*>& found) {
  std::vector<const catalog*> answering;
  std::erase_if(found, [&answering](const entry* e) {
    const catalog& c = catalog_of(*e);
    for (const catalog* a : answering) {
      if (a == &c) return false;
      if (a->service == c.service) return true;
    }
    answering.push_back(&c);
    return false;
  });
}

}  // namespace

std::vector<const entry*> find_entries(int status, std::string_view code,
                                       const bundled_catalog* only) {
  std::vector<const entry*> found = entries_by_code(status, code, only);
  if (found.empty()) found = entries_by_name(status, code, only);
  keep_first_publications(found);
  return found;
}

std::vector<std::string_view> nearest_codes(std::string_view code, std::size_t max_count) {
  if (code.size() > 4 * max_code_size) return {};
  std::vector<std::string> spellings{text::upper(code)};
  for (const bundled_catalog& c : bundled_catalogs()) {
    for (const code_alias& a : c.catalog->aliases) {
      if (spellings[0].starts_with(text::upper(a.prefix))) {
        spellings.push_back(std::string(a.canonical) + spellings[0].substr(a.prefix.size()));
      }
    }
  }
  struct candidate {
    std::size_t distance;
    std::size_t order;
    std::string_view code;
  };
  std::vector<candidate> candidates;
  for (const bundled_catalog& c : bundled_catalogs()) {
    for (const code_key& k : c.catalog->keys) {
      std::size_t d = SIZE_MAX;
      for (const std::string& s : spellings)
        d = std::min(d, edit_distance(s, text::upper(k.code)));
      candidates.push_back({d, candidates.size(), k.code});
    }
  }
  // Beyond half the code's length a "suggestion" is noise, not a correction.
  const std::size_t limit = std::max<std::size_t>(2, code.size() / 2);
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const candidate& a, const candidate& b) { return a.distance < b.distance; });
  std::vector<std::string_view> r;
  for (const candidate& c : candidates) {
    if (c.distance > limit || r.size() == max_count) break;
    r.push_back(c.code);
  }
  return r;
}

void report_unknown_code(std::string_view code) {
  std::cerr << "errcat: unknown code \"" << printable(code) << "\"\n";
  const auto nearest = nearest_codes(code);
  if (nearest.empty()) {
    std::cerr << "  no code is close; try: errcat search WORDS\n";
    return;
  }
  std::cerr << "  nearest codes:";
  for (std::string_view c : nearest)
    std::cerr << ' ' << c;
  std::cerr << '\n';
}

}  // namespace errcat::cli
