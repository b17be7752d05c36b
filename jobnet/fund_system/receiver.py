"""`funds receive FUND`: the fund's webhook receiver — DFDG pushes each event to it.

DFDG signs each push (`X-DFDG-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`,
keyed with the fund's secret, `X-DFDG-Timestamp` in seconds) and names the event
(`X-DFDG-Event-Id`). A push can come twice: DFDG records a delivery after the fund's 2xx, so a
crash between the two sends it again, with the same id. The receiver therefore dedupes on the
id: an event it has already handled is answered 200 and not handled again (`SeenEvents`, the
same file `funds follow` uses). A push with a bad signature, or a timestamp more than
`MAX_SKEW_SECONDS` from now (a replay), is refused with 401 and not handled.

Settings: FUND_WEBHOOK_SECRET (the fund's secret in DFDG_FUND_WEBHOOKS), FUND_SEEN_DIR (where
the handled ids are kept, default ./instance/fund-seen), FUND_FORWARD_URL (optional).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

import click
from flask import Flask, Response, current_app, jsonify, request

from jobnet.fund_system.follow import FeedError, forward_event, funds_cli
from jobnet.fund_system.seen import SeenEvents, seen_path

MAX_SKEW_SECONDS = 300
PATH = "/dfdg-events"


def signed_correctly(secret: str, timestamp: str, body: bytes, presented: str) -> bool:
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return hmac.compare_digest("sha256=" + mac.hexdigest(), presented)


def _refused(why: str) -> tuple[Response, int]:
    return jsonify({"error": why}), 401


def create_receiver(fund: str, secret: str, seen: SeenEvents, forward: str | None) -> Flask:
    """The receiver as a WSGI app (served by `funds receive`, called in-process by the tests)."""
    app = Flask(__name__)

    @app.post(PATH)
    def receive() -> tuple[Response, int]:
        body = request.get_data()
        timestamp = request.headers.get("X-DFDG-Timestamp", "")
        signature = request.headers.get("X-DFDG-Signature", "")
        event_id = request.headers.get("X-DFDG-Event-Id", "")
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_SKEW_SECONDS:
            return _refused("stale or missing timestamp")
        if not signed_correctly(secret, timestamp, body, signature):
            return _refused("bad signature")
        try:
            event: dict[str, Any] = json.loads(body)
        except ValueError:
            return jsonify({"error": "not JSON"}), 400
        if not event_id or event.get("id") != event_id:
            return jsonify({"error": "X-DFDG-Event-Id does not name the event"}), 400
        if event_id in seen:
            return jsonify({"id": event_id, "duplicate": True}), 200
        if forward:
            forward_event(forward, event)
        else:
            click.echo(json.dumps(event, ensure_ascii=False, sort_keys=True))
        seen.add(event_id)
        return jsonify({"id": event_id, "duplicate": False}), 200

    app.config["FUND_CVR"] = fund
    return app


@funds_cli.command("receive")
@click.argument("fund")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8765, show_default=True)
@click.option(
    "--forward", default=None, help="POST each new event here (default: FUND_FORWARD_URL)"
)
def receive_command(fund: str, host: str, port: int, forward: str | None) -> None:
    """Receive FUND's events pushed by DFDG's webhook at POST /dfdg-events; each once."""
    from werkzeug.serving import run_simple

    secret = current_app.config.get("FUND_WEBHOOK_SECRET") or ""
    if len(secret) < 32:
        raise FeedError("FUND_WEBHOOK_SECRET must be the fund's webhook secret (32+ characters)")
    target = forward or current_app.config.get("FUND_FORWARD_URL") or None
    receiver = create_receiver(fund, secret, SeenEvents(seen_path(fund)), target)
    run_simple(host, port, receiver)
