// errcat's benchmark: every operation beside what a user would otherwise write, in one
// process, so the ratios come from one machine state. Every variant's result is checked
// against the others before anything is timed; a counting operator new reports
// allocations per operation; the program ends with a table of median ratios.
#include <errcat/iam.hpp>
#include <errcat/iam_table.hpp>  // the constexpr render<"CODE">()

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <new>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "count_allocations.hpp"

#if defined(ERRCAT_BENCH_JSON)
#include <errcat/json.hpp>
#endif

namespace {

namespace iam = errcat::iam;
using errcat::entry;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "errcat_bench: %s\n", what.c_str());
  std::exit(2);
}

// Runs `op` once per iteration, where `op` does `ops` operations, and reports the
// allocations per operation. The ratio table divides times by `ops` too.
template <class Op>
void timed(benchmark::State& state, Op& op, std::size_t ops = 1) {
  const std::size_t before = errcat::testing_support::allocation_count();
  for (auto _ : state) {
    op();
  }
  const double done =
      static_cast<double>(ops) *
      static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
  state.counters["allocs/op"] =
      static_cast<double>(errcat::testing_support::allocation_count() - before) / done;
  state.counters["ops/iter"] = static_cast<double>(ops);
}

template <class Op>
void add(const std::string& name, Op op) {
  benchmark::RegisterBenchmark(name.c_str(),
                               [op](benchmark::State& state) mutable { timed(state, op); });
}

// For `fill(buffer)`: one buffer per run, reused by every iteration of it.
template <class Fill>
void add_buffered(const std::string& name, Fill fill) {
  benchmark::RegisterBenchmark(name.c_str(), [fill](benchmark::State& state) {
    fmt::memory_buffer buf;
    auto op = [&] {
      buf.clear();
      fill(buf);
      benchmark::DoNotOptimize(buf.data());
      benchmark::ClobberMemory();
    };
    timed(state, op);
  });
}

// --- lookup --------------------------------------------------------------------------

// The three containers a user would build from the same data: code → first entry.
struct baselines {
  std::unordered_map<std::string, const entry*> hashed;
  std::map<std::string, const entry*, std::less<>> ordered;
  std::vector<std::pair<std::string_view, const entry*>> sorted;

  explicit baselines(const errcat::catalog& c) {
    for (const entry& e : c) {
      hashed.emplace(std::string(e.code), &e);
      ordered.emplace(std::string(e.code), &e);
    }
    for (const auto& [code, e] : ordered)
      sorted.emplace_back(code, e);
  }

  // As users write it: a std::string made from the string_view for the key.
  const entry* find_hashed(std::string_view code) const {
    auto it = hashed.find(std::string(code));
    return it == hashed.end() ? nullptr : it->second;
  }
  // std::less<> lets std::map compare the string_view without a temporary string.
  const entry* find_ordered(std::string_view code) const {
    auto it = ordered.find(code);
    return it == ordered.end() ? nullptr : it->second;
  }
  const entry* find_sorted(std::string_view code) const {
    auto it = std::lower_bound(sorted.begin(), sorted.end(), code,
                               [](const auto& p, std::string_view k) { return p.first < k; });
    return it == sorted.end() || it->first != code ? nullptr : it->second;
  }
};

// Unknown codes of every kind but the oversized one (timed on its own, see main).
std::vector<std::string> invalid_codes(const errcat::catalog& c) {
  std::vector<std::string> out = {"",
                                  std::string("\xff\xfe\x00\x01", 4),
                                  std::string("IAM.0004\0", 9),
                                  "\x80\x81\x82\x83\x84\x85\x86",
                                  "iam.0004",
                                  " IAM.0004",
                                  "IAM.0004 ",
                                  "IAM.",
                                  "IAM.9999"};
  for (const errcat::code_key& k : c.keys) {
    std::string flipped(k.code);
    flipped[flipped.size() - 1] = static_cast<char>(flipped.back() ^ 0x20);
    out.push_back(flipped);
    out.push_back(std::string(k.code) + "0");
    out.push_back(std::string(k.code.substr(0, k.code.size() - 1)));
  }
  std::erase_if(out, [&](const std::string& s) { return c.find(s) != nullptr; });
  return out;
}

// Each iteration looks up every code of the set once, in its shuffled order, walking a
// local pointer: the loop around a lookup is then an increment and a compare. (A position
// kept in the benchmark's closure is stored and reloaded around every lookup, a
// dependency chain as long as a whole errcat lookup, which would time the harness.)
// Times are per lookup: the iteration's time over the set's size.
template <class Find>
void add_lookup(const std::string& name, const std::vector<std::string_view>& codes, Find find) {
  benchmark::RegisterBenchmark(name.c_str(), [&codes, find](benchmark::State& state) {
    const std::string_view* const first = codes.data();
    const std::string_view* const last = first + codes.size();
    auto op = [&] {
      for (const std::string_view* p = first; p != last; ++p) {
        const entry* e = find(*p);
        benchmark::DoNotOptimize(e);
      }
    };
    timed(state, op, codes.size());
  });
}

void check_lookups(const baselines& b, const std::vector<std::string_view>& codes,
                   bool expect_found) {
  for (std::string_view code : codes) {
    const entry* e = iam::catalog.find(code);
    const std::string shown(code.substr(0, 40));
    if ((e != nullptr) != expect_found) fail("errcat lookup of \"" + shown + "\" is wrong");
    if (b.find_hashed(code) != e) fail("unordered_map disagrees on \"" + shown + "\"");
    if (b.find_ordered(code) != e) fail("std::map disagrees on \"" + shown + "\"");
    if (b.find_sorted(code) != e) fail("sorted array disagrees on \"" + shown + "\"");
    if (e != nullptr && e->code != code) fail("lookup of \"" + shown + "\" found another code");
    if (iam::find(code) != e) fail("iam::find and catalog.find disagree on \"" + shown + "\"");
  }
}

// --- rendering -----------------------------------------------------------------------

// Replaces each `key` in `s` with `value`, left to right, never rescanning a value.
void replace_all(std::string& s, std::string_view key, std::string_view value) {
  for (std::size_t pos = s.find(key); pos != std::string::npos;
       pos = s.find(key, pos + value.size())) {
    s.replace(pos, key.size(), value);
  }
}

void replace_first(std::string& s, std::string_view key, std::string_view value) {
  const std::size_t pos = s.find(key);
  if (pos != std::string::npos) s.replace(pos, key.size(), value);
}

std::string snprintf_string(const char* format, const auto&... values) {
  char buf[512];
  const int n = std::snprintf(buf, sizeof buf, format, values...);
  return std::string(buf, static_cast<std::size_t>(n));
}

// One rendering case: an entry, its values, and every other way to produce its message.
struct render_case {
  std::string name;  // IAM.0004
  const entry* e;
  std::vector<errcat::param_value> args;
  std::string fmt_format;  // the same message as a runtime fmt format string
  std::string expected;
  std::string (*checked)();
  std::string (*fmt_string)(const render_case&);
  std::string (*snprintf_result)();
  std::string (*replaced)(const render_case&);
};

// The values the cases render. Ids in IAM are 32 hex digits.
const std::string target = "user";
const std::string target_id = "07609fb9358010e21f7bc003751c7c32";
constexpr int threshold = 100;
constexpr int period_seconds = 60;

render_case case_0004() {
  render_case c;
  c.name = "IAM.0004";
  c.e = iam::catalog.find("IAM.0004");
  c.args = {target, target_id};
  c.fmt_format = "Could not find {}: {}.";
  c.expected = "Could not find user: 07609fb9358010e21f7bc003751c7c32.";
  c.checked = [] { return iam::render<"IAM.0004">(target, target_id); };
  c.fmt_string = [](const render_case& rc) {
    return fmt::format(fmt::runtime(rc.fmt_format), target, target_id);
  };
  c.snprintf_result = [] {
    return snprintf_string("Could not find %s: %s.", target.c_str(), target_id.c_str());
  };
  c.replaced = [](const render_case& rc) {
    std::string s(rc.e->message);
    replace_all(s, "%(target)s", target);
    replace_all(s, "%(target_id)s", target_id);
    return s;
  };
  return c;
}

render_case case_0012() {
  render_case c;
  c.name = "IAM.0012";
  c.e = iam::catalog.find("IAM.0012");
  c.args = {threshold, period_seconds};
  c.fmt_format = "The throttling threshold has been reached. Threshold: {} times per {} seconds";
  c.expected = "The throttling threshold has been reached. Threshold: 100 times per 60 seconds";
  c.checked = [] { return iam::render<"IAM.0012">(threshold, period_seconds); };
  c.fmt_string = [](const render_case& rc) {
    return fmt::format(fmt::runtime(rc.fmt_format), threshold, period_seconds);
  };
  c.snprintf_result = [] {
    return snprintf_string(
        "The throttling threshold has been reached. Threshold: %d times per %d seconds", threshold,
        period_seconds);
  };
  c.replaced = [](const render_case& rc) {
    std::string s(rc.e->message);
    replace_first(s, "%d", std::to_string(threshold));
    replace_first(s, "%d", std::to_string(period_seconds));
    return s;
  };
  return c;
}

void check_render(const render_case& c) {
  auto same = [&](const std::string& what, std::string_view got) {
    if (got != c.expected) {
      fail(c.name + ": " + what + " gives \"" + std::string(got) + "\", not \"" + c.expected +
           "\"");
    }
  };
  if (c.e == nullptr) fail(c.name + " is not in the catalog");
  same("errcat::render", errcat::render(*c.e, c.args));
  same("errcat::iam::render<>", c.checked());
  fmt::memory_buffer buf;
  errcat::render_append(buf, *c.e, c.args);
  same("errcat::render_append", std::string_view(buf.data(), buf.size()));
  if (errcat::rendered_size(*c.e, c.args) != c.expected.size()) fail(c.name + ": rendered_size");
  buf.clear();
  fmt::format_to(std::back_inserter(buf), fmt::runtime(c.fmt_format),
                 c.args[0].is_integer() ? fmt::to_string(threshold) : target,
                 c.args[1].is_integer() ? fmt::to_string(period_seconds) : target_id);
  same("fmt::format_to", std::string_view(buf.data(), buf.size()));
  same("fmt::format", c.fmt_string(c));
  same("snprintf", c.snprintf_result());
  same("find-and-replace", c.replaced(c));
}

void add_render(const render_case& c) {
  const std::string g = "render " + c.name;
  add(g + " string/errcat", [&c] {
    std::string s = errcat::render(*c.e, c.args);
    benchmark::DoNotOptimize(s.data());
  });
  add(g + " string/errcat render<>", [&c] {
    std::string s = c.checked();
    benchmark::DoNotOptimize(s.data());
  });
  add(g + " string/fmt::format", [&c] {
    std::string s = c.fmt_string(c);
    benchmark::DoNotOptimize(s.data());
  });
  add(g + " string/snprintf", [&c] {
    std::string s = c.snprintf_result();
    benchmark::DoNotOptimize(s.data());
  });
  add(g + " string/find-and-replace", [&c] {
    std::string s = c.replaced(c);
    benchmark::DoNotOptimize(s.data());
  });
  add_buffered(g + " buffer/errcat",
               [&c](fmt::memory_buffer& buf) { errcat::render_append(buf, *c.e, c.args); });
  if (c.args[0].is_integer()) {
    add_buffered(g + " buffer/fmt::format_to", [&c](fmt::memory_buffer& buf) {
      fmt::format_to(std::back_inserter(buf), fmt::runtime(c.fmt_format), threshold,
                     period_seconds);
    });
  } else {
    add_buffered(g + " buffer/fmt::format_to", [&c](fmt::memory_buffer& buf) {
      fmt::format_to(std::back_inserter(buf), fmt::runtime(c.fmt_format), target, target_id);
    });
  }
}

// --- make: a typed error ------------------------------------------------------------

// The same message made three ways: the compile-time checked make<>, the run-time make by
// code with named values (which looks the code and the names up), and fmt::format of the
// message alone, which is what a user without errcat would at least pay.
const std::string make_fmt_format = "Could not find {}: {}.";

void check_make() {
  const std::string expected = "Could not find user: " + target_id + ".";
  const errcat::error checked = iam::make<"IAM.0004">(target, target_id);
  const errcat::error run_time =
      iam::make("IAM.0004", {{"target", target}, {"target_id", target_id}});
  for (const errcat::error* err : {&checked, &run_time}) {
    if (err->message() != expected) fail("make gives \"" + std::string(err->message()) + "\"");
    if (err->value_of("target_id") != std::optional<std::string_view>(target_id)) {
      fail("make does not keep target_id");
    }
  }
  if (fmt::format(fmt::runtime(make_fmt_format), target, target_id) != expected) {
    fail("fmt::format gives another message");
  }
}

void add_make() {
  add("make IAM.0004/errcat make<>", [] {
    errcat::error err = iam::make<"IAM.0004">(target, target_id);
    benchmark::DoNotOptimize(&err);
  });
  add("make IAM.0004/errcat make(code, named)", [] {
    errcat::error err = iam::make("IAM.0004", {{"target", target}, {"target_id", target_id}});
    benchmark::DoNotOptimize(&err);
  });
  add("make IAM.0004/fmt::format message", [] {
    std::string s = fmt::format(fmt::runtime(make_fmt_format), target, target_id);
    benchmark::DoNotOptimize(s.data());
  });
}

// --- parse_response ------------------------------------------------------------------

// A typical body of a Huawei Cloud IAM error response.
const std::string huawei_body =
    R"({"error_msg":"Could not find user: 07609fb9358010e21f7bc003751c7c32.",)"
    R"("error_code":"IAM.0004","request_id":"5b8f4b8c2f0a4e1f9f5a1d3c7e6b2a90"})";

void check_parse() {
  const nlohmann::json j = nlohmann::json::parse(huawei_body);
  if (j.at("error_code") != "IAM.0004") fail("nlohmann_json reads another code");
#if defined(ERRCAT_BENCH_JSON)
  const errcat::error err = errcat::parse_response(404, huawei_body);
  if (err.entry() != iam::catalog.find("IAM.0004")) fail("parse_response finds another entry");
  if (err.code() != j.at("error_code").get<std::string>()) fail("parse_response: code");
  if (err.message() != j.at("error_msg").get<std::string>()) fail("parse_response: message");
  if (err.request_id() != j.at("request_id").get<std::string>()) fail("parse_response: id");
  if (err.value_of("target_id") != std::optional<std::string_view>(target_id)) {
    fail("parse_response does not recover target_id");
  }
#endif
}

void add_parse() {
  add("parse/nlohmann_json::parse", [] {
    nlohmann::json j = nlohmann::json::parse(huawei_body);
    benchmark::DoNotOptimize(&j);
  });
#if defined(ERRCAT_BENCH_JSON)
  add("parse/errcat::parse_response", [] {
    errcat::error err = errcat::parse_response(404, huawei_body);
    benchmark::DoNotOptimize(&err);
  });
#endif
}

// --- the ratio table ---------------------------------------------------------------------

struct result {
  double ns = 0;
  double allocs = 0;
};

// Prints what the console reporter prints and keeps the medians for the ratio table.
class ratio_reporter : public benchmark::ConsoleReporter {
 public:
  using benchmark::ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.error_occurred) continue;
      const std::string name = r.run_name.str();
      const double allocs =
          r.counters.count("allocs/op") != 0 ? r.counters.at("allocs/op").value : 0.0;
      const double ops = r.counters.count("ops/iter") != 0 ? r.counters.at("ops/iter").value : 1.0;
      const double ns = r.GetAdjustedCPUTime() / std::max(ops, 1.0);
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median") {
        medians[name] = {ns, allocs};
      } else if (r.run_type == Run::RT_Iteration) {
        single[name].push_back({ns, allocs});
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // The median of the repetitions (or of the single runs when none were aggregated).
  std::optional<result> get(const std::string& name) const {
    if (auto it = medians.find(name); it != medians.end()) return it->second;
    auto it = single.find(name);
    if (it == single.end() || it->second.empty()) return std::nullopt;
    std::vector<result> v = it->second;
    std::sort(v.begin(), v.end(), [](const result& a, const result& b) { return a.ns < b.ns; });
    return v[v.size() / 2];
  }

 private:
  std::map<std::string, result> medians;
  std::map<std::string, std::vector<result>> single;
};

struct row {
  std::string bench;     // full benchmark name
  double target = 0;     // 0: no target
  bool at_most = false;  // the ratio must stay at or below the target
};

struct group {
  std::string title;
  std::string subject;         // the benchmark every ratio divides by
  double subject_allocs = -1;  // allocations the subject must make per operation (-1: any)
  std::vector<row> rows;
};

// Prints the table and returns the number of missed targets.
int print_ratios(const ratio_reporter& rep, const std::vector<group>& groups) {
  std::printf(
      "\nRatio table: medians of the repetitions; ratio = variant time / time of the row "
      "marked *\n%-26s %-36s %9s %9s %7s  %s\n",
      "group", "variant", "ns/op", "allocs/op", "ratio", "target");
  int missed = 0;
  for (const group& g : groups) {
    const auto subject = rep.get(g.subject);
    if (!subject) continue;
    std::vector<row> rows = {{g.subject}};
    rows.insert(rows.end(), g.rows.begin(), g.rows.end());
    bool first = true;
    for (const row& r : rows) {
      const auto res = rep.get(r.bench);
      if (!res) continue;
      const double ratio = res->ns / subject->ns;
      std::string verdict;
      if (r.target > 0) {
        const bool met = r.at_most ? ratio <= r.target : ratio >= r.target;
        verdict =
            fmt::format("{} {:.1f} {}", r.at_most ? "<=" : ">=", r.target, met ? "met" : "MISSED");
        missed += met ? 0 : 1;
      } else if (&r == &rows.front() && g.subject_allocs >= 0) {
        const bool met = res->allocs == g.subject_allocs;
        verdict = fmt::format("{} alloc/op {}", g.subject_allocs, met ? "met" : "MISSED");
        missed += met ? 0 : 1;
      }
      const std::string label = (&r == &rows.front() ? "* " : "  ") + r.bench;
      std::printf("%-26s %-36s %9.1f %9.2f %7.2f  %s\n", first ? g.title.c_str() : "",
                  label.c_str(), res->ns, res->allocs, ratio, verdict.c_str());
      first = false;
    }
  }
  return missed;
}

bool has_flag(int argc, char** argv, std::string_view flag) {
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]).starts_with(flag)) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  // Defaults that make the table meaningful on a noisy machine; any of them can be given
  // on the command line instead.
  std::vector<char*> args(argv, argv + argc);
  std::vector<std::string> defaults;
  if (!has_flag(argc, argv, "--benchmark_repetitions")) {
    defaults.push_back("--benchmark_repetitions=7");
  }
  if (!has_flag(argc, argv, "--benchmark_min_time")) defaults.push_back("--benchmark_min_time=0.1");
  if (!has_flag(argc, argv, "--benchmark_display_aggregates_only")) {
    defaults.push_back("--benchmark_display_aggregates_only=true");
  }
  if (!has_flag(argc, argv, "--benchmark_enable_random_interleaving")) {
    defaults.push_back("--benchmark_enable_random_interleaving=true");
  }
  for (std::string& d : defaults)
    args.push_back(d.data());
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;

  // Lookup inputs: every distinct code, shuffled; unknown codes; one 1 MB "code".
  const baselines base(iam::catalog);
  std::mt19937 rng(20240607);
  std::vector<std::string_view> valid;
  for (const errcat::code_key& k : iam::catalog.keys)
    valid.push_back(k.code);
  std::shuffle(valid.begin(), valid.end(), rng);
  const std::vector<std::string> invalid_storage = invalid_codes(iam::catalog);
  std::vector<std::string_view> invalid(invalid_storage.begin(), invalid_storage.end());
  std::shuffle(invalid.begin(), invalid.end(), rng);
  const std::string huge = "IAM.0004" + std::string(std::size_t{1} << 20, 'x');
  const std::vector<std::string_view> oversized = {huge};

  const render_case r0004 = case_0004();
  const render_case r0012 = case_0012();

  // Correctness first: every variant must agree before anything is timed.
  check_lookups(base, valid, true);
  check_lookups(base, invalid, false);
  check_lookups(base, oversized, false);
  check_render(r0004);
  check_render(r0012);
  check_make();
  check_parse();
  std::printf(
      "errcat_bench: all variants agree (%zu valid codes, %zu invalid ones, 1 MB input, "
      "2 messages, make%s)\n",
      valid.size(), invalid.size(),
#if defined(ERRCAT_BENCH_JSON)
      ", parse_response");
#else
      "; parse_response skipped: built without errcat::json");
#endif

  const std::vector<std::pair<std::string, const std::vector<std::string_view>*>> sets = {
      {"lookup valid", &valid}, {"lookup invalid", &invalid}, {"lookup 1 MB", &oversized}};
  for (const auto& [name, codes] : sets) {
    // iam::find has the catalog's hash constants compiled in; catalog.find reads them
    // from the catalog object, which the generated source defines.
    add_lookup(name + "/errcat iam::find", *codes, [](std::string_view c) { return iam::find(c); });
    add_lookup(name + "/errcat catalog.find", *codes,
               [](std::string_view c) { return iam::catalog.find(c); });
    add_lookup(name + "/unordered_map", *codes,
               [&base](std::string_view c) { return base.find_hashed(c); });
    add_lookup(name + "/std::map", *codes,
               [&base](std::string_view c) { return base.find_ordered(c); });
    add_lookup(name + "/sorted array", *codes,
               [&base](std::string_view c) { return base.find_sorted(c); });
  }
  add_render(r0004);
  add_render(r0012);
  add_make();
  add_parse();

  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);

  std::vector<group> groups;
  for (const auto& [name, codes] : sets) {
    groups.push_back({name,
                      name + "/errcat iam::find",
                      0,
                      {{name + "/errcat catalog.find"},
                       {name + "/unordered_map", 8},
                       {name + "/std::map"},
                       {name + "/sorted array"}}});
  }
  for (const std::string code : {"IAM.0004", "IAM.0012"}) {
    const std::string g = "render " + code;
    groups.push_back({g + " to string",
                      g + " string/errcat",
                      1,
                      {{g + " string/errcat render<>"},
                       {g + " string/fmt::format", 1.6},
                       {g + " string/snprintf"},
                       {g + " string/find-and-replace"}}});
    groups.push_back({g + " to buffer",
                      g + " buffer/errcat",
                      0,
                      {{g + " string/fmt::format", 2.5}, {g + " buffer/fmt::format_to"}}});
  }
  // A typed error (message and values in one allocation) against formatting the message
  // alone: make<> at least 1.2 times as fast, the run-time make at least 0.9 times.
  groups.push_back({"make IAM.0004 checked",
                    "make IAM.0004/errcat make<>",
                    1,
                    {{"make IAM.0004/fmt::format message", 1.2}}});
  groups.push_back({"make IAM.0004 run-time",
                    "make IAM.0004/errcat make(code, named)",
                    1,
                    {{"make IAM.0004/fmt::format message", 0.9}}});
  groups.push_back({"parse_response",
                    "parse/nlohmann_json::parse",
                    -1,
                    {{"parse/errcat::parse_response", 1.3, true}}});
  const int missed = print_ratios(reporter, groups);
  std::printf("\n%d target(s) missed\n", missed);
  benchmark::Shutdown();
  return 0;
}
