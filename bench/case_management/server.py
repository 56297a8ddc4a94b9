"""A real gunicorn serving haven's WSGI application with the production
settings on loopback, started and stopped by the benchmark.

Production settings redirect plain HTTP to HTTPS; as behind a TLS proxy,
HAVEN_PROXY_SSL_HEADER=true and every request carries X-Forwarded-Proto: https.
"""

from __future__ import annotations

import http.client
import os
import secrets
import signal
import socket
import subprocess
import time

from bench.case_management import environment

HOST = "127.0.0.1"
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "Host": HOST}
START_TIMEOUT = 90


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, target: environment.Target, *, workers: int, threads: int) -> None:
        self.target = target
        self.workers = workers
        self.threads = threads
        self.port = _free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        environment.OUT_DIR.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.update(environment.process_environment(self.target))
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "haven.settings.production",
                "HAVEN_SECRET_KEY": secrets.token_urlsafe(64),
                "HAVEN_ALLOWED_HOSTS": HOST,
                "HAVEN_PROXY_SSL_HEADER": "true",
            }
        )
        command = [
            environment.python(),
            "-m",
            "gunicorn",
            "haven.wsgi:application",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(self.workers),
            "--threads",
            str(self.threads),
            "--worker-class",
            "gthread",
            "--timeout",
            "60",
            "--keep-alive",
            "30",
            # As `haven serve`: access logs carry URLs only.
            "--access-logfile",
            str(environment.OUT_DIR / "gunicorn-access.log"),
            "--error-logfile",
            str(environment.OUT_DIR / "gunicorn-error.log"),
        ]
        self.process = subprocess.Popen(
            command,
            cwd=environment.REPOSITORY,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(
                    f"bench: gunicorn exited ({self.process.returncode}); see "
                    f"{environment.OUT_DIR / 'gunicorn-error.log'}"
                )
            try:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=5)
                connection.request("GET", "/api/v1/me/", headers=PROXY_HEADERS)
                status = connection.getresponse().status
                connection.close()
                if status in (200, 401, 403):
                    return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise SystemExit("bench: gunicorn did not answer in time")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        # Only the gunicorn this benchmark started: its master, then its group.
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
