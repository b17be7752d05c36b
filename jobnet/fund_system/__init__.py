"""A small program an unemployment insurance fund runs: it follows its event feed at DFDG.

    flask --app jobnet.fund_system funds follow 39190021 [--once] [--forward URL]

It is a connected system of its own, with its own bearer token, and imports nothing of DFDG or
the web app: it speaks to DFDG's API over HTTP only (`GET /api/v1/funds/{fund}/events`). It
keeps its cursor in a file (one a fund), written after each event is printed or forwarded, so a
restart continues where it stopped; asking after the cursor is what tells DFDG the fund has
the events up to it.

Settings (environment variables of the same name, or the app's config in tests):
- FUND_DFDG_BASE_URL: where DFDG answers, without /api/v1 (e.g. http://dfdg:8000);
- FUND_DFDG_TOKEN: the fund's system's bearer token (DFDG_SYSTEM_TOKENS on DFDG's side);
- FUND_CURSOR_DIR: where the cursor files are kept (default ./instance/fund-cursors);
- FUND_FORWARD_URL: where to POST each event as JSON (optional; else printed as a JSON line).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

SETTINGS = ("FUND_DFDG_BASE_URL", "FUND_DFDG_TOKEN", "FUND_CURSOR_DIR", "FUND_FORWARD_URL")


def create_fund_app(settings: Mapping[str, Any] | None = None) -> Flask:
    """The fund's program as a Flask app (for its CLI only: it serves no pages)."""
    app = Flask(__name__)
    app.config.update(
        {
            "FUND_DFDG_BASE_URL": "http://127.0.0.1:5000/dfdg",
            "FUND_DFDG_TOKEN": "",
            "FUND_CURSOR_DIR": os.path.join("instance", "fund-cursors"),
            "FUND_FORWARD_URL": "",
        }
    )
    app.config.update({name: os.environ[name] for name in SETTINGS if name in os.environ})
    app.config.update(settings or {})
    from jobnet.fund_system.follow import funds_cli

    app.cli.add_command(funds_cli)
    return app


def create_app() -> Flask:
    """What `flask --app jobnet.fund_system` finds."""
    return create_fund_app()
