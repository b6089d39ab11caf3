// The registry's lookups over the tables errcat-registry-gen wrote for this build's
// bundled catalogs (registry_data.hpp, in the build tree).
#include "errcat/registry.hpp"

#include <cstring>
#include <functional>
#include <iterator>

#include "registry_data.hpp"

namespace errcat {

namespace {

namespace rd = registry_detail;

constexpr std::size_t catalog_count = std::size(rd::catalogs);
constexpr std::size_t bucket_count = std::size(rd::displacements);
constexpr std::size_t slot_count = std::size(rd::slots);
static_assert((bucket_count & (bucket_count - 1)) == 0 && (slot_count & (slot_count - 1)) == 0);

bool same_folded(std::string_view folded, std::string_view code) noexcept {
  if (folded.size() != code.size()) return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (folded[i] != rd::fold_char(code[i])) return false;
  }
  return true;
}

// The slot of a code already case-folded into `folded` (longer than 16 bytes), or nullptr.
const rd::index_slot* probe_long(std::string_view folded) noexcept {
  const std::uint64_t h = detail::hash(folded, rd::seed);
  const rd::index_slot& s = rd::slots[rd::slot_of(h, rd::displacements, bucket_count, slot_count)];
  if (s.size != folded.size() || s.count == 0) return nullptr;
  // The slot holds the first and last 8 bytes only; the first record's code has the rest.
  const rd::index_record& r = rd::records[s.first];
  return same_folded(folded, rd::catalogs[r.catalog].catalog->entries[r.entry].code) ? &s : nullptr;
}

// The slot of `code` (any case), or nullptr. Codes of at most 16 bytes are folded and
// hashed as two words, without a copy: one multiply, two table loads and a comparison.
const rd::index_slot* probe(std::string_view code) noexcept {
  const std::size_t n = code.size();
  if (n - 1 >= max_code_size) return nullptr;  // also rejects the empty string
  if (n > 16) {
    char buf[max_code_size];
    for (std::size_t i = 0; i < n; ++i)
      buf[i] = rd::fold_char(code[i]);
    return probe_long({buf, n});
  }
  const detail::key_words w = rd::folded_words(code.data(), n);
  const rd::index_slot& s = rd::slots[rd::slot_of(rd::short_hash(w, n, rd::seed), rd::displacements,
                                                  bucket_count, slot_count)];
  const bool hit = (s.size == n) & (s.a == w.a) & (s.b == w.b);
  return hit ? &s : nullptr;
}

bundled_range range_of(const rd::index_slot* s, int status, int only_catalog) noexcept {
  return bundled_range(rd::range_state{rd::catalogs, s->head, rd::records + s->first, s->count,
                                       status, only_catalog});
}

// `code` spelled with an alias prefix (`APIGW.0301`): looked up with the canonical prefix,
// keeping only the entries of the catalog that has the alias.
bundled_range find_by_alias(int status, std::string_view code) noexcept {
  for (std::size_t i = 0; i < rd::alias_count; ++i) {
    const rd::index_alias& a = rd::aliases[i];
    if (code.size() <= a.prefix.size() ||
        code.size() - a.prefix.size() + a.canonical.size() > max_code_size ||
        !same_folded(a.prefix, code.substr(0, a.prefix.size())))
      continue;
    char buf[max_code_size];
    const std::string_view rest = code.substr(a.prefix.size());
    std::memcpy(buf, a.canonical.data(), a.canonical.size());
    std::memcpy(buf + a.canonical.size(), rest.data(), rest.size());
    const rd::index_slot* s = probe({buf, a.canonical.size() + rest.size()});
    if (s == nullptr) continue;
    bundled_range r = range_of(s, status, a.catalog);
    if (!r.empty()) return r;
  }
  return {};
}

}  // namespace

std::span<const bundled_catalog> bundled_catalogs() noexcept {
  return {rd::catalogs, catalog_count};
}

const bundled_catalog* find_bundled_catalog(std::string_view name) noexcept {
  for (const bundled_catalog& c : rd::catalogs) {
    if (c.name == name) return &c;
  }
  const bundled_catalog* found = nullptr;
  for (const bundled_catalog& c : rd::catalogs) {
    const std::string_view ns = c.catalog->cpp_namespace;
    const std::size_t colon = ns.rfind(':');
    if (ns.substr(colon == std::string_view::npos ? 0 : colon + 1) != name) continue;
    if (found != nullptr) return nullptr;  // ambiguous
    found = &c;
  }
  return found;
}

const bundled_catalog* bundled_catalog_of(const entry& e) noexcept {
  for (const bundled_catalog& c : rd::catalogs) {
    const std::span<const entry> es = c.catalog->entries;
    // Compared as addresses: std::less gives a total order even across unrelated arrays.
    if (!std::less<const entry*>()(&e, es.data()) &&
        std::less<const entry*>()(&e, es.data() + es.size()))
      return &c;
  }
  return nullptr;
}

bundled_range find_bundled(std::string_view code) noexcept {
  return find_bundled(0, code);
}

bundled_range find_bundled(int status, std::string_view code) noexcept {
  if (status < 0) return {};
  // As in catalog::find_key: a code documented as itself is never read as an alias.
  if (const rd::index_slot* s = probe(code)) return range_of(s, status, -1);
  return rd::alias_count == 0 ? bundled_range() : find_by_alias(status, code);
}

}  // namespace errcat
