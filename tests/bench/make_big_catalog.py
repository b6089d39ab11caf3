#!/usr/bin/env python3
"""Writes a synthetic catalog JSON of N rows, shaped like the cloud's published tables,
for measuring what a large catalog costs to generate and to compile.

    tests/bench/make_big_catalog.py N OUT.json [--service NAME] [--prefixes K]

Rows cycle through the statuses 400, 401, 403, 404, 409, 429, 500 and 503; codes are
`PREFIX.NNNN` (PREFIX one of K prefixes, default 1: `BIG`, then `BIG2`, `BIG3`, ...;
more than 10,000 rows per prefix use five digits). Every third message has a named
parameter, every fifth an integer and a positional pair, and one row in fifty repeats
the previous row's code under another status, as `APIG.0201` does. The output depends
only on the arguments.
"""
import argparse
import json

STATUSES = [400, 401, 403, 404, 409, 429, 500, 503]
WORDS = ["quota", "volume", "instance", "network", "subnet", "key", "bucket", "policy",
         "user", "group", "image", "flavor", "snapshot", "listener", "certificate", "zone"]


def message_for(i):
    w = WORDS[i % len(WORDS)]
    if i % 5 == 0:
        return (f"The {w} %s has %d items; at most %(limit)d are allowed.",
                [f"{w}_id", "count"])
    if i % 3 == 0:
        return (f"The {w} %({w}_name)s does not exist or cannot be used here.", None)
    return (f"The request for the {w} failed because of rule {i}.", None)


def rows(n, prefixes):
    per_prefix = (n + prefixes - 1) // prefixes
    width = 5 if per_prefix > 9999 else 4
    out = []
    i = 0
    while len(out) < n:
        p = i // per_prefix
        prefix = "BIG" if p == 0 else f"BIG{p + 1}"
        number = i % per_prefix + 1
        status = STATUSES[i % len(STATUSES)]
        code = f"{prefix}.{number:0{width}d}"
        if i % 50 == 49 and out:
            code = out[-1]["code"]
            status = 502 if out[-1]["status"] != 502 else 504
        message, params = message_for(i)
        row = {
            "status": status,
            "code": code,
            "name": f"error_{prefix.lower()}_{number}_{i}",
            "message": message,
            "description": f"Synthetic row {i} of a large catalog.",
            "remediation": "Nothing to do: this catalog exists to be measured.",
        }
        if params:
            row["params"] = params
        out.append(row)
        i += 1
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--service", default="big")
    ap.add_argument("--prefixes", type=int, default=1)
    a = ap.parse_args()
    doc = {
        "service": a.service,
        "namespace": f"errcat_bench::{a.service}",
        "title": f"A synthetic catalog of {a.n} rows",
        "source": "tests/bench/make_big_catalog.py",
        "errors": rows(a.n, a.prefixes),
    }
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
