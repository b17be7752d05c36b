"""What a letter's PDF costs next to its page: the embedded default in process (SQLite, DFDG
in-process, demo data), one citizen, each route asked `--n` times in a row; wall time and the
process's CPU time per request. Usage: .venv/bin/python bench/letters_pdf.py [--n 20]"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["JOBNET_INSTANCE_DIR"] = tempfile.mkdtemp(prefix="jobnet-letters-bench-")
os.environ["OUTBOX_WORKER_EMBEDDED"] = "false"
os.environ["ABUSE_LIMITS_ENABLED"] = "false"

from jobnet.web import create_app  # noqa: E402
from tests.helpers import login_citizen  # noqa: E402

METTE = "1203851234"


def _measure(client: object, path: str, n: int) -> tuple[float, float, float, int]:
    walls, cpus, size = [], [], 0
    for _ in range(n):
        cpu, wall = time.process_time(), time.perf_counter()
        response = client.get(path)  # type: ignore[attr-defined]
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        assert response.status_code == 200, (path, response.status_code)
        size = len(response.data)
    walls.sort()
    p95 = walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))]
    return statistics.median(walls) * 1000, p95 * 1000, statistics.median(cpus) * 1000, size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20)
    n = parser.parse_args().n
    app = create_app("development")
    client = app.test_client()
    login_citizen(client, METTE)
    listing = client.get("/breve/").get_data(as_text=True)
    summons = re.search(r'href="(/breve/indkaldelse/[^"]+/\d+)"', listing)
    assert summons, "no summons letter in the demo data"
    rows = [
        ("letters list", "/breve/"),
        ("summons letter, page", summons.group(1)),
        ("summons letter, PDF", summons.group(1) + "/brev.pdf"),
        ("plan letter, page", "/breve/plan/2"),
        ("plan letter, PDF", "/breve/plan/2/brev.pdf"),
    ]
    first = time.perf_counter()
    client.get(rows[2][1])  # the first PDF loads WeasyPrint's fonts and styles
    print(f"first PDF of the process: {(time.perf_counter() - first) * 1000:.0f} ms")
    print(f"{'route':<24} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>8} {'bytes':>8}")
    for name, path in rows:
        median, p95, cpu, size = _measure(client, path, n)
        print(f"{name:<24} {median:>10.1f} {p95:>8.1f} {cpu:>8.1f} {size:>8}")


if __name__ == "__main__":
    main()
