// errcat-gen: validates a catalog JSON file and writes its constexpr C++ header and the
// source file with its error category.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "catalog_source.hpp"
#include "emit.hpp"
#include "perfect_hash.hpp"

namespace {

constexpr const char* usage =
    "usage: errcat-gen INPUT.json --header OUT.hpp [--source OUT.cpp]\n"
    "                  [--include NAME] [--namespace NS] [--hash-tries N]\n"
    "                  [--type-base URI] [--domain NAME]\n"
    "       errcat-gen --check INPUT.json\n"
    "Validates a catalog file and writes the generated C++ header (and source).\n"
    "  --include NAME   how OUT.cpp includes the header (default: its file name)\n"
    "  --namespace NS   C++ namespace, overriding the file's \"namespace\"\n"
    "  --type-base URI  RFC 9457 type URI base, overriding the file's \"type_base\"\n"
    "  --domain NAME    google.rpc ErrorInfo domain, overriding the file's \"domain\"\n"
    "  --hash-tries N   perfect-hash seeds to try before giving up (default 64)\n"
    "  --check          validate only; write nothing\n";

// Writes through a temporary file and a rename, so a failed run leaves no partial file.
bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::cerr << "errcat-gen: cannot write " << tmp.string() << "\n";
      std::filesystem::remove(tmp, ec);
      return false;
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::cerr << "errcat-gen: cannot write " << path.string() << ": " << ec.message() << "\n";
    std::filesystem::remove(tmp, ec);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string input;
  std::string header;
  std::string source;
  std::string include;
  std::string ns;
  std::string type_base;
  std::string domain;
  bool check = false;
  int tries = 64;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) {
        std::cerr << "errcat-gen: " << a << " needs a value\n" << usage;
        std::exit(2);
      }
      out = args[++i];
    };
    if (a == "--header") {
      value(header);
    } else if (a == "--source") {
      value(source);
    } else if (a == "--include") {
      value(include);
    } else if (a == "--namespace") {
      value(ns);
    } else if (a == "--type-base") {
      value(type_base);
    } else if (a == "--domain") {
      value(domain);
    } else if (a == "--hash-tries") {
      std::string n;
      value(n);
      char* end = nullptr;
      const long v = std::strtol(n.c_str(), &end, 10);
      if (n.empty() || *end != '\0' || v < 0 || v > 1000000) {
        std::cerr << "errcat-gen: --hash-tries needs a whole number from 0 to 1000000, not \"" << n
                  << "\"\n";
        return 2;
      }
      tries = static_cast<int>(v);
    } else if (a == "--check") {
      check = true;
    } else if (a == "--help" || a == "-h") {
      std::cout << usage;
      return 0;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      std::cerr << "errcat-gen: unknown option " << a << "\n" << usage;
      return 2;
    } else if (input.empty()) {
      input = a;
    } else {
      std::cerr << "errcat-gen: more than one input file (" << input << ", " << a << ")\n";
      return 2;
    }
  }
  if (input.empty() || (!check && header.empty())) {
    std::cerr << usage;
    return 2;
  }
  // A failed run removes earlier outputs too, so a build never goes on with stale code.
  auto fail = [&] {
    std::error_code ec;
    if (!header.empty()) std::filesystem::remove(header, ec);
    if (!source.empty()) std::filesystem::remove(source, ec);
    return 1;
  };
  if (!type_base.empty() && !errcat::gen::is_absolute_uri(type_base)) {
    std::cerr << "errcat-gen: --type-base needs an absolute URI (scheme \":\" ...), not \""
              << type_base << "\"\n";
    return fail();
  }
  std::ifstream in(input, std::ios::binary);
  if (!in) {
    std::cerr << "errcat-gen: " << input << ": cannot open the file\n";
    return fail();
  }
  std::ostringstream text;
  text << in.rdbuf();
  errcat::gen::load_result r = errcat::gen::load_catalog(input, text.str());
  for (const std::string& e : r.errors)
    std::cerr << "errcat-gen: " << e << "\n";
  if (!r.catalog) return fail();
  errcat::gen::source_catalog& c = *r.catalog;
  if (!ns.empty()) c.cpp_namespace = ns;
  if (!type_base.empty()) c.type_base = type_base;
  if (!domain.empty()) c.domain = domain;
  std::vector<std::string> keys;
  for (const auto& e : c.entries) {
    if (std::find(keys.begin(), keys.end(), e.code) == keys.end()) keys.push_back(e.code);
  }
  const auto ph = errcat::gen::build_perfect_hash(keys, tries);
  if (!ph) {
    std::cerr << "errcat-gen: " << input << ": cannot find a perfect hash for its " << keys.size()
              << " codes after " << tries << " seeds (raise --hash-tries)\n";
    return fail();
  }
  if (check) return 0;
  errcat::gen::emit_options o;
  o.input_name = std::filesystem::path(input).filename().string();
  o.header_path = include.empty() ? std::filesystem::path(header).filename().string() : include;
  if (!write_file(header, errcat::gen::emit_header(c, *ph, o))) return fail();
  if (!source.empty() && !write_file(source, errcat::gen::emit_source(c, o))) return fail();
  return 0;
}
