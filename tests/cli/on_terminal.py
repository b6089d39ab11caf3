#!/usr/bin/env python3
"""Runs the errcat tool on a pseudo-terminal, where colour and the terminal's own width
apply, and checks them: colour on a terminal, none with NO_COLOR or --color never, and a
table that fits the terminal's width (read with ioctl, COLUMNS unset).

usage: on_terminal.py ERRCAT
"""
import os
import pty
import re
import struct
import sys

import fcntl
import termios

ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def run(binary, args, env_extra, columns=80):
    """The output (as text) and exit status of `binary args` on a terminal `columns` wide."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: its standard streams are the terminal
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
            env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
            env["TERM"] = "xterm"
            env.update(env_extra)
            os.execve(binary, [binary] + args, env)
        finally:
            os._exit(127)
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8"), os.waitstatus_to_exitcode(status)


def main():
    binary = sys.argv[1]
    failures = []

    def check(what, ok, output):
        print(("ok:     " if ok else "FAILED: ") + what)
        if not ok:
            failures.append(what)
            print(output)

    out, rc = run(binary, ["explain", "IAM.0004"], {})
    check("explain exits 0 on a terminal", rc == 0, out)
    check("a terminal gets colour", ESCAPE.search(out) is not None, out)
    check("colour leaves the text readable",
          "Could not find <target>: <target_id>." in ESCAPE.sub("", out), out)

    out, _ = run(binary, ["explain", "IAM.0004"], {"NO_COLOR": "1"})
    check("NO_COLOR=1 turns colour off on a terminal", "\x1b" not in out, out)

    out, _ = run(binary, ["--color", "always", "explain", "IAM.0004"], {"NO_COLOR": "yes"})
    check("NO_COLOR wins over --color always", "\x1b" not in out, out)

    out, _ = run(binary, ["explain", "IAM.0004", "--color", "never"], {})
    check("--color never turns colour off on a terminal", "\x1b" not in out, out)

    out, _ = run(binary, ["explain", "IAM.0004"], {"NO_COLOR": ""})
    check("an empty NO_COLOR is not set (no-color.org)", ESCAPE.search(out) is not None, out)

    for columns in (50, 100):
        out, rc = run(binary, ["list"], {}, columns)
        lines = ESCAPE.sub("", out).replace("\r\n", "\n").rstrip("\n").split("\n")
        widest = max(len(line) for line in lines)
        check(f"list fits a {columns}-column terminal (widest line {widest})",
              rc == 0 and widest <= columns and len(lines) > 100, out)
        check(f"list on a {columns}-column terminal uses its width (widest line {widest})",
              widest > columns - 10, out)

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
