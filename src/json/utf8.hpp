// UTF-8 checks for errcat::json: the shared ones in src/common/text.hpp, under the names
// parse.cpp and serialize.cpp use. Internal to errcat::json.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text.hpp"

namespace errcat::detail {

using text::replace_invalid_utf8;
using text::utf8_sequence;
using text::valid_utf8;

/// The longest prefix of `s` of at most `max` bytes that does not end inside a multi-byte
/// sequence (see text::utf8_prefix).
constexpr std::string_view bounded_prefix(std::string_view s, std::size_t max) noexcept {
  return text::utf8_prefix(s, max);
}

}  // namespace errcat::detail
