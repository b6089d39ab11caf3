// errcat: explains IAM and API Gateway error codes, renders and reads error responses,
// and lints catalog files. Each command lives in its own file (commands.hpp); this file
// only assembles them, parses the command line with CLI11 and runs the chosen command.
#include <errcat/version.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace {

using namespace errcat::cli;

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

// "explain, list and lint": the names of every registered command, in help order.
std::string command_names(const CLI::App& app) {
  const std::vector<const CLI::App*> all =
      app.get_subcommands([](const CLI::App*) { return true; });
  std::string names;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i > 0) names += i + 1 == all.size() ? " and " : ", ";
    names += all[i]->get_name();
  }
  return names;
}

// Reports a command line CLI11 rejected, naming the command; returns the usage exit code.
int report_parse_error(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  // CLI11 would say only that a command is required; name the word it did not know.
  const auto word = command_word(argc, argv);
  if (app.get_subcommands().empty() && word) {
    std::cerr << "errcat: unknown command \"" << printable(*word) << "\"; the commands are "
              << command_names(app) << "\nRun 'errcat --help' for more information.\n";
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

  context ctx;
  add_explain_command(app, ctx);
  add_list_command(app, ctx);
  add_search_command(app, ctx);
  add_render_command(app, ctx);
  add_parse_command(app, ctx);
  add_lint_command(app, ctx);
  add_import_command(app, ctx);
  add_scan_command(app, ctx);
#ifdef ERRCAT_CLI_SERVE
  add_serve_command(app, ctx);
#endif

  // Set last, so the commands do not inherit it.
  app.footer(
      "Exit status: 0 found or valid, 1 not found or invalid, 2 usage error,\n"
      "3 the tool failed (out of memory, an internal error).\n"
      "Colour is off when NO_COLOR is set. 'errcat SUBCOMMAND --help' shows more.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e, argc, argv);
  }
  if (!ctx.run) return exit_usage;

  terminal t;
  t.colour = colour_enabled(colour);
  t.width = terminal_width();
  return run_command(ctx, t, std::cerr);
}
