"""Print a benchmark result (bench/results/<label>.json) as the Markdown table in
docs/performance.md, each figure also as a ratio to the bare Flask route.

    .venv/bin/python bench/report.py bench/results/demo.json [bench/results/scale.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

BARE_ROWS = ("bare Flask route", "bare Flask route, again")


def ceiling(rows: dict[str, Any]) -> dict[str, Any]:
    """The faster of the bare rows (the machine's speed drifts during a run): every ratio is
    taken against it, the less flattering choice."""
    measured = [rows[name] for name in BARE_ROWS if name in rows]
    return max(measured, key=lambda row: row["rps"])


def ceiling_cpu_ms(rows: dict[str, Any]) -> float:
    """The bare route's CPU per request, the lower of its rows."""
    totals = [
        sum(rows[name].get("cpu_ms_per_request", {}).values()) for name in BARE_ROWS if name in rows
    ]
    return min((total for total in totals if total), default=1.0)


def table(result: dict[str, Any]) -> str:
    rows = result["rows"]
    bare = ceiling(rows)
    probe = " / ".join(f"{v:.0f}" for v in result["machine"].get("speed_probe_ms", [])) or "–"
    lines = [
        f"**{result['label']}** — {result['users']} concurrent users, {result['seconds']:g} s per "
        f"row; web {result['shape']['web_workers']} workers × {result['shape']['web_threads']} "
        f"threads, DFDG {result['shape']['dfdg_workers']} workers × "
        f"{result['shape'].get('dfdg_threads', 4)} threads",
        "",
        "× bare is against the faster of the two bare rows "
        f"({bare['rps']:.0f} req/s, p95 {bare['p95_ms']:.0f} ms). The machine's speed probe "
        f"(bench/run.py `speed_probe_ms`, lower is faster): {probe} ms before and after.",
        "",
        "| what | req/s | × bare | p50 ms | p95 ms | p99 ms | p95 ÷ bare p95 | requests | errors "
        "| load (1 min) |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    lines_cpu = [
        "",
        "CPU time the servers spent per request (from /proc, so other load on the machine does "
        "not inflate it), and the throughput that implies on the machine's free cores:",
        "",
        "| what | web ms | DFDG ms | PostgreSQL ms | bare ms | total ms | req/s on "
        f"{result['machine']['cpus']} free cores | × bare |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    cores = result["machine"]["cpus"]
    bare_cpu = ceiling_cpu_ms(rows)
    for name, row in rows.items():
        cpu = row.get("cpu_ms_per_request")
        if not cpu:
            continue
        total = sum(v for k, v in cpu.items() if k != "outbox")
        capacity = cores * 1000 / total if total else 0
        lines_cpu.append(
            f"| {name} | {cpu.get('web', 0):.1f} | {cpu.get('dfdg', 0):.1f} | "
            f"{cpu.get('postgres', 0):.1f} | {cpu.get('bare', 0):.1f} | {total:.1f} | "
            f"{capacity:.0f} | {bare_cpu / total:.2f} |"
        )
    for name, row in rows.items():
        if "skipped" in row:
            lines.append(f"| {name} | – | – | – | – | – | – | – | – | skipped: {row['skipped']} |")
            continue
        rps = f"{row['rps']:.1f}" if row["rps"] else "–"
        ratio = f"{row['rps'] / bare['rps']:.2f}" if row["rps"] else "–"
        lines.append(
            f"| {name} | {rps} | {ratio} | {row['p50_ms']:.0f} | {row['p95_ms']:.0f} | "
            f"{row['p99_ms']:.0f} | {row['p95_ms'] / bare['p95_ms']:.1f} | {row['requests']} | "
            f"{row['errors']} | {row.get('load_average_1m', '')} |"
        )
    lines += lines_cpu
    rss = result.get("rss_mb", {})
    visit = result.get("first_visit", {})
    lines += [
        "",
        f"Web worker RSS after the run: {', '.join(f'{v:.0f}' for v in rss.get('web_workers', []))}"
        f" MB; DFDG workers: {', '.join(f'{v:.0f}' for v in rss.get('dfdg_workers', []))} MB.",
        f"First visit to Min side: {visit.get('bytes', 0) / 1024:.0f} KB over the wire "
        f"(page + {visit.get('files', 0)} linked files + {visit.get('fonts', 0)} fonts).",
    ]
    chromium = result.get("first_visit_chromium")
    if chromium:
        lines.append(
            f"First visit to Min side in Chromium, empty cache: {chromium['bytes'] / 1024:.0f} KB "
            f"in {chromium['requests']} requests ({', '.join(chromium['files'])})."
        )
    return "\n".join(lines)


def main() -> None:
    for path in sys.argv[1:]:
        print(table(json.loads(Path(path).read_text())))
        print()


if __name__ == "__main__":
    main()
