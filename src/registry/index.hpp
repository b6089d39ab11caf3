// What the registry's index generator (errcat-registry-gen, at build time) and its lookup
// (src/registry.cpp, errcat/registry.hpp) share beyond the public header's layout and hash,
// so the slots computed at build time are the slots probed at run time. Internal: not
// installed.
#pragma once

#include <string_view>

#include "errcat/registry.hpp"

namespace errcat::registry_detail {

/// `c` case-folded the way fold_word folds each byte.
constexpr char fold_char(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// The key a slot holds for a folded code of any length up to 64 bytes: fold_key's for
/// codes the inline lookup reads whole; the first and last 8 bytes for longer ones (the
/// rest is compared with the entry's code).
constexpr folded_key slot_key(std::string_view folded) noexcept {
  if (folded.size() <= inline_code_size) return fold_key(folded.data(), folded.size());
  const detail::key_words w = detail::short_words(folded.data(), folded.size());
  return {w.a, w.b, 0};
}

/// The hash of a folded code of any length up to 64 bytes: key_hash for codes the inline
/// lookup reads whole, detail::hash of every byte otherwise.
constexpr std::uint64_t folded_hash(std::string_view folded, std::uint64_t seed) noexcept {
  if (folded.size() <= inline_code_size) return key_hash(slot_key(folded), folded.size(), seed);
  return detail::hash(folded, seed);
}

}  // namespace errcat::registry_detail
