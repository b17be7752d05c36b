"""Min side's CPU per view in one process: the embedded default (SQLite, DFDG in-process through
its WSGI transport, demo data), one logged-in demo citizen, `--rounds` rounds of `--n` views,
`time.process_time` per round. Less exposed to other load on the machine than `bench/run.py`
(it counts this process's CPU only), and it runs on any commit that has `tests/helpers.py`, so
two commits can be compared alternately. `--profile FILE` writes a cProfile of one more round.
`--serve` waits for round sizes on stdin and answers each round's ms per view on stdout, for
`bench/min_side_ab.py`, which interleaves short rounds of two commits' processes.
Usage: .venv/bin/python bench/min_side_inprocess.py [--n 400] [--rounds 3] [--lang da|en]"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.getcwd())
os.environ["JOBNET_INSTANCE_DIR"] = tempfile.mkdtemp(prefix="jobnet-minside-bench-")
os.environ["OUTBOX_WORKER_EMBEDDED"] = "false"
os.environ["ABUSE_LIMITS_ENABLED"] = "false"

from jobnet.web import create_app  # noqa: E402
from tests.helpers import login_citizen  # noqa: E402

METTE = "1203851234"


def _round(client: object, n: int) -> float:
    cpu = time.process_time()
    for _ in range(n):
        response = client.get("/min-side/")  # type: ignore[attr-defined]
        assert response.status_code == 200, response.status_code
    return (time.process_time() - cpu) / n * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cpr", default=METTE)
    parser.add_argument("--lang", default="da")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    app = create_app("development")
    client = app.test_client()
    login_citizen(client, args.cpr)
    if args.lang != "da":
        client.set_cookie("lang", args.lang)
    page = client.get("/min-side/")
    assert page.status_code == 200
    _round(client, 50)  # warm-up: caches, compiled statements, templates
    if args.serve:
        print(f"ready {len(page.data)}", flush=True)
        for line in sys.stdin:
            print(f"{_round(client, int(line)):.4f}", flush=True)
        return
    rounds = [_round(client, args.n) for _ in range(args.rounds)]
    print(
        f"{Path.cwd().name}: CPU per view {statistics.median(rounds):.2f} ms "
        f"(rounds: {', '.join(f'{r:.2f}' for r in rounds)}; page {len(page.data)} bytes)"
    )
    if args.profile:
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        _round(client, args.n)
        profiler.disable()
        profiler.dump_stats(args.profile)


if __name__ == "__main__":
    main()
