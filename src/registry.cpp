// The registry: the tables errcat-registry-gen wrote for this build's bundled catalogs
// (registry_data.hpp, in the build tree, which defines registry_detail::catalogs and
// records, constant-initialised), and the lookups that are not inline.
#include "errcat/registry.hpp"

#include <functional>
#include <iterator>

#include "index.hpp"
#include "registry_data.hpp"

namespace errcat {

namespace registry_detail {

namespace {

static_assert(bucket_bits >= 1 && bucket_bits < 64);
static_assert((std::size(slots) & (std::size(slots) - 1)) == 0);
constexpr std::size_t slot_mask = std::size(slots) - 1;

// The slot hash `h` lands in, the table's sizes compiled in.
const index_slot& slot_for(std::uint64_t h) noexcept {
  return slots[slot_of(h, displacements[bucket_of(h, 64 - bucket_bits)], slot_mask)];
}

// The slot of a code of 1 to 24 bytes with words `w` and hash `h`, or nullptr. The middle
// word is compared only when the code has one; the other unused words are 0 on both sides.
template <bool middle>
const index_slot* match_words(std::uint64_t h, code_words w, std::size_t n) noexcept {
  const index_slot& s = slot_for(h);
  bool hit = ((w.a | s.case_a) == s.a) & ((w.b | s.case_b) == s.b) & (s.size == n);
  if constexpr (middle) hit &= (w.c | s.case_c) == s.c;
  return hit ? &s : nullptr;
}

// Codes of 25 to 64 bytes: folded into a buffer, hashed whole, compared with the first and
// last 8 bytes the slot holds and then with the whole text. Rare, so out of line.
[[gnu::noinline]] const index_slot* probe_long(const char* p, std::size_t n) noexcept {
  if (n > max_code_size) return nullptr;
  char buf[max_code_size];
  for (std::size_t i = 0; i < n; ++i)
    buf[i] = fold_char(p[i]);
  const std::string_view folded(buf, n);
  const index_slot& s = slot_for(folded_hash(folded, seed));
  const bool same = s.size == n && s.a == detail::load_le(buf, 8) &&
                    s.b == detail::load_le(buf + n - 8, 8) && long_codes[s.c] == folded;
  return same ? &s : nullptr;
}

}  // namespace

// Constant-initialised: no static constructor, usable from any other static's initialiser.
constinit const index_tables tables{
    .slots = slots,
    .displacements = displacements,
    .seed = seed,
    .bucket_shift = 64 - bucket_bits,
    .slot_mask = slot_mask,
};

// Codes of 1 to 7 and of 17 to 24 bytes (12% of the bundled codes), read as words like
// those probe() reads inline; longer ones through probe_long.
const index_slot* probe_other(const char* p, std::size_t n) noexcept {
  if (n - (two_word_max_size + 1) < word_max_size - two_word_max_size) {
    const code_words w = words_of(p, n);
    return match_words<true>(middle_hash(word_hash(w.a, w.b, n, seed), w.c), w, n);
  }
  if (n - 1 < two_word_min_size - 1) {
    const code_words w{short_word(p, n), 0, 0};
    return match_words<false>(word_hash(w.a, 0, n, seed), w, n);
  }
  return n == 0 ? nullptr : probe_long(p, n);
}

}  // namespace registry_detail

std::span<const bundled_catalog> bundled_catalogs() noexcept {
  return {registry_detail::catalogs, std::size(registry_detail::catalogs)};
}

const bundled_catalog* find_bundled_catalog(std::string_view name) noexcept {
  for (const bundled_catalog& c : bundled_catalogs()) {
    if (c.name == name) return &c;
  }
  const bundled_catalog* found = nullptr;
  for (const bundled_catalog& c : bundled_catalogs()) {
    const std::string_view ns = c.catalog->cpp_namespace;
    const std::size_t colon = ns.rfind(':');
    if (ns.substr(colon == std::string_view::npos ? 0 : colon + 1) != name) continue;
    if (found != nullptr) return nullptr;  // ambiguous
    found = &c;
  }
  return found;
}

const bundled_catalog* bundled_catalog_of(const entry& e) noexcept {
  for (const bundled_catalog& c : bundled_catalogs()) {
    const std::span<const entry> es = c.catalog->entries;
    // Compared as addresses: std::less gives a total order even across unrelated arrays.
    if (!std::less<const entry*>()(&e, es.data()) &&
        std::less<const entry*>()(&e, es.data() + es.size()))
      return &c;
  }
  return nullptr;
}

}  // namespace errcat
