// Finding error bodies in logs: memchr to the next '{', then a small JSON-shaped state
// machine over the candidate, which gives up at the first character that cannot belong to
// a JSON object, so every byte is looked at a bounded number of times.
#include "errcat/scan.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"

namespace errcat {
namespace {

constexpr bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

constexpr bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

// Characters JSON allows outside strings besides structure: numbers and true/false/null.
constexpr bool json_scalar_char(char c) noexcept {
  switch (c) {
    case '-':
    case '+':
    case '.':
    case 'e':
    case 'E':
    case 't':
    case 'r':
    case 'u':
    case 'f':
    case 'a':
    case 'l':
    case 's':
    case 'n':
      return true;
    default:
      return is_digit(c);
  }
}

// A three-digit status at s[i], 100-599, not part of a longer number.
int status_at(std::string_view s, std::size_t i) noexcept {
  if (i + 3 > s.size() || !is_digit(s[i]) || !is_digit(s[i + 1]) || !is_digit(s[i + 2])) return 0;
  if (i + 3 < s.size() && is_digit(s[i + 3])) return 0;
  if (i > 0 && is_digit(s[i - 1])) return 0;
  const int v = (s[i] - '0') * 100 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
  return v >= 100 && v <= 599 ? v : 0;
}

using text::iequals_at;

// The newlines in `text`, and where the last one is (npos: none). memchr from one to the
// next: log lines are long enough that this beats looking at every byte.
std::uint64_t count_newlines(std::string_view text, std::size_t& last) noexcept {
  std::uint64_t n = 0;
  last = std::string_view::npos;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (hit == nullptr) break;
    const char* q = static_cast<const char*>(hit);
    ++n;
    last = static_cast<std::size_t>(q - text.data());
    p = q + 1;
  }
  return n;
}

}  // namespace

int stated_status(std::string_view line) noexcept {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (iequals_at(line, i, "status")) {
      // Separators and words between: ": ", "=", "Code\":", " code ".
      std::size_t k = i + 6;
      const std::size_t stop = std::min(line.size(), k + 16);
      while (k < stop && !is_digit(line[k]) && line[k] != '{' && line[k] != '\n')
        ++k;
      if (const int s = status_at(line, k)) return s;
    } else if (iequals_at(line, i, "http/")) {
      std::size_t k = i + 5;
      while (k < line.size() && (is_digit(line[k]) || line[k] == '.'))
        ++k;
      if (k < line.size() && line[k] == ' ') {
        if (const int s = status_at(line, k + 1)) return s;
      }
    }
  }
  return 0;
}

scanner::scanner(const parse_options& options) : options_(options) {
  options_.assume_documented_status = false;
}

void scanner::note_outside(std::string_view text) {
  std::size_t last = 0;
  if (const std::uint64_t newlines = count_newlines(text, last); newlines > 0) {
    line_ += newlines;
    text = text.substr(last + 1);
    prefix_.clear();
  }
  if (text.size() >= max_line_prefix) {
    prefix_.assign(text.substr(text.size() - max_line_prefix));
    return;
  }
  prefix_ += text;
  if (prefix_.size() > 2 * max_line_prefix) prefix_.erase(0, prefix_.size() - max_line_prefix);
}

void scanner::note_char(char c) {
  if (c == '\n') {
    ++line_;
    prefix_.clear();
    return;
  }
  prefix_ += c;
  if (prefix_.size() > 2 * max_line_prefix) prefix_.erase(0, prefix_.size() - max_line_prefix);
}

void scanner::begin_candidate() {
  state_ = state::opening;
  candidate_.assign(1, '{');
  // prefix_ holds between max_line_prefix and twice that (it is trimmed lazily, at points
  // that depend on how the text was chunked); the status is read from exactly the last
  // max_line_prefix bytes, so that a chunked scan reads what a whole one does.
  const std::string_view line(prefix_);
  candidate_prefix_.assign(line.substr(line.size() - std::min(line.size(), max_line_prefix)));
  candidate_line_ = line_;
  depth_ = 1;
  in_string_ = false;
  string_escape_ = false;
  outer_escape_ = false;
}

void scanner::drop_candidate() noexcept {
  state_ = state::outside;
  candidate_.clear();
}

void scanner::complete(std::vector<scan_find>& out) {
  state_ = state::outside;
  // Only objects with an "error…" member: a log's structured lines have messages too.
  if (candidate_.find("\"error") != std::string::npos) {
    error err = parse_response(stated_status(candidate_prefix_), candidate_, {}, options_);
    if (!err.code().empty() || !err.message().empty())
      out.push_back({std::move(err), candidate_line_ + 1, candidate_offset_});
  }
  candidate_.clear();
}

// One character of the body as JSON (already unescaped when the body is inside a string).
void scanner::take_json(char c, std::vector<scan_find>& out) {
  candidate_ += c;
  if (candidate_.size() > max_body) return drop_candidate();
  if (in_string_) {
    if (string_escape_) {
      string_escape_ = false;
    } else if (c == '\\') {
      string_escape_ = true;
    } else if (c == '"') {
      in_string_ = false;
    } else if (c == '\n') {
      drop_candidate();  // JSON strings do not span lines
    }
    return;
  }
  switch (c) {
    case '"':
      in_string_ = true;
      return;
    case '{':
    case '[':
      if (++depth_ > 64) drop_candidate();
      return;
    case '}':
    case ']':
      if (--depth_ == 0) complete(out);
      return;
    case ':':
    case ',':
      return;
    default:
      if (!is_space(c) && !json_scalar_char(c)) drop_candidate();
  }
}

// One character of a body inside a quoted string: `\"` is a quote of the body, `\\` its
// backslash; a bare quote ends the string, and with it the body.
void scanner::take_escaped(char c, std::vector<scan_find>& out) {
  if (outer_escape_) {
    outer_escape_ = false;
    switch (c) {
      case 'n':
        return take_json('\n', out);
      case 't':
        return take_json('\t', out);
      case 'r':
        return take_json('\r', out);
      case 'u':  // stays an escape inside the body's own strings
        take_json('\\', out);
        if (state_ == state::escaped) take_json('u', out);
        return;
      default:
        return take_json(c, out);
    }
  }
  if (c == '\\') {
    outer_escape_ = true;
  } else if (c == '"' || c == '\n') {
    drop_candidate();
  } else {
    take_json(c, out);
  }
}

void scanner::feed(std::string_view chunk, std::vector<scan_find>& out) {
  std::size_t i = 0;
  while (i < chunk.size()) {
    if (state_ == state::outside) {
      const void* hit = std::memchr(chunk.data() + i, '{', chunk.size() - i);
      const std::size_t brace =
          hit == nullptr ? chunk.size()
                         : static_cast<std::size_t>(static_cast<const char*>(hit) - chunk.data());
      note_outside(chunk.substr(i, brace - i));
      if (hit == nullptr) break;
      begin_candidate();
      candidate_offset_ = offset_ + brace;
      note_char('{');
      i = brace + 1;
      continue;
    }
    const char c = chunk[i++];
    note_char(c);
    switch (state_) {
      case state::opening:
        // The first character after '{' decides: a member name, plain or escaped.
        if (c == '"') {
          state_ = state::plain;
          take_json(c, out);
        } else if (c == '\\') {
          state_ = state::escaped;
          outer_escape_ = true;
        } else if (!is_space(c)) {
          drop_candidate();
          if (c == '{') {
            // It may open the body itself: read it again, from outside.
            --i;
            prefix_.pop_back();
          }
        }
        break;
      case state::plain:
        take_json(c, out);
        break;
      case state::escaped:
        take_escaped(c, out);
        break;
      case state::outside:
        break;
    }
  }
  offset_ += chunk.size();
}

void scanner::finish() noexcept {
  drop_candidate();
}

std::vector<scan_find> scanner::scan(std::string_view text, const parse_options& options) {
  scanner s(options);
  std::vector<scan_find> out;
  s.feed(text, out);
  s.finish();
  return out;
}

}  // namespace errcat
