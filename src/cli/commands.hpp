// The errcat tool's commands, one file each (CLI11's "subcommands in files" model): every
// `add_<name>_command` adds its subcommand with its options and help, and a callback that
// stores the command's work in `context::run`. `main` only calls the `add_*` functions,
// parses, sets up the terminal and runs what the parsed command stored. Internal to the tool.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "cli.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace errcat::cli {

/// What the parsed command left for `main` to run.
struct context {
  /// The chosen command's work, set by its callback during parsing; empty until then.
  /// Returns the exit code (`exit_code`).
  std::function<int(const terminal&)> run;
};

/// Runs the stored command and returns its exit code. Commands handle every failure they
/// expect (a missing file, an unknown code, make()'s usage_error) and return 1 or 2, so an
/// exception that reaches here is the tool's own failure, never "not found": it is
/// reported on `err` ("out of memory", or "internal error: " and what()) and gives
/// `exit_failure`. Never throws. `ctx.run` must be set.
int run_command(const context& ctx, const terminal& t, std::ostream& err) noexcept;

/// Adds `--format FORMAT` to `cmd`: one of `formats`, the first being the default (it is
/// stored in `format` now), with help "text (default), json or csv" made from the list.
CLI::Option* add_format_option(CLI::App& cmd, std::string& format,
                               const std::vector<std::string>& formats);

// Each adds one subcommand to `app`. `ctx` must outlive parsing and running.

/// `errcat explain [STATUS] CODE`: every entry documented as a code (explain.cpp).
void add_explain_command(CLI::App& app, context& ctx);
/// `errcat list`: the entries of chosen catalogs and statuses (list.cpp).
void add_list_command(CLI::App& app, context& ctx);
/// `errcat search WORDS...`: entries that mention every word, best first (search.cpp).
void add_search_command(CLI::App& app, context& ctx);
/// `errcat render CODE NAME=VALUE...`: a message or response body (render.cpp).
void add_render_command(CLI::App& app, context& ctx);
/// `errcat parse [FILE]`: a response body or `curl -i` capture explained (parse.cpp).
void add_parse_command(CLI::App& app, context& ctx);
/// `errcat lint FILE`: a catalog file checked as the build checks it (lint.cpp).
void add_lint_command(CLI::App& app, context& ctx);
/// `errcat import FILE...`: documented tables turned into a catalog file (import.cpp).
void add_import_command(CLI::App& app, context& ctx);
/// `errcat scan [FILE]`: every error body in a log, explained (scan.cpp).
void add_scan_command(CLI::App& app, context& ctx);
/// `errcat serve`: a fake server answering with documented errors (serve.cpp; built when
/// cpp-httplib is found, which defines ERRCAT_CLI_SERVE).
void add_serve_command(CLI::App& app, context& ctx);

}  // namespace errcat::cli
