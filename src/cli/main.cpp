// errcat: explains IAM and API Gateway error codes, renders and reads error responses,
// and lints catalog files. The command line is parsed by CLI11 (see the README for why).
#include <errcat/registry.hpp>
#include <errcat/version.hpp>

#include <algorithm>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "cli.hpp"

namespace {

using namespace errcat::cli;

// A bundled catalog's name (or its namespace's last component), or "all".
std::string check_service(const std::string& s) {
  if (s == "all" || errcat::find_bundled_catalog(s) != nullptr) return {};
  std::string names;
  for (const errcat::bundled_catalog& c : errcat::bundled_catalogs())
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

// The first argument that is neither an option nor --color's value: the command's name.
std::optional<std::string_view> command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--color") {
      ++i;
    } else if (!a.starts_with("-")) {
      return a;
    }
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Explains Huawei Cloud IAM and API Gateway error codes.", "errcat"};
  app.set_version_flag("--version", std::string("errcat ") + ERRCAT_VERSION_STRING,
                       "Print the version and exit");
  app.set_help_flag("-h,--help", "Print this help and exit");
  app.get_formatter()->column_width(24);
  app.require_subcommand(1);
  app.fallthrough();  // so --color may follow the command too
  std::string colour = "auto";
  app.add_option("--color", colour, "auto (on a terminal), always or never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}).description(""));

  explain_options ex;
  CLI::App* explain = app.add_subcommand("explain", "Explain a code: meaning, message, fix");
  // A lone code must not be taken for the status: a value that is not a status moves on.
  explain->validate_positionals();
  explain->add_option("STATUS", ex.status, "Only the entries under this HTTP status")
      ->type_name("")
      ->check(CLI::Range(100, 599).description(""));
  explain->add_option("CODE", ex.code, "The code (IAM.0004, APIGW.0301) or entry name")
      ->type_name("")
      ->required();
  explain->add_option("--format", ex.format, "text or json")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json"}).description(""));
  explain->footer("Example: errcat explain 404 IAM.0004");

  list_options ls;
  CLI::App* list = app.add_subcommand("list", "List the documented errors");
  list->add_option("--service,--catalog", ls.catalog, "A bundled catalog (iam, ecs, ...) or all")
      ->type_name("NAME")
      ->check(CLI::Validator(check_service, "", "service"));
  list->add_option("--status", ls.status, "Only this status (404) or class (4xx)")
      ->type_name("STATUS")
      ->check(CLI::Validator(check_status_pattern, "", "status"));
  list->add_option("--format", ls.format, "table (default), json or csv")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"table", "json", "csv"}).description(""));
  list->footer("Example: errcat list --service ecs --status 4xx");

  search_options se;
  CLI::App* search = app.add_subcommand("search", "Find errors by words, best first");
  search->add_option("WORDS", se.words, "Words every match contains (any case)")
      ->type_name("")
      ->required();
  search->add_option("--format", se.format, "table (default), json or csv")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"table", "json", "csv"}).description(""));
  search->footer("Example: errcat search token expired");

  render_options re;
  CLI::App* render = app.add_subcommand("render", "Render a message or response body");
  render->add_option("CODE", re.code, "The code (or the entry's name)")->type_name("")->required();
  render->add_option("NAME=VALUE", re.values, "Parameter values by name")->type_name("");
  render->add_option("--status", re.status, "The status, for a code with several")
      ->type_name("N")
      ->check(CLI::Range(100, 599).description(""));
  render->add_option("--format", re.format, "text (default), json or keystone")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "keystone"}).description(""));
  render->footer("Example: errcat render IAM.0004 target=user target_id=42");

  parse_input_options pa;
  CLI::App* parse = app.add_subcommand("parse", "Explain an error response body");
  parse->add_option("FILE", pa.file, "A body or a 'curl -i' capture; - is stdin")->type_name("");
  parse->add_option("--status", pa.status, "The HTTP status the body came with")
      ->type_name("N")
      ->check(CLI::Range(100, 599).description(""));
  parse->add_option("-H,--header", pa.headers, "A response header (repeatable)")
      ->type_name("'NAME: VALUE'")
      ->allow_extra_args(false);  // one value per -H, so a following FILE stays a FILE
  parse->add_option("--format", pa.format, "text (default) or json")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json"}).description(""));
  parse->footer("Example: curl -si URL | errcat parse");

  lint_options li;
  CLI::App* lint = app.add_subcommand("lint", "Check a catalog file as the build does");
  lint->add_option("FILE", li.file, "The catalog JSON file")->type_name("")->required();
  lint->footer("Example: errcat lint data/errors.json");
  lint->add_option("--format", li.format, "text (default) or json")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json"}).description(""));

  // Set last, so the commands do not inherit it.
  app.footer(
      "Exit status: 0 found or valid, 1 not found or invalid, 2 usage error.\n"
      "Colour is off when NO_COLOR is set. 'errcat SUBCOMMAND --help' shows more.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11 would say only that a command is required; name the word it did not know.
    const auto word = command_word(argc, argv);
    if (app.get_subcommands().empty() && word) {
      std::cerr << "errcat: unknown command \"" << printable(*word)
                << "\"; the commands are explain, list, search, render, parse and lint\n"
                   "Run 'errcat --help' for more information.\n";
      return exit_usage;
    }
    // CLI11's messages do not say whose they are; name the command, as every other
    // message of the tool does.
    std::string who = "errcat";
    for (const CLI::App* sub : app.get_subcommands())
      who += " " + sub->get_name();
    std::cerr << who << ": " << e.what() << "\nRun '" << who << " --help' for more information.\n";
    return exit_usage;
  }

  terminal t;
  t.colour = colour_enabled(colour);
  t.width = terminal_width();
  try {
    if (explain->parsed()) return run_explain(ex, t);
    if (list->parsed()) return run_list(ls, t);
    if (search->parsed()) return run_search(se, t);
    if (render->parsed()) return run_render(re, t);
    if (parse->parsed()) return run_parse(pa, t);
    if (lint->parsed()) return run_lint(li, t);
  } catch (const std::exception& e) {
    std::cerr << "errcat: " << e.what() << '\n';
    return exit_not_found;
  }
  return exit_usage;
}
