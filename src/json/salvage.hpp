// Reading what is not a JSON error body (internal to errcat::json): the `"key": "value"`
// pairs of text that is almost JSON, and the visible text of an HTML page.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace errcat::detail {

// The error's members found as `"key": "value"` pairs, wherever they stand. The Huawei
// names win over the generic ones (`error_code` over `code`), the first occurrence of a
// name over later ones. Empty strings: not found.
struct salvaged_fields {
  std::string code;
  std::string message;
  std::string request_id;
  std::string encoded_authorization_message;

  bool any() const noexcept { return !code.empty() || !message.empty() || !request_id.empty(); }
};

// Picks the pairs out of `text`, decoding JSON string escapes (a value whose escapes are
// broken is kept as written). O(n), allocating only the values kept.
salvaged_fields salvage_pairs(std::string_view text);

// True when `body` is an HTML (or XML) page: its first character other than whitespace or
// a byte-order mark is '<'.
bool looks_like_markup(std::string_view body) noexcept;

// The visible text of an HTML page: tags, comments, scripts and styles removed, character
// references decoded, whitespace collapsed, at most `limit` bytes (cut at a character
// boundary). The title when the rest has no text. O(n).
std::string page_text(std::string_view html, std::size_t limit);

}  // namespace errcat::detail
