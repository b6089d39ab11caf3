#!/usr/bin/env python3
"""`errcat serve` through the real binary, with the curl command as the client.

Usage: serve_test.py ERRCAT CURL CASE [WORKDIR]
Each CASE is one ctest test; every wait is bounded, and the server is killed if a case
fails while it runs.
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

ERRCAT, CURL, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
WORKDIR = sys.argv[4] if len(sys.argv) > 4 else tempfile.mkdtemp()
TIMEOUT = 10


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def start(*args):
    """Starts errcat serve; returns the process and its port, read from the first line."""
    proc = subprocess.Popen([ERRCAT, "serve", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = read_line(proc)
    m = re.fullmatch(r"listening on http://127\.0\.0\.1:(\d+)\n", line)
    if not m:
        proc.kill()
        fail("the first line is not 'listening on http://127.0.0.1:PORT': %r (stderr: %r)"
             % (line, proc.stderr.read()))
    return proc, int(m.group(1))


def read_line(proc):
    import selectors
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    if not sel.select(TIMEOUT):
        proc.kill()
        fail("no output within %d s" % TIMEOUT)
    return proc.stdout.readline()


def get(port, path="/"):
    """GET with curl -i: (status, headers dict in lower case, body)."""
    out = subprocess.run([CURL, "-si", "--max-time", str(TIMEOUT), "http://127.0.0.1:%d%s" % (port, path)],
                         capture_output=True, timeout=TIMEOUT + 5)
    if out.returncode != 0:
        fail("curl failed (%d): %s" % (out.returncode, out.stderr.decode(errors="replace")))
    head, _, body = out.stdout.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body.decode()


def finish(proc, expect_exit=0):
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        fail("errcat serve did not end within %d s" % TIMEOUT)
    if proc.returncode != expect_exit:
        fail("exit %d, expected %d (stderr: %r)" % (proc.returncode, expect_exit, err))
    return out, err


def write_script(steps, name="script.json"):
    path = os.path.join(WORKDIR, name)
    with open(path, "w") as f:
        f.write(steps if isinstance(steps, str) else json.dumps(steps))
    return path


def case_listening_line():
    proc, port = start("--code", "IAM.0004", "target=user", "target_id=42", "--count", "1")
    if not 0 < port < 65536:
        fail("port %d" % port)
    status, headers, body = get(port, "/v3/users/42")
    if status != 404 or json.loads(body)["error_code"] != "IAM.0004":
        fail("unexpected answer %d %s" % (status, body))
    if headers.get("content-type") != "application/json;charset=utf-8" or len(headers.get("x-request-id", "")) != 32:
        fail("unexpected headers %r" % headers)
    finish(proc)


def case_script_in_order():
    path = write_script({"steps": [
        {"code": "IAM.0012", "values": {"threshold": 10, "period_seconds": 60},
         "headers": {"Retry-After": "1"}},
        {"code": "IAM.0004", "style": "keystone", "values": {"target": "user", "target_id": "42"}},
        {"status": 200, "body": "{\"token\":{}}"},
    ]})
    proc, port = start("--script", path, "--header", "X-Fake: yes", "--count", "4")
    answers = [get(port, "/step%d" % i) for i in range(4)]
    statuses = [a[0] for a in answers]
    if statuses != [429, 404, 200, 200]:
        fail("statuses %r, expected [429, 404, 200, 200]" % statuses)
    if answers[0][1].get("retry-after") != "1":
        fail("step 0 has no Retry-After: %r" % answers[0][1])
    if json.loads(answers[1][2]) != {"error": {"code": 404, "message": "Could not find user: 42.",
                                               "title": "Not Found"}}:
        fail("step 1 body %r" % answers[1][2])
    if answers[3][2] != "{\"token\":{}}" or any(a[1].get("x-fake") != "yes" for a in answers):
        fail("the last step did not repeat with the extra header: %r" % (answers[3],))
    out, _ = finish(proc)
    if out.strip() != "stopped after 4 requests":
        fail("final output %r" % out)


def case_count_ends():
    proc, port = start("--code", "IAM.0012", "threshold=1", "period_seconds=1", "--count", "2")
    get(port)
    time.sleep(0.2)
    if proc.poll() is not None:
        fail("ended after 1 of 2 requests")
    get(port)
    finish(proc, 0)


def case_malformed_script():
    path = write_script([{"status": 200}, {"code": "IAM.0004", "values": {"tgt": "x"}}], "bad.json")
    proc = subprocess.run([ERRCAT, "serve", "--script", path], capture_output=True, text=True,
                          timeout=TIMEOUT)
    if proc.returncode != 2:
        fail("exit %d, expected 2" % proc.returncode)
    expected = ("errcat serve: %s: step 1: IAM.0004 has no parameter \"tgt\" "
                "(its parameters: target, target_id)\n" % path)
    if proc.stderr != expected:
        fail("stderr %r, expected %r" % (proc.stderr, expected))
    if "listening" in proc.stdout:
        fail("it listened before refusing the script")
    broken = write_script("[{\"code\": \"IAM.0004\",", "broken.json")
    proc = subprocess.run([ERRCAT, "serve", "--script", broken], capture_output=True, text=True,
                          timeout=TIMEOUT)
    if proc.returncode != 2 or proc.stderr != "errcat serve: %s: not valid JSON\n" % broken:
        fail("broken JSON: exit %d, stderr %r" % (proc.returncode, proc.stderr))


def case_signal(sig):
    proc, port = start("--code", "IAM.0004", "target=user", "target_id=1")
    get(port)
    proc.send_signal(sig)
    out, _ = finish(proc, 0)
    if out.strip() != "stopped after 1 request":
        fail("final output %r" % out)


def case_refuses_other_hosts():
    proc = subprocess.run([ERRCAT, "serve", "--listen", "0.0.0.0:0", "--code", "IAM.0004"],
                          capture_output=True, text=True, timeout=TIMEOUT)
    if proc.returncode != 2 or "--listen must be 127.0.0.1:PORT" not in proc.stderr:
        fail("exit %d, stderr %r" % (proc.returncode, proc.stderr))


CASES = {
    "listening_line": case_listening_line,
    "script_in_order": case_script_in_order,
    "count_ends": case_count_ends,
    "malformed_script": case_malformed_script,
    "sigterm": lambda: case_signal(signal.SIGTERM),
    "sigint": lambda: case_signal(signal.SIGINT),
    "refuses_other_hosts": case_refuses_other_hosts,
}

if __name__ == "__main__":
    os.makedirs(WORKDIR, exist_ok=True)
    CASES[CASE]()
    print("ok: " + CASE)
