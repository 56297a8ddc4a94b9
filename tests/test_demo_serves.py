"""`haven demo` as the README runs it: seeded (the duplicate search runs the
linkage engine in that process), then served by gunicorn workers that answer.
Forking workers from a process where DuckDB had started its threads made
them crash on their first request; the demo now serves from a new process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

START_TIMEOUT = 300


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_demo_serves_after_seeding(tmp_path):
    port = _free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["HAVEN_DATA_DIR"] = str(tmp_path)
    server = subprocess.Popen(
        [sys.executable, "-m", "haven.cli", "demo", "--size", "60", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            try:
                if _status(f"{base}/help/") == 200:
                    break
            except OSError:
                pass  # not listening yet
            assert time.monotonic() < deadline, "the demo did not start serving"
            time.sleep(1)
        # Every worker answers, again and again (a crashed worker gives no answer).
        statuses = [_status(f"{base}/help/") for _ in range(12)]
        statuses += [_status(f"{base}/accounts/sign-in/") for _ in range(6)]
        assert statuses == [200] * 18
        assert server.poll() is None
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    assert "SIGSEGV" not in output
    assert "[5/5] Serving on" in output
