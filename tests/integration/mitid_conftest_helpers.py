"""A bare Flask app serving only the MitID simulator, and helpers to drive the login flow.

The app has Flask-Babel and Flask-WTF but none of Jobnet's own layout: a minimal `base.html`
with the `title` and `content` blocks stands in for the real one, and the simulator's templates
and the form macros come from the project's templates folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import Babel
from flask_wtf.csrf import CSRFProtect
from jinja2 import ChoiceLoader, DictLoader, FileSystemLoader

from jobnet.mitid_sim import bp
from jobnet.web.auth.oidc import LoginRedirect, OidcRelyingParty, OidcSettings

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BASE_URL = "http://localhost"
ISSUER = f"{BASE_URL}/mitid-sim"

MINIMAL_BASE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{% block title %}{% endblock %}</title></head>
<body><main id="main-content">{% block content %}{% endblock %}</main></body></html>
"""


def make_sim_app(key_path: Path, csrf: bool = False, **config: Any) -> Flask:
    app = Flask("mitid_sim_test")
    app.config.update(
        SECRET_KEY="mitid-sim-test-secret",
        TESTING=True,
        WTF_CSRF_ENABLED=csrf,
        PUBLIC_BASE_URL=BASE_URL,
        MITID_SIMULATOR_ENABLED=True,
        MITID_SIM_KEY_PATH=str(key_path),
        BABEL_DEFAULT_LOCALE="en",
    )
    app.config.update(config)
    app.jinja_loader = ChoiceLoader(
        [
            DictLoader({"base.html": MINIMAL_BASE}),
            FileSystemLoader(PROJECT_ROOT / "templates"),
        ]
    )
    Babel(app)
    CSRFProtect(app)
    app.register_blueprint(bp, url_prefix="/mitid-sim")
    return app


def settings(kind: str = "citizen", **overrides: Any) -> OidcSettings:
    config: dict[str, Any] = {"PUBLIC_BASE_URL": BASE_URL, "MITID_SIMULATOR_ENABLED": True}
    config.update(overrides)
    return OidcSettings.from_config(config, kind)  # type: ignore[arg-type]


def relying_party(app: Flask, kind: str = "citizen", **overrides: Any) -> OidcRelyingParty:
    return OidcRelyingParty(settings(kind, **overrides), transport=httpx.WSGITransport(app=app))


def local_path(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def query_args(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


@dataclass
class Callback:
    """Where the simulator sent the browser back to, and the login it belongs to."""

    location: str
    redirect: LoginRedirect

    @property
    def args(self) -> dict[str, str]:
        return query_args(self.location)


def login_at_simulator(
    client: FlaskClient, rp: OidcRelyingParty, form: dict[str, str], with_csrf: bool = False
) -> Callback:
    """Begin a login, show the simulator's page, submit `form` and return the redirect back."""
    redirect = rp.begin_login()
    page = client.get(local_path(redirect.url))
    assert page.status_code == 200, page.get_data(as_text=True)
    data = dict(form)
    if with_csrf:
        data["csrf_token"] = csrf_token(page.get_data(as_text=True))
    response = client.post(local_path(redirect.url), data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return Callback(response.headers["Location"], redirect)


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    if match is None:
        match = re.search(r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match is not None, "no CSRF token on the page"
    return match.group(1)


class RewritingTransport(httpx.BaseTransport):
    """Passes requests to the simulator and lets a test rewrite the JSON answer of one path."""

    def __init__(self, app: Flask) -> None:
        self.inner = httpx.WSGITransport(app=app)
        self.rewrites: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        rewrite = self.rewrites.get(request.url.path)
        if rewrite is None or response.status_code != 200:
            return response
        response.read()
        body = rewrite(json.loads(response.content))
        return httpx.Response(200, json=body)
