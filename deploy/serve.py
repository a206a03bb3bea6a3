"""`make serve`: N Streamlit processes (`streamlit run asgi.py`, one per core by default) on loopback ports behind
HAProxy on one public port, kept running by supervisord in the foreground until Ctrl-C or SIGTERM.

    .venv/bin/python -m deploy.serve [--workers N] [--port 8501] [--host 0.0.0.0] [--run-dir .serve] [--uploads off]

What this file does by hand, and why: it only fills two templates (deploy/haproxy.cfg.j2, deploy/supervisord.conf.j2)
with ports and paths, keeps one cookie secret, and then replaces itself with supervisord (os.execv), so the signals
a terminal or a service manager sends go straight to supervisord, which stops every process it started (as groups).
Restarting a dead worker is supervisord's job; routing, stickiness, health checks and redispatch are HAProxy's.
HAProxy is started once the workers answer their health check (deploy/when_ready.py), so a normal start prints no
failed check.

Every worker gets the same `server.cookieSecret` (it signs Streamlit's cookies; replicas with different secrets
reject each other's): HIKIKOMORI_COOKIE_SECRET if set (share it between machines), else the file
<run-dir>/cookie-secret, made once with `secrets` and mode 0600. The secret reaches the workers through their
environment (STREAMLIT_SERVER_COOKIE_SECRET), never a command line or a config file.
"""

import argparse
import base64
import hashlib
import importlib.util
import os
import re
import secrets
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import jinja2

import settings
from core.problems import counted
from i18n import LANGUAGES, document_lang_script

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# The Content-Security-Policy the dashboard works under, found in Chromium (tests/e2e/test_proxy_hardening.py: every
# page draws with no violation): Streamlit's frontend injects its styles at run time (emotion), uses a data: favicon
# and data: fonts, compiles WebAssembly (its protobuf decoder) and talks to its own origin over a websocket. The
# hashes of the inline scripts in Streamlit's index.html are added at each start (inline_script_hashes).
DASHBOARD_CSP = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
COOKIE = "hikikomori_worker"  # the sticky cookie HAProxy inserts; its value names the worker (w1, w2, ...)
HAPROXY_HINT = (
    "haproxy is needed for `make serve`: install it with `apt-get install -y haproxy` (Debian), "
    "or set HAPROXY=/path/to/haproxy."
)
# The README's security section: XSRF and CORS on, no file watcher (edits never unload modules mid-run), no
# telemetry, no browser opened.
STREAMLIT_FLAGS = [
    "--server.headless=true",
    "--server.fileWatcherType=none",
    "--browser.gatherUsageStats=false",
    "--server.enableXsrfProtection=true",
    "--server.enableCORS=true",
]


def cookie_secret(run_dir: Path, environ: dict[str, str]) -> str:
    """The shared cookie secret: from the environment, or the run folder's file (made once, mode 0600)."""
    given = settings.value("COOKIE_SECRET", environ)
    if given:
        return given
    path = run_dir / "cookie-secret"
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise SystemExit(f"{path} is readable by others (mode {mode:o}): run `chmod 600 {path}`")
        return path.read_text().strip()
    value = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value + "\n")
    return value


def bind_address(host: str, port: int) -> str:
    """HAProxy's bind line: '*' or '' for every IPv4 interface, '::' for every interface (v4 and v6)."""
    if host in ("", "*", "0.0.0.0"):  # noqa: S104 (binding every interface is what HOST=0.0.0.0 asks for)
        return f"*:{port}"
    if ":" in host:
        return f"[{host}]:{port}" + (" v4v6" if host == "::" else "")
    return f"{host}:{port}"


def inline_script_hashes(index: Path | None = None) -> list[str]:
    """CSP sources ('sha256-…') for the inline <script>s of the installed Streamlit's index.html and the app's own."""
    if index is None:
        spec = importlib.util.find_spec("streamlit")  # finds the package without importing it
        index = Path(next(iter(spec.submodule_search_locations))) / "static" / "index.html"
    html = index.read_text(encoding="utf-8")
    bodies = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S | re.I)
    bodies += [document_lang_script(lang) for lang in LANGUAGES]  # ui/language.py's, one per language
    return [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'" for body in bodies]


def content_security_policy(frame_ancestors: str, script_hashes: list[str] | None = None) -> str:
    """The dashboard's CSP header value: DASHBOARD_CSP with Streamlit's inline-script hashes, framed by nobody
    unless origins are given."""
    hashes = inline_script_hashes() if script_hashes is None else script_hashes
    policy = {**DASHBOARD_CSP, "script-src": " ".join([DASHBOARD_CSP["script-src"], *hashes])}
    policy["frame-ancestors"] = " ".join(frame_ancestors.replace(",", " ").split()) or "'none'"
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def taken_port(host: str, port: int, worker_ports: list[int]) -> str | None:
    """A sentence naming the first port `make serve` needs (the proxy's on `host`, each worker's on loopback) that
    another process already listens on, or None when all are free."""
    wanted = [(host, port, "the proxy's port")]
    wanted += [("127.0.0.1", p, f"worker w{i + 1}'s port") for i, p in enumerate(worker_ports)]
    for address, number, role in wanted:
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as HAProxy and uvicorn do: TIME_WAIT is free
            try:
                probe.bind(("" if address in ("", "*", "0.0.0.0") else address, number))  # noqa: S104
            except OSError:
                return f"port {number} ({role}) is already in use: stop what listens there or choose another PORT"
    return None


def worker_ports(args: argparse.Namespace) -> list[int]:
    if args.worker_ports:
        ports = [int(p) for p in args.worker_ports.split(",") if p.strip()]
        if len(ports) != args.workers:
            raise SystemExit(f"--worker-ports lists {len(ports)} ports for {args.workers} workers")
        return ports
    return [args.port + 1 + i for i in range(args.workers)]


def render(args: argparse.Namespace, run_dir: Path, haproxy: str) -> dict[str, Path]:
    """Write haproxy.cfg and supervisord.conf into the run folder; returns their paths."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # noqa: S701 (config files, not HTML)
    )
    values = {
        "run_dir": run_dir,
        "root": ROOT,
        "python": sys.executable,
        "haproxy": haproxy,
        "bind": bind_address(args.host, args.port),
        "cookie_name": COOKIE,
        "workers": [(f"w{i + 1}", port) for i, port in enumerate(worker_ports(args))],
        "streamlit_flags": " ".join(STREAMLIT_FLAGS),
        "uploads": args.uploads == "on",
        "metrics": args.metrics == "on",
        "secure_cookies": args.secure_cookies == "on",
        "csp": content_security_policy(args.frame_ancestors),
        "framed": bool(args.frame_ancestors.strip()),
        "uid": os.getuid(),
        "rpc_user": "serve",
        "rpc_password": secrets.token_urlsafe(24),  # supervisorctl reads it from the same file (mode 0600)
    }
    written = {}
    for name in ("haproxy.cfg", "supervisord.conf"):
        path = run_dir / name
        path.write_text(env.get_template(name + ".j2").render(values))
        path.chmod(0o600)
        written[name] = path
    return written


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m deploy.serve", description=__doc__.split("\n\n")[0])
    workers = settings.value("WORKERS") or os.cpu_count() or 1
    parser.add_argument("--workers", type=int, default=workers, help="Streamlit processes (default: cores)")
    port = settings.value("PORT")
    parser.add_argument("--port", type=int, default=port, help="the public port HAProxy listens on (default 8501)")
    host_help = "the address HAProxy binds (default 0.0.0.0: every interface)"
    parser.add_argument("--host", default=settings.value("HOST"), help=host_help)
    ports_help = "comma-separated loopback ports (default: PORT+1 .. PORT+N)"
    parser.add_argument("--worker-ports", default=settings.value("WORKER_PORTS"), help=ports_help)
    run_dir = settings.value("SERVE_DIR", default=str(ROOT / ".serve"))
    parser.add_argument("--run-dir", default=run_dir, help="generated config, logs, sockets, the cookie secret")
    uploads = "on" if settings.value("UPLOADS", default=False) else "off"  # the public edition unless asked
    uploads_help = "serve the maintainers' upload page (default off: public edition)"
    parser.add_argument("--uploads", choices=["on", "off"], default=uploads, help=uploads_help)
    on_off = {"choices": ["on", "off"]}
    metrics = settings.value("METRICS")
    parser.add_argument("--metrics", **on_off, default=metrics, help="pass /_stcore/metrics through (default off)")
    frames = settings.value("FRAME_ANCESTORS")
    parser.add_argument("--frame-ancestors", default=frames, help="origins that may frame the dashboard (default none)")
    secure = settings.value("SECURE_COOKIES")
    parser.add_argument("--secure-cookies", **on_off, default=secure, help="mark cookies Secure (on behind TLS)")
    args = parser.parse_args(argv)
    if any(c in args.frame_ancestors for c in "\"';\n"):
        parser.error("--frame-ancestors takes origins such as https://example.org, separated by spaces")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    haproxy = settings.value("HAPROXY") or shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/sbin")
    if not haproxy:
        print(HAPROXY_HINT, file=sys.stderr)
        return 2
    supervisord = shutil.which("supervisord", path=str(Path(sys.executable).parent))
    if not supervisord:
        print(
            "supervisord not found next to this Python: run `make serve` (it installs requirements.txt)",
            file=sys.stderr,
        )
        return 2
    taken = taken_port(args.host, args.port, worker_ports(args))
    if taken:
        print(f"serve: {taken}", file=sys.stderr)
        return 2
    run_dir = Path(args.run_dir).resolve()
    run_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    secret = cookie_secret(run_dir, os.environ)
    files = render(args, run_dir, haproxy)
    check = subprocess.run([haproxy, "-c", "-q", "-f", str(files["haproxy.cfg"])], capture_output=True, text=True)
    if check.returncode != 0:
        print(f"haproxy refused {files['haproxy.cfg']}: {check.stdout}{check.stderr}", file=sys.stderr)
        return 2
    os.environ.update(
        {"STREAMLIT_SERVER_COOKIE_SECRET": secret, settings.UPLOADS_VAR: args.uploads, "PYTHONUNBUFFERED": "1"},
    )
    ports = ", ".join(str(p) for p in worker_ports(args))
    print(
        f"serve: {counted(args.workers, 'worker')} on 127.0.0.1:{ports} "
        f"behind HAProxy on {bind_address(args.host, args.port)}; "
        f"uploads {args.uploads}; config in {run_dir}. The proxy opens once every worker has warmed up; Ctrl-C stops "
        "everything.",
        flush=True,
    )
    os.chdir(ROOT)
    os.execv(supervisord, [supervisord, "-c", str(files["supervisord.conf"])])  # noqa: S606
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
