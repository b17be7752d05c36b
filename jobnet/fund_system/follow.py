"""`funds follow FUND`: read the fund's event feed from its cursor, print or forward each event."""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

import click
import httpx
from flask import current_app
from flask.cli import AppGroup

from jobnet.fund_system.seen import SeenEvents, seen_path

funds_cli = AppGroup("funds", help="An unemployment insurance fund's own system.")

_CVR = re.compile(r"[0-9]{8}")
PAGE = 100


class FeedError(click.ClickException):
    pass


def cursor_path(fund: str, cursor_file: str | None = None) -> Path:
    if cursor_file:
        return Path(cursor_file)
    return Path(current_app.config["FUND_CURSOR_DIR"]) / f"{fund}.cursor"


def read_cursor(path: Path) -> str:
    try:
        text = path.read_text("utf-8").strip()
    except FileNotFoundError:
        return "0"
    if not text.isdigit():
        raise FeedError(f"the cursor file {path} holds no cursor")
    return text


def write_cursor(path: Path, cursor: str) -> None:
    """Replace the cursor file at once (a crash leaves the old or the new cursor, never half)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(cursor + "\n")
    os.replace(temporary, path)


def _client() -> httpx.Client:
    config = current_app.config
    token = config.get("FUND_DFDG_TOKEN") or ""
    if not token:
        raise FeedError("FUND_DFDG_TOKEN is not set: the fund's system needs its own token")
    return httpx.Client(
        base_url=str(config["FUND_DFDG_BASE_URL"]).rstrip("/"),
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
        transport=config.get("FUND_DFDG_TRANSPORT"),
        timeout=float(config.get("FUND_TIMEOUT_SECONDS", 10.0)),
    )


def fetch_page(client: httpx.Client, fund: str, after: str) -> dict[str, Any]:
    try:
        response = client.get(
            f"/api/v1/funds/{fund}/events", params={"after": after, "limit": PAGE}
        )
    except httpx.HTTPError as error:
        raise FeedError(f"DFDG did not answer: {type(error).__name__}") from None
    if response.status_code != 200:
        try:
            detail = response.json().get("detail", "")
        except ValueError:
            detail = ""
        raise FeedError(f"DFDG answered {response.status_code}: {detail}".strip())
    body: dict[str, Any] = response.json()
    return body


def forward_event(url: str, event: dict[str, Any]) -> None:
    """POST the event to the fund's own case system; the event's id lets it drop a repeat."""
    response = httpx.post(url, json=event, headers={"X-DFDG-Event-Id": event["id"]}, timeout=10)
    if not 200 <= response.status_code < 300:
        raise FeedError(f"forwarding event {event['id']} was answered {response.status_code}")


def follow(
    fund: str,
    path: Path,
    *,
    once: bool,
    interval: float,
    forward: str | None,
    seen: SeenEvents | None = None,
) -> int:
    """Read until the feed is empty (then stop if `once`, else wait `interval` and ask again).
    An event already handled (`seen`, by its id) is skipped. Returns how many were handled."""
    handled = 0
    with _client() as client:
        cursor = read_cursor(path)
        while True:
            page = fetch_page(client, fund, cursor)
            for item in page["events"]:
                event = item["event"]
                if seen is None or event["id"] not in seen:
                    if forward:
                        forward_event(forward, event)
                    else:
                        click.echo(json.dumps(event, ensure_ascii=False, sort_keys=True))
                    if seen is not None:
                        seen.add(event["id"])
                cursor = item["cursor"]
                write_cursor(path, cursor)
                handled += 1
            if page["events"]:
                continue  # ask again at once: that also acknowledges what was just handled
            if once:
                return handled
            time.sleep(interval)


@funds_cli.command("follow")
@click.argument("fund")
@click.option("--once", is_flag=True, help="Stop when the feed has nothing new.")
@click.option("--interval", type=float, default=30.0, show_default=True)
@click.option("--cursor-file", default=None, help="Default: FUND_CURSOR_DIR/<fund>.cursor")
@click.option("--forward", default=None, help="POST each event here (default: FUND_FORWARD_URL)")
def follow_command(
    fund: str, once: bool, interval: float, cursor_file: str | None, forward: str | None
) -> None:
    """Follow FUND's (its CVR number) event feed at DFDG."""
    if not _CVR.fullmatch(fund):
        raise click.BadParameter("a fund is named by its CVR number: eight digits")
    path = cursor_path(fund, cursor_file)
    target = forward or current_app.config.get("FUND_FORWARD_URL") or None
    seen = SeenEvents(seen_path(fund))
    handled = follow(fund, path, once=once, interval=interval, forward=target, seen=seen)
    click.echo(f"{handled} events; cursor {read_cursor(path)} in {path}", err=True)
