"""Every route carries an access decision, and every non-public one refuses anonymous visitors."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from jobnet.auth.users import ACCESS_ATTRIBUTE

# The simulator is a separate identity provider that happens to be served here in development.
NOT_OURS = ("static", "mitid_sim.")


def _our_endpoints(app: Flask) -> list[str]:
    return sorted(e for e in app.view_functions if not e.startswith(NOT_OURS))


def test_every_view_has_an_access_decorator(app: Flask) -> None:
    undecided = [
        endpoint
        for endpoint in _our_endpoints(app)
        if getattr(app.view_functions[endpoint], ACCESS_ATTRIBUTE, None) is None
    ]
    assert not undecided, f"views without @public/@citizen_required/...: {undecided}"


def _sample_url(rule: str) -> str:
    rule = re.sub(r"<int:(\w+)>", "1", rule)
    return re.sub(r"<(?:[a-z]+:)?(\w+)>", "x1", rule)


def test_every_non_public_route_refuses_anonymous_visitors(app: Flask, client: FlaskClient) -> None:
    checked = 0
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(NOT_OURS):
            continue
        if getattr(app.view_functions[rule.endpoint], ACCESS_ATTRIBUTE) == "public":
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(_sample_url(rule.rule), method=method)
            assert response.status_code in (302, 400), (rule.rule, method, response.status_code)
            if response.status_code == 302:
                assert "/auth/login" in response.location
            checked += 1
    assert checked > 0
