// errcat list: the entries of the chosen catalogs and statuses.
#include <errcat/registry.hpp>

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace errcat::cli {

namespace {

struct list_options {
  std::string catalog = "all";
  std::string status;  // "", "4xx" or "404"
  std::string format = "table";
};

// A bundled catalog's name (or its namespace's last component), or "all".
std::string check_service(const std::string& s) {
  if (s == "all" || find_bundled_catalog(s) != nullptr) return {};
  std::string names;
  for (const bundled_catalog& c : bundled_catalogs())
    names += (names.empty() ? "" : ", ") + std::string(c.name);
  return "no bundled catalog is called \"" + s + "\" (they are: all, " + names + ")";
}

// `4xx`, `40x` or `404`: a status or a class of statuses for `list --status`.
std::string check_status_pattern(const std::string& s) {
  const bool ok = s.size() == 3 && s[0] >= '1' && s[0] <= '5' &&
                  std::all_of(s.begin() + 1, s.end(), [](char c) {
                    return (c >= '0' && c <= '9') || c == 'x' || c == 'X';
                  });
  return ok ? std::string() : "a status (404) or a class of statuses (4xx, 40x), not \"" + s + "\"";
}

// Whether `status` is in `pattern` (checked by check_status_pattern; empty: every status).
bool status_matches(std::string_view pattern, int status) {
  if (pattern.empty()) return true;
  const std::string digits = std::to_string(status);
  if (digits.size() != pattern.size()) return false;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (pattern[i] != 'x' && pattern[i] != 'X' && pattern[i] != digits[i]) return false;
  }
  return true;
}

// Lists the entries of the chosen catalogs and statuses; 1 when there is none.
int run_list(const list_options& o, const terminal& t) {
  std::vector<const entry*> shown;
  // check_service let only "all" or a bundled catalog's name through.
  const bundled_catalog* only = o.catalog == "all" ? nullptr : find_bundled_catalog(o.catalog);
  for (const bundled_catalog& c : bundled_catalogs()) {
    if (only != nullptr && only != &c) continue;
    for (const entry& e : *c.catalog) {
      if (status_matches(o.status, e.status)) shown.push_back(&e);
    }
  }
  if (shown.empty()) {
    if (o.format == "json") std::cout << "[]\n";
    std::cerr << "errcat: no entry has status " << o.status << "\n";
    return exit_not_found;
  }
  write_entries(shown, o.format, t);
  return exit_ok;
}

}  // namespace

void add_list_command(CLI::App& app, context& ctx) {
  auto o = std::make_shared<list_options>();
  CLI::App* cmd = app.add_subcommand("list", "List the documented errors");
  cmd->add_option("--service,--catalog", o->catalog, "A bundled catalog (iam, ecs, ...) or all")
      ->type_name("NAME")
      ->check(CLI::Validator(check_service, "", "service"));
  cmd->add_option("--status", o->status, "Only this status (404) or class (4xx)")
      ->type_name("STATUS")
      ->check(CLI::Validator(check_status_pattern, "", "status"));
  add_format_option(*cmd, o->format, {"table", "json", "csv"});
  cmd->footer("Example: errcat list --service ecs --status 4xx");
  cmd->callback([o, &ctx] { ctx.run = [o](const terminal& t) { return run_list(*o, t); }; });
}

}  // namespace errcat::cli
