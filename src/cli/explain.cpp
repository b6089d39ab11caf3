// errcat explain [STATUS] CODE: every entry documented as a code, in full.
#include <errcat/http_status.hpp>

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
};

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

// Shows every entry documented as `o.code` (under `o.status`); 1 when there is none.
int run_explain(const explain_options& o, const terminal& t) {
  const bool json = o.format == "json";
  const std::string_view code = o.code;
  const std::vector<const entry*> found = find_entries(o.status, code);
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
  if (found.size() > 1) {
    std::cout << found.size() << " entries document " << found.front()->code << ":\n\n";
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i > 0) std::cout << '\n';
    write_entry(std::cout, t, *found[i]);
  }
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
  cmd->add_option("--format", o->format, "text or json")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json"}).description(""));
  cmd->footer("Example: errcat explain 404 IAM.0004");
  cmd->callback([o, &ctx] { ctx.run = [o](const terminal& t) { return run_explain(*o, t); }; });
}

}  // namespace errcat::cli
