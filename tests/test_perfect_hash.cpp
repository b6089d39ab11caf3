// The perfect hash, from both sides: the generator's builder on key sets of every size,
// the lookups in the bundled catalogs, and rendering into a reused buffer without
// allocating.
#include <errcat/apigw.hpp>
#include <errcat/apigw_table.hpp>
#include <errcat/iam.hpp>
#include <errcat/iam_table.hpp>

#include <fmt/format.h>

#include <bit>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "bench/count_allocations.hpp"
#include "catch.hpp"
#include "perfect_hash.hpp"

namespace {

using errcat::testing_support::allocation_count;

using errcat::gen::slot_of;

// Distinct random keys: mostly code-like (`XYZ.1234`), some short, some long binary.
std::vector<std::string> random_keys(std::size_t n, std::mt19937_64& rng) {
  std::set<std::string> seen;
  std::vector<std::string> keys;
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> digit('0', '9');
  std::uniform_int_distribution<std::size_t> length(0, 40);
  while (keys.size() < n) {
    std::string k;
    switch (keys.size() % 3) {
      case 0:
        k = "ERR." + std::string(4, '0');
        for (std::size_t i = 4; i < k.size(); ++i)
          k[i] = static_cast<char>(digit(rng));
        k += std::to_string(keys.size() / 10000);
        break;
      case 1:
        k = std::to_string(rng() % 100000);
        break;
      default:
        k.resize(length(rng));
        for (char& c : k)
          c = static_cast<char>(byte(rng));
    }
    if (seen.insert(k).second) keys.push_back(k);
  }
  return keys;
}

// Every key has its own slot and the slot names the key. In a two-level table no other
// slot is used; in a direct index every other slot names key 0, which a lookup's final
// comparison rejects.
void check_collision_free(const errcat::gen::perfect_hash& ph,
                          const std::vector<std::string>& keys) {
  REQUIRE(ph.slots.size() >= keys.size());
  REQUIRE(std::has_single_bit(ph.slots.size()));
  const bool direct = ph.displacements.empty();
  if (!direct) REQUIRE(std::has_single_bit(ph.displacements.size()));
  std::set<std::size_t> used;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::size_t s = slot_of(ph, keys[i]);
    CHECK(used.insert(s).second);
    CHECK(ph.slots[s] == i);
  }
  for (std::size_t s = 0; s < ph.slots.size(); ++s) {
    if (used.count(s) != 0) continue;
    CHECK(ph.slots[s] == (direct ? 0 : 0xffff));  // the generator's form; emitted as pointers
  }
}

// Distinct random codes as catalogs have them (printable ASCII, which the generator
// requires) of every length from 1 to 16; half from a three-letter alphabet, so many
// differ in one byte only.
std::vector<std::string> short_keys(std::size_t n, std::mt19937_64& rng) {
  std::set<std::string> seen;
  std::vector<std::string> keys;
  std::uniform_int_distribution<int> printable('!', '~');
  std::uniform_int_distribution<int> narrow('0', '2');
  std::uniform_int_distribution<std::size_t> length(1, 16);
  while (keys.size() < n) {
    std::string k(length(rng), '\0');
    for (char& c : k)
      c = static_cast<char>(keys.size() % 2 == 0 ? printable(rng) : narrow(rng));
    if (seen.insert(k).second) keys.push_back(k);
  }
  return keys;
}

// `code` with an alias prefix replaced by its canonical one, as lookups read it.
std::string canonical(const errcat::catalog& c, const std::string& code) {
  for (const errcat::code_alias& a : c.aliases) {
    if (code.size() > a.prefix.size() && code.starts_with(a.prefix)) {
      return std::string(a.canonical) + code.substr(a.prefix.size());
    }
  }
  return code;
}

template <class Op>
std::size_t allocations_of(Op&& op) {
  const std::size_t before = allocation_count();
  op();
  return allocation_count() - before;
}

}  // namespace

TEST_CASE("the generator's perfect hash separates random key sets of every size", "[hash][gen]") {
  std::mt19937_64 rng(12345);
  for (std::size_t n : std::initializer_list<std::size_t>{0, 1, 2, 3, 7, 8, 9, 63, 64, 65, 115, 128,
                                                          500, 1000, 5000}) {
    CAPTURE(n);
    const std::vector<std::string> keys = random_keys(n, rng);
    const auto ph = errcat::gen::build_perfect_hash(keys, 64);
    REQUIRE(ph.has_value());
    check_collision_free(*ph, keys);
  }
}

TEST_CASE("short keys get a direct index of at most 16 slots per key", "[hash][gen]") {
  std::mt19937_64 rng(2024);
  for (std::size_t n : std::initializer_list<std::size_t>{1, 2, 3, 17, 64, 115, 200}) {
    CAPTURE(n);
    const std::vector<std::string> keys = short_keys(n, rng);
    const auto ph = errcat::gen::build_perfect_hash(keys, 64);
    REQUIRE(ph.has_value());
    CHECK(ph->displacements.empty());
    CHECK(ph->slots.size() <= 16 * std::bit_ceil(n));
    check_collision_free(*ph, keys);
  }
}

TEST_CASE("keys the direct index cannot tell apart get a two-level table", "[hash][gen]") {
  // Two 16-byte codes fold to one word, a ^ rotl(b, 29) (and the same length's multiple
  // of k0, when it is mixed in), when their first halves differ by one bit and their
  // second halves by that bit rotated back: no multiplier separates them, so the generator
  // must notice and fall back.
  const std::string one = "ABCDEFGHIJKLMNOP";
  std::string two = one;
  two[0] = static_cast<char>(two[0] ^ 1);
  two[12] = static_cast<char>(two[12] ^ 8);  // bit 35 of the second half: 1 after rotl 29
  const auto w1 = errcat::detail::code_words(one.data(), 16, true);
  const auto w2 = errcat::detail::code_words(two.data(), 16, true);
  using errcat::detail::direct_fold;
  using errcat::detail::hash_k0;
  REQUIRE(direct_fold(w1, 16, hash_k0) == direct_fold(w2, 16, hash_k0));
  REQUIRE(direct_fold(w1, 16, 0) == direct_fold(w2, 16, 0));
  const std::vector<std::string> keys = {one, two, "IAM.0004"};
  const auto ph = errcat::gen::build_perfect_hash(keys, 64);
  REQUIRE(ph.has_value());
  CHECK_FALSE(ph->displacements.empty());
  check_collision_free(*ph, keys);
  // Keys longer than 16 bytes too.
  const std::vector<std::string> long_keys = {"a code of seventeen", "IAM.0004"};
  const auto lp = errcat::gen::build_perfect_hash(long_keys, 64);
  REQUIRE(lp.has_value());
  CHECK_FALSE(lp->displacements.empty());
  check_collision_free(*lp, long_keys);
}

TEST_CASE(
    "printable codes of at most 8 bytes always fold to distinct words with the length mixed in",
    "[hash]") {
  // What makes it so: the lengths' multiples of k0 differ pairwise in the top bit of some
  // byte, and two printable codes' words never differ there.
  for (std::uint64_t i = 0; i <= 16; ++i) {
    for (std::uint64_t j = i + 1; j <= 16; ++j) {
      CAPTURE(i, j);
      const std::uint64_t d = (i * errcat::detail::hash_k0) ^ (j * errcat::detail::hash_k0);
      CHECK((d & 0x8080808080808080ull) != 0);
    }
  }
  // And the generator gets a direct index for every set of short numeric codes of mixed
  // lengths, the shape that folded alike when the length was merely XORed in.
  std::vector<std::string> numeric;
  for (int i = 0; i < 300; ++i)
    numeric.push_back(std::to_string(i));
  const auto ph = errcat::gen::build_perfect_hash(numeric, 64);
  REQUIRE(ph.has_value());
  CHECK(ph->displacements.empty());
  CHECK(ph->length_multiplier == errcat::detail::hash_k0);
  check_collision_free(*ph, numeric);
}

TEST_CASE("the length enters the hash only when codes of different lengths share their words",
          "[hash][gen]") {
  using errcat::detail::code_words;
  using errcat::detail::direct_fold;
  using errcat::detail::hash_k0;
  // Without the length, "1" and "11" (first, middle and last byte) and "10000" and
  // "100000" (first and last four bytes) have the same words and fold alike.
  for (const auto& [shorter, longer] : {std::pair<std::string, std::string>{"1", "11"},
                                        {"10000", "100000"},
                                        {"ABCD", "ABCDABCD"}}) {
    CAPTURE(shorter, longer);
    const auto ws = code_words(shorter.data(), shorter.size(), false);
    const auto wl = code_words(longer.data(), longer.size(), false);
    CHECK(direct_fold(ws, shorter.size(), 0) == direct_fold(wl, longer.size(), 0));
    CHECK(direct_fold(ws, shorter.size(), hash_k0) != direct_fold(wl, longer.size(), hash_k0));
    const std::vector<std::string> keys = {shorter, longer, "IAM.0004"};
    const auto ph = errcat::gen::build_perfect_hash(keys, 64);
    REQUIRE(ph.has_value());
    CHECK(ph->displacements.empty());
    CHECK(ph->length_multiplier == hash_k0);
    check_collision_free(*ph, keys);
  }
  // Codes that differ in their words need no length: the lookup then skips its multiply.
  const std::vector<std::string> keys = {"IAM.0004", "IAM.0012", "1101", "APIG.0301"};
  const auto ph = errcat::gen::build_perfect_hash(keys, 64);
  REQUIRE(ph.has_value());
  CHECK(ph->displacements.empty());
  CHECK(ph->length_multiplier == 0);
  check_collision_free(*ph, keys);
  // Both bundled catalogs are of that kind.
  CHECK(errcat::iam::catalog.length_multiplier == 0);
  CHECK(errcat::apigw::catalog.length_multiplier == 0);
  CHECK(errcat::iam::table.length_multiplier == 0);
  // Without the length, an unknown code with the words of a known one of another length
  // lands in that code's slot, and only the length comparison rejects it: "11101110" has
  // the words of IAM's "1110".
  REQUIRE(errcat::iam::find("1110") != nullptr);
  const std::string same_words = "11101110";
  CHECK(direct_fold(code_words("1110", 4, false), 4, 0) ==
        direct_fold(code_words(same_words.data(), 8, false), 8, 0));
  CHECK(errcat::iam::find(same_words) == nullptr);
  CHECK(errcat::iam::catalog.find(same_words) == nullptr);
  CHECK(errcat::iam::catalog.find_inline(same_words) == nullptr);
  CHECK(errcat::iam::table.find(same_words) == nullptr);
}

TEST_CASE("code words are equal exactly when codes of one length are", "[hash]") {
  using errcat::detail::code_words;
  using errcat::detail::code_words_within;
  std::mt19937_64 rng(5);
  std::uniform_int_distribution<int> byte(0, 255);
  for (const bool wide : {false, true}) {
    for (std::size_t n = 0; n <= (wide ? 16u : 8u); ++n) {
      CAPTURE(wide, n);
      for (int round = 0; round < 200; ++round) {
        std::string a(n, '\0');
        for (char& c : a)
          c = static_cast<char>(byte(rng));
        const auto wa = code_words(a.data(), n, wide);
        // Every range of lengths that admits n (and is as wide) gives the same words.
        for (std::size_t lo = 0; lo <= n; ++lo) {
          for (std::size_t hi = std::max<std::size_t>(n, wide ? 9 : 0); hi <= (wide ? 16u : 8u);
               ++hi) {
            const auto w = code_words_within(a.data(), n, lo, hi);
            CHECK((w.a == wa.a && w.b == wa.b));
          }
        }
        // Changing any one byte changes the words.
        for (std::size_t i = 0; i < n; ++i) {
          std::string b = a;
          b[i] = static_cast<char>(b[i] ^ (1 << (round % 8)));
          const auto wb = code_words(b.data(), n, wide);
          CHECK((wa.a != wb.a || wa.b != wb.b));
        }
      }
    }
  }
  // Constant evaluation reads the same words.
  constexpr auto at_compile_time = code_words("IAM.0004 and mor", 16, true);
  const std::string s("IAM.0004 and mor");
  CHECK(code_words(s.data(), 16, true).a == at_compile_time.a);
  CHECK(code_words(s.data(), 16, true).b == at_compile_time.b);
  constexpr auto short_at_compile_time = code_words("1100", 4, false);
  CHECK(code_words(std::string("1100").data(), 4, false).a == short_at_compile_time.a);
}

TEST_CASE("the generator gives up and says so when it may not try any seed", "[hash][gen]") {
  std::mt19937_64 rng(7);
  CHECK_FALSE(errcat::gen::build_perfect_hash(random_keys(10, rng), 0).has_value());
  CHECK_FALSE(errcat::gen::build_perfect_hash({}, 0).has_value());
}

TEST_CASE("the generator is deterministic for the same keys", "[hash][gen]") {
  std::mt19937_64 rng(99);
  const std::vector<std::string> keys = random_keys(200, rng);
  const auto a = errcat::gen::build_perfect_hash(keys, 64);
  const auto b = errcat::gen::build_perfect_hash(keys, 64);
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK(a->seed == b->seed);
  CHECK(a->displacements == b->displacements);
  CHECK(a->slots == b->slots);
}

TEST_CASE("every code of both catalogs is found at its own entry", "[hash][catalog]") {
  for (const errcat::catalog* c : {&errcat::iam::catalog, &errcat::apigw::catalog}) {
    CAPTURE(c->service);
    for (const errcat::code_key& k : c->keys) {
      CAPTURE(k.code);
      CHECK(c->find_key(k.code) == &k);
      // A copy, so the lookup cannot succeed by comparing pointers.
      const std::string copy(k.code);
      CHECK(c->find_key(copy) == &k);
      REQUIRE(k.count > 0);
      CHECK(c->find(copy) == &c->entries[c->by_code[k.first]]);
    }
    for (const errcat::entry& e : *c) {
      CAPTURE(e.code);
      bool found = false;
      for (const errcat::entry& same : c->find_all(e.status, e.code))
        found = found || &same == &e;
      CHECK(found);
    }
  }
}

TEST_CASE("near misses, the empty string and oversized input are rejected", "[hash][catalog]") {
  for (const errcat::catalog* c : {&errcat::iam::catalog, &errcat::apigw::catalog}) {
    CAPTURE(c->service);
    std::set<std::string> codes;
    for (const errcat::code_key& k : c->keys)
      codes.emplace(k.code);
    int rejected = 0;
    for (const std::string& code : codes) {
      std::vector<std::string> misses = {code + "0", code.substr(1),
                                         code.substr(0, code.size() - 1),
                                         code + std::string(1, '\0'), " " + code};
      for (std::size_t i = 0; i < code.size(); ++i) {
        for (int bit : {1, 0x20, 0x80}) {
          std::string m = code;
          m[i] = static_cast<char>(m[i] ^ bit);
          misses.push_back(m);
        }
      }
      for (const std::string& m : misses) {
        // A miss may spell another code, directly or through an alias prefix.
        if (codes.count(canonical(*c, m)) != 0) continue;
        CAPTURE(m);
        CHECK(c->find_key(m) == nullptr);
        ++rejected;
      }
    }
    CHECK(rejected > 1000);
    CHECK(c->find("") == nullptr);
    CHECK(c->find(std::string(std::size_t{1} << 20, 'A')) == nullptr);
    CHECK(c->find(*codes.begin() + std::string(std::size_t{1} << 20, 'x')) == nullptr);
    CHECK(c->find(std::string(errcat::max_code_size + 1, '0')) == nullptr);
    CHECK(c->find(std::string("\0\0\0\0\0\0\0\0", 8)) == nullptr);
    CHECK(c->find(std::string("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7", 9)) == nullptr);
  }
}

TEST_CASE("an alias spelling finds the canonical code, and only with a code after it",
          "[hash][catalog]") {
  const errcat::catalog& gw = errcat::apigw::catalog;
  REQUIRE_FALSE(gw.aliases.empty());
  for (const errcat::code_alias& a : gw.aliases) {
    int checked = 0;
    for (const errcat::code_key& k : gw.keys) {
      if (!k.code.starts_with(a.canonical)) continue;
      const std::string spelled =
          std::string(a.prefix) + std::string(k.code.substr(a.canonical.size()));
      CAPTURE(spelled);
      CHECK(gw.find_key(spelled) == &k);
      CHECK(gw.find_key(spelled + "9") == nullptr);
      ++checked;
    }
    CHECK(checked > 0);
    CHECK(gw.find(a.prefix) == nullptr);
  }
}

TEST_CASE("lookups are constant expressions", "[hash][catalog]") {
  static_assert(errcat::iam::table.find("IAM.0004") != nullptr);
  static_assert(errcat::iam::table.find("IAM.0004")->code == "IAM.0004");
  static_assert(errcat::iam::table.find("1100")->code == "1100");
  static_assert(errcat::iam::table.find("IAM.0003x") == nullptr);
  static_assert(errcat::apigw::table.find("APIGW.0301") == errcat::apigw::table.find("APIG.0301"));
  static_assert(noexcept(errcat::iam::catalog.find(std::string_view())));
  // Constant evaluation and run time agree on every slot.
  constexpr std::uint64_t at_compile_time = errcat::detail::hash("IAM.0004", 42);
  CHECK(errcat::detail::hash(std::string("IAM.0004"), 42) == at_compile_time);
  constexpr std::uint64_t long_key = errcat::detail::hash("a key longer than sixteen bytes", 7);
  CHECK(errcat::detail::hash(std::string("a key longer than sixteen bytes"), 7) == long_key);
}

TEST_CASE("lookups allocate nothing", "[hash][alloc]") {
  const std::string huge(std::size_t{1} << 20, 'x');
  const std::size_t n = allocations_of([&] {
    for (const errcat::entry& e : errcat::iam::catalog)
      CHECK(errcat::iam::catalog.find(e.code) != nullptr);
    CHECK(errcat::iam::catalog.find(huge) == nullptr);
    CHECK(errcat::apigw::catalog.find("APIGW.0301") != nullptr);
  });
  CHECK(n == 0);
}

TEST_CASE("rendering into a reused buffer allocates nothing", "[render][alloc]") {
  const errcat::entry& e = *errcat::iam::catalog.find("IAM.0004");
  const errcat::entry& t = *errcat::iam::catalog.find("IAM.0012");
  const std::array<errcat::param_value, 2> names = {"user", "07609fb9358010e21f7bc003751c7c32"};
  const std::array<errcat::param_value, 2> numbers = {100, -60};
  fmt::memory_buffer buf;
  std::string str;
  str.reserve(256);
  std::vector<char> vec;
  vec.reserve(256);
  const std::size_t n = allocations_of([&] {
    for (int i = 0; i < 100; ++i) {
      buf.clear();
      errcat::render_append(buf, e, names);
      str.clear();
      errcat::render_append(str, t, numbers);
      vec.clear();
      errcat::render_append(vec, e, names);
    }
  });
  CHECK(n == 0);
  CHECK(std::string_view(buf.data(), buf.size()) ==
        "Could not find user: 07609fb9358010e21f7bc003751c7c32.");
  CHECK(str == "The throttling threshold has been reached. Threshold: 100 times per -60 seconds");
  CHECK(std::string_view(vec.data(), vec.size()) == std::string_view(buf.data(), buf.size()));
}

TEST_CASE("rendering to a new string allocates exactly once", "[render][alloc]") {
  const errcat::entry& e = *errcat::iam::catalog.find("IAM.0004");
  const errcat::entry& t = *errcat::iam::catalog.find("IAM.0012");
  std::string names;
  CHECK(allocations_of([&] {
          names = errcat::render(e, {"user", "07609fb9358010e21f7bc003751c7c32"});
        }) == 1);
  CHECK(names == "Could not find user: 07609fb9358010e21f7bc003751c7c32.");
  std::string numbers;
  CHECK(allocations_of([&] { numbers = errcat::render(t, {-9223372036854775807 - 1, 0}); }) == 1);
  CHECK(numbers ==
        "The throttling threshold has been reached. Threshold: -9223372036854775808 times per 0 "
        "seconds");
}

TEST_CASE("rendering copies pieces of every length exactly", "[render]") {
  // The copy has separate paths for 0-3, 4-7, 8-15, 16-32 and longer pieces.
  const errcat::entry& e = *errcat::iam::catalog.find("IAM.0004");
  for (std::size_t a = 0; a <= 70; ++a) {
    const std::string target(a, 'T');
    const std::string id = std::string(70 - a, 'i') + "!";
    const std::string expected = "Could not find " + target + ": " + id + ".";
    CAPTURE(a);
    CHECK(errcat::render(e, {target, id}) == expected);
    CHECK(errcat::rendered_size(e, std::array<errcat::param_value, 2>{target, id}) ==
          expected.size());
  }
}
