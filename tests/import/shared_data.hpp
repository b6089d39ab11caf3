// What the import tests that read ../shared share: the folder, a reader, and the skip rule
// (a test without the shared data prints "SKIPPED: ..." and ctest reports it skipped).
#pragma once

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace import_test {

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The shared folder, or empty after printing why the test is skipped.
inline std::filesystem::path shared_dir() {
  const std::filesystem::path dir = ERRCAT_SHARED_DIR;
  if (!std::filesystem::is_directory(dir / "data" / "otc")) {
    std::cout << "SKIPPED: the shared data is not at " << dir.string()
              << " (set ERRCAT_SHARED_DIR to the folder holding seeds/ and data/otc/)\n";
    return {};
  }
  return dir;
}

}  // namespace import_test
