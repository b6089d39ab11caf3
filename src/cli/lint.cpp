// lint: a catalog file checked by the generator's own code, so the rules and the messages
// are exactly errcat-gen's.
#include <algorithm>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli.hpp"
#include "commands.hpp"
#include "compile.hpp"

namespace errcat::cli {

/// `errcat lint FILE`; `run_lint` checks the file as errcat-gen does (1 when it is not valid).
struct lint_options {
  std::string file;
  std::string format = "text";
};

namespace {

// Catalog files are small; this only keeps a mistaken argument from filling memory.
constexpr std::size_t max_catalog_size = std::size_t{64} * 1024 * 1024;

}  // namespace

int run_lint(const lint_options& o, const terminal& t) {
  std::vector<std::string> errors;
  std::optional<gen::source_catalog> catalog;
  std::size_t codes = 0;
  std::string why;
  if (const auto text = read_input(o.file, max_catalog_size, why); !text) {
    errors.push_back(why);
  } else {
    // errcat-gen's own compile(), without writing: a catalog lint accepts is one the build
    // accepts.
    gen::compile_options options;
    options.file = o.file;
    options.emit = false;
    gen::compile_result r = gen::compile(*text, options);
    errors = r.diagnostics.texts();
    if (r.ok()) {
      codes = r.plan->groups.size();
      catalog = std::move(r.catalog);
    }
  }

  if (o.format == "json") {
    nlohmann::ordered_json j = {{"file", o.file}, {"valid", catalog.has_value()}};
    if (catalog) {
      j["service"] = catalog->service;
      j["namespace"] = catalog->cpp_namespace;
      j["entries"] = catalog->entries.size();
      j["codes"] = codes;
    }
    j["errors"] = errors;
    std::cout << dump(j) << '\n';
  } else {
    for (const std::string& e : errors)
      std::cerr << "errcat: " << printable(e) << '\n';
    if (catalog) {
      std::cout << o.file << ": " << t.paint(style::green, "valid") << ": catalog \""
                << catalog->service << "\" (" << catalog->cpp_namespace << "), "
                << catalog->entries.size() << " entries, " << codes << " distinct codes\n";
    }
  }
  return catalog ? exit_ok : exit_not_found;
}

void add_lint_command(CLI::App& app, context& ctx) {
  auto o = std::make_shared<lint_options>();
  CLI::App* cmd = app.add_subcommand("lint", "Check a catalog file as the build does");
  cmd->add_option("FILE", o->file, "The catalog JSON file")->type_name("")->required();
  cmd->footer("Example: errcat lint data/errors.json");
  add_format_option(*cmd, o->format, {"text", "json"});
  cmd->callback([o, &ctx] { ctx.run = [o](const terminal& t) { return run_lint(*o, t); }; });
}

}  // namespace errcat::cli
