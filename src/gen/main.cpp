// errcat-gen: validates a catalog JSON file and writes its generated C++: the run-time
// header, the constexpr table header and the source (see emit.hpp). The work is compile().
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "compile.hpp"

namespace {

constexpr const char* usage =
    "usage: errcat-gen INPUT.json --header OUT.hpp [--table-header OUT_table.hpp]\n"
    "                  [--source OUT.cpp] [--include NAME] [--table-include NAME]\n"
    "                  [--namespace NS] [--type-base URI] [--domain NAME] [--hash-tries N]\n"
    "       errcat-gen --check INPUT.json\n"
    "Validates a catalog file and writes the generated C++ header, table header and source.\n"
    "  --table-header F the constexpr table header (default: OUT_table.hpp beside OUT.hpp)\n"
    "  --include NAME   how the table header includes the header (default: its file name)\n"
    "  --table-include NAME  how the source includes the table header (default: the\n"
    "                   --include name with _table before its extension)\n"
    "  --namespace NS   C++ namespace, overriding the file's \"namespace\"\n"
    "  --type-base URI  RFC 9457 type URI base, overriding the file's \"type_base\"\n"
    "  --domain NAME    google.rpc ErrorInfo domain, overriding the file's \"domain\"\n"
    "  --hash-tries N   perfect-hash seeds to try before giving up (default 64)\n"
    "  --check          validate only; write nothing\n";

struct options {
  std::string input;
  std::string header;
  std::string table_header;
  std::string source;
  std::string include;
  std::string table_include;
  bool check = false;
  errcat::gen::compile_options compile;
};

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

// --hash-tries N: a whole number from 0 to 1000000, or -1.
int parse_tries(const std::string& n) {
  char* end = nullptr;
  const long v = std::strtol(n.c_str(), &end, 10);
  if (n.empty() || *end != '\0' || v < 0 || v > 1000000) return -1;
  return static_cast<int>(v);
}

// The string option `a` names, or nullptr.
std::string* string_option(options& o, const std::string& a) {
  if (a == "--header") return &o.header;
  if (a == "--table-header") return &o.table_header;
  if (a == "--source") return &o.source;
  if (a == "--include") return &o.include;
  if (a == "--table-include") return &o.table_include;
  if (a == "--namespace") return &o.compile.cpp_namespace;
  if (a == "--type-base") return &o.compile.type_base;
  if (a == "--domain") return &o.compile.domain;
  return nullptr;
}

// Takes the value of option args[i] into `target`; returns an exit status on failure.
std::optional<int> take_value(const std::vector<std::string>& args, std::size_t& i,
                              std::string& target, options& o) {
  const std::string& a = args[i];
  if (i + 1 >= args.size()) {
    std::cerr << "errcat-gen: " << a << " needs a value\n" << usage;
    return 2;
  }
  target = args[++i];
  if (a == "--hash-tries" && (o.compile.hash_tries = parse_tries(target)) < 0) {
    std::cerr << "errcat-gen: --hash-tries needs a whole number from 0 to 1000000, not \"" << target
              << "\"\n";
    return 2;
  }
  return std::nullopt;
}

// An argument that is neither an option nor the first input.
int bad_argument(const options& o, const std::string& a) {
  if (o.input.empty()) {
    std::cerr << "errcat-gen: unknown option " << a << "\n" << usage;
  } else {
    std::cerr << "errcat-gen: more than one input file (" << o.input << ", " << a << ")\n";
  }
  return 2;
}

// Parses the command line; returns an exit status when the run ends here.
std::optional<int> parse_args(const std::vector<std::string>& args, options& o) {
  std::string tries;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string* target = a == "--hash-tries" ? &tries : string_option(o, a);
    if (target != nullptr) {
      if (auto status = take_value(args, i, *target, o)) return status;
    } else if (a == "--check") {
      o.check = true;
    } else if (a == "--help" || a == "-h") {
      std::cout << usage;
      return 0;
    } else if ((!a.empty() && a[0] == '-' && a != "-") || !o.input.empty()) {
      return bad_argument(o, a);
    } else {
      o.input = a;
    }
  }
  if (o.input.empty() || (!o.check && o.header.empty())) {
    std::cerr << usage;
    return 2;
  }
  return std::nullopt;
}

// A failed run removes earlier outputs too, so a build never goes on with stale code.
int fail(const options& o) {
  std::error_code ec;
  for (const std::string& f : {o.header, o.table_header, o.source}) {
    if (!f.empty()) std::filesystem::remove(f, ec);
  }
  return 1;
}

int run(options& o) {
  std::ifstream in(o.input, std::ios::binary);
  if (!in) {
    std::cerr << "errcat-gen: " << o.input << ": cannot open the file\n";
    return fail(o);
  }
  std::ostringstream text;
  text << in.rdbuf();
  namespace fs = std::filesystem;
  o.compile.file = o.input;
  o.compile.emit = !o.check;
  o.compile.header_path = o.include.empty() ? fs::path(o.header).filename().string() : o.include;
  o.compile.table_header_path = o.table_include;
  errcat::gen::compile_result r = errcat::gen::compile(text.str(), o.compile);
  for (const std::string& e : r.diagnostics.texts())
    std::cerr << "errcat-gen: " << e << "\n";
  if (!r.ok()) return fail(o);
  if (o.check) return 0;
  if (!write_file(o.header, r.files.header) || !write_file(o.table_header, r.files.table_header) ||
      (!o.source.empty() && !write_file(o.source, r.files.source))) {
    return fail(o);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  if (const auto status = parse_args(std::vector<std::string>(argv + 1, argv + argc), o)) {
    return *status;
  }
  if (o.table_header.empty() && !o.header.empty()) {
    o.table_header = errcat::gen::table_header_name(o.header);
  }
  return run(o);
}
