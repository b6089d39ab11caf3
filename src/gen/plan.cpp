#include "plan.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace errcat::gen {
namespace {

std::vector<code_group> group_codes(const source_catalog& c) {
  std::vector<code_group> groups;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < c.entries.size(); ++i) {
    const auto [it, fresh] = index.emplace(c.entries[i].code, groups.size());
    if (fresh) groups.push_back({c.entries[i].code, {}});
    groups[it->second].entries.push_back(i);
  }
  return groups;
}

std::vector<std::size_t> sorted_entries(const source_catalog& c, bool by_errc_value) {
  std::vector<std::size_t> order(c.entries.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return by_errc_value ? c.entries[a].value < c.entries[b].value
                         : c.entries[a].code < c.entries[b].code;
  });
  return order;
}

}  // namespace

std::optional<catalog_plan> plan_catalog(const source_catalog& c, int tries) {
  catalog_plan p;
  p.groups = group_codes(c);
  std::vector<std::string> keys;
  keys.reserve(p.groups.size());
  for (const code_group& g : p.groups)
    keys.push_back(g.code);
  auto hash = build_perfect_hash(keys, tries);
  if (!hash) return std::nullopt;
  p.hash = std::move(*hash);
  if (!keys.empty()) {
    const auto [lo, hi] = std::minmax_element(
        keys.begin(), keys.end(),
        [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    p.shortest_code = lo->size();
    p.longest_code = hi->size();
  }
  p.by_errc_value = sorted_entries(c, true);
  p.by_code = sorted_entries(c, false);
  if (!plan_is_consistent(p)) return std::nullopt;
  return p;
}

std::size_t distinct_codes(const source_catalog& c) {
  return group_codes(c).size();
}

bool plan_is_consistent(const catalog_plan& p) {
  for (std::size_t k = 0; k < p.groups.size(); ++k) {
    const std::size_t slot = slot_of(p.hash, p.groups[k].code);
    if (slot >= p.hash.slots.size() || p.hash.slots[slot] != k) return false;
  }
  return true;
}

}  // namespace errcat::gen
