"""Every route carries an access decision, and every non-public one refuses anonymous visitors."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

from flask import Flask

from jobnet.web.auth.users import ACCESS_ATTRIBUTE

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


def _refused(response_status: int, location: str | None, mimetype: str, url: str) -> bool:
    """Sent to log in and back to `url`; an API (a JSON answer) may say 401 or 403 instead."""
    if response_status == 302 and location:
        target = urlsplit(location)
        return target.path == "/auth/login" and dict(parse_qsl(target.query)).get("next") == url
    return response_status in (401, 403) and mimetype == "application/json"


def test_every_non_public_route_refuses_anonymous_visitors(make_app) -> None:  # type: ignore[no-untyped-def]
    # Without CSRF protection an anonymous POST reaches the access decision itself, instead of
    # being stopped earlier by a missing token (400), which would prove nothing about access.
    app = make_app(WTF_CSRF_ENABLED=False)
    client = app.test_client()
    checked: Counter[str] = Counter()
    let_through = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(NOT_OURS):
            continue
        if getattr(app.view_functions[rule.endpoint], ACCESS_ATTRIBUTE) == "public":
            continue
        url = _sample_url(rule.rule)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method)
            if not _refused(response.status_code, response.location, response.mimetype, url):
                let_through.append((method, rule.rule, response.status_code, response.location))
            checked[method] += 1
    assert not let_through, f"non-public routes not refused to anonymous visitors: {let_through}"
    assert checked["GET"] > 0
    assert checked["POST"] > 0
