// errcat-registry-gen: writes the registry's data for the catalogs a build bundles.
//
//   errcat-registry-gen OUT.hpp NAMESPACE HEADER TABLE_HEADER JSON [...]...
//
// The catalogs are given in the registry's default order (HEADER is the catalog's run-time
// header, TABLE_HEADER its constexpr table header, which the index does not need). OUT.hpp
// includes every catalog's run-time header, which declares the catalog's entry array, and
// defines, as constants that src/registry.cpp compiles once: the
// bundled_catalog list (names chosen here), a two-level perfect hash over every code of
// every catalog, case-folded, and for each code the entries that document it. Entry
// positions are the catalog JSON's documented order, which is the order errcat-gen keeps
// (a registry test checks every record against the compiled catalogs).
#include <algorithm>
#include <bit>
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
  std::string header;              // its run-time header, which the index includes
  std::vector<std::string> codes;  // in documented order
  std::vector<std::pair<std::string, std::string>> aliases;
};

struct folded_code {
  std::string text;
  std::vector<rd::index_record> records;
};

struct table {
  std::uint64_t seed = 0;
  unsigned bucket_bits = 1;
  std::vector<std::uint16_t> displacements;
  std::vector<int> slot_key;  // index into the folded codes, or -1
};

std::string fold(std::string_view s) {
  std::string r(s);
  std::transform(r.begin(), r.end(), r.begin(), rd::fold_char);
  return r;
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

// The records of `code` that belong to catalog `ci`.
std::vector<rd::index_record> records_of(const folded_code& code, std::size_t ci) {
  std::vector<rd::index_record> own;
  for (const rd::index_record& r : code.records) {
    if (r.catalog == ci) own.push_back(r);
  }
  return own;
}

// Adds `own` (catalog `ci`'s records for the alias spelling `spelled`) to the index: as a
// new key, or beside the records of another catalog that documents the spelling, in
// registry order; never to a key catalog `ci` documents as itself.
void add_spelling(const std::string& spelled, std::size_t ci, std::vector<rd::index_record> own,
                  std::map<std::string, std::size_t>& position, std::vector<folded_code>& codes) {
  auto [it, added] = position.emplace(spelled, codes.size());
  if (added) {
    codes.push_back({spelled, std::move(own)});
    return;
  }
  auto& recs = codes[it->second].records;
  const bool documents_itself = std::any_of(
      recs.begin(), recs.end(), [ci](const rd::index_record& r) { return r.catalog == ci; });
  if (documents_itself) return;
  recs.insert(recs.end(), own.begin(), own.end());
  std::stable_sort(
      recs.begin(), recs.end(),
      [](const rd::index_record& a, const rd::index_record& b) { return a.catalog < b.catalog; });
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
        std::vector<rd::index_record> own = records_of(codes[k], ci);
        if (spelled.size() <= 64 && !own.empty())
          add_spelling(spelled, ci, std::move(own), position, codes);
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
  std::vector<std::uint64_t> hashes(codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    hashes[i] = rd::folded_hash(codes[i].text, seed);
    by_bucket[rd::bucket_of(hashes[i], 64 - t.bucket_bits)].push_back(static_cast<int>(i));
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
        const std::size_t s = rd::slot_of(hashes[static_cast<std::size_t>(k)],
                                          static_cast<std::uint16_t>(d), slots - 1);
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

// The probe hashes a code of up to 16 bytes from words read with bit 5 of every byte set
// and the length XORed in (index.hpp's word_hash), so two codes that give the same words
// (`_` and DEL in the same place) would share a hash whatever the seed.
void check_word_keys(const std::vector<folded_code>& codes) {
  std::map<std::pair<std::uint64_t, std::uint64_t>, const std::string*> seen;
  for (const folded_code& c : codes) {
    const std::size_t n = c.text.size();
    if (n > rd::two_word_max_size) continue;
    const rd::code_words w = rd::words_of(c.text.data(), n);
    const auto [it, added] =
        seen.emplace(std::pair{w.a | rd::case_bits, (w.b | rd::case_bits) ^ n}, &c.text);
    if (!added)
      throw std::runtime_error(
          "codes \"" + *it->second + "\" and \"" + c.text +
          "\" hash alike: they differ only in bit 5 of bytes that are not letters");
  }
}

// At most 8 codes in 9 slots (a power of two of them, one cache line each), about 4 codes
// per bucket.
table build_table(const std::vector<folded_code>& codes) {
  check_word_keys(codes);
  table t;
  const std::size_t buckets = std::max<std::size_t>(2, next_pow2(codes.size() / 4 + 1));
  t.bucket_bits = static_cast<unsigned>(std::countr_zero(buckets));
  t.displacements.assign(buckets, 0);
  t.slot_key.assign(std::max<std::size_t>(2, next_pow2(codes.size() + codes.size() / 8 + 1)), -1);
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
  // Declared extern in errcat/registry.hpp, which this file's includer includes first.
  out << "constinit const ::errcat::bundled_catalog catalogs[] = {\n";
  for (const catalog_input& c : cats)
    out << "    {" << cpp_string(c.name) << ", &::" << c.cpp_namespace << "::catalog},\n";
  out << "};\n\n";
}

// Every code's records, code by code; returns where each code's records start.
std::vector<std::size_t> write_records(std::ostream& out, const std::vector<folded_code>& codes) {
  std::vector<std::size_t> first(codes.size());
  out << "constinit const index_record records[] = {";
  std::size_t at = 0;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    first[i] = at;
    for (const rd::index_record& r : codes[i].records)
      out << (at++ % 12 == 0 ? "\n    " : "") << '{' << r.catalog << ',' << r.entry << "},";
  }
  out << "\n};\n\n";
  // Positions and counts are 16-bit in the slots.
  if (at > 0xffff) throw std::runtime_error("too many entries for the registry's index");
  return first;
}

// The words, case bits and answer of one code's slot (see registry_detail::index_slot).
// Codes longer than 24 bytes keep their text in long_codes[], at position `long_index`.
void write_slot(std::ostream& out, const folded_code& c, std::size_t first,
                const std::vector<catalog_input>& cats, std::size_t long_index) {
  const std::string& k = c.text;
  const std::size_t n = k.size();
  rd::code_words w;
  rd::code_words bits;
  if (n <= rd::word_max_size) {
    w = rd::words_of(k.data(), n);
    bits = {rd::letter_bits(w.a), rd::letter_bits(w.b), rd::letter_bits(w.c)};
  } else {
    // Probed folded, so compared without case bits.
    w = {errcat::detail::load_le(k.data(), 8), errcat::detail::load_le(k.data() + n - 8, 8),
         long_index};
  }
  const rd::index_record head = c.records.at(0);
  if (c.records.size() > 0xffff) throw std::runtime_error(k + ": too many entries");
  out << "    {" << w.a << "ull, " << w.b << "ull, " << w.c << "ull, " << bits.a << "ull, "
      << bits.b << "ull, " << bits.c << "ull, &::" << cats[head.catalog].cpp_namespace
      << "::errcat_generated::storage::entries[" << head.entry << "], " << head.catalog << ", "
      << first << ", " << c.records.size() << ", " << n << "},  // " << cpp_string(k) << '\n';
}

void write_index(std::ostream& out, const std::vector<folded_code>& codes, const table& t,
                 const std::vector<catalog_input>& cats) {
  out << "inline constexpr std::uint64_t seed = " << t.seed << "ull;\n";
  out << "inline constexpr unsigned bucket_bits = " << t.bucket_bits << ";\n";
  out << "inline constexpr std::size_t code_count = " << codes.size() << ";\n";
  out << "inline constexpr std::uint16_t displacements[" << t.displacements.size() << "] = {";
  for (std::size_t i = 0; i < t.displacements.size(); ++i)
    out << (i % 24 == 0 ? "\n    " : "") << t.displacements[i] << ',';
  out << "\n};\n\n";
  const std::vector<std::size_t> first = write_records(out, codes);
  std::vector<std::size_t> long_index(codes.size());
  out << "inline constexpr std::string_view long_codes[] = {\n    \"\",  // none is empty\n";
  std::size_t longs = 1;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (codes[i].text.size() <= rd::word_max_size) continue;
    long_index[i] = longs++;
    out << "    " << cpp_string(codes[i].text) << ",\n";
  }
  out << "};\n\n";
  out << "inline constexpr index_slot slots[" << t.slot_key.size() << "] = {\n";
  for (int k : t.slot_key) {
    if (k < 0) {
      out << "    {},\n";
      continue;
    }
    const auto i = static_cast<std::size_t>(k);
    write_slot(out, codes[i], first[i], cats, long_index[i]);
  }
  out << "};\n";
}

// Every code of every catalog, case-folded, with the entries that document it.
std::vector<folded_code> index_codes(const std::vector<catalog_input>& cats,
                                     std::map<std::string, std::size_t>& position) {
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
  return codes;
}

int run(int argc, char** argv) {
  if (argc < 6 || (argc - 2) % 4 != 0) {
    std::cerr << "usage: errcat-registry-gen OUT.hpp NAMESPACE HEADER TABLE_HEADER JSON "
                 "[NAMESPACE HEADER TABLE_HEADER JSON]...\n";
    return 2;
  }
  std::vector<catalog_input> cats;
  std::set<std::string> names;
  for (int i = 2; i + 3 < argc; i += 4) {
    cats.push_back(read_catalog(argv[i], argv[i + 1], argv[i + 3], names));
    if (!names.insert(cats.back().name).second)
      throw std::runtime_error("two bundled catalogs are both named " + cats.back().name);
  }
  if (cats.size() > 0xffff) throw std::runtime_error("too many bundled catalogs");
  std::map<std::string, std::size_t> position;
  std::vector<folded_code> codes = index_codes(cats, position);
  add_alias_spellings(cats, position, codes);
  const table t = build_table(codes);
  std::ostringstream out;
  out << "// Generated by errcat-registry-gen. Do not edit: the catalogs' JSON is the source.\n"
         "// Included by src/registry.cpp only: it defines the registry's tables.\n"
         "#pragma once\n\n#include <cstddef>\n#include <cstdint>\n#include <string_view>\n\n";
  // The run-time headers declare each catalog's entry array, so that each slot can hold
  // its first entry's address as a constant.
  for (const catalog_input& c : cats)
    out << "#include <" << c.header << ">\n";
  out << "\n#include \"errcat/registry.hpp\"\n#include \"index.hpp\"\n\n"
         "namespace errcat::registry_detail {\n\n";
  write_catalogs(out, cats);
  write_index(out, codes, t, cats);
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
