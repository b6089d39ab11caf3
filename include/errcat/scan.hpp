// Finding error bodies in arbitrary text: debug logs, traces, captured output. Part of the
// errcat::json component.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "errcat/json.hpp"

namespace errcat {

/// One error body found in text.
struct scan_find {
  /// The error, read as `parse_response` reads it. Its status is the one the line where
  /// the body starts states (`Status: 409`, `status=409`, `HTTP/1.1 409`), else the one the
  /// body states (Keystone's), else 0: a log line that states none is not given the
  /// entry's documented status.
  error err;
  /// The 1-based line the body starts on.
  std::uint64_t line = 0;
  /// The byte offset of the body's opening brace from the start of the text.
  std::uint64_t offset = 0;
};

/// Finds every error body embedded in text fed to it in chunks of any size: a JSON object
/// after `Body:` or `RESP BODY:`, pretty-printed over several lines, or inside a quoted
/// string (`"{\"error_code\": ...}"`). A body counts as an error when it has an `"error…"`
/// member and yields a code or a message.
///
/// Linear in the text: outside a candidate body it only searches for `{`; a candidate is
/// followed character by character and dropped at the first character JSON does not allow
/// there, so no byte is read twice. Memory is bounded whatever the input size: the current
/// candidate (at most `max_body` bytes) and the last `max_line_prefix` bytes of the line.
class scanner {
 public:
  /// A candidate longer than this is dropped: no error body is a megabyte.
  static constexpr std::size_t max_body = std::size_t{1} << 20;
  /// The bytes of a line before a body that are kept to find the status it states.
  static constexpr std::size_t max_line_prefix = 512;

  /// A scanner reading bodies with `options` (its `assume_documented_status` is turned
  /// off; the catalogs it names must outlive the scanner).
  explicit scanner(const parse_options& options = {});

  /// Reads the next chunk of text; appends the errors whose bodies end in it to `out`.
  /// Throws std::bad_alloc only.
  void feed(std::string_view chunk, std::vector<scan_find>& out);

  /// Ends the text: a body the end cut off is not an error found.
  void finish() noexcept;

  /// Every error body in `text` (all of it at once).
  static std::vector<scan_find> scan(std::string_view text, const parse_options& options = {});

 private:
  enum class state : std::uint8_t { outside, opening, plain, escaped };

  void note_outside(std::string_view text);
  void note_char(char c);
  void begin_candidate();
  void drop_candidate() noexcept;
  void take_json(char c, std::vector<scan_find>& out);
  void take_escaped(char c, std::vector<scan_find>& out);
  void complete(std::vector<scan_find>& out);

  parse_options options_;
  state state_ = state::outside;
  std::uint64_t line_ = 0;        // newlines before the current position
  std::uint64_t offset_ = 0;      // bytes before the current chunk
  std::string prefix_;            // the current line's last bytes
  std::string candidate_;         // the body so far (unescaped when inside a string)
  std::string candidate_prefix_;  // the line before the body's opening brace
  std::uint64_t candidate_line_ = 0;
  std::uint64_t candidate_offset_ = 0;
  std::size_t depth_ = 0;
  bool in_string_ = false;
  bool string_escape_ = false;
  bool outer_escape_ = false;
};

/// The status a log line states before a body: after the word `status` (any letter case,
/// followed by up to 16 characters of separators or words: `Status: 409`, `status=409`,
/// `StatusCode":409`, `status code 409`) or after `HTTP/x.y `; 0 when it states none. The
/// first one stated wins. O(n) in the line.
int stated_status(std::string_view line) noexcept;

}  // namespace errcat
