"""deploy/serve.py without starting anything: the cookie secret, the generated HAProxy and supervisord files, and
the message when haproxy is missing. The running layout is tested in tests/e2e/test_serve.py."""

import configparser
import os
import shutil
import stat

import pytest

import settings
from deploy import serve


@pytest.fixture
def args(tmp_path):
    return serve.parse(["--workers", "3", "--port", "9000", "--host", "127.0.0.1", "--run-dir", str(tmp_path)])


def test_the_secret_is_made_once_private_and_an_environment_value_wins(tmp_path):
    first = serve.cookie_secret(tmp_path, {})
    path = tmp_path / "cookie-secret"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first) >= 40 and serve.cookie_secret(tmp_path, {}) == first
    assert (
        serve.cookie_secret(tmp_path, {settings.BY_NAME["COOKIE_SECRET"].env: "shared-by-every-machine"})
        == "shared-by-every-machine"
    )
    path.chmod(0o644)
    with pytest.raises(SystemExit, match="chmod 600"):
        serve.cookie_secret(tmp_path, {})


def test_defaults_are_the_public_edition_on_every_interface(monkeypatch):
    for name in ("WORKERS", "PORT", "HOST", "WORKER_PORTS", settings.UPLOADS_VAR):
        monkeypatch.delenv(name, raising=False)
    defaults = serve.parse([])
    assert defaults.uploads == "off" and defaults.port == 8501 and defaults.host == "0.0.0.0"
    assert serve.worker_ports(defaults) == [8502 + i for i in range(defaults.workers)]
    assert serve.bind_address("0.0.0.0", 8501) == "*:8501" and serve.bind_address("::", 80) == "[::]:80 v4v6"


def test_haproxy_config_is_sticky_checked_and_passes_websockets(args, tmp_path):
    text = serve.render(args, tmp_path, "/usr/sbin/haproxy")["haproxy.cfg"].read_text()
    assert "bind 127.0.0.1:9000" in text
    assert f"cookie {serve.COOKIE} insert indirect nocache" in text
    assert "timeout tunnel 1h" in text and "option redispatch" in text
    assert "http-check send meth GET uri /_stcore/health" in text and "http-check expect string ok" in text
    servers = [line.split() for line in text.splitlines() if line.strip().startswith("server ")]
    assert servers == [["server", f"w{i}", f"127.0.0.1:{9000 + i}", "check", "cookie", f"w{i}"] for i in (1, 2, 3)]
    assert stat.S_IMODE((tmp_path / "haproxy.cfg").stat().st_mode) == 0o600


@pytest.mark.skipif(
    not (shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin")), reason="haproxy not installed"
)
def test_haproxy_accepts_the_generated_config(args, tmp_path):
    import subprocess

    haproxy = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin")
    path = serve.render(args, tmp_path, haproxy)["haproxy.cfg"]
    check = subprocess.run([haproxy, "-c", "-f", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_supervisord_keeps_every_process_up_in_the_foreground(args, tmp_path):
    conf = configparser.RawConfigParser()
    conf.read_string(serve.render(args, tmp_path, "/usr/sbin/haproxy")["supervisord.conf"].read_text())
    assert conf["supervisord"]["nodaemon"] == "true"
    workers = [f"program:w{i}" for i in (1, 2, 3)]
    for section in [*workers, "program:haproxy"]:
        assert (
            conf[section]["autorestart"] == "true"
            and conf[section]["stopasgroup"] == "true"
            and conf[section]["killasgroup"] == "true"
        )
    command = conf["program:w2"]["command"]
    assert "-m streamlit run asgi.py --server.port=9002 --server.address=127.0.0.1" in command
    for flag in serve.STREAMLIT_FLAGS:
        assert flag in command
    assert "cookieSecret" not in command and "cookie_secret" not in conf["program:w2"].get("environment", "").lower()
    assert conf["group:workers"]["programs"] == "w1,w2,w3"


def test_without_haproxy_it_says_how_to_install_it(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("HAPROXY", raising=False)
    monkeypatch.setattr(serve.shutil, "which", lambda *a, **k: None)
    assert serve.main(["--run-dir", str(tmp_path)]) != 0
    assert "apt-get install -y haproxy" in capsys.readouterr().err
    assert not (tmp_path / "supervisord.conf").exists()


def test_a_normal_start_and_stop_have_nothing_to_alarm_about(args, tmp_path):
    """supervisord runs as its user and locks its socket with a password (both were CRIT lines at every start); HAProxy
    starts once the workers answer (its failed first checks were DOWN and ALERT lines) and stops before them."""
    conf = configparser.RawConfigParser()
    conf.read_string(serve.render(args, tmp_path, "/usr/sbin/haproxy")["supervisord.conf"].read_text())
    assert conf["supervisord"]["user"] == str(os.getuid())
    server, client = conf["unix_http_server"], conf["supervisorctl"]
    assert (server["username"], server["password"]) == (client["username"], client["password"])
    assert len(server["password"]) >= 32
    command = conf["program:haproxy"]["command"]
    assert "-m deploy.when_ready --ports 9001,9002,9003 -- /usr/sbin/haproxy -db -f " in command
    assert int(conf["group:workers"]["priority"]) < int(conf["program:haproxy"]["priority"])
