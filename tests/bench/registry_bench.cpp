// errcat_registry_bench: a lookup across every bundled catalog (errcat::find_bundled)
// beside one std::unordered_map<std::string, const entry*> built from the same codes, for
// codes from any service and for codes no service documents. Prints the medians and the
// ratio (target: at least 8x) at the end. Run once, e.g.
//   errcat_registry_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <errcat/registry.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

using errcat::entry;

struct code_sets {
  std::vector<std::string> valid;    // every distinct bundled code, as documented
  std::vector<std::string> invalid;  // codes no catalog documents, of the same shapes
  std::unordered_map<std::string, const entry*> map;

  code_sets() {
    for (const errcat::bundled_catalog& c : errcat::bundled_catalogs()) {
      for (const entry& e : *c.catalog) {
        if (map.emplace(std::string(e.code), &e).second) valid.emplace_back(e.code);
      }
    }
    for (const std::string& code : valid) {
      // The same code with its last character changed until no catalog has it.
      std::string bad = code;
      for (char c : std::string_view("~#@!%^&*")) {
        bad.back() = c;
        if (errcat::find_bundled(bad).empty() && map.count(bad) == 0) break;
      }
      invalid.push_back(bad);
    }
    std::mt19937 rng(14);
    std::shuffle(valid.begin(), valid.end(), rng);
    std::shuffle(invalid.begin(), invalid.end(), rng);
  }
};

const code_sets& sets() {
  static const code_sets s;
  return s;
}

std::vector<std::string_view> views(const std::vector<std::string>& v) {
  return {v.begin(), v.end()};
}

template <class Find>
void register_walk(const std::string& name, std::vector<std::string_view> codes, Find find) {
  benchmark::RegisterBenchmark(name.c_str(), [codes = std::move(codes), find](benchmark::State& s) {
    for (auto _ : s) {
      for (std::string_view c : codes) {
        const entry* e = find(c);
        benchmark::DoNotOptimize(e);
      }
    }
    s.counters["ns/lookup"] = benchmark::Counter(
        static_cast<double>(codes.size()),
        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  });
}

class median_reporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> ns;
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.error_occurred) continue;
      const bool median = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
      if (median || (r.run_type == Run::RT_Iteration && ns.count(r.run_name.str()) == 0))
        ns[r.run_name.str()] = r.counters.at("ns/lookup").value * 1e9;
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const code_sets& s = sets();
  const auto registry = [](std::string_view c) { return errcat::find_bundled(c).front().entry; };
  const auto map = [&s](std::string_view c) -> const entry* {
    // As users write it: a std::string made from the string_view for the key.
    const auto it = s.map.find(std::string(c));
    return it == s.map.end() ? nullptr : it->second;
  };
  for (const std::string& c : s.valid) {
    if (registry(c) == nullptr || map(c) == nullptr) {
      std::fprintf(stderr, "lookup of %s failed\n", c.c_str());
      return 1;
    }
  }
  for (const std::string& c : s.invalid) {
    if (registry(c) != nullptr || map(c) != nullptr) {
      std::fprintf(stderr, "invalid code %s was found\n", c.c_str());
      return 1;
    }
  }
  const std::string all = "bundled (" + std::to_string(errcat::bundled_catalogs().size()) +
                          " catalogs, " + std::to_string(s.valid.size()) + " codes)";
  for (const auto& [set, codes] : {std::pair{std::string("valid"), views(s.valid)},
                                   std::pair{std::string("invalid"), views(s.invalid)}}) {
    register_walk(all + " " + set + "/errcat::find_bundled", codes, registry);
    register_walk(all + " " + set + "/unordered_map", codes, map);
  }
  median_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::printf("\n%-60s %10s %10s %8s\n", "lookup across bundled catalogs", "errcat ns", "map ns",
              "ratio");
  bool ok = true;
  for (const std::string set : {"valid", "invalid"}) {
    const std::string base = all + " " + set;
    const auto a = reporter.ns.find(base + "/errcat::find_bundled");
    const auto b = reporter.ns.find(base + "/unordered_map");
    if (a == reporter.ns.end() || b == reporter.ns.end()) continue;
    const double ratio = b->second / a->second;
    ok = ok && ratio >= 8;
    std::printf("%-60s %10.2f %10.2f %7.1fx%s\n", base.c_str(), a->second, b->second, ratio,
                ratio >= 8 ? "" : "  (target 8x missed)");
  }
  benchmark::Shutdown();
  return ok ? 0 : 1;
}
