// Salvaging error members from text that is not JSON, and the visible text of HTML pages.
// Both are single forward passes: documentation pages and gateway pages can be large, and
// neither reader ever goes back over what it has read.
#include "salvage.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "text.hpp"

namespace errcat::detail {
namespace {

constexpr bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

using text::iequals_at;

// The end of the JSON string whose opening quote is at `open` (the index of its closing
// quote), or npos when it does not close.
std::size_t string_end(std::string_view s, std::size_t open) noexcept {
  for (std::size_t i = open + 1; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i;
    } else if (s[i] == '\n') {
      return std::string_view::npos;  // JSON strings do not span lines
    }
  }
  return std::string_view::npos;
}

// A quoted JSON string with its escapes decoded, or the text between the quotes as written
// when an escape is broken.
std::string decode(std::string_view quoted) {
  const nlohmann::json v = nlohmann::json::parse(quoted, nullptr, false);
  if (v.is_string()) return v.get<std::string>();
  return std::string(quoted.substr(1, quoted.size() - 2));
}

// Which member a key names, and its rank: the Huawei names outrank the generic ones.
enum class member : std::uint8_t { none, code, message, request_id, encoded_authorization_message };

member classify(std::string_view key, int& rank) noexcept {
  rank = 2;
  if (key == "error_code") return member::code;
  if (key == "error_msg") return member::message;
  if (key == "request_id") return member::request_id;
  if (key == "encoded_authorization_message") return member::encoded_authorization_message;
  rank = 1;
  if (key == "code") return member::code;
  if (key == "message") return member::message;
  return member::none;
}

}  // namespace

salvaged_fields salvage_pairs(std::string_view text) {
  salvaged_fields out;
  std::array<int, 5> ranks{};
  std::size_t i = text.find('"');
  while (i != std::string_view::npos) {
    const std::size_t key_end = string_end(text, i);
    if (key_end == std::string_view::npos) {
      // No string closes on this line: move to the next one (retrying from every quote
      // of a line of escaped quotes would be quadratic).
      const std::size_t nl = text.find('\n', i);
      i = nl == std::string_view::npos ? nl : text.find('"', nl);
      continue;
    }
    int rank = 0;
    const member m = classify(text.substr(i + 1, key_end - i - 1), rank);
    std::size_t j = key_end + 1;
    while (j < text.size() && is_space(text[j]))
      ++j;
    if (m == member::none || j >= text.size() || text[j] != ':') {
      i = text.find('"', key_end + 1);
      continue;
    }
    ++j;
    while (j < text.size() && is_space(text[j]))
      ++j;
    const std::size_t value_end =
        j < text.size() && text[j] == '"' ? string_end(text, j) : std::string_view::npos;
    if (value_end == std::string_view::npos) {
      i = text.find('"', j + 1);
      continue;
    }
    int& held = ranks[static_cast<std::size_t>(m)];
    if (rank > held) {
      held = rank;
      std::string v = decode(text.substr(j, value_end - j + 1));
      switch (m) {
        case member::code:
          out.code = std::move(v);
          break;
        case member::message:
          out.message = std::move(v);
          break;
        case member::request_id:
          out.request_id = std::move(v);
          break;
        case member::encoded_authorization_message:
          out.encoded_authorization_message = std::move(v);
          break;
        case member::none:
          break;
      }
    }
    i = text.find('"', value_end + 1);
  }
  return out;
}

bool looks_like_markup(std::string_view body) noexcept {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  for (char c : body) {
    if (!is_space(c)) return c == '<';
  }
  return false;
}

namespace {

// The character reference at s[i] ('&'), decoded onto `out`; returns the index after it,
// or i + 1 (with '&' written) when it is not one.
std::size_t decode_reference(std::string_view s, std::size_t i, std::string& out) {
  if (const std::size_t used = text::decode_html_reference(s, i, out); used != 0) return i + used;
  out += '&';
  return i + 1;
}

// Collects visible text with whitespace collapsed, up to a limit.
class text_sink {
 public:
  explicit text_sink(std::size_t limit) : limit_(limit) {}

  void space() { pending_space_ = !out_.empty(); }
  void text(std::string_view s) {
    for (char c : s) {
      if (is_space(c)) {
        space();
      } else {
        if (pending_space_) out_ += ' ';
        pending_space_ = false;
        out_ += c;
      }
    }
  }
  bool full() const noexcept { return out_.size() >= limit_ + 4; }
  std::string take() {
    if (out_.size() > limit_) {
      std::size_t cut = limit_;
      while (cut > 0 && (static_cast<unsigned char>(out_[cut]) & 0xC0) == 0x80)
        --cut;
      out_.resize(cut);
    }
    return std::move(out_);
  }

 private:
  std::string out_;
  std::size_t limit_;
  bool pending_space_ = false;
};

}  // namespace

// For the tag at html[i] ('<'): when it opens a comment or an element whose content is not
// shown (script, style, template, noscript), the index where that content ends (inside its
// end tag, whose rest the caller skips; past a comment's "--" for a comment); else npos.
std::size_t skip_hidden(std::string_view html, std::size_t i) {
  if (html.substr(i, 4) == "<!--") {
    const std::size_t end = html.find("--", i + 4);
    return end == std::string_view::npos ? html.size() : end + 2;
  }
  for (std::string_view hidden : {"script", "style", "template", "noscript"}) {
    if (!iequals_at(html, i + 1, hidden)) continue;
    const std::string closing = "</" + std::string(hidden);
    std::size_t end = i + 1;
    while ((end = html.find("</", end)) != std::string_view::npos &&
           !iequals_at(html, end, closing))
      end += 2;
    return end == std::string_view::npos ? html.size() : end + 2;
  }
  return std::string_view::npos;
}

std::string page_text(std::string_view html, std::size_t limit) {
  text_sink body(limit);
  text_sink title(limit);
  text_sink* sink = &body;
  std::string decoded;
  std::size_t i = 0;
  while (i < html.size() && !body.full()) {
    const char c = html[i];
    if (c == '&') {
      decoded.clear();
      i = decode_reference(html, i, decoded);
      sink->text(decoded);
      continue;
    }
    if (c != '<') {
      const std::size_t next = html.find_first_of("<&", i);
      const std::size_t end = next == std::string_view::npos ? html.size() : next;
      sink->text(html.substr(i, end - i));
      i = end;
      continue;
    }
    if (const std::size_t end = skip_hidden(html, i); end != std::string_view::npos) {
      i = end;
    } else if (iequals_at(html, i + 1, "title")) {
      sink = &title;
    } else if (iequals_at(html, i + 1, "/title")) {
      sink = &body;
    }
    const std::size_t close = html.find('>', i);
    i = close == std::string_view::npos ? html.size() : close + 1;
    sink->space();  // a tag separates words (<td>a</td><td>b</td>)
  }
  std::string text = body.take();
  if (text.empty()) text = title.take();
  if (!text::valid_utf8(text)) text = text::replace_invalid_utf8(text);
  return text;
}

}  // namespace errcat::detail
