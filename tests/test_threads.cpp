// Concurrent use: 8 threads looking up, rendering, formatting, parsing and converting to
// std::error_code at the same time, sharing catalogs, categories and error objects. Run
// under the tsan preset, which turns any data race into a failure; each thread also checks
// every result against one computed before the threads start.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/render.hpp>

#include <atomic>
#include <cstddef>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#if __has_include(<errcat/format.hpp>)
#include <errcat/format.hpp>
#define ERRCAT_TEST_FORMAT 1
#endif
#if defined(ERRCAT_TEST_HAVE_JSON)
#include <errcat/json.hpp>
#endif

#include "catch.hpp"

namespace iam = errcat::iam;

namespace {

constexpr int thread_count = 8;
constexpr int rounds = 200;

// What a thread computes, computed once beforehand by the main thread.
struct expected_results {
  std::vector<std::string> rendered;  // per IAM entry, filled with "v<param index>" / param indices
  std::vector<std::string> formatted;
  std::vector<std::string> category_messages;
  std::string parsed_message;
};

std::vector<errcat::param_value> values_for(const errcat::entry& e,
                                            std::vector<std::string>& texts) {
  texts.clear();
  for (std::size_t i = 0; i < e.params.size(); ++i)
    texts.push_back("v" + std::to_string(i));
  std::vector<errcat::param_value> out;
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    if (e.params[i].kind == errcat::param_kind::integer) {
      out.emplace_back(static_cast<int>(i) * 7 - 3);
    } else {
      out.emplace_back(texts[i]);
    }
  }
  return out;
}

std::string format_of(const errcat::error& err) {
#if defined(ERRCAT_TEST_FORMAT)
  return fmt::format("{}", err);
#else
  return std::string(err.code()) + ": " + std::string(err.message());
#endif
}

const std::string body =
    R"({"error_code": "IAM.0004", "error_msg": "Could not find user: 42.", "request_id": "r1"})";

expected_results compute_expected() {
  expected_results x;
  std::vector<std::string> texts;
  for (const errcat::entry& e : iam::catalog) {
    const auto values = values_for(e, texts);
    x.rendered.push_back(errcat::render(e, values));
    std::vector<errcat::named_arg> named;
    for (std::size_t i = 0; i < e.params.size(); ++i)
      named.push_back({e.params[i].name, values[i]});
    x.formatted.push_back(format_of(errcat::make(e, named)));
    x.category_messages.push_back(iam::category().message(e.errc_value));
  }
#if defined(ERRCAT_TEST_HAVE_JSON)
  x.parsed_message = std::string(errcat::parse_response(404, body).message());
#endif
  return x;
}

}  // namespace

TEST_CASE("8 threads look up, render, format, parse and convert errors concurrently", "[threads]") {
  const expected_results x = compute_expected();
  // One error object every thread copies from, reads and modifies copies of.
  const errcat::error shared = iam::make("IAM.0004", {{"target", "user"}, {"target_id", 42}});
  std::atomic<int> failures{0};
  std::atomic<long> checks{0};
  std::atomic<bool> go{false};

  auto work = [&](int t) {
    while (!go.load(std::memory_order_acquire))
      std::this_thread::yield();
    auto expect = [&](bool ok) {
      checks.fetch_add(1, std::memory_order_relaxed);
      if (!ok) failures.fetch_add(1, std::memory_order_relaxed);
    };
    std::vector<std::string> texts;
    for (int round = 0; round < rounds; ++round) {
      // Each thread walks the catalog from a different start, so they collide on entries.
      const std::size_t n = iam::catalog.size();
      for (std::size_t k = 0; k < n; k += 3) {
        const std::size_t i = (k + static_cast<std::size_t>(t * 13 + round)) % n;
        const errcat::entry& e = iam::catalog[i];

        // Lookup: by code, by status and code, by value, by name; the alias path too.
        expect(iam::catalog.find_all(e.status, e.code).count() >= 1);
        expect(iam::catalog.find_errc_value(e.errc_value) == &e);
        expect(iam::catalog.find_name(e.name) == &e);
        expect(iam::catalog.find("IAM.9999") == nullptr);
        expect(errcat::apigw::catalog.find("APIGW.0301") ==
               errcat::apigw::catalog.find("APIG.0301"));

        // Rendering and making.
        const auto values = values_for(e, texts);
        expect(errcat::render(e, values) == x.rendered[i]);
        std::vector<errcat::named_arg> named;
        for (std::size_t p = 0; p < e.params.size(); ++p)
          named.push_back({e.params[p].name, values[p]});
        const errcat::error err = errcat::make(e, named);
        expect(err.message() == x.rendered[i]);

        // Formatting.
        expect(format_of(err) == x.formatted[i]);

        // std::error_code: the singleton categories, conditions and messages.
        const std::error_code ec = err.error_code();
        expect(ec.category() == iam::category());
        expect(ec.value() == e.errc_value);
        expect(ec == static_cast<errcat::http_status>(e.status));
        expect(ec.message() == x.category_messages[i]);
        expect(std::string(ec.category().name()) == "iam");
        expect(ec.default_error_condition().category() == errcat::http_category());
      }

      // Copies of one shared error, modified independently (copy-on-write).
      errcat::error mine = shared;
      mine.set_request_id("thread-" + std::to_string(t));
      expect(shared.request_id().empty());
      expect(mine.request_id() == "thread-" + std::to_string(t));
      expect(mine.message() == "Could not find user: 42.");

#if defined(ERRCAT_TEST_HAVE_JSON)
      const errcat::error parsed = errcat::parse_response(404, body);
      expect(parsed.entry() == iam::catalog.find("IAM.0004"));
      expect(parsed.message() == x.parsed_message);
      expect(parsed.request_id() == "r1");
      expect(parsed.value_of("target") == "user");
#endif
    }
  };

  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t)
    threads.emplace_back(work, t);
  go.store(true, std::memory_order_release);
  for (std::thread& th : threads)
    th.join();

  CHECK(failures.load() == 0);
  CHECK(checks.load() > thread_count * rounds * 10);
}

TEST_CASE("an error handed to another thread can be modified once that thread lets go",
          "[threads]") {
  // The owner modifies its error after the reader dropped its copy: copy-on-write must
  // not write into state another thread was still reading.
  std::atomic<int> failures{0};
  for (int i = 0; i < 200; ++i) {
    errcat::error mine = iam::make("IAM.0004", {{"target", "user"}, {"target_id", i}});
    std::thread reader([copy = mine, &failures, i]() mutable {
      if (copy.value_of("target_id") != std::to_string(i)) failures.fetch_add(1);
      if (!copy.request_id().empty()) failures.fetch_add(1);
      copy = errcat::error();  // let go
    });
    // Race the reader: modify while it may still be reading, or just after it let go.
    mine.set_request_id("owner");
    reader.join();
    CHECK(mine.request_id() == "owner");
  }
  CHECK(failures.load() == 0);
}
