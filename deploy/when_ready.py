"""Run a command once every worker answers its health check: supervisord starts HAProxy through this.

    python -m deploy.when_ready --ports 8502,8503 [--within 120] -- /usr/sbin/haproxy -db -f haproxy.cfg

HAProxy 2.6 (Debian 12's) counts a server as up from its start, so while the workers warmed up, each start printed
DOWN warnings, an ALERT that the backend had no server, and a 503 for any request: a normal start looked like a
failure. Started once the workers answer, HAProxy's first checks pass and a normal start prints nothing alarming.
(HAProxy 3.1's `init-state down` would say the same in its config.) A worker that has not answered within --within
seconds does not hold the proxy back: it is started anyway, and HAProxy then reports that worker DOWN, as it does a
worker that dies later. Written by hand (a poll of /_stcore/health and an exec): no library does less.
"""

import argparse
import os
import sys
import time
import urllib.request

import settings

# Loopback only, and never through a proxy named in the environment (http_proxy).
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
POLL_SECONDS = 0.5


def ready(port: int, timeout: float = 2.0) -> bool:
    """Whether the worker on this loopback port answers its health check with 'ok' (a 503 while it warms up: no)."""
    try:
        with DIRECT.open(f"http://127.0.0.1:{port}/_stcore/health", timeout=timeout) as answer:
            return answer.status == 200 and answer.read().strip() == b"ok"
    except OSError:  # refused, reset, timed out, or an HTTP error status
        return False


def wait(ports: list[int], within: float) -> list[int]:
    """Poll until every port answers or `within` seconds pass; the ports still not answering."""
    deadline = time.monotonic() + within
    waiting = list(ports)
    while True:
        waiting = [port for port in waiting if not ready(port)]
        if not waiting or time.monotonic() >= deadline:
            return waiting
        time.sleep(POLL_SECONDS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.when_ready", description=__doc__.split("\n\n")[0])
    parser.add_argument("--ports", required=True, help="the workers' loopback ports, comma-separated")
    default = settings.WARM_UP_SECONDS + 60  # the warm-up's budget, after the package's validation
    parser.add_argument("--within", type=float, default=default, help=f"seconds to wait at most (default {default})")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command to run")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    late = wait([int(p) for p in args.ports.split(",") if p.strip()], args.within)
    if late:
        ports = ("port " if len(late) == 1 else "ports ") + ", ".join(map(str, late))
        print(f"serve: no health answer on {ports} after {args.within:g} s; starting the proxy anyway", flush=True)
    os.execv(command[0], command)  # noqa: S606 (the command supervisord was configured with)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
