// errcat-registry-gen: writes the registry's data for the catalogs a build bundles.
//
//   errcat-registry-gen OUT.hpp NAMESPACE HEADER JSON [NAMESPACE HEADER JSON]...
//
// The catalogs are given in the registry's default order. OUT.hpp includes every catalog's
// generated header and defines, as constants that src/registry.cpp compiles once: the
// bundled_catalog list (names chosen here), a two-level perfect hash over every code of
// every catalog, case-folded, and for each code the entries that document it. Entry
// positions are the catalog JSON's documented order, which is the order errcat-gen keeps
// (a registry test checks every record against the compiled catalogs).
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "index.hpp"

namespace {

namespace rd = errcat::registry_detail;

struct catalog_input {
  std::string name;
  std::string cpp_namespace;
  std::string header;
  std::vector<std::string> codes;  // in documented order
  std::vector<std::pair<std::string, std::string>> aliases;
};

struct folded_code {
  std::string text;
  std::vector<rd::index_record> records;
};

struct table {
  std::uint64_t seed = 0;
  std::vector<std::uint16_t> displacements;
  std::vector<int> slot_key;  // index into the folded codes, or -1
};

std::string fold(std::string_view s) {
  std::string r(s);
  std::transform(r.begin(), r.end(), r.begin(), rd::fold_char);
  return r;
}

std::uint64_t hash_of(const std::string& folded, std::uint64_t seed) {
  return rd::folded_hash(folded, seed);
}

std::size_t next_pow2(std::size_t n) {
  std::size_t p = 1;
  while (p < n)
    p *= 2;
  return p;
}

catalog_input read_catalog(const std::string& ns, const std::string& header,
                           const std::string& path, const std::set<std::string>& taken) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  const nlohmann::json j = nlohmann::json::parse(in);
  catalog_input c;
  c.cpp_namespace = ns;
  c.header = header;
  // Named by the namespace's last component; a name an earlier catalog already has is
  // spelled out as the namespace below errcat:: with dots (errcat::otc::iam → otc.iam).
  std::string leaf = ns.substr(ns.rfind(':') + 1);
  c.name = leaf;
  if (taken.count(leaf) != 0) {
    const std::string_view below =
        std::string_view(ns).substr(ns.rfind("errcat::", 0) == 0 ? 8 : 0);
    c.name.clear();
    for (std::size_t i = 0; i < below.size(); ++i) {
      const bool separator = below.substr(i, 2) == "::";
      c.name += separator ? '.' : below[i];
      i += separator ? 1 : 0;
    }
  }
  for (const auto& e : j.at("errors"))
    c.codes.push_back(e.at("code").get<std::string>());
  if (j.contains("code_aliases")) {
    for (const auto& a : j.at("code_aliases"))
      c.aliases.emplace_back(a.at("prefix").get<std::string>(),
                             a.at("canonical").get<std::string>());
  }
  return c;
}

// Every code a catalog's alias prefix can spell (`apigw.0301` for apigw's `APIG.0301`) as a
// key whose records include that catalog's entries for the canonical code, so the lookup
// needs no second probe. As in catalog::find_key, each catalog answers by its own rule: a
// spelling the catalog documents as itself is never read as its alias; another catalog
// documenting the spelling (TMS lists `APIGW.0101`) answers beside it, in registry order.
void add_alias_spellings(const std::vector<catalog_input>& cats,
                         std::map<std::string, std::size_t>& position,
                         std::vector<folded_code>& codes) {
  const std::size_t real = codes.size();
  for (std::size_t ci = 0; ci < cats.size(); ++ci) {
    for (const auto& [prefix, canonical] : cats[ci].aliases) {
      const std::string p = fold(prefix);
      const std::string c = fold(canonical);
      for (std::size_t k = 0; k < real; ++k) {
        if (codes[k].text.rfind(c, 0) != 0) continue;
        const std::string spelled = p + codes[k].text.substr(c.size());
        if (spelled.size() > 64) continue;
        std::vector<rd::index_record> own;
        for (const rd::index_record& r : codes[k].records) {
          if (r.catalog == ci) own.push_back(r);
        }
        if (own.empty()) continue;
        auto [it, added] = position.emplace(spelled, codes.size());
        if (added) {
          codes.push_back({spelled, own});
          continue;
        }
        auto& recs = codes[it->second].records;
        const bool documents_itself = std::any_of(
            recs.begin(), recs.end(), [ci](const rd::index_record& r) { return r.catalog == ci; });
        if (documents_itself) continue;
        recs.insert(recs.end(), own.begin(), own.end());
        std::stable_sort(recs.begin(), recs.end(),
                         [](const rd::index_record& a, const rd::index_record& b) {
                           return a.catalog < b.catalog;
                         });
      }
    }
  }
}

// Buckets by size, largest first; each takes the first displacement that puts all its
// codes in free slots.
bool try_build(const std::vector<folded_code>& codes, std::uint64_t seed, table& t) {
  const std::size_t buckets = t.displacements.size();
  const std::size_t slots = t.slot_key.size();
  std::vector<std::vector<int>> by_bucket(buckets);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const std::uint64_t h = hash_of(codes[i].text, seed);
    by_bucket[static_cast<std::size_t>(h >> 32) & (buckets - 1)].push_back(static_cast<int>(i));
  }
  std::vector<std::size_t> order(buckets);
  for (std::size_t i = 0; i < buckets; ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return by_bucket[a].size() > by_bucket[b].size();
  });
  std::fill(t.slot_key.begin(), t.slot_key.end(), -1);
  for (std::size_t b : order) {
    if (by_bucket[b].empty()) break;
    bool placed = false;
    for (std::size_t d = 0; d < slots && d <= 0xffff && !placed; ++d) {
      std::vector<std::size_t> taken;
      for (int k : by_bucket[b]) {
        const std::size_t s =
            static_cast<std::size_t>(hash_of(codes[static_cast<std::size_t>(k)].text, seed) ^ d) &
            (slots - 1);
        if (t.slot_key[s] != -1 || std::find(taken.begin(), taken.end(), s) != taken.end()) break;
        taken.push_back(s);
      }
      if (taken.size() != by_bucket[b].size()) continue;
      for (std::size_t i = 0; i < taken.size(); ++i)
        t.slot_key[taken[i]] = by_bucket[b][i];
      t.displacements[b] = static_cast<std::uint16_t>(d);
      placed = true;
    }
    if (!placed) return false;
  }
  t.seed = seed;
  return true;
}

table build_table(const std::vector<folded_code>& codes) {
  table t;
  t.displacements.assign(std::max<std::size_t>(1, next_pow2(codes.size() / 4 + 1)), 0);
  t.slot_key.assign(std::max<std::size_t>(2, next_pow2(codes.size() + codes.size() / 2 + 1)), -1);
  std::uint64_t seed = 0x9e3779b97f4a7c15ull;
  for (int attempt = 0; attempt < 64; ++attempt) {
    if (try_build(codes, seed, t)) return t;
    seed = errcat::detail::fold_mul(seed, 0xbf58476d1ce4e5b9ull) + 1;
  }
  throw std::runtime_error("no perfect hash found for the bundled codes");
}

std::string cpp_string(std::string_view s) {
  std::string r = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      r += '\\';
      r += c;
    } else if (u < 0x20 || u >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", u);
      r += buf;
    } else {
      r += c;
    }
  }
  return r + "\"";
}

void write_catalogs(std::ostream& out, const std::vector<catalog_input>& cats) {
  out << "inline constexpr ::errcat::bundled_catalog catalogs[] = {\n";
  for (const catalog_input& c : cats)
    out << "    {" << cpp_string(c.name) << ", &::" << c.cpp_namespace << "::catalog},\n";
  out << "};\n\n";
}

void write_index(std::ostream& out, const std::vector<folded_code>& codes, const table& t) {
  out << "inline constexpr std::uint64_t seed = " << t.seed << "ull;\n";
  out << "inline constexpr std::size_t code_count = " << codes.size() << ";\n";
  out << "inline constexpr std::uint16_t displacements[" << t.displacements.size() << "] = {";
  for (std::size_t i = 0; i < t.displacements.size(); ++i)
    out << (i % 24 == 0 ? "\n    " : "") << t.displacements[i] << ',';
  out << "\n};\n\n";
  std::vector<std::uint32_t> first(codes.size());
  out << "inline constexpr index_record records[] = {";
  std::uint32_t at = 0;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    first[i] = at;
    if (codes[i].records.size() > 0xffff)
      throw std::runtime_error(codes[i].text + ": too many entries");
    for (const rd::index_record& r : codes[i].records)
      out << (at++ % 12 == 0 ? "\n    " : "") << '{' << r.catalog << ',' << r.entry << "},";
  }
  out << "\n};\n\n";
  out << "inline constexpr index_slot slots[" << t.slot_key.size() << "] = {\n";
  for (int k : t.slot_key) {
    if (k < 0) {
      out << "    {},\n";
      continue;
    }
    const folded_code& c = codes[static_cast<std::size_t>(k)];
    const rd::folded_key w = rd::slot_key(c.text);
    out << "    {" << w.a << "ull, " << w.b << "ull, " << w.c << "ull, "
        << first[static_cast<std::size_t>(k)] << ", " << c.records.size() << ", {"
        << c.records[0].catalog << ", " << c.records[0].entry << "}, " << c.text.size() << "},  // "
        << cpp_string(c.text) << '\n';
  }
  out << "};\n";
}

int run(int argc, char** argv) {
  if (argc < 5 || (argc - 2) % 3 != 0) {
    std::cerr
        << "usage: errcat-registry-gen OUT.hpp NAMESPACE HEADER JSON [NAMESPACE HEADER JSON]...\n";
    return 2;
  }
  std::vector<catalog_input> cats;
  std::set<std::string> names;
  for (int i = 2; i + 2 < argc; i += 3) {
    cats.push_back(read_catalog(argv[i], argv[i + 1], argv[i + 2], names));
    if (!names.insert(cats.back().name).second)
      throw std::runtime_error("two bundled catalogs are both named " + cats.back().name);
  }
  if (cats.size() > 0xffff) throw std::runtime_error("too many bundled catalogs");
  // Records are 16-bit counts and positions (checked below); codes up to 64 bytes.
  std::map<std::string, std::size_t> position;
  std::vector<folded_code> codes;
  for (std::size_t ci = 0; ci < cats.size(); ++ci) {
    for (std::size_t ei = 0; ei < cats[ci].codes.size(); ++ei) {
      const std::string& code = cats[ci].codes[ei];
      if (code.empty() || code.size() > 64 || ei > 0xffff)
        throw std::runtime_error(cats[ci].cpp_namespace + ": code \"" + code +
                                 "\" cannot be indexed");
      const std::string f = fold(code);
      auto [it, added] = position.emplace(f, codes.size());
      if (added) codes.push_back({f, {}});
      codes[it->second].records.push_back(
          {static_cast<std::uint16_t>(ci), static_cast<std::uint16_t>(ei)});
    }
  }
  add_alias_spellings(cats, position, codes);
  const table t = build_table(codes);
  std::ostringstream out;
  out << "// Generated by errcat-registry-gen. Do not edit: the catalogs' JSON is the source.\n"
         "#pragma once\n\n#include <cstddef>\n#include <cstdint>\n\n";
  for (const catalog_input& c : cats)
    out << "#include <" << c.header << ">\n";
  out << "\n#include \"errcat/registry.hpp\"\n#include \"index.hpp\"\n\n"
         "namespace errcat::registry_detail {\n\n";
  write_catalogs(out, cats);
  write_index(out, codes, t);
  out << "\n}  // namespace errcat::registry_detail\n";
  std::ofstream f(argv[1]);
  f << out.str();
  if (!f) throw std::runtime_error(std::string(argv[1]) + ": cannot write");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "errcat-registry-gen: " << e.what() << '\n';
    return 1;
  }
}
