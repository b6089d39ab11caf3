// Timing for the tests that prove a cost grows linearly (hostile input): the fastest of
// several runs, which filters out the noise of a shared machine better than a mean.
#pragma once

#include <algorithm>
#include <chrono>

namespace errcat_test {

/// The fastest of `runs` calls of `f`, in seconds.
template <class F>
double fastest(int runs, F f) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const std::chrono::duration<double> d = std::chrono::steady_clock::now() - t0;
    best = std::min(best, d.count());
  }
  return best;
}

}  // namespace errcat_test
