"""The benchmark: start the production shape, load it, write the table (not a test).

    .venv/bin/python bench/run.py [--users 16] [--seconds 15] [--label demo]
        [--seed-persons 2000 --seed-records 20000] [--out bench/results/demo.json]
        [--web-workers 4 --web-threads 2 --dfdg-workers 2 --dfdg-threads 4] [--quick] [--floor]

One run measures, at `--users` concurrent virtual users, each for at most `--seconds`:
the bare Flask route (the ceiling), the landing page, the public statistics page (from the
precomputed figures), Min side (each user logged in once through
the MitID simulator as its own person), My Plan and the joblog list (skipped if the app has no
such page), a sickness report end to end (each one by a fresh registered person: form, check
answers, send - written through to DFDG - and the receipt), and DFDG's own status and CPR lookup
calls. It also reads the web workers' resident memory from /proc and what a first visit to Min
side transfers. Loopback only; bounded in time and in count; stops by itself.

`--quick` measures only the bare route and Min side (with the bare route again after it), to
compare settings such as the worker shape side by side. `--floor` serves the web app with the
two pages of bench/floor_app.py and measures them after Min side: a logged-in page without a
DFDG call, and one with a single audited DFDG read, the least a page of this shape does.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import re
import signal
import statistics
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.prod_local import ProductionShape, rss_mb  # noqa: E402
from jobnet.dfdg.seed import seed_cpr, seed_person_id  # noqa: E402

CSRF = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)
KEY = re.compile(r'name="key" type="hidden" value="([^"]+)"')
MAX_REQUESTS_PER_USER = 5000
FLOOR_ROWS = (
    ("floor: logged in, no DFDG call", "/bench/floor/logged-in"),
    ("floor: one audited DFDG read", "/bench/floor/dfdg-read"),
)
REPORTS_READY_PER_USER = 25


class Exhausted(Exception):
    """A virtual user has nothing left to do (no fresh person left to report sick)."""


def _csrf(html: str) -> str:
    match = CSRF.search(html)
    if not match:
        raise RuntimeError("no csrf_token on the page")
    return match.group(1) or match.group(2)


def _client(base: str) -> httpx.Client:
    return httpx.Client(
        base_url=base,
        timeout=30,
        headers={"Accept-Encoding": "gzip", "Accept-Language": "da"},
        follow_redirects=False,
    )


def login(base: str, index: int) -> httpx.Client:
    """A client logged in as seeded person `index`, through the MitID simulator."""
    client = _client(base)
    start = client.get("/auth/login")
    authorize = start.headers["location"]
    page = client.get(authorize)
    back = client.post(
        authorize,
        data={
            "csrf_token": _csrf(page.text),
            "level": "Substantial",
            "action": "login",
            "person": "other",
            "cpr": seed_cpr(index),
            "given_name": "Test",
            "family_name": f"Person {index}",
        },
    )
    if back.status_code != 302:
        raise RuntimeError(f"simulator refused the login: {back.status_code}")
    done = client.get(back.headers["location"])
    if done.status_code != 302:
        raise RuntimeError(f"callback failed: {done.status_code} {done.text[:300]}")
    return client


def summarise(latencies: list[float], elapsed: float, errors: int) -> dict[str, Any]:
    ordered = sorted(latencies) or [0.0]

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000

    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
        "mean_ms": statistics.fmean(ordered) * 1000,
    }


def run_load(users: list[Any], seconds: float, one: Callable[[Any], list[float]]) -> dict[str, Any]:
    """Every user calls `one(state)` in a loop until `seconds` pass; `one` returns the
    latencies it measured. Returns the summary."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    barrier = threading.Barrier(len(users))

    def loop(state: Any) -> None:
        barrier.wait()
        mine: list[float] = []
        for _ in range(MAX_REQUESTS_PER_USER):
            if time.monotonic() >= stop_at:
                break
            try:
                mine.extend(one(state))
            except Exhausted:
                break
            except Exception as error:  # counted, and the first few shown
                with lock:
                    errors[0] += 1
                    if errors[0] <= 3:
                        print(f"  error: {type(error).__name__}: {str(error)[:200]}", flush=True)
        with lock:
            latencies.extend(mine)

    began = time.monotonic()
    threads = [threading.Thread(target=loop, args=(state,)) for state in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summarise(latencies, time.monotonic() - began, errors[0])


def timed_get(client: httpx.Client, path: str, expect: int = 200) -> float:
    began = time.perf_counter()
    response = client.get(path)
    took = time.perf_counter() - began
    if response.status_code != expect:
        raise RuntimeError(f"GET {path}: {response.status_code}")
    return took


def copenhagen_today() -> date:
    from datetime import datetime

    return datetime.now(ZoneInfo("Europe/Copenhagen")).date()


class Submitter:
    """Sickness reports end to end, each by a fresh seeded person.

    The persons are logged in before the row starts (`prepare`): a login is the MitID
    simulator's RSA signing and the app's token checks, not part of a report, and doing it
    inside the timed row would load the machine with work the row does not measure."""

    def __init__(self, base: str, first: int, last: int) -> None:
        self.base = base
        self.next = first
        self.last = last
        self.lock = threading.Lock()
        self.ready: queue.Queue[httpx.Client] = queue.Queue()
        self.exhausted = False
        self.send: list[float] = []
        self.journey: list[float] = []

    def person(self) -> int:
        with self.lock:
            if self.next >= self.last:
                raise RuntimeError("no fresh persons left to report sick")
            self.next += 1
            return self.next - 1

    def prepare(self, count: int, threads: int) -> None:
        """Log in `count` fresh persons, `threads` at a time."""
        count = min(count, self.last - self.next)

        def log_in(_: int) -> None:
            self.ready.put(login(self.base, self.person()))

        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(log_in, range(count)))

    def one(self, _state: Any) -> list[float]:
        try:
            client = self.ready.get_nowait()
        except queue.Empty:
            self.exhausted = True
            raise Exhausted from None
        yesterday = copenhagen_today() - timedelta(days=1)
        try:
            began = time.perf_counter()
            start = client.get("/sygemelding/")
            step = start.headers.get("location", "/sygemelding/foerste-sygedag")
            form = client.get(step)
            answered = client.post(
                step,
                data={
                    "csrf_token": _csrf(form.text),
                    "first_day-day": str(yesterday.day),
                    "first_day-month": str(yesterday.month),
                    "first_day-year": str(yesterday.year),
                },
            )
            if answered.status_code != 302:
                raise RuntimeError(f"first day refused: {answered.status_code}")
            check = client.get("/sygemelding/tjek")
            key = KEY.search(check.text)
            if key is None:
                raise RuntimeError("no key on the check-answers page")
            sending = time.perf_counter()
            sent = client.post(
                "/sygemelding/send", data={"csrf_token": _csrf(check.text), "key": key.group(1)}
            )
            send_took = time.perf_counter() - sending
            if sent.status_code != 302 or "/kvittering/" not in sent.headers.get("location", ""):
                raise RuntimeError(f"send failed: {sent.status_code}")
            receipt = client.get(sent.headers["location"])
            if receipt.status_code != 200:
                raise RuntimeError(f"receipt: {receipt.status_code}")
            journey_took = time.perf_counter() - began
        finally:
            client.close()
        with self.lock:
            self.send.append(send_took)
            self.journey.append(journey_took)
        return [send_took]


def first_visit_bytes(client: httpx.Client) -> dict[str, Any]:
    """What a first visit to Min side transfers with an empty cache: the page, its stylesheets,
    scripts and icon, and the fonts its text uses (regular, medium, semibold, bold; upright)."""
    total = 0
    page = client.get("/min-side/")
    total += page.num_bytes_downloaded + _header_bytes(page)
    files = re.findall(r'(?:href|src)="(/assets/[^"]+)"', page.text)
    fonts: list[str] = []
    for path in files:
        response = client.get(path)
        total += response.num_bytes_downloaded + _header_bytes(response)
        if path.endswith(".css"):
            folder = path.rsplit("/", 1)[0]
            chosen: dict[str, str] = {}
            for face in re.findall(r"@font-face\s*{[^}]*}", response.text):
                weight = re.search(r"font-weight:\s*(\d+)", face)
                url = re.search(r"url\(([^)]+\.woff2)\)", face)
                upright = "italic" not in face and "Plex" in face
                if url and weight and upright and weight.group(1) in ("400", "500", "600", "700"):
                    # A later face for the same range wins, as in the browser.
                    chosen[weight.group(1)] = _join(folder, url.group(1))
            fonts.extend(chosen.values())
    for font in fonts:
        response = client.get(font)
        total += response.num_bytes_downloaded + _header_bytes(response)
    return {"bytes": total, "files": len(files), "fonts": len(fonts)}


def first_visit_in_chromium(base: str, cookie: str) -> dict[str, Any]:
    """What Chromium transfers for Min side with an empty cache (page, stylesheets, scripts,
    icon and the fonts it actually uses): response headers plus encoded bodies."""
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("JOBNET_CHROMIUM", "/usr/bin/chromium")
    seen: list[tuple[str, int]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--disable-quic"]
        )
        context = browser.new_context()
        context.add_cookies([{"name": "jobnet_session", "value": cookie, "url": base}])
        page = context.new_page()

        def finished(request: Any) -> None:
            sizes = request.sizes()
            seen.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

        page.on("requestfinished", finished)
        page.goto(base + "/min-side/", wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_timeout(500)
        browser.close()
    return {
        "bytes": sum(size for _url, size in seen),
        "requests": len(seen),
        "files": [url.removeprefix(base) for url, _size in seen],
    }


def _join(folder: str, relative: str) -> str:
    parts = folder.split("/")
    for piece in relative.split("/"):
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _header_bytes(response: httpx.Response) -> int:
    return sum(len(k) + len(v) + 4 for k, v in response.headers.raw) + 17


def dfdg_headers(token: str, person_id: str) -> dict[str, str]:
    """A call for the citizen, with an assertion signed by the development key (the benchmark
    runs DFDG in its development configuration)."""
    from jobnet.clients.dfdg_client.assertion import AssertionSigner
    from jobnet.clients.dfdg_client.values import Actor

    assertion = AssertionSigner.development().assertion(Actor(type="citizen", id=person_id))
    return {"Authorization": f"Bearer {token}", "X-Actor-Assertion": assertion}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--web-workers", type=int, default=4)
    parser.add_argument("--web-threads", type=int, default=2)
    parser.add_argument("--dfdg-workers", type=int, default=2)
    parser.add_argument("--dfdg-threads", type=int, default=4)
    parser.add_argument("--seed-persons", type=int, default=2000)
    parser.add_argument("--seed-records", type=int, default=20000)
    parser.add_argument("--label", default="demo")
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--quick", action="store_true", help="only the bare route and Min side, for comparisons"
    )
    parser.add_argument(
        "--floor", action="store_true", help="also the two floor pages of bench/floor_app.py"
    )
    args = parser.parse_args()
    out = args.out or ROOT / "bench" / "results" / f"{args.label}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    users = args.users
    web_app = "bench.floor_app:app" if args.floor else "app:app"
    results: dict[str, Any] = {
        "label": args.label,
        "users": users,
        "seconds": args.seconds,
        "machine": {
            "cpus": os.cpu_count(),
            "cpu": _cpu_model(),
            "python": platform.python_version(),
            "kernel": platform.release(),
            "speed_probe_ms": [speed_probe_ms()],
        },
        "shape": {
            "web_workers": args.web_workers,
            "web_threads": args.web_threads,
            "dfdg_workers": args.dfdg_workers,
            "dfdg_threads": args.dfdg_threads,
            "web_app": web_app,
            "seed_persons": args.seed_persons,
            "seed_records": args.seed_records,
        },
        "rows": {},
    }
    shape = ProductionShape(
        web_workers=args.web_workers,
        web_threads=args.web_threads,
        dfdg_workers=args.dfdg_workers,
        dfdg_threads=args.dfdg_threads,
        seed_persons=args.seed_persons,
        seed_records=args.seed_records,
        web_app=web_app,
    )
    with shape:
        results["timings"] = shape.timings
        rows = results["rows"]

        cpu_before = [shape.service_cpu_seconds()]

        def measure(name: str, states: list[Any], one: Callable[[Any], list[float]]) -> None:
            cpu_before[0] = shape.service_cpu_seconds()
            record(name, run_load(states, args.seconds, one))

        def record(name: str, summary: dict[str, Any]) -> None:
            summary["load_average_1m"] = round(os.getloadavg()[0], 2)
            now = shape.service_cpu_seconds()
            used = {group: now[group] - cpu_before[0][group] for group in now}
            cpu_before[0] = now
            if summary["requests"]:
                summary["cpu_ms_per_request"] = {
                    group: round(seconds * 1000 / summary["requests"], 2)
                    for group, seconds in used.items()
                }
            rows[name] = summary
            print(
                f"{name:<28} {summary['rps']:8.1f} req/s  p50 {summary['p50_ms']:6.1f}  "
                f"p95 {summary['p95_ms']:6.1f}  p99 {summary['p99_ms']:6.1f} ms  "
                f"({summary['requests']} requests, {summary['errors']} errors)",
                flush=True,
            )

        # Warm every worker first (imports, templates, connections).
        with _client(shape.web_url) as warm:
            for _ in range(args.web_workers * 4):
                warm.get("/")
        bare = [_client(shape.bare_url) for _ in range(users)]
        measure("bare Flask route", bare, lambda c: [timed_get(c, "/")])
        anonymous = [_client(shape.web_url) for _ in range(users)]
        if not args.quick:
            measure("landing page", anonymous, lambda c: [timed_get(c, "/")])
            measure("public statistics", anonymous, lambda c: [timed_get(c, "/statistik/")])

        print(f"logging in {users} users ...", flush=True)
        citizens = [login(shape.web_url, index) for index in range(users)]
        for client in citizens:
            client.get("/min-side/")
        measure("Min side", citizens, lambda c: [timed_get(c, "/min-side/")])
        # The same page for one user alone: its latency without queueing behind the others.
        measure("Min side, 1 user", citizens[:1], lambda c: [timed_get(c, "/min-side/")])
        if args.floor:
            for name, path in FLOOR_ROWS:
                measure(name, citizens, lambda c, p=path: [timed_get(c, p)])
        # The machine's speed drifts within a run: the ceiling again, beside Min side. The report
        # compares every row with the faster of the two bare rows.
        measure("bare Flask route, again", bare, lambda c: [timed_get(c, "/")])
        if not args.quick:
            dfdg_clients = measure_the_other_rows(shape, args, citizens, measure, rows)
        else:
            dfdg_clients = []
        web_rss = [rss_mb(pid) for pid in shape.worker_pids("web")]
        dfdg_rss = [rss_mb(pid) for pid in shape.worker_pids("dfdg")]
        results["rss_mb"] = {"web_workers": web_rss, "dfdg_workers": dfdg_rss}
        print(f"RSS web workers {web_rss} MB, DFDG workers {dfdg_rss} MB", flush=True)
        fresh = _client(shape.web_url)
        fresh.cookies = citizens[0].cookies
        results["first_visit"] = first_visit_bytes(fresh)
        print(f"first visit to Min side (estimate): {results['first_visit']}", flush=True)
        if not args.quick:  # Chromium's start-up is most of a quick run's time otherwise
            try:
                cookie = citizens[0].cookies["jobnet_session"]
                results["first_visit_chromium"] = first_visit_in_chromium(shape.web_url, cookie)
                print(f"first visit (Chromium): {results['first_visit_chromium']}", flush=True)
            except Exception as error:  # Chromium is optional for the benchmark
                print(f"first visit in Chromium not measured: {error}", flush=True)
        for client in [*bare, *anonymous, *citizens, *dfdg_clients, fresh]:
            client.close()
    results["machine"]["speed_probe_ms"].append(speed_probe_ms())
    out.write_text(json.dumps(results, indent=2))
    print(f"written to {out}")


def measure_the_other_rows(
    shape: ProductionShape,
    args: argparse.Namespace,
    citizens: list[httpx.Client],
    measure: Callable[[str, list[Any], Callable[[Any], list[float]]], None],
    rows: dict[str, Any],
) -> list[httpx.Client]:
    """My Plan, the joblog list, the sickness report and DFDG's own calls; returns the DFDG
    clients for the caller to close."""
    users = args.users
    for name, path in (("My Plan", "/min-plan/"), ("joblog list", "/joblog/")):
        probe = citizens[0].get(path)
        if probe.status_code != 200:
            rows[name] = {"skipped": f"GET {path} answered {probe.status_code}"}
            print(f"{name:<28} skipped: {rows[name]['skipped']}", flush=True)
            continue
        measure(name, citizens, lambda c, p=path: [timed_get(c, p)])

    submitter = Submitter(shape.web_url, users, args.seed_persons)
    print(f"logging in {users * REPORTS_READY_PER_USER} fresh persons ...", flush=True)
    submitter.prepare(users * REPORTS_READY_PER_USER, users)
    measure("sickness report: send", [None] * users, submitter.one)
    if submitter.exhausted:
        rows["sickness report: send"]["note"] = "ran out of logged-in persons before the end"
    alone = Submitter(shape.web_url, submitter.next, args.seed_persons)
    alone.prepare(REPORTS_READY_PER_USER * 4, users)
    measure("sickness report: send, 1 user", [None], alone.one)
    journey = summarise(submitter.journey, 1.0, 0)
    journey["rps"] = 0.0
    rows["sickness report: whole journey"] = journey
    print(
        f"{'sickness report journey':<28} p50 {journey['p50_ms']:6.1f}  p95 "
        f"{journey['p95_ms']:6.1f} ms ({journey['requests']} journeys)",
        flush=True,
    )

    token = shape.dfdg_token
    step = max(args.seed_persons // 997, 1)
    people = [(i * step) % args.seed_persons for i in range(997)]
    dfdg_clients = [
        httpx.Client(base_url=shape.dfdg_url + "/api/v1", timeout=30) for _ in range(users)
    ]
    counter = [0]
    counter_lock = threading.Lock()

    def next_person() -> int:
        with counter_lock:
            counter[0] += 1
            return people[counter[0] % len(people)]

    def status(client: httpx.Client) -> list[float]:
        index = next_person()
        person = seed_person_id(index)
        began = time.perf_counter()
        response = client.get(f"/persons/{person}/status", headers=dfdg_headers(token, person))
        if response.status_code != 200:
            raise RuntimeError(f"status {response.status_code}")
        return [time.perf_counter() - began]

    def lookup(client: httpx.Client) -> list[float]:
        index = next_person()
        began = time.perf_counter()
        response = client.post(
            "/persons/lookup",
            json={"cpr": seed_cpr(index)},
            headers=dfdg_headers(token, seed_person_id(index)),
        )
        if response.status_code != 200:
            raise RuntimeError(f"lookup {response.status_code}")
        return [time.perf_counter() - began]

    measure("DFDG status (direct)", dfdg_clients, status)
    measure("DFDG lookup by CPR (direct)", dfdg_clients, lookup)

    return dfdg_clients


def speed_probe_ms() -> float:
    """CPU time of a fixed pure-Python loop, taken before and after a run: this shared virtual
    machine's speed drifts by tens of per cent, and runs are comparable only when it is alike."""
    began = time.process_time()
    total = 0
    for number in range(3_000_000):
        total += number % 7
    return round((time.process_time() - began) * 1000, 1)


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def _exit_on_sigterm() -> None:
    """`timeout` and service managers send SIGTERM: leave through `with`, stopping everything."""
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))


if __name__ == "__main__":
    _exit_on_sigterm()
    main()
