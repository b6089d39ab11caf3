// errcat explain [STATUS] CODE: every entry documented as a code, in full.
#include <errcat/http_status.hpp>

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

struct explain_options {
  int status = 0;  // 0: any
  std::string code;
  std::string format = "text";
  std::string service;  // empty: every service, each through its default publication
};

// The catalogs, other than those `found` comes from, that also document `code`: later
// publications of a service (otc.iam beside iam), which find_entries leaves out.
void report_other_publications(const std::vector<const entry*>& found, int status,
                               std::string_view code) {
  std::vector<std::string_view> others;
  for (const bundled_match m : find_bundled(status, code)) {
    const bool shown = std::any_of(found.begin(), found.end(), [&](const entry* e) {
      return bundled_catalog_of(*e) == m.source;
    });
    if (!shown && std::find(others.begin(), others.end(), m.source->name) == others.end())
      others.push_back(m.source->name);
  }
  for (std::string_view name : others) {
    std::cout << "\nAlso in " << name << ", another publication:\n  errcat explain --service "
              << name << ' ' << printable(code) << '\n';
  }
}

// Says where `code` is documented when it is not under `status`; 1 either way.
int report_not_found(int status, std::string_view code) {
  const std::vector<const entry*> elsewhere =
      status == 0 ? std::vector<const entry*>{} : find_entries(0, code);
  if (elsewhere.empty()) {
    report_unknown_code(code);
    return exit_not_found;
  }
  std::cerr << "errcat: " << printable(code) << " is not documented under " << status << ' '
            << reason_phrase(status) << "; it is under";
  for (std::size_t i = 0; i < elsewhere.size(); ++i) {
    std::cerr << (i > 0 ? "," : "") << ' ' << elsewhere[i]->status << ' '
              << reason_phrase(elsewhere[i]->status) << " (" << elsewhere[i]->name << ")";
  }
  std::cerr << "\n";
  return exit_not_found;
}

// The services of `found`, in order (the registry keeps each service's entries together).
std::vector<std::string_view> services_of(const std::vector<const entry*>& found) {
  std::vector<std::string_view> services;
  for (const entry* e : found) {
    if (services.empty() || services.back() != service_of(*e)) services.push_back(service_of(*e));
  }
  return services;
}

// The entries of one code in full. A code several services document is explained once per
// service, under that service's name and title.
void write_by_service(const std::vector<const entry*>& found, const terminal& t) {
  const std::vector<std::string_view> services = services_of(found);
  if (services.size() > 1) {
    std::cout << found.front()->code << " is documented by " << services.size() << " services:";
    for (std::size_t i = 0; i < services.size(); ++i)
      std::cout << (i > 0 ? ", " : " ") << services[i];
    std::cout << ".\n";
  } else if (found.size() > 1) {
    std::cout << found.size() << " entries document " << found.front()->code << ":\n";
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    const std::string_view service = service_of(*found[i]);
    if (services.size() > 1 && (i == 0 || service_of(*found[i - 1]) != service)) {
      std::cout << '\n'
                << t.paint(style::bold, service) << ": " << catalog_of(*found[i]).title << '\n';
    }
    if (i > 0 || found.size() > 1) std::cout << '\n';
    write_entry(std::cout, t, *found[i]);
  }
}

// Shows every entry documented as `o.code` (under `o.status`); 1 when there is none.
int run_explain(const explain_options& o, const terminal& t) {
  const bool json = o.format == "json";
  const std::string_view code = o.code;
  const bundled_catalog* only = o.service.empty() ? nullptr : find_bundled_catalog(o.service);
  const std::vector<const entry*> found = find_entries(o.status, code, only);
  if (found.empty()) {
    if (json) std::cout << "[]\n";
    return report_not_found(o.status, code);
  }
  if (json) {
    write_entries(found, "json", t);
    return exit_ok;
  }
  // Say so when the code was found through an alias (APIGW.*) or in another case.
  if (found.front()->code != code && found.front()->name != code) {
    std::cout << printable(code) << " is documented as " << found.front()->code << ".\n\n";
  }
  write_by_service(found, t);
  if (only == nullptr) report_other_publications(found, o.status, code);
  return exit_ok;
}

}  // namespace

void add_explain_command(CLI::App& app, context& ctx) {
  auto o = std::make_shared<explain_options>();
  CLI::App* cmd = app.add_subcommand("explain", "Explain a code: meaning, message, fix");
  // A lone code must not be taken for the status: a value that is not a status moves on.
  cmd->validate_positionals();
  cmd->add_option("STATUS", o->status, "Only the entries under this HTTP status")
      ->type_name("")
      ->check(CLI::Range(100, 599).description(""));
  cmd->add_option("CODE", o->code, "The code (IAM.0004, APIGW.0301) or entry name")
      ->type_name("")
      ->required();
  add_format_option(*cmd, o->format, {"text", "json"});
  cmd->add_option("--service", o->service, "Only this bundled catalog (ecs, otc.iam, ...)")
      ->type_name("NAME")
      ->check(CLI::Validator(
          [](const std::string& s) {
            return find_bundled_catalog(s) != nullptr
                       ? std::string()
                       : "no bundled catalog is called \"" + s + "\" (see errcat list --help)";
          },
          "", "service"));
  cmd->footer("Example: errcat explain 404 IAM.0004");
  cmd->callback([o, &ctx] { ctx.run = [o](const terminal& t) { return run_explain(*o, t); }; });
}

}  // namespace errcat::cli
