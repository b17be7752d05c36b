"""The public pages, the language choice, error pages and the security baseline."""

from __future__ import annotations

import html5lib
import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.clients.dfdg_client.errors import DfdgUnavailable

PAGES = ["/", "/was", "/data-protection"]


def parse_strictly(body: str) -> None:
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(body)


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_render_in_danish_by_default(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert '<html lang="da"' in body
    parse_strictly(body)


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_follow_accept_language(client: FlaskClient, path: str) -> None:
    body = client.get(path, headers={"Accept-Language": "en-GB,en;q=0.8"}).get_data(as_text=True)
    assert '<html lang="en"' in body


def test_language_choice_persists_and_beats_the_browser(client: FlaskClient) -> None:
    response = client.get("/language/en?next=/was")
    assert response.status_code == 302
    assert response.headers["Location"] == "/was"
    body = client.get("/", headers={"Accept-Language": "da"}).get_data(as_text=True)
    assert '<html lang="en"' in body
    client.get("/language/da?next=/")
    assert '<html lang="da"' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil"])
def test_language_switch_only_redirects_locally(client: FlaskClient, target: str) -> None:
    response = client.get("/language/en", query_string={"next": target})
    assert response.headers["Location"] == "/"


def test_the_other_language_link_carries_its_lang(client: FlaskClient) -> None:
    body = client.get("/was").get_data(as_text=True)
    assert 'lang="en" hreflang="en"' in body
    assert "/language/en?next=/was" in body


def test_footer_links_to_accessibility_statement_and_data_protection(client: FlaskClient) -> None:
    body = client.get("/").get_data(as_text=True)
    assert 'href="/was"' in body
    assert 'href="/data-protection"' in body


def test_security_headers(client: FlaskClient) -> None:
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.get_data(as_text=True)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"]
    assert response.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in response.headers


def test_nonce_changes_per_request(client: FlaskClient) -> None:
    first = client.get("/").headers["Content-Security-Policy"]
    assert first != client.get("/").headers["Content-Security-Policy"]


def test_every_script_and_style_element_carries_the_nonce(client: FlaskClient) -> None:
    response = client.get("/")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    doc = html5lib.parse(response.get_data(as_text=True), namespaceHTMLElements=False)
    for element in doc.iter("script"):
        assert element.get("src") or element.get("nonce") == nonce
    for element in doc.iter("style"):
        assert element.get("nonce") == nonce
    assert not [e for e in doc.iter() if e.get("style")]


def test_hsts_in_production_shape(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(HSTS=True)
    assert "max-age" in app.test_client().get("/").headers["Strict-Transport-Security"]


def test_404_page_is_friendly_and_localised(client: FlaskClient) -> None:
    response = client.get("/no-such-page", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)
    response = client.get("/no-such-page")
    assert "Siden blev ikke fundet" in response.get_data(as_text=True)


def _add_failing_routes(app: Flask) -> None:
    @app.get("/_fails")
    def boom() -> str:
        raise RuntimeError("secret detail")

    @app.get("/_dfdg_down")
    def dfdg_down() -> str:
        raise DfdgUnavailable("connection refused")

    @app.get("/_forbidden")
    def forbidden() -> str:
        from flask import abort

        abort(403)

    @app.route("/_form", methods=["GET", "POST"])
    def form() -> str:
        return "ok"


@pytest.fixture
def failing_client(make_app) -> FlaskClient:  # type: ignore[no-untyped-def]
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    _add_failing_routes(app)
    return app.test_client()


def test_500_page_never_shows_a_trace(failing_client: FlaskClient) -> None:
    response = failing_client.get("/_fails", headers={"Accept-Language": "en"})
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "Sorry, there is a problem with the service" in body
    assert "Traceback" not in body and "secret detail" not in body


def test_dfdg_unavailable_shows_a_kind_page(failing_client: FlaskClient) -> None:
    response = failing_client.get("/_dfdg_down", headers={"Accept-Language": "en"})
    assert response.status_code == 503 and response.headers["Retry-After"] == "60"
    page = response.get_data(as_text=True)
    assert "This part of Jobnet cannot be shown right now" in page and "What works now" in page


def test_403_page(failing_client: FlaskClient) -> None:
    response = failing_client.get("/_forbidden", headers={"Accept-Language": "en"})
    assert response.status_code == 403
    assert "You do not have access" in response.get_data(as_text=True)


def test_post_without_csrf_token_gets_the_expired_form_page(failing_client: FlaskClient) -> None:
    response = failing_client.post("/_form", data={"x": "1"}, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "The form has expired" in body
    assert 'href="/_form"' in body
