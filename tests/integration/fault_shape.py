"""Faults injected into the production shape (bench/prod_local.py) for the fault tests: DFDG
stopped, hung or answering 5xx, the outbox worker killed, PostgreSQL restarted; and a person
reporting sick through it all over HTTP, as a browser would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
import psycopg

from bench.prod_local import VENV_BIN, ProductionShape, gunicorn_args
from bench.run import KEY, _csrf, copenhagen_today, login

# What a 5xx page of the app's own looks like (gunicorn's bare "Internal Server Error" has no
# layout): only the store-unavailable page may be one, and only while PostgreSQL restarts.
OWN_PAGE = 'id="main-content"'

# Answers 503 to everything, as a DFDG whose every call fails would.
FAILING_DFDG = """
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class Failing(BaseHTTPRequestHandler):
    def _fail(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = b'{"title": "internal error", "status": 503}'
        self.send_response(503)
        self.send_header("Content-Type", "application/problem+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _fail
    def log_message(self, *args):
        pass

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Failing).serve_forever()
"""


@dataclass
class Report:
    """One person's sickness report through the web app, and everything it met on the way."""

    index: int
    reference: str | None = None
    send_seconds: float = 0.0
    statuses: list[int] = field(default_factory=list)
    bare_5xx: list[str] = field(default_factory=list)  # what a 5xx that is not our page said
    own_5xx: int = 0
    receipt: str = ""


def _login(shape: ProductionShape, index: int) -> httpx.Client:
    """Logged in through the MitID simulator. Its codes are in a file every web worker shares
    (MITID_SIM_STORE_PATH), so the callback may reach any worker: a login is never tried twice."""
    client = login(shape.web_url, index)
    client.timeout = httpx.Timeout(60)
    return client


class Person:
    def __init__(self, shape: ProductionShape, index: int) -> None:
        self.shape = shape
        self.index = index
        self.client = _login(shape, index)

    def log_in_again(self) -> httpx.Response:
        """A new login (a new session), as after closing the browser."""
        self.client.close()
        self.client = _login(self.shape, self.index)
        return self.client.get("/min-side/")

    def _call(self, report: Report, method: str, path: str, **kwargs: object) -> httpx.Response:
        """A request; our own 5xx page (the store restarting) is tried again, as it says."""
        for _attempt in range(30):
            response = self.client.request(method, path, **kwargs)  # type: ignore[arg-type]
            report.statuses.append(response.status_code)
            if response.status_code < 500:
                return response
            if OWN_PAGE not in response.text:
                report.bare_5xx.append(f"{method} {path}: {response.text[:200]}")
                return response
            report.own_5xx += 1
            time.sleep(1)
        return response

    def report_sickness(self) -> Report:
        report = Report(self.index)
        day = copenhagen_today() - timedelta(days=1)
        self._call(report, "GET", "/sygemelding/")
        form = self._call(report, "GET", "/sygemelding/foerste-sygedag")
        answered = self._call(
            report,
            "POST",
            "/sygemelding/foerste-sygedag",
            data={
                "csrf_token": _csrf(form.text),
                "first_day-day": str(day.day),
                "first_day-month": str(day.month),
                "first_day-year": str(day.year),
            },
        )
        assert answered.status_code == 302, answered.text[:500]
        check = self._call(report, "GET", "/sygemelding/tjek")
        key = KEY.search(check.text)
        assert key is not None, check.text[:500]
        began = time.monotonic()
        sent = self._call(
            report,
            "POST",
            "/sygemelding/send",
            data={"csrf_token": _csrf(check.text), "key": key.group(1)},
        )
        report.send_seconds = time.monotonic() - began
        location = sent.headers.get("location", "")
        if sent.status_code == 302 and location.startswith("/kvittering/"):
            report.reference = location.rsplit("/", 1)[-1]
            report.receipt = self._call(report, "GET", location).text
        return report


# -- the faults --------------------------------------------------------------------------------


def _stop(shape: ProductionShape, name: str, sig: int = signal.SIGTERM) -> None:
    process = shape.processes[name]
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def start_dfdg(shape: ProductionShape) -> None:
    args = gunicorn_args(
        "jobnet.dfdg.wsgi:app", shape.dfdg_port, shape.dfdg_workers, shape.dfdg_threads
    )
    shape._start("dfdg", args, shape.dfdg_env())
    shape._wait_for(f"{shape.dfdg_url}/api/v1/health", "dfdg")


def start_worker(shape: ProductionShape) -> None:
    flask = str(VENV_BIN / "flask")
    shape._start(
        "outbox", [flask, "--app", "app", "outbox", "work", "--interval", "1"], shape.web_env()
    )


@contextmanager
def dfdg_stopped(shape: ProductionShape) -> Iterator[None]:
    _stop(shape, "dfdg")
    try:
        yield
    finally:
        start_dfdg(shape)


@contextmanager
def dfdg_hung(shape: ProductionShape) -> Iterator[None]:
    """DFDG's processes frozen: connections are taken, and nothing ever answers."""
    group = shape.processes["dfdg"].pid
    os.killpg(group, signal.SIGSTOP)
    try:
        yield
    finally:
        os.killpg(group, signal.SIGCONT)


@contextmanager
def dfdg_failing(shape: ProductionShape) -> Iterator[None]:
    """Something on DFDG's address answering 503 to every call."""
    _stop(shape, "dfdg")
    shape._start("failing-dfdg", [sys.executable, "-c", FAILING_DFDG, str(shape.dfdg_port)], {})
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{shape.dfdg_url}/api/v1/health", timeout=1).status_code == 503:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    try:
        yield
    finally:
        _stop(shape, "failing-dfdg")
        start_dfdg(shape)


@contextmanager
def worker_killed_mid_delivery(shape: ProductionShape) -> Iterator[None]:
    """The reports wait while DFDG is stopped; when it is back, the worker is killed (SIGKILL)
    as it delivers them, and a new one takes over once the dead one's leases run out."""
    _stop(shape, "dfdg")
    try:
        yield
    finally:
        start_dfdg(shape)
        make_due(shape)
        time.sleep(1.2)  # the worker's round begins delivering
        _stop(shape, "outbox", signal.SIGKILL)
        expire_leases(shape)
        start_worker(shape)


@contextmanager
def database_restarted(shape: ProductionShape, after_seconds: float = 2.0) -> Iterator[None]:
    """PostgreSQL restarted (fast shutdown) while the reports are being sent."""
    cluster = shape.cluster
    assert cluster is not None

    def restart() -> None:
        time.sleep(after_seconds)
        # With its log file, as the cluster was started: without one the new server writes to
        # pg_ctl's output, which then never ends, and this thread would wait for ever.
        log = str(cluster.dir / "log")
        cluster._run("pg_ctl", "-D", str(cluster.data), "-m", "fast", "-w", "-l", log, "restart")

    restarting = threading.Thread(target=restart)
    restarting.start()
    try:
        yield
    finally:
        restarting.join()


# -- the stores, read and nudged directly --------------------------------------------------------


def _connect(shape: ProductionShape, database: str) -> psycopg.Connection:
    assert shape.cluster is not None
    return psycopg.connect(
        f"host=127.0.0.1 port={shape.cluster.port} user={shape.cluster.user} dbname={database}",
        autocommit=True,
    )


def make_due(shape: ProductionShape) -> None:
    """Every waiting command due now: the back-off after a fault is not what is tested."""
    with _connect(shape, "jobnet_web") as connection:
        connection.execute(
            "UPDATE outbox_commands SET next_attempt_at = now() WHERE status = 'received'"
        )


def expire_leases(shape: ProductionShape) -> None:
    """A dead worker's leases, run out (they would after a minute)."""
    with _connect(shape, "jobnet_web") as connection:
        connection.execute(
            "UPDATE outbox_commands SET lease_until = NULL WHERE status = 'received'"
        )


def outbox_statuses(shape: ProductionShape, references: list[str]) -> dict[str, tuple[str, object]]:
    with _connect(shape, "jobnet_web") as connection:
        rows = connection.execute(
            "SELECT reference, status, rejection FROM outbox_commands WHERE reference = ANY(%s)",
            (references,),
        ).fetchall()
    return {reference: (status, rejection) for reference, status, rejection in rows}


def registered_in_dfdg(shape: ProductionShape, references: list[str]) -> dict[str, int]:
    with _connect(shape, "dfdg") as connection:
        rows = connection.execute(
            "SELECT source_reference, count(*) FROM absences "
            "WHERE source_reference = ANY(%s) GROUP BY source_reference",
            (references,),
        ).fetchall()
    return {reference: count for reference, count in rows}


def settle(shape: ProductionShape, references: list[str], timeout: float = 120) -> None:
    """Wait until the worker has delivered every one (or DFDG refused it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        waiting = [r for r, (s, _) in outbox_statuses(shape, references).items() if s == "received"]
        if not waiting:
            return
        make_due(shape)
        time.sleep(1.5)
    raise AssertionError(f"still waiting after {timeout} s: {waiting}")


class HealthWatch(threading.Thread):
    """Asks /health every 0.2 s (with a session cookie) and keeps every answer that was not 200."""

    def __init__(self, base: str, cookies: httpx.Cookies) -> None:
        super().__init__(daemon=True)
        self.client = httpx.Client(base_url=base, cookies=cookies, timeout=10)
        self.failures: list[str] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                status = self.client.get("/health").status_code
                if status != 200:
                    self.failures.append(str(status))
            except httpx.HTTPError as error:
                self.failures.append(type(error).__name__)
            self.stopping.wait(0.2)

    def stop(self) -> list[str]:
        self.stopping.set()
        self.join(timeout=15)
        self.client.close()
        return self.failures
