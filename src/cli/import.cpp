// import: documented error tables (reStructuredText, Markdown, HTML, text) turned into a
// catalog JSON, checked by the generator's own rules before it is written.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli.hpp"
#include "commands.hpp"
#include "compile.hpp"
#include "import.hpp"

namespace errcat::cli {

/// `errcat import FILE...`; `run_import` writes the catalog (1 when the input or the
/// catalog is not valid).
struct import_options {
  std::vector<std::string> files;
  std::string format;  // empty: guessed per file
  std::string service = "imported";
  std::string cpp_namespace;
  std::string title;
  std::string source;
  std::string names;   // the overrides file, if any
  std::string output;  // empty: standard output
  std::optional<int> default_status;
  std::optional<std::string> errc_prefix;
};

namespace {

// Documentation pages are small; this only keeps a mistaken argument from filling memory.
constexpr std::size_t max_table_size = std::size_t{64} * 1024 * 1024;

void report(const std::vector<gen::import::diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    std::cerr << "errcat import: " << printable(d.str()) << '\n';
}

// Every file read and merged; nothing when a file cannot be read or has errors.
std::optional<gen::import::import_result> read_all(const import_options& o) {
  gen::import::import_result all;
  const auto format = gen::import::parse_format(o.format);
  bool ok = true;
  for (const std::string& file : o.files) {
    std::string why;
    const auto text = read_input(file, max_table_size, why);
    if (!text) {
      std::cerr << "errcat import: " << printable(why) << '\n';
      ok = false;
      continue;
    }
    gen::import::merge(all, gen::import::read_tables(file, *text, format));
  }
  report(all.diagnostics);
  if (!ok || !all.ok()) return std::nullopt;
  return all;
}

// The generator's verdict on `json`: its errors, empty when errcat-gen would take it
// (the same compile() errcat-gen and `errcat lint` run, without writing).
std::vector<std::string> generator_errors(const std::string& name, const std::string& json) {
  gen::compile_options options;
  options.file = name;
  options.emit = false;
  const gen::compile_result r = gen::compile(json, options);
  if (r.ok()) return {};
  std::vector<std::string> errors = r.diagnostics.texts();
  if (errors.empty()) errors.push_back(name + ": not a valid catalog");
  return errors;
}

}  // namespace

int run_import(const import_options& o, const terminal& t) {
  (void)t;
  auto rows = read_all(o);
  if (!rows) return exit_not_found;
  if (!o.names.empty()) {
    std::string why;
    const auto text = read_input(o.names, max_table_size, why);
    std::vector<gen::import::diagnostic> problems;
    const auto overrides =
        text ? gen::import::parse_name_overrides(o.names, *text, problems) : std::nullopt;
    if (!text) std::cerr << "errcat import: " << printable(why) << '\n';
    report(problems);
    if (!overrides) return exit_not_found;
    gen::import::assign_names(rows->rows, *overrides);
  }
  gen::import::catalog_options options;
  options.service = o.service;
  options.cpp_namespace = o.cpp_namespace;
  options.title = o.title;
  options.source = o.source;
  options.default_status = o.default_status;
  options.errc_prefix = o.errc_prefix;
  const gen::import::written_catalog catalog = gen::import::write_catalog(rows->rows, options);
  report(catalog.diagnostics);
  if (catalog.json.empty()) return exit_not_found;
  const std::string name = o.output.empty() ? std::string("<stdout>") : o.output;
  if (const auto errors = generator_errors(name, catalog.json); !errors.empty()) {
    for (const std::string& e : errors)
      std::cerr << "errcat import: " << printable(e) << '\n';
    std::cerr << "errcat import: the catalog errcat-gen would reject was not written\n";
    return exit_not_found;
  }
  if (o.output.empty()) {
    std::cout << catalog.json;
  } else {
    std::ofstream out(o.output, std::ios::binary);
    out << catalog.json;
    if (!out.flush()) {
      std::cerr << "errcat import: cannot write " << printable(o.output) << '\n';
      return exit_not_found;
    }
  }
  std::cerr << "errcat import: " << rows->rows.size() << " rows from " << rows->tables.size()
            << (rows->tables.size() == 1 ? " table in " : " tables in ") << o.files.size()
            << (o.files.size() == 1 ? " file" : " files") << "; " << catalog.entries
            << " entries written to " << printable(name) << '\n';
  return exit_ok;
}

void add_import_command(CLI::App& app, context& ctx) {
  auto o = std::make_shared<import_options>();
  CLI::App* cmd = app.add_subcommand("import", "Make a catalog file from documented tables");
  cmd->add_option("FILE", o->files, "Tables in .rst, .md, .html or text files")
      ->type_name("")
      ->required();
  cmd->add_option("--format", o->format, "rst, md, html or text (default: from each file)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"rst", "md", "markdown", "html", "text"}).description(""));
  cmd->add_option("--service", o->service, "The catalog's service name (default: imported)")
      ->type_name("NAME");
  cmd->add_option("--namespace", o->cpp_namespace, "C++ namespace (default: errcat::SERVICE)")
      ->type_name("NS");
  cmd->add_option("--title", o->title, "The catalog's title")->type_name("TEXT");
  cmd->add_option("--source", o->source, "Where the tables come from")->type_name("TEXT");
  cmd->add_option("--names", o->names, "JSON of code (or \"STATUS CODE\") to entry name")
      ->type_name("OVERRIDES.json");
  cmd->add_option("--default-status", o->default_status, "Status of rows that give none")
      ->type_name("N")
      ->check(CLI::Range(400, 599).description(""));
  cmd->add_option("--errc-prefix", o->errc_prefix,
                  "Code prefix kept readable in errc values (default: the most used)")
      ->type_name("P");
  cmd->add_option("-o,--output", o->output, "Write here instead of standard output")
      ->type_name("OUT.json");
  cmd->footer("Example: errcat import error_codes.rst --service ecs -o ecs.json");
  cmd->callback([o, &ctx] { ctx.run = [o](const terminal& t) { return run_import(*o, t); }; });
}

}  // namespace errcat::cli
