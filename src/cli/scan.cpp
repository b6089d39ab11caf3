// errcat scan [FILE|-]: every error body in a log (or any text), found by errcat::scanner
// and explained. The input streams through in fixed chunks, so a log of any size is read in
// bounded memory.
#include <errcat/scan.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace errcat::cli {

namespace {

struct scan_options {
  std::string file = "-";
  std::string format = "text";
};

// Read size: large enough that the per-chunk work vanishes, small enough to stay in cache.
constexpr std::size_t chunk_size = std::size_t{1} << 20;

// The JSON of each entry found, written once: a log repeats the same few errors, and the
// entry is most of each find's JSON.
using entry_texts = std::unordered_map<const entry*, std::string>;

void write_find(std::ostream& out, const terminal& t, const scan_find& f, bool json,
                entry_texts& entries) {
  if (json) {
    nlohmann::ordered_json j = error_json(f.err, false);
    j["line"] = f.line;
    j["offset"] = f.offset;
    // One object per line (JSON Lines), so finds can be read while the scan goes on.
    std::string text = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    text.pop_back();  // the closing brace: the entry goes last, as in parse's output
    text += ",\"entry\":";
    if (const entry* e = f.err.entry()) {
      auto [it, added] = entries.try_emplace(e);
      if (added)
        it->second =
            entry_json(*e).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      text += it->second;
    } else {
      text += "null";
    }
    out << text << "}\n";
    return;
  }
  out << t.paint(style::dim, "line " + std::to_string(f.line)) << '\n';
  write_error(out, t, f.err);
  out << '\n';
}

int run_scan(const scan_options& o, const terminal& t) {
  std::FILE* in = o.file == "-" ? stdin : std::fopen(o.file.c_str(), "rb");
  const std::string name = o.file == "-" ? std::string("standard input") : o.file;
  if (in == nullptr) {
    std::cerr << "errcat: " << printable(name) << ": cannot open the file: " << std::strerror(errno)
              << '\n';
    return exit_not_found;
  }
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(
      in == stdin ? nullptr : in, [](std::FILE* f) { return std::fclose(f); });
  const bool json = o.format == "json";
  scanner s;
  std::vector<scan_find> finds;
  std::vector<char> buf(chunk_size);
  std::uint64_t found = 0;
  entry_texts entries;
  while (const std::size_t n = std::fread(buf.data(), 1, buf.size(), in)) {
    s.feed(std::string_view(buf.data(), n), finds);
    for (const scan_find& f : finds)
      write_find(std::cout, t, f, json, entries);
    found += finds.size();
    finds.clear();
  }
  if (std::ferror(in) != 0) {
    std::cerr << "errcat: " << printable(name) << ": cannot read it: " << std::strerror(errno)
              << '\n';
    return exit_not_found;
  }
  s.finish();
  if (found == 0) {
    std::cerr << "errcat: no error body found in " << printable(name) << '\n';
    return exit_not_found;
  }
  if (!json) std::cerr << "errcat: " << found << (found == 1 ? " error" : " errors") << " found\n";
  return exit_ok;
}

}  // namespace

void add_scan_command(CLI::App& app, context& ctx) {
  auto o = std::make_shared<scan_options>();
  CLI::App* cmd = app.add_subcommand("scan", "Find and explain every error body in a log");
  cmd->add_option("FILE", o->file, "A log or any text; - (default) is stdin")->type_name("");
  cmd->add_option("--format", o->format, "text (default) or json (one object per line)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json"}).description(""));
  cmd->footer("Example: terraform apply 2>&1 | errcat scan");
  cmd->callback([o, &ctx] { ctx.run = [o](const terminal& t) { return run_scan(*o, t); }; });
}

}  // namespace errcat::cli
