// Fuzzes errcat::scanner. The input is scanned whole and again in chunks whose sizes come
// from its first byte: both must find the same bodies at the same lines and offsets, every
// find's offset must hold its opening brace, and its line must be the line of that offset.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <errcat/scan.hpp>

#include "fuzz_support.hpp"

namespace {

using errcat_fuzz::check;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  errcat_fuzz::reader in{data, size};
  const std::size_t chunk = 1 + in.byte() % 61;
  const std::string_view text = in.rest();
  const std::vector<errcat::scan_find> whole = errcat::scanner::scan(text);
  errcat::scanner s;
  std::vector<errcat::scan_find> pieces;
  for (std::size_t i = 0; i < text.size(); i += chunk)
    s.feed(text.substr(i, chunk), pieces);
  s.finish();
  check(whole.size() == pieces.size(), "chunked scanning finds a different number of bodies");
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const errcat::scan_find& f = whole[i];
    check(f.offset == pieces[i].offset && f.line == pieces[i].line,
          "chunked scanning finds a body elsewhere");
    check(f.err.code() == pieces[i].err.code() && f.err.message() == pieces[i].err.message(),
          "chunked scanning reads a body differently");
    check(f.offset < text.size() && text[f.offset] == '{', "a find's offset is not its brace");
    const auto newlines = static_cast<std::uint64_t>(
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(f.offset), '\n'));
    check(f.line == newlines + 1, "a find's line is not the line of its offset");
    check(!f.err.code().empty() || !f.err.message().empty(), "a find without code or message");
  }
  return 0;
}
