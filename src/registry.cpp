// The registry: the tables errcat-registry-gen wrote for this build's bundled catalogs
// (registry_data.hpp, in the build tree), and the lookups that are not inline.
#include "errcat/registry.hpp"

#include <functional>
#include <iterator>

#include "index.hpp"
#include "registry_data.hpp"

namespace errcat {

namespace registry_detail {

namespace {

constexpr std::size_t bucket_count = std::size(displacements);
constexpr std::size_t slot_count = std::size(slots);
static_assert((bucket_count & (bucket_count - 1)) == 0 && (slot_count & (slot_count - 1)) == 0);

bool same_folded(std::string_view folded, std::string_view code) noexcept {
  if (folded.size() != code.size()) return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (folded[i] != fold_char(code[i])) return false;
  }
  return true;
}

}  // namespace

// Constant-initialised: no static constructor, usable from any other static's initialiser.
constinit const index_tables tables{
    .catalogs = catalogs,
    .catalog_count = std::size(catalogs),
    .records = records,
    .displacements = displacements,
    .slots = slots,
    .seed = seed,
    .bucket_mask = bucket_count - 1,
    .slot_mask = slot_count - 1,
};

range_state find_long(int status, std::string_view code) noexcept {
  const std::size_t n = code.size();
  if (n <= inline_code_size || n > max_code_size) return {};
  char buf[max_code_size];
  for (std::size_t i = 0; i < n; ++i)
    buf[i] = fold_char(code[i]);
  const std::string_view folded(buf, n);
  const index_slot& s = slot_of(folded_hash(folded, seed));
  const folded_key k = slot_key(folded);
  if (s.size != n || s.a != k.a || s.b != k.b) return {};
  // The slot holds the first and last 8 bytes only; the first record's code has the rest.
  const range_state r{s.head, s.count, status, records + s.first};
  return same_folded(folded, r.at(0).entry->code) ? r : range_state{};
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
