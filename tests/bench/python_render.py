#!/usr/bin/env python3
"""Renders IAM.0004 and IAM.0012 the way OpenStack Keystone produces such messages
(`template % values`), timed with timeit, for the table in tests/bench/README.md beside errcat_bench.

Prints nanoseconds per operation: the median of several timeit repeats. Like the C++
bench's table it counts CPU time (time.process_time), which a busy shared machine
disturbs less than wall-clock time."""

import statistics
import sys
import time
import timeit

# The same templates and values as tests/bench/errcat_bench.cpp.
CASES = [
    (
        "IAM.0004",
        "Could not find %(target)s: %(target_id)s.",
        {"target": "user", "target_id": "07609fb9358010e21f7bc003751c7c32"},
        "Could not find user: 07609fb9358010e21f7bc003751c7c32.",
    ),
    (
        "IAM.0012",
        "The throttling threshold has been reached. Threshold: %d times per %d seconds",
        (100, 60),
        "The throttling threshold has been reached. Threshold: 100 times per 60 seconds",
    ),
]


def main() -> int:
    repeats = 7
    number = 200_000
    print(f"Python {sys.version.split()[0]}: template % values, "
          f"median of {repeats} x {number} calls, CPU time")
    for code, template, values, expected in CASES:
        got = template % values
        if got != expected:
            print(f"python_render.py: {code} gives {got!r}, not {expected!r}", file=sys.stderr)
            return 1
        timer = timeit.Timer("template % values",
                             globals={"template": template, "values": values},
                             timer=time.process_time)
        runs = timer.repeat(repeat=repeats, number=number)
        ns = statistics.median(runs) / number * 1e9
        print(f"{code:10} {ns:8.1f} ns/op")
    return 0


if __name__ == "__main__":
    sys.exit(main())
