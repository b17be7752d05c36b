"""Start Jobnet's production shape on this machine, throwaway and loopback only.

    .venv/bin/python bench/prod_local.py [--web-workers 4]
        [--seed-persons 2000 --seed-records 20000] [--for-seconds 60]

What runs (each its own process, as in production; see docs/production.md):
- a throwaway PostgreSQL cluster (tests/pg_cluster.py) with two databases, `jobnet_web` and
  `dfdg`, migrated with Alembic: `flask --app app db upgrade` and DFDG's own
  `flask --app jobnet.dfdg:create_dfdg_app dfdg migrate`;
- DFDG's demo data (`dfdg load-demo`) and, if asked, made-up persons (`dfdg seed-scale`), then
  the public statistics computed over them (`dfdg stats-compute`);
- the DFDG service: gunicorn `jobnet.dfdg.wsgi:app`;
- the web app: gunicorn `app:app`, reaching DFDG over HTTP at DFDG_BASE_URL;
- the outbox worker: `flask --app app outbox work`.

Secrets are generated for the run. The web app runs with JOBNET_ENV=development: that is the
production *shape* (PostgreSQL, separate services, no embedded worker, no auto-migration, no
demo data loaded by the web app) but with the MitID simulator, because the benchmark logs in.
Production itself refuses the simulator; nothing here loosens that.

Without --for-seconds it runs until Ctrl-C; `bench/run.py` uses `ProductionShape` directly.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pg_cluster import PostgresCluster, _free_port  # noqa: E402

VENV_BIN = ROOT / ".venv" / "bin"
NGINX = shutil.which("nginx") or next(
    (str(p) for p in (Path("/usr/sbin/nginx"), Path("/usr/local/sbin/nginx")) if p.exists()), None
)


def gunicorn_args(app: str, port: int, workers: int, threads: int) -> list[str]:
    return [
        str(VENV_BIN / "gunicorn"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "gthread",
        "--keep-alive",
        "30",
        "--log-level",
        "warning",
        app,
    ]


class ProductionShape:
    def __init__(
        self,
        *,
        web_workers: int = 4,
        web_threads: int = 2,
        dfdg_workers: int = 2,
        dfdg_threads: int = 4,
        seed_persons: int = 0,
        seed_records: int = 0,
        log: bool = True,
        web_app: str = "app:app",
        front: bool = False,
        web_settings: dict[str, str] | None = None,
    ) -> None:
        self.web_workers, self.web_threads = web_workers, web_threads
        self.dfdg_workers, self.dfdg_threads = dfdg_workers, dfdg_threads
        self.seed_persons, self.seed_records = seed_persons, seed_records
        self.log = log
        self.web_app = web_app  # bench/floor_app.py's "bench.floor_app:app" adds the floor pages
        self.tmp = Path(tempfile.mkdtemp(prefix="jobnet-prod-"))
        self.cluster: PostgresCluster | None = None
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.web_port, self.dfdg_port, self.bare_port = _free_port(), _free_port(), _free_port()
        self.dfdg_token = secrets.token_urlsafe(32)
        # With `front`, nginx listens on web_port and passes requests whole to gunicorn on
        # gunicorn_port (deploy/nginx-jobnet.conf): slow clients then hold no web thread.
        self.front = front
        self.gunicorn_port = _free_port() if front else self.web_port
        self.web_url = f"http://127.0.0.1:{self.web_port}"
        self.dfdg_url = f"http://127.0.0.1:{self.dfdg_port}"
        self.bare_url = f"http://127.0.0.1:{self.bare_port}"
        self.timings: dict[str, float] = {}
        # Settings of the web app's own for this run (environment variables), over the above.
        self.web_settings = dict(web_settings or {})

    # -- environment -----------------------------------------------------------------------

    def _base_env(self) -> dict[str, str]:
        keep = ("PATH", "HOME", "LANG", "LC_ALL", "TZ")
        env = {key: os.environ[key] for key in keep if key in os.environ}
        env["PYTHONPATH"] = str(ROOT)
        env["JOBNET_ENV"] = "development"
        env["AUTO_MIGRATE"] = "false"
        env["LOAD_DEMO_DATA"] = "false"
        return env

    def dfdg_env(self) -> dict[str, str]:
        assert self.cluster is not None
        return {
            **self._base_env(),
            "DFDG_DATABASE_URL": self.cluster.url("dfdg"),
            "DFDG_SYSTEM_TOKENS": f"jobnet-web={self.dfdg_token}",
            "SECRET_KEY": secrets.token_urlsafe(48),
        }

    def web_env(self) -> dict[str, str]:
        assert self.cluster is not None
        return {
            **self._base_env(),
            "SECRET_KEY": self.secret_key,
            "DATABASE_URL": self.cluster.url("jobnet_web"),
            "DFDG_BASE_URL": self.dfdg_url,
            "DFDG_API_TOKEN": self.dfdg_token,
            "OUTBOX_WORKER_EMBEDDED": "false",
            "MITID_SIMULATOR_ENABLED": "true",
            "MITID_SIM_KEY_PATH": str(self.tmp / "mitid-sim-key.json"),
            "MITID_SIM_STORE_PATH": str(self.tmp / "mitid-sim.sqlite"),
            "PUBLIC_BASE_URL": self.web_url,
            **self.web_settings,
        }

    # -- steps -----------------------------------------------------------------------------

    def _say(self, message: str) -> None:
        if self.log:
            print(f"[prod-local] {message}", flush=True)

    def _run(self, args: list[str], env: dict[str, str]) -> None:
        result = subprocess.run(  # noqa: S603 - our own commands
            args, env=env, cwd=ROOT, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        for line in result.stdout.strip().splitlines():
            self._say("  " + line)

    def _start(self, name: str, args: list[str], env: dict[str, str]) -> None:
        # Appended to: a service started again (the fault tests do) keeps its earlier lines.
        with open(self.tmp / f"{name}.log", "ab") as log:  # the process has its own copy
            self.processes[name] = subprocess.Popen(  # noqa: S603 - our own commands
                args,
                env=env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def _wait_for(self, url: str, name: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            process = self.processes.get(name)
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"{name} exited; see {self.tmp / (name + '.log')}")
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{name} did not become ready at {url}")

    def start(self) -> ProductionShape:
        began = time.monotonic()
        self.secret_key = secrets.token_urlsafe(48)
        self.cluster = PostgresCluster().start()
        self.cluster.create_database("jobnet_web")
        self.cluster.create_database("dfdg")
        self._say(f"PostgreSQL on 127.0.0.1:{self.cluster.port} ({self.cluster.dir})")
        flask = str(VENV_BIN / "flask")
        self._run([flask, "--app", "app", "db", "upgrade"], self.web_env())
        dfdg_app = "jobnet.dfdg:create_dfdg_app"
        self._run([flask, "--app", dfdg_app, "dfdg", "migrate"], self.dfdg_env())
        self._run([flask, "--app", dfdg_app, "dfdg", "load-demo"], self.dfdg_env())
        self.timings["migrate_and_demo_s"] = time.monotonic() - began
        if self.seed_persons:
            seeding = time.monotonic()
            self._run(
                [
                    flask,
                    "--app",
                    dfdg_app,
                    "dfdg",
                    "seed-scale",
                    "--persons",
                    str(self.seed_persons),
                    "--records",
                    str(self.seed_records),
                ],
                self.dfdg_env(),
            )
            self.timings["seed_s"] = time.monotonic() - seeding
        # The public statistics answer from precomputed figures: compute them over everything
        # loaded, as the monthly run would, and keep how long that took.
        computing = time.monotonic()
        self._run([flask, "--app", dfdg_app, "dfdg", "stats-compute"], self.dfdg_env())
        self.timings["stats_compute_s"] = time.monotonic() - computing
        self._start(
            "dfdg",
            gunicorn_args(
                "jobnet.dfdg.wsgi:app", self.dfdg_port, self.dfdg_workers, self.dfdg_threads
            ),
            self.dfdg_env(),
        )
        self._wait_for(f"{self.dfdg_url}/api/v1/health", "dfdg")
        self._start(
            "web",
            gunicorn_args(self.web_app, self.gunicorn_port, self.web_workers, self.web_threads),
            self.web_env(),
        )
        if self.front:
            self._start("nginx", self.nginx_args(), self._base_env())
        self._start(
            "bare",
            gunicorn_args("bench.bare_app:app", self.bare_port, self.web_workers, self.web_threads),
            self._base_env(),
        )
        self._start(
            "outbox",
            [flask, "--app", "app", "outbox", "work", "--interval", "1"],
            self.web_env(),
        )
        self._wait_for(f"{self.web_url}/ready", "web")
        self._wait_for(f"{self.bare_url}/", "bare")
        front = " behind nginx" if self.front else ""
        self._say(f"web app  {self.web_url}  ({self.web_workers} workers{front})")
        self._say(f"DFDG     {self.dfdg_url}/api/v1/health  ({self.dfdg_workers} workers)")
        self._say(f"bare     {self.bare_url}/")
        self._say(f"logs     {self.tmp}")
        return self

    def nginx_args(self) -> list[str]:
        """nginx in the foreground with deploy/nginx-jobnet.conf filled in for this run."""
        template = (ROOT / "deploy" / "nginx-jobnet.conf").read_text()
        conf = (
            template.replace("@TMP@", str(self.tmp))
            .replace("@UPSTREAM@", f"127.0.0.1:{self.gunicorn_port}")
            .replace("@LISTEN@", f"127.0.0.1:{self.web_port}")
        )
        # As root, nginx's workers would run as nobody, who may not write this run's folder.
        user = "user root;\n" if os.geteuid() == 0 else ""
        path = self.tmp / "nginx.conf"
        path.write_text(user + "daemon off;\n" + conf)
        return [NGINX or "nginx", "-q", "-c", str(path), "-p", str(self.tmp)]

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for name, process in self.processes.items():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                self._say(f"{name} killed")
        if self.cluster is not None:
            self.cluster.stop()
            self.cluster = None

    def __enter__(self) -> ProductionShape:
        return self.start()

    def __exit__(
        self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- facts -----------------------------------------------------------------------------

    def worker_pids(self, name: str) -> list[int]:
        """The gunicorn workers (children) of `name`'s master process."""
        return _children(self.processes[name].pid)

    def postgres_pids(self) -> list[int]:
        """The PostgreSQL server processes (the postmaster and its children)."""
        assert self.cluster is not None
        master = int((self.cluster.data / "postmaster.pid").read_text().split()[0])
        return [master, *_children(master)]

    def service_cpu_seconds(self) -> dict[str, float]:
        """CPU time used so far by each service; PostgreSQL's processes are found afresh."""
        pids = self.service_pids()
        postgres = pids.pop("postgres")
        used = {group: cpu_seconds(found) for group, found in pids.items()}
        used["postgres"] = cpu_seconds(postgres[:1], with_reaped_children=True) + cpu_seconds(
            postgres[1:]
        )
        return used

    def service_pids(self) -> dict[str, list[int]]:
        return {
            "web": self.worker_pids("web"),
            "dfdg": self.worker_pids("dfdg"),
            "bare": self.worker_pids("bare"),
            "postgres": self.postgres_pids(),
            "outbox": [self.processes["outbox"].pid],
        }


def _children(parent: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return found


def cpu_seconds(pids: list[int], *, with_reaped_children: bool = False) -> float:
    """User + system CPU time the processes have used so far; with `with_reaped_children`,
    also that of their children that have already exited (PostgreSQL's backends come and go)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
        if with_reaped_children:
            total += int(fields[13]) + int(fields[14])
    return total / ticks


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--web-workers", type=int, default=4)
    parser.add_argument("--seed-persons", type=int, default=0)
    parser.add_argument("--seed-records", type=int, default=0)
    parser.add_argument("--for-seconds", type=float, default=0, help="stop after this long")
    parser.add_argument(
        "--no-front", action="store_true", help="gunicorn alone, without nginx in front"
    )
    args = parser.parse_args()
    shape = ProductionShape(
        web_workers=args.web_workers,
        seed_persons=args.seed_persons,
        seed_records=args.seed_records,
        front=NGINX is not None and not args.no_front,
    )
    with shape:
        print(f"Jobnet (production shape) is up at {shape.web_url}  - Ctrl-C stops everything")
        deadline = time.monotonic() + args.for_seconds if args.for_seconds else None
        try:
            while deadline is None or time.monotonic() < deadline:
                time.sleep(1)
        except KeyboardInterrupt:
            pass


def _exit_on_sigterm() -> None:
    """`timeout` and service managers send SIGTERM: leave through `with`, stopping everything."""
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))


if __name__ == "__main__":
    _exit_on_sigterm()
    main()
