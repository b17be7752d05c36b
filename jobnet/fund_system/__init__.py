"""A small program an unemployment insurance fund runs: it follows its event feed at DFDG.

    flask --app jobnet.fund_system funds follow 39190021 [--once] [--forward URL]
    flask --app jobnet.fund_system funds receive 39190021 [--port 8765] [--forward URL]

It is a connected system of its own, with its own bearer token, and imports nothing of DFDG or
the web app: it speaks to DFDG's API over HTTP only (`GET /api/v1/funds/{fund}/events`). It
keeps its cursor in a file (one a fund), written after each event is printed or forwarded, so a
restart continues where it stopped; asking after the cursor is what tells DFDG the fund has
the events up to it.

Settings (environment variables of the same name, or the app's config in tests):
- FUND_DFDG_BASE_URL: where DFDG answers, without /api/v1 (e.g. http://dfdg:8000);
- FUND_DFDG_TOKEN: the fund's system's bearer token (DFDG_SYSTEM_TOKENS on DFDG's side);
- FUND_CURSOR_DIR: where the cursor files are kept (default ./instance/fund-cursors);
- FUND_FORWARD_URL: where to POST each event as JSON (optional; else printed as a JSON line);
- FUND_SEEN_DIR: where the ids of the events handled are kept (default ./instance/fund-seen):
  an event DFDG gives again (the feed after a crash before the cursor was written, a webhook
  pushed again after a crash before DFDG recorded the answer) is handled once;
- FUND_WEBHOOK_SECRET: the fund's webhook secret (`funds receive` checks each push's signature).

`funds receive` is the webhook's receiver (`receiver.py`). Both dedupe on the event's id, and
forward it with `X-DFDG-Event-Id` so the fund's case system can dedupe too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

SETTINGS = (
    "FUND_DFDG_BASE_URL",
    "FUND_DFDG_TOKEN",
    "FUND_CURSOR_DIR",
    "FUND_FORWARD_URL",
    "FUND_SEEN_DIR",
    "FUND_WEBHOOK_SECRET",
)


def create_fund_app(settings: Mapping[str, Any] | None = None) -> Flask:
    """The fund's program as a Flask app (for its CLI only: it serves no pages)."""
    app = Flask(__name__)
    app.config.update(
        {
            "FUND_DFDG_BASE_URL": "http://127.0.0.1:5000/dfdg",
            "FUND_DFDG_TOKEN": "",
            "FUND_CURSOR_DIR": os.path.join("instance", "fund-cursors"),
            "FUND_FORWARD_URL": "",
            "FUND_SEEN_DIR": os.path.join("instance", "fund-seen"),
            "FUND_WEBHOOK_SECRET": "",
        }
    )
    app.config.update({name: os.environ[name] for name in SETTINGS if name in os.environ})
    app.config.update(settings or {})
    from jobnet.fund_system import receiver  # noqa: F401 - registers `funds receive`
    from jobnet.fund_system.follow import funds_cli

    app.cli.add_command(funds_cli)
    return app


def create_app() -> Flask:
    """What `flask --app jobnet.fund_system` finds."""
    return create_fund_app()
