"""Min side's CPU per view, two commits side by side in process: one `min_side_inprocess.py
--serve` process per worktree, warmed up, then short rounds alternated A, B, B, A, … so that
drift in the machine's speed (other processes, frequency) falls on both alike. Prints every
round, each pair's ratio B ÷ A, and the medians.
Usage: .venv/bin/python bench/min_side_ab.py BEFORE_DIR AFTER_DIR [--cpr 0507921457] [--pairs 20]
[--n 100] (each directory needs its compiled catalogue and `.venv`)."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "min_side_inprocess.py"


def _start(directory: Path, cpr: str, lang: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(  # noqa: S603 - this interpreter and script, our arguments
        [sys.executable, str(SCRIPT), "--serve", "--cpr", cpr, "--lang", lang],
        cwd=directory,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    ready = process.stdout.readline()
    assert ready.startswith("ready"), f"{directory}: {ready!r}"
    return process


def _round(process: subprocess.Popen[str], n: int) -> float:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(f"{n}\n")
    process.stdin.flush()
    return float(process.stdout.readline())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--cpr", default="0507921457")
    parser.add_argument("--lang", default="da")
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--n", type=int, default=100)
    args = parser.parse_args()
    a = _start(args.before, args.cpr, args.lang)
    b = _start(args.after, args.cpr, args.lang)
    ratios, before, after = [], [], []
    try:
        for i in range(args.pairs):
            first, second = (a, b) if i % 2 == 0 else (b, a)
            x = _round(first, args.n)
            y = _round(second, args.n)
            ms_a, ms_b = (x, y) if first is a else (y, x)
            before.append(ms_a)
            after.append(ms_b)
            ratios.append(ms_b / ms_a)
            change = ms_b / ms_a - 1
            print(f"pair {i + 1:2d}: before {ms_a:.2f} ms, after {ms_b:.2f} ms, {change:+.1%}")
    finally:
        for process in (a, b):
            process.terminate()
    load = os.getloadavg()[0]
    print(
        f"{args.cpr} ({args.lang}), {args.pairs} pairs of {args.n} views, load {load:.2f}: "
        f"before median {statistics.median(before):.2f} ms, after median "
        f"{statistics.median(after):.2f} ms; pair ratio median {statistics.median(ratios) - 1:+.1%}"
        f" (quartiles {statistics.quantiles(ratios, n=4)[0] - 1:+.1%} to "
        f"{statistics.quantiles(ratios, n=4)[2] - 1:+.1%})"
    )


if __name__ == "__main__":
    main()
